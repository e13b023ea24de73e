import Foundation
import Testing
@testable import RubricKit

/// `docs/content-format.md` must not drift from the decoder: every complete example in it lints
/// clean and decodes to the kind it claims, every key the decoder reads is documented in a field
/// table, every documented key is one the decoder reads, and the examples together use every key.
@Suite("content format doc")
struct ContentFormatDocTests {
    /// Package root: Tests/RubricKitTests/<this file> is three levels down.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let docPath = root.appendingPathComponent("docs/content-format.md").path
    /// The decoder: every Swift file in this folder (so a file split off the decoder stays covered).
    static let decoderFolder = root.appendingPathComponent("Sources/RubricKit/Loading")
    static let kinds = ["rubric", "scenario", "framework", "categories"]

    static func read(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    static let doc = read(docPath)
    static let examples = DocExample.extract(from: doc)

    @Test func docExistsAndHasAnExampleOfEveryKind() {
        #expect(!Self.doc.isEmpty, "cannot read \(Self.docPath)")
        let kinds = Set(Self.examples.map(\.kind))
        for kind in Self.kinds {
            #expect(kinds.contains(kind), "docs/content-format.md has no `<!-- example: \(kind) -->` block")
        }
        for e in Self.examples {
            #expect(Self.kinds.contains(e.kind), "line \(e.line): unknown example kind '\(e.kind)'")
            #expect(!e.yaml.isEmpty, "line \(e.line): the example marker is not followed by a ```yaml block")
        }
    }

    @Test(arguments: ContentFormatDocTests.examples)
    func exampleLintsCleanAndDecodesToItsKind(_ example: DocExample) {
        let path = "docs/content-format.md(example at line \(example.line))"
        let problems = ContentLoader.lint(text: example.yaml, path: path)
        // Report positions in the doc itself so the author can jump there.
        let shown = problems.map { d -> String in
            let docLine = (d.location?.line ?? 1) + example.line
            return "docs/content-format.md:\(docLine): \(d.severity.rawValue): \(d.message)"
        }
        #expect(problems.isEmpty, "\(shown.joined(separator: "\n"))")
        let (file, _) = ContentLoader.decode(text: example.yaml, path: path)
        let kind: String? = switch file {
        case .rubric?: "rubric"
        case .scenario?: "scenario"
        case .framework?: "framework"
        case .categories?: "categories"
        case nil: nil
        }
        #expect(kind == example.kind, "example at line \(example.line) is marked \(example.kind) but decodes as \(kind ?? "nothing")")
    }

    /// Keys the decoder reads, taken from its source: `.required("x")` and `.optional("x")`.
    static func decoderKeys() -> Set<String> {
        var keys = Set<String>()
        let pattern = /\.(?:required|optional)\("([A-Za-z_][A-Za-z0-9_]*)"\)/
        let files = (try? FileManager.default.contentsOfDirectory(atPath: decoderFolder.path)) ?? []
        for file in files where file.hasSuffix(".swift") {
            let source = read(decoderFolder.appendingPathComponent(file).path)
            for m in source.matches(of: pattern) { keys.insert(String(m.output.1)) }
        }
        return keys
    }

    @Test func decoderSourcesAreReadable() {
        // Guards the two tests below against passing on an empty key set.
        #expect(Self.decoderKeys().isSuperset(of: ["format_version", "concepts", "steps", "categories", "when_missing", "zh", "en"]))
    }

    @Test func everyKeyTheDecoderReadsIsDocumented() {
        let documented = DocTables.keys(in: Self.doc)
        let missing = Self.decoderKeys().subtracting(documented).sorted()
        #expect(missing.isEmpty, "the decoder reads keys that docs/content-format.md has no field-table row for: \(missing)")
    }

    @Test func everyDocumentedKeyIsOneTheDecoderReads() {
        let stale = DocTables.keys(in: Self.doc).subtracting(Self.decoderKeys()).sorted()
        #expect(stale.isEmpty, "docs/content-format.md documents keys the decoder does not read: \(stale)")
    }

    @Test func theExamplesUseEveryKey() {
        let used = Self.examples.reduce(into: Set<String>()) { $0.formUnion(YAMLKeyScanner.keys(in: $1.yaml)) }
        let unused = Self.decoderKeys().subtracting(used).sorted()
        #expect(unused.isEmpty, "no complete example in docs/content-format.md shows these keys: \(unused)")
    }

    /// The documented rubric is a working one: with the documented framework, its graded examples
    /// land in their bands and its must_hit / must_miss snippets hold, as `rubric test` checks.
    @Test func documentedRubricPassesItsOwnTests() throws {
        var rubrics: [Rubric] = []
        var framework: Framework?
        for e in Self.examples {
            switch ContentLoader.decode(text: e.yaml, path: "docs/content-format.md").0 {
            case .rubric(let r)?: rubrics.append(r)
            case .framework(let f)?: framework = f
            default: break
            }
        }
        let f = try #require(framework, "the doc has no framework example")
        #expect(!rubrics.isEmpty)
        #expect(rubrics.allSatisfy { !$0.examples.isEmpty && $0.concepts.contains { !$0.mustHit.isEmpty } })
        let report = RubricTestRunner(scorer: RubricScorer(framework: f)).run(rubrics)
        let failures = report.questions.flatMap { q in
            q.failures.map { "example '\($0.name)': \($0.grade.rawValue) (\($0.score)), expected \($0.expected)" }
                + q.snippetFailures.map { "\($0.concept) \($0.kind) \"\($0.snippet)\": credit \($0.credit)" }
        }
        #expect(report.failureCount == 0, "\(failures.joined(separator: "\n"))")
        #expect(report.exampleCount == rubrics.reduce(0) { $0 + $1.examples.count })
    }

    // The helpers themselves, so a broken extractor cannot make the checks above vacuous.

    @Test func extractorFindsMarkedBlocksOnly() {
        let text = """
        <!-- example: rubric -->
        ```yaml
        a: 1
        ```
        ```yaml
        not: marked
        ```
        <!-- example: scenario -->

        ```yaml
        b: |
          text: inside
        ```
        """
        let found = DocExample.extract(from: text)
        #expect(found.map(\.kind) == ["rubric", "scenario"])
        #expect(found.map(\.yaml) == ["a: 1\n", "b: |\n  text: inside\n"])
        #expect(found.map(\.line) == [2, 10])
    }

    @Test func scannerSkipsBlockScalarsAndReadsFlowMappings() {
        let yaml = """
        id: x
        label: {zh: 甲, en: "a, b"}
        concepts:
          - id: c
            values:
              - {key: acks, value: all}
        standard_answer: |
          acks: all
          not_a_key: here
        tail: 1
        """
        #expect(YAMLKeyScanner.keys(in: yaml) == ["id", "label", "zh", "en", "concepts", "values", "key", "value", "standard_answer", "tail"])
    }

    @Test func tableReaderTakesFirstColumnOfKeyTables() {
        let md = """
        | Key | Type |
        |---|---|
        | `id` | text |
        | `time.total` | duration |
        | `a`, `b` | x |

        | Code | Meaning |
        |---|---|
        | `0` | ok |
        """
        #expect(DocTables.keys(in: md) == ["id", "total", "a", "b"])
    }
}

/// A ```yaml block in the doc preceded by `<!-- example: KIND -->`.
struct DocExample: Sendable, CustomTestStringConvertible {
    var kind: String
    /// The doc line of the opening fence (the YAML's line N is doc line `line + N`).
    var line: Int
    var yaml: String

    var testDescription: String { "\(kind) example at docs/content-format.md:\(line)" }

    static func extract(from doc: String) -> [DocExample] {
        let lines = doc.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [DocExample] = []
        var i = 0
        while i < lines.count {
            let trimmed = lines[i].trimmingCharacters(in: .whitespaces)
            guard let m = trimmed.wholeMatch(of: /<!--\s*example:\s*([A-Za-z-]+)\s*-->/) else { i += 1; continue }
            var example = DocExample(kind: String(m.output.1), line: i + 1, yaml: "")
            var j = i + 1
            while j < lines.count, lines[j].trimmingCharacters(in: .whitespaces).isEmpty { j += 1 }
            if j < lines.count, lines[j].trimmingCharacters(in: .whitespaces) == "```yaml" {
                example.line = j + 1
                var body: [String] = []
                j += 1
                while j < lines.count, lines[j].trimmingCharacters(in: .whitespaces) != "```" {
                    body.append(lines[j]); j += 1
                }
                example.yaml = body.map { $0 + "\n" }.joined()
            }
            out.append(example)
            i = j + 1
        }
        return out
    }
}

/// Mapping keys used in a YAML text, in order of first use: block keys (`key:` at the start of a
/// line or after `- `) and keys inside flow mappings (`{key: …}`), skipping `|`/`>` block scalars.
/// A deliberately small scanner: enough for documentation examples, not a YAML parser.
enum YAMLKeyScanner {
    static func keys(in yaml: String) -> [String] {
        var out: [String] = []
        func add(_ k: Substring) { let s = String(k); if !out.contains(s) { out.append(s) } }
        var blockIndent: Int? = nil
        for raw in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = raw.prefix { $0 == " " }.count
            let line = raw.dropFirst(indent)
            if let b = blockIndent {
                if line.isEmpty || indent > b { continue }
                blockIndent = nil
            }
            if line.hasPrefix("#") { continue }
            var rest = line
            var keyIndent = indent
            while rest.hasPrefix("- ") { rest = rest.dropFirst(2); keyIndent += 2 }
            if let m = rest.prefixMatch(of: /([A-Za-z_][A-Za-z0-9_]*):(?:\s|$)/) {
                add(m.output.1)
                let value = rest[m.range.upperBound...].trimmingCharacters(in: .whitespaces)
                if value.hasPrefix("|") || value.hasPrefix(">") { blockIndent = keyIndent }
            }
            for m in rest.matches(of: /[{,]\s*([A-Za-z_][A-Za-z0-9_]*):\s/) where !isQuoted(m.range.lowerBound, in: rest) {
                add(m.output.1)
            }
        }
        return out
    }

    /// Whether `index` falls inside a double-quoted string on this line.
    private static func isQuoted(_ index: Substring.Index, in line: Substring) -> Bool {
        line[..<index].filter { $0 == "\"" }.count % 2 == 1
    }
}

/// Keys documented in field tables: markdown tables whose header's first cell is `Key`; each row's
/// first cell holds one or more backticked keys, possibly dotted (`time.total` documents `total`).
enum DocTables {
    static func keys(in doc: String) -> Set<String> {
        var keys = Set<String>()
        var inKeyTable = false
        var sawHeader = false
        for raw in doc.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("|") else { inKeyTable = false; sawHeader = false; continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst()
            guard let first = cells.first?.trimmingCharacters(in: .whitespaces) else { continue }
            if !sawHeader {
                sawHeader = true
                inKeyTable = first.lowercased() == "key"
                continue
            }
            guard inKeyTable, !first.hasPrefix("---") else { continue }
            for m in first.matches(of: /`([^`]+)`/) {
                if let last = m.output.1.split(separator: ".").last { keys.insert(String(last)) }
            }
        }
        return keys
    }
}
