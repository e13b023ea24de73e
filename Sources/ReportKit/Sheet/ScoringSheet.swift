import Foundation
import RubricKit

/// A blank scoring sheet for a scenario: per question, what to read out, a short standard answer, the
/// numbered concept checklist and misconceptions, the step rating scales and room for notes; at the end the
/// recommendation box. `conduct` numbers its checklist the same way, so paper and screen agree.
public struct ScoringSheet: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        /// 1-based, as typed in `+3` / `!2`.
        public var number: Int
        public var id: String
        public var text: String
        public var step: FrameworkStep?
        public var weight: Double?
        public var required: Bool
    }

    public struct Question: Sendable, Equatable {
        public var position: Int
        public var id: String
        public var category: String
        public var categoryName: String
        public var question: String
        public var shortAnswer: String
        public var budgetSeconds: Int
        public var concepts: [Item]
        public var misconceptions: [Item]
        /// Follow-up questions, each with the concept numbers it probes.
        public var followUps: [FollowUpItem]
    }

    public struct FollowUpItem: Sendable, Equatable {
        public var question: String
        /// The numbers of the concepts it probes.
        public var concepts: [Int]
    }

    public struct StepItem: Sendable, Equatable {
        public var step: FrameworkStep
        public var name: String
    }

    public var language: Language
    public var scenarioID: String
    public var title: String
    public var description: String
    public var totalSeconds: Int
    public var steps: [StepItem]
    public var questions: [Question]

    /// The sheet for `scenario` asking `questions` (as drawn by `ContentBank.questions(for:seed:)`).
    public init(scenario: Scenario, questions: [Rubric], content: ReportContent, language: Language) {
        self.language = language
        scenarioID = scenario.id
        title = scenario.title.text(language)
        description = scenario.description.text(language)
        totalSeconds = scenario.totalSeconds
        steps = FrameworkStep.allCases.map { StepItem(step: $0, name: content.stepName($0, language)) }
        self.questions = questions.enumerated().map { i, r in
            ScoringSheet.question(r, position: i + 1, budget: scenario.budget(for: r.id, questionCount: questions.count),
                                  content: content, language: language)
        }
    }

    /// One question's checklist.
    public static func question(_ r: Rubric, position: Int, budget: Int, content: ReportContent, language: Language) -> Question {
        let concepts = r.concepts.enumerated().map { i, c in
            Item(number: i + 1, id: c.id, text: c.label.text(language), step: c.step, weight: c.weight, required: c.required)
        }
        let numbers = Dictionary(concepts.map { ($0.id, $0.number) }, uniquingKeysWith: { a, _ in a })
        return Question(
            position: position, id: r.id, category: r.category, categoryName: content.categoryName(r.category, language),
            question: r.question.text(language), shortAnswer: ScoringSheet.shortAnswer(r.referenceAnswer(in: language)),
            budgetSeconds: budget, concepts: concepts,
            misconceptions: r.misconceptions.enumerated().map { i, m in
                Item(number: i + 1, id: m.id, text: m.claim.text(language), step: nil, weight: m.penalty, required: false)
            },
            followUps: r.followUps.map { f in FollowUpItem(question: f.question.text(language), concepts: f.whenMissing.compactMap { numbers[$0] }) })
    }

    /// The standard answer cut to its opening: whole lines while they fit in `limit` characters
    /// (at least the first line, itself cut with an ellipsis when longer).
    public static func shortAnswer(_ answer: String, limit: Int = 140) -> String {
        let lines = answer.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let first = lines.first else { return "" }
        if first.count > limit { return String(first.prefix(limit - 1)) + "…" }
        var out = first
        for line in lines.dropFirst() {
            if out.count + 1 + line.count > limit { break }
            out += " " + line
        }
        return out
    }
}
