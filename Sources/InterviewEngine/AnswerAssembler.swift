import Foundation

/// Turns typed lines into one input: a `:command` or an answer of several lines ended by an empty line or a
/// lone `.`. Pure, so the terminal's line readers (readline, plain stdin, scripted) share one behaviour.
public struct AnswerAssembler: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// The input goes on: read another line (with the continuation prompt).
        case needMore
        /// The input is complete.
        case complete(String)
    }

    /// Lines of the answer so far.
    public private(set) var lines: [String] = []
    /// When true every line is complete on its own (the prompt after feedback).
    public let singleLine: Bool

    public init(singleLine: Bool = false) { self.singleLine = singleLine }

    public var isEmpty: Bool { lines.isEmpty }

    public mutating func feed(_ line: String) -> Outcome {
        if singleLine { return .complete(line) }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if lines.isEmpty {
            // A command or an empty first line is complete at once.
            if trimmed.isEmpty || trimmed == "." { return .complete("") }
            if case .command = ParsedInput(trimmed) { return .complete(trimmed) }
            if case .unknownCommand = ParsedInput(trimmed) { return .complete(trimmed) }
        } else if trimmed.isEmpty || trimmed == "." {
            return .complete(lines.joined(separator: "\n"))
        }
        lines.append(line)
        return .needMore
    }

    /// End of input (Ctrl-D, end of a pipe): the answer so far, or nil when nothing was typed.
    public func endOfInput() -> String? {
        lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// Whether `line` belongs in the line-editing history (not the terminators).
    public static func keepsInHistory(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return !trimmed.isEmpty && trimmed != "."
    }
}
