import Foundation
import InterviewEngine
import RubricKit
import SessionStore
import Testing
@testable import ReportKit

/// Stats and review read what the session database holds: several practice sessions and an interview.
@Suite("Stats and review over a session database")
struct StoreBackedProgressTests {
    let now = Fixtures.t0

    func withStore(_ body: (SessionStore) throws -> Void) throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("mi-reports-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: home) }
        let store = try SessionStore(home: home)
        for record in History.records(now: now) { try store.save(record) }
        try store.save(Fixtures.conductedRecord())
        try body(store)
    }

    @Test func statsFromTheDatabaseMatchTheRecords() throws {
        try withStore { store in
            let all = try store.list()
            #expect(all.count == 4)
            let practice = all.filter { $0.kind == .practice }
            let fromStore = ProgressStats(records: practice, content: Fixtures.content, language: .en, generatedAt: now)
            let direct = ProgressStats(records: History.records(now: now), content: Fixtures.content, language: .en, generatedAt: now)
            #expect(fromStore == direct)
            #expect(fromStore.sessions == 3)
            #expect(fromStore.categories.first { $0.id == "go" }?.points.map(\.averageScore) == [33.3, 66.7, 83.3])
            // With the interview included, its checklist grades count too.
            let everything = ProgressStats(records: all, content: Fixtures.content, language: .en, generatedAt: now)
            #expect(everything.sessions == 4)
            #expect(everything.questionsGraded == 7)
        }
    }

    @Test func reviewFromTheDatabase() throws {
        try withStore { store in
            let practice = try store.list().filter { $0.kind == .practice }
            let plan = ReviewPlanner().plan(records: practice, now: now, limit: 5)
            #expect(plan.questionIDs == ["go.gmp", "dist.cap"])
            #expect(plan.items[0].concepts.map(\.concept) == ["preemption", "work-stealing"])
        }
    }

    @Test func reportOfAStoredInterviewShowsItsMarks() throws {
        try withStore { store in
            let saved = try store.load(id: "20261118-0700")
            let md = SessionReport(record: saved, content: Fixtures.content, language: .en, generatedAt: now).markdown(timeZone: .gmt)
            #expect(md.contains("| Candidate | Li Lei |"))
            #expect(md.contains("| ✓ | Preemption | Optimisation thinking | 1 |  | interviewer |"))
            #expect(md.contains("| Confirm the question | ✓ | 3 (solid) |"))
            #expect(md.contains("**Yes**"))
        }
    }
}
