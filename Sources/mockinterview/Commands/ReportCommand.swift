import ArgumentParser

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report on a session.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        Console.shared.error("'report' is not implemented yet")
        throw Exit.usage
    }
}
