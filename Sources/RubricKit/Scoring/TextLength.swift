/// What a text's tokens add up to, counted in one look: the content tokens (everything but
/// symbols), its length in words for the depth rule and whether it is mostly Chinese.
struct TextLength: Sendable, Equatable {
    var cjk = 0, words = 0, numbers = 0
    /// Fillers (`的`, articles): CJK characters or words.
    var fillerCJK = 0, fillerWords = 0

    /// Nothing counted yet.
    init() {}

    /// What `tokens` add up to (counted when they were made).
    init(_ tokens: TokenizedText) { self = tokens.length }

    @inline(__always)
    mutating func add(_ t: Token) {
        switch t.kind {
        case .cjk: cjk += 1; if t.isFiller { fillerCJK += 1 }
        case .word: words += 1; if t.isFiller { fillerWords += 1 }
        case .number: numbers += 1
        case .symbol: break
        }
    }

    /// Words, numbers and CJK characters.
    var contentTokens: Int { cjk + words + numbers }

    /// The length in words: a CJK character counts as half a word, a number as a word; fillers do not count.
    var wordCount: Double { Double(cjk - fillerCJK) / 2 + Double(words - fillerWords + numbers) }

    /// More than a third of the words are Chinese (a CJK character counts as half a word; numbers
    /// are neither).
    var isMostlyChinese: Bool {
        let all = Double(cjk) / 2 + Double(words)
        return all > 0 && Double(cjk) / 2 / all > 1.0 / 3
    }
}
