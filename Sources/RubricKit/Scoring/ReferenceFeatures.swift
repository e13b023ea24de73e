/// The lexical features of a text for the similarity signal: character bigrams of Chinese runs and
/// the Porter stems of English words (stop words left out), as hashes.
struct ReferenceFeatures: Sendable {
    /// Feature hash → index into a bit set.
    let index: FeatureTable
    /// Whether the text is mostly Chinese.
    let isChinese: Bool
    /// Words the text spends per concept it names (`TextLength.wordCount` over concepts named); nil when it
    /// names none. The measure of depth an answer's is compared with.
    let wordsPerConcept: Double?

    /// - Parameter conceptsNamed: how many of the rubric's concepts the tokens name.
    init(text: String, conceptsNamed: (TokenizedText) -> Int) {
        var index = FeatureTable()
        let tokens = Tokenizer.tokenize(text)
        let named = conceptsNamed(tokens)
        let length = TextLength(tokens)
        self.wordsPerConcept = named > 0 ? length.wordCount / Double(named) : nil
        let features = Self.features(of: tokens) { Self.wordFeature($0, in: tokens, stem: PorterStemmer.stem(tokens.text($0))) }
        for f in features where f != 0 && index[f] == nil { index.insert(f, Int32(index.count)) }
        self.index = index
        self.isChinese = length.isMostlyChinese
    }

    var count: Int { index.count }

    /// The share of this reference's features present in the answer's (`features(of:)`, 0 for none);
    /// nil when the reference is
    /// in the other language. (Across languages only technical terms could match, and coverage
    /// already credits those.)
    func recall(of answer: [UInt64], answerIsChinese: Bool) -> Double? {
        guard answerIsChinese == isChinese, index.count > 0 else { return nil }
        var found = [Bool](filled: false, count: index.count)
        var n = 0
        for f in answer where f != 0 { if let i = index[f], !found[Int(i)] { found[Int(i)] = true; n += 1 } }
        return Double(n) / Double(index.count)
    }

    /// More than a third of the words are Chinese (a CJK character counts as half a word).
    static func isMostlyChinese(_ tokens: TokenizedText) -> Bool { TextLength(tokens).isMostlyChinese }

    /// The feature of word token `i` whose stem is `stem`: the stem's hash, nil for a stop word or
    /// a one-letter word. The same for every occurrence of the word.
    static func wordFeature(_ i: Int, in tokens: TokenizedText, stem: String) -> UInt64? {
        guard tokens.textCount(i) >= 2, stopWordTable.value(of: i, in: tokens) == nil else { return nil }
        return Vocabulary.fnv(stem) & 0x3FFF_FFFF_FFFF_FFFF
    }

    /// The feature of each token, 0 for none: a Chinese character gives the bigram it closes with the
    /// character before it (none for a run's first), a word its `wordFeature`, a number its hash;
    /// symbols, fillers and stop words give none. A bigram has bit 62 set, other features not.
    /// - Parameter wordFeature: `wordFeature` of word token `i` (the answer's analysis has them already).
    static func features(of tokens: TokenizedText, wordFeature: (Int) -> UInt64?) -> [UInt64] {
        var out = [UInt64](filled: 0, count: tokens.count)
        // Written in place, one slot per token (an append per token cost a third of the loop).
        out.withUnsafeMutableBufferPointer { out in
            var previousCJK: UInt32? = nil
            for i in out.indices {
                let t = tokens[i]
                switch t.kind {
                case .cjk:
                    let v = t.scalar
                    if let p = previousCJK, t.breakBefore == .none { out[i] = bigramBit | UInt64(p) << 24 | UInt64(v) }
                    previousCJK = v
                case .word:
                    previousCJK = nil
                    if !t.isFiller, let f = wordFeature(i) { out[i] = f }
                case .number:
                    previousCJK = nil
                    out[i] = tokens.withText(i) { Vocabulary.fnv($0) } & 0x3FFF_FFFF_FFFF_FFFF
                case .symbol:
                    previousCJK = nil
                }
            }
        }
        return out
    }

    static let bigramBit: UInt64 = 0x4000_0000_0000_0000

    /// How many distinct features of tokens `range` (`features` as `features(of:)` gives them) are in
    /// `table`, counting to `limit` at most. The tokens in `excluded` give none, nor does a bigram
    /// touching them: the words of a mention are not what the sentence says about it.
    static func sharedCount(_ features: [UInt64], _ range: Range<Int>, excluding excluded: ClosedRange<Int>,
                            in table: FeatureTable, limit: Int) -> Int {
        guard limit > 0 else { return 0 }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: limit) { found in
            var n = 0
            for i in range {
                let f = features[i]
                guard f != 0, !excluded.contains(i), f & bigramBit == 0 || !excluded.contains(i - 1),
                      table[f] != nil, !found[0..<n].contains(f) else { continue }
                found[n] = f
                n += 1
                if n == limit { break }
            }
            return n
        }
    }

    static let stopWordTable: TextTable = {
        var table = TextTable(capacity: stopWords.count)
        for (i, w) in stopWords.enumerated() { table.insert(w, Int32(i)) }
        return table
    }()

    static let stopWords: [String] = [
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is", "are",
        "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "which", "who", "what",
        "when", "where", "how", "why", "can", "could", "will", "would", "should", "may", "might", "must", "do",
        "does", "did", "has", "have", "had", "not", "no", "but", "if", "then", "so", "than", "there", "their",
        "they", "them", "we", "you", "he", "she", "i", "me", "my", "our", "your", "his", "her", "into", "also",
        "such", "each", "other", "any", "all", "some", "more", "most", "very", "just", "only", "about", "up",
        "out", "one", "use", "used", "using",
    ]
}
