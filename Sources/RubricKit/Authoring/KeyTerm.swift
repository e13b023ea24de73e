/// A term drafted from a reference answer: what shows it, and how much it counts.
public struct KeyTerm: Sendable, Equatable, Codable {
    /// The identity of the term: `w:<stem>` for an English word, the characters for Chinese.
    public var key: String
    /// The form shown to authors (the reference's own spelling).
    public var label: String
    /// Forms that show the term in an answer (inflections, spellings seen in the bank).
    public var aliases: [String]
    /// Distinctiveness across the bank (inverse document frequency), demoted for question words.
    public var weight: Double
    /// Whether the question itself already holds the term.
    public var inQuestion: Bool
    /// Whether the reference states it in the negative (`not connected`); aliases then carry the negator.
    public var negated: Bool
    /// The reference's clause holding the term, to teach it.
    public var sentence: String
    /// Where the term first appears in the reference (for stable ordering).
    public var position: Int
    /// A Chinese piece the bank never repeats: a guess at a word boundary.
    public var guessed: Bool = false
    /// More forms of an English word that its stem does not join (`high` for `higher`): aliases too,
    /// unless another term of the rubric already uses them.
    public var forms: [String] = []

    public init(key: String, label: String, aliases: [String], weight: Double, inQuestion: Bool,
                negated: Bool, sentence: String, position: Int) {
        self.key = key; self.label = label; self.aliases = aliases; self.weight = weight
        self.inQuestion = inQuestion; self.negated = negated; self.sentence = sentence; self.position = position
    }

    public var isChinese: Bool { !key.hasPrefix("w:") }
}
