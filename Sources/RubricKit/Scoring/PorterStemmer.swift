/// The Porter (1980) stemmer for English words: `replicas` → `replica`, `stealing` → `steal`,
/// `controllers` → `control`. Words that are not plain lower-case ASCII, or shorter than 3
/// letters, come back unchanged.
public enum PorterStemmer {
    public static func stem(_ word: String) -> String {
        let utf8 = word.utf8
        guard utf8.count > 2 else { return word }
        for c in utf8 where c < 0x61 || c > 0x7A { return word }
        var w = Stem(Array(utf8))
        w.step1ab(); w.step1c(); w.step2(); w.step3(); w.step4(); w.step5()
        return String(decoding: w.b[0..<w.k], as: UTF8.self)
    }

    private struct Stem {
        var b: [UInt8]
        /// Length of the current stem.
        var k: Int
        /// End of the stem before a suffix being tested (`j` in Porter's paper).
        var j = 0

        init(_ b: [UInt8]) { self.b = b; k = b.count }

        func isConsonant(_ i: Int) -> Bool {
            switch b[i] {
            case 0x61, 0x65, 0x69, 0x6F, 0x75: return false
            case 0x79: return i == 0 ? true : !isConsonant(i - 1)
            default: return true
            }
        }

        /// The number of VC sequences in `b[0..<j]`.
        func measure(_ end: Int) -> Int {
            var n = 0, i = 0
            while true { if i >= end { return n }; if !isConsonant(i) { break }; i += 1 }
            i += 1
            while true {
                while true { if i >= end { return n }; if isConsonant(i) { break }; i += 1 }
                i += 1; n += 1
                while true { if i >= end { return n }; if !isConsonant(i) { break }; i += 1 }
                i += 1
            }
        }

        func hasVowel(_ end: Int) -> Bool {
            for i in 0..<end where !isConsonant(i) { return true }
            return false
        }

        func doubleConsonant(_ end: Int) -> Bool {
            end >= 2 && b[end - 1] == b[end - 2] && isConsonant(end - 1)
        }

        /// consonant-vowel-consonant ending, the last not w, x or y.
        func cvc(_ end: Int) -> Bool {
            guard end >= 3, isConsonant(end - 1), !isConsonant(end - 2), isConsonant(end - 3) else { return false }
            let c = b[end - 1]
            return c != 0x77 && c != 0x78 && c != 0x79
        }

        mutating func ends(_ s: StaticString) -> Bool {
            s.withUTF8Buffer { suffix in
                let n = suffix.count
                guard n <= k, b[k - 1] == suffix[n - 1] else { return false }
                var i = k - n
                for c in suffix { if b[i] != c { return false }; i += 1 }
                j = k - n
                return true
            }
        }

        /// Whether the word ends with `s`; if so `j` marks where the suffix starts.
        mutating func ends(_ s: [UInt8]) -> Bool {
            let n = s.count
            guard n <= k, b[k - 1] == s[n - 1] else { return false }
            var i = k - n
            for c in s { if b[i] != c { return false }; i += 1 }
            j = k - n
            return true
        }

        mutating func setTo(_ s: StaticString) { s.withUTF8Buffer { setTo(Array($0)) } }

        mutating func setTo(_ s: [UInt8]) {
            b.replaceSubrange(j..<k, with: s)
            k = j + s.count
            if b.count > k { b.removeSubrange(k...) }
        }

        mutating func replace(_ s: [UInt8]) { if measure(j) > 0 { setTo(s) } }

        mutating func step1ab() {
            if b[k - 1] == 0x73 { // s
                if ends("sses") { k -= 2 }
                else if ends("ies") { setTo("i") }
                else if k >= 2 && b[k - 2] != 0x73 { k -= 1 }
                b.removeSubrange(k...)
            }
            if ends("eed") {
                if measure(j) > 0 { k -= 1; b.removeSubrange(k...) }
            } else if (ends("ed") || ends("ing")) && hasVowel(j) {
                k = j; b.removeSubrange(k...)
                if ends("at") { setTo("ate") }
                else if ends("bl") { setTo("ble") }
                else if ends("iz") { setTo("ize") }
                else if doubleConsonant(k) {
                    let c = b[k - 1]
                    if c != 0x6C && c != 0x73 && c != 0x7A { k -= 1; b.removeSubrange(k...) }
                } else if measure(k) == 1 && cvc(k) {
                    j = k; setTo("e")
                }
            }
        }

        mutating func step1c() {
            if ends("y") && hasVowel(j) { b[k - 1] = 0x69 }
        }

        mutating func step2() {
            guard k > 2 else { return }
            for (suffix, repl) in Self.step2Rules where ends(suffix) { replace(repl); return }
        }

        mutating func step3() {
            for (suffix, repl) in Self.step3Rules where ends(suffix) { replace(repl); return }
        }

        mutating func step4() {
            for (n, suffix) in Self.step4Suffixes.enumerated() where ends(suffix) {
                if n == Self.step4Ion {
                    guard j > 0, b[j - 1] == 0x73 || b[j - 1] == 0x74 else { return }
                }
                if measure(j) > 1 { k = j; b.removeSubrange(k...) }
                return
            }
        }

        mutating func step5() {
            j = k
            if b[k - 1] == 0x65 { // e
                let m = measure(k - 1)
                if m > 1 || (m == 1 && !cvc(k - 1)) { k -= 1; b.removeSubrange(k...) }
            }
            if b[k - 1] == 0x6C && doubleConsonant(k) && measure(k) > 1 { k -= 1; b.removeSubrange(k...) }
        }

        static let step2Rules: [([UInt8], [UInt8])] = bytes([
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
            ("bli", "ble"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
            ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
            ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
            ("logi", "log"),
        ])
        static let step3Rules: [([UInt8], [UInt8])] = bytes([
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
        ])
        static let step4Suffixes: [[UInt8]] = [
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou",
            "ism", "ate", "iti", "ous", "ive", "ize",
        ].map { Array($0.utf8) }
        static let step4Ion = 11

        /// The suffix rules as bytes, so matching them compares bytes, not strings.
        static func bytes(_ rules: [(String, String)]) -> [([UInt8], [UInt8])] {
            rules.map { (Array($0.0.utf8), Array($0.1.utf8)) }
        }
    }
}
