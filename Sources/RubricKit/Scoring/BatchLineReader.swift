import Foundation

/// Reads the common shape of a batch line — one JSON object whose values are all strings — straight
/// from its bytes, without `JSONSerialization`'s dictionary of `Any`. It accepts only what it is sure
/// of; anything else (a number, a nested value, a duplicate key, a lone surrogate, a raw control
/// character, trailing bytes) is declined and the caller falls back to `JSONSerialization`, so the
/// outcome of every line is the same as before.
///
/// The line is not validated as UTF-8 as a whole: the bytes it accepts outside strings are all
/// ASCII, so the line is valid UTF-8 exactly when every string in it is, and each string is
/// validated once, as it becomes a `String`. (Validating the line first and then decoding each
/// string with an escape validated those strings twice.)
enum BatchLineReader {
    struct Fields: Equatable {
        var id: String?
        var question: String?
        var answer: String?
    }

    /// What a line holds, as far as this reader can tell.
    enum Reading: Equatable {
        case fields(Fields)
        /// A string of the line, so the line, is not valid UTF-8.
        case notUTF8
        /// Not a line this reader is sure of: ask `JSONSerialization` (after validating the line).
        case declined
    }

    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Reading {
        var parser = Parser(bytes: bytes)
        guard let fields = parser.line() else { return parser.notUTF8 ? .notUTF8 : .declined }
        return .fields(fields)
    }

    /// `read` of any collection of bytes (a batch's `ArraySlice`, the benchmark's `Data`).
    static func read<Bytes: Collection>(bytes: Bytes) -> Reading where Bytes.Element == UInt8 {
        bytes.withContiguousStorageIfAvailable { read($0) } ?? Array(bytes).withUnsafeBufferPointer { read($0) }
    }

    /// Keys a line may have and still be read here.
    static let maxKeys = 16

    /// `bytes` as a string, or nil when they are not valid UTF-8. `String(decoding:)` validates
    /// them and replaces what is invalid, so its bytes are `bytes` exactly when they were valid.
    static func validString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var s = String(decoding: bytes, as: UTF8.self)
        let valid = s.withUTF8 { utf8 in
            utf8.count == bytes.count && (bytes.isEmpty || memcmp(utf8.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
        return valid ? s : nil
    }

    /// The reading position in a line (a struct, so the position is no variable captured by nested
    /// functions, which Swift checks for exclusive access at run time).
    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0
        /// Set when a string turned out not to be valid UTF-8 (the reading then stops with nil).
        var notUTF8 = false

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        }

        mutating func line() -> Fields? {
            let n = bytes.count
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
                keys.reserveCapacity(4)
                while true {
                    skipSpace()
                    guard let key = string() else { return nil }
                    skipSpace()
                    guard i < n, bytes[i] == 0x3A else { return nil }
                    i += 1
                    skipSpace()
                    guard let value = string(), keys.count < maxKeys, !keys.contains(key) else { return nil }
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
        mutating func string() -> String? {
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
                    i += 1
                    return valid(UnsafeBufferPointer(rebasing: bytes[start..<i - 1]))
                }
                if b == 0x5C { break }
                if b < 0x20 { return nil }
                i += 1
            }
            guard i < n else { return nil }
            var out: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[start..<i]))
            while i < n {
                let b = bytes[i]
                // The escapes write whole scalars and the runs between them end at ASCII bytes, so
                // `out` is valid UTF-8 exactly when the string's bytes are.
                if b == 0x22 { i += 1; return out.withUnsafeBufferPointer { valid($0) } }
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
                    guard let u = hex4() else { return nil }
                    var scalar: UInt32 = u
                    if u >= 0xD800 && u <= 0xDBFF {
                        guard i + 1 < n, bytes[i] == 0x5C, bytes[i + 1] == 0x75 else { return nil }
                        i += 2
                        guard let low = hex4(), low >= 0xDC00 && low <= 0xDFFF else { return nil }
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

        /// `utf8` as a string, or nil (noting it) when it is not valid UTF-8.
        private mutating func valid(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
            guard let s = BatchLineReader.validString(utf8) else { notUTF8 = true; return nil }
            return s
        }

        private mutating func hex4() -> UInt32? {
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
}
