/// Bounded edit distances.
public enum EditDistance {
    /// Levenshtein distance between `a` and `b`, or `limit + 1` once it must exceed `limit`.
    public static func levenshtein<T: Equatable>(_ a: [T], _ b: [T], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = Swift.min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The kinds of edit a typo may need.
    public struct Edits: Sendable, Equatable {
        public var distance: Int
        public var substitutions: Int
    }

    /// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, so
    /// `Kuberentes` is one edit from `kubernetes`), with the number of substitutions on one optimal
    /// path; nil once the distance must exceed `limit`.
    public static func osa<T: Equatable>(_ a: [T], _ b: [T], limit: Int) -> Edits? {
        if abs(a.count - b.count) > limit { return nil }
        let n = a.count, m = b.count
        if n == 0 || m == 0 { return Swift.max(n, m) <= limit ? Edits(distance: Swift.max(n, m), substitutions: 0) : nil }
        // Each cell holds (distance, substitutions); ties prefer fewer substitutions.
        let width = m + 1
        var d = [Int](repeating: 0, count: (n + 1) * width)
        var s = [Int](repeating: 0, count: (n + 1) * width)
        for j in 0...m { d[j] = j }
        for i in 1...n {
            d[i * width] = i
            var rowMin = Int.max
            for j in 1...m {
                var best = d[(i - 1) * width + j] + 1, subs = s[(i - 1) * width + j]
                let ins = d[i * width + j - 1] + 1
                if ins < best || (ins == best && s[i * width + j - 1] < subs) { best = ins; subs = s[i * width + j - 1] }
                let same = a[i - 1] == b[j - 1]
                let diag = d[(i - 1) * width + j - 1] + (same ? 0 : 1)
                let diagSubs = s[(i - 1) * width + j - 1] + (same ? 0 : 1)
                if diag < best || (diag == best && diagSubs < subs) { best = diag; subs = diagSubs }
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    let t = d[(i - 2) * width + j - 2] + 1
                    if t < best || (t == best && s[(i - 2) * width + j - 2] < subs) { best = t; subs = s[(i - 2) * width + j - 2] }
                }
                d[i * width + j] = best
                s[i * width + j] = subs
                rowMin = Swift.min(rowMin, best)
            }
            if rowMin > limit { return nil }
        }
        let dist = d[n * width + m]
        return dist <= limit ? Edits(distance: dist, substitutions: s[n * width + m]) : nil
    }
}
