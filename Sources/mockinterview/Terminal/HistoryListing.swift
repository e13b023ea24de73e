import Foundation
import InterviewEngine
import RubricKit

/// The sessions as `history` shows them. JSON is `schema` 1, keys sorted.
struct HistoryListing: Codable, Equatable {
    static let schemaVersion = 1

    struct Entry: Codable, Equatable {
        var id: String
        /// ISO 8601, UTC.
        var startedAt: String
        var kind: String
        var scenario: String
        var scenarioTitle: LocalizedText
        var mode: String
        var questionsAnswered: Int
        var questionCount: Int
        var averageScore: Double?
        var averageGrade: Grade?
        var status: String
        var elapsedSeconds: Double
        var candidate: String?
    }

    var schema: Int
    var sessions: [Entry]

    init(records: [SessionRecord]) {
        schema = HistoryListing.schemaVersion
        let iso = ISO8601DateFormatter()
        sessions = records.map { r in
            let average = r.averageScore.map { ($0 * 10).rounded() / 10 }
            return Entry(id: r.id, startedAt: iso.string(from: r.startedAt), kind: r.kind.rawValue, scenario: r.scenarioID,
                         scenarioTitle: r.scenarioTitle, mode: r.mode.rawValue, questionsAnswered: r.answeredQuestions.count,
                         questionCount: r.questions.count, averageScore: average,
                         averageGrade: average.map { GradeBands.standard.grade(for: $0) }, status: r.status.rawValue,
                         elapsedSeconds: (r.elapsedSeconds * 10).rounded() / 10, candidate: r.candidate)
        }
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// A table; dates in `timeZone`.
    func text(_ t: Localizer, timeZone: TimeZone = .current) -> String {
        guard !sessions.isEmpty else {
            return t("还没有练习记录。开始一次：mockinterview practice quick", "No sessions yet. Start one with: mockinterview practice quick")
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        let iso = ISO8601DateFormatter()
        let header = [t("编号", "ID"), t("日期", "DATE"), t("场景", "SCENARIO"), t("类型", "KIND"), t("模式", "MODE"),
                      t("已答", "ANSWERED"), t("平均分", "AVERAGE"), t("状态", "STATUS")]
        let rows = sessions.map { e -> [String] in
            [e.id, iso.date(from: e.startedAt).map(formatter.string) ?? e.startedAt, e.scenario,
             e.kind == "practice" ? t("练习", "practice") : t("面试官主持", "conducted"),
             e.mode == "guided" ? t("分步", "guided") : t("自由", "free"),
             "\(e.questionsAnswered)/\(e.questionCount)",
             e.averageScore.map { "\(Localizer.score($0)) \(e.averageGrade?.rawValue ?? "")" } ?? "—",
             status(e.status, t)]
        }
        let widths = header.indices.map { i in ([header] + rows).map { TextWidth.columns($0[i]) }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in i == cells.count - 1 ? c : TextWidth.pad(c, to: widths[i]) }.joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }

    private func status(_ raw: String, _ t: Localizer) -> String {
        switch raw {
        case "completed": return t("已完成", "completed")
        case "in-progress": return t("未完成", "in progress")
        case "abandoned": return t("已放弃", "abandoned")
        default: return raw
        }
    }
}
