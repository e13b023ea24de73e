import Foundation
import Testing

@Suite("practice survives kill -9")
struct PracticeKillResumeTests {
    @Test func answersBeforeAKillAreKeptAndResumeContinuesAtTheThirdQuestion() throws {
        let content = try PracticeFixture.makeContent(), home = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: home) }
        let env = ["MOCKINTERVIEW_HOME": home.path]
        let args = ["practice", "e2e", "--content", content.path, "--seed", "7", "--lang", "en"]

        let first = try RunningBinary(args, environment: env)
        first.type("第一个回答：SYN\n\n")
        first.type("第二个回答：递归\n\n")
        // The third question appears only after the second answer was committed.
        let reachedThird = first.waitFor { $0.contains("Question 3/3") }
        #expect(reachedThird, "output so far: \(first.stdout)")
        first.kill(SIGKILL)
        #expect(first.process.terminationReason == .uncaughtSignal)

        let resumed = try BinaryRunner.run(["practice", "--resume", "--content", content.path, "--lang", "en"],
                                           stdin: "第三个回答：多路复用\n\n", environment: env)
        #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
        #expect(resumed.stdout.contains("continuing at question 3 of 3"))
        #expect(resumed.stdout.contains("第一个回答：SYN"))
        #expect(resumed.stdout.contains("第二个回答：递归"))
        #expect(!resumed.stdout.contains("Question 1/3") && !resumed.stdout.contains("Question 2/3"))
        #expect(resumed.stdout.contains("Question 3/3"))
        #expect(resumed.stdout.contains("Summary"))

        let history = try BinaryRunner.run(["history", "--format", "json"], environment: env)
        let json = try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any]
        let session = (json?["sessions"] as? [[String: Any]])?.first
        #expect(session?["questionsAnswered"] as? Int == 3)
        #expect(session?["status"] as? String == "completed")
    }
}

@Suite("practice: two sessions at once")
struct PracticeConcurrentTests {
    @Test func twoProcessesShareTheDatabaseSafely() throws {
        let content = try PracticeFixture.makeContent(), home = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: home) }
        let env = ["MOCKINTERVIEW_HOME": home.path]
        let args = ["practice", "e2e", "--content", content.path, "--lang", "en"]
        // Both start on a fresh data folder at once (both create and migrate it), then answer in turns.
        let a = try RunningBinary(args, environment: env), b = try RunningBinary(args, environment: env)
        for i in 1...3 {
            a.type("A answer \(i) SYN\n\n")
            b.type("B answer \(i) 递归\n\n")
        }
        #expect(a.closeInputAndWait() == 0, "A: \(a.stdout)")
        #expect(b.closeInputAndWait() == 0, "B: \(b.stdout)")
        let history = try BinaryRunner.run(["history", "--format", "json"], environment: env)
        let json = try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any]
        let sessions = json?["sessions"] as? [[String: Any]] ?? []
        #expect(sessions.count == 2)
        #expect(sessions.allSatisfy { $0["status"] as? String == "completed" && $0["questionsAnswered"] as? Int == 3 })
    }
}
