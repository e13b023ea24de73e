/// One question with everything it is graded on. Format version 1.
public struct Rubric: Sendable, Equatable, Codable {
    public static let formatVersion = 1

    public var id: String
    public var category: String
    /// The language feedback is written in.
    public var language: Language
    public var question: LocalizedText
    public var standardAnswer: String
    /// More reference answers (drafted rubrics); they feed the similarity signal.
    public var alternatives: [String]
    /// Where the standard answer was corrected against the source, and why.
    public var corrections: [String]
    public var concepts: [Concept]
    public var misconceptions: [Misconception]
    public var followUps: [FollowUp]
    public var hints: [LocalizedText]
    public var examples: [GradedExample]
    public var bands: GradeBands
    /// Share of the score (0–1) given to similarity with the standard answer.
    public var similarityWeight: Double
    /// The share (0–1] of the concepts' total weight that earns full coverage; nil means all of it.
    /// Drafted rubrics of long reference answers set it: a good answer names only part of them.
    public var coverageTarget: Double?
    /// The file it was read from, for diagnostics.
    public var source: SourceLocation?

    public init(id: String, category: String, language: Language = .zh, question: LocalizedText,
                standardAnswer: String, alternatives: [String] = [], corrections: [String] = [],
                concepts: [Concept], misconceptions: [Misconception] = [], followUps: [FollowUp] = [],
                hints: [LocalizedText] = [], examples: [GradedExample] = [], bands: GradeBands = .standard,
                similarityWeight: Double = 0.1, coverageTarget: Double? = nil, source: SourceLocation? = nil) {
        self.id = id; self.category = category; self.language = language; self.question = question
        self.standardAnswer = standardAnswer; self.alternatives = alternatives; self.corrections = corrections
        self.concepts = concepts; self.misconceptions = misconceptions; self.followUps = followUps
        self.hints = hints; self.examples = examples; self.bands = bands
        self.similarityWeight = similarityWeight; self.coverageTarget = coverageTarget; self.source = source
    }

    public func concept(_ id: String) -> Concept? { concepts.first { $0.id == id } }
}

/// A key point an answer is graded on.
public struct Concept: Sendable, Equatable, Codable {
    public var id: String
    public var label: LocalizedText
    /// Words and phrases, Chinese or English, that show the concept.
    public var aliases: [String]
    public var weight: Double
    public var step: FrameworkStep
    public var required: Bool
    /// Settings whose value must be right (`acks` = `all`).
    public var values: [ValueFact]
    /// The sentence that teaches the concept; defaults to the standard answer's sentence naming it.
    public var teach: LocalizedText?
    /// Snippets that must credit this concept.
    public var mustHit: [String]
    /// Snippets that must not credit this concept.
    public var mustMiss: [String]
    public var source: SourceLocation?

    public init(id: String, label: LocalizedText, aliases: [String], weight: Double = 1,
                step: FrameworkStep = .core, required: Bool = false, values: [ValueFact] = [],
                teach: LocalizedText? = nil, mustHit: [String] = [], mustMiss: [String] = [],
                source: SourceLocation? = nil) {
        self.id = id; self.label = label; self.aliases = aliases; self.weight = weight; self.step = step
        self.required = required; self.values = values; self.teach = teach
        self.mustHit = mustHit; self.mustMiss = mustMiss; self.source = source
    }
}

/// A setting and its right value: any of `keys` followed by any of `accepted`.
public struct ValueFact: Sendable, Equatable, Codable {
    public var keys: [String]
    public var accepted: [String]
    public init(keys: [String], accepted: [String]) {
        self.keys = keys; self.accepted = accepted
    }
    /// The value shown in feedback.
    public var expected: String { accepted.first ?? "" }
}

/// A wrong belief to detect. It is claimed when every group has a match in one sentence,
/// none of them negated.
public struct Misconception: Sendable, Equatable, Codable {
    public var id: String
    public var claim: LocalizedText
    public var match: [[String]]
    public var correction: LocalizedText
    /// Points taken off the 0–100 score.
    public var penalty: Double
    /// Answer snippets that must claim it, and snippets that must not (checked by `rubric test`).
    public var mustClaim: [String]
    public var mustNotClaim: [String]
    public var source: SourceLocation?

    public init(id: String, claim: LocalizedText, match: [[String]], correction: LocalizedText,
                penalty: Double = 10, mustClaim: [String] = [], mustNotClaim: [String] = [], source: SourceLocation? = nil) {
        self.id = id; self.claim = claim; self.match = match; self.correction = correction
        self.penalty = penalty; self.mustClaim = mustClaim; self.mustNotClaim = mustNotClaim; self.source = source
    }
}

/// A question asked after an answer that missed `whenMissing`.
public struct FollowUp: Sendable, Equatable, Codable {
    public var id: String
    /// Asked when any of these concepts was missed.
    public var whenMissing: [String]
    public var question: LocalizedText
    public var source: SourceLocation?

    public init(id: String, whenMissing: [String], question: LocalizedText, source: SourceLocation? = nil) {
        self.id = id; self.whenMissing = whenMissing; self.question = question; self.source = source
    }
}

/// A sample answer and the grades it may get.
public struct GradedExample: Sendable, Equatable, Codable {
    public var name: String
    public var answer: String
    public var expected: Set<Grade>
    /// A human grader's score, 0–100, for agreement figures.
    public var humanScore: Double?
    public var note: String?
    public var source: SourceLocation?

    public init(name: String, answer: String, expected: Set<Grade>, humanScore: Double? = nil,
                note: String? = nil, source: SourceLocation? = nil) {
        self.name = name; self.answer = answer; self.expected = expected
        self.humanScore = humanScore; self.note = note; self.source = source
    }
}
