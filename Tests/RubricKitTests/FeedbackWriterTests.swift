import Testing
@testable import RubricKit

/// The feedback lines built in room reserved at their final size hold what interpolation and
/// `joined(separator:)` wrote.
struct FeedbackWriterTests {
    static let parts = ["", "a", "已覆盖：", "e\u{301}", "\u{301}", "ＡＢＣ", "👩‍👩‍👧", "\0", String(repeating: "长句子。", count: 300)]

    static func concepts(_ labels: [String]) -> [Concept] {
        labels.enumerated().map { Concept(id: "c\($0)", label: LocalizedText(zh: $1, en: $1), aliases: [], required: true) }
    }

    @Test func concatMatchesInterpolation() {
        for a in Self.parts {
            for b in Self.parts {
                #expect(FeedbackWriter.concat("误区：", a, "。纠正：", b).utf8.elementsEqual("误区：\(a)。纠正：\(b)".utf8))
                #expect(FeedbackWriter.concat(a, b, "。").utf8.elementsEqual("\(a)\(b)。".utf8))
            }
        }
    }

    @Test func listMatchesJoined() {
        for n in 0..<Self.parts.count {
            let parts = Array(Self.parts.prefix(n))
            let text = FeedbackWriter.list("Covered: ", parts, separator: "；", tail: "。尾")
            #expect(text.utf8.elementsEqual(("Covered: " + parts.joined(separator: "；") + "。尾").utf8))
        }
    }

    /// A list of the rubric's labels built from runs of its joined labels holds the bytes of the
    /// list built label by label, for every subset of concepts; concepts with another label get nil.
    @Test func preparedListMatchesList() {
        let labels = Self.parts
        for language in [Language.zh, .en] {
            let prepared = FeedbackWriter.Prepared(concepts: Self.concepts(labels), labels: labels,
                                                   teaching: labels.map { _ in "" }, misconceptions: [], framework: Framework(steps: []), language: language)
            let concepts = labels.map { ConceptResult(id: $0, label: $0, step: .core, weight: 1, required: false,
                                                      hit: true, credit: 1, evidence: []) }
            for mask in 0..<(1 << labels.count) {
                let picked = labels.indices.filter { mask & (1 << $0) != 0 }
                for tail in ["", "。尾"] {
                    let text = prepared.list("已覆盖：", picked, of: concepts, tail: tail)
                    let expected = FeedbackWriter.list("已覆盖：", picked.map { labels[$0] },
                                                       separator: FeedbackWriter.separator(language), tail: tail)
                    #expect(text.map { Array($0.utf8) } == Array(expected.utf8))
                }
            }
            var other = concepts
            other[3].label = "e\u{301}x"
            #expect(prepared.list("", [2, 3], of: other) == nil)
            #expect(prepared.list("", [0], of: Array(concepts.dropLast())) == nil)
        }
    }

    /// The lines prepared per rubric misconception and concept hold the bytes the writer's
    /// `concat` writes for them; a misconception with another claim is not taken for the rubric's.
    @Test func preparedLinesMatchConcat() {
        let texts = Self.parts.map { LocalizedText(zh: $0, en: $0) }
        let misconceptions = texts.enumerated().map { i, t in
            Misconception(id: "m\(i)", claim: t, match: [], correction: texts[texts.count - 1 - i])
        }
        for language in [Language.zh, .en] {
            let zh = language == .zh
            let prepared = FeedbackWriter.Prepared(concepts: Self.concepts(Self.parts), labels: Self.parts,
                                                   teaching: Self.parts, misconceptions: misconceptions, framework: Framework(steps: []), language: language)
            for (i, m) in misconceptions.enumerated() {
                let claim = m.claim.text(language), correction = m.correction.text(language)
                let result = MisconceptionResult(id: m.id, claim: claim, correction: correction, penalty: 10, evidence: [])
                #expect(prepared.index(of: result) == i)
                let line = zh ? "误区：\(claim)。纠正：\(correction)" : "Misconception: \(claim). Correction: \(correction)"
                let next = zh ? "下次：先纠正「\(claim)」这个误区，再组织答案。" : "Next time: fix the belief that \(claim) first."
                #expect(Array(prepared.misconceptions[i].line.utf8) == Array(line.utf8))
                #expect(Array(prepared.misconceptions[i].nextTime.utf8) == Array(next.utf8))
                var other = result
                other.claim += "x"
                #expect(prepared.index(of: other) == nil)
            }
            for (c, label) in Self.parts.enumerated() {
                let required = zh ? "下次：一定要讲到「\(label)」，这是这道题的必答点。" : "Next time: be sure to cover \(label); the question turns on it."
                let missed = zh ? "下次：补上「\(label)」。" : "Next time: add \(label)."
                #expect(Array(prepared.requiredNextTime[c].utf8) == Array(required.utf8))
                #expect(Array(prepared.missedNextTime[c].utf8) == Array(missed.utf8))
            }
        }
    }

    /// The framework lines prepared per set of absent steps are the lines written for them; steps out
    /// of order or another framework get nil.
    @Test func preparedFrameworkLinesMatchTheWrittenOnes() {
        let framework = Framework(steps: FrameworkStep.allCases.enumerated().map { i, s in
            Framework.Step(id: s, name: LocalizedText(zh: Self.parts[i], en: "n\(i)"), cues: [], prompt: LocalizedText(),
                           tip: LocalizedText(zh: Self.parts[Self.parts.count - 1 - i]))
        })
        let steps = FrameworkStep.allCases
        for language in [Language.zh, .en] {
            let prepared = FeedbackWriter.Prepared(concepts: [], labels: [], teaching: [], misconceptions: [],
                                                   framework: framework, language: language)
            for mask in 1..<(1 << steps.count) {
                let absent = steps.indices.filter { mask & (1 << $0) != 0 }.map { steps[$0] }
                let line = FeedbackWriter.frameworkLine(absent: absent, framework: framework, language: language)
                #expect(prepared.frameworkLine(absent, of: framework).map { Array($0.utf8) } == Array(line.utf8))
                if absent.count > 1 { #expect(prepared.frameworkLine(absent.reversed(), of: framework) == nil) }
            }
            var other = framework
            other.steps[0].tip = LocalizedText(zh: "x", en: "x")
            #expect(prepared.frameworkLine([steps[0]], of: other) == nil)
        }
    }
}
