import Foundation
import InterviewEngine
import RubricKit
import Testing

@Suite("InterviewSession: time")
struct InterviewSessionTimeTests {
    @Test func aQuestionWarnsOnceAt80PercentAndRecordsTheOverrun() throws {
        var d = Driver(try Fixture.session(scenario: Fixture.scenario(total: 1000, perQuestion: 100)))
        d.send(.start)
        #expect(d.send(.tick, after: 79).warnings.isEmpty)
        #expect(d.send(.tick, after: 1).warnings == [TimeWarning(scope: .question, secondsUsed: 80, budgetSeconds: 100)])
        #expect(d.send(.tick, after: 10).warnings.isEmpty)
        // Not enforced: the answer after the budget is still taken, and the overrun is recorded.
        let fx = d.type("alpha", after: 40)
        #expect(fx.feedback.first?.secondsUsed == 130)
        #expect(d.session.record.questions[0].overran)
        #expect(d.session.record.questions[0].grade != nil)
        #expect(d.session.record.questions[0].timeWarningShown)
    }

    @Test func theTotalBudgetWarnsOnce() throws {
        var d = Driver(try Fixture.session(scenario: Fixture.scenario(total: 100, perQuestion: 1000)))
        d.send(.start)
        d.type("alpha", after: 50)
        let fx = d.type("beta", after: 30)
        #expect(fx.warnings == [TimeWarning(scope: .total, secondsUsed: 80, budgetSeconds: 100)])
        #expect(d.type("gamma", after: 30).warnings.isEmpty)
        #expect(d.session.record.overran)
    }

    @Test func timeAfterFeedbackCountsForTheSessionNotTheQuestion() throws {
        var d = Driver(try Fixture.session(pause: true))
        d.send(.start, after: 100)          // the briefing is not timed
        d.type("alpha", after: 20)
        d.type("", after: 60)
        #expect(d.session.record.questions[0].secondsUsed == 20)
        #expect(d.session.record.questions[1].secondsUsed == 0)
        #expect(d.session.record.elapsedSeconds == 80)
    }

    @Test func promptsCarryTheClock() throws {
        var d = Driver(try Fixture.session())
        d.send(.start)
        let fx = d.type(":time", after: 12)
        #expect(fx.prompts.last == AnswerPrompt(kind: .answer, questionIndex: 0, questionCount: 3, questionSecondsUsed: 12,
                                                questionBudgetSeconds: 100, totalSecondsUsed: 12, totalBudgetSeconds: 300))
    }

    @Test func theCurrentPromptFollowsTheClock() throws {
        var d = Driver(try Fixture.session())
        #expect(d.session.currentPrompt == nil)
        d.send(.start)
        d.send(.tick, after: 42)
        #expect(d.session.currentPrompt?.kind == .answer)
        #expect(d.session.currentPrompt?.questionSecondsUsed == 42)
        d.type(":quit")
        #expect(d.session.currentPrompt == nil)
    }

    @Test func aClockGoingBackwardsCountsNothing() throws {
        var d = Driver(try Fixture.session())
        d.send(.start)
        d.send(.tick, after: 10)
        d.send(.tick, after: -5)
        d.send(.tick, after: 3)
        #expect(d.session.record.elapsedSeconds == 10)
    }

    @Test func perQuestionBudgetsComeFromTheScenario() throws {
        let scenario = Scenario(id: "s", title: LocalizedText("s"), selection: QuestionSelection(), totalSeconds: 300,
                                overrides: ["q2": 200])
        let s = try Fixture.session(scenario: scenario)
        #expect(s.record.questions.map(\.budgetSeconds) == [100, 200, 100])
    }
}
