import Foundation
import InterviewEngine
import RubricKit
import Testing
@testable import ReportKit

@Suite("Scoring sheets")
struct ScoringSheetTests {
    let sheet = ScoringSheet(scenario: Fixtures.scenario, questions: [Fixtures.gmp, Fixtures.cap], content: Fixtures.content, language: .en)

    @Test func checklistIsNumberedLikeConduct() {
        #expect(sheet.questions.map(\.id) == ["go.gmp", "dist.cap"])
        #expect(sheet.questions[0].concepts.map(\.number) == [1, 2, 3, 4])
        #expect(sheet.questions[0].misconceptions.map(\.text) == ["GOMAXPROCS sets the number of Ms"])
        #expect(sheet.questions[0].followUps == [ScoringSheet.FollowUpItem(question: "What happens when the local queue is empty?", concepts: [3])])
        #expect(sheet.questions[0].budgetSeconds == 300)
    }

    @Test func shortAnswerKeepsWholeLinesWithinTheLimit() {
        #expect(ScoringSheet.shortAnswer("one\ntwo\nthree", limit: 8) == "one two")
        #expect(ScoringSheet.shortAnswer(String(repeating: "长", count: 10), limit: 5) == "长长长长…")
        #expect(ScoringSheet.shortAnswer("\n\n") == "")
    }

    @Test func markdownHasBoxesScalesAndTheRecommendation() {
        let md = sheet.markdown
        #expect(md.contains("| 3 | \\[ \\] | Work stealing | Concrete implementation | 1 |"))
        #expect(md.contains("1 = absent · 2 = weak · 3 = solid · 4 = strong"))
        #expect(md.contains("- [ ] Strong No\n- [ ] No\n- [ ] Yes\n- [ ] Strong Yes"))
        #expect(md.contains("Justification (required)"))
    }

    @Test func markdownGolden() throws {
        try GoldenFile.check(sheet.markdown, against: "scoring-sheet.en.md")
    }

    @Test func htmlIsPrintableAndSelfContained() {
        let html = sheet.html
        #expect(html.contains("@media print"))
        #expect(html.contains("break-before: page"))
        #expect(!html.contains("<script"))
        #expect(html.components(separatedBy: "class=\"question sheet-question\"").count - 1 == 2)
        #expect(html.contains("<th>4 · strong</th>"))
    }

    @Test func csvHasARowPerThingToMark() throws {
        let rows = try CSVParser.parse(sheet.csv())
        let header = try #require(rows.first)
        #expect(header == ["scenario", "position", "question_id", "question", "item", "number", "text", "step", "weight", "mark", "notes"])
        // go.gmp: 4 concepts + 1 misconception + 5 steps + note; dist.cap: 2 + 0 + 5 + 1; the recommendation.
        #expect(rows.count == 1 + 11 + 8 + 1)
        #expect(rows.allSatisfy { $0.count == header.count })
        #expect(rows[1][3] == "Explain Go's GMP scheduling model.")
    }
}
