import ArgumentParser
import Foundation
import RubricKit

struct RubricExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show every match, check and the arithmetic of a score.",
        discussion: """
        Grades the answer and prints how: every phrase of the rubric found in the answer with its \
        line and column (aliases, value keys, misconception phrases, framework cues, negation \
        cues), which matches a negation cancelled, words matched as typos, every value check \
        (key, value read, expected value), the misconceptions claimed, and the arithmetic from \
        concept credits to the final score and grade. Use it to see why an answer got its grade, \
        or why a rubric's example left its band.

        Examples:
          mockinterview rubric explain go.gmp --answer-file my-answer.txt
          echo "acks=1 就够了" | mockinterview rubric explain mw.kafka-reliability -
          mockinterview rubric explain go.gmp --answer-file a.txt --format json
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The question id.", valueName: "qid")) var question: String
    @Argument(help: ArgumentHelp("'-' to read the answer from stdin.", valueName: "-")) var stdinMarker: String?
    @Option(name: .long, help: ArgumentHelp("Read the answer from this file ('-' for stdin).", valueName: "file"),
            completion: .file())
    var answerFile: String?
    @Option(name: .long, help: ArgumentHelp("Use the rubrics in this folder instead of the content's.", valueName: "dir"),
            completion: .directory)
    var rubrics: String?
    @Option(help: "Output format: text or json.") var format: Format = .text

    /// Checks how the arguments combine. `run` calls it first: as `validate()` it would run before
    /// ArgumentParser reports an unknown option, so a typo (`--qestion`) would get this message instead.
    func checkArguments() throws {
        if let m = stdinMarker, m != "-" { throw ValidationError("unexpected argument '\(m)'; pass the answer with --answer-file FILE or '-' for stdin") }
        if answerFile != nil && stdinMarker != nil { throw ValidationError("give either --answer-file or '-', not both") }
    }

    func run() throws {
        try checkArguments()
        let bank = try global.loadContent()
        let set = try RubricSource.rubrics(folder: rubrics, bank: bank)
        guard let rubric = set.first(where: { $0.id == question }) else {
            Console.shared.error("unknown question '\(question)' (see `mockinterview list`)")
            throw Exit.usage
        }
        let answer = try AnswerInput.read(file: answerFile ?? stdinMarker)
        // Text is for reading: the interface language. JSON keeps the rubric's unless --lang says otherwise.
        let scorer = RubricScorer(framework: bank.framework, language: format == .json ? global.lang : global.language)
        let trace = scorer.explain(answer, compiled: scorer.compile(rubric))
        let console = Console.shared
        if format == .json { console.out(try GradeJSON.pretty(trace)); return }

        console.out(console.style("Matches", .bold) + " (line:column  kind → target  \"answer text\"  [rubric phrase])")
        if trace.matches.isEmpty { console.out("  none") }
        for m in trace.matches {
            var line = "  \(m.line):\(m.column)\t\(m.kind)" + (m.target.map { " → \($0)" } ?? "") + "  \"\(m.text)\""
            if m.pattern.lowercased() != m.text.lowercased() { line += "  [\(m.pattern)]" }
            if let n = m.negatedBy { line += "  " + console.style("negated by \"\(n)\"", .yellow) }
            if !m.typos.isEmpty { line += "  " + console.style("(" + m.typos.joined(separator: "; ") + ")", .dim) }
            console.out(line)
        }
        if !trace.valueChecks.isEmpty {
            console.out("")
            console.out(console.style("Value checks", .bold))
            for v in trace.valueChecks {
                let style: Console.Style = v.verdict == "right" ? .green : v.verdict == "wrong" ? .red : .yellow
                console.out("  \(v.concept): \(v.key) = \(v.observed ?? "(no value)")  expected \(v.expected)  " + console.style(v.verdict, style))
            }
        }
        let g = trace.grade
        console.out("")
        console.out(console.style("Concepts", .bold))
        for c in g.concepts {
            console.out("  \(c.hit ? "✓" : "✗") \(c.id)  weight \(RubricScorer.format(c.weight)) × credit \(RubricScorer.format(c.credit))"
                        + (c.required ? "  required" : "") + (c.note.map { "  (\($0))" } ?? ""))
        }
        if !g.misconceptions.isEmpty {
            console.out("")
            console.out(console.style("Misconceptions", .bold))
            for m in g.misconceptions {
                console.out("  \(m.id)  −\(RubricScorer.format(m.penalty))  \"\(m.evidence.joined(separator: "\" + \""))\"")
            }
        }
        console.out("")
        console.out(console.style("Framework", .bold) + "  steps: "
                    + g.framework.steps.map { "\($0.step.rawValue) \($0.present ? "✓" : "✗")" }.joined(separator: ", ")
                    + "; in order: \(g.framework.inOrder ? "yes" : "no")"
                    + (g.framework.habits.isEmpty ? "" : "; habits: " + g.framework.habits.joined(separator: ", ")))
        console.out("")
        console.out(console.style("Arithmetic", .bold))
        for a in trace.arithmetic { console.out("  " + a) }
        if !g.flags.isEmpty { console.out("  flags: " + g.flags.joined(separator: ", ")) }
    }
}
