import Foundation
import InterviewEngine
import RubricKit

extension ScoringSheet {
    /// The sheet as Markdown, with `[ ]` boxes to tick by hand.
    public var markdown: String {
        let s = ReportStrings(language)
        let md = TextEscaping.markdown
        var out: [String] = []
        out.append("# " + s.t("评分表", "Scoring sheet") + " · " + md(title))
        out.append("")
        if !description.isEmpty { out.append(md(description)); out.append("") }
        out.append("`\(scenarioID)` · " + s.t("总时长", "Total time") + " " + ReportFormatting.duration(Double(totalSeconds))
                   + " · " + s.t("题数", "Questions") + " \(questions.count)")
        out.append("")
        out.append("- " + s.t("候选人", "Candidate") + s.colon + "______________________")
        out.append("- " + s.t("面试官", "Interviewer") + s.colon + "______________________")
        out.append("- " + s.t("日期", "Date") + s.colon + "______________________")
        out.append("")
        out.append(s.t("步骤评分标准", "Step rating scale") + s.colon + s.ratingScale)
        for q in questions {
            out.append("")
            out.append("## \(q.position). " + md(q.question))
            out.append("")
            out.append("`\(q.id)` · " + md(q.categoryName) + " · " + s.t("建议用时", "Time") + " " + ReportFormatting.duration(Double(q.budgetSeconds)))
            out.append("")
            out.append("**" + s.t("参考答案（摘要）", "Standard answer (short)") + "**" + s.colon + md(q.shortAnswer))
            out.append("")
            out.append("**" + s.t("要点", "Concepts") + "**" + s.t("（* = 必答）", " (* = required)"))
            out.append("")
            var t = MarkdownTable(header: ["#", "✓", s.t("要点", "Concept"), s.t("步骤", "Step"), s.t("权重", "Weight")])
            for c in q.concepts {
                t.append(["\(c.number)", "[ ]", c.text + (c.required ? " *" : ""), c.step.map(stepName) ?? "", weightText(c.weight ?? 0)])
            }
            out.append(t.rendered)
            if !q.misconceptions.isEmpty {
                out.append("")
                out.append("**" + s.t("错误观点", "Misconceptions") + "**")
                out.append("")
                var m = MarkdownTable(header: ["#", "!", s.t("错误说法", "Claim")])
                for c in q.misconceptions { m.append(["\(c.number)", "[ ]", c.text]) }
                out.append(m.rendered)
            }
            if !q.followUps.isEmpty {
                out.append("")
                out.append("**" + s.t("追问", "Follow-ups") + "**")
                out.append("")
                for f in q.followUps {
                    out.append("- " + md(f.question) + (f.concepts.isEmpty ? "" : " (" + s.t("要点", "concepts") + " " + f.concepts.map(String.init).joined(separator: ", ") + ")"))
                }
            }
            out.append("")
            out.append("**" + s.t("步骤评分", "Step ratings") + "** (" + s.ratingScale + ")")
            out.append("")
            var r = MarkdownTable(header: [s.t("步骤", "Step"), "1", "2", "3", "4"])
            for st in steps { r.append([st.name, "[ ]", "[ ]", "[ ]", "[ ]"]) }
            out.append(r.rendered)
            out.append("")
            out.append("**" + s.t("笔记", "Notes") + "**")
            out.append("")
            out.append(String(repeating: "_", count: 60))
            out.append("")
            out.append(String(repeating: "_", count: 60))
        }
        out.append("")
        out.append("## " + s.t("录用建议", "Recommendation"))
        out.append("")
        for v in Recommendation.Verdict.allCases { out.append("- [ ] " + md(s.verdict(v))) }
        out.append("")
        out.append("**" + s.t("理由（必填）", "Justification (required)") + "**")
        out.append("")
        for _ in 0..<3 { out.append(String(repeating: "_", count: 60)); out.append("") }
        return out.joined(separator: "\n")
    }

    /// The sheet as a printable, self-contained HTML page (one question per printed page).
    public var html: String {
        let s = ReportStrings(language)
        let h = TextEscaping.html
        var b: [String] = []
        b.append("<h1>\(h(s.t("评分表", "Scoring sheet"))) · \(h(title))</h1>")
        if !description.isEmpty { b.append("<p>\(h(description))</p>") }
        b.append("<p class=\"muted\"><code>\(h(scenarioID))</code> · \(h(s.t("总时长", "Total time"))) \(ReportFormatting.duration(Double(totalSeconds))) · \(h(s.t("题数", "Questions"))) \(questions.count)</p>")
        b.append("<table class=\"meta\">")
        for label in [s.t("候选人", "Candidate"), s.t("面试官", "Interviewer"), s.t("日期", "Date")] {
            b.append("<tr><td>\(h(label))</td><td>&nbsp;</td></tr>")
        }
        b.append("</table>")
        b.append("<p><strong>\(h(s.t("步骤评分标准", "Step rating scale")))</strong>\(s.colon)\(h(s.ratingScale))</p>")
        for q in questions {
            b.append("<section class=\"question sheet-question\">")
            b.append("<h2>\(q.position). \(h(q.question))</h2>")
            b.append("<p class=\"muted\"><code>\(h(q.id))</code> · \(h(q.categoryName)) · \(h(s.t("建议用时", "Time"))) \(ReportFormatting.duration(Double(q.budgetSeconds)))</p>")
            b.append("<p><strong>\(h(s.t("参考答案（摘要）", "Standard answer (short)")))</strong>\(s.colon)\(h(q.shortAnswer))</p>")
            b.append("<table><tr><th class=\"num\">#</th><th>✓</th><th>\(h(s.t("要点", "Concept"))) (* = \(h(s.t("必答", "required"))))</th><th>\(h(s.t("步骤", "Step")))</th><th class=\"num\">\(h(s.t("权重", "Weight")))</th></tr>")
            for c in q.concepts {
                b.append("<tr><td class=\"num\">\(c.number)</td><td><span class=\"check\"></span></td><td>\(h(c.text))\(c.required ? " *" : "")</td><td>\(h(c.step.map(stepName) ?? ""))</td><td class=\"num\">\(h(weightText(c.weight ?? 0)))</td></tr>")
            }
            b.append("</table>")
            if !q.misconceptions.isEmpty {
                b.append("<table><tr><th class=\"num\">#</th><th>!</th><th>\(h(s.t("错误观点", "Misconceptions")))</th></tr>")
                for m in q.misconceptions {
                    b.append("<tr><td class=\"num\">\(m.number)</td><td><span class=\"check\"></span></td><td>\(h(m.text))</td></tr>")
                }
                b.append("</table>")
            }
            if !q.followUps.isEmpty {
                b.append("<p><strong>\(h(s.t("追问", "Follow-ups")))</strong></p><ul>")
                for f in q.followUps {
                    b.append("<li>\(h(f.question))\(f.concepts.isEmpty ? "" : " <span class=\"muted\">(\(h(s.t("要点", "concepts"))) \(f.concepts.map(String.init).joined(separator: ", ")))</span>")</li>")
                }
                b.append("</ul>")
            }
            b.append("<table><tr><th>\(h(s.t("步骤评分", "Step ratings")))</th>" + (1...4).map { "<th>\($0) · \(h(s.ratingAnchor($0)))</th>" }.joined() + "</tr>")
            for st in steps {
                b.append("<tr><td>\(h(st.name))</td>" + String(repeating: "<td><span class=\"check\"></span></td>", count: 4) + "</tr>")
            }
            b.append("</table>")
            b.append("<p><strong>\(h(s.t("笔记", "Notes")))</strong></p><div class=\"box tall\"></div>")
            b.append("</section>")
        }
        b.append("<section class=\"question\">")
        b.append("<h2>\(h(s.t("录用建议", "Recommendation")))</h2>")
        b.append("<p class=\"verdicts\">" + Recommendation.Verdict.allCases.map { "<span><span class=\"check\"></span> \(h(s.verdict($0)))</span>" }.joined() + "</p>")
        b.append("<p><strong>\(h(s.t("理由（必填）", "Justification (required)")))</strong></p><div class=\"box tall\"></div>")
        b.append("</section>")
        return HTMLPage(title: s.t("评分表", "Scoring sheet") + " · " + title, language: language, body: b.joined(separator: "\n")).rendered
    }

    /// The sheet as CSV: one row per thing to mark, with empty `mark` and `notes` columns to fill in.
    public func csv(byteOrderMark: Bool = false) -> String {
        var t = CSVTable(header: ["scenario", "position", "question_id", "question", "item", "number", "text", "step", "weight", "mark", "notes"])
        for q in questions {
            for c in q.concepts {
                t.append([scenarioID, "\(q.position)", q.id, q.question, "concept", "\(c.number)", c.text + (c.required ? " *" : ""),
                          c.step?.rawValue ?? "", weightText(c.weight ?? 0), "", ""])
            }
            for m in q.misconceptions {
                t.append([scenarioID, "\(q.position)", q.id, q.question, "misconception", "\(m.number)", m.text, "", "", "", ""])
            }
            for st in steps {
                t.append([scenarioID, "\(q.position)", q.id, q.question, "step-rating", "", st.name, st.step.rawValue, "", "", ""])
            }
            t.append([scenarioID, "\(q.position)", q.id, q.question, "note", "", "", "", "", "", ""])
        }
        t.append([scenarioID, "", "", "", "recommendation", "", Recommendation.Verdict.allCases.map(\.rawValue).joined(separator: " | "), "", "", "", ""])
        return t.rendered(byteOrderMark: byteOrderMark)
    }

    private func stepName(_ step: FrameworkStep) -> String {
        steps.first { $0.step == step }?.name ?? step.rawValue
    }

    private func weightText(_ w: Double) -> String {
        w == w.rounded() ? String(Int(w)) : ReportFormatting.score(w)
    }
}
