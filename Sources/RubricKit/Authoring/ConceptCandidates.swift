import Foundation

/// Concept candidates read from the structure of a Markdown standard answer.
enum ConceptCandidates {
    struct Candidate: Sendable, Equatable {
        var label: String
        var aliases: [String]
        var values: [ValueFact]
        var step: FrameworkStep
        /// The line it was found on, to teach it.
        var teach: String
        /// Source priority times distinctiveness.
        var score: Double
        /// Position in the answer.
        var order: Int
    }

    /// Relative trust in each source of candidates.
    enum Source: Double {
        case bold = 2.5, rowHead = 2.2, listHead = 2.0, configValue = 2.1, tableCell = 1.2, identifier = 1.1
    }

    /// Words that name a section of an answer rather than a subject.
    static let sectionWords: [String] = [
        "流程", "机制", "方法", "方式", "阶段", "模式", "原理", "实现", "配置", "策略", "方案", "优势", "优化", "检查",
        "设计", "规划", "实施", "管理", "细节", "指标", "实践", "场景", "特性", "对比", "保证", "类型", "控制", "定义",
        "逻辑", "过程", "步骤", "概念", "作用", "特点", "区别", "结构",
    ]

    static let codeKeywords: Set<String> = [
        "func", "return", "if", "else", "for", "range", "type", "struct", "var", "const", "nil", "err", "error", "true",
        "false", "package", "import", "string", "int", "uint", "bool", "interface", "map", "make", "new", "append",
        "len", "cap", "defer", "go", "select", "case", "default", "break", "continue", "then", "end", "echo", "done",
        "while", "null", "none", "self", "this", "class", "def", "let", "fmt", "println", "printf", "sprintf", "errorf",
        "context", "ctx", "time", "minute", "second", "api", "spec", "metadata", "name", "kind", "namespace", "data",
        "apiversion", "labels", "value", "key", "items", "list", "get", "set", "put", "del", "call", "bin", "sh",
    ]

    static func collect(from q: MarkdownQuestionBank.Question, statistics: TermStatistics) -> [Candidate] {
        var out: [Candidate] = []
        var order = 0
        var section: FrameworkStep = .core
        let prompt = TextNormalizer.normalize(q.prompt).text

        func add(_ label: String, _ source: Source, step: FrameworkStep, teach: String, values: [ValueFact] = []) {
            order += 1
            let aliases = values.isEmpty ? Self.aliases(from: label) : Self.keyAliases(values)
            guard !aliases.isEmpty || !values.isEmpty else { return }
            let d = aliases.map { distinctiveness($0, statistics) }.max() ?? 0
            let inQuestion = aliases.contains { a in
                let n = TextNormalizer.normalize(a).text
                return n.count >= 2 && prompt.contains(n)
            }
            let score = source.rawValue * (0.4 + d) * (inQuestion ? 0.5 : 1)
            let display = MarkdownInline.plain(label).trimmingCharacters(in: .whitespaces)
            if let i = out.firstIndex(where: { $0.label == display }) {
                out[i].score = max(out[i].score, score)
                return
            }
            out.append(Candidate(label: display, aliases: aliases, values: values, step: step,
                                 teach: MarkdownInline.plain(teach), score: score, order: order))
        }

        for block in q.answer {
            switch block {
            case .paragraph(let t):
                if let heading = sectionHeading(t) {
                    section = step(forSection: heading)
                    // A numbered heading names a subject ("1. Pending阶段"); a plain one names a section.
                    let (n, rest) = MarkdownQuestionBank.splitNumber(heading)
                    if n != nil || rest.unicodeScalars.contains(where: { $0.isASCII && $0.properties.isAlphabetic }) {
                        add(rest, .bold, step: section == .core ? .core : section, teach: t)
                    }
                    continue
                }
                for b in MarkdownInline.boldSpans(t) { add(b, .bold, step: section, teach: t) }
            case .bullet(_, let t):
                let bolds = MarkdownInline.boldSpans(t)
                for b in bolds { add(b, .bold, step: section, teach: t) }
                if bolds.isEmpty, let head = listHead(t) { add(head, .listHead, step: section, teach: t) }
            case .table(let header, let rows):
                for row in rows {
                    let line = zip(header, row).map { "\(MarkdownInline.plain($0))：\(MarkdownInline.plain($1))" }.joined(separator: "，")
                    for (i, cell) in row.enumerated() {
                        add(cell, i == 0 ? .rowHead : .tableCell, step: section, teach: line)
                    }
                }
            case .code(_, let lines):
                let codeStep: FrameworkStep = section == .core ? .implementation : section
                for line in lines where !line.unicodeScalars.contains(where: TextScanner.isHan) || configValue(line) != nil {
                    if let (key, value) = configValue(line) {
                        add("\(key): \(value)", .configValue, step: codeStep, teach: line.trimmingCharacters(in: .whitespaces),
                            values: [ValueFact(keys: [key], accepted: [value])])
                    }
                    for ident in identifiers(line) { add(ident, .identifier, step: codeStep, teach: line.trimmingCharacters(in: .whitespaces)) }
                }
            }
        }
        return out
    }

    // MARK: Reading the pieces

    /// `**调度流程**:` alone on a line → `调度流程`.
    static func sectionHeading(_ t: String) -> String? {
        var s = t.trimmingCharacters(in: .whitespaces)
        guard s.hasPrefix("**") else { return nil }
        if s.hasSuffix(":") || s.hasSuffix("：") { s.removeLast() }
        guard s.hasSuffix("**"), s.count > 4 else { return nil }
        let inner = String(s.dropFirst(2).dropLast(2))
        return inner.contains("**") ? nil : inner.trimmingCharacters(in: .whitespaces)
    }

    static func step(forSection s: String) -> FrameworkStep {
        if ["应用", "场景", "实践", "案例", "项目"].contains(where: s.contains) { return .application }
        if ["优化", "优势", "性能", "调优", "最佳", "改进", "高可用", "预防", "对比", "回滚"].contains(where: s.contains) { return .optimization }
        if ["流程", "实现", "原理", "结构", "配置", "步骤", "代码", "逻辑", "机制", "方法", "检测", "计算", "通信", "算法"].contains(where: s.contains) { return .implementation }
        return .core
    }

    /// `X: explanation` → X, when X is short.
    static func listHead(_ t: String) -> String? {
        for sep in ["：", ": "] {
            if let r = t.range(of: sep) {
                let head = String(t[..<r.lowerBound]).trimmingCharacters(in: .whitespaces)
                if !head.isEmpty && head.count <= 16 { return head }
            }
        }
        return nil
    }

    /// `key: value`, `--key=value`, `key=value` with a short scalar value; comments dropped.
    static func configValue(_ raw: String) -> (String, String)? {
        var line = raw
        for marker in [" #", "\t#", " //"] {
            if let r = line.range(of: marker) { line = String(line[..<r.lowerBound]) }
        }
        line = line.trimmingCharacters(in: .whitespaces)
        if line.hasPrefix("- ") { line = String(line.dropFirst(2)) }
        var key = "", value = ""
        if let r = line.range(of: ": ") {
            key = String(line[..<r.lowerBound]); value = String(line[r.upperBound...])
        } else if let r = line.range(of: "="), !line.contains(" ") || line.hasPrefix("sysctl") || line.contains(" -") {
            let before = String(line[..<r.lowerBound])
            key = String(before.split(separator: " ").last ?? "")
            value = String(line[r.upperBound...])
        } else {
            return nil
        }
        while key.hasPrefix("-") { key.removeFirst() }
        key = key.trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
        value = value.trimmingCharacters(in: .whitespaces)
        if value.hasSuffix(",") { value.removeLast() }   // a JSON or Go map entry
        if value.count >= 2, let f = value.first, f == value.last, f == "\"" || f == "'" { value = String(value.dropFirst().dropLast()) }
        guard !key.isEmpty, key.count <= 48, !key.contains(" "), !value.isEmpty, value.count <= 32,
              !value.contains(" "), !"{[|>&*".contains(value.first ?? " ") else { return nil }
        guard key.unicodeScalars.contains(where: { $0.properties.isAlphabetic }),
              !codeKeywords.contains(key.lowercased()) else { return nil }
        guard TextNormalizer.normalize(value).text.trimmingCharacters(in: .whitespaces).isEmpty == false else { return nil }
        return (key, value)
    }

    /// Names in a code line that look like identifiers worth knowing.
    static func identifiers(_ line: String) -> [String] {
        var out: [String] = []
        var current = ""
        func flush() {
            var s = current
            while let l = s.last, ".-/".contains(l) { s.removeLast() }
            current = ""
            guard s.count >= 3, let f = s.first, f.isLetter else { return }
            let lower = s.lowercased()
            if codeKeywords.contains(lower) || s.contains("/") { return }
            let inner = s.dropFirst()
            let shaped = inner.contains(where: { $0.isUppercase }) || s.contains("_") || s.contains(".") || s.contains("-") || s.count >= 5
            if shaped && !out.contains(s) { out.append(s) }
        }
        for ch in line {
            if ch.isASCII && (ch.isLetter || ch.isNumber || "_.-/".contains(ch)) { current.append(ch) } else { flush() }
        }
        flush()
        return out
    }

    // MARK: Aliases

    /// Aliases of a label: its parts split at brackets, slashes and dashes, and the Latin and
    /// Chinese halves of a mixed word. Section words and lone digits are dropped.
    static func aliases(from label: String) -> [String] {
        var text = MarkdownInline.plain(label)
        text = MarkdownQuestionBank.splitNumber(text).1
        // Keep letters, digits, Chinese and name separators; everything else splits.
        var parts: [String] = [text]
        for sep in ["(", ")", "（", "）", " - ", " – ", "/", "、", "+", ",", "，", ":", "：", "|", "→", "->"] {
            parts = parts.flatMap { $0.components(separatedBy: sep) }
        }
        var out: [String] = []
        func consider(_ raw: String) {
            let p = raw.trimmingCharacters(in: .whitespaces)
            let n = TextNormalizer.normalize(p).text.trimmingCharacters(in: .whitespaces)
            guard !n.isEmpty else { return }
            if n.unicodeScalars.allSatisfy({ $0.properties.numericType != nil || $0 == " " }) && n.count < 2 { return }
            if StopWords.chineseGeneric.contains(n) || sectionWords.contains(n) || StopWords.english.contains(n) { return }
            let hanCount = p.unicodeScalars.filter(TextScanner.isHan).count
            if hanCount == 1 && p.unicodeScalars.count == 1 { return }   // 高, 中: too vague alone
            if p.count > 24 { return }
            if !out.contains(p) { out.append(p) }
        }
        let whole = text.trimmingCharacters(in: .whitespaces)
        if parts.count > 1 || whole.count <= 24 { consider(whole) }
        for p in parts {
            consider(p)
            // Mixed script: "Pending阶段" → "Pending"; "Sentinel哨兵模式" → "Sentinel", "哨兵".
            let latin = p.unicodeScalars.filter { !TextScanner.isHan($0) }
            let han = p.unicodeScalars.filter(TextScanner.isHan)
            if !latin.isEmpty && !han.isEmpty {
                let l = String(String.UnicodeScalarView(latin)).trimmingCharacters(in: .whitespaces)
                if l.count >= 2 { consider(l) }
                var h = String(String.UnicodeScalarView(han))
                for w in sectionWords where h.hasSuffix(w) && h.count > w.count { h = String(h.dropLast(w.count)) }
                if h.count >= 2 { consider(h) }
            }
        }
        // A single capital letter names a role only beside its long name ("G (Goroutine)").
        if out.count == 1, let only = out.first, only.count == 1 { return [] }
        return out
    }

    static func keyAliases(_ values: [ValueFact]) -> [String] {
        values.flatMap(\.keys)
    }

    /// 0–1: mean inverse document frequency of an alias's words and Chinese pieces, over the
    /// largest possible.
    static func distinctiveness(_ alias: String, _ stats: TermStatistics) -> Double {
        var idfs: [Double] = []
        for piece in TextScanner.pieces(alias) {
            switch piece {
            case .word(let w): idfs.append(stats.idf(TermStatistics.wordKey(w)))
            case .han(let h):
                let chars = Array(h)
                if chars.count <= TermStatistics.maxHanLength && chars.count >= 2 { idfs.append(stats.idf(h)) }
                else if chars.count > TermStatistics.maxHanLength {
                    let grams = (0..<(chars.count - 1)).map { stats.idf(String(chars[$0...($0 + 1)])) }
                    idfs.append(grams.reduce(0, +) / Double(grams.count))
                } else { idfs.append(stats.idf(h)) }
            case .breakMark: break
            }
        }
        guard !idfs.isEmpty else { return 0 }
        let top = log(1 + Double(max(stats.documentCount, 1)))
        return min(1, idfs.reduce(0, +) / Double(idfs.count) / top)
    }
}
