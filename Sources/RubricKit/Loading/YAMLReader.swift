import Yams

/// Reads one YAML file into a node tree and collects positioned diagnostics while content
/// is decoded from it. Decoding never stops at the first problem.
final class YAMLReader {
    let path: String
    let text: String
    private let lines: [Substring]
    private(set) var diagnostics: [Diagnostic] = []

    /// Nodes a document may expand to; more means an alias bomb (or a file no author writes).
    static let nodeBudget = 200_000

    init(path: String, text: String) {
        self.path = path
        self.text = text
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    // MARK: Positions and diagnostics

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func sourceLine(_ line: Int) -> String? {
        guard line >= 1, line <= lines.count else { return nil }
        var s = String(lines[line - 1])
        if s.hasSuffix("\r") { s.removeLast() }
        return s
    }

    func error(_ message: String, at node: Node?) { report(.error, message, mark: node?.mark) }
    func warning(_ message: String, at node: Node?) { report(.warning, message, mark: node?.mark) }

    func report(_ severity: Diagnostic.Severity, _ message: String, mark: Mark?) {
        report(severity, message, at: location(mark))
    }

    func report(_ severity: Diagnostic.Severity, _ message: String, at loc: SourceLocation?) {
        let loc = loc ?? SourceLocation(path: path, line: 1, column: 1)
        diagnostics.append(Diagnostic(severity, message, at: loc, sourceLine: sourceLine(loc.line)))
    }

    // MARK: Parsing

    /// The document's root, or nil after a diagnostic.
    func parse() -> Node? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let e as YamlError {
            reportYAMLError(e)
            return nil
        } catch {
            report(.error, "cannot read YAML: \(error)", mark: nil)
            return nil
        }
        guard let root else {
            report(.error, "the file is empty", mark: nil)
            return nil
        }
        var remaining = YAMLReader.nodeBudget
        guard YAMLReader.fits(root, budget: &remaining) else {
            report(.error, "the document expands to more than \(YAMLReader.nodeBudget) nodes through YAML aliases (an alias bomb?); content files need no anchors or aliases", mark: root.mark)
            return nil
        }
        return root
    }

    private static func fits(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        if budget < 0 { return false }
        switch node {
        case .scalar, .alias: return true
        case .sequence(let seq):
            for child in seq where !fits(child, budget: &budget) { return false }
            return true
        case .mapping(let map):
            for (k, v) in map where !fits(k, budget: &budget) || !fits(v, budget: &budget) { return false }
            return true
        }
    }

    private func reportYAMLError(_ e: YamlError) {
        switch e {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context { message += " (\(context.text) at \(context.mark.line):\(context.mark.column))" }
            report(.error, message, mark: mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            report(.error, "duplicate key \(keys) in one mapping; each key may appear only once", mark: context.mark)
        case let .reader(problem, _, _, _):
            report(.error, "cannot read the file as UTF-8 YAML: \(problem)", mark: nil)
        default:
            report(.error, "YAML error: \(e)", mark: nil)
        }
    }

    // MARK: Typed reads

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s):
            if s.string.isEmpty { return "an empty value" }
            return node.int != nil ? "the number \(s.string)" : "\"\(s.string.prefix(40))\""
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    func fields(_ node: Node, _ what: String) -> Fields? {
        guard case .mapping(let map) = node else {
            error("expected a mapping for \(what), found \(describe(node))", at: node)
            return nil
        }
        return Fields(reader: self, node: node, pairs: Array(map), what: what)
    }

    func list(_ node: Node, _ what: String) -> [Node]? {
        guard case .sequence(let seq) = node else {
            error("expected a list for \(what), found \(describe(node))", at: node)
            return nil
        }
        return Array(seq)
    }

    func string(_ node: Node, _ what: String, allowEmpty: Bool = false) -> String? {
        guard case .scalar(let s) = node, node.null == nil || s.style != .plain || !s.string.isEmpty else {
            error("expected text for \(what), found \(describe(node))", at: node)
            return nil
        }
        if !allowEmpty && s.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            error("\(what) must not be empty", at: node)
            return nil
        }
        return s.string
    }

    /// A list of strings; a single string is taken as a list of one.
    func strings(_ node: Node, _ what: String) -> [String]? {
        if case .scalar = node, let s = string(node, what) { return [s] }
        guard let items = list(node, what) else { return nil }
        return items.compactMap { string($0, "an item of \(what)") }
    }

    func number(_ node: Node, _ what: String) -> Double? {
        if case .scalar = node, let v = node.float, v.isFinite { return v }
        error("expected a number for \(what), found \(describe(node))", at: node)
        return nil
    }

    func integer(_ node: Node, _ what: String) -> Int? {
        if case .scalar = node, let v = node.int { return v }
        error("expected a whole number for \(what), found \(describe(node))", at: node)
        return nil
    }

    func bool(_ node: Node, _ what: String) -> Bool? {
        if case .scalar = node, let v = node.bool { return v }
        error("expected true or false for \(what), found \(describe(node))", at: node)
        return nil
    }

    func oneOf<E: RawRepresentable & CaseIterable>(_ node: Node, _ what: String, _: E.Type) -> E? where E.RawValue == String {
        guard let s = string(node, what) else { return nil }
        if let v = E(rawValue: s) { return v }
        let names = E.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        error("unknown \(what) '\(s)'; expected one of \(names)", at: node)
        return nil
    }

    /// `text`, or `{zh: …, en: …}` with at least one of them.
    func localized(_ node: Node, _ what: String) -> LocalizedText? {
        if case .scalar = node {
            return string(node, what).map { LocalizedText($0) }
        }
        guard let f = fields(node, what) else { return nil }
        let zh = f.optional("zh").flatMap { string($0, "\(what).zh") }
        let en = f.optional("en").flatMap { string($0, "\(what).en") }
        f.finish()
        if zh == nil && en == nil {
            if f.has("zh") || f.has("en") { return nil }
            error("\(what) needs 'zh' or 'en' text", at: node)
            return nil
        }
        return LocalizedText(zh: zh, en: en)
    }

    /// Seconds from `90`, `"90s"`, `"3m"`, `"2m30s"`, `"1h"`.
    func duration(_ node: Node, _ what: String) -> Int? {
        if case .scalar = node, let v = node.int {
            if v < 0 { error("\(what) must not be negative, found \(v)", at: node); return nil }
            return v
        }
        guard let s = string(node, what) else { return nil }
        if let seconds = YAMLReader.parseDuration(s) { return seconds }
        error("expected a duration for \(what) such as 90s, 3m or 2m30s, found \"\(s)\"", at: node)
        return nil
    }

    static func parseDuration(_ text: String) -> Int? {
        var total = 0, current = 0, sawDigit = false, sawUnit = false
        for ch in text.trimmingCharacters(in: .whitespaces) {
            if let d = ch.wholeNumberValue, ch.isASCII {
                current = current * 10 + d
                sawDigit = true
                if current > 10_000_000 { return nil }
            } else {
                guard sawDigit else { return nil }
                switch ch {
                case "h": total += current * 3600
                case "m": total += current * 60
                case "s": total += current
                default: return nil
                }
                current = 0; sawDigit = false; sawUnit = true
            }
        }
        if sawDigit { return sawUnit ? nil : current }
        return sawUnit ? total : nil
    }
}

/// The keys of one mapping. Reading a key marks it used; `finish()` reports the rest as unknown.
final class Fields {
    let reader: YAMLReader
    let node: Node
    var what: String
    private var entries: [(key: String, keyNode: Node, value: Node)] = []
    private var used: Set<String> = []

    init(reader: YAMLReader, node: Node, pairs: [(key: Node, value: Node)], what: String) {
        self.reader = reader
        self.node = node
        self.what = what
        var seen: [String: Node] = [:]
        for (k, v) in pairs {
            guard case .scalar(let s) = k else {
                reader.error("keys in \(what) must be plain text", at: k)
                continue
            }
            if let first = seen[s.string] {
                reader.error("duplicate key '\(s.string)' in \(what) (first at line \(first.mark?.line ?? 0))", at: k)
                continue
            }
            seen[s.string] = k
            entries.append((s.string, k, v))
        }
    }

    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

    func optional(_ key: String) -> Node? {
        used.insert(key)
        return entries.first { $0.key == key }?.value
    }

    func required(_ key: String) -> Node? {
        if let v = optional(key) { return v }
        reader.error("missing required key '\(key)' in \(what)", at: node)
        return nil
    }

    func keyNode(_ key: String) -> Node? { entries.first { $0.key == key }?.keyNode }

    /// Reports every key that was never read, suggesting the closest known key.
    func finish() {
        for e in entries where !used.contains(e.key) {
            var message = "unknown key '\(e.key)' in \(what)"
            if let near = Suggestion.closest(to: e.key, among: used.sorted()) { message += "; did you mean '\(near)'?" }
            reader.error(message, at: e.keyNode)
        }
    }
}
