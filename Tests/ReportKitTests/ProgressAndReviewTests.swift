import Foundation
import InterviewEngine
import RubricKit
import Testing
@testable import ReportKit

/// Several practice sessions over two weeks, built with the test grader from the answers given.
enum History {
    static let day = 86_400.0

    static func session(_ n: Int, daysAgo: Double, now: Date, gmp: String?, cap: String?) -> SessionRecord {
        let start = now.addingTimeInterval(-daysAgo * day)
        var questions: [QuestionRecord] = []
        for (i, (rubric, answer)) in [(Fixtures.gmp, gmp), (Fixtures.cap, cap)].enumerated() {
            guard let answer else { continue }
            questions.append(QuestionRecord(questionID: rubric.id, category: rubric.category, position: i, budgetSeconds: 300,
                                            secondsUsed: Double(120 + 100 * n),
                                            turns: [Turn(kind: .answer, text: answer, at: start.addingTimeInterval(Double(60 * (i + 1))))],
                                            grade: Fixtures.grader(answer, rubric)))
        }
        return SessionRecord(id: "s\(n)", kind: .practice, scenarioID: "mixed", scenarioTitle: Fixtures.scenario.title, mode: .free,
                             language: .zh, seed: 0, startedAt: start, status: .completed, totalBudgetSeconds: 600, questions: questions)
    }

    static func records(now: Date) -> [SessionRecord] {
        [
            session(1, daysAgo: 14, now: now, gmp: "goroutine", cap: "一致性"),
            session(2, daysAgo: 7, now: now, gmp: "goroutine 系统线程", cap: "一致性 分区"),
            session(3, daysAgo: 2, now: now, gmp: "goroutine 系统线程 偷取 我理解 优化", cap: nil),
        ]
    }
}

@Suite("Progress statistics")
struct ProgressStatsTests {
    let now = Fixtures.t0
    var stats: ProgressStats {
        ProgressStats(records: History.records(now: now), content: Fixtures.content, language: .en, generatedAt: now)
    }

    @Test func trendPerCategoryIsChronological() throws {
        let go = try #require(stats.categories.first { $0.id == "go" })
        #expect(go.points.map(\.session) == ["s1", "s2", "s3"])
        #expect(go.points.map(\.averageScore) == [33.3, 66.7, 83.3])
        #expect(go.change == 50)
        let dist = try #require(stats.categories.first { $0.id == "distributed" })
        #expect(dist.points.map(\.averageScore) == [50, 100])
        #expect(stats.sessions == 3)
        #expect(stats.questionsGraded == 5)
    }

    @Test func mostMissedConceptsFirst() {
        let top = stats.missedConcepts.map { "\($0.question)/\($0.concept) \($0.missed)/\($0.asked)" }
        #expect(top.first == "go.gmp/preemption 3/3")
        #expect(top.contains("go.gmp/work-stealing 2/3"))
        #expect(top.contains("dist.cap/partition 1/2"))
        #expect(!top.contains { $0.hasPrefix("go.gmp/g ") })
    }

    @Test func stepsMostOftenAbsent() {
        #expect(stats.absentSteps.first?.step == .core)
        #expect(stats.absentSteps.first?.absent == 5)
        #expect(stats.absentSteps.first { $0.step == .confirm }?.absent == 4)
    }

    @Test func timePerQuestion() {
        let gmp = stats.timePerQuestion.first { $0.question == "go.gmp" }
        #expect(gmp?.answered == 3)
        #expect(gmp?.averageSeconds == 320)
        #expect(gmp?.overBudget == 2) // 320 s and 420 s against 300 s
    }

    @Test func renderingsAgree() throws {
        let text = stats.text(timeZone: .gmt)
        #expect(text.contains("Go fundamentals"))
        #expect(text.contains("33.3 → 83.3  (+50.0)"))
        #expect(text.contains("3/3  100%  go.gmp · Preemption"))
        let json = try stats.json()
        #expect(json.contains("\"schema\" : 1"))
        let html = stats.html(timeZone: .gmt)
        #expect(html.components(separatedBy: "<svg ").count - 1 == 2)
        #expect(html.contains("<polyline"))
    }

    @Test func noSessionsSaysSo() {
        let empty = ProgressStats(records: [], content: Fixtures.content, language: .en, generatedAt: now)
        #expect(empty.text(timeZone: .gmt).hasPrefix("No graded sessions yet."))
    }
}

@Suite("Review planner")
struct ReviewPlannerTests {
    let now = Fixtures.t0

    @Test func conceptsNeverMissedAreNotScheduled() {
        let schedules = ReviewPlanner().concepts(in: History.records(now: now), now: now)
        #expect(!schedules.contains { $0.concept == "g" })
        #expect(schedules.contains { $0.concept == "preemption" })
    }

    @Test func boxCountsHitsInARowSinceTheLastMiss() throws {
        let schedules = ReviewPlanner().concepts(in: History.records(now: now), now: now)
        let steal = try #require(schedules.first { $0.concept == "work-stealing" })
        #expect(steal.box == 1)
        #expect(steal.intervalDays == 1)
        let m = try #require(schedules.first { $0.concept == "m" })
        #expect(m.box == 2) // missed 14 days ago, hit 7 and 2 days ago
        #expect(m.intervalDays == 3)
        #expect(!m.isDue)
    }

    @Test func mostMissedAndLongestUnpractisedComeFirst() {
        let plan = ReviewPlanner().plan(records: History.records(now: now), now: now, limit: 5)
        // go.gmp: preemption missed 3/3 and work stealing due; dist.cap: partition missed once, 7 days ago.
        #expect(plan.questionIDs == ["go.gmp", "dist.cap"])
        #expect(plan.items[0].concepts.first?.concept == "preemption")
        #expect(plan.items[0].priority > plan.items[1].priority)
        #expect(ReviewPlanner().plan(records: History.records(now: now), now: now, limit: 1).questionIDs == ["go.gmp"])
    }

    @Test func aFreshMissIsDueAtOnceAHitWaitsForItsInterval() throws {
        // Ten minutes after the last session: preemption (just missed again) is due; work stealing (hit then)
        // waits a day; partition, hit a week ago after a miss, is due.
        let justAfter = now.addingTimeInterval(-2 * History.day + 600)
        let plan = ReviewPlanner().plan(records: History.records(now: now), now: justAfter, limit: 5)
        #expect(plan.questionIDs == ["dist.cap", "go.gmp"] || plan.questionIDs == ["go.gmp", "dist.cap"])
        let gmp = try #require(plan.items.first { $0.question == "go.gmp" })
        #expect(gmp.concepts.map(\.concept) == ["preemption"])
        let lastSession = now.addingTimeInterval(-2 * History.day + 60)
        #expect(plan.nextDueAt == lastSession.addingTimeInterval(History.day))
    }

    @Test func questionsTheContentNoLongerHasAreLeftOut() {
        let plan = ReviewPlanner().plan(records: History.records(now: now), now: now, limit: 5, available: ["dist.cap"])
        #expect(plan.questionIDs == ["dist.cap"])
    }
}
