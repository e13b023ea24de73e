/// The fold (NFKC and lower case), class and case of the non-ASCII, non-CJK scalars answers use
/// most — Latin letters with accents, general punctuation, CJK punctuation (`、` `。` `《》` `「」`),
/// half- and full-width forms — computed once from `Tokenizer`'s general rules, so the tokenizer
/// looks them up instead of asking Foundation and the Unicode property tables per character.
struct CommonScalars: Sendable {
    static let ranges: [ClosedRange<UInt32>] = [0x80...0x24F, 0x2000...0x206F, 0x3000...0x303F, 0xFF00...0xFFEF]
    static let shared = CommonScalars()

    private let folds: [Unicode.Scalar]
    private let classes: [Tokenizer.CharClass]
    private let uppers: [Bool]

    private init() {
        var folds: [Unicode.Scalar] = [], classes: [Tokenizer.CharClass] = [], uppers: [Bool] = []
        for range in Self.ranges {
            for v in range {
                // Lone surrogates are not scalars; none fall in these ranges, but keep the slots aligned.
                let s = Unicode.Scalar(v) ?? " "
                folds.append(Tokenizer.foldRule(s))
                classes.append(Tokenizer.classifyRule(s))
                uppers.append(Tokenizer.isUppercaseRule(s))
            }
        }
        self.folds = folds; self.classes = classes; self.uppers = uppers
    }

    /// The slot of `v` in the tables, or nil when `v` is not one of the common scalars.
    @inline(__always)
    static func slot(_ v: UInt32) -> Int? {
        if v < 0x80 { return nil }
        if v <= 0x24F { return Int(v - 0x80) }
        if v >= 0x2000 && v <= 0x206F { return 0x1D0 + Int(v - 0x2000) }
        if v >= 0x3000 && v <= 0x303F { return 0x240 + Int(v - 0x3000) }
        if v >= 0xFF00 && v <= 0xFFEF { return 0x280 + Int(v - 0xFF00) }
        return nil
    }

    func fold(_ slot: Int) -> Unicode.Scalar { folds[slot] }
    func charClass(_ slot: Int) -> Tokenizer.CharClass { classes[slot] }
    func isUppercase(_ slot: Int) -> Bool { uppers[slot] }
}
