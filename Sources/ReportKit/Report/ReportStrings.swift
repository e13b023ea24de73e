import Foundation
import InterviewEngine
import RubricKit

/// The fixed words of reports and sheets, in Chinese and English.
public struct ReportStrings: Sendable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    /// `zh` or `en` by the report's language.
    public func t(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    public func defaultStepName(_ step: FrameworkStep) -> String {
        switch step {
        case .confirm: return t("理解确认", "Confirm the question")
        case .core: return t("核心概念", "Core concept")
        case .implementation: return t("具体实现", "Implementation")
        case .application: return t("实际应用", "Application")
        case .optimization: return t("优化思考", "Optimisation")
        }
    }

    /// The anchors of the 1–4 step rating scale.
    public func ratingAnchor(_ rating: Int) -> String {
        switch rating {
        case 1: return t("缺失", "absent")
        case 2: return t("薄弱", "weak")
        case 3: return t("扎实", "solid")
        case 4: return t("出色", "strong")
        default: return "?"
        }
    }

    /// `1 = absent · 2 = weak · 3 = solid · 4 = strong`.
    public var ratingScale: String {
        (1...4).map { "\($0) = \(ratingAnchor($0))" }.joined(separator: " · ")
    }

    public func verdict(_ v: Recommendation.Verdict) -> String {
        switch v {
        case .strongNo: return t("强烈不推荐 (Strong No)", "Strong No")
        case .no: return t("不推荐 (No)", "No")
        case .yes: return t("推荐 (Yes)", "Yes")
        case .strongYes: return t("强烈推荐 (Strong Yes)", "Strong Yes")
        }
    }

    /// `：` in Chinese text, `: ` in English.
    public var colon: String { t("：", ": ") }

    public func mode(_ m: Scenario.Mode) -> String {
        switch m {
        case .free: return t("自由作答", "free")
        case .guided: return t("分步引导", "guided")
        }
    }

    public func kind(_ k: SessionRecord.Kind) -> String {
        switch k {
        case .practice: return t("自主练习", "practice")
        case .conducted: return t("面试官主持", "interviewer-led")
        }
    }

    public func status(_ s: SessionRecord.Status) -> String {
        switch s {
        case .inProgress: return t("进行中", "in progress")
        case .completed: return t("已完成", "completed")
        case .abandoned: return t("已放弃", "abandoned")
        }
    }

    public func turnKind(_ k: Turn.Kind) -> String {
        switch k {
        case .answer: return t("回答", "answer")
        case .followUp: return t("追问", "follow-up")
        case .guidedStep: return t("引导步骤", "guided step")
        case .hint: return t("提示", "hint")
        case .note: return t("面试官笔记", "interviewer note")
        }
    }
}

/// Number and date formatting that gives the same bytes everywhere.
public enum ReportFormatting {
    /// One decimal, `.` as separator.
    public static func score(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Rounded to one decimal, for JSON.
    public static func round1(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    /// A weight: `2`, `1.5`.
    public static func weight(_ w: Double) -> String { w == w.rounded() ? String(Int(w)) : score(w) }

    public static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// `m:ss`.
    public static func duration(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded()))
        return String(format: "%d:%02d", s / 60, s % 60)
    }

    /// `2026-11-25 14:03` in `timeZone`, with the zone's abbreviation or offset.
    public static func dateTime(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let offset = timeZone.secondsFromGMT(for: date)
        let zone = offset == 0 ? "UTC" : String(format: "UTC%@%02d:%02d", offset < 0 ? "-" : "+", abs(offset) / 3600, abs(offset) % 3600 / 60)
        return String(format: "%04d-%02d-%02d %02d:%02d ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0) + zone
    }

    /// `2026-11-25` in `timeZone`.
    public static func day(_ date: Date, timeZone: TimeZone) -> String {
        String(dateTime(date, timeZone: timeZone).prefix(10))
    }

    /// A JSON encoder with sorted keys, ISO 8601 dates and no escaped slashes.
    public static func jsonEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
