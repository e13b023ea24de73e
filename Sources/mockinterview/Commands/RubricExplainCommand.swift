import ArgumentParser

struct RubricExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show every match, check and the arithmetic of a score.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        Console.shared.error("'explain' is not implemented yet")
        throw Exit.usage
    }
}
