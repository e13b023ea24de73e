import Testing
@testable import RubricKit

/// `Tokenizer.tokenize` (one pass over the UTF-8 bytes, with runs and CJK characters taken whole)
/// gives exactly the tokens, offsets, breaks, fillers and folded text of `ReferenceTokenizer`, on
/// seeded random strings mixing every case its rules tell apart.
@Suite("Tokenizer against the reference")
struct TokenizerDifferentialTests {
    static let pieces: [String] = [
        "a", "an", "the", "A", "An", "The", "pointer", "goroutine", "HTTPServer", "MinInsync", "gRPC", "eBPF", "iOS",
        "CRC16", "x86", "v1.2.3", "ÉCOLE", "école", "Straße", "ẞ", "İstanbul", "Ⱥ", "ǅ", "Ω", "K", "ﬁle", "µs",
        "doesn't", "can’t", "DON'T", "n't", "isn‘t", "n", "n'", "'t", "Won'T", "-1", "- 1", "1.14", "1.", ".5", "3.x",
        "１２３", "－５", "ＧＯＭＡＸＰＲＯＣＳ", "ａｂｃ", "Ａｂ", "＝", "：", "，", "。", "！", "？", "；",
        "中", "文", "的", "不", "没", "有没有", "是不是", "负载均衡", "P的本地队列", "ひらがな", "カタカナ", "한국어", "⼀", "豈",
        "𠀀", "、", "《", "》", "「", "」", "【", "】", "“", "”", "—", "…", "–", "（", "）", "〈", "『", "‘", "．", "－", "＂",
        " ", "  ", "\t", "\n", "\r\n", "\u{3000}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{200B}", "\u{85}",
        ",", ".", ". ", ":", "=", "==", ";", "!", "?", "(", ")", "[", "]", "{", "}", "_", "-", "/", "\\", "~", "@",
        "#", "&", "|", "^", "`", "\"", "$", "'", "’", "%", "+", "<", ">", "*", "->", "=>", "→",
        "\u{301}", "e\u{301}", "\u{308}\u{301}", "😀", "👍🏽", "👨‍👩‍👧", "🇨🇳", "\u{10FFFF}", "٣", "Ⅻ", "½", "²",
    ]

    /// A deterministic generator (SplitMix64).
    struct Seeded {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// A random string: pieces, random letters of both cases, digits and random scalars.
    static func randomString(_ g: inout Seeded) -> String {
        var s = ""
        for _ in 0..<(1 + g.below(30)) {
            switch g.below(6) {
            case 0, 1: s += pieces[g.below(pieces.count)]
            case 2: s += pieces[g.below(pieces.count)] + " "
            case 3:
                let letters = "abcxyzABCXYZ0189"
                for _ in 0..<(1 + g.below(6)) { s.append(letters[letters.index(letters.startIndex, offsetBy: g.below(letters.count))]) }
            case 4:
                // ASCII, Latin with accents, Greek and Cyrillic and Latin Extended case pairs, punctuation,
                // CJK radicals, kana, CJK, Hangul, compatibility ideographs, full-width forms, emoji and
                // four-byte CJK.
                let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x24F, 0x370...0x52F, 0x1E00...0x1FFF,
                                                     0x2000...0x206F, 0x2C60...0x2C7F, 0x2E80...0x2FFF, 0x3000...0x30FF,
                                                     0x4E00...0x4E20, 0xA720...0xA7FF, 0xAC00...0xD7AF, 0xF900...0xFAFF,
                                                     0xFB00...0xFB4F, 0xFF00...0xFFEF, 0x1F300...0x1F3FF, 0x20000...0x2A6DF]
                let r = ranges[g.below(ranges.count)]
                if let u = Unicode.Scalar(r.lowerBound + UInt32(g.below(Int(r.upperBound - r.lowerBound) + 1))) { s.unicodeScalars.append(u) }
            default: s += " "
            }
        }
        return s
    }

    @Test func tokenizerMatchesTheReference() {
        var g = Seeded(state: 20_261_202)
        var checked = 0
        for _ in 0..<6_000 {
            let s = Self.randomString(&g)
            for (split, join) in [(true, false), (false, true), (true, true), (false, false)] {
                let fast = Tokenizer.tokenize(s, splitCamelCase: split, joinSoftSeparators: join)
                let reference = ReferenceTokenizer(splitCamelCase: split, joinSoftSeparators: join).tokenize(s)
                #expect(fast == reference, "\(s.debugDescription) split \(split) join \(join)")
                checked += 1
            }
        }
        #expect(checked == 24_000)
    }

    @Test func scalarCountIsTheStringsCount() {
        var g = Seeded(state: 7)
        for _ in 0..<2_000 {
            let s = Self.randomString(&g)
            let counted = Array(s.utf8).withUnsafeBufferPointer { UTF8Scalars.count($0) }
            #expect(counted == s.unicodeScalars.count, "\(s.debugDescription)")
        }
    }

    @Test func edgeCasesMatchTheReference() {
        let samples = ["", "a", "A", "n't", "'t", "doesn't", "An apple", "the", "HTTPServer", "HTTPSe", "ABc", "ABcd",
                       "-1", "1.5.", "1.5", "a.b", "x = 1", "中的文", "的", "a的b", "ＡＢｃｄ", "K8s", String(repeating: "abc", count: 500)]
        for s in samples {
            #expect(Tokenizer.tokenize(s) == ReferenceTokenizer(splitCamelCase: true, joinSoftSeparators: false).tokenize(s), "\(s.debugDescription)")
        }
    }

    /// The paths `scan` takes itself — runs of three-byte CJK characters and punctuation marks, ASCII letters and digits,
    /// word starts and the camelCase split — against the reference at their edges: the ends of the
    /// CJK ranges and the scalars just outside them (CJK punctuation, the Yijing hexagrams, Yi,
    /// Hangul, four-byte CJK), kana (not canonical-stable), a word, break or assignment right before
    /// a run, `的` at a run's ends, invalid-looking but valid neighbours (NUL, emoji, combining
    /// marks, full-width forms), and runs long enough to end at the outputs' bounds.
    @Test func fastPathsMatchTheReference() {
        let edges: [UInt32] = [0x2FFF, 0x3000, 0x3001, 0x3002, 0x3029, 0x302A, 0x303F, 0x3040, 0x3041, 0x304C, 0x30FF,
                               0x3100, 0x33FF, 0x3400, 0x4DBF, 0x4DC0, 0x4DFF, 0x4E00, 0x7684, 0x9FFF, 0xA000,
                               0xAC00, 0xD7AF, 0xF900, 0xFAFF, 0xFF0C, 0xFF1A, 0x20000, 0x2FFFF,
                               // The marks a run takes, and their neighbours it does not.
                               0x3009, 0x300A, 0x300D, 0x300E, 0x3010, 0x3011, 0x3012, 0x201B, 0x201C, 0x201D, 0x201E,
                               0xFF01, 0xFF07, 0xFF08, 0xFF09, 0xFF0B, 0xFF0D, 0xFF0E, 0xFF19, 0xFF1B, 0xFF1F, 0xFF20]
        let cjkEdges = edges.compactMap(Unicode.Scalar.init).map(String.init)
        var samples = ["", "\0", "中", "的", "的的的", "中的", "的中", "a的b", "Pod和网络", "和Pod", "kubectl看NotReady节点",
                       "中 文", "中\n文", "。中文", "：中文", "x=中", "中，文。", "HTTPServer中", "中HTTPServer", "MinInsync中",
                       "doesn't中", "中doesn't", "1.5中", "-1中", "中-1", "CRC16中", "gRPC", "eBPF", "iOS", "ABc", "ABcd",
                       "a", "A", "An", "the", "The apple", "a b", "A record", "ＡＢｃｄ中", "中\u{301}", "e\u{301}中", "😀中😀",
                       "ガ中", "中ガ", "か\u{3099}", "한국어中", "𠀀中𠀀", "中，文。", "，中", "中，", "中：文", "x：中", "中：", "：：中",
                       "中：1", "中。\n文", "中。 文", "“中”a", "a，b", "1，2", "中，-1", "中（a）", "的，的", "中，的。文",
                       "（中）", "中！？", "。", "。。中", "HTTP，Server", "doesn't，中", String(repeating: "中", count: 5_000),
                       String(repeating: "的中", count: 2_000), String(repeating: "abc", count: 2_000),
                       String(repeating: "Ab1 ", count: 1_000), String(repeating: "中a", count: 3_000)]
        for a in cjkEdges {
            for b in cjkEdges { samples.append(a + b); samples.append(a + "x" + b) }
            samples += ["x" + a, a + "x", "X" + a + "Y", a + a + a, "1" + a + "2", " " + a + " "]
        }
        for s in samples {
            for (split, join) in [(true, false), (false, true)] {
                #expect(Tokenizer.tokenize(s, splitCamelCase: split, joinSoftSeparators: join)
                        == ReferenceTokenizer(splitCamelCase: split, joinSoftSeparators: join).tokenize(s),
                        "\(s.prefix(40).debugDescription) split \(split) join \(join)")
            }
        }
    }

    /// The scalar count across the 255-word blocks it sums in (2,040 bytes) and its tail.
    @Test func scalarCountOfLongText() {
        var g = Seeded(state: 11)
        for length in [0, 7, 8, 9, 2_039, 2_040, 2_041, 2_047, 2_048, 4_080, 4_081, 10_000] {
            var s = ""
            while s.utf8.count < length { s += Self.randomString(&g) }
            let bytes = Array(s.utf8.prefix(length))
            let counted = bytes.withUnsafeBufferPointer { UTF8Scalars.count($0) }
            #expect(counted == bytes.count - bytes.filter { $0 & 0xC0 == 0x80 }.count, "\(length)")
        }
        let cjk = String(repeating: "中", count: 3_000)
        #expect(Array(cjk.utf8).withUnsafeBufferPointer { UTF8Scalars.count($0) } == 3_000)
    }
}
