import Foundation
import RubricKit

/// The end-of-session overview: per-question grades, framework coverage, time, weakest concepts.
/// Computed from a record alone, so reports and statistics can reuse it.
public struct SessionSummary: Sendable, Equatable, Codable {
    public struct QuestionLine: Sendable, Equatable, Codable {
        public var position: Int
        public var questionID: String
        public var text: LocalizedText?
        public var grade: Grade?
        public var score: Double?
        public var skipped: Bool
        public var hintsUsed: Int
        public var followUps: Int
        public var secondsUsed: Double
        public var budgetSeconds: Int
        public var overran: Bool
    }

    /// In how many graded answers a framework step was present.
    public struct StepCoverage: Sendable, Equatable, Codable {
        public var step: FrameworkStep
        public var present: Int
        public var of: Int
        public init(step: FrameworkStep, present: Int, of: Int) { self.step = step; self.present = present; self.of = of }
    }

    /// A concept missed, with how much it weighed.
    public struct MissedConcept: Sendable, Equatable, Codable {
        public var questionID: String
        public var conceptID: String
        public var label: String
        public var required: Bool
        public var weight: Double
    }

    public var sessionID: String
    public var scenarioTitle: LocalizedText
    public var questions: [QuestionLine]
    public var averageScore: Double?
    /// The average score on the standard grade bands.
    public var overallGrade: Grade?
    public var stepCoverage: [StepCoverage]
    public var elapsedSeconds: Double
    public var totalBudgetSeconds: Int
    /// Required concepts first, then by weight; at most `weakestLimit`.
    public var weakestConcepts: [MissedConcept]

    public static let weakestLimit = 5

    /// - Parameter conceptLabel: a concept's label in the session's language (question id, concept id), when the
    ///   rubric is at hand; else the label as graded (the rubric's language).
    public init(record: SessionRecord, conceptLabel: (String, String) -> String? = { _, _ in nil }) {
        sessionID = record.id
        scenarioTitle = record.scenarioTitle
        questions = record.questions.map { q in
            QuestionLine(position: q.position, questionID: q.questionID, text: q.question, grade: q.grade?.grade,
                         score: q.grade?.score, skipped: q.skipped, hintsUsed: q.hintsUsed,
                         followUps: q.turns.filter { $0.kind == .followUp && !$0.text.isEmpty }.count,
                         secondsUsed: q.secondsUsed, budgetSeconds: q.budgetSeconds, overran: q.overran)
        }
        averageScore = record.averageScore.map { ($0 * 10).rounded() / 10 }
        overallGrade = averageScore.map { GradeBands.standard.grade(for: $0) }
        let grades = record.questions.compactMap(\.grade)
        stepCoverage = FrameworkStep.allCases.map { step in
            StepCoverage(step: step,
                         present: grades.filter { $0.framework.presentSteps.contains(step) }.count,
                         of: grades.count)
        }
        elapsedSeconds = record.elapsedSeconds
        totalBudgetSeconds = record.totalBudgetSeconds
        var missed: [(Int, MissedConcept)] = []
        for q in record.questions {
            for c in q.grade?.concepts ?? [] where !c.hit {
                missed.append((q.position, MissedConcept(questionID: q.questionID, conceptID: c.id,
                                                         label: conceptLabel(q.questionID, c.id) ?? c.label,
                                                         required: c.required, weight: c.weight)))
            }
        }
        weakestConcepts = missed.enumerated().sorted { a, b in
            let (x, y) = (a.element.1, b.element.1)
            if x.required != y.required { return x.required }
            if x.weight != y.weight { return x.weight > y.weight }
            return a.offset < b.offset
        }.prefix(SessionSummary.weakestLimit).map(\.element.1)
    }
}
