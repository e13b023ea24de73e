/// All content in force: the rubrics, the scenarios, the framework and the categories.
public struct ContentBank: Sendable {
    /// The folder the content came from.
    public var root: String
    /// Rubrics in display order: by category, then as listed in `categories.yaml`.
    public var rubrics: [Rubric]
    public var scenarios: [Scenario]
    public var framework: Framework
    public var categories: [CategoryEntry]

    public init(root: String, rubrics: [Rubric], scenarios: [Scenario], framework: Framework, categories: [CategoryEntry]) {
        self.root = root
        self.scenarios = scenarios.sorted { $0.id < $1.id }
        self.framework = framework
        self.categories = categories
        let catOrder = Dictionary(categories.enumerated().map { ($1.category.id, $0) }, uniquingKeysWith: { a, _ in a })
        var position: [String: Int] = [:]
        for entry in categories { for (i, q) in entry.questions.enumerated() where position[q] == nil { position[q] = i } }
        self.rubrics = rubrics.sorted {
            (catOrder[$0.category] ?? Int.max, position[$0.id] ?? Int.max, $0.id)
                < (catOrder[$1.category] ?? Int.max, position[$1.id] ?? Int.max, $1.id)
        }
    }

    public func rubric(_ id: String) -> Rubric? { rubrics.first { $0.id == id } }
    public func scenario(_ id: String) -> Scenario? { scenarios.first { $0.id == id } }
    public func category(_ id: String) -> Category? { categories.first { $0.category.id == id }?.category }

    /// The questions `scenario` asks, in order. `seed` overrides the scenario's own seed for random
    /// draws and shuffles; with neither, the draw uses seed 0 (deterministic).
    public func questions(for scenario: Scenario, seed: UInt64? = nil) -> [Rubric] {
        let sel = scenario.selection
        var pool: [Rubric] = []
        var seen = Set<String>()
        for id in sel.ids { if let r = rubric(id), seen.insert(id).inserted { pool.append(r) } }
        for c in sel.categories { for r in rubrics where r.category == c && seen.insert(r.id).inserted { pool.append(r) } }
        if sel.ids.isEmpty && sel.categories.isEmpty { pool = rubrics }
        var rng = SplitMix64(seed: seed ?? sel.seed ?? 0)
        if let n = sel.random, n < pool.count {
            pool.shuffle(using: &rng)
            let chosen = Set(pool.prefix(n).map(\.id))
            // Keep the bank's order for a random draw unless the scenario shuffles.
            pool = rubrics.filter { chosen.contains($0.id) }
        }
        if scenario.order == .shuffled { pool.shuffle(using: &rng) }
        return pool
    }
}

/// A small, fast, seedable generator (Steele et al.), so draws are the same on every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
