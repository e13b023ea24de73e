/// An Aho–Corasick automaton over token symbols: every pattern of a rubric (concept aliases, value
/// keys, misconception phrases, framework cues, negation cues) is found in one left-to-right pass,
/// in time linear in the answer's length whatever the number of patterns.
public struct TokenAutomaton: Sendable {
    /// Root transitions, indexed by symbol (dense).
    private var rootNext: [Int32]
    /// Other states' transitions: `edgeStart[s]..<edgeStart[s+1]` in `edgeSymbols`/`edgeTargets`, sorted by symbol.
    private var edgeStart: [Int32]
    private var edgeSymbols: [Int32]
    private var edgeTargets: [Int32]
    private var fail: [Int32]
    /// Patterns ending at each state: `outputStart[s]..<outputStart[s+1]` in `outputPatterns`.
    private var outputStart: [Int32]
    private var outputPatterns: [Int32]
    /// The nearest state on the failure chain with outputs, or -1.
    private var outputLink: [Int32]
    /// The first state to report at each state: itself when it has outputs, else its `outputLink`.
    private var firstOutput: [Int32]
    /// Each pattern's length in tokens.
    public private(set) var lengths: [Int]
    /// The longest pattern's length in tokens.
    public private(set) var longestPattern = 0

    /// One occurrence: pattern `pattern` over tokens `first...last`.
    public struct Hit: Sendable, Equatable {
        public var pattern: Int
        public var first: Int
        public var last: Int
    }

    /// - Parameters:
    ///   - patterns: symbol sequences (non-empty, no unknown symbol).
    ///   - symbolCount: one more than the largest symbol.
    public init(patterns: [[Int32]], symbolCount: Int) {
        // 1. The trie, with per-state dictionaries while building.
        var next: [[Int32: Int32]] = [[:]]
        var out: [[Int32]] = [[]]
        lengths = patterns.map(\.count)
        longestPattern = lengths.max() ?? 0
        for (p, symbols) in patterns.enumerated() where !symbols.isEmpty {
            var s: Int32 = 0
            for x in symbols {
                if let t = next[Int(s)][x] { s = t } else {
                    let t = Int32(next.count)
                    next.append([:]); out.append([])
                    next[Int(s)][x] = t
                    s = t
                }
            }
            out[Int(s)].append(Int32(p))
        }
        // 2. Failure links, breadth first.
        let n = next.count
        var failLinks = [Int32](repeating: 0, count: n)
        var links = [Int32](repeating: -1, count: n)
        var queue: [Int32] = []
        queue.reserveCapacity(n)
        for (_, t) in next[0].sorted(by: { $0.key < $1.key }) { queue.append(t) }
        var head = 0
        while head < queue.count {
            let s = queue[head]; head += 1
            for (x, t) in next[Int(s)].sorted(by: { $0.key < $1.key }) {
                queue.append(t)
                var f = failLinks[Int(s)]
                while f != 0 && next[Int(f)][x] == nil { f = failLinks[Int(f)] }
                let target = next[Int(f)][x] ?? 0
                failLinks[Int(t)] = target == t ? 0 : target
                let ft = failLinks[Int(t)]
                links[Int(t)] = out[Int(ft)].isEmpty ? links[Int(ft)] : ft
            }
        }
        // 3. Flatten.
        rootNext = [Int32](repeating: 0, count: max(symbolCount, 1))
        for (x, t) in next[0] where Int(x) < rootNext.count { rootNext[Int(x)] = t }
        edgeStart = [Int32](repeating: 0, count: n + 1)
        edgeSymbols = []; edgeTargets = []
        for s in 0..<n {
            edgeStart[s] = Int32(edgeSymbols.count)
            if s == 0 { continue }
            for (x, t) in next[s].sorted(by: { $0.key < $1.key }) { edgeSymbols.append(x); edgeTargets.append(t) }
        }
        edgeStart[n] = Int32(edgeSymbols.count)
        fail = failLinks
        outputStart = [Int32](repeating: 0, count: n + 1)
        outputPatterns = []
        for s in 0..<n {
            outputStart[s] = Int32(outputPatterns.count)
            outputPatterns += out[s]
        }
        outputStart[n] = Int32(outputPatterns.count)
        outputLink = links
        firstOutput = (0..<n).map { s in out[s].isEmpty ? links[s] : Int32(s) }
    }

    public var stateCount: Int { fail.count }

    @inline(__always)
    private func step(_ state: Int32, _ x: Int32) -> Int32? {
        if state == 0 { let t = x > 0 && Int(x) < rootNext.count ? rootNext[Int(x)] : 0; return t }
        var lo = Int(edgeStart[Int(state)]), hi = Int(edgeStart[Int(state) + 1])
        while lo < hi {
            let mid = (lo + hi) >> 1
            let v = edgeSymbols[mid]
            if v == x { return edgeTargets[mid] }
            if v < x { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// Every occurrence of every pattern in `symbols`, ordered by end then pattern.
    public func scan(_ symbols: [Int32]) -> [Hit] { scan(symbols, skippingFillersOf: nil) }

    /// Every occurrence of every pattern in `symbols`, ordered by end then pattern; with `tokens`
    /// (one per symbol), the fillers among them are left out of the stream as if they were not
    /// there (a pattern runs over them), and a hit's `first` and `last` are still positions in
    /// `symbols`.
    func scan(_ symbols: [Int32], skippingFillersOf tokens: TokenizedText?) -> [Hit] {
        var hits: [Hit] = []
        // About one hit per token in a typical answer: room for that many, without growing from one.
        hits.reserveCapacity(min(symbols.count, 4096))
        var state: Int32 = 0
        let fillers = tokens?.tokens ?? []
        let skipping = !fillers.isEmpty
        precondition(!skipping || fillers.count == symbols.count)
        for (i, x) in symbols.enumerated() {
            if skipping && fillers[i].isFiller { continue }
            if x == Vocabulary.unknown { state = 0; continue }
            while true {
                if let t = step(state, x) { state = t; break }
                state = fail[Int(state)]
            }
            var o = firstOutput[Int(state)]
            while o >= 0 {
                for k in Int(outputStart[Int(o)]) ..< Int(outputStart[Int(o) + 1]) {
                    let p = Int(outputPatterns[k])
                    var first = i - lengths[p] + 1
                    if skipping {
                        // The pattern's first symbol, counted back over the kept positions only.
                        first = i
                        var rest = lengths[p] - 1
                        while rest > 0 { first -= 1; if !fillers[first].isFiller { rest -= 1 } }
                    }
                    hits.append(Hit(pattern: p, first: first, last: i))
                }
                o = outputLink[Int(o)]
            }
        }
        return hits
    }
}
