import Foundation

/// One line of a drafting bank: `{"id", "question", "reference", "alternatives"?}`.
public struct BankEntry: Sendable, Equatable, Codable {
    public var id: String
    public var question: String
    public var reference: String
    /// More reference answers.
    public var alternatives: [String]?

    public init(id: String, question: String, reference: String, alternatives: [String]? = nil) {
        self.id = id; self.question = question; self.reference = reference; self.alternatives = alternatives
    }

    /// The reference answers, main one first, without empty or repeated ones.
    public var references: [String] {
        var out: [String] = []
        for r in [reference] + (alternatives ?? []) {
            let t = r.trimmingCharacters(in: .whitespacesAndNewlines)
            if !t.isEmpty && !out.contains(t) { out.append(t) }
        }
        return out
    }
}

/// A line of a bank that could not be read.
public struct BankLineError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public init(line: Int, message: String) { self.line = line; self.message = message }
    public var description: String { "line \(line): \(message)" }
}

/// Reads a JSONL bank, collecting bad lines instead of stopping at them.
public enum BankReader {
    public struct Result: Sendable {
        /// Good entries with their 1-based line numbers.
        public var entries: [(line: Int, entry: BankEntry)]
        public var errors: [BankLineError]
    }

    public static func read(_ data: Data) -> Result {
        var entries: [(Int, BankEntry)] = []
        var errors: [BankLineError] = []
        var seen: [String: Int] = [:]
        var lineNumber = 0
        let decoder = JSONDecoder()
        for raw in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var bytes = Data(raw)
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }   // blank lines are allowed
            guard String(data: bytes, encoding: .utf8) != nil else {
                errors.append(.init(line: lineNumber, message: "not valid UTF-8")); continue
            }
            let entry: BankEntry
            do {
                entry = try decoder.decode(BankEntry.self, from: bytes)
            } catch let DecodingError.keyNotFound(key, _) {
                errors.append(.init(line: lineNumber, message: "missing field '\(key.stringValue)'")); continue
            } catch let DecodingError.typeMismatch(_, ctx) {
                let field = ctx.codingPath.first?.stringValue ?? ""
                let want = field == "alternatives" ? "a list of strings" : "a string"
                errors.append(.init(line: lineNumber, message: field.isEmpty ? "expected a JSON object"
                                    : "field '\(field)' must be \(want)")); continue
            } catch let DecodingError.valueNotFound(_, ctx) {
                let field = ctx.codingPath.first?.stringValue ?? ""
                errors.append(.init(line: lineNumber, message: "field '\(field)' is null")); continue
            } catch {
                errors.append(.init(line: lineNumber, message: "invalid JSON")); continue
            }
            if let problem = validate(entry) {
                errors.append(.init(line: lineNumber, message: problem)); continue
            }
            if let first = seen[entry.id] {
                errors.append(.init(line: lineNumber, message: "duplicate id '\(entry.id)' (first on line \(first))")); continue
            }
            seen[entry.id] = lineNumber
            entries.append((lineNumber, entry))
        }
        return Result(entries: entries, errors: errors)
    }

    static func validate(_ e: BankEntry) -> String? {
        let idOK = !e.id.isEmpty && e.id.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)) || "._-".unicodeScalars.contains($0)
        }
        if !idOK { return "id '\(e.id)' may hold only ASCII letters, digits, '.', '_' and '-'" }
        if e.question.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "empty question" }
        if TextNormalizer.normalize(e.reference).text.trimmingCharacters(in: .whitespaces).isEmpty {
            return "the reference answer has no letters or digits"
        }
        return nil
    }
}
