import ArgumentParser
import Foundation
import ReportKit
import RubricKit

struct SheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: "Print a blank scoring sheet for a scenario, for interviewers who work on paper.",
        discussion: """
        The sheet lists, for each question of the scenario: the question to read out, a short form of the \
        standard answer, the numbered concept checklist (step, weight, * for required), the misconceptions \
        to listen for, the follow-up questions, a 1–4 rating scale for each of the five framework steps \
        (1 = absent, 2 = weak, 3 = solid, 4 = strong) and room for notes; at the end the recommendation \
        box (Strong No / No / Yes / Strong Yes) with a justification. The numbers match `conduct`.

        Formats: md (default), html (one self-contained printable page, one question per printed page), \
        csv (one row per thing to mark). With --output and no --format, the file's extension decides.

        Examples:
          mockinterview sheet go-basics
          mockinterview sheet go-basics --output sheet.html   (print it from a browser)
          mockinterview sheet quick --seed 7 --format csv --lang en
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, html, csv }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The scenario (see `mockinterview list`).", valueName: "scenario"))
    var scenario: String

    @Option(help: "Output format: md, html or csv (default: from --output's extension, else md).")
    var format: Format?

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"),
            completion: .file())
    var output: String?

    @Option(help: ArgumentHelp("Seed for scenarios that draw or shuffle their questions.", valueName: "n"))
    var seed: UInt64?

    func run() throws {
        let bank = try global.loadContent()
        let language = global.language
        let chosen = try ScenarioLookup.find(scenario, in: bank, language: language)
        let sheet = ScoringSheet(scenario: chosen, questions: bank.questions(for: chosen, seed: seed),
                                 content: ReportContent(bank: bank), language: language)
        let text: String
        switch format ?? ReportOutput.format(forOutput: output, allowed: Format.allCases) ?? .md {
        case .md: text = sheet.markdown
        case .html: text = sheet.html
        case .csv: text = sheet.csv(byteOrderMark: output != nil)
        }
        try ReportOutput.write(text, to: output, language: language)
    }
}
