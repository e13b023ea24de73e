/// One unit of text the matcher works on: a Latin word, a number, a single CJK character or a
/// meaningful symbol (`%` `+` `<` `>` `*`).
public struct Token: Sendable, Equatable, BitwiseCopyable {
    public enum Kind: UInt8, Sendable, BitwiseCopyable {
        case word, number, cjk, symbol
    }

    /// What separates a token from the one before it.
    public enum Break: UInt8, Sendable, Comparable, BitwiseCopyable {
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

    // Stored narrow, 32 bytes a token (the tokenizer writes one per CJK character and every pass
    // over the tokens copies them): offsets as `UInt32` (`Tokenizer.maxInputBytes` keeps every
    // offset of a tokenized text below 2³²), and one field for a CJK or symbol token's scalar or a
    // word's or number's letter count, the two kinds' values that are never both set.
    private var storedStart, storedEnd, storedByteStart, storedByteEnd, storedTextStart, storedTextEnd: UInt32
    private var scalarOrLetters: UInt32
    public let kind: Kind
    public var breakBefore: Break
    /// An assignment mark (`=`, `:`, `==`) sits between this token and the previous one.
    public var afterAssignment: Bool
    /// An English article before a word (`a`, `an`, `the`) or `的` inside a Chinese phrase: skipped
    /// when matching, so "a pointer to a backing array" matches "pointer to the backing array" and
    /// `P的本地队列` matches `P本地队列`.
    public var isFiller: Bool

    /// A token of a text of at most `Tokenizer.maxInputBytes` bytes, whose offsets and letter count
    /// are therefore below 2³²: they are stored without a check of their own (one per field would
    /// cost the tokenizer a tenth of its time).
    @inline(__always)
    init(kind: Kind, start: Int, end: Int, byteStart: Int, byteEnd: Int, textStart: Int, textEnd: Int,
         scalar: UInt32, breakBefore: Break, afterAssignment: Bool, letterCount: Int, isFiller: Bool = false) {
        self.kind = kind
        storedStart = UInt32(truncatingIfNeeded: start); storedEnd = UInt32(truncatingIfNeeded: end)
        storedByteStart = UInt32(truncatingIfNeeded: byteStart); storedByteEnd = UInt32(truncatingIfNeeded: byteEnd)
        storedTextStart = UInt32(truncatingIfNeeded: textStart); storedTextEnd = UInt32(truncatingIfNeeded: textEnd)
        if kind == .cjk || kind == .symbol {
            precondition(letterCount == 0, "a CJK or symbol token has no letters")
            scalarOrLetters = scalar
        } else {
            precondition(scalar == 0, "a word or number has no scalar")
            scalarOrLetters = UInt32(truncatingIfNeeded: letterCount)
        }
        self.breakBefore = breakBefore
        self.afterAssignment = afterAssignment
        self.isFiller = isFiller
    }

    /// Unicode-scalar offsets into the original string, `start..<end`.
    public var start: Int {
        @inline(__always) get { Int(storedStart) }
        @inline(__always) set { storedStart = UInt32(newValue) }
    }
    public var end: Int {
        @inline(__always) get { Int(storedEnd) }
        @inline(__always) set { storedEnd = UInt32(newValue) }
    }
    /// The same span as UTF-8 byte offsets into the original string.
    public var byteStart: Int {
        @inline(__always) get { Int(storedByteStart) }
        @inline(__always) set { storedByteStart = UInt32(newValue) }
    }
    public var byteEnd: Int {
        @inline(__always) get { Int(storedByteEnd) }
        @inline(__always) set { storedByteEnd = UInt32(newValue) }
    }
    /// The folded text (lower case, NFKC) as UTF-8 bytes `textStart..<textEnd` of its
    /// `TokenizedText` (read it with `TokenizedText.text(_:)`).
    public var textStart: Int {
        @inline(__always) get { Int(storedTextStart) }
        @inline(__always) set { storedTextStart = UInt32(newValue) }
    }
    public var textEnd: Int {
        @inline(__always) get { Int(storedTextEnd) }
        @inline(__always) set { storedTextEnd = UInt32(newValue) }
    }

    /// Whether the token is a CJK character or a symbol (its stored value is its scalar).
    private var hasScalar: Bool {
        @inline(__always) get { kind == .cjk || kind == .symbol }
    }

    /// A CJK or symbol token's (folded) character; 0 for words and numbers.
    public var scalar: UInt32 {
        @inline(__always) get { hasScalar ? scalarOrLetters : 0 }
        set {
            precondition(hasScalar || newValue == 0, "a word or number has no scalar")
            if hasScalar { scalarOrLetters = newValue }
        }
    }

    /// Letters in the original token (for typo tolerance), 0 for CJK and symbols.
    public var letterCount: Int {
        @inline(__always) get { hasScalar ? 0 : Int(scalarOrLetters) }
        set {
            precondition(!hasScalar || newValue == 0, "a CJK or symbol token has no letters")
            if !hasScalar { scalarOrLetters = UInt32(newValue) }
        }
    }
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

    /// The longest text tokenized, in UTF-8 bytes (2 GiB − 1): its folded text, at most twice as
    /// long, still has every offset in a `UInt32` (see `Token`). A longer text (the batch reader
    /// takes lines of any length) is tokenized up to the last scalar that ends within this many bytes.
    static let maxInputBytes = Int(Int32.max)

    /// The longest prefix of valid UTF-8 `input` that ends at a scalar boundary within `limit` bytes.
    static func prefix(_ input: UnsafeBufferPointer<UInt8>, limit: Int) -> UnsafeBufferPointer<UInt8> {
        guard input.count > limit else { return input }
        var end = limit
        while end > 0 && input[end] & 0xC0 == 0x80 { end -= 1 } // a continuation byte: not a scalar's start
        return UnsafeBufferPointer(rebasing: input[..<end])
    }

    /// Tokenizes the valid UTF-8 `input` (a `String`'s bytes), up to `maxInputBytes` of it.
    static func tokenize(utf8 whole: UnsafeBufferPointer<UInt8>, splitCamelCase: Bool, joinSoftSeparators: Bool) -> TokenizedText {
        let input = prefix(whole, limit: maxInputBytes)
        // Every token holds scalars of its own (the "not" of "doesn't" the apostrophe and the "t"),
        // so there are at most as many tokens as scalars; a scalar folds to at most twice its UTF-8
        // width (an ASCII one to one byte). Both arrays are written in place, to those bounds.
        let scalarCount = UTF8Scalars.count(input)
        var folded: [UInt8] = []
        var comparesByBytes = true
        var length = TextLength()
        let tokens = [Token](unsafeUninitializedCapacity: scalarCount) { tokenMemory, tokenCount in
            folded = [UInt8](unsafeUninitializedCapacity: 2 * input.count) { foldedMemory, foldedCount in
                var run = Run(input, tokens: BoundedOutput(tokenMemory), folded: BoundedOutput(foldedMemory),
                              splitCamelCase: splitCamelCase, joinSoftSeparators: joinSoftSeparators)
                run.scan()
                run.markFillers()
                length = run.length
                tokenCount = run.tokens.count
                foldedCount = run.folded.count
                comparesByBytes = run.keepsCanonical
            }
        }
        return TokenizedText(tokens: tokens, folded: folded, comparesByBytes: comparesByBytes, length: length)
    }

    /// One tokenization: one pass over the UTF-8 bytes. A word's folded text is written straight
    /// into the shared buffer as it is read; runs of lower-case ASCII letters or of digits inside a
    /// word are copied at once, and a CJK character becomes its token without folding or
    /// classifying. Every other scalar goes through `step`, which decodes the next scalar only when
    /// a rule looks at it.
    private struct Run {
        let input: UnsafeBufferPointer<UInt8>
        let splitCamelCase: Bool
        let joinSoftSeparators: Bool
        var tokens: BoundedOutput<Token>
        var folded: BoundedOutput<UInt8>
        // The word being built: `wordLength` scalars (0: none), its folded text from `wordTextStart`
        // to the end of `folded`, and the folded width of its last scalar (a camelCase split moves it).
        var wordLength = 0
        var wordTextStart = 0
        var wordLastWidth = 0
        var wordKind: Token.Kind = .word
        var wordStart = 0
        var wordByteStart = 0
        var wordLetters = 0
        var wordFirstUpper = false
        var lastClass: CharClass = .space
        var lastWasUpper = false
        var pendingBreak: Token.Break = .sentence
        var pendingAssign = false
        /// Whether every scalar read so far is one `Tokenizer.keepsCanonical` accepts.
        var keepsCanonical = true
        /// The tokens counted as they are written (the fillers once `markFillers` settles them).
        var length = TextLength()
        // The scalar being read: its index, its byte offset and the byte offset of the one before.
        var index = 0
        var byte = 0
        var previousByte = 0

        init(_ input: UnsafeBufferPointer<UInt8>, tokens: BoundedOutput<Token>, folded: BoundedOutput<UInt8>,
             splitCamelCase: Bool, joinSoftSeparators: Bool) {
            self.input = input
            self.tokens = tokens
            self.folded = folded
            self.splitCamelCase = splitCamelCase
            self.joinSoftSeparators = joinSoftSeparators
        }

        /// The scalar at byte `i` and its width, decoded as `UTF8Scalars` does; nil at the end or
        /// at a truncated or malformed sequence (which valid input never has).
        @inline(__always)
        func scalar(at i: Int) -> (Unicode.Scalar, Int)? {
            let n = input.count
            guard i < n else { return nil }
            let b0 = UInt32(input[i])
            if b0 < 0x80 { return (Unicode.Scalar(UInt8(truncatingIfNeeded: b0)), 1) }
            var v: UInt32
            let width: Int
            if b0 >= 0xF0 { v = b0 & 0x07; width = 4 }
            else if b0 >= 0xE0 { v = b0 & 0x0F; width = 3 }
            else { v = b0 & 0x1F; width = 2 }
            guard i + width <= n else { return nil }
            var k = 1
            while k < width { v = v << 6 | (UInt32(input[i + k]) & 0x3F); k += 1 }
            guard let s = Unicode.Scalar(v) else { return nil }
            return (s, width)
        }

        mutating func scan() {
            let n = input.count
            while byte < n {
                let b0 = input[byte]
                if b0 < 0x80 {
                    // Inside a word, a lower-case letter after a lower-case letter, or a digit after a
                    // digit, never splits it and folds to itself: copy the whole run (and so at a word's start).
                    if wordLength > 0 && !lastWasUpper {
                        if lastClass == .letter && b0 >= 0x61 && b0 <= 0x7A {
                            appendRun { $0 >= 0x61 && $0 <= 0x7A }
                            continue
                        }
                        if lastClass == .digit && b0 >= 0x30 && b0 <= 0x39 {
                            appendRun { $0 >= 0x30 && $0 <= 0x39 }
                            continue
                        }
                    } else if wordLength == 0 && ((b0 >= 0x61 && b0 <= 0x7A) || (b0 >= 0x30 && b0 <= 0x39)) {
                        // A word that starts with a lower-case letter or a digit, started as
                        // `appendLetterOrDigit` starts it, and copied with the run of its kind after it.
                        let isDigit = b0 <= 0x39
                        startWord(isDigit ? .number : .word, firstUpper: false)
                        lastWasUpper = false
                        lastClass = isDigit ? .digit : .letter
                        if isDigit { appendRun { $0 >= 0x30 && $0 <= 0x39 } } else { appendRun { $0 >= 0x61 && $0 <= 0x7A } }
                        continue
                    }
                    if b0 == 0x20 {
                        // A plain space, as `step` treats it: it ends the word and is a space break.
                        flush(index, byte: byte)
                        raise(.space)
                        lastClass = .space
                        advance(1)
                        continue
                    }
                    let upper = b0 >= 0x41 && b0 <= 0x5A
                    if upper || (b0 >= 0x61 && b0 <= 0x7A) || (b0 >= 0x30 && b0 <= 0x39) {
                        // An ASCII letter or digit, as `step` treats it, without its general fold and class.
                        appendLetterOrDigit(Unicode.Scalar(upper ? b0 | 0x20 : b0), b0 <= 0x39 ? .digit : .letter,
                                            isUpper: upper, next: byte + 1)
                        advance(1)
                        continue
                    }
                    step(Unicode.Scalar(b0), width: 1)
                    continue
                }
                if appendCJKRun() { continue }
                guard let (s, width) = scalar(at: byte) else { keepsCanonical = false; break }
                if keepsCanonical && !Tokenizer.keepsCanonical(s.value) { keepsCanonical = false }
                if isCJK(s.value) { appendCJK(s, width: width) } else { step(s, width: width) }
            }
            flush(index, byte: byte)
        }

        /// Appends the bytes from here while `accepts` holds, as one word's letters or digits.
        @inline(__always)
        mutating func appendRun(_ accepts: (UInt8) -> Bool) {
            let end = folded.appendRun(of: input, from: byte, while: accepts)
            let k = end - byte
            wordLength += k
            if lastClass == .letter { wordLetters += k }
            wordLastWidth = 1
            index += k
            previousByte = end - 1
            byte = end
        }

        /// A CJK character: a token of its own, its text the scalar itself (CJK does not fold).
        @inline(__always)
        mutating func appendCJK(_ s: Unicode.Scalar, width: Int) {
            appendCJKToken(s, byteEnd: byte + width)
            advance(width)
        }

        /// The token of CJK character `s` at the current scalar, ending at byte `byteEnd`.
        @inline(__always)
        mutating func appendCJKToken(_ s: Unicode.Scalar, byteEnd: Int) {
            if wordLength > 0 { flush(index, byte: byte) }
            let textStart = folded.count
            folded.appendUTF8(s)
            tokens.append(Token(kind: .cjk, start: index, end: index + 1, byteStart: byte, byteEnd: byteEnd,
                                textStart: textStart, textEnd: folded.count,
                                scalar: s.value, breakBefore: tokens.isEmpty ? .sentence : pendingBreak,
                                afterAssignment: pendingAssign, letterCount: 0, isFiller: s == "的"))
            length.cjk += 1
            pendingBreak = .none
            pendingAssign = false
            lastClass = .cjk
        }

        /// The scalar of the three bytes `b0` `b1` `b2` when `b0` leads a three-byte sequence, or nil.
        @inline(__always)
        static func threeByteScalar(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> UInt32? {
            guard b0 & 0xF0 == 0xE0 else { return nil }
            return (UInt32(b0) & 0x0F) << 12 | (UInt32(b1) & 0x3F) << 6 | (UInt32(b2) & 0x3F)
        }

        /// A CJK ideograph a run takes: U+4E00–U+9FFF or extension A (U+3400–U+4DBF).
        @inline(__always)
        static func isIdeograph(_ v: UInt32) -> Bool { v &- 0x4E00 < 0x5200 || v &- 0x3400 < 0x19C0 }

        /// Kana (U+3040–U+30FF), which a run takes too.
        @inline(__always)
        static func isKana(_ v: UInt32) -> Bool { v &- 0x3040 < 0xC0 }

        /// The break a three-byte punctuation mark raises when `step` reads it, which does nothing
        /// else with it (no token, no rule looking at its neighbours), or nil for any other scalar:
        /// the CJK comma, enumeration comma and full stop, CJK brackets and curly double quotes, and
        /// the full-width forms of `,` `:` `;` `!` `?` `(` `)`. (The full-width colon also marks an
        /// assignment.)
        @inline(__always)
        static func markBreak(_ v: UInt32) -> Token.Break? {
            switch v {
            case 0x3001, 0x300A...0x300D, 0x3010, 0x3011, 0x201C, 0x201D, 0xFF08, 0xFF09, 0xFF0C, 0xFF1A: return .clause
            case 0x3002, 0xFF01, 0xFF1B, 0xFF1F: return .sentence
            default: return nil
            }
        }

        /// The run of three-byte CJK characters and punctuation marks (`markBreak`) from the current
        /// scalar: each character a token of its own whose text is its three bytes (CJK does not
        /// fold; valid UTF-8 is the scalar's encoding), each mark the break it raises. The word being
        /// built ends before the run; its first token takes the pending break and assignment, and
        /// the break and assignment after its last token are left pending. The loop writes into the
        /// room of both outputs, as far as it reaches, and keeps to locals (wrapping arithmetic:
        /// every offset is below the input's or a room's size). Returns false, having read nothing,
        /// when the scalar is neither.
        @inline(__always)
        mutating func appendCJKRun() -> Bool {
            let src = input, start = byte
            guard start + 3 <= src.count, let v = Self.threeByteScalar(src[start], src[start + 1], src[start + 2]),
                  Self.isIdeograph(v) || Self.isKana(v) || Self.markBreak(v) != nil else { return false }
            if wordLength > 0 { flush(index, byte: start) }
            let tokenRoom = tokens.room, textRoom = folded.room
            // Every scalar read writes at most one token and three bytes of text.
            let end = start + 3 * (min(src.count - start, 3 * tokenRoom.count, textRoom.count) / 3)
            var pending = tokens.isEmpty ? Token.Break.sentence : pendingBreak, assign = pendingAssign
            // The next scalar's byte and index, the tokens written.
            let textStart = folded.count
            var i = start, s = index, written = 0
            while i < end {
                let b0 = src[i], b1 = src[i &+ 1], b2 = src[i &+ 2]
                guard let v = Self.threeByteScalar(b0, b1, b2) else { break }
                let isIdeograph = Self.isIdeograph(v)
                if isIdeograph || Self.isKana(v) {
                    if !isIdeograph { keepsCanonical = false } // kana: voiced ones decompose
                    let q = 3 &* written, t = textStart &+ q
                    textRoom[q] = b0; textRoom[q &+ 1] = b1; textRoom[q &+ 2] = b2
                    tokenRoom.initializeElement(at: written, to: Token(
                        kind: .cjk, start: s, end: s &+ 1, byteStart: i, byteEnd: i &+ 3, textStart: t, textEnd: t &+ 3,
                        scalar: v, breakBefore: pending, afterAssignment: assign, letterCount: 0,
                        isFiller: v == 0x7684)) // 的
                    written &+= 1
                    pending = .none
                    assign = false
                } else if let b = Self.markBreak(v) {
                    if b > pending { pending = b }
                    if v == 0xFF1A { assign = true } // ：
                } else {
                    break
                }
                i &+= 3
                s &+= 1
            }
            guard i > start else { return false } // no room, which the bounds rule out: the general path traps
            let endsWithMark = written == 0 || tokenRoom[written - 1].byteStart != i - 3
            tokens.didInitialize(written)
            length.cjk += written
            folded.didInitialize(3 * written)
            pendingBreak = pending
            pendingAssign = assign
            lastClass = endsWithMark ? .symbol : .cjk
            index = s
            previousByte = i - 3
            byte = i
            return true
        }

        /// Moves past the scalar being read, `width` bytes wide.
        @inline(__always)
        mutating func advance(_ width: Int) {
            index += 1
            previousByte = byte
            byte += width
        }

        /// Appends a folded scalar to the word being built.
        @inline(__always)
        mutating func append(_ s: Unicode.Scalar) {
            wordLastWidth = folded.appendUTF8(s)
        }

        /// Starts a word of `kind` at the current scalar.
        @inline(__always)
        mutating func startWord(_ kind: Token.Kind, firstUpper: Bool) {
            wordTextStart = folded.count; wordStart = index; wordByteStart = byte
            wordKind = kind; wordFirstUpper = firstUpper
        }

        /// Adds letter or digit `s` (folded; `isUpper` in the original text) to the word being built,
        /// or starts a word with it; the scalar after it starts at byte `next`.
        @inline(__always)
        mutating func appendLetterOrDigit(_ s: Unicode.Scalar, _ cls: CharClass, isUpper: Bool, next: Int) {
            if wordLength > 0 { splitWord(before: cls, isUpper: isUpper, next: next) }
            if wordLength == 0 { startWord(cls == .digit ? .number : .word, firstUpper: isUpper) }
            append(s)
            wordLength += 1
            if cls == .letter { wordLetters += 1 }
            lastWasUpper = isUpper
            lastClass = cls
        }

        /// Before a letter or digit of class `cls` (the scalar after it at byte `next`): ends the word
        /// being built where camelCase or a letter-digit change splits it.
        mutating func splitWord(before cls: CharClass, isUpper: Bool, next: Int) {
            var split = false
            if lastClass == .symbol {
                split = false // a sign or decimal point inside a number: "-1", "1.14"
            } else if lastClass != cls {
                split = splitCamelCase // letter ↔ digit: "CRC16" → "crc 16"
            } else if splitCamelCase && cls == .letter && isUpper && !lastWasUpper && wordLength >= 2 {
                split = true // camelCase: lower → Upper; one leading lower letter stays (gRPC, eBPF, iOS)
            } else if splitCamelCase && cls == .letter && !isUpper && lastWasUpper && wordLength >= 2,
                      let (n, _) = scalar(at: next), isLowercase(n) {
                // "HTTPServer": the last capital starts the next word when at least two lowers follow;
                // its folded bytes, already in place, become the new word's.
                let textEnd = folded.count - wordLastWidth
                wordLetters -= 1
                flush(index - 1, byte: previousByte, textEnd: textEnd)
                wordTextStart = textEnd
                wordStart = index - 1
                wordByteStart = previousByte
                wordLetters = 1
                wordLength = 1
                wordKind = .word
                pendingBreak = .none
            }
            if split { flush(index, byte: byte) }
        }

        /// Any scalar `scan` does not take itself (CJK characters, runs, spaces, ASCII letters and
        /// digits): `raw`, `width` bytes at `byte`.
        mutating func step(_ raw: Unicode.Scalar, width: Int) {
            var width = width
            defer { advance(width) }
            let next = byte + width
            let s = foldFast(raw)
            let cls = classify(s)
            switch cls {
            case .letter, .digit:
                let rv = raw.value
                appendLetterOrDigit(s, cls, isUpper: rv < 0x80 ? (rv >= 0x41 && rv <= 0x5A) : isUppercase(raw), next: next)
            case .cjk:
                // A scalar that folds into the CJK ranges (`scan` handles the CJK scalars themselves).
                appendCJKToken(s, byteEnd: next)
            case .symbol:
                // `-` or `.` inside a number (`-1`, `1.14`) stays in it.
                if s == "-", lastClass != .letter, lastClass != .digit, let (n, _) = scalar(at: next), isDigit(n) {
                    flush(index, byte: byte)
                    startWord(.number, firstUpper: false)
                    append(s); wordLength = 1; lastClass = .symbol
                    return
                }
                if s == ".", lastClass == .digit, let (n, _) = scalar(at: next), isDigit(n) {
                    append(s); wordLength += 1; lastClass = .symbol
                    return
                }
                flush(index, byte: byte)
                switch s {
                case "=", ":":
                    pendingAssign = true
                    raise(s == ":" ? .clause : .space)
                case ".":
                    // A full stop ends a sentence only before a space or the end.
                    if let (n, _) = scalar(at: next), !isWhitespace(n) { raise(.space) } else { raise(.sentence) }
                case "_", "-", "/", "'", "\u{2019}", "\\", "~", "@", "#", "&", "|", "^", "`", "\"", "$":
                    if s == "'" || s == "\u{2019}", let (n, nWidth) = scalar(at: next), n == "t" || n == "T",
                       tokens.count > 0, tokens[tokens.count - 1].end == index, tokens[tokens.count - 1].kind == .word,
                       endsWithN(tokens.count - 1) {
                        // "doesn't" → "does not": make the negation a token of its own.
                        var t = tokens[tokens.count - 1]
                        tokens.removeLast(1)
                        folded.removeLast(1) // the "n", the token's last byte
                        t.textEnd -= 1
                        t.end -= 1
                        t.byteEnd = previousByte
                        t.letterCount -= 1
                        if t.textEnd > t.textStart { tokens.append(t) } else { length.words -= 1 }
                        let textStart = folded.count
                        folded.append(0x6E); folded.append(0x6F); folded.append(0x74) // "not"
                        tokens.append(Token(kind: .word, start: index - 1, end: index + 2,
                                            byteStart: previousByte, byteEnd: next + nWidth, textStart: textStart,
                                            textEnd: folded.count, scalar: 0, breakBefore: .space,
                                            afterAssignment: false, letterCount: 3))
                        length.words += 1
                        advance(width) // past the apostrophe; the deferred advance passes the "t"
                        width = nWidth
                        pendingBreak = .none
                        lastClass = .space
                        return
                    }
                    if !joinSoftSeparators { raise(.space) }
                case ",", "(", ")", "[", "]", "{", "}", "\u{3001}", "\u{FF0C}", "\u{3010}", "\u{3011}",
                     "\u{300A}", "\u{300B}", "\u{300C}", "\u{300D}", "\u{201C}", "\u{201D}", "\u{2014}", "\u{2026}":
                    raise(s == "\u{2026}" ? .sentence : .clause)
                case "!", "?", ";", "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{FF1B}":
                    raise(.sentence)
                case "%", "+", "<", ">", "*":
                    let textStart = folded.count
                    folded.appendUTF8(s)
                    tokens.append(Token(kind: .symbol, start: index, end: index + 1, byteStart: byte, byteEnd: next,
                                        textStart: textStart,
                                        textEnd: folded.count, scalar: s.value,
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

        /// Ends the word being built at scalar `end`, byte `byte`; its text ends at `textEnd`
        /// (the end of the folded text unless a camelCase split keeps the last scalar).
        mutating func flush(_ end: Int, byte: Int, textEnd: Int? = nil) {
            guard wordLength > 0 else { return }
            let textEnd = textEnd ?? folded.count
            let b: Token.Break = tokens.isEmpty ? .sentence : pendingBreak
            // "A" is an article only at a sentence start; elsewhere it is a name ("A record").
            let (isA, isAnOrThe) = folded.withBytes(wordTextStart..<textEnd) { word in
                (word.count == 1 && word[0] == 0x61, // "a"
                 (word.count == 2 && word[0] == 0x61 && word[1] == 0x6E)
                    || (word.count == 3 && word[0] == 0x74 && word[1] == 0x68 && word[2] == 0x65))
            }
            let article = (isA || isAnOrThe) && (!wordFirstUpper || !isA || b == .sentence)
            tokens.append(Token(kind: wordKind, start: wordStart, end: end, byteStart: wordByteStart, byteEnd: byte,
                                textStart: wordTextStart, textEnd: textEnd,
                                scalar: 0, breakBefore: b, afterAssignment: pendingAssign, letterCount: wordLetters,
                                isFiller: article))
            if wordKind == .number { length.numbers += 1 } else { length.words += 1 }
            wordLength = 0
            wordLetters = 0
            pendingBreak = .none
            pendingAssign = false
        }

        mutating func raise(_ b: Token.Break) { if b > pendingBreak { pendingBreak = b } }

        /// Whether token `i`'s text ends with the character "n" (as `String.hasSuffix` compares):
        /// its last byte is `n`, and the `String` check confirms it.
        func endsWithN(_ i: Int) -> Bool {
            let t = tokens[i]
            return folded.withBytes(t.textStart..<t.textEnd) {
                $0.last == 0x6E && String(decoding: $0, as: UTF8.self).hasSuffix("n")
            }
        }

        mutating func markFillers() {
            // An article counts as a filler only before a word; `的` only inside a phrase, between two
            // tokens with no punctuation around it (`Service的负载均衡` ~ `Service负载均衡`).
            for i in 0..<tokens.count where tokens[i].isFiller {
                let next: Token? = i + 1 < tokens.count ? tokens[i + 1] : nil
                if tokens[i].kind == .cjk {
                    if i == 0 || tokens[i].breakBefore > .space || (next.map { $0.breakBefore > .space } ?? true) { tokens[i].isFiller = false }
                } else if next?.kind != .word || next?.breakBefore != .space {
                    tokens[i].isFiller = false
                }
                if tokens[i].isFiller { if tokens[i].kind == .cjk { length.fillerCJK += 1 } else { length.fillerWords += 1 } }
            }
        }
    }

    /// Whether canonical equivalence leaves scalar `v` alone wherever it stands: no canonical
    /// decomposition, combining class 0, and nothing composes with it — ASCII, the CJK ideographs
    /// and Yijing symbols (U+3400–U+9FFF), CJK punctuation (U+3000–U+3029), general punctuation
    /// (U+2010–U+2027) and the full-width forms of ASCII (U+FF01–U+FF5E). A text made only of such
    /// scalars is its own normal form, so `String` equality between pieces of it is byte equality.
    @inline(__always)
    static func keepsCanonical(_ v: UInt32) -> Bool {
        v < 0x80 || (v >= 0x3400 && v <= 0x9FFF) || (v >= 0x3000 && v <= 0x3029)
            || (v >= 0x2010 && v <= 0x2027) || (v >= 0xFF01 && v <= 0xFF5E)
    }

    /// White space as `Unicode.Scalar.Properties.isWhitespace` says, ASCII without the tables.
    @inline(__always)
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return isWhitespaceRule(s)
    }

    // The Unicode property tables are asked out of line: inlined, their metadata is looked up at
    // the start of every caller, whatever path it takes.
    @inline(never)
    static func isWhitespaceRule(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }

    /// Lower case, ASCII without the tables.
    @inline(__always)
    static func isLowercase(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value >= 0x61 && s.value <= 0x7A) : isLowercaseRule(s)
    }

    @inline(never)
    static func isLowercaseRule(_ s: Unicode.Scalar) -> Bool { s.properties.isLowercase }

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
    @inline(never)
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
