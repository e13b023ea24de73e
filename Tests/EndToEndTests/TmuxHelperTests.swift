import Foundation
import Testing

/// The tmux helper itself: whatever a test does, the server, its panes, the watchdog and the socket are gone after.
@Suite("tmux test helper")
struct TmuxHelperTests {
    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"), .timeLimit(.minutes(2)))
    func killLeavesNoServerProcessOrSocket() throws {
        let tmux = Tmux(lifetime: 60)
        // A program that ignores the hang-up kill-server sends, like a binary stuck waiting for input would not.
        try tmux.start("trap '' HUP TERM INT; echo ready; sleep 600")
        try tmux.expect("the pane") { $0.contains("ready") }
        let server = try #require(Int32(try tmux.run(["display-message", "-p", "#{pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)))
        let pane = try #require(Int32(try tmux.run(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(FileManager.default.fileExists(atPath: tmux.socketPath))
        tmux.kill()
        #expect(kill(server, 0) == -1, "the tmux server \(server) is still running")
        let until = Date().addingTimeInterval(5)
        while kill(pane, 0) == 0 && Date() < until { Thread.sleep(forTimeInterval: 0.05) }
        #expect(kill(pane, 0) == -1, "the pane's shell \(pane) is still running")
        #expect(!FileManager.default.fileExists(atPath: tmux.socketPath))
    }

    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"), .timeLimit(.minutes(2)))
    func aFailingTmuxCommandThrowsWithTmuxsMessage() throws {
        let tmux = Tmux(lifetime: 30)
        defer { tmux.kill() }
        #expect(throws: Tmux.Failure.self) { try tmux.screen() }    // no server yet
    }

    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed"), .timeLimit(.minutes(2)))
    func waitingNeverGoesPastTheLifetime() throws {
        let tmux = Tmux(lifetime: 2)
        defer { tmux.kill() }
        try tmux.start("echo nothing happens; sleep 60")
        let started = Date()
        let (held, _) = try tmux.waitFor(timeout: 60) { $0.contains("never shown") }
        #expect(!held)
        #expect(Date().timeIntervalSince(started) < 10)
    }
}
