import InterviewEngine

/// Parses the interviewer's short commands.
public enum ConductCommandParser {
    /// The `:` commands of the notes prompt, for Tab completion.
    public static let commandTokens = [":next", ":rate", ":show", ":answer", ":follow", ":skip", ":quit", ":help"]

    public enum Override: Sendable, Equatable {
        case tick(Int), untick(Int), misconception(Int)
    }

    /// `+3`, `-5`, `!2`, or several separated by spaces (`+3 +4 -5`); nil when the line is anything else,
    /// so a note like `-1 for naming` is kept as a note only if some token is not an override.
    public static func overrides(_ line: String) -> [Override]? {
        let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
        guard !tokens.isEmpty else { return nil }
        var out: [Override] = []
        for t in tokens {
            guard let sign = t.first, let n = Int(t.dropFirst()), n > 0, t.dropFirst().allSatisfy(\.isNumber) else { return nil }
            switch sign {
            case "+": out.append(.tick(n))
            case "-": out.append(.untick(n))
            case "!": out.append(.misconception(n))
            default: return nil
            }
        }
        return out
    }

    /// The command word of a `:command args` line, lower-cased, without the colon.
    public static func command(_ line: String) -> String {
        String(line.dropFirst().split(separator: " ").first ?? "").lowercased()
    }

    /// `1`–`4`, or a verdict's name (`strong no`, `strong-no`, `no`, `yes`, `strong yes`, `sn`, `sy`).
    public static func verdict(_ line: String) -> Recommendation.Verdict? {
        let key = line.lowercased().replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        switch key {
        case "1", "strong-no", "sn", "强烈不推荐": return .strongNo
        case "2", "no", "n", "不推荐": return .no
        case "3", "yes", "y", "推荐": return .yes
        case "4", "strong-yes", "sy", "强烈推荐": return .strongYes
        default: return nil
        }
    }
}
