/// An answer's distinct words that the rubric's `WordResolutionCache` does not keep (not ASCII,
/// longer than it keeps, letters not their bytes, or any once it is full), each to its index in
/// `AnswerAnalysis.words`, so each is resolved once per answer. An ASCII word is remembered by where
/// its first occurrence's text lies in the `TokenizedText` (`TextTable.asciiHash` over the bytes,
/// compared byte for byte): no `String` per word. Any other word goes to a `Dictionary` of
/// `String`s, which keeps `String`'s canonical equivalence exactly as before.
struct WordMemo {
    /// A remembered ASCII word: its text is `textStart..<textEnd` of the folded text.
    struct Entry: ProbingKey {
        let textStart: Int
        let textEnd: Int
        let probeHash: Int
    }

    /// Allocated at the first ASCII word remembered (most answers remember none: the rubric's
    /// word cache keeps their words).
    private var ascii: ProbingTable<Entry>?
    private var others: [String: Int32] = [:]

    /// The value of token `i`'s folded text; `asciiHash` is its `TextTable.asciiHash` (nil when
    /// the text is not ASCII), which the caller computes once for the lookups and the insert.
    func value(of i: Int, in tokens: TokenizedText, asciiHash: Int?) -> Int32? {
        // (The closure captures the token and the text, not the memo: capturing the memo copied it.)
        let t = tokens[i]
        guard let hash = asciiHash else { return others[tokens.text(i)] }
        return ascii?.value(hash: hash) { e in
            e.probeHash == hash && tokens.textEqual(e.textStart..<e.textEnd, t.textStart..<t.textEnd)
        }
    }

    /// Remembers token `i`'s folded text, `text` (made only when the word is not ASCII), with `value` (≥ 0).
    mutating func insert(_ i: Int, in tokens: TokenizedText, asciiHash: Int?, text: @autoclosure () -> String, _ value: Int32) {
        let t = tokens[i]
        if let hash = asciiHash {
            if ascii == nil { ascii = ProbingTable(placeholder: Entry(textStart: 0, textEnd: 0, probeHash: 0)) }
            ascii!.insert(Entry(textStart: t.textStart, textEnd: t.textEnd, probeHash: hash), value)
        } else {
            others[text()] = value
        }
    }
}
