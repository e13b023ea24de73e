import Testing
@testable import RubricKit

/// Drafted references often state a fact in the negative ("the terminals are not connected");
/// the scorer must credit that concept however the answer words the negation.
@Suite("Authoring: concepts stated in the negative")
struct AuthoringNegatedConceptTests {
    static let framework = Framework(steps: FrameworkStep.allCases.map {
        .init(id: $0, name: LocalizedText($0.rawValue), cues: [], prompt: LocalizedText("p"), tip: LocalizedText("t"))
    })

    static func rubric() -> Rubric {
        let bank = [BankEntry(id: "q", question: "Why is there no voltage between terminal 1 and the positive terminal?",
                              reference: "Terminal 1 and the positive terminal are not connected.")]
        return RubricDrafter(bank: bank).draft(bank[0])
    }

    /// A scorer that credits a named concept in full: whether the answer explains it is
    /// `ExplanationTests`' subject, not these.
    static let scorer: RubricScorer = {
        var policy = ScoringPolicy.standard
        policy.namedOnlyCredit = 1
        return RubricScorer(framework: framework, policy: policy)
    }()

    static func credit(_ answer: String) -> Double {
        let r = rubric()
        let grade = scorer.grade(answer, against: r)
        return grade.concepts.first { $0.id.hasPrefix("not-connected") }?.credit ?? -1
    }

    @Test func theDraftedConceptCarriesTheNegation() {
        #expect(Self.rubric().concepts.contains { $0.id.hasPrefix("not-connected") && $0.aliases.contains("not connected") })
    }

    @Test func anyWordingOfTheNegationEarnsIt() {
        #expect(Self.credit("They are not connected.") == 1)
        #expect(Self.credit("Terminal 1 isn't connected to the positive terminal.") == 1)
        #expect(Self.credit("There is no way they are connected.") == 1)
    }

    @Test func theAffirmativeDoesNotEarnIt() {
        #expect(Self.credit("Terminal 1 is connected to the positive terminal.") == 0)
    }

    @Test func boundsAreNotNegations() {
        let r = Rubric(id: "t", category: "c", language: .en, question: LocalizedText(en: "What is a binary tree?"),
                       standardAnswer: "A tree whose nodes have at most two children.",
                       concepts: [Concept(id: "children", label: LocalizedText(en: "children"), aliases: ["children"])])
        let g = RubricScorer(framework: Self.framework).grade("A tree where every node has no more than two children.", against: r)
        #expect(g.concepts[0].hit)
        let zh = Rubric(id: "z", category: "c", question: LocalizedText(zh: "问"), standardAnswer: "每个节点最多两个子节点。",
                        concepts: [Concept(id: "child", label: LocalizedText(zh: "子节点"), aliases: ["子节点"])])
        #expect(RubricScorer(framework: Self.framework).grade("每个节点不超过两个子节点。", against: zh).concepts[0].hit)
        #expect(!RubricScorer(framework: Self.framework).grade("没有子节点。", against: zh).concepts[0].hit)
    }

    @Test func negatedRemainderReadsLatinAndChinese() {
        #expect(CompiledRubric.negatedRemainder("not connected") == "connected")
        #expect(CompiledRubric.negatedRemainder("Never  blocks") == "blocks")
        #expect(CompiledRubric.negatedRemainder("不会重启") == "会重启")
        #expect(CompiledRubric.negatedRemainder("nothing") == nil)        // a word, not a cue and a word
        #expect(CompiledRubric.negatedRemainder("not only") == nil)       // an exemption
        #expect(CompiledRubric.negatedRemainder("不同") == nil)
        #expect(CompiledRubric.negatedRemainder("connected") == nil)
    }
}

@Suite("Authoring: Chinese concepts stated in the negative")
struct AuthoringChineseNegationTests {
    @Test func aNegatedChineseTermIsCreditedForAnyNegationOfIt() throws {
        let bank = [BankEntry(id: "q", question: "开启幂等性后重试会怎样？", reference: "开启幂等性后，重试不会产生重复消息。"),
                    BankEntry(id: "r", question: "什么是重复消息？", reference: "同一条消息被消费多次就是重复消息。")]
        let rubric = RubricDrafter(bank: bank).draft(bank[0])
        let concept = try #require(rubric.concepts.first { $0.aliases.contains("不重复消息") || $0.aliases.contains("不产生") })
        #expect(concept.label.zh?.hasPrefix("不会") == true)
        func credit(_ answer: String) -> Double {
            AuthoringNegatedConceptTests.scorer.grade(answer, against: rubric).concepts.first { $0.id == concept.id }?.credit ?? -1
        }
        let term = String((concept.aliases.first ?? "").dropFirst())
        #expect(credit("重试没有\(term)。") == 1)
        #expect(credit("重试不会\(term)。") == 1)
        #expect(credit("重试会\(term)。") == 0)
    }

    @Test func aCueIsNeverATermOfItsOwn() {
        let bank = [BankEntry(id: "q", question: "开启幂等性后重试会怎样？", reference: "开启幂等性后，重试不会产生重复消息。"),
                    BankEntry(id: "r", question: "不会怎样？", reference: "不会。")]
        let rubric = RubricDrafter(bank: bank).draft(bank[0])
        #expect(!rubric.concepts.contains { $0.aliases.contains("不会") || $0.aliases.contains("不") })
        #expect(KeywordExtractor.splitChineseNegation("不会重启")! == ("不会", "重启"))
        #expect(KeywordExtractor.splitChineseNegation("不可变")! == ("不", "可变"))
        #expect(KeywordExtractor.splitChineseNegation("重启") == nil)
    }

    @Test func cuesAreReadBeforeTheTerm() {
        #expect(KeywordExtractor.chineseNegation(before: "重试不会") == "不会")
        #expect(KeywordExtractor.chineseNegation(before: "节点没有") == "没有")
        #expect(KeywordExtractor.chineseNegation(before: "数据无法") == "无法")
        #expect(KeywordExtractor.chineseNegation(before: "不同") == nil)
        #expect(KeywordExtractor.chineseNegation(before: "不断") == nil)
        #expect(KeywordExtractor.chineseNegation(before: "使用") == nil)
        #expect(KeywordExtractor.chineseNegation(before: "") == nil)
    }
}
