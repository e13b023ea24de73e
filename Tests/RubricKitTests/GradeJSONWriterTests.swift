import Foundation
import Testing
@testable import RubricKit

/// The hand-written grade writer must produce exactly the bytes of Foundation's `JSONEncoder`
/// (sorted keys, no escaped slashes) that `grade --batch` wrote before it.
@Suite("Grade JSON writer")
struct GradeJSONWriterTests {
    static func encoderLine<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try GradeJSON.encoder().encode(value), as: UTF8.self)
    }

    static func writerLine(_ grade: AnswerGrade) -> String {
        var w = GradeJSONWriter()
        w.write(grade)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// Strings that exercise escaping: quotes, backslashes, slashes, every control character,
    /// DEL, Chinese, emoji, line and paragraph separators.
    static let awkward: [String] = {
        var out = ["", "plain", "say \"hi\"", #"C:\path\to"#, "a/b</script>", "tab\there", "line\nbreak\r\n",
                   "P的本地队列（runq）满了，“工作窃取”。", "emoji 🚀 ok", "sep\u{2028}\u{2029}", "del\u{7F}", "nul\u{0}end",
                   "\u{8}\u{C}\u{1B}[31m", "ｆｕｌｌ－ｗｉｄｔｈ", "e\u{301}"]
        out.append(String(decoding: (0..<32).map { UInt8($0) }, as: UTF8.self))
        return out
    }()

    @Test func matchesTheEncoderOnTheBanksExamples() throws {
        let (framework, rubrics) = try ContentExamplesTests.load()
        let scorer = RubricScorer(framework: framework)
        var compared = 0
        for r in rubrics {
            let compiled = scorer.compile(r)
            var answers = r.examples.map(\.answer) + [r.standardAnswer, "", "我不知道", "不是 \"quoted\"\t\\ \u{1}"]
            answers += Self.awkward.map { String(r.standardAnswer.prefix(80)) + $0 }
            for (n, answer) in answers.enumerated() {
                var g = scorer.grade(answer, compiled: compiled)
                if n % 2 == 0 { g.id = "id-\(n)/\"\(Self.awkward[n % Self.awkward.count])" }
                let expected = try Self.encoderLine(g)
                #expect(Self.writerLine(g) == expected, "\(r.id) answer \(n)")
                #expect(try GradeJSON.line(g) == expected)
                compared += 1
            }
        }
        #expect(compared > 200)
    }

    @Test func matchesTheEncoderOnAwkwardStringsAndNumbers() throws {
        let numbers: [Double] = [0, 1, 100, 0.1, 0.25, 62.5, 33.3, 1.0 / 3, 12345.678, 99.9, 1e-7, 123456789, 2e15, .leastNonzeroMagnitude]
        for (i, s) in Self.awkward.enumerated() {
            let x = numbers[i % numbers.count]
            let concept = ConceptResult(id: s, label: s, step: .core, weight: x, required: i % 2 == 0, hit: i % 3 == 0,
                                        credit: numbers[(i + 3) % numbers.count], evidence: [s, s + "x"], note: i % 2 == 0 ? s : nil)
            let g = AnswerGrade(question: s, score: x, grade: .B, concepts: [concept, concept],
                                misconceptions: [MisconceptionResult(id: s, claim: s, correction: s, penalty: x, evidence: [s])],
                                framework: FrameworkResult(steps: [.init(step: .optimization, present: true, evidence: [s])],
                                                           inOrder: i % 2 == 1, habits: [s]),
                                flags: [s], feedback: [FeedbackItem(kind: .wrongValue, text: s)],
                                breakdown: ScoreBreakdown(coverage: x, structure: -x, similarity: x * 7, penalties: x / 3,
                                                          caps: [s], rawCoverage: x + 0.5, base: x),
                                id: i % 3 == 0 ? nil : s)
            let expected = try Self.encoderLine(g)
            #expect(Self.writerLine(g) == expected, "string \(i)")
            let e = BatchError(id: i % 2 == 0 ? nil : s, line: i * 1000, error: s)
            let expectedError = try Self.encoderLine(e)
            #expect(try GradeJSON.line(e) == expectedError, "error \(i)")
        }
    }

    /// `BatchGrader.write` copies the concepts' prepared bytes: the same line as the encoder's,
    /// also for a grade whose concepts no longer say what the rubric says (they are written in full).
    @Test func preparedConceptPartsMatchTheEncoder() throws {
        let (framework, rubrics) = try ContentExamplesTests.load()
        let grader = BatchGrader(scorer: RubricScorer(framework: framework), rubrics: rubrics)
        var compared = 0
        for r in rubrics {
            guard let compiled = grader.rubrics[r.id] else { continue }
            for (n, answer) in (r.examples.map(\.answer) + [r.standardAnswer, ""]).enumerated() {
                var g = grader.scorer.grade(answer, compiled: compiled)
                g.id = "id-\(n)"
                if n % 2 == 1, !g.concepts.isEmpty {
                    let k = n % g.concepts.count
                    switch n % 3 {
                    case 0: g.concepts[k].label += " \"changed\""
                    case 1: g.concepts[k].weight = -0.0
                    default: g.concepts[k].id = "other/\\id"; g.concepts[k].required.toggle()
                    }
                }
                var w = GradeJSONWriter()
                grader.write(g, to: &w)
                #expect(String(decoding: w.bytes, as: UTF8.self) == (try Self.encoderLine(g)), "\(r.id) answer \(n)")
                compared += 1
            }
        }
        #expect(compared > 50)
    }

    /// The eight-at-a-time check is exact: each byte value at each of the eight places, among
    /// plain bytes, needs escaping exactly when JSON says so.
    /// The enums' JSON, copied as it is, is their raw values quoted.
    @Test func enumsAreWrittenAsTheirRawValues() {
        func text(_ s: StaticString) -> String { s.withUTF8Buffer { String(decoding: $0, as: UTF8.self) } }
        let kinds: [FeedbackItem.Kind] = [.covered, .unexplained, .missed, .misconception, .wrongValue, .framework, .nextTime, .studyPlan]
        for k in kinds { #expect(text(GradeJSONWriter.itemStart(k)) == "{\"kind\":\"\(k.rawValue)\",\"text\":") }
        for s in FrameworkStep.allCases { #expect(text(GradeJSONWriter.json(s)) == "\"\(s.rawValue)\"") }
        for g in Grade.allCases { #expect(text(GradeJSONWriter.json(g)) == "\"\(g.rawValue)\"") }
    }

    @Test func integersAreWrittenAsTheirDescription() {
        var values: [Int] = [.min, .min + 1, .max, -1, 0, 9, 10, 99, 100, 101, 999, 1000, 65_340, -65_340]
        var p = 1
        for _ in 0..<18 { p *= 10; values += [p - 1, p, p + 1, -p] }
        for n in values {
            var w = GradeJSONWriter(capacity: 32)
            w.integer(n)
            #expect(String(decoding: w.bytes, as: UTF8.self) == String(n))
        }
    }

    /// The sixteen-at-a-time check is exact lane by lane: each byte value at each of the sixteen
    /// places, among plain bytes and among bytes that need escaping.
    @Test func sixteenByteEscapeCheckIsExact() {
        for filler in [UInt8(ascii: "a"), 0xE4, 0x22, 0x1F] {
            for place in 0..<16 {
                for b in 0...255 {
                    var lanes = SIMD16<UInt8>(repeating: filler)
                    lanes[place] = UInt8(b)
                    let found = JSONPlainBytes.escapes(lanes)
                    for lane in 0..<16 {
                        let x = lanes[lane]
                        #expect((found[lane] & 0x80 != 0) == (x < 0x20 || x == 0x22 || x == 0x5C), "byte \(x) at \(lane)")
                    }
                }
            }
        }
    }

    /// A whole buffer's check, at every length around the word and vector sizes, with the byte
    /// that needs escaping at every place (or none).
    @Test func bufferEscapeCheckIsExact() {
        for n in 0..<70 {
            for place in -1..<n {
                for bad: UInt8 in [0x00, 0x1F, 0x22, 0x5C] {
                    var bytes = (0..<n).map { UInt8(0x80 + $0 % 64) }
                    if place >= 0 { bytes[place] = bad }
                    #expect(bytes.withUnsafeBufferPointer { JSONPlainBytes.needsEscape($0) } == (place >= 0), "\(n) \(place)")
                    let skipped = bytes.withUnsafeBytes { JSONPlainBytes.skip($0, from: 0) }
                    let firstBad = place >= 0 ? place : n
                    #expect(skipped <= firstBad && (firstBad - skipped < 8 || n - skipped < 8), "skip \(n) \(place)")
                }
            }
        }
    }

    @Test func eightByteEscapeCheckIsExact() {
        for place in 0..<8 {
            for b in 0...255 {
                var word = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                word[place] = UInt8(b)
                let x = word.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(JSONPlainBytes.needsEscape(x) == (b < 0x20 || b == 0x22 || b == 0x5C), "byte \(b) at \(place)")
            }
        }
    }
}
