import Foundation

/// How often each term occurs across a bank of documents (a question with its reference answers),
/// for weighting terms by how distinctive they are. English words are counted by stem; Chinese is
/// counted as every substring of 2…`maxHanLength` characters, so no word segmenter is needed.
public struct TermStatistics: Sendable {
    public static let maxHanLength = 4

    public private(set) var documentCount = 0
    /// Documents holding each key (`w:stem` or a Han substring).
    private(set) var documentFrequency: [String: Int] = [:]
    /// Occurrences of each Han substring across the whole bank (repeats inside one document count).
    private(set) var occurrences: [String: Int] = [:]

    public init(documents: [String] = []) {
        for d in documents { add(d) }
    }

    public mutating func add(_ document: String) {
        documentCount += 1
        var seen = Set<String>()
        for piece in TextScanner.pieces(document) {
            switch piece {
            case .word(let w):
                let key = Self.wordKey(w)
                seen.insert(key)
            case .han(let run):
                let chars = Array(run)
                for i in chars.indices {
                    for n in 2...Self.maxHanLength where i + n <= chars.count {
                        let s = String(chars[i..<(i + n)])
                        seen.insert(s)
                        occurrences[s, default: 0] += 1
                    }
                }
            case .breakMark:
                break
            }
        }
        for k in seen { documentFrequency[k, default: 0] += 1 }
    }

    static func wordKey(_ word: String) -> String { "w:" + PorterStemmer.stem(word) }

    /// Documents that hold `key`.
    public func df(_ key: String) -> Int { documentFrequency[key] ?? 0 }

    /// Inverse document frequency, smoothed: `ln(1 + N / df)`; a key never seen counts as seen once.
    public func idf(_ key: String) -> Double {
        log(1 + Double(max(documentCount, 1)) / Double(max(df(key), 1)))
    }

    /// Occurrences of a Han substring across the bank.
    public func count(_ han: String) -> Int { occurrences[han] ?? 0 }
}
