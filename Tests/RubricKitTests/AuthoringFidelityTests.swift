import Foundation
import Testing
@testable import RubricKit

/// The drafting mechanisms measured by the fidelity benchmark: English word forms the stem does not
/// join, and the coverage target of rubrics drafted from long references.
@Suite("Authoring: word forms and coverage target")
struct AuthoringFidelityTests {
    @Test func wordFormsJoinWhatTheStemDoesNot() {
        #expect(EnglishWordForms.forms(of: "higher").contains("high"))
        #expect(EnglishWordForms.forms(of: "higher").contains("highest"))
        #expect(EnglishWordForms.forms(of: "high").contains("higher"))
        #expect(EnglishWordForms.forms(of: "leaves").contains("leaf"))
        #expect(EnglishWordForms.forms(of: "children").contains("child"))
        #expect(EnglishWordForms.forms(of: "went").contains("go"))
        // Regular inflections already share a stem, so they add nothing.
        #expect(EnglishWordForms.forms(of: "connected").isEmpty)
        #expect(EnglishWordForms.forms(of: "qwertyuiop").isEmpty)
        for w in ["high", "big", "good", "find", "leaf", "dark"] {
            let forms = EnglishWordForms.forms(of: w)
            #expect(!forms.contains(w))
            #expect(Set(forms.map(PorterStemmer.stem)).count == forms.count, "\(w): \(forms)")
            #expect(!forms.map(PorterStemmer.stem).contains(PorterStemmer.stem(w)), "\(w): \(forms)")
        }
    }

    @Test func aDraftedConceptAcceptsTheOtherFormsOfItsWord() {
        let e = BankEntry(id: "pitch", question: "How does the length of a string change its sound?",
                          reference: "The shorter string gives a higher pitch.")
        let r = RubricDrafter(bank: [e]).draft(e)
        let higher = r.concepts.first { $0.aliases.first == "higher" }
        #expect(higher?.aliases.contains("high") == true)
        #expect(r.concepts.first { $0.aliases.first == "shorter" }?.aliases.contains("short") == true)
        let scorer = RubricScorer(framework: ScoringFixtures.framework)
        let grade = scorer.grade("A short string sounds high.", against: r)
        #expect(grade.concepts.first { $0.id == higher?.id }?.hit == true)
        #expect(grade.concepts.first { $0.id == "pitch" }?.hit == false)
    }

    @Test func aFormAnotherTermSpellsStaysWithThatTerm() {
        let e = BankEntry(id: "hi", question: "Compare the towers.",
                          reference: "The north tower is high and the south tower is higher still.")
        let r = RubricDrafter(bank: [e]).draft(e)
        let owners = r.concepts.filter { $0.aliases.contains("high") }
        #expect(owners.count == 1)
        #expect(owners.first?.aliases.first == "high")
        #expect(r.concepts.contains { $0.aliases.first == "higher" })
    }

    @Test func aTermTheScorerReadsAsNegatedInTheReferenceAcceptsBothReadings() {
        let e = BankEntry(id: "bulb", question: "Why does bulb A stay off?",
                          reference: "The battery is not in a closed path with bulb A.")
        let r = RubricDrafter(bank: [e]).draft(e)
        let closed = r.concepts.first { $0.aliases.first == "closed" }
        #expect(closed?.aliases.contains("not closed") == true)
        // The reference earns every concept of its own draft.
        let scorer = RubricScorer(framework: ScoringFixtures.framework)
        let own = scorer.grade(e.reference, against: r)
        #expect(own.concepts.allSatisfy { $0.hit }, "\(own.concepts.filter { !$0.hit }.map(\.id))")
        #expect(scorer.grade("Bulb A and the battery are not in a closed path.", against: r)
            .concepts.first { $0.id == closed?.id }?.hit == true)
        // A term the reference states plainly keeps its plain aliases only.
        let battery = r.concepts.first { $0.aliases.first == "battery" }
        #expect(battery?.aliases == ["battery"])
    }

    @Test func longReferencesGetACoverageTarget() {
        #expect(RubricDrafter.coverageTarget(concepts: 12, full: 12) == nil)
        #expect(RubricDrafter.coverageTarget(concepts: 30, full: 12) == 0.4)
        #expect(RubricDrafter.coverageTarget(concepts: 16, full: 12) == 0.75)
        let words = "abcdefghijklmnopqrst".map { "word\($0)z" }
        let long = BankEntry(id: "long", question: "List them.", reference: words.joined(separator: " ") + ".")
        let short = BankEntry(id: "short", question: "Name one.", reference: "A stack pushes and pops.")
        let drafter = RubricDrafter(bank: [long, short])
        let r = drafter.draft(long)
        #expect(r.concepts.count == 20)
        #expect(r.coverageTarget == 0.6)
        #expect(drafter.draft(short).coverageTarget == nil)
        // It survives the YAML round trip.
        let (file, diagnostics) = ContentLoader.decode(text: ContentYAMLWriter.rubric(r), path: "drafted/long.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.rendered))")
        guard case .rubric(let back)? = file else { Issue.record("not a rubric"); return }
        #expect(back.coverageTarget == 0.6)
    }

    @Test func theCoverageTargetSaturatesCoverage() {
        var r = Rubric(id: "t.cov", category: "t", language: .en, question: LocalizedText(en: "?"),
                       standardAnswer: "alpha beta gamma delta",
                       concepts: ["alpha", "beta", "gamma", "delta"].map { ScoringFixtures.concept($0, [$0]) })
        let scorer = RubricScorer(framework: ScoringFixtures.framework)
        let before = scorer.grade("alpha only", against: r)
        #expect(before.breakdown.rawCoverage == 25)
        r.coverageTarget = 0.5
        let half = scorer.grade("alpha only", against: r)
        #expect(half.breakdown.rawCoverage == 50)
        #expect(half.score > before.score)
        #expect(scorer.grade("alpha beta gamma", against: r).breakdown.rawCoverage == 100)
        let trace = scorer.explain("alpha only", compiled: scorer.compile(r))
        #expect(trace.arithmetic.first?.contains("target 0.5") == true)
    }

    @Test func theLoaderChecksTheCoverageTarget() {
        func diagnostics(_ value: String) -> [String] {
            let yaml = """
            format_version: 1
            id: t.cov
            category: t
            question: {en: "?"}
            standard_answer: alpha
            coverage_target: \(value)
            concepts:
              - id: alpha
                label: {en: alpha}
                aliases: [alpha]
                step: core
            """
            return ContentLoader.decode(text: yaml, path: "t/t.cov.yaml").1.map(\.rendered)
        }
        #expect(diagnostics("0.5").isEmpty)
        #expect(diagnostics("1").isEmpty)
        #expect(diagnostics("0").contains { $0.contains("coverage_target must be above 0 and at most 1") })
        #expect(diagnostics("1.5").contains { $0.contains("coverage_target must be above 0 and at most 1") })
        #expect(!diagnostics("many").isEmpty)
    }
}
