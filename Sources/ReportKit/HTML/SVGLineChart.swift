import Foundation

/// A line chart as inline SVG: several series of 0–`scaleMax` values over the same sequence of sessions,
/// with a legend. No script, no external resources; all text escaped.
public struct SVGLineChart: Sendable, Equatable {
    public struct Series: Sendable, Equatable {
        public var name: String
        /// (x position 0…, value) pairs; x indexes the shared sessions.
        public var points: [(x: Int, y: Double)]
        public var color: String
        public init(name: String, points: [(x: Int, y: Double)], color: String) {
            self.name = name; self.points = points; self.color = color
        }
        public static func == (a: Series, b: Series) -> Bool {
            a.name == b.name && a.color == b.color && a.points.map(\.x) == b.points.map(\.x) && a.points.map(\.y) == b.points.map(\.y)
        }
    }

    public var title: String
    public var series: [Series]
    /// Labels of the x positions (e.g. dates).
    public var xLabels: [String]
    public var scaleMax: Double
    public var guides: [SVGBarChart.Guide]

    public init(title: String, series: [Series], xLabels: [String], scaleMax: Double = 100, guides: [SVGBarChart.Guide] = []) {
        self.title = title; self.series = series; self.xLabels = xLabels; self.scaleMax = scaleMax; self.guides = guides
    }

    public static let palette = ["#1565c0", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#5d4037", "#ad1457"]

    public var svg: String {
        let h = TextEscaping.html
        let left = 44.0, right = 16.0, top = 16.0, plotH = 220.0, width = 680.0
        let legendRows = Double((series.count + 2) / 3)
        let height = top + plotH + 40 + legendRows * 20
        let plotW = width - left - right
        let n = max(xLabels.count - 1, 1)
        func x(_ i: Int) -> Double { xLabels.count <= 1 ? left + plotW / 2 : left + plotW * Double(i) / Double(n) }
        func y(_ v: Double) -> Double { top + plotH * (1 - min(max(v / scaleMax, 0), 1)) }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\" aria-label=\"\(h(title))\">\n<title>\(h(title))</title>\n"
        out += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\" fill=\"#f4f6f8\"/>\n"
        for v in stride(from: 0.0, through: scaleMax, by: scaleMax / 4) {
            out += "<text x=\"\(f(left - 6))\" y=\"\(f(y(v) + 4))\" font-size=\"11\" text-anchor=\"end\" fill=\"#52606d\">\(f(v))</text>\n"
        }
        for g in guides {
            out += "<line x1=\"\(f(left))\" y1=\"\(f(y(g.value)))\" x2=\"\(f(left + plotW))\" y2=\"\(f(y(g.value)))\" stroke=\"#9aa5b1\" stroke-dasharray=\"3 3\"/>\n"
            out += "<text x=\"\(f(left + plotW - 2))\" y=\"\(f(y(g.value) - 3))\" font-size=\"10\" text-anchor=\"end\" fill=\"#52606d\">\(h(g.label))</text>\n"
        }
        // Label at most ~8 x positions so dates do not overlap.
        let step = max(1, (xLabels.count + 7) / 8)
        for (i, label) in xLabels.enumerated() where i % step == 0 || i == xLabels.count - 1 {
            out += "<text x=\"\(f(x(i)))\" y=\"\(f(top + plotH + 16))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#52606d\">\(h(label))</text>\n"
        }
        for s in series {
            let pts = s.points.map { "\(f(x($0.x))),\(f(y($0.y)))" }.joined(separator: " ")
            out += "<g><title>\(h(s.name))</title>\n"
            if s.points.count > 1 {
                out += "<polyline points=\"\(pts)\" fill=\"none\" stroke=\"\(h(s.color))\" stroke-width=\"2.5\"/>\n"
            }
            for p in s.points {
                out += "<circle cx=\"\(f(x(p.x)))\" cy=\"\(f(y(p.y)))\" r=\"4\" fill=\"\(h(s.color))\"><title>\(h(s.name)): \(ReportFormatting.score(p.y))</title></circle>\n"
            }
            out += "</g>\n"
        }
        for (i, s) in series.enumerated() {
            let lx = left + Double(i % 3) * 210, ly = top + plotH + 34 + Double(i / 3) * 20
            out += "<rect x=\"\(f(lx))\" y=\"\(f(ly - 10))\" width=\"12\" height=\"12\" fill=\"\(h(s.color))\"/>"
            out += "<text x=\"\(f(lx + 18))\" y=\"\(f(ly))\" font-size=\"12\" fill=\"#1f2933\">\(h(SVGBarChart.shorten(s.name)))</text>\n"
        }
        out += "</svg>"
        return out
    }

    private func f(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v) }
}
