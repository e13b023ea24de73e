/// Tells a bare list of the right keywords from an explanation, by mechanism rather than by word
/// lists: how much of the answer the concept words make up, and how many of the gaps between
/// consecutive concept mentions relate the terms (an explanation connects its terms; a dump does not).
///
/// A gap relates its two mentions when it holds two or more words, an arrow (`->` `→` `=>`), a
/// defining mark with no word (`G = goroutine`, `flannel: vxlan`), or one
/// word that is neither a coordinator nor a value (`G是goroutine`, `M从P取G`, `drain then uncordon`;
/// not `G和M`, `PV or PVC`, `acks=all`). A term immediately followed by another name of the same concept (`consistency一致性`,
/// `CSI (Container Storage Interface)`) is one mention.
struct KeywordDumpDetector {
    var contentTokens: Int
    var conceptTokens: Int
    var gaps: Int
    var explainedGaps: Int

    /// Content tokens a gap needs to count as explanation whatever they are.
    static let wordsToExplain = 2
    /// Words that join terms into a list rather than relate them.
    static let coordinators: Set<String> = ["和", "与", "及", "或", "跟", "同", "并", "等", "加", "and", "or", "plus", "nor", "vs", "versus", "etc"]
    /// Arrows, as typed (`->` `=>`) or as symbols.
    static let arrows = ["->", "=>", "\u{2192}", "\u{21D2}", "\u{27F6}", "\u{279C}", "\u{2794}", "\u{21E8}"]

    /// Marks that define one term by the next (`G = goroutine`, `flannel: vxlan`).
    static let copulaMarks: Set<Unicode.Scalar> = ["=", ":", "\u{FF1A}"]

    var conceptShare: Double { contentTokens == 0 ? 0 : Double(conceptTokens) / Double(contentTokens) }
    var explainedShare: Double { gaps == 0 ? 0 : Double(explainedGaps) / Double(gaps) }

    func isDump(_ policy: ScoringPolicy) -> Bool {
        conceptShare >= policy.dumpMinConceptShare && explainedShare < policy.dumpMaxExplainedGaps
    }

    /// - Parameters:
    ///   - spans: token ranges (`first...last`) of concept alias and value-key matches, with their concept.
    ///   - between: the answer's original text between the end of one token and the start of another.
    static func measure(tokens: [Token], spans: [(first: Int, last: Int, concept: Int)],
                        between: (Int, Int) -> String) -> KeywordDumpDetector {
        var covered = [Bool](repeating: false, count: tokens.count)
        // Mentions: overlapping spans merged, with the concepts they name.
        var mentions: [(first: Int, last: Int, concepts: Set<Int>)] = []
        for s in spans.sorted(by: { ($0.first, $0.last) < ($1.first, $1.last) }) {
            for i in s.first...s.last { covered[i] = true }
            if let m = mentions.last, s.first <= m.last {
                mentions[mentions.count - 1].last = max(m.last, s.last)
                mentions[mentions.count - 1].concepts.insert(s.concept)
            } else {
                mentions.append((s.first, s.last, [s.concept]))
            }
        }
        var content = 0, inConcept = 0
        for (i, t) in tokens.enumerated() where t.kind != .symbol {
            content += 1
            if covered[i] { inConcept += 1 }
        }
        // A mention right after another name of the same concept (nothing but spaces or brackets
        // between) restates it: one mention.
        var restated: [(first: Int, last: Int, concepts: Set<Int>)] = []
        for m in mentions {
            if let p = restated.last, !p.concepts.isDisjoint(with: m.concepts), p.last + 1 == m.first,
               between(p.last, m.first).unicodeScalars.allSatisfy({ $0.properties.isWhitespace || "()（）[]".unicodeScalars.contains($0) }) {
                restated[restated.count - 1].last = m.last
                restated[restated.count - 1].concepts.formUnion(m.concepts)
            } else {
                restated.append(m)
            }
        }
        var explained = 0
        for (a, b) in zip(restated, restated.dropFirst()) {
            let words = (a.last + 1 ..< b.first).filter { tokens[$0].kind != .symbol }
            let raw = between(a.last, b.first)
            if words.count >= wordsToExplain || arrows.contains(where: { raw.contains($0) })
                || (words.isEmpty && raw.unicodeScalars.contains { copulaMarks.contains($0) }) {
                explained += 1
            } else if words.count == 1, let w = words.first, tokens[w].kind != .number, !tokens[w].afterAssignment,
                      !coordinators.contains(tokens[w].text) {
                // (A value after `=` or `:` belongs to its key: `acks=all` relates nothing.)
                explained += 1
            }
        }
        return KeywordDumpDetector(contentTokens: content, conceptTokens: inConcept,
                                   gaps: max(0, restated.count - 1), explainedGaps: explained)
    }
}
