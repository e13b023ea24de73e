import ArgumentParser
import Foundation
import RubricKit

struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade an answer against a question's rubric.",
        discussion: """
        One answer: the text form shows the answer with the matched phrases highlighted, the \
        concept checklist, the five framework steps and the feedback; --format json prints the \
        versioned machine form (schema 1, sorted keys: the same input gives the same bytes).

        A batch: each input line is {"id": "...", "question": "QID", "answer": "..."}; each output \
        line is the grade in JSON with the id, in input order. A bad line (invalid JSON or UTF-8, \
        a missing field, an unknown question) gives {"id", "line", "error"} in its place and \
        FILE:LINE: error: … on stderr; the other lines are still graded and the exit code is 65. \
        Blank lines are skipped. Progress goes to stderr when it is a terminal.

        How the score is made: docs/scoring.md.

        Examples:
          mockinterview grade --question go.gmp --answer-file my-answer.txt
          echo "G是goroutine，M是内核线程……" | mockinterview grade --question go.gmp -
          mockinterview grade --question go.gmp --answer-file a.txt --format json
          mockinterview grade --batch answers.jsonl > grades.jsonl
          mockinterview grade --batch answers.jsonl --rubrics drafts/
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl }

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The question id (see `mockinterview list`).", valueName: "qid"))
    var question: String?

    @Option(name: .long, help: ArgumentHelp("Read the answer from this file ('-' for stdin).", valueName: "file"),
            completion: .file())
    var answerFile: String?

    @Argument(help: ArgumentHelp("'-' to read the answer from stdin.", valueName: "-"))
    var stdinMarker: String?

    @Option(name: .long, help: ArgumentHelp("Grade a JSON Lines file of answers.", valueName: "file.jsonl"),
            completion: .file(extensions: ["jsonl"]))
    var batch: String?

    @Option(name: .long, help: ArgumentHelp("Grade against the rubrics in this folder instead of the content's (with --batch or --question).", valueName: "dir"),
            completion: .directory)
    var rubrics: String?

    @Option(help: "Output format: text or json for one answer; jsonl (default) for a batch.")
    var format: Format?

    /// Checks how the arguments combine. `run` calls it first: as `validate()` it would run before
    /// ArgumentParser reports an unknown option, so a typo (`--qestion`) would get this message instead.
    func checkArguments() throws {
        if batch != nil {
            if question != nil || answerFile != nil || stdinMarker != nil {
                throw ValidationError("--batch grades a file of answers; do not combine it with --question, --answer-file or '-'")
            }
            if let f = format, f != .jsonl { throw ValidationError("--batch writes JSON Lines; use --format jsonl or leave --format out") }
        } else {
            guard question != nil else { throw ValidationError("give --question QID (with --answer-file FILE or '-'), or --batch FILE.jsonl") }
            if let m = stdinMarker, m != "-" { throw ValidationError("unexpected argument '\(m)'; pass the answer with --answer-file FILE or '-' for stdin") }
            if answerFile != nil && stdinMarker != nil { throw ValidationError("give either --answer-file or '-', not both") }
            if format == .jsonl { throw ValidationError("--format jsonl is for --batch; use text or json") }
        }
    }

    func run() throws {
        try checkArguments()
        let bank = try global.loadContent()
        let rubricSet = try RubricSource.rubrics(folder: rubrics, bank: bank)
        // Text is for reading: the interface language. JSON keeps the rubric's unless --lang says otherwise.
        let scorer = RubricScorer(framework: bank.framework, language: batch == nil && (format ?? .text) == .text ? global.language : global.lang)
        if let batch { try runBatch(batch, scorer: scorer, rubrics: rubricSet); return }
        guard let qid = question else { throw Exit.usage }
        guard let rubric = rubricSet.first(where: { $0.id == qid }) else {
            var message = "unknown question '\(qid)'"
            if let near = Suggestion.closest(to: qid, among: rubricSet.map(\.id)) {
                message += "; did you mean '\(near)'?"
            }
            Console.shared.error(message + " (see `mockinterview list`)")
            throw Exit.usage
        }
        let answer = try AnswerInput.read(file: answerFile ?? stdinMarker)
        let compiled = scorer.compile(rubric)
        let trace = scorer.explain(answer, compiled: compiled)
        switch format ?? .text {
        case .json, .jsonl:
            Console.shared.out(try GradeJSON.pretty(trace.grade))
        case .text:
            let text = GradeTextRenderer(console: .shared, language: global.language).render(answer: answer, rubric: rubric,
                                                                                  trace: trace, framework: bank.framework)
            Console.shared.out(Console.shared.fitted(text))
        }
    }

    private func runBatch(_ path: String, scorer: RubricScorer, rubrics: [Rubric]) throws {
        guard let data = (path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)) else {
            Console.shared.error("cannot read \(path)")
            throw Exit.io
        }
        let grader = BatchGrader(scorer: scorer, rubrics: rubrics)
        let console = Console.shared
        let showProgress = console.stderrIsTerminal
        var failed = 0
        // Lines are written into one reused byte buffer, flushed every 64 KB.
        var writer = GradeJSONWriter(capacity: 1 << 17)
        let outcomes = grader.grade(data) { done, total in
            if showProgress && (done % 100 == 0 || done == total) {
                FileHandle.standardError.write(Data("\rgrading \(done)/\(total)…".utf8))
                if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
            }
        }
        for outcome in outcomes {
            switch outcome {
            case .graded(let g):
                grader.write(g, to: &writer)
            case .failed(let e):
                failed += 1
                writer.write(e)
                console.err("\(path):\(e.line): " + console.style("error:", .boldRed, err: true) + " \(e.error)")
            }
            writer.newline()
            if writer.count > 1 << 16 { console.out(bytes: writer.bytes); writer.removeAll() }
        }
        console.out(bytes: writer.bytes)
        if failed > 0 {
            console.err("\(failed) of \(outcomes.count) line(s) failed")
            throw Exit.data
        }
    }
}

/// Reads an answer from a file or stdin, as UTF-8.
enum AnswerInput {
    static func read(file: String?) throws -> String {
        let data: Data
        if file == nil || file == "-" {
            if file == nil && isatty(STDIN_FILENO) == 1 {
                Console.shared.err("Type or paste the answer, then press Ctrl-D:")
            }
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else if let path = file {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                Console.shared.error("no such answer file: \(path)")
                throw Exit.io
            }
            guard !isDir.boolValue else {
                Console.shared.error("the answer file \(path) is a folder; give a text file, or '-' to read stdin")
                throw Exit.io
            }
            // A FileHandle reads devices and pipes too (`--answer-file /dev/stdin`, `<(…)`).
            guard let handle = FileHandle(forReadingAtPath: path), let d = try? handle.readToEnd() ?? Data() else {
                Console.shared.error("cannot read the answer file \(path) (permission denied?)")
                throw Exit.io
            }
            data = d
        } else {
            data = Data()
        }
        guard let text = String(data: data, encoding: .utf8) else {
            Console.shared.error("the answer \(file.map { "in \($0) " } ?? "")is not valid UTF-8")
            throw Exit.data
        }
        return text
    }
}

/// The rubrics to grade against: the content's, or those in `--rubrics DIR`.
enum RubricSource {
    static func rubrics(folder: String?, bank: ContentBank) throws -> [Rubric] {
        guard let folder else { return bank.rubrics }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDir) else {
            Console.shared.error("--rubrics: no such folder: \(folder)")
            throw Exit.usage
        }
        var files: [String] = []
        if isDir.boolValue {
            let e = FileManager.default.enumerator(atPath: folder)
            while let rel = e?.nextObject() as? String {
                if (rel as NSString).lastPathComponent.hasPrefix(".") { e?.skipDescendants(); continue }
                if rel.hasSuffix(".yaml") || rel.hasSuffix(".yml") { files.append((folder as NSString).appendingPathComponent(rel)) }
            }
        } else {
            files = [folder]
        }
        var out: [Rubric] = []
        var errors = 0
        for path in files.sorted() {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                Console.shared.error("cannot read \(path) as UTF-8")
                errors += 1
                continue
            }
            let (file, diagnostics) = ContentLoader.decode(text: text, path: path)
            for d in diagnostics where d.severity == .error { Console.shared.err(d.rendered); errors += 1 }
            if case .rubric(let r)? = file { out.append(r) }
        }
        if errors > 0 {
            Console.shared.error("\(errors) error(s) in the rubrics in \(folder); run `mockinterview rubric lint \(folder)`")
            throw Exit.content
        }
        if out.isEmpty {
            Console.shared.error("no rubrics found in \(folder)")
            throw Exit.content
        }
        return out
    }
}
