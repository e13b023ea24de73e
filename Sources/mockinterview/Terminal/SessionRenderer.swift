import Foundation
import InterviewEngine
import RubricKit

/// Turns the engine's messages into terminal text in the interface language.
struct SessionRenderer {
    let t: Localizer
    let framework: Framework
    let console: Console

    private func bold(_ s: String) -> String { console.style(s, .bold) }
    private func dim(_ s: String) -> String { console.style(s, .dim) }

    func render(_ message: InterviewMessage) -> String {
        switch message {
        case .briefing(let b): return briefing(b)
        case .resumed(let r): return recap(r)
        case .question(let q): return question(q)
        case let .guidedStep(_, number, name, prompt):
            return console.style(t("第 \(number)/5 步 · ", "Step \(number)/5 · ") + t.text(name), .boldCyan) + "\n" + t.text(prompt)
        case let .followUp(number, text):
            return console.style(t("追问 \(number)：", "Follow-up \(number): "), .boldYellow) + t.text(text)
                + "\n" + dim(t("（直接回车表示跳过追问）", "(an empty answer declines the follow-up)"))
        case .feedback(let f): return feedback(f)
        case let .hint(text, number, total, penalty):
            return console.style(t("提示 \(number)/\(total)", "Hint \(number)/\(total)"), .boldYellow) + " "
                + dim(t("（扣 \(Localizer.score(penalty)) 分）", "(costs \(Localizer.score(penalty)) points)")) + "\n" + t.text(text)
        case .noMoreHints(let total):
            return total == 0 ? t("这道题没有提示。", "This question has no hints.")
                : t("提示已用完（共 \(total) 条）。", "No more hints (all \(total) used).")
        case .hintUnavailable:
            return t("提示只能在作答时使用。", "Hints are for a question you are answering.")
        case let .standardAnswer(_, text):
            return console.style(t("参考答案", "Standard answer"), .boldGreen) + "\n" + text.trimmingCharacters(in: .whitespacesAndNewlines)
        case .answerLocked:
            return t("先作答或用 :skip 跳过，才能查看参考答案。", "Answer first, or :skip, before seeing the standard answer.")
        case .framework(let steps):
            return console.style(t("答题框架（五步）", "The answer framework (five steps)"), .bold) + "\n"
                + steps.enumerated().map { i, s in "  \(i + 1). \(t.text(s.name)) — \(t.text(s.tip))" }.joined(separator: "\n")
        case .time(let s): return time(s)
        case .help(let mode): return help(mode)
        case .unknownCommand(let typed):
            return t("未知命令 \(typed)；输入 :help 查看命令。", "Unknown command \(typed); type :help for the list.")
        case .emptyAnswer:
            return t("回答是空的。请作答，或输入 :hint 获取提示、:skip 跳过。", "The answer is empty. Answer, or type :hint for a hint or :skip to skip.")
        case .pressEnterToContinue:
            return t("按回车进入下一题（或输入命令，如 :answer）。", "Press Enter for the next question (or type a command such as :answer).")
        case .skipped(let i):
            return dim(t("已跳过第 \(i + 1) 题。", "Question \(i + 1) skipped."))
        case .followUpDeclined:
            return dim(t("跳过了追问。", "Follow-up declined."))
        case .quitSaved(let id):
            return t("已保存。继续本次练习：mockinterview practice --resume（会话 \(id)）",
                     "Saved. Continue this session with: mockinterview practice --resume (session \(id))")
        case .summary(let s): return summary(s)
        }
    }

    func warning(_ w: TimeWarning) -> String {
        let used = Localizer.duration(w.secondsUsed), budget = Localizer.duration(Double(w.budgetSeconds))
        let text: String
        switch w.scope {
        case .question: text = t("⏰ 本题已用 \(used)，预算 \(budget)。", "⏰ \(used) used of this question's \(budget).")
        case .total: text = t("⏰ 面试已用 \(used)，总预算 \(budget)。", "⏰ \(used) used of the interview's \(budget).")
        }
        return console.style(text, .yellow)
    }

    // MARK: - Pieces

    private func briefing(_ b: Briefing) -> String {
        var lines = [console.style("══ " + t.text(b.scenarioTitle) + " ══", .boldCyan)]
        if !b.scenarioDescription.isEmpty { lines.append(t.text(b.scenarioDescription)) }
        lines.append(t("\(b.questionCount) 道题，共 \(Localizer.duration(Double(b.totalBudgetSeconds)))，模式：\(t.modeName(b.mode))。",
                       "\(t.count(b.questionCount, zh: "", en: "question")) in \(Localizer.duration(Double(b.totalBudgetSeconds))), \(t.modeName(b.mode)) mode."))
        if b.mode == .guided {
            lines.append(t("每道题按五步框架逐步回答，最后整体评分。", "Each question walks you through the five framework steps, then grades the whole answer."))
        }
        lines.append(t("多行作答，空行或单独一个 . 结束。每条提示扣 \(Localizer.score(b.hintPenalty)) 分。",
                       "Answers may span lines; end with an empty line or a lone `.`. Each hint costs \(Localizer.score(b.hintPenalty)) points."))
        lines.append(dim(t("命令（Tab 补全）：", "Commands (Tab completes): ") + InterviewCommand.allCases.map(\.token).joined(separator: " ")))
        lines.append(dim(t("会话 \(b.sessionID)", "Session \(b.sessionID)")))
        return lines.joined(separator: "\n")
    }

    private func recap(_ r: ResumeRecap) -> String {
        var lines = [console.style("══ " + t.text(r.scenarioTitle) + " ══", .boldCyan),
                     t("继续会话 \(r.sessionID)：已用 \(Localizer.duration(r.elapsedSeconds))/\(Localizer.duration(Double(r.totalBudgetSeconds)))，从第 \(r.resumeAt + 1)/\(r.questionCount) 题继续。",
                       "Resuming session \(r.sessionID): \(Localizer.duration(r.elapsedSeconds)) of \(Localizer.duration(Double(r.totalBudgetSeconds))) used, continuing at question \(r.resumeAt + 1) of \(r.questionCount).")]
        for d in r.done {
            let status: String
            if d.skipped { status = t("已跳过", "skipped") }
            else if let g = d.grade, let s = d.score { status = "\(g.rawValue) (\(Localizer.score(s)))" }
            else { status = t("作答中", "in progress") }
            lines.append(bold(t("第 \(d.index + 1) 题", "Q\(d.index + 1)")) + " [\(status)] " + (d.text.map(t.text) ?? d.questionID))
            if !d.answer.isEmpty {
                lines.append(contentsOf: d.answer.split(separator: "\n", omittingEmptySubsequences: false).map { dim("  │ ") + $0 })
            }
        }
        return lines.joined(separator: "\n")
    }

    private func question(_ q: QuestionView) -> String {
        let head = t("第 \(q.index + 1)/\(q.count) 题", "Question \(q.index + 1)/\(q.count)")
        return "\n" + console.style(head, .boldCyan) + " " + dim("[\(q.questionID) · \(Localizer.duration(Double(q.budgetSeconds)))]")
            + "\n" + bold(t.text(q.text))
    }

    private func feedback(_ f: FeedbackView) -> String {
        let g = f.grade
        var head = t("评分：", "Grade: ") + console.style("\(g.grade.rawValue)", g.grade >= .B ? .boldGreen : g.grade >= .D ? .boldYellow : .boldRed)
            + " (\(Localizer.score(g.score))/100)"
        if let previous = f.previousScore {
            let delta = g.score - previous
            head += " " + dim(t("追问后 \(delta >= 0 ? "+" : "")\(Localizer.score(delta))", "after the follow-up: \(delta >= 0 ? "+" : "")\(Localizer.score(delta))"))
        }
        var lines = ["", console.style("── ", .dim) + head]
        let steps = FrameworkStep.allCases.map { step -> String in
            let present = g.framework.steps.first { $0.step == step }?.present ?? false
            return (present ? "✓" : "·") + t.stepName(step, framework: framework)
        }
        lines.append(t("框架：", "Framework: ") + steps.joined(separator: "  "))
        // The scorer's feedback, in the session's language where the rubric gives it: covered, named only, missed (with the standard answer's sentence),
        // wrong values, misconceptions and their corrections, framework advice, what to do next time.
        for item in g.feedback {
            let mark: String
            switch item.kind {
            case .covered: mark = console.style("✓", .green)
            case .missed, .wrongValue: mark = console.style("✗", .red)
            case .misconception, .unexplained: mark = console.style("⚠", .yellow)
            case .framework, .nextTime, .studyPlan: mark = "•"
            }
            lines.append(mark + " " + item.text)
        }
        if f.hintsUsed > 0 {
            lines.append(dim(t("用了 \(f.hintsUsed) 条提示，扣 \(Localizer.score(f.hintPenaltyPoints)) 分。",
                               "\(t.count(f.hintsUsed, zh: "", en: "hint")) used: −\(Localizer.score(f.hintPenaltyPoints)) points.")))
        }
        let over = f.secondsUsed > Double(f.budgetSeconds)
        lines.append(console.style(t("用时 ", "Time ") + "\(Localizer.duration(f.secondsUsed))/\(Localizer.duration(Double(f.budgetSeconds)))"
                                   + (over ? t("（超时，已记录）", " (over budget, recorded)") : ""), over ? .yellow : .dim))
        return lines.joined(separator: "\n")
    }

    private func time(_ s: TimeStatus) -> String {
        var parts: [String] = []
        if let q = s.questionIndex {
            parts.append(t("第 \(q + 1) 题：", "Question \(q + 1): ")
                         + "\(Localizer.duration(s.questionSecondsUsed))/\(Localizer.duration(Double(s.questionBudgetSeconds)))")
        }
        parts.append(t("全部：", "Interview: ") + "\(Localizer.duration(s.totalSecondsUsed))/\(Localizer.duration(Double(s.totalBudgetSeconds)))")
        return "⏱ " + parts.joined(separator: "  ")
    }

    private func help(_ mode: Scenario.Mode) -> String {
        let rows: [(InterviewCommand, String)] = [
            (.hint, t("下一条提示（扣分，会记录）", "the next hint (costs points, recorded)")),
            (.skip, t("跳过本题（追问时：跳过追问）", "skip this question (at a follow-up: decline it)")),
            (.repeat, t("再看一遍题目", "show the question again")),
            (.framework, t("五步答题框架", "the five-step answer framework")),
            (.time, t("用时与预算", "time used and budgets")),
            (.answer, t("参考答案（作答或跳过之后）", "the standard answer (after an answer or a skip)")),
            (.quit, t("保存并退出（之后可 --resume 继续）", "save and leave (continue later with --resume)")),
            (.help, t("本帮助", "this help")),
        ]
        var lines = rows.map { "  " + bold($0.0.token.padding(toLength: 11, withPad: " ", startingAt: 0)) + $0.1 }
        lines.append(dim(t("多行作答：空行或单独一个 . 结束；Ctrl-C 清空当前行，空行上再按一次 Ctrl-C 询问是否保存退出；Ctrl-D 结束作答或退出。",
                           "Multi-line answers end with an empty line or a lone `.`; Ctrl-C clears the line, a second Ctrl-C on an empty line offers to save and leave; Ctrl-D ends the answer or leaves.")))
        if mode == .guided { lines.append(dim(t("分步模式：每一步可以直接回车留空。", "Guided mode: press Enter to leave a step empty."))) }
        return lines.joined(separator: "\n")
    }

    private func summary(_ s: SessionSummary) -> String {
        var lines = ["", console.style("══ " + t("总结", "Summary") + " · " + t.text(s.scenarioTitle) + " ══", .boldCyan)]
        for q in s.questions {
            let result: String
            if q.skipped { result = t("跳过", "skipped") }
            else if let g = q.grade, let score = q.score { result = "\(g.rawValue) \(Localizer.score(score))" }
            else { result = t("未答", "not answered") }
            var extras: [String] = []
            if q.hintsUsed > 0 { extras.append(t("提示 \(q.hintsUsed)", t.count(q.hintsUsed, zh: "", en: "hint"))) }
            if q.followUps > 0 { extras.append(t("追问 \(q.followUps)", t.count(q.followUps, zh: "", en: "follow-up"))) }
            extras.append("\(Localizer.duration(q.secondsUsed))/\(Localizer.duration(Double(q.budgetSeconds)))" + (q.overran ? "!" : ""))
            lines.append("  \(q.position + 1). " + bold(TextWidth.pad(result, to: 8)) + " "
                         + (q.text.map(t.text) ?? q.questionID) + dim("  " + extras.joined(separator: " · ")))
        }
        if let avg = s.averageScore, let g = s.overallGrade {
            lines.append(t("平均：", "Average: ") + bold("\(Localizer.score(avg)) (\(g.rawValue))"))
        }
        if let of = s.stepCoverage.first?.of, of > 0 {
            lines.append(t("框架覆盖：", "Framework coverage: ")
                         + s.stepCoverage.map { "\(t.stepName($0.step, framework: framework)) \($0.present)/\($0.of)" }.joined(separator: "  "))
        }
        lines.append(t("用时：", "Time used: ") + "\(Localizer.duration(s.elapsedSeconds))/\(Localizer.duration(Double(s.totalBudgetSeconds)))"
                     + (s.elapsedSeconds > Double(s.totalBudgetSeconds) ? t("（超时）", " (over budget)") : ""))
        if !s.weakestConcepts.isEmpty {
            lines.append(t("最需要加强：", "Weakest concepts: ")
                         + s.weakestConcepts.map { "\($0.label) (\($0.questionID))" }.joined(separator: t("；", "; ")))
        }
        lines.append(t("完整报告：", "Full report: ") + bold("mockinterview report \(s.sessionID)"))
        return lines.joined(separator: "\n")
    }

    /// The prompt for `p`; with `clock`, the time used is shown in it. Escape codes are wrapped in \001…\002
    /// so readline measures the prompt right.
    func prompt(_ p: AnswerPrompt, clock: Bool, interactive: Bool) -> (first: String, continuation: String) {
        guard interactive else { return ("", "") }
        var label: String
        switch p.kind {
        case .answer: label = t("回答", "answer")
        case .guidedStep(let step): label = t.stepName(step, framework: framework)
        case .followUp: label = t("追问", "follow-up")
        case .continueAfterFeedback: label = t("回车继续", "Enter to continue")
        }
        if clock {
            label = "[\(Localizer.duration(p.questionSecondsUsed))/\(Localizer.duration(Double(p.questionBudgetSeconds)))] " + label
        }
        func wrap(_ text: String, _ style: Console.Style) -> String {
            console.colorOut ? "\u{1}\u{1B}[\(style.rawValue)m\u{2}\(text)\u{1}\u{1B}[0m\u{2}" : text
        }
        return (wrap("\(label) ❯ ", .boldCyan), wrap("… ", .dim))
    }
}
