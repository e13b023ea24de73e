/// The commands a candidate can type at an answer prompt, each starting with `:`.
public enum InterviewCommand: String, Sendable, CaseIterable, Codable {
    case hint, skip, `repeat`, framework, time, answer, quit, help

    /// What is typed: `:hint`.
    public var token: String { ":" + rawValue }

    /// The commands whose token starts with `prefix` (for Tab completion), in declaration order.
    public static func completions(for prefix: String) -> [String] {
        allCases.map(\.token).filter { $0.hasPrefix(prefix) }
    }
}

/// A line typed at a prompt, classified.
public enum ParsedInput: Sendable, Equatable {
    case text(String)
    case command(InterviewCommand)
    /// Starts with `:` but names no command.
    case unknownCommand(String)

    /// `:hint` (any case, surrounding spaces ignored) is a command; `:` followed by a space or nothing is text,
    /// so an answer can still start with a colon-less sentence.
    public init(_ input: String) {
        let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix(":"), trimmed.count > 1, !trimmed.contains("\n") else {
            self = .text(input)
            return
        }
        let name = trimmed.dropFirst().lowercased()
        if let command = InterviewCommand(rawValue: name) {
            self = .command(command)
        } else {
            self = .unknownCommand(trimmed)
        }
    }
}
