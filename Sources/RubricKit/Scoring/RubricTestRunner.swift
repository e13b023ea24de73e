/// Runs a rubric's own tests through the scorer: every graded example must land in its expected
/// band, every concept's `must_hit` snippet must credit it and every `must_miss` snippet must not,
/// every misconception's `must_claim` snippet must claim it and every `must_not_claim` one must not,
/// a keyword-dump example must score below the question's A examples, and no reference answer
/// (`standard_answer`, `alternatives`) may claim one of the rubric's misconceptions: a pattern
/// that fires on the rubric's own right answer fires on right answers. Examples with a human
/// score also yield agreement figures (Pearson r, share within one grade band).
public struct RubricTestRunner: Sendable {
    public let scorer: RubricScorer

    public init(scorer: RubricScorer) { self.scorer = scorer }

    public func run(_ rubrics: [Rubric]) -> RubricTestReport {
        var questions: [RubricTestReport.Question] = []
        var pairs: [(ours: Double, human: Double, bands: GradeBands)] = []
        for rubric in rubrics {
            let compiled = scorer.compile(rubric)
            var q = RubricTestReport.Question(id: rubric.id, path: rubric.source?.path, examples: rubric.examples.count)
            var dumpScores: [(String, Double)] = []
            var aScores: [Double] = []
            for ex in rubric.examples {
                let g = scorer.grade(ex.answer, compiled: compiled)
                if let h = ex.humanScore { pairs.append((g.score, h, rubric.bands)) }
                if ex.expected == [.A] { aScores.append(g.score) }
                if Self.isKeywordDumpName(ex.name) { dumpScores.append((ex.name, g.score)) }
                if ex.expected.contains(g.grade) { q.passed += 1; continue }
                q.failures.append(.init(
                    name: ex.name, line: ex.source?.line, score: g.score, grade: g.grade,
                    expected: ex.expected.sorted(by: >).map(\.rawValue),
                    hit: g.concepts.filter(\.hit).map(\.id), missed: g.concepts.filter { !$0.hit }.map(\.id),
                    misconceptions: g.misconceptions.map(\.id), flags: g.flags, caps: g.breakdown.caps))
            }
            if let best = aScores.max() {
                for (name, score) in dumpScores where score >= best {
                    q.failures.append(.init(name: name, line: nil, score: score, grade: rubric.bands.grade(for: score),
                                            expected: ["below the A examples (\(RubricScorer.format(best)))"], hit: [], missed: [],
                                            misconceptions: [], flags: ["keyword-dump-not-below-good"], caps: []))
                }
            }
            for concept in rubric.concepts {
                for snippet in concept.mustHit {
                    let g = scorer.grade(snippet, compiled: compiled)
                    let r = g.concepts.first { $0.id == concept.id }
                    if r?.hit != true {
                        q.snippetFailures.append(.init(concept: concept.id, kind: "must_hit", snippet: snippet,
                                                       line: concept.source?.line, credit: r?.credit ?? 0, note: r?.note))
                    }
                }
                for snippet in concept.mustMiss {
                    let g = scorer.grade(snippet, compiled: compiled)
                    let r = g.concepts.first { $0.id == concept.id }
                    if r?.hit == true {
                        q.snippetFailures.append(.init(concept: concept.id, kind: "must_miss", snippet: snippet,
                                                       line: concept.source?.line, credit: r?.credit ?? 0,
                                                       note: r.map { "matched: " + $0.evidence.joined(separator: ", ") }))
                    }
                }
            }
            for m in rubric.misconceptions {
                for (kind, snippets, wanted) in [("must_claim", m.mustClaim, true), ("must_not_claim", m.mustNotClaim, false)] {
                    for snippet in snippets {
                        let claimed = scorer.grade(snippet, compiled: compiled).misconceptions.contains { $0.id == m.id }
                        if claimed != wanted {
                            q.snippetFailures.append(.init(concept: m.id, kind: kind, snippet: snippet, line: m.source?.line,
                                                           credit: 0, note: nil))
                        }
                    }
                }
            }
            let references = [("standard_answer", rubric.standardAnswer)]
                + rubric.alternatives.enumerated().map { ("alternatives[\($0.offset + 1)]", $0.element) }
            for (name, text) in references where !text.isEmpty {
                let g = scorer.grade(text, compiled: compiled)
                for m in g.misconceptions {
                    let line = rubric.misconceptions.first { $0.id == m.id }?.source?.line
                    q.referenceFailures.append(.init(misconception: m.id, reference: name, line: line, evidence: m.evidence))
                }
            }
            let own = pairs.suffix(rubric.examples.filter { $0.humanScore != nil }.count)
            if !own.isEmpty { q.agreement = Agreement(pairs: Array(own)) }
            questions.append(q)
        }
        return RubricTestReport(questions: questions, agreement: pairs.isEmpty ? nil : Agreement(pairs: pairs))
    }

    static func isKeywordDumpName(_ name: String) -> Bool {
        let n = name.lowercased()
        return n.contains("keyword") || n.contains("关键词") || n.contains("dump") || n.contains("堆砌")
    }
}

/// The result of `rubric test`; JSON schema 1.
public struct RubricTestReport: Sendable, Equatable, Codable {
    public struct ExampleFailure: Sendable, Equatable, Codable {
        public var name: String
        public var line: Int?
        public var score: Double
        public var grade: Grade
        public var expected: [String]
        public var hit: [String]
        public var missed: [String]
        public var misconceptions: [String]
        public var flags: [String]
        public var caps: [String]
    }

    public struct SnippetFailure: Sendable, Equatable, Codable {
        /// The concept's id (`must_hit`, `must_miss`) or the misconception's (`must_claim`, `must_not_claim`).
        public var concept: String
        /// `must_hit`, `must_miss`, `must_claim` or `must_not_claim`.
        public var kind: String
        public var snippet: String
        public var line: Int?
        public var credit: Double
        public var note: String?
    }

    /// A reference answer that claims one of the rubric's misconceptions.
    public struct ReferenceFailure: Sendable, Equatable, Codable {
        public var misconception: String
        /// `standard_answer` or `alternatives[N]` (1-based).
        public var reference: String
        /// The misconception's line.
        public var line: Int?
        /// The phrases that made the claim.
        public var evidence: [String]
    }

    public struct Question: Sendable, Equatable, Codable {
        public var id: String
        public var path: String?
        public var examples: Int
        public var passed = 0
        public var failures: [ExampleFailure] = []
        public var snippetFailures: [SnippetFailure] = []
        public var referenceFailures: [ReferenceFailure] = []
        /// This question's examples with a human score against ours.
        public var agreement: Agreement? = nil
    }

    public var schema = 1
    public var questions: [Question]
    public var agreement: Agreement?

    public var failureCount: Int {
        questions.reduce(0) { $0 + $1.failures.count + $1.snippetFailures.count + $1.referenceFailures.count }
    }
    public var exampleCount: Int { questions.reduce(0) { $0 + $1.examples } }
    public var snippetFailureCount: Int { questions.reduce(0) { $0 + $1.snippetFailures.count } }
}
