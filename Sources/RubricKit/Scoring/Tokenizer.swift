/// One unit of text the matcher works on: a Latin word, a number, a single CJK character or a
/// meaningful symbol (`%` `+` `<` `>` `*`).
public struct Token: Sendable, Equatable {
    public enum Kind: UInt8, Sendable {
        case word, number, cjk, symbol
    }

    /// What separates a token from the one before it.
    public enum Break: UInt8, Sendable, Comparable {
        /// Adjacent (CJK characters, or a camelCase / letter-digit split).
        case none
        /// Spaces or a soft separator (`.` `_` `-` `/`): still one phrase.
        case space
        /// A clause mark (`,` `、` `:` brackets …).
        case clause
        /// A sentence end (`。` `！` `？` `;` a line break, `. `).
        case sentence

        public static func < (a: Break, b: Break) -> Bool { a.rawValue < b.rawValue }
    }

    public var kind: Kind
    /// Unicode-scalar offsets into the original string, `start..<end`.
    public var start: Int
    public var end: Int
    /// The same span as UTF-8 byte offsets into the original string.
    public var byteStart: Int
    public var byteEnd: Int
    /// The folded text (lower case, NFKC) as UTF-8 bytes `textStart..<textEnd` of its
    /// `TokenizedText` (read it with `TokenizedText.text(_:)`).
    public var textStart: Int
    public var textEnd: Int
    /// A CJK or symbol token's (folded) character; 0 for words and numbers.
    public var scalar: UInt32
    public var breakBefore: Break
    /// An assignment mark (`=`, `:`, `==`) sits between this token and the previous one.
    public var afterAssignment: Bool
    /// Letters in the original token (for typo tolerance), 0 for numbers and CJK.
    public var letterCount: Int
    /// An English article before a word (`a`, `an`, `the`) or `的` inside a Chinese phrase: skipped
    /// when matching, so "a pointer to a backing array" matches "pointer to the backing array" and
    /// `P的本地队列` matches `P本地队列`.
    public var isFiller = false
}

/// Splits text into tokens after NFKC and case folding. Separators of technical names are
/// equivalent (`min.insync.replicas` = `min_insync_replicas` = `min insync replicas` =
/// `MinInsyncReplicas`); CJK characters are one token each, so Chinese matches as substrings while
/// Latin matches whole words.
public enum Tokenizer {
    /// - Parameter splitCamelCase: split `MinInsync` into `min insync` and letters from digits
    ///   (`CRC16` → `crc 16`). Turned off to build the joined variant of an alias.
    public static func tokenize(_ input: String, splitCamelCase: Bool = true, joinSoftSeparators: Bool = false) -> TokenizedText {
        var input = input
        return input.withUTF8 { tokenize(utf8: $0, splitCamelCase: splitCamelCase, joinSoftSeparators: joinSoftSeparators) }
    }

    /// Tokenizes the valid UTF-8 `input` (a `String`'s bytes).
    static func tokenize(utf8 input: UnsafeBufferPointer<UInt8>, splitCamelCase: Bool, joinSoftSeparators: Bool) -> TokenizedText {
        var run = Run(input, splitCamelCase: splitCamelCase, joinSoftSeparators: joinSoftSeparators)
        run.scan()
        run.markFillers()
        return run.tokens
    }

    /// One tokenization: the tokens so far, the word being built and the scalars ahead.
    private struct Run {
        let splitCamelCase: Bool
        let joinSoftSeparators: Bool
        var tokens: TokenizedText
        // The current word's folded text as UTF-8, and its last scalar (a camelCase split moves it).
        var word: [UInt8] = []
        var wordLastScalar: Unicode.Scalar = " "
        var wordKind: Token.Kind = .word
        var wordStart = 0
        var wordLetters = 0
        var wordLength = 0
        var wordFirstUpper = false
        var lastClass: CharClass = .space
        var lastWasUpper = false
        var pendingBreak: Token.Break = .sentence
        var pendingAssign = false
        var index = 0
        var scalars: UTF8Scalars.Iterator
        var current: Unicode.Scalar?
        var lookahead: Unicode.Scalar?
        // Byte offsets of the scalars before, at and after `index`.
        var previousByte = 0
        var byte = 0
        var lookaheadByte = 0
        var wordByteStart = 0

        init(_ input: UnsafeBufferPointer<UInt8>, splitCamelCase: Bool, joinSoftSeparators: Bool) {
            self.splitCamelCase = splitCamelCase
            self.joinSoftSeparators = joinSoftSeparators
            tokens = TokenizedText(capacity: input.count / 3)
            word.reserveCapacity(32)
            scalars = UTF8Scalars.Iterator(input)
            current = scalars.next()
            lookaheadByte = scalars.i
            lookahead = scalars.next()
        }

        /// Moves to the next scalar.
        mutating func advance() {
            index += 1
            previousByte = byte
            byte = lookaheadByte
            current = lookahead
            lookaheadByte = scalars.i
            lookahead = scalars.next()
        }

        mutating func scan() {
            while let raw = current {
                defer { advance() }
                let s = foldFast(raw)
                let cls = classify(s)
                switch cls {
                case .letter, .digit:
                    let rv = raw.value
                    let isUpper = rv < 0x80 ? (rv >= 0x41 && rv <= 0x5A) : isUppercase(raw)
                    let kind: Token.Kind = cls == .digit ? .number : .word
                    if !word.isEmpty {
                        var split = false
                        if lastClass == .symbol {
                            split = false // a sign or decimal point inside a number: "-1", "1.14"
                        } else if lastClass != cls {
                            split = splitCamelCase // letter ↔ digit: "CRC16" → "crc 16"
                        } else if splitCamelCase && cls == .letter && isUpper && !lastWasUpper && wordLength >= 2 {
                            split = true // camelCase: lower → Upper; one leading lower letter stays (gRPC, eBPF, iOS)
                        } else if splitCamelCase && cls == .letter && !isUpper && lastWasUpper && wordLength >= 2,
                                  let next = lookahead, next.value < 0x80 ? (next.value >= 0x61 && next.value <= 0x7A) : next.properties.isLowercase {
                            // "HTTPServer": the last capital starts the next word when at least two lowers follow.
                            let last = wordLastScalar
                            word.removeLast(UTF8.width(last))
                            wordLetters -= 1
                            flush(index - 1, byte: previousByte)
                            append(last)
                            wordStart = index - 1
                            wordByteStart = previousByte
                            wordLetters = 1
                            wordLength = 1
                            wordKind = .word
                            pendingBreak = .none
                        }
                        if split { flush(index, byte: byte) }
                    }
                    if word.isEmpty { wordStart = index; wordByteStart = byte; wordKind = kind; wordFirstUpper = isUpper }
                    append(s)
                    wordLength += 1
                    if cls == .letter { wordLetters += 1 }
                    lastWasUpper = isUpper
                    lastClass = cls
                case .cjk:
                    if !word.isEmpty { flush(index, byte: byte) } // (flush checks too; the call costs, once per CJK character)
                    let textStart = tokens.foldedCount
                    tokens.appendFolded(s)
                    tokens.append(Token(kind: .cjk, start: index, end: index + 1, byteStart: byte, byteEnd: lookaheadByte,
                                        textStart: textStart, textEnd: tokens.foldedCount,
                                        scalar: s.value, breakBefore: tokens.isEmpty ? .sentence : pendingBreak,
                                        afterAssignment: pendingAssign, letterCount: 0, isFiller: s == "的"))
                    pendingBreak = .none
                    pendingAssign = false
                    lastClass = .cjk
                case .symbol:
                    // `-` or `.` inside a number (`-1`, `1.14`) stays in it.
                    if s == "-" , lastClass != .letter, lastClass != .digit, let n = lookahead, isDigit(n) {
                        flush(index, byte: byte)
                        wordStart = index; wordByteStart = byte; wordKind = .number
                        append(s); wordLength = 1; lastClass = .symbol
                        continue
                    }
                    if s == ".", lastClass == .digit, let n = lookahead, isDigit(n) {
                        append(s); wordLength += 1; lastClass = .symbol
                        continue
                    }
                    flush(index, byte: byte)
                    switch s {
                    case "=", ":":
                        pendingAssign = true
                        raise(s == ":" ? .clause : .space)
                    case ".":
                        // A full stop ends a sentence only before a space or the end.
                        if let n = lookahead, !n.properties.isWhitespace { raise(.space) } else { raise(.sentence) }
                    case "_", "-", "/", "'", "\u{2019}", "\\", "~", "@", "#", "&", "|", "^", "`", "\"", "$":
                        if s == "'" || s == "\u{2019}", let n = lookahead, n == "t" || n == "T",
                           let prev = tokens.last, prev.end == index, prev.kind == .word, endsWithN(tokens, tokens.count - 1) {
                            // "doesn't" → "does not": make the negation a token of its own.
                            var t = tokens.removeLast()
                            tokens.removeFolded(last: 1) // the "n", the token's last bytes
                            t.textEnd -= 1
                            t.end -= 1
                            t.byteEnd = previousByte
                            t.letterCount -= 1
                            if t.textEnd > t.textStart { tokens.append(t) }
                            let textStart = tokens.foldedCount
                            tokens.appendFolded("not")
                            tokens.append(Token(kind: .word, start: index - 1, end: index + 2,
                                                byteStart: previousByte, byteEnd: lookaheadByte + UTF8.width(n), textStart: textStart,
                                                textEnd: tokens.foldedCount, scalar: 0, breakBefore: .space,
                                                afterAssignment: false, letterCount: 3))
                            advance()
                            pendingBreak = .none
                            lastClass = .space
                            continue
                        }
                        if !joinSoftSeparators { raise(.space) }
                    case ",", "(", ")", "[", "]", "{", "}", "\u{3001}", "\u{FF0C}", "\u{3010}", "\u{3011}",
                         "\u{300A}", "\u{300B}", "\u{300C}", "\u{300D}", "\u{201C}", "\u{201D}", "\u{2014}", "\u{2026}":
                        raise(s == "\u{2026}" ? .sentence : .clause)
                    case "!", "?", ";", "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{FF1B}":
                        raise(.sentence)
                    case "%", "+", "<", ">", "*":
                        let textStart = tokens.foldedCount
                        tokens.appendFolded(s)
                        tokens.append(Token(kind: .symbol, start: index, end: index + 1, byteStart: byte, byteEnd: lookaheadByte,
                                            textStart: textStart,
                                            textEnd: tokens.foldedCount, scalar: s.value,
                                            breakBefore: tokens.isEmpty ? .sentence : max(pendingBreak, .space),
                                            afterAssignment: pendingAssign, letterCount: 0))
                        pendingBreak = .none
                        pendingAssign = false
                    default:
                        raise(.clause)
                    }
                    lastClass = .symbol
                case .space:
                    flush(index, byte: byte)
                    raise(s == "\n" || s == "\r" || s == "\u{2028}" || s == "\u{2029}" ? .sentence : .space)
                    lastClass = .space
                }
            }
            flush(index, byte: byte)
        }

        /// Ends the word being built at scalar `end`, byte `byte`.
        mutating func flush(_ end: Int, byte: Int) {
            guard !word.isEmpty else { return }
            let b: Token.Break = tokens.isEmpty ? .sentence : pendingBreak
            // "A" is an article only at a sentence start; elsewhere it is a name ("A record").
            let isA = word.count == 1 && word[0] == 0x61 // "a"
            let isAnOrThe = (word.count == 2 && word[0] == 0x61 && word[1] == 0x6E)
                || (word.count == 3 && word[0] == 0x74 && word[1] == 0x68 && word[2] == 0x65)
            let article = (isA || isAnOrThe) && (!wordFirstUpper || !isA || b == .sentence)
            let textStart = tokens.foldedCount
            tokens.appendFolded(word)
            tokens.append(Token(kind: wordKind, start: wordStart, end: end, byteStart: wordByteStart, byteEnd: byte,
                                textStart: textStart, textEnd: tokens.foldedCount,
                                scalar: 0, breakBefore: b, afterAssignment: pendingAssign, letterCount: wordLetters,
                                isFiller: article))
            word.removeAll(keepingCapacity: true)
            wordLetters = 0
            wordLength = 0
            pendingBreak = .none
            pendingAssign = false
        }

        mutating func append(_ s: Unicode.Scalar) {
            word.appendUTF8(s)
            wordLastScalar = s
        }

        mutating func raise(_ b: Token.Break) { if b > pendingBreak { pendingBreak = b } }

        mutating func markFillers() {
            // An article counts as a filler only before a word; `的` only inside a phrase, between two
            // tokens with no punctuation around it (`Service的负载均衡` ~ `Service负载均衡`).
            for i in tokens.indices where tokens[i].isFiller {
                let next = i + 1 < tokens.count ? tokens[i + 1] : nil
                if tokens[i].kind == .cjk {
                    if i == 0 || tokens[i].breakBefore > .space || (next.map { $0.breakBefore > .space } ?? true) { tokens[i].isFiller = false }
                } else if next?.kind != .word || next?.breakBefore != .space {
                    tokens[i].isFiller = false
                }
            }
        }
    }

    enum CharClass { case letter, digit, cjk, symbol, space }

    /// Whether token `i`'s text ends with the character "n" (as `String.hasSuffix` compares):
    /// its last byte is `n`, and the `String` check confirms it.
    static func endsWithN(_ tokens: TokenizedText, _ i: Int) -> Bool {
        tokens.withText(i) { $0.last == 0x6E } && tokens.text(i).hasSuffix("n")
    }

    @inline(__always)
    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x30 && s.value <= 0x39) || (s.value >= 0xFF10 && s.value <= 0xFF19)
    }

    @inline(__always)
    static func isCJK(_ v: UInt32) -> Bool {
        (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x3040 && v <= 0x30FF)
            || (v >= 0xAC00 && v <= 0xD7AF) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0x20000 && v <= 0x2FFFF)
    }

    /// The class of a folded scalar: ASCII and CJK by range, common scalars from `CommonScalars`,
    /// the rest by `classifyRule`.
    @inline(__always)
    static func classify(_ s: Unicode.Scalar) -> CharClass {
        if let c = classByRange(s.value) { return c }
        if let slot = CommonScalars.slot(s.value) { return CommonScalars.shared.charClass(slot) }
        return classifyRule(s)
    }

    /// The class of an ASCII or CJK scalar, from its value alone; nil for the rest.
    @inline(__always)
    static func classByRange(_ v: UInt32) -> CharClass? {
        if v < 0x80 {
            if v >= 0x61 && v <= 0x7A { return .letter }
            if v >= 0x30 && v <= 0x39 { return .digit }
            if v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0x0B || v == 0x0C { return .space }
            return .symbol
        }
        return isCJK(v) ? .cjk : nil
    }

    @inline(__always)
    static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        if let slot = CommonScalars.slot(s.value) { return CommonScalars.shared.isUppercase(slot) }
        return isUppercaseRule(s)
    }

    /// Upper case in the original text (camelCase splits); full-width capitals count.
    static func isUppercaseRule(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return s.properties.isUppercase || (v >= 0xFF21 && v <= 0xFF3A)
    }

    static func classifyRule(_ s: Unicode.Scalar) -> CharClass {
        if let c = classByRange(s.value) { return c }
        let p = s.properties
        if p.isWhitespace { return .space }
        if p.isAlphabetic { return .letter }
        if p.numericType != nil { return .digit }
        return .symbol
    }

    /// NFKC and lower case for one scalar: ASCII and CJK directly, common scalars from
    /// `CommonScalars`, the rest by `foldRule`.
    @inline(__always)
    static func foldFast(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v < 0x80 {
            if v >= 0x41 && v <= 0x5A { return Unicode.Scalar(v + 32) ?? s }
            return s
        }
        if isCJK(v) { return s }
        if let slot = CommonScalars.slot(v) { return CommonScalars.shared.fold(slot) }
        return foldRule(s)
    }

    /// NFKC and lower case for one scalar; the common ranges are folded without Foundation.
    static func foldRule(_ s: Unicode.Scalar) -> Unicode.Scalar {
        let v = s.value
        if v < 0x80 {
            if v >= 0x41 && v <= 0x5A { return Unicode.Scalar(v + 32) ?? s }
            return s
        }
        if isCJK(v) { return s }
        // Full-width ASCII.
        if v >= 0xFF01 && v <= 0xFF5E { return foldRule(Unicode.Scalar(v - 0xFEE0) ?? s) }
        if v == 0x3000 { return " " }
        switch v {
        case 0x3002, 0xFF61: return "\u{3002}"          // 。 ｡
        case 0x2018, 0x2019: return "\u{2019}"
        case 0x201C, 0x201D: return "\u{201C}"
        case 0x2013, 0x2014, 0x2015: return "\u{2014}"
        case 0x00A0, 0x2002...0x200B, 0x202F, 0x205F: return " "
        default: break
        }
        if s.properties.isWhitespace { return " " }
        let folded = String(Character(s)).precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars
        if folded.count == 1, let only = folded.first { return only }
        return s.properties.lowercaseMapping.unicodeScalars.first ?? s
    }
}

import Foundation
