import Foundation
import Testing
@testable import RubricKit

@Suite("Authoring: drafting from a JSONL bank")
struct AuthoringDraftTests {
    static let bankText = """
    {"id": "q1", "question": "What is a stack?", "reference": "A last-in first-out collection; push adds on top and pop removes from the top."}
    not json at all
    {"id": "q2", "question": "What is a queue?"}
    {"id": "q3", "question": "What is a queue?", "reference": "A first-in first-out collection: enqueue at the back, dequeue at the front.", "alternatives": ["FIFO order of removal."]}

    {"id": "q1", "question": "dup", "reference": "dup"}
    {"id": "题4", "question": "q", "reference": "r"}
    {"id": "q5", "question": "什么是幂等性？", "reference": "幂等性指同一操作执行多次与执行一次的效果相同，生产者开启幂等性后重试不会产生重复消息。"}
    {"id": "q6", "question": "Is it?", "reference": "!!!"}
    {"id": "q7", "question": "q", "reference": "r", "alternatives": "not a list"}
    {"id": "q8", "question": 5, "reference": "r"}
    [1, 2]
    """

    @Test func badLinesAreReportedWithTheirLineNumbersAndSkipped() {
        let result = BankReader.read(Data(Self.bankText.utf8))
        #expect(result.entries.map(\.entry.id) == ["q1", "q3", "q5"])
        #expect(result.entries.map(\.line) == [1, 4, 8])
        let errors = Dictionary(uniqueKeysWithValues: result.errors.map { ($0.line, $0.message) })
        #expect(errors[2] == "invalid JSON")
        #expect(errors[3] == "missing field 'reference'")
        #expect(errors[6]?.hasPrefix("duplicate id 'q1'") == true)
        #expect(errors[7]?.contains("ASCII") == true)
        #expect(errors[9] == "the reference answer has no letters or digits")
        #expect(errors[10] == "field 'alternatives' must be a list of strings")
        #expect(errors[11] == "field 'question' must be a string")
        #expect(errors[12] == "expected a JSON object")
        #expect(errors[5] == nil)          // a blank line is not an error
    }

    @Test func draftedRubricsLintCleanAndKeepTheReferences() throws {
        let entries = BankReader.read(Data(Self.bankText.utf8)).entries.map(\.entry)
        let drafter = RubricDrafter(bank: entries)
        for e in entries {
            let r = drafter.draft(e)
            let (file, diagnostics) = ContentLoader.decode(text: ContentYAMLWriter.rubric(r), path: "drafted/\(r.id).yaml")
            #expect(diagnostics.isEmpty, "\(diagnostics.map(\.rendered))")
            guard case .rubric(let back)? = file else { Issue.record("not a rubric"); continue }
            #expect(back.standardAnswer == e.reference)
            #expect(back.alternatives == Array(e.references.dropFirst()))
            #expect(back.similarityWeight == drafter.options.similarityWeight)
            #expect(!back.concepts.isEmpty)
        }
        let q3 = drafter.draft(entries[1])
        #expect(q3.language == .en)
        #expect(q3.alternatives == ["FIFO order of removal."])
        #expect(q3.concepts.contains { $0.aliases.contains("dequeue") })
        let q5 = drafter.draft(entries[2])
        #expect(q5.language == .zh)
        #expect(q5.concepts.contains { $0.aliases.contains("重试") })
        // The question's own term counts less than the answer's (or is left out).
        let idem = q5.concepts.first { $0.aliases.contains("幂等性") }?.weight ?? 0
        #expect(q5.concepts.contains { $0.weight > idem })
    }

    @Test func aStopWordOnlyReferenceStillGetsAConcept() {
        let e = BankEntry(id: "yes", question: "Can it?", reference: "Yes, it can.")
        let r = RubricDrafter(bank: [e]).draft(e)
        #expect(r.concepts.count == 1)
        #expect(r.concepts[0].aliases.contains("yes"))
        let (_, d) = ContentLoader.decode(text: ContentYAMLWriter.rubric(r), path: "drafted/yes.yaml")
        #expect(d.isEmpty)
    }
}
