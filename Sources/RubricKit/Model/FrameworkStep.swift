/// The five steps of the answer framework, in the order a good answer takes them.
public enum FrameworkStep: String, Sendable, Codable, CaseIterable, Comparable {
    /// 理解确认: restate the question.
    case confirm
    /// 核心概念: the core idea first.
    case core
    /// 具体实现: the mechanism in detail.
    case implementation
    /// 实际应用: real-world use, project experience.
    case application
    /// 优化思考: trade-offs, improvements.
    case optimization

    public var order: Int { FrameworkStep.allCases.firstIndex(of: self)! }
    public static func < (a: FrameworkStep, b: FrameworkStep) -> Bool { a.order < b.order }

    /// Steps a rubric concept can belong to (`confirm` is shown by cues only).
    public static let conceptSteps: [FrameworkStep] = [.core, .implementation, .application, .optimization]
}
