import ArgumentParser
import Foundation

extension MockInterview {
    /// ArgumentParser's `main()`, except that a `ValidationError` thrown by a command's
    /// `checkArguments()` (called at the start of its `run()`, after ArgumentParser has reported any
    /// unknown option) is printed with that command's usage, as ArgumentParser prints its own.
    static func main() {
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
        } catch let error as ValidationError {
            let usage = usageString(for: type(of: command))
            // The usage starts with the command's path (`mockinterview rubric draft`).
            let path = usage.split(separator: " ").prefix { !["[", "<", "-"].contains($0.first) }.joined(separator: " ")
            FileHandle.standardError.write(Data("""
                Error: \(error.message)
                Usage: \(usage)
                  See '\(path) --help' for more information.

                """.utf8))
            exit(withError: ExitCode.validationFailure)
        } catch {
            exit(withError: error)
        }
    }
}
