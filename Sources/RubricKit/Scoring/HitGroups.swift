/// Hit indices grouped by a small integer key (a concept and its role, a framework step), each
/// group in hit order, in one flat array: a counting sort instead of an array per group.
struct HitGroups {
    /// The starts of the groups, then their members, in one array (one allocation): group `g` is
    /// members `starts[g]..<starts[g + 1]`, where `starts` are the first `groupCount + 1` elements.
    /// Empty when every group is.
    private let storage: [Int]
    private let groupCount: Int

    /// - Parameter entries: (group, hit index) pairs in hit order; every group is below `groupCount`.
    init(groupCount: Int, _ entries: [(group: Int, hit: Int)]) {
        self.groupCount = groupCount
        guard !entries.isEmpty else { storage = []; return }
        let base = groupCount + 1
        var storage = [Int](filled: 0, count: base + entries.count)
        // Each group's size, then its end.
        for e in entries { storage[e.group] += 1 }
        for g in 1..<groupCount { storage[g] += storage[g - 1] }
        storage[groupCount] = entries.count
        // Placed from the last entry back, each group's end moves to its start.
        for e in entries.reversed() {
            storage[e.group] -= 1
            storage[base + storage[e.group]] = e.hit
        }
        self.storage = storage
    }

    subscript(group: Int) -> ArraySlice<Int> {
        guard !storage.isEmpty else { return storage[...] }
        let base = groupCount + 1
        return storage[base + storage[group] ..< base + storage[group + 1]]
    }
}
