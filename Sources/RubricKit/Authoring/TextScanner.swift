/// Splits normalised text into Latin words and runs of Chinese characters, keeping sentence breaks.
enum TextScanner {
    enum Piece: Equatable {
        /// A word of letters and digits (lower case).
        case word(String)
        /// A run of Han characters.
        case han(String)
        /// A sentence or clause break (punctuation, a line break, a script change into symbols).
        case breakMark
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xF900...0xFAFF).contains(v)
            || (0x20000...0x2FFFF).contains(v)
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        !isHan(s) && (s.properties.isAlphabetic || s.properties.numericType != nil)
    }

    /// Clause punctuation, checked before normalisation folds it to spaces.
    static func isClauseBreak(_ s: Unicode.Scalar) -> Bool {
        "。，、；：！？!?;:,\n\r".unicodeScalars.contains(s) || (s == "." )
    }

    /// The pieces of `text`. Clause punctuation becomes `.breakMark`; each clause is normalised
    /// the way the scorer normalises answers, so extracted terms match what it sees.
    static func pieces(_ text: String) -> [Piece] {
        var out: [Piece] = []
        var clause = String.UnicodeScalarView()
        func flush() {
            if !clause.isEmpty { scanClause(TextNormalizer.normalize(String(clause)).text, into: &out); clause.removeAll() }
            if out.last != .breakMark && !out.isEmpty { out.append(.breakMark) }
        }
        var previous: Unicode.Scalar = " "
        let scalars = Array(text.unicodeScalars)
        for (i, s) in scalars.enumerated() {
            // A '.' between letters or digits joins a name (`min.insync.replicas`, `1.5`); elsewhere it ends a sentence.
            if s == "." {
                let next = i + 1 < scalars.count ? scalars[i + 1] : " "
                if isWordScalar(previous) && isWordScalar(next) { clause.append(s); previous = s; continue }
            }
            if isClauseBreak(s) { flush() } else { clause.append(s) }
            previous = s
        }
        flush()
        if out.last == .breakMark { out.removeLast() }
        return out
    }

    private static func scanClause(_ normalized: String, into out: inout [Piece]) {
        var word = String.UnicodeScalarView()
        var han = String.UnicodeScalarView()
        func flushWord() { if !word.isEmpty { out.append(.word(String(word))); word.removeAll() } }
        func flushHan() { if !han.isEmpty { out.append(.han(String(han))); han.removeAll() } }
        for s in normalized.unicodeScalars {
            if isHan(s) { flushWord(); han.append(s) }
            else if isWordScalar(s) { flushHan(); word.append(s) }
            else { flushWord(); flushHan() }
        }
        flushWord(); flushHan()
    }

    /// Latin words of `text` (lower case), in order.
    static func words(_ text: String) -> [String] {
        pieces(text).compactMap { if case .word(let w) = $0 { w } else { nil } }
    }

    /// Han runs of `text`, in order.
    static func hanRuns(_ text: String) -> [String] {
        pieces(text).compactMap { if case .han(let h) = $0 { h } else { nil } }
    }

    /// Whether most letters of `text` are Chinese.
    static func isMostlyChinese(_ text: String) -> Bool {
        var han = 0, latin = 0
        for s in text.unicodeScalars {
            if isHan(s) { han += 1 } else if s.properties.isAlphabetic { latin += 1 }
        }
        // A Chinese character carries about as much as a short English word.
        return han * 3 >= latin && han > 0
    }
}
