/// Reads the value written after a setting's key: `acks=all`, `min.insync.replicas设置为2`,
/// `replication.factor: 3`, `slot = CRC16(key) % 16384`, and, for numbers, before it (`16384个槽`).
enum ValueReader {
    enum Verdict: String, Sendable, Codable { case right, wrong, missing }

    struct Reading {
        var verdict: Verdict
        /// Token range of the value read, when one was.
        var first: Int?
        var last: Int?
    }

    /// Words and characters that may sit between a key and its value; `assigning` ones say a value follows.
    static let connectorWords: Set<String> = [
        "is", "are", "to", "be", "set", "sets", "setting", "equal", "equals", "of", "should", "must", "the", "a",
        "default", "defaults", "value", "as", "at", "least", "it", "use", "using",
    ]
    static let assigningWords: Set<String> = ["is", "are", "to", "be", "equal", "equals"]
    static let connectorCJK: Set<String> = [
        "为", "是", "设", "置", "成", "等", "于", "到", "改", "默", "认", "值", "要", "应", "该", "必", "须", "需",
        "配", "的", "取", "用", "至", "少", "写", "填", "调", "整",
    ]
    static let assigningCJK: Set<String> = ["为", "是", "成", "于", "到"]
    /// Words that look like a setting's value even without an `=` before them.
    static let valueWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "all", "none", "null", "enabled", "disabled"]

    static func read(after keyLast: Int, keyFirst: Int, tokens: TokenizedText, accepted: [[String]]) -> Reading {
        var i = keyLast + 1
        var skipped = 0
        var sawConnector = false
        while i < tokens.count && skipped <= 4 {
            let t = tokens[i]
            if t.breakBefore == .sentence { break }
            if t.breakBefore == .clause && !t.afterAssignment { break }
            if t.afterAssignment { sawConnector = true }
            let text = tokens.text(i)
            let isConnector = t.kind == .cjk ? connectorCJK.contains(text) : connectorWords.contains(text)
            if isConnector {
                if t.kind == .cjk ? assigningCJK.contains(text) : assigningWords.contains(text) { sawConnector = true }
                skipped += 1; i += 1; continue
            }
            if t.kind == .cjk { break }
            let looksLikeValue = t.kind == .number || valueWords.contains(text) || sawConnector || t.afterAssignment
                || accepted.contains { $0.first == text }
            guard looksLikeValue else { break }
            return judge(at: i, tokens: tokens, accepted: accepted)
        }
        // A number just before the key: `16384个槽`, `3副本`.
        var j = keyFirst - 1
        var back = 0
        while j >= 0 && back < 2 {
            let t = tokens[j]
            if t.kind == .number { return judge(at: j, tokens: tokens, accepted: accepted) }
            if t.kind != .cjk || !connectorCJK.contains(tokens.text(j)) && tokens.text(j) != "个" { break }
            if tokens[j + 1].breakBefore >= .clause { break }
            j -= 1; back += 1
        }
        return Reading(verdict: .missing)
    }

    private static func judge(at i: Int, tokens: TokenizedText, accepted: [[String]]) -> Reading {
        for value in accepted where !value.isEmpty && i + value.count <= tokens.count {
            var ok = true
            for (k, v) in value.enumerated() where tokens.text(i + k) != v { ok = false; break }
            if ok { return Reading(verdict: .right, first: i, last: i + value.count - 1) }
        }
        // The wrong value: as many tokens as the shortest accepted value, within the clause.
        let width = max(1, accepted.map(\.count).min() ?? 1)
        var last = i
        while last + 1 < tokens.count && last + 1 < i + width && tokens[last + 1].breakBefore < .clause { last += 1 }
        return Reading(verdict: .wrong, first: i, last: last)
    }
}
