import Foundation

/// The `list` command's data: scenarios and questions. Schema version 1 in JSON.
public struct ContentListing: Sendable, Codable, Equatable {
    public static let schemaVersion = 1

    public struct ScenarioRow: Sendable, Codable, Equatable {
        public var id: String
        public var title: LocalizedText
        public var questions: Int
        public var seconds: Int
        public var mode: Scenario.Mode
    }

    public struct QuestionRow: Sendable, Codable, Equatable {
        public var id: String
        public var category: String
        public var question: LocalizedText
        public var concepts: Int
    }

    public var schema: Int
    public var scenarios: [ScenarioRow]
    public var questions: [QuestionRow]

    public init(bank: ContentBank) {
        schema = Self.schemaVersion
        scenarios = bank.scenarios.map {
            ScenarioRow(id: $0.id, title: $0.title, questions: bank.questions(for: $0).count,
                        seconds: $0.totalSeconds, mode: $0.mode)
        }
        questions = bank.rubrics.map {
            QuestionRow(id: $0.id, category: $0.category, question: $0.question, concepts: $0.concepts.count)
        }
    }

    public func json() throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(self), as: UTF8.self)
    }

    public func text(language: Language) -> String {
        var lines: [String] = []
        lines.append(language == .zh ? "场景（\(scenarios.count)）" : "Scenarios (\(scenarios.count))")
        let idWidth = max(8, scenarios.map(\.id.count).max() ?? 0)
        let titleWidth = scenarios.map { TextWidth.columns($0.title.text(language)) }.max() ?? 0
        for s in scenarios {
            let minutes = Double(s.seconds) / 60
            let time = minutes == minutes.rounded() ? "\(Int(minutes))" : String(format: "%.1f", minutes)
            let count: String
            switch language {
            case .zh: count = "\(s.questions) 题，\(time) 分钟"
            case .en: count = "\(s.questions) question\(s.questions == 1 ? "" : "s"), \(time) min"
            }
            let title = s.title.text(language)
            let pad = String(repeating: " ", count: titleWidth - TextWidth.columns(title))
            lines.append("  " + s.id.padding(toLength: idWidth, withPad: " ", startingAt: 0) + "  " + title + pad + "  " + count)
        }
        lines.append("")
        lines.append(language == .zh ? "题目（\(questions.count)）" : "Questions (\(questions.count))")
        let qWidth = max(8, questions.map(\.id.count).max() ?? 0)
        for q in questions {
            lines.append("  " + q.id.padding(toLength: qWidth, withPad: " ", startingAt: 0) + "  " + q.question.text(language))
        }
        return lines.joined(separator: "\n")
    }
}
