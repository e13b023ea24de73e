import Foundation

/// Something that happened to the interview. Every event is handled with the time it happened.
public enum InterviewEvent: Sendable, Equatable {
    /// Show the briefing (or the recap of a resumed session) and ask the first open question.
    case start
    /// What the candidate typed at the prompt: an answer (possibly several lines) or a `:command`.
    case input(String)
    /// A command chosen outside the prompt (Ctrl-D, a confirmed Ctrl-C: `.quit`).
    case command(InterviewCommand)
    /// Time passed; only the clock moves (and time warnings may fire).
    case tick
}
