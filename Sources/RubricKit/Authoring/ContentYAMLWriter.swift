import Foundation

/// Writes rubrics, scenarios and category lists as format-version-1 YAML that `rubric lint` reads
/// back unchanged. Every string is either a plain scalar that YAML cannot misread, a literal block,
/// or a double-quoted scalar with escapes; output is deterministic.
public enum ContentYAMLWriter {
    // MARK: Rubric

    public static func rubric(_ r: Rubric, header: String? = nil) -> String {
        var y = Lines()
        if let header { for line in header.split(separator: "\n", omittingEmptySubsequences: false) { y.add("# \(line)") } }
        y.add("format_version: \(Rubric.formatVersion)")
        y.add("id: \(scalar(r.id))")
        y.add("category: \(scalar(r.category))")
        y.add("language: \(r.language.rawValue)")
        y.localized("question", r.question, indent: 0)
        y.block("standard_answer", r.standardAnswer, indent: 0)
        if !r.alternatives.isEmpty {
            y.add("alternatives:")
            for a in r.alternatives { y.blockItem(a, indent: 2) }
        }
        if r.similarityWeight != 0.1 { y.add("similarity_weight: \(number(r.similarityWeight))") }
        if let t = r.coverageTarget { y.add("coverage_target: \(number(t))") }
        if r.bands != .standard {
            y.add("bands: {A: \(number(r.bands.a)), B: \(number(r.bands.b)), C: \(number(r.bands.c)), D: \(number(r.bands.d))}")
        }
        y.add("concepts:")
        for c in r.concepts {
            y.add("  - id: \(scalar(c.id))")
            y.localized("label", c.label, indent: 4)
            if !c.aliases.isEmpty { y.add("    aliases: \(flowList(c.aliases))") }
            if c.weight != 1 { y.add("    weight: \(number(c.weight))") }
            y.add("    step: \(c.step.rawValue)")
            if c.required { y.add("    required: true") }
            if !c.values.isEmpty {
                y.add("    values:")
                for v in c.values { y.add("      - {key: \(flowList(v.keys)), value: \(flowList(v.accepted))}") }
            }
            if let t = c.teach { y.localized("teach", t, indent: 4) }
            if !c.mustHit.isEmpty { y.add("    must_hit: \(flowList(c.mustHit))") }
            if !c.mustMiss.isEmpty { y.add("    must_miss: \(flowList(c.mustMiss))") }
        }
        if !r.examples.isEmpty {
            y.add("examples:")
            for e in r.examples {
                y.add("  - name: \(scalar(e.name))")
                let grades = Grade.allCases.filter { e.expected.contains($0) }.map(\.rawValue)
                y.add("    grade: \(grades.count == 1 ? grades[0] : flowList(grades))")
                if let h = e.humanScore { y.add("    human_score: \(number(h))") }
                y.block("answer", e.answer, indent: 4)
            }
        }
        return y.text
    }

    // MARK: Scenario and categories

    public static func scenario(_ s: Scenario, header: String? = nil) -> String {
        var y = Lines()
        if let header { for line in header.split(separator: "\n", omittingEmptySubsequences: false) { y.add("# \(line)") } }
        y.add("format_version: \(Scenario.formatVersion)")
        y.add("id: \(scalar(s.id))")
        y.localized("title", s.title, indent: 0)
        if !s.description.isEmpty { y.localized("description", s.description, indent: 0) }
        y.add("questions:")
        if !s.selection.ids.isEmpty { y.add("  ids: \(flowList(s.selection.ids))") }
        if !s.selection.categories.isEmpty { y.add("  categories: \(flowList(s.selection.categories))") }
        if let n = s.selection.random { y.add("  random: \(n)") }
        if let seed = s.selection.seed { y.add("  seed: \(seed)") }
        y.add("order: \(s.order.rawValue)")
        y.add("time:")
        y.add("  total: \(duration(s.totalSeconds))")
        if let p = s.perQuestionSeconds { y.add("  per_question: \(duration(p))") }
        y.add("mode: \(s.mode.rawValue)")
        y.add("followups:")
        y.add("  max_per_question: \(s.maxFollowUps)")
        if s.hintPenalty != 5 { y.add("hint_penalty: \(number(s.hintPenalty))") }
        return y.text
    }

    public static func categories(_ entries: [CategoryEntry]) -> String {
        var y = Lines()
        y.add("format_version: 1")
        y.add("categories:")
        for e in entries {
            y.add("  - id: \(scalar(e.category.id))")
            y.localized("name", e.category.name, indent: 4)
            y.add("    questions: \(flowList(e.questions))")
        }
        return y.text
    }

    // MARK: Scalars

    /// `text` as a YAML scalar: plain when that cannot be misread, else double-quoted.
    public static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : quoted(text)
    }

    /// A double-quoted scalar; safe for any string.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for s in text.unicodeScalars {
            switch s {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if needsEscape(s) {
                    out += s.value <= 0xFFFF ? String(format: "\\u%04X", s.value) : String(format: "\\U%08X", s.value)
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out + "\""
    }

    /// Control characters, BOM, line/paragraph separators and non-characters: YAML requires (or
    /// readers trip over) them unescaped.
    static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return true }
        if v == 0xFEFF || v == 0x2028 || v == 0x2029 || v == 0x85 { return true }
        if (0xFDD0...0xFDEF).contains(v) || (v & 0xFFFE) == 0xFFFE { return true }
        return false
    }

    /// Conservative: letters, digits, Chinese and a few inner punctuation marks; nothing YAML
    /// would read as another type (`yes`, `null`, `1.5`, `0x1F`, `2024-01-01`).
    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first == " " || last == " " { return false }
        if "-?:,[]{}#&*!|>'\"%@`.+=~<".unicodeScalars.contains(first) { return false }
        for s in text.unicodeScalars {
            if needsEscape(s) { return false }
            if ":#,[]{}&*!|>'\"%@`\\?".unicodeScalars.contains(s) { return false }
            if s.properties.isWhitespace && s != " " { return false }
        }
        let lower = text.lowercased()
        let reserved: Set<String> = ["y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", "nan", ".nan", "inf", ".inf", "-.inf", "<<"]
        if reserved.contains(lower) { return false }
        // Anything starting with a digit or sign could be a number, date or time: quote it.
        if first.properties.numericType != nil && first.isASCII { return false }
        return true
    }

    static func flowList(_ items: [String]) -> String {
        "[" + items.map { flowScalar($0) }.joined(separator: ", ") + "]"
    }

    /// In flow context the plain rules are the same as `isPlainSafe` (which already bars `,[]{}`).
    static func flowScalar(_ s: String) -> String { scalar(s) }

    static func number(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int(v)) }
        var s = String(format: "%.3f", v)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    static func duration(_ seconds: Int) -> String {
        if seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(seconds)s"
    }

    /// Whether `text` can be written as a literal block (`|` / `|-`) and read back identically.
    static func isBlockSafe(_ text: String) -> Bool {
        guard !text.isEmpty, text.contains("\n") else { return false }
        guard let first = text.unicodeScalars.first, first != " ", first != "\t" else { return false }
        if text.hasSuffix("\n\n") { return false }
        for s in text.unicodeScalars {
            if s == "\n" || s == "\t" { continue }
            if needsEscape(s) { return false }
        }
        // Lines holding only spaces would be read as indentation.
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty && line.allSatisfy({ $0 == " " }) {
            return false
        }
        return true
    }

    /// Builds the file line by line.
    struct Lines {
        var lines: [String] = []
        mutating func add(_ line: String) { lines.append(line) }
        var text: String { lines.joined(separator: "\n") + "\n" }

        mutating func localized(_ key: String, _ t: LocalizedText, indent: Int) {
            let pad = String(repeating: " ", count: indent)
            if let zh = t.zh, let en = t.en, zh == en {
                add("\(pad)\(key): \(scalar(zh))")
            } else {
                var parts: [String] = []
                if let zh = t.zh { parts.append("zh: \(scalar(zh))") }
                if let en = t.en { parts.append("en: \(scalar(en))") }
                add("\(pad)\(key): {\(parts.joined(separator: ", "))}")
            }
        }

        mutating func block(_ key: String, _ text: String, indent: Int) {
            let pad = String(repeating: " ", count: indent)
            if isBlockSafe(text) {
                add("\(pad)\(key): \(text.hasSuffix("\n") ? "|" : "|-")")
                appendBlockBody(text, indent: indent + 2)
            } else {
                add("\(pad)\(key): \(scalar(text))")
            }
        }

        mutating func blockItem(_ text: String, indent: Int) {
            let pad = String(repeating: " ", count: indent)
            if isBlockSafe(text) {
                add("\(pad)- \(text.hasSuffix("\n") ? "|" : "|-")")
                appendBlockBody(text, indent: indent + 4)
            } else {
                add("\(pad)- \(scalar(text))")
            }
        }

        private mutating func appendBlockBody(_ text: String, indent: Int) {
            let pad = String(repeating: " ", count: indent)
            var body = text
            if body.hasSuffix("\n") { body.removeLast() }
            for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
                add(line.isEmpty ? "" : pad + line)
            }
        }
    }
}
