import Foundation
import InterviewEngine
import RubricKit
import Testing

@Suite("InterviewSession: flow")
struct InterviewSessionFlowTests {
    @Test func startShowsTheBriefingSavesAndAsksTheFirstQuestion() throws {
        var d = Driver(try Fixture.session())
        #expect(d.session.phase == .briefing)
        let fx = d.send(.start)
        guard case let .briefing(b)? = fx.messages.first else { Issue.record("no briefing: \(fx)"); return }
        #expect(b.questionCount == 3 && b.totalBudgetSeconds == 300 && b.mode == .free)
        guard case let .question(q)? = fx.messages.last else { Issue.record("no question"); return }
        #expect(q.index == 0 && q.questionID == "q1" && q.budgetSeconds == 100)
        #expect(fx.saves.count == 1)
        #expect(fx.lastPromptKind == .answer)
        #expect(d.session.phase == .answering(question: 0))
        // A second start does nothing.
        #expect(d.send(.start).isEmpty)
    }

    @Test func anEmptyAnswerIsRefusedAndAskedAgain() throws {
        var d = Driver(try Fixture.session())
        d.send(.start)
        let fx = d.type("   \n ")
        #expect(fx.messages == [.emptyAnswer])
        #expect(fx.lastPromptKind == .answer)
        #expect(d.session.record.questions[0].turns.isEmpty)
    }

    @Test func aFullAnswerIsGradedSavedAndTheNextQuestionAsked() throws {
        var d = Driver(try Fixture.session(questions: [Fixture.rubric("q1", followUps: [Fixture.betaFollowUp]), Fixture.rubric("q2")]))
        d.send(.start)
        let fx = d.type("alpha beta gamma", after: 30)
        #expect(fx.feedback.first?.grade.score == 100)
        #expect(fx.followUpTexts.isEmpty)
        let q = d.session.record.questions[0]
        #expect(q.turns.map(\.text) == ["alpha beta gamma"] && q.finished && q.grade?.grade == .A)
        #expect(q.secondsUsed == 30)
        #expect(d.session.phase == .answering(question: 1))
        // The answer and its grade are saved before the next prompt.
        let saveIndex = fx.lastIndex { if case .save = $0 { return true }; return false }
        let askIndex = fx.lastIndex { if case .ask = $0 { return true }; return false }
        #expect(saveIndex != nil && askIndex != nil && saveIndex! < askIndex!)
        #expect(fx.saves.last?.questions[0].grade?.score == 100)
        // The grade is on disk before it is shown.
        let firstSave = fx.firstIndex { if case .save(let r) = $0 { return r.questions[0].grade != nil }; return false }
        let feedback = fx.firstIndex { if case .show(.feedback) = $0 { return true }; return false }
        #expect(firstSave != nil && feedback != nil && firstSave! < feedback!)
    }

    @Test func withPausesFeedbackWaitsForEnter() throws {
        var d = Driver(try Fixture.session(pause: true))
        d.send(.start)
        let fx = d.type("alpha")
        #expect(fx.lastPromptKind == .continueAfterFeedback)
        #expect(d.session.phase == .feedback(question: 0))
        let typed = d.type("more words")
        #expect(typed.messages == [.pressEnterToContinue])
        #expect(d.session.phase == .feedback(question: 0))
        let next = d.type("")
        guard case let .question(q)? = next.messages.first else { Issue.record("no question"); return }
        #expect(q.index == 1)
        #expect(d.session.phase == .answering(question: 1))
    }

    @Test func theLastQuestionLeadsToTheSummary() throws {
        var d = Driver(try Fixture.session(questions: [Fixture.rubric("q1"), Fixture.rubric("q2")], pause: true))
        d.send(.start)
        d.type("alpha beta", after: 10)
        d.type("")
        #expect(d.type("gamma", after: 20).lastPromptKind == .continueAfterFeedback)
        #expect(d.session.phase == .feedback(question: 1))
        let fx = d.type("")
        #expect(fx.ended == .completed)
        #expect(d.session.phase == .summary)
        let record = d.session.record
        #expect(record.status == .completed)
        #expect(record.endedAt == Fixture.t0.addingTimeInterval(30))
        guard case let .summary(s)? = fx.messages.last else { Issue.record("no summary"); return }
        #expect(s.questions.map(\.score) == [75, 25])
        #expect(s.averageScore == 50)
        #expect(s.overallGrade == .D)
        // Required, then heaviest missed concepts first.
        #expect(s.weakestConcepts.map { "\($0.questionID).\($0.conceptID)" } == ["q2.alpha", "q1.gamma", "q2.beta"])
        let core = s.stepCoverage.first { $0.step == .core }
        #expect(core == SessionSummary.StepCoverage(step: .core, present: 1, of: 2))
        #expect(s.elapsedSeconds == 30)
        // Nothing happens after the end.
        #expect(d.type("more").isEmpty)
        #expect(d.saved.last?.status == .completed)
    }

    @Test func quitSavesInProgressAndEnds() throws {
        var d = Driver(try Fixture.session())
        d.send(.start)
        d.type("alpha", after: 5)
        let fx = d.type(":quit", after: 5)
        #expect(fx.ended == .quit)
        #expect(fx.messages == [.quitSaved(sessionID: "s-1")])
        #expect(fx.saves.last?.status == .inProgress)
        #expect(fx.saves.last?.questions[0].finished == true)
        #expect(d.session.phase == .quit)
        #expect(d.send(.command(.hint)).isEmpty)
    }

    @Test func endOfInputCanQuitThroughACommandEvent() throws {
        var d = Driver(try Fixture.session())
        d.send(.start)
        #expect(d.send(.command(.quit)).ended == .quit)
    }

    @Test func theSummaryNamesMissedConceptsInTheSessionsLanguage() throws {
        // The scorer labels concepts in the rubric's language (here Chinese); the English session says them in English.
        var rubric = Fixture.rubric("q1")
        rubric.concepts[2].label = LocalizedText(zh: "伽马", en: "Gamma")
        let chineseLabels = AnswerGrader { answer, r in
            var g = Fixture.grader.grade(answer, against: r)
            g.concepts = g.concepts.map { var c = $0; c.label = r.concept(c.id)?.label.text(.zh) ?? c.label; return c }
            return g
        }
        let session = try InterviewSession(id: "s-1", scenario: Fixture.scenario(maxFollowUps: 0), questions: [rubric],
                                           framework: Fixture.framework, grader: chineseLabels, mode: .free, language: .en,
                                           seed: 7, now: Fixture.t0, options: .init(pauseAfterFeedback: false))
        var d = Driver(session)
        d.send(.start)
        let fx = d.type("alpha beta")
        guard case let .summary(s)? = fx.messages.last else { Issue.record("no summary"); return }
        #expect(s.weakestConcepts.map(\.label) == ["Gamma"])
    }
}
