import RubricKit

/// Finds the scenario a command names, or explains (exit 64) which ids exist and which one was probably meant.
enum ScenarioLookup {
    static func find(_ id: String, in bank: ContentBank, language: Language) throws -> Scenario {
        if let scenario = bank.scenario(id) { return scenario }
        let ids = bank.scenarios.map(\.id)
        let t = Localizer(language: language)
        let suggestion = Suggestion.closest(to: id, among: ids).map { t("你是不是想用 '\($0)'？", "did you mean '\($0)'? ") } ?? ""
        Console.shared.error(t("未知场景 '\(id)'；\(suggestion)可用的场景：\(ids.joined(separator: "、"))（见 `mockinterview list`）",
                               "unknown scenario '\(id)'; \(suggestion)available: \(ids.joined(separator: ", ")) (see `mockinterview list`)"))
        throw Exit.usage
    }
}
