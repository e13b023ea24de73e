import Foundation
import RubricKit

extension ProgressStats {
    public func json() throws -> String {
        String(decoding: try ReportFormatting.jsonEncoder().encode(self), as: UTF8.self) + "\n"
    }

    /// A sparkline of 0–100 scores.
    static func sparkline(_ values: [Double]) -> String {
        let bars = Array("▁▂▃▄▅▆▇█")
        return String(values.map { bars[min(bars.count - 1, max(0, Int($0 / 100 * Double(bars.count - 1) + 0.5)))] })
    }

    /// Plain text for the terminal. Dates in `timeZone`.
    public func text(timeZone: TimeZone) -> String {
        let s = ReportStrings(language)
        var out: [String] = []
        guard sessions > 0 else {
            return s.t("还没有已评分的会话。先练习一次：mockinterview practice quick", "No graded sessions yet. Practise first: mockinterview practice quick") + "\n"
        }
        out.append(s.t("学习进度", "Progress") + " · \(sessions) " + s.t("次会话", sessions == 1 ? "session" : "sessions")
                   + " · \(questionsGraded) " + s.t("道题已评分", questionsGraded == 1 ? "question graded" : "questions graded")
                   + (averageScore.map { " · " + s.t("平均分 ", "average ") + ReportFormatting.score($0) } ?? ""))
        out.append("")
        out.append(s.t("各类别得分趋势", "Score trend per category"))
        let width = categories.map { TextWidth.columns($0.name) }.max() ?? 0
        for c in categories {
            let first = c.points.first?.averageScore ?? 0, last = c.points.last?.averageScore ?? 0
            var line = "  " + TextWidth.pad(c.name, to: width) + "  " + ProgressStats.sparkline(c.points.map(\.averageScore))
            line += "  " + ReportFormatting.score(first) + " → " + ReportFormatting.score(last)
            if let change = c.change { line += "  (" + (change >= 0 ? "+" : "") + ReportFormatting.score(change) + ")" }
            line += "  · \(c.points.count) " + s.t("次", c.points.count == 1 ? "session" : "sessions")
            out.append(line)
        }
        out.append("")
        out.append(s.t("最常遗漏的要点", "Concepts most often missed"))
        if missedConcepts.isEmpty { out.append("  " + s.t("无", "none")) }
        for m in missedConcepts {
            out.append("  \(m.missed)/\(m.asked)  " + TextWidth.pad(ReportFormatting.percent(m.rate), to: 4) + "  " + m.question + " · " + m.label)
        }
        out.append("")
        out.append(s.t("最常缺失的答题步骤", "Framework steps most often absent"))
        let stepWidth = absentSteps.map { TextWidth.columns($0.name) }.max() ?? 0
        for a in absentSteps {
            out.append("  " + TextWidth.pad(a.name, to: stepWidth) + "  \(a.absent)/\(a.graded)  " + ReportFormatting.percent(a.share))
        }
        out.append("")
        out.append(s.t("每题用时", "Time per question"))
        let idWidth = timePerQuestion.map { $0.question.count }.max() ?? 0
        for t in timePerQuestion {
            out.append("  " + TextWidth.pad(t.question, to: idWidth) + "  " + ReportFormatting.duration(t.averageSeconds)
                       + " / " + ReportFormatting.duration(Double(t.budgetSeconds)) + "  × \(t.answered)"
                       + (t.overBudget > 0 ? "  " + s.t("超时 ", "over budget ") + "\(t.overBudget)" : ""))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A self-contained HTML page with the trend chart and the steps chart. Dates in `timeZone`.
    public func html(timeZone: TimeZone) -> String {
        let s = ReportStrings(language)
        let h = TextEscaping.html
        var b: [String] = ["<h1>\(h(s.t("学习进度", "Progress")))</h1>"]
        b.append("<p>\(sessions) \(h(s.t("次会话", sessions == 1 ? "session" : "sessions"))) · \(questionsGraded) \(h(s.t("道题已评分", questionsGraded == 1 ? "question graded" : "questions graded")))"
                 + (averageScore.map { " · \(h(s.t("平均分", "average"))) \(ReportFormatting.score($0))" } ?? "") + "</p>")
        // Trend: x = the sessions' dates, in order.
        let points = categories.flatMap(\.points)
        let sessionsInOrder = Array(Set(points.map { PointKey(date: $0.date, session: $0.session) })).sorted { ($0.date, $0.session) < ($1.date, $1.session) }
        let index = Dictionary(sessionsInOrder.enumerated().map { ($1.session, $0) }, uniquingKeysWith: { a, _ in a })
        let chart = SVGLineChart(
            title: s.t("各类别得分趋势", "Score trend per category"),
            series: categories.enumerated().map { i, c in
                SVGLineChart.Series(name: c.name, points: c.points.compactMap { p in index[p.session].map { (x: $0, y: p.averageScore) } },
                                    color: SVGLineChart.palette[i % SVGLineChart.palette.count])
            },
            xLabels: trendLabels(sessionsInOrder.map(\.date), timeZone: timeZone),
            guides: ReportPalette.gradeGuides)
        let steps = SVGBarChart(
            title: s.t("答题步骤缺失比例", "Framework steps absent"),
            bars: absentSteps.map { SVGBarChart.Bar(label: $0.name, value: $0.share * 100,
                                                    valueText: "\($0.absent)/\($0.graded) · " + ReportFormatting.percent($0.share),
                                                    color: "#c62828") },
            scaleMax: 100)
        b.append("<div class=\"charts\"><div class=\"chart-box\"><h3>\(h(chart.title))</h3>\n\(chart.svg)</div>")
        b.append("<div class=\"chart-box\"><h3>\(h(steps.title))</h3>\n\(steps.svg)</div></div>")
        b.append("<h2>\(h(s.t("各类别", "Categories")))</h2><table><tr><th>\(h(s.t("类别", "Category")))</th><th class=\"num\">\(h(s.t("次数", "Sessions")))</th><th class=\"num\">\(h(s.t("平均分", "Average")))</th><th class=\"num\">\(h(s.t("变化", "Change")))</th></tr>")
        for c in categories {
            b.append("<tr><td>\(h(c.name))</td><td class=\"num\">\(c.points.count)</td><td class=\"num\">\(ReportFormatting.score(c.averageScore))</td><td class=\"num\">\(c.change.map { ($0 >= 0 ? "+" : "") + ReportFormatting.score($0) } ?? "-")</td></tr>")
        }
        b.append("</table>")
        b.append("<h2>\(h(s.t("最常遗漏的要点", "Concepts most often missed")))</h2><table><tr><th>\(h(s.t("题目", "Question")))</th><th>\(h(s.t("要点", "Concept")))</th><th class=\"num\">\(h(s.t("遗漏", "Missed")))</th><th class=\"num\">%</th></tr>")
        for m in missedConcepts {
            b.append("<tr><td><code>\(h(m.question))</code></td><td>\(h(m.label))</td><td class=\"num\">\(m.missed)/\(m.asked)</td><td class=\"num\">\(ReportFormatting.percent(m.rate))</td></tr>")
        }
        b.append("</table>")
        b.append("<h2>\(h(s.t("每题用时", "Time per question")))</h2><table><tr><th>\(h(s.t("题目", "Question")))</th><th class=\"num\">\(h(s.t("次数", "Answered")))</th><th class=\"num\">\(h(s.t("平均用时", "Average time")))</th><th class=\"num\">\(h(s.t("预算", "Budget")))</th><th class=\"num\">\(h(s.t("超时", "Over budget")))</th></tr>")
        for t in timePerQuestion {
            b.append("<tr><td>\(h(t.text)) <code>\(h(t.question))</code></td><td class=\"num\">\(t.answered)</td><td class=\"num\">\(ReportFormatting.duration(t.averageSeconds))</td><td class=\"num\">\(ReportFormatting.duration(Double(t.budgetSeconds)))</td><td class=\"num\">\(t.overBudget)</td></tr>")
        }
        b.append("</table>")
        b.append("<footer>\(h(s.t("生成于 ", "Generated ") + ReportFormatting.dateTime(generatedAt, timeZone: timeZone))) · mockinterview · schema \(schema)</footer>")
        return HTMLPage(title: s.t("学习进度", "Progress"), language: language, body: b.joined(separator: "\n")).rendered
    }
}

private struct PointKey: Hashable { var date: Date; var session: String }

/// `11-25` per session, or `11-25 14:03` when two sessions fall on the same day.
private func trendLabels(_ dates: [Date], timeZone: TimeZone) -> [String] {
    let days = dates.map { String(ReportFormatting.day($0, timeZone: timeZone).dropFirst(5)) }
    guard Set(days).count < days.count else { return days }
    return dates.map { String(ReportFormatting.dateTime($0, timeZone: timeZone).dropFirst(5).prefix(11)) }
}
