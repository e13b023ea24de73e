/// A planned interview: which questions, in what order, with what time. Format version 1.
public struct Scenario: Sendable, Equatable, Codable {
    public static let formatVersion = 1

    public enum Order: String, Sendable, Codable, CaseIterable { case listed, shuffled }
    public enum Mode: String, Sendable, Codable, CaseIterable { case free, guided }

    public var id: String
    public var title: LocalizedText
    public var description: LocalizedText
    public var selection: QuestionSelection
    public var order: Order
    /// Seconds for the whole interview.
    public var totalSeconds: Int
    /// Seconds per question unless overridden.
    public var perQuestionSeconds: Int?
    public var overrides: [String: Int]
    public var mode: Mode
    /// Follow-ups asked at most per question (0 turns them off).
    public var maxFollowUps: Int
    /// Points taken off a question's score per hint used.
    public var hintPenalty: Double
    public var source: SourceLocation?

    public init(id: String, title: LocalizedText, description: LocalizedText = LocalizedText(""),
                selection: QuestionSelection, order: Order = .listed, totalSeconds: Int,
                perQuestionSeconds: Int? = nil, overrides: [String: Int] = [:], mode: Mode = .free,
                maxFollowUps: Int = 1, hintPenalty: Double = 5, source: SourceLocation? = nil) {
        self.id = id; self.title = title; self.description = description; self.selection = selection
        self.order = order; self.totalSeconds = totalSeconds; self.perQuestionSeconds = perQuestionSeconds
        self.overrides = overrides; self.mode = mode; self.maxFollowUps = maxFollowUps
        self.hintPenalty = hintPenalty; self.source = source
    }

    /// The time budget of one question.
    public func budget(for questionID: String, questionCount: Int) -> Int {
        if let s = overrides[questionID] { return s }
        if let s = perQuestionSeconds { return s }
        return questionCount > 0 ? totalSeconds / questionCount : totalSeconds
    }
}

/// Which questions a scenario asks: explicit ids, whole categories, optionally `random` of them.
public struct QuestionSelection: Sendable, Equatable, Codable {
    public var ids: [String]
    public var categories: [String]
    /// Draw this many from the pool (all questions when ids and categories are empty).
    public var random: Int?
    /// The default seed of the draw.
    public var seed: UInt64?

    public init(ids: [String] = [], categories: [String] = [], random: Int? = nil, seed: UInt64? = nil) {
        self.ids = ids; self.categories = categories; self.random = random; self.seed = seed
    }
}

/// A question category (`go`, `k8s-ops`, …).
public struct Category: Sendable, Equatable, Codable {
    public var id: String
    public var name: LocalizedText
    public init(id: String, name: LocalizedText) { self.id = id; self.name = name }
}
