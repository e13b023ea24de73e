import Foundation

/// A question bank in the seed document's Markdown shape: `##` category headings, `###` question
/// headings, a `**问题**:` line and a `**标准答案**:` section made of paragraphs, bullet lists, tables
/// and code blocks. Sections without both a question and an answer (a table of contents, tips) are skipped.
public struct MarkdownQuestionBank: Sendable, Equatable {
    public struct Category: Sendable, Equatable {
        public var title: String
        public var line: Int
        public var questions: [Question]
    }

    public struct Question: Sendable, Equatable {
        /// The heading's number (`### 3. …`), if any.
        public var number: Int?
        public var title: String
        public var prompt: String
        public var answer: [Block]
        /// The heading's line in the file.
        public var line: Int
    }

    public enum Block: Sendable, Equatable {
        case paragraph(String)
        /// A list item: its nesting depth (0 = top) and text.
        case bullet(depth: Int, text: String)
        case table(header: [String], rows: [[String]])
        case code(language: String, lines: [String])
    }

    public var categories: [Category]

    public var questionCount: Int { categories.reduce(0) { $0 + $1.questions.count } }

    static let promptLabels = ["问题", "题目", "Question", "question"]
    static let answerLabels = ["标准答案", "参考答案", "答案", "Answer", "Standard answer", "Reference answer"]

    public static func parse(_ text: String) -> MarkdownQuestionBank {
        var categories: [Category] = []
        var current: (title: String, number: Int?, line: Int)?
        var prompt: String?
        var answerLines: [String]?
        var inFence = false

        func finishQuestion() {
            defer { current = nil; prompt = nil; answerLines = nil }
            guard let q = current, let written = prompt, let lines = answerLines else { return }
            // An empty `**问题**:` line asks the heading's question.
            let p = written.isEmpty ? q.title : written
            let blocks = parseBlocks(lines)
            guard !blocks.isEmpty, !p.trimmingCharacters(in: .whitespaces).isEmpty else { return }
            let question = Question(number: q.number, title: q.title, prompt: p, answer: blocks, line: q.line)
            // Markup alone (`**`, an empty table) is no answer.
            guard TextNormalizer.normalize(question.answerText).text.contains(where: { $0 != " " }) else { return }
            if categories.isEmpty { categories.append(Category(title: "Questions", line: q.line, questions: [])) }
            categories[categories.count - 1].questions.append(question)
        }

        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (i, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") { inFence.toggle() }
            if !inFence && !trimmed.hasPrefix("```") {
                if trimmed.hasPrefix("## ") {
                    finishQuestion()
                    categories.append(Category(title: cleanHeading(String(trimmed.dropFirst(3))), line: i + 1, questions: []))
                    continue
                }
                if trimmed.hasPrefix("### ") {
                    finishQuestion()
                    let (n, title) = splitNumber(cleanHeading(String(trimmed.dropFirst(4))))
                    current = (title, n, i + 1)
                    continue
                }
                if trimmed.hasPrefix("# ") || trimmed == "---" {
                    finishQuestion(); continue
                }
                if current != nil, answerLines == nil, let rest = labelled(trimmed, promptLabels) {
                    prompt = rest; continue
                }
                if current != nil, prompt != nil, answerLines == nil, let rest = labelled(trimmed, answerLabels) {
                    answerLines = rest.isEmpty ? [] : [rest]; continue
                }
                if current != nil, answerLines == nil, let p = prompt, !trimmed.isEmpty {
                    prompt = p + trimmed; continue
                }
            }
            answerLines?.append(line)
        }
        finishQuestion()
        return MarkdownQuestionBank(categories: categories.filter { !$0.questions.isEmpty })
    }

    /// The text after `**Label**:` (or `**Label**：`, `**Label:**`), if the line starts so.
    static func labelled(_ line: String, _ labels: [String]) -> String? {
        for label in labels {
            for form in ["**\(label)**:", "**\(label)**：", "**\(label):**", "**\(label)：**", "**\(label)**"] where line.hasPrefix(form) {
                var rest = String(line.dropFirst(form.count))
                if rest.hasPrefix(":") || rest.hasPrefix("：") { rest.removeFirst() }
                return rest.trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// Drops leading emoji and symbols from a heading.
    static func cleanHeading(_ s: String) -> String {
        var scalars = Substring(s).unicodeScalars[...]
        while let f = scalars.first, !(f.properties.isAlphabetic || f.properties.numericType != nil) { scalars = scalars.dropFirst() }
        return String(String.UnicodeScalarView(scalars)).trimmingCharacters(in: .whitespaces)
    }

    /// `3. Title` → (3, "Title").
    static func splitNumber(_ s: String) -> (Int?, String) {
        let digits = s.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return (nil, s) }
        var rest = s.dropFirst(digits.count)
        guard rest.first == "." || rest.first == "、" || rest.first == ")" else { return (nil, s) }
        rest = rest.dropFirst()
        return (Int(digits), rest.trimmingCharacters(in: .whitespaces))
    }

    static func parseBlocks(_ lines: [String]) -> [Block] {
        var blocks: [Block] = []
        var fence: (language: String, lines: [String])?
        var table: [[String]] = []
        func flushTable() {
            guard !table.isEmpty else { return }
            let header = table[0]
            let rows = table.dropFirst().filter { row in !row.allSatisfy { $0.allSatisfy { "-: ".contains($0) } } }
            blocks.append(.table(header: header, rows: Array(rows)))
            table = []
        }
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if var f = fence {
                if trimmed.hasPrefix("```") { blocks.append(.code(language: f.language, lines: f.lines)); fence = nil }
                else { f.lines.append(line); fence = f }
                continue
            }
            if trimmed.hasPrefix("```") {
                flushTable()
                fence = (String(trimmed.dropFirst(3)).trimmingCharacters(in: .whitespaces), [])
                continue
            }
            if trimmed.hasPrefix("|") {
                var cells = trimmed.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                if cells.first == "" { cells.removeFirst() }
                if cells.last == "" { cells.removeLast() }
                table.append(cells)
                continue
            }
            flushTable()
            if trimmed.isEmpty { continue }
            let indent = line.prefix { $0 == " " || $0 == "\t" }.count
            if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.hasPrefix("+ ") {
                blocks.append(.bullet(depth: indent / 2, text: String(trimmed.dropFirst(2)).trimmingCharacters(in: .whitespaces)))
            } else {
                blocks.append(.paragraph(trimmed))
            }
        }
        if let f = fence { blocks.append(.code(language: f.language, lines: f.lines)) }
        flushTable()
        return blocks
    }
}

extension MarkdownQuestionBank.Question {
    /// The answer as plain text: bold markers and code fences dropped, tables as rows of cells.
    public var answerText: String {
        var out: [String] = []
        for b in answer {
            switch b {
            case .paragraph(let t): out.append(MarkdownInline.plain(t))
            case .bullet(let depth, let t): out.append(String(repeating: "  ", count: depth) + "- " + MarkdownInline.plain(t))
            case .table(let header, let rows):
                out.append(header.map(MarkdownInline.plain).joined(separator: " | "))
                for r in rows { out.append(r.map(MarkdownInline.plain).joined(separator: " | ")) }
            case .code(_, let lines):
                let body = lines.map { $0.replacingOccurrences(of: "\t", with: "    ") }
                let minIndent = body.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                    .map { $0.prefix { $0 == " " }.count }.min() ?? 0
                out += body.map { String($0.dropFirst(minIndent)) }.map { l in
                    var s = l; while s.hasSuffix(" ") { s.removeLast() }; return s
                }.filter { !$0.isEmpty }
            }
        }
        return out.joined(separator: "\n")
    }

    /// Paragraphs, list items and the Chinese lines of code blocks (numbered steps, comments);
    /// no tables or code.
    public var proseText: String {
        answer.flatMap { b -> [String] in
            switch b {
            case .paragraph(let t), .bullet(_, let t): return [MarkdownInline.plain(t)]
            case .code(_, let lines):
                return lines.filter { $0.unicodeScalars.contains(where: TextScanner.isHan) }.map {
                    $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "/#0123456789. "))
                }
            case .table: return []
            }
        }.joined(separator: "\n")
    }
}

/// Inline Markdown helpers.
enum MarkdownInline {
    /// Text with `**`, `__` and backticks removed.
    static func plain(_ s: String) -> String {
        s.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "").replacingOccurrences(of: "`", with: "")
    }

    /// The `**bold**` spans of `s`, in order.
    static func boldSpans(_ s: String) -> [String] {
        let parts = s.components(separatedBy: "**")
        guard parts.count >= 3 else { return [] }
        return stride(from: 1, to: parts.count - 1, by: 2).map { parts[$0].trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
