import Foundation

/// Picks the key terms of a reference answer, weighted by how distinctive they are across a bank.
///
/// English words are grouped by Porter stem, stop words dropped; the reference's most frequent
/// spelling is the alias (the scorer matches words by stem, so inflections need no aliases of their own). Chinese is segmented by `ChineseSegmenter`
/// from the bank's own repeated substrings. A term the question already names is demoted: repeating
/// the question shows little.
public struct KeywordExtractor: Sendable {
    public struct Options: Sendable, Equatable {
        /// At most this many terms per reference.
        public var limit: Int
        /// Weight factor for terms the question already holds.
        public var questionDemotion: Double
        /// Below this many terms, Chinese pieces the bank never repeats are used too.
        public var minimumTerms: Int
        /// Weight factor for those guessed pieces.
        public var guessDemotion: Double
        public init(limit: Int = 30, questionDemotion: Double = 0.1, minimumTerms: Int = 5, guessDemotion: Double = 0.5) {
            self.limit = limit; self.questionDemotion = questionDemotion; self.minimumTerms = minimumTerms
            self.guessDemotion = guessDemotion
        }
    }

    public let statistics: TermStatistics
    public let options: Options

    public init(statistics: TermStatistics, options: Options = Options()) {
        self.statistics = statistics; self.options = options
    }

    /// The bank's documents are each entry's question with its reference answers.
    public init(bank: [(question: String, references: [String])], options: Options = Options()) {
        self.init(statistics: TermStatistics(documents: bank.map { ([$0.question] + $0.references).joined(separator: "\n") }),
                  options: options)
    }

    /// The key terms of one reference answer, at most `options.limit`, in the reference's order.
    public func extract(reference: String, question: String) -> [KeyTerm] {
        limited(candidates(reference, question: question))
    }

    /// The key terms of several reference answers to one question. A term's weight is scaled by the
    /// share of the references that use it, so what they agree on counts most.
    public func extract(references: [String], question: String) -> [KeyTerm] {
        let refs = references.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        guard refs.count > 1 else { return extract(reference: refs.first ?? "", question: question) }
        var merged: [String: KeyTerm] = [:]
        var uses: [String: Int] = [:]
        for (i, r) in refs.enumerated() {
            for var t in candidates(r, question: question) {
                let key = t.negated ? "not:" + t.key : t.key
                uses[key, default: 0] += 1
                if merged[key] == nil { t.position += i * 1_000_000; merged[key] = t }
            }
        }
        let all = merged.map { key, t -> KeyTerm in
            var t = t
            t.weight *= Double(uses[key] ?? 1) / Double(refs.count)
            return t
        }
        return limited(all)
    }

    private func limited(_ terms: [KeyTerm]) -> [KeyTerm] {
        var out = terms.sorted { ($0.weight, -$0.position, $0.key) > ($1.weight, -$1.position, $1.key) }
        if out.count > options.limit { out = Array(out.prefix(options.limit)) }
        return out.sorted { $0.position < $1.position }
    }

    /// Every candidate term of `reference`, weighted, unordered.
    func candidates(_ reference: String, question: String) -> [KeyTerm] {
        let questionWords = Set(TextScanner.words(question).map(TermStatistics.wordKey))
        let questionHan = TextScanner.hanRuns(question).joined(separator: "|")
        let clauses = Self.clauses(reference)
        var terms: [String: KeyTerm] = [:]
        var position = 0
        var surfaceCounts: [String: [String: Int]] = [:]
        var unrepeated: [KeyTerm] = []

        for clause in clauses {
            let pieces = TextScanner.pieces(clause)
            var previousWords: [String] = []
            for piece in pieces {
                position += 1
                switch piece {
                case .word(let w):
                    defer { previousWords.append(w) }
                    guard Self.isContentWord(w) else { continue }
                    let key = TermStatistics.wordKey(w)
                    let negated = Self.isNegated(previousWords)
                    surfaceCounts[key, default: [:]][w, default: 0] += 1
                    if var t = terms[key] {
                        // Stated both ways: the plain term is what matters.
                        if !negated && t.negated { t.negated = false; terms[key] = t }
                        continue
                    }
                    terms[key] = KeyTerm(key: key, label: w, aliases: [], weight: 0,
                                         inQuestion: questionWords.contains(key), negated: negated,
                                         sentence: clause, position: position)
                case .han(let run):
                    previousWords.removeAll()
                    let chars = Array(run)
                    for var seg in ChineseSegmenter(statistics: statistics).segment(run) {
                        var cue = Self.chineseNegation(before: String(chars[..<seg.offset]))
                        // A piece that opens with the cue (`不会`, `不可变`): the rest is the term.
                        if cue == nil, let (c, rest) = Self.splitChineseNegation(seg.term) {
                            guard rest.count >= 2 else { continue }
                            cue = c; seg.term = rest
                        }
                        if var t = terms[seg.term] {
                            if cue == nil && t.negated { t.negated = false; t.label = seg.term; t.aliases = [seg.term]; terms[seg.term] = t }
                            continue
                        }
                        var t = KeyTerm(key: seg.term, label: (cue ?? "") + seg.term,
                                        aliases: [cue == nil ? seg.term : "不" + seg.term], weight: 0,
                                        inQuestion: questionHan.contains(seg.term), negated: cue != nil,
                                        sentence: clause, position: position)
                        if !seg.repeated {
                            if !unrepeated.contains(where: { $0.key == seg.term }) { t.guessed = true; unrepeated.append(t) }
                            continue
                        }
                        terms[seg.term] = t
                    }
                case .breakMark:
                    previousWords.removeAll()
                }
            }
        }

        // Pieces the bank never repeats are only guesses at word boundaries: use them when the
        // reference has too few other terms.
        if terms.count < options.minimumTerms {
            for t in unrepeated where terms[t.key] == nil { terms[t.key] = t }
        }
        var out: [KeyTerm] = []
        for var t in terms.values {
            let idf = statistics.idf(t.key)
            t.weight = idf * (t.inQuestion ? options.questionDemotion : 1) * (t.guessed ? options.guessDemotion : 1)
            if !t.isChinese {
                let counts = surfaceCounts[t.key] ?? [:]
                t.label = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? t.label
                // The scorer compares English words by stem, so one spelling covers the inflections;
                // a small number is as often written out ("2" / "two").
                let spellings = [t.label] + (Self.numberSpellings[t.label].map { [$0] } ?? [])
                t.aliases = Self.negatedIfNeeded(spellings, t.negated)
                // Irregular and comparative forms (`higher` → `high`, `highest`), from general English.
                t.forms = Self.negatedIfNeeded(EnglishWordForms.forms(of: t.label.lowercased()), t.negated)
            }
            out.append(t)
        }
        return out
    }

    /// `spellings` as they show the term: with a negator in front when the reference states it in the negative.
    static func negatedIfNeeded(_ spellings: [String], _ negated: Bool) -> [String] {
        negated ? spellings.flatMap { w in ["not", "no", "never", "without"].map { "\($0) \(w)" } } : spellings
    }

    /// The negation cue a Chinese term follows (`不会` in `不会重启`), if any: a cue the scorer
    /// knows (`不`, `没有`, `未`, `无法`…), optionally followed by a modal verb. `无` alone is not one:
    /// it makes words (`无缓冲`).
    static func chineseNegation(before prefix: String) -> String? {
        var p = Substring(prefix)
        var modal = ""
        for m in ["可以", "需要", "应该", "能够", "会", "能", "可", "要", "需", "应", "必", "用", "再", "得"] where p.hasSuffix(m) {
            modal = m; p = p.dropLast(m.count); break
        }
        for cue in ["没有", "并非", "不是", "无需", "无法", "从不", "从未", "绝不", "并不", "不", "没", "未"] where p.hasSuffix(cue) {
            return cue + modal   // `不同`, `不断` end in another character, so they never get here
        }
        return nil
    }

    /// `不会重启` → (`不会`, `重启`): a piece that opens with a negation cue (and a modal), split.
    static func splitChineseNegation(_ piece: String) -> (String, String)? {
        for cue in ["没有", "并非", "不是", "无需", "无法", "从不", "从未", "绝不", "并不", "不", "没", "未"] where piece.hasPrefix(cue) {
            let afterCue = String(piece.dropFirst(cue.count))
            if piece.count == cue.count { return (cue, "") }
            // A modal goes with the cue when a term of two characters or more is left (`不会|重启`,
            // but `不|可变`).
            for m in ["可以", "需要", "应该", "能够", "会", "能", "可", "要", "需", "应", "必", "用", "再", "得"]
            where afterCue.hasPrefix(m) && afterCue.count - m.count >= 2 {
                return (cue + m, String(afterCue.dropFirst(m.count)))
            }
            return (cue, afterCue)
        }
        return nil
    }

    /// Digits and English number words, both ways, zero to twelve.
    static let numberSpellings: [String: String] = {
        let names = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
        var m: [String: String] = [:]
        for (i, n) in names.enumerated() { m[String(i)] = n; m[n] = String(i) }
        return m
    }()

    // MARK: English

    static func isContentWord(_ w: String) -> Bool {
        if StopWords.english.contains(w) || StopWords.englishNegators.contains(w) { return false }
        // Numbers are facts, but long ones are identifiers and constants nobody recites.
        if w.unicodeScalars.allSatisfy({ $0.properties.numericType != nil }) { return w.unicodeScalars.count <= 5 }
        return w.unicodeScalars.count >= 2
    }

    /// A negator among the two words before, with at most one stop word between.
    static func isNegated(_ previous: [String]) -> Bool {
        guard let last = previous.last else { return false }
        if StopWords.englishNegators.contains(last) { return true }
        if previous.count >= 2, StopWords.english.contains(last) || last == "t" {
            return StopWords.englishNegators.contains(previous[previous.count - 2]) || (last == "t" && previous[previous.count - 2].hasSuffix("n"))
        }
        return false
    }

    // MARK: Clauses

    /// Sentences and clauses of `text` in its original spelling (for teaching sentences).
    static func clauses(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        let scalars = Array(text.unicodeScalars)
        for (i, s) in scalars.enumerated() {
            current.unicodeScalars.append(s)
            var ends = "。！？!?；;\n".unicodeScalars.contains(s)
            if s == "." {
                let next = i + 1 < scalars.count ? scalars[i + 1] : " "
                ends = next == " " || next == "\n"
            }
            if ends {
                let c = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !c.isEmpty { out.append(c) }
                current = ""
            }
        }
        let c = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !c.isEmpty { out.append(c) }
        return out
    }
}
