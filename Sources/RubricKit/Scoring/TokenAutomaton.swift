/// An Aho–Corasick automaton over token symbols: every pattern of a rubric (concept aliases, value
/// keys, misconception phrases, framework cues, negation cues) is found in one left-to-right pass,
/// in time linear in the answer's length whatever the number of patterns.
public struct TokenAutomaton: Sendable {
    /// Every table end to end in one array, so that a scan reads them all through one buffer
    /// pointer; `Tables` says where each one starts.
    private let table: [Int32]
    private let layout: Layout
    /// The longest pattern's length in tokens.
    public let longestPattern: Int

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
        let lengths = patterns.map { Int32($0.count) }
        longestPattern = Int(lengths.max() ?? 0)
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
        var rootNext = [Int32](repeating: 0, count: max(symbolCount, 1))
        for (x, t) in next[0] where Int(x) < rootNext.count { rootNext[Int(x)] = t }
        var edgeStart = [Int32](repeating: 0, count: n + 1)
        var edgeSymbols: [Int32] = [], edgeTargets: [Int32] = []
        for s in 0..<n {
            edgeStart[s] = Int32(edgeSymbols.count)
            if s == 0 { continue }
            for (x, t) in next[s].sorted(by: { $0.key < $1.key }) { edgeSymbols.append(x); edgeTargets.append(t) }
        }
        edgeStart[n] = Int32(edgeSymbols.count)
        var outputStart = [Int32](repeating: 0, count: n + 1)
        var outputPatterns: [Int32] = []
        for s in 0..<n {
            outputStart[s] = Int32(outputPatterns.count)
            outputPatterns += out[s]
        }
        outputStart[n] = Int32(outputPatterns.count)
        let firstOutput = (0..<n).map { s in out[s].isEmpty ? links[s] : Int32(s) }
        let parts = [rootNext, edgeStart, edgeSymbols, edgeTargets, failLinks, outputStart, outputPatterns,
                     links, firstOutput, lengths]
        table = Array(parts.joined())
        layout = Layout(starts: parts.reduce(into: [0]) { $0.append($0.last! + $1.count) }, stateCount: n)
    }

    /// Where each table starts in `table`, in the order they are joined there.
    private struct Layout: Sendable {
        /// Root transitions, indexed by symbol (dense).
        let rootNext: Int
        /// Other states' transitions: `edgeStart[s]..<edgeStart[s+1]` in `edgeSymbols`/`edgeTargets`, sorted by symbol.
        let edgeStart: Int, edgeSymbols: Int, edgeTargets: Int
        let fail: Int
        /// Patterns ending at each state: `outputStart[s]..<outputStart[s+1]` in `outputPatterns`.
        let outputStart: Int, outputPatterns: Int
        /// The nearest state on the failure chain with outputs, or -1.
        let outputLink: Int
        /// The first state to report at each state: itself when it has outputs, else its `outputLink`.
        let firstOutput: Int
        /// Each pattern's length in tokens.
        let lengths: Int
        let rootCount: Int, stateCount: Int

        init(starts: [Int], stateCount: Int) {
            (rootNext, edgeStart, edgeSymbols, edgeTargets, fail) = (starts[0], starts[1], starts[2], starts[3], starts[4])
            (outputStart, outputPatterns, outputLink, firstOutput, lengths) = (starts[5], starts[6], starts[7], starts[8], starts[9])
            rootCount = starts[1] - starts[0]
            self.stateCount = stateCount
        }
    }

    public var stateCount: Int { layout.stateCount }

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
        let fillers = tokens?.tokens ?? []
        let skipping = !fillers.isEmpty
        precondition(!skipping || fillers.count == symbols.count)
        // Every index into the tables is a state, edge or pattern number the construction wrote, so
        // in bounds by construction; an answer's symbol is checked against the root's table.
        table.withUnsafeBufferPointer { table in
        fillers.withUnsafeBufferPointer { fillers in
        symbols.withUnsafeBufferPointer { symbols in
            let l = layout
            func part(_ start: Int) -> UnsafePointer<Int32> { table.baseAddress! + start }
            let rootNext = part(l.rootNext), edgeStart = part(l.edgeStart), edgeSymbols = part(l.edgeSymbols)
            let edgeTargets = part(l.edgeTargets), fail = part(l.fail), outputStart = part(l.outputStart)
            let outputPatterns = part(l.outputPatterns), outputLink = part(l.outputLink)
            let firstOutput = part(l.firstOutput), lengths = part(l.lengths)
            var state: Int32 = 0
            for i in 0..<symbols.count {
                if skipping && fillers[i].isFiller { continue }
                let x = symbols[i]
                if x == Vocabulary.unknown { state = 0; continue }
                transition: while true {
                    if state == 0 {
                        state = x > 0 && Int(x) < l.rootCount ? rootNext[Int(x)] : 0
                        break
                    }
                    // Binary search of the state's edges, sorted by symbol; none: the failure link.
                    var lo = Int(edgeStart[Int(state)]), hi = Int(edgeStart[Int(state) + 1])
                    while lo < hi {
                        let mid = (lo + hi) >> 1
                        let v = edgeSymbols[mid]
                        if v == x { state = edgeTargets[mid]; break transition }
                        if v < x { lo = mid + 1 } else { hi = mid }
                    }
                    state = fail[Int(state)]
                }
                var o = firstOutput[Int(state)]
                while o >= 0 {
                    for k in Int(outputStart[Int(o)]) ..< Int(outputStart[Int(o) + 1]) {
                        let p = Int(outputPatterns[k])
                        let length = Int(lengths[p])
                        var first = i - length + 1
                        if skipping {
                            // The pattern's first symbol, counted back over the kept positions only.
                            first = i
                            var rest = length - 1
                            while rest > 0 { first -= 1; if !fillers[first].isFiller { rest -= 1 } }
                        }
                        hits.append(Hit(pattern: p, first: first, last: i))
                    }
                    o = outputLink[Int(o)]
                }
            }
        }}}
        return hits
    }
}
