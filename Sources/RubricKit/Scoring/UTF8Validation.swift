/// Whether bytes are valid UTF-8: exactly the sequences `String(validating:as:)` accepts
/// (RFC 3629 — no overlong forms, no surrogates, nothing above U+10FFFF). A batch answer is
/// checked here and then kept as bytes, so the standard library's validator (which a `String`
/// made from bytes always runs) runs not at all: on the benchmark's answers (mixed Chinese and
/// English) this takes ≈ 6 K instructions per answer where making the `String` took ≈ 11 K.
enum UTF8Validation {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        while i < n {
            let b0 = p[i]
            if b0 < 0x80 {
                // ASCII: the rest of the run, eight bytes at a time while they are all ASCII, then
                // byte by byte (most runs of a Chinese answer are short).
                i += 1
                while i + 8 <= n, UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
                while i < n, p[i] < 0x80 { i += 1 }
                continue
            }
            if b0 < 0xC2 { return false } // a continuation byte, or the lead of an overlong two-byte form
            if b0 < 0xE0 {
                guard i + 1 < n, p[i + 1] & 0xC0 == 0x80 else { return false }
                i += 2
                continue
            }
            if b0 < 0xF0 {
                // A run of three-byte characters with a lead in E1–EC or EE–EF (the common
                // ideographs are E4–E9), which need no check beyond their continuation bytes: one
                // four-byte load each, while four bytes remain.
                while i + 4 <= n {
                    let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt32.self).littleEndian
                    let lead = UInt8(truncatingIfNeeded: w)
                    guard w & 0x00C0_C000 == 0x0080_8000, lead &- 0xE1 < 0x0F, lead != 0xED else { break }
                    i += 3
                }
                guard i < n else { return true }
                let b0 = p[i]
                guard b0 >= 0xE0 && b0 < 0xF0 else { continue }
                guard i + 2 < n else { return false }
                let b1 = p[i + 1]
                guard b1 & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 else { return false }
                if b0 == 0xE0 && b1 < 0xA0 { return false } // overlong
                if b0 == 0xED && b1 > 0x9F { return false } // a surrogate
                i += 3
                continue
            }
            guard b0 < 0xF5, i + 3 < n else { return false }
            let b1 = p[i + 1]
            guard b1 & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80, p[i + 3] & 0xC0 == 0x80 else { return false }
            if b0 == 0xF0 && b1 < 0x90 { return false } // overlong
            if b0 == 0xF4 && b1 > 0x8F { return false } // above U+10FFFF
            i += 4
        }
        return true
    }
}
