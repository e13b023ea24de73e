import RubricKit

/// Finds the scenario a command names, or explains (exit 64) which ids exist and which one was probably meant.
enum ScenarioLookup {
    static func find(_ id: String, in bank: ContentBank, language: Language) throws -> Scenario {
        if let scenario = bank.scenario(id) { return scenario }
        let ids = bank.scenarios.map(\.id)
        let t = Localizer(language: language)
        let suggestion = closest(to: id, among: ids).map { t("你是不是想用 '\($0)'？", "did you mean '\($0)'? ") } ?? ""
        Console.shared.error(t("未知场景 '\(id)'；\(suggestion)可用的场景：\(ids.joined(separator: "、"))（见 `mockinterview list`）",
                               "unknown scenario '\(id)'; \(suggestion)available: \(ids.joined(separator: ", ")) (see `mockinterview list`)"))
        throw Exit.usage
    }

    /// The id closest to `typed` when it is plausibly a typo of it: case aside, a prefix of it, or within
    /// a third of its length in edits (at least 1, at most 3).
    static func closest(to typed: String, among ids: [String]) -> String? {
        let typed = typed.lowercased()
        guard !typed.isEmpty else { return nil }
        if let prefixed = ids.filter({ $0.lowercased().hasPrefix(typed) }).onlyElement { return prefixed }
        let scored = ids.map { (id: $0, distance: EditDistance.levenshtein(Array(typed), Array($0.lowercased()), limit: max(typed.count, $0.count))) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        let allowed = min(3, max(1, best.id.count / 3))
        return best.distance <= allowed && scored.filter({ $0.distance == best.distance }).count == 1 ? best.id : nil
    }
}

private extension Array {
    var onlyElement: Element? { count == 1 ? first : nil }
}
