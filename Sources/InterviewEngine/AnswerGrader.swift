import RubricKit

/// Grades one answer against a rubric. The engine calls it; tests inject their own.
public struct AnswerGrader: Sendable {
    private let body: @Sendable (String, Rubric) -> AnswerGrade

    public init(_ body: @escaping @Sendable (String, Rubric) -> AnswerGrade) { self.body = body }

    /// Grades with the rubric scorer.
    public init(scorer: RubricScorer) { self.init { scorer.grade($0, against: $1) } }

    public func grade(_ answer: String, against rubric: Rubric) -> AnswerGrade { body(answer, rubric) }
}
