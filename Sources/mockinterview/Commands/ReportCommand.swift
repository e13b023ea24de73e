import ArgumentParser
import Foundation
import InterviewEngine
import ReportKit
import SessionStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report on a practice or interviewer-led session.",
        discussion: """
        Per question: score and grade, the concepts hit and missed (and who decided: the scorer or the \
        interviewer), misconceptions, the five framework steps, hints and time used, and the transcript. \
        For an interviewer-led session also the step ratings, the notes and the recommendation. The report \
        is in the language the session was held in; --lang changes it.

        Formats: md (default), html (one self-contained, printable page with a chart of the five \
        framework steps and one of the scores per category), json (schema 1, documented in \
        docs/reports.md), csv (one row per question). With --output and no --format, the file's \
        extension decides.

        Examples:
          mockinterview report               the most recent session
          mockinterview report 3f9a          a session by id or unique id prefix
          mockinterview report --last --output report.html
          mockinterview report --last --format json | jq '.summary'
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html, json, csv }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("A session id or a unique prefix of one (default: the most recent session).", valueName: "session"))
    var session: String?

    @Flag(help: "Report on the most recent session (the default without a session id).")
    var last = false

    @Option(help: "Output format: md, html, json or csv (default: from --output's extension, else md).")
    var format: Format?

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"),
            completion: .file())
    var output: String?

    /// Checks how the arguments combine. `run` calls it first: as `validate()` it would run before
    /// ArgumentParser reports an unknown option, so a typo (`--qestion`) would get this message instead.
    func checkArguments() throws {
        if last && session != nil { throw ValidationError("give a session id or --last, not both") }
        if session?.trimmingCharacters(in: .whitespaces).isEmpty == true {
            throw ValidationError("the session id is empty; `mockinterview history` lists the sessions")
        }
    }

    func run() throws {
        try checkArguments()
        let language = global.language
        let store = try SessionStoreAccess.open()
        let record: SessionRecord
        if let session {
            record = try SessionStoreAccess.run { try store.load(id: session) }
        } else {
            guard let latest = try SessionStoreAccess.run({ try store.last() }) else {
                Console.shared.error(language == .zh ? "还没有会话；先运行 `mockinterview practice` 或 `mockinterview conduct`"
                                                     : "there are no sessions yet; run `mockinterview practice` or `mockinterview conduct` first")
                throw Exit.usage
            }
            record = latest
        }
        let (_, content) = ReportOutput.content(global)
        // The report is in the session's language unless --lang asks otherwise.
        let report = SessionReport(record: record, content: content, language: global.lang ?? record.language, generatedAt: Date())
        let text: String
        switch format ?? ReportOutput.format(forOutput: output, allowed: Format.allCases) ?? .md {
        case .md: text = report.markdown(timeZone: .current)
        case .html: text = report.html(timeZone: .current)
        case .json: text = try report.json()
        case .csv: text = report.csv(byteOrderMark: output != nil)
        }
        try ReportOutput.write(text, to: output, language: language)
    }
}
