import InterviewEngine

/// What reading one line gave.
enum LineEvent: Equatable {
    case line(String)
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
    /// A second Ctrl-C on an empty line: the candidate wants to leave.
    case interrupt
}

/// What to show while the candidate is typing: time warnings, and a new prompt when the clock is visible.
struct IdleUpdate: Equatable {
    var notices: [String] = []
    /// Replaces the prompt (nil: keep it).
    var prompt: String?
}

/// Reads the candidate's lines. Readline for a terminal, plain stdin for a pipe; tests script it.
protocol LineReader: AnyObject {
    /// Reads one line after showing `prompt` (plain readers show nothing). Terminal readers call `idle` about once a
    /// second while they wait for a key and show what it returns.
    func readLine(prompt: String, idle: (() -> IdleUpdate)?) -> LineEvent
    /// Remembers `line` for recall with the Up key (and in the history file).
    func remember(_ line: String)
    /// True when prompts and colours are shown (a terminal).
    var isInteractive: Bool { get }
}

/// What the candidate gave at one prompt.
enum CandidateInput: Equatable {
    case text(String)
    case endOfInput
    case interrupt
}

extension LineReader {
    /// Reads one line with no idle updates.
    func readLine(prompt: String) -> LineEvent { readLine(prompt: prompt, idle: nil) }

    /// Reads a whole input: a command, or an answer of several lines ended by an empty line or `.`.
    /// A request to leave (double Ctrl-C) is confirmed with `confirmLeave`; when declined, the lines typed so far
    /// are kept and reading goes on.
    func readInput(prompt: String, continuation: String, singleLine: Bool, idle: (() -> IdleUpdate)? = nil,
                   confirmLeave: () -> Bool) -> CandidateInput {
        var assembler = AnswerAssembler(singleLine: singleLine)
        while true {
            // Only the first line's prompt carries the clock.
            let lineIdle: (() -> IdleUpdate)? = assembler.isEmpty ? idle : idle.map { f in { IdleUpdate(notices: f().notices) } }
            switch readLine(prompt: assembler.isEmpty ? prompt : continuation, idle: lineIdle) {
            case .interrupt:
                if confirmLeave() { return .interrupt }
            case .endOfInput:
                // Ctrl-D on an empty continuation line ends the answer; on the first line it leaves.
                guard let partial = assembler.endOfInput() else { return .endOfInput }
                return .text(partial)
            case .line(let line):
                if AnswerAssembler.keepsInHistory(line) { remember(line) }
                if case .complete(let input) = assembler.feed(line) { return .text(input) }
            }
        }
    }
}
