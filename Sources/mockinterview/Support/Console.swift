import Foundation

/// Writes to stdout and stderr, with colour only when the stream is a terminal and NO_COLOR is unset.
struct Console: Sendable {
    let colorOut: Bool
    let colorErr: Bool

    static let shared = Console()

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let allowed = environment["NO_COLOR"].map(\.isEmpty) ?? true
        let dumb = environment["TERM"] == "dumb"
        colorOut = allowed && !dumb && isatty(STDOUT_FILENO) == 1
        colorErr = allowed && !dumb && isatty(STDERR_FILENO) == 1
    }

    var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    enum Style: String {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", cyan = "36"
        case boldRed = "1;31", boldGreen = "1;32", boldCyan = "1;36", boldYellow = "1;33", underline = "4"
    }

    func style(_ text: String, _ style: Style, err: Bool = false) -> String {
        (err ? colorErr : colorOut) ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    func out(_ text: String = "", terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((text + terminator).utf8))
    }

    func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// `mockinterview: error: message` on stderr.
    func error(_ message: String) {
        err(style("mockinterview: error:", .boldRed, err: true) + " " + message)
    }

    func warning(_ message: String) {
        err(style("mockinterview: warning:", .boldYellow, err: true) + " " + message)
    }
}
