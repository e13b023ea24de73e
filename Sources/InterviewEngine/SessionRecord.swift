import Foundation
import RubricKit

/// Everything about one interview, practice or interviewer-led: what was asked, answered and graded.
/// Stored by SessionStore, rendered by ReportKit.
public struct SessionRecord: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case practice, conducted }
    public enum Status: String, Sendable, Codable { case inProgress = "in-progress", completed, abandoned }

    public var id: String
    public var kind: Kind
    public var scenarioID: String
    public var scenarioTitle: LocalizedText
    public var mode: Scenario.Mode
    public var language: Language
    public var seed: UInt64
    public var startedAt: Date
    public var endedAt: Date?
    public var status: Status
    /// Seconds spent so far (the clock survives a resume).
    public var elapsedSeconds: Double
    public var totalBudgetSeconds: Int
    public var candidate: String?
    public var interviewer: String?
    /// Every planned question in the order asked, from the start of the session: a question not yet
    /// reached has no turns and no grade (`isAnswered` is false).
    public var questions: [QuestionRecord]
    public var recommendation: Recommendation?
    /// The 80 % warning of the total budget was shown (not shown again after a resume).
    public var totalTimeWarningShown: Bool
    /// Points taken off a question's score per hint (the scenario's `hint_penalty` when the session began).
    public var hintPenalty: Double
    /// Follow-ups asked at most per question (the scenario's limit when the session began).
    public var maxFollowUps: Int

    public init(id: String, kind: Kind, scenarioID: String, scenarioTitle: LocalizedText, mode: Scenario.Mode,
                language: Language, seed: UInt64, startedAt: Date, endedAt: Date? = nil, status: Status = .inProgress,
                elapsedSeconds: Double = 0, totalBudgetSeconds: Int, candidate: String? = nil, interviewer: String? = nil,
                questions: [QuestionRecord], recommendation: Recommendation? = nil,
                totalTimeWarningShown: Bool = false, hintPenalty: Double = 5, maxFollowUps: Int = 1) {
        self.id = id; self.kind = kind; self.scenarioID = scenarioID; self.scenarioTitle = scenarioTitle
        self.mode = mode; self.language = language; self.seed = seed; self.startedAt = startedAt
        self.endedAt = endedAt; self.status = status; self.elapsedSeconds = elapsedSeconds
        self.totalBudgetSeconds = totalBudgetSeconds; self.candidate = candidate; self.interviewer = interviewer
        self.questions = questions; self.recommendation = recommendation
        self.totalTimeWarningShown = totalTimeWarningShown; self.hintPenalty = hintPenalty; self.maxFollowUps = maxFollowUps
    }

    /// Questions with a grade (skipped questions have none).
    public var answeredQuestions: [QuestionRecord] { questions.filter(\.isAnswered) }
    /// The mean score of the graded questions, nil when none is graded.
    public var averageScore: Double? {
        let scores = questions.compactMap { $0.grade?.score }
        return scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
    }
    /// The first question not finished, nil when all are.
    public var currentQuestionIndex: Int? { questions.firstIndex { !$0.finished } }
    /// True when the time used passed the total budget.
    public var overran: Bool { elapsedSeconds > Double(totalBudgetSeconds) }
}

/// One question of a session.
public struct QuestionRecord: Sendable, Equatable, Codable {
    public var questionID: String
    public var category: String
    public var position: Int
    public var budgetSeconds: Int
    public var secondsUsed: Double
    public var turns: [Turn]
    public var hintsUsed: Int
    public var skipped: Bool
    /// The final grade, follow-ups and hint penalties included.
    public var grade: AnswerGrade?
    /// The interviewer's marks (interviewer-led sessions).
    public var marks: InterviewerMarks?
    /// The question as it was asked (both languages when the rubric has them).
    public var question: LocalizedText?
    /// Ids of the follow-ups asked, in order. One more than the follow-up turns means one is awaiting its answer.
    public var followUpIDs: [String]
    /// Points taken off the score for hints (`hintsUsed` × the session's hint penalty), already applied to `grade`.
    public var hintPenaltyPoints: Double
    /// The candidate asked to see the standard answer (`:answer`).
    public var standardAnswerShown: Bool
    /// The 80 % warning of this question's budget was shown.
    public var timeWarningShown: Bool
    /// Done with: graded and its follow-ups answered or declined, or skipped.
    public var finished: Bool

    public init(questionID: String, category: String, position: Int, budgetSeconds: Int, secondsUsed: Double = 0,
                turns: [Turn] = [], hintsUsed: Int = 0, skipped: Bool = false, grade: AnswerGrade? = nil,
                marks: InterviewerMarks? = nil, question: LocalizedText? = nil, followUpIDs: [String] = [],
                hintPenaltyPoints: Double = 0, standardAnswerShown: Bool = false, timeWarningShown: Bool = false,
                finished: Bool = false) {
        self.questionID = questionID; self.category = category; self.position = position
        self.budgetSeconds = budgetSeconds; self.secondsUsed = secondsUsed; self.turns = turns
        self.hintsUsed = hintsUsed; self.skipped = skipped; self.grade = grade; self.marks = marks
        self.question = question; self.followUpIDs = followUpIDs; self.hintPenaltyPoints = hintPenaltyPoints
        self.standardAnswerShown = standardAnswerShown; self.timeWarningShown = timeWarningShown; self.finished = finished
    }

    public var overran: Bool { secondsUsed > Double(budgetSeconds) }
    /// Graded (skipped questions are not).
    public var isAnswered: Bool { grade != nil }
    /// Something was answered: an answer, a guided step or a follow-up with text.
    public var attempted: Bool {
        turns.contains { $0.kind != .hint && $0.kind != .note && !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }
    /// The candidate's words for this question (answer, guided steps, follow-up answers), in order, joined by
    /// blank lines: what the grade is computed from.
    public var answerText: String {
        turns.filter { $0.kind == .answer || $0.kind == .guidedStep || $0.kind == .followUp }
            .map(\.text).filter { !$0.isEmpty }.joined(separator: "\n\n")
    }
}

/// One exchange: what was asked and what came back.
public struct Turn: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case answer, followUp = "follow-up", guidedStep = "guided-step", hint, note }
    public var kind: Kind
    /// The prompt shown (a follow-up question, a guided step's prompt, a hint).
    public var prompt: String?
    public var text: String
    public var step: FrameworkStep?
    public var at: Date

    public init(kind: Kind, prompt: String? = nil, text: String, step: FrameworkStep? = nil, at: Date) {
        self.kind = kind; self.prompt = prompt; self.text = text; self.step = step; self.at = at
    }
}

/// What the interviewer recorded for a question.
public struct InterviewerMarks: Sendable, Equatable, Codable {
    /// Concept ids ticked or unticked by hand, overriding the scorer.
    public var conceptOverrides: [String: Bool]
    /// Misconception ids the interviewer marked.
    public var misconceptions: [String]
    /// Step ratings on the anchored 1–4 scale.
    public var stepRatings: [FrameworkStep: Int]
    public var note: String?

    public init(conceptOverrides: [String: Bool] = [:], misconceptions: [String] = [],
                stepRatings: [FrameworkStep: Int] = [:], note: String? = nil) {
        self.conceptOverrides = conceptOverrides; self.misconceptions = misconceptions
        self.stepRatings = stepRatings; self.note = note
    }
}

/// The interviewer's overall call, with its required justification.
public struct Recommendation: Sendable, Equatable, Codable {
    public enum Verdict: String, Sendable, Codable, CaseIterable {
        case strongNo = "strong-no", no, yes, strongYes = "strong-yes"
    }
    public var verdict: Verdict
    public var justification: String
    public init(verdict: Verdict, justification: String) { self.verdict = verdict; self.justification = justification }
}

extension FrameworkStep: CodingKeyRepresentable {}
