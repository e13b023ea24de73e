/// A hash table from words to small integers. ASCII words — nearly every Latin token — live in an
/// open-addressing table hashed with FNV-1a over their bytes, several times cheaper than
/// `Dictionary`'s seeded SipHash; any other word goes to a `Dictionary`, which keeps `String`'s
/// canonical equivalence (`é` = `e` + U+0301) exactly as before. (No non-ASCII token is canonically
/// equal to an ASCII one: the tokenizer folds the few scalars that decompose to ASCII, like the
/// Kelvin sign.)
struct TextTable: Sendable {
    private var keys: [String]
    /// The value in each slot, or -1 when the slot is empty.
    private var values: [Int32]
    private var asciiCount = 0
    private var others: [String: Int32] = [:]

    init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = [String](repeating: "", count: size)
        values = [Int32](repeating: -1, count: size)
    }

    var count: Int { asciiCount + others.count }

    /// FNV-1a of an ASCII word; nil when the word is not ASCII.
    @inline(__always)
    static func asciiHash(_ s: String) -> Int? {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 {
            if b >= 0x80 { return nil }
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    subscript(_ key: String) -> Int32? {
        guard let h = Self.asciiHash(key) else { return others[key] }
        let mask = values.count - 1
        var i = h & mask
        while true {
            let v = values[i]
            if v < 0 { return nil }
            if keys[i] == key { return v }
            i = (i + 1) & mask
        }
    }

    /// Sets the value of `key` (`value` ≥ 0).
    mutating func insert(_ key: String, _ value: Int32) {
        guard let h = Self.asciiHash(key) else { others[key] = value; return }
        if (asciiCount + 1) * 2 > values.count { grow() }
        let mask = values.count - 1
        var i = h & mask
        while values[i] >= 0 && keys[i] != key { i = (i + 1) & mask }
        if values[i] < 0 { asciiCount += 1 }
        keys[i] = key
        values[i] = value
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.1 >= 0 }
        keys = [String](repeating: "", count: values.count * 2)
        values = [Int32](repeating: -1, count: keys.count)
        asciiCount = 0
        for (k, v) in old { insert(k, v) }
    }
}
