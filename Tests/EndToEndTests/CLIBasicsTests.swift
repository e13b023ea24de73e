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

    /// A misspelt flag is named even on a command whose other arguments are also incomplete
    /// (ArgumentParser checks `validate()` before it reports unknown options, so the commands check
    /// their combinations in `run`).
    @Test(arguments: [["grade", "--qestion", "go.gmp"], ["conduct", "--resum", "x"], ["history", "--limt", "0"],
                      ["rubric", "explain", "go.gmp", "--answer-fil", "x"]])
    func misspeltFlagIsNamedBeforeOtherProblems(_ args: [String]) throws {
        let r = try BinaryRunner.run(args)
        #expect(r.status == 64)
        #expect(r.stderr.contains("Unknown option '\(args[args.count - 2])'"), "\(r.stderr)")
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
