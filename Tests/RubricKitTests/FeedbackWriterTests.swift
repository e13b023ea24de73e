import Testing
@testable import RubricKit

/// The feedback lines built in room reserved at their final size hold what interpolation and
/// `joined(separator:)` wrote.
struct FeedbackWriterTests {
    static let parts = ["", "a", "已覆盖：", "e\u{301}", "\u{301}", "ＡＢＣ", "👩‍👩‍👧", "\0", String(repeating: "长句子。", count: 300)]

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
            let prepared = FeedbackWriter.Prepared(labels: labels, required: labels.map { _ in false },
                                                   teaching: labels.map { _ in "" }, language: language)
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
}
