import Foundation

/// Escaping for the output formats. Every piece of user or content text goes through one of these.
public enum TextEscaping {
    /// Text safe inside HTML element content and double- or single-quoted attribute values.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Text safe inline in Markdown: the characters that start emphasis, code, links, raw HTML or
    /// table cells are backslash-escaped (`#` only where it would start a heading) (`<` `>` become entities, which every renderer shows as text).
    /// Newlines are kept; use `markdownCell` inside tables.
    public static func markdown(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var lineStart = true
        for ch in text.unicodeScalars {
            defer { lineStart = ch == "\n" }
            switch ch {
            case "#" where lineStart: out += "\\#"
            case "\\", "`", "*", "_", "[", "]", "|": out += "\\"; out.unicodeScalars.append(ch)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": continue
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// Text safe in one Markdown table cell: `markdown` escaping, and line breaks as `<br>`.
    public static func markdownCell(_ text: String) -> String {
        markdown(text).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "<br>")
    }

    /// Text as a Markdown block quote, one `> ` line per line.
    public static func markdownQuote(_ text: String) -> String {
        let lines = markdown(text).split(separator: "\n", omittingEmptySubsequences: false)
        // Two trailing spaces make a hard line break between the lines of one paragraph.
        return lines.enumerated().map { i, line in
            let text = line.isEmpty ? ">" : "> " + line
            return i < lines.count - 1 && !line.isEmpty && !lines[i + 1].isEmpty ? text + "  " : text
        }.joined(separator: "\n")
    }
}
