import Foundation
import Testing

/// `conduct` driven in a real terminal (tmux): the checklist, live ticks from typed notes, an override, the
/// step ratings and the recommendation; then `report` shows all of it from the database.
@Suite("conduct in a real terminal (tmux)")
struct ConductTerminalTests {
    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed; skipping the real-terminal test"), .timeLimit(.minutes(6)))
    func interviewerLedSessionEndToEnd() throws {
        let content = try ConductFixture.makeContent(), home = BinaryRunner.temporaryDirectory()
        let terminal = Tmux()
        defer {
            terminal.kill()
            try? FileManager.default.removeItem(at: content); try? FileManager.default.removeItem(at: home)
        }
        try terminal.start(binary: ["conduct", "conduct-e2e", "--candidate", "Li Lei", "--interviewer", "Han Meimei",
                                    "--content", content.path, "--lang", "en"],
                           environment: ["MOCKINTERVIEW_HOME": home.path])

        func expect(_ what: String, sourceLocation: SourceLocation = #_sourceLocation, _ predicate: (String) -> Bool) throws {
            try terminal.expect(what, joined: true, sourceLocation: sourceLocation, predicate)
        }
        func enter(_ line: String) throws {
            try terminal.type(line)
            try terminal.press("Enter")
        }

        // The question to read out, the short answer and the numbered checklist.
        try expect("the checklist") {
            $0.contains("Read out: Explain the TCP three-way handshake.") && $0.contains("Standard answer (short):")
                && $0.contains("[ ] 1. SYN *") && $0.contains("[ ] 3. Retransmission on timeout")
                && $0.contains("[ ] !1. The handshake takes two messages") && $0.contains("Q1 notes ❯")
        }

        // Typed notes tick concepts live.
        try enter("client sends SYN")
        try expect("a live tick") { $0.contains("✓ 1. SYN ← syn") || $0.contains("✓ 1. SYN ← SYN") }
        try enter("server answers SYN-ACK")
        try expect("the second tick") { $0.contains("✓ 2. SYN-ACK") && $0.contains("✓ 1 2  ✗ 3") }

        // An override: the interviewer ticks concept 3 by hand.
        try enter("+3")
        try expect("the override") { $0.contains("✓ 3. Retransmission on timeout (interviewer)") && $0.contains("✓ 1 2 3  ✗ -") }

        // The five step ratings on the anchored scale, then a free note.
        // Tab completes the conduct commands.
        try terminal.type(":ne")
        try terminal.press("Tab")
        try expect("the completed :next") { $0.contains("Q1 notes ❯ :next") }
        try terminal.press("Enter")
        try expect("the first rating prompt") { $0.contains("Confirm the question [1-4] ❯") }
        for (rating, anchor) in [("3", "3 = solid"), ("4", "4 = strong"), ("2", "2 = weak"), ("1", "1 = absent")] {
            try enter(rating)
            try expect("rating \(rating)") { $0.contains(anchor) }
        }
        try enter("1")
        try expect("the note prompt") { $0.contains("note ❯") }
        try enter("Calm & precise <b>answer</b>")
        try expect("the next question") { $0.contains("Read out: What is a TCP half-open connection?") }
        try enter(":skip")

        // The recommendation and its required justification.
        try expect("the recommendation prompt") { $0.contains("recommendation [1-4] ❯") }
        try enter("4")
        try expect("the justification prompt") { $0.contains("justification ❯") }
        try terminal.press("Enter")
        try expect("the refusal of an empty justification") { $0.contains("A justification is required.") }
        try enter("Knows the handshake cold")
        try expect("a clean exit") { $0.contains("Interview finished.") && $0.contains("[exit 0]") }

        // The report shows all of it.
        let env = ["MOCKINTERVIEW_HOME": home.path]
        let md = try BinaryRunner.run(["report", "--last", "--content", content.path, "--lang", "en"], environment: env)
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.contains("| Candidate | Li Lei |"))
        #expect(md.stdout.contains("| Interviewer | Han Meimei |"))
        #expect(md.stdout.contains("| ✓ | SYN \\* | Core concept |"))
        #expect(md.stdout.contains("| ✓ | Retransmission on timeout | Concrete implementation | 1 |  | interviewer |"))
        #expect(md.stdout.contains("| Confirm the question | ✓ | 3 (solid) |"))
        #expect(md.stdout.contains("| Core concept | ✓ | 4 (strong) |"))
        #expect(md.stdout.contains("| Optimisation thinking | ✗ | 1 (absent) |"))
        #expect(md.stdout.contains("> Calm & precise &lt;b&gt;answer&lt;/b&gt;"))
        #expect(md.stdout.contains("> client sends SYN"))
        #expect(md.stdout.contains("**Strong Yes**"))
        #expect(md.stdout.contains("> Knows the handshake cold"))

        let json = try BinaryRunner.run(["report", "--last", "--format", "json", "--content", content.path, "--lang", "en"], environment: env)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? Int == 1)
        let recommendation = try #require(object["recommendation"] as? [String: Any])
        #expect(recommendation["verdict"] as? String == "strong-yes")
        let questions = try #require(object["questions"] as? [[String: Any]])
        #expect(questions.count == 2)
        #expect(questions[1]["skipped"] as? Bool == true)

        let html = try BinaryRunner.run(["report", "--last", "--format", "html", "--content", content.path, "--lang", "en"], environment: env)
        #expect(html.stdout.contains("Calm &amp; precise &lt;b&gt;answer&lt;/b&gt;"))
        #expect(html.stdout.components(separatedBy: "<svg ").count - 1 == 2)
    }
}

/// Small content for the conduct test: two TCP questions with stable aliases.
enum ConductFixture {
    static func makeContent() throws -> URL {
        let folder = try ContentFolder(category: "net", zh: "网络", en: "Networking", questions: ["net.handshake", "net.half-open"])
        try folder.rubric("net.handshake", """
        format_version: 1
        id: net.handshake
        category: net
        language: zh
        question:
          zh: 请解释TCP三次握手
          en: Explain the TCP three-way handshake.
        standard_answer: |
          客户端发送SYN，服务端回复SYN-ACK，客户端再发送ACK；丢包时超时重传。
        concepts:
          - id: syn
            label: {zh: SYN, en: SYN}
            aliases: [SYN]
            weight: 1
            step: core
            required: true
          - id: syn-ack
            label: {zh: SYN-ACK, en: SYN-ACK}
            aliases: [SYN-ACK, SYNACK]
            weight: 1
            step: implementation
          - id: retransmit
            label: {zh: 超时重传, en: Retransmission on timeout}
            aliases: [超时重传, retransmission]
            weight: 1
            step: implementation
        misconceptions:
          - id: two-way
            claim: {zh: 握手只需要两次, en: The handshake takes two messages}
            match: [[两次握手, two-way handshake]]
            correction: {zh: 需要三次, en: It takes three.}
            penalty: 10

        """)
        try folder.rubric("net.half-open", """
        format_version: 1
        id: net.half-open
        category: net
        language: zh
        question:
          zh: 什么是TCP半连接？
          en: What is a TCP half-open connection?
        standard_answer: |
          服务端收到SYN后进入SYN_RCVD状态，放入半连接队列。
        concepts:
          - id: syn-queue
            label: {zh: 半连接队列, en: The SYN queue}
            aliases: [半连接队列, SYN queue]
            weight: 1
            step: core

        """)
        try folder.scenario("conduct-e2e", """
        format_version: 1
        id: conduct-e2e
        title: {zh: 面试官主持测试, en: Interviewer-led test}
        description: {zh: "两道TCP题。", en: "Two TCP questions."}
        questions:
          categories: [net]
        order: listed
        time:
          total: 6m
          per_question: 3m
        mode: free

        """)
        return folder.root
    }
}
