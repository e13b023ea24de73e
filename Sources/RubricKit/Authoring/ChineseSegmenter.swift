/// Splits a run of Chinese characters into candidate terms without a dictionary: substrings the
/// bank repeats (two or more occurrences) are taken as words, longer ones preferred; elsewhere the
/// run falls back to character bigrams. Single characters are left out.
struct ChineseSegmenter {
    let statistics: TermStatistics

    /// Terms of `run`, in order, each with its offset in the run and whether the bank repeats it.
    /// Particles and conjunctions (`的`, `和`) split the run first: no term spans them.
    func segment(_ run: String) -> [(term: String, offset: Int, repeated: Bool)] {
        var out: [(String, Int, Bool)] = []
        var start = 0
        var piece: [Character] = []
        for (i, ch) in run.enumerated() {
            if let s = ch.unicodeScalars.first, ch.unicodeScalars.count == 1, StopWords.chineseSeparators.contains(s) {
                out += segmentPiece(piece).map { ($0.term, $0.offset + start, $0.repeated) }
                piece = []
                start = i + 1
            } else {
                piece.append(ch)
            }
        }
        out += segmentPiece(piece).map { ($0.term, $0.offset + start, $0.repeated) }
        return out
    }

    private func segmentPiece(_ chars: [Character]) -> [(term: String, offset: Int, repeated: Bool)] {
        let n = chars.count
        guard n >= 2 else { return [] }
        // best[i]: best score of a segmentation of chars[i...]; choice[i]: the length taken at i.
        var best = [Double](repeating: 0, count: n + 1)
        var choice = [Int](repeating: 1, count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            best[i] = best[i + 1]   // skip one character
            choice[i] = 1
            for len in 2...TermStatistics.maxHanLength where i + len <= n {
                let piece = String(chars[i..<(i + len)])
                let s = score(piece, length: len) + best[i + len]
                if s > best[i] { best[i] = s; choice[i] = len }
            }
        }
        var out: [(String, Int, Bool)] = []
        var i = 0
        while i < n {
            let len = choice[i]
            if len >= 2 {
                let piece = String(chars[i..<(i + len)])
                if Self.isTermShaped(piece) { out.append((piece, i, statistics.count(piece) >= 2)) }
            }
            i += len
        }
        return out
    }

    /// A repeated substring scores more than its parts, so maximal repeats win; a bigram seen
    /// once scores 1; longer unrepeated pieces are not words we can vouch for.
    private func score(_ piece: String, length: Int) -> Double {
        guard Self.isTermShaped(piece) else { return 0 }
        if statistics.count(piece) >= 2 {
            return Double(length * length) / 2 + 0.5
        }
        return length == 2 ? 1 : 0
    }

    /// Not starting or ending with a particle, and not a content-free word.
    static func isTermShaped(_ piece: String) -> Bool {
        guard let first = piece.unicodeScalars.first, let last = piece.unicodeScalars.last else { return false }
        if StopWords.chineseEdge.contains(first) || StopWords.chineseEdge.contains(last) { return false }
        return !StopWords.chineseGeneric.contains(piece)
    }
}
