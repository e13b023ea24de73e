/// Function words that never make a key term on their own.
enum StopWords {
    /// English stop words (lower case), after `TextNormalizer` has split contractions at the apostrophe.
    static let english: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
        "do", "does", "doing", "down", "during", "each", "either", "etc", "even", "ever", "every", "few", "for", "from", "further",
        "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however",
        "i", "if", "in", "into", "is", "it", "its", "itself", "just", "let", "like", "may", "me", "might", "more", "most", "much", "must",
        "my", "myself", "nor", "now", "of", "off", "on", "once", "one", "only", "or", "other", "others", "our", "ours",
        "ourselves", "out", "over", "own", "per", "rather", "really", "s", "same", "says", "she", "should", "since", "so", "some", "such",
        "t", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
        "those", "though", "through", "thus", "to", "too", "under", "until", "up", "upon", "us", "use", "used", "uses", "using",
        "very", "via", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why",
        "will", "with", "within", "would", "yes", "yet", "you", "your", "yours", "yourself", "d", "ll", "m", "re", "ve",
        "e", "g", "eg", "ie", "get", "gets", "got", "make", "makes", "made", "thing", "things", "way", "ways", "well", "able",
        "need", "needs", "say", "said", "many", "lot", "lots", "another", "certain", "something", "anything", "what's",
    ]

    /// Words that turn the following term negative.
    static let englishNegators: Set<String> = ["not", "no", "never", "without", "cannot", "nothing", "none", "neither", "nor"]

    /// Chinese characters that rarely begin or end a technical term: particles, conjunctions,
    /// pronouns and the copula. A candidate term that starts or ends with one is dropped.
    static let chineseEdge: Set<Unicode.Scalar> = Set("的了着过吗呢吧啊呀和与及或把被这那个也都就之其是在从到向给让但而且则即所以如若时".unicodeScalars)

    /// Chinese particles and conjunctions that no term spans (`发送和接收` is two terms).
    static let chineseSeparators: Set<Unicode.Scalar> = Set("的了着和与及或吗呢吧啊呀".unicodeScalars)

    /// Chinese words that carry no subject matter on their own.
    static let chineseGeneric: Set<String> = [
        "可以", "可能", "能够", "需要", "通过", "进行", "使用", "实现", "如何", "什么", "怎么", "为什么", "因为", "所以",
        "如果", "然后", "以及", "或者", "并且", "但是", "一个", "一些", "这些", "那些", "这个", "那个", "没有", "不是",
        "我们", "他们", "它们", "你们", "自己", "主要", "方面", "情况", "时候", "问题", "方法", "方式", "以下", "包括",
        "其中", "同时", "例如", "比如", "就是", "还是", "只是", "已经", "应该", "非常", "比较", "所有", "每个", "之间",
    ]
}
