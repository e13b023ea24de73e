/// A Markdown (GFM) table; every cell is escaped.
struct MarkdownTable {
    var header: [String]
    var rows: [[String]] = []

    mutating func append(_ row: [String]) { rows.append(row) }

    var rendered: String {
        var lines = ["| " + header.map(TextEscaping.markdownCell).joined(separator: " | ") + " |",
                     "|" + header.map { _ in "---" }.joined(separator: "|") + "|"]
        for row in rows { lines.append("| " + row.map(TextEscaping.markdownCell).joined(separator: " | ") + " |") }
        return lines.joined(separator: "\n")
    }
}
