import Foundation
import InterviewEngine
import RubricKit
import Testing

@Suite("InterviewSession: guided mode")
struct InterviewSessionGuidedTests {
    @Test func walksTheFiveStepsThenGradesTheWholeAnswer() throws {
        var d = Driver(try Fixture.session(questions: [Fixture.rubric("q1"), Fixture.rubric("q2")], mode: .guided))
        let start = d.send(.start)
        #expect(start.messages.last == .guidedStep(step: .confirm, number: 1, name: LocalizedText(zh: "步骤confirm", en: "Step confirm"),
                                                   prompt: LocalizedText(zh: "请讲confirm", en: "Tell me about confirm")))
        #expect(start.lastPromptKind == .guidedStep(.confirm))
        var kinds: [AnswerPrompt.Kind?] = []
        for answer in ["you ask about q1", "alpha is the core", "", "an example"] {
            let fx = d.type(answer)
            #expect(fx.feedback.isEmpty)
            kinds.append(fx.lastPromptKind)
        }
        #expect(kinds == [.guidedStep(.core), .guidedStep(.implementation), .guidedStep(.application), .guidedStep(.optimization)])
        let last = d.type("gamma trade-offs")
        #expect(last.feedback.first?.grade.score == 75)
        let q = d.session.record.questions[0]
        #expect(q.turns.map(\.step) == [.confirm, .core, .implementation, .application, .optimization])
        #expect(q.turns[2].text == "")
        #expect(q.turns[1].prompt == "Tell me about core")
        #expect(q.answerText == "you ask about q1\n\nalpha is the core\n\nan example\n\ngamma trade-offs")
        #expect(d.session.phase == .guidedStep(question: 1, step: .confirm))
        // Every step was saved as it came.
        #expect(d.saved.contains { $0.questions[0].turns.count == 3 && $0.questions[0].grade == nil })
    }

    @Test func followUpsComeAfterTheGuidedAnswer() throws {
        var d = Driver(try Fixture.session(questions: [Fixture.rubric("q1", followUps: [Fixture.betaFollowUp]), Fixture.rubric("q2")],
                                           mode: .guided))
        d.send(.start)
        for _ in 0..<4 { d.type("alpha") }
        let fx = d.type("gamma")
        #expect(fx.followUpTexts == ["What about beta?"])
        d.type("beta")
        #expect(d.session.record.questions[0].grade?.score == 100)
    }

    @Test func skipInGuidedModeSkipsTheQuestion() throws {
        var d = Driver(try Fixture.session(mode: .guided))
        d.send(.start)
        d.type("restating")
        d.type(":skip")
        let q = d.session.record.questions[0]
        #expect(q.skipped && q.grade == nil && q.finished)
        #expect(d.session.phase == .guidedStep(question: 1, step: .confirm))
    }
}
