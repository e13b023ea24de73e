/// Text folded for matching, as one string: the `Tokenizer`'s tokens (NFKC, lower case, camelCase
/// and technical separators split) joined by single spaces, with no space next to a CJK character.
/// `offsets[i]` is the index, in the original string's Unicode scalars, of normalised scalar `i`.
public struct NormalizedText: Sendable, Equatable {
    public var text: String
    public var scalars: [Unicode.Scalar]
    public var offsets: [Int]
}

public enum TextNormalizer {
    public static func normalize(_ input: String) -> NormalizedText {
        var out: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var previous: Token? = nil
        let tokens = Tokenizer.tokenize(input)
        for i in tokens.indices {
            let t = tokens[i]
            if let p = previous, p.kind != .cjk, t.kind != .cjk {
                out.append(" ")
                offsets.append(t.start)
            }
            for (k, s) in tokens.text(i).unicodeScalars.enumerated() {
                out.append(s)
                offsets.append(min(t.start + k, max(t.start, t.end - 1)))
            }
            previous = t
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: out)
        return NormalizedText(text: String(view), scalars: out, offsets: offsets)
    }
}
