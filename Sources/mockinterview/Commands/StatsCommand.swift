import ArgumentParser
import Foundation
import ReportKit

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Progress across sessions.",
        discussion: """
        Over every practice session with a graded question (--kind conducted for the interviews you \
        ran, --kind all for both): the score trend per \
        category (one point per session), the concepts most often missed, the framework steps most often \
        absent, and the time used per question against its budget.

        `mockinterview practice --review` turns the most-missed concepts into a practice session.

        Formats: text (default), json (schema 1, see docs/reports.md), html (a self-contained page with \
        a trend chart and a chart of the steps most often absent).

        Examples:
          mockinterview stats
          mockinterview stats --format html --output progress.html
          mockinterview stats --format json | jq '.missedConcepts[:3]'
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, html }
    enum Kind: String, ExpressibleByArgument, CaseIterable { case practice, conducted, all }

    @OptionGroup var global: GlobalOptions

    @Option(help: "Output format: text, json or html (default: from --output's extension, else text).")
    var format: Format?

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"),
            completion: .file())
    var output: String?

    @Option(help: "Which sessions: practice (your own, the default), conducted (interviews you ran) or all.")
    var kind: Kind = .practice

    @Option(help: ArgumentHelp("How many of the most-missed concepts to list.", valueName: "n"))
    var top: Int = 10

    /// Checks how the arguments combine. `run` calls it first: as `validate()` it would run before
    /// ArgumentParser reports an unknown option, so a typo (`--qestion`) would get this message instead.
    func checkArguments() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        try checkArguments()
        let store = try SessionStoreAccess.open()
        let records = try SessionStoreAccess.run { try store.list() }.filter {
            switch kind {
            case .practice: return $0.kind == .practice
            case .conducted: return $0.kind == .conducted
            case .all: return true
            }
        }
        let (_, content) = ReportOutput.content(global)
        let stats = ProgressStats(records: records, content: content, language: global.language, generatedAt: Date(), topConcepts: top)
        let text: String
        switch format ?? ReportOutput.format(forOutput: output, allowed: Format.allCases) ?? .text {
        case .text where stats.sessions == 0 && kind == .conducted:
            text = Localizer(language: global.language)("还没有已评分的面试；用 `mockinterview conduct SCENARIO --candidate NAME` 主持一次。\n",
                                                       "No graded interviews yet; run one with `mockinterview conduct SCENARIO --candidate NAME`.\n")
        case .text: text = stats.text(timeZone: .current)
        case .json: text = try stats.json()
        case .html: text = stats.html(timeZone: .current)
        }
        try ReportOutput.write(text, to: output, language: global.language)
    }
}
