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

    static func credit(_ answer: String) -> Double {
        let r = rubric()
        let grade = RubricScorer(framework: framework).grade(answer, against: r)
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
