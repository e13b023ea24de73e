import Foundation
import InterviewEngine
import RubricKit
import Testing

@Suite("InterviewSession: commands")
struct InterviewSessionCommandTests {
    @Test func hintsAreProgressiveRecordedAndCostPoints() throws {
        var d = Driver(try Fixture.session(scenario: Fixture.scenario(hintPenalty: 5)))
        d.send(.start)
        let first = d.type(":hint")
        #expect(first.messages == [.hint(text: LocalizedText(zh: "提示1", en: "hint 1"), number: 1, total: 2, penaltyPoints: 5)])
        #expect(first.lastPromptKind == .answer)
        #expect(first.saves.last?.questions[0].hintsUsed == 1)
        d.type(":hint")
        let none = d.type(":hint")
        #expect(none.messages == [.noMoreHints(total: 2)])
        let q0 = d.session.record.questions[0]
        #expect(q0.hintsUsed == 2)
        #expect(q0.turns.map(\.kind) == [.hint, .hint] && q0.turns.map(\.text) == ["hint 1", "hint 2"])
        let graded = d.type("alpha beta gamma")
        #expect(graded.feedback.first?.grade.score == 90)
        #expect(graded.feedback.first?.hintPenaltyPoints == 10)
        #expect(d.session.record.questions[0].grade?.flags.contains("hints-used") == true)
        #expect(d.session.record.questions[0].grade?.breakdown.penalties == 10)
    }

    @Test func aHintPenaltyCanLowerTheLetterButNotBelowZero() throws {
        var d = Driver(try Fixture.session(scenario: Fixture.scenario(hintPenalty: 30)))
        d.send(.start)
        d.type(":hint"); d.type(":hint")
        d.type("gamma")  // 25 - 60
        #expect(d.session.record.questions[0].grade?.score == 0)
        #expect(d.session.record.questions[0].grade?.grade == .F)
    }

    @Test func aHintDuringAFollowUpRegradesAtOnce() throws {
        var d = Driver(try Fixture.session(questions: [Fixture.rubric("q1", followUps: [Fixture.betaFollowUp]), Fixture.rubric("q2")]))
        d.send(.start)
        d.type("alpha gamma")
        d.type(":hint")
        // Declining the follow-up keeps the penalty.
        d.type("")
        #expect(d.session.record.questions[0].grade?.score == 70)
        #expect(d.session.record.questions[0].hintPenaltyPoints == 5)
    }

    @Test func hintsAreOnlyForAQuestionBeingAnswered() throws {
        var d = Driver(try Fixture.session(pause: true))
        d.send(.start)
        d.type("alpha")
        #expect(d.type(":hint").messages == [.hintUnavailable])
        #expect(d.session.record.questions[0].hintsUsed == 0)
    }

    @Test func skipMovesOnWithoutAGrade() throws {
        var d = Driver(try Fixture.session())
        d.send(.start)
        let fx = d.type(":skip")
        #expect(fx.messages.first == .skipped(questionIndex: 0))
        let q = d.session.record.questions[0]
        #expect(q.skipped && q.finished && q.grade == nil)
        #expect(d.session.phase == .answering(question: 1))
        #expect(fx.saves.first?.questions[0].skipped == true)
    }

    @Test func theStandardAnswerOnlyAfterAnAttemptOrASkip() throws {
        var d = Driver(try Fixture.session(questions: [Fixture.rubric("q1", followUps: [Fixture.betaFollowUp]), Fixture.rubric("q2")], pause: true))
        d.send(.start)
        #expect(d.type(":answer").messages == [.answerLocked])
        // Hints are no attempt.
        d.type(":hint")
        #expect(d.type(":answer").messages == [.answerLocked])
        d.type("alpha")
        // During the follow-up the answer can be seen; it is recorded.
        let shown = d.type(":answer")
        #expect(shown.messages == [.standardAnswer(questionID: "q1", text: "The standard answer of q1.")])
        #expect(shown.saves.last?.questions[0].standardAnswerShown == true)
        #expect(shown.lastPromptKind == .followUp)
        d.type("")          // decline the follow-up
        d.type("")          // continue after feedback
        #expect(d.type(":answer").messages == [.answerLocked])
        d.type(":skip")
        #expect(d.session.phase == .feedback(question: 1))
        #expect(d.type(":answer").messages == [.standardAnswer(questionID: "q2", text: "The standard answer of q2.")])
    }

    @Test func informationalCommandsReaskTheSamePrompt() throws {
        var d = Driver(try Fixture.session(mode: .guided))
        d.send(.start)
        d.type("I understand the question", after: 10)
        let repeated = d.type(":repeat")
        guard case let .question(q)? = repeated.messages.first else { Issue.record("no question"); return }
        #expect(q.index == 0)
        #expect(repeated.messages.count == 2)
        #expect(repeated.lastPromptKind == .guidedStep(.core))
        let framework = d.type(":framework")
        #expect(framework.messages == [.framework(Fixture.framework.steps)])
        let help = d.type(":help")
        #expect(help.messages == [.help(mode: .guided)])
        let time = d.type(":time", after: 5)
        #expect(time.messages == [.time(TimeStatus(questionIndex: 0, questionSecondsUsed: 15, questionBudgetSeconds: 100,
                                                   totalSecondsUsed: 15, totalBudgetSeconds: 300))])
        let unknown = d.type(":hnt")
        #expect(unknown.messages == [.unknownCommand(":hnt")])
        #expect(unknown.lastPromptKind == .guidedStep(.core))
        #expect(d.session.record.questions[0].turns.count == 1)
    }

    @Test func inputIsClassified() {
        #expect(ParsedInput(":hint") == .command(.hint))
        #expect(ParsedInput("  :SKIP \n") == .command(.skip))
        #expect(ParsedInput(":sk") == .unknownCommand(":sk"))
        #expect(ParsedInput(":") == .text(":"))
        #expect(ParsedInput(":hint\nmore lines") == .text(":hint\nmore lines"))
        #expect(ParsedInput("hint") == .text("hint"))
        #expect(InterviewCommand.completions(for: ":h") == [":hint", ":help"])
        #expect(InterviewCommand.completions(for: ":") .count == InterviewCommand.allCases.count)
        #expect(InterviewCommand.completions(for: "x").isEmpty)
    }
}
