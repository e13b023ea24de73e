import RubricKit

/// Picks the interface text in the chosen language. Content keeps its own language.
struct Localizer: Sendable {
    let language: Language

    /// `t("中文", "English")`.
    func callAsFunction(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    func text(_ localized: LocalizedText) -> String { localized.text(language) }

    /// A count with its unit: `3 道题`; `1 question`, `3 questions` (`plural` defaults to `singular` + "s").
    func count(_ n: Int, zh unit: String, en singular: String, plural: String? = nil) -> String {
        language == .zh ? "\(n) \(unit)" : "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }

    /// `2:05`, or `1:02:05` past an hour.
    static func duration(_ seconds: Double) -> String {
        let total = Int(max(0, seconds).rounded())
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        let ss = s < 10 ? "0\(s)" : "\(s)"
        if h > 0 { return "\(h):\(m < 10 ? "0\(m)" : "\(m)"):\(ss)" }
        return "\(m):\(ss)"
    }

    static func score(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    func stepName(_ step: FrameworkStep, framework: Framework) -> String {
        if let s = framework.step(step) { return text(s.name) }
        return step.rawValue
    }

    func modeName(_ mode: Scenario.Mode) -> String {
        switch mode {
        case .free: return self("自由作答", "free")
        case .guided: return self("分步引导", "guided")
        }
    }
}
