/// Width of text in terminal columns: East Asian wide characters take two. Used to line up tables
/// and to put a caret under the right column.
public enum TextWidth {
    /// `text` without its colour codes (`ESC [ … m`).
    public static func withoutColour(_ text: String) -> String {
        var plain = "", escape = false
        for s in text.unicodeScalars {
            if escape { if s == "m" { escape = false }; continue }
            if s == "\u{1B}" { escape = true; continue }
            plain.unicodeScalars.append(s)
        }
        return plain
    }

    /// Colour codes (`ESC [ … m`) take no columns.
    public static func columns(_ text: String) -> Int {
        var n = 0, escape = false
        for s in text.unicodeScalars {
            if escape { if s == "m" { escape = false }; continue }
            if s == "\u{1B}" { escape = true; continue }
            n += s.isWide ? 2 : 1
        }
        return n
    }

    /// `text` padded with spaces to `width` columns.
    public static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - columns(text)))
    }

    /// `text` broken into lines of at most `width` columns (a longer word gets a line of its own):
    /// Latin text at spaces, Chinese between characters but never before closing punctuation
    /// (`，。、；：！？）」`). Line breaks in `text` are kept; spaces at a break are dropped; colour
    /// codes are kept and take no room.
    /// - Parameter laterWidth: the width of every line after the first (a hanging indent); `width` when nil.
    public static func wrap(_ text: String, width: Int, laterWidth: Int? = nil) -> [String] {
        guard width > 0 else { return [text] }
        let laterWidth = max(1, laterWidth ?? width)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = paragraph.prefix { $0 == " " }     // the paragraph's own indentation stays
            var line = String(indent), lineWidth = indent.count
            var hasText = false, pendingSpace = false
            for unit in units(of: paragraph.dropFirst(indent.count)) {
                if unit == " " { pendingSpace = hasText; continue }
                let w = columns(unit)
                let space = pendingSpace ? 1 : 0
                if hasText && lineWidth + space + w > (lines.isEmpty ? width : laterWidth) {
                    lines.append(line)
                    line = ""; lineWidth = 0; hasText = false
                } else if pendingSpace {
                    line += " "; lineWidth += 1
                }
                pendingSpace = false
                line += unit; lineWidth += w; hasText = true
            }
            lines.append(line)
        }
        return lines
    }

    /// The pieces a line may break between: a space, a Latin word (with trailing punctuation), or one
    /// wide character (with the closing punctuation after it).
    private static func units(of text: Substring) -> [String] {
        var out: [String] = []
        var word = ""
        var escape = false
        for ch in text {
            let scalar = ch.unicodeScalars.first ?? " "
            if escape || ch == "\u{1B}" {
                // A colour code sticks to the text around it.
                word.append(ch)
                escape = ch != "m"
            } else if ch == " " || ch == "\t" {
                if !word.isEmpty { out.append(word); word = "" }
                out.append(" ")
            } else if closing.contains(ch) {
                // Closing punctuation stays with what it closes.
                if word.isEmpty, let last = out.last, last != " " { out[out.count - 1].append(ch) } else { word.append(ch) }
                // A line may break after Chinese punctuation (`conditions：PodScheduled、Ready`).
                if scalar.isWide && !word.isEmpty { out.append(word); word = "" }
            } else if scalar.isWide {
                if !word.isEmpty && columns(word) > 0 { out.append(word); word = "" }
                out.append(word + String(ch)); word = ""
            } else {
                word.append(ch)
            }
        }
        if !word.isEmpty { out.append(word) }
        return out
    }

    private static let closing: Set<Character> = ["，", "。", "、", "；", "：", "！", "？", "）", "」", "』", "》", "】", ",", ".", ";", ":", "!", "?", ")"]
}

extension Unicode.Scalar {
    /// East Asian wide characters (two terminal cells), approximated by the CJK and full-width blocks.
    var isWide: Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
