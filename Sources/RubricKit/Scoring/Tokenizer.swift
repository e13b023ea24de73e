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
    /// The folded text: lower case, NFKC.
    public var text: String
    /// Unicode-scalar offsets into the original string, `start..<end`.
    public var start: Int
    public var end: Int
    public var breakBefore: Break
    /// An assignment mark (`=`, `:`, `==`) sits between this token and the previous one.
    public var afterAssignment: Bool
    /// Letters in the original token (for typo tolerance), 0 for numbers and CJK.
    public var letterCount: Int
    /// An English article before a word (`a`, `an`, `the`) or `的` inside a Chinese phrase: skipped
    /// when matching, so "a pointer to a backing array" matches "pointer to the backing array" and
    /// `P的本地队列` matches `P本地队列`.
    public var isFiller = false

    /// The value of the text's first scalar (a CJK token's character), decoded from its UTF-8.
    var firstScalarValue: UInt32? {
        var it = text.utf8.makeIterator()
        guard let b0 = it.next() else { return nil }
        if b0 < 0x80 { return UInt32(b0) }
        let width = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2
        var v = UInt32(b0) & (width == 4 ? 0x07 : width == 3 ? 0x0F : 0x1F)
        for _ in 1..<width {
            guard let b = it.next() else { return nil }
            v = v << 6 | (UInt32(b) & 0x3F)
        }
        return v
    }
}

/// Splits text into tokens after NFKC and case folding. Separators of technical names are
/// equivalent (`min.insync.replicas` = `min_insync_replicas` = `min insync replicas` =
/// `MinInsyncReplicas`); CJK characters are one token each, so Chinese matches as substrings while
/// Latin matches whole words.
public enum Tokenizer {
    /// - Parameter splitCamelCase: split `MinInsync` into `min insync` and letters from digits
    ///   (`CRC16` → `crc 16`). Turned off to build the joined variant of an alias.
    public static func tokenize(_ input: String, splitCamelCase: Bool = true, joinSoftSeparators: Bool = false) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(input.utf8.count / 3)
        // The current word's folded text as UTF-8, and its last scalar (a camelCase split moves it).
        var word: [UInt8] = []
        word.reserveCapacity(32)
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
        var scalars = input.unicodeScalars.makeIterator()
        var current = scalars.next()
        var lookahead = scalars.next()

        func flush(_ end: Int) {
            guard !word.isEmpty else { return }
            let text = String(decoding: word, as: UTF8.self)
            let b: Token.Break = tokens.isEmpty ? .sentence : pendingBreak
            // "A" is an article only at a sentence start; elsewhere it is a name ("A record").
            let article = (text == "the" || text == "an" || text == "a") && (!wordFirstUpper || text != "a" || b == .sentence)
            tokens.append(Token(kind: wordKind, text: text, start: wordStart, end: end, breakBefore: b,
                                afterAssignment: pendingAssign, letterCount: wordLetters, isFiller: article))
            word.removeAll(keepingCapacity: true)
            wordLetters = 0
            wordLength = 0
            pendingBreak = .none
            pendingAssign = false
        }
        func append(_ s: Unicode.Scalar) {
            if s.value < 0x80 { word.append(UInt8(truncatingIfNeeded: s.value)) } else if let e = UTF8.encode(s) { word.append(contentsOf: e) }
            wordLastScalar = s
        }
        func raise(_ b: Token.Break) { if b > pendingBreak { pendingBreak = b } }

        while let raw = current {
            defer { index += 1; current = lookahead; lookahead = scalars.next() }
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
                        flush(index - 1)
                        append(last)
                        wordStart = index - 1
                        wordLetters = 1
                        wordLength = 1
                        wordKind = .word
                        pendingBreak = .none
                    }
                    if split { flush(index) }
                }
                if word.isEmpty { wordStart = index; wordKind = kind; wordFirstUpper = isUpper }
                append(s)
                wordLength += 1
                if cls == .letter { wordLetters += 1 }
                lastWasUpper = isUpper
                lastClass = cls
            case .cjk:
                flush(index)
                tokens.append(Token(kind: .cjk, text: String(s), start: index, end: index + 1,
                                    breakBefore: tokens.isEmpty ? .sentence : pendingBreak,
                                    afterAssignment: pendingAssign, letterCount: 0, isFiller: s == "的"))
                pendingBreak = .none
                pendingAssign = false
                lastClass = .cjk
            case .symbol:
                // `-` or `.` inside a number (`-1`, `1.14`) stays in it.
                if s == "-" , lastClass != .letter, lastClass != .digit, let n = lookahead, isDigit(n) {
                    flush(index)
                    wordStart = index; wordKind = .number
                    append(s); wordLength = 1; lastClass = .symbol
                    continue
                }
                if s == ".", lastClass == .digit, let n = lookahead, isDigit(n) {
                    append(s); wordLength += 1; lastClass = .symbol
                    continue
                }
                flush(index)
                switch s {
                case "=", ":":
                    pendingAssign = true
                    raise(s == ":" ? .clause : .space)
                case ".":
                    // A full stop ends a sentence only before a space or the end.
                    if let n = lookahead, !n.properties.isWhitespace { raise(.space) } else { raise(.sentence) }
                case "_", "-", "/", "'", "\u{2019}", "\\", "~", "@", "#", "&", "|", "^", "`", "\"", "$":
                    if s == "'" || s == "\u{2019}", let n = lookahead, n == "t" || n == "T",
                       let prev = tokens.last, prev.end == index, prev.kind == .word, prev.text.hasSuffix("n") {
                        // "doesn't" → "does not": make the negation a token of its own.
                        var t = tokens.removeLast()
                        t.text.removeLast()
                        t.end -= 1
                        t.letterCount -= 1
                        if !t.text.isEmpty { tokens.append(t) }
                        tokens.append(Token(kind: .word, text: "not", start: index - 1, end: index + 2,
                                            breakBefore: .space, afterAssignment: false, letterCount: 3))
                        current = lookahead; lookahead = scalars.next(); index += 1
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
                    tokens.append(Token(kind: .symbol, text: String(s), start: index, end: index + 1,
                                        breakBefore: tokens.isEmpty ? .sentence : max(pendingBreak, .space),
                                        afterAssignment: pendingAssign, letterCount: 0))
                    pendingBreak = .none
                    pendingAssign = false
                default:
                    raise(.clause)
                }
                lastClass = .symbol
            case .space:
                flush(index)
                raise(s == "\n" || s == "\r" || s == "\u{2028}" || s == "\u{2029}" ? .sentence : .space)
                lastClass = .space
            }
        }
        flush(index)
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
        return tokens
    }

    enum CharClass { case letter, digit, cjk, symbol, space }

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
        if s.value >= 0x80, let slot = CommonScalars.slot(s.value) { return CommonScalars.shared.charClass(slot) }
        return classifyRule(s)
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
        let v = s.value
        if v < 0x80 {
            if v >= 0x61 && v <= 0x7A { return .letter }
            if v >= 0x30 && v <= 0x39 { return .digit }
            if v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0x0B || v == 0x0C { return .space }
            return .symbol
        }
        if isCJK(v) { return .cjk }
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
