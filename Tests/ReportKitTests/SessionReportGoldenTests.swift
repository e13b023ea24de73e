import Foundation
import InterviewEngine
import RubricKit
import Testing
@testable import ReportKit

@Suite("Session report golden files")
struct SessionReportGoldenTests {
    let generated = Fixtures.t0.addingTimeInterval(86_400)

    @Test func practiceMarkdownInChinese() throws {
        let report = SessionReport(record: Fixtures.practiceRecord(), content: Fixtures.content, language: .zh, generatedAt: generated)
        try GoldenFile.check(report.markdown(timeZone: .gmt), against: "practice-report.zh.md")
    }

    @Test func practiceJSON() throws {
        let report = SessionReport(record: Fixtures.practiceRecord(), content: Fixtures.content, language: .en, generatedAt: generated)
        try GoldenFile.check(try report.json(), against: "practice-report.json")
    }

    @Test func conductedMarkdownInEnglish() throws {
        let report = SessionReport(record: Fixtures.conductedRecord(), content: Fixtures.content, language: .en, generatedAt: generated)
        try GoldenFile.check(report.markdown(timeZone: .gmt), against: "conducted-report.en.md")
    }

    @Test func conductedJSON() throws {
        let report = SessionReport(record: Fixtures.conductedRecord(), content: Fixtures.content, language: .en, generatedAt: generated)
        try GoldenFile.check(try report.json(), against: "conducted-report.json")
    }

    @Test func jsonRoundTripsAndCarriesTheSchema() throws {
        let report = SessionReport(record: Fixtures.conductedRecord(), content: Fixtures.content, language: .en, generatedAt: generated)
        let json = try report.json()
        #expect(json.contains("\"schema\" : 1"))
        let decoded = try SessionReport.decode(json: Data(json.utf8))
        #expect(decoded == report)
    }

    @Test func sameInputSameBytes() throws {
        let a = SessionReport(record: Fixtures.conductedRecord(), content: Fixtures.content, language: .zh, generatedAt: generated)
        let b = SessionReport(record: Fixtures.conductedRecord(), content: Fixtures.content, language: .zh, generatedAt: generated)
        #expect(try a.json() == b.json())
        #expect(a.html(timeZone: .gmt) == b.html(timeZone: .gmt))
        #expect(a.csv() == b.csv())
    }

    @Test func summaryFiguresComeFromTheRecord() {
        let report = SessionReport(record: Fixtures.practiceRecord(), content: Fixtures.content, language: .en, generatedAt: generated)
        #expect(report.summary.questionsTotal == 2)
        #expect(report.summary.questionsAnswered == 1)
        #expect(report.summary.questionsSkipped == 1)
        #expect(report.summary.averageScore == 71.5)
        #expect(report.summary.grade == .B)
        #expect(report.summary.hintsUsed == 1)
        #expect(report.summary.categories.map(\.id) == ["go", "distributed"])
        #expect(report.summary.categories[1].averageScore == nil)
        let gmp = report.questions[0]
        #expect(gmp.conceptsHit.map(\.id) == ["g", "m", "work-stealing"])
        #expect(gmp.conceptsMissed.map(\.id) == ["preemption"])
        #expect(gmp.framework.filter(\.present).map(\.step) == [.confirm, .core, .application, .optimization])
    }

    @Test func aSessionWithNothingGradedStillRenders() throws {
        var record = Fixtures.practiceRecord()
        record.status = .inProgress
        record.endedAt = nil
        for i in record.questions.indices { record.questions[i].grade = nil; record.questions[i].turns = [] }
        let report = SessionReport(record: record, content: .none, language: .en, generatedAt: generated)
        #expect(report.summary.averageScore == nil)
        #expect(report.summary.framework.allSatisfy { $0.share == 0 && $0.graded == 0 })
        #expect(report.questions.map(\.question) == ["go.gmp", "dist.cap"]) // no content: ids
        let html = report.html(timeZone: .gmt)
        #expect(html.contains("not graded"))
        #expect(!html.contains("nan") && !html.contains("inf"))
        #expect(report.markdown(timeZone: .gmt).contains("| Status | in progress |"))
        #expect(try CSVParser.parse(report.csv()).count == 3)
    }

    @Test func htmlIsSelfContainedWithBothChartsAndPrintStyles() {
        let html = SessionReport(record: Fixtures.conductedRecord(), content: Fixtures.content, language: .zh, generatedAt: generated).html(timeZone: .gmt)
        #expect(html.components(separatedBy: "<svg ").count - 1 == 2)
        #expect(html.contains("@media print"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        // The only URL is the SVG namespace.
        let urls = html.components(separatedBy: "http").count - 1
        #expect(urls == html.components(separatedBy: "http://www.w3.org/2000/svg").count - 1)
        #expect(html.contains("理解确认"))
        #expect(html.contains("分布式系统"))
    }
}
