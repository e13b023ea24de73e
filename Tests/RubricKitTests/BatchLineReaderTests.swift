import Foundation
import Testing
@testable import RubricKit

/// The batch line fast path must read exactly what `JSONSerialization` reads, and decline
/// (return nil, so the caller falls back) whatever it is not sure of.
@Suite("Batch line reader")
struct BatchLineReaderTests {
    static func reading(_ bytes: [UInt8]) -> BatchLineReader.Reading {
        bytes.withUnsafeBufferPointer { BatchLineReader.read($0) }
    }

    static func read(_ line: String) -> BatchLineReader.Fields? {
        guard case .fields(let fields) = reading(Array(line.utf8)) else { return nil }
        return fields
    }

    static func serialization(_ line: String) -> BatchLineReader.Fields? {
        guard let dict = (try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])) as? [String: Any]
        else { return nil }
        return .init(id: dict["id"] as? String, question: dict["question"] as? String, answer: (dict["answer"] as? String).map { Array($0.utf8) })
    }

    @Test func readsWhatJSONSerializationReads() {
        let lines = [
            #"{"id":"a","question":"go.gmp","answer":"P的本地队列"}"#,
            #"  { "answer" : "x" , "id" : "b" }  "#,
            #"{"id":"c","question":"q","answer":"tab\t nl\n cr\r bs\b ff\f \"q\" \\ \/ \u00e9 \u4E2D \ud83d\ude80 \u0000"}"#,
            #"{"id":"d","extra":"ignored","question":"q","answer":""}"#,
            "{}",
            #"{"answer":"only"}"#,
        ]
        for line in lines {
            let fast = Self.read(line)
            #expect(fast != nil, "declined \(line)")
            #expect(fast == Self.serialization(line), "\(line)")
        }
    }

    @Test func declinesWhatItIsNotSureOf() {
        let lines = [
            "", "   ", "not json", "[]", #""string""#, "{", #"{"id":"a",}"#, #"{"id":"a"} x"#,
            #"{"id":7,"question":"q","answer":"a"}"#, #"{"id":"a","answer":{"x":"y"}}"#, #"{"id":null}"#,
            #"{"id":"a","id":"b"}"#, #"{"id":"\ud800"}"#, #"{"id":"\udc00x"}"#, #"{"id":"\x"}"#, #"{"id":"\u12"}"#,
            "{\"id\":\"raw\ttab\"}", "\u{FEFF}{\"id\":\"bom\"}",
        ]
        for line in lines { #expect(Self.reading(Array(line.utf8)) == .declined, "accepted \(line)") }
    }

    /// The line is not validated as a whole: a string that is not valid UTF-8 (as a key or a value,
    /// plain or with escapes) makes the line `notUTF8`, and a line read in full was valid.
    @Test func findsInvalidUTF8InAnyString() {
        let invalid: [[UInt8]] = [[0xFF], [0xC3], [0xE4, 0xB8], [0xE4, 0xB8, 0x41], [0x80], [0xED, 0xA0, 0x80],
                                  [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xF0, 0x9F, 0x98]]
        for bad in invalid {
            for (before, after) in [("", ""), ("ab\\n", ""), ("", "\\u00e9x"), ("中文\\\"", "\\/")] {
                let string = Array(before.utf8) + bad + Array(after.utf8)
                let lines = [Array(#"{"id":"a","answer":""#.utf8) + string + Array(#""}"#.utf8),
                             Array(#"{""#.utf8) + string + Array(#"":"x","id":"a"}"#.utf8)]
                for line in lines {
                    #expect(String(validating: line, as: UTF8.self) == nil)
                    #expect(Self.reading(line) == .notUTF8, "\(line)")
                }
            }
        }
        // The same strings, valid: long and short, ASCII, Chinese, emoji, combining marks, NUL escapes.
        for s in ["", "a", "é", "e\u{301}", "中", "🚀", String(repeating: "中文abc", count: 400), "\\u0000\\n中"] {
            let line = Array(#"{"id":"a","answer":""#.utf8) + Array(s.utf8) + Array(#""}"#.utf8)
            #expect(Self.reading(line) != .notUTF8 && Self.reading(line) != .declined, "\(s)")
        }
    }

    /// Random lines of JSON pieces, raw bytes and broken escapes, anywhere: a line read in full is
    /// valid UTF-8 and read as `JSONSerialization` reads it; a line found `notUTF8` is not valid.
    @Test func agreesWithValidatingTheWholeLine() {
        let pieces: [[UInt8]] = [#"{"#, #"}"#, #"""#, #":"#, #","#, " ", "\t", #""id""#, #""answer""#, #""question""#,
                                 #""x""#, #""中文""#, "\\n", "\\u00e9", "\\ud83d\\ude80", "\\/", "ab", "é", "🚀"].map { Array($0.utf8) }
            + [[0xFF], [0xE4, 0xB8], [0x80], [0xC3]]
        var rng = SplitMix64(seed: 5)
        var read = 0, invalid = 0
        for n in 0..<4_000 {
            // Mostly a well-formed line with one awkward piece inside a string or between tokens.
            var parts: [[UInt8]] = [Array(#"{"id":"a","answer":""#.utf8), [], Array(#"","question":"q"}"#.utf8)]
            for _ in 0..<Int(rng.next() % 4) {
                let piece = pieces[Int(rng.next() % UInt64(pieces.count))]
                parts[n % 3 == 0 ? Int(rng.next() % 3) : 1] += piece
            }
            let line = parts.flatMap { $0 }
            switch Self.reading(line) {
            case .fields(let fields):
                read += 1
                #expect(String(validating: line, as: UTF8.self) != nil, "\(line)")
                #expect(fields == Self.serialization(String(decoding: line, as: UTF8.self)), "\(line)")
            case .notUTF8:
                invalid += 1
                #expect(String(validating: line, as: UTF8.self) == nil, "\(line)")
            case .declined: break
            }
        }
        #expect(read > 1_000 && invalid > 500, "\(read) read, \(invalid) not UTF-8")
    }

    /// `UTF8Validation.isValid` is `String(validating:)`: random bytes, and random pieces of
    /// sequences at every boundary of the RFC 3629 table (overlong forms, surrogates, > U+10FFFF,
    /// truncated sequences, ASCII runs longer than the eight-byte step).
    @Test func utf8ValidationIsStringValidating() {
        var rng = SplitMix64(seed: 11)
        let pieces: [[UInt8]] = [[0x61], Array("abcdefghijk".utf8), [0xC2, 0x80], [0xC1, 0xBF], [0xDF, 0xBF],
                                 [0xE0, 0xA0, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
                                 [0xEF, 0xBF, 0xBF], [0xE4, 0xB8, 0xAD], [0xF0, 0x90, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
                                 [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xBF],
                                 [0xC3], [0xE4, 0xB8], [0xF0, 0x9F, 0x98], [0xFF], [0xFE], [0x00], [0x7F]]
        for n in 0..<6_000 {
            let bytes: [UInt8]
            if n % 3 == 0 {
                bytes = (0..<Int(rng.next() % 40)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            } else {
                bytes = (0..<Int(rng.next() % 8)).flatMap { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }
            }
            let valid = bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) }
            #expect(valid == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
        #expect(UTF8Validation.isValid(UnsafeBufferPointer(start: nil, count: 0)))
    }

    /// Up to `maxKeys` keys are read here; a line with more is left to `JSONSerialization`.
    @Test func leavesLinesWithManyKeysToJSONSerialization() {
        func line(keys: Int) -> String {
            "{" + (0..<keys).map { #""k\#($0)":"v""# }.joined(separator: ",") + "}"
        }
        let most = line(keys: BatchLineReader.maxKeys)
        #expect(Self.read(most) != nil && Self.read(most) == Self.serialization(most))
        #expect(Self.read(line(keys: BatchLineReader.maxKeys + 1)) == nil)
    }
}
