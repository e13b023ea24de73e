import Foundation
@testable import mockinterview

/// A line reader that plays back scripted key results and records what it was asked.
final class ScriptedLineReader: LineReader {
    private var script: [LineEvent]
    private(set) var prompts: [String] = []
    private(set) var remembered: [String] = []
    private(set) var idleUpdates: [IdleUpdate] = []
    let isInteractive: Bool
    /// Runs before each line is handed over (to check what is on disk at every prompt).
    var beforeEachRead: (() -> Void)?
    /// Calls the idle callback this many times before each line, as a terminal would while waiting.
    var idleCallsPerRead = 0
    /// Runs before each idle call (to let time pass while "waiting").
    var beforeIdle: (() -> Void)?

    init(_ script: [LineEvent], interactive: Bool = true) {
        self.script = script
        isInteractive = interactive
    }

    func readLine(prompt: String, idle: (() -> IdleUpdate)?) -> LineEvent {
        prompts.append(prompt)
        if let idle { for _ in 0..<idleCallsPerRead { beforeIdle?(); idleUpdates.append(idle()) } }
        beforeEachRead?()
        return script.isEmpty ? .endOfInput : script.removeFirst()
    }

    func remember(_ line: String) { remembered.append(line) }
}

/// A clock the test moves by hand.
final class ManualClock {
    var now = Date(timeIntervalSince1970: 1_700_000_000)
    func advance(_ seconds: Double) { now = now.addingTimeInterval(seconds) }
}
