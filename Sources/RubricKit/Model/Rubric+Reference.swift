extension Rubric {
    /// The reference answer to show in `language`: the standard answer when it is written in that
    /// language, else the first alternative that is, else the standard answer.
    public func referenceAnswer(in language: Language) -> String {
        func isWritten(in language: Language, _ text: String) -> Bool {
            ReferenceFeatures.isMostlyChinese(Tokenizer.tokenize(text)) == (language == .zh)
        }
        if isWritten(in: language, standardAnswer) { return standardAnswer }
        return alternatives.first { isWritten(in: language, $0) } ?? standardAnswer
    }
}
