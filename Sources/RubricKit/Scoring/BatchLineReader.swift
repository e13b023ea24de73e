import Foundation

/// Reads the common shape of a batch line — one JSON object whose values are all strings — straight
/// from its bytes, without `JSONSerialization`'s dictionary of `Any`. It accepts only what it is sure
/// of; anything else (a number, a nested value, a duplicate key, a lone surrogate, a raw control
/// character, trailing bytes) is declined and the caller falls back to `JSONSerialization`, so the
/// outcome of every line is the same as before.
///
/// The line is not validated as UTF-8 as a whole: the bytes it accepts outside strings are all
/// ASCII, so the line is valid UTF-8 exactly when every string in it is, and each string is
/// validated once (`UTF8Validation`). The answer is kept as its UTF-8 bytes, which is all the
/// scorer reads: no `String` is made of it (making one validates the bytes again).
enum BatchLineReader {
    struct Fields: Equatable {
        var id: String?
        var question: String?
        /// The answer's UTF-8 (valid).
        var answer: [UInt8]?
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
                    guard let key = string(Self.text) else { return nil }
                    skipSpace()
                    guard i < n, bytes[i] == 0x3A else { return nil }
                    i += 1
                    skipSpace()
                    // The value, read as what its key asks for: the answer as bytes.
                    let read: Bool
                    switch key {
                    case "id": fields.id = string(Self.text); read = fields.id != nil
                    case "question": fields.question = string(Self.text); read = fields.question != nil
                    case "answer": fields.answer = string(Array.init); read = fields.answer != nil
                    default: read = string { _ in true } != nil
                    }
                    guard read, keys.count < maxKeys, !keys.contains(key) else { return nil }
                    keys.append(key)
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

        /// Valid UTF-8 as a `String`.
        static func text(_ utf8: UnsafeBufferPointer<UInt8>) -> String { String(decoding: utf8, as: UTF8.self) }

        /// A JSON string at `i` (which must be its opening quote), its UTF-8 (escapes decoded)
        /// handed to `make` once found valid; `i` ends after the closing quote. Nil when the string is
        /// not one this reader is sure of, or not valid UTF-8 (then noted in `notUTF8`).
        mutating func string<R>(_ make: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
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
                    return valid(UnsafeBufferPointer(rebasing: bytes[start..<i - 1]), make)
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
                if b == 0x22 { i += 1; return out.withUnsafeBufferPointer { valid($0, make) } }
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

        /// `make(utf8)`, or nil (noting it) when `utf8` is not valid UTF-8.
        private mutating func valid<R>(_ utf8: UnsafeBufferPointer<UInt8>, _ make: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
            guard UTF8Validation.isValid(utf8) else { notUTF8 = true; return nil }
            return make(utf8)
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
