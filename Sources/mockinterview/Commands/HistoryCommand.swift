import ArgumentParser

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List past sessions.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        Console.shared.error("'history' is not implemented yet")
        throw Exit.usage
    }
}
