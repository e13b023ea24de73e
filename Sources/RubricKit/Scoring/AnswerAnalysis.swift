/// Everything the matcher found in one answer, before any score: the tokens, every pattern
/// occurrence, which occurrences are negated, the value checks and the misconceptions.
struct AnswerAnalysis {
    let tokens: TokenizedText
    /// Per token: its symbol in the rubric's vocabulary (`Vocabulary.unknown` when it has none).
    let symbols: [Int32]
    /// Per token: a word's index in `words`, -1 for other tokens.
    let wordOf: [Int32]
    /// The answer's words, each resolved once (a word the rubric's cache keeps may appear several
    /// times, as the same resolution): how, and its stem (the vocabulary's spelling when it resolved).
    let words: [WordResolutionCache.Resolved]
    let hits: [TokenAutomaton.Hit]
    /// Per hit: the negation cue hit that negates it, if any.
    let negatedBy: [Int?]
    let sentenceOf: [Int]
    let clauseOf: [Int]
    /// The answer's UTF-8 bytes (tokens carry their byte offsets into them).
    let utf8: [UInt8]
    /// What the tokens add up to (content tokens, length in words, language).
    let length: TextLength

    init(answer: String, compiled: CompiledRubric) {
        self.init(utf8: Array(answer.utf8), compiled: compiled)
    }

    /// The analysis of the answer whose valid UTF-8 is `utf8`.
    init(utf8: [UInt8], compiled: CompiledRubric) {
        let tokens = utf8.withUnsafeBufferPointer { Tokenizer.tokenize(utf8: $0, splitCamelCase: true, joinSoftSeparators: false) }
        self.tokens = tokens
        self.utf8 = utf8
        let count = tokens.count
        let wordCache = compiled.wordCache
        // The tokens are counted (fillers, the memo's size, the length) in one look.
        let length = TextLength(tokens)
        self.length = length
        let wordTokens = length.words, fillers = length.fillerCJK + length.fillerWords
        var words: [WordResolutionCache.Resolved] = []
        // At most one distinct word per word token: room for that many (up to a bound), without growing from one.
        words.reserveCapacity(min(wordTokens, 1024))
        // Both per-token arrays are written in place, once per token (no uniqueness check per
        // write). (Made by `Array(filled:count:)`: `Array(unsafeUninitializedCapacity:)` allocates
        // through the standard library's unspecialised allocator, ≈ 830 instructions per array.)
        var symbols = [Int32](filled: Vocabulary.unknown, count: count)
        var wordOf = [Int32](filled: -1, count: count)
        symbols.withUnsafeMutableBufferPointer { symbolOut in
            wordOf.withUnsafeMutableBufferPointer { wordOut in
                // Each distinct word is resolved once: word → index in `words`. (Local to this
                // closure: captured from outside, the memo was copied at every lookup.)
                var memo = WordMemo()
                // A CJK character (most tokens of a Chinese answer) is one table lookup by its scalar.
                let cjk = compiled.vocabulary.cjk
                // All the words are looked up under one lock of the rubric's cache.
                wordCache.withWords { cache in
                tokens.folded.withUnsafeBufferPointer { folded in
                tokens.tokens.withUnsafeBufferPointer { all in
                    for i in 0..<count {
                        let t = all[i]
                        if t.kind == .cjk { symbolOut[i] = cjk[t.scalar] ?? Vocabulary.unknown; continue }
                        guard t.kind == .word else { symbolOut[i] = compiled.vocabulary.symbol(ofNonWord: i, in: tokens); continue }
                        let word = UnsafeBufferPointer(rebasing: folded[t.textStart..<t.textEnd])
                        let hash = TextTable.asciiHash(word)
                        // A word the rubric's cache keeps is looked up there at every occurrence
                        // (as cheap as a memo, which then need not be built); any other is
                        // resolved once per answer through the memo.
                        if let hash, cache.keeps(t, word: word, asciiHash: hash) {
                            let r = cache.resolve(i, word: word, hash: hash, in: tokens, vocabulary: compiled.vocabulary)
                            symbolOut[i] = r.symbol
                            wordOut[i] = Int32(words.count)
                            words.append(r)
                            continue
                        }
                        if let m = memo.value(of: i, in: tokens, asciiHash: hash) {
                            symbolOut[i] = words[Int(m)].symbol
                            wordOut[i] = m
                            continue
                        }
                        let r = WordResolutionCache.resolution(i, in: tokens, vocabulary: compiled.vocabulary)
                        memo.insert(i, in: tokens, asciiHash: hash, text: tokens.text(i), Int32(words.count))
                        symbolOut[i] = r.symbol
                        wordOut[i] = Int32(words.count)
                        words.append(r)
                    }
                }
                }
                }
            }
        }
        self.symbols = symbols
        self.wordOf = wordOf
        self.words = words
        // Fillers (articles) are left out of the stream; hits are at token positions.
        var hits = compiled.automaton.scan(symbols, skippingFillersOf: fillers == 0 ? nil : tokens)
        hits = Self.addingJoinedIdentifiers(to: hits, tokens: tokens, symbols: symbols, compiled: compiled)
        self.hits = hits

        // Words that hold a negation cue or a clause-break word without being one (`不同`, `not only`,
        // `规则`, `就绪`): a cue inside a longer such word is not a cue.
        var exempts: [TokenAutomaton.Hit] = []
        // An exempt word is one word: no punctuation inside (`清除，非分代` holds no `除非`).
        for h in hits where compiled.kinds[h.pattern] == .negationExempt
            && (h.first + 1 ... max(h.first + 1, h.last)).allSatisfy({ $0 > h.last || tokens[$0].breakBefore <= .space }) {
            exempts.append(h)
        }
        // A word holding hit `h` ends at or after it and within the longest exempt word's length of
        // its start: those are found by binary search (`exempts` are ordered by last token, as the
        // hits are) and looked at, without a table.
        let longestExempt = exempts.reduce(0) { max($0, $1.last - $1.first) }
        func insideExemptWord(_ h: TokenAutomaton.Hit) -> Bool {
            var lo = 0, hi = exempts.count
            while lo < hi { let mid = (lo + hi) / 2; if exempts[mid].last < h.last { lo = mid + 1 } else { hi = mid } }
            while lo < exempts.count && exempts[lo].last <= h.first + longestExempt {
                let e = exempts[lo]
                if e.first <= h.first && (e.last - e.first) > (h.last - h.first) { return true }
                lo += 1
            }
            return false
        }

        // Sentences and clauses; clause-break words (`而是`, `but`) open a clause too.
        var clauseBreakWords: [Bool]? = nil
        for h in hits where compiled.kinds[h.pattern] == .clauseBreak && !insideExemptWord(h) {
            if clauseBreakWords == nil { clauseBreakWords = [Bool](filled: false, count: count) }
            clauseBreakWords![h.first] = true
        }
        var sentenceOf = [Int](filled: 0, count: count), clauseOf = [Int](filled: 0, count: count)
        sentenceOf.withUnsafeMutableBufferPointer { sentenceOut in
            clauseOf.withUnsafeMutableBufferPointer { clauseOut in
                tokens.tokens.withUnsafeBufferPointer { all in
                    let breakWords = clauseBreakWords ?? []
                    var s = 0, c = 0
                    for i in 0..<count {
                        let b = all[i].breakBefore
                        if i > 0 && b >= .clause {
                            c += 1
                            if b == .sentence { s += 1 }
                        } else if i > 0 && !breakWords.isEmpty && breakWords[i] {
                            c += 1
                        }
                        sentenceOut[i] = s
                        clauseOut[i] = c
                    }
                }
            }
        }
        self.sentenceOf = sentenceOf
        self.clauseOf = clauseOf

        // Negation cues, minus those inside a longer exempt word.
        var cues: [Int] = [] // hit indices, ordered by `last` (the automaton reports hits by end)
        for (i, h) in hits.enumerated() where compiled.kinds[h.pattern] == .negation {
            if !insideExemptWord(h) && Self.isCue(h, compiled: compiled, tokens: tokens, utf8: utf8) { cues.append(i) }
        }
        var negatedBy = [Int?](filled: nil, count: hits.count)
        if !cues.isEmpty {
            // Pass 1: each phrase's nearest cue before it, in reach and in the same clause.
            var candidate = [Int?](filled: nil, count: hits.count)
            // (cue hit, 0 concept / 1 + m misconception m's phrase) → spans of the phrases it reaches:
            // concept phrases and each misconception's phrases have their own first phrase ("never
            // upgrade all nodes at once" denies `all nodes` of one claim though `upgrade` is another's).
            // As (key, first, last), in hit order; grouped by key below (a sort, not a hash table).
            var spansAfterCue: [(key: Int, first: Int, last: Int)] = []
            let slots = compiled.rubric.misconceptions.count + 1
            func slot(_ ci: Int, _ i: Int) -> Int {
                if case .misconception(let m, _) = compiled.kinds[hits[i].pattern] { return slots * ci + 1 + m }
                return slots * ci
            }
            // Cue hit → the misconceptions with a longer phrase holding it (cues are ordered by last).
            var cueInClaim: [Int: [Int]] = [:]
            for p in hits {
                guard case .misconception(let m, _) = compiled.kinds[p.pattern], p.last > p.first else { continue }
                var lo = 0, hi = cues.count
                while lo < hi { let mid = (lo + hi) / 2; if hits[cues[mid]].last < p.first { lo = mid + 1 } else { hi = mid } }
                var k = lo
                while k < cues.count && hits[cues[k]].last <= p.last {
                    let cue = hits[cues[k]]
                    if cue.first >= p.first && cue.last - cue.first < p.last - p.first { cueInClaim[cues[k], default: []].append(m) }
                    k += 1
                }
            }
            for (i, h) in hits.enumerated() {
                switch compiled.kinds[h.pattern] {
                case .alias, .negatedAlias, .valueKey, .misconception: break
                default: continue
                }
                var lo = 0, hi = cues.count
                while lo < hi { let mid = (lo + hi) / 2; if hits[cues[mid]].last < h.first { lo = mid + 1 } else { hi = mid } }
                guard lo > 0 else { continue }
                let ci = cues[lo - 1]
                let cue = hits[ci]
                guard clauseOf[cue.last] == clauseOf[h.first] else { continue }
                let between = (cue.last + 1 ..< h.first).reduce(0) { $0 + (tokens[$1].isFiller ? 0 : 1) }
                let latin = tokens[cue.first].kind == .word
                var reach = latin ? AnswerAnalysis.latinNegationReach : AnswerAnalysis.negationReach
                if cue.first == cue.last && Self.isNegationPrefix(cue.first, tokens) {
                    reach = 0 // `non-generational`, `非分代`: the joined word only
                } else if !latin && (cue.last + 1 ..< h.first).contains(where: { Self.introducesObject($0, tokens) }) {
                    // `不要让所有客户端都监听…`, `不会从别的P偷取`: the object of a preposition or a
                    // causative sits between the negation and the verb it denies.
                    reach *= 2
                }
                guard between <= reach else { continue }
                // A cue inside a phrase of the same wrong claim is the claim's own wording (`cannot
                // append to a nil slice`): it denies none of that claim's phrases.
                if case .misconception(let m, _) = compiled.kinds[h.pattern], cueInClaim[ci]?.contains(m) == true { continue }
                candidate[i] = ci
                spansAfterCue.append((slot(ci, i), h.first, h.last))
            }
            // Pass 2: a cue denies the first phrase after it ("not connected to the positive
            // terminal" denies "connected", not "positive terminal"). In Chinese a phrase introduced
            // by a preposition sits before the verb the negation denies (`不会从别的P偷取`): skip it.
            // The spans each key denies, as (key, first, last) ordered by key.
            var targets: [(key: Int, first: Int, last: Int)] = []
            spansAfterCue.sort { $0.key < $1.key }
            var g = 0
            while g < spansAfterCue.count {
                let key = spansAfterCue[g].key
                var end = g + 1
                while end < spansAfterCue.count && spansAfterCue[end].key == key { end += 1 }
                let spans = spansAfterCue[g..<end].map { ($0.first, $0.last) }
                g = end
                let ci = key / slots
                let cjk = tokens[hits[ci].first].kind == .cjk
                let phrases = Self.phrases(spans)
                var chosen: [(Int, Int)] = []
                for (n, p) in phrases.enumerated() {
                    let last = n + 1 == phrases.count
                    // A modal verb after a Chinese cue (不会, 不能) belongs to the negation: deny it and go on.
                    if cjk && !last && (p.0...p.1).allSatisfy({ Self.isModal($0, tokens) }) {
                        chosen.append(p); continue
                    }
                    if cjk && !last && (hits[ci].last + 1 ..< p.0).contains(where: { Self.introducesObject($0, tokens) }) {
                        continue
                    }
                    chosen.append(p)
                    break
                }
                for p in chosen { targets.append((key, p.0, p.1)) }
            }
            for (i, h) in hits.enumerated() {
                guard let ci = candidate[i] else { continue }
                let key = slot(ci, i)
                var lo = 0, hi = targets.count
                while lo < hi { let mid = (lo + hi) / 2; if targets[mid].key < key { lo = mid + 1 } else { hi = mid } }
                while lo < targets.count && targets[lo].key == key {
                    if h.first >= targets[lo].first && h.first <= targets[lo].last { negatedBy[i] = ci; break }
                    lo += 1
                }
            }
        }
        self.negatedBy = negatedBy
    }

    /// Hits of phrases written as one word (`zookeeper`, `clusterip`) in a camelCase identifier of
    /// the answer (`ZooKeeper`, `ClusterIP`), which the tokenizer splits (`zoo keeper`): where the
    /// joined pieces spell a word of the vocabulary, the stream is scanned once more with the
    /// identifier as that one word, and the hits that use it are added (in the automaton's order, by
    /// last token); phrases over only part of such an identifier are dropped. Nothing is scanned
    /// twice when no identifier joins to a known word.
    static func addingJoinedIdentifiers(to hits: [TokenAutomaton.Hit], tokens: TokenizedText, symbols: [Int32],
                                        compiled: CompiledRubric) -> [TokenAutomaton.Hit] {
        // Runs of word tokens glued together (a camelCase split): first...last, whose folded texts
        // lie end to end (the split writes no separator).
        var joined: [(first: Int, last: Int, symbol: Int32)] = []
        tokens.tokens.withUnsafeBufferPointer { all in
            var i = 1
            while i < all.count {
                guard all[i].breakBefore == .none, all[i].kind == .word, all[i - 1].kind == .word else { i += 1; continue }
                let first = i - 1
                var last = i, letters = all[first].letterCount + all[i].letterCount
                var contiguous = all[i].textStart == all[first].textEnd
                while last + 1 < all.count, all[last + 1].breakBefore == .none, all[last + 1].kind == .word {
                    last += 1
                    letters += all[last].letterCount
                    contiguous = contiguous && all[last].textStart == all[last - 1].textEnd
                }
                i = last + 1
                guard contiguous, last - first < 8 else { continue }
                let symbol = tokens.withText(range: all[first].textStart..<all[last].textEnd) {
                    compiled.vocabulary.exactSymbol(utf8: $0, letters: letters)
                }
                if let symbol, symbol != Vocabulary.unknown { joined.append((first, last, symbol)) }
            }
        }
        guard !joined.isEmpty else { return hits }
        // Every one is scanned again: an identifier split otherwise than the rubric's phrase
        // (`StateFulSet` for `StatefulSet`) matches only joined.
        // A hit that uses a joined identifier lies within a pattern's length of it: only windows of
        // that many kept (non-filler) tokens around each identifier, merged where they overlap, are
        // scanned again, each identifier one symbol.
        let reach = max(0, compiled.automaton.longestPattern - 1)
        var windows: [(first: Int, last: Int)] = [] // token ranges
        for r in joined {
            var lo = r.first, n = 0
            while lo > 0 && n < reach { lo -= 1; if !tokens[lo].isFiller { n += 1 } }
            var hi = r.last
            n = 0
            while hi + 1 < tokens.count && n < reach { hi += 1; if !tokens[hi].isFiller { n += 1 } }
            if let w = windows.last, lo <= w.last + 1 { windows[windows.count - 1].last = max(w.last, hi) } else { windows.append((lo, hi)) }
        }
        var added: [TokenAutomaton.Hit] = []
        // Whether `hits` (ordered by last token) holds a phrase of `kind` over first...last: only
        // the hits ending at `last` are looked at, found by binary search.
        func alreadyFound(_ first: Int, _ last: Int, _ kind: PatternKind) -> Bool {
            var lo = 0, hi = hits.count
            while lo < hi { let mid = (lo + hi) / 2; if hits[mid].last < last { lo = mid + 1 } else { hi = mid } }
            while lo < hits.count && hits[lo].last == last {
                if hits[lo].first == first && compiled.kinds[hits[lo].pattern] == kind { return true }
                lo += 1
            }
            return false
        }
        var stream: [Int32] = [], span: [(Int, Int)] = []
        // Room for the longest window's tokens, so neither grows from one.
        let longestWindow = windows.reduce(0) { max($0, $1.last - $1.first + 1) }
        stream.reserveCapacity(longestWindow)
        span.reserveCapacity(longestWindow)
        var k = 0
        for w in windows {
            stream.removeAll(keepingCapacity: true); span.removeAll(keepingCapacity: true)
            var next = w.first
            while next <= w.last {
                while k < joined.count && joined[k].first < next { k += 1 }
                if k < joined.count && joined[k].first == next {
                    stream.append(joined[k].symbol); span.append((joined[k].first, joined[k].last))
                    next = joined[k].last + 1
                } else {
                    if !tokens[next].isFiller { stream.append(symbols[next]); span.append((next, next)) }
                    next += 1
                }
            }
            for h in compiled.automaton.scan(stream) {
                // Only hits that use a joined identifier: the others are in `hits` already.
                guard (h.first...h.last).contains(where: { span[$0].0 != span[$0].1 }) else { continue }
                let (first, last) = (span[h.first].0, span[h.last].1)
                // A phrase of the same kind over the same tokens (`ZooKeeper` split and `zookeeper`) is found once.
                let kind = compiled.kinds[h.pattern]
                guard !alreadyFound(first, last, kind),
                      !added.contains(where: { $0.first == first && $0.last == last && compiled.kinds[$0.pattern] == kind }) else { continue }
                added.append(TokenAutomaton.Hit(pattern: h.pattern, first: first, last: last))
            }
        }
        // (The windows are disjoint and in order, so `added` is in the automaton's order: by last token.)
        // The rubric names the whole identifier, so a phrase over only part of it is not said
        // (`ReadWriteOnce` is not said by `ReadWriteOncePod`): a hit cuts an identifier when the one
        // holding its first token starts before it or the one holding its last token ends after it.
        // `runOf`: per token, the identifier holding it, or -1.
        var runOf = [Int32](filled: -1, count: tokens.count)
        for (k, r) in joined.enumerated() { for t in r.first...r.last { runOf[t] = Int32(k) } }
        func partOfJoined(_ h: TokenAutomaton.Hit) -> Bool {
            let a = runOf[h.first], b = runOf[h.last]
            guard (a >= 0 && joined[Int(a)].first < h.first) || (b >= 0 && joined[Int(b)].last > h.last) else { return false }
            switch compiled.kinds[h.pattern] {
            case .alias, .negatedAlias, .valueKey, .misconception: return true
            default: return false
            }
        }
        // The hits before the first added or cut one are kept as they are, in one copy; from there
        // on, the cut ones are dropped and the added ones merged in by last token.
        let firstAdded = added.first.map { a in hits.firstIndex { $0.last > a.last } ?? hits.count } ?? hits.count
        let firstCut = hits[..<firstAdded].firstIndex(where: partOfJoined) ?? firstAdded
        guard firstCut < hits.count || !added.isEmpty else { return hits }
        var merged: [TokenAutomaton.Hit] = []
        merged.reserveCapacity(hits.count + added.count)
        merged.append(contentsOf: hits[..<firstCut])
        var a = 0
        for h in hits[firstCut...] where !partOfJoined(h) {
            while a < added.count && added[a].last < h.last { merged.append(added[a]); a += 1 }
            merged.append(h)
        }
        merged.append(contentsOf: added[a...])
        return merged
    }

    /// Tokens allowed between a negation cue and the phrase it negates (articles not counted).
    static let negationReach = 5
    /// The same for an English cue.
    static let latinNegationReach = 3
    /// Chinese modal verbs, which a negation passes through to the verb after them.
    static let modals: [Unicode.Scalar] = ["会", "能", "要", "可", "以", "应", "该", "需", "用", "必", "得", "肯", "愿", "敢"]
    /// Chinese prepositions: the phrase after one is not what a negation denies.
    static let prepositions: [Unicode.Scalar] = ["从", "在", "对", "向", "把", "被", "给", "跟", "与", "往", "朝", "由", "到", "自"]

    /// Chinese causatives (`让`, `使`): like a preposition, the phrase after one is not what a negation denies.
    static let causatives: [Unicode.Scalar] = ["让", "使", "令", "叫"]

    /// Token `i`'s folded text when it is one scalar of three UTF-8 bytes (U+0800–U+FFFF, where
    /// the common ideographs are), else nil: the cue words here are such ideographs, none has
    /// another spelling once folded (NFKC), so a token is one of them exactly when this scalar is.
    @inline(__always)
    static func ideograph(_ i: Int, _ tokens: TokenizedText) -> Unicode.Scalar? {
        guard tokens.textCount(i) == 3 else { return nil }
        return tokens.withText(i) { b in
            guard b[0] & 0xF0 == 0xE0 else { return nil }
            return Unicode.Scalar(UInt32(b[0] & 0x0F) << 12 | UInt32(b[1] & 0x3F) << 6 | UInt32(b[2] & 0x3F))
        }
    }

    static func isModal(_ i: Int, _ tokens: TokenizedText) -> Bool { ideograph(i, tokens).map(modals.contains) ?? false }

    static func introducesObject(_ i: Int, _ tokens: TokenizedText) -> Bool {
        guard let c = ideograph(i, tokens) else { return false }
        return prepositions.contains(c) || causatives.contains(c)
    }

    /// Whether token `i` is a negation prefix (`non`, `un`, `非`), compared by its folded bytes.
    static func isNegationPrefix(_ i: Int, _ tokens: TokenizedText) -> Bool {
        tokens.withText(i) { b in negationPrefixBytes.contains { $0.count == b.count && $0.elementsEqual(b) } }
    }

    private static let negationPrefixBytes = CompiledRubric.negationPrefixes.map { Array($0.utf8) }

    /// Whether a negation hit really negates:
    /// - a Latin cue must be a word of its own in the text, not a piece of a split identifier
    ///   (`NotReady`, `NoSchedule`, `isNotEmpty`);
    /// - a Latin prefix cue (`non`, `un`) must be joined by a hyphen to the word after it (`非` is
    ///   joined to it by being Chinese);
    /// - a Chinese `不`/`没` between two equal characters asks a question (`有没有`, `是不是`): "whether".
    static func isCue(_ h: TokenAutomaton.Hit, compiled: CompiledRubric, tokens: TokenizedText, utf8: [UInt8]) -> Bool {
        let first = tokens[h.first]
        if first.kind == .word {
            func joined(_ i: Int) -> Bool { // token i is glued to the token before it
                i > 0 && i < tokens.count && tokens[i].breakBefore == .none
                    && tokens[i].kind != .cjk && tokens[i - 1].kind != .cjk
            }
            if joined(h.first) || joined(h.last + 1) { return false }
            if h.first == h.last && isNegationPrefix(h.first, tokens) {
                let end = tokens[h.last].end, byteEnd = tokens[h.last].byteEnd
                guard h.last + 1 < tokens.count, tokens[h.last + 1].start == end + 1,
                      byteEnd >= 0, byteEnd < utf8.count, utf8[byteEnd] == UInt8(ascii: "-") else { return false }
            }
            return true
        }
        if first.kind == .cjk, let cue = ideograph(h.first, tokens), cue == "不" || cue == "没", h.first > 0, h.first + 1 < tokens.count,
           tokens[h.first - 1].kind == .cjk, sameText(h.first - 1, h.first + 1, tokens),
           tokens[h.first].breakBefore == .none, tokens[h.first + 1].breakBefore == .none {
            return false
        }
        return true
    }

    /// Whether tokens `a` and `b` have equal folded texts as `String`s: by their bytes when the
    /// text compares by bytes (`TokenizedText.comparesByBytes`), without making the strings.
    static func sameText(_ a: Int, _ b: Int, _ tokens: TokenizedText) -> Bool {
        guard tokens.comparesByBytes else { return tokens.text(a) == tokens.text(b) }
        return tokens.textEqual(Int(tokens[a].textStart)..<Int(tokens[a].textEnd), Int(tokens[b].textStart)..<Int(tokens[b].textEnd))
    }

    /// Overlapping spans merged into phrases, in order.
    static func phrases(_ spans: [(Int, Int)]) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        for (f, l) in spans.sorted(by: { $0 < $1 }) {
            if let last = out.last, f <= last.1 { out[out.count - 1].1 = max(last.1, l) } else { out.append((f, l)) }
        }
        return out
    }

    /// How token `i` resolved in the vocabulary.
    func resolution(_ i: Int) -> Vocabulary.Resolution {
        if wordOf[i] >= 0 { return words[Int(wordOf[i])].resolution }
        return symbols[i] == Vocabulary.unknown ? .unknown : .exact
    }

    /// Token `i`'s stem when it is a word.
    func stem(_ i: Int) -> String? { wordOf[i] >= 0 ? words[Int(wordOf[i])].stem : nil }

    /// Word token `i`'s similarity feature, resolved with the word (nil for a stop word).
    func wordFeature(_ i: Int) -> UInt64? { words[Int(wordOf[i])].feature }

    /// Whether texts `x` and `y` of an answer (`text(_:_:)`) are equal `String`s: by their bytes
    /// when `byBytes` (`tokens.comparesByBytes`: the answer is made only of scalars canonical
    /// equivalence leaves alone, as most are, while `String` equality takes the normalising path
    /// for any non-ASCII text), else as `String`s.
    @inline(__always)
    static func sameText(_ x: String, _ y: String, byBytes: Bool) -> Bool {
        guard byBytes else { return x == y }
        guard x.utf8.count == y.utf8.count else { return false }
        let equal: Bool?? = x.utf8.withContiguousStorageIfAvailable { a in
            y.utf8.withContiguousStorageIfAvailable { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }
        return (equal ?? nil) ?? (x == y)
    }

    /// Whether `list` holds a text equal to `s` (`sameText`).
    static func contains(_ list: [String], _ s: String, byBytes: Bool) -> Bool {
        for i in list.indices where sameText(list[i], s, byBytes: byBytes) { return true }
        return false
    }

    /// `body` applied to the answer's UTF-8 bytes between the end of token `a` and the start of
    /// token `b` (empty when the tokens touch or are out of order).
    func withBytes<R>(between a: Int, _ b: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var range = 0..<0
        if a >= 0, b < tokens.count, a < b {
            let x = tokens[a].byteEnd, y = tokens[b].byteStart
            if x >= 0, y <= utf8.count, x < y { range = x..<y }
        }
        return utf8.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The answer's original text of tokens `first...last`.
    func text(_ first: Int, _ last: Int) -> String {
        guard first >= 0, last < tokens.count, first <= last else { return "" }
        let a = tokens[first].byteStart, b = tokens[last].byteEnd
        guard a >= 0, b <= utf8.count, a < b else { return "" }
        return String(decoding: utf8[a..<b], as: UTF8.self)
    }
}

import Foundation
