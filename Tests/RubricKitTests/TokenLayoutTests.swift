import Testing
@testable import RubricKit

/// `Token` stores its offsets in `UInt32`s and a CJK or symbol token's scalar in the field of a
/// word's or number's letter count; `Tokenizer.maxInputBytes` keeps every offset of a tokenized text
/// in range.
@Suite("Token layout")
struct TokenLayoutTests {
    @Test func aTokenIs32Bytes() {
        #expect(MemoryLayout<Token>.size == 32)
        #expect(MemoryLayout<Token>.stride == 32)
    }

    /// The largest offset a tokenized text can have (its folded text is at most twice its bytes)
    /// fits, and reads back as stored.
    @Test func offsetsFitUpToTheInputLimit() {
        let largest = 2 * Tokenizer.maxInputBytes
        #expect(largest <= Int(UInt32.max))
        var t = Token(kind: .word, start: largest - 1, end: largest, byteStart: largest - 3, byteEnd: largest - 2,
                      textStart: largest - 5, textEnd: largest - 4, scalar: 0, breakBefore: .space,
                      afterAssignment: true, letterCount: Tokenizer.maxInputBytes, isFiller: true)
        #expect([t.start, t.end, t.byteStart, t.byteEnd, t.textStart, t.textEnd] ==
                [largest - 1, largest, largest - 3, largest - 2, largest - 5, largest - 4])
        #expect(t.letterCount == Tokenizer.maxInputBytes && t.scalar == 0)
        #expect(t.kind == .word && t.breakBefore == .space && t.afterAssignment && t.isFiller)
        t.textEnd -= 1
        t.letterCount -= 1
        #expect(t.textEnd == largest - 5 && t.letterCount == Tokenizer.maxInputBytes - 1)
    }

    /// A CJK or symbol token has its scalar and no letters; a word or number its letters and no scalar.
    @Test func scalarAndLettersShareAField() {
        var cjk = Token(kind: .cjk, start: 0, end: 1, byteStart: 0, byteEnd: 3, textStart: 0, textEnd: 3,
                        scalar: 0x10FFFF, breakBefore: .none, afterAssignment: false, letterCount: 0)
        #expect(cjk.scalar == 0x10FFFF && cjk.letterCount == 0)
        cjk.scalar = 0x7684
        cjk.letterCount = 0
        #expect(cjk.scalar == 0x7684 && cjk.letterCount == 0)
        let symbol = Token(kind: .symbol, start: 0, end: 1, byteStart: 0, byteEnd: 1, textStart: 0, textEnd: 1,
                           scalar: 0x25, breakBefore: .space, afterAssignment: false, letterCount: 0)
        #expect(symbol.scalar == 0x25 && symbol.letterCount == 0)
        var number = Token(kind: .number, start: 0, end: 3, byteStart: 0, byteEnd: 3, textStart: 0, textEnd: 3,
                           scalar: 0, breakBefore: .space, afterAssignment: false, letterCount: 1)
        number.scalar = 0
        #expect(number.scalar == 0 && number.letterCount == 1)
        // The tokenizer's: "16" a number, "a" a word of one letter (a number too when not split).
        #expect(Tokenizer.tokenize("16a 中 %").map { [$0.scalar, UInt32($0.letterCount)] } == [[0, 0], [0, 1], [0x4E2D, 0], [0x25, 0]])
        #expect(Tokenizer.tokenize("16a 中 %", splitCamelCase: false, joinSoftSeparators: false)
                .map { [$0.scalar, UInt32($0.letterCount)] } == [[0, 1], [0x4E2D, 0], [0x25, 0]])
    }

    /// A text longer than the limit is cut at the last scalar boundary within it: every cut of
    /// mixed one- to four-byte text is the longest valid prefix that fits.
    @Test func aLongTextIsCutAtAScalarBoundary() {
        let text = "a中é😀b\0ガ\u{301}𠀀z"
        let bytes = Array(text.utf8)
        var boundaries = [0]
        for s in text.unicodeScalars { boundaries.append(boundaries.last! + String(s).utf8.count) }
        bytes.withUnsafeBufferPointer { all in
            for limit in 0...bytes.count + 2 {
                let cut = Tokenizer.prefix(all, limit: limit)
                #expect(cut.baseAddress == all.baseAddress)
                #expect(cut.count == boundaries.last { $0 <= limit }, "limit \(limit)")
                #expect(String(validating: cut, as: UTF8.self) != nil, "limit \(limit)")
            }
        }
    }
}
