import Foundation
import Testing
@testable import RubricKit

/// Properties that hold for any answer, checked on seeded random text built from the pieces real
/// answers are made of (the bundled rubrics' aliases and standard answers) mixed with the text that
/// breaks scanners: combining marks, emoji with joiners, four-byte CJK, full-width forms, control
/// characters, lone separators, digits glued to letters and very long words. A trap here would
/// stop the test run, which is the failure these tests exist to catch.
@Suite("Scorer robustness")
struct ScorerRobustnessTests {
    static let awkward: [String] = [
        "\u{301}", "e\u{301}", "👩‍💻", "🇨🇳", "\u{200D}", "\u{FEFF}", "𠮷", "𩸽", "ｋａｆｋａ", "，", "。", "：", "（", "）",
        "\t", "\r\n", "\u{0}", "\u{7F}", "\u{85}", "\u{2028}", "-", "_", ".", "/", "=", "==", "->", "→", "=>", "%",
        "CRC16", "x86_64", "HTTP2", "v1.2.3", "min.insync", "NotReady", "non-", "不是", "没有", "并不", "not", "never",
        "的", "a", "the", "有没有", "是不是", String(repeating: "a", count: 300), String(repeating: "锁", count: 120),
        "0", "16384", "-1", "1e9", "\"", "\\", "'", "`", "\u{E000}", "\u{FFFD}", "Ǆ", "ß", "İ", "ﬁ", "Ⅻ", "①",
    ]

    /// Random answers for `rubric`: `count` of them, each up to `pieces` pieces long.
    static func answers(for rubric: Rubric, count: Int, pieces: Int, rng: inout SplitMix64) -> [String] {
        let own = rubric.concepts.flatMap(\.aliases) + rubric.standardAnswer.split(separator: "。").map(String.init)
            + rubric.misconceptions.flatMap { $0.match.flatMap { $0 } }
        let pool = own.isEmpty ? awkward : own + awkward
        return (0..<count).map { _ in
            let n = Int(rng.next() % UInt64(pieces)) + 1
            var s = ""
            for _ in 0..<n {
                s += pool[Int(rng.next() % UInt64(pool.count))]
                if rng.next() % 3 == 0 { s += rng.next() % 2 == 0 ? " " : "" }
            }
            return s
        }
    }

    /// Whether `needle`'s UTF-8 occurs in `text`'s (no canonical equivalence: the very bytes).
    static func bytes(of text: String, contain needle: String) -> Bool {
        let t = Array(text.utf8), n = Array(needle.utf8)
        guard n.count <= t.count else { return false }
        return (0...(t.count - n.count)).contains { i in t[i..<(i + n.count)].elementsEqual(n) }
    }

    @Test func anyAnswerGradesInRangeDeterministicallyWithEvidenceFromTheAnswer() throws {
        let (framework, rubrics) = try ContentExamplesTests.load()
        let scorer = RubricScorer(framework: framework)
        var rng = SplitMix64(seed: 2026)
        var graded = 0, evidence = 0
        for rubric in rubrics {
            let compiled = scorer.compile(rubric)
            for answer in Self.answers(for: rubric, count: 40, pieces: 25, rng: &rng) {
                let g = scorer.grade(answer, compiled: compiled)
                graded += 1
                #expect((0...100).contains(g.score), "\(rubric.id): score \(g.score) for \(answer.debugDescription)")
                #expect(g.grade == min(g.grade, rubric.bands.grade(for: g.score)), "\(rubric.id): grade above its band")
                for c in g.concepts {
                    #expect((0...1).contains(c.credit), "\(rubric.id): \(c.id) credit \(c.credit)")
                    for e in c.evidence where !e.isEmpty {
                        evidence += 1
                        #expect(Self.bytes(of: answer, contain: e),
                                "\(rubric.id): evidence \(e.debugDescription) is not in \(answer.debugDescription)")
                    }
                }
                let again = scorer.grade(answer, compiled: compiled)
                #expect(try GradeJSON.line(g) == GradeJSON.line(again), "\(rubric.id): two gradings differ")
            }
        }
        #expect(graded == rubrics.count * 40)
        #expect(evidence > graded, "the random answers should name concepts")
    }

    @Test func batchLinesOfRandomBytesNeverStopTheBatch() throws {
        let (framework, rubrics) = try ContentExamplesTests.load()
        let grader = BatchGrader(scorer: RubricScorer(framework: framework), rubrics: rubrics)
        var rng = SplitMix64(seed: 7)
        let ids = rubrics.map(\.id)
        var outcomes = (graded: 0, failed: 0)
        for n in 1...400 {
            // A well-formed envelope around an answer of awkward text; every other answer also
            // holds raw bytes (invalid UTF-8, quotes, control characters) and half escapes.
            var answer: [UInt8] = []
            let raw = n % 2 == 0 // every other line holds raw bytes and broken escapes
            for _ in 0..<Int(rng.next() % 60) {
                let r = rng.next()
                switch r % 8 {
                case 0 where raw: answer.append(UInt8(truncatingIfNeeded: r >> 8))
                case 1 where raw: answer += Array("\\u".utf8) + Array(String(r >> 20, radix: 16).prefix(Int(r % 5)).utf8)
                case 2: answer += Array("\\\"".utf8)
                default: answer += Array(Self.awkward[Int((r >> 8) % UInt64(Self.awkward.count))].utf8.filter { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C })
                }
            }
            let line = Array("{\"id\":\"r\(n)\",\"question\":\"\(ids[n % ids.count])\",\"answer\":\"".utf8) + answer + Array("\"}".utf8)
            switch grader.gradeLine(line, number: n) {
            case .graded(let g)?: outcomes.graded += 1; #expect((0...100).contains(g.score))
            case .failed(let e)?: outcomes.failed += 1; #expect(e.line == n && !e.error.isEmpty)
            case nil: break
            }
        }
        // Both kinds of line occur, so both paths were exercised.
        #expect(outcomes.graded > 100 && outcomes.failed > 20, "\(outcomes)")
    }
}
