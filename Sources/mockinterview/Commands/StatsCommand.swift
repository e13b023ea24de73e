import ArgumentParser

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Progress across sessions.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        Console.shared.error("'stats' is not implemented yet")
        throw Exit.usage
    }
}
