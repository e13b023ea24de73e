import Foundation
import RubricKit

/// A horizontal bar chart as inline SVG: one labelled bar per row, on a fixed scale, with optional
/// vertical guide lines (e.g. the grade bands). No script, no external resources; all text escaped.
public struct SVGBarChart: Sendable, Equatable {
    public struct Bar: Sendable, Equatable {
        public var label: String
        /// nil draws an empty row with `valueText` (e.g. "not graded").
        public var value: Double?
        public var valueText: String
        public var color: String
        public init(label: String, value: Double?, valueText: String, color: String) {
            self.label = label; self.value = value; self.valueText = valueText; self.color = color
        }
    }

    public struct Guide: Sendable, Equatable {
        public var value: Double
        public var label: String
        public init(value: Double, label: String) { self.value = value; self.label = label }
    }

    public var title: String
    public var bars: [Bar]
    public var scaleMax: Double
    public var guides: [Guide]

    public init(title: String, bars: [Bar], scaleMax: Double, guides: [Guide] = []) {
        self.title = title; self.bars = bars; self.scaleMax = scaleMax; self.guides = guides
    }

    static let width = 760.0
    static let labelWidth = 210.0
    static let barWidth = 360.0
    static let rowHeight = 34.0
    static let top = 24.0

    /// Longest label shown in full, in display columns (a CJK character counts two).
    static let labelColumns = 30

    public var svg: String {
        let h = TextEscaping.html
        let height = SVGBarChart.top + Double(bars.count) * SVGBarChart.rowHeight + 12
        let x0 = SVGBarChart.labelWidth
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(n(SVGBarChart.width)) \(n(height))\" width=\"\(n(SVGBarChart.width))\" height=\"\(n(height))\" aria-label=\"\(h(title))\">\n"
        out += "<title>\(h(title))</title>\n"
        // Background track and guides.
        out += "<rect x=\"\(n(x0))\" y=\"\(n(SVGBarChart.top - 6))\" width=\"\(n(SVGBarChart.barWidth))\" height=\"\(n(Double(bars.count) * SVGBarChart.rowHeight))\" fill=\"#f4f6f8\"/>\n"
        for g in guides {
            let x = x0 + SVGBarChart.barWidth * min(max(g.value / scaleMax, 0), 1)
            out += "<line x1=\"\(n(x))\" y1=\"\(n(SVGBarChart.top - 10))\" x2=\"\(n(x))\" y2=\"\(n(height - 10))\" stroke=\"#9aa5b1\" stroke-dasharray=\"3 3\"/>\n"
            out += "<text x=\"\(n(x))\" y=\"\(n(SVGBarChart.top - 12))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#52606d\">\(h(g.label))</text>\n"
        }
        for (i, bar) in bars.enumerated() {
            let y = SVGBarChart.top + Double(i) * SVGBarChart.rowHeight
            let shown = SVGBarChart.shorten(bar.label)
            out += "<g>\n<title>\(h(bar.label)): \(h(bar.valueText))</title>\n"
            out += "<text x=\"\(n(x0 - 8))\" y=\"\(n(y + 15))\" font-size=\"13\" text-anchor=\"end\" fill=\"#1f2933\">\(h(shown))</text>\n"
            if let v = bar.value {
                let w = SVGBarChart.barWidth * min(max(v / scaleMax, 0), 1)
                out += "<rect x=\"\(n(x0))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"20\" rx=\"3\" fill=\"\(h(bar.color))\"/>\n"
            }
            out += "<text x=\"\(n(x0 + SVGBarChart.barWidth + 8))\" y=\"\(n(y + 15))\" font-size=\"13\" fill=\"#1f2933\">\(h(bar.valueText))</text>\n</g>\n"
        }
        out += "</svg>"
        return out
    }

    /// The label cut to `labelColumns` display columns with an ellipsis.
    static func shorten(_ label: String) -> String {
        var columns = 0
        var out = ""
        for ch in label {
            let w = ch.unicodeScalars.first.map { $0.value >= 0x1100 ? 2 : 1 } ?? 1
            if columns + w > labelColumns - 1 { return out + "…" }
            columns += w
            out.append(ch)
        }
        return out
    }

    /// Numbers without needless decimals, `.` as separator.
    private func n(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v)
    }
}

/// Colours shared by the HTML outputs.
public enum ReportPalette {
    public static let step = "#1565c0"
    /// The colour of a score's grade under the standard bands.
    public static func grade(_ score: Double) -> String {
        switch GradeBands.standard.grade(for: score) {
        case .A: return "#2e7d32"
        case .B: return "#689f38"
        case .C: return "#f9a825"
        case .D: return "#ef6c00"
        case .F: return "#c62828"
        }
    }

    /// Guide lines at the floors of the standard grade bands.
    public static var gradeGuides: [SVGBarChart.Guide] {
        [Grade.D, .C, .B, .A].map { SVGBarChart.Guide(value: GradeBands.standard.floor(of: $0), label: $0.rawValue) }
    }
}
