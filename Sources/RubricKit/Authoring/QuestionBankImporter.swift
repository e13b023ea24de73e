import Foundation

/// Turns a Markdown question bank into rubrics (one per question), scenarios (one per category)
/// and a category list. Concepts come from the standard answer's structure: bold terms, table
/// cells, list heads, code identifiers and configuration keys with their values, ranked by how
/// distinctive they are across the bank; the answer's prose fills any remaining places.
public struct QuestionBankImporter: Sendable {
    public struct Options: Sendable, Equatable {
        /// Concepts per rubric, at most.
        public var conceptLimit: Int
        /// Seconds per question in the generated scenarios.
        public var secondsPerQuestion: Int
        public var similarityWeight: Double
        public init(conceptLimit: Int = 12, secondsPerQuestion: Int = 180, similarityWeight: Double = 0.2) {
            self.conceptLimit = conceptLimit; self.secondsPerQuestion = secondsPerQuestion
            self.similarityWeight = similarityWeight
        }
    }

    /// Everything an import produces.
    public struct Output: Sendable, Equatable {
        public var rubrics: [Rubric]
        public var scenarios: [Scenario]
        public var categories: [CategoryEntry]
    }

    public let options: Options
    public init(options: Options = Options()) { self.options = options }

    public func importBank(_ bank: MarkdownQuestionBank) -> Output {
        let stats = TermStatistics(documents: bank.categories.flatMap(\.questions).map { $0.prompt + "\n" + $0.answerText })
        var usedCategoryIDs = Set<String>()
        var usedQuestionIDs = Set<String>()
        var out = Output(rubrics: [], scenarios: [], categories: [])
        for (ci, cat) in bank.categories.enumerated() {
            var catID = RubricDrafter.slug(Self.latinPart(cat.title))
            if catID.isEmpty { catID = "category-\(ci + 1)" }
            catID = Self.unique(catID, &usedCategoryIDs)
            var ids: [String] = []
            for (qi, q) in cat.questions.enumerated() {
                let catWords = Set(catID.split(separator: "-").map(String.init))
                let words = RubricDrafter.slug(Self.latinPart(q.title)).split(separator: "-").map(String.init).filter { !catWords.contains($0) }
                let local = words.isEmpty ? "q\(q.number ?? (qi + 1))" : words.prefix(3).joined(separator: "-")
                let id = Self.unique("\(catID).\(local)", &usedQuestionIDs)
                ids.append(id)
                out.rubrics.append(rubric(for: q, id: id, category: catID, statistics: stats))
            }
            let name = LocalizedText(zh: cat.title)
            out.categories.append(CategoryEntry(category: Category(id: catID, name: name), questions: ids))
            let seconds = options.secondsPerQuestion
            out.scenarios.append(Scenario(
                id: catID, title: name,
                description: LocalizedText(zh: "\(cat.title)：\(ids.count)道题。", en: "\(ids.count) questions imported from the question bank."),
                selection: QuestionSelection(categories: [catID]), order: .listed,
                totalSeconds: seconds * ids.count, perQuestionSeconds: seconds))
        }
        return out
    }

    // MARK: One question

    func rubric(for q: MarkdownQuestionBank.Question, id: String, category: String, statistics: TermStatistics) -> Rubric {
        let candidates = ConceptCandidates.collect(from: q, statistics: statistics)
        var ranked = candidates.sorted { ($0.score, -$0.order) > ($1.score, -$1.order) }
        // Prose keywords fill what structure did not give.
        if ranked.count < options.conceptLimit {
            let extractor = KeywordExtractor(statistics: statistics, options: .init(limit: options.conceptLimit))
            let terms = extractor.extract(reference: q.proseText, question: q.prompt)
            ranked += terms.sorted { $0.weight > $1.weight }.map {
                ConceptCandidates.Candidate(label: $0.label, aliases: $0.aliases, values: [], step: .core,
                                            teach: $0.sentence, score: 0.5 * $0.weight, order: 10_000 + $0.position)
            }
        }
        var concepts: [Concept] = []
        var claimed = Set<String>()
        var usedIDs = Set<String>()
        // Settings with values are precise but narrow: at most half the concepts, so a manifest in
        // the answer does not crowd out its ideas.
        var valueConcepts = 0
        for c in ranked where concepts.count < options.conceptLimit {
            if !c.values.isEmpty {
                guard valueConcepts < max(1, options.conceptLimit / 2) else { continue }
                valueConcepts += 1
            }
            let aliases = c.aliases.filter { a in
                let n = TextNormalizer.normalize(a).text.trimmingCharacters(in: .whitespaces)
                return !n.isEmpty && claimed.insert(n).inserted
            }
            let values = c.values.filter { v in v.keys.allSatisfy { !TextNormalizer.normalize($0).text.isEmpty } }
            guard !aliases.isEmpty || !values.isEmpty else { continue }
            var base = RubricDrafter.slug(c.label)
            if base.isEmpty { base = "c\(concepts.count + 1)" }
            let cid = Self.unique(base, &usedIDs)
            let weight = (min(3, max(0.5, c.score)) * 10).rounded() / 10
            concepts.append(Concept(id: cid, label: LocalizedText(zh: c.label), aliases: aliases, weight: weight,
                                    step: c.step, values: values,
                                    teach: c.teach.isEmpty ? nil : LocalizedText(zh: c.teach)))
        }
        if concepts.isEmpty {
            concepts.append(Concept(id: "answer", label: LocalizedText(zh: q.title), aliases: [q.title], step: .core))
        }
        // Keep the answer's order, which is how the source teaches it.
        let order = Dictionary(ranked.enumerated().map { ($1.label, $1.order) }, uniquingKeysWith: { a, _ in a })
        concepts.sort { (order[$0.label.zh ?? ""] ?? 0) < (order[$1.label.zh ?? ""] ?? 0) }
        return Rubric(id: id, category: category, language: .zh, question: LocalizedText(zh: q.prompt),
                      standardAnswer: q.answerText, concepts: concepts, similarityWeight: options.similarityWeight)
    }

    // MARK: Helpers

    /// The ASCII words of `s` (for ids): `Go的GMP调度模型` → `Go GMP`.
    static func latinPart(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.isASCII ? $0 : " " }))
    }

    static func unique(_ base: String, _ used: inout Set<String>) -> String {
        var id = base, n = 2
        while used.contains(id) { id = "\(base)-\(n)"; n += 1 }
        used.insert(id)
        return id
    }
}
