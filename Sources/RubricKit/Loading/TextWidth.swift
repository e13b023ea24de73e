/// Width of text in terminal columns: East Asian wide characters take two. Used to line up tables
/// and to put a caret under the right column.
public enum TextWidth {
    public static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.isWide ? 2 : 1) }
    }

    /// `text` padded with spaces to `width` columns.
    public static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - columns(text)))
    }
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
