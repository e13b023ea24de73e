/// "Did you mean …?" for a mistyped name (a YAML key, a question or scenario id): one rule for the
/// whole tool.
public enum Suggestion {
    /// The candidate `typed` most plausibly meant, or nil: case aside, the only candidate it is a
    /// prefix of (`dist` → `distributed`), else the candidate fewest edits away (adjacent swaps count
    /// as one edit) within a third of the candidate's length — at least 1, at most 3 — when no other
    /// candidate is as close.
    public static func closest<C: Collection<String>>(to typed: String, among candidates: C) -> String? {
        let typed = Array(typed.lowercased())
        guard !typed.isEmpty else { return nil }
        let lowered = candidates.map { ($0, Array($0.lowercased())) }
        let prefixed = lowered.filter { $0.1.starts(with: typed) && $0.1.count > typed.count }
        if prefixed.count == 1 { return prefixed[0].0 }
        var best: (name: String, distance: Int)? = nil
        var tied = false
        for (name, chars) in lowered {
            let allowed = min(3, max(1, chars.count / 3))
            guard let d = EditDistance.osa(typed, chars, limit: allowed)?.distance else { continue }
            if let b = best, d >= b.distance {
                if d == b.distance && name != b.name { tied = true }
            } else {
                best = (name, d); tied = false
            }
        }
        return tied ? nil : best?.name
    }
}
