import Foundation
import RubricKit

extension SessionReport {
    /// The framework chart: the share of graded questions showing each step.
    public var frameworkChart: SVGBarChart {
        let s = ReportStrings(language)
        return SVGBarChart(
            title: s.t("答题框架五步出现比例", "Framework steps present"),
            bars: summary.framework.map { c in
                var text = "\(c.present)/\(c.graded) · " + ReportFormatting.percent(c.share)
                if let r = c.averageRating { text += " · ★" + ReportFormatting.score(r) }
                return SVGBarChart.Bar(label: c.name, value: c.graded == 0 ? nil : c.share * 100,
                                       valueText: text, color: ReportPalette.step)
            },
            scaleMax: 100,
            guides: [SVGBarChart.Guide(value: 50, label: "50%"), SVGBarChart.Guide(value: 100, label: "100%")])
    }

    /// The category chart: the average score per category, with the grade bands as guides.
    public var categoryChart: SVGBarChart {
        let s = ReportStrings(language)
        return SVGBarChart(
            title: s.t("各类别平均分", "Average score by category"),
            bars: summary.categories.map { c in
                SVGBarChart.Bar(label: c.name, value: c.averageScore,
                                valueText: c.averageScore.map { ReportFormatting.score($0) + " (\(GradeBands.standard.grade(for: $0).rawValue))" }
                                    ?? s.t("未评分", "not graded"),
                                color: ReportPalette.grade(c.averageScore ?? 0))
            },
            scaleMax: 100, guides: ReportPalette.gradeGuides)
    }

    /// The report as one self-contained HTML page. Dates are shown in `timeZone`.
    public func html(timeZone: TimeZone) -> String {
        let s = ReportStrings(language)
        let h = TextEscaping.html
        var b: [String] = []
        b.append("<h1>\(h(s.t("面试报告", "Interview report"))) · \(h(session.scenarioTitle))</h1>")
        b.append("<table class=\"meta\">")
        func row(_ k: String, _ v: String) { b.append("<tr><td>\(h(k))</td><td>\(h(v))</td></tr>") }
        row(s.t("会话", "Session"), session.id)
        row(s.t("类型", "Kind"), s.kind(session.kind))
        row(s.t("场景", "Scenario"), "\(session.scenarioTitle) (\(session.scenarioID))")
        row(s.t("模式", "Mode"), s.mode(session.mode))
        if let c = session.candidate { row(s.t("候选人", "Candidate"), c) }
        if let i = session.interviewer { row(s.t("面试官", "Interviewer"), i) }
        row(s.t("开始", "Started"), ReportFormatting.dateTime(session.startedAt, timeZone: timeZone))
        if let e = session.endedAt { row(s.t("结束", "Ended"), ReportFormatting.dateTime(e, timeZone: timeZone)) }
        row(s.t("状态", "Status"), s.status(session.status))
        row(s.t("用时", "Time used"), ReportFormatting.duration(session.elapsedSeconds) + " / " + ReportFormatting.duration(Double(session.totalBudgetSeconds)))
        b.append("</table>")

        b.append("<h2>\(h(s.t("总结", "Summary")))</h2>")
        let avg = summary.averageScore
        b.append("<p>\(h(s.t("平均分", "Average score")))\(s.colon)"
                 + (avg.map { "<span class=\"badge\" style=\"background:\(ReportPalette.grade($0))\">\(ReportFormatting.score($0)) · \(summary.grade?.rawValue ?? "-")</span>" } ?? "-")
                 + " &nbsp; \(h(s.t("已作答", "Answered"))) \(summary.questionsAnswered)/\(summary.questionsTotal)"
                 + " · \(h(s.t("跳过", "skipped"))) \(summary.questionsSkipped)"
                 + " · \(h(s.t("提示", "hints"))) \(summary.hintsUsed)"
                 + " · \(h(s.t("超时", "over budget"))) \(summary.questionsOverBudget)</p>")
        b.append("<div class=\"charts\">")
        let rated = summary.framework.contains { $0.averageRating != nil }
        let caption = s.t("比例 = 出现该步骤的已评分题目占比", "share = graded questions showing the step")
            + (rated ? s.t("；★ = 面试官平均评分（1–4）", "; ★ = the interviewer's average rating (1–4)") : "")
        b.append("<div class=\"chart-box\"><h3>\(h(frameworkChart.title))</h3>\n\(frameworkChart.svg)<p class=\"caption\">\(h(caption))</p></div>")
        let bands = GradeBands.standard
        let categoryCaption = s.t("虚线为等级分界", "dashed lines: grade floors") + " D \(Int(bands.d)) · C \(Int(bands.c)) · B \(Int(bands.b)) · A \(Int(bands.a))"
        b.append("<div class=\"chart-box\"><h3>\(h(categoryChart.title))</h3>\n\(categoryChart.svg)<p class=\"caption\">\(h(categoryCaption))</p></div>")
        b.append("</div>")

        if let r = recommendation {
            b.append("<h2>\(h(s.t("录用建议", "Recommendation")))</h2>")
            b.append("<p><strong>\(h(r.label))</strong></p>")
            b.append("<blockquote>\(h(r.justification))</blockquote>")
        }

        b.append("<h2>\(h(s.t("逐题详情", "Questions")))</h2>")
        for q in questions { b.append(questionHTML(q, strings: s, timeZone: timeZone)) }
        b.append("<footer>\(h(s.t("生成于 ", "Generated ") + ReportFormatting.dateTime(generatedAt, timeZone: timeZone))) · mockinterview · \(h(s.t("报告格式 ", "report schema ")))\(schema)</footer>")
        return HTMLPage(title: s.t("面试报告", "Interview report") + " · " + session.scenarioTitle, language: language,
                        body: b.joined(separator: "\n")).rendered
    }

    private func questionHTML(_ q: Question, strings s: ReportStrings, timeZone: TimeZone) -> String {
        let h = TextEscaping.html
        var b: [String] = ["<section class=\"question\">"]
        b.append("<h3>\(q.position). \(h(q.question))</h3>")
        b.append("<p class=\"muted\"><code>\(h(q.id))</code> · \(h(q.categoryName))</p>")
        let score = q.skipped ? h(s.t("跳过", "skipped"))
            : q.score.map { "<span class=\"badge\" style=\"background:\(ReportPalette.grade($0))\">\(ReportFormatting.score($0)) · \(q.grade?.rawValue ?? "-")</span>" } ?? "-"
        b.append("<table><tr><th>\(h(s.t("得分", "Score")))</th><th>\(h(s.t("用时", "Time")))</th><th>\(h(s.t("提示", "Hints")))</th></tr>")
        b.append("<tr><td>\(score)</td><td>\(ReportFormatting.duration(q.secondsUsed)) / \(ReportFormatting.duration(Double(q.budgetSeconds)))\(q.overBudget ? " ⚠" : "")</td><td class=\"num\">\(q.hintsUsed)</td></tr></table>")
        if !q.conceptsHit.isEmpty || !q.conceptsMissed.isEmpty {
            b.append("<table><tr><th></th><th>\(h(s.t("要点", "Concept")))</th><th>\(h(s.t("步骤", "Step")))</th><th class=\"num\">\(h(s.t("权重", "Weight")))</th><th>\(h(s.t("依据", "Evidence")))</th><th>\(h(s.t("判定", "Decided by")))</th></tr>")
            for (c, hit) in q.conceptsHit.map({ ($0, true) }) + q.conceptsMissed.map({ ($0, false) }) {
                b.append("<tr><td class=\"\(hit ? "hit" : "miss")\">\(hit ? "✓" : "✗")</td><td>\(h(c.label))\(c.required ? " *" : "")</td><td>\(h(stepName(c.step)))</td><td class=\"num\">\(ReportFormatting.weight(c.weight))</td><td>\(h(c.evidence.joined(separator: "; ")))</td><td>\(h(c.decidedBy == .interviewer ? s.t("面试官", "interviewer") : s.t("评分器", "scorer")))</td></tr>")
            }
            b.append("</table>")
        }
        if !q.misconceptions.isEmpty {
            b.append("<p><strong>\(h(s.t("错误观点", "Misconceptions")))</strong></p><ul>")
            for m in q.misconceptions { b.append("<li><span class=\"miss\">✗</span> \(h(m.claim)) → \(h(m.correction)) (−\(ReportFormatting.score(m.penalty)))</li>") }
            b.append("</ul>")
        }
        if !q.framework.isEmpty {
            let rated = q.framework.contains { $0.rating != nil }
            b.append("<table><tr>" + q.framework.map { "<th>\(h($0.name))</th>" }.joined() + "</tr>")
            b.append("<tr>" + q.framework.map { st in
                var cell = st.present ? "<span class=\"hit\">✓</span>" : "<span class=\"miss\">✗</span>"
                if rated { cell += st.rating.map { " \($0) · \(h(st.anchor ?? ""))" } ?? " -" }
                return "<td>\(cell)</td>"
            }.joined() + "</tr></table>")
        }
        if !q.feedback.isEmpty {
            b.append("<p><strong>\(h(s.t("反馈", "Feedback")))</strong></p><ul>")
            for f in q.feedback { b.append("<li>\(h(f))</li>") }
            b.append("</ul>")
        }
        if let i = q.interviewer {
            if !i.overrides.isEmpty || !i.misconceptionsMarked.isEmpty {
                b.append("<p><strong>\(h(s.t("面试官修正", "Interviewer overrides")))</strong>\(s.colon)\(h(overridesText(q, i).joined(separator: "; ")))</p>")
            }
            if let note = i.note, !note.isEmpty {
                b.append("<p><strong>\(h(s.t("面试官评语", "Interviewer note")))</strong></p><blockquote>\(h(note))</blockquote>")
            }
        }
        if !q.transcript.isEmpty {
            b.append("<details open><summary><strong>\(h(s.t("记录", "Transcript")))</strong></summary>")
            for t in q.transcript {
                var label = s.turnKind(t.kind)
                if let step = t.step { label += " · " + stepName(step) }
                label += " · " + String(ReportFormatting.dateTime(t.at, timeZone: timeZone).dropFirst(11))
                b.append("<div class=\"turn-label\">\(h(label))\(t.prompt.map { " — " + h($0) } ?? "")</div>")
                b.append("<blockquote>\(h(t.text.isEmpty ? "—" : t.text))</blockquote>")
            }
            b.append("</details>")
        }
        b.append("</section>")
        return b.joined(separator: "\n")
    }
}
