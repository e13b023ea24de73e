import Testing
import RubricKit

@Suite("reference answer in the interface language")
struct ReferenceAnswerTests {
    let rubric = Rubric(id: "t.q", category: "go", language: .zh, question: LocalizedText(zh: "问", en: "Q"),
                        standardAnswer: "G是goroutine，M是系统线程，P是逻辑处理器。",
                        alternatives: ["GMP模型的另一种说法。", "G is a goroutine, M an OS thread and P a logical processor."],
                        concepts: [])

    @Test func eachLanguageGetsItsOwnReference() {
        #expect(rubric.referenceAnswer(in: .zh) == rubric.standardAnswer)
        #expect(rubric.referenceAnswer(in: .en) == "G is a goroutine, M an OS thread and P a logical processor.")
    }

    @Test func withoutOneInThatLanguageTheStandardAnswerIsShown() {
        var zhOnly = rubric
        zhOnly.alternatives = []
        #expect(zhOnly.referenceAnswer(in: .en) == rubric.standardAnswer)
    }
}
