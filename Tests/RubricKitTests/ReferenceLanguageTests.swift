import Foundation
import Testing
@testable import RubricKit

/// The similarity signal compares an answer only with references (the standard answer and the
/// alternatives) in the answer's language, and scores 0 when there is none. So every bundled
/// rubric needs a reference in each language its question is asked in, or candidates answering
/// in that language lose the signal.
@Suite("Reference languages")
struct ReferenceLanguageTests {
    /// Bundled rubrics known to lack a reference in a question language, and why. A rubric listed
    /// here that gains the reference makes the test fail, so the entry must then be removed.
    static let knownGaps: [String: Comment] = [:]

    /// The languages the question is given in. Plain text fills both languages with one text, so
    /// its language is the text's own.
    static func questionLanguages(_ q: LocalizedText) -> Set<Language> {
        if let zh = q.zh, let en = q.en, zh == en { return [language(of: zh)] }
        var out: Set<Language> = []
        if let zh = q.zh, !zh.isEmpty { out.insert(.zh) }
        if let en = q.en, !en.isEmpty { out.insert(.en) }
        return out
    }

    /// A text's language as the similarity signal sees it.
    static func language(of text: String) -> Language {
        ReferenceFeatures(text: text, conceptsNamed: { _ in 0 }).isChinese ? .zh : .en
    }

    /// The question languages that have no reference answer in that language.
    static func missingReferenceLanguages(_ r: Rubric) -> [Language] {
        let references = ([r.standardAnswer] + r.alternatives).filter { !$0.isEmpty }
        let have = Set(references.map(language(of:)))
        return questionLanguages(r.question).subtracting(have).sorted()
    }

    @Test func theCheckFindsAMissingLanguage() {
        let zhOnly = Rubric(id: "demo.q", category: "demo",
                            question: LocalizedText(zh: "Kafka如何保证消息不丢失？", en: "How does Kafka avoid losing messages?"),
                            standardAnswer: "生产者设置acks=all，等待所有同步副本确认。", concepts: [])
        #expect(Self.missingReferenceLanguages(zhOnly) == [.en])
        var both = zhOnly
        both.alternatives = ["The producer sets acks=all and waits for every in-sync replica."]
        #expect(Self.missingReferenceLanguages(both) == [])
        // A plain-text Chinese question is asked in Chinese only.
        let plain = Rubric(id: "demo.p", category: "demo", question: LocalizedText("请解释CAP理论"),
                           standardAnswer: "一致性、可用性和分区容错性不能同时满足。", concepts: [])
        #expect(Self.missingReferenceLanguages(plain) == [])
    }

    @Test func everyBundledQuestionLanguageHasAReference() throws {
        let (framework, rubrics) = try ContentExamplesTests.load()
        #expect(rubrics.count >= 21)
        let scorer = RubricScorer(framework: framework)
        for r in rubrics {
            #expect(Self.language(of: r.standardAnswer) == r.language,
                    "\(r.id): the standard answer is not in the rubric's language \(r.language.rawValue)")
            func check() {
                let missing = Self.missingReferenceLanguages(r)
                #expect(missing.isEmpty, "\(r.id): no reference answer in \(missing.map(\.rawValue).joined(separator: ", "))")
                // Through the scorer: the question's own words, in each language it is asked in,
                // find something to be similar to.
                for lang in Self.questionLanguages(r.question) {
                    let similarity = scorer.grade(r.question.text(lang), against: r).breakdown.similarity
                    #expect(similarity > 0, "\(r.id): an answer in \(lang.rawValue) gets no similarity signal")
                }
            }
            if let reason = Self.knownGaps[r.id] { withKnownIssue(reason) { check() } } else { check() }
        }
    }
}
