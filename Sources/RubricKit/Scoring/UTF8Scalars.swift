/// Decoding of UTF-8 byte spans that are known to be valid (slices of a Swift `String` cut at scalar
/// boundaries), without building a `String`.
enum UTF8Scalars {
    /// Calls `body` with each scalar of `bytes` in order until it returns false. A truncated or
    /// malformed sequence (which valid input never has) ends the walk.
    static func forEach(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Unicode.Scalar) -> Bool) {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = UInt32(bytes[i])
            var v: UInt32
            var width: Int
            if b0 < 0x80 { v = b0; width = 1 }
            else if b0 >= 0xF0 { v = b0 & 0x07; width = 4 }
            else if b0 >= 0xE0 { v = b0 & 0x0F; width = 3 }
            else { v = b0 & 0x1F; width = 2 }
            guard i + width <= n else { return }
            var k = 1
            while k < width { v = v << 6 | (UInt32(bytes[i + k]) & 0x3F); k += 1 }
            guard let s = Unicode.Scalar(v), body(s) else { return }
            i += width
        }
    }
}
