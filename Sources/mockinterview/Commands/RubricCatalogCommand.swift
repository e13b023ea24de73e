import ArgumentParser
import RubricKit

struct RubricCatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Print the question bank as Markdown (the source of docs/question-bank.md).",
        discussion: "Example:\n  mockinterview rubric catalog > docs/question-bank.md")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let bank = try global.loadContent()
        Console.shared.out(QuestionBankCatalog(bank: bank).markdown(), terminator: "")
    }
}
