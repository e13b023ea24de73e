/// Naming a concept is not explaining it. A concept whose rubric says what teaches it (`teach`) is
/// explained when one sentence of the answer naming it shares at least `need` words with the
/// teaching sentence or the label (Chinese character pairs, English stems, numbers: the similarity
/// signal's features), the words of the mention itself not counted. `分别代表G、M和P` names P;
/// `P是逻辑处理器，维护本地队列` explains it. See docs/scoring.md, "Named, not explained".
enum Explanation {
    /// The concept's note in the grade when it is only named.
    static let note = "named, not explained"

    /// - Parameters:
    ///   - hits: the indices in `a.hits` of the concept's hits, in the answer's order (two runs).
    ///   - features: the answer's token features (`ReferenceFeatures.features(of:)`).
    static func isExplained(_ hits: ArraySlice<Int>, _ more: ArraySlice<Int>, in a: AnswerAnalysis, features: [UInt64],
                            teaching: FeatureTable, need: Int) -> Bool {
        guard need > 0 else { return true }
        let count = a.tokens.count
        // A run's hits come in the answer's order, so a sentence's hits are adjacent: each sentence
        // is read once (linear in the answer however many times it names the concept). (Plain loops:
        // through `contains(where:)` and a nested function, `last` lived in a heap box.)
        var last = -1
        for run in 0..<2 {
            for i in run == 0 ? hits : more {
                let h = a.hits[i]
                guard h.first >= 0, h.last < count, h.first <= h.last else { continue }
                let s = a.sentenceOf[h.first]
                guard s != last else { continue }
                last = s
                var lo = h.first
                while lo > 0 && a.sentenceOf[lo - 1] == s { lo -= 1 }
                var hi = h.last + 1
                while hi < count && a.sentenceOf[hi] == s { hi += 1 }
                if ReferenceFeatures.sharedCount(features, lo..<hi, excluding: h.first...h.last, in: teaching, limit: need) >= need {
                    return true
                }
            }
        }
        return false
    }
}
