// The scorer benchmark: throughput and latency of the whole grading pipeline over the question
// bank, how time scales with answer length and with 10× the aliases, and a naive reference
// matcher (one substring search per alias) for comparison.
//
//   swift run -c release scorer-benchmark [--answers N] [--content DIR]
//
// Single-threaded (one core). Answers are generated deterministically from each rubric's
// standard answer, examples and aliases, about 500 characters each.
import Foundation
import RubricKit

// MARK: Options

var answerCount = 20_000
/// `--loop grade|match|encode|parse N`: only repeat one stage on one answer; `--loop pipeline N`: the
/// whole pipeline over N answers to every rubric (for a profiler).
var loopStage: String? = nil
var loopCount = 0
var contentRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
var args = CommandLine.arguments.dropFirst()
while let a = args.popFirst() {
    switch a {
    case "--answers": answerCount = args.popFirst().flatMap(Int.init) ?? answerCount
    case "--content": contentRoot = args.popFirst() ?? contentRoot
    case "--loop": loopStage = args.popFirst(); loopCount = args.popFirst().flatMap(Int.init) ?? 10_000
    case "-h", "--help":
        print("usage: scorer-benchmark [--answers N] [--content DIR]"); exit(0)
    default:
        FileHandle.standardError.write(Data("scorer-benchmark: unknown argument \(a)\n".utf8)); exit(64)
    }
}

// MARK: Content

func loadContent(_ root: String) -> (Framework, [Rubric]) {
    let dir = (root as NSString).appendingPathComponent("Rubrics")
    let files = (FileManager.default.enumerator(atPath: dir)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    var framework: Framework?
    var rubrics: [Rubric] = []
    for rel in files {
        let path = (dir as NSString).appendingPathComponent(rel)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
        switch ContentLoader.decode(text: text, path: path).0 {
        case .framework(let f)?: framework = f
        case .rubric(let r)?: rubrics.append(r)
        default: break
        }
    }
    guard let framework, !rubrics.isEmpty else {
        FileHandle.standardError.write(Data("scorer-benchmark: no content in \(dir)\n".utf8)); exit(1)
    }
    return (framework, rubrics)
}

let (framework, rubrics) = loadContent(contentRoot)
let scorer = RubricScorer(framework: framework)

// MARK: Answers

/// Sentence pieces to draw answers from, per rubric.
func pieces(of r: Rubric) -> [String] {
    var out: [String] = []
    for text in [r.standardAnswer] + r.examples.map(\.answer) {
        out += text.split(whereSeparator: { "。！？\n".contains($0) }).map { String($0) + "。" }.filter { $0.count > 4 }
    }
    out += r.concepts.map { c in "关于" + (c.aliases.first ?? c.id) + "，需要结合场景说明。" }
    return out
}

let piecesByRubric = Dictionary(uniqueKeysWithValues: rubrics.map { ($0.id, pieces(of: $0)) })

func answer(for r: Rubric, length: Int, rng: inout SplitMix64) -> String {
    let p = piecesByRubric[r.id] ?? pieces(of: r)
    var s = ""
    while s.count < length { s += p[Int(rng.next() % UInt64(p.count))] }
    return String(s.prefix(length))
}

var rng = SplitMix64(seed: 42)
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys]
if loopStage == "pipeline" {
    // The whole pipeline over answers to every rubric, for a profiler or `perf stat`.
    let grader = BatchGrader(scorer: scorer, rubrics: rubrics)
    var lines: [Data] = []
    for i in 0..<min(loopCount, 5000) {
        let r = rubrics[i % rubrics.count]
        lines.append(try encoder.encode(["id": "p\(i)", "question": r.id, "answer": answer(for: r, length: 500, rng: &rng)]))
    }
    var writer = GradeJSONWriter(capacity: 1 << 17)
    var bytes = 0
    for n in 0..<loopCount {
        switch grader.gradeLine(lines[n % lines.count], number: n + 1) {
        case .graded(let g)?: grader.write(g, to: &writer)
        case .failed(let e)?: writer.write(e)
        case nil: break
        }
        writer.newline()
        if writer.count > 1 << 16 { bytes += writer.count; writer.removeAll() }
    }
    print(bytes + writer.count)
    exit(0)
}
if let stage = loopStage {
    let c = scorer.compile(rubrics[0])
    let a = answer(for: rubrics[0], length: 500, rng: &rng)
    var sink = 0.0
    let graded = scorer.grade(a, compiled: c)
    let line = try encoder.encode(["id": "x", "question": c.rubric.id, "answer": a])
    let grader = BatchGrader(scorer: scorer, rubrics: [c.rubric])
    for _ in 0..<loopCount {
        switch stage {
        case "match": sink += Double(c.scan(a).count)
        case "encode": sink += Double(try GradeJSON.line(graded).utf8.count)
        case "parse": if case .graded(let g)? = grader.gradeLine(line, number: 1) { sink += g.score }
        default: sink += scorer.grade(a, compiled: c).score
        }
    }
    print(sink)
    exit(0)
}
var inputLines: [Data] = []
inputLines.reserveCapacity(answerCount)
var totalChars = 0
for i in 0..<answerCount {
    let r = rubrics[i % rubrics.count]
    let a = answer(for: r, length: 500, rng: &rng)
    totalChars += a.count
    let line = try encoder.encode(["id": "b\(i)", "question": r.id, "answer": a])
    inputLines.append(line)
}

/// CPU time of this thread, in nanoseconds: robust when other processes share the cores.
func now() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}
func fmt(_ x: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", x) }

// MARK: 1. The whole pipeline: parse, normalise, match, score, serialise

let compileStart = now()
let grader = BatchGrader(scorer: scorer, rubrics: rubrics)
let compileMs = Double(now() - compileStart) / 1e6
var latencies: [Double] = []
latencies.reserveCapacity(answerCount)
var bytesOut = 0
var sampleGrades: [AnswerGrade] = []
// As `grade --batch` writes: each line into one reused byte buffer (flushed, here dropped, every 64 KB).
var writer = GradeJSONWriter(capacity: 1 << 17)
let pipelineStart = now()
for (n, line) in inputLines.enumerated() {
    let t0 = now()
    switch grader.gradeLine(line, number: n + 1) {
    case .graded(let g)?:
        grader.write(g, to: &writer)
        if sampleGrades.count < 2000 { sampleGrades.append(g) }
    case .failed(let e)?: writer.write(e)
    case nil: break
    }
    writer.newline()
    if writer.count > 1 << 16 { bytesOut += writer.count; writer.removeAll() }
    latencies.append(Double(now() - t0) / 1e3)
}
let pipelineSeconds = Double(now() - pipelineStart) / 1e9
bytesOut += writer.count
latencies.sort()
func percentile(_ sorted: [Double], _ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }

print("Scorer benchmark — \(rubrics.count) rubrics, \(answerCount) answers of ~\(totalChars / max(1, answerCount)) characters, one thread (thread CPU time)")
print("")
print("Whole pipeline (parse JSON, normalise, match, score, serialise JSON):")
print("  compile all rubrics:  \(fmt(compileMs)) ms")
print("  throughput:           \(Int(Double(answerCount) / pipelineSeconds)) answers/s")
print("  latency per answer:   p50 \(fmt(percentile(latencies, 0.5))) µs, p99 \(fmt(percentile(latencies, 0.99))) µs, max \(fmt(latencies.last ?? 0)) µs")
print("  output:               \(bytesOut / max(1, answerCount)) bytes of JSON per answer")
// Serialising alone: the batch path's GradeJSONWriter beside Foundation's JSONEncoder (same bytes).
let gradeEncoder = GradeJSON.encoder()
var encodedBytes = 0
let writerStart = now()
for g in sampleGrades { writer.removeAll(); writer.write(g); encodedBytes += writer.count }
let writerUs = Double(now() - writerStart) / 1e3 / Double(max(1, sampleGrades.count))
let encoderStart = now()
for g in sampleGrades { encodedBytes += try gradeEncoder.encode(g).count }
let encoderUs = Double(now() - encoderStart) / 1e3 / Double(max(1, sampleGrades.count))
print("  serialise one grade:  \(fmt(writerUs)) µs (JSONEncoder: \(fmt(encoderUs)) µs, ×\(fmt(encoderUs / max(writerUs, 0.001))))")

// MARK: 2. Scaling with answer length (grading only)

let compiled = rubrics.map { scorer.compile($0) }
func gradeTime(length: Int, count: Int, rubricsToUse: [CompiledRubric]) -> Double {
    var rng = SplitMix64(seed: 7)
    let answers = (0..<count).map { i in answer(for: rubricsToUse[i % rubricsToUse.count].rubric, length: length, rng: &rng) }
    let t0 = now()
    var sink = 0.0
    for (i, a) in answers.enumerated() { sink += scorer.grade(a, compiled: rubricsToUse[i % rubricsToUse.count]).score }
    let perAnswer = Double(now() - t0) / 1e3 / Double(count)
    if sink < 0 { print(sink) }
    return perAnswer
}
print("")
print("Scaling with answer length (grading only, µs per answer; linear means flat µs per 100 characters):")
let lengths = [250, 500, 1000, 2000, 4000, 8000]
for length in lengths {
    let count = max(200, 2_000_000 / length)
    let us = gradeTime(length: length, count: count, rubricsToUse: compiled)
    print("  \(String(length).padding(toLength: 5, withPad: " ", startingAt: 0)) chars: \(fmt(us).padding(toLength: 8, withPad: " ", startingAt: 0)) µs  (\(fmt(us / Double(length) * 100, 2)) µs per 100 chars)")
}

// MARK: 3. Ten times the aliases

/// Each concept gets nine more aliases that real answers never contain, so matching results are
/// unchanged and only the automaton grows.
func inflated(_ r: Rubric) -> Rubric {
    var r = r
    for i in r.concepts.indices {
        let base = r.concepts[i].aliases
        var extra: [String] = []
        for k in 1...9 { for a in base { extra.append("\(a)变体\(k)号") } }
        r.concepts[i].aliases += extra
    }
    return r
}
let big = rubrics.map { scorer.compile(inflated($0)) }
let aliasCount = rubrics.reduce(0) { $0 + $1.concepts.reduce(0) { $0 + $1.aliases.count } }
let bigAliasCount = big.reduce(0) { $0 + $1.rubric.concepts.reduce(0) { $0 + $1.aliases.count } }
let usNormal = gradeTime(length: 500, count: 4000, rubricsToUse: compiled)
let usBig = gradeTime(length: 500, count: 4000, rubricsToUse: big)
print("")
print("Ten times the aliases (500-character answers, grading only):")
print("  \(aliasCount) aliases:  \(fmt(usNormal)) µs per answer")
print("  \(bigAliasCount) aliases: \(fmt(usBig)) µs per answer  (×\(fmt(usBig / usNormal, 2)))")

// MARK: 4. The naive reference matcher

/// One substring search per alias over the normalised answer.
struct NaiveMatcher {
    let aliases: [String]
    init(_ r: Rubric) {
        aliases = r.concepts.flatMap(\.aliases).map { TextNormalizer.normalize($0).text }.filter { !$0.isEmpty }
    }
    func matches(_ answer: String) -> Int {
        let text = TextNormalizer.normalize(answer).text
        var n = 0
        for a in aliases where text.contains(a) { n += 1 }
        return n
    }
}
func matchTime<M>(_ matchers: [M], _ run: (M, String) -> Int, count: Int) -> Double {
    var rng = SplitMix64(seed: 11)
    let answers = (0..<count).map { i in answer(for: rubrics[i % rubrics.count], length: 500, rng: &rng) }
    let t0 = now()
    var sink = 0
    for (i, a) in answers.enumerated() { sink &+= run(matchers[i % matchers.count], a) }
    if sink < 0 { print(sink) }
    return Double(now() - t0) / 1e3 / Double(count)
}
let naive = rubrics.map(NaiveMatcher.init)
let naiveBig = rubrics.map { NaiveMatcher(inflated($0)) }
let ours = matchTime(compiled, { $0.scan($1).count }, count: 4000)
let oursBig = matchTime(big, { $0.scan($1).count }, count: 4000)
let naiveUs = matchTime(naive, { $0.matches($1) }, count: 1000)
let naiveBigUs = matchTime(naiveBig, { $0.matches($1) }, count: 300)
print("")
print("Matching only, 500-character answers (µs per answer):")
print("  automaton (all phrases, one pass):       \(fmt(ours)) µs;  10× aliases: \(fmt(oursBig)) µs")
print("  naive (one substring search per alias):  \(fmt(naiveUs)) µs;  10× aliases: \(fmt(naiveBigUs)) µs")
print("  ratio naive / automaton:                 ×\(fmt(naiveUs / ours)) ;  10× aliases: ×\(fmt(naiveBigUs / oursBig))")
