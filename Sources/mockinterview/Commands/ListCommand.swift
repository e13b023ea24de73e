import ArgumentParser
import Foundation
import RubricKit

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the scenarios and the questions.",
        discussion: "Examples:\n  mockinterview list\n  mockinterview list --format json | jq '.questions[].id'")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var global: GlobalOptions
    @Option(help: "Output format: text or json.") var format: Format = .text

    func run() throws {
        let bank = try global.loadContent()
        let listing = ContentListing(bank: bank)
        switch format {
        case .json: Console.shared.out(try listing.json())
        case .text: Console.shared.out(listing.text(language: global.language))
        }
    }
}
