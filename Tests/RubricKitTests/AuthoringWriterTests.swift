import Foundation
import Testing
@testable import RubricKit

@Suite("Authoring: YAML writer and agreement")
struct AuthoringWriterTests {
    @Test(arguments: ["yes", "No", "null", "~", "1.5", "0x1F", "2024-01-01", "- item", "a: b", "# c", "it's", "\"q\"",
                      " lead", "trail ", "tab\there", "line\nbreak", "back\\slash", "{x}", "[x]", "&a", "*b", "!t", "|", ">",
                      "%p", "@a", "`c`", "中文：冒号", "bom\u{FEFF}", "nul\u{0}", "sep\u{2028}", "ok plain", "Goroutine"])
    func scalarsRoundTrip(_ s: String) throws {
        let text = "format_version: 1\nid: x\ncategory: c\nquestion: \(ContentYAMLWriter.scalar(s))\n" +
            "standard_answer: \(ContentYAMLWriter.scalar(s))\nconcepts:\n  - id: a\n    label: l\n    aliases: [alias]\n    step: core\n"
        let (file, d) = ContentLoader.decode(text: text, path: "x.yaml")
        #expect(d.isEmpty, "\(d.map(\.rendered))")
        guard case .rubric(let r)? = file else { Issue.record("not decoded: \(text)"); return }
        #expect(r.standardAnswer == s)
    }

    @Test(arguments: ["two\nlines", "ends with newline\n", "中文\n  indented\n\nblank above", "a\n\n", " leading\nspace", "tab\n\tinside"])
    func standardAnswersRoundTrip(_ s: String) throws {
        let r = Rubric(id: "x", category: "c", question: LocalizedText(zh: "问"), standardAnswer: s,
                       alternatives: [s, "plain"], concepts: [Concept(id: "a", label: LocalizedText("l"), aliases: ["a: b", "x"])])
        let (file, d) = ContentLoader.decode(text: ContentYAMLWriter.rubric(r), path: "x.yaml")
        #expect(d.isEmpty, "\(d.map(\.rendered))")
        guard case .rubric(let back)? = file else { Issue.record("not decoded"); return }
        #expect(back.standardAnswer == s)
        #expect(back.alternatives == [s, "plain"])
        #expect(back.concepts[0].aliases == ["a: b", "x"])
    }

    @Test func pearsonAndBandAgreement() {
        let a = Agreement(ours: [90, 75, 50, 20], human: [95, 60, 55, 10])
        #expect(a.count == 4)
        // Computed by hand (and checked with Python statistics.correlation): r = 0.9587 for these pairs.
        #expect(abs((a.pearson ?? 0) - 0.9587) < 0.001)
        // Bands: A/A, B/C (one apart), D/C (one apart), F/F.
        #expect(a.withinOneBand == 1.0)
        let b = Agreement(ours: [90, 20], human: [20, 90])
        #expect(b.withinOneBand == 0.0)
        #expect(abs((b.pearson ?? 0) + 1) < 1e-9)
        #expect(Agreement(ours: [50, 50], human: [10, 90]).pearson == nil)   // constant side: undefined
        #expect(Agreement(ours: [], human: []).withinOneBand == nil)
    }
}
