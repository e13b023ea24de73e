import RubricKit

/// What a report needs from the content to name things: question texts, concept lists, category and
/// step names. Reports still render when the content has changed since the session (names fall back to ids).
public struct ReportContent: Sendable {
    public var framework: Framework?
    public var rubrics: [String: Rubric]
    public var categories: [String: Category]
    /// Category ids in display order.
    public var categoryOrder: [String]

    public init(framework: Framework?, rubrics: [Rubric], categories: [Category]) {
        self.framework = framework
        self.rubrics = Dictionary(rubrics.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.categories = Dictionary(categories.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.categoryOrder = categories.map(\.id)
    }

    public init(bank: ContentBank) {
        self.init(framework: bank.framework, rubrics: bank.rubrics, categories: bank.categories.map(\.category))
    }

    /// No content at all: every name is its id.
    public static let none = ReportContent(framework: nil, rubrics: [], categories: [])

    public func stepName(_ step: FrameworkStep, _ language: Language) -> String {
        if let name = framework?.step(step)?.name, !name.isEmpty { return name.text(language) }
        return ReportStrings(language).defaultStepName(step)
    }

    public func categoryName(_ id: String, _ language: Language) -> String {
        categories[id]?.name.text(language) ?? id
    }

    public func questionText(_ id: String, _ language: Language) -> String? {
        rubrics[id]?.question.text(language)
    }

    public func conceptLabel(question: String, concept: String, _ language: Language) -> String? {
        rubrics[question]?.concept(concept)?.label.text(language)
    }

    /// A misconception's claim and correction in `language`.
    public func misconception(question: String, id: String, _ language: Language) -> (claim: String, correction: String)? {
        rubrics[question]?.misconceptions.first { $0.id == id }.map { ($0.claim.text(language), $0.correction.text(language)) }
    }

    /// Sort key for categories: the content's order, unknown ones after, by id.
    func categoryRank(_ id: String) -> (Int, String) {
        (categoryOrder.firstIndex(of: id) ?? Int.max, id)
    }
}
