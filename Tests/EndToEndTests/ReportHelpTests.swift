import Foundation
import Testing

/// `--help` is read in 80-column terminals and copied from: an example that wraps cannot be pasted.
@Suite("help examples fit the terminal")
struct ReportHelpTests {
    @Test(arguments: ["practice", "history", "conduct", "sheet", "report", "stats", "list"])
    func everyExampleLineFitsEightyColumns(command: String) throws {
        let help = try BinaryRunner.run([command, "--help"], environment: ["COLUMNS": "80"])
        #expect(help.status == 0)
        let lines = help.stdout.components(separatedBy: "\n")
        let examples = lines.drop { $0 != "Examples:" }.dropFirst().prefix { !$0.hasPrefix("USAGE:") }
        #expect(!examples.isEmpty, "no Examples section in `\(command) --help`")
        for line in examples where !line.isEmpty {
            #expect(line.hasPrefix("  "), "`\(command) --help`: an example wrapped onto '\(line)'")
        }
    }
}
