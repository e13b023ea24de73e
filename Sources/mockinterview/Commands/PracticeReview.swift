import Foundation
import InterviewEngine
import ReportKit
import RubricKit
import SessionStore

/// `practice --review`: a session of the questions whose concepts the candidate misses most, spaced by how
/// long ago each was last practised (ReviewPlanner's schedule over the past practice sessions).
enum PracticeReview {
    /// Questions per review session.
    static let questionCount = 5
    /// Seconds per question when the template scenario sets none.
    static let defaultBudget = 180

    /// The review scenario and its questions. Prints why and exits 0 when nothing is due.
    static func plan(bank: ContentBank, store: SessionStore, template: Scenario?, language: Language,
                     now: Date) throws -> (scenario: Scenario, questions: [Rubric]) {
        let records = try SessionStoreAccess.run { try store.list() }.filter { $0.kind == .practice }
        let plan = ReviewPlanner().plan(records: records, now: now, limit: questionCount,
                                        available: Set(bank.rubrics.map(\.id)))
        let zh = language == .zh
        guard !plan.items.isEmpty else {
            if plan.conceptsTracked == 0 {
                Console.shared.out(zh ? "还没有可复习的内容：先完成一次练习，遗漏的要点会在这里安排复习。"
                                      : "Nothing to review yet: practise first; the concepts you miss are scheduled here.")
            } else if let next = plan.nextDueAt {
                let when = ReportFormatting.dateTime(next, timeZone: .current)
                Console.shared.out(zh ? "现在没有到期的复习。下一次复习时间：\(when)。"
                                      : "Nothing is due for review now. The next review is due \(when).")
            }
            throw Exit.success
        }
        let questions = plan.items.compactMap { bank.rubric($0.question) }
        let budget = template?.perQuestionSeconds ?? defaultBudget
        Console.shared.out(zh ? "复习：\(questions.count) 道题，按遗漏最多、最久未练的要点排序。"
                              : "Review: \(questions.count) question\(questions.count == 1 ? "" : "s"), by the concepts missed most and practised longest ago.")
        for item in plan.items {
            let concepts = item.concepts.prefix(3).map {
                bank.rubric(item.question)?.concept($0.concept)?.label.text(language) ?? $0.label
            }.joined(separator: zh ? "；" : "; ")
            Console.shared.out("  • \(item.question)\(zh ? "：" : ": ")\(concepts)")
        }
        let scenario = Scenario(
            id: "review", title: LocalizedText(zh: "复习：常漏的要点", en: "Review: the concepts you miss"),
            description: LocalizedText(zh: "根据以往练习中遗漏的要点安排的复习。", en: "A review built from the concepts you missed in past sessions."),
            selection: QuestionSelection(ids: questions.map(\.id)), order: .listed,
            totalSeconds: budget * questions.count, perQuestionSeconds: budget,
            mode: template?.mode ?? .free, maxFollowUps: template?.maxFollowUps ?? 1, hintPenalty: template?.hintPenalty ?? 5)
        return (scenario, questions)
    }
}
