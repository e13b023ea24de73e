import Foundation
import Testing

/// `sheet`, `report`, `stats` and `practice --review` run by the real binary over a real database.
@Suite("sheet, report, stats and review commands")
struct ReportCommandsTests {
    /// Three practice sessions of the e2e scenario: SYN known every time, DNS recursion missed twice then
    /// known, HTTP/2 multiplexing never known.
    static func practiseThreeTimes(content: URL, env: [String: String]) throws {
        let scripts = [
            "客户端发SYN\n\n不知道\n\n不清楚\n\n",
            "SYN和ACK\n\n忘了\n\n:skip\n",
            "SYN\n\n递归查询\n\n头部压缩\n\n",
        ]
        for script in scripts {
            let r = try BinaryRunner.run(["practice", "e2e", "--content", content.path, "--lang", "en"], stdin: script, environment: env)
            #expect(r.status == 0, "stderr: \(r.stderr)")
        }
    }

    @Test func statsAndReviewOverSeveralSessions() throws {
        let content = try PracticeFixture.makeContent(), home = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: home) }
        let env = ["MOCKINTERVIEW_HOME": home.path]
        try Self.practiseThreeTimes(content: content, env: env)

        let json = try BinaryRunner.run(["stats", "--format", "json", "--content", content.path, "--lang", "en"], environment: env)
        #expect(json.status == 0, "stderr: \(json.stderr)")
        let stats = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(stats["schema"] as? Int == 1)
        #expect(stats["sessions"] as? Int == 3)
        let missed = try #require(stats["missedConcepts"] as? [[String: Any]])
        let summary = missed.map { "\($0["question"] as? String ?? "")/\($0["missed"] as? Int ?? -1)/\($0["asked"] as? Int ?? -1)" }
        #expect(summary.contains("e2e.dns/2/3"))
        #expect(summary.contains("e2e.http/2/2"))
        #expect(!summary.contains { $0.hasPrefix("e2e.tcp/") })
        let trend = try #require((stats["categories"] as? [[String: Any]])?.first?["points"] as? [[String: Any]])
        #expect(trend.count == 3)

        let text = try BinaryRunner.run(["stats", "--content", content.path, "--lang", "en"], environment: env)
        #expect(text.stdout.contains("Score trend per category"))
        #expect(text.stdout.contains("Concepts most often missed"))
        #expect(text.stdout.contains("Framework steps most often absent"))
        #expect(text.stdout.contains("Time per question"))

        // The review asks what is due: HTTP/2 (never known). DNS, known in the last session after two misses,
        // waits a day; TCP was always known.
        let review = try BinaryRunner.run(["practice", "--review", "--content", content.path, "--lang", "en"], stdin: ":quit\n", environment: env)
        #expect(review.status == 0, "stderr: \(review.stderr)")
        #expect(review.stdout.contains("Review: 1 question,"))
        #expect(review.stdout.contains("• e2e.http: 多路复用"))
        #expect(!review.stdout.contains("• e2e.dns") && !review.stdout.contains("• e2e.tcp"))
        #expect(review.stdout.contains("Question 1/1"))
        #expect(review.stdout.contains("What does HTTP/2 improve over HTTP/1.1?"))
    }

    @Test func reviewWithNoHistorySaysSo() throws {
        let content = try PracticeFixture.makeContent(), home = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: home) }
        let r = try BinaryRunner.run(["practice", "--review", "--content", content.path, "--lang", "en"], stdin: "",
                                     environment: ["MOCKINTERVIEW_HOME": home.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Nothing to review yet"))
    }

    @Test func reportInEveryFormatAndFile() throws {
        let content = try PracticeFixture.makeContent(), home = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: home) }
        let env = ["MOCKINTERVIEW_HOME": home.path]
        let hostile = "<script>alert(1)</script> \"quotes\", commas SYN"
        _ = try BinaryRunner.run(["practice", "e2e", "--content", content.path, "--lang", "en"], stdin: hostile + "\n\n:skip\n:skip\n", environment: env)

        let md = try BinaryRunner.run(["report", "--content", content.path, "--lang", "en"], environment: env)
        #expect(md.status == 0)
        #expect(md.stdout.hasPrefix("# Interview report · End-to-end practice"))
        #expect(md.stdout.contains("&lt;script&gt;"))
        let csv = try BinaryRunner.run(["report", "--last", "--format", "csv", "--content", content.path], environment: env)
        #expect(csv.stdout.contains("\"<script>alert(1)</script> \"\"quotes\"\", commas SYN\""))
        #expect(csv.stdout.components(separatedBy: "\r\n").count - 1 == 4) // header + 3 questions
        let file = home.appendingPathComponent("r.html")
        let html = try BinaryRunner.run(["report", "--last", "--output", file.path, "--content", content.path], environment: env)
        #expect(html.status == 0)
        let page = try String(contentsOf: file, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(!page.contains("<script>") && page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))

        let missing = try BinaryRunner.run(["report", "nope", "--content", content.path], environment: env)
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("no session with id 'nope'"))
        let both = try BinaryRunner.run(["report", "abc", "--last"], environment: env)
        #expect(both.status == 64)
    }

    @Test func statsOnNothingSaysWhatToDoForTheKindAsked() throws {
        let home = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let env = ["MOCKINTERVIEW_HOME": home.path]
        let practice = try BinaryRunner.run(["stats", "--lang", "en"], environment: env)
        #expect(practice.status == 0)
        #expect(practice.stdout.contains("Practise first: mockinterview practice quick"))
        let conducted = try BinaryRunner.run(["stats", "--kind", "conducted", "--lang", "en"], environment: env)
        #expect(conducted.stdout.contains("No graded interviews yet; run one with `mockinterview conduct"))
    }

    @Test func theReportIsInTheSessionsLanguageUnlessLangSaysOtherwise() throws {
        let content = try PracticeFixture.makeContent(), home = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: home) }
        let env = ["MOCKINTERVIEW_HOME": home.path]        // LANG=C.UTF-8: the interface would be English
        _ = try BinaryRunner.run(["practice", "e2e", "--content", content.path, "--lang", "zh"], stdin: "SYN\n\n:quit\n", environment: env)
        let held = try BinaryRunner.run(["report", "--last", "--content", content.path], environment: env)
        #expect(held.status == 0)
        #expect(held.stdout.hasPrefix("# 面试报告"), "\(held.stdout.prefix(200))")
        let asked = try BinaryRunner.run(["report", "--last", "--content", content.path, "--lang", "en"], environment: env)
        #expect(asked.stdout.hasPrefix("# Interview report"))
    }

    @Test func sheetInEveryFormat() throws {
        let content = try PracticeFixture.makeContent()
        defer { try? FileManager.default.removeItem(at: content) }
        let md = try BinaryRunner.run(["sheet", "e2e", "--content", content.path, "--lang", "en"])
        #expect(md.status == 0)
        #expect(md.stdout.contains("## 1. Explain the TCP three-way handshake."))
        #expect(md.stdout.contains("1 = absent · 2 = weak · 3 = solid · 4 = strong"))
        #expect(md.stdout.contains("- [ ] Strong Yes"))
        let html = try BinaryRunner.run(["sheet", "e2e", "--format", "html", "--content", content.path, "--lang", "zh"])
        #expect(html.stdout.contains("<h1>评分表 · 端到端练习</h1>"))
        let csv = try BinaryRunner.run(["sheet", "e2e", "--format", "csv", "--content", content.path, "--lang", "en"])
        #expect(csv.stdout.hasPrefix("scenario,position,question_id,question,item,number,text,step,weight,mark,notes\r\n"))
        let unknown = try BinaryRunner.run(["sheet", "nope", "--content", content.path])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown scenario 'nope'"))
    }
}
