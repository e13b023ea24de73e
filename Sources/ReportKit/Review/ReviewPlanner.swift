import Foundation
import InterviewEngine
import RubricKit

/// A spaced-repetition schedule on concepts: which questions to practise again.
///
/// Every graded question of every session is a review of each of its concepts (hit or missed). A concept the
/// candidate has missed at least once gets a box: the number of hits in a row since its last miss. The box
/// sets the interval before the next review (`intervals`, in days): a concept just missed is due at once, and
/// each further hit in a row pushes its next review further out (1, 3, 7, 14, 30 days). A concept is due once
/// its interval has passed since it was last practised. Its urgency is
/// `miss rate × weight × (1 + days since practised) / (1 + interval)`, so concepts missed more often, weighing
/// more and left longer come first. A question's priority is the sum of the urgencies of its due concepts; the
/// plan takes the highest, ties to the question practised longest ago, then by id.
public struct ReviewPlanner: Sendable {
    /// Days before the next review, by box (hits in a row since the last miss); the last repeats.
    public var intervals: [Double]

    public init(intervals: [Double] = [0, 1, 3, 7, 14, 30]) {
        self.intervals = intervals.isEmpty ? [1] : intervals
    }

    /// The schedule of every concept ever missed, as of `now`.
    public func concepts(in records: [SessionRecord], now: Date) -> [ConceptSchedule] {
        struct Review { var at: Date; var hit: Bool; var weight: Double; var label: String }
        var history: [ConceptKey: [Review]] = [:]
        for record in records {
            for q in record.questions {
                guard let grade = q.grade else { continue }
                let at = ReviewPlanner.practisedAt(q, in: record)
                for c in grade.concepts {
                    history[ConceptKey(question: q.questionID, concept: c.id), default: []]
                        .append(Review(at: at, hit: c.hit, weight: c.weight, label: c.label))
                }
            }
        }
        var out: [ConceptSchedule] = []
        for (key, reviews) in history {
            let sorted = reviews.sorted { $0.at < $1.at }
            let misses = sorted.filter { !$0.hit }.count
            guard misses > 0, let last = sorted.last else { continue }
            let box = sorted.reversed().prefix { $0.hit }.count
            let interval = intervals[min(box, intervals.count - 1)]
            let due = last.at.addingTimeInterval(interval * 86_400)
            let elapsedDays = max(0, now.timeIntervalSince(last.at) / 86_400)
            let missRate = Double(misses) / Double(sorted.count)
            out.append(ConceptSchedule(
                question: key.question, concept: key.concept, label: last.label, weight: last.weight,
                reviews: sorted.count, misses: misses, box: box, intervalDays: interval,
                lastPractised: last.at, dueAt: due, isDue: due <= now,
                urgency: ReportFormatting.round3(missRate * last.weight * (1 + elapsedDays) / (1 + interval))))
        }
        return out.sorted { ($0.question, $0.concept) < ($1.question, $1.concept) }
    }

    /// Up to `limit` questions to review now, most urgent first; `available` (the content's question ids)
    /// leaves out questions the content no longer has.
    public func plan(records: [SessionRecord], now: Date, limit: Int, available: Set<String>? = nil) -> ReviewPlan {
        let all = concepts(in: records, now: now).filter { available?.contains($0.question) ?? true }
        let due = all.filter(\.isDue)
        let byQuestion = Dictionary(grouping: due, by: \.question)
        let items = byQuestion.map { id, concepts in
            ReviewPlan.Item(question: id, priority: ReportFormatting.round3(concepts.map(\.urgency).reduce(0, +)),
                            lastPractised: concepts.map(\.lastPractised).max() ?? now,
                            concepts: concepts.sorted { ($1.urgency, $0.concept) < ($0.urgency, $1.concept) })
        }.sorted { a, b in
            if a.priority != b.priority { return a.priority > b.priority }
            if a.lastPractised != b.lastPractised { return a.lastPractised < b.lastPractised }
            return a.question < b.question
        }
        let notDue = all.filter { !$0.isDue }
        return ReviewPlan(items: Array(items.prefix(max(0, limit))), nextDueAt: notDue.map(\.dueAt).min(),
                          conceptsTracked: all.count)
    }

    /// When a question was practised: its last turn, else the session's start.
    static func practisedAt(_ q: QuestionRecord, in record: SessionRecord) -> Date {
        q.turns.map(\.at).max() ?? record.startedAt
    }
}

struct ConceptKey: Hashable { var question: String; var concept: String }

/// Where one concept stands in the schedule.
public struct ConceptSchedule: Sendable, Equatable, Codable {
    public var question: String
    public var concept: String
    public var label: String
    public var weight: Double
    public var reviews: Int
    public var misses: Int
    /// Hits in a row since the last miss.
    public var box: Int
    public var intervalDays: Double
    public var lastPractised: Date
    public var dueAt: Date
    public var isDue: Bool
    public var urgency: Double
}

/// The questions to review, most urgent first.
public struct ReviewPlan: Sendable, Equatable, Codable {
    public struct Item: Sendable, Equatable, Codable {
        public var question: String
        public var priority: Double
        public var lastPractised: Date
        /// The due concepts that put the question in the plan, most urgent first.
        public var concepts: [ConceptSchedule]
    }
    public var items: [Item]
    /// The earliest time a not-yet-due concept becomes due.
    public var nextDueAt: Date?
    /// Concepts ever missed (due or not).
    public var conceptsTracked: Int

    public var questionIDs: [String] { items.map(\.question) }
}

extension ReportFormatting {
    /// Rounded to three decimals.
    public static func round3(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
