import Foundation
import Testing

/// `grade`, `rubric explain` and `rubric test` through the real binary.
@Suite("Grade command")
struct GradeCommandTests {
    /// A copy of the repository's content in a temporary folder.
    static func contentCopy() throws -> URL {
        let dir = BinaryRunner.temporaryDirectory()
        for sub in ["Rubrics", "Scenarios"] {
            try FileManager.default.copyItem(at: BinaryRunner.packageRoot.appendingPathComponent(sub),
                                             to: dir.appendingPathComponent(sub))
        }
        return dir
    }

    static func run(_ args: [String], stdin: String? = nil, in dir: URL) throws -> BinaryRunner.Result {
        try BinaryRunner.run(args, stdin: stdin, directory: dir, environment: ["MOCKINTERVIEW_CONTENT": dir.path])
    }

    static let good = "G是goroutine，M是系统线程，P是逻辑处理器；M绑定P运行G，本地队列空了去全局队列，再没有就从别的P偷取（work stealing）。"

    static func line(_ object: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) + Data("\n".utf8)
    }

    @Test func answerFilesThatAreFoldersMissingOrDevicesGetClearOutcomes() throws {
        let dir = try Self.contentCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = try Self.run(["grade", "--question", "go.gmp", "--answer-file", dir.path], in: dir)
        #expect(folder.status == 74)
        #expect(folder.stderr.contains("is a folder"))
        let missing = try Self.run(["grade", "--question", "go.gmp", "--answer-file", dir.appendingPathComponent("nope.txt").path], in: dir)
        #expect(missing.status == 74)
        #expect(missing.stderr.contains("no such answer file"))
        let empty = try Self.run(["grade", "--question", "go.gmp", "--answer-file", "/dev/null"], in: dir)
        #expect(empty.status == 0)
        #expect(empty.stdout.contains("[empty]"))
    }

    @Test func batchHandlesEveryKindOfBadLineAndKeepsGoing() throws {
        let dir = try Self.contentCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        var data = Data()
        data += try Self.line(["id": "a1", "question": "go.gmp", "answer": Self.good])            // 1 good
        data += Data("{not json\n".utf8)                                                           // 2 invalid JSON
        data += try Self.line(["id": "a3", "question": "go.gmpp", "answer": Self.good])           // 3 unknown question
        data += try Self.line(["id": "a4", "question": "go.gmp", "answer": ""])                   // 4 empty answer
        data += try Self.line(["id": "a5", "question": "go.gmp",
                               "answer": String(repeating: Self.good, count: 1_048_576 / Self.good.utf8.count + 1)]) // 5 1 MB
        data += Data("{\"id\": \"a6\", \"question\": \"go.gmp\", \"answer\": \"".utf8) + Data([0xFF, 0xFE, 0x41]) + Data("\"}\n".utf8) // 6 bad UTF-8
        data += try Self.line(["id": "a7", "question": "go.gmp"])                                 // 7 missing answer
        data += Data("\n".utf8)                                                                    // 8 blank: skipped
        data += try Self.line(["id": "a9", "question": "go.channel", "answer": "用 v, ok := <-ch 判断是否关闭"]) // 9 good
        let file = dir.appendingPathComponent("answers.jsonl")
        try data.write(to: file)

        let r = try Self.run(["grade", "--batch", file.path], in: dir)
        #expect(r.status == 65)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 8)
        let objects = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.map { $0["id"] as? String } == ["a1", nil, "a3", "a4", "a5", nil, "a7", "a9"])
        #expect(objects.map { $0["line"] as? Int } == [nil, 2, 3, nil, nil, 6, 7, nil])
        #expect(objects[0]["schema"] as? Int == 1)
        #expect(objects[0]["question"] as? String == "go.gmp")
        #expect((objects[0]["concepts"] as? [[String: Any]])?.first?["evidence"] is [String])
        #expect((objects[3]["flags"] as? [String])?.contains("empty") == true)
        #expect(objects[4]["score"] is Double || objects[4]["score"] is Int)
        #expect((objects[2]["error"] as? String)?.contains("unknown question 'go.gmpp'") == true)
        #expect((objects[5]["error"] as? String)?.contains("UTF-8") == true)
        #expect((objects[6]["error"] as? String)?.contains("answer") == true)
        #expect(objects[1].keys.sorted() == ["error", "id", "line"])
        for n in [2, 3, 6, 7] { #expect(r.stderr.contains("\(file.path):\(n): error:"), "line \(n)") }
        #expect(!r.stderr.contains("grading ")) // no progress when stderr is not a terminal
    }

    @Test func sameBatchGivesByteIdenticalOutput() throws {
        let dir = try Self.contentCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        var data = Data()
        for (i, q) in ["go.gmp", "go.channel", "mw.kafka-reliability", "k8s.service"].enumerated() {
            data += try Self.line(["id": "x\(i)", "question": q, "answer": Self.good + " acks=all，min.insync.replicas=2"])
        }
        let file = dir.appendingPathComponent("b.jsonl")
        try data.write(to: file)
        let a = try Self.run(["grade", "--batch", file.path], in: dir)
        let b = try Self.run(["grade", "--batch", file.path], in: dir)
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout.split(separator: "\n").count == 4)
    }

    @Test func singleAnswerTextAndJSON() throws {
        let dir = try Self.contentCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try Self.run(["grade", "--question", "go.gmp", "-"], stdin: Self.good, in: dir)
        #expect(text.status == 0)
        #expect(text.stdout.contains("[goroutine]"))        // highlighted without colour
        #expect(!text.stdout.contains("\u{1B}["))            // no escape codes off a terminal
        #expect(text.stdout.contains("✓"))
        let json = try Self.run(["grade", "--question", "go.gmp", "--format", "json", "-"], stdin: Self.good, in: dir)
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? Int == 1)
        #expect(["A", "B", "C", "D", "F"].contains(object["grade"] as? String ?? ""))
        let unknown = try Self.run(["grade", "--question", "go.gpm", "-"], stdin: "x", in: dir)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("did you mean 'go.gmp'"))
    }

    @Test func explainShowsMatchesNegationsValuesAndArithmetic() throws {
        let dir = try Self.contentCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.run(["rubric", "explain", "go.gmp", "-"], stdin: "G是goroutine。\n本地队列空了不会从别的P偷取。", in: dir)
        #expect(r.status == 0)
        #expect(r.stdout.contains("1:1\talias → g"))
        #expect(r.stdout.contains("negated by"))
        #expect(r.stdout.contains("coverage = ("))
        #expect(r.stdout.contains("score = "))
    }

    @Test func rubricTestFailsOnAnExampleOutOfBand() throws {
        let dir = try Self.contentCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rubric = """
        format_version: 1
        id: t.broken
        category: go
        language: en
        question: {en: What is a goroutine?}
        standard_answer: A goroutine is a lightweight thread managed by the Go runtime.
        concepts:
          - id: goroutine
            label: {en: goroutine}
            aliases: [goroutine]
            step: core
            must_hit: ["a goroutine is cheap"]
            must_miss: ["a thread"]
        examples:
          - name: claims A with nothing
            grade: A
            answer: I have no idea.
        """
        let file = dir.appendingPathComponent("broken.yaml")
        try rubric.write(to: file, atomically: true, encoding: .utf8)
        let r = try Self.run(["rubric", "test", file.path], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.contains("example 'claims A with nothing' scored"))
        #expect(r.stdout.contains("expected A"))
        let json = try Self.run(["rubric", "test", file.path, "--format", "json"], in: dir)
        let object = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? Int == 1)
    }
}
