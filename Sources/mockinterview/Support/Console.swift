import Foundation
import RubricKit

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

    /// The terminal's width in columns when stdout is a terminal; nil otherwise (output for files and
    /// pipes is not wrapped).
    var terminalWidth: Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// `block` with each line wrapped to the terminal; a wrapped line's later parts are indented
    /// under its text, past any leading spaces and bullet (`✓ ✗ ⚠ • │ -` or `1.`). Unchanged off a
    /// terminal, so files and pipes get one line per line.
    func fitted(_ block: String) -> String {
        guard let width = terminalWidth, width >= 20 else { return block }
        return block.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let line = String(line)
            guard TextWidth.columns(line) > width else { return line }
            let indent = min(width / 2, Self.hangingIndent(of: line))
            let pad = String(repeating: " ", count: indent)
            return TextWidth.wrap(line, width: width - 1, laterWidth: width - 1 - indent).enumerated()
                .map { $0.offset == 0 ? $0.element : pad + $0.element }.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// Columns of leading spaces, a checkbox and a bullet or list number with their spaces.
    static func hangingIndent(of line: String) -> Int {
        var rest = Substring(TextWidth.withoutColour(line))
        var indent = 0
        func take(_ n: Int) { indent += TextWidth.columns(String(rest.prefix(n))); rest = rest.dropFirst(n) }
        take(rest.prefix { $0 == " " }.count)
        // A checkbox (`[ ] `, `[x] `), then a bullet (`✓ `) or a number (`12. `, `!3. `).
        if rest.count > 3, rest.first == "[", rest.dropFirst(2).first == "]", rest.dropFirst(3).first == " " { take(4) }
        if let first = rest.first, ["✓", "✗", "⚠", "•", "│", "-", "·"].contains(first), rest.dropFirst().first == " " {
            take(2)
        } else {
            let number = rest.prefix { $0 == "!" || $0.isNumber }
            if number.contains(where: \.isNumber), rest.dropFirst(number.count).hasPrefix(". ") { take(number.count + 2) }
        }
        return indent
    }

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

    /// Bytes as they are (JSON Lines).
    func out(bytes: ArraySlice<UInt8>) {
        FileHandle.standardOutput.write(Data(bytes))
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
