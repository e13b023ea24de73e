import Foundation
import RubricKit

/// What the terminal layer must do, in order: print, save, ask. A `save` always comes before the `ask`
/// that follows it, so everything answered is on disk before the next prompt appears.
public enum InterviewEffect: Sendable, Equatable {
    case show(InterviewMessage)
    /// Read the candidate's next input and hand it back as `.input`.
    case ask(AnswerPrompt)
    /// Commit this record before doing anything else.
    case save(SessionRecord)
    /// 80 % of a time budget is used.
    case warnTime(TimeWarning)
    /// The interview is over (nothing more is asked).
    case end(EndReason)
}

public enum EndReason: Sendable, Equatable {
    /// Every question is done; the record is completed.
    case completed
    /// The candidate left; the record is saved in progress and can be resumed.
    case quit
}

/// What the next input is for, with the clock for a visible timer.
public struct AnswerPrompt: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The answer to the question (free mode).
        case answer
        /// One step of guided mode.
        case guidedStep(FrameworkStep)
        /// The answer to a follow-up question.
        case followUp
        /// After feedback: Enter goes on (`:answer` and the other commands still work).
        case continueAfterFeedback
    }
    public var kind: Kind
    /// 0-based.
    public var questionIndex: Int
    public var questionCount: Int
    public var questionSecondsUsed: Double
    public var questionBudgetSeconds: Int
    public var totalSecondsUsed: Double
    public var totalBudgetSeconds: Int

    public init(kind: Kind, questionIndex: Int, questionCount: Int, questionSecondsUsed: Double, questionBudgetSeconds: Int,
                totalSecondsUsed: Double, totalBudgetSeconds: Int) {
        self.kind = kind; self.questionIndex = questionIndex; self.questionCount = questionCount
        self.questionSecondsUsed = questionSecondsUsed; self.questionBudgetSeconds = questionBudgetSeconds
        self.totalSecondsUsed = totalSecondsUsed; self.totalBudgetSeconds = totalBudgetSeconds
    }
}

/// A time budget nearly used up.
public struct TimeWarning: Sendable, Equatable {
    public enum Scope: Sendable, Equatable { case question, total }
    public var scope: Scope
    public var secondsUsed: Double
    public var budgetSeconds: Int

    public init(scope: Scope, secondsUsed: Double, budgetSeconds: Int) {
        self.scope = scope; self.secondsUsed = secondsUsed; self.budgetSeconds = budgetSeconds
    }
}

/// Where the time went, for `:time`.
public struct TimeStatus: Sendable, Equatable {
    public var questionIndex: Int?
    public var questionSecondsUsed: Double
    public var questionBudgetSeconds: Int
    public var totalSecondsUsed: Double
    public var totalBudgetSeconds: Int

    public init(questionIndex: Int?, questionSecondsUsed: Double, questionBudgetSeconds: Int, totalSecondsUsed: Double,
                totalBudgetSeconds: Int) {
        self.questionIndex = questionIndex; self.questionSecondsUsed = questionSecondsUsed
        self.questionBudgetSeconds = questionBudgetSeconds; self.totalSecondsUsed = totalSecondsUsed
        self.totalBudgetSeconds = totalBudgetSeconds
    }
}

/// The question as the candidate sees it.
public struct QuestionView: Sendable, Equatable {
    public var index: Int
    public var count: Int
    public var questionID: String
    public var category: String
    public var text: LocalizedText
    public var budgetSeconds: Int
    public var mode: Scenario.Mode
}

/// The opening of a new session.
public struct Briefing: Sendable, Equatable {
    public var sessionID: String
    public var scenarioTitle: LocalizedText
    public var scenarioDescription: LocalizedText
    public var questionCount: Int
    public var totalBudgetSeconds: Int
    public var mode: Scenario.Mode
    public var hintPenalty: Double
    public var maxFollowUps: Int
}

/// The opening of a resumed session: what is already done.
public struct ResumeRecap: Sendable, Equatable {
    public struct Done: Sendable, Equatable {
        public var index: Int
        public var questionID: String
        public var text: LocalizedText?
        public var answer: String
        public var grade: Grade?
        public var score: Double?
        public var skipped: Bool
    }
    public var sessionID: String
    public var scenarioTitle: LocalizedText
    public var questionCount: Int
    public var done: [Done]
    public var elapsedSeconds: Double
    public var totalBudgetSeconds: Int
    /// The first open question (0-based).
    public var resumeAt: Int
}

/// The grade of one question, shown after an answer or a follow-up answer.
public struct FeedbackView: Sendable, Equatable {
    public var questionIndex: Int
    public var grade: AnswerGrade
    /// The score before this follow-up answer (nil for a first answer).
    public var previousScore: Double?
    public var hintsUsed: Int
    public var hintPenaltyPoints: Double
    public var secondsUsed: Double
    public var budgetSeconds: Int
}

/// Everything the engine asks the terminal to show. Texts from content are `LocalizedText` (the terminal
/// picks the interface language, falling back to the other) or plain strings in the content's language.
public enum InterviewMessage: Sendable, Equatable {
    case briefing(Briefing)
    case resumed(ResumeRecap)
    case question(QuestionView)
    /// Guided mode: the step to answer now (1-based number of 5).
    case guidedStep(step: FrameworkStep, number: Int, name: LocalizedText, prompt: LocalizedText)
    case followUp(number: Int, text: LocalizedText)
    case feedback(FeedbackView)
    case hint(text: LocalizedText, number: Int, total: Int, penaltyPoints: Double)
    case noMoreHints(total: Int)
    /// `:hint` outside a question being answered.
    case hintUnavailable
    case standardAnswer(questionID: String, text: String)
    /// `:answer` before an attempt or a skip.
    case answerLocked
    case framework([Framework.Step])
    case time(TimeStatus)
    case help(mode: Scenario.Mode)
    case unknownCommand(String)
    /// An empty answer at the question's prompt.
    case emptyAnswer
    /// Text typed where Enter was expected (after feedback).
    case pressEnterToContinue
    case skipped(questionIndex: Int)
    /// A follow-up left unanswered.
    case followUpDeclined
    case quitSaved(sessionID: String)
    case summary(SessionSummary)
}
