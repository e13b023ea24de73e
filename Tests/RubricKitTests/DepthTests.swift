import Testing
@testable import RubricKit

/// Depth: an answer that names the concepts in far fewer words than the reference spends on them
/// keeps only part of its coverage.
@Suite("Depth")
struct DepthTests {
    let scorer = RubricScorer(framework: ScoringFixtures.framework)

    /// A reference that explains each step in a sentence or two.
    static let upgrade = Rubric(
        id: "t.upgrade-deep", category: "k8s", language: .zh, question: LocalizedText(zh: "怎么升级节点？", en: "How do you upgrade a node?"),
        standardAnswer: """
        第一步先用kubectl drain把节点上的Pod安全驱逐到别的节点，驱逐时会遵守PodDisruptionBudget，避免业务同时掉太多副本。\
        第二步在节点上执行kubeadm upgrade node，更新这个节点上的组件配置，让它和已经升级好的控制面版本保持一致。\
        第三步升级kubelet和kubectl的软件包并重启kubelet，因为kubelet的版本不能比apiserver新，所以一定要先升级控制面。\
        最后用uncordon把节点重新标记为可调度，观察节点Ready、Pod恢复正常以后，再继续升级下一个节点。
        """,
        concepts: ScoringTests.upgrade.concepts, // the same four steps
        similarityWeight: 0.1)

    /// The four steps in order, each only named: related by their order words, so no keyword dump.
    static let outline = "先drain，再kubeadm upgrade node，然后升级kubelet，最后uncordon。"
    static let explained = """
    先drain节点，把上面的Pod驱逐走，这样升级时不会影响正在运行的业务；然后执行kubeadm upgrade node更新节点上的配置，\
    接着升级kubelet的软件包并重启它；确认节点恢复Ready以后再uncordon，让它重新接受调度。
    """

    @Test func anOutlineKeepsPartOfItsCoverageAndIsToldToExplain() throws {
        let outline = scorer.grade(Self.outline, against: Self.upgrade)
        let explained = scorer.grade(Self.explained, against: Self.upgrade)
        #expect(outline.concepts.allSatisfy { $0.hit })
        #expect(explained.concepts.allSatisfy { $0.hit })
        let factor = try #require(outline.breakdown.depthFactor)
        #expect(factor <= 1 - ScoringPolicy.standard.shallowFlagDiscount)
        #expect(outline.flags.contains("shallow"))
        #expect(!outline.flags.contains("keyword-dump"))
        #expect(outline.feedback.last?.text.contains("每个要点多讲一两句") == true)
        #expect(explained.breakdown.depthFactor == 1)
        #expect(!explained.flags.contains("shallow"))
        // Same concepts, same raw coverage; the outline's scored coverage is lower.
        #expect(outline.breakdown.rawCoverage == explained.breakdown.rawCoverage)
        #expect(outline.breakdown.coverage < explained.breakdown.coverage)
    }

    @Test func aReferenceAsShortAsTheAnswerMakesItDeepEnough() {
        // `ScoringTests.upgrade` states the same four steps as one short chain.
        let g = scorer.grade(Self.outline, against: ScoringTests.upgrade)
        #expect(g.concepts.allSatisfy { $0.hit })
        #expect(g.breakdown.depthFactor == 1)
        #expect(!g.flags.contains("shallow"))
    }

    @Test func aLongAlternativeDoesNotMakeAnswersShallower() {
        // The short chain is the standard answer; an alternative explaining one step at length is
        // not the measure (the least words per concept among the references is).
        var r = ScoringTests.upgrade
        r.alternatives = [String(repeating: "先用kubectl drain把节点上的Pod安全驱逐到别的节点，驱逐时会遵守PodDisruptionBudget。", count: 4)]
        let g = scorer.grade(Self.outline, against: r)
        #expect(g.breakdown.depthFactor == 1)
    }

    @Test func namingMoreThanTheCoverageTargetNeedsDoesNotCost() {
        var r = Self.upgrade
        r.coverageTarget = 0.5
        let two = scorer.grade("先drain节点，把上面的Pod驱逐到别的节点；然后执行kubeadm upgrade node更新节点上的组件配置。", against: r)
        let four = scorer.grade("先drain节点，把上面的Pod驱逐到别的节点；然后执行kubeadm upgrade node更新节点上的组件配置。另外还有升级kubelet和uncordon。", against: r)
        #expect(two.concepts.filter(\.hit).count == 2)
        #expect(four.concepts.filter(\.hit).count == 4)
        #expect((four.breakdown.depthFactor ?? 0) >= (two.breakdown.depthFactor ?? 1))
        #expect(four.score >= two.score)
    }

    @Test func articlesDoNotPadAnOutlineDeep() {
        let padded = scorer.grade(Self.outline + String(repeating: " the", count: 40), against: Self.upgrade)
        let plain = scorer.grade(Self.outline, against: Self.upgrade)
        #expect(padded.breakdown.depthFactor == plain.breakdown.depthFactor)
    }

    @Test func aDumpOrAnEmptyAnswerIsNotFlaggedShallow() {
        let dump = scorer.grade("drain kubeadm upgrade node 升级kubelet uncordon", against: Self.upgrade)
        #expect(dump.flags.contains("keyword-dump"))
        #expect(!dump.flags.contains("shallow"))
        let empty = scorer.grade("  ", against: Self.upgrade)
        #expect(empty.flags == ["empty"])
        #expect(empty.breakdown.depthFactor == 1)
    }

    @Test func aMisconceptionComesBeforeTheDepthAdvice() {
        var r = Self.upgrade
        r.misconceptions = [Misconception(id: "kubelet-first", claim: LocalizedText(zh: "可以先升级kubelet", en: "the kubelet goes first"),
                                          match: [["先升级kubelet"]], correction: LocalizedText(zh: "先升级控制面。", en: "Control plane first."),
                                          penalty: 10)]
        let g = scorer.grade("先升级kubelet，再drain，然后kubeadm upgrade node，最后uncordon。", against: r)
        #expect(g.flags.contains("shallow"))
        #expect(g.flags.contains("misconception"))
        #expect(g.feedback.last?.text.contains("误区") == true)
    }

    @Test func theFactorFallsInProportionBetweenTheTwoDepths() {
        let policy = ScoringPolicy.standard
        // A reference of 40 words naming 4 concepts: 10 words per concept.
        let reference = ReferenceFeatures(text: String(repeating: "word ", count: 40), conceptsNamed: { _ in 4 })
        func factor(answerWords: Double, hit: Int, references: [ReferenceFeatures]? = nil, chinese: Bool = false) -> Double {
            Depth(answerWords: answerWords, conceptsCounted: hit, references: references ?? [reference], answerIsChinese: chinese,
                  policy: policy).factor
        }
        #expect(factor(answerWords: 4, hit: 4) == 1 - policy.shallowDiscount)               // ratio 0.1
        #expect(abs(factor(answerWords: 10, hit: 4) - (1 - policy.shallowDiscount / 2)) < 1e-9) // ratio 0.25, halfway
        #expect(factor(answerWords: 14, hit: 4) == 1)                                      // ratio 0.35
        #expect(factor(answerWords: 400, hit: 4) == 1)
        #expect(factor(answerWords: 0, hit: 0) == 1)                                       // nothing named: nothing to discount
        // A reference naming no concept is no measure; with none left, nothing is discounted.
        let silent = ReferenceFeatures(text: "word word", conceptsNamed: { _ in 0 })
        #expect(factor(answerWords: 4, hit: 4, references: [silent]) == 1)
        // A Chinese answer with only an English reference is measured against it.
        #expect(factor(answerWords: 4, hit: 4, chinese: true) == 1 - policy.shallowDiscount)
        // The factor stays within 0…1 whatever the policy.
        var wild = policy
        wild.shallowDiscount = 3
        #expect(Depth(answerWords: 1, conceptsCounted: 4, references: [reference], answerIsChinese: false, policy: wild).factor == 0)
    }

    @Test func explainShowsTheDepthArithmetic() {
        let trace = scorer.explain(Self.outline, compiled: scorer.compile(Self.upgrade))
        #expect(trace.arithmetic.contains { $0.hasPrefix("depth = ") && $0.contains("words per concept named") })
        #expect(trace.arithmetic.contains { $0.hasPrefix("shaped coverage = (coverage × ") })
    }
}
