import ArgumentParser
import Foundation
import RubricKit

struct RubricTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every rubric's graded examples and must-hit / must-miss snippets through the scorer.",
        discussion: """
        For each question, prints the sample answers whose grade left the expected band (with the \
        score, the expected band and the concepts that decided it), a keyword-dump sample that did \
        not score below the question's A samples, and per concept the must_hit / must_miss snippets \
        that failed. Examples with a human_score also give the agreement between our scores and \
        the human ones (Pearson r, share within one grade band). Exits 1 on any failure.

        Examples:
          mockinterview rubric test                          all content
          mockinterview rubric test Rubrics/go/go.gmp.yaml
          mockinterview rubric test drafts/ --format json
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Rubric files or folders (default: all content).", completion: .file(extensions: ["yaml", "yml"]))
    var paths: [String] = []
    @Option(help: "Output format: text or json.") var format: Format = .text
    @Flag(help: "Also list the examples that passed, with their scores.") var verbose = false

    func run() throws {
        let bank = try global.loadContent()
        let rubrics = paths.isEmpty ? bank.rubrics : try paths.flatMap { try RubricSource.rubrics(folder: $0, bank: bank) }
        let scorer = RubricScorer(framework: bank.framework)
        let report = RubricTestRunner(scorer: scorer).run(rubrics)
        let console = Console.shared
        switch format {
        case .json:
            console.out(try GradeJSON.pretty(report))
        case .text:
            for q in report.questions {
                let ok = q.failures.isEmpty && q.snippetFailures.isEmpty && q.referenceFailures.isEmpty
                let mark = ok ? console.style("✓", .green) : console.style("✗", .red)
                console.out("\(mark) \(q.id)  \(q.passed)/\(q.examples) examples in band"
                            + (q.snippetFailures.isEmpty ? "" : ", \(q.snippetFailures.count) snippet failure(s)")
                            + (q.referenceFailures.isEmpty ? "" : ", \(q.referenceFailures.count) reference failure(s)"))
                if let a = q.agreement { console.out("  agreement with human scores on " + AgreementText.describe(a)) }
                let where_ = q.path ?? q.id
                for f in q.failures {
                    console.out("  \(where_)\(f.line.map { ":\($0)" } ?? ""): " + console.style("error:", .boldRed)
                                + " example '\(f.name)' scored \(RubricScorer.format(f.score)) (\(f.grade.rawValue)), expected \(f.expected.joined(separator: "/"))")
                    if !f.hit.isEmpty || !f.missed.isEmpty {
                        console.out("      hit: \(f.hit.joined(separator: ", "))")
                        console.out("      missed: \(f.missed.joined(separator: ", "))")
                    }
                    let extra = f.misconceptions.map { "misconception \($0)" } + f.caps.map { "cap \($0)" }
                    if !extra.isEmpty { console.out("      " + extra.joined(separator: "; ")) }
                }
                for s in q.snippetFailures {
                    let outcome: String
                    switch s.kind {
                    case "must_hit": outcome = "was not credited"
                    case "must_miss": outcome = "was credited"
                    case "must_claim": outcome = "does not claim it"
                    default: outcome = "claims it"
                    }
                    let subject = s.kind.hasSuffix("claim") ? "misconception" : "concept"
                    console.out("  \(where_)\(s.line.map { ":\($0)" } ?? ""): " + console.style("error:", .boldRed)
                                + " \(subject) '\(s.concept)' \(s.kind) \"\(s.snippet)\" \(outcome)"
                                + (s.note.map { " (\($0))" } ?? ""))
                }
                for r in q.referenceFailures {
                    console.out("  \(where_)\(r.line.map { ":\($0)" } ?? ""): " + console.style("error:", .boldRed)
                                + " misconception '\(r.misconception)' is claimed by the rubric's own \(r.reference)"
                                + " (\(r.evidence.map { "\"\($0)\"" }.joined(separator: ", "))); narrow its phrases")
                }
                if verbose {
                    let compiled = scorer.compile(rubrics.first { $0.id == q.id } ?? rubrics[0])
                    for ex in compiled.rubric.examples {
                        let g = scorer.grade(ex.answer, compiled: compiled)
                        console.out("    \(RubricScorer.format(g.score))\t\(g.grade.rawValue)\t[\(ex.expected.sorted(by: >).map(\.rawValue).joined())]\t\(ex.name)\t\(g.flags.joined(separator: ","))")
                    }
                }
            }
            if let a = report.agreement {
                console.out("agreement with human scores on " + AgreementText.describe(a))
            }
            console.err("\(report.questions.count) question(s), \(report.exampleCount) example(s), \(report.failureCount) failure(s)")
        }
        if report.failureCount > 0 { throw Exit.content }
    }
}

/// `12 example(s): Pearson r 0.912, 83% within one grade band`.
enum AgreementText {
    static func describe(_ a: Agreement) -> String {
        let r = a.pearson.map { String(format: "%.3f", $0) } ?? "n/a (needs two examples whose scores vary)"
        let band = a.withinOneBand.map { "\(Int(($0 * 100).rounded()))%" } ?? "n/a"
        return "\(a.count) example(s): Pearson r \(r), \(band) within one grade band"
    }
}
