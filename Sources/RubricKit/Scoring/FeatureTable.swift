/// An open-addressing hash table from 64-bit feature hashes to small indices: the keys are hashes
/// already, so a multiply-shift and linear probing beat `Dictionary`'s seeded SipHash.
struct FeatureTable: Sendable {
    private var keys: [UInt64] = [UInt64](repeating: 0, count: 16)
    /// The value in each slot, or -1 when the slot is empty.
    private var values: [Int32] = [Int32](repeating: -1, count: 16)
    private(set) var count = 0

    @inline(__always)
    private static func slot(_ k: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    subscript(_ k: UInt64) -> Int32? {
        let mask = keys.count - 1
        var i = Self.slot(k, mask)
        while true {
            let v = values[i]
            if v < 0 { return nil }
            if keys[i] == k { return v }
            i = (i + 1) & mask
        }
    }

    /// Sets the value of `k` (`v` ≥ 0).
    mutating func insert(_ k: UInt64, _ v: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = Self.slot(k, mask)
        while values[i] >= 0 && keys[i] != k { i = (i + 1) & mask }
        if values[i] < 0 { count += 1 }
        keys[i] = k
        values[i] = v
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.1 >= 0 }
        keys = [UInt64](repeating: 0, count: keys.count * 2)
        values = [Int32](repeating: -1, count: keys.count)
        count = 0
        for (k, v) in old { insert(k, v) }
    }
}
