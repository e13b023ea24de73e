import ArgumentParser

struct RubricCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric",
        abstract: "Write, check and test rubrics and scenarios.",
        subcommands: [RubricLintCommand.self, RubricTestCommand.self, RubricExplainCommand.self,
                      RubricImportCommand.self, RubricDraftCommand.self, RubricCatalogCommand.self])
}
