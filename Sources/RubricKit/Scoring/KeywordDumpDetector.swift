import Foundation

/// Tells a bare list of the right keywords from an explanation, by mechanism rather than by word
/// lists: how much of the answer the concept words make up, and how many of the gaps between
/// consecutive concept mentions relate the terms (an explanation connects its terms; a dump does not).
///
/// A gap relates its two mentions when it holds two or more words, an arrow (`->` `=>` `→` …), a
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

    var conceptShare: Double { contentTokens == 0 ? 0 : Double(conceptTokens) / Double(contentTokens) }
    var explainedShare: Double { gaps == 0 ? 0 : Double(explainedGaps) / Double(gaps) }

    func isDump(_ policy: ScoringPolicy) -> Bool {
        conceptShare >= policy.dumpMinConceptShare && explainedShare < policy.dumpMaxExplainedGaps
    }

    /// A run of overlapping concept spans, with the concepts it names: nearly always one, kept
    /// inline; the others (rare) in `more`.
    private struct Mention {
        var first: Int
        var last: Int
        var concept: Int
        var more: [Int] = []

        func names(_ c: Int) -> Bool { concept == c || more.contains(c) }
        mutating func add(_ c: Int) { if !names(c) { more.append(c) } }
        func sharesConcept(with other: Mention) -> Bool { other.names(concept) || more.contains { other.names($0) } }
        mutating func absorb(_ other: Mention) {
            last = other.last
            add(other.concept)
            for c in other.more { add(c) }
        }
    }

    /// - Parameters:
    ///   - spans: token ranges (`first...last`) of concept alias and value-key matches, with their concept.
    ///   - answer: the analysis the spans index into; gaps are read from its UTF-8 bytes.
    ///   - gapsBelowShare: when the concept words make up less than this share of the answer, the
    ///     gaps are not read (no gaps reported): the answer is no dump whatever they hold.
    static func measure(spans: [(first: Int, last: Int, concept: Int)], in answer: AnswerAnalysis,
                        gapsBelowShare: Double? = nil) -> KeywordDumpDetector {
        let tokens = answer.tokens
        // The content tokens (all but symbols) are counted already; those in a span are counted once each.
        let content = answer.length.contentTokens
        var covered = [Bool](filled: false, count: tokens.count)
        var inConcept = 0
        for s in spans {
            for i in s.first...s.last where !covered[i] {
                covered[i] = true
                if tokens[i].kind != .symbol { inConcept += 1 }
            }
        }
        if let least = gapsBelowShare, content == 0 || Double(inConcept) / Double(content) < least {
            return KeywordDumpDetector(contentTokens: content, conceptTokens: inConcept, gaps: 0, explainedGaps: 0)
        }
        // Mentions: overlapping spans merged, with the concepts they name.
        var mentions: [Mention] = []
        mentions.reserveCapacity(spans.count)
        for s in spans.sorted(by: { ($0.first, $0.last) < ($1.first, $1.last) }) {
            if let m = mentions.last, s.first <= m.last {
                mentions[mentions.count - 1].last = max(m.last, s.last)
                mentions[mentions.count - 1].add(s.concept)
            } else {
                mentions.append(Mention(first: s.first, last: s.last, concept: s.concept))
            }
        }
        // A mention right after another name of the same concept (nothing but spaces or brackets
        // between) restates it: one mention.
        var restated: [Mention] = []
        restated.reserveCapacity(mentions.count)
        for m in mentions {
            if let p = restated.last, p.last + 1 == m.first, p.sharesConcept(with: m),
               answer.withBytes(between: p.last, m.first, { onlySpacesOrBrackets($0) }) {
                restated[restated.count - 1].absorb(m)
            } else {
                restated.append(m)
            }
        }
        var explained = 0
        for (a, b) in zip(restated, restated.dropFirst()) {
            var words = 0, word = -1
            for i in (a.last + 1) ..< b.first where tokens[i].kind != .symbol {
                words += 1
                if word < 0 { word = i }
            }
            if words >= wordsToExplain {
                explained += 1
                continue
            }
            let linked = answer.withBytes(between: a.last, b.first) { raw in
                containsArrow(raw) || (words == 0 && containsCopula(raw))
            }
            if linked {
                explained += 1
            } else if words == 1, tokens[word].kind != .number, !tokens[word].afterAssignment,
                      !coordinators.contains(tokens.text(word)) {
                // (A value after `=` or `:` belongs to its key: `acks=all` relates nothing.)
                explained += 1
            }
        }
        return KeywordDumpDetector(contentTokens: content, conceptTokens: inConcept,
                                   gaps: max(0, restated.count - 1), explainedGaps: explained)
    }

    /// Every scalar is white space or one of `()（）[]`. `raw` is valid UTF-8 (a slice of the answer).
    static func onlySpacesOrBrackets(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        var ok = true
        UTF8Scalars.forEach(raw) { s in
            switch s.value {
            case 0x28, 0x29, 0x5B, 0x5D, 0xFF08, 0xFF09: return true
            default:
                if !s.properties.isWhitespace { ok = false }
                return ok
            }
        }
        return ok
    }

    /// A defining mark: `=`, `:` or `：` (U+FF1A, bytes EF BC 9A).
    static func containsCopula(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < raw.count {
            let b = raw[i]
            if b == 0x3D || b == 0x3A { return true }
            if b == 0xEF, i + 2 < raw.count, raw[i + 1] == 0xBC, raw[i + 2] == 0x9A { return true }
            i += 1
        }
        return false
    }

    /// Whether the gap holds one of `arrows`, as `String.contains` (Foundation's search, which
    /// compares canonically equivalent text) finds it. Most gaps are decided from their bytes:
    /// in ASCII only the exact bytes `->` and `=>` can match; text without `>` and without any
    /// scalar of U+2180–U+227F or U+2780–U+27FF (the arrows, and every character whose canonical
    /// decomposition holds an arrow or `>`: `↛`, `⇏`, `≯`) cannot hold one, nor can text without
    /// `-` and `=` and those scalars. The rest is searched as before.
    static func containsArrow(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        var ascii = true, maybe = false, dashOrEquals = false, greater = false
        var i = 0
        while i < raw.count {
            let b = raw[i]
            if b == 0x2D || b == 0x3D {
                dashOrEquals = true
            } else if b == 0x3E {
                greater = true
            } else if b >= 0x80 {
                ascii = false
                if b == 0xE2, i + 1 < raw.count {
                    let c = raw[i + 1]
                    if (c >= 0x86 && c <= 0x89) || c == 0x9E || c == 0x9F { maybe = true }
                }
            }
            i += 1
        }
        if dashOrEquals && greater { maybe = true }
        if !maybe { return false }
        if ascii {
            var j = 0
            while j + 1 < raw.count {
                if (raw[j] == 0x2D || raw[j] == 0x3D) && raw[j + 1] == 0x3E { return true }
                j += 1
            }
            return false
        }
        let text = String(decoding: raw, as: UTF8.self)
        return arrows.contains { text.contains($0) }
    }
}
