import Synchronization

/// Grades free-text answers against rubrics. Deterministic; safe to share across threads.
///
/// The score (0–100) is, before penalties and caps:
/// `100 × (wc × (coverage × depth)^γ + ws × structure + wsim × similarity)` — see `ScoringPolicy` and docs/scoring.md.
public struct RubricScorer: Sendable {
    public let framework: Framework
    public let policy: ScoringPolicy
    /// The language of the feedback and labels; nil for each rubric's own.
    public let language: Language?
    private let cache: CompiledRubricCache

    public init(framework: Framework, policy: ScoringPolicy = .standard, language: Language? = nil) {
        self.framework = framework
        self.policy = policy
        self.language = language
        self.cache = CompiledRubricCache()
    }

    /// Prepares `rubric` for grading; reuse the result for many answers.
    public func compile(_ rubric: Rubric) -> CompiledRubric {
        CompiledRubric(rubric: rubric, framework: framework, language: language)
    }

    /// Grades `answer`, compiling `rubric` on first use and reusing it after.
    public func grade(_ answer: String, against rubric: Rubric) -> AnswerGrade {
        grade(answer, compiled: cache.compiled(rubric) { compile(rubric) })
    }

    public func grade(_ answer: String, compiled: CompiledRubric) -> AnswerGrade {
        evaluate(AnswerAnalysis(answer: answer, compiled: compiled), compiled, traced: false).grade
    }

    /// Grades the answer whose valid UTF-8 is `answer` (a batch line's, never made a `String`).
    func grade(utf8 answer: [UInt8], compiled: CompiledRubric) -> AnswerGrade {
        evaluate(AnswerAnalysis(utf8: answer, compiled: compiled), compiled, traced: false).grade
    }

    /// The grade with every step that led to it (for `rubric explain`).
    public func explain(_ answer: String, compiled: CompiledRubric) -> ScoringTrace {
        evaluate(AnswerAnalysis(answer: answer, compiled: compiled), compiled, traced: true)
    }

    // MARK: - The pipeline

    /// The grade of the answer analysed in `a`.
    func evaluate(_ a: AnswerAnalysis, _ compiled: CompiledRubric, traced: Bool) -> ScoringTrace {
        let rubric = compiled.rubric
        let kinds = compiled.kinds
        func text(_ h: TokenAutomaton.Hit) -> String { a.text(h.first, h.last) }
        let byBytes = a.tokens.comparesByBytes // texts of the answer compare by their bytes

        // The hits read once for all that needs no result of scoring: reporting cues, misconception
        // phrases not negated, framework cues, habits, "I don't know".
        let allSteps = FrameworkStep.allCases
        var reporting: [Bool]? = nil // per sentence, made on the first cue
        // Misconception `m`'s hits in group `m`, step `k`'s cues in group `stepGroup + k`: one
        // counting sort for both, its entries reserved at one per hit (they grew from one).
        let stepGroup = rubric.misconceptions.count
        var cueEntries: [(group: Int, hit: Int)] = []
        cueEntries.reserveCapacity(a.hits.count)
        var habitHits = [Bool](filled: false, count: framework.habits.count)
        var dontKnowHits: [Int] = []
        for (i, h) in a.hits.enumerated() {
            switch kinds[h.pattern] {
            case .reportedClaim:
                if reporting == nil { reporting = [Bool](filled: false, count: (a.sentenceOf.last ?? 0) + 1) }
                reporting![a.sentenceOf[h.first]] = true
            case .misconception(let m, _): if a.negatedBy[i] == nil { cueEntries.append((m, i)) }
            case .stepCue(let s): if let k = allSteps.firstIndex(of: s) { cueEntries.append((stepGroup + k, i)) }
            case .habitCue(let x): if x < habitHits.count { habitHits[x] = true }
            case .dontKnow: dontKnowHits.append(i)
            default: break
            }
        }

        // 1. Misconceptions: every group in one sentence, none negated, the sentence not reporting
        // or refuting the claim (`很多人以为…`, `…的说法不对`).
        if let reporting {
            cueEntries.removeAll { [hits = a.hits, sentenceOf = a.sentenceOf] in
                $0.group < stepGroup && reporting[sentenceOf[hits[$0.hit].first]]
            }
        }
        let cues = HitGroups(groupCount: stepGroup + allSteps.count, cueEntries)
        // The first hit of each group in a sentence (reused from one sentence to the next).
        var first: [Int?] = []
        var misconceptions: [MisconceptionResult] = []
        // The phrases of the wrong claims made: an alias inside one earns nothing there
        // (`Flannel也支持NetworkPolicy` does not show what NetworkPolicy is for). Only the matched
        // phrases, not the words between a claim's groups, which may say something right.
        var claimed: [(first: Int, last: Int, misconception: Int)] = []
        // (Loops, not closures: a closure capturing the analysis copies all its arrays.)
        var sentences: [Int] = [] // the sentences of a misconception's hits, sorted
        for m in rubric.misconceptions.indices where !cues[m].isEmpty {
            let groupCount = rubric.misconceptions[m].match.count
            guard groupCount > 0 else { continue }
            // The first sentence holding every group, with the first hit of each group in it.
            let hits = cues[m]
            sentences.removeAll(keepingCapacity: true)
            for i in hits { sentences.append(a.sentenceOf[a.hits[i].first]) }
            sentences.sort()
            var found = false
            var previous = -1
            for s in sentences where s != previous {
                previous = s
                first.removeAll(keepingCapacity: true)
                first.append(contentsOf: repeatElement(nil, count: groupCount))
                for i in hits where a.sentenceOf[a.hits[i].first] == s {
                    guard case .misconception(_, let g) = kinds[a.hits[i].pattern], g < first.count else { continue }
                    if first[g] == nil { first[g] = i }
                }
                if !first.contains(nil) { found = true; break }
            }
            guard found else { continue }
            var evidence: [String] = []
            evidence.reserveCapacity(groupCount)
            for case let g? in first {
                claimed.append((a.hits[g].first, a.hits[g].last, m))
                evidence.append(text(a.hits[g]))
            }
            let mis = rubric.misconceptions[m]
            misconceptions.append(MisconceptionResult(id: mis.id, claim: mis.claim.text(compiled.language),
                                                      correction: mis.correction.text(compiled.language),
                                                      penalty: mis.penalty, evidence: evidence))
        }

        // 2. Concepts: aliases and value facts.
        // Per concept, its hits in three groups: aliases (`3c`), negated ones (`3c + 1`), value keys (`3c + 2`).
        let n = rubric.concepts.count
        var conceptEntries: [(group: Int, hit: Int)] = []
        var conceptSpans: [(first: Int, last: Int, concept: Int)] = []
        // Aliases inside a claimed phrase, with the misconception (value keys keep their check: a
        // wrong value is reported as such).
        var insideClaims: [(hit: Int, misconception: Int)] = []
        // At most one entry per hit: room for that many, without growing from one.
        conceptEntries.reserveCapacity(a.hits.count)
        conceptSpans.reserveCapacity(a.hits.count)
        func insideClaim(_ i: Int) -> Bool {
            guard !claimed.isEmpty else { return false }
            let h = a.hits[i]
            guard let m = claimed.first(where: { h.first >= $0.first && h.last <= $0.last })?.misconception else { return false }
            insideClaims.append((i, m))
            return true
        }
        for (i, h) in a.hits.enumerated() {
            switch kinds[h.pattern] {
            case .alias(let c):
                if insideClaim(i) { continue }
                conceptEntries.append((a.negatedBy[i] == nil ? 3 * c : 3 * c + 1, i))
                conceptSpans.append((h.first, h.last, c))
            case .valueKey(let c, _):
                conceptEntries.append((a.negatedBy[i] == nil ? 3 * c + 2 : 3 * c + 1, i))
                conceptSpans.append((h.first, h.last, c))
            case .negatedAlias(let c):
                if insideClaim(i) { continue }
                if let cue = a.negatedBy[i] {
                    conceptEntries.append((3 * c, i))
                    conceptSpans.append((a.hits[cue].first, h.last, c))
                }
            default: break
            }
        }
        let byConcept = HitGroups(groupCount: 3 * n, conceptEntries)
        func aliasHits(_ c: Int) -> ArraySlice<Int> { byConcept[3 * c] }
        func negatedHits(_ c: Int) -> ArraySlice<Int> { byConcept[3 * c + 1] }
        func keyHits(_ c: Int) -> ArraySlice<Int> { byConcept[3 * c + 2] }
        // The answer's lexical features, per token: what explains a concept, and the similarity signal.
        let features = ReferenceFeatures.features(of: a.tokens) { [words = a.words, wordOf = a.wordOf] in words[Int(wordOf[$0])].feature }
        var valueChecks: [ValueCheck] = [] // only the trace reports them
        var concepts: [ConceptResult] = []
        concepts.reserveCapacity(n)
        var wrongValues: [(concept: Int, observed: String, expected: String)] = []
        var seenPatterns: [Int] = []
        // What the rest needs of the results, added up as each is made (reading them back from
        // `concepts`, `contains(where:)` and `filter` copied every `ConceptResult`).
        var earned = 0.0, conceptsHit = 0, anyNegated = false, requiredMissed = false
        for c in rubric.concepts.indices {
            let aliases = aliasHits(c), keys = keyHits(c)
            var evidence: [String] = []
            if !aliases.isEmpty || !keys.isEmpty { evidence.reserveCapacity(5) }
            // One piece of evidence per alias (by pattern), so texts are built and compared only a few times.
            seenPatterns.removeAll(keepingCapacity: true)
            for i in aliases where evidence.count < 5 && !seenPatterns.contains(a.hits[i].pattern) {
                seenPatterns.append(a.hits[i].pattern)
                let h = a.hits[i]
                // A negated alias shows with its negation cue.
                if case .negatedAlias = kinds[h.pattern], let cue = a.negatedBy[i] {
                    Self.addText(a.hits[cue].first, h.last, of: a, to: &evidence, byBytes: byBytes)
                } else {
                    Self.addText(h.first, h.last, of: a, to: &evidence, byBytes: byBytes, known: compiled.patterns[h.pattern].text)
                }
            }
            var credit = aliases.isEmpty ? 0.0 : 1.0
            var note: String? = nil
            var rightValue = false
            if !rubric.concepts[c].values.isEmpty {
                // The facts' credits, summed in fact order (one per fact; no array made per concept).
                var factCredits = 0.0
                for (f, fact) in rubric.concepts[c].values.enumerated() {
                    var verdict: ValueReader.Verdict? = nil
                    var observed = ""
                    for i in keys {
                        let h = a.hits[i]
                        guard case .valueKey(_, let ff) = kinds[h.pattern], ff == f else { continue }
                        let r = ValueReader.read(after: h.last, keyFirst: h.first, tokens: a.tokens,
                                                 accepted: compiled.acceptedValues[c][f])
                        let valueText = r.first.flatMap { first in r.last.map { a.text(first, $0) } }
                        if traced {
                            valueChecks.append(ValueCheck(concept: rubric.concepts[c].id, key: text(h), observed: valueText,
                                                          expected: fact.expected, verdict: r.verdict,
                                                          offset: a.tokens[h.first].start))
                        }
                        switch r.verdict {
                        case .right:
                            verdict = .right
                            rightValue = true
                            Self.addText(h.first, r.last ?? h.last, of: a, to: &evidence, byBytes: byBytes)
                        case .wrong:
                            if verdict != .right { verdict = .wrong; observed = valueText ?? "" }
                        case .missing:
                            if verdict == nil {
                                verdict = .missing
                                Self.addText(h.first, h.last, of: a, to: &evidence, byBytes: byBytes, known: compiled.patterns[h.pattern].text)
                            }
                        }
                    }
                    switch verdict {
                    case .right?: factCredits += 1
                    case .wrong?:
                        wrongValues.append((c, observed, fact.expected))
                        note = "wrong value: \(fact.keys.first ?? "")=\(observed), expected \(fact.expected)"
                    case .missing?: factCredits += aliases.isEmpty ? policy.keyWithoutValueCredit : 1
                    case nil: factCredits += aliases.isEmpty ? 0 : 1
                    }
                }
                credit = factCredits / Double(rubric.concepts[c].values.count)
            }
            if credit == 0 && note == nil && !negatedHits(c).isEmpty { note = "negated" }
            // Named, not explained (a right value explains itself).
            if credit > 0, note == nil, !rightValue, policy.namedOnlyCredit < 1, let teaching = compiled.teachingFeatures[c],
               !Explanation.isExplained(aliases, keys, in: a, features: features,
                                        teaching: teaching, need: policy.explainingFeatures) {
                credit *= max(0, policy.namedOnlyCredit)
                note = Explanation.note
            }
            let rounded = Self.round(credit, 3)
            earned += compiled.conceptWeights[c] * rounded
            if credit > 0 { conceptsHit += 1 } else if compiled.conceptRequired[c] { requiredMissed = true }
            if note == "negated" { anyNegated = true }
            concepts.append(ConceptResult(id: rubric.concepts[c].id, label: compiled.conceptLabels[c], step: rubric.concepts[c].step,
                                          weight: rubric.concepts[c].weight, required: rubric.concepts[c].required, hit: credit > 0,
                                          credit: rounded, evidence: evidence, note: note))
        }
        let totalWeight = compiled.conceptWeights.reduce(0, +)
        // With a coverage target, naming that share of the weight is full coverage.
        let target = rubric.coverageTarget ?? 1
        let coverage = totalWeight > 0 ? min(1, earned / (totalWeight * target)) : 0
        let answerIsChinese = a.length.isMostlyChinese
        // Depth: the words spent per concept named, against the reference in the answer's language.
        // With a coverage target, the concepts beyond what reaches it earn nothing and must not cost.
        let counted = rubric.coverageTarget.map { min(conceptsHit, Int((Double(n) * $0).rounded(.up))) } ?? conceptsHit
        let depth = Depth(answerWords: a.length.wordCount, conceptsCounted: counted,
                          references: compiled.references, answerIsChinese: answerIsChinese, policy: policy)

        // 3. The framework: cues and the steps of the concepts hit.
        var steps: [FrameworkResult.StepResult] = []
        var positions: [(FrameworkStep, Int)] = []
        steps.reserveCapacity(allSteps.count)
        positions.reserveCapacity(allSteps.count)
        for (k, step) in allSteps.enumerated() {
            var evidence: [String] = []
            var position = Int.max
            var seenCues: [Int] = []
            for i in cues[stepGroup + k] {
                position = min(position, a.hits[i].first)
                guard evidence.count < 4, !seenCues.contains(a.hits[i].pattern) else { continue }
                seenCues.append(a.hits[i].pattern)
                Self.addText(a.hits[i].first, a.hits[i].last, of: a, to: &evidence, limit: 4, byBytes: byBytes,
                             known: compiled.patterns[a.hits[i].pattern].text)
            }
            var conceptPosition = Int.max
            for c in concepts.indices where compiled.conceptSteps[c] == step && concepts[c].hit {
                if let first = aliasHits(c).first.map({ a.hits[$0].first }) ?? keyHits(c).first.map({ a.hits[$0].first }) {
                    conceptPosition = min(conceptPosition, first)
                }
                if evidence.count < 4, let e = concepts[c].evidence.first, !AnswerAnalysis.contains(evidence, e, byBytes: byBytes) { evidence.append(e) }
            }
            if position == Int.max { position = conceptPosition }
            let present = position != Int.max
            steps.append(.init(step: step, present: present, evidence: present ? evidence : []))
            if present { positions.append((step, position)) }
        }
        let inOrder = positions.count >= 3 && zip(positions, positions.dropFirst()).allSatisfy { $0.1 <= $1.1 }
        let habits = framework.habits.enumerated().filter { habitHits[$0.offset] }.map(\.element.id)
        let frameworkResult = FrameworkResult(steps: steps, inOrder: inOrder, habits: habits)
        let structure = policy.stepsShare * Double(positions.count) / Double(FrameworkStep.allCases.count)
            + (inOrder ? 1 - policy.stepsShare : 0)

        // 4. Similarity to the standard answer and the alternatives.
        // Only references in the answer's language are compared; with none, similarity is 0.
        let comparable = compiled.references.compactMap { $0.recall(of: features, answerIsChinese: answerIsChinese) }
        let bestRecall = comparable.max() ?? 0
        let similarity = bestRecall.squareRoot()

        // 5. Anti-gaming signals.
        let contentTokens = a.length.contentTokens
        // (The gaps are read only when the concept share can make a dump, or for the trace.)
        let dump = KeywordDumpDetector.measure(spans: conceptSpans, in: a, gapsBelowShare: traced ? nil : policy.dumpMinConceptShare)
        let isDump = conceptsHit >= policy.dumpMinConcepts && dump.isDump(policy)
        // A confident wrong claim is not an honest "I don't know".
        let isDontKnow = !dontKnowHits.isEmpty && coverage < policy.dontKnowMaxCoverage && misconceptions.isEmpty
        let isEmpty = contentTokens == 0

        // 6. Arithmetic.
        let wSim = min(max(rubric.similarityWeight, 0), 1)
        let wStruct = min(policy.structureWeight, 1 - wSim)
        let wCov = max(0, 1 - wSim - wStruct)
        let shapedCoverage = Foundation.pow(coverage * depth.factor, policy.coverageExponent)
        let base = 100 * (wCov * shapedCoverage + wStruct * structure + wSim * similarity)
        let penalties = isDontKnow || isEmpty ? 0 : misconceptions.reduce(0) { $0 + $1.penalty }
        var score = max(0, base - penalties)
        var caps: [String] = []
        var flags: [String] = []
        // Only a cap that lowers the score is listed; the others are left to the trace.
        var idleCaps: [String] = []
        func cap(_ name: String, _ limit: Double) {
            if score > limit { caps.append("\(name): \(Self.format(limit))"); score = limit }
            else if traced { idleCaps.append("\(name): \(Self.format(limit))") }
        }
        let bands = rubric.bands
        if isEmpty { flags.append("empty"); cap("empty", 0) }
        if isDontKnow { flags.append("dont-know"); cap("dont-know", bands.d - 1) }
        if requiredMissed && !isEmpty && !isDontKnow {
            // A missing must-have point keeps the answer out of B, or, in a thorough answer (coverage
            // at least `thoroughCoverage`), out of A: there the "missing" point is often worded in a
            // way no alias has (two blind checks found most too-harsh grades here).
            flags.append("required-missing")
            cap("required-missing", coverage >= policy.thoroughCoverage ? bands.a - 1 : bands.b - 1)
        }
        if isDump && !isDontKnow { flags.append("keyword-dump"); cap("keyword-dump", bands.c + (bands.b - bands.c) / 2) }
        if depth.isShallow(policy) && !isDump && !isDontKnow && !isEmpty { flags.append("shallow") }
        if !misconceptions.isEmpty && penalties > 0 { flags.append("misconception") }
        if !wrongValues.isEmpty { flags.append("wrong-value") }
        if anyNegated { flags.append("negated") }
        score = Self.round(min(100, max(0, score)), 1)
        let grade = bands.grade(for: score)

        let breakdown = ScoreBreakdown(
            coverage: Self.round(100 * shapedCoverage, 1), structure: Self.round(100 * structure, 1),
            similarity: Self.round(100 * similarity, 1), penalties: Self.round(penalties, 1), caps: caps,
            rawCoverage: Self.round(100 * coverage, 1), depthFactor: Self.round(depth.factor, 3),
            weights: .init(coverage: Self.round(wCov, 3), structure: Self.round(wStruct, 3), similarity: Self.round(wSim, 3)),
            base: Self.round(base, 1))

        let feedback = FeedbackWriter(framework: framework, prepared: compiled.feedback).write(
            concepts: concepts, misconceptions: misconceptions, wrongValues: wrongValues.map {
                (rubric.concepts[$0.concept], $0.observed, $0.expected) },
            framework: frameworkResult, flags: flags, dontKnow: isDontKnow || isEmpty)

        let result = AnswerGrade(question: rubric.id, score: score, grade: grade, concepts: concepts,
                                 misconceptions: misconceptions, framework: frameworkResult, flags: flags,
                                 feedback: feedback, breakdown: breakdown)
        guard traced else { return ScoringTrace(grade: result) }

        // The trace, for `rubric explain`.
        var lineStarts = [0]
        for (i, s) in String(decoding: a.utf8, as: UTF8.self).unicodeScalars.enumerated() where s == "\n" { lineStarts.append(i + 1) }
        func position(_ offset: Int) -> (Int, Int) {
            var lo = 0, hi = lineStarts.count - 1
            while lo < hi { let mid = (lo + hi + 1) / 2; if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 } }
            return (lo + 1, offset - lineStarts[lo] + 1)
        }
        var matches: [MatchRecord] = []
        for (i, h) in a.hits.enumerated() {
            let p = compiled.patterns[h.pattern]
            let (line, column) = position(a.tokens[h.first].start)
            var typos: [String] = []
            for t in h.first...h.last {
                switch a.resolution(t) {
                case .typo(let of, let d): typos.append("\(a.tokens.text(t))≈\(of) (\(d) edit\(d == 1 ? "" : "s"))")
                case .prefix(let of): typos.append("\(a.tokens.text(t)) starts with \(of)")
                default: break
                }
            }
            matches.append(MatchRecord(kind: p.kind.traceName, target: p.kind.target(in: rubric, framework: framework),
                                       pattern: p.text, text: text(h), offset: a.tokens[h.first].start,
                                       line: line, column: column,
                                       negatedBy: a.negatedBy[i].map { text(a.hits[$0]) }, typos: typos))
        }
        var arithmetic: [String] = []
        for (i, m) in insideClaims {
            let target = kinds[a.hits[i].pattern].target(in: rubric, framework: framework) ?? "?"
            let line = "\(target): \"\(text(a.hits[i]))\" is inside the claim of misconception \(rubric.misconceptions[m].id) and earns nothing there"
            if arithmetic.last != line { arithmetic.append(line) } // several aliases of one span
        }
        let namedOnly = concepts.filter { $0.hit && $0.note == Explanation.note }.map(\.id)
        if !namedOnly.isEmpty {
            arithmetic.append("named, not explained (no sentence naming it shares \(policy.explainingFeatures) words with its teaching sentence): \(namedOnly.joined(separator: ", ")) → credit × \(Self.format(policy.namedOnlyCredit))")
        }
        let conceptTerms = zip(rubric.concepts, concepts).map { "\(Self.format($0.0.weight))×\(Self.format($0.1.credit))" }
        if let t = rubric.coverageTarget {
            arithmetic.append("coverage = min(1, (\(conceptTerms.joined(separator: " + "))) / (\(Self.format(totalWeight)) × target \(Self.format(t)))) = \(Self.format(Self.round(100 * coverage, 1)))%")
        } else {
            arithmetic.append("coverage = (\(conceptTerms.joined(separator: " + "))) / \(Self.format(totalWeight)) = \(Self.format(Self.round(100 * coverage, 1)))%")
        }
        if let ratio = depth.ratio {
            arithmetic.append("depth = \(Self.format(Self.round(depth.answerWordsPerConcept, 1))) words per concept named against the reference's \(Self.format(Self.round(depth.referenceWordsPerConcept, 1))) (ratio \(Self.format(Self.round(ratio, 3)))) → coverage × \(Self.format(Self.round(depth.factor, 3)))")
        }
        arithmetic.append(Self.round(depth.factor, 3) < 1
            ? "shaped coverage = (coverage × \(Self.format(Self.round(depth.factor, 3))))^\(Self.format(policy.coverageExponent)) = \(Self.format(Self.round(100 * shapedCoverage, 1)))"
            : "shaped coverage = coverage^\(Self.format(policy.coverageExponent)) = \(Self.format(Self.round(100 * shapedCoverage, 1)))")
        arithmetic.append("structure = \(Self.format(policy.stepsShare))×\(positions.count)/5 steps + \(inOrder ? Self.format(Self.round(1 - policy.stepsShare, 3)) : "0") order = \(Self.format(Self.round(100 * structure, 1)))")
        arithmetic.append(comparable.isEmpty
            ? "similarity = 0 (no reference in the answer's language)"
            : "similarity = √(best reference recall \(Self.format(Self.round(bestRecall, 3)))) = \(Self.format(Self.round(100 * similarity, 1)))")
        arithmetic.append("base = \(Self.format(Self.round(wCov, 3)))×\(Self.format(Self.round(100 * shapedCoverage, 1))) + \(Self.format(Self.round(wStruct, 3)))×\(Self.format(Self.round(100 * structure, 1))) + \(Self.format(Self.round(wSim, 3)))×\(Self.format(Self.round(100 * similarity, 1))) = \(Self.format(Self.round(base, 1)))")
        arithmetic.append("penalties = \(misconceptions.map { Self.format($0.penalty) }.joined(separator: " + ").isEmpty ? "0" : misconceptions.map { Self.format($0.penalty) }.joined(separator: " + ")) → \(Self.format(Self.round(max(0, base - penalties), 1)))")
        for c in caps { arithmetic.append("cap \(c)") }
        for c in idleCaps { arithmetic.append("cap \(c) (not binding: the score was already lower)") }
        arithmetic.append("keyword-dump signals: concept words \(Self.format(Self.round(100 * dump.conceptShare, 1)))% of \(dump.contentTokens) tokens, \(dump.explainedGaps)/\(dump.gaps) gaps explained")
        arithmetic.append("score = \(Self.format(score)) → \(grade.rawValue)")
        return ScoringTrace(grade: result, matches: matches, valueChecks: valueChecks, arithmetic: arithmetic)
    }

    /// Adds the answer's text of tokens `first...last` to `evidence` (a concept's, a step's): at most
    /// `limit` texts, none empty, none twice. (Static, with `evidence` inout: a nested function
    /// capturing it checked exclusive access at run time at every call.)
    /// - Parameter known: the rubric's text of the phrase matched there, taken instead of a new
    ///   `String` when the answer wrote it byte for byte so (`text(_:_:of:reusing:)`).
    private static func addText(_ first: Int, _ last: Int, of a: AnswerAnalysis, to evidence: inout [String],
                                limit: Int = 5, byBytes: Bool, known: String? = nil) {
        guard evidence.count < limit else { return }
        if byBytes {
            // Compared before the `String` is made (a text repeated is never built); a text not held
            // is new (and one of no bytes is "").
            guard !holds(evidence, textOf: first, last, in: a, byBytes: true) else { return }
            let s = text(first, last, of: a, reusing: known)
            if !s.isEmpty { evidence.append(s) }
        } else {
            let s = text(first, last, of: a, reusing: known)
            if !s.isEmpty && !AnswerAnalysis.contains(evidence, s, byBytes: false) { evidence.append(s) }
        }
    }

    /// The answer's text of tokens `first...last` (`a.text`), as `known` itself when its UTF-8 is
    /// those bytes: an alias or cue written as the rubric writes it shares the rubric's `String`
    /// (no validation, no allocation; the same bytes make the same `String`).
    static func text(_ first: Int, _ last: Int, of a: AnswerAnalysis, reusing known: String?) -> String {
        if let known, first >= 0, last < a.tokens.count, first <= last {
            let x = a.tokens[first].byteStart, y = a.tokens[last].byteEnd
            if x >= 0, y <= a.utf8.count, x < y,
               a.utf8.withUnsafeBufferPointer({ TextTable.equal(known, UnsafeBufferPointer(rebasing: $0[x..<y])) }) {
                return known
            }
        }
        return a.text(first, last)
    }

    /// Whether `evidence` holds the answer's text of tokens `first...last` (`a.text`), told from the
    /// answer's bytes without making the `String` when texts compare by their bytes (`byBytes`,
    /// `AnswerAnalysis.sameText`). False when it cannot be told so, and for a text of no bytes.
    static func holds(_ evidence: [String], textOf first: Int, _ last: Int, in a: AnswerAnalysis, byBytes: Bool) -> Bool {
        guard byBytes, !evidence.isEmpty, first >= 0, last < a.tokens.count, first <= last else { return false }
        let x = a.tokens[first].byteStart, y = a.tokens[last].byteEnd
        guard x >= 0, y <= a.utf8.count, x < y else { return false }
        return a.utf8.withUnsafeBufferPointer { answer in
            let text = UnsafeBufferPointer(rebasing: answer[x..<y])
            return evidence.contains { TextTable.equal($0, text) }
        }
    }

    public static func round(_ x: Double, _ places: Int) -> Double {
        let f = Foundation.pow(10, Double(places))
        return (x * f).rounded() / f
    }

    /// A number without a trailing `.0`.
    public static func format(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return String(Int(x)) }
        return String(x)
    }
}

/// The constants of the score. One policy for every rubric; see docs/scoring.md.
public struct ScoringPolicy: Sendable, Equatable {
    /// Share of the score given to the framework (structure).
    public var structureWeight: Double = 0.15
    /// Coverage is raised to this power (< 1: concave, grades saturate near full marks).
    public var coverageExponent: Double = 0.48
    /// Within structure, the share for the steps present; the rest rewards their order.
    public var stepsShare: Double = 0.8
    /// Coverage from which an answer missing a required concept is capped below A instead of below B.
    public var thoroughCoverage: Double = 0.75
    /// Credit for a value fact whose key is named without a value.
    public var keyWithoutValueCredit: Double = 0.5
    /// Named, not explained: a concept named only in sentences sharing fewer than
    /// `explainingFeatures` words (Chinese character pairs, English stems, numbers) with its
    /// teaching sentence keeps this share of its credit.
    public var namedOnlyCredit: Double = 0.8
    public var explainingFeatures: Int = 2
    /// An "I don't know" with less coverage than this (and no wrong claim) is graded F with a study plan.
    public var dontKnowMaxCoverage: Double = 0.15
    /// Keyword dump: at least this many concepts hit, …
    public var dumpMinConcepts: Int = 3
    /// … concept words making at least this share of the answer, …
    public var dumpMinConceptShare: Double = 0.6
    /// … and fewer than this share of the gaps between them holding any other word.
    public var dumpMaxExplainedGaps: Double = 0.5
    /// Depth: an answer spending at most this share of the reference's words per concept named has
    /// its coverage lowered by `shallowDiscount`; …
    public var shallowDepth: Double = 0.15
    /// … from this share up, not at all; in between, in proportion.
    public var fullDepth: Double = 0.35
    /// The largest share of coverage a shallow answer loses.
    public var shallowDiscount: Double = 0.3
    /// A depth discount of at least this share is flagged `shallow` and told in the feedback.
    public var shallowFlagDiscount: Double = 0.1

    public static let standard = ScoringPolicy()
}

/// Caches compiled rubrics by id, recompiling when the rubric changed.
final class CompiledRubricCache: Sendable {
    private let store = Mutex<[String: CompiledRubric]>([:])

    func compiled(_ rubric: Rubric, make: () -> CompiledRubric) -> CompiledRubric {
        if let hit = store.withLock({ $0[rubric.id] }), hit.rubric == rubric { return hit }
        let fresh = make()
        store.withLock { $0[rubric.id] = fresh }
        return fresh
    }
}

extension PatternKind {
    var traceName: String {
        switch self {
        case .alias: "alias"
        case .negatedAlias: "negated-alias"
        case .valueKey: "value-key"
        case .misconception: "misconception"
        case .stepCue: "step-cue"
        case .habitCue: "habit-cue"
        case .dontKnow: "dont-know"
        case .negation: "negation"
        case .negationExempt: "not-a-negation"
        case .clauseBreak: "clause-break"
        case .reportedClaim: "reported-claim"
        }
    }

    func target(in rubric: Rubric, framework: Framework) -> String? {
        switch self {
        case .alias(let c), .negatedAlias(let c), .valueKey(let c, _): rubric.concepts.indices.contains(c) ? rubric.concepts[c].id : nil
        case .misconception(let m, let g): rubric.misconceptions.indices.contains(m) ? "\(rubric.misconceptions[m].id)#\(g + 1)" : nil
        case .stepCue(let s): s.rawValue
        case .habitCue(let h): framework.habits.indices.contains(h) ? framework.habits[h].id : nil
        default: nil
        }
    }
}

import Foundation
