import RubricKit
import Testing
@testable import mockinterview

@Suite("scenario ids: suggestions for typos")
struct ScenarioLookupTests {
    let ids = ["distributed", "full", "go-basics", "k8s-ops", "k8s-scale", "middleware", "quick"]

    @Test func aTypoSuggestsTheClosestId() {
        #expect(ScenarioLookup.closest(to: "quik", among: ids) == "quick")
        #expect(ScenarioLookup.closest(to: "midleware", among: ids) == "middleware")
        #expect(ScenarioLookup.closest(to: "Go-Basic", among: ids) == "go-basics")
        #expect(ScenarioLookup.closest(to: "dist", among: ids) == "distributed")     // a unique prefix
    }

    @Test func nothingIsSuggestedWhenNothingIsClose() {
        #expect(ScenarioLookup.closest(to: "rust", among: ids) == nil)
        #expect(ScenarioLookup.closest(to: "k8s", among: ids) == nil)                // two scenarios start so
        #expect(ScenarioLookup.closest(to: "k8s-op", among: ids) == "k8s-ops")
        #expect(ScenarioLookup.closest(to: "", among: ids) == nil)
    }

    @Test func editDistance() {
        // The lookup uses the shared edit distance.
        #expect(EditDistance.levenshtein(Array("quik"), Array("quick"), limit: 5) == 1)
        #expect(EditDistance.levenshtein(Array(""), Array("abc"), limit: 3) == 3)
        #expect(EditDistance.levenshtein(Array("题库"), Array("题目"), limit: 2) == 1)
    }
}
