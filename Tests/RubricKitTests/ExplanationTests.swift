import Testing
@testable import RubricKit

/// Named, not explained: a concept the rubric teaches, named only in sentences that say nothing its
/// teaching sentence says, keeps part of its credit.
@Suite("Named, not explained")
struct ExplanationTests {
    let scorer = RubricScorer(framework: ScoringFixtures.framework)

    static func concept(_ id: String, _ aliases: [String], teach: String?) -> Concept {
        var c = ScoringFixtures.concept(id, aliases)
        c.teach = teach.map { LocalizedText(zh: $0) }
        return c
    }

    static let gmp = Rubric(
        id: "t.gmp", category: "go", language: .zh, question: LocalizedText(zh: "解释GMP", en: "Explain GMP"),
        standardAnswer: "P是逻辑处理器，维护本地运行队列；M是系统线程，必须绑定P才能执行G。",
        concepts: [
            concept("p", ["P", "处理器"], teach: "P是逻辑处理器，维护一个本地运行队列，数量等于GOMAXPROCS。"),
            concept("m", ["M", "系统线程"], teach: "M是操作系统线程，必须绑定一个P才能执行goroutine。"),
        ],
        similarityWeight: 0.1)

    @Test func aMentionThatSaysNothingAboutTheConceptKeepsPartOfItsCredit() throws {
        let named = scorer.grade("GMP模型里有M和P，它们一起配合完成调度工作，设计非常优秀。", against: Self.gmp)
        let explained = scorer.grade("P是逻辑处理器，维护本地队列；M是系统线程，要绑定P才能运行。", against: Self.gmp)
        for c in named.concepts {
            #expect(c.hit)
            #expect(c.credit == ScoringPolicy.standard.namedOnlyCredit)
            #expect(c.note == Explanation.note)
        }
        for c in explained.concepts {
            #expect(c.credit == 1)
            #expect(c.note == nil)
        }
        #expect(named.breakdown.rawCoverage < explained.breakdown.rawCoverage)
        let line = try #require(named.feedback.first { $0.kind == .unexplained })
        #expect(line.text.hasPrefix("只点到名称、没有展开："))
        #expect(line.text.contains("概念p") && line.text.contains("概念m"))
        #expect(!explained.feedback.contains { $0.kind == .unexplained })
    }

    @Test func theMentionsOwnWordsDoNotExplainIt() {
        // `处理器` is an alias and in the teaching sentence: alone it explains nothing.
        let g = scorer.grade("还有处理器。", against: Self.gmp)
        #expect(g.concepts[0].credit == ScoringPolicy.standard.namedOnlyCredit)
        // Another sentence explaining the concept without naming it does not count either.
        let apart = scorer.grade("还有P。它维护本地运行队列。", against: Self.gmp)
        #expect(apart.concepts[0].note == Explanation.note)
    }

    @Test func aConceptWithoutATeachingSentenceIsCreditedForBeingNamed() {
        // Drafted rubrics say nothing of what teaches a concept: naming it is enough.
        var r = Self.gmp
        for i in r.concepts.indices { r.concepts[i].teach = nil }
        let g = scorer.grade("GMP模型里有M和P，它们一起配合完成调度工作，设计非常优秀。", against: r)
        #expect(g.concepts.allSatisfy { $0.credit == 1 && $0.note == nil })
    }

    @Test func aRightValueExplainsItself() {
        var r = Self.gmp
        var size = Self.concept("size", ["队列长度"], teach: "本地队列最多存放256个G。")
        size.values = [ValueFact(keys: ["队列长度"], accepted: ["256"])]
        r.concepts.append(size)
        #expect(scorer.grade("还有队列长度=256。", against: r).concepts[2].credit == 1)
        #expect(scorer.grade("还有队列长度=256。", against: r).concepts[2].note == nil)
        // Without the value, the key alone is only named.
        #expect(scorer.grade("还有队列长度。", against: r).concepts[2].note == Explanation.note)
    }

    @Test func theTraceNamesTheConceptsOnlyNamed() {
        let trace = scorer.explain("GMP模型里有M和P，它们一起配合完成调度工作。", compiled: scorer.compile(Self.gmp))
        #expect(trace.arithmetic.contains { $0.hasPrefix("named, not explained") && $0.hasSuffix("p, m → credit × 0.8") })
    }

    @Test func aPolicyCanTurnTheRuleOff() {
        var policy = ScoringPolicy.standard
        policy.namedOnlyCredit = 1
        let g = RubricScorer(framework: ScoringFixtures.framework, policy: policy)
            .grade("GMP模型里有M和P，它们一起配合完成调度工作。", against: Self.gmp)
        #expect(g.concepts.allSatisfy { $0.credit == 1 && $0.note == nil })
    }
}
