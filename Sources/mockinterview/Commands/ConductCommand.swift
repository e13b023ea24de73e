import ArgumentParser

struct ConductCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conduct",
        abstract: "Run an interviewer-led session.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        Console.shared.error("'conduct' is not implemented yet")
        throw Exit.usage
    }
}
