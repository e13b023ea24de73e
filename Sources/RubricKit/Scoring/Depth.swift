/// How much an answer says about the concepts it names: the words it spends per concept named,
/// against what the rubric's reference answer in the answer's language spends (the deepest, when
/// several are). Naming eleven concepts in sixty characters is an outline, not an explanation;
/// a reference written as one short sentence (a drafted rubric's) makes every answer deep enough.
struct Depth {
    var answerWordsPerConcept: Double = 0
    var referenceWordsPerConcept: Double = 0
    /// The answer's words per concept over the reference's; nil when either names no concept.
    var ratio: Double? = nil
    /// The share of coverage kept: 1 at `fullDepth` and deeper, `1 − shallowDiscount` at `shallowDepth`
    /// and shallower, in proportion between.
    var factor: Double = 1

    init(answerWords: Double, conceptsHit: Int, references: [ReferenceFeatures], answerIsChinese: Bool,
         policy: ScoringPolicy) {
        guard conceptsHit > 0 else { return }
        var same: Double? = nil, any: Double? = nil
        for r in references {
            guard let w = r.wordsPerConcept else { continue }
            any = max(any ?? w, w)
            if r.isChinese == answerIsChinese { same = max(same ?? w, w) }
        }
        guard let reference = same ?? any, reference > 0 else { return }
        answerWordsPerConcept = answerWords / Double(conceptsHit)
        referenceWordsPerConcept = reference
        let r = answerWordsPerConcept / reference
        ratio = r
        let span = policy.fullDepth - policy.shallowDepth
        let shortfall = span > 0 ? min(1, max(0, (policy.fullDepth - r) / span)) : (r < policy.fullDepth ? 1 : 0)
        factor = 1 - policy.shallowDiscount * shortfall
    }
}
