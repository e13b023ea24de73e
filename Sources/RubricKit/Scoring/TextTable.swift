import Foundation

/// A hash table from words to small integers. ASCII words — nearly every Latin token — live in an
/// open-addressing table hashed with FNV-1a over their bytes, several times cheaper than
/// `Dictionary`'s seeded SipHash; any other word goes to a `Dictionary`, which keeps `String`'s
/// canonical equivalence (`é` = `e` + U+0301) exactly as before. (No non-ASCII token is canonically
/// equal to an ASCII one: the tokenizer folds the few scalars that decompose to ASCII, like the
/// Kelvin sign.)
struct TextTable: Sendable {
    /// An ASCII word with its FNV-1a hash, computed once.
    struct ASCIIWord: ProbingKey {
        let text: String
        let probeHash: Int
        @inline(__always)
        static func == (a: ASCIIWord, b: ASCIIWord) -> Bool { a.probeHash == b.probeHash && a.text == b.text }
    }

    private var ascii: ProbingTable<ASCIIWord>
    private var others: [String: Int32] = [:]

    init(capacity: Int = 8) {
        ascii = ProbingTable(capacity: capacity, placeholder: ASCIIWord(text: "", probeHash: 0))
    }

    var count: Int { ascii.count + others.count }

    /// FNV-1a of an ASCII word; nil when the word is not ASCII.
    @inline(__always)
    static func asciiHash(_ s: String) -> Int? {
        var s = s
        return s.withUTF8 { asciiHash($0) }
    }

    /// FNV-1a of ASCII bytes, the hash this table files an ASCII word under; nil when they are not
    /// all ASCII.
    @inline(__always)
    static func asciiHash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            if b >= 0x80 { return nil }
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The value of the word whose UTF-8 is `utf8`, without making a `String` when it is ASCII.
    subscript(utf8 utf8: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let hash = Self.asciiHash(utf8) else { return others[String(decoding: utf8, as: UTF8.self)] }
        return ascii.value(hash: hash) { $0.probeHash == hash && Self.equal($0.text, utf8) }
    }

    /// Whether `text`'s UTF-8 is `bytes`: one `memcmp` over a native string's contiguous bytes
    /// (`elementsEqual` compared them one by one through the generic view).
    @inline(__always)
    static func equal(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { a in
            a.count == bytes.count && (a.count == 0 || memcmp(a.baseAddress!, bytes.baseAddress!, a.count) == 0)
        } ?? text.utf8.elementsEqual(bytes)
    }

    /// The value of token `i`'s folded text.
    @inline(__always)
    func value(of i: Int, in tokens: TokenizedText) -> Int32? { tokens.withText(i) { self[utf8: $0] } }

    subscript(_ key: String) -> Int32? {
        guard let h = Self.asciiHash(key) else { return others[key] }
        return ascii[ASCIIWord(text: key, probeHash: h)]
    }

    /// Sets the value of `key` (`value` ≥ 0).
    mutating func insert(_ key: String, _ value: Int32) {
        guard let h = Self.asciiHash(key) else { others[key] = value; return }
        ascii.insert(ASCIIWord(text: key, probeHash: h), value)
    }
}
