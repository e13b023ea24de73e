import ArgumentParser
import Foundation
import RubricKit

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The content folder (Rubrics/ and Scenarios/).", valueName: "dir"),
            completion: .directory)
    var content: String?

    @Option(name: .long, help: ArgumentHelp("Language of the interface: zh or en (default from LANG).", valueName: "lang"))
    var lang: Language?

    /// The interface language: `--lang`, else `zh` when LANG/LC_ALL says Chinese, else `en`.
    var language: Language {
        if let lang { return lang }
        let env = ProcessInfo.processInfo.environment
        let locale = env["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? env["LANG"] ?? ""
        return locale.lowercased().hasPrefix("zh") ? .zh : .en
    }

    /// The content folder, or a one-line error naming where it looked (exit 1).
    func locateContent() throws -> String {
        let located = ContentLocator.locate(
            explicit: content, environment: ProcessInfo.processInfo.environment,
            currentDirectory: FileManager.default.currentDirectoryPath,
            executablePath: Self.executablePath)
        switch located {
        case .failure(let notFound):
            Console.shared.error(notFound.description)
            throw Exit.content
        case .success(let root):
            return root
        }
    }

    /// Finds and loads the content, printing diagnostics and throwing exit 1 on failure.
    func loadContent() throws -> ContentBank {
        let root = try locateContent()
        let result = ContentLoader.load(root: root)
        guard let bank = result.bank else {
            for d in result.diagnostics where d.severity == .error { Console.shared.err(d.rendered) }
            Console.shared.error("the content in \(root) has \(result.diagnostics.errorCount) error(s); run `mockinterview rubric lint` for details")
            throw Exit.content
        }
        return bank
    }

    /// The running binary's real path (so an installed binary finds `<prefix>/share/mockinterview`).
    static var executablePath: String {
        if let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return link }
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }
}

extension Language: ExpressibleByArgument {}

/// Output formats shared by several commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl, md, html, csv
}
