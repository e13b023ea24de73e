import Foundation

/// Grades a JSON Lines batch: input lines `{"id": "...", "question": "QID", "answer": "..."}`,
/// one output per non-blank input line, in order. A bad line (invalid UTF-8 or JSON, a missing
/// field, an unknown question) becomes a `BatchError` in its place; the others are still graded.
public struct BatchGrader: Sendable {
    public let scorer: RubricScorer
    public let rubrics: [String: CompiledRubric]

    public init(scorer: RubricScorer, rubrics: [Rubric]) {
        self.scorer = scorer
        var compiled: [String: CompiledRubric] = [:]
        for r in rubrics where compiled[r.id] == nil { compiled[r.id] = scorer.compile(r) }
        self.rubrics = compiled
    }

    /// One line's result.
    public enum Outcome: Sendable, Equatable {
        case graded(AnswerGrade)
        case failed(BatchError)
    }

    /// Grades every line of `data`. `progress(done, total)` is called after each line.
    public func grade(_ data: Data, progress: (Int, Int) -> Void = { _, _ in }) -> [Outcome] {
        let lines = Self.lines(data)
        var out: [Outcome] = []
        out.reserveCapacity(lines.count)
        for (n, line) in lines.enumerated() {
            if let o = gradeLine(line.bytes, number: line.number) { out.append(o) }
            progress(n + 1, lines.count)
        }
        return out
    }

    /// The outcome of one line, or nil for a blank line.
    public func gradeLine<Bytes: Collection>(_ bytes: Bytes, number: Int) -> Outcome? where Bytes.Element == UInt8 {
        // No closure in here: the benchmark's profile (callgrind `--toggle-collect` of `gradeLine*`)
        // would stop counting inside one.
        let id: String?, question: String?, answer: [UInt8]?
        switch BatchLineReader.read(bytes: bytes) {
        case .fields(let fields):
            (id, question, answer) = (fields.id, fields.question, fields.answer)
        case .notUTF8:
            return Self.notUTF8(line: number)
        case .declined:
            guard let text = String(validating: bytes, as: UTF8.self) else { return Self.notUTF8(line: number) }
            if text.allSatisfy(\.isWhitespace) { return nil }
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            } catch {
                return .failed(BatchError(id: nil, line: number, error: "invalid JSON"))
            }
            guard let dict = object as? [String: Any] else {
                return .failed(BatchError(id: nil, line: number, error: "expected a JSON object with id, question and answer"))
            }
            switch dict["id"] {
            case let s as String: id = s
            case let n as NSNumber: id = n.stringValue
            default: id = nil
            }
            question = dict["question"] as? String
            answer = (dict["answer"] as? String).map { Array($0.utf8) }
        }
        guard let idValue = id else {
            return .failed(BatchError(id: nil, line: number, error: "missing field 'id' (a string)"))
        }
        guard let question else {
            return .failed(BatchError(id: idValue, line: number, error: "missing field 'question' (a question id)"))
        }
        guard let answer else {
            return .failed(BatchError(id: idValue, line: number, error: "missing field 'answer' (a string)"))
        }
        guard let compiled = rubrics[question] else {
            var message = "unknown question '\(question)'"
            if let near = Suggestion.closest(to: question, among: rubrics.keys.sorted()) { message += "; did you mean '\(near)'?" }
            return .failed(BatchError(id: idValue, line: number, error: message))
        }
        var grade = scorer.grade(utf8: answer, compiled: compiled)
        grade.id = idValue
        return .graded(grade)
    }

    private static func notUTF8(line: Int) -> Outcome {
        .failed(BatchError(id: nil, line: line, error: "the line is not valid UTF-8"))
    }

    /// Writes `grade` (one of these rubrics') as one JSON object, its concepts' ids, labels, steps,
    /// weights and required flags copied as prepared at compile time.
    public func write(_ grade: AnswerGrade, to writer: inout GradeJSONWriter) {
        writer.write(grade, concepts: rubrics[grade.question]?.conceptJSON ?? [])
    }

    /// Non-empty lines of `data` with their 1-based numbers (a trailing `\r` is dropped).
    static func lines(_ data: Data) -> [(number: Int, bytes: ArraySlice<UInt8>)] {
        let bytes = [UInt8](data)
        var out: [(Int, ArraySlice<UInt8>)] = []
        var start = 0, number = 1
        for i in 0...bytes.count {
            guard i == bytes.count || bytes[i] == 0x0A else { continue }
            var end = i
            if end > start && bytes[end - 1] == 0x0D { end -= 1 }
            if end > start || i < bytes.count { out.append((number, bytes[start..<end])) }
            start = i + 1; number += 1
        }
        return out
    }
}

/// A batch line that could not be graded: `{"id", "line", "error"}` (id is null when unknown).
public struct BatchError: Sendable, Equatable, Codable {
    public var id: String?
    public var line: Int
    public var error: String

    public init(id: String?, line: Int, error: String) { self.id = id; self.line = line; self.error = error }

    enum CodingKeys: String, CodingKey { case id, line, error }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id) // null, not absent
        try c.encode(line, forKey: .line)
        try c.encode(error, forKey: .error)
    }
}

/// Deterministic JSON for grades and traces: sorted keys, no escaped slashes, rounded numbers.
public enum GradeJSON {
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    /// One compact line.
    public static func line<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }

    /// One compact line for a grade, written by `GradeJSONWriter` (the same bytes as the encoder's,
    /// several times faster). Never throws; the signature matches the generic form.
    public static func line(_ grade: AnswerGrade) throws -> String {
        var w = GradeJSONWriter()
        w.write(grade)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// One compact line for a batch error, written by `GradeJSONWriter`.
    public static func line(_ error: BatchError) throws -> String {
        var w = GradeJSONWriter(capacity: 128)
        w.write(error)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    public static func pretty<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder(pretty: true).encode(value), as: UTF8.self)
    }
}
