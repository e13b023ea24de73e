/// Maps tokens to the small integer symbols the automaton runs on. Latin words are compared by
/// their Porter stem; unknown Latin words of 5 letters or more may resolve to a vocabulary word
/// one or two edits away (a typo), through a deletion-neighbourhood index whose cost depends on the
/// word's length, not on the vocabulary's size.
public struct Vocabulary: Sendable {
    /// Symbol 0 means "not in the vocabulary".
    public static let unknown: Int32 = 0

    private(set) var words = TextTable()
    /// Surface forms of pattern words (before stemming), so most lookups skip the stemmer.
    private var surfaces = TextTable()
    /// CJK character → symbol; looked up once per character of every answer.
    private(set) var cjk = ScalarTable()
    /// The stem each word symbol stands for (index = symbol).
    private(set) var spelled: [String] = [""]
    /// Deletion neighbourhood: hash of a stem with up to two letters deleted → index of its symbols
    /// in `deletionLists`.
    private var deletions = FeatureTable()
    private var deletionLists: [[Int32]] = []
    /// Cue words that also match as a prefix (`optimi` → `optimization`): hash of the prefix → index
    /// of (prefix, symbol) in `prefixEntries`.
    private var prefixes = FeatureTable()
    private var prefixEntries: [(String, Int32)] = []
    private var shortestPrefix = Int.max

    public init() {}

    public var count: Int { spelled.count }

    /// Words longer than this are not looked up as typos or cue prefixes.
    static let longestWord = 40

    /// The stem (or character, or number) a symbol stands for.
    func spelling(_ id: Int32) -> String { spelled[Int(id)] }

    /// The key a token with folded text `text` is looked up by.
    @inline(__always)
    static func key(_ token: Token, text: String) -> String {
        token.kind == .word ? wordKey(text, letters: token.letterCount) : text
    }

    /// The key of a word with folded text `text` and `letters` letters in the original.
    @inline(__always)
    static func wordKey(_ text: String, letters: Int) -> String {
        letters >= 3 ? PorterStemmer.stem(text) : text
    }

    /// Adds token `i` of a pattern, returning its symbol.
    mutating func add(_ i: Int, of tokens: TokenizedText, prefixMatch: Bool = false) -> Int32 {
        let token = tokens[i]
        let text = tokens.text(i)
        if token.kind == .cjk {
            if let id = cjk[token.scalar] { return id }
            let id = Int32(spelled.count)
            spelled.append(text)
            cjk.insert(token.scalar, id)
            return id
        }
        let k = Self.key(token, text: text)
        let id: Int32
        if let existing = words[k] {
            id = existing
        } else {
            id = Int32(spelled.count)
            spelled.append(k)
            words.insert(k, id)
            if token.kind == .word, isPlainLetters(k), k.utf8.count >= 4 {
                let bytes = Array(k.utf8)
                let maxDeletes = bytes.count >= 7 ? 2 : 1
                for h in Self.deletionHashes(bytes, upTo: maxDeletes) {
                    if let list = deletions[h] {
                        deletionLists[Int(list)].append(id)
                    } else {
                        deletions.insert(h, Int32(deletionLists.count))
                        deletionLists.append([id])
                    }
                }
            }
        }
        if token.kind == .word && surfaces[text] == nil { surfaces.insert(text, id) }
        if prefixMatch, token.kind == .word, text.utf8.count >= 4, isPlainLetters(text) {
            let bytes = Array(text.utf8)
            let h = Self.fnv(bytes[...])
            if let entry = prefixes[h] {
                prefixEntries[Int(entry)] = (text, id)
            } else {
                prefixes.insert(h, Int32(prefixEntries.count))
                prefixEntries.append((text, id))
            }
            shortestPrefix = min(shortestPrefix, bytes.count)
        }
        return id
    }

    /// How a token resolved.
    public enum Resolution: Sendable, Equatable {
        case exact
        /// A typo of the vocabulary word `of`, `distance` edits away.
        case typo(of: String, distance: Int)
        /// The token begins with the cue word `of`.
        case prefix(of: String)
        case unknown
    }

    /// The symbol of token `i`, and how it was found.
    @inline(__always)
    func resolve(_ i: Int, in tokens: TokenizedText) -> (Int32, Resolution) {
        let token = tokens[i]
        switch token.kind {
        case .cjk:
            if let id = cjk[token.scalar] { return (id, .exact) }
            return (Self.unknown, .unknown)
        case .number, .symbol:
            if let id = words.value(of: i, in: tokens) { return (id, .exact) }
            return (Self.unknown, .unknown)
        case .word:
            return resolve(word: token, text: tokens.text(i))
        }
    }

    /// The symbol of token `i`, which is not a word (a word goes through `resolveWord`): nothing
    /// but the symbol, so no `Resolution` is built and dropped per token.
    @inline(__always)
    func symbol(ofNonWord i: Int, in tokens: TokenizedText) -> Int32 {
        let token = tokens[i]
        if token.kind == .cjk { return cjk[token.scalar] ?? Self.unknown }
        return words.value(of: i, in: tokens) ?? Self.unknown
    }

    /// The symbol of a word token with folded text `text`, and how it was found.
    func resolve(word token: Token, text: String) -> (Int32, Resolution) {
        let r = resolveWord(token, text: text)
        return (r.symbol, r.resolution)
    }

    /// The same, with the key (`Vocabulary.key`) it was looked up by; nil when the surface form was
    /// found first, so the caller need not stem an unknown word a second time.
    func resolveWord(_ token: Token, text: String) -> (symbol: Int32, resolution: Resolution, key: String?) {
        if let id = surfaces[text] { return (id, .exact, nil) }
        let k = Self.key(token, text: text)
        if let id = words[k] { return (id, .exact, k) }
        if let (id, d) = typo(of: token, text: text, stem: k) { return (id, .typo(of: spelled[Int(id)], distance: d), k) }
        if let (prefix, id) = prefix(of: text) { return (id, .prefix(of: prefix), k) }
        return (Self.unknown, .unknown, k)
    }

    /// The symbol of the word spelled by the folded bytes `utf8` (with `letters` letters in the
    /// original) when it is in the vocabulary exactly — as a phrase's surface form or by its key —
    /// else nil: `resolveWord` without the typo and prefix searches.
    func exactSymbol(utf8: UnsafeBufferPointer<UInt8>, letters: Int) -> Int32? {
        if let id = surfaces[utf8: utf8] { return id }
        return words[Self.wordKey(String(decoding: utf8, as: UTF8.self), letters: letters)]
    }

    /// Typo policy: the answer's word has at least 5 letters and shares its first letter with the
    /// vocabulary word; 5–7 letters allow one insertion, deletion or swap; 8–9 letters one edit of
    /// any kind; 10 or more letters two edits. Short words never match by accident.
    func typo(of token: Token, text: String, stem: String) -> (Int32, Int)? {
        let letters = token.letterCount
        // Real words are short; a giant "word" (a pasted blob) must not cost quadratic time.
        guard letters >= 5, letters <= Self.longestWord, letters == text.utf8.count, deletions.count > 0 else { return nil }
        let bytes = Array(stem.utf8)
        guard bytes.count >= 4 else { return nil }
        let limit = letters >= 10 ? 2 : 1
        var best: (id: Int32, d: Int, subs: Int)?
        var seen: [Int32] = []
        for h in Self.deletionHashes(bytes, upTo: limit) {
            guard let list = deletions[h] else { continue }
            for id in deletionLists[Int(list)] where !seen.contains(id) {
                seen.append(id)
                let candidate = Array(spelled[Int(id)].utf8)
                guard candidate.first == bytes.first,
                      let e = EditDistance.osa(bytes, candidate, limit: limit), e.distance > 0 else { continue }
                if letters < 8 && e.substitutions > 0 { continue }
                if let b = best, (e.distance, e.substitutions, id) >= (b.d, b.subs, b.id) { continue }
                best = (id, e.distance, e.substitutions)
            }
        }
        return best.map { ($0.id, $0.d) }
    }

    func prefix(of text: String) -> (String, Int32)? {
        guard prefixes.count > 0 else { return nil }
        guard text.utf8.count <= Self.longestWord else { return nil }
        let bytes = Array(text.utf8)
        guard bytes.count > shortestPrefix else { return nil }
        var end = bytes.count - 1
        while end >= shortestPrefix {
            if let entry = prefixes[Self.fnv(bytes[0..<end])] {
                let hit = prefixEntries[Int(entry)]
                if hit.0.utf8.elementsEqual(bytes[0..<end]) { return hit }
            }
            end -= 1
        }
        return nil
    }

    private func isPlainLetters(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
    }

    static func fnv(_ s: String) -> UInt64 {
        var s = s
        return s.withUTF8 { fnv($0) }
    }

    static func fnv(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    static func fnv(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// Hashes of `bytes` itself and of every string made by deleting up to `upTo` bytes.
    static func deletionHashes(_ bytes: [UInt8], upTo: Int) -> [UInt64] {
        var out: [UInt64] = [fnv(bytes[...])]
        let n = bytes.count
        func hash(skipping a: Int, _ b: Int) -> UInt64 {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for i in 0..<n where i != a && i != b { h = (h ^ UInt64(bytes[i])) &* 0x100_0000_01b3 }
            return h
        }
        for i in 0..<n { out.append(hash(skipping: i, -1)) }
        if upTo >= 2 && n >= 3 {
            for i in 0..<n { for j in (i + 1)..<n { out.append(hash(skipping: i, j)) } }
        }
        return out
    }
}

/// An open-addressing hash table from Unicode scalar values to symbols: a multiply-shift hash and
/// linear probing, several times cheaper per lookup than `Dictionary`'s seeded SipHash.
struct ScalarTable: Sendable {
    /// Scalar value + 1 per slot (0 = empty), and the symbol in it.
    private var keys: [UInt32] = [UInt32](repeating: 0, count: 16)
    private var values: [Int32] = [Int32](repeating: 0, count: 16)
    private(set) var count = 0

    @inline(__always)
    private func slot(_ v: UInt32, _ mask: Int) -> Int { Int(truncatingIfNeeded: (v &* 0x9E37_79B1) >> 7) & mask }

    @inline(__always)
    subscript(_ v: UInt32) -> Int32? {
        let mask = keys.count - 1
        let key = v &+ 1
        var i = slot(v, mask)
        while true {
            let k = keys[i]
            if k == key { return values[i] }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    mutating func insert(_ v: UInt32, _ id: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = slot(v, mask)
        while keys[i] != 0 && keys[i] != v &+ 1 { i = (i + 1) & mask }
        if keys[i] == 0 { count += 1 }
        keys[i] = v &+ 1
        values[i] = id
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != 0 }
        keys = [UInt32](repeating: 0, count: keys.count * 2)
        values = [Int32](repeating: 0, count: keys.count)
        count = 0
        for (k, id) in old { insert(k &- 1, id) }
    }
}
