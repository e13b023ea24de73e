import ArgumentParser
import Foundation
import RubricKit

extension MockInterview {
    /// ArgumentParser's `main()`, except that a `ValidationError` thrown by a command's
    /// `checkArguments()` (called at the start of its `run()`, after ArgumentParser has reported any
    /// unknown option) is printed with that command's usage, as ArgumentParser prints its own.
    static func main() {
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            // A missing required argument is reported before an unknown option: name the typo
            // (`rubric draft --bnak x --out d`) rather than the option it hides.
            if !(error is CleanExit), !fullMessage(for: error).contains("Unknown option"),
               let (type, flag) = unknownFlag(in: Array(CommandLine.arguments.dropFirst())) {
                let known = longOptions(of: type)
                let hint = Suggestion.closest(to: flag, among: known).map { " Did you mean '\($0)'?" } ?? ""
                usageError("Unknown option '\(flag)'.\(hint)", for: type)
            }
            exit(withError: error)
        }
        do {
            try command.run()
        } catch let error as ValidationError {
            usageError(error.message, for: type(of: command))
        } catch {
            exit(withError: error)
        }
    }

    /// `message` with the usage of `command`, as ArgumentParser prints a usage error; exit 64.
    static func usageError(_ message: String, for command: ParsableCommand.Type) -> Never {
        let usage = usageString(for: command)
        // The usage starts with the command's path (`mockinterview rubric draft`).
        let path = usage.split(separator: " ").prefix { !["[", "<", "-"].contains($0.first) }.joined(separator: " ")
        FileHandle.standardError.write(Data("""
            Error: \(message)
            Usage: \(usage)
              See '\(path) --help' for more information.

            """.utf8))
        exit(withError: ExitCode.validationFailure)
    }

    /// The command the arguments name, and the first `--option` among them that it does not know.
    static func unknownFlag(in arguments: [String]) -> (ParsableCommand.Type, String)? {
        var command: ParsableCommand.Type = MockInterview.self
        for a in arguments where !a.hasPrefix("-") {
            if let sub = command.configuration.subcommands.first(where: { $0._commandName == a }) { command = sub }
        }
        guard command != MockInterview.self else { return nil }
        let known = Set(longOptions(of: command))
        for a in arguments.prefix(while: { $0 != "--" }) where a.hasPrefix("--") && a.count > 2 {
            let name = String(a.prefix { $0 != "=" })
            if !known.contains(name) { return (command, name) }
        }
        return nil
    }

    /// The long options `command` accepts, read off its help (which lists every visible one).
    static func longOptions(of command: ParsableCommand.Type) -> [String] {
        let help = helpMessage(for: command, columns: 1000)
        var names: [String] = ["--help"]
        var rest = Substring(help)
        while let r = rest.range(of: "--") {
            let name = rest[r.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            if let first = name.first, first.isLetter { names.append("--" + name) }
            rest = rest[r.upperBound...]
        }
        return names
    }
}
