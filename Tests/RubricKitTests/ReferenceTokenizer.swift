@testable import RubricKit

/// The tokenizer's rules written plainly, one scalar at a time over `String.unicodeScalars` with
/// the general fold, class and case rules (no tables, no byte runs): what `Tokenizer.tokenize`
/// must give exactly (`TokenizerDifferentialTests`).
struct ReferenceTokenizer {
    let splitCamelCase: Bool
    let joinSoftSeparators: Bool

    func tokenize(_ input: String) -> TokenizedText {
        let scalars = Array(input.unicodeScalars)
        // Byte offset of each scalar, and of the end.
        var offsets = [0]
        for s in scalars { offsets.append(offsets.last! + UTF8.width(s)) }
        var tokens: [Token] = []
        var folded: [UInt8] = []
        var word: [UInt8] = []
        var wordLast: Unicode.Scalar = " "
        var wordKind: Token.Kind = .word
        var wordStart = 0, wordLetters = 0, wordLength = 0
        var wordFirstUpper = false
        var lastClass: Tokenizer.CharClass = .space
        var lastWasUpper = false
        var pendingBreak: Token.Break = .sentence
        var pendingAssign = false

        func raise(_ b: Token.Break) { if b > pendingBreak { pendingBreak = b } }
        func append(_ s: Unicode.Scalar) { word += Array(String(s).utf8); wordLast = s }
        func flush(_ end: Int) {
            guard !word.isEmpty else { return }
            let b: Token.Break = tokens.isEmpty ? .sentence : pendingBreak
            let isA = word == [0x61]
            let isAnOrThe = word == Array("an".utf8) || word == Array("the".utf8)
            let article = (isA || isAnOrThe) && (!wordFirstUpper || !isA || b == .sentence)
            let textStart = folded.count
            folded += word
            tokens.append(Token(kind: wordKind, start: wordStart, end: end, byteStart: offsets[wordStart], byteEnd: offsets[end],
                                textStart: textStart, textEnd: folded.count, scalar: 0, breakBefore: b,
                                afterAssignment: pendingAssign, letterCount: wordLetters, isFiller: article))
            word = []
            wordLetters = 0
            wordLength = 0
            pendingBreak = .none
            pendingAssign = false
        }
        func single(_ kind: Token.Kind, _ s: Unicode.Scalar, at i: Int, breakBefore: Token.Break) {
            let textStart = folded.count
            folded += Array(String(s).utf8)
            tokens.append(Token(kind: kind, start: i, end: i + 1, byteStart: offsets[i], byteEnd: offsets[i + 1],
                                textStart: textStart, textEnd: folded.count, scalar: s.value, breakBefore: breakBefore,
                                afterAssignment: pendingAssign, letterCount: 0, isFiller: kind == .cjk && s == "的"))
            pendingBreak = .none
            pendingAssign = false
        }

        var i = 0
        while i < scalars.count {
            defer { i += 1 }
            let raw = scalars[i]
            let next: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
            let s = Tokenizer.foldRule(raw)
            let cls = Tokenizer.classifyRule(s)
            switch cls {
            case .letter, .digit:
                let isUpper = Tokenizer.isUppercaseRule(raw)
                if !word.isEmpty {
                    var split = false
                    if lastClass == .symbol {
                        split = false
                    } else if lastClass != cls {
                        split = splitCamelCase
                    } else if splitCamelCase && cls == .letter && isUpper && !lastWasUpper && wordLength >= 2 {
                        split = true
                    } else if splitCamelCase && cls == .letter && !isUpper && lastWasUpper && wordLength >= 2,
                              let n = next, n.properties.isLowercase {
                        let last = wordLast
                        word.removeLast(UTF8.width(last))
                        wordLetters -= 1
                        flush(i - 1)
                        append(last)
                        wordStart = i - 1
                        wordLetters = 1
                        wordLength = 1
                        wordKind = .word
                        pendingBreak = .none
                    }
                    if split { flush(i) }
                }
                if word.isEmpty { wordStart = i; wordKind = cls == .digit ? .number : .word; wordFirstUpper = isUpper }
                append(s)
                wordLength += 1
                if cls == .letter { wordLetters += 1 }
                lastWasUpper = isUpper
                lastClass = cls
            case .cjk:
                flush(i)
                single(.cjk, s, at: i, breakBefore: tokens.isEmpty ? .sentence : pendingBreak)
                lastClass = .cjk
            case .symbol:
                if s == "-", lastClass != .letter, lastClass != .digit, let n = next, Tokenizer.isDigit(n) {
                    flush(i)
                    wordStart = i; wordKind = .number
                    append(s); wordLength = 1; lastClass = .symbol
                    continue
                }
                if s == ".", lastClass == .digit, let n = next, Tokenizer.isDigit(n) {
                    append(s); wordLength += 1; lastClass = .symbol
                    continue
                }
                flush(i)
                switch s {
                case "=", ":":
                    pendingAssign = true
                    raise(s == ":" ? .clause : .space)
                case ".":
                    if let n = next, !n.properties.isWhitespace { raise(.space) } else { raise(.sentence) }
                case "_", "-", "/", "'", "\u{2019}", "\\", "~", "@", "#", "&", "|", "^", "`", "\"", "$":
                    if s == "'" || s == "\u{2019}", let n = next, n == "t" || n == "T",
                       let prev = tokens.last, prev.end == i, prev.kind == .word,
                       String(decoding: folded[prev.textStart..<prev.textEnd], as: UTF8.self).hasSuffix("n") {
                        var t = tokens.removeLast()
                        folded.removeLast()
                        t.textEnd -= 1
                        t.end -= 1
                        t.byteEnd = offsets[i - 1]
                        t.letterCount -= 1
                        if t.textEnd > t.textStart { tokens.append(t) }
                        let textStart = folded.count
                        folded += Array("not".utf8)
                        tokens.append(Token(kind: .word, start: i - 1, end: i + 2, byteStart: offsets[i - 1], byteEnd: offsets[i + 2],
                                            textStart: textStart, textEnd: folded.count, scalar: 0, breakBefore: .space,
                                            afterAssignment: false, letterCount: 3))
                        i += 1
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
                    single(.symbol, s, at: i, breakBefore: tokens.isEmpty ? .sentence : max(pendingBreak, .space))
                default:
                    raise(.clause)
                }
                lastClass = .symbol
            case .space:
                flush(i)
                raise(s == "\n" || s == "\r" || s == "\u{2028}" || s == "\u{2029}" ? .sentence : .space)
                lastClass = .space
            }
        }
        flush(scalars.count)

        // Fillers: an article only before a word; `的` only between two tokens with no punctuation around it.
        for i in tokens.indices where tokens[i].isFiller {
            let next = i + 1 < tokens.count ? tokens[i + 1] : nil
            if tokens[i].kind == .cjk {
                if i == 0 || tokens[i].breakBefore > .space || (next.map { $0.breakBefore > .space } ?? true) { tokens[i].isFiller = false }
            } else if next?.kind != .word || next?.breakBefore != .space {
                tokens[i].isFiller = false
            }
        }
        var length = TextLength()
        for t in tokens { length.add(t) }
        return TokenizedText(tokens: tokens, folded: folded,
                             comparesByBytes: scalars.allSatisfy { Tokenizer.keepsCanonical($0.value) }, length: length)
    }
}
