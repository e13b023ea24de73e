import Foundation
import Synchronization

/// How one rubric's vocabulary resolves words, remembered across answers. Answers to one question
/// share most of their words, and resolving an unknown word (stemming it, looking for a typo of a
/// vocabulary word, a cue prefix) costs far more than a lookup. A resolution depends only on the
/// word and the vocabulary, so the cache never changes a grade. It remembers ASCII words whose
/// letters are their bytes (nearly every Latin word; the typo rule reads the original letter count,
/// which the folded text then gives), looked up by the token's bytes without making a `String`,
/// at most `Vocabulary.longestWord` letters long (a pasted blob is not kept), and at most `capacity`
/// of them (after that, `keeps` says no, and an answer resolves each further word once, through its
/// `WordMemo`).
final class WordResolutionCache: Sendable {
    /// One word's resolution. A class, so that handing it out of the cache and keeping it in an
    /// answer's analysis copies one reference, not the enum and the string inside.
    final class Resolved: Sendable {
        let symbol: Int32
        let resolution: Vocabulary.Resolution
        /// The vocabulary's spelling when the word resolved, else the word's own key (its stem).
        let stem: String
        /// The word's similarity feature (`ReferenceFeatures.wordFeature`), nil for a stop word.
        let feature: UInt64?

        init(symbol: Int32, resolution: Vocabulary.Resolution, stem: String, feature: UInt64?) {
            (self.symbol, self.resolution, self.stem, self.feature) = (symbol, resolution, stem, feature)
        }
    }

    private struct Store {
        /// A remembered word: its bytes are `start..<end` of `bytes`.
        struct Key: ProbingKey {
            let start: Int
            let end: Int
            let probeHash: Int
        }

        /// The remembered words' UTF-8, end to end: a lookup compares bytes, with no `String` to
        /// retain and release.
        var bytes: [UInt8] = []
        var index = ProbingTable(capacity: 256, placeholder: Key(start: 0, end: 0, probeHash: 0))
        var entries: [Resolved] = []

        /// The entry of the ASCII word whose UTF-8 is `word`, with `TextTable.asciiHash` `hash`. (A
        /// method, so the lock's closure reads the table in place: a nested closure reading `index`
        /// copied the whole table at every lookup.)
        func entry(_ word: UnsafeBufferPointer<UInt8>, hash: Int) -> Resolved? {
            guard let base = word.baseAddress else { return nil }
            let found = bytes.withUnsafeBufferPointer { all in
                index.value(hash: hash) { k in
                    k.probeHash == hash && k.end - k.start == word.count && memcmp(all.baseAddress! + k.start, base, word.count) == 0
                }
            }
            return found.map { entries[Int($0)] }
        }

        /// Remembers `resolved` for `word` (hash `hash`), unless the store knows it already; false
        /// when the store is full.
        mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: Int, _ resolved: Resolved) -> Bool {
            guard entries.count < WordResolutionCache.capacity else { return false }
            guard !word.isEmpty, entry(word, hash: hash) == nil else { return true }
            let start = bytes.count
            bytes.append(contentsOf: word)
            index.insert(Key(start: start, end: bytes.count, probeHash: hash), Int32(entries.count))
            entries.append(resolved)
            return true
        }
    }

    static let capacity = 16_384

    private let vocabulary: Vocabulary
    private let store = Mutex(Store())
    /// Whether the cache is full: it keeps no further word (see above).
    private let full = Atomic(false)

    init(vocabulary: Vocabulary) { self.vocabulary = vocabulary }

    /// Whether the cache keeps word token `i` (see above) and is not full; `asciiHash` is its
    /// text's `TextTable.asciiHash` (nil when the text is not ASCII).
    @inline(__always)
    func keeps(_ i: Int, in tokens: TokenizedText, asciiHash: Int?) -> Bool {
        Self.keepable(i, in: tokens, asciiHash: asciiHash) && !full.load(ordering: .relaxed)
    }

    @inline(__always)
    private static func keepable(_ i: Int, in tokens: TokenizedText, asciiHash: Int?) -> Bool {
        let token = tokens[i]
        return asciiHash != nil && token.letterCount == tokens.textCount(i) && token.letterCount <= Vocabulary.longestWord
    }

    /// The resolution of word token `i`; `asciiHash` is its text's `TextTable.asciiHash` (nil
    /// when the text is not ASCII).
    func resolve(_ i: Int, in tokens: TokenizedText, asciiHash: Int?) -> Resolved {
        let token = tokens[i]
        let cacheable = Self.keepable(i, in: tokens, asciiHash: asciiHash)
        if cacheable, let hash = asciiHash, let known = tokens.withText(i, { word in store.withLock { $0.entry(word, hash: hash) } }) {
            return known
        }
        let text = tokens.text(i)
        let r = vocabulary.resolveWord(token, text: text)
        let stem = r.symbol != Vocabulary.unknown ? vocabulary.spelling(r.symbol) : r.key ?? Vocabulary.key(token, text: text)
        let feature = ReferenceFeatures.wordFeature(i, in: tokens, stem: stem)
        let resolved = Resolved(symbol: r.symbol, resolution: r.resolution, stem: stem, feature: feature)
        if cacheable, let hash = asciiHash {
            let kept = tokens.withText(i) { word in store.withLock { $0.insert(word, hash: hash, resolved) } }
            if !kept { full.store(true, ordering: .relaxed) }
        }
        return resolved
    }
}
