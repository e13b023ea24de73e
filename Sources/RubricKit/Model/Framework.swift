/// The five-step answer framework and the bonus habits. Format version 1.
public struct Framework: Sendable, Equatable, Codable {
    public static let formatVersion = 1

    public struct Step: Sendable, Equatable, Codable {
        public var id: FrameworkStep
        public var name: LocalizedText
        /// Phrases that show the step is present.
        public var cues: [String]
        /// What guided mode asks for this step.
        public var prompt: LocalizedText
        public var tip: LocalizedText
        public init(id: FrameworkStep, name: LocalizedText, cues: [String], prompt: LocalizedText, tip: LocalizedText) {
            self.id = id; self.name = name; self.cues = cues; self.prompt = prompt; self.tip = tip
        }
    }

    public struct Habit: Sendable, Equatable, Codable {
        public var id: String
        public var name: LocalizedText
        public var cues: [String]
        public var tip: LocalizedText
        public init(id: String, name: LocalizedText, cues: [String], tip: LocalizedText) {
            self.id = id; self.name = name; self.cues = cues; self.tip = tip
        }
    }

    public var steps: [Step]
    public var habits: [Habit]
    /// Phrases of an honest "I don't know".
    public var dontKnow: [String]

    public init(steps: [Step], habits: [Habit] = [], dontKnow: [String] = []) {
        self.steps = steps; self.habits = habits; self.dontKnow = dontKnow
    }

    public func step(_ id: FrameworkStep) -> Step? { steps.first { $0.id == id } }
}
