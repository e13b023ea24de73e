/// Runs of bytes a JSON string holds as they are (no `"`, no `\`, no control character), found
/// eight bytes at a time: the batch reader and the grade writer skip them before looking at bytes
/// one by one.
enum JSONPlainBytes {
    /// The first index from `i` on where fewer than eight bytes remain or the next eight hold a
    /// byte that needs escaping.
    @inline(__always)
    static func skip(_ bytes: UnsafeRawBufferPointer, from i: Int) -> Int {
        var i = i
        while i + 8 <= bytes.count && !needsEscape(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8 }
        return i
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
