import Foundation
import Testing
@testable import RubricKit

/// docs/scoring.md's worked example: the rubric and answer are read from the page itself, graded
/// with the bundled framework, and every figure of its table is compared.
@Suite("Scoring doc")
struct ScoringDocTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The fenced block after `<!-- worked-example:NAME -->`.
    static func block(_ name: String, in doc: String) throws -> String {
        let marker = try #require(doc.range(of: "<!-- worked-example:\(name) -->"))
        let rest = doc[marker.upperBound...]
        let open = try #require(rest.range(of: "```"))
        let bodyStart = try #require(rest[open.upperBound...].firstIndex(of: "\n"))
        let close = try #require(rest[bodyStart...].range(of: "\n```"))
        return String(rest[rest.index(after: bodyStart)..<close.lowerBound])
    }

    static func figures(in doc: String) throws -> [String: String] {
        let marker = try #require(doc.range(of: "<!-- worked-example:figures -->"))
        var out: [String: String] = [:]
        for line in doc[marker.upperBound...].split(separator: "\n").dropFirst(2) {
            guard line.hasPrefix("|") else { break }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if cells.count >= 2 { out[cells[0]] = cells[1] }
        }
        return out
    }

    @Test func workedExampleFiguresMatchTheScorer() throws {
        let doc = try String(contentsOf: Self.root.appendingPathComponent("docs/scoring.md"), encoding: .utf8)
        let (file, diagnostics) = ContentLoader.decode(text: try Self.block("rubric", in: doc), path: "docs/scoring.md")
        #expect(diagnostics.isEmpty)
        guard case .rubric(let rubric)? = file else { Issue.record("the worked example's rubric did not decode"); return }
        let fwText = try String(contentsOf: Self.root.appendingPathComponent("Rubrics/framework.yaml"), encoding: .utf8)
        guard case .framework(let framework)? = ContentLoader.decode(text: fwText, path: "framework.yaml").0 else {
            Issue.record("no framework"); return
        }
        let answer = try Self.block("answer", in: doc)
        let g = RubricScorer(framework: framework).grade(answer, against: rubric)
        let f = try Self.figures(in: doc)
        func number(_ key: String) -> Double? { f[key].flatMap(Double.init) }
        #expect(number("raw coverage") == g.breakdown.rawCoverage)
        #expect(number("shaped coverage") == g.breakdown.coverage)
        #expect(number("structure") == g.breakdown.structure)
        #expect(number("similarity") == g.breakdown.similarity)
        #expect(number("base") == g.breakdown.base)
        #expect(number("penalties") == g.breakdown.penalties)
        #expect(number("score") == g.score)
        #expect(f["grade"] == g.grade.rawValue)
        #expect(g.concepts.first { $0.id == "min-isr" }?.credit == 0)
        #expect(g.feedback.contains { $0.text == "取值有误：min.insync.replicas 写成了 1，正确应为 2。" })
    }
}
