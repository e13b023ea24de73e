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
}
