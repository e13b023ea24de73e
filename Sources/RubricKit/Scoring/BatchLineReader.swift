/// Reads the common shape of a batch line — one JSON object whose values are all strings — straight
/// from its bytes, without `JSONSerialization`'s dictionary of `Any`. It accepts only what it is sure
/// of; anything else (a number, a nested value, a duplicate key, a lone surrogate, a raw control
/// character, trailing bytes) returns nil and the caller falls back to `JSONSerialization`, so the
/// outcome of every line is the same as before.
enum BatchLineReader {
    struct Fields: Equatable {
        var id: String?
        var question: String?
        var answer: String?
    }

    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Fields? {
        read(bytes) { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
    }

    /// The fields of `line`. A string without escapes is copied out of `line` itself, which is valid
    /// UTF-8 already: decoding its bytes would validate them a second time.
    static func read(line: String) -> Fields? {
        var bytes = line
        return bytes.withUTF8 { utf8 in
            read(utf8) { range in
                let view = line.utf8
                return String(Substring(view[view.index(view.startIndex, offsetBy: range.lowerBound) ..<
                                             view.index(view.startIndex, offsetBy: range.upperBound)]))
            }
        }
    }

    /// Keys a line may have and still be read here.
    static let maxKeys = 16

    /// - Parameter plain: the string of bytes `range` (within a string, so a whole number of scalars).
    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, plain: (Range<Int>) -> String) -> Fields? {
        var i = 0
        let n = bytes.count
        @inline(__always) func skipSpace() {
            while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        }
        skipSpace()
        guard i < n, bytes[i] == 0x7B else { return nil }
        i += 1
        var fields = Fields()
        // The keys seen, for the duplicate check: a batch line has three or four, so a short array
        // searched from the start costs less than a `Set`; a line with more than `maxKeys` is left
        // to `JSONSerialization` (no quadratic search on a huge object).
        var keys: [String] = []
        skipSpace()
        if i < n, bytes[i] == 0x7D { i += 1 } else {
            while true {
                skipSpace()
                guard let key = string(bytes, &i, plain) else { return nil }
                skipSpace()
                guard i < n, bytes[i] == 0x3A else { return nil }
                i += 1
                skipSpace()
                guard let value = string(bytes, &i, plain), keys.count < maxKeys, !keys.contains(key) else { return nil }
                keys.append(key)
                switch key {
                case "id": fields.id = value
                case "question": fields.question = value
                case "answer": fields.answer = value
                default: break
                }
                skipSpace()
                guard i < n else { return nil }
                if bytes[i] == 0x2C { i += 1; continue }
                guard bytes[i] == 0x7D else { return nil }
                i += 1
                break
            }
        }
        skipSpace()
        return i == n ? fields : nil
    }

    /// A JSON string at `i` (which must be its opening quote); `i` ends after the closing quote.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ plain: (Range<Int>) -> String) -> String? {
        let n = bytes.count
        guard i < n, bytes[i] == 0x22 else { return nil }
        i += 1
        let start = i
        let words = UnsafeRawBufferPointer(bytes)
        // The fast path: no escapes.
        while i < n {
            i = JSONPlainBytes.skip(words, from: i)
            guard i < n else { break }
            let b = bytes[i]
            if b == 0x22 {
                let s = plain(start..<i)
                i += 1
                return s
            }
            if b == 0x5C { break }
            if b < 0x20 { return nil }
            i += 1
        }
        guard i < n else { return nil }
        var out: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[start..<i]))
        while i < n {
            let b = bytes[i]
            if b == 0x22 { i += 1; return String(decoding: out, as: UTF8.self) }
            if b < 0x20 { return nil }
            if b != 0x5C {
                // A run of plain bytes, copied at once.
                let run = i
                i = JSONPlainBytes.skip(words, from: i)
                while i < n, bytes[i] != 0x22, bytes[i] != 0x5C, bytes[i] >= 0x20 { i += 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                continue
            }
            i += 1
            guard i < n else { return nil }
            let e = bytes[i]
            i += 1
            switch e {
            case 0x22, 0x5C, 0x2F: out.append(e)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                guard let u = hex4(bytes, &i) else { return nil }
                var scalar: UInt32 = u
                if u >= 0xD800 && u <= 0xDBFF {
                    guard i + 1 < n, bytes[i] == 0x5C, bytes[i + 1] == 0x75 else { return nil }
                    i += 2
                    guard let low = hex4(bytes, &i), low >= 0xDC00 && low <= 0xDFFF else { return nil }
                    scalar = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)
                } else if u >= 0xDC00 && u <= 0xDFFF {
                    return nil
                }
                guard let s = Unicode.Scalar(scalar), let encoded = UTF8.encode(s) else { return nil }
                out.append(contentsOf: encoded)
            default: return nil
            }
        }
        return nil
    }

    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> UInt32? {
        guard i + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: return nil
            }
            v = v << 4 | d
            i += 1
        }
        return v
    }
}
