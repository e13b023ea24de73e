import Foundation
import Testing
import RubricKit

/// `docs/question-bank.md` is generated from the content; it must match what the content says now.
/// Re-record with `RECORD_DOCS=1 swift test --filter QuestionBankDoc`.
@Suite("question bank doc")
struct QuestionBankDocTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func docMatchesTheContent() throws {
        let result = ContentLoader.load(root: Self.root.path)
        let bank = try #require(result.bank, "content has errors: \(result.diagnostics.filter { $0.severity == .error }.prefix(3))")
        let generated = QuestionBankCatalog(bank: bank).markdown()
        let doc = Self.root.appendingPathComponent("docs/question-bank.md")
        if ProcessInfo.processInfo.environment["RECORD_DOCS"] == "1" {
            try generated.write(to: doc, atomically: true, encoding: .utf8)
        }
        let current = (try? String(contentsOf: doc, encoding: .utf8)) ?? ""
        #expect(current == generated, "docs/question-bank.md is stale: run `swift run mockinterview rubric catalog > docs/question-bank.md`")
    }
}
