import Foundation
import InterviewEngine
import RubricKit
import Testing
@testable import ReportKit

@Suite("Conduct session state machine")
struct ConductSessionTests {
    func makeSession(language: Language = .en) -> ConductSession {
        ConductSession(id: "c1", scenario: Fixtures.scenario, questions: [Fixtures.gmp, Fixtures.cap], framework: Fixtures.framework,
                       categories: Fixtures.categories, candidate: "Li Lei", interviewer: "Han", language: language, seed: 0,
                       now: Fixtures.t0, grader: Fixtures.grader)
    }

    func said(_ fx: [ConductSession.Effect]) -> String {
        fx.compactMap { if case let .say(text, _) = $0 { return text } else { return nil } }.joined(separator: "\n")
    }

    @Test func startShowsTheQuestionShortAnswerAndNumberedChecklist() {
        var s = makeSession()
        let out = said(s.start(at: Fixtures.t0))
        #expect(out.contains("Read out: Explain Go's GMP scheduling model."))
        #expect(out.contains("Standard answer (short): GMP模型是Go语言运行时的核心调度机制。"))
        #expect(out.contains("[ ] 1. G: the goroutine * · Core concept · w2"))
        #expect(out.contains("[ ] 3. Work stealing · Concrete implementation · w1"))
        #expect(out.contains("[ ] !1. GOMAXPROCS sets the number of Ms"))
        #expect(out.contains("1 = absent · 2 = weak · 3 = solid · 4 = strong"))
        #expect(s.phase == .notes(question: 0))
    }

    @Test func notesTickConceptsLiveFromAllNotesSoFar() {
        var s = makeSession()
        _ = s.start(at: Fixtures.t0)
        let first = s.handle(line: "talks about goroutine", at: Fixtures.t0.addingTimeInterval(10))
        #expect(first.first == .save)
        #expect(said(first).contains("✓ 1. G: the goroutine ← goroutine"))
        #expect(s.record.questions[0].grade?.hitConceptIDs == ["g"])
        let second = s.handle(line: "then work stealing", at: Fixtures.t0.addingTimeInterval(20))
        // The earlier note still counts; only the new tick is announced.
        #expect(s.record.questions[0].grade?.hitConceptIDs == ["g", "work-stealing"])
        #expect(!said(second).contains("1. G: the goroutine"))
        #expect(said(second).contains("✓ 1 3  ✗ 2 4"))
        #expect(s.record.questions[0].turns.map(\.kind) == [.note, .note])
    }

    @Test func overridesWinOverTheScorerAndChangeTheScore() throws {
        var s = makeSession()
        _ = s.start(at: Fixtures.t0)
        _ = s.handle(line: "goroutine", at: Fixtures.t0)
        let before = try #require(s.record.questions[0].grade?.score)
        let fx = s.handle(line: "+4 -1", at: Fixtures.t0)
        #expect(said(fx).contains("✓ 4. Preemption (interviewer)"))
        #expect(said(fx).contains("✗ 1. G: the goroutine (interviewer)"))
        let marks = try #require(s.record.questions[0].marks)
        #expect(marks.conceptOverrides == ["preemption": true, "g": false])
        #expect(s.record.questions[0].grade?.hitConceptIDs == ["preemption"])
        // A new note mentioning G does not undo the interviewer's untick.
        _ = s.handle(line: "goroutine again", at: Fixtures.t0)
        #expect(s.record.questions[0].grade?.hitConceptIDs == ["preemption"])
        #expect(try #require(s.record.questions[0].grade?.score) < before)
    }

    @Test func misconceptionIsSuggestedByTheScorerAndMarkedByTheInterviewer() {
        var s = makeSession()
        _ = s.start(at: Fixtures.t0)
        let fx = s.handle(line: "says GOMAXPROCS sets M的数量", at: Fixtures.t0)
        #expect(said(fx).contains("possible misconception !1. GOMAXPROCS sets the number of Ms (type !1 to mark it)"))
        #expect(s.record.questions[0].grade?.misconceptions.isEmpty == true)
        _ = s.handle(line: "!1", at: Fixtures.t0)
        #expect(s.record.questions[0].marks?.misconceptions == ["gomaxprocs-sets-m"])
        #expect(s.record.questions[0].grade?.misconceptions.map(\.id) == ["gomaxprocs-sets-m"])
        _ = s.handle(line: "!1", at: Fixtures.t0)
        #expect(s.record.questions[0].marks?.misconceptions == [])
    }

    @Test func outOfRangeOverridesAreRejectedWithoutChangingMarks() {
        var s = makeSession()
        _ = s.start(at: Fixtures.t0)
        let fx = s.handle(line: "+9", at: Fixtures.t0)
        #expect(said(fx).contains("No concept 9 (there are 4)"))
        #expect(s.record.questions[0].marks?.conceptOverrides.isEmpty ?? true)
        #expect(said(s.handle(line: "!3", at: Fixtures.t0)).contains("No misconception 3 (there are 1)"))
    }

    @Test func ratingsUseTheAnchoredScaleAndEnterTakesTheSuggestion() throws {
        var s = makeSession()
        _ = s.start(at: Fixtures.t0)
        _ = s.handle(line: "goroutine 系统线程", at: Fixtures.t0)
        let next = s.handle(line: ":next", at: Fixtures.t0)
        #expect(said(next).contains("Suggested follow-ups (missed concepts):"))
        #expect(said(next).contains("? What happens when the local queue is empty?"))
        #expect(said(next).contains("? Ask about: Preemption (4)"))
        #expect(s.phase == .rating(question: 0, step: .confirm))
        #expect(said(s.handle(line: "5", at: Fixtures.t0)).contains("Enter 1–4"))
        _ = s.handle(line: "2", at: Fixtures.t0)
        // Core: both core concepts ticked, so the suggestion is 4.
        let core = said(s.handle(line: "", at: Fixtures.t0))
        #expect(core.contains("Core concept: 4 = strong"))
        _ = s.handle(line: "1", at: Fixtures.t0)
        _ = s.handle(line: "1", at: Fixtures.t0)
        _ = s.handle(line: "1", at: Fixtures.t0)
        #expect(s.phase == .freeNote(question: 0))
        let marks = try #require(s.record.questions[0].marks)
        #expect(marks.stepRatings == [.confirm: 2, .core: 4, .implementation: 1, .application: 1, .optimization: 1])
        // Rated 1 means absent; 2 or more present.
        #expect(s.record.questions[0].grade?.framework.presentSteps == [.confirm, .core])
        _ = s.handle(line: "Clear on the basics.", at: Fixtures.t0)
        #expect(s.record.questions[0].marks?.note == "Clear on the basics.")
        #expect(s.phase == .notes(question: 1))
    }

    @Test func recommendationNeedsAJustification() {
        var s = makeSession()
        _ = s.start(at: Fixtures.t0)
        for line in [":rate 3 3 3 3 3", "", ":skip"] { _ = s.handle(line: line, at: Fixtures.t0) }
        #expect(s.phase == .verdict)
        #expect(s.record.questions[1].skipped)
        #expect(said(s.handle(line: "maybe", at: Fixtures.t0)).contains("Choose 1–4"))
        _ = s.handle(line: "strong yes", at: Fixtures.t0)
        #expect(s.phase == .justification(.strongYes))
        #expect(said(s.handle(line: "  ", at: Fixtures.t0)).contains("A justification is required."))
        #expect(s.record.recommendation == nil)
        let end = s.handle(line: "Deep and clear.", at: Fixtures.t0.addingTimeInterval(600))
        #expect(end.last == .end)
        #expect(s.record.recommendation == Recommendation(verdict: .strongYes, justification: "Deep and clear."))
        #expect(s.record.status == .completed)
        #expect(s.record.endedAt == Fixtures.t0.addingTimeInterval(600))
    }

    @Test func everyChangeIsSavedBeforeTheNextPrompt() {
        var s = makeSession()
        let start = s.start(at: Fixtures.t0)
        #expect(start.contains(.save))
        for line in ["goroutine", "+3", "!1", ":next", "3", "3", "3", "3", "3", "note"] {
            let fx = s.handle(line: line, at: Fixtures.t0)
            let saveIndex = fx.firstIndex(of: .save)
            let promptIndex = fx.lastIndex { if case .prompt = $0 { return true } else { return false } }
            if line != ":next" {
                #expect(saveIndex != nil, "no save after \(line)")
                if let saveIndex, let promptIndex { #expect(saveIndex < promptIndex) }
            }
        }
    }

    @Test func timeIsRecordedPerQuestion() {
        var s = makeSession()
        _ = s.start(at: Fixtures.t0)
        _ = s.handle(line: "goroutine", at: Fixtures.t0.addingTimeInterval(50))
        _ = s.handle(line: ":rate 3 3 3 3 3", at: Fixtures.t0.addingTimeInterval(90))
        _ = s.handle(line: "", at: Fixtures.t0.addingTimeInterval(100))
        _ = s.handle(line: "一致性", at: Fixtures.t0.addingTimeInterval(160))
        #expect(s.record.questions[0].secondsUsed == 100)
        #expect(s.record.questions[1].secondsUsed == 60)
        #expect(s.record.elapsedSeconds == 160)
    }

    @Test func quitSavesInProgress() {
        var s = makeSession()
        _ = s.start(at: Fixtures.t0)
        _ = s.handle(line: "goroutine", at: Fixtures.t0)
        let fx = s.handle(line: ":quit", at: Fixtures.t0)
        #expect(fx.first == .save)
        #expect(fx.last == .end)
        #expect(s.record.status == .inProgress)
        #expect(s.phase == .quit)
    }

    @Test func unknownCommandsAreNotTakenAsNotes() {
        var s = makeSession()
        _ = s.start(at: Fixtures.t0)
        #expect(said(s.handle(line: ":bogus", at: Fixtures.t0)).contains("Unknown command: :bogus"))
        #expect(s.record.questions[0].turns.isEmpty)
    }

    @Test func everyCompletedCommandIsUnderstood() {
        for token in ConductCommandParser.commandTokens {
            var s = makeSession()
            _ = s.start(at: Fixtures.t0)
            let out = said(s.handle(line: token == ":rate" ? ":rate 2 2 2 2 2" : token, at: Fixtures.t0))
            #expect(!out.contains("Unknown command"), "\(token)")
        }
    }

    @Test func overrideParser() {
        #expect(ConductCommandParser.overrides("+3") == [.tick(3)])
        #expect(ConductCommandParser.overrides("+3 -5, !2") == [.tick(3), .untick(5), .misconception(2)])
        #expect(ConductCommandParser.overrides("-1 for naming") == nil)
        #expect(ConductCommandParser.overrides("+") == nil)
        #expect(ConductCommandParser.overrides("+0") == nil)
        #expect(ConductCommandParser.overrides("3") == nil)
        #expect(ConductCommandParser.verdict("Strong No") == .strongNo)
        #expect(ConductCommandParser.verdict("2") == .no)
        #expect(ConductCommandParser.verdict("5") == nil)
    }

    @Test func chineseInterfaceReadsNaturally() {
        var s = makeSession(language: .zh)
        let out = said(s.start(at: Fixtures.t0))
        #expect(out.contains("请读题：请详细解释Go语言的GMP调度模型"))
        #expect(out.contains("1 = 缺失 · 2 = 薄弱 · 3 = 扎实 · 4 = 出色"))
        #expect(out.contains("[ ] 1. G：Goroutine * · 核心概念 · w2"))
    }
}
