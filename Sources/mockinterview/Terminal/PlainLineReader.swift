/// Reads stdin line by line without prompts or escape codes, for piped and scripted sessions.
final class PlainLineReader: LineReader {
    var isInteractive: Bool { false }

    func readLine(prompt: String, idle: (() -> IdleUpdate)?) -> LineEvent {
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
    }

    func remember(_ line: String) {}
}
