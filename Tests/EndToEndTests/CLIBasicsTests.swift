import Foundation
import Testing

@Suite("CLI basics")
struct CLIBasicsTests {
    @Test func versionPrints() throws {
        let r = try BinaryRunner.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test func badFlagIsAUsageError() throws {
        let r = try BinaryRunner.run(["list", "--formt", "json"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--formt"))
    }

    /// A misspelt flag is named even on a command whose other arguments are also incomplete or
    /// missing (ArgumentParser reports a missing argument and `validate()` before unknown options).
    @Test(arguments: [
        (["grade", "--qestion", "go.gmp"], "--qestion"), (["conduct", "--resum", "x"], "--resum"),
        (["history", "--limt", "0"], "--limt"), (["rubric", "explain", "go.gmp", "--answer-fil", "x"], "--answer-fil"),
        (["rubric", "draft", "--bnak", "bank.jsonl", "--out", "drafts"], "--bnak"), (["sheet", "--bogus"], "--bogus"),
    ])
    func misspeltFlagIsNamedBeforeOtherProblems(_ args: [String], _ flag: String) throws {
        let r = try BinaryRunner.run(args)
        #expect(r.status == 64)
        #expect(r.stderr.contains("Unknown option '\(flag)'"), "\(r.stderr)")
        #expect(r.stderr.contains("Usage: mockinterview \(args[0])"), "\(r.stderr)")
    }

    /// A combination a command rejects is a usage error with that command's usage.
    @Test func badCombinationShowsTheCommandsUsage() throws {
        let r = try BinaryRunner.run(["grade", "--batch", "x.jsonl", "--question", "go.gmp"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("Error: --batch grades a file of answers"))
        #expect(r.stderr.contains("Usage: mockinterview grade "))
        #expect(r.stderr.contains("See 'mockinterview grade --help'"))
    }
}
