import Foundation
import InterviewEngine
import RubricKit

/// How an interviewer-led question is graded: the scorer reads the interviewer's notes to tick concepts,
/// the interviewer's overrides win, and the score is the checklist's — the share of concept weight ticked,
/// minus the penalties of the misconceptions the interviewer marked — on the rubric's grade bands.
///
/// Notes are shorthand, not an answer, so the scorer's structure and similarity parts do not apply; the
/// step ratings (when given) decide which framework steps count as present (rating 2 or more).
public enum ChecklistGrading {
    public static let flag = "interviewer-checklist"

    /// The scorer's policy for reading notes: a point the notes name is ticked in full (notes are
    /// shorthand; whether the candidate explained it is the interviewer's call, not the scorer's).
    public static let notesPolicy: ScoringPolicy = {
        var policy = ScoringPolicy.standard
        policy.namedOnlyCredit = 1
        return policy
    }()

    public static func grade(notesGrade base: AnswerGrade, rubric: Rubric, marks: InterviewerMarks) -> AnswerGrade {
        var grade = base
        grade.concepts = base.concepts.map { c in
            guard let ticked = marks.conceptOverrides[c.id] else { return c }
            var c = c
            c.hit = ticked
            c.credit = ticked ? 1 : 0
            c.note = ticked ? "ticked by the interviewer" : "unticked by the interviewer"
            return c
        }
        grade.misconceptions = marks.misconceptions.compactMap { id in
            rubric.misconceptions.first { $0.id == id }.map {
                MisconceptionResult(id: $0.id, claim: $0.claim.text(rubric.language), correction: $0.correction.text(rubric.language),
                                    penalty: $0.penalty, evidence: [])
            }
        }
        grade.framework.steps = FrameworkStep.allCases.map { step in
            let detected = base.framework.steps.first { $0.step == step }
            if let rating = marks.stepRatings[step] {
                return .init(step: step, present: rating >= 2, evidence: detected?.evidence ?? [])
            }
            return detected ?? .init(step: step, present: false, evidence: [])
        }
        let total = grade.concepts.map(\.weight).reduce(0, +)
        let earned = grade.concepts.map { $0.weight * $0.credit }.reduce(0, +)
        let coverage = total > 0 ? earned / total * 100 : 0
        let penalties = grade.misconceptions.map(\.penalty).reduce(0, +)
        let score = (min(100, max(0, coverage - penalties)) * 10).rounded() / 10
        grade.score = score
        grade.grade = rubric.bands.grade(for: score)
        let rounded = (coverage * 10).rounded() / 10
        grade.breakdown = ScoreBreakdown(coverage: rounded, structure: 0, similarity: 0, penalties: penalties, caps: [],
                                         rawCoverage: rounded, weights: .init(coverage: 1, structure: 0, similarity: 0),
                                         base: rounded)
        // The flags that judge how the notes are written (a list, a few words per point) say nothing
        // about the candidate: notes are shorthand, and the checklist score does not use them.
        grade.flags = [flag] + base.flags.filter { $0 != flag && $0 != "keyword-dump" && $0 != "shallow" }
        grade.feedback = []
        return grade
    }

    /// The suggested 1–4 rating of a concept step from the share of its concept weight ticked
    /// (none 1, under half 2, half or more 3, all 4); nil for steps without concepts.
    public static func suggestedRating(_ step: FrameworkStep, grade: AnswerGrade) -> Int? {
        let concepts = grade.concepts.filter { $0.step == step }
        let total = concepts.map(\.weight).reduce(0, +)
        guard total > 0 else { return nil }
        let share = concepts.map { $0.weight * $0.credit }.reduce(0, +) / total
        switch share {
        case ..<0.001: return 1
        case ..<0.5: return 2
        case ..<0.999: return 3
        default: return 4
        }
    }
}
