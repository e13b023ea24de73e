/// Runs of bytes a JSON string holds as they are (no `"`, no `\`, no control character), found
/// eight bytes at a time: the batch reader skips them before looking at bytes one by one, and the
/// grade writer checks a whole string before copying it at once.
enum JSONPlainBytes {
    /// The first index from `i` on where fewer than eight bytes remain or the next eight hold a
    /// byte that needs escaping.
    @inline(__always)
    static func skip(_ bytes: UnsafeRawBufferPointer, from i: Int) -> Int {
        var i = i
        while i + 8 <= bytes.count && !needsEscape(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8 }
        return i
    }

    /// Whether any byte of `bytes` is below 0x20, `"` or `\`: eight at a time, the last eight
    /// overlapping those before them.
    static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard n >= 8 else { return bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } }
        let words = UnsafeRawBufferPointer(bytes)
        var i = 0
        while i + 8 <= n {
            if needsEscape(words.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return true }
            i += 8
        }
        return i < n && needsEscape(words.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
    }

    /// Whether any of the eight bytes in `x` is below 0x20, `"` or `\` (the bit tricks for "has a
    /// byte less than n" and "has a zero byte", exact as a yes/no answer).
    @inline(__always)
    static func needsEscape(_ x: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let control = (x &- ones &* 0x20) & ~x
        let quote = x ^ (ones &* 0x22), backslash = x ^ (ones &* 0x5C)
        return (control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & highs != 0
    }
}
