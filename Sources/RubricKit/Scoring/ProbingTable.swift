/// A key of a `ProbingTable`: equality and a well-mixed hash.
protocol ProbingKey: Equatable, Sendable {
    var probeHash: Int { get }
}

/// An open-addressing hash table with linear probing, from keys to small non-negative integers,
/// kept at most half full. For hot paths where `Dictionary`'s seeded SipHash costs too much: the
/// keys bring a cheap hash of their own.
struct ProbingTable<Key: ProbingKey>: Sendable {
    private var keys: [Key]
    /// The value in each slot, or -1 when the slot is empty.
    private var values: [Int32]
    private let placeholder: Key
    private(set) var count = 0

    /// - Parameter placeholder: any key; it fills the empty slots and is never found.
    init(capacity: Int = 8, placeholder: Key) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        self.placeholder = placeholder
        keys = [Key](filled: placeholder, count: size)
        values = [Int32](filled: -1, count: size)
    }

    @inline(__always)
    subscript(_ key: Key) -> Int32? {
        value(hash: key.probeHash) { $0 == key }
    }

    /// The value of the key with hash `hash` that `matches` accepts (a lookup by something
    /// equivalent to a key, without building the key).
    @inline(__always)
    func value(hash: Int, where matches: (Key) -> Bool) -> Int32? {
        let mask = values.count - 1
        var i = hash & mask
        while true {
            let v = values[i]
            if v < 0 { return nil }
            if matches(keys[i]) { return v }
            i = (i + 1) & mask
        }
    }

    /// Sets the value of `key` (`value` ≥ 0).
    mutating func insert(_ key: Key, _ value: Int32) {
        if (count + 1) * 2 > values.count { grow() }
        let mask = values.count - 1
        var i = key.probeHash & mask
        while values[i] >= 0 && keys[i] != key { i = (i + 1) & mask }
        if values[i] < 0 { count += 1 }
        keys[i] = key
        values[i] = value
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.1 >= 0 }
        keys = [Key](filled: placeholder, count: values.count * 2)
        values = [Int32](filled: -1, count: keys.count)
        count = 0
        for (k, v) in old { insert(k, v) }
    }
}

/// 64-bit feature hashes are hashes already: a multiply-shift spreads them over the slots.
extension UInt64: ProbingKey {
    @inline(__always)
    var probeHash: Int { Int(truncatingIfNeeded: (self &* 0x9E37_79B9_7F4A_7C15) >> 32) }
}

/// From 64-bit feature hashes to small indices (similarity features, typo and prefix indexes).
typealias FeatureTable = ProbingTable<UInt64>

extension ProbingTable where Key == UInt64 {
    init() { self.init(placeholder: 0) }
}
