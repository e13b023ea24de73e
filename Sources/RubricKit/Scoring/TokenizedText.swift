/// A text's tokens and their folded text. The tokens are plain values (no `String` each, so
/// copying one copies a few words); their folded text — lower case, NFKC — lives end to end in
/// one UTF-8 buffer, token `i`'s at `tokens[i].textStart..<tokens[i].textEnd`.
public struct TokenizedText: Sendable, Equatable, RandomAccessCollection {
    public let tokens: [Token]
    let folded: [UInt8]
    /// Whether the original text holds only scalars that canonical equivalence leaves alone (see
    /// `Tokenizer.keepsCanonical`): then two pieces of it are equal `String`s exactly when their
    /// bytes are.
    let comparesByBytes: Bool
    /// What the tokens add up to (counted by the tokenizer as it settles the fillers).
    let length: TextLength

    /// `tokens` over their folded text `folded`, adding up to `length` (as the tokenizer built them).
    init(tokens: [Token], folded: [UInt8], comparesByBytes: Bool, length: TextLength) {
        self.tokens = tokens
        self.folded = folded
        self.comparesByBytes = comparesByBytes
        self.length = length
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { tokens.count }

    @inline(__always)
    public subscript(i: Int) -> Token { tokens[i] }

    /// The folded text of token `i`.
    public func text(_ i: Int) -> String {
        withText(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// The folded text of every token.
    public var texts: [String] { indices.map(text) }

    /// `body` applied to the folded bytes `range` (token text offsets).
    func withText<R>(range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        folded.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// `body` applied to the folded UTF-8 of token `i`.
    @inline(__always)
    func withText<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let t = tokens[i]
        return folded.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(t.textStart)..<Int(t.textEnd)])) }
    }

    /// Whether folded bytes `a` and `b` are the same.
    @inline(__always)
    func textEqual(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        return folded.withUnsafeBufferPointer { f in
            for k in 0..<a.count where f[a.lowerBound + k] != f[b.lowerBound + k] { return false }
            return true
        }
    }

    /// The length of token `i`'s folded text in UTF-8 bytes.
    @inline(__always)
    func textCount(_ i: Int) -> Int { Int(tokens[i].textEnd - tokens[i].textStart) }
}
