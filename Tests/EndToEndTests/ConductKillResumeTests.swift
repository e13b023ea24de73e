import Foundation
import Testing

/// `conduct` saves after every line: a SIGKILL loses nothing entered, and `--resume` continues there.
@Suite("conduct survives a kill")
struct ConductKillResumeTests {
    @Test func killedMidQuestionThenResumed() throws {
        let content = try ConductFixture.makeContent(), home = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: home) }
        let env = ["MOCKINTERVIEW_HOME": home.path]
        let running = try RunningBinary(["conduct", "conduct-e2e", "--candidate", "Li Lei", "--content", content.path, "--lang", "en"],
                                        environment: env)
        running.type("client sends SYN\n")
        #expect(running.waitFor { $0.contains("✓ 1. SYN") })
        running.type("+3\n")
        #expect(running.waitFor { $0.contains("✓ 3. Retransmission on timeout (interviewer)") })
        running.type(":rate 3 3 2 1 1\n")
        #expect(running.waitFor { $0.contains("A free note on this answer") })
        running.type("Good start\n")
        #expect(running.waitFor { $0.contains("Read out: What is a TCP half-open connection?") })
        running.type("mentions the SYN queue\n")
        #expect(running.waitFor { $0.contains("✓ 1. The SYN queue") })
        running.kill(SIGKILL)

        let history = try BinaryRunner.run(["history", "--format", "json"], environment: env)
        let sessions = (try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])?["sessions"] as? [[String: Any]] ?? []
        let id = try #require(sessions.first?["id"] as? String)
        #expect(sessions.first?["status"] as? String == "in-progress")

        // Resume: the second question comes back with its note ticked; finish the interview.
        let resumed = try BinaryRunner.run(["conduct", "--resume", id, "--content", content.path, "--lang", "en"],
                                           stdin: ":rate 2 2 1 1 1\n\n3\nSteady\n", environment: env)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("Resuming: Interviewer-led test"))
        #expect(resumed.stdout.contains("[✓] 1. The SYN queue"))
        #expect(resumed.stdout.contains("Interview finished."))

        let report = try BinaryRunner.run(["report", id, "--content", content.path, "--lang", "en"], environment: env)
        #expect(report.stdout.contains("> client sends SYN"))
        #expect(report.stdout.contains("> Good start"))
        #expect(report.stdout.contains("| ✓ | Retransmission on timeout | Concrete implementation | 1 |  | interviewer |"))
        #expect(report.stdout.contains("> mentions the SYN queue"))
        #expect(report.stdout.contains("**Yes**"))
        #expect(report.stdout.contains("| Status | completed |"))
    }

    @Test func resumingAPracticeSessionIsRefused() throws {
        let content = try PracticeFixture.makeContent(), home = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: home) }
        let env = ["MOCKINTERVIEW_HOME": home.path]
        _ = try BinaryRunner.run(["practice", "e2e", "--content", content.path], stdin: "SYN\n\n:quit\n", environment: env)
        let history = try BinaryRunner.run(["history", "--format", "json"], environment: env)
        let sessions = (try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])?["sessions"] as? [[String: Any]] ?? []
        let id = try #require(sessions.first?["id"] as? String)
        let r = try BinaryRunner.run(["conduct", "--resume", id, "--content", content.path, "--lang", "en"], stdin: "", environment: env)
        #expect(r.status == 64)
        #expect(r.stderr.contains("is a practice session, not an interviewer-led one"))
        let noName = try BinaryRunner.run(["conduct", "e2e", "--content", content.path], stdin: "", environment: env)
        #expect(noName.status == 64)
        #expect(noName.stderr.contains("--candidate NAME is required"))
    }
}
