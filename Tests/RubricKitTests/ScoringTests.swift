import Foundation
import Testing
@testable import RubricKit

@Suite("Scoring")
struct ScoringTests {
    let scorer = RubricScorer(framework: ScoringFixtures.framework)
    let gmp = ScoringFixtures.gmp

    static let realAnswer = """
    我理解您问的是Go的调度。核心是GMP模型：G是goroutine，M是系统线程，P是逻辑处理器。
    具体实现上，M要绑定P才能运行G，G先放在P的本地队列里；本地队列空了，P会去别的P那里偷取一半的G，这就是work stealing。
    我们项目里开了几十万个goroutine也很稳定。优化方面，Go 1.14以后有基于信号的抢占，避免死循环饿死别的G。
    """

    @Test func keywordDumpScoresClearlyBelowARealAnswerAndAtMostC() {
        let dump = scorer.grade("G M P goroutine 系统线程 逻辑处理器 本地队列 work stealing 偷取 抢占 GMP模型", against: gmp)
        let real = scorer.grade(Self.realAnswer, against: gmp)
        #expect(dump.flags.contains("keyword-dump"))
        #expect(!real.flags.contains("keyword-dump"))
        #expect(dump.grade <= .C)
        #expect(real.grade == .A)
        #expect(real.score - dump.score >= 20)
    }

    @Test func bulletListWithExplanationsIsNotADump() {
        let bullets = """
        - G：goroutine，用户态的轻量级线程，由运行时调度
        - M：系统线程，真正执行代码的线程
        - P：逻辑处理器，持有本地队列，M必须绑定P才能运行G
        - 本地队列空了会去别的P偷取一半任务
        """
        #expect(!scorer.grade(bullets, against: gmp).flags.contains("keyword-dump"))
    }

    static let upgrade = Rubric(
        id: "t.upgrade", category: "k8s", language: .zh, question: LocalizedText(zh: "怎么升级集群？", en: "How do you upgrade?"),
        standardAnswer: "先drain节点，再kubeadm upgrade node，然后升级kubelet，最后uncordon。",
        concepts: [
            ScoringFixtures.concept("drain", ["drain", "驱逐"]),
            ScoringFixtures.concept("upgrade-node", ["kubeadm upgrade node"]),
            ScoringFixtures.concept("kubelet", ["升级kubelet", "upgrade the kubelet"]),
            ScoringFixtures.concept("uncordon", ["uncordon"]),
        ],
        similarityWeight: 0.1)

    static let cap = Rubric(
        id: "t.cap", category: "dist", language: .zh, question: LocalizedText(zh: "解释CAP", en: "Explain CAP"),
        standardAnswer: "一致性、可用性、分区容错最多同时满足两个；分区一定会发生，所以在一致性和可用性之间取舍。",
        concepts: [
            ScoringFixtures.concept("c", ["consistency", "一致性"]),
            ScoringFixtures.concept("a", ["availability", "可用性"]),
            ScoringFixtures.concept("p", ["partition tolerance", "分区容错"]),
            ScoringFixtures.concept("cp", ["zookeeper", "etcd"]),
            ScoringFixtures.concept("ap", ["eureka", "cassandra"]),
        ],
        similarityWeight: 0.1)

    @Test func terseButRealAnswersAreNotKeywordDumps() {
        // An arrow chain states an order: each arrow relates the terms it joins.
        for chain in ["drain -> kubeadm upgrade node -> 升级kubelet -> uncordon", "drain → kubeadm upgrade node → 升级kubelet → uncordon"] {
            let g = scorer.grade(chain, against: Self.upgrade)
            #expect(!g.flags.contains("keyword-dump"), "\(chain)")
            #expect(!g.feedback.contains { $0.text.contains("不要只罗列关键词") })
        }
        // A term followed by its translation is one mention; a copula relates two terms.
        let pairs = scorer.grade("consistency一致性, availability可用性, partition tolerance分区容错。分区一定会发生，所以在一致性和可用性之间取舍。zookeeper是cp，eureka是ap。", against: Self.cap)
        #expect(!pairs.flags.contains("keyword-dump"))
        // Short definitional sentences.
        let defs = scorer.grade("G是goroutine，M是系统线程，P是逻辑处理器。M从P的本地队列取G，空了去全局队列", against: gmp)
        #expect(!defs.flags.contains("keyword-dump"))
        let marks = scorer.grade("- G = goroutine\n- M = 系统线程\n- P: processor, 本地队列\n- 空了就偷取", against: gmp)
        #expect(!marks.flags.contains("keyword-dump"))
    }

    @Test func aBareListIsStillADumpWhateverItsSeparators() {
        for dump in ["G M P goroutine 本地队列 work stealing 抢占 系统线程 逻辑处理器",
                     "G、M、P、goroutine、本地队列、work stealing、抢占、系统线程",
                     "G和M和P，goroutine和本地队列，work stealing或抢占"] {
            let g = scorer.grade(dump, against: gmp)
            #expect(g.flags.contains("keyword-dump"), "\(dump)")
            #expect(g.grade <= .C)
        }
        // Translations do not turn a list into an explanation.
        let pairs = scorer.grade("consistency一致性, availability可用性, partition tolerance分区容错, zookeeper, eureka", against: Self.cap)
        #expect(pairs.flags.contains("keyword-dump"))
        // The arrow chain's terms without the arrows are a list.
        #expect(scorer.grade("drain kubeadm upgrade node 升级kubelet uncordon", against: Self.upgrade).flags.contains("keyword-dump"))
    }

    @Test func honestDontKnowGetsFWithAStudyPlanAndNoPenalty() {
        let g = scorer.grade("这个问题我需要进一步了解，目前不太清楚GMP的细节。", against: gmp)
        #expect(g.grade == .F)
        #expect(g.flags.contains("dont-know"))
        #expect(g.breakdown.penalties == 0)
        let plan = g.feedback.filter { $0.kind == .studyPlan }
        #expect(plan.count >= 3)
        // The plan starts with core concepts, the heaviest first.
        #expect(plan.dropFirst().first?.text.hasPrefix("1. 概念g") == true)
        #expect(!g.feedback.contains { $0.kind == .missed })
    }

    @Test func confidentWrongClaimIsNotAnHonestDontKnow() {
        let g = scorer.grade("不知道细节，但GOMAXPROCS决定了M的数量。", against: gmp)
        #expect(!g.flags.contains("dont-know"))
        #expect(g.misconceptions.count == 1)
    }

    @Test func aConceptNamedOnlyInsideAWrongClaimEarnsNothing() {
        // "GOMAXPROCS is the number of Ms" is the misconception; the M it names is not credited there.
        let wrong = scorer.grade("G是goroutine。GOMAXPROCS就是M的数量。", against: gmp)
        #expect(wrong.misconceptions.map(\.id) == ["gomaxprocs-sets-m"])
        #expect(wrong.concepts.first { $0.id == "m" }?.hit == false)
        #expect(wrong.concepts.first { $0.id == "g" }?.hit == true)
        // Named correctly elsewhere, it is credited; the wrong claim still costs its penalty.
        let both = scorer.grade("G是goroutine。M是系统线程。GOMAXPROCS就是M的数量。", against: gmp)
        #expect(both.misconceptions.map(\.id) == ["gomaxprocs-sets-m"])
        #expect(both.concepts.first { $0.id == "m" }?.hit == true)
        #expect(both.concepts.first { $0.id == "m" }?.evidence == ["M", "系统线程"]) // from the second sentence
    }

    @Test func wordsBetweenAClaimsPhrasesKeepTheirCredit() {
        // Groups `读已关闭` and `会panic` share the sentence, so the claim is made; the correct
        // `ok判断` between them is not part of it and is credited.
        var rubric = gmp
        rubric.concepts = [ScoringFixtures.concept("ok-idiom", ["ok判断"]), ScoringFixtures.concept("closed", ["关闭"])]
        rubric.misconceptions = [Misconception(id: "receive-panics", claim: LocalizedText("读已关闭的channel会panic"),
                                               match: [["读已关闭"], ["会panic"]], correction: LocalizedText("返回零值"), penalty: 10)]
        let g = scorer.grade("重复关闭会panic，用ok判断是否关闭，读已关闭的channel返回零值。", against: rubric)
        #expect(g.misconceptions.map(\.id) == ["receive-panics"])
        #expect(g.concepts.first { $0.id == "ok-idiom" }?.hit == true)
    }

    @Test func rubricTestChecksMisconceptionSnippetsAndReferences() {
        var rubric = gmp
        rubric.standardAnswer = "GOMAXPROCS决定P的数量。"
        rubric.alternatives = ["读已关闭的channel会panic吗？不会。"]
        rubric.examples = []
        rubric.misconceptions = [Misconception(id: "receive-panics", claim: LocalizedText("读已关闭的channel会panic"),
                                               match: [["读已关闭"], ["会panic"]], correction: LocalizedText("返回零值"),
                                               mustClaim: ["读已关闭的channel会panic", "关闭以后读会返回零值"],
                                               mustNotClaim: ["读已关闭的channel不会panic", "读已关闭的channel就会panic"])]
        let report = RubricTestRunner(scorer: scorer).run([rubric])
        let q = report.questions[0]
        // `关闭以后读会返回零值` claims nothing; `…就会panic` claims it.
        #expect(q.snippetFailures.map(\.snippet) == ["关闭以后读会返回零值", "读已关闭的channel就会panic"])
        #expect(q.snippetFailures.map(\.kind) == ["must_claim", "must_not_claim"])
        // The alternative asks the question in the claim's own words: it claims the misconception.
        #expect(q.referenceFailures.map(\.reference) == ["alternatives[1]"])
        #expect(report.failureCount == 3)
    }

    @Test func aWrongValueInsideAClaimIsStillReported() {
        // `acks=1 never loses data` claims the misconception and names acks with a wrong value:
        // the value check still runs and says so.
        let g = scorer.grade("acks=1 never loses data.", against: ScoringFixtures.kafka)
        #expect(g.misconceptions.map(\.id) == ["acks1-safe"])
        #expect(g.flags.contains("wrong-value"))
        #expect(g.concepts.first { $0.id == "acks" }?.note == "wrong value: acks=1, expected all")
    }

    @Test func emptyAnswerIsFlaggedAndScoresZero() {
        for answer in ["", "   \n\t", "。。。！"] {
            let g = scorer.grade(answer, against: gmp)
            #expect(g.score == 0)
            #expect(g.grade == .F)
            #expect(g.flags.contains("empty"))
        }
    }

    @Test func missingRequiredConceptCapsTheGradeBelowB() {
        // M, P, the local queue and preemption, but not G (required) nor work stealing: coverage
        // 6.5/11 = 59%, under the thorough share, so the answer is kept out of B.
        let answer = """
        我理解问题。核心是M和P：M是系统线程，P是逻辑处理器，维护P的本地队列，调度时优先取本地队列。
        我们项目里用得很多，线上服务的调度延迟一直很低。优化方面，1.14以后有基于信号的抢占。
        """
        let g = scorer.grade(answer, against: gmp)
        #expect(g.flags.contains("required-missing"))
        #expect(g.breakdown.rawCoverage < 75)
        #expect(g.breakdown.base > 69)
        #expect(g.score == 69)
        #expect(g.breakdown.caps == ["required-missing: 69"])
        #expect(g.feedback.contains { $0.kind == .missed && $0.text.contains("（必答）") })
    }

    @Test func missingRequiredConceptInAThoroughAnswerOnlyKeepsItOutOfA() {
        // Everything but G (the required concept): coverage 9/11 = 82%, at least the thorough share.
        let answer = """
        我理解问题。核心是M和P：M是系统线程，P是逻辑处理器，维护P的本地队列；本地队列空了就去偷取别的P的任务（work stealing）。
        我们项目里用得很多。优化方面，1.14以后有抢占。GMP模型很高效。
        """
        let g = scorer.grade(answer, against: gmp)
        #expect(g.flags.contains("required-missing"))
        #expect(g.breakdown.rawCoverage >= 75)
        #expect(g.breakdown.base > 84)
        #expect(g.score == 84)
        #expect(g.breakdown.caps == ["required-missing: 84"])
        #expect(g.grade == .B)
        #expect(g.feedback.contains { $0.kind == .missed && $0.text.contains("（必答）") })
        // With G named the same answer earns A: the cap is what kept it out.
        let full = scorer.grade(answer + "G是goroutine。", against: gmp)
        #expect(!full.flags.contains("required-missing"))
        #expect(full.grade == .A)
    }

    @Test func capsListOnlyTheCapsThatLoweredTheScore() {
        // Required G missing, but the answer is weak anyway: the cap (69) does not bind.
        let weak = scorer.grade("M是系统线程。", against: gmp)
        #expect(weak.flags.contains("required-missing"))
        #expect(weak.score < 69)
        #expect(weak.breakdown.caps.isEmpty)
        // A keyword dump whose base is above the dump cap lists that cap.
        let dump = scorer.grade("G M P goroutine 系统线程 逻辑处理器 本地队列 work stealing 偷取 抢占 GMP模型", against: gmp)
        #expect(dump.flags.contains("keyword-dump"))
        #expect(dump.breakdown.caps == ["keyword-dump: 62.5"])
    }

    @Test func frameworkStepsAreDetectedInOrder() {
        let g = scorer.grade(Self.realAnswer, against: gmp)
        #expect(g.framework.presentSteps == FrameworkStep.allCases)
        #expect(g.framework.inOrder)
        let shuffled = scorer.grade("优化方面要注意抢占。我们项目里用过。核心是G、M、P。我理解您问的是调度。", against: gmp)
        #expect(!shuffled.framework.inOrder)
        #expect(shuffled.breakdown.structure < g.breakdown.structure)
    }

    @Test func cuePrefixMatchesLongerWords() {
        let g = scorer.grade("The goroutine is cheap; we optimized the scheduler", against: gmp)
        #expect(g.framework.steps.first { $0.step == .optimization }?.evidence.contains("optimized") == true)
    }

    @Test func missedConceptFeedbackQuotesTheStandardAnswer() {
        let g = scorer.grade("G是goroutine，M是系统线程，P是逻辑处理器。", against: gmp)
        let missed = g.feedback.filter { $0.kind == .missed }.map(\.text)
        #expect(missed.contains { $0.contains("概念work-stealing") && $0.contains("本地队列为空时从其他P偷取一半G（work stealing）。") })
        #expect(g.feedback.last?.kind == .nextTime)
        #expect(g.feedback.contains { $0.kind == .framework })
    }

    @Test func feedbackIsInTheRubricsLanguage() {
        let g = scorer.grade("acks=all", against: ScoringFixtures.kafka)
        #expect(g.feedback.contains { $0.text.hasPrefix("Covered: ") })
        #expect(g.feedback.contains { $0.text.hasPrefix("Missed: ") })
        #expect(!g.feedback.contains { $0.text.contains("遗漏") })
    }


    @Test func feedbackFollowsTheRequestedLanguageWhereTheRubricGivesIt() {
        let answer = "GOMAXPROCS控制M的数量。G是goroutine。"
        let zh = scorer.grade(answer, against: gmp)
        let en = RubricScorer(framework: ScoringFixtures.framework, language: .en).grade(answer, against: gmp)
        // Labels, claims, corrections and feedback follow the requested language …
        #expect(zh.concepts.first?.label == "概念g")
        #expect(en.concepts.first?.label == "concept g")
        #expect(en.misconceptions.first?.correction == "GOMAXPROCS sets the number of Ps.")
        #expect(en.feedback.contains { $0.text.hasPrefix("Covered: ") })
        #expect(!en.feedback.contains { $0.text.contains("遗漏") })
        // … a teaching sentence the rubric gives only in Chinese stays Chinese …
        #expect(en.feedback.contains { $0.kind == .missed && $0.text.contains("偷取一半G") })
        // … and the score does not depend on the language of the feedback.
        #expect(en.score == zh.score && en.grade == zh.grade)
    }
    @Test func rubricBandsOverrideTheDefault() {
        var strict = gmp
        strict.bands = GradeBands(a: 99, b: 95, c: 90, d: 80)
        let normal = scorer.grade(Self.realAnswer, against: gmp)
        let g = scorer.grade(Self.realAnswer, against: strict)
        #expect(g.score == normal.score)
        #expect(g.grade < normal.grade)
    }

    @Test func similarityWeightComesFromTheRubric() {
        var heavy = gmp
        heavy.similarityWeight = 0.5
        let g = scorer.grade(Self.realAnswer, against: heavy)
        #expect(g.breakdown.weights.similarity == 0.5)
        #expect(abs(g.breakdown.weights.coverage + g.breakdown.weights.structure + g.breakdown.weights.similarity - 1) < 1e-9)
    }

    @Test func similarityComparesOnlyReferencesInTheAnswersLanguage() {
        let english = "G is a goroutine, M an OS thread, P a processor; the scheduler uses GOMAXPROCS Ps and idle Ps do work stealing."
        let g = scorer.grade(english, against: gmp)
        #expect(g.breakdown.similarity == 0)
        #expect(g.breakdown.weights.similarity == 0.1)
        var both = gmp
        both.alternatives = ["G is a goroutine and M is an OS thread; a P is a logical processor with a local run queue, and idle Ps do work stealing."]
        #expect(scorer.grade(english, against: both).breakdown.similarity > 50)
        #expect(scorer.grade(Self.realAnswer, against: both).breakdown.similarity > 0)
    }

    @Test func partialCreditIsReflectedInCoverage() {
        let g = scorer.grade("we tune min.insync.replicas and set acks=all", against: ScoringFixtures.kafka)
        // acks 2×1 + min-isr 2×0.5 of 10 weight.
        #expect(g.breakdown.rawCoverage == 30)
    }

    @Test func sameInputGivesByteIdenticalJSON() throws {
        let a = try GradeJSON.line(scorer.grade(Self.realAnswer, against: gmp))
        let other = RubricScorer(framework: ScoringFixtures.framework)
        let b = try GradeJSON.line(other.grade(Self.realAnswer, against: gmp))
        #expect(a == b)
        #expect(a.hasPrefix("{\"breakdown\":{"))
        // Numbers are rounded: no long binary fractions.
        #expect(a.range(of: #"\d\.\d{4,}"#, options: .regularExpression) == nil)
    }

    @Test func compiledRubricIsReusedAndRecompiledWhenChanged() {
        let first = scorer.grade("P的本地队列", against: gmp)
        var changed = gmp
        changed.concepts[3].aliases = ["run queue"]
        let second = scorer.grade("P的本地队列", against: changed)
        #expect(first.concepts[3].hit)
        #expect(!second.concepts[3].hit)
    }

    @Test func hugeAnswerIsGradedLinearly() {
        let big = String(repeating: Self.realAnswer, count: 2000) // ~0.5 MB
        let g = scorer.grade(big, against: gmp)
        #expect(g.grade >= .B)
        #expect(g.concepts.allSatisfy { $0.evidence.count <= 5 })
        // One giant "word" is neither a typo candidate nor a cue prefix (either would be quadratic).
        let blob = scorer.grade(String(repeating: "abcdefghij", count: 20_000), against: gmp)
        #expect(blob.grade == .F)
        #expect(blob.concepts.allSatisfy { !$0.hit })
    }
}
