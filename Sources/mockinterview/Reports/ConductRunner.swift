import Foundation
import ReportKit
import SessionStore

/// Performs a `ConductSession`'s effects — print, save, prompt — and feeds it the interviewer's lines.
/// Every `save` is committed before the next prompt appears, so a killed process loses nothing typed.
struct ConductRunner {
    var session: ConductSession
    let store: SessionStore
    let reader: any LineReader
    let console: Console
    let clock: () -> Date

    mutating func run(resuming: Bool) throws {
        var effects = resuming ? session.resume(at: clock()) : session.start(at: clock())
        while true {
            var prompt = "❯ "
            for effect in effects {
                switch effect {
                case let .say(text, style): console.out(console.fitted(styled(text, style)))
                case .save: try SessionStoreAccess.run { try store.save(session.record) }
                case .prompt(let p): prompt = p
                case .end: return
                }
            }
            switch reader.readLine(prompt: promptText(prompt)) {
            case .line(let line):
                if !line.trimmingCharacters(in: .whitespaces).isEmpty { reader.remember(line) }
                effects = session.handle(line: line, at: clock())
            case .endOfInput, .interrupt:
                effects = session.interrupt(at: clock())
            }
        }
    }

    private func styled(_ text: String, _ style: ConductStyle) -> String {
        switch style {
        case .plain: return text
        case .heading: return console.style(text, .bold)
        case .dim: return console.style(text, .dim)
        case .hit: return console.style(text, .green)
        case .miss: return console.style(text, .red)
        case .warning: return console.style(text, .yellow)
        case .error: return console.style(text, .boldRed)
        }
    }

    /// Readline needs `\u{1}`…`\u{2}` around escape codes to measure the prompt.
    private func promptText(_ prompt: String) -> String {
        guard reader.isInteractive else { return "" }
        guard console.colorOut else { return prompt }
        return "\u{1}\u{1B}[1;36m\u{2}" + prompt + "\u{1}\u{1B}[0m\u{2}"
    }
}
