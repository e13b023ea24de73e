import Testing
@testable import RubricKit

/// Every matching rule of the scorer, each with the case that must match and the one that must not.
@Suite("Matcher")
struct MatcherTests {
    let scorer = RubricScorer(framework: ScoringFixtures.framework)

    func credit(_ concept: String, _ answer: String, _ rubric: Rubric = ScoringFixtures.gmp) -> Double {
        scorer.grade(answer, against: rubric).concepts.first { $0.id == concept }?.credit ?? -1
    }

    // MARK: Normalisation

    @Test func separatorsOfTechnicalNamesAreEquivalent() {
        let forms = ["min.insync.replicas", "min_insync_replicas", "min insync replicas", "MinInsyncReplicas",
                     "min-insync-replicas", "ＭＩＮ．ＩＮＳＹＮＣ．ＲＥＰＬＩＣＡＳ"]
        let texts = Set(forms.map { TextNormalizer.normalize($0).text })
        #expect(texts == ["min insync replicas"])
        for f in forms { #expect(credit("min-isr", "\(f)=2", ScoringFixtures.kafka) == 1, "\(f)") }
    }

    @Test func fullWidthPunctuationAndCaseFold() {
        #expect(TextNormalizer.normalize("ＧＯＭＡＸＰＲＯＣＳ（默认）").text == "gomaxprocs默认")
        #expect(TextNormalizer.normalize("CoreDNS").text == "core dns")
        #expect(TextNormalizer.normalize("HTTPServer").text == "http server")
        #expect(TextNormalizer.normalize("gRPC eBPF").text == "grpc ebpf")
    }

    @Test func camelCaseAliasAlsoMatchesItsJoinedForm() {
        #expect(credit("pdb", "we set a PodDisruptionBudget", ScoringFixtures.kafka) == 1)
        #expect(credit("pdb", "we set a pod disruption budget", ScoringFixtures.kafka) == 1)
        #expect(credit("pdb", "we set a poddisruptionbudget", ScoringFixtures.kafka) == 1)
    }

    @Test func joinedAliasMatchesACamelCaseIdentifier() {
        let zk = Rubric(id: "t.zk", category: "t", language: .zh,
                        question: LocalizedText(zh: "t", en: "t"), standardAnswer: "",
                        concepts: [ScoringFixtures.concept("zk", ["zookeeper"]), ScoringFixtures.concept("cip", ["clusterip"])],
                        misconceptions: [Misconception(id: "zk-ap", claim: LocalizedText(zh: "t", en: "t"),
                                                       match: [["zookeeper"], ["是AP"]], correction: LocalizedText(zh: "t", en: "t"))])
        #expect(credit("zk", "我们用ZooKeeper做选主", zk) == 1)            // zoo keeper → zookeeper
        #expect(credit("zk", "我们用 zookeeper 做选主", zk) == 1)
        #expect(credit("cip", "Service 有一个 ClusterIP", zk) == 1)
        #expect(credit("zk", "动物园的 zoo 和 keeper", zk) == 0)           // two words stay two words
        let g = scorer.grade("ZooKeeper是AP的", against: zk)
        #expect(g.misconceptions.map(\.id) == ["zk-ap"])
        let used = scorer.grade("我们用ZooKeeper做选主", against: zk)
        #expect(used.concepts.first { $0.id == "zk" }?.evidence == ["ZooKeeper"]) // found once, not twice
    }

    @Test func aPhraseOverPartOfANamedIdentifierDoesNotMatch() {
        let modes = Rubric(id: "t.rwo", category: "t", language: .en,
                           question: LocalizedText(zh: "t", en: "t"), standardAnswer: "",
                           concepts: [ScoringFixtures.concept("rwo", ["ReadWriteOnce"]), ScoringFixtures.concept("rwop", ["ReadWriteOncePod"]),
                                      ScoringFixtures.concept("sts", ["StatefulSet"])])
        #expect(credit("sts", "use a StateFulSet", modes) == 1)   // split otherwise than the phrase: matched joined
        #expect(credit("rwo", "the volume is ReadWriteOncePod", modes) == 0)  // the rubric names the whole identifier
        #expect(credit("rwop", "the volume is ReadWriteOncePod", modes) == 1)
        #expect(credit("rwo", "the volume is ReadWriteOnce", modes) == 1)
        #expect(credit("rwo", "the volume is read write once pod", modes) == 1) // separate words stay words
    }

    @Test func aNegationInsideAClaimsOwnPhraseDeniesNoneOfItsPhrases() {
        let lock = Rubric(id: "t.lock", category: "t", language: .en,
                          question: LocalizedText(zh: "t", en: "t"), standardAnswer: "",
                          concepts: [ScoringFixtures.concept("ttl", ["expiry"])],
                          misconceptions: [Misconception(id: "no-expiry-safe", claim: LocalizedText(zh: "t", en: "t"),
                                                         match: [["lock without an expiry", "lock without expiry"], ["is safe"]],
                                                         correction: LocalizedText(zh: "t", en: "t"))])
        let ids = { (answer: String) in self.scorer.grade(answer, against: lock).misconceptions.map(\.id) }
        #expect(ids("A Redis lock without an expiry is safe") == ["no-expiry-safe"])
        #expect(ids("A Redis lock without an expiry is not safe").isEmpty)      // a cue outside the phrase still denies
    }

    @Test func aReportedOrRefutedClaimIsNotMade() {
        let gc = Rubric(id: "t.gc", category: "t", language: .zh,
                        question: LocalizedText(zh: "t", en: "t"), standardAnswer: "",
                        concepts: [ScoringFixtures.concept("mark", ["三色标记"])],
                        misconceptions: [Misconception(id: "generational", claim: LocalizedText(zh: "t", en: "t"),
                                                       match: [["go的gc", "go's gc"], ["分代", "generational"]],
                                                       correction: LocalizedText(zh: "t", en: "t"))])
        let ids = { (answer: String) in self.scorer.grade(answer, against: gc).misconceptions.map(\.id) }
        #expect(ids("Go的GC是分代的。") == ["generational"])
        #expect(ids("Go's GC is generational.") == ["generational"])
        #expect(ids("很多人以为Go的GC是分代的，其实不是。").isEmpty)
        #expect(ids("Go的GC是分代的，这种说法是错的。").isEmpty)
        #expect(ids("A common misconception is that Go's GC is generational.").isEmpty)
        // Only the cue's own sentence is excused, and `以为` inside `可以为` is no cue.
        #expect(ids("很多人以为它很慢。Go的GC是分代的。") == ["generational"])
        #expect(ids("可以为对象设置终结器，Go的GC是分代的。") == ["generational"])
    }

    // MARK: Boundaries

    @Test func latinAliasesMatchWholeTokensOnly() {
        #expect(credit("p", "每个Pod都有IP") == 0)      // P not inside Pod
        #expect(credit("gmp-name", "GMPX模型") == 0)     // GMP not inside GMPX
        #expect(credit("g", "使用gRPC通信") == 0)        // g not split out of gRPC
        #expect(credit("p", "P负责维护队列") == 1)
        #expect(credit("gmp-name", "GMP模型是核心") == 1)
    }

    @Test func chineseAliasesMatchAsSubstrings() {
        #expect(credit("m", "M就是系统线程的抽象") == 1)
        #expect(credit("work-stealing", "空闲的P会去偷取别的P的任务") == 1)
    }

    @Test func mixedAliasesMatchAcrossTheScriptChange() {
        #expect(credit("local-queue", "先看P的本地队列") == 1)
        #expect(credit("local-queue", "先看 P 的本地队列") == 1)
        #expect(credit("local-queue", "uses a local run-queue per P") == 1)
    }

    @Test func articlesDoNotBreakEnglishPhrases() {
        #expect(credit("local-queue", "each P has a local run queue") == 1)
        #expect(credit("work-stealing", "it does the work stealing") == 1)
    }

    // MARK: Typos

    @Test func longWordsMatchWithATypo() {
        #expect(credit("g", "每个goroutin都很轻") == 1)
        #expect(credit("reconcile", "the Reconsile loop runs", ScoringFixtures.kafka) == 1)
        #expect(credit("k8s", "we run it on Kuberentes", ScoringFixtures.kafka) == 1)
        #expect(credit("min-isr", "min.insync.replica=2", ScoringFixtures.kafka) == 1)
        #expect(credit("preemption", "signal-based preemtion") == 1)
    }

    @Test func shortWordsAndOtherWordsNeverMatchByAccident() {
        // 5–7 letters: no substitution ("steel" is not "steal").
        #expect(credit("work-stealing", "made of steel") == 0)
        // Under 5 letters: exact only.
        #expect(credit("m", "OS threat") == 0)
        #expect(credit("g", "gorout") == 0)
        // The first letter must agree.
        #expect(credit("g", "horoutine") == 0)
    }

    @Test func typoIndexCostDoesNotDependOnTheVocabulary() {
        // The deletion index answers from the word's own deletions: a vocabulary 10× larger finds the same typo.
        var big = ScoringFixtures.gmp
        big.concepts += (0..<200).map { ScoringFixtures.concept("x\($0)", ["filler\($0)word", "词\($0)"]) }
        #expect(scorer.grade("每个goroutin都很轻", against: big).concepts.first { $0.id == "g" }?.hit == true)
    }

    // MARK: Negation

    @Test func negatedConceptIsNotCredited() {
        #expect(credit("work-stealing", "本地队列空了也不会从别的P偷取") == 0)
        #expect(credit("work-stealing", "an idle P does not steal work") == 0)
        #expect(credit("work-stealing", "an idle P doesn't steal work") == 0)
        #expect(credit("work-stealing", "it never does work stealing") == 0)
        #expect(credit("preemption", "runs without preemption") == 0)
        #expect(credit("m", "G并不是系统线程") == 0)
        let g = scorer.grade("本地队列空了也不会从别的P偷取", against: ScoringFixtures.gmp)
        #expect(g.concepts.first { $0.id == "work-stealing" }?.note == "negated")
    }

    @Test func negationEndsAtTheClauseOrAContrast() {
        #expect(credit("work-stealing", "不是从全局队列拿，而是偷取别的P") == 1)
        #expect(credit("work-stealing", "不是从全局队列拿，它会偷取别的P的G") == 1)
        #expect(credit("work-stealing", "本地队列没有就从别的P偷取") == 1) // 没有…就: "if none, then"
        #expect(credit("work-stealing", "not from the global queue but by work stealing") == 1)
    }

    @Test func wordsContainingANegationCharacterDoNotNegate() {
        #expect(credit("work-stealing", "不同的P之间会偷取任务") == 1)
        #expect(credit("work-stealing", "not only steal but also hand off") == 1)
    }

    @Test func englishNegationDeniesOnlyTheNextPhrase() {
        // "not" denies "steal", not the "processor" named after it.
        let g = scorer.grade("an idle P does not steal from another processor", against: ScoringFixtures.gmp)
        #expect(g.concepts.first { $0.id == "work-stealing" }?.credit == 0)
        #expect(g.concepts.first { $0.id == "p" }?.credit == 1)
        // A Chinese cue denies the verb after a prepositional phrase, not the phrase's object.
        let zh = scorer.grade("本地队列空了，不会从别的P偷取", against: ScoringFixtures.gmp)
        #expect(zh.concepts.first { $0.id == "work-stealing" }?.credit == 0)
        #expect(zh.concepts.first { $0.id == "p" }?.credit == 1)
        #expect(credit("m", "G没有系统线程那么重") == 0)
    }

    /// Phrases from operations answers, where the content authors found negation misread.
    static let ops = Rubric(
        id: "t.ops", category: "k8s", language: .zh, question: LocalizedText(zh: "运维", en: "Operations"),
        standardAnswer: "检查废弃的API，drain节点。",
        concepts: [
            ScoringFixtures.concept("deprecated-api", ["废弃的API", "deprecated API"]),
            ScoringFixtures.concept("drain", ["drain"]),
            ScoringFixtures.concept("generational", ["generational", "分代"]),
            ScoringFixtures.concept("schedule", ["schedule"]),
            ScoringFixtures.concept("mounted", ["mounted"]),
        ],
        misconceptions: [
            Misconception(id: "restart-kubelet", claim: LocalizedText("重启kubelet就能解决"),
                          match: [["重启kubelet"], ["就能解决"]], correction: LocalizedText("先看日志。"), penalty: 5),
            Misconception(id: "longest-log", claim: LocalizedText("日志最长的节点当选"),
                          match: [["日志最长", "longest log"]], correction: LocalizedText("比较最后一条日志。"), penalty: 5),
            Misconception(id: "herd", claim: LocalizedText("都监听同一个节点"),
                          match: [["都监听同一个", "监听同一个节点"]], correction: LocalizedText("只监听前一个。"), penalty: 5),
        ],
        similarityWeight: 0.1)

    @Test func aNotAQuestionsAndIdiomsDoNotNegate() {
        #expect(credit("deprecated-api", "检查有没有废弃的API", Self.ops) == 1)   // 有没有: "whether"
        #expect(credit("deprecated-api", "看看是不是用了废弃的API", Self.ops) == 1) // 是不是
        #expect(credit("drain", "磁盘满了清理镜像，实在不行drain掉节点", Self.ops) == 1) // "if all else fails"
        #expect(credit("drain", "不行的话就drain", Self.ops) == 1)
        // A real negation still negates.
        #expect(credit("deprecated-api", "没有废弃的API", Self.ops) == 0)
        #expect(credit("drain", "不要drain节点", Self.ops) == 0)
    }

    @Test func aNegationCueMustBeAWordOfItsOwnNotAPieceOfAnIdentifier() {
        let g = scorer.grade("节点 NotReady 重启kubelet就能解决", against: Self.ops)
        #expect(g.misconceptions.map(\.id) == ["restart-kubelet"])
        #expect(credit("schedule", "taint effect NoSchedule", Self.ops) == 1)
        #expect(credit("schedule", "if isNotEmpty schedule it", Self.ops) == 1)
        // Standalone and expanded cues still negate.
        #expect(credit("schedule", "do not schedule it", Self.ops) == 0)
        #expect(credit("schedule", "it doesn't schedule", Self.ops) == 0)
    }

    @Test func aHyphenatedNonOrUnPrefixNegatesTheWord() {
        #expect(credit("generational", "Go's GC is non-generational", Self.ops) == 0)
        #expect(credit("mounted", "the volume is un-mounted", Self.ops) == 0)
        #expect(credit("generational", "Java's GC is generational", Self.ops) == 1)
        // The prefix reaches only the word it is joined to.
        #expect(credit("generational", "a non-moving generational GC", Self.ops) == 1)
    }

    @Test func chineseNonPrefixNegatesOnlyTheWordItIsJoinedTo() {
        #expect(credit("generational", "Go的GC是非分代的", Self.ops) == 0)
        #expect(credit("generational", "Java的GC是分代的", Self.ops) == 1)
        #expect(credit("generational", "JVM非常依赖分代", Self.ops) == 1)              // 非常 "very"
        #expect(credit("generational", "三色标记清除，非分代", Self.ops) == 0)          // no 除非 across the comma
        #expect(credit("generational", "非并发的分代回收", Self.ops) == 1)              // 非 reaches only its word
        #expect(credit("generational", "它是非分代的", Self.ops) == 0)                  // 是非 here is not "right and wrong"
    }

    @Test func aNegationThatStaysInsideItsWordDoesNotDenyWhatFollows() {
        #expect(credit("work-stealing", "本地队列不够用的时候，会从别的P偷取") == 1)     // 不够 "not enough"
        #expect(credit("work-stealing", "容量不足时偷取别的P的G") == 1)
        #expect(credit("work-stealing", "本地队列空了也不会偷取") == 0)
    }

    @Test func wordsHoldingAClauseBreakCharacterDoNotBreakTheClause() {
        // 则 in 规则 and 就 in 就绪 are not "then": the negation still reaches the phrase.
        #expect(credit("drain", "不要按规则drain节点", Self.ops) == 0)
        #expect(credit("drain", "不要等就绪drain节点", Self.ops) == 0)
        #expect(credit("work-stealing", "本地队列没有就从别的P偷取") == 1)                 // a real 就 still does
    }

    @Test func deInsideAChinesePhraseIsSkippedOnBothSides() {
        #expect(credit("local-queue", "G放在P本地队列里") == 1)                           // alias P的本地队列
        #expect(credit("local-queue", "G放在P的本地的队列里") == 1)
        let g = scorer.grade("GOMAXPROCS控制的是M的数量", against: ScoringFixtures.gmp)
        #expect(g.misconceptions.map(\.id) == ["gomaxprocs-sets-m"])
        // `的` at a phrase's end still lets the phrase match the longer wording.
        #expect(scorer.grade("所有客户端都监听同一个的节点", against: Self.ops).misconceptions.map(\.id) == ["herd"])
    }

    @Test func notNecessarilyAndDoNotLetNegateTheClaim() {
        #expect(scorer.grade("当选的不一定是日志最长的节点", against: Self.ops).misconceptions.isEmpty)
        #expect(scorer.grade("日志最长的节点当选", against: Self.ops).misconceptions.map(\.id) == ["longest-log"])
        #expect(scorer.grade("不要让所有客户端都监听同一个节点，每个客户端只监听前一个", against: Self.ops).misconceptions.isEmpty)
        #expect(scorer.grade("所有客户端都监听同一个节点", against: Self.ops).misconceptions.map(\.id) == ["herd"])
    }

    @Test func negationFarBeforeTheAliasDoesNotReachIt() {
        #expect(credit("work-stealing", "没有 one two three four five six seven steal") == 1)
    }

    // MARK: Value facts

    @Test func rightValueEarnsFullCredit() {
        let k = ScoringFixtures.kafka
        #expect(credit("acks", "producer acks=all", k) == 1)
        #expect(credit("acks", "acks 设置为 -1", k) == 1)
        #expect(credit("min-isr", "min.insync.replicas设置为2", k) == 1)
        #expect(credit("rf", "replication.factor: 3", k) == 1)
        #expect(credit("rf", "replication factor is 3", k) == 1)
        #expect(credit("slots", "slot = CRC16(key) % 16384", k) == 1)
        #expect(credit("slots", "一共16384个哈希槽", k) == 1)
    }

    @Test func wrongValueEarnsNothingAndFeedbackGivesTheRightOne() {
        let g = scorer.grade("we use acks=1 and min.insync.replicas=1", against: ScoringFixtures.kafka)
        #expect(g.concepts.first { $0.id == "acks" }?.credit == 0)
        #expect(g.concepts.first { $0.id == "min-isr" }?.credit == 0)
        #expect(g.concepts.first { $0.id == "acks" }?.note == "wrong value: acks=1, expected all")
        #expect(g.flags.contains("wrong-value"))
        let fb = g.feedback.filter { $0.kind == .wrongValue }.map(\.text)
        #expect(fb.contains { $0.contains("acks") && $0.contains("should be all") })
        #expect(fb.contains { $0.contains("min.insync.replicas") && $0.contains("should be 2") })
    }

    @Test func keyWithoutValueEarnsPartialCredit() {
        #expect(credit("min-isr", "we also tune min.insync.replicas carefully", ScoringFixtures.kafka) == 0.5)
    }

    @Test func anyRightOccurrenceWins() {
        #expect(credit("acks", "acks=1 can lose data, so we use acks=all", ScoringFixtures.kafka) == 1)
    }

    // MARK: Misconceptions

    @Test func misconceptionNeedsEveryGroupInOneSentence() {
        let hit = scorer.grade("GOMAXPROCS决定了M的数量。", against: ScoringFixtures.gmp)
        #expect(hit.misconceptions.map(\.id) == ["gomaxprocs-sets-m"])
        #expect(hit.breakdown.penalties == 10)
        #expect(hit.feedback.contains { $0.kind == .misconception && $0.text.contains("GOMAXPROCS设置的是P的数量") })
        let apart = scorer.grade("GOMAXPROCS决定P的个数。M的数量按需创建。", against: ScoringFixtures.gmp)
        #expect(apart.misconceptions.isEmpty)
    }

    @Test func negatedMisconceptionIsNotClaimed() {
        let g = scorer.grade("GOMAXPROCS设置的是P，不是线程数。", against: ScoringFixtures.gmp)
        #expect(g.misconceptions.isEmpty)
        let k = scorer.grade("acks=1 never loses data.", against: ScoringFixtures.kafka)
        #expect(k.misconceptions.map(\.id) == ["acks1-safe"])
    }

    @Test func eachMisconceptionHasItsOwnFirstPhraseAfterACue() {
        // `upgrade` belongs to one claim and `all nodes … at once` to another: "never" denies the
        // first phrase of each, so neither is claimed.
        var rubric = ScoringFixtures.gmp
        rubric.misconceptions = [
            Misconception(id: "skip-minor", claim: LocalizedText("skip minor versions"), match: [["upgrade"], ["skip"]],
                          correction: LocalizedText("one minor at a time"), penalty: 10),
            Misconception(id: "all-at-once", claim: LocalizedText("all nodes at once"), match: [["all nodes"], ["at once"]],
                          correction: LocalizedText("in batches"), penalty: 10),
        ]
        #expect(scorer.grade("Never upgrade all nodes at once.", against: rubric).misconceptions.isEmpty)
        #expect(scorer.grade("Upgrade all nodes at once.", against: rubric).misconceptions.map(\.id) == ["all-at-once"])
    }

    // MARK: The automaton

    @Test func oneAutomatonHoldsEveryPhrase() {
        let c = scorer.compile(ScoringFixtures.gmp)
        let aliases = ScoringFixtures.gmp.concepts.reduce(0) { $0 + $1.aliases.count }
        #expect(c.patterns.count > aliases) // aliases + misconception phrases + cues + negation words
        #expect(c.patterns.contains { $0.kind == .negation })
        #expect(c.patterns.contains { $0.kind == .stepCue(.core) })
    }

    @Test func automatonFindsOverlappingPatterns() {
        let a = TokenAutomaton(patterns: [[1, 2], [2], [2, 3], [1, 2, 3]], symbolCount: 4)
        let hits = a.scan([1, 2, 3]).map { [$0.pattern, $0.first, $0.last] }
        #expect(Set(hits) == [[0, 0, 1], [1, 1, 1], [2, 1, 2], [3, 0, 2]])
        #expect(a.scan([3, 0, 1]).isEmpty)
    }

    // MARK: Building blocks

    @Test func porterStemmer() {
        let cases = ["replicas": "replica", "stealing": "steal", "controllers": "control", "caresses": "caress",
                     "ponies": "poni", "relational": "relat", "hopping": "hop", "generalization": "gener", "go": "go"]
        for (w, s) in cases { #expect(PorterStemmer.stem(w) == s, "\(w)") }
    }

    @Test func optimalStringAlignmentDistance() {
        #expect(EditDistance.osa(Array("kuberentes"), Array("kubernetes"), limit: 2)?.distance == 1)
        #expect(EditDistance.osa(Array("reconsile"), Array("reconcile"), limit: 2)?.substitutions == 1)
        #expect(EditDistance.osa(Array("abcdef"), Array("uvwxyz"), limit: 2) == nil)
    }
}
