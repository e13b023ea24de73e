/// A table written as CSV per RFC 4180: CRLF line ends, fields quoted when they hold a quote, a comma,
/// CR or LF, quotes doubled. A UTF-8 byte-order mark is optional (spreadsheets need it to read Chinese).
public struct CSVTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]

    public init(header: [String], rows: [[String]] = []) { self.header = header; self.rows = rows }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// One field, quoted when it must be.
    public static func field(_ value: String) -> String {
        let needsQuotes = value.unicodeScalars.contains { $0 == "\"" || $0 == "," || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }

    /// The whole table; every record, the last included, ends with CRLF.
    public func rendered(byteOrderMark: Bool = false) -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        for row in [header] + rows {
            out += row.map(CSVTable.field).joined(separator: ",") + "\r\n"
        }
        return out
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
