/// What a pattern in the automaton stands for.
public enum PatternKind: Sendable, Equatable, Hashable {
    case alias(concept: Int)
    /// The rest of an alias stated in the negative (`not connected` → `connected`): it shows the
    /// concept when the answer negates it, however the negation is worded (`isn't connected`).
    case negatedAlias(concept: Int)
    case valueKey(concept: Int, fact: Int)
    case misconception(Int, group: Int)
    case stepCue(FrameworkStep)
    case habitCue(Int)
    case dontKnow
    case negation
    /// Words that contain a negation cue without negating (`不同`, `not only`).
    case negationExempt
    /// Words that end the reach of a negation (`而是`, `but`).
    case clauseBreak
    /// Words that report or refute a claim instead of making it (`很多人以为`, `的说法不对`,
    /// `a common misconception`): a misconception's phrases in their sentence are not claimed.
    case reportedClaim
}

/// One pattern: the phrase as written and what it stands for.
public struct Pattern: Sendable, Equatable {
    public var kind: PatternKind
    public var text: String
}

/// A rubric prepared for grading: one automaton over all its phrases, the teaching sentence of
/// every concept and the reference answers' features. Compile once, grade many answers.
/// A class: it is shared, never changed, and passed to every stage of every answer (as a struct of
/// some twenty reference-counted fields, each copy cost a retain and a release per field).
public final class CompiledRubric: Sendable {
    public let rubric: Rubric
    public let framework: Framework
    /// The language of the grade's human text (labels, claims, teaching sentences, feedback):
    /// the rubric's own unless the caller chose another.
    public let language: Language
    public let vocabulary: Vocabulary
    /// Word resolutions in `vocabulary`, remembered across the answers graded against this rubric.
    let wordCache: WordResolutionCache
    public let automaton: TokenAutomaton
    public let patterns: [Pattern]
    /// `patterns[i].kind`, kept apart so hot loops do not copy the patterns' strings.
    let kinds: [PatternKind]
    /// Per concept, copied out of the rubric for the scoring loops.
    let conceptSteps: [FrameworkStep]
    let conceptWeights: [Double]
    let conceptRequired: [Bool]
    let conceptLabels: [String]
    /// Per concept: its answer-independent JSON, for `BatchGrader.write`.
    let conceptJSON: [ConceptJSON]
    /// Per concept: the sentence that teaches it (its `teach` in `language`, else the standard answer's
    /// sentence naming it).
    public let teaching: [String]
    /// The feedback's answer-independent lines and labels (missed lines, the joined labels).
    let feedback: FeedbackWriter.Prepared
    /// Tokens of each concept's accepted values, per fact.
    let acceptedValues: [[[[String]]]]
    let references: [ReferenceFeatures]
    /// Per concept: the features of its `teach` and `label` in every language, which a sentence
    /// naming it must share to explain it; nil when the rubric does not say what teaches it
    /// (drafted rubrics), and then naming it is enough (`Explanation`).
    let teachingFeatures: [FeatureTable?]

    /// Built-in negation cues; `not`/`no` also cover the `n't` forms the tokenizer expands.
    static let negationCues = ["不是", "没有", "并不", "并非", "不", "没", "未", "无需", "无法", "从不", "从未", "绝不",
                               "not", "no", "never", "without", "neither", "nor", "cannot", "none"]
    /// A prefix that negates the word it is joined to and nothing further: `non-generational`,
    /// `un-mounted` (joined by a hyphen), `非分代`, `非阻塞`.
    static let negationPrefixes = ["non", "un", "非"]
    /// Words that contain a cue without negating what follows: fixed words (`不同`, `未来`), words
    /// whose negation stays inside them (`不够`, `不足` "not enough": `容量不够时会扩容` still says it
    /// grows) and idioms complete in themselves (`实在不行` "if all else fails", `不然` "otherwise").
    static let negationExemptions = ["不同", "不断", "不仅", "不但", "不过", "不少", "不管", "不久", "不停", "不错", "不足", "不够",
                                     "未来", "没错", "不得不", "无论", "差不多", "不行", "不然", "不如", "不妨",
                                     "非常", "除非", "非得", "非要", "无非", "莫非", "并非",
                                     "not only", "not just", "no matter", "no doubt"]
    /// Words that hold a clause-break word without being one (`规则` "rule", `就绪` "ready").
    static let clauseBreakExemptions = ["规则", "原则", "准则", "法则", "细则", "就绪", "成就", "造就", "迁就", "将就", "就近", "就地"]

    /// Contrast and consequence words (`没有…就…`: "if none, then") end a negation's reach.
    static let clauseBreaks = ["而是", "但是", "但", "而", "却", "然而", "不过", "只是", "就", "则", "所以", "因此",
                               "but", "instead", "rather", "however", "although", "though", "whereas", "then", "so"]

    /// Words that report somebody else's belief or call a statement wrong (`PatternKind.reportedClaim`).
    /// Only whole expressions: a bare `以为` is inside `可以为`, a bare `不对` says nothing of whose claim.
    static let reportedClaimCues = ["误以为", "很多人以为", "有人以为", "不少人以为", "大家以为", "常以为", "被误认为", "误认为",
                                    "有人说", "有人认为", "很多人认为", "不少人认为", "很多人觉得", "有人觉得", "常见的误区",
                                    "常见误区", "误区", "误解", "说法不对", "说法是错", "说法错误", "这种理解不对", "这种理解是错",
                                    "理解是错误的", "是错误的", "是错的", "并不是这样",
                                    "misconception", "myth", "common mistake", "people think", "people often think",
                                    "people assume", "is wrong", "is a mistake", "contrary to", "it is not true that",
                                    "a common belief", "wrongly"]

    /// Negation cues and bounds that read as one (`no more than 2` is a limit, not a denial).
    static let negationExemptBounds = ["no more than", "no less than", "no fewer than", "not more than", "not less than",
                                       "not fewer than", "不超过", "不多于", "不大于", "不小于", "不低于", "不高于"]

    /// `not connected` → `connected`; `不会重启` → `会重启`: an alias that opens with a negation cue,
    /// without it. Nil when the alias does not, or nothing is left.
    static func negatedRemainder(_ alias: String) -> String? {
        let a = alias.trimmingCharacters(in: .whitespaces).lowercased()
        for cue in negationCues.sorted(by: { $0.count > $1.count }) where a.hasPrefix(cue) {
            var rest = a.dropFirst(cue.count)
            let latin = cue.unicodeScalars.allSatisfy(\.isASCII)
            if latin { guard rest.first == " " else { continue } }
            rest = rest.drop { $0 == " " }
            if rest.isEmpty || negationExemptions.contains(where: { a.hasPrefix($0) }) { return nil }
            return String(rest)
        }
        return nil
    }

    /// - Parameter language: the language of the feedback; nil for the rubric's. Text the rubric gives
    ///   only in its own language stays in that language.
    public init(rubric: Rubric, framework: Framework, language: Language? = nil) {
        let language = language ?? rubric.language
        self.language = language
        self.rubric = rubric
        self.framework = framework
        var vocab = Vocabulary()
        var patterns: [Pattern] = []
        var symbols: [[Int32]] = []

        func add(_ text: String, _ kind: PatternKind, prefixMatch: Bool = false) {
            var variants = [Tokenizer.tokenize(text)]
            let joined = Tokenizer.tokenize(text, splitCamelCase: false, joinSoftSeparators: true)
            if joined.texts != variants[0].texts { variants.append(joined) }
            var added = Set<[Int32]>()
            for all in variants where !all.isEmpty {
                // A phrase's `的` is dropped wherever it stands: the answer's `的` is skipped inside a
                // phrase, so `一样的` must match `一样的东西` as well as `一样的。`.
                let kept = all.indices.filter { !all[$0].isFiller && !(all[$0].kind == .cjk && all.text($0) == "的") }
                let seq = (kept.isEmpty ? Array(all.indices) : kept).map { vocab.add($0, of: all, prefixMatch: prefixMatch) }
                guard added.insert(seq).inserted else { continue }
                patterns.append(Pattern(kind: kind, text: text))
                symbols.append(seq)
            }
        }

        for (c, concept) in rubric.concepts.enumerated() {
            for alias in concept.aliases {
                add(alias, .alias(concept: c))
                if let rest = Self.negatedRemainder(alias) { add(rest, .negatedAlias(concept: c)) }
            }
            for (f, fact) in concept.values.enumerated() {
                for key in fact.keys { add(key, .valueKey(concept: c, fact: f)) }
            }
        }
        for (m, mis) in rubric.misconceptions.enumerated() {
            for (g, group) in mis.match.enumerated() { for phrase in group { add(phrase, .misconception(m, group: g)) } }
        }
        for step in framework.steps { for cue in step.cues { add(cue, .stepCue(step.id), prefixMatch: true) } }
        for (h, habit) in framework.habits.enumerated() { for cue in habit.cues { add(cue, .habitCue(h), prefixMatch: true) } }
        for phrase in framework.dontKnow { add(phrase, .dontKnow) }
        for cue in Self.negationCues + Self.negationPrefixes { add(cue, .negation) }
        for word in Self.negationExemptions + Self.negationExemptBounds + Self.clauseBreakExemptions { add(word, .negationExempt) }
        for word in Self.clauseBreaks { add(word, .clauseBreak) }
        for cue in Self.reportedClaimCues { add(cue, .reportedClaim) }

        self.vocabulary = vocab
        self.wordCache = WordResolutionCache()
        self.patterns = patterns
        self.kinds = patterns.map(\.kind)
        self.conceptSteps = rubric.concepts.map(\.step)
        self.conceptWeights = rubric.concepts.map(\.weight)
        self.conceptRequired = rubric.concepts.map(\.required)
        self.conceptLabels = rubric.concepts.map { $0.label.text(language) }
        self.conceptJSON = zip(rubric.concepts, conceptLabels).map { c, label in
            ConceptJSON(id: c.id, label: label, step: c.step, weight: c.weight, required: c.required)
        }
        let automaton = TokenAutomaton(patterns: symbols, symbolCount: vocab.count)
        self.automaton = automaton
        self.acceptedValues = rubric.concepts.map { c in
            c.values.map { fact in fact.accepted.map { Tokenizer.tokenize($0).texts } }
        }
        let refs = [rubric.standardAnswer] + rubric.alternatives
        // The concepts a reference text names (aliases and value keys), in the order the automaton finds them.
        func conceptsNamed(in tokens: TokenizedText) -> [Int] {
            let syms = tokens.indices.filter { !tokens[$0].isFiller }.map { vocab.resolve($0, in: tokens).0 }
            return automaton.scan(syms).compactMap { hit in
                switch patterns[hit.pattern].kind {
                case .alias(let c), .valueKey(let c, _): c
                default: nil
                }
            }
        }
        self.references = refs.filter { !$0.isEmpty }.map {
            ReferenceFeatures(text: $0, conceptsNamed: { Set(conceptsNamed(in: $0)).count })
        }
        self.teachingFeatures = rubric.concepts.map { c in
            guard let teach = c.teach else { return nil }
            let text = [teach.zh, teach.en, c.label.zh, c.label.en].compactMap { $0 }.joined(separator: "\n")
            let tokens = Tokenizer.tokenize(text)
            let features = ReferenceFeatures.features(of: tokens) {
                ReferenceFeatures.wordFeature($0, in: tokens, stem: PorterStemmer.stem(tokens.text($0)))
            }
            var table = FeatureTable()
            for f in features where f != 0 && table[f] == nil { table.insert(f, Int32(table.count)) }
            return table
        }
        // Teaching sentences: the concept's `teach`, else the first standard-answer sentence naming it.
        var teaching = rubric.concepts.map { $0.teach?.text(language) ?? "" }
        let sentences = Self.sentences(of: rubric.standardAnswer)
        if teaching.contains(where: \.isEmpty) {
            for sentence in sentences {
                for c in conceptsNamed(in: Tokenizer.tokenize(sentence)) where teaching[c].isEmpty { teaching[c] = sentence }
            }
        }
        self.teaching = teaching
        self.feedback = FeedbackWriter.Prepared(concepts: rubric.concepts, labels: conceptLabels, teaching: teaching,
                                                misconceptions: rubric.misconceptions, framework: framework, language: language)
    }

    /// The standard answer cut into sentences (lines and sentence marks), trimmed.
    static func sentences(of text: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(text)
        for (i, ch) in chars.enumerated() {
            current.append(ch)
            let fullStop = ch == "." && (i + 1 == chars.count || chars[i + 1].isWhitespace)
            if fullStop || "。！？；\n!?;".contains(ch) {
                let t = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !t.isEmpty { out.append(t) }
                current = ""
            }
        }
        let t = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !t.isEmpty { out.append(t) }
        return out
    }
}

import Foundation

extension CompiledRubric {
    /// Every phrase occurrence in `answer`: tokenise, resolve and scan, without scoring
    /// (the matching stage alone, for benchmarks).
    public func scan(_ answer: String) -> [TokenAutomaton.Hit] {
        AnswerAnalysis(answer: answer, compiled: self).hits
    }
}
