import Foundation
import Testing

@Suite("CLI: rubric import and rubric draft")
struct AuthoringCommandsTests {
    @Test func importOfTheSeedGivesLintCleanRubricsAndScenarios() throws {
        let seed = BinaryRunner.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seed/000_c21af66e00671e62.txt")
        guard FileManager.default.fileExists(atPath: seed.path) else { return }   // the seed lives beside the repo
        let dir = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try BinaryRunner.run(["rubric", "import", seed.path, "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("imported 21 rubrics and 5 scenarios"))
        let lint = try BinaryRunner.run(["rubric", "lint", dir.path])
        #expect(lint.status == 0)
        #expect(lint.stderr.contains("0 error(s), 0 warning(s)"))
        let rubrics = FileManager.default.enumerator(atPath: dir.appendingPathComponent("Rubrics").path)?
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") && $0 != "categories.yaml" } ?? []
        #expect(rubrics.count == 21)
    }

    @Test func draftReportsBadLinesAndExits65() throws {
        let dir = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bank = dir.appendingPathComponent("bank.jsonl")
        try Data("""
        {"id": "q1", "question": "What is a stack?", "reference": "A last-in first-out collection."}
        {"id": "q2", "question": "What is a queue?"
        {"id": "q3", "question": "什么是幂等性？", "reference": "同一操作执行多次与执行一次效果相同。"}

        """.utf8).write(to: bank)
        let out = dir.appendingPathComponent("drafts")
        let r = try BinaryRunner.run(["rubric", "draft", "--bank", bank.path, "--out", out.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(bank.path):2: error: invalid JSON"))
        #expect(r.stderr.contains("drafted 2 rubric(s)"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("drafted/q1.yaml").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("drafted/q3.yaml").path))
        let lint = try BinaryRunner.run(["rubric", "lint", out.path])
        #expect(lint.status == 0, "\(lint.stdout)")
    }

    @Test func importWithoutQuestionsIsBadData() throws {
        let dir = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let md = dir.appendingPathComponent("empty.md")
        try Data("# Nothing here\n\nJust prose.\n".utf8).write(to: md)
        let r = try BinaryRunner.run(["rubric", "import", md.path, "--out", dir.appendingPathComponent("o").path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("no questions found"))
    }

    @Test func rubricTestReportsAgreementWithHumanScores() throws {
        let dir = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("drafted")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("""
        format_version: 1
        id: stack
        category: drafted
        language: en
        question: {en: What is a stack?}
        standard_answer: A last-in first-out collection; push adds an item on top and pop removes the top item.
        concepts:
          - {id: lifo, label: {en: last in first out}, aliases: [last in first out, lifo], step: core}
          - {id: push, label: {en: push}, aliases: [push], step: core}
          - {id: pop, label: {en: pop}, aliases: [pop], step: core}
        examples:
          - {name: full, grade: ">=C", human_score: 95, answer: "A stack is last in first out; push puts an item on top and pop takes the top item off."}
          - {name: none, grade: F, human_score: 5, answer: "It is a kind of list."}

        """.utf8).write(to: folder.appendingPathComponent("stack.yaml"))
        let r = try BinaryRunner.run(["rubric", "test", dir.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("  agreement with human scores on 2 example(s): Pearson r 1.000, 100% within one grade band"))
    }
}
