import ArgumentParser

struct RubricImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a Markdown question bank as rubrics and scenarios.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        Console.shared.error("'import' is not implemented yet")
        throw Exit.usage
    }
}
