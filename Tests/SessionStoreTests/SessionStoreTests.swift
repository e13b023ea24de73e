import Foundation
import Synchronization
import GRDB
import InterviewEngine
import RubricKit
import Testing
@testable import SessionStore

/// A fresh data folder per test, removed afterwards.
final class TemporaryHome {
    let path: String
    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("mi-store-\(UUID().uuidString)").path
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

func sampleRecord(id: String, startedAt: TimeInterval, status: SessionRecord.Status = .inProgress,
                  kind: SessionRecord.Kind = .practice, answered: Int = 1) -> SessionRecord {
    let start = Date(timeIntervalSince1970: startedAt)
    var questions = (0..<3).map {
        QuestionRecord(questionID: "go.q\($0)", category: "go", position: $0, budgetSeconds: 180,
                       question: LocalizedText(zh: "问题\($0)", en: "Question \($0)"))
    }
    for i in 0..<answered {
        questions[i].turns = [Turn(kind: .answer, text: "回答 \(i) with \"quotes\"", at: start.addingTimeInterval(Double(i) * 60))]
        questions[i].grade = AnswerGrade(
            question: "go.q\(i)", score: 50 + Double(i) * 10, grade: .C, concepts: [], misconceptions: [],
            framework: FrameworkResult(steps: [], inOrder: false, habits: []), flags: [], feedback: [],
            breakdown: ScoreBreakdown(coverage: 0, structure: 0, similarity: 0, penalties: 0, caps: []))
        questions[i].finished = true
    }
    return SessionRecord(id: id, kind: kind, scenarioID: "quick", scenarioTitle: LocalizedText("Quick"), mode: .free,
                         language: .zh, seed: 7, startedAt: start, status: status, elapsedSeconds: 12.5,
                         totalBudgetSeconds: 900, questions: questions)
}

@Suite("SessionStore")
struct SessionStoreTests {
    @Test func savesAndLoadsARecordUnchanged() throws {
        let home = TemporaryHome()
        let store = try SessionStore(home: home.path)
        let record = sampleRecord(id: "abc123", startedAt: 1_000)
        try store.save(record)
        #expect(try store.load(id: "abc123") == record)
        #expect(FileManager.default.fileExists(atPath: home.path + "/sessions.sqlite"))
    }

    @Test func saveReplacesTheStoredVersion() throws {
        let home = TemporaryHome()
        let store = try SessionStore(home: home.path)
        var record = sampleRecord(id: "abc123", startedAt: 1_000, answered: 1)
        try store.save(record)
        record.questions[1].turns.append(Turn(kind: .answer, text: "second", at: Date(timeIntervalSince1970: 1_100)))
        record.status = .completed
        try store.save(record)
        let loaded = try store.load(id: "abc123")
        #expect(loaded.questions[1].turns.map(\.text) == ["second"])
        #expect(loaded.status == .completed)
        #expect(try store.list().count == 1)
    }

    @Test func loadAcceptsAUniquePrefix() throws {
        let home = TemporaryHome()
        let store = try SessionStore(home: home.path)
        try store.save(sampleRecord(id: "a1b2c3", startedAt: 1))
        try store.save(sampleRecord(id: "a1ffff", startedAt: 2))
        try store.save(sampleRecord(id: "a1", startedAt: 3))
        #expect(try store.load(id: "a1b").id == "a1b2c3")
        // An exact id wins over the longer ids it prefixes.
        #expect(try store.load(id: "a1").id == "a1")
        #expect(throws: SessionStoreError.notFound("zz")) { _ = try store.load(id: "zz") }
        try store.save(sampleRecord(id: "a1fe00", startedAt: 4))
        #expect(throws: SessionStoreError.ambiguous(prefix: "a1f", matches: ["a1fe00", "a1ffff"])) {
            _ = try store.load(id: "a1f")
        }
        // `%` and `_` are not wildcards.
        #expect(throws: SessionStoreError.notFound("a_")) { _ = try store.load(id: "a_") }
        // Prefixes are case-sensitive, unlike SQL's LIKE.
        #expect(throws: SessionStoreError.notFound("A1B")) { _ = try store.load(id: "A1B") }
    }

    @Test func listsNewestFirstAndFindsTheLastUnfinishedPractice() throws {
        let home = TemporaryHome()
        let store = try SessionStore(home: home.path)
        try store.save(sampleRecord(id: "old", startedAt: 100, status: .inProgress))
        try store.save(sampleRecord(id: "mid", startedAt: 200, status: .completed))
        try store.save(sampleRecord(id: "led", startedAt: 250, status: .inProgress, kind: .conducted))
        try store.save(sampleRecord(id: "new", startedAt: 300, status: .completed))
        #expect(try store.list().map(\.id) == ["new", "led", "mid", "old"])
        #expect(try store.list(limit: 2).map(\.id) == ["new", "led"])
        #expect(try store.lastUnfinishedPractice()?.id == "old")
        #expect(try store.last()?.id == "new")
        var old = try store.load(id: "old")
        old.status = .abandoned
        try store.save(old)
        #expect(try store.lastUnfinishedPractice() == nil)
    }

    @Test func summaryColumnsFollowTheRecord() throws {
        let home = TemporaryHome()
        let store = try SessionStore(home: home.path)
        try store.save(sampleRecord(id: "s1", startedAt: 1, answered: 2))
        let queue = try DatabaseQueue(path: store.path)
        let row = try queue.read { try Row.fetchOne($0, sql: "SELECT questions_answered, average_score, status FROM session") }
        #expect(row?["questions_answered"] as Int? == 2)
        #expect(row?["average_score"] as Double? == 55)
        #expect(row?["status"] as String? == "in-progress")
    }

    @Test func migrationsAreRecordedAndTheDatabaseUsesWAL() throws {
        let home = TemporaryHome()
        let store = try SessionStore(home: home.path)
        // Opening again does not re-run or fail migrations.
        _ = try SessionStore(home: home.path)
        let queue = try DatabaseQueue(path: store.path)
        let applied = try queue.read { try SessionMigrations.migrator.appliedIdentifiers($0) }
        #expect(applied == ["v1-sessions"])
        let mode = try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func twoStoresWritingAtOnceLoseNothing() throws {
        let home = TemporaryHome()
        let first = try SessionStore(home: home.path)
        let second = try SessionStore(home: home.path)
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 40) { i in
            let store = i.isMultiple(of: 2) ? first : second
            var record = sampleRecord(id: "s\(i % 8)", startedAt: Double(i % 8))
            record.elapsedSeconds = Double(i)
            do {
                try store.save(record)
                _ = try store.list()
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        #expect(try first.list().count == 8)
        #expect(try second.list().map(\.id) == ["s7", "s6", "s5", "s4", "s3", "s2", "s1", "s0"])
    }

    @Test func aFolderThatCannotBeCreatedIsAClearError() throws {
        let home = TemporaryHome()
        try FileManager.default.createDirectory(atPath: home.path, withIntermediateDirectories: true)
        let file = home.path + "/plain-file"
        _ = FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        #expect {
            _ = try SessionStore(home: file + "/data")
        } throws: { error in
            guard case let .folderNotWritable(path, _)? = error as? SessionStoreError else { return false }
            return path == file + "/data"
        }
        #expect(throws: SessionStoreError.folderNotWritable(path: file, reason: "it is a file, not a folder")) {
            _ = try SessionStore(home: file)
        }
    }

    @Test(.enabled(if: geteuid() != 0, "root ignores permission bits"))
    func aReadOnlyFolderIsAClearError() throws {
        let home = TemporaryHome()
        try FileManager.default.createDirectory(atPath: home.path, withIntermediateDirectories: true)
        chmod(home.path, 0o555)
        defer { chmod(home.path, 0o755) }
        #expect {
            _ = try SessionStore(home: home.path)
        } throws: { error in
            guard case .folderNotWritable? = error as? SessionStoreError else { return false }
            return true
        }
    }

    @Test func newerRecordFormatsAreRefusedWithAMessage() throws {
        let home = TemporaryHome()
        let store = try SessionStore(home: home.path)
        try store.save(sampleRecord(id: "future", startedAt: 1))
        let queue = try DatabaseQueue(path: store.path)
        try queue.write { try $0.execute(sql: "UPDATE session SET record_format = 99") }
        #expect {
            _ = try store.load(id: "future")
        } throws: { error in
            guard case let .unreadableRecord(id, reason)? = error as? SessionStoreError else { return false }
            return id == "future" && reason.contains("format 99")
        }
    }

    @Test func dataHomeFollowsTheEnvironment() {
        #expect(DataHome.resolve(environment: ["MOCKINTERVIEW_HOME": "/x", "XDG_DATA_HOME": "/y"]) == "/x")
        #expect(DataHome.resolve(environment: ["XDG_DATA_HOME": "/y", "HOME": "/h"]) == "/y/mockinterview")
        #expect(DataHome.resolve(environment: ["HOME": "/h"]) == "/h/.local/share/mockinterview")
        #expect(DataHome.resolve(environment: ["MOCKINTERVIEW_HOME": "", "HOME": "/h"]) == "/h/.local/share/mockinterview")
    }
}
