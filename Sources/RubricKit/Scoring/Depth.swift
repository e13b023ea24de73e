/// How much an answer says about the concepts it names: the words it spends per concept named,
/// against what the rubric's reference answers in the answer's language spend (the least of them,
/// so that adding a long alternative never makes answers shallower). Naming eleven concepts in
/// sixty characters is an outline, not an explanation; a reference written as one short sentence
/// (a drafted rubric's) makes nearly every answer deep enough.
struct Depth {
    var answerWordsPerConcept: Double = 0
    var referenceWordsPerConcept: Double = 0
    /// The answer's words per concept over the reference's; nil when either names no concept.
    var ratio: Double? = nil
    /// The share of coverage kept: 1 at `fullDepth` and deeper, `1 − shallowDiscount` at `shallowDepth`
    /// and shallower, in proportion between.
    var factor: Double = 1

    /// - Parameter conceptsCounted: the concepts hit that count toward the coverage (with a coverage
    ///   target, at most the number that reaches it: naming more earns nothing, so it must not cost).
    init(answerWords: Double, conceptsCounted: Int, references: [ReferenceFeatures], answerIsChinese: Bool,
         policy: ScoringPolicy) {
        guard conceptsCounted > 0 else { return }
        var same: Double? = nil, any: Double? = nil
        for r in references {
            guard let w = r.wordsPerConcept, w > 0 else { continue }
            any = min(any ?? w, w)
            if r.isChinese == answerIsChinese { same = min(same ?? w, w) }
        }
        guard let reference = same ?? any else { return }
        answerWordsPerConcept = answerWords / Double(conceptsCounted)
        referenceWordsPerConcept = reference
        let r = answerWordsPerConcept / reference
        ratio = r
        let span = policy.fullDepth - policy.shallowDepth
        let shortfall = span > 0 ? min(1, max(0, (policy.fullDepth - r) / span)) : (r < policy.fullDepth ? 1 : 0)
        factor = min(1, max(0, 1 - policy.shallowDiscount * shortfall))
    }

    /// Whether the discount is large enough to tell the candidate (and to flag): at least
    /// `shallowFlagDiscount` of the coverage.
    func isShallow(_ policy: ScoringPolicy) -> Bool { factor <= 1 - policy.shallowFlagDiscount }
}
