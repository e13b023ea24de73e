import ArgumentParser
import Foundation

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List past sessions, newest first.",
        discussion: """
        One line per session: its id (any unique prefix works with `report`), date, scenario, kind, mode, \
        questions answered, average grade and status. Sessions live in $MOCKINTERVIEW_HOME/sessions.sqlite.

        Examples:
          mockinterview history
          mockinterview history --limit 5
          mockinterview history --format json | jq '.sessions[].id'
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var global: GlobalOptions
    @Option(help: "Output format: text or json (schema 1).") var format: Format = .text
    @Option(help: ArgumentHelp("Show only the newest n sessions.", valueName: "n")) var limit: Int?

    /// Checks how the arguments combine. `run` calls it first: as `validate()` it would run before
    /// ArgumentParser reports an unknown option, so a typo (`--qestion`) would get this message instead.
    func checkArguments() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") }
    }

    func run() throws {
        try checkArguments()
        let store = try SessionStoreAccess.open()
        let listing = HistoryListing(records: try SessionStoreAccess.run { try store.list(limit: limit) })
        switch format {
        case .text: Console.shared.out(listing.text(Localizer(language: global.language)))
        case .json: Console.shared.out(try listing.json())
        }
    }
}
