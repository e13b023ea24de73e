import Foundation

/// Small, stable content for the practice end-to-end tests, written to a temporary folder: three short
/// questions with no follow-ups (so a script knows exactly what is asked) and the project's framework file.
enum PracticeFixture {
    static let questions: [(id: String, zh: String, en: String, concept: String)] = [
        ("e2e.tcp", "请解释TCP三次握手", "Explain the TCP three-way handshake.", "SYN"),
        ("e2e.dns", "DNS解析的过程是什么？", "How does DNS resolution work?", "递归"),
        ("e2e.http", "HTTP/2相比HTTP/1.1有什么改进？", "What does HTTP/2 improve over HTTP/1.1?", "多路复用"),
    ]

    /// A content folder with `Rubrics/` and `Scenarios/`; remove it when done.
    static func makeContent() throws -> URL {
        let folder = try ContentFolder(category: "e2e", zh: "端到端测试", en: "End-to-end test", questions: questions.map(\.id))
        for q in questions {
            try folder.rubric(q.id, """
            format_version: 1
            id: \(q.id)
            category: e2e
            language: zh
            question:
              zh: \(q.zh)
              en: \(q.en)
            standard_answer: |
              标准答案：\(q.concept)是关键。
            concepts:
              - id: key
                label: {zh: "\(q.concept)", en: "\(q.concept)"}
                aliases: ["\(q.concept)"]
                weight: 1
                step: core
            hints:
              - {zh: "想想\(q.concept)。", en: "Think of \(q.concept)."}

            """)
        }
        try folder.scenario("e2e", """
        format_version: 1
        id: e2e
        title: {zh: 端到端练习, en: End-to-end practice}
        description: {zh: "三道短题。", en: "Three short questions."}
        questions:
          categories: [e2e]
        order: listed
        time:
          total: 9m
          per_question: 3m
        mode: free
        followups:
          max_per_question: 0

        """)
        // Budgets short enough for the time warnings to fall due within a test.
        try folder.scenario("e2e-clock", """
        format_version: 1
        id: e2e-clock
        title: {zh: 计时测试, en: Clock test}
        questions:
          ids: [e2e.tcp]
        time:
          total: 3s
        followups:
          max_per_question: 0

        """)
        return folder.root
    }
}
