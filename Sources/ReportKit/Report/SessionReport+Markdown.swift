import Foundation
import RubricKit

extension SessionReport {
    /// The report as Markdown. Dates are shown in `timeZone`.
    public func markdown(timeZone: TimeZone) -> String {
        let s = ReportStrings(language)
        let md = TextEscaping.markdown
        var out: [String] = []
        out.append("# " + s.t("面试报告", "Interview report") + " · " + md(session.scenarioTitle))
        out.append("")
        var info = MarkdownTable(header: [s.t("项目", "Field"), s.t("内容", "Value")])
        info.append([s.t("会话", "Session"), session.id])
        info.append([s.t("类型", "Kind"), s.kind(session.kind)])
        info.append([s.t("场景", "Scenario"), "\(session.scenarioTitle) (\(session.scenarioID))"])
        info.append([s.t("模式", "Mode"), s.mode(session.mode)])
        if let c = session.candidate { info.append([s.t("候选人", "Candidate"), c]) }
        if let i = session.interviewer { info.append([s.t("面试官", "Interviewer"), i]) }
        info.append([s.t("开始", "Started"), ReportFormatting.dateTime(session.startedAt, timeZone: timeZone)])
        if let e = session.endedAt { info.append([s.t("结束", "Ended"), ReportFormatting.dateTime(e, timeZone: timeZone)]) }
        info.append([s.t("状态", "Status"), s.status(session.status)])
        info.append([s.t("用时", "Time used"),
                     ReportFormatting.duration(session.elapsedSeconds) + " / " + ReportFormatting.duration(Double(session.totalBudgetSeconds))])
        out.append(info.rendered)
        out.append("")

        out.append("## " + s.t("总结", "Summary"))
        out.append("")
        let avg = summary.averageScore.map { ReportFormatting.score($0) + " (\(summary.grade?.rawValue ?? "-"))" } ?? "-"
        out.append("- " + s.t("平均分", "Average score") + s.colon + "**" + avg + "**")
        out.append("- " + s.t("已作答", "Answered") + s.colon + "\(summary.questionsAnswered)/\(summary.questionsTotal)"
                   + " · " + s.t("跳过", "skipped") + s.colon + "\(summary.questionsSkipped)"
                   + " · " + s.t("提示", "hints") + s.colon + "\(summary.hintsUsed)"
                   + " · " + s.t("超时", "over budget") + s.colon + "\(summary.questionsOverBudget)")
        out.append("")
        out.append("### " + s.t("答题框架覆盖", "Framework coverage"))
        out.append("")
        let rated = summary.framework.contains { $0.averageRating != nil }
        var fw = MarkdownTable(header: [s.t("步骤", "Step"), s.t("出现", "Present"), s.t("比例", "Share")]
                               + (rated ? [s.t("平均评分 (1–4)", "Average rating (1–4)")] : []))
        for c in summary.framework {
            fw.append([c.name, "\(c.present)/\(c.graded)", ReportFormatting.percent(c.share)]
                      + (rated ? [c.averageRating.map(ReportFormatting.score) ?? "-"] : []))
        }
        out.append(fw.rendered)
        out.append("")
        out.append("### " + s.t("各类别得分", "Scores by category"))
        out.append("")
        var cats = MarkdownTable(header: [s.t("类别", "Category"), s.t("题数", "Questions"), s.t("平均分", "Average")])
        for c in summary.categories {
            cats.append([c.name, "\(c.graded)/\(c.questions)", c.averageScore.map(ReportFormatting.score) ?? "-"])
        }
        out.append(cats.rendered)
        out.append("")

        out.append("## " + s.t("逐题详情", "Questions"))
        for q in questions {
            out.append("")
            out.append(contentsOf: questionMarkdown(q, strings: s, timeZone: timeZone))
        }

        if let r = recommendation {
            out.append("")
            out.append("## " + s.t("录用建议", "Recommendation"))
            out.append("")
            out.append("**" + md(r.label) + "**")
            out.append("")
            out.append(TextEscaping.markdownQuote(r.justification))
        } else if session.kind == .conducted {
            out.append("")
            out.append("## " + s.t("录用建议", "Recommendation"))
            out.append("")
            out.append(s.t("（尚未给出）", "(not given yet)"))
        }
        out.append("")
        out.append("---")
        out.append(s.t("生成于 ", "Generated ") + ReportFormatting.dateTime(generatedAt, timeZone: timeZone)
                   + " · " + s.t("报告格式 ", "report schema ") + "\(schema)")
        return out.joined(separator: "\n") + "\n"
    }

    private func questionMarkdown(_ q: Question, strings s: ReportStrings, timeZone: TimeZone) -> [String] {
        let md = TextEscaping.markdown
        var out: [String] = []
        out.append("### \(q.position). " + md(q.question))
        out.append("")
        out.append("`\(q.id)` · " + md(q.categoryName))
        out.append("")
        var head = MarkdownTable(header: [s.t("得分", "Score"), s.t("等级", "Grade"), s.t("用时", "Time"), s.t("提示", "Hints")])
        head.append([q.skipped ? s.t("跳过", "skipped") : (q.score.map(ReportFormatting.score) ?? "-"),
                     q.grade?.rawValue ?? "-",
                     ReportFormatting.duration(q.secondsUsed) + " / " + ReportFormatting.duration(Double(q.budgetSeconds))
                        + (q.overBudget ? " ⚠" : ""),
                     "\(q.hintsUsed)"])
        out.append(head.rendered)
        if !q.conceptsHit.isEmpty || !q.conceptsMissed.isEmpty {
            out.append("")
            out.append("**" + s.t("要点", "Concepts") + "**")
            out.append("")
            var t = MarkdownTable(header: ["", s.t("要点", "Concept"), s.t("步骤", "Step"), s.t("权重", "Weight"),
                                           s.t("依据", "Evidence"), s.t("判定", "Decided by")])
            for c in q.conceptsHit { t.append(["✓", c.label + (c.required ? " *" : ""), stepName(c.step), weightText(c.weight), c.evidence.joined(separator: "; "), decidedBy(c, s)]) }
            for c in q.conceptsMissed { t.append(["✗", c.label + (c.required ? " *" : ""), stepName(c.step), weightText(c.weight), "", decidedBy(c, s)]) }
            out.append(t.rendered)
        }
        if !q.misconceptions.isEmpty {
            out.append("")
            out.append("**" + s.t("错误观点", "Misconceptions") + "**")
            out.append("")
            for m in q.misconceptions { out.append("- " + md(m.claim) + " → " + md(m.correction) + " (−\(ReportFormatting.score(m.penalty)))") }
        }
        if !q.framework.isEmpty {
            out.append("")
            out.append("**" + s.t("答题框架", "Framework") + "**")
            out.append("")
            let rated = q.framework.contains { $0.rating != nil }
            var t = MarkdownTable(header: [s.t("步骤", "Step"), s.t("出现", "Present")] + (rated ? [s.t("评分", "Rating")] : []))
            for st in q.framework {
                t.append([st.name, st.present ? "✓" : "✗"] + (rated ? [st.rating.map { "\($0) (\(st.anchor ?? ""))" } ?? "-"] : []))
            }
            out.append(t.rendered)
        }
        if !q.feedback.isEmpty {
            out.append("")
            out.append("**" + s.t("反馈", "Feedback") + "**")
            out.append("")
            for f in q.feedback { out.append("- " + md(f).replacingOccurrences(of: "\n", with: " ")) }
        }
        if let i = q.interviewer {
            if !i.overrides.isEmpty || !i.misconceptionsMarked.isEmpty {
                out.append("")
                out.append("**" + s.t("面试官修正", "Interviewer overrides") + "**: " + md(overridesText(q, i).joined(separator: "; ")))
            }
            if let note = i.note, !note.isEmpty {
                out.append("")
                out.append("**" + s.t("面试官评语", "Interviewer note") + "**")
                out.append("")
                out.append(TextEscaping.markdownQuote(note))
            }
        }
        if !q.transcript.isEmpty {
            out.append("")
            out.append("**" + s.t("记录", "Transcript") + "**")
            for t in q.transcript {
                out.append("")
                var label = "*" + s.turnKind(t.kind)
                if let step = t.step { label += " · " + stepName(step) }
                label += " · " + String(ReportFormatting.dateTime(t.at, timeZone: timeZone).dropFirst(11)) + "*"
                out.append(label + (t.prompt.map { " — " + md($0).replacingOccurrences(of: "\n", with: " ") } ?? ""))
                out.append("")
                out.append(TextEscaping.markdownQuote(t.text.isEmpty ? "—" : t.text))
            }
        }
        return out
    }

    /// `+ label` for a concept ticked by hand, `− label` unticked, `! claim` for a marked misconception.
    func overridesText(_ q: Question, _ i: InterviewerEntry) -> [String] {
        let concepts = q.conceptsHit + q.conceptsMissed
        let ticks = i.overrides.keys.sorted { a, b in
            (concepts.firstIndex { $0.id == a } ?? Int.max, a) < (concepts.firstIndex { $0.id == b } ?? Int.max, b)
        }.map { id in (i.overrides[id] == true ? "+ " : "− ") + (concepts.first { $0.id == id }?.label ?? id) }
        let marked = i.misconceptionsMarked.map { id in "! " + (q.misconceptions.first { $0.id == id }?.claim ?? id) }
        return ticks + marked
    }

    func stepName(_ step: FrameworkStep) -> String {
        summary.framework.first { $0.step == step }?.name ?? step.rawValue
    }

    private func weightText(_ w: Double) -> String {
        w == w.rounded() ? String(Int(w)) : ReportFormatting.score(w)
    }

    private func decidedBy(_ c: ConceptEntry, _ s: ReportStrings) -> String {
        c.decidedBy == .interviewer ? s.t("面试官", "interviewer") : s.t("评分器", "scorer")
    }
}
