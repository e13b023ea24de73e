import ArgumentParser

struct RubricTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every rubric's graded examples through the scorer.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        Console.shared.error("'test' is not implemented yet")
        throw Exit.usage
    }
}
