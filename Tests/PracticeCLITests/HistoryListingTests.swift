import Foundation
import InterviewEngine
import RubricKit
import Testing
@testable import mockinterview

@Suite("history listing")
struct HistoryListingTests {
    func record(_ id: String, answered: Bool) -> SessionRecord {
        var q = QuestionRecord(questionID: "q", category: "c", position: 0, budgetSeconds: 60)
        if answered {
            q.grade = AnswerGrade(question: "q", score: 72.25, grade: .B, concepts: [], misconceptions: [],
                                  framework: FrameworkResult(steps: [], inOrder: true, habits: []), flags: [], feedback: [],
                                  breakdown: ScoreBreakdown(coverage: 0, structure: 0, similarity: 0, penalties: 0, caps: []))
        }
        return SessionRecord(id: id, kind: .practice, scenarioID: "quick", scenarioTitle: LocalizedText(zh: "快速", en: "Quick"),
                             mode: .guided, language: .zh, seed: 1, startedAt: Date(timeIntervalSince1970: 0), status: .completed,
                             totalBudgetSeconds: 60, questions: [q, QuestionRecord(questionID: "r", category: "c", position: 1, budgetSeconds: 60)])
    }

    @Test func jsonIsVersionedSortedAndRounded() throws {
        let json = try HistoryListing(records: [record("a1", answered: true)]).json()
        #expect(json.hasPrefix("{\n  \"schema\" : 1,\n  \"sessions\" : ["))
        #expect(json.contains("\"averageGrade\" : \"B\"") && json.contains("\"averageScore\" : 72.3"))
        #expect(json.contains("\"startedAt\" : \"1970-01-01T00:00:00Z\""))
        #expect(json.contains("\"questionsAnswered\" : 1") && json.contains("\"questionCount\" : 2"))
        let unanswered = try HistoryListing(records: [record("b2", answered: false)]).json()
        #expect(!unanswered.contains("averageScore"))
    }

    @Test func theTableAlignsChineseColumns() {
        let text = HistoryListing(records: [record("a1", answered: true), record("b2", answered: false)])
            .text(Localizer(language: .zh), timeZone: TimeZone(identifier: "UTC")!)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("a1    1970-01-01 00:00  quick"))
        #expect(lines[1].contains("分步") && lines[1].contains("72.3 B") && lines[1].hasSuffix("已完成"))
        #expect(lines[2].contains("—"))
        // Columns line up on screen: the scenario column starts at the same display column in every row.
        let starts = [TextWidth.columns(lines[0].components(separatedBy: "场景")[0])]
            + lines.dropFirst().map { TextWidth.columns($0.components(separatedBy: "quick")[0]) }
        #expect(Set(starts).count == 1)
        #expect(TextWidth.columns("中文ab") == 6)
    }

    @Test func durationsAndScores() {
        #expect(Localizer.duration(0) == "0:00")
        #expect(Localizer.duration(65.4) == "1:05")
        #expect(Localizer.duration(3725) == "1:02:05")
        #expect(Localizer.score(95) == "95")
        #expect(Localizer.score(72.5) == "72.5")
    }
}
