import Foundation
import RubricKit

/// One interview as a value: `handle(event, at:)` changes it and returns the effects the terminal performs.
///
/// No clock, randomness, terminal or disk inside: time comes with each event, the questions and the session id
/// are chosen by the caller, and saving is an effect.
public struct InterviewSession: Sendable {
    /// Where the interview stands.
    public enum Phase: Sendable, Equatable {
        /// Created, nothing shown yet; `.start` shows the briefing.
        case briefing
        /// Waiting for the answer to a question (free mode).
        case answering(question: Int)
        /// Waiting for one step of a guided answer.
        case guidedStep(question: Int, step: FrameworkStep)
        /// Waiting for the answer to a follow-up.
        case followUp(question: Int, id: String)
        /// Feedback shown; Enter goes on to the next question.
        case feedback(question: Int)
        /// Every question done; the summary was shown.
        case summary
        /// The candidate left; the record is saved in progress.
        case quit
    }

    public struct Options: Sendable, Equatable {
        /// Wait for Enter after each question's feedback (interactive use). Off for scripted input, so a
        /// script is just the answers, each ended by an empty line.
        public var pauseAfterFeedback: Bool
        /// A time warning fires when this share of a budget is used.
        public var warningShare: Double
        public init(pauseAfterFeedback: Bool = true, warningShare: Double = 0.8) {
            self.pauseAfterFeedback = pauseAfterFeedback; self.warningShare = warningShare
        }
    }

    public enum SetupError: Error, Sendable, Equatable, CustomStringConvertible {
        case noQuestions(scenario: String)
        /// A resumed session asks a question the content no longer has.
        case missingQuestion(String)
        case alreadyFinished(sessionID: String)
        public var description: String {
            switch self {
            case let .noQuestions(s): return "scenario '\(s)' selects no questions"
            case let .missingQuestion(q): return "question '\(q)' of this session is no longer in the content"
            case let .alreadyFinished(id): return "session \(id) is already finished"
            }
        }
    }

    public private(set) var record: SessionRecord
    public private(set) var phase: Phase
    /// The rubric of each question, aligned with `record.questions`.
    public let rubrics: [Rubric]
    public let framework: Framework
    public let options: Options
    private let grader: AnswerGrader
    private let scenarioDescription: LocalizedText
    private var lastEventAt: Date

    /// A new session over `questions` (already drawn and ordered by the caller).
    public init(id: String, scenario: Scenario, questions: [Rubric], framework: Framework, grader: AnswerGrader,
                mode: Scenario.Mode, language: Language, seed: UInt64, now: Date, options: Options = Options()) throws {
        guard !questions.isEmpty else { throw SetupError.noQuestions(scenario: scenario.id) }
        let records = questions.enumerated().map { i, r in
            QuestionRecord(questionID: r.id, category: r.category, position: i,
                           budgetSeconds: scenario.budget(for: r.id, questionCount: questions.count), question: r.question)
        }
        record = SessionRecord(id: id, kind: .practice, scenarioID: scenario.id, scenarioTitle: scenario.title, mode: mode,
                               language: language, seed: seed, startedAt: now, totalBudgetSeconds: scenario.totalSeconds,
                               questions: records, hintPenalty: scenario.hintPenalty, maxFollowUps: scenario.maxFollowUps)
        rubrics = questions
        self.framework = framework
        self.grader = grader
        self.options = options
        scenarioDescription = scenario.description
        phase = .briefing
        lastEventAt = now
    }

    /// Continues a saved session. `rubric(id)` finds each question's rubric in the current content. The clock
    /// goes on from the saved time used: the time the program was not running is not counted.
    public init(resuming saved: SessionRecord, rubric: (String) -> Rubric?, framework: Framework, grader: AnswerGrader,
                scenarioDescription: LocalizedText = LocalizedText(""), now: Date, options: Options = Options()) throws {
        guard saved.status == .inProgress, saved.currentQuestionIndex != nil else {
            throw SetupError.alreadyFinished(sessionID: saved.id)
        }
        var found: [Rubric] = []
        for q in saved.questions {
            guard let r = rubric(q.questionID) else { throw SetupError.missingQuestion(q.questionID) }
            found.append(r)
        }
        record = saved
        rubrics = found
        self.framework = framework
        self.grader = grader
        self.options = options
        self.scenarioDescription = scenarioDescription
        phase = .briefing
        lastEventAt = now
    }

    // MARK: - Events

    public mutating func handle(_ event: InterviewEvent, at now: Date) -> [InterviewEffect] {
        var fx: [InterviewEffect] = []
        advanceClock(to: now, &fx)
        switch event {
        case .tick:
            break
        case .start:
            guard phase == .briefing else { break }
            start(&fx)
        case .command(let command):
            handle(command, &fx)
        case .input(let text):
            switch ParsedInput(text) {
            case .command(let command): handle(command, &fx)
            case .unknownCommand(let typed):
                guard isWaiting else { break }
                fx.append(.show(.unknownCommand(typed)))
                askAgain(&fx)
            case .text(let text): handleText(text, &fx)
            }
        }
        return fx
    }

    private var isWaiting: Bool {
        switch phase {
        case .answering, .guidedStep, .followUp, .feedback: return true
        case .briefing, .summary, .quit: return false
        }
    }

    /// The question being answered (its clock runs), nil between questions.
    private var activeQuestion: Int? {
        switch phase {
        case let .answering(q), let .guidedStep(q, _), let .followUp(q, _): return q
        case .feedback, .briefing, .summary, .quit: return nil
        }
    }

    /// The question the prompt is about, answered or not.
    private var currentQuestion: Int? {
        if case let .feedback(q) = phase { return q }
        return activeQuestion
    }

    private mutating func advanceClock(to now: Date, _ fx: inout [InterviewEffect]) {
        let delta = max(0, now.timeIntervalSince(lastEventAt))
        lastEventAt = max(lastEventAt, now)
        guard phase != .briefing, phase != .summary, phase != .quit else { return }
        record.elapsedSeconds += delta
        if let q = activeQuestion {
            record.questions[q].secondsUsed += delta
            let used = record.questions[q].secondsUsed, budget = record.questions[q].budgetSeconds
            if !record.questions[q].timeWarningShown, budget > 0, used >= options.warningShare * Double(budget) {
                record.questions[q].timeWarningShown = true
                fx.append(.warnTime(TimeWarning(scope: .question, secondsUsed: used, budgetSeconds: budget)))
            }
        }
        let total = record.totalBudgetSeconds
        if !record.totalTimeWarningShown, total > 0, record.elapsedSeconds >= options.warningShare * Double(total) {
            record.totalTimeWarningShown = true
            fx.append(.warnTime(TimeWarning(scope: .total, secondsUsed: record.elapsedSeconds, budgetSeconds: total)))
        }
    }

    // MARK: - Flow

    private mutating func start(_ fx: inout [InterviewEffect]) {
        guard let first = record.currentQuestionIndex else { return finishSession(&fx) }
        let resumed = record.questions.contains { $0.finished || !$0.turns.isEmpty }
        if resumed {
            fx.append(.show(.resumed(recap(resumeAt: first))))
        } else {
            fx.append(.show(.briefing(Briefing(
                sessionID: record.id, scenarioTitle: record.scenarioTitle, scenarioDescription: scenarioDescription,
                questionCount: record.questions.count, totalBudgetSeconds: record.totalBudgetSeconds, mode: record.mode,
                hintPenalty: record.hintPenalty, maxFollowUps: record.maxFollowUps))))
            fx.append(.save(record))
        }
        startQuestion(first, &fx)
    }

    private func recap(resumeAt: Int) -> ResumeRecap {
        let done = record.questions.enumerated().filter { $0.element.finished || $0.element.attempted }.map { i, q in
            ResumeRecap.Done(index: i, questionID: q.questionID, text: q.question, answer: q.answerText,
                             grade: q.grade?.grade, score: q.grade?.score, skipped: q.skipped)
        }
        return ResumeRecap(sessionID: record.id, scenarioTitle: record.scenarioTitle, questionCount: record.questions.count,
                           done: done, elapsedSeconds: record.elapsedSeconds,
                           totalBudgetSeconds: record.totalBudgetSeconds, resumeAt: resumeAt)
    }

    private mutating func startQuestion(_ q: Int, _ fx: inout [InterviewEffect]) {
        guard q < record.questions.count else { return finishSession(&fx) }
        fx.append(.show(.question(questionView(q))))
        proceed(q, &fx)
    }

    private func questionView(_ q: Int) -> QuestionView {
        let r = rubrics[q]
        return QuestionView(index: q, count: record.questions.count, questionID: r.id, category: r.category,
                            text: r.question, budgetSeconds: record.questions[q].budgetSeconds, mode: record.mode)
    }

    /// Decides what question `q` needs next: a guided step, its answer, a follow-up, or to be finished.
    private mutating func proceed(_ q: Int, _ fx: inout [InterviewEffect]) {
        let question = record.questions[q]
        if question.finished { return afterQuestion(q, &fx) }
        if let pending = pendingFollowUp(q) {
            phase = .followUp(question: q, id: pending.id)
            fx.append(.show(.followUp(number: question.followUpIDs.count, text: pending.question)))
            fx.append(.ask(prompt(.followUp, q)))
            return
        }
        if question.grade == nil {
            if record.mode == .guided {
                if let step = nextGuidedStep(q) {
                    phase = .guidedStep(question: q, step: step)
                    fx.append(.show(guidedStepMessage(step)))
                    fx.append(.ask(prompt(.guidedStep(step), q)))
                    return
                }
                gradeQuestion(q, previousScore: nil, &fx)
                return proceed(q, &fx)
            }
            phase = .answering(question: q)
            fx.append(.ask(prompt(.answer, q)))
            return
        }
        if let next = nextFollowUp(q) {
            record.questions[q].followUpIDs.append(next.id)
            fx.append(.save(record))
            return proceed(q, &fx)
        }
        record.questions[q].finished = true
        fx.append(.save(record))
        afterQuestion(q, &fx)
    }

    private mutating func afterQuestion(_ q: Int, _ fx: inout [InterviewEffect]) {
        if options.pauseAfterFeedback {
            phase = .feedback(question: q)
            fx.append(.ask(prompt(.continueAfterFeedback, q)))
        } else {
            startQuestion(q + 1, &fx)
        }
    }

    private mutating func finishSession(_ fx: inout [InterviewEffect]) {
        record.status = .completed
        record.endedAt = lastEventAt
        phase = .summary
        fx.append(.save(record))
        let rubrics = rubrics, language = record.language
        fx.append(.show(.summary(SessionSummary(record: record) { q, c in
            rubrics.first { $0.id == q }?.concept(c)?.label.text(language)
        })))
        fx.append(.end(.completed))
    }

    private func guidedStepMessage(_ step: FrameworkStep) -> InterviewMessage {
        let s = framework.step(step)
        return .guidedStep(step: step, number: step.order + 1, name: s?.name ?? LocalizedText(step.rawValue),
                           prompt: s?.prompt ?? LocalizedText(""))
    }

    private func nextGuidedStep(_ q: Int) -> FrameworkStep? {
        let answered = Set(record.questions[q].turns.compactMap { $0.kind == .guidedStep ? $0.step : nil })
        return FrameworkStep.allCases.first { !answered.contains($0) }
    }

    /// A follow-up asked whose answer has not come yet.
    private func pendingFollowUp(_ q: Int) -> FollowUp? {
        let question = record.questions[q]
        let answered = question.turns.filter { $0.kind == .followUp }.count
        guard question.followUpIDs.count > answered else { return nil }
        let id = question.followUpIDs[answered]
        return rubrics[q].followUps.first { $0.id == id }
    }

    /// The first follow-up not yet asked whose concepts were missed, within the session's limit.
    private func nextFollowUp(_ q: Int) -> FollowUp? {
        let question = record.questions[q]
        guard question.followUpIDs.count < record.maxFollowUps, let grade = question.grade else { return nil }
        let missed = Set(grade.missedConceptIDs)
        return rubrics[q].followUps.first { f in
            !question.followUpIDs.contains(f.id) && f.whenMissing.contains { missed.contains($0) }
        }
    }

    private func prompt(_ kind: AnswerPrompt.Kind, _ q: Int) -> AnswerPrompt {
        AnswerPrompt(kind: kind, questionIndex: q, questionCount: record.questions.count,
                     questionSecondsUsed: record.questions[q].secondsUsed,
                     questionBudgetSeconds: record.questions[q].budgetSeconds,
                     totalSecondsUsed: record.elapsedSeconds, totalBudgetSeconds: record.totalBudgetSeconds)
    }

    /// What the input being waited for is, with the clock as of the last event; nil when nothing is asked.
    /// The terminal uses it to refresh a visible clock while the candidate types.
    public var currentPrompt: AnswerPrompt? {
        switch phase {
        case let .answering(q): return prompt(.answer, q)
        case let .guidedStep(q, step): return prompt(.guidedStep(step), q)
        case let .followUp(q, _): return prompt(.followUp, q)
        case let .feedback(q): return prompt(.continueAfterFeedback, q)
        case .briefing, .summary, .quit: return nil
        }
    }

    /// Asks for the same input again (after a command or a refused input).
    private func askAgain(_ fx: inout [InterviewEffect]) {
        if let p = currentPrompt { fx.append(.ask(p)) }
    }

    // MARK: - Answers

    private mutating func handleText(_ text: String, _ fx: inout [InterviewEffect]) {
        let blank = text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        let at = lastEventAt
        switch phase {
        case let .answering(q):
            if blank {
                fx.append(.show(.emptyAnswer))
                return askAgain(&fx)
            }
            record.questions[q].turns.append(Turn(kind: .answer, text: text, at: at))
            gradeQuestion(q, previousScore: nil, &fx)
            proceed(q, &fx)
        case let .guidedStep(q, step):
            record.questions[q].turns.append(Turn(kind: .guidedStep, prompt: framework.step(step)?.prompt.text(record.language),
                                                  text: blank ? "" : text, step: step, at: at))
            fx.append(.save(record))
            proceed(q, &fx)
        case let .followUp(q, id):
            let asked = rubrics[q].followUps.first { $0.id == id }?.question.text(record.language)   // as it was shown
            record.questions[q].turns.append(Turn(kind: .followUp, prompt: asked, text: blank ? "" : text, at: at))
            if blank {
                fx.append(.save(record))
                fx.append(.show(.followUpDeclined))
            } else {
                gradeQuestion(q, previousScore: record.questions[q].grade?.score, &fx)
            }
            proceed(q, &fx)
        case let .feedback(q):
            if blank { return startQuestion(q + 1, &fx) }
            fx.append(.show(.pressEnterToContinue))
            askAgain(&fx)
        case .briefing, .summary, .quit:
            break
        }
    }

    /// Grades everything the candidate said for `q`, takes off the hint penalty, saves, then shows the feedback
    /// (what the candidate sees is already on disk).
    private mutating func gradeQuestion(_ q: Int, previousScore: Double?, _ fx: inout [InterviewEffect]) {
        regrade(q)
        fx.append(.save(record))
        let question = record.questions[q]
        guard let grade = question.grade else { return }
        fx.append(.show(.feedback(FeedbackView(
            questionIndex: q, grade: grade, previousScore: previousScore, hintsUsed: question.hintsUsed,
            hintPenaltyPoints: question.hintPenaltyPoints, secondsUsed: question.secondsUsed,
            budgetSeconds: question.budgetSeconds))))
    }

    /// Recomputes the grade of `q` from its answers and hints (nothing shown).
    private mutating func regrade(_ q: Int) {
        let rubric = rubrics[q]
        var grade = grader.grade(record.questions[q].answerText, against: rubric)
        let points = Double(record.questions[q].hintsUsed) * record.hintPenalty
        if points > 0 {
            grade.score = max(0, ((grade.score - points) * 10).rounded() / 10)
            grade.grade = min(grade.grade, rubric.bands.grade(for: grade.score))
            grade.breakdown.penalties += points
            if !grade.flags.contains("hints-used") { grade.flags.append("hints-used") }
        }
        record.questions[q].hintPenaltyPoints = points
        record.questions[q].grade = grade
    }

    // MARK: - Commands

    private mutating func handle(_ command: InterviewCommand, _ fx: inout [InterviewEffect]) {
        guard isWaiting else { return }
        switch command {
        case .hint:
            guard let q = activeQuestion else {
                fx.append(.show(.hintUnavailable))
                return askAgain(&fx)
            }
            let hints = rubrics[q].hints
            let used = record.questions[q].hintsUsed
            guard used < hints.count else {
                fx.append(.show(.noMoreHints(total: hints.count)))
                return askAgain(&fx)
            }
            record.questions[q].hintsUsed += 1
            record.questions[q].turns.append(Turn(kind: .hint, text: hints[used].text(record.language), at: lastEventAt))
            if record.questions[q].grade != nil { regrade(q) }
            fx.append(.save(record))
            fx.append(.show(.hint(text: hints[used], number: used + 1, total: hints.count, penaltyPoints: record.hintPenalty)))
            askAgain(&fx)
        case .skip:
            switch phase {
            case .followUp:
                handleText("", &fx)
            case let .answering(q), let .guidedStep(q, _):
                record.questions[q].skipped = true
                record.questions[q].finished = true
                fx.append(.save(record))
                fx.append(.show(.skipped(questionIndex: q)))
                afterQuestion(q, &fx)
            case let .feedback(q):
                startQuestion(q + 1, &fx)
            case .briefing, .summary, .quit:
                break
            }
        case .repeat:
            if let q = currentQuestion { fx.append(.show(.question(questionView(q)))) }
            switch phase {
            case let .guidedStep(_, step): fx.append(.show(guidedStepMessage(step)))
            case let .followUp(q, _):
                if let f = pendingFollowUp(q) {
                    fx.append(.show(.followUp(number: record.questions[q].followUpIDs.count, text: f.question)))
                }
            default: break
            }
            askAgain(&fx)
        case .framework:
            fx.append(.show(.framework(framework.steps)))
            askAgain(&fx)
        case .time:
            let q = currentQuestion
            fx.append(.show(.time(TimeStatus(
                questionIndex: q, questionSecondsUsed: q.map { record.questions[$0].secondsUsed } ?? 0,
                questionBudgetSeconds: q.map { record.questions[$0].budgetSeconds } ?? 0,
                totalSecondsUsed: record.elapsedSeconds, totalBudgetSeconds: record.totalBudgetSeconds))))
            askAgain(&fx)
        case .answer:
            guard let q = currentQuestion, record.questions[q].attempted || record.questions[q].skipped else {
                fx.append(.show(.answerLocked))
                return askAgain(&fx)
            }
            if !record.questions[q].standardAnswerShown {
                record.questions[q].standardAnswerShown = true
                fx.append(.save(record))
            }
            fx.append(.show(.standardAnswer(questionID: rubrics[q].id, text: rubrics[q].referenceAnswer(in: record.language))))
            askAgain(&fx)
        case .quit:
            phase = .quit
            fx.append(.save(record))
            fx.append(.show(.quitSaved(sessionID: record.id)))
            fx.append(.end(.quit))
        case .help:
            fx.append(.show(.help(mode: record.mode)))
            askAgain(&fx)
        }
    }
}
