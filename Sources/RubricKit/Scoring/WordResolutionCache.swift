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
/// `WordMemo`). An answer takes the cache's lock once, for all its words (`withWords`).
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

    /// The remembered words, handed to `withWords`'s body under the cache's lock: an answer looks
    /// all its words up under one lock, not one lock per word.
    struct Words {
        /// A remembered word: its bytes are `start..<end` of `bytes`.
        struct Key: ProbingKey {
            let start: Int
            let end: Int
            let probeHash: Int
        }

        /// The remembered words' UTF-8, end to end: a lookup compares bytes, with no `String` to
        /// retain and release.
        private var bytes: [UInt8] = []
        private var index = ProbingTable(capacity: 256, placeholder: Key(start: 0, end: 0, probeHash: 0))
        private var entries: [Resolved] = []

        /// Whether the cache keeps word token `t`, whose folded UTF-8 is `word` (see above), and
        /// is not full; `asciiHash` is the text's `TextTable.asciiHash` (nil when it is not ASCII).
        @inline(__always)
        func keeps(_ t: Token, word: UnsafeBufferPointer<UInt8>, asciiHash: Int?) -> Bool {
            asciiHash != nil && t.letterCount == word.count && t.letterCount <= Vocabulary.longestWord
                && entries.count < WordResolutionCache.capacity
        }

        /// The resolution of word token `i`, whose folded UTF-8 `word` the cache keeps (`keeps`),
        /// with `TextTable.asciiHash` `hash`: remembered, or resolved in `vocabulary` (the rubric's:
        /// the same at every lookup of this cache) and remembered.
        mutating func resolve(_ i: Int, word: UnsafeBufferPointer<UInt8>, hash: Int, in tokens: TokenizedText,
                              vocabulary: Vocabulary) -> Resolved {
            if let known = entry(word, hash: hash) { return known }
            let resolved = WordResolutionCache.resolution(i, in: tokens, vocabulary: vocabulary)
            insert(word, hash: hash, resolved)
            return resolved
        }

        /// The entry of the ASCII word whose UTF-8 is `word`, with `TextTable.asciiHash` `hash`.
        private func entry(_ word: UnsafeBufferPointer<UInt8>, hash: Int) -> Resolved? {
            guard let base = word.baseAddress else { return nil }
            let found = bytes.withUnsafeBufferPointer { all in
                index.value(hash: hash) { k in
                    k.probeHash == hash && k.end - k.start == word.count && memcmp(all.baseAddress! + k.start, base, word.count) == 0
                }
            }
            return found.map { entries[Int($0)] }
        }

        /// Remembers `resolved` for `word` (hash `hash`), a word not yet remembered.
        private mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: Int, _ resolved: Resolved) {
            guard !word.isEmpty else { return }
            let start = bytes.count
            bytes.append(contentsOf: word)
            index.insert(Key(start: start, end: bytes.count, probeHash: hash), Int32(entries.count))
            entries.append(resolved)
        }
    }

    static let capacity = 16_384

    private let words = Mutex(Words())

    init() {}

    /// `body` applied to the remembered words, under the cache's lock.
    func withWords<R>(_ body: (inout Words) -> R) -> R where R: Sendable {
        words.withLock { body(&$0) }
    }

    /// Word token `i`'s resolution in `vocabulary`, made afresh.
    static func resolution(_ i: Int, in tokens: TokenizedText, vocabulary: Vocabulary) -> Resolved {
        let token = tokens[i]
        let text = tokens.text(i)
        let r = vocabulary.resolveWord(token, text: text)
        let stem = r.symbol != Vocabulary.unknown ? vocabulary.spelling(r.symbol) : r.key ?? Vocabulary.key(token, text: text)
        let feature = ReferenceFeatures.wordFeature(i, in: tokens, stem: stem)
        return Resolved(symbol: r.symbol, resolution: r.resolution, stem: stem, feature: feature)
    }
}
