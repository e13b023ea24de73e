import Foundation

/// Drafts rubrics mechanically from questions and reference answers: the reference's key terms,
/// weighted by how distinctive they are across the whole bank, become concepts; the reference
/// answers are kept for the similarity signal.
public struct RubricDrafter: Sendable {
    public struct Options: Sendable, Equatable {
        public var category: String
        /// Share of the score given to similarity with the reference answers.
        public var similarityWeight: Double
        public var keywords: KeywordExtractor.Options
        /// Concepts worth this many average concepts make full coverage: a rubric drafted with more
        /// gets a `coverage_target` below 1, since a good answer names only part of a long reference.
        public var fullCoverageConcepts: Int
        public init(category: String = "drafted", similarityWeight: Double = 0.3,
                    keywords: KeywordExtractor.Options = .init(), fullCoverageConcepts: Int = 12) {
            self.category = category; self.similarityWeight = similarityWeight; self.keywords = keywords
            self.fullCoverageConcepts = fullCoverageConcepts
        }
    }

    public let extractor: KeywordExtractor
    public let options: Options

    /// Builds the bank statistics from every entry.
    public init(bank: [BankEntry], options: Options = Options()) {
        self.extractor = KeywordExtractor(bank: bank.map { ($0.question, $0.references) }, options: options.keywords)
        self.options = options
    }

    public func draft(_ entry: BankEntry) -> Rubric {
        let language: Language = TextScanner.isMostlyChinese(entry.question + entry.reference) ? .zh : .en
        let terms = extractor.extract(references: entry.references, question: entry.question)
        var concepts: [Concept] = []
        var usedIDs = Set<String>()
        var claimed = Set<String>()
        // A term's own spellings come first; its further forms only where no other term spells them.
        let spelled = Set(terms.flatMap(\.aliases).map { TextNormalizer.normalize($0).text })
        for t in terms {
            var aliases = t.aliases.filter { claimed.insert(TextNormalizer.normalize($0).text).inserted }
            aliases += t.forms.filter {
                let n = TextNormalizer.normalize($0).text
                return !spelled.contains(n) && claimed.insert(n).inserted
            }
            guard !aliases.isEmpty else { continue }
            let id = Self.uniqueID(for: t, index: concepts.count + 1, used: &usedIDs)
            let label = t.negated && !t.isChinese ? "not \(t.label)" : t.label
            concepts.append(Concept(
                id: id, label: Self.text(label, language), aliases: aliases,
                weight: max(0.1, (t.weight * 100).rounded() / 100), step: .core,
                teach: Self.text(t.sentence, language)))
        }
        if concepts.isEmpty {
            // A reference of stop words only ("Yes, it can."): its words are the answer.
            let words = TextScanner.words(entry.reference)
            let han = TextScanner.hanRuns(entry.reference)
            let aliases = Array(Set(words + han)).sorted()
            let fallback = aliases.isEmpty ? [TextNormalizer.normalize(entry.reference).text] : aliases
            concepts.append(Concept(id: "answer", label: Self.text(entry.reference, language), aliases: fallback,
                                    weight: 1, step: .core))
        }
        let references = entry.references
        let rubric = Rubric(id: entry.id, category: options.category, language: language,
                            question: Self.text(entry.question, language),
                            standardAnswer: references.first ?? entry.reference,
                            alternatives: Array(references.dropFirst()),
                            concepts: concepts, similarityWeight: options.similarityWeight,
                            coverageTarget: Self.coverageTarget(concepts: concepts.count, full: options.fullCoverageConcepts))
        return Self.acceptingNegatedReadings(rubric, references: references)
    }

    /// The references must earn their own concepts. Where the scorer reads a reference's mention of
    /// a term as negated although the drafter did not (`the battery is not in a closed path`: is
    /// `closed` denied?), the scope of the negation is uncertain, so the concept accepts the negated
    /// wording too (`not closed`) and neither reading costs an answer that words it the same way.
    static func acceptingNegatedReadings(_ rubric: Rubric, references: [String]) -> Rubric {
        let scorer = RubricScorer(framework: Framework(steps: []))
        let compiled = scorer.compile(rubric)
        var widen = Set<Int>()
        for reference in references {
            for (i, c) in scorer.grade(reference, compiled: compiled).concepts.enumerated() where c.note == "negated" {
                widen.insert(i)
            }
        }
        guard !widen.isEmpty else { return rubric }
        var out = rubric
        var used = Set(rubric.concepts.flatMap(\.aliases).map { TextNormalizer.normalize($0).text })
        for i in widen.sorted() {
            guard let first = out.concepts[i].aliases.first, CompiledRubric.negatedRemainder(first) == nil else { continue }
            let negated = TextScanner.hanRuns(first).isEmpty ? "not \(first)" : "不\(first)"
            if used.insert(TextNormalizer.normalize(negated).text).inserted { out.concepts[i].aliases.append(negated) }
        }
        return out
    }

    /// `full / concepts`, to two decimals, when a rubric has more than `full` concepts; nil otherwise.
    static func coverageTarget(concepts: Int, full: Int) -> Double? {
        guard full > 0, concepts > full else { return nil }
        return (Double(full) / Double(concepts) * 100).rounded() / 100
    }

    static func text(_ s: String, _ language: Language) -> LocalizedText {
        language == .zh ? LocalizedText(zh: s) : LocalizedText(en: s)
    }

    /// `slug` of an English label; `t<n>` for Chinese.
    static func uniqueID(for t: KeyTerm, index: Int, used: inout Set<String>) -> String {
        var base = t.isChinese ? "t\(index)" : slug(t.label)
        if t.negated { base = "not-" + base }
        if base.isEmpty { base = "t\(index)" }
        var id = base
        var n = 2
        while used.contains(id) { id = "\(base)-\(n)"; n += 1 }
        used.insert(id)
        return id
    }

    static func slug(_ s: String) -> String {
        var out = ""
        for u in s.lowercased().unicodeScalars {
            if u.isASCII && (u.properties.isAlphabetic || u.properties.numericType != nil) { out.unicodeScalars.append(u) }
            else if !out.isEmpty && !out.hasSuffix("-") { out += "-" }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return String(out.prefix(40))
    }
}
