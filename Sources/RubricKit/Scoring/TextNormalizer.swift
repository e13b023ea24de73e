import Foundation

/// Text folded for matching: NFKC (full-width to half-width), lower case, punctuation and the
/// separators of technical names (`.` `_` `-` `/`) turned into spaces, runs of spaces collapsed.
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
        out.reserveCapacity(input.unicodeScalars.count)
        offsets.reserveCapacity(input.unicodeScalars.count)
        var index = 0
        var lastWasSpace = true
        for scalar in input.unicodeScalars {
            defer { index += 1 }
            for folded in fold(scalar) {
                if folded == " " {
                    if lastWasSpace { continue }
                    lastWasSpace = true
                } else {
                    lastWasSpace = false
                }
                out.append(folded)
                offsets.append(index)
            }
        }
        if out.last == " " { out.removeLast(); offsets.removeLast() }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: out)
        return NormalizedText(text: String(s), scalars: out, offsets: offsets)
    }

    /// One scalar folded to zero or more scalars.
    @inline(__always)
    static func fold(_ s: Unicode.Scalar) -> [Unicode.Scalar] {
        let v = s.value
        if v < 0x80 {
            switch v {
            case 0x41...0x5A: return [Unicode.Scalar(v + 32)!]
            case 0x61...0x7A, 0x30...0x39: return [s]
            // Keep characters that carry meaning in settings and formulas.
            case 0x3D, 0x25, 0x2B, 0x3C, 0x3E, 0x2A: return [s] // = % + < > *
            default: return [" "]
            }
        }
        // Full-width ASCII and ideographic space.
        if v >= 0xFF01 && v <= 0xFF5E { return fold(Unicode.Scalar(v - 0xFEE0)!) }
        if v == 0x3000 { return [" "] }
        if s.properties.isWhitespace { return [" "] }
        let cat = s.properties.generalCategory
        switch cat {
        case .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
             .otherPunctuation, .dashPunctuation, .connectorPunctuation, .control, .format:
            return [" "]
        default:
            break
        }
        // NFKC + case folding for everything else.
        let str = String(Character(s)).precomposedStringWithCompatibilityMapping.lowercased()
        if str.unicodeScalars.count == 1, let only = str.unicodeScalars.first { return [only] }
        return str.unicodeScalars.flatMap { $0.value < 0x80 || $0 != s ? fold1($0) : [$0] }
    }

    private static func fold1(_ s: Unicode.Scalar) -> [Unicode.Scalar] {
        s.value < 0x80 ? fold(s) : [s]
    }
}
