import ArgumentParser
import Foundation
import RubricKit

struct RubricImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a Markdown question bank as rubrics and scenarios. 把Markdown题库导入为评分细则和面试场景。",
        discussion: """
        Reads a question bank shaped like the seed document: `##` category headings, `###` question \
        headings, a `**问题**:` line and a `**标准答案**:` section (paragraphs, bullet lists, tables, \
        code blocks). Writes one rubric per question, one scenario per category and a category list:

          DIR/Rubrics/categories.yaml
          DIR/Rubrics/<category>/<question>.yaml
          DIR/Scenarios/<category>.yaml

        Concepts are drafted from the standard answer's structure (bold terms, table cells, list heads, \
        code identifiers, configuration keys with their values), ranked by how distinctive they are \
        across the bank. The output passes `rubric lint`; review it, then add aliases, misconceptions \
        and graded examples by hand. Existing files in DIR are overwritten.

        按题库结构（加粗术语、表格、列表项、代码标识符、配置项及其取值）起草概念，输出可直接通过 `rubric lint`。

        Examples:
          mockinterview rubric import questions.md --out drafts/
          mockinterview rubric lint drafts/
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The Markdown question bank.", completion: .file(extensions: ["md", "txt"]))
    var file: String
    @Option(help: ArgumentHelp("Folder to write Rubrics/ and Scenarios/ into.", valueName: "dir"), completion: .directory)
    var out: String
    @Option(help: "Concepts per rubric, at most (1–40).") var maxConcepts: Int = 12

    /// Checks how the arguments combine. `run` calls it first: as `validate()` it would run before
    /// ArgumentParser reports an unknown option, so a typo (`--qestion`) would get this message instead.
    func checkArguments() throws {
        guard (1...40).contains(maxConcepts) else { throw ValidationError("--max-concepts must be between 1 and 40") }
    }

    func run() throws {
        try checkArguments()
        let console = Console.shared
        guard let data = FileManager.default.contents(atPath: file) else {
            console.error("cannot read \(file)")
            throw Exit.io
        }
        guard let text = String(data: data, encoding: .utf8) else {
            console.error("\(file): not UTF-8 text")
            throw Exit.data
        }
        let bank = MarkdownQuestionBank.parse(text)
        guard bank.questionCount > 0 else {
            console.error("\(file): no questions found; expected `### ` question headings with `**问题**:` and `**标准答案**:` sections")
            throw Exit.data
        }
        let output = QuestionBankImporter(options: .init(conceptLimit: maxConcepts)).importBank(bank)
        let header = "Imported from \(URL(fileURLWithPath: file).lastPathComponent) by `mockinterview rubric import`; review before use."
        var files: [(String, String)] = []
        for r in output.rubrics {
            files.append(("Rubrics/\(r.category)/\(r.id).yaml", ContentYAMLWriter.rubric(r, header: header)))
        }
        files.append(("Rubrics/categories.yaml", ContentYAMLWriter.categories(output.categories)))
        for s in output.scenarios {
            files.append(("Scenarios/\(s.id).yaml", ContentYAMLWriter.scenario(s, header: header)))
        }
        try OutputFolder(root: out).write(files)
        let diagnostics = ContentLoader.lint(paths: [out])
        for d in diagnostics { console.err(d.rendered) }
        console.out("imported \(output.rubrics.count) rubrics and \(output.scenarios.count) scenarios in \(output.categories.count) categories into \(out)")
        console.err("rubric lint: \(diagnostics.errorCount) error(s), \(diagnostics.warningCount) warning(s)")
        if diagnostics.hasErrors { throw Exit.content }
    }
}

/// Writes generated files under a folder, creating subfolders.
struct OutputFolder {
    let root: String

    func write(_ files: [(path: String, text: String)]) throws {
        let fm = FileManager.default
        for (rel, text) in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(rel)
            do {
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                Console.shared.error("cannot write \(url.path): \(error.localizedDescription)")
                throw Exit.io
            }
        }
    }
}
