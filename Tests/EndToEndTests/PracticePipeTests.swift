import Foundation
import Testing

@Suite("practice through a pipe")
struct PracticePipeTests {
    @Test func aScriptedSessionCompletesTheScenario() throws {
        let content = try PracticeFixture.makeContent(), home = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: home) }
        let env = ["MOCKINTERVIEW_HOME": home.path]
        let script = "客户端发SYN，\n服务端回SYN-ACK\n\n:hint\n递归查询\n.\n:skip\n"
        let r = try BinaryRunner.run(["practice", "e2e", "--content", content.path, "--seed", "7", "--lang", "en"],
                                     stdin: script, environment: env)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        #expect(r.stdout.contains("Question 1/3") && r.stdout.contains("Question 3/3"))
        #expect(r.stdout.contains("Hint 1/1"))
        #expect(r.stdout.contains("Question 3 skipped."))
        #expect(r.stdout.contains("Summary"))
        #expect(r.stdout.contains("Full report: mockinterview report "))
        // No prompts or escape codes when stdin is not a terminal.
        #expect(!r.stdout.contains("❯") && !r.stdout.contains("\u{1B}["))

        let history = try BinaryRunner.run(["history", "--format", "json"], environment: env)
        #expect(history.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any]
        let sessions = json?["sessions"] as? [[String: Any]] ?? []
        #expect(sessions.count == 1)
        #expect(sessions.first?["status"] as? String == "completed")
        #expect(sessions.first?["questionsAnswered"] as? Int == 2)
        #expect(sessions.first?["questionCount"] as? Int == 3)
    }

    @Test func historyReadsNaturallyInBothLanguages() throws {
        let content = try PracticeFixture.makeContent(), home = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: home) }
        let env = ["MOCKINTERVIEW_HOME": home.path]
        let zh = try BinaryRunner.run(["practice", "e2e", "--content", content.path, "--lang", "zh"], stdin: "SYN\n\n:quit\n", environment: env)
        #expect(zh.status == 0)
        #expect(zh.stdout.contains("第 1/3 题") && zh.stdout.contains("已保存"))
        let en = try BinaryRunner.run(["history", "--lang", "en"], environment: env)
        #expect(en.stdout.contains("ANSWERED") && en.stdout.contains("1/3") && en.stdout.contains("in progress"))
        let zhHistory = try BinaryRunner.run(["history", "--lang", "zh"], environment: env)
        #expect(zhHistory.stdout.contains("已答") && zhHistory.stdout.contains("未完成"))
    }

    @Test func anUnwritableDataFolderFailsBeforeAnyQuestion() throws {
        let content = try PracticeFixture.makeContent(), home = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: home) }
        // A file where the data folder should be: no permission bits involved, so it fails for root too.
        let blocker = home.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let r = try BinaryRunner.run(["practice", "e2e", "--content", content.path, "--lang", "en"], stdin: "answer\n\n",
                                     environment: ["MOCKINTERVIEW_HOME": blocker.appendingPathComponent("data").path])
        #expect(r.status == 74)
        #expect(r.stderr.contains("cannot write to the data folder"))
        #expect(!r.stdout.contains("Question 1/3"))
    }

    @Test func resumeWithNothingToResumeSaysSo() throws {
        let content = try PracticeFixture.makeContent(), home = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: home) }
        let r = try BinaryRunner.run(["practice", "--resume", "--content", content.path, "--lang", "en"],
                                     environment: ["MOCKINTERVIEW_HOME": home.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("no unfinished practice session"))
        let mixed = try BinaryRunner.run(["practice", "--resume", "e2e", "--guided", "--content", content.path],
                                         environment: ["MOCKINTERVIEW_HOME": home.path])
        #expect(mixed.status == 64)
        #expect(mixed.stderr.contains("--resume continues the last unfinished session as it was; drop a scenario, --guided"))
    }

    @Test func resumeContinuesInTheSessionsLanguage() throws {
        let content = try PracticeFixture.makeContent(), home = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: home) }
        let env = ["MOCKINTERVIEW_HOME": home.path]        // LANG=C.UTF-8: the interface would be English
        _ = try BinaryRunner.run(["practice", "e2e", "--content", content.path, "--lang", "zh"], stdin: "SYN\n\n:quit\n", environment: env)
        let resumed = try BinaryRunner.run(["practice", "--resume", "--content", content.path], stdin: ":quit\n", environment: env)
        #expect(resumed.status == 0)
        #expect(resumed.stdout.contains("从第 2/3 题继续"), "\(resumed.stdout)")
        let english = try BinaryRunner.run(["practice", "--resume", "--content", content.path, "--lang", "en"], stdin: ":quit\n", environment: env)
        #expect(english.stdout.contains("continuing at question 2 of 3"))
    }

    @Test func aMistypedScenarioSuggestsTheClosestId() throws {
        let content = try PracticeFixture.makeContent(), home = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: home) }
        let env = ["MOCKINTERVIEW_HOME": home.path]
        let en = try BinaryRunner.run(["practice", "e2f", "--content", content.path, "--lang", "en"], stdin: "", environment: env)
        #expect(en.status == 64)
        #expect(en.stderr.contains("unknown scenario 'e2f'; did you mean 'e2e'? available: e2e, e2e-clock"), "\(en.stderr)")
        let zh = try BinaryRunner.run(["practice", "e2f", "--content", content.path, "--lang", "zh"], stdin: "", environment: env)
        #expect(zh.stderr.contains("未知场景 'e2f'；你是不是想用 'e2e'？"), "\(zh.stderr)")
        let far = try BinaryRunner.run(["practice", "rust", "--content", content.path, "--lang", "en"], stdin: "", environment: env)
        #expect(far.status == 64)
        #expect(!far.stderr.contains("did you mean"))
    }
}

/// A small tmpfs as the data folder, to fill the disk for real (needs root and mount; skipped otherwise).
enum SmallDisk {
    static let isPossible: Bool = {
        guard geteuid() == 0 else { return false }
        let dir = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        guard mount(dir.path, size: "64k") else { return false }
        unmount(dir.path)
        return true
    }()

    @discardableResult
    static func mount(_ path: String, size: String) -> Bool {
        run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", path]) == 0
    }

    static func unmount(_ path: String) { _ = run("/bin/umount", [path]) }

    private static func run(_ tool: String, _ args: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }
}

@Suite("practice on a full disk")
struct PracticeFullDiskTests {
    @Test(.enabled(if: SmallDisk.isPossible, "needs root and tmpfs mounts; skipping the full-disk test"))
    func aFullDiskIsAClearErrorAtStartAndMidSession() throws {
        let content = try PracticeFixture.makeContent(), disk = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: disk) }
        #expect(SmallDisk.mount(disk.path, size: "3m"))
        defer { SmallDisk.unmount(disk.path) }
        let env = ["MOCKINTERVIEW_HOME": disk.appendingPathComponent("home").path]
        let args = ["practice", "e2e", "--content", content.path, "--lang", "en"]

        // Mid-session: the first answer is saved, then the disk fills; the next save fails with exit 74.
        let running = try RunningBinary(args, environment: env)
        running.type("first answer SYN\n\n")
        #expect(running.waitFor { $0.contains("Question 2/3") }, "\(running.stdout)")
        let filler = disk.appendingPathComponent("filler")
        _ = FileManager.default.createFile(atPath: filler.path, contents: nil)
        let handle = try FileHandle(forWritingTo: filler)
        let block = Data(count: 64 * 1024)
        while (try? handle.write(contentsOf: block)) != nil {}
        try? handle.close()
        running.type("second answer\n\n")
        #expect(running.closeInputAndWait() == 74)
        #expect(running.stdout.contains("is full"), "\(running.stdout)")

        // At start: refused before any question.
        let r = try BinaryRunner.run(args, stdin: "answer\n\n", environment: env)
        #expect(r.status == 74)
        #expect(r.stderr.contains("is full"))
        #expect(!r.stdout.contains("Question 1/3"))
    }
}
