import Foundation
import Testing
@testable import RubricKit

/// The batch line fast path must read exactly what `JSONSerialization` reads, and decline
/// (return nil, so the caller falls back) whatever it is not sure of.
@Suite("Batch line reader")
struct BatchLineReaderTests {
    static func read(_ line: String) -> BatchLineReader.Fields? {
        var line = line
        return line.withUTF8 { BatchLineReader.read($0) }
    }

    static func serialization(_ line: String) -> BatchLineReader.Fields? {
        guard let dict = (try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])) as? [String: Any]
        else { return nil }
        return .init(id: dict["id"] as? String, question: dict["question"] as? String, answer: dict["answer"] as? String)
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
        for line in lines { #expect(Self.read(line) == nil, "accepted \(line)") }
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
