import Foundation
import Testing
@testable import RubricKit

@Suite("Authoring: Markdown import")
struct AuthoringImportTests {
    static let fixture = """
    # 题库

    ## 📋 目录
    ### 🚀 Go
    1. [GMP](#1)

    ---

    ## 🚀 Go语言基础

    ### 1. Go的GMP调度模型

    **问题**: 请解释GMP调度模型

    **标准答案**:
    GMP是Go运行时的调度机制：

    - **G (Goroutine)**: 用户级轻量线程
    - **P (Processor)**: 逻辑处理器，维护本地队列

    **调度流程**:
    ```go
    1. M从P的本地队列获取G执行
    2. 本地队列为空时从其他P偷取(work stealing)
    ```

    ## 🔧 中间件技术

    ### 2. Kafka消息可靠性

    **问题**: Kafka如何保证消息不丢失？

    **标准答案**:
    | 方案 | 可靠性 |
    |------|--------|
    | **幂等生产者** | 高 |

    ```yaml
    acks: all                    # 等待所有副本确认
    min.insync.replicas: 2
    ```

    ## 🎪 面试技巧
    ### 回答框架
    1. 理解确认
    """

    @Test func parsesCategoriesQuestionsAndBlocks() {
        let bank = MarkdownQuestionBank.parse(Self.fixture)
        #expect(bank.categories.map(\.title) == ["Go语言基础", "中间件技术"])
        #expect(bank.questionCount == 2)
        let q = bank.categories[0].questions[0]
        #expect(q.number == 1)
        #expect(q.title == "Go的GMP调度模型")
        #expect(q.prompt == "请解释GMP调度模型")
        #expect(q.answer.contains(.bullet(depth: 0, text: "**G (Goroutine)**: 用户级轻量线程")))
        #expect(q.answer.contains { if case .code(let lang, let lines) = $0 { lang == "go" && lines.count == 2 } else { false } })
        let k = bank.categories[1].questions[0]
        #expect(k.answer.contains(.table(header: ["方案", "可靠性"], rows: [["**幂等生产者**", "高"]])))
    }

    @Test func importsConceptsFromStructure() throws {
        let out = QuestionBankImporter().importBank(MarkdownQuestionBank.parse(Self.fixture))
        #expect(out.rubrics.count == 2)
        #expect(out.scenarios.count == 2)
        #expect(out.categories.map(\.category.id) == ["go", "category-2"])
        let gmp = try #require(out.rubrics.first)
        #expect(gmp.id == "go.gmp")
        let aliases = gmp.concepts.flatMap(\.aliases)
        #expect(aliases.contains("Goroutine"))                // bold list head, split at the bracket
        #expect(aliases.contains("Processor"))
        #expect(gmp.concepts.contains { $0.label.zh == "G (Goroutine)" && $0.teach?.zh == "G (Goroutine): 用户级轻量线程" })

        let kafka = try #require(out.rubrics.last)
        let acks = try #require(kafka.concepts.first { $0.values.contains(ValueFact(keys: ["acks"], accepted: ["all"])) })
        #expect(acks.step == .implementation)                  // config keys are implementation detail
        #expect(kafka.concepts.contains { $0.values.contains(ValueFact(keys: ["min.insync.replicas"], accepted: ["2"])) })
        #expect(kafka.concepts.contains { $0.aliases.contains("幂等生产者") })   // table row head
        #expect(!kafka.concepts.contains { $0.aliases == ["高"] })               // one-character cells are too vague
    }

    @Test func importedFilesLintClean() {
        let out = QuestionBankImporter().importBank(MarkdownQuestionBank.parse(Self.fixture))
        for r in out.rubrics {
            let text = ContentYAMLWriter.rubric(r, header: "test")
            let (file, diagnostics) = ContentLoader.decode(text: text, path: "Rubrics/\(r.category)/\(r.id).yaml")
            #expect(diagnostics.isEmpty, "\(diagnostics.map(\.rendered))")
            guard case .rubric(let back)? = file else { Issue.record("not a rubric"); continue }
            #expect(back.concepts.map(\.aliases) == r.concepts.map(\.aliases))
            #expect(back.concepts.map(\.values) == r.concepts.map(\.values))
            #expect(back.standardAnswer == r.standardAnswer)
        }
        for s in out.scenarios {
            let (file, diagnostics) = ContentLoader.decode(text: ContentYAMLWriter.scenario(s), path: "Scenarios/\(s.id).yaml")
            #expect(diagnostics.isEmpty, "\(diagnostics.map(\.rendered))")
            guard case .scenario(let back)? = file else { Issue.record("not a scenario"); continue }
            #expect(back.selection == s.selection && back.totalSeconds == s.totalSeconds)
        }
        let (cats, d) = ContentLoader.decode(text: ContentYAMLWriter.categories(out.categories), path: "Rubrics/categories.yaml")
        #expect(d.isEmpty)
        #expect(cats == .categories(out.categories))
    }

    @Test func anEmptyQuestionLineAsksTheHeadingAndAnEmptyAnswerIsSkipped() {
        let bank = MarkdownQuestionBank.parse("""
        ## Cat
        ### 1. What is a stack?
        **问题**:
        **标准答案**:
        A LIFO collection.
        ### 2. Nothing here
        **问题**: q
        **标准答案**:
        ### 3.
        **问题**:
        **标准答案**:
        text
        """)
        #expect(bank.questionCount == 1)
        #expect(bank.categories.first?.questions.first?.prompt == "What is a stack?")
    }

    @Test func configValuesAreReadFromCodeLines() {
        #expect(ConceptCandidates.configValue("acks: all                    # 等待所有副本确认")! == ("acks", "all"))
        #expect(ConceptCandidates.configValue("--max-requests-inflight=3000")! == ("max-requests-inflight", "3000"))
        #expect(ConceptCandidates.configValue("sysctl -w net.core.rmem_max=134217728")! == ("net.core.rmem_max", "134217728"))
        #expect(ConceptCandidates.configValue("    \"enable.auto.commit\": false,")! == ("enable.auto.commit", "false"))
        #expect(ConceptCandidates.configValue("spec:") == nil)
        #expect(ConceptCandidates.configValue("command: [\"/bin/sh\", \"-c\"]") == nil)
    }
}
