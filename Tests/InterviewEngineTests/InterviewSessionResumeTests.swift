import Foundation
import InterviewEngine
import RubricKit
import Testing

@Suite("InterviewSession: resume")
struct InterviewSessionResumeTests {
    let questions = [Fixture.rubric("q1"), Fixture.rubric("q2", followUps: [Fixture.betaFollowUp]), Fixture.rubric("q3")]

    func resume(_ record: SessionRecord, at now: Date, pause: Bool = false) throws -> InterviewSession {
        let bank = Dictionary(uniqueKeysWithValues: questions.map { ($0.id, $0) })
        return try InterviewSession(resuming: record, rubric: { bank[$0] }, framework: Fixture.framework, grader: Fixture.grader,
                                    now: now, options: .init(pauseAfterFeedback: pause))
    }

    @Test func continuesAtTheFirstOpenQuestionWithTheClock() throws {
        var d = Driver(try Fixture.session(questions: questions))
        d.send(.start)
        d.type("alpha beta gamma", after: 40)
        d.type("alpha beta", after: 50)       // q2, no follow-up: beta hit
        let saved = try #require(d.saved.last)
        #expect(saved.questions[1].finished)

        // The program was away for an hour.
        let later = d.now.addingTimeInterval(3600)
        var r = Driver(try resume(saved, at: later))
        r.now = later
        let fx = r.send(.start, after: 1)
        guard case let .resumed(recap)? = fx.messages.first else { Issue.record("no recap: \(fx)"); return }
        #expect(recap.done.map(\.answer) == ["alpha beta gamma", "alpha beta"])
        #expect(recap.done.map(\.grade) == [.A, .B])
        #expect(recap.resumeAt == 2)
        guard case let .question(q)? = fx.messages.dropFirst().first else { Issue.record("no question"); return }
        #expect(q.index == 2)
        #expect(fx.lastPromptKind == .answer)
        let end = r.type("gamma", after: 10)
        #expect(end.ended == .completed)
        #expect(r.session.record.elapsedSeconds == 100)
        #expect(r.session.record.questions.map(\.secondsUsed) == [40, 50, 10])
    }

    @Test func aPendingFollowUpIsAskedAgain() throws {
        var d = Driver(try Fixture.session(questions: questions))
        d.send(.start)
        d.type("alpha")
        d.type("alpha gamma")     // q2 misses beta: follow-up asked and saved
        let saved = try #require(d.saved.last)
        #expect(saved.questions[1].followUpIDs == ["ask-beta"])
        var r = Driver(try resume(saved, at: d.now))
        let fx = r.send(.start)
        #expect(fx.followUpTexts == ["What about beta?"])
        #expect(fx.lastPromptKind == .followUp)
        r.type("beta")
        #expect(r.session.record.questions[1].grade?.score == 100)
    }

    @Test func anAnswerSavedBeforeItsFollowUpWasChosenContinues() throws {
        // A kill between saving the graded answer and choosing the follow-up.
        var d = Driver(try Fixture.session(questions: questions))
        d.send(.start)
        d.type("alpha beta gamma")
        var record = d.session.record
        record.questions[1].turns = [Turn(kind: .answer, text: "alpha", at: d.now)]
        record.questions[1].grade = Fixture.grader.grade("alpha", against: questions[1])
        var r = Driver(try resume(record, at: d.now))
        let fx = r.send(.start)
        #expect(fx.followUpTexts == ["What about beta?"])
        #expect(r.session.record.questions[1].followUpIDs == ["ask-beta"])
    }

    @Test func guidedStepsContinueWhereTheyStopped() throws {
        var d = Driver(try Fixture.session(questions: questions, mode: .guided))
        d.send(.start)
        d.type("confirming"); d.type("alpha")
        let saved = try #require(d.saved.last)
        var r = Driver(try resume(saved, at: d.now))
        #expect(r.send(.start).lastPromptKind == .guidedStep(.implementation))
    }

    @Test func finishedOrUnknownSessionsAreRefused() throws {
        var d = Driver(try Fixture.session(questions: [questions[0]]))
        d.send(.start)
        d.type("alpha")
        let done = try #require(d.saved.last)
        #expect(done.status == .completed)
        #expect(throws: InterviewSession.SetupError.alreadyFinished(sessionID: "s-1")) { _ = try resume(done, at: d.now) }
        var stale = d.session.record
        stale.status = .inProgress
        stale.questions[0].finished = false
        stale.questions[0].questionID = "gone"
        #expect(throws: InterviewSession.SetupError.missingQuestion("gone")) { _ = try resume(stale, at: d.now) }
    }

    @Test func noQuestionsIsASetupError() {
        #expect(throws: InterviewSession.SetupError.noQuestions(scenario: "fixture")) { _ = try Fixture.session(questions: []) }
    }
}
