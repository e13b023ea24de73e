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
}
