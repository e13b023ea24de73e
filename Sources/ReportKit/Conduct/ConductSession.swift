import Foundation
import InterviewEngine
import RubricKit

/// An interviewer-led interview as a value: `handle(line:at:)` takes what the interviewer typed and returns
/// what to show and when to save. No terminal, clock or disk inside; the shell reads lines and performs effects.
///
/// Per question: notes (free text, re-graded as a whole after every line so concepts tick live) and overrides
/// (`+3`, `-5`, `!2`); `:next` moves on to the five step ratings (1–4, Enter takes the suggestion), then a free
/// note. After the last question: the recommendation and its required justification.
public struct ConductSession: Sendable {
    public typealias Grader = @Sendable (String, Rubric) -> AnswerGrade

    public enum Phase: Sendable, Equatable {
        case notStarted
        /// Taking notes and overrides on a question.
        case notes(question: Int)
        case rating(question: Int, step: FrameworkStep)
        case freeNote(question: Int)
        case verdict
        case justification(Recommendation.Verdict)
        case finished
        /// The interviewer left with `:quit`; the record is saved in progress.
        case quit
    }

    public enum Effect: Sendable, Equatable {
        case say(String, ConductStyle)
        /// Persist `record` now (kill safety: after every change).
        case save
        /// The prompt for the next line.
        case prompt(String)
        /// The session is over (finished or quit); stop reading.
        case end
    }

    public private(set) var record: SessionRecord
    public private(set) var phase: Phase = .notStarted
    public let rubrics: [Rubric]
    public let checklists: [ScoringSheet.Question]
    public let framework: Framework
    public let language: Language
    private let grader: Grader
    private let content: ReportContent
    private var questionShownAt: Date
    private var secondsBefore: Double = 0
    /// Session time saved before this run, and when this run's clock started.
    private var elapsedBefore: Double = 0
    private var clockStartedAt: Date

    public init(id: String, scenario: Scenario, questions: [Rubric], framework: Framework, categories: [Category],
                candidate: String, interviewer: String?, language: Language, seed: UInt64, now: Date,
                grader: @escaping Grader) {
        let content = ReportContent(framework: framework, rubrics: questions, categories: categories)
        self.rubrics = questions
        self.checklists = questions.enumerated().map { i, r in
            ScoringSheet.question(r, position: i + 1, budget: scenario.budget(for: r.id, questionCount: questions.count),
                                  content: content, language: language)
        }
        self.framework = framework
        self.language = language
        self.grader = grader
        self.content = content
        self.questionShownAt = now
        self.clockStartedAt = now
        record = SessionRecord(
            id: id, kind: .conducted, scenarioID: scenario.id, scenarioTitle: scenario.title, mode: .free,
            language: language, seed: seed, startedAt: now, totalBudgetSeconds: scenario.totalSeconds,
            candidate: candidate, interviewer: interviewer,
            questions: questions.enumerated().map { i, r in
                QuestionRecord(questionID: r.id, category: r.category, position: i,
                               budgetSeconds: scenario.budget(for: r.id, questionCount: questions.count), question: r.question)
            })
    }

    public enum ResumeError: Error, Sendable, Equatable, CustomStringConvertible {
        case notConducted(String)
        case alreadyFinished(String)
        case missingQuestion(String)
        public var description: String {
            switch self {
            case .notConducted(let id): return "session \(id) is a practice session, not an interviewer-led one"
            case .alreadyFinished(let id): return "session \(id) is already finished"
            case .missingQuestion(let q): return "question '\(q)' of this session is no longer in the content"
            }
        }
    }

    /// Continues a saved, unfinished interviewer-led session at its first unfinished question (or the
    /// recommendation when every question is done), its notes, marks and clock kept.
    public init(resuming saved: SessionRecord, rubric: (String) -> Rubric?, framework: Framework, categories: [Category],
                language: Language, now: Date, grader: @escaping Grader) throws {
        guard saved.kind == .conducted else { throw ResumeError.notConducted(saved.id) }
        guard saved.status == .inProgress else { throw ResumeError.alreadyFinished(saved.id) }
        var rubrics: [Rubric] = []
        for q in saved.questions {
            guard let r = rubric(q.questionID) else { throw ResumeError.missingQuestion(q.questionID) }
            rubrics.append(r)
        }
        let content = ReportContent(framework: framework, rubrics: rubrics, categories: categories)
        self.rubrics = rubrics
        self.checklists = zip(rubrics, saved.questions).map { r, q in
            ScoringSheet.question(r, position: q.position + 1, budget: q.budgetSeconds, content: content, language: language)
        }
        self.framework = framework
        self.language = language
        self.grader = grader
        self.content = content
        self.questionShownAt = now
        self.record = saved
        // The clock goes on from what was saved: time while the program was not running is not counted.
        elapsedBefore = saved.elapsedSeconds
        clockStartedAt = now
    }

    /// Shows where a resumed session stands. Call once instead of `start`.
    public mutating func resume(at now: Date) -> [Effect] {
        guard phase == .notStarted else { return [] }
        var fx: [Effect] = [.say(s.t("继续面试：", "Resuming: ") + record.scenarioTitle.text(language)
                                 + " · " + s.t("候选人 ", "candidate ") + (record.candidate ?? ""), .heading)]
        if let q = record.questions.firstIndex(where: { !$0.finished }) {
            fx += show(question: q, at: now)
            if !record.questions[q].turns.isEmpty { fx += statusLine(question: q) }
        } else {
            phase = .verdict
            fx.append(.say(s.t("所有题目已完成。总体录用建议：", "All questions done. Overall recommendation: ") + verdictChoices, .heading))
        }
        fx.append(.save)
        fx.append(prompt)
        return fx
    }


    private var s: ReportStrings { ReportStrings(language) }

    // MARK: - Events

    /// Shows the first question. Call once.
    public mutating func start(at now: Date) -> [Effect] {
        guard phase == .notStarted else { return [] }
        var fx: [Effect] = [.say(s.t("面试开始：", "Interview: ") + record.scenarioTitle.text(language)
                                 + " · " + s.t("候选人 ", "candidate ") + (record.candidate ?? ""), .heading)]
        fx.append(.say(s.t("步骤评分标准：", "Step rating scale: ") + s.ratingScale, .dim))
        fx += show(question: 0, at: now)
        fx.append(.save)
        fx.append(prompt)
        return fx
    }

    /// Handles one typed line.
    public mutating func handle(line raw: String, at now: Date) -> [Effect] {
        let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        var fx: [Effect]
        switch phase {
        case .notStarted, .finished, .quit:
            return [.end]
        case .notes(let q):
            fx = notes(line, question: q, at: now)
        case .rating(let q, let step):
            fx = rate(line, question: q, step: step, at: now)
        case .freeNote(let q):
            fx = freeNote(line, question: q, at: now)
        case .verdict:
            fx = verdict(line, at: now)
        case .justification(let v):
            fx = justification(line, verdict: v, at: now)
        }
        if phase == .finished || phase == .quit { fx.append(.end) } else { fx.append(prompt) }
        return fx
    }

    /// The interviewer interrupted (Ctrl-D or end of input): save and leave, as `:quit`.
    public mutating func interrupt(at now: Date) -> [Effect] {
        guard phase != .finished, phase != .quit, phase != .notStarted else { return [.end] }
        tick(now)
        phase = .quit
        return [.save, .say(quitMessage, .dim), .end]
    }

    public var prompt: Effect {
        switch phase {
        case .notes(let q): return .prompt("Q\(q + 1) \(s.t("笔记", "notes")) ❯ ")
        case .rating(_, let step): return .prompt(content.stepName(step, language) + " [1-4] ❯ ")
        case .freeNote: return .prompt(s.t("评语", "note") + " ❯ ")
        case .verdict: return .prompt(s.t("建议", "recommendation") + " [1-4] ❯ ")
        case .justification: return .prompt(s.t("理由", "justification") + " ❯ ")
        default: return .prompt("❯ ")
        }
    }

    // MARK: - Phases

    private mutating func notes(_ line: String, question q: Int, at now: Date) -> [Effect] {
        tick(now)
        if line.isEmpty { return [.say(s.t("输入笔记，或 :next 进入评分（:help 查看命令）。", "Type notes, or :next to rate (:help lists commands)."), .dim)] }
        if let overrides = ConductCommandParser.overrides(line) {
            return applyOverrides(overrides, question: q)
        }
        if line.hasPrefix(":") {
            switch ConductCommandParser.command(line) {
            case "next", "n", "done": return beginRatings(question: q, ratings: nil)
            case "rate", "r":
                let args = line.split(separator: " ").dropFirst().compactMap { Int($0) }
                guard args.count == 5, args.allSatisfy({ (1...4).contains($0) }) else {
                    return [.say(s.t("用法：:rate 3 3 2 1 2（五个步骤各 1–4）", "Usage: :rate 3 3 2 1 2 (1–4 for each of the five steps)"), .error)]
                }
                return beginRatings(question: q, ratings: args)
            case "show", "s": return checklist(question: q)
            case "answer", "a": return [.say(rubrics[q].referenceAnswer(in: language).trimmingCharacters(in: .whitespacesAndNewlines), .plain)]
            case "follow", "f": return followUps(question: q)
            case "skip":
                record.questions[q].skipped = true
                record.questions[q].grade = nil
                return [.save, .say(s.t("已跳过此题。", "Question skipped."), .dim)] + advance(from: q, at: now)
            case "quit", "q":
                phase = .quit
                return [.save, .say(quitMessage, .dim)]
            case "help", "h", "?": return [.say(help, .dim)]
            default:
                return [.say(s.t("未知命令：", "Unknown command: ") + line + s.t("（:help 查看命令）", " (:help lists commands)"), .error)]
            }
        }
        // A note: keep it, re-grade all notes, show what changed.
        let before = effectiveGrade(q)
        record.questions[q].turns.append(Turn(kind: .note, text: line, at: now))
        regrade(q)
        return [.save] + changes(from: before, question: q)
    }

    private mutating func rate(_ line: String, question q: Int, step: FrameworkStep, at now: Date) -> [Effect] {
        tick(now)
        let rating: Int
        if line.isEmpty, let suggested = suggestedRating(step, question: q) {
            rating = suggested
        } else if let n = Int(line), (1...4).contains(n) {
            rating = n
        } else {
            return [.say(s.t("请输入 1–4：", "Enter 1–4: ") + s.ratingScale, .error)]
        }
        var marks = record.questions[q].marks ?? InterviewerMarks()
        marks.stepRatings[step] = rating
        record.questions[q].marks = marks
        regrade(q)
        var fx: [Effect] = [.save, .say("  " + content.stepName(step, language) + ": \(rating) = " + s.ratingAnchor(rating), .dim)]
        if let next = FrameworkStep.allCases.first(where: { $0 > step }) {
            phase = .rating(question: q, step: next)
            fx.append(ratingQuestion(next, question: q))
        } else {
            phase = .freeNote(question: q)
            fx.append(.say(s.t("写一句评语（回车跳过）：", "A free note on this answer (Enter for none):"), .heading))
        }
        return fx
    }

    private mutating func freeNote(_ line: String, question q: Int, at now: Date) -> [Effect] {
        tick(now)
        var marks = record.questions[q].marks ?? InterviewerMarks()
        marks.note = line.isEmpty ? nil : line
        record.questions[q].marks = marks
        return [.save] + summaryLine(question: q) + advance(from: q, at: now)
    }

    private mutating func verdict(_ line: String, at now: Date) -> [Effect] {
        tick(now)
        guard let v = ConductCommandParser.verdict(line) else {
            return [.say(s.t("请选择 1–4：", "Choose 1–4: ") + verdictChoices, .error)]
        }
        phase = .justification(v)
        return [.say(s.verdict(v) + s.t("。请写下理由（必填）：", ". Write the justification (required):"), .heading)]
    }

    private mutating func justification(_ line: String, verdict v: Recommendation.Verdict, at now: Date) -> [Effect] {
        tick(now)
        guard !line.isEmpty else { return [.say(s.t("理由为必填项。", "A justification is required."), .error)] }
        record.recommendation = Recommendation(verdict: v, justification: line)
        record.status = .completed
        record.endedAt = now
        phase = .finished
        let avg = record.questions.compactMap { $0.grade?.score }
        var fx: [Effect] = [.save, .say(s.t("面试结束。建议：", "Interview finished. Recommendation: ") + s.verdict(v), .heading)]
        if !avg.isEmpty {
            let mean = avg.reduce(0, +) / Double(avg.count)
            fx.append(.say(s.t("要点平均分：", "Checklist average: ") + ReportFormatting.score(mean) + " (\(GradeBands.standard.grade(for: mean).rawValue))", .plain))
        }
        fx.append(.say(s.t("完整报告：", "Full report: ") + "mockinterview report " + record.id, .dim))
        return fx
    }

    // MARK: - Steps between phases

    private mutating func beginRatings(question q: Int, ratings: [Int]?) -> [Effect] {
        if record.questions[q].grade == nil { regrade(q) }
        var fx = followUps(question: q)
        if let ratings {
            var marks = record.questions[q].marks ?? InterviewerMarks()
            for (step, r) in zip(FrameworkStep.allCases, ratings) { marks.stepRatings[step] = r }
            record.questions[q].marks = marks
            regrade(q)
            phase = .freeNote(question: q)
            fx += [.save, .say(s.t("写一句评语（回车跳过）：", "A free note on this answer (Enter for none):"), .heading)]
            return fx
        }
        fx.append(.say(s.t("为五个步骤评分：", "Rate the five steps: ") + s.ratingScale, .heading))
        phase = .rating(question: q, step: .confirm)
        fx.append(ratingQuestion(.confirm, question: q))
        return fx
    }

    private mutating func advance(from q: Int, at now: Date) -> [Effect] {
        record.questions[q].finished = true
        if q + 1 < rubrics.count { return show(question: q + 1, at: now) }
        phase = .verdict
        return [.say(s.t("所有题目已完成。总体录用建议：", "All questions done. Overall recommendation: ") + verdictChoices, .heading)]
    }

    private mutating func show(question q: Int, at now: Date) -> [Effect] {
        phase = .notes(question: q)
        questionShownAt = now
        secondsBefore = record.questions[q].secondsUsed
        return checklist(question: q, header: true)
    }

    /// Adds the time since the last event to the current question and the session.
    private mutating func tick(_ now: Date) {
        record.elapsedSeconds = max(record.elapsedSeconds, elapsedBefore + now.timeIntervalSince(clockStartedAt))
        switch phase {
        case .notes(let q), .rating(let q, _), .freeNote(let q):
            record.questions[q].secondsUsed = secondsBefore + max(0, now.timeIntervalSince(questionShownAt))
        default: break
        }
    }

    private mutating func applyOverrides(_ overrides: [ConductCommandParser.Override], question q: Int) -> [Effect] {
        let list = checklists[q]
        var marks = record.questions[q].marks ?? InterviewerMarks()
        var fx: [Effect] = []
        for o in overrides {
            switch o {
            case .tick(let n), .untick(let n):
                guard let item = list.concepts.first(where: { $0.number == n }) else {
                    fx.append(.say(s.t("没有要点 ", "No concept ") + "\(n)" + s.t("（共 \(list.concepts.count) 个）", " (there are \(list.concepts.count))"), .error))
                    continue
                }
                let ticked: Bool
                if case .tick = o { ticked = true } else { ticked = false }
                marks.conceptOverrides[item.id] = ticked
                fx.append(.say((ticked ? "  ✓ " : "  ✗ ") + "\(n). " + item.text + s.t("（面试官）", " (interviewer)"), ticked ? .hit : .miss))
            case .misconception(let n):
                guard let item = list.misconceptions.first(where: { $0.number == n }) else {
                    fx.append(.say(s.t("没有错误观点 ", "No misconception ") + "\(n)" + s.t("（共 \(list.misconceptions.count) 个）", " (there are \(list.misconceptions.count))"), .error))
                    continue
                }
                if let i = marks.misconceptions.firstIndex(of: item.id) {
                    marks.misconceptions.remove(at: i)
                    fx.append(.say("  " + s.t("取消错误观点 ", "Unmarked misconception ") + "!\(n). " + item.text, .dim))
                } else {
                    marks.misconceptions.append(item.id)
                    fx.append(.say("  ! \(n). " + item.text, .miss))
                }
            }
        }
        record.questions[q].marks = marks
        regrade(q)
        return [.save] + fx + statusLine(question: q)
    }

    // MARK: - Grading

    private mutating func regrade(_ q: Int) {
        let notes = record.questions[q].turns.filter { $0.kind == .note }.map(\.text).joined(separator: "\n")
        let base = grader(notes, rubrics[q])
        record.questions[q].grade = ChecklistGrading.grade(notesGrade: base, rubric: rubrics[q],
                                                           marks: record.questions[q].marks ?? InterviewerMarks())
    }

    private func effectiveGrade(_ q: Int) -> AnswerGrade? { record.questions[q].grade }

    private func suggestedRating(_ step: FrameworkStep, question q: Int) -> Int? {
        guard let grade = record.questions[q].grade else { return nil }
        if let r = ChecklistGrading.suggestedRating(step, grade: grade) { return r }
        return grade.framework.steps.first { $0.step == step }?.present == true ? 3 : nil
    }

    /// The scorer's detections in the notes, before overrides.
    private func scorerMisconceptions(_ q: Int) -> [MisconceptionResult] {
        let notes = record.questions[q].turns.filter { $0.kind == .note }.map(\.text).joined(separator: "\n")
        return grader(notes, rubrics[q]).misconceptions
    }

    // MARK: - Views

    private func checklist(question q: Int, header: Bool = false) -> [Effect] {
        let c = checklists[q]
        var fx: [Effect] = []
        if header {
            fx.append(.say("", .plain))
            fx.append(.say("Q\(c.position)/\(checklists.count)  [\(c.id) · \(c.categoryName) · \(ReportFormatting.duration(Double(c.budgetSeconds)))]", .heading))
            fx.append(.say(s.t("请读题：", "Read out: ") + c.question, .heading))
            fx.append(.say(s.t("参考答案（摘要）：", "Standard answer (short): ") + c.shortAnswer, .dim))
        }
        let hits = Set(record.questions[q].grade?.hitConceptIDs ?? [])
        let overrides = record.questions[q].marks?.conceptOverrides ?? [:]
        fx.append(.say(s.t("要点（* 必答）：", "Concepts (* required):"), .plain))
        for item in c.concepts {
            let hit = hits.contains(item.id)
            let by = overrides[item.id] != nil ? s.t("（面试官）", " (interviewer)") : ""
            fx.append(.say("  [\(hit ? "✓" : " ")] \(item.number). \(item.text)\(item.required ? " *" : "") · "
                           + content.stepName(item.step ?? .core, language) + " · w" + weightText(item.weight ?? 0) + by,
                           hit ? .hit : .plain))
        }
        if !c.misconceptions.isEmpty {
            let marked = Set(record.questions[q].marks?.misconceptions ?? [])
            fx.append(.say(s.t("错误观点：", "Misconceptions:"), .plain))
            for m in c.misconceptions {
                fx.append(.say("  [\(marked.contains(m.id) ? "!" : " ")] !\(m.number). \(m.text)", marked.contains(m.id) ? .miss : .plain))
            }
        }
        if header {
            fx.append(.say(s.t("命令：直接输入笔记 · +N 勾选 · -N 取消 · !N 错误观点 · :next 评分并继续 · :help", "Type notes · +N tick · -N untick · !N misconception · :next rate and go on · :help"), .dim))
        }
        return fx
    }

    private func changes(from before: AnswerGrade?, question q: Int) -> [Effect] {
        let wasHit = Set(before?.hitConceptIDs ?? [])
        let nowHit = record.questions[q].grade?.concepts.filter(\.hit) ?? []
        var fx: [Effect] = []
        for c in nowHit where !wasHit.contains(c.id) {
            let n = checklists[q].concepts.first { $0.id == c.id }?.number ?? 0
            let label = checklists[q].concepts.first { $0.id == c.id }?.text ?? c.label
            fx.append(.say("  ✓ \(n). \(label)" + (c.evidence.isEmpty ? "" : " ← " + c.evidence.joined(separator: ", ")), .hit))
        }
        let nowIDs = Set(nowHit.map(\.id))
        for id in wasHit where !nowIDs.contains(id) {
            let item = checklists[q].concepts.first { $0.id == id }
            fx.append(.say("  ✗ \(item?.number ?? 0). \(item?.text ?? id)", .miss))
        }
        let marked = Set(record.questions[q].marks?.misconceptions ?? [])
        for m in scorerMisconceptions(q) where !marked.contains(m.id) {
            if let item = checklists[q].misconceptions.first(where: { $0.id == m.id }) {
                fx.append(.say("  ? " + s.t("疑似错误观点 ", "possible misconception ") + "!\(item.number). \(item.text)"
                               + s.t("（输入 !\(item.number) 标记）", " (type !\(item.number) to mark it)"), .warning))
            }
        }
        return fx + statusLine(question: q)
    }

    private func statusLine(question q: Int) -> [Effect] {
        guard let grade = record.questions[q].grade else { return [] }
        let numbers = Dictionary(checklists[q].concepts.map { ($0.id, $0.number) }, uniquingKeysWith: { a, _ in a })
        let hit = grade.concepts.filter(\.hit).compactMap { numbers[$0.id] }.sorted()
        let missed = grade.concepts.filter { !$0.hit }.compactMap { numbers[$0.id] }.sorted()
        let mis = (record.questions[q].marks?.misconceptions ?? []).compactMap { id in checklists[q].misconceptions.first { $0.id == id }?.number }
        func list(_ numbers: [Int]) -> String { numbers.isEmpty ? "-" : numbers.map(String.init).joined(separator: " ") }
        var line = "  ✓ \(list(hit))  ✗ \(list(missed))"
        if !mis.isEmpty { line += "  ! \(list(mis))" }
        line += "  · \(ReportFormatting.score(grade.score)) (\(grade.grade.rawValue))"
        return [.say(line, .dim)]
    }

    private func summaryLine(question q: Int) -> [Effect] {
        guard let grade = record.questions[q].grade else { return [] }
        let ratings = FrameworkStep.allCases.map { record.questions[q].marks?.stepRatings[$0].map(String.init) ?? "-" }.joined(separator: " ")
        let score = ReportFormatting.score(grade.score)
        let time = ReportFormatting.duration(record.questions[q].secondsUsed)
        let text = "Q\(q + 1): \(score) (\(grade.grade.rawValue)) · \(s.t("评分", "ratings")) \(ratings) · \(s.t("用时", "time")) \(time)"
        return [.say(text, .plain)]
    }

    private func followUps(question q: Int) -> [Effect] {
        guard let grade = record.questions[q].grade else { return [] }
        let missed = Set(grade.missedConceptIDs)
        guard !missed.isEmpty else { return [.say(s.t("所有要点均已覆盖。", "Every concept is covered."), .hit)] }
        var fx: [Effect] = [.say(s.t("建议追问（未覆盖的要点）：", "Suggested follow-ups (missed concepts):"), .heading)]
        var covered = Set<String>()
        for f in rubrics[q].followUps where !missed.isDisjoint(with: f.whenMissing) {
            fx.append(.say("  ? " + f.question.text(language), .plain))
            covered.formUnion(f.whenMissing)
        }
        for item in checklists[q].concepts where missed.contains(item.id) && !covered.contains(item.id) {
            fx.append(.say("  ? " + s.t("请谈谈：", "Ask about: ") + item.text + " (\(item.number))", .plain))
        }
        return fx
    }

    private func ratingQuestion(_ step: FrameworkStep, question q: Int) -> Effect {
        let suggestion = suggestedRating(step, question: q).map { s.t("，回车 = \($0)（建议）", ", Enter = \($0) (suggested)") } ?? ""
        return .say("  " + content.stepName(step, language) + " (" + s.ratingScale + suggestion + ")", .plain)
    }

    private var quitMessage: String {
        s.t("已保存。继续本次面试：mockinterview conduct --resume \(record.id)",
            "Saved. Continue with: mockinterview conduct --resume \(record.id)")
    }

    private var verdictChoices: String {
        Recommendation.Verdict.allCases.enumerated().map { "\($0 + 1) = " + s.verdict($1) }.joined(separator: " · ")
    }

    private var help: String {
        s.t("""
        直接输入笔记或候选人的关键词：评分器实时勾选要点。
          +3 勾选要点 3 · -5 取消要点 5 · !2 标记/取消错误观点 2（可一次输入多个：+3 +4 -5）
          :show 显示清单 · :answer 完整参考答案 · :follow 建议追问
          :next 结束笔记，为五个步骤评分（1–4）并写评语 · :rate 3 3 2 1 2 一次评完
          :skip 跳过此题 · :quit 保存并退出 · :help 帮助
        """, """
        Type notes or the candidate's key phrases: the scorer ticks concepts live.
          +3 tick concept 3 · -5 untick concept 5 · !2 mark/unmark misconception 2 (several at once: +3 +4 -5)
          :show the checklist · :answer the full standard answer · :follow suggested follow-ups
          :next end the notes, rate the five steps (1–4) and write a note · :rate 3 3 2 1 2 all at once
          :skip skip this question · :quit save and leave · :help this help
        """)
    }

    private func weightText(_ w: Double) -> String {
        w == w.rounded() ? String(Int(w)) : ReportFormatting.score(w)
    }
}

/// How a line of the conduct screen should look; the shell maps it to colours.
public enum ConductStyle: String, Sendable, Equatable {
    case plain, heading, dim, hit, miss, warning, error
}
