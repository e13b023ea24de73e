import RubricKit

/// A small framework and rubrics built in code, so the matcher and scorer tests do not depend on
/// the shipped content.
enum ScoringFixtures {
    static let framework = Framework(
        steps: [
            .init(id: .confirm, name: LocalizedText(zh: "理解确认", en: "Confirm"), cues: ["我理解", "you're asking"],
                  prompt: LocalizedText("?"), tip: LocalizedText(zh: "先复述问题。", en: "Restate the question.")),
            .init(id: .core, name: LocalizedText(zh: "核心概念", en: "Core"), cues: ["核心", "the key idea"],
                  prompt: LocalizedText("?"), tip: LocalizedText(zh: "先讲核心。", en: "Lead with the core.")),
            .init(id: .implementation, name: LocalizedText(zh: "具体实现", en: "Implementation"), cues: ["具体实现", "under the hood"],
                  prompt: LocalizedText("?"), tip: LocalizedText(zh: "讲清实现。", en: "Explain the mechanism.")),
            .init(id: .application, name: LocalizedText(zh: "实际应用", en: "Application"), cues: ["我们项目", "in production"],
                  prompt: LocalizedText("?"), tip: LocalizedText(zh: "结合项目。", en: "Tie it to a project.")),
            .init(id: .optimization, name: LocalizedText(zh: "优化思考", en: "Optimisation"), cues: ["优化", "optimi", "trade-off"],
                  prompt: LocalizedText("?"), tip: LocalizedText(zh: "谈谈优化。", en: "Discuss trade-offs.")),
        ],
        habits: [.init(id: "compare", name: LocalizedText("对比"), cues: ["相比", "compared to"], tip: LocalizedText(zh: "主动对比。", en: "Compare."))],
        dontKnow: ["不知道", "不清楚", "需要进一步了解", "i don't know", "not sure"])

    static func concept(_ id: String, _ aliases: [String], weight: Double = 1, step: FrameworkStep = .core,
                        required: Bool = false, values: [ValueFact] = [], teach: String? = nil) -> Concept {
        Concept(id: id, label: LocalizedText(zh: "概念\(id)", en: "concept \(id)"), aliases: aliases, weight: weight,
                step: step, required: required, values: values, teach: teach.map { LocalizedText($0) })
    }

    /// Go scheduling, in Chinese.
    static let gmp = Rubric(
        id: "t.gmp", category: "go", language: .zh, question: LocalizedText(zh: "解释GMP", en: "Explain GMP"),
        standardAnswer: "G是goroutine，用户态轻量级线程。M是系统线程。P是逻辑处理器，维护本地队列。本地队列为空时从其他P偷取一半G（work stealing）。",
        concepts: [
            concept("g", ["goroutine", "协程", "G"], weight: 2, required: true),
            concept("m", ["系统线程", "OS thread", "M"], weight: 2),
            concept("p", ["processor", "逻辑处理器", "P"], weight: 2),
            concept("local-queue", ["P的本地队列", "本地队列", "local run queue"], weight: 1.5, step: .implementation),
            concept("work-stealing", ["work stealing", "工作窃取", "偷取", "steal"], weight: 1.5, step: .implementation),
            concept("gmp-name", ["GMP模型", "GMP model"], weight: 1),
            concept("preemption", ["抢占", "preemption"], weight: 1, step: .optimization),
        ],
        misconceptions: [
            Misconception(id: "gomaxprocs-sets-m", claim: LocalizedText(zh: "GOMAXPROCS控制M的数量", en: "GOMAXPROCS sets the Ms"),
                          match: [["GOMAXPROCS"], ["M的数量", "线程数", "number of threads"]],
                          correction: LocalizedText(zh: "GOMAXPROCS设置的是P的数量。", en: "GOMAXPROCS sets the number of Ps."),
                          penalty: 10),
        ],
        similarityWeight: 0.1)

    /// Kafka settings and other technical names, in English, with value facts.
    static let kafka = Rubric(
        id: "t.kafka", category: "mw", language: .en, question: LocalizedText(en: "How does Kafka avoid losing messages?"),
        standardAnswer: "Set acks=all on the producer. Set min.insync.replicas=2 on the topic. Use replication.factor 3. Redis Cluster maps keys with slot = CRC16(key) % 16384.",
        concepts: [
            concept("acks", ["acks=all", "acks all"], weight: 2, required: true,
                    values: [ValueFact(keys: ["acks"], accepted: ["all", "-1"])]),
            concept("min-isr", [], weight: 2, values: [ValueFact(keys: ["min.insync.replicas"], accepted: ["2"])]),
            concept("rf", [], weight: 1, values: [ValueFact(keys: ["replication.factor"], accepted: ["3"])]),
            concept("slots", [], weight: 1, values: [ValueFact(keys: ["CRC16(key) %", "哈希槽"], accepted: ["16384"])]),
            concept("reconcile", ["reconcile loop"], weight: 1, step: .implementation),
            concept("k8s", ["Kubernetes"], weight: 1, step: .application),
            concept("pdb", ["PodDisruptionBudget"], weight: 1, step: .application),
            concept("idempotence", ["enable.idempotence"], weight: 1, step: .optimization),
        ],
        misconceptions: [
            Misconception(id: "acks1-safe", claim: LocalizedText(en: "acks=1 loses nothing"),
                          match: [["acks=1", "acks 1"], ["loses nothing", "never loses", "no data loss"]],
                          correction: LocalizedText(en: "With acks=1 a leader crash before replication loses the message."),
                          penalty: 15),
        ],
        similarityWeight: 0.1)
}
