import RubricKit

/// The text form of a grade: the answer with matched phrases highlighted (colour on a terminal,
/// `[brackets]` otherwise), the concept checklist, the framework steps and the feedback.
struct GradeTextRenderer {
    let console: Console
    let language: Language

    private var zh: Bool { language == .zh }

    func render(answer: String, rubric: Rubric, trace: ScoringTrace, framework: Framework) -> String {
        let g = trace.grade
        var lines: [String] = []
        let gradeStyle: Console.Style = g.grade >= .B ? .boldGreen : g.grade == .C ? .boldYellow : .boldRed
        lines.append(console.style("\(rubric.id)", .bold) + "  " + rubric.question.text(language))
        lines.append((zh ? "得分 " : "Score ") + console.style(format(g.score), gradeStyle) + " / 100   "
                     + (zh ? "等级 " : "Grade ") + console.style(g.grade.rawValue, gradeStyle)
                     + (g.flags.isEmpty ? "" : "   [" + g.flags.joined(separator: ", ") + "]"))
        lines.append("")
        lines.append(console.style(zh ? "你的回答（命中的关键词已标出）" : "Your answer (matched phrases marked)", .bold))
        for l in highlight(answer, trace: trace).split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append("  " + l)
        }
        lines.append("")
        lines.append(console.style(zh ? "要点" : "Concepts", .bold))
        for c in g.concepts {
            let mark: String
            if c.credit >= 1 { mark = console.style("✓", .green) } else if c.credit > 0 { mark = console.style("~", .yellow) } else { mark = console.style("✗", .red) }
            var line = "  \(mark) \(c.label)  " + console.style("(\(c.step.rawValue), \(zh ? "权重" : "weight") \(format(c.weight))\(c.required ? (zh ? "，必答" : ", required") : ""))", .dim)
            if !c.evidence.isEmpty { line += "  " + c.evidence.joined(separator: " · ") }
            if let note = c.note { line += "  " + console.style(note, .yellow) }
            lines.append(line)
        }
        if !g.misconceptions.isEmpty {
            lines.append("")
            lines.append(console.style(zh ? "误区" : "Misconceptions", .bold))
            for m in g.misconceptions {
                lines.append("  " + console.style("✗", .red) + " \(m.claim)  (−\(format(m.penalty)))  \(m.evidence.joined(separator: " · "))")
            }
        }
        lines.append("")
        lines.append(console.style(zh ? "答题框架" : "Framework", .bold)
                     + (g.framework.inOrder ? (zh ? "（顺序正确）" : " (in order)") : ""))
        for s in g.framework.steps {
            let name = framework.step(s.step)?.name.text(language) ?? s.step.rawValue
            let mark = s.present ? console.style("✓", .green) : console.style("✗", .red)
            lines.append("  \(mark) \(name)" + (s.evidence.isEmpty ? "" : "  " + console.style(s.evidence.joined(separator: " · "), .dim)))
        }
        lines.append("")
        lines.append(console.style(zh ? "反馈" : "Feedback", .bold))
        for f in g.feedback { lines.append("  • " + f.text) }
        let b = g.breakdown
        lines.append("")
        lines.append(console.style((zh ? "计分：" : "Score: ")
            + "\(format(b.weights.coverage))×\(format(b.coverage)) + \(format(b.weights.structure))×\(format(b.structure)) + \(format(b.weights.similarity))×\(format(b.similarity)) = \(format(b.base))"
            + (b.penalties > 0 ? " − \(format(b.penalties))" : "")
            + (b.caps.isEmpty ? "" : "; caps " + b.caps.joined(separator: ", "))
            + (zh ? "（详见 mockinterview rubric explain）" : " (see mockinterview rubric explain)"), .dim))
        return lines.joined(separator: "\n")
    }

    /// The answer with every credited alias or value key marked.
    private func highlight(_ answer: String, trace: ScoringTrace) -> String {
        let scalars = Array(answer.unicodeScalars)
        var marked = [Bool](repeating: false, count: scalars.count)
        var negated = [Bool](repeating: false, count: scalars.count)
        for m in trace.matches where m.kind == "alias" || m.kind == "value-key" || m.kind == "negated-alias" {
            let end = min(scalars.count, m.offset + m.text.unicodeScalars.count)
            guard m.offset < end else { continue }
            // A negated alias ("not connected") is credited only when negated.
            let credited = m.kind == "negated-alias" ? m.negatedBy != nil : m.negatedBy == nil
            if m.kind == "negated-alias" && !credited { continue }
            for i in m.offset..<end { if credited { marked[i] = true } else { negated[i] = true } }
        }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let on = marked[i], neg = negated[i] && !marked[i]
            guard on || neg else { out.append(scalars[i]); i += 1; continue }
            var j = i
            while j < scalars.count && marked[j] == on && (negated[j] && !marked[j]) == neg && scalars[j] != "\n" { j += 1 }
            if j == i { out.append(scalars[i]); i += 1; continue }
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[i..<j])
            let text = String(piece)
            let styled: String
            if console.colorOut {
                styled = console.style(text, on ? .boldCyan : .magenta)
            } else {
                styled = on ? "[\(text)]" : "{\(text)}"
            }
            out.append(contentsOf: styled.unicodeScalars)
            i = j
        }
        return String(out)
    }

    private func format(_ x: Double) -> String {
        x == x.rounded() ? String(Int(x)) : String(x)
    }
}
