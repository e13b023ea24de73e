import ArgumentParser
import Foundation
import RubricKit

struct RubricDraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Draft rubrics from a JSONL bank of questions and reference answers. 从题库JSONL起草评分细则。",
        discussion: """
        Each line of the bank is one question:

          {"id": "q1", "question": "…", "reference": "…", "alternatives": ["…"]}

        (`alternatives` is optional: more reference answers). Writes DIR/<category>/<id>.yaml per line. \
        Concepts are the reference's key terms, weighted by how distinctive they are across the whole \
        bank (words of the question itself count less, terms most references share count more). \
        English terms are single words, matched by stem, plus the forms a stem does not join \
        (higher → high, leaves → leaf); Chinese terms come from substrings the bank repeats, without \
        a word segmenter; a term the reference negates ("not connected", 不会丢失) becomes a negated \
        concept. A rubric with more than 12 concepts gets a coverage_target: a good answer names only \
        part of a long reference. The reference answers are kept for the similarity signal. See \
        docs/authoring.md and docs/performance.md for how drafted rubrics track human graders.

        A bad line (invalid JSON, a missing field, an id that is not ASCII, a duplicate id) is reported \
        as `FILE:LINE: error: …` and skipped; the exit status is then 65. Progress goes to stderr when \
        it is a terminal.

        关键词按在整个题库中的区分度加权，题干中已有的词降权；中文无需分词器；参考答案很长（超过12个概念）时设 coverage_target，\
        答出其中一部分即算覆盖完整。坏行会报告行号并跳过（退出码65）。

        Examples:
          mockinterview rubric draft --bank bank.jsonl --out drafts/
          mockinterview grade --batch answers.jsonl --rubrics drafts/
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The JSONL bank.", valueName: "file"), completion: .file(extensions: ["jsonl"]))
    var bank: String
    @Option(help: ArgumentHelp("Folder to write the rubrics into.", valueName: "dir"), completion: .directory)
    var out: String
    @Option(help: "Category id of the drafted rubrics (their subfolder).") var category: String = "drafted"
    @Option(help: "Share of the score given to similarity with the reference answers (0–1).")
    var similarityWeight: Double = RubricDrafter.Options().similarityWeight

    /// Checks how the arguments combine. `run` calls it first: as `validate()` it would run before
    /// ArgumentParser reports an unknown option, so a typo (`--qestion`) would get this message instead.
    func checkArguments() throws {
        guard (0...1).contains(similarityWeight) else { throw ValidationError("--similarity-weight must be between 0 and 1") }
        let ok = !category.isEmpty && category.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)) || "._-".unicodeScalars.contains($0)
        }
        guard ok else { throw ValidationError("--category may hold only ASCII letters, digits, '.', '_' and '-'") }
    }

    func run() throws {
        try checkArguments()
        let console = Console.shared
        guard let data = FileManager.default.contents(atPath: bank) else {
            console.error("cannot read \(bank)")
            throw Exit.io
        }
        let read = BankReader.read(data)
        for e in read.errors {
            console.err("\(bank):\(e.line): " + console.style("error:", .boldRed, err: true) + " \(e.message)")
        }
        let entries = read.entries.map(\.entry)
        let drafter = RubricDrafter(bank: entries, options: .init(category: category, similarityWeight: similarityWeight))
        let folder = OutputFolder(root: out)
        let showProgress = console.stderrIsTerminal
        for (i, entry) in entries.enumerated() {
            let rubric = drafter.draft(entry)
            let header = "Drafted from \(URL(fileURLWithPath: bank).lastPathComponent) by `mockinterview rubric draft`; review before use."
            try folder.write([("\(category)/\(rubric.id).yaml", ContentYAMLWriter.rubric(rubric, header: header))])
            if showProgress && (i % 25 == 0 || i == entries.count - 1) {
                FileHandle.standardError.write(Data("\rdrafting \(i + 1)/\(entries.count)".utf8))
            }
        }
        if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
        var summary = "drafted \(entries.count) rubric(s) into \(out)/\(category)"
        if !read.errors.isEmpty { summary += "; \(read.errors.count) bad line(s) skipped" }
        console.err(summary)
        if !read.errors.isEmpty { throw Exit.data }
    }
}
