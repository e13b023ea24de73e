import ArgumentParser

struct PracticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Practise a scenario: a mock interview in the terminal.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        Console.shared.error("'practice' is not implemented yet")
        throw Exit.usage
    }
}
