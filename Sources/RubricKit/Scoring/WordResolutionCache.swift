import Synchronization

/// How one rubric's vocabulary resolves words, remembered across answers. Answers to one question
/// share most of their words, and resolving an unknown word (stemming it, looking for a typo of a
/// vocabulary word, a cue prefix) costs far more than a lookup. A resolution depends only on the
/// word and the vocabulary, so the cache never changes a grade. It remembers ASCII words whose
/// letters are their bytes (nearly every Latin word; the typo rule reads the original letter count,
/// which the folded text then gives), looked up by the token's bytes without making a `String`,
/// at most `Vocabulary.longestWord` letters long (a pasted blob is not kept), and at most `capacity`
/// of them (after that, further words are resolved every time).
final class WordResolutionCache: Sendable {
    struct Resolved: Sendable {
        let symbol: Int32
        let resolution: Vocabulary.Resolution
        /// The vocabulary's spelling when the word resolved, else the word's own key (its stem).
        let stem: String
        /// The word's similarity feature (`ReferenceFeatures.wordFeature`), nil for a stop word.
        let feature: UInt64?
    }

    private struct Store {
        var index = TextTable(capacity: 256)
        var entries: [Resolved] = []

        /// The entry of the word whose UTF-8 is `word`. (A method, so the lock's closure reads the
        /// table in place: a nested closure reading `index` copied the whole table at every lookup.)
        func entry(_ word: UnsafeBufferPointer<UInt8>) -> Resolved? {
            index[utf8: word].map { entries[Int($0)] }
        }
    }

    static let capacity = 16_384

    private let vocabulary: Vocabulary
    private let store = Mutex(Store())

    init(vocabulary: Vocabulary) { self.vocabulary = vocabulary }

    /// The resolution of word token `i`.
    func resolve(_ i: Int, in tokens: TokenizedText) -> Resolved {
        let token = tokens[i]
        let cacheable = token.letterCount == tokens.textCount(i) && token.letterCount <= Vocabulary.longestWord
            && tokens.withText(i) { bytes in bytes.allSatisfy { $0 < 0x80 } }
        if cacheable, let known = tokens.withText(i, { word in store.withLock { $0.entry(word) } }) {
            return known
        }
        let text = tokens.text(i)
        let r = vocabulary.resolveWord(token, text: text)
        let stem = r.symbol != Vocabulary.unknown ? vocabulary.spelling(r.symbol) : r.key ?? Vocabulary.key(token, text: text)
        let feature = ReferenceFeatures.wordFeature(i, in: tokens, stem: stem)
        let resolved = Resolved(symbol: r.symbol, resolution: r.resolution, stem: stem, feature: feature)
        if cacheable {
            store.withLock { s in
                guard s.entries.count < Self.capacity, s.index[text] == nil else { return }
                s.index.insert(text, Int32(s.entries.count))
                s.entries.append(resolved)
            }
        }
        return resolved
    }
}
