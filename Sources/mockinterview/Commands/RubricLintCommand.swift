import ArgumentParser
import Foundation
import RubricKit

struct RubricLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check rubrics, scenarios and the framework for errors.",
        discussion: """
        Collects every problem and prints each as `path:line:col: error|warning: message` with the \
        source line and a caret. Exits 1 when there is any error, 0 otherwise (warnings alone pass).

        Examples:
          mockinterview rubric lint                       all content
          mockinterview rubric lint Rubrics/go/go.gmp.yaml
          mockinterview rubric lint drafts/ --format json
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Files or folders to lint (default: all content).", completion: .file(extensions: ["yaml", "yml"]))
    var paths: [String] = []
    @Option(help: "Output format: text or json.") var format: Format = .text

    func run() throws {
        let targets = paths.isEmpty ? [try global.locateContent()] : paths
        let diagnostics: [Diagnostic]
        if paths.isEmpty {
            diagnostics = ContentLoader.load(root: targets[0]).diagnostics
        } else {
            diagnostics = ContentLoader.lint(paths: targets)
        }
        let console = Console.shared
        switch format {
        case .json:
            let report = LintReport(diagnostics: diagnostics)
            console.out(try report.json())
        case .text:
            for d in diagnostics {
                let color: Console.Style = d.severity == .error ? .boldRed : .boldYellow
                var text = d.rendered
                let tag = "\(d.severity.rawValue):"
                if let r = text.range(of: tag) { text.replaceSubrange(r, with: console.style(tag, color)) }
                console.out(text)
            }
            let summary = "\(diagnostics.errorCount) error(s), \(diagnostics.warningCount) warning(s) in \(targets.joined(separator: " "))"
            console.err(summary)
        }
        if diagnostics.hasErrors { throw Exit.content }
    }
}

/// `rubric lint --format json`, schema version 1.
struct LintReport: Codable {
    var schema = 1
    var errors: Int
    var warnings: Int
    var diagnostics: [Diagnostic]

    init(diagnostics: [Diagnostic]) {
        self.errors = diagnostics.errorCount
        self.warnings = diagnostics.warningCount
        self.diagnostics = diagnostics
    }

    func json() throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(self), as: UTF8.self)
    }
}
