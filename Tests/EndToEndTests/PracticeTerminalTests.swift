import Foundation
import Testing

/// The real binary in a real terminal: readline editing of Chinese, Tab completion, `:hint`, feedback, quitting.
@Suite("practice in a real terminal (tmux)")
struct PracticeTerminalTests {
    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed; skipping the real-terminal test"), .timeLimit(.minutes(6)))
    func chineseAnswerWithEditingCompletionAndHint() throws {
        let content = try PracticeFixture.makeContent(), home = BinaryRunner.temporaryDirectory()
        let tmux = Tmux()
        defer {
            tmux.kill()
            try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: home)
        }
        try tmux.start(binary: ["practice", "e2e", "--content", content.path, "--seed", "7", "--lang", "en"],
                       environment: ["MOCKINTERVIEW_HOME": home.path])

        func expect(_ what: String, sourceLocation: SourceLocation = #_sourceLocation, _ predicate: (String) -> Bool) throws {
            try tmux.expect(what, sourceLocation: sourceLocation, predicate)
        }

        try expect("the first prompt") { $0.contains("Question 1/3") && $0.contains("answer ❯") }

        // Tab completes a command; :hint shows the first hint.
        try tmux.type(":hi")
        try tmux.press("Tab")
        try expect("the completed command") { $0.contains("answer ❯ :hint") }
        try tmux.press("Enter")
        try expect("the hint") { $0.contains("Hint 1/1") && $0.contains("Think of SYN.") }

        // Ctrl-C clears the line and the session goes on.
        try tmux.type("丢掉这一行")
        try expect("the line to clear") { $0.contains("answer ❯ 丢掉这一行") }
        try tmux.press("C-c")
        try expect("the cleared line") { $0.contains("丢掉这一行^C") && $0.split(separator: "\n").last == "answer ❯" }

        // Chinese with editing keys: 我得TCP, three Left, Backspace, 认为 → 我认为TCP.
        try tmux.type("我得TCP")
        try expect("the typed line") { $0.contains("answer ❯ 我得TCP") }
        try tmux.press("Left", "Left", "Left", "BSpace")
        try tmux.type("认为")
        try expect("the edited line") { $0.contains("answer ❯ 我认为TCP") }
        try tmux.press("Enter")
        try expect("the continuation prompt") { $0.contains("我认为TCP\n…") }
        try tmux.type("然后 SYN-ACK")
        try expect("the second line") { $0.contains("… 然后 SYN-ACK") }
        try tmux.press("Enter")
        try tmux.press("Enter")                        // an empty line ends the answer

        try expect("graded feedback") { $0.contains("Grade: ") && $0.contains("Framework: ") && $0.contains("Enter to continue ❯") }

        try tmux.type(":qu")
        try tmux.press("Tab")
        try expect("the completed :quit") { $0.contains("Enter to continue ❯ :quit") }
        try tmux.press("Enter")
        try expect("a clean exit") { $0.contains("Saved.") && $0.contains("[exit 0]") }

        // The edited answer, both lines, was saved; the hint too.
        let resumed = try BinaryRunner.run(["practice", "--resume", "--content", content.path, "--lang", "en"], stdin: ":quit\n",
                                           environment: ["MOCKINTERVIEW_HOME": home.path])
        #expect(resumed.status == 0)
        #expect(resumed.stdout.contains("│ 我认为TCP\n"))
        #expect(resumed.stdout.contains("│ 然后 SYN-ACK"))
        #expect(resumed.stdout.contains("continuing at question 2 of 3"))
        // History keeps the lines for the next session, without the terminators.
        let history = try String(contentsOf: home.appendingPathComponent("history"), encoding: .utf8)
        #expect(history.contains("我认为TCP") && history.contains(":hint"))
        #expect(!history.contains("丢掉这一行"))
        #expect(!history.split(separator: "\n").contains("."))
    }

    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed; skipping the real-terminal test"), .timeLimit(.minutes(6)))
    func theClockAndTimeWarningsAppearWhileTyping() throws {
        let content = try PracticeFixture.makeContent(), home = BinaryRunner.temporaryDirectory()
        let tmux = Tmux()
        defer {
            tmux.kill()
            try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: home)
        }
        // A locale that is not installed: line editing falls back to C.UTF-8 (Chinese still edits) and says why.
        try tmux.start(binary: ["practice", "e2e-clock", "--content", content.path, "--clock", "--lang", "en"],
                       environment: ["MOCKINTERVIEW_HOME": home.path, "LANG": "xx_XX.UTF-8"])
        var (held, screen) = try tmux.waitFor(joined: true) { $0.contains("answer ❯") }
        #expect(held, "no prompt:\n\(screen)")
        try #require(held)
        #expect(screen.contains("the locale xx_XX.UTF-8 (from LANG) is not installed; line editing uses C.UTF-8 instead"), "\(screen)")
        #expect(screen.contains("[0:00/0:03] answer ❯"))
        try tmux.type("慢慢想")
        // The warnings come while the candidate types; the typed text is redrawn below them with the clock.
        (held, screen) = try tmux.waitFor { s in
            s.contains("⏰ ") && s.contains("used of the interview's 0:03")
                && s.split(separator: "\n").last.map { $0.hasPrefix("[0:0") && $0.hasSuffix("answer ❯ 慢慢想") } == true
        }
        #expect(held, "no warning or clock:\n\(screen)")
        try tmux.press("Enter")
        (held, screen) = try tmux.waitFor { $0.contains("慢慢想\n…") }
        #expect(held, "no continuation prompt:\n\(screen)")
        try tmux.press("C-d")                          // Ctrl-D on an empty continuation line ends the answer
        (held, screen) = try tmux.waitFor { $0.contains("Enter to continue ❯") }
        #expect(held && screen.contains("(over budget, recorded)"), "\(screen)")
        try tmux.press("Enter")
        (held, screen) = try tmux.waitFor { $0.contains("[exit 0]") }
        #expect(held && screen.contains("Summary"), "\(screen)")
    }
}
