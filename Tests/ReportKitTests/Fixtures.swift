import Foundation
import InterviewEngine
import RubricKit
@testable import ReportKit

/// Hand-built content and sessions with fixed dates, so every rendering is reproducible.
enum Fixtures {
    static let t0 = Date(timeIntervalSince1970: 1_795_000_000) // 2026-11-18 11:06:40 UTC

    static let framework = Framework(steps: [
        .init(id: .confirm, name: LocalizedText(zh: "理解确认", en: "Confirm the question"), cues: ["我理解"], prompt: LocalizedText("?"), tip: LocalizedText("")),
        .init(id: .core, name: LocalizedText(zh: "核心概念", en: "Core concept"), cues: ["核心"], prompt: LocalizedText("?"), tip: LocalizedText("")),
        .init(id: .implementation, name: LocalizedText(zh: "具体实现", en: "Concrete implementation"), cues: ["实现"], prompt: LocalizedText("?"), tip: LocalizedText("")),
        .init(id: .application, name: LocalizedText(zh: "实际应用", en: "Real-world application"), cues: ["项目中"], prompt: LocalizedText("?"), tip: LocalizedText("")),
        .init(id: .optimization, name: LocalizedText(zh: "优化思考", en: "Optimisation thinking"), cues: ["优化"], prompt: LocalizedText("?"), tip: LocalizedText("")),
    ])

    static let categories = [
        Category(id: "go", name: LocalizedText(zh: "Go语言基础", en: "Go fundamentals")),
        Category(id: "distributed", name: LocalizedText(zh: "分布式系统", en: "Distributed systems")),
    ]

    static let gmp = Rubric(
        id: "go.gmp", category: "go", language: .zh,
        question: LocalizedText(zh: "请详细解释Go语言的GMP调度模型", en: "Explain Go's GMP scheduling model."),
        standardAnswer: "GMP模型是Go语言运行时的核心调度机制。\nG是用户级轻量线程。\nM是系统线程。\nP是逻辑处理器，维护本地队列。",
        concepts: [
            Concept(id: "g", label: LocalizedText(zh: "G：Goroutine", en: "G: the goroutine"), aliases: ["goroutine", "协程"], weight: 2, step: .core, required: true),
            Concept(id: "m", label: LocalizedText(zh: "M：系统线程", en: "M: an OS thread"), aliases: ["系统线程", "machine"], weight: 2, step: .core),
            Concept(id: "work-stealing", label: LocalizedText(zh: "工作窃取", en: "Work stealing"), aliases: ["work stealing", "偷取"], weight: 1, step: .implementation),
            Concept(id: "preemption", label: LocalizedText(zh: "抢占式调度", en: "Preemption"), aliases: ["抢占"], weight: 1, step: .optimization),
        ],
        misconceptions: [
            Misconception(id: "gomaxprocs-sets-m", claim: LocalizedText(zh: "GOMAXPROCS控制M的数量", en: "GOMAXPROCS sets the number of Ms"),
                          match: [["gomaxprocs"], ["m的数量", "线程数"]], correction: LocalizedText(zh: "GOMAXPROCS设置的是P的数量", en: "It sets the number of Ps"), penalty: 10),
        ],
        followUps: [FollowUp(id: "steal", whenMissing: ["work-stealing"], question: LocalizedText(zh: "本地队列空了怎么办？", en: "What happens when the local queue is empty?"))])

    static let cap = Rubric(
        id: "dist.cap", category: "distributed", language: .zh,
        question: LocalizedText(zh: "谈谈你对CAP理论的理解", en: "What is the CAP theorem?"),
        standardAnswer: "CAP指一致性、可用性、分区容错性，三者最多同时满足两个。",
        concepts: [
            Concept(id: "consistency", label: LocalizedText(zh: "一致性", en: "Consistency"), aliases: ["一致性", "consistency"], weight: 1, step: .core),
            Concept(id: "partition", label: LocalizedText(zh: "分区容错", en: "Partition tolerance"), aliases: ["分区", "partition"], weight: 1, step: .core),
        ])

    static let scenario = Scenario(id: "mixed", title: LocalizedText(zh: "混合练习", en: "Mixed practice"),
                                   description: LocalizedText(zh: "两道题", en: "Two questions"),
                                   selection: QuestionSelection(ids: ["go.gmp", "dist.cap"]), totalSeconds: 600, perQuestionSeconds: 300)

    static let content = ReportContent(framework: framework, rubrics: [gmp, cap], categories: categories)

    /// A test double for the scorer: a concept is hit when the text contains one of its aliases; a misconception
    /// when every match group has a phrase in the text; a step is present when its cue appears.
    static let grader: ConductSession.Grader = { text, rubric in
        let lower = text.lowercased()
        let concepts = rubric.concepts.map { c -> ConceptResult in
            let evidence = c.aliases.filter { lower.contains($0.lowercased()) }
            return ConceptResult(id: c.id, label: c.label.text(rubric.language), step: c.step, weight: c.weight, required: c.required,
                                 hit: !evidence.isEmpty, credit: evidence.isEmpty ? 0 : 1, evidence: evidence)
        }
        let misconceptions = rubric.misconceptions.filter { m in
            m.match.allSatisfy { group in group.contains { lower.contains($0.lowercased()) } }
        }.map { MisconceptionResult(id: $0.id, claim: $0.claim.text(rubric.language), correction: $0.correction.text(rubric.language), penalty: $0.penalty, evidence: []) }
        let steps = framework.steps.map { FrameworkResult.StepResult(step: $0.id, present: $0.cues.contains { lower.contains($0) }, evidence: []) }
        let total = concepts.map(\.weight).reduce(0, +)
        let score = total == 0 ? 0 : concepts.map { $0.weight * $0.credit }.reduce(0, +) / total * 100
        return AnswerGrade(question: rubric.id, score: score, grade: rubric.bands.grade(for: score), concepts: concepts,
                           misconceptions: misconceptions,
                           framework: FrameworkResult(steps: steps, inOrder: true, habits: []), flags: [],
                           feedback: concepts.filter { !$0.hit }.map { FeedbackItem(kind: .missed, text: "漏掉了：" + $0.label) },
                           breakdown: ScoreBreakdown(coverage: score, structure: 0, similarity: 0, penalties: 0, caps: []))
    }

    /// A practice session: one graded answer with a hint and a follow-up, one skipped question.
    static func practiceRecord(id: String = "20261118-0613-a1b2", start: Date = t0, answer: String? = nil) -> SessionRecord {
        let text = answer ?? "我理解您问的是GMP。核心是goroutine协程和系统线程，本地队列空了会偷取。项目中我们做过优化。"
        var gmpGrade = grader(text, gmp)
        gmpGrade.score = 71.5
        gmpGrade.grade = .B
        let q1 = QuestionRecord(questionID: "go.gmp", category: "go", position: 0, budgetSeconds: 300, secondsUsed: 245,
                                turns: [
                                    Turn(kind: .hint, prompt: "提示 1", text: "想想 M 和 P 的关系", at: start.addingTimeInterval(30)),
                                    Turn(kind: .answer, text: text, at: start.addingTimeInterval(200)),
                                    Turn(kind: .followUp, prompt: "本地队列空了怎么办？", text: "去全局队列拿，或者从别的P偷一半。", at: start.addingTimeInterval(245)),
                                ],
                                hintsUsed: 1, grade: gmpGrade)
        let q2 = QuestionRecord(questionID: "dist.cap", category: "distributed", position: 1, budgetSeconds: 300, secondsUsed: 12,
                                turns: [], skipped: true)
        return SessionRecord(id: id, kind: .practice, scenarioID: "mixed", scenarioTitle: scenario.title, mode: .free,
                             language: .zh, seed: 7, startedAt: start, endedAt: start.addingTimeInterval(257), status: .completed,
                             elapsedSeconds: 257, totalBudgetSeconds: 600, questions: [q1, q2])
    }

    /// An interviewer-led session built by driving `ConductSession` with typed lines.
    static func conductedRecord(language: Language = .en) -> SessionRecord {
        var session = ConductSession(id: "20261118-0700-c0d1", scenario: scenario, questions: [gmp, cap], framework: framework,
                                     categories: categories, candidate: "Li Lei", interviewer: "Han Meimei",
                                     language: language, seed: 0, now: t0, grader: grader)
        var now = t0
        _ = session.start(at: now)
        let lines = ["候选人说 goroutine 是协程", "GOMAXPROCS 控制 M的数量", "!1", "+4", ":next",
                     "3", "", "2", "1", "2", "Solid core; unclear on stealing.",
                     "一致性和分区", ":rate 2 3 1 1 1", "",
                     "3", "Good fundamentals, <b>needs</b> depth & \"practice\"."]
        for line in lines {
            now = now.addingTimeInterval(20)
            _ = session.handle(line: line, at: now)
        }
        return session.record
    }
}
