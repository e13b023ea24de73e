import Foundation
import Testing
@testable import RubricKit

/// The byte-level fast paths of the scorer give what the String and Foundation operations they
/// replace give, on adversarial input: empty text, lone combining marks, emoji, every UTF-8 width,
/// characters canonically equivalent to an arrow, and very long answers.
@Suite("Scoring fast paths")
struct ScorerFastPathTests {
    static let samples = [
        "", " ", "->", "=>", "- >", "a->b", "a=>b", "=", ":", "：", "G = goroutine", "flannel: vxlan",
        "M→P", "M⇒P", "M⟶P", "M➜P", "M➔P", "M⇨P", "M↛P", "M⇏P", "≠>", "=\u{338}>", "-≯", "->\u{301}",
        "-\u{301}>", "\u{301}\u{301}\u{308}", "（和）", "( )", "[ ]", "\u{3000}", "\u{A0}\u{2028}", "、",
        "和", "😀 -> 👍🏽", "👨‍👩‍👧", "🇨🇳=>", "é->è", "中文—说明", "\u{10FFFF}", "\t\n\r",
    ]

    func withUTF8<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Array(s.utf8).withUnsafeBufferPointer(body)
    }

    @Test func scalarsDecodeAsTheStringDoes() {
        for s in Self.samples {
            var decoded: [Unicode.Scalar] = []
            withUTF8(s) { UTF8Scalars.forEach($0) { decoded.append($0); return true } }
            #expect(decoded == Array(s.unicodeScalars), "\(s.debugDescription)")
        }
    }

    @Test func arrowSearchAgreesWithFoundation() {
        for s in Self.samples {
            let expected = KeywordDumpDetector.arrows.contains { s.contains($0) }
            #expect(withUTF8(s) { KeywordDumpDetector.containsArrow($0) } == expected, "\(s.debugDescription)")
        }
    }

    @Test func copulaAndBracketChecksAgreeWithScalars() {
        let copulas: Set<Unicode.Scalar> = ["=", ":", "\u{FF1A}"]
        for s in Self.samples {
            #expect(withUTF8(s) { KeywordDumpDetector.containsCopula($0) } == s.unicodeScalars.contains { copulas.contains($0) },
                    "\(s.debugDescription)")
            let spaces = s.unicodeScalars.allSatisfy { $0.properties.isWhitespace || "()（）[]".unicodeScalars.contains($0) }
            #expect(withUTF8(s) { KeywordDumpDetector.onlySpacesOrBrackets($0) } == spaces, "\(s.debugDescription)")
        }
    }

    @Test func tokenTextsAreFoldedAndSplit() {
        let texts = Tokenizer.tokenize("HTTPServer ＧＯＭＡＸＰＲＯＣＳ=8 CRC16 ÉCOLE doesn't 中文 😀 \u{301}x").texts
        #expect(texts == ["http", "server", "gomaxprocs", "8", "crc", "16", "école", "does", "not", "中", "文", "x"])
    }

    /// A token's byte offsets are its scalar offsets counted in the original string's UTF-8
    /// (full-width and multi-byte letters, camelCase splits, `n't`, CJK, symbols, emoji).
    @Test func tokenByteOffsetsAreTheScalarOffsetsInUTF8() {
        let inputs = Self.samples + ["HTTPServer ＨＴＴＰＳｅｒｖｅｒ=8 CRC16 ÉCOLE doesn\u{2019}t DOESN'T isn't 中文 😀 \u{301}x",
                                     "acks=all, min.insync.replicas = 2；Ｐ的本地队列 -1 1.14 ＡＢＣdef 50% a+b <x> ÄÖÜäöü"]
        for s in inputs {
            let scalarBytes = s.unicodeScalars.map { UTF8.width($0) }
            func byteOffset(_ scalar: Int) -> Int { scalarBytes.prefix(scalar).reduce(0, +) }
            let tokens = Tokenizer.tokenize(s)
            for t in tokens {
                #expect(t.byteStart == byteOffset(t.start) && t.byteEnd == byteOffset(t.end),
                        "\(s.debugDescription) \(t.start)..<\(t.end)")
            }
        }
    }

    @Test func commonScalarTableAgreesWithTheRules() {
        let ranges: [ClosedRange<UInt32>] = CommonScalars.ranges + [0x250...0x2FF, 0x1F300...0x1F3FF, 0xF900...0xFAFF]
        for v in ranges.joined() {
            guard let s = Unicode.Scalar(v) else { continue }
            #expect(Tokenizer.foldFast(s) == Tokenizer.foldRule(s), "fold U+\(String(v, radix: 16))")
            #expect(Tokenizer.classify(s) == Tokenizer.classifyRule(s), "class U+\(String(v, radix: 16))")
            #expect(Tokenizer.isUppercase(s) == Tokenizer.isUppercaseRule(s), "case U+\(String(v, radix: 16))")
        }
    }

    @Test func textTableFindsWhatADictionaryFinds() {
        var table = TextTable()
        var dictionary: [String: Int32] = [:]
        let words = (0..<3000).map { "w\($0 * 7919 % 10007)" } + ["", "中", "é", "e\u{301}", "goroutine", "w1"]
        for (i, w) in words.enumerated() {
            table.insert(w, Int32(i))
            dictionary[w] = Int32(i)
        }
        #expect(table.count == dictionary.count)
        for w in words + ["missing", "w", "中文"] { #expect(table[w] == dictionary[w], "\(w)") }
    }

    /// A rubric's word cache changes no grade: an answer graded against a freshly compiled rubric
    /// (every word resolved) and again after the cache holds its words (and others that collide
    /// in length or spelling) grades the same.
    @Test func wordCacheHitsGradeAsFreshResolutions() {
        let scorer = RubricScorer(framework: ScoringFixtures.framework)
        let answers = ["Goroutine scheduling: the GMP model, M runs G on P; gorutine steals work from other Ps.",
                       "goroutines GOROUTINE Goroutine goroutine's go-routine stealing steal stole",
                       "P 是处理器，M 是线程，G 是 goroutine；work stealing 偷取别的 P 的 G。",
                       String(repeating: "x", count: 41) + " " + String(repeating: "y", count: 40) + " naïve cafe\u{301}",
                       "schedulerss schedulers scheduler schedul sched"]
        let warm = scorer.compile(ScoringFixtures.gmp)
        let warmed = answers.map { scorer.grade($0, compiled: warm) }
        for (a, first) in zip(answers, warmed) {
            #expect(scorer.grade(a, compiled: warm) == first, "\(a)")
            #expect(scorer.grade(a, compiled: scorer.compile(ScoringFixtures.gmp)) == first, "\(a)")
        }
    }

    @Test func filledArraysAreRepeatedValues() {
        for n in [0, 1, 7, 300, 4097] {
            #expect([Int32](filled: -1, count: n) == [Int32](repeating: -1, count: n))
            #expect([Int?](filled: nil, count: n) == [Int?](repeating: nil, count: n))
            #expect([String](filled: "é", count: n) == [String](repeating: "é", count: n))
        }
    }

    @Test func adversarialAnswersGradeWithoutTrapping() {
        let scorer = RubricScorer(framework: ScoringFixtures.framework)
        let answers = ["", "\u{301}", "\u{301}\u{301}\u{308}\u{20DD}", String(repeating: "\u{301}", count: 5000),
                       "G\u{301}是goroutine\u{301}", "😀👍🏽👨‍👩‍👧🇨🇳", String(repeating: "x", count: 100_000),
                       String(repeating: "G是goroutine -> M=> P：处理器。", count: 2000)]
        for a in answers {
            let g = scorer.grade(a, against: ScoringFixtures.gmp)
            #expect(g.score >= 0 && g.score <= 100)
        }
        #expect(scorer.grade("", against: ScoringFixtures.gmp).flags.contains("empty"))
    }

    /// A concept's evidence text is compared with the texts already there by the answer's bytes
    /// before its `String` is made (`RubricScorer.holds`): it finds a text exactly where
    /// `AnswerAnalysis.contains` finds the `String`, and tells nothing when texts do not compare by
    /// their bytes (canonically equivalent spellings) or the tokens give no text.
    @Test func evidenceIsToldApartByItsBytesAsByItsStrings() {
        let compiled = RubricScorer(framework: ScoringFixtures.framework).compile(ScoringFixtures.gmp)
        let answers = Self.samples + [
            "P是逻辑处理器，P是逻辑处理器。M和P", "G, g, G; GMP gmp GMP", "ｐ与P、Ｐ", "é e\u{301} é", "😀😀 ab ab",
            "a\u{0}b a\u{0}b", "Ａ Ａ A", String(repeating: "M P ", count: 300),
        ]
        for answer in answers {
            let a = AnswerAnalysis(answer: answer, compiled: compiled)
            let byBytes = a.tokens.comparesByBytes
            let n = a.tokens.count
            var evidence: [String] = []
            for first in -1...min(n, 40) {
                for last in [first - 1, first, first + 1, n] {
                    let text = a.text(first, last)
                    let expected = byBytes && !text.isEmpty && AnswerAnalysis.contains(evidence, text, byBytes: byBytes)
                    #expect(RubricScorer.holds(evidence, textOf: first, last, in: a, byBytes: byBytes) == expected,
                            "\(answer.debugDescription) \(first)...\(last)")
                    if !text.isEmpty && evidence.count < 8 { evidence.append(text) }
                }
            }
        }
    }

    /// An evidence text the answer writes as the rubric does is the rubric's `String`
    /// (`RubricScorer.text(_:_:of:reusing:)`): whatever the rubric's text (none, empty, the same
    /// bytes, canonically equivalent spellings, full width, other case, very long), the text is the
    /// one `AnswerAnalysis.text` makes, byte for byte.
    @Test func evidenceThroughTheRubricTextIsTheAnswersText() {
        let compiled = RubricScorer(framework: ScoringFixtures.framework).compile(ScoringFixtures.gmp)
        let long = String(repeating: "逻辑处理器", count: 400)
        let answers = Self.samples + [
            "P是逻辑处理器，P是逻辑处理器。", "é e\u{301} é", "ｐ与P、Ｐ", "GMP gmp Gmp", "a\u{0}b", long,
        ]
        for answer in answers {
            let a = AnswerAnalysis(answer: answer, compiled: compiled)
            let n = a.tokens.count
            var candidates: [String?] = [nil, "", "P", "p", "Ｐ", "é", "e\u{301}", "逻辑处理器", "a\u{0}b", long]
            for first in 0..<min(n, 12) { candidates.append(a.text(first, min(first + 1, n - 1))) }
            for first in -1...min(n, 12) {
                for last in [first - 1, first, first + 1, n - 1, n] {
                    let expected = a.text(first, last)
                    for known in candidates {
                        let text = RubricScorer.text(first, last, of: a, reusing: known)
                        #expect(Array(text.utf8) == Array(expected.utf8), "\(answer.debugDescription) \(first)...\(last)")
                    }
                }
            }
        }
    }
}
