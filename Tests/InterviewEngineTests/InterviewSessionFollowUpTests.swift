import Foundation
import InterviewEngine
import RubricKit
import Testing

@Suite("InterviewSession: follow-ups")
struct InterviewSessionFollowUpTests {
    let rubric = Fixture.rubric("q1", followUps: [Fixture.betaFollowUp, Fixture.gammaFollowUp])

    @Test func aMissedConceptWithAFollowUpTriggersIt() throws {
        var d = Driver(try Fixture.session(questions: [rubric, Fixture.rubric("q2")]))
        d.send(.start)
        let fx = d.type("alpha gamma")
        #expect(fx.followUpTexts == ["What about beta?"])
        #expect(fx.lastPromptKind == .followUp)
        #expect(d.session.phase == .followUp(question: 0, id: "ask-beta"))
        // The follow-up is recorded before it is asked.
        #expect(fx.saves.last?.questions[0].followUpIDs == ["ask-beta"])
    }

    @Test func theFollowUpAnswerAddsToTheGrade() throws {
        var d = Driver(try Fixture.session(questions: [rubric, Fixture.rubric("q2")]))
        d.send(.start)
        d.type("alpha gamma")
        #expect(d.session.record.questions[0].grade?.score == 75)
        let fx = d.type("beta too")
        #expect(fx.feedback.first?.previousScore == 75)
        #expect(fx.feedback.first?.grade.score == 100)
        let q = d.session.record.questions[0]
        #expect(q.turns.map(\.kind) == [.answer, .followUp])
        #expect(q.turns[1].prompt == "What about beta?")     // in the session's language, as it was asked
        #expect(q.answerText == "alpha gamma\n\nbeta too")
        #expect(q.finished)
        #expect(d.session.phase == .answering(question: 1))
    }

    @Test func noMoreFollowUpsThanTheLimit() throws {
        var d = Driver(try Fixture.session(questions: [rubric, Fixture.rubric("q2")], scenario: Fixture.scenario(maxFollowUps: 1)))
        d.send(.start)
        d.type("alpha")            // misses beta and gamma
        let fx = d.type("still nothing")
        #expect(fx.followUpTexts.isEmpty)
        #expect(d.session.record.questions[0].followUpIDs == ["ask-beta"])
        #expect(d.session.phase == .answering(question: 1))
    }

    @Test func aHigherLimitAsksTheNextMissedFollowUp() throws {
        var d = Driver(try Fixture.session(questions: [rubric, Fixture.rubric("q2")], scenario: Fixture.scenario(maxFollowUps: 2)))
        d.send(.start)
        d.type("alpha")
        let fx = d.type("beta")
        #expect(fx.followUpTexts == ["What about gamma?"])
        d.type("gamma")
        #expect(d.session.record.questions[0].grade?.score == 100)
        #expect(d.session.record.questions[0].followUpIDs == ["ask-beta", "ask-gamma"])
    }

    @Test func aFollowUpAlreadyAnsweredByTheFollowUpIsNotAskedAgain() throws {
        var d = Driver(try Fixture.session(questions: [rubric, Fixture.rubric("q2")], scenario: Fixture.scenario(maxFollowUps: 2)))
        d.send(.start)
        d.type("alpha")
        let fx = d.type("beta and gamma")
        #expect(fx.followUpTexts.isEmpty)
        #expect(d.session.phase == .answering(question: 1))
    }

    @Test func zeroTurnsFollowUpsOff() throws {
        var d = Driver(try Fixture.session(questions: [rubric, Fixture.rubric("q2")], scenario: Fixture.scenario(maxFollowUps: 0)))
        d.send(.start)
        let fx = d.type("alpha")
        #expect(fx.followUpTexts.isEmpty)
        #expect(d.session.phase == .answering(question: 1))
    }

    @Test func anEmptyFollowUpAnswerOrSkipDeclinesIt() throws {
        for decline in ["", ":skip"] {
            var d = Driver(try Fixture.session(questions: [rubric, Fixture.rubric("q2")]))
            d.send(.start)
            d.type("alpha gamma")
            let fx = d.type(decline)
            #expect(fx.messages.contains(.followUpDeclined))
            #expect(fx.feedback.isEmpty)
            let q = d.session.record.questions[0]
            #expect(q.grade?.score == 75 && q.finished && !q.skipped)
            #expect(q.turns.last?.kind == .followUp && q.turns.last?.text == "")
            #expect(d.session.phase == .answering(question: 1))
        }
    }

    @Test func noFollowUpWhenTheMissedConceptHasNone() throws {
        var d = Driver(try Fixture.session(questions: [Fixture.rubric("q1", followUps: [Fixture.betaFollowUp]), Fixture.rubric("q2")]))
        d.send(.start)
        let fx = d.type("alpha beta")   // misses gamma only
        #expect(fx.followUpTexts.isEmpty)
    }
}
