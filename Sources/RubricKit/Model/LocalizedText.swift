/// A language the content and the user interface can be shown in.
public enum Language: String, Sendable, Codable, CaseIterable, Comparable {
    case zh, en
    public static func < (a: Language, b: Language) -> Bool { a.rawValue < b.rawValue }
}

/// Text given in Chinese, English or both. At least one is present.
public struct LocalizedText: Sendable, Equatable, Hashable, Codable {
    public var zh: String?
    public var en: String?

    public init(zh: String? = nil, en: String? = nil) {
        self.zh = zh
        self.en = en
    }

    /// The same text for every language.
    public init(_ text: String) { self.init(zh: text, en: text) }

    /// The text in `language`, else the other one, else "".
    public func text(_ language: Language) -> String {
        switch language {
        case .zh: return zh ?? en ?? ""
        case .en: return en ?? zh ?? ""
        }
    }

    public var isEmpty: Bool { (zh ?? "").isEmpty && (en ?? "").isEmpty }
}
