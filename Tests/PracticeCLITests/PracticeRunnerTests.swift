import Foundation
import InterviewEngine
import RubricKit
import SessionStore
import Testing
@testable import mockinterview

/// Content and a temporary store for driving `PracticeRunner` without a terminal.
struct RunnerHarness {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("mi-runner-\(UUID().uuidString)").path
    let store: SessionStore
    let clock = ManualClock()
    var shown: [String] = []

    static let framework = Framework(steps: FrameworkStep.allCases.map {
        Framework.Step(id: $0, name: LocalizedText(zh: "步骤\($0.order + 1)", en: "Step \($0.order + 1)"), cues: [],
                       prompt: LocalizedText(zh: "提示", en: "Prompt"), tip: LocalizedText("tip"))
    })

    static func rubric(_ id: String) -> Rubric {
        Rubric(id: id, category: "t", question: LocalizedText(zh: "问题\(id)", en: "Question \(id)"), standardAnswer: "std",
               concepts: [Concept(id: "alpha", label: LocalizedText("alpha"), aliases: ["alpha"], step: .core)],
               hints: [LocalizedText(zh: "想想alpha", en: "think alpha")])
    }

    static let grader = AnswerGrader { answer, rubric in
        let hit = answer.contains("alpha")
        return AnswerGrade(question: rubric.id, score: hit ? 100 : 0, grade: hit ? .A : .F,
                           concepts: [ConceptResult(id: "alpha", label: "alpha", step: .core, weight: 1, required: false,
                                                    hit: hit, credit: hit ? 1 : 0, evidence: [])],
                           misconceptions: [], framework: FrameworkResult(steps: [], inOrder: true, habits: []), flags: [],
                           feedback: [], breakdown: ScoreBreakdown(coverage: 0, structure: 0, similarity: 0, penalties: 0, caps: []))
    }

    init() throws { store = try SessionStore(home: home) }

    func session(total: Int = 600, pause: Bool = false) throws -> InterviewSession {
        let scenario = Scenario(id: "t", title: LocalizedText("T"), selection: QuestionSelection(), totalSeconds: total)
        return try InterviewSession(id: "run-1", scenario: scenario, questions: [Self.rubric("q1"), Self.rubric("q2")],
                                    framework: Self.framework, grader: Self.grader, mode: .free, language: .en, seed: 1,
                                    now: clock.now, options: .init(pauseAfterFeedback: pause))
    }

    func runner(_ session: InterviewSession, _ reader: ScriptedLineReader, language: Language = .en, showClock: Bool = false,
                output: @escaping (String) -> Void = { _ in }) -> PracticeRunner {
        let t = Localizer(language: language)
        let clock = self.clock
        return PracticeRunner(session: session, store: store, reader: reader,
                              renderer: SessionRenderer(t: t, framework: Self.framework, console: Console(environment: ["NO_COLOR": "1"])),
                              clock: { clock.now }, showClock: showClock, t: t, output: output)
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: home) }
}

@Suite("PracticeRunner with a scripted reader")
struct PracticeRunnerTests {
    @Test func everythingIsOnDiskBeforeEachPrompt() throws {
        let h = try RunnerHarness()
        defer { h.cleanUp() }
        let reader = ScriptedLineReader([.line(":hint"), .line("first alpha"), .line("more"), .line("."),
                                         .line("no idea"), .line("")])
        let runner = h.runner(try h.session(), reader)
        var checks = 0
        reader.beforeEachRead = {
            // What the engine knows is exactly what is stored.
            let stored = try? h.store.load(id: "run-1")
            #expect(stored == runner.session.record)
            checks += 1
        }
        #expect(try runner.run() == .completed)
        #expect(checks == reader.prompts.count && checks == 6)
        let record = try h.store.load(id: "run-1")
        #expect(record.status == .completed)
        #expect(record.questions[0].answerText == "first alpha\nmore")
        #expect(record.questions[0].hintsUsed == 1 && record.questions[0].grade?.score == 95)
        #expect(record.questions[1].grade?.score == 0)
        // The terminators stay out of the line history.
        #expect(reader.remembered == [":hint", "first alpha", "more", "no idea"])
    }

    @Test func aDeclinedLeaveKeepsTheLinesTyped() throws {
        let h = try RunnerHarness()
        defer { h.cleanUp() }
        let reader = ScriptedLineReader([.line("line one alpha"), .interrupt, .line("n"), .line("line two"), .line(""),
                                         .endOfInput])
        let runner = h.runner(try h.session(), reader)
        #expect(try runner.run() == .quit)
        #expect(try h.store.load(id: "run-1").questions[0].answerText == "line one alpha\nline two")
        #expect(reader.prompts.contains("Save and leave? [y/N] "))
    }

    @Test func aConfirmedLeaveSavesInProgress() throws {
        let h = try RunnerHarness()
        defer { h.cleanUp() }
        var shown: [String] = []
        let reader = ScriptedLineReader([.line("alpha"), .line(""), .interrupt, .line("y")])
        let runner = h.runner(try h.session(), reader, output: { shown.append($0) })
        #expect(try runner.run() == .quit)
        let record = try h.store.load(id: "run-1")
        #expect(record.status == .inProgress && record.questions[0].isAnswered && !record.questions[1].attempted)
        #expect(shown.last?.contains("practice --resume") == true)
    }

    @Test func endOfInputEndsTheAnswerOrLeaves() throws {
        let h = try RunnerHarness()
        defer { h.cleanUp() }
        // Ctrl-D on a continuation line ends the answer; on the next first line it leaves.
        let reader = ScriptedLineReader([.line("alpha typed"), .endOfInput, .endOfInput])
        let runner = h.runner(try h.session(), reader)
        #expect(try runner.run() == .quit)
        let record = try h.store.load(id: "run-1")
        #expect(record.questions[0].answerText == "alpha typed")
        #expect(record.questions[1].turns.isEmpty && record.status == .inProgress)
    }

    @Test func plainReadersGetNoPrompts() throws {
        let h = try RunnerHarness()
        defer { h.cleanUp() }
        let reader = ScriptedLineReader([.line("alpha"), .line(""), .line(":skip")], interactive: false)
        #expect(try h.runner(try h.session(), reader).run() == .completed)
        let prompts = reader.prompts
        #expect(prompts.allSatisfy { $0.isEmpty })
    }

    @Test func whileWaitingTheClockMovesAndWarningsAppear() throws {
        let h = try RunnerHarness()
        defer { h.cleanUp() }
        let reader = ScriptedLineReader([.line(":quit")])
        reader.idleCallsPerRead = 1
        reader.beforeIdle = { h.clock.advance(45) }   // per question: 50 s; 45 s is past 80 %
        let runner = h.runner(try h.session(total: 100), reader, showClock: true)
        #expect(try runner.run() == .quit)
        let update = try #require(reader.idleUpdates.first)
        #expect(update.notices.count == 1 && update.notices[0].contains("0:45 used of this question's 0:50"))
        #expect(update.prompt == "[0:45/0:50] answer ❯ ")
        #expect(try h.store.load(id: "run-1").questions[0].secondsUsed == 45)
    }

    @Test func theInterfaceSpeaksBothLanguages() throws {
        let h = try RunnerHarness()
        defer { h.cleanUp() }
        for (language, expected) in [(Language.zh, "第 1/2 题"), (.en, "Question 1/2")] {
            var shown: [String] = []
            let reader = ScriptedLineReader([.line(":answer"), .line(":quit")])
            _ = try h.runner(try h.session(), reader, language: language, output: { shown.append($0) }).run()
            let text = shown.joined(separator: "\n")
            #expect(text.contains(expected))
            #expect(text.contains(language == .zh ? "先作答或用 :skip 跳过" : "Answer first, or :skip"))
        }
    }
}
