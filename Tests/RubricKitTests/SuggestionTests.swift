import RubricKit
import Testing

@Suite("did you mean: suggestions for typos")
struct SuggestionTests {
    let ids = ["distributed", "full", "go-basics", "k8s-ops", "k8s-scale", "middleware", "quick"]

    @Test func aTypoSuggestsTheClosestId() {
        #expect(Suggestion.closest(to: "quik", among: ids) == "quick")
        #expect(Suggestion.closest(to: "midleware", among: ids) == "middleware")
        #expect(Suggestion.closest(to: "Go-Basic", among: ids) == "go-basics")
        #expect(Suggestion.closest(to: "dist", among: ids) == "distributed")     // a unique prefix
    }

    @Test func nothingIsSuggestedWhenNothingIsClose() {
        #expect(Suggestion.closest(to: "rust", among: ids) == nil)
        #expect(Suggestion.closest(to: "k8s", among: ids) == nil)                // two scenarios start so
        #expect(Suggestion.closest(to: "k8s-op", among: ids) == "k8s-ops")
        #expect(Suggestion.closest(to: "", among: ids) == nil)
    }

    @Test func oneRuleForKeysAndQuestionIds() {
        #expect(Suggestion.closest(to: "wieght", among: ["aliases", "label", "weight"]) == "weight")   // a swap is one edit
        #expect(Suggestion.closest(to: "go.gpm", among: ["go.channel", "go.gc", "go.gmp"]) == "go.gmp")
        #expect(Suggestion.closest(to: "WEIGHT", among: ["weight"]) == "weight")                     // case aside
    }

    @Test func aTieSuggestsNothing() {
        #expect(Suggestion.closest(to: "go.gx", among: ["go.gc", "go.gmp", "go.gy"]) == nil)
        #expect(Suggestion.closest(to: "cat", among: ["bat", "cot"]) == nil)
    }

    @Test func editDistance() {
        // The lookup uses the shared edit distance.
        #expect(EditDistance.levenshtein(Array("quik"), Array("quick"), limit: 5) == 1)
        #expect(EditDistance.levenshtein(Array(""), Array("abc"), limit: 3) == 3)
        #expect(EditDistance.levenshtein(Array("题库"), Array("题目"), limit: 2) == 1)
    }
}
