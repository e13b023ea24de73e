import Testing
@testable import RubricKit

/// `HitGroups` (one counting sort into one array) gives each group's hits in hit order, as an
/// array per group would.
@Suite("Hit groups")
struct HitGroupsTests {
    /// The groups as arrays, the plain way.
    static func naive(_ groupCount: Int, _ entries: [(group: Int, hit: Int)]) -> [[Int]] {
        var groups = [[Int]](repeating: [], count: groupCount)
        for e in entries { groups[e.group].append(e.hit) }
        return groups
    }

    static func check(_ groupCount: Int, _ entries: [(group: Int, hit: Int)]) {
        let groups = HitGroups(groupCount: groupCount, entries)
        for (g, expected) in naive(groupCount, entries).enumerated() {
            #expect(Array(groups[g]) == expected, "group \(g) of \(groupCount), \(entries.count) entries")
        }
    }

    @Test func noEntriesGiveEmptyGroups() {
        Self.check(1, [])
        Self.check(7, [])
    }

    @Test func oneGroup() {
        Self.check(1, [(0, 4)])
        Self.check(1, (0..<9).map { (0, $0) })
    }

    @Test func groupsInAnyOrderKeepTheirHitsInOrder() {
        // Empty groups first, last and between; a group's hits interleaved with the others'.
        Self.check(6, [(3, 0), (1, 1), (3, 2), (4, 3), (1, 4), (3, 5)])
        Self.check(5, [(4, 10), (4, 11), (0, 12)])
        // A deterministic pseudo-random mix, many groups empty.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for groupCount in [1, 2, 3, 15, 64, 200] {
            let entries = (0..<500).map { hit -> (group: Int, hit: Int) in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return (Int(state >> 33) % groupCount, hit)
            }
            Self.check(groupCount, entries)
        }
    }
}
