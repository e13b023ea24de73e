/// English word families — a base word with its irregular and comparative forms (`high`, `higher`,
/// `highest`; `leaf`, `leaves`; `find`, `found`) — for the forms a Porter stem does not join.
///
/// The table is general English, generated from WordNet 3.0 restricted to common words
/// (`scripts/generate-english-word-forms.py`); it holds nothing from any graded data set.
public enum EnglishWordForms {
    /// Word → every other word of the families it belongs to, sorted.
    static let relatives: [String: [String]] = {
        var out: [String: Set<String>] = [:]
        for line in table.split(separator: "\n") {
            let family = line.split(separator: " ").map(String.init)
            for w in family { out[w, default: []].formUnion(family) }
        }
        return out.mapValues { $0.sorted() }
    }()

    /// The other forms of `word` (lower case) whose Porter stem differs from the word's and from each
    /// other's: only those add anything, since the scorer already matches words by stem.
    public static func forms(of word: String) -> [String] {
        guard let family = relatives[word] else { return [] }
        var stems: Set<String> = [PorterStemmer.stem(word)]
        return family.filter { $0 != word && stems.insert(PorterStemmer.stem($0)).inserted }
    }
}
