import Foundation
import InterviewEngine
import SessionStore

/// Performs the engine's effects in order — print, save, ask — and feeds the candidate's input back.
/// Every `save` is committed before the next prompt is shown. A class so the reader's idle callback can move
/// the session's clock while the candidate types.
final class PracticeRunner {
    private(set) var session: InterviewSession
    let store: SessionStore
    let reader: any LineReader
    let renderer: SessionRenderer
    let clock: () -> Date
    let showClock: Bool
    let t: Localizer

    /// Where shown text goes (stdout; tests collect it).
    let output: (String) -> Void

    init(session: InterviewSession, store: SessionStore, reader: any LineReader, renderer: SessionRenderer,
         clock: @escaping () -> Date, showClock: Bool, t: Localizer,
         output: @escaping (String) -> Void = { Console.shared.out(Console.shared.fitted($0)) }) {
        self.session = session; self.store = store; self.reader = reader; self.renderer = renderer
        self.clock = clock; self.showClock = showClock; self.t = t; self.output = output
    }

    /// Runs until the interview ends; returns how it ended.
    func run() throws -> EndReason {
        var effects = session.handle(.start, at: clock())
        while true {
            var prompt: AnswerPrompt?
            for effect in effects {
                switch effect {
                case .show(let message): output(renderer.render(message))
                case .warnTime(let warning): output(renderer.warning(warning))
                case .save(let record): try SessionStoreAccess.run { try store.save(record) }
                case .ask(let p): prompt = p
                case .end(let reason): return reason
                }
            }
            guard let prompt else { return .quit }
            effects = next(after: prompt)
        }
    }

    /// Moves the clock while waiting: time warnings as they fall due, and the visible clock.
    private func idle() -> IdleUpdate {
        let effects = session.handle(.tick, at: clock())
        var update = IdleUpdate()
        for case let .warnTime(w) in effects { update.notices.append(renderer.warning(w)) }
        if showClock, let p = session.currentPrompt {
            update.prompt = renderer.prompt(p, clock: true, interactive: reader.isInteractive).first
        }
        return update
    }

    private func next(after prompt: AnswerPrompt) -> [InterviewEffect] {
        let (first, continuation) = renderer.prompt(prompt, clock: showClock, interactive: reader.isInteractive)
        let reader = self.reader, t = self.t
        let input = reader.readInput(prompt: first, continuation: continuation,
                                     singleLine: prompt.kind == .continueAfterFeedback, idle: { [unowned self] in idle() }) {
            guard case .line(let answer) = reader.readLine(prompt: t("保存并退出？[y/N] ", "Save and leave? [y/N] ")) else {
                return true
            }
            return ["y", "yes", "是", "好"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
        }
        switch input {
        case .text(let text):
            return session.handle(.input(text), at: clock())
        case .endOfInput, .interrupt:
            return session.handle(.command(.quit), at: clock())
        }
    }
}
