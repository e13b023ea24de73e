import Foundation
import InterviewEngine
import RubricKit

/// Small, stable content for the engine tests, independent of the shipped rubrics.
enum Fixture {
    static let framework = Framework(steps: FrameworkStep.allCases.map {
        Framework.Step(id: $0, name: LocalizedText(zh: "步骤\($0.rawValue)", en: "Step \($0.rawValue)"), cues: [],
                       prompt: LocalizedText(zh: "请讲\($0.rawValue)", en: "Tell me about \($0.rawValue)"),
                       tip: LocalizedText("tip"))
    })

    static func rubric(_ id: String, followUps: [FollowUp] = [], hints: Int = 2) -> Rubric {
        Rubric(id: id, category: "test", question: LocalizedText(zh: "问题 \(id)", en: "Question \(id)"),
               standardAnswer: "The standard answer of \(id).",
               concepts: [
                   Concept(id: "alpha", label: LocalizedText("alpha"), aliases: ["alpha"], weight: 2, step: .core, required: true),
                   Concept(id: "beta", label: LocalizedText("beta"), aliases: ["beta"], weight: 1, step: .implementation),
                   Concept(id: "gamma", label: LocalizedText("gamma"), aliases: ["gamma"], weight: 1, step: .optimization),
               ],
               followUps: followUps,
               hints: (0..<hints).map { LocalizedText(zh: "提示\($0 + 1)", en: "hint \($0 + 1)") })
    }

    static let betaFollowUp = FollowUp(id: "ask-beta", whenMissing: ["beta"], question: LocalizedText(zh: "beta呢？", en: "What about beta?"))
    static let gammaFollowUp = FollowUp(id: "ask-gamma", whenMissing: ["gamma"], question: LocalizedText(zh: "gamma呢？", en: "What about gamma?"))

    static func scenario(total: Int = 300, perQuestion: Int? = 100, maxFollowUps: Int = 1, hintPenalty: Double = 5) -> Scenario {
        Scenario(id: "fixture", title: LocalizedText(zh: "测试", en: "Fixture"), selection: QuestionSelection(),
                 totalSeconds: total, perQuestionSeconds: perQuestion, maxFollowUps: maxFollowUps, hintPenalty: hintPenalty)
    }

    /// A transparent grader: a concept is hit when its alias appears; the score is the share of weight hit.
    static let grader = AnswerGrader { answer, rubric in
        let text = answer.lowercased()
        let results = rubric.concepts.map { c in
            let hit = c.aliases.contains { text.contains($0.lowercased()) }
            return ConceptResult(id: c.id, label: c.label.text(.en), step: c.step, weight: c.weight, required: c.required,
                                 hit: hit, credit: hit ? 1 : 0, evidence: [])
        }
        let total = results.map(\.weight).reduce(0, +)
        let score = (results.filter(\.hit).map(\.weight).reduce(0, +) / total * 1000).rounded() / 10
        let present = Set(results.filter(\.hit).map(\.step))
        return AnswerGrade(question: rubric.id, score: score, grade: rubric.bands.grade(for: score), concepts: results,
                           misconceptions: [],
                           framework: FrameworkResult(steps: FrameworkStep.allCases.map { .init(step: $0, present: present.contains($0), evidence: []) },
                                                      inOrder: true, habits: []),
                           flags: [], feedback: [], breakdown: ScoreBreakdown(coverage: score, structure: 0, similarity: 0, penalties: 0, caps: []))
    }

    static let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    static func session(questions: [Rubric] = [rubric("q1"), rubric("q2"), rubric("q3")], scenario: Scenario = scenario(),
                        mode: Scenario.Mode = .free, pause: Bool = false) throws -> InterviewSession {
        try InterviewSession(id: "s-1", scenario: scenario, questions: questions, framework: framework, grader: grader,
                             mode: mode, language: .en, seed: 7, now: t0, options: .init(pauseAfterFeedback: pause))
    }
}

/// Drives a session with a fake clock.
struct Driver {
    var session: InterviewSession
    var now = Fixture.t0
    var saved: [SessionRecord] = []

    init(_ session: InterviewSession) { self.session = session }

    @discardableResult
    mutating func send(_ event: InterviewEvent, after seconds: Double = 0) -> [InterviewEffect] {
        now = now.addingTimeInterval(seconds)
        let fx = session.handle(event, at: now)
        for case let .save(r) in fx { saved.append(r) }
        return fx
    }

    @discardableResult
    mutating func type(_ text: String, after seconds: Double = 0) -> [InterviewEffect] {
        send(.input(text), after: seconds)
    }
}

extension [InterviewEffect] {
    var messages: [InterviewMessage] { compactMap { if case let .show(m) = $0 { return m }; return nil } }
    var prompts: [AnswerPrompt] { compactMap { if case let .ask(p) = $0 { return p }; return nil } }
    var warnings: [TimeWarning] { compactMap { if case let .warnTime(w) = $0 { return w }; return nil } }
    var saves: [SessionRecord] { compactMap { if case let .save(r) = $0 { return r }; return nil } }
    var lastPromptKind: AnswerPrompt.Kind? { prompts.last?.kind }
    var feedback: [FeedbackView] { messages.compactMap { if case let .feedback(f) = $0 { return f }; return nil } }
    var followUpTexts: [String] { messages.compactMap { if case let .followUp(_, t) = $0 { return t.text(.en) }; return nil } }
    var ended: EndReason? { compactMap { if case let .end(r) = $0 { return r }; return nil }.last }
}
