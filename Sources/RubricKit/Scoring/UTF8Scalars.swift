/// Decoding of UTF-8 byte spans that are known to be valid (slices of a Swift `String` cut at scalar
/// boundaries), without building a `String`.
enum UTF8Scalars {
    /// Calls `body` with each scalar of `bytes` in order until it returns false. A truncated or
    /// malformed sequence (which valid input never has) ends the walk.
    static func forEach(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Unicode.Scalar) -> Bool) {
        var it = Iterator(bytes)
        while let s = it.next() { guard body(s) else { return } }
    }

    /// The number of scalars in valid UTF-8 `bytes`: the bytes that are not continuation bytes
    /// (`10xxxxxx`), counted eight at a time. Each byte lane of `lanes` counts the continuation bytes
    /// in its place for up to 255 words; then the eight lanes are added up (in pairs first, so no
    /// lane of the sum overflows).
    static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let n = bytes.count
        var continuations = 0, i = 0
        let raw = UnsafeRawBufferPointer(bytes)
        while n - i >= 8 {
            var lanes: UInt64 = 0
            for _ in 0..<min(255, (n - i) / 8) {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // Bit 7 of each byte set where bit 7 is 1 and bit 6 is 0, moved to bit 0.
                lanes &+= (w & ~(w << 1) & 0x8080_8080_8080_8080) >> 7
                i &+= 8
            }
            let pairs = (lanes & 0x00FF_00FF_00FF_00FF) &+ ((lanes >> 8) & 0x00FF_00FF_00FF_00FF)
            continuations += Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) >> 48)
        }
        while i < n {
            if bytes[i] & 0xC0 == 0x80 { continuations += 1 }
            i += 1
        }
        return n - continuations
    }

    /// The scalars of `bytes` in order; a truncated or malformed sequence ends them.
    struct Iterator: IteratorProtocol {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        @inline(__always)
        mutating func next() -> Unicode.Scalar? {
            let n = bytes.count
            guard i < n else { return nil }
            let b0 = UInt32(bytes[i])
            if b0 < 0x80 { i += 1; return Unicode.Scalar(UInt8(truncatingIfNeeded: b0)) }
            var v: UInt32
            var width: Int
            if b0 >= 0xF0 { v = b0 & 0x07; width = 4 }
            else if b0 >= 0xE0 { v = b0 & 0x0F; width = 3 }
            else { v = b0 & 0x1F; width = 2 }
            guard i + width <= n else { i = n; return nil }
            var k = 1
            while k < width { v = v << 6 | (UInt32(bytes[i + k]) & 0x3F); k += 1 }
            guard let s = Unicode.Scalar(v) else { i = n; return nil }
            i += width
            return s
        }
    }
}
