import Foundation
import InterviewEngine
import RubricKit
import Testing
@testable import ReportKit

@Suite("Escaping in every format")
struct EscapingTests {
    static let hostile = "<script>alert(1)</script> and \"quotes\", commas\nsecond line & more"

    @Test func htmlEscapesEveryMarkupCharacter() {
        #expect(TextEscaping.html("<a href='x'>\"&\"</a>") == "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;")
    }

    @Test func markdownCellKeepsTheTableIntact() {
        let cell = TextEscaping.markdownCell("a | b\nc *d* <e>")
        #expect(cell == "a \\| b<br>c \\*d\\* &lt;e&gt;")
        #expect(!cell.contains("\n"))
    }

    @Test func csvQuotesOnlyWhenNeededAndDoublesQuotes() {
        #expect(CSVTable.field("plain") == "plain")
        #expect(CSVTable.field("a,b") == "\"a,b\"")
        #expect(CSVTable.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVTable.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVTable(header: ["a", "b"], rows: [["1", "x,y"]]).rendered() == "a,b\r\n1,\"x,y\"\r\n")
    }

    @Test func hostileAnswerIsEscapedInTheHTMLReport() {
        let record = Fixtures.practiceRecord(answer: Self.hostile)
        let html = SessionReport(record: record, content: Fixtures.content, language: .en, generatedAt: Fixtures.t0).html(timeZone: .gmt)
        #expect(!html.contains("<script>"))
        #expect(!html.contains("alert(1)</script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; and &quot;quotes&quot;, commas\nsecond line &amp; more"))
    }

    @Test func hostileAnswerSurvivesTheCSVReportIntact() throws {
        let record = Fixtures.practiceRecord(answer: Self.hostile)
        let csv = SessionReport(record: record, content: Fixtures.content, language: .en, generatedAt: Fixtures.t0).csv()
        let rows = try CSVParser.parse(csv)
        #expect(rows.count == 3) // header + one row per question
        let header = try #require(rows.first)
        #expect(rows.allSatisfy { $0.count == header.count })
        let answerColumn = try #require(header.firstIndex(of: "answer"))
        #expect(rows[1][answerColumn].contains(Self.hostile))
        #expect(csv.contains("\"\"quotes\"\", commas"))
    }

    @Test func hostileInterviewerTextIsEscapedInHTMLAndMarkdown() {
        let record = Fixtures.conductedRecord()
        let report = SessionReport(record: record, content: Fixtures.content, language: .en, generatedAt: Fixtures.t0)
        let html = report.html(timeZone: .gmt)
        #expect(!html.contains("<b>needs</b>"))
        #expect(html.contains("&lt;b&gt;needs&lt;/b&gt; depth &amp; &quot;practice&quot;."))
        let md = report.markdown(timeZone: .gmt)
        #expect(!md.contains("<b>"))
        #expect(md.contains("&lt;b&gt;needs&lt;/b&gt;"))
    }

    @Test func hostileCandidateNameIsEscapedInTheHTMLReport() {
        var record = Fixtures.conductedRecord()
        record.candidate = "<img src=x onerror=alert(1)>"
        let html = SessionReport(record: record, content: Fixtures.content, language: .en, generatedAt: Fixtures.t0).html(timeZone: .gmt)
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }
}

/// A strict RFC 4180 reader for the tests: CRLF records, quoted fields with doubled quotes.
enum CSVParser {
    struct Malformed: Error { var reason: String }

    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        var i = 0
        var quoted = false
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 2; continue }
                    quoted = false; i += 1; continue
                }
                field.append(c); i += 1; continue
            }
            switch c {
            case "\"":
                guard field.isEmpty else { throw Malformed(reason: "quote inside an unquoted field at \(i)") }
                quoted = true
            case ",": row.append(field); field = ""
            case "\r\n":
                row.append(field); field = ""; rows.append(row); row = []
            case "\n", "\r": throw Malformed(reason: "bare line break at \(i)")
            default: field.append(c)
            }
            i += 1
        }
        guard !quoted else { throw Malformed(reason: "unterminated quote") }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        chars.removeAll()
        return rows
    }
}
