/// A grade with every step behind it: each pattern found (with its position), each negation,
/// each value check, and the arithmetic. `rubric explain` prints it; JSON schema 1.
public struct ScoringTrace: Sendable, Equatable, Codable {
    public var schema = 1
    public var grade: AnswerGrade
    public var matches: [MatchRecord]
    public var valueChecks: [ValueCheck]
    public var arithmetic: [String]

    public init(grade: AnswerGrade, matches: [MatchRecord] = [], valueChecks: [ValueCheck] = [], arithmetic: [String] = []) {
        self.grade = grade; self.matches = matches; self.valueChecks = valueChecks; self.arithmetic = arithmetic
    }
}

/// One occurrence of a rubric phrase in the answer.
public struct MatchRecord: Sendable, Equatable, Codable {
    /// `alias`, `value-key`, `misconception`, `step-cue`, `habit-cue`, `dont-know`, `negation`,
    /// `not-a-negation`, `clause-break`.
    public var kind: String
    /// The concept, misconception (`id#group`), step or habit it stands for.
    public var target: String?
    /// The phrase as the rubric writes it.
    public var pattern: String
    /// The answer's words that matched.
    public var text: String
    /// Offset in Unicode scalars from the start of the answer.
    public var offset: Int
    public var line: Int
    public var column: Int
    /// The negation cue that cancels this match.
    public var negatedBy: String?
    /// Words matched through typo tolerance or as a cue's prefix.
    public var typos: [String]
}

/// A setting's key found in the answer and the value read after it.
public struct ValueCheck: Sendable, Equatable, Codable {
    public var concept: String
    public var key: String
    public var observed: String?
    public var expected: String
    /// `right`, `wrong` or `missing` (key named without a value).
    public var verdict: String
    public var offset: Int

    init(concept: String, key: String, observed: String?, expected: String, verdict: ValueReader.Verdict, offset: Int) {
        self.concept = concept; self.key = key; self.observed = observed; self.expected = expected
        self.verdict = verdict.rawValue; self.offset = offset
    }
}
