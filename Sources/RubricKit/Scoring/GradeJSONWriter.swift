/// Writes grades and batch errors as compact JSON without Foundation's `JSONEncoder`, which costs
/// about as much as grading itself. The bytes are identical to `GradeJSON.encoder()`'s output
/// (sorted keys, `/` unescaped, integral numbers without `.0`, absent optionals left out); a test
/// compares both writers on many graded answers.
public struct GradeJSONWriter {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Ends a JSON Lines record.
    public mutating func newline() { bytes.append(0x0A) }

    // MARK: Values

    /// - Parameter concepts: the prepared parts of the rubric's concepts (`BatchGrader.write` passes
    ///   them); a concept they do not describe is written in full.
    public mutating func write(_ g: AnswerGrade, concepts prepared: [ConceptJSON] = []) {
        raw("{\"breakdown\":"); write(g.breakdown)
        raw(",\"concepts\":[")
        for (i, c) in g.concepts.enumerated() {
            if i > 0 { comma() }
            if i < prepared.count && prepared[i].describes(c) { write(c, prepared[i]) } else { write(c) }
        }
        raw("],\"feedback\":[")
        for (i, f) in g.feedback.enumerated() {
            if i > 0 { comma() }
            raw("{\"kind\":"); string(f.kind.rawValue); raw(",\"text\":"); string(f.text); bytes.append(0x7D)
        }
        raw("],\"flags\":"); strings(g.flags)
        raw(",\"framework\":"); write(g.framework)
        raw(",\"grade\":"); string(g.grade.rawValue)
        if let id = g.id { raw(",\"id\":"); string(id) }
        raw(",\"misconceptions\":[")
        for (i, m) in g.misconceptions.enumerated() {
            if i > 0 { comma() }
            raw("{\"claim\":"); string(m.claim); raw(",\"correction\":"); string(m.correction)
            raw(",\"evidence\":"); strings(m.evidence); raw(",\"id\":"); string(m.id)
            raw(",\"penalty\":"); number(m.penalty); bytes.append(0x7D)
        }
        raw("],\"question\":"); string(g.question)
        raw(",\"schema\":"); integer(g.schema)
        raw(",\"score\":"); number(g.score)
        bytes.append(0x7D)
    }

    public mutating func write(_ e: BatchError) {
        raw("{\"error\":"); string(e.error)
        raw(",\"id\":"); if let id = e.id { string(id) } else { raw("null") }
        raw(",\"line\":"); integer(e.line)
        bytes.append(0x7D)
    }

    mutating func write(_ b: ScoreBreakdown) {
        raw("{\"base\":"); number(b.base)
        raw(",\"caps\":"); strings(b.caps)
        raw(",\"coverage\":"); number(b.coverage)
        if let d = b.depthFactor { raw(",\"depthFactor\":"); number(d) }
        raw(",\"penalties\":"); number(b.penalties)
        raw(",\"rawCoverage\":"); number(b.rawCoverage)
        raw(",\"similarity\":"); number(b.similarity)
        raw(",\"structure\":"); number(b.structure)
        raw(",\"weights\":{\"coverage\":"); number(b.weights.coverage)
        raw(",\"similarity\":"); number(b.weights.similarity)
        raw(",\"structure\":"); number(b.weights.structure)
        raw("}}")
    }

    mutating func write(_ c: ConceptResult) {
        writeStart(c); writeHead(c); writeNote(c); writeTail(c)
    }

    /// `c` with its answer-independent parts copied from `prepared`.
    mutating func write(_ c: ConceptResult, _ prepared: ConceptJSON) {
        writeStart(c)
        bytes.append(contentsOf: prepared.head)
        writeNote(c)
        bytes.append(contentsOf: prepared.tail)
    }

    // A concept's keys in order: credit, evidence, hit | id, label | note | required, step, weight.

    private mutating func writeStart(_ c: ConceptResult) {
        // A missed concept (most of them) in one piece.
        if !c.hit && c.credit == 0 && c.credit.sign == .plus && c.evidence.isEmpty {
            raw("{\"credit\":0,\"evidence\":[],\"hit\":false")
            return
        }
        raw("{\"credit\":"); number(c.credit)
        raw(",\"evidence\":"); strings(c.evidence)
        raw(",\"hit\":"); raw(c.hit ? "true" : "false")
    }

    mutating func writeHead(_ c: ConceptResult) {
        raw(",\"id\":"); string(c.id)
        raw(",\"label\":"); string(c.label)
    }

    private mutating func writeNote(_ c: ConceptResult) {
        if let note = c.note { raw(",\"note\":"); string(note) }
    }

    mutating func writeTail(_ c: ConceptResult) {
        raw(",\"required\":"); raw(c.required ? "true" : "false")
        raw(",\"step\":"); string(c.step.rawValue)
        raw(",\"weight\":"); number(c.weight)
        bytes.append(0x7D)
    }

    mutating func write(_ f: FrameworkResult) {
        raw("{\"habits\":"); strings(f.habits)
        raw(",\"inOrder\":"); raw(f.inOrder ? "true" : "false")
        raw(",\"steps\":[")
        for (i, s) in f.steps.enumerated() {
            if i > 0 { comma() }
            raw("{\"evidence\":"); strings(s.evidence)
            raw(",\"present\":"); raw(s.present ? "true" : "false")
            raw(",\"step\":"); string(s.step.rawValue)
            bytes.append(0x7D)
        }
        raw("]}")
    }

    // MARK: Primitives

    @inline(__always) private mutating func comma() { bytes.append(0x2C) }

    @inline(__always) private mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func strings(_ list: [String]) {
        bytes.append(0x5B)
        for (i, s) in list.enumerated() { if i > 0 { comma() }; string(s) }
        bytes.append(0x5D)
    }

    /// As `JSONEncoder` writes a `Double`: its shortest description, `.0` dropped.
    mutating func number(_ x: Double) {
        if x == x.rounded(), abs(x) < 1e9 {
            integer(Int(x))
            // `-0.0` is described as "-0.0" → "-0".
            if x == 0 && x.sign == .minus { bytes.insert(0x2D, at: bytes.count - 1) }
            return
        }
        // At most three decimals (scores, credits and weights are rounded so): no shorter decimal
        // names the same `Double` (below 1e9 they are far closer than 0.001), so these digits are
        // its shortest description.
        let thousandths = (x * 1000).rounded()
        if abs(x) < 1e9, abs(x) >= 0.001, thousandths / 1000 == x {
            let n = Int(abs(thousandths))
            if x < 0 { bytes.append(0x2D) }
            integer(n / 1000)
            bytes.append(0x2E)
            var fraction = n % 1000, width = 3
            while width > 1 && fraction % 10 == 0 { fraction /= 10; width -= 1 }
            var divisor = width == 3 ? 100 : width == 2 ? 10 : 1
            while divisor > 0 { bytes.append(0x30 + UInt8(fraction / divisor % 10)); divisor /= 10 }
            return
        }
        var d = x.description
        if d.hasSuffix(".0") { d.removeLast(2) }
        bytes.append(contentsOf: d.utf8)
    }

    mutating func integer(_ n: Int) {
        if n >= 0 && n < 10 { bytes.append(0x30 + UInt8(n)); return }
        // Digit by digit from the first (no `String(n)` per number); the magnitude is a `UInt`, so
        // `Int.min` has one too, and the divisor stops at 10^19, within `UInt`.
        if n < 0 { bytes.append(0x2D) }
        let m = n.magnitude
        var divisor: UInt = 1
        while divisor <= m / 10 { divisor *= 10 }
        while divisor > 0 { bytes.append(0x30 + UInt8(m / divisor % 10)); divisor /= 10 }
    }

    /// `"` and `\` escaped, control characters as `\n` `\r` `\t` `\b` `\f` or `\u00XX`; the rest,
    /// `/` and non-ASCII included, as they are.
    mutating func string(_ s: String) {
        bytes.append(0x22)
        var s = s
        s.withUTF8 { utf8 in
            var start = 0
            var i = 0
            let n = utf8.count
            let words = UnsafeRawBufferPointer(utf8)
            while i < n {
                // Eight bytes at a time while none of them needs escaping (nearly all text).
                i = JSONPlainBytes.skip(words, from: i)
                guard i < n else { break }
                let b = utf8[i]
                i += 1
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                if start < i - 1 { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<(i - 1)])) }
                start = i
                bytes.append(0x5C)
                switch b {
                case 0x22: bytes.append(0x22)
                case 0x5C: bytes.append(0x5C)
                case 0x0A: bytes.append(0x6E)
                case 0x0D: bytes.append(0x72)
                case 0x09: bytes.append(0x74)
                case 0x08: bytes.append(0x62)
                case 0x0C: bytes.append(0x66)
                default:
                    @inline(__always) func hex(_ d: UInt8) -> UInt8 { d < 10 ? 0x30 + d : 0x57 + d }
                    bytes.append(0x75); bytes.append(0x30); bytes.append(0x30)
                    bytes.append(hex(b >> 4)); bytes.append(hex(b & 0xF))
                }
            }
            if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        }
        bytes.append(0x22)
    }
}
