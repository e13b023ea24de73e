/// The lexical features of a text for the similarity signal: character bigrams of Chinese runs and
/// the Porter stems of English words (stop words left out), as hashes.
struct ReferenceFeatures: Sendable {
    /// Feature hash → index into a bit set.
    let index: [UInt64: Int]

    init(text: String) {
        var index: [UInt64: Int] = [:]
        for f in Self.features(of: Tokenizer.tokenize(text)) where index[f] == nil { index[f] = index.count }
        self.index = index
    }

    var count: Int { index.count }

    /// The share of this reference's features present in the answer's.
    func recall(of answer: [UInt64]) -> Double {
        guard !index.isEmpty else { return 0 }
        var found = [Bool](repeating: false, count: index.count)
        var n = 0
        for f in answer { if let i = index[f], !found[i] { found[i] = true; n += 1 } }
        return Double(n) / Double(index.count)
    }

    static func features(of tokens: [Token]) -> [UInt64] {
        var out: [UInt64] = []
        out.reserveCapacity(tokens.count)
        var previousCJK: UInt32? = nil
        for t in tokens {
            switch t.kind {
            case .cjk:
                let v = t.text.unicodeScalars.first?.value ?? 0
                if let p = previousCJK, t.breakBefore == .none { out.append(0x4000_0000_0000_0000 | UInt64(p) << 24 | UInt64(v)) }
                previousCJK = v
            case .word:
                previousCJK = nil
                guard t.text.utf8.count >= 2, !stopWords.contains(t.text) else { continue }
                out.append(Vocabulary.fnv(Array(PorterStemmer.stem(t.text).utf8)[...]) & 0x3FFF_FFFF_FFFF_FFFF)
            case .number:
                previousCJK = nil
                out.append(Vocabulary.fnv(Array(t.text.utf8)[...]) & 0x3FFF_FFFF_FFFF_FFFF)
            case .symbol:
                previousCJK = nil
            }
        }
        return out
    }

    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are",
        "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "which", "who", "what",
        "when", "where", "how", "why", "can", "could", "will", "would", "should", "may", "might", "must", "do",
        "does", "did", "has", "have", "had", "not", "no", "but", "if", "then", "so", "than", "there", "their",
        "they", "them", "we", "you", "he", "she", "i", "me", "my", "our", "your", "his", "her", "into", "also",
        "such", "each", "other", "any", "all", "some", "more", "most", "very", "just", "only", "about", "up",
        "out", "one", "use", "used", "using",
    ]
}
