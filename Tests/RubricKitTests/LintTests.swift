import Foundation
import Testing
@testable import RubricKit

/// Each broken fixture gives exactly the diagnostic an author needs: path, line, column, message.
@Suite("rubric lint")
struct LintTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Fixtures/lint-broken").path

    /// Lint one fixture on its own; paths are printed as given.
    func lint(_ name: String) -> [String] {
        ContentLoader.lint(paths: ["\(Self.fixtures)/\(name)"]).map { $0.description.replacingOccurrences(of: Self.fixtures + "/", with: "") }
    }

    @Test func yamlSyntaxError() {
        #expect(lint("syntax-error.yaml") == [
            "syntax-error.yaml:5:16: error: YAML syntax error: did not find expected ',' or '}' (while parsing a flow mapping at 4:11)",
        ])
    }

    @Test func valueOfTheWrongType() {
        #expect(lint("wrong-type.yaml") == [
            "wrong-type.yaml:10:13: error: expected a number for concept 'a' weight, found \"heavy\"",
        ])
    }

    @Test func missingRequiredKey() {
        #expect(lint("missing-key.yaml") == [
            "missing-key.yaml:1:1: error: missing required key 'standard_answer' in the rubric",
        ])
    }

    @Test func unknownKeySuggestsTheRightOne() {
        #expect(lint("unknown-key.yaml") == [
            "unknown-key.yaml:10:5: error: unknown key 'wieght' in concept 'a'; did you mean 'weight'?",
        ])
    }

    @Test func duplicateQuestionIDAcrossFiles() {
        let d = ContentLoader.lint(paths: ["\(Self.fixtures)/duplicate-id-1.yaml", "\(Self.fixtures)/duplicate-id-2.yaml"])
            .map { $0.description.replacingOccurrences(of: Self.fixtures + "/", with: "") }
        #expect(d == [
            "duplicate-id-2.yaml:2:5: error: duplicate question id 't.same' (also defined at duplicate-id-1.yaml:2:5)",
        ])
    }

    @Test func duplicateConceptID() {
        #expect(lint("duplicate-concept.yaml") == [
            "duplicate-concept.yaml:8:5: error: duplicate concept id 'a' (first at line 7)",
        ])
    }

    @Test func scenarioNamingAnUnknownQuestion() {
        let d = ContentLoader.lint(paths: ["\(Self.fixtures)/duplicate-id-1.yaml", "\(Self.fixtures)/scenario-unknown-question.yaml"])
            .map { $0.description.replacingOccurrences(of: Self.fixtures + "/", with: "") }
        #expect(d == [
            "scenario-unknown-question.yaml:5:17: error: scenario 't-scenario' names unknown question 't.no-such-question'",
        ])
    }

    @Test func emptyAlias() {
        #expect(lint("empty-alias.yaml") == [
            "empty-alias.yaml:9:22: error: empty alias in concept 'a'",
        ])
    }

    @Test func aliasClaimedByTwoConceptsIsAWarning() {
        let d = ContentLoader.lint(paths: ["\(Self.fixtures)/shared-alias.yaml"])
        #expect(d.map { $0.description.replacingOccurrences(of: Self.fixtures + "/", with: "") } == [
            "shared-alias.yaml:8:5: warning: alias \"共享\" is claimed by concepts 'a' and 'b'; an answer naming it credits both",
        ])
        #expect(!d.hasErrors)
    }

    @Test func unsupportedFormatVersion() {
        #expect(lint("unsupported-version.yaml") == [
            "unsupported-version.yaml:1:17: error: unsupported format_version 2; this mockinterview reads format_version 1",
        ])
    }

    @Test func aliasBombIsRejected() {
        #expect(lint("alias-bomb.yaml") == [
            "alias-bomb.yaml:1:1: error: the document expands to more than 200000 nodes through YAML aliases (an alias bomb?); content files need no anchors or aliases",
        ])
    }

    /// One run over the folder reports every problem above, and nothing else.
    @Test func oneRunReportsEverything() {
        let all = ContentLoader.lint(paths: [Self.fixtures])
        let files = Set(all.compactMap { $0.location.map { URL(fileURLWithPath: $0.path).lastPathComponent } })
        #expect(files == ["alias-bomb.yaml", "duplicate-concept.yaml", "duplicate-id-2.yaml", "empty-alias.yaml",
                          "missing-key.yaml", "scenario-unknown-question.yaml", "shared-alias.yaml", "syntax-error.yaml",
                          "unknown-key.yaml", "unsupported-version.yaml", "wrong-type.yaml"])
        #expect(all.errorCount == 10)
        #expect(all.warningCount == 1)
    }

    @Test func renderedDiagnosticShowsTheLineAndACaret() {
        let d = ContentLoader.lint(paths: ["\(Self.fixtures)/unknown-key.yaml"])
        #expect(d.first?.rendered.hasSuffix("\n        wieght: 2\n        ^") == true)
    }

    @Test func unknownTopLevelKeyAndSeveralProblemsInOneFileAreAllCollected() {
        let text = """
        format_version: 1
        id: t.many
        category: test
        question: {zh: 问题}
        standard_answer: 答案。
        colour: red
        concepts:
          - {id: a, label: A, aliases: [alpha], step: core, weight: -1}
          - {id: b, label: B, aliases: [beta], step: sideways}
        """
        let d = ContentLoader.lint(text: text, path: "many.yaml").map(\.description)
        #expect(d == [
            "many.yaml:6:1: error: unknown key 'colour' in the rubric",
            "many.yaml:8:61: error: concept 'a' weight must be above 0 and at most 100, found -1",
            "many.yaml:9:46: error: unknown step 'sideways'; expected one of 'confirm', 'core', 'implementation', 'application', 'optimization'",
        ])
    }

    @Test func durationsParse() {
        #expect(YAMLReader.parseDuration("45m") == 2700)
        #expect(YAMLReader.parseDuration("2m30s") == 150)
        #expect(YAMLReader.parseDuration("90") == 90)
        #expect(YAMLReader.parseDuration("1h") == 3600)
        #expect(YAMLReader.parseDuration("m") == nil)
        #expect(YAMLReader.parseDuration("3x") == nil)
        #expect(YAMLReader.parseDuration("3m5") == nil)
    }

    @Test func gradeSpecs() {
        #expect(ContentDecoder.parseGradeSpec("<=C") == [.C, .D, .F])
        #expect(ContentDecoder.parseGradeSpec("B-D") == [.B, .C, .D])
        #expect(ContentDecoder.parseGradeSpec("d-b") == [.B, .C, .D])
        #expect(ContentDecoder.parseGradeSpec(">=B") == [.A, .B])
        #expect(ContentDecoder.parseGradeSpec("E") == nil)
    }
}

@Suite("rubric lint: decoder edge cases")
struct LintEdgeCaseTests {
    @Test func duplicateKeyNamesTheKeyAndItsLine() {
        let text = "format_version: 1\nid: t.a\nid: t.b\ncategory: test\nquestion: 问题\nstandard_answer: 答案\nconcepts:\n  - {id: a, label: A, aliases: [alpha], step: core}\n"
        let d = ContentLoader.lint(text: text, path: "dup.yaml").map(\.description)
        #expect(d == ["dup.yaml:2:1: error: duplicate key 'id' in one mapping; each key may appear only once"])
    }

    @Test func negativeDurationIsAnError() {
        let text = "format_version: 1\nid: s\ntitle: 场景\nquestions: {ids: [a]}\ntime: {total: -5}\n"
        let d = ContentLoader.lint(text: text, path: "neg.yaml").map(\.description)
        #expect(d == ["neg.yaml:5:15: error: time.total must not be negative, found -5"])
    }

    @Test func conceptWithNoAliasOrValueCanNeverBeCredited() {
        let text = "format_version: 1\nid: t.a\ncategory: test\nquestion: 问题\nstandard_answer: 答案\nconcepts:\n  - {id: a, label: A, aliases: [], step: core}\n"
        let d = ContentLoader.lint(text: text, path: "none.yaml").map(\.description)
        #expect(d == ["none.yaml:7:5: error: concept 'a' needs at least one alias or value; it could never be credited"])
    }
}
