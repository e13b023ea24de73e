import Testing
@testable import RubricKit

@Suite("Authoring: keyword extraction")
struct AuthoringKeywordTests {
    @Test func porterStemmerFollowsTheReferenceExamples() {
        let cases = ["caresses": "caress", "ponies": "poni", "cats": "cat", "agreed": "agre", "plastered": "plaster",
                     "motoring": "motor", "hopping": "hop", "filing": "file", "happy": "happi",
                     "relational": "relat", "generalization": "gener", "electrical": "electr", "adjustment": "adjust",
                     "controlling": "control", "sorting": "sort", "sorted": "sort", "computers": "comput"]
        for (word, stem) in cases { #expect(PorterStemmer.stem(word) == stem, "\(word)") }
        #expect(PorterStemmer.stem("is") == "is")
        #expect(PorterStemmer.stem("go1") == "go1")
    }

    @Test func englishTermsAreStemmedWeightedAndExcludeStopWords() {
        let bank: [(question: String, references: [String])] = [
            ("What does a stack do?", ["A stack stores items in last-in first-out order."]),
            ("What does a queue do?", ["A queue stores items in first-in first-out order."]),
            ("What is recursion?", ["A function that calls itself, with a base case that stops the calls."]),
        ]
        let x = KeywordExtractor(bank: bank)
        let terms = x.extract(reference: bank[2].references[0], question: bank[2].question)
        let keys = terms.map(\.key)
        #expect(keys.contains("w:" + PorterStemmer.stem("function")))
        #expect(keys.contains("w:call"))                           // "calls" twice: one term
        #expect(keys.filter { $0 == "w:call" }.count == 1)
        #expect(!keys.contains("w:that") && !keys.contains("w:with") && !keys.contains("w:a"))
        let call = terms.first { $0.key == "w:call" }
        #expect(call?.aliases == ["calls"])                       // the reference's spelling; the scorer stems

        // "stores" is in two of three documents; "lifo"-side words like "last" in one: rarer weighs more.
        let stackTerms = x.extract(reference: bank[0].references[0], question: bank[0].question)
        let store = stackTerms.first { $0.key == "w:store" }?.weight ?? 0
        let last = stackTerms.first { $0.key == "w:last" }?.weight ?? 0
        #expect(last > store)
    }

    @Test func questionWordsAreDemoted() {
        let bank: [(question: String, references: [String])] = [
            ("What is a binary search tree?", ["A binary tree where left children are smaller and right children larger."]),
            ("What is a heap?", ["A complete tree where each parent is smaller than its children."]),
        ]
        let terms = KeywordExtractor(bank: bank).extract(reference: bank[0].references[0], question: bank[0].question)
        let binary = terms.first { $0.key == "w:binari" }
        let left = terms.first { $0.key == "w:left" }
        #expect(binary?.inQuestion == true)
        #expect(left?.inQuestion == false)
        #expect((binary?.weight ?? 1) < (left?.weight ?? 0))
    }

    @Test func negatedReferenceTermsCarryTheNegator() {
        let bank: [(question: String, references: [String])] = [
            ("Why is there no voltage?", ["The terminals are not connected."]),
        ]
        let terms = KeywordExtractor(bank: bank).extract(reference: bank[0].references[0], question: bank[0].question)
        let connected = terms.first { $0.key == "w:connect" }
        #expect(connected?.negated == true)
        #expect(connected?.aliases.contains("not connected") == true)
        #expect(connected?.aliases.contains("connected") == false)
    }

    @Test func chineseRepeatedSubstringsBecomeTermsWithoutASegmenter() {
        let bank: [(question: String, references: [String])] = [
            ("什么是互斥锁？", ["互斥锁保证同一时刻只有一个协程进入临界区。"]),
            ("读写锁和互斥锁有什么区别？", ["读写锁允许多个读者同时读取，写者独占；互斥锁不区分读写。"]),
            ("channel的底层结构是什么？", ["channel底层是环形缓冲区加上互斥锁，还有发送和接收等待队列。"]),
        ]
        let x = KeywordExtractor(bank: bank)
        let terms = x.extract(reference: bank[2].references[0], question: bank[2].question)
        let keys = terms.map(\.key)
        #expect(keys.contains("互斥锁"))                  // repeated across the bank: a whole word
        #expect(!keys.contains("互斥") && !keys.contains("斥锁"))
        #expect(keys.contains("w:channel"))               // Latin words in Chinese text
        #expect(terms.first { $0.key == "w:channel" }?.inQuestion == true)
        // No term starts or ends with a particle.
        for k in keys where !k.hasPrefix("w:") {
            #expect(!k.hasPrefix("的") && !k.hasSuffix("的") && !k.hasPrefix("是") && !k.hasSuffix("和"))
        }
    }

    @Test func chineseDistinctTermsOutweighCommonOnes() {
        let bank: [(question: String, references: [String])] = [
            ("Raft如何选主？", ["Raft节点超时后发起选举，获得多数票成为领导者。集群节点通过心跳维持领导地位。"]),
            ("etcd如何保证一致性？", ["etcd使用Raft协议，集群节点之间复制日志，多数节点确认后提交。"]),
            ("Redis集群如何分片？", ["Redis集群有16384个哈希槽，集群节点通过Gossip协议交换信息。"]),
        ]
        let terms = KeywordExtractor(bank: bank).extract(reference: bank[0].references[0], question: bank[0].question)
        let node = terms.first { $0.key == "集群节点" || $0.key == "节点" }
        let vote = terms.first { $0.key.contains("多数") }
        #expect(node != nil && vote != nil)
        #expect((vote?.weight ?? 0) > (node?.weight ?? 0))
    }

    @Test func segmenterFallsBackToBigramsOnlyWhenNeeded() {
        let stats = TermStatistics(documents: ["哈希槽哈希槽", "分片"])
        let seg = ChineseSegmenter(statistics: stats).segment("哈希槽分配")
        #expect(seg.first?.term == "哈希槽")
        #expect(seg.first?.repeated == true)
        #expect(seg.contains { $0.term == "分配" && !$0.repeated })
    }
}

@Suite("Authoring: several reference answers")
struct AuthoringReferencesTests {
    @Test func termsTheReferencesShareWeighMore() {
        let refs = ["The switch is open so there is a gap in the circuit.",
                    "There is a gap because the switch is open.",
                    "The circuit is incomplete."]
        let bank: [(question: String, references: [String])] = [("Why does the bulb not light?", refs),
                                                                 ("What is a circuit?", ["A closed path for current."])]
        let terms = KeywordExtractor(bank: bank).extract(references: refs, question: bank[0].question)
        let gap = terms.first { $0.key == "w:gap" }?.weight ?? 0
        let incomplete = terms.first { $0.key == "w:incomplet" }?.weight ?? 0
        #expect(gap > 0 && incomplete > 0)
        #expect(gap > incomplete)                 // two of three references say "gap", one "incomplete"
        #expect(terms.filter { $0.key == "w:gap" }.count == 1)
    }

    @Test func smallNumbersAreMatchedAsDigitsOrWords() {
        let bank: [(question: String, references: [String])] = [("How many children may a binary tree node have?", ["At most 2 children."])]
        let terms = KeywordExtractor(bank: bank).extract(reference: bank[0].references[0], question: bank[0].question)
        #expect(terms.first { $0.key == "w:2" }?.aliases == ["2", "two"])
    }
}
