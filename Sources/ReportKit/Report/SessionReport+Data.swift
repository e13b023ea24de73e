import Foundation
import RubricKit

extension SessionReport {
    /// The report as JSON: this type with sorted keys, ISO 8601 dates, pretty-printed; ends with a newline.
    public func json() throws -> String {
        String(decoding: try ReportFormatting.jsonEncoder().encode(self), as: UTF8.self) + "\n"
    }

    /// Reads a report written by `json()`; rejects other schema versions.
    public static func decode(json: Data) throws -> SessionReport {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let report = try decoder.decode(SessionReport.self, from: json)
        guard report.schema == schemaVersion else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "report schema \(report.schema) is not \(schemaVersion)"))
        }
        return report
    }

    /// The CSV columns, in order.
    public static let csvHeader = [
        "session_id", "kind", "scenario", "candidate", "interviewer", "started_at", "position", "question_id",
        "category", "question", "score", "grade", "skipped", "hints_used", "seconds_used", "budget_seconds",
        "over_budget", "concepts_hit", "concepts_missed", "misconceptions", "steps_present",
    ] + FrameworkStep.allCases.map { "rating_\($0.rawValue)" } + [
        "interviewer_note", "answer", "recommendation", "justification",
    ]

    /// The report as CSV (RFC 4180), one row per question; session fields repeat on every row.
    public func csv(byteOrderMark: Bool = false) -> String {
        var table = CSVTable(header: SessionReport.csvHeader)
        let iso = ISO8601DateFormatter()
        for q in questions {
            let ratings = FrameworkStep.allCases.map { step in
                q.framework.first { $0.step == step }?.rating.map(String.init) ?? ""
            }
            let answer = q.transcript.filter { $0.kind != .hint }
                .map { ($0.prompt.map { "[\($0)] " } ?? "") + $0.text }.joined(separator: "\n")
            table.append([
                session.id, session.kind.rawValue, session.scenarioID, session.candidate ?? "", session.interviewer ?? "",
                iso.string(from: session.startedAt), String(q.position), q.id, q.category, q.question,
                q.score.map(ReportFormatting.score) ?? "", q.grade?.rawValue ?? "", q.skipped ? "true" : "false",
                String(q.hintsUsed), ReportFormatting.score(q.secondsUsed), String(q.budgetSeconds),
                q.overBudget ? "true" : "false",
                q.conceptsHit.map(\.label).joined(separator: "; "),
                q.conceptsMissed.map(\.label).joined(separator: "; "),
                q.misconceptions.map(\.claim).joined(separator: "; "),
                q.framework.filter(\.present).map(\.step.rawValue).joined(separator: " "),
            ] + ratings + [
                q.interviewer?.note ?? "", answer,
                recommendation?.verdict.rawValue ?? "", recommendation?.justification ?? "",
            ])
        }
        return table.rendered(byteOrderMark: byteOrderMark)
    }
}
