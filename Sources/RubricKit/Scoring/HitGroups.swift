/// Hit indices grouped by a small integer key (a concept and its role, a framework step), each
/// group in hit order, in one flat array: a counting sort instead of an array per group.
struct HitGroups {
    /// Group `g` is `members[starts[g]..<starts[g + 1]]`; both are empty when every group is.
    private let starts: [Int]
    private let members: [Int]

    /// - Parameter entries: (group, hit index) pairs in hit order; every group is below `groupCount`.
    init(groupCount: Int, _ entries: [(group: Int, hit: Int)]) {
        guard !entries.isEmpty else { (starts, members) = ([], []); return }
        var starts = [Int](repeating: 0, count: groupCount + 1)
        for e in entries { starts[e.group + 1] += 1 }
        for g in 0..<groupCount { starts[g + 1] += starts[g] }
        var next = starts
        var members = [Int](repeating: 0, count: entries.count)
        for e in entries {
            members[next[e.group]] = e.hit
            next[e.group] += 1
        }
        self.starts = starts
        self.members = members
    }

    subscript(group: Int) -> ArraySlice<Int> {
        starts.isEmpty ? members[...] : members[starts[group]..<starts[group + 1]]
    }
}
