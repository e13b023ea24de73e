/// Runs of bytes a JSON string holds as they are (no `"`, no `\`, no control character), found
/// sixteen bytes at a time: the batch reader skips them before looking at bytes one by one, and the
/// grade writer checks a whole string before copying it at once.
enum JSONPlainBytes {
    /// The first index from `i` on where fewer than eight bytes remain or the next eight hold a
    /// byte that needs escaping.
    @inline(__always)
    static func skip(_ bytes: UnsafeRawBufferPointer, from i: Int) -> Int {
        var i = i
        while i + 16 <= bytes.count && !hasHighBit(escapes(bytes.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self))) { i += 16 }
        while i + 8 <= bytes.count && !needsEscape(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8 }
        return i
    }

    /// Whether any byte of `bytes` is below 0x20, `"` or `\`: sixteen at a time, the last sixteen
    /// overlapping those before them (a string of 8 to 15 bytes: two overlapping words of eight).
    static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard n >= 8 else { return bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C } }
        let raw = UnsafeRawBufferPointer(bytes)
        guard n >= 16 else {
            return needsEscape(raw.loadUnaligned(as: UInt64.self)) || needsEscape(raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
        }
        var found = SIMD16<UInt8>()
        var i = 0
        while i + 16 <= n {
            found |= escapes(raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self))
            i += 16
        }
        if i < n { found |= escapes(raw.loadUnaligned(fromByteOffset: n - 16, as: SIMD16<UInt8>.self)) }
        return hasHighBit(found)
    }

    /// Per byte of `v`, the high bit set exactly when it is below 0x20, `"` or `\`: the bit tricks of
    /// `needsEscape(_: UInt64)` lane by lane, where no borrow crosses from one byte to the next. Only
    /// wrapping arithmetic and bit operations, which compile to vector instructions (`SIMD`'s
    /// comparisons would compile to a loop over the lanes).
    @inline(__always)
    static func escapes(_ v: SIMD16<UInt8>) -> SIMD16<UInt8> {
        let quote = v ^ SIMD16(repeating: 0x22), backslash = v ^ SIMD16(repeating: 0x5C)
        let control = (v &- SIMD16(repeating: 0x20)) & ~v
        return control | ((quote &- SIMD16(repeating: 1)) & ~quote) | ((backslash &- SIMD16(repeating: 1)) & ~backslash)
    }

    @inline(__always)
    static func hasHighBit(_ v: SIMD16<UInt8>) -> Bool {
        let words = unsafeBitCast(v, to: SIMD2<UInt64>.self)
        return (words[0] | words[1]) & 0x8080_8080_8080_8080 != 0
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
