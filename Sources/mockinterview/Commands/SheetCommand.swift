import ArgumentParser

struct SheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: "Print a blank scoring sheet for a scenario.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        Console.shared.error("'sheet' is not implemented yet")
        throw Exit.usage
    }
}
