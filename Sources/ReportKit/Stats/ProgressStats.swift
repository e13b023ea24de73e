import Foundation
import InterviewEngine
import RubricKit

/// Progress across sessions: score trend per category, concepts most often missed, framework steps most
/// often absent, time per question. JSON is this type encoded (schema 1, see docs/reports.md).
public struct ProgressStats: Sendable, Equatable, Codable {
    public static let schemaVersion = 1

    public var schema: Int
    public var generatedAt: Date
    public var language: Language
    /// Sessions with at least one graded question.
    public var sessions: Int
    public var questionsGraded: Int
    public var averageScore: Double?
    public var categories: [CategoryTrend]
    public var missedConcepts: [MissedConcept]
    public var absentSteps: [StepAbsence]
    public var timePerQuestion: [QuestionTime]

    public struct CategoryTrend: Sendable, Equatable, Codable {
        public var id: String
        public var name: String
        /// One point per session that graded a question of the category, oldest first.
        public var points: [TrendPoint]
        /// Last point's score minus the first's, one decimal; nil with fewer than two points.
        public var change: Double?
        public var averageScore: Double
    }

    public struct TrendPoint: Sendable, Equatable, Codable {
        public var session: String
        public var date: Date
        public var averageScore: Double
        public var questions: Int
    }

    public struct MissedConcept: Sendable, Equatable, Codable {
        public var question: String
        public var concept: String
        public var label: String
        public var missed: Int
        public var asked: Int
        public var rate: Double
    }

    public struct StepAbsence: Sendable, Equatable, Codable {
        public var step: FrameworkStep
        public var name: String
        public var absent: Int
        public var graded: Int
        public var share: Double
    }

    public struct QuestionTime: Sendable, Equatable, Codable {
        public var question: String
        public var text: String
        public var answered: Int
        public var averageSeconds: Double
        public var budgetSeconds: Int
        public var overBudget: Int
    }
}

extension ProgressStats {
    /// Statistics over `records` (any order); `topConcepts` limits the missed-concepts list.
    public init(records: [SessionRecord], content: ReportContent, language: Language, generatedAt: Date, topConcepts: Int = 10) {
        let sessions = records.filter { $0.questions.contains { $0.grade != nil } }
            .sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
        let graded = sessions.flatMap { r in r.questions.filter { $0.grade != nil }.map { (r, $0) } }
        let scores = graded.compactMap { $0.1.grade?.score }

        // Trend per category: one point per session.
        var trends: [String: [TrendPoint]] = [:]
        for r in sessions {
            let byCategory = Dictionary(grouping: r.questions.filter { $0.grade != nil }, by: \.category)
            for (cat, qs) in byCategory {
                let s = qs.compactMap { $0.grade?.score }
                trends[cat, default: []].append(TrendPoint(session: r.id, date: r.startedAt,
                                                           averageScore: ReportFormatting.round1(s.reduce(0, +) / Double(s.count)),
                                                           questions: qs.count))
            }
        }
        let categories = trends.keys.sorted { content.categoryRank($0) < content.categoryRank($1) }.map { id -> CategoryTrend in
            let points = trends[id] ?? []
            let all = graded.filter { $0.1.category == id }.compactMap { $0.1.grade?.score }
            return CategoryTrend(id: id, name: content.categoryName(id, language), points: points,
                                 change: points.count >= 2 ? ReportFormatting.round1((points.last?.averageScore ?? 0) - (points.first?.averageScore ?? 0)) : nil,
                                 averageScore: ReportFormatting.round1(all.reduce(0, +) / Double(max(all.count, 1))))
        }

        // Concepts most often missed.
        var conceptCounts: [ConceptKey: (missed: Int, asked: Int, label: String)] = [:]
        for (_, q) in graded {
            for c in q.grade?.concepts ?? [] {
                let key = ConceptKey(question: q.questionID, concept: c.id)
                var entry = conceptCounts[key] ?? (0, 0, content.conceptLabel(question: q.questionID, concept: c.id, language) ?? c.label)
                entry.asked += 1
                if !c.hit { entry.missed += 1 }
                conceptCounts[key] = entry
            }
        }
        let missed = conceptCounts.filter { $0.value.missed > 0 }.map { key, v in
            MissedConcept(question: key.question, concept: key.concept, label: v.label, missed: v.missed, asked: v.asked,
                          rate: ReportFormatting.round3(Double(v.missed) / Double(v.asked)))
        }.sorted { a, b in
            (b.missed, b.rate, a.question, a.concept) < (a.missed, a.rate, b.question, b.concept)
        }

        // Framework steps most often absent.
        let steps = FrameworkStep.allCases.map { step -> StepAbsence in
            let absent = graded.filter { $0.1.grade?.framework.steps.first { $0.step == step }?.present != true }.count
            return StepAbsence(step: step, name: content.stepName(step, language), absent: absent, graded: graded.count,
                               share: graded.isEmpty ? 0 : ReportFormatting.round3(Double(absent) / Double(graded.count)))
        }.sorted { ($1.share, $0.step) < ($0.share, $1.step) }

        // Time per question.
        let byQuestion = Dictionary(grouping: graded.map(\.1), by: \.questionID)
        let times = byQuestion.keys.sorted().map { id -> QuestionTime in
            let qs = byQuestion[id] ?? []
            return QuestionTime(question: id, text: content.questionText(id, language) ?? id, answered: qs.count,
                                averageSeconds: ReportFormatting.round1(qs.map(\.secondsUsed).reduce(0, +) / Double(max(qs.count, 1))),
                                budgetSeconds: qs.last?.budgetSeconds ?? 0, overBudget: qs.filter(\.overran).count)
        }

        self.init(schema: ProgressStats.schemaVersion, generatedAt: generatedAt, language: language,
                  sessions: sessions.count, questionsGraded: graded.count,
                  averageScore: scores.isEmpty ? nil : ReportFormatting.round1(scores.reduce(0, +) / Double(scores.count)),
                  categories: categories, missedConcepts: Array(missed.prefix(topConcepts)), absentSteps: steps,
                  timePerQuestion: times)
    }
}
