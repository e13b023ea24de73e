/// Writes grades and batch errors as compact JSON without Foundation's `JSONEncoder`, which costs
/// about as much as grading itself. The bytes are identical to `GradeJSON.encoder()`'s output
/// (sorted keys, `/` unescaped, integral numbers without `.0`, absent optionals left out); a test
/// compares both writers on many graded answers.
public struct GradeJSONWriter {
    /// The bytes written are the first `count` of `storage`; the rest is room to write into, so a
    /// write is one capacity check and a copy (an `Array` append checks uniqueness and capacity and,
    /// for several bytes, goes through the generic `append(contentsOf:)`, at every one of the
    /// hundreds of writes of a grade).
    private var storage: [UInt8]
    public private(set) var count = 0

    /// The bytes written.
    public var bytes: ArraySlice<UInt8> { storage[..<count] }

    public init(capacity: Int = 4096) { storage = [UInt8](repeating: 0, count: max(capacity, 64)) }

    public mutating func removeAll() { count = 0 }

    /// Ends a JSON Lines record.
    public mutating func newline() { byte(0x0A) }

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
            raw(Self.itemStart(f.kind)); string(f.text); byte(0x7D)
        }
        raw("],\"flags\":"); strings(g.flags)
        raw(",\"framework\":"); write(g.framework)
        raw(",\"grade\":"); raw(Self.json(g.grade))
        if let id = g.id { raw(",\"id\":"); string(id) }
        raw(",\"misconceptions\":[")
        for (i, m) in g.misconceptions.enumerated() {
            if i > 0 { comma() }
            raw("{\"claim\":"); string(m.claim); raw(",\"correction\":"); string(m.correction)
            raw(",\"evidence\":"); strings(m.evidence); raw(",\"id\":"); string(m.id)
            raw(",\"penalty\":"); number(m.penalty); byte(0x7D)
        }
        raw("],\"question\":"); string(g.question)
        raw(",\"schema\":"); integer(g.schema)
        raw(",\"score\":"); number(g.score)
        byte(0x7D)
    }

    public mutating func write(_ e: BatchError) {
        raw("{\"error\":"); string(e.error)
        raw(",\"id\":"); if let id = e.id { string(id) } else { raw("null") }
        raw(",\"line\":"); integer(e.line)
        byte(0x7D)
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
        append(prepared.head)
        writeNote(c)
        append(prepared.tail)
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
        raw(c.hit ? ",\"hit\":true" : ",\"hit\":false")
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
        raw(",\"step\":"); raw(Self.json(c.step))
        raw(",\"weight\":"); number(c.weight)
        byte(0x7D)
    }

    mutating func write(_ f: FrameworkResult) {
        raw("{\"habits\":"); strings(f.habits)
        raw(f.inOrder ? ",\"inOrder\":true,\"steps\":[" : ",\"inOrder\":false,\"steps\":[")
        for (i, s) in f.steps.enumerated() {
            if i > 0 { comma() }
            raw("{\"evidence\":"); strings(s.evidence)
            raw(s.present ? ",\"present\":true,\"step\":" : ",\"present\":false,\"step\":"); raw(Self.json(s.step))
            byte(0x7D)
        }
        raw("]}")
    }

    // MARK: Enums

    // The raw values as JSON strings, quoted, to copy as they are (`string` checked these plain words
    // for escapes at every grade); `GradeJSONWriterTests` checks them against the raw values.

    /// A feedback item up to its text, kind included (one write instead of three).
    static func itemStart(_ kind: FeedbackItem.Kind) -> StaticString {
        switch kind {
        case .covered: #"{"kind":"covered","text":"#
        case .unexplained: #"{"kind":"unexplained","text":"#
        case .missed: #"{"kind":"missed","text":"#
        case .misconception: #"{"kind":"misconception","text":"#
        case .wrongValue: #"{"kind":"wrong-value","text":"#
        case .framework: #"{"kind":"framework","text":"#
        case .nextTime: #"{"kind":"next-time","text":"#
        case .studyPlan: #"{"kind":"study-plan","text":"#
        }
    }

    static func json(_ step: FrameworkStep) -> StaticString {
        switch step {
        case .confirm: "\"confirm\""
        case .core: "\"core\""
        case .implementation: "\"implementation\""
        case .application: "\"application\""
        case .optimization: "\"optimization\""
        }
    }

    static func json(_ grade: Grade) -> StaticString {
        switch grade { case .A: "\"A\""; case .B: "\"B\""; case .C: "\"C\""; case .D: "\"D\""; case .F: "\"F\"" }
    }

    // MARK: Primitives

    /// Makes room for `n` more bytes.
    @inline(__always) private mutating func reserve(_ n: Int) {
        if storage.count - count < n { storage.append(contentsOf: repeatElement(0, count: max(n, storage.count))) }
    }

    @inline(__always) private mutating func byte(_ b: UInt8) {
        reserve(1)
        storage[count] = b
        count += 1
    }

    @inline(__always) private mutating func append(_ source: UnsafeBufferPointer<UInt8>) {
        let n = source.count
        guard n > 0, let from = source.baseAddress else { return }
        reserve(n)
        let at = count
        storage.withUnsafeMutableBufferPointer { to in
            precondition(at + n <= to.count)
            (to.baseAddress! + at).update(from: from, count: n)
        }
        count += n
    }

    @inline(__always) private mutating func append(_ source: [UInt8]) {
        source.withUnsafeBufferPointer { append($0) }
    }

    @inline(__always) private mutating func comma() { byte(0x2C) }

    @inline(__always) private mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { append($0) }
    }

    private mutating func strings(_ list: [String]) {
        guard !list.isEmpty else { raw("[]"); return }
        byte(0x5B)
        list.withUnsafeBufferPointer { list in
            for i in list.indices { if i > 0 { comma() }; string(list[i]) }
        }
        byte(0x5D)
    }

    /// As `JSONEncoder` writes a `Double`: its shortest description, `.0` dropped.
    mutating func number(_ x: Double) {
        if x == x.rounded(), abs(x) < 1e9 {
            // `-0.0` is described as "-0.0" → "-0".
            if x == 0 && x.sign == .minus { byte(0x2D) }
            integer(Int(x))
            return
        }
        // At most three decimals (scores, credits and weights are rounded so): no shorter decimal
        // names the same `Double` (below 1e9 they are far closer than 0.001), so these digits are
        // its shortest description.
        let thousandths = (x * 1000).rounded()
        if abs(x) < 1e9, abs(x) >= 0.001, thousandths / 1000 == x {
            let n = Int(abs(thousandths))
            if x < 0 { byte(0x2D) }
            integer(n / 1000)
            byte(0x2E)
            var fraction = n % 1000, width = 3
            while width > 1 && fraction % 10 == 0 { fraction /= 10; width -= 1 }
            var divisor = width == 3 ? 100 : width == 2 ? 10 : 1
            while divisor > 0 { byte(0x30 + UInt8(fraction / divisor % 10)); divisor /= 10 }
            return
        }
        var d = x.description
        if d.hasSuffix(".0") { d.removeLast(2) }
        d.withUTF8 { append($0) }
    }

    mutating func integer(_ n: Int) {
        if n >= 0 && n < 10 { byte(0x30 + UInt8(n)); return }
        // Digit by digit from the first (no `String(n)` per number); the magnitude is a `UInt`, so
        // `Int.min` has one too, and the divisor stops at 10^19, within `UInt`.
        if n < 0 { byte(0x2D) }
        let m = n.magnitude
        var divisor: UInt = 1
        while divisor <= m / 10 { divisor *= 10 }
        while divisor > 0 { byte(0x30 + UInt8(m / divisor % 10)); divisor /= 10 }
    }

    /// `"` and `\` escaped, control characters as `\n` `\r` `\t` `\b` `\f` or `\u00XX`; the rest,
    /// `/` and non-ASCII included, as they are.
    mutating func string(_ s: String) {
        // A native or small string's bytes in place (a `var` copy for `withUTF8` cost a retain and a
        // release); a bridged one is made contiguous first.
        if s.utf8.withContiguousStorageIfAvailable({ string(utf8: $0) }) == nil {
            var s = s
            s.withUTF8 { string(utf8: $0) }
        }
    }

    private mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        // Nearly every string needs no escape: checked sixteen bytes at a time, then copied whole
        // between its quotes.
        guard JSONPlainBytes.needsEscape(utf8) else {
            let n = utf8.count
            reserve(n + 2)
            let at = count
            storage.withUnsafeMutableBufferPointer { to in
                precondition(at + n + 2 <= to.count)
                let p = to.baseAddress! + at
                p[0] = 0x22
                if let from = utf8.baseAddress { (p + 1).update(from: from, count: n) }
                p[n + 1] = 0x22
            }
            count += n + 2
            return
        }
        byte(0x22)
        var start = 0
        for (i, b) in utf8.enumerated() where b < 0x20 || b == 0x22 || b == 0x5C {
            if start < i { append(UnsafeBufferPointer(rebasing: utf8[start..<i])) }
            start = i + 1
            byte(0x5C)
            switch b {
            case 0x22: byte(0x22)
            case 0x5C: byte(0x5C)
            case 0x0A: byte(0x6E)
            case 0x0D: byte(0x72)
            case 0x09: byte(0x74)
            case 0x08: byte(0x62)
            case 0x0C: byte(0x66)
            default:
                @inline(__always) func hex(_ d: UInt8) -> UInt8 { d < 10 ? 0x30 + d : 0x57 + d }
                byte(0x75); byte(0x30); byte(0x30)
                byte(hex(b >> 4)); byte(hex(b & 0xF))
            }
        }
        if start < utf8.count { append(UnsafeBufferPointer(rebasing: utf8[start...])) }
        byte(0x22)
    }
}
