import Foundation
import Testing
@testable import ReportKit

/// docs/reports.md documents the JSON formats field by field; this keeps it from drifting.
@Suite("docs/reports.md")
struct ReportsDocTests {
    static let doc: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/reports.md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// Every key of every object in `json`, except the keys of `overrides` (concept ids, not fields).
    static func keys(_ json: Any, into out: inout Set<String>) {
        if let object = json as? [String: Any] {
            for (key, value) in object {
                out.insert(key)
                if key != "overrides" { keys(value, into: &out) }
            }
        } else if let array = json as? [Any] {
            for value in array { keys(value, into: &out) }
        }
    }

    func undocumented(_ json: String) throws -> [String] {
        var found = Set<String>()
        Self.keys(try JSONSerialization.jsonObject(with: Data(json.utf8)), into: &found)
        #expect(found.count > 10)
        return found.filter { !Self.doc.contains("`\($0)`") }.sorted()
    }

    @Test func everyReportKeyIsDocumented() throws {
        let now = Fixtures.t0
        for record in [Fixtures.conductedRecord(), Fixtures.practiceRecord()] {
            let json = try SessionReport(record: record, content: Fixtures.content, language: .en, generatedAt: now).json()
            #expect(try undocumented(json) == [])
        }
    }

    @Test func everyStatsKeyIsDocumented() throws {
        let stats = ProgressStats(records: History.records(now: Fixtures.t0), content: Fixtures.content, language: .en, generatedAt: Fixtures.t0)
        #expect(try undocumented(try stats.json()) == [])
    }

    @Test func everyCSVColumnIsDocumented() {
        for column in SessionReport.csvHeader { #expect(Self.doc.contains(column), "\(column)") }
    }
}
