import ArgumentParser

struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade an answer against a question's rubric.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        Console.shared.error("'grade' is not implemented yet")
        throw Exit.usage
    }
}
