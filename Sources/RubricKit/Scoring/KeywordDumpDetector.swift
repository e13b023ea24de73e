/// Tells a bare list of the right keywords from an explanation, by mechanism rather than by word
/// lists: how much of the answer the concept words make up, and how many of the gaps between
/// consecutive concept mentions hold other words (an explanation connects its terms; a dump does not).
struct KeywordDumpDetector {
    var contentTokens: Int
    var conceptTokens: Int
    var gaps: Int
    var explainedGaps: Int

    /// Content tokens a gap needs to count as explanation (one connective such as `和` / `and` is not).
    static let wordsToExplain = 2

    var conceptShare: Double { contentTokens == 0 ? 0 : Double(conceptTokens) / Double(contentTokens) }
    var explainedShare: Double { gaps == 0 ? 0 : Double(explainedGaps) / Double(gaps) }

    func isDump(_ policy: ScoringPolicy) -> Bool {
        conceptShare >= policy.dumpMinConceptShare && explainedShare < policy.dumpMaxExplainedGaps
    }

    /// - Parameter spans: token ranges (`first...last`) of concept alias and value-key matches.
    static func measure(tokens: [Token], spans: [(Int, Int)]) -> KeywordDumpDetector {
        var covered = [Bool](repeating: false, count: tokens.count)
        var merged: [(Int, Int)] = []
        for (f, l) in spans.sorted(by: { $0 < $1 }) {
            for i in f...l { covered[i] = true }
            if let last = merged.last, f <= last.1 { merged[merged.count - 1].1 = max(last.1, l) } else { merged.append((f, l)) }
        }
        var content = 0, inConcept = 0
        for (i, t) in tokens.enumerated() where t.kind != .symbol {
            content += 1
            if covered[i] { inConcept += 1 }
        }
        var explained = 0
        for (a, b) in zip(merged, merged.dropFirst()) {
            var words = 0
            for i in (a.1 + 1)..<b.0 where tokens[i].kind != .symbol { words += 1 }
            if words >= wordsToExplain { explained += 1 }
        }
        return KeywordDumpDetector(contentTokens: content, conceptTokens: inConcept,
                                   gaps: max(0, merged.count - 1), explainedGaps: explained)
    }
}
