import Foundation
import Testing
@testable import RubricKit

/// The repository's real content, tested like code: every rubric's graded examples must land in
/// their band, every must_hit / must_miss snippet must behave, and keyword dumps must score below
/// the question's A answers. `mockinterview rubric test` runs the same checks.
@Suite("Content examples")
struct ContentExamplesTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The framework and rubrics under `Rubrics/`.
    static func load() throws -> (Framework, [Rubric]) {
        let dir = root.appendingPathComponent("Rubrics").path
        let files = (FileManager.default.enumerator(atPath: dir)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        var framework: Framework?
        var rubrics: [Rubric] = []
        for rel in files {
            let path = (dir as NSString).appendingPathComponent(rel)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let (file, diagnostics) = ContentLoader.decode(text: text, path: path)
            #expect(!diagnostics.contains { $0.severity == .error }, "\(path) has errors")
            switch file {
            case .framework(let f)?: framework = f
            case .rubric(let r)?: rubrics.append(r)
            default: break
            }
        }
        return (try #require(framework), rubrics)
    }

    @Test func everyExampleAndSnippetPasses() throws {
        let (framework, rubrics) = try Self.load()
        #expect(!rubrics.isEmpty)
        let report = RubricTestRunner(scorer: RubricScorer(framework: framework)).run(rubrics)
        for q in report.questions {
            for f in q.failures {
                Issue.record("\(q.path ?? q.id):\(f.line ?? 0): example '\(f.name)' scored \(f.score) (\(f.grade.rawValue)), expected \(f.expected.joined(separator: "/")); missed \(f.missed.joined(separator: ", ")); \(f.flags.joined(separator: ", "))")
            }
            for s in q.snippetFailures {
                let subject = s.kind.hasSuffix("claim") ? "misconception" : "concept"
                Issue.record("\(q.path ?? q.id):\(s.line ?? 0): \(subject) '\(s.concept)' \(s.kind) \"\(s.snippet)\" failed")
            }
            for r in q.referenceFailures {
                Issue.record("\(q.path ?? q.id):\(r.line ?? 0): misconception '\(r.misconception)' is claimed by the \(r.reference)")
            }
        }
        #expect(report.exampleCount >= rubrics.count)
    }

    @Test func keywordDumpsScoreBelowTheGoodAnswers() throws {
        let (framework, rubrics) = try Self.load()
        let scorer = RubricScorer(framework: framework)
        for r in rubrics {
            let compiled = scorer.compile(r)
            let good = r.examples.filter { $0.expected == [.A] }.map { scorer.grade($0.answer, compiled: compiled).score }
            for dump in r.examples where RubricTestRunner.isKeywordDumpName(dump.name) {
                let g = scorer.grade(dump.answer, compiled: compiled)
                #expect(g.grade <= .C, "\(r.id): keyword dump graded \(g.grade)")
                if let best = good.max() { #expect(g.score < best, "\(r.id): keyword dump \(g.score) ≥ good answer \(best)") }
            }
        }
    }
    /// English phrasings candidates really use, on the shipped rubrics: each credits its concept,
    /// and a correct sentence naming both work stealing and the global queue claims no misconception.
    @Test func englishPhrasingsAreCreditedOnTheShippedRubrics() throws {
        let (framework, rubrics) = try Self.load()
        let scorer = RubricScorer(framework: framework)
        func rubric(_ id: String) throws -> Rubric { try #require(rubrics.first { $0.id == id }) }
        func hit(_ concept: String, _ answer: String, _ r: Rubric) -> Bool {
            scorer.grade(answer, against: r).concepts.first { $0.id == concept }?.hit == true
        }
        let storage = try rubric("k8s.storage")
        #expect(hit("static-provisioning", "A PV is created by an admin or provisioned dynamically.", storage))
        #expect(hit("static-provisioning", "Some PVs are pre-created by the cluster admin.", storage))
        let redis = try rubric("mw.redis-cluster")
        #expect(hit("async-replication-loss", "Redis Cluster does not guarantee strong consistency.", redis))
        let gmp = try rubric("go.gmp")
        let correct = scorer.grade("An idle P checks the global queue, then does work stealing from another P's local queue.", against: gmp)
        #expect(!correct.misconceptions.contains { $0.id == "steal-from-global" })
        let wrong = scorer.grade("Work stealing means the P steals from the global queue.", against: gmp)
        #expect(wrong.misconceptions.contains { $0.id == "steal-from-global" })
    }
    /// Terse real answers on the shipped rubrics are not keyword dumps; a bare list still is.
    @Test func terseAnswersAreNotDumpsButBareListsAre() throws {
        let (framework, rubrics) = try Self.load()
        let scorer = RubricScorer(framework: framework)
        let gmp = try #require(rubrics.first { $0.id == "go.gmp" })
        let dump = scorer.grade("G M P goroutine 本地队列 全局队列 work stealing hand off GOMAXPROCS 抢占 2KB", against: gmp)
        #expect(dump.flags.contains("keyword-dump"))
        #expect(dump.grade <= .C)
        let defs = scorer.grade("G是goroutine，M是系统线程，P是逻辑处理器。M从P的本地队列取G，空了去全局队列", against: gmp)
        #expect(!defs.flags.contains("keyword-dump"))
        let upgrade = try #require(rubrics.first { $0.id == "k8s.upgrade" })
        let chain = scorer.grade("worker分批 drain -> kubeadm upgrade node -> 升级kubelet -> uncordon", against: upgrade)
        #expect(!chain.flags.contains("keyword-dump"))
    }
}
