/// The scorer's verdict on one answer: score, grade, and every reason for them.
/// Encoded as JSON with `schema` 1 (see docs/scoring.md).
public struct AnswerGrade: Sendable, Equatable, Codable {
    public static let schemaVersion = 1

    public var schema: Int
    /// The caller's id for the answer (batch grading); absent otherwise.
    public var id: String?
    public var question: String
    /// 0–100, rounded to one decimal.
    public var score: Double
    public var grade: Grade
    public var concepts: [ConceptResult]
    public var misconceptions: [MisconceptionResult]
    public var framework: FrameworkResult
    /// Machine-readable flags: `empty`, `dont-know`, `keyword-dump`, `shallow`, `required-missing`, `wrong-value`, …
    public var flags: [String]
    public var feedback: [FeedbackItem]
    /// The arithmetic behind `score`.
    public var breakdown: ScoreBreakdown

    public init(schema: Int = AnswerGrade.schemaVersion, question: String, score: Double, grade: Grade,
                concepts: [ConceptResult], misconceptions: [MisconceptionResult], framework: FrameworkResult,
                flags: [String], feedback: [FeedbackItem], breakdown: ScoreBreakdown, id: String? = nil) {
        self.schema = schema; self.id = id; self.question = question; self.score = score; self.grade = grade
        self.concepts = concepts; self.misconceptions = misconceptions; self.framework = framework
        self.flags = flags; self.feedback = feedback; self.breakdown = breakdown
    }

    public var hitConceptIDs: [String] { concepts.filter(\.hit).map(\.id) }
    public var missedConceptIDs: [String] { concepts.filter { !$0.hit }.map(\.id) }
}

/// How one concept fared.
public struct ConceptResult: Sendable, Equatable, Codable {
    public var id: String
    public var label: String
    public var step: FrameworkStep
    public var weight: Double
    public var required: Bool
    public var hit: Bool
    /// 0–1: the share of the concept's weight earned.
    public var credit: Double
    /// The answer's words that earned it.
    public var evidence: [String]
    /// Why it earned less than full credit, when it did (`negated`, `wrong value: acks=1, expected all`).
    public var note: String?

    public init(id: String, label: String, step: FrameworkStep, weight: Double, required: Bool, hit: Bool,
                credit: Double, evidence: [String], note: String? = nil) {
        self.id = id; self.label = label; self.step = step; self.weight = weight; self.required = required
        self.hit = hit; self.credit = credit; self.evidence = evidence; self.note = note
    }
}

/// A wrong claim found in the answer.
public struct MisconceptionResult: Sendable, Equatable, Codable {
    public var id: String
    public var claim: String
    public var correction: String
    public var penalty: Double
    public var evidence: [String]

    public init(id: String, claim: String, correction: String, penalty: Double, evidence: [String]) {
        self.id = id; self.claim = claim; self.correction = correction; self.penalty = penalty; self.evidence = evidence
    }
}

/// Which of the five steps the answer shows, and whether in order.
public struct FrameworkResult: Sendable, Equatable, Codable {
    public struct StepResult: Sendable, Equatable, Codable {
        public var step: FrameworkStep
        public var present: Bool
        public var evidence: [String]
        public init(step: FrameworkStep, present: Bool, evidence: [String]) {
            self.step = step; self.present = present; self.evidence = evidence
        }
    }

    public var steps: [StepResult]
    public var inOrder: Bool
    /// Bonus habits shown (`compare`, `experience`, …).
    public var habits: [String]

    public init(steps: [StepResult], inOrder: Bool, habits: [String]) {
        self.steps = steps; self.inOrder = inOrder; self.habits = habits
    }

    public var presentSteps: [FrameworkStep] { steps.filter(\.present).map(\.step) }
}

/// One line of feedback, in the rubric's language or the one the scorer was asked for.
public struct FeedbackItem: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case covered, unexplained, missed, misconception, wrongValue = "wrong-value", framework, nextTime = "next-time", studyPlan = "study-plan"
    }
    public var kind: Kind
    public var text: String
    public init(kind: Kind, text: String) { self.kind = kind; self.text = text }
}

/// The parts of the score, each on 0–100 before weighting.
public struct ScoreBreakdown: Sendable, Equatable, Codable {
    /// Shares of the score given to each part (they add up to 1).
    public struct Weights: Sendable, Equatable, Codable {
        public var coverage: Double
        public var structure: Double
        public var similarity: Double
        public init(coverage: Double, structure: Double, similarity: Double) {
            self.coverage = coverage; self.structure = structure; self.similarity = similarity
        }
    }

    /// Coverage as scored: the weighted share of concepts, kept for depth and shaped (`(rawCoverage × depthFactor)^γ`).
    public var coverage: Double
    public var structure: Double
    public var similarity: Double
    public var penalties: Double
    /// Caps that lowered the score, e.g. `required-missing: 69`, `keyword-dump: 62.5`; a cap the
    /// score was already under is not listed.
    public var caps: [String]
    /// The weighted share of concept credit, before shaping.
    public var rawCoverage: Double
    /// The share of coverage kept for depth (1, or less for an answer that names concepts in far
    /// fewer words than the reference spends on them); nil in grades written before it existed and
    /// in interviewer checklist grades, which do not use it.
    public var depthFactor: Double?
    public var weights: Weights
    /// The weighted sum of the parts, before penalties and caps.
    public var base: Double

    public init(coverage: Double, structure: Double, similarity: Double, penalties: Double, caps: [String],
                rawCoverage: Double? = nil, depthFactor: Double? = nil,
                weights: Weights = Weights(coverage: 0.75, structure: 0.15, similarity: 0.1), base: Double = 0) {
        self.coverage = coverage; self.structure = structure; self.similarity = similarity
        self.penalties = penalties; self.caps = caps; self.rawCoverage = rawCoverage ?? coverage
        self.depthFactor = depthFactor
        self.weights = weights; self.base = base
    }
}
