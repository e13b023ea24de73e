import Foundation

/// The result of reading content: what could be read, and every problem found.
public struct LoadResult: Sendable {
    public var bank: ContentBank?
    public var diagnostics: [Diagnostic]
}

/// Reads content folders and files from disk and checks references across files.
public enum ContentLoader {
    /// Loads the content under `root` (`Rubrics/` and `Scenarios/`). The bank is nil when any
    /// error was found.
    public static func load(root: String) -> LoadResult {
        let files = ["Rubrics", "Scenarios"].flatMap { yamlFiles(under: root == "." ? $0 : (root as NSString).appendingPathComponent($0)) }
        let (decoded, fileDiagnostics) = decodeAll(files)
        var diagnostics = fileDiagnostics
        diagnostics += crossCheck(decoded, requireFramework: true)
        let frameworks = decoded.compactMap { if case .framework(let f) = $0.file { f } else { nil } }
        guard !diagnostics.hasErrors, let framework = frameworks.first else {
            return LoadResult(bank: nil, diagnostics: diagnostics.sortedForDisplay())
        }
        let bank = ContentBank(
            root: root,
            rubrics: decoded.compactMap { if case .rubric(let r) = $0.file { r } else { nil } },
            scenarios: decoded.compactMap { if case .scenario(let s) = $0.file { s } else { nil } },
            framework: framework,
            categories: decoded.flatMap { d -> [CategoryEntry] in
                if case .categories(let c) = d.file { return c } else { return [] }
            })
        return LoadResult(bank: bank, diagnostics: diagnostics.sortedForDisplay())
    }

    /// Lints `paths` (files or folders) as one set: each file on its own, then references across
    /// the set (question ids only when the set holds rubrics, categories only when it holds them).
    public static func lint(paths: [String]) -> [Diagnostic] {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        for p in paths {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: p, isDirectory: &isDir) {
                files += isDir.boolValue ? yamlFiles(under: p) : [p]
            } else {
                diagnostics.append(.error("no such file or folder: \(p)"))
            }
        }
        let (decoded, fileDiagnostics) = decodeAll(files)
        diagnostics += fileDiagnostics
        diagnostics += crossCheck(decoded, requireFramework: false)
        return diagnostics.sortedForDisplay()
    }

    /// Lints one text as if read from `path` (tests and editors).
    public static func lint(text: String, path: String) -> [Diagnostic] {
        let (_, _, d) = ContentDecoder.decode(path: path, text: text)
        return d.sortedForDisplay()
    }

    /// Decodes one text into a content file.
    public static func decode(text: String, path: String) -> (ContentFile?, [Diagnostic]) {
        let (f, _, d) = ContentDecoder.decode(path: path, text: text)
        return (f, d)
    }

    // MARK: -

    struct Decoded {
        var path: String
        var file: ContentFile?
        var refs: References
    }

    /// Every `.yaml`/`.yml` file under `root`, sorted, skipping hidden folders.
    static func yamlFiles(under root: String) -> [String] {
        let fm = FileManager.default
        guard let e = fm.enumerator(atPath: root) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String {
            let name = (rel as NSString).lastPathComponent
            if name.hasPrefix(".") { e.skipDescendants(); continue }
            if rel.hasSuffix(".yaml") || rel.hasSuffix(".yml") {
                out.append(root == "." ? rel : (root as NSString).appendingPathComponent(rel))
            }
        }
        return out.sorted()
    }

    static func decodeAll(_ files: [String]) -> ([Decoded], [Diagnostic]) {
        var decoded: [Decoded] = []
        var diagnostics: [Diagnostic] = []
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                diagnostics.append(.error("cannot read \(path)"))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(.error("not UTF-8 text", at: SourceLocation(path: path, line: 1, column: 1)))
                continue
            }
            let (file, refs, d) = ContentDecoder.decode(path: path, text: text)
            diagnostics += d
            decoded.append(Decoded(path: path, file: file, refs: refs))
        }
        return (decoded, diagnostics)
    }

    static func crossCheck(_ decoded: [Decoded], requireFramework: Bool) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func diag(_ sev: Diagnostic.Severity, _ msg: String, _ loc: SourceLocation?) {
            out.append(Diagnostic(sev, msg, at: loc, sourceLine: loc.flatMap { sourceLine(path: $0.path, line: $0.line) }))
        }
        // Question ids: unique across files.
        var questionAt: [String: SourceLocation] = [:]
        var rubricCategory: [String: String] = [:]
        var hasRubrics = false
        for d in decoded {
            guard case .rubric(let r)? = d.file else { continue }
            hasRubrics = true
            let loc = d.refs.idLocation
            if let first = questionAt[r.id] {
                diag(.error, "duplicate question id '\(r.id)' (also defined at \(first.description))", loc)
            } else if let loc {
                questionAt[r.id] = loc
            }
            rubricCategory[r.id] = r.category
            let folder = ((d.path as NSString).deletingLastPathComponent as NSString).lastPathComponent
            let inRubricsTree = d.path.hasPrefix("Rubrics/") || d.path.contains("/Rubrics/")
            if inRubricsTree && folder != r.category && folder != "Rubrics" {
                diag(.warning, "rubric '\(r.id)' of category '\(r.category)' lives in folder '\(folder)'; put it in Rubrics/\(r.category)/", loc)
            }
        }
        // Categories.
        let entries = decoded.flatMap { d -> [(CategoryEntry, String)] in
            if case .categories(let c)? = d.file { return c.map { ($0, d.path) } } else { return [] }
        }
        let knownCategories = Set(entries.map(\.0.category.id))
        let checkCategories = !entries.isEmpty
        if checkCategories {
            for d in decoded {
                guard case .rubric(let r)? = d.file, !knownCategories.contains(r.category) else { continue }
                let loc = d.refs.categoryIDs.first?.at
                diag(.error, "rubric '\(r.id)' names unknown category '\(r.category)'", loc)
            }
            for d in decoded where hasRubrics {
                for (q, loc) in d.refs.listedQuestions where questionAt[q] == nil {
                    diag(.error, "the category list names unknown question '\(q)'", loc)
                }
            }
            let listed = Set(entries.flatMap(\.0.questions))
            for (q, loc) in questionAt.sorted(by: { $0.key < $1.key }) where !listed.contains(q) {
                diag(.warning, "question '\(q)' is not listed in its category's questions, so it sorts last", loc)
            }
        }
        // Scenarios.
        for d in decoded {
            guard case .scenario(let s)? = d.file else { continue }
            if hasRubrics {
                for (q, loc) in d.refs.questionIDs where questionAt[q] == nil {
                    var msg = "scenario '\(s.id)' names unknown question '\(q)'"
                    if let near = Suggestion.closest(to: q, among: questionAt.keys.sorted()) { msg += "; did you mean '\(near)'?" }
                    diag(.error, msg, loc)
                }
            }
            let categories = knownCategories.union(rubricCategory.values)
            if checkCategories || hasRubrics {
                for (c, loc) in d.refs.categoryIDs where !categories.contains(c) {
                    diag(.error, "scenario '\(s.id)' names unknown category '\(c)'", loc)
                }
            }
            if let n = s.selection.random, hasRubrics {
                let poolSize = s.selection.ids.isEmpty && s.selection.categories.isEmpty
                    ? questionAt.count
                    : s.selection.ids.count + rubricCategory.values.filter { s.selection.categories.contains($0) }.count
                if n > poolSize { diag(.warning, "scenario '\(s.id)' draws \(n) questions from a pool of \(poolSize)", d.refs.idLocation) }
            }
            // Budgets should add up when the questions are known.
            if hasRubrics, s.selection.random == nil {
                let ids = s.selection.ids + rubricCategory.filter { s.selection.categories.contains($0.value) }.map(\.key).sorted()
                let sum = ids.reduce(0) { $0 + s.budget(for: $1, questionCount: ids.count) }
                if !ids.isEmpty && (s.perQuestionSeconds != nil || !s.overrides.isEmpty) && sum != s.totalSeconds {
                    diag(.warning, "scenario '\(s.id)': per-question budgets add up to \(sum)s but time.total is \(s.totalSeconds)s", d.refs.idLocation)
                }
            }
        }
        if requireFramework {
            let count = decoded.filter { if case .framework? = $0.file { true } else { false } }.count
            if count == 0 && !decoded.contains(where: { $0.file == nil }) {
                out.append(.error("no framework file (Rubrics/framework.yaml) found"))
            } else if count > 1 {
                out.append(.error("more than one framework file"))
            }
        }
        return out
    }

    static func sourceLine(path: String, line: Int) -> String? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return line >= 1 && line <= lines.count ? String(lines[line - 1]) : nil
    }
}
