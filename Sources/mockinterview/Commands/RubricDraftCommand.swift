import ArgumentParser

struct RubricDraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draft",
        abstract: "Draft rubrics from a JSONL bank of questions and reference answers.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        Console.shared.error("'draft' is not implemented yet")
        throw Exit.usage
    }
}
