/// Grades free-text answers against rubrics. Deterministic; safe to share across threads.
///
/// PLACEHOLDER until the scorer lands: returns an ungraded F so other layers compile.
public struct RubricScorer: Sendable {
    public let framework: Framework

    public init(framework: Framework) { self.framework = framework }

    public func grade(_ answer: String, against rubric: Rubric) -> AnswerGrade {
        AnswerGrade(question: rubric.id, score: 0, grade: .F,
                    concepts: rubric.concepts.map {
                        ConceptResult(id: $0.id, label: $0.label.text(rubric.language), step: $0.step, weight: $0.weight,
                                      required: $0.required, hit: false, credit: 0, evidence: [])
                    },
                    misconceptions: [],
                    framework: FrameworkResult(steps: FrameworkStep.allCases.map { .init(step: $0, present: false, evidence: []) },
                                               inOrder: false, habits: []),
                    flags: [], feedback: [],
                    breakdown: ScoreBreakdown(coverage: 0, structure: 0, similarity: 0, penalties: 0, caps: []))
    }
}
