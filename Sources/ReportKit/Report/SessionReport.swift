import Foundation
import InterviewEngine
import RubricKit

/// Everything a session report shows, as plain values: built once from a `SessionRecord`, then rendered
/// as Markdown, HTML, CSV or JSON. The JSON form is this type encoded (schema 1, see docs/reports.md).
public struct SessionReport: Sendable, Equatable, Codable {
    public static let schemaVersion = 1

    public var schema: Int
    /// When the report was made (injected, so output is reproducible).
    public var generatedAt: Date
    /// The language of names and labels.
    public var language: Language
    public var session: Session
    public var summary: Summary
    public var questions: [Question]
    /// Interviewer-led sessions: the overall call.
    public var recommendation: RecommendationEntry?

    public struct Session: Sendable, Equatable, Codable {
        public var id: String
        /// `practice` or `conducted`.
        public var kind: SessionRecord.Kind
        public var status: SessionRecord.Status
        public var scenarioID: String
        public var scenarioTitle: String
        public var mode: Scenario.Mode
        public var candidate: String?
        public var interviewer: String?
        public var startedAt: Date
        public var endedAt: Date?
        public var elapsedSeconds: Double
        public var totalBudgetSeconds: Int
    }

    public struct Summary: Sendable, Equatable, Codable {
        public var questionsTotal: Int
        public var questionsAnswered: Int
        public var questionsSkipped: Int
        /// Mean score of the graded questions, one decimal; nil when none is graded.
        public var averageScore: Double?
        /// The standard grade bands applied to `averageScore`.
        public var grade: Grade?
        public var hintsUsed: Int
        public var questionsOverBudget: Int
        public var framework: [StepCoverage]
        public var categories: [CategoryScore]
    }

    /// How often a framework step was present across the graded questions.
    public struct StepCoverage: Sendable, Equatable, Codable {
        public var step: FrameworkStep
        public var name: String
        public var present: Int
        public var graded: Int
        /// `present / graded`, 0 when nothing is graded.
        public var share: Double
        /// Interviewer-led sessions: mean of the 1–4 ratings given, one decimal.
        public var averageRating: Double?
    }

    public struct CategoryScore: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        public var questions: Int
        public var graded: Int
        public var averageScore: Double?
    }

    public struct Question: Sendable, Equatable, Codable {
        public var position: Int
        public var id: String
        public var category: String
        public var categoryName: String
        public var question: String
        public var score: Double?
        public var grade: Grade?
        public var skipped: Bool
        public var hintsUsed: Int
        public var secondsUsed: Double
        public var budgetSeconds: Int
        public var overBudget: Bool
        public var conceptsHit: [ConceptEntry]
        public var conceptsMissed: [ConceptEntry]
        public var misconceptions: [MisconceptionEntry]
        public var framework: [StepEntry]
        public var flags: [String]
        public var feedback: [String]
        public var transcript: [TranscriptEntry]
        /// Interviewer-led sessions: ratings, note and overrides.
        public var interviewer: InterviewerEntry?
    }

    public struct ConceptEntry: Sendable, Equatable, Codable {
        public var id: String
        public var label: String
        public var step: FrameworkStep
        public var weight: Double
        public var required: Bool
        public var evidence: [String]
        public var decidedBy: DecidedBy
    }

    /// Who credited or refused a concept.
    public enum DecidedBy: String, Sendable, Equatable, Codable {
        case scorer
        /// Ticked or unticked by hand in an interviewer-led session.
        case interviewer
    }

    public struct MisconceptionEntry: Sendable, Equatable, Codable {
        public var id: String
        public var claim: String
        public var correction: String
        public var penalty: Double
    }

    public struct StepEntry: Sendable, Equatable, Codable {
        public var step: FrameworkStep
        public var name: String
        public var present: Bool
        /// The interviewer's rating, 1–4.
        public var rating: Int?
        /// The rating's anchor word (`absent`, `weak`, `solid`, `strong`).
        public var anchor: String?
    }

    public struct TranscriptEntry: Sendable, Equatable, Codable {
        public var kind: Turn.Kind
        public var prompt: String?
        public var text: String
        public var step: FrameworkStep?
        public var at: Date
    }

    public struct InterviewerEntry: Sendable, Equatable, Codable {
        public var note: String?
        /// Concepts ticked (`true`) or unticked (`false`) by hand, by concept id.
        public var overrides: [String: Bool]
        public var misconceptionsMarked: [String]
    }

    public struct RecommendationEntry: Sendable, Equatable, Codable {
        public var verdict: Recommendation.Verdict
        public var label: String
        public var justification: String
    }
}

extension SessionReport {
    /// Builds the report of `record`, naming things from `content` in `language`.
    public init(record: SessionRecord, content: ReportContent, language: Language, generatedAt: Date) {
        let s = ReportStrings(language)
        let questions = record.questions.sorted { $0.position < $1.position }.map {
            SessionReport.question($0, content: content, strings: s)
        }
        let graded = questions.filter { $0.score != nil }
        let average = graded.isEmpty ? nil : ReportFormatting.round1(graded.compactMap(\.score).reduce(0, +) / Double(graded.count))

        let framework = FrameworkStep.allCases.map { step -> StepCoverage in
            let entries = graded.compactMap { q in q.framework.first { $0.step == step } }
            let present = entries.filter(\.present).count
            let ratings = entries.compactMap(\.rating)
            return StepCoverage(step: step, name: content.stepName(step, language), present: present, graded: graded.count,
                                share: graded.isEmpty ? 0 : Double(present) / Double(graded.count),
                                averageRating: ratings.isEmpty ? nil : ReportFormatting.round1(Double(ratings.reduce(0, +)) / Double(ratings.count)))
        }
        let categoryIDs = Array(Set(questions.map(\.category))).sorted { content.categoryRank($0) < content.categoryRank($1) }
        let categories = categoryIDs.map { id -> CategoryScore in
            let qs = questions.filter { $0.category == id }
            let scores = qs.compactMap(\.score)
            return CategoryScore(id: id, name: content.categoryName(id, language), questions: qs.count, graded: scores.count,
                                 averageScore: scores.isEmpty ? nil : ReportFormatting.round1(scores.reduce(0, +) / Double(scores.count)))
        }

        self.init(
            schema: SessionReport.schemaVersion, generatedAt: generatedAt, language: language,
            session: Session(id: record.id, kind: record.kind, status: record.status, scenarioID: record.scenarioID,
                             scenarioTitle: record.scenarioTitle.text(language), mode: record.mode,
                             candidate: record.candidate, interviewer: record.interviewer, startedAt: record.startedAt,
                             endedAt: record.endedAt, elapsedSeconds: ReportFormatting.round1(record.elapsedSeconds),
                             totalBudgetSeconds: record.totalBudgetSeconds),
            summary: Summary(questionsTotal: questions.count, questionsAnswered: graded.count,
                             questionsSkipped: questions.filter(\.skipped).count, averageScore: average,
                             grade: average.map { GradeBands.standard.grade(for: $0) },
                             hintsUsed: questions.map(\.hintsUsed).reduce(0, +),
                             questionsOverBudget: questions.filter(\.overBudget).count,
                             framework: framework, categories: categories),
            questions: questions,
            recommendation: record.recommendation.map {
                RecommendationEntry(verdict: $0.verdict, label: s.verdict($0.verdict), justification: $0.justification)
            })
    }

    private static func question(_ q: QuestionRecord, content: ReportContent, strings s: ReportStrings) -> Question {
        let language = s.language
        let overrides = q.marks?.conceptOverrides ?? [:]
        func concept(_ c: ConceptResult) -> ConceptEntry {
            ConceptEntry(id: c.id, label: content.conceptLabel(question: q.questionID, concept: c.id, language) ?? c.label,
                         step: c.step, weight: c.weight, required: c.required, evidence: c.evidence,
                         decidedBy: overrides[c.id] == nil ? .scorer : .interviewer)
        }
        let ratings = q.marks?.stepRatings ?? [:]
        let steps: [StepEntry] = q.grade.map { grade in
            FrameworkStep.allCases.map { step in
                let rating = ratings[step]
                return StepEntry(step: step, name: content.stepName(step, language),
                                 present: grade.framework.steps.first { $0.step == step }?.present ?? false,
                                 rating: rating, anchor: rating.map { s.ratingAnchor($0) })
            }
        } ?? []
        return Question(
            position: q.position + 1, id: q.questionID, category: q.category,
            categoryName: content.categoryName(q.category, language),
            question: questionText(q, content: content, language: language),
            score: q.grade.map { ReportFormatting.round1($0.score) }, grade: q.grade?.grade,
            skipped: q.skipped, hintsUsed: q.hintsUsed, secondsUsed: ReportFormatting.round1(q.secondsUsed),
            budgetSeconds: q.budgetSeconds, overBudget: q.overran,
            conceptsHit: q.grade?.concepts.filter(\.hit).map(concept) ?? [],
            conceptsMissed: q.grade?.concepts.filter { !$0.hit }.map(concept) ?? [],
            misconceptions: q.grade?.misconceptions.map { m in
                let named = content.misconception(question: q.questionID, id: m.id, language)
                return MisconceptionEntry(id: m.id, claim: named?.claim ?? m.claim, correction: named?.correction ?? m.correction,
                                          penalty: m.penalty)
            } ?? [],
            framework: steps, flags: q.grade?.flags ?? [], feedback: q.grade?.feedback.map(\.text) ?? [],
            transcript: q.turns.map { TranscriptEntry(kind: $0.kind, prompt: $0.prompt, text: $0.text, step: $0.step, at: $0.at) },
            interviewer: q.marks.map {
                InterviewerEntry(note: $0.note, overrides: $0.conceptOverrides, misconceptionsMarked: $0.misconceptions)
            })
    }

    /// The question as asked (kept in the record), else the content's text, else the id.
    private static func questionText(_ q: QuestionRecord, content: ReportContent, language: Language) -> String {
        if let asked = q.question, !asked.isEmpty { return asked.text(language) }
        return content.questionText(q.questionID, language) ?? q.questionID
    }
}
