/// Writes the feedback of a grade in the compiled rubric's language (the rubric's own unless the
/// caller chose another): what was covered, what was missed
/// (with the sentence of the standard answer that teaches it), misconceptions with corrections,
/// wrong values, framework advice and one "next time" suggestion — or, for an honest "I don't
/// know", a short study plan.
struct FeedbackWriter {
    let framework: Framework
    /// The rubric's answer-independent lines and labels (`CompiledRubric.feedback`).
    let prepared: Prepared
    /// The language of the feedback (`CompiledRubric.language`).
    var language: Language { prepared.language }

    /// The parts of a compiled rubric's feedback that do not depend on the answer, made once.
    final class Prepared: Sendable {
        /// Per concept, its "missed" line (written by `missedLine`).
        let missedLines: [String]
        /// The language of its lines.
        let language: Language
        /// Per concept, its label in `language`.
        let labels: [String]
        /// The labels joined by the list separator, and where each label is in it: a run of
        /// consecutive concepts in a list is one slice of it, appended at once.
        let joinedLabels: String
        let labelRanges: [Range<String.Index>]
        /// Per concept, the "next time" line when it is the first missed and required, and when it
        /// is the first missed and not.
        let requiredNextTime: [String], missedNextTime: [String]
        /// Per misconception of the rubric, its id, claim and correction in `language`, and its lines.
        let misconceptions: [Misconception]
        /// The framework the lines below name, the steps in their order, and per set of absent steps
        /// (bit i: `steps[i]`, absent in that order), its framework line.
        let framework: Framework
        let steps = FrameworkStep.allCases
        let frameworkLines: [String]
        /// The feedback to an honest "I don't know": a study plan of the first six concepts by step
        /// and weight, with the sentences that teach them.
        let studyPlan: [FeedbackItem]

        struct Misconception: Sendable {
            let id: String, claim: String, correction: String
            /// Its feedback line, and the "next time" line when it is the first found.
            let line: String, nextTime: String
        }

        /// - Parameters: labels, teaching: per concept, its label and the sentence that teaches it in
        ///   `language` (`CompiledRubric.conceptLabels`, `.teaching`).
        init(concepts: [Concept], labels: [String], teaching: [String], misconceptions: [RubricKit.Misconception],
             framework: Framework, language: Language) {
            self.framework = framework
            let steps = FrameworkStep.allCases
            self.frameworkLines = (0..<(1 << steps.count)).map { mask in
                let absent = steps.indices.filter { mask & (1 << $0) != 0 }.map { steps[$0] }
                return absent.isEmpty ? "" : FeedbackWriter.frameworkLine(absent: absent, framework: framework, language: language)
            }
            self.missedLines = labels.indices.map { c in
                FeedbackWriter.missedLine(label: labels[c], required: concepts[c].required, teach: teaching[c], language: language)
            }
            let zh = language == .zh
            var plan = [FeedbackItem(kind: .studyPlan, text: zh
                ? "坦诚说明不会比硬凑更好。建议按下面的顺序学习，再来练一次："
                : "Saying so honestly beats guessing. Study these, in order, then try again:")]
            let order = concepts.indices.sorted {
                (concepts[$0].step, -concepts[$0].weight, $0) < (concepts[$1].step, -concepts[$1].weight, $1)
            }
            for (n, c) in order.prefix(6).enumerated() {
                let teach = teaching[c], label = labels[c]
                let text = teach.isEmpty ? "\(n + 1). \(label)" : "\(n + 1). \(label)" + (zh ? "：" : ": ") + teach
                plan.append(FeedbackItem(kind: .studyPlan, text: text))
            }
            self.studyPlan = plan
            self.requiredNextTime = labels.map { label in
                zh ? FeedbackWriter.concat("下次：一定要讲到「", label, "」，这是这道题的必答点。")
                    : FeedbackWriter.concat("Next time: be sure to cover ", label, "; the question turns on it.")
            }
            self.missedNextTime = labels.map { label in
                zh ? FeedbackWriter.concat("下次：补上「", label, "」。") : FeedbackWriter.concat("Next time: add ", label, ".")
            }
            self.misconceptions = misconceptions.map { m in
                let claim = m.claim.text(language), correction = m.correction.text(language)
                return Misconception(
                    id: m.id, claim: claim, correction: correction,
                    line: zh ? FeedbackWriter.concat("误区：", claim, "。纠正：", correction)
                        : FeedbackWriter.concat("Misconception: ", claim, ". Correction: ", correction),
                    nextTime: zh ? FeedbackWriter.concat("下次：先纠正「", claim, "」这个误区，再组织答案。")
                        : FeedbackWriter.concat("Next time: fix the belief that ", claim, " first."))
            }
            (self.language, self.labels) = (language, labels)
            let separator = FeedbackWriter.separator(language)
            let joined = labels.joined(separator: separator)
            func index(_ offset: Int) -> String.Index { joined.utf8.index(joined.startIndex, offsetBy: offset) }
            var ranges: [Range<String.Index>] = [], start = 0
            for label in labels {
                ranges.append(index(start)..<index(start + label.utf8.count))
                start += label.utf8.count + separator.utf8.count
            }
            (self.joinedLabels, self.labelRanges) = (joined, ranges)
        }

        /// `head`, the labels of the concepts `picked` (ascending indices into `concepts`) separated
        /// by the list separator, then `tail`: the bytes of `FeedbackWriter.list` over those labels,
        /// each run of consecutive concepts appended as one slice of `joinedLabels`. Nil when
        /// `concepts` are not this rubric's (a label differs).
        func list(_ head: String, _ picked: [Int], of concepts: [ConceptResult], tail: String = "") -> String? {
            guard concepts.count == labels.count else { return nil }
            let separator = FeedbackWriter.separator(language)
            var count = head.utf8.count + tail.utf8.count + separator.utf8.count * max(0, picked.count - 1)
            for c in picked {
                guard concepts[c].label == labels[c] else { return nil }
                count += labels[c].utf8.count
            }
            var text = head
            text.reserveCapacity(count)
            var i = 0
            while i < picked.count {
                // The run picked[i...j - 1] of consecutive concepts, after the first with the
                // separator before it in `joinedLabels`.
                var j = i + 1
                while j < picked.count && picked[j] == picked[j - 1] + 1 { j += 1 }
                let start = labelRanges[picked[i]].lowerBound
                let from = i == 0 ? start : joinedLabels.utf8.index(start, offsetBy: -separator.utf8.count)
                text.append(contentsOf: joinedLabels[from..<labelRanges[picked[j - 1]].upperBound])
                i = j
            }
            if !tail.isEmpty { text += tail }
            return text
        }

        /// Whether concept `c` of `concepts` is this rubric's (its label compared: the grade's labels
        /// are the rubric's, so this compares storage).
        func hasLabel(_ c: Int, of concepts: [ConceptResult]) -> Bool {
            concepts.count == labels.count && concepts[c].label == labels[c]
        }

        /// The framework line for the steps `absent` when they are in `steps`' order and `framework`
        /// is this one (the grade's framework shares its arrays' storage, so this compares three
        /// words).
        func frameworkLine(_ absent: [FrameworkStep], of framework: Framework) -> String? {
            guard framework == self.framework else { return nil }
            var mask = 0, last = -1
            for s in absent {
                guard let i = steps.firstIndex(of: s), i > last else { return nil }
                (mask, last) = (mask | 1 << i, i)
            }
            return frameworkLines[mask]
        }

        /// Where `m` is among the rubric's misconceptions, when its claim and correction are theirs.
        func index(of m: MisconceptionResult) -> Int? {
            guard let i = misconceptions.firstIndex(where: { $0.id == m.id }),
                  misconceptions[i].claim == m.claim && misconceptions[i].correction == m.correction else { return nil }
            return i
        }
    }

    /// The feedback line for a missed concept, with the sentence that teaches it. It does not depend
    /// on the answer, so `CompiledRubric` writes it once per concept.
    static func missedLine(label: String, required: Bool, teach: String, language: Language) -> String {
        let zh = language == .zh
        var text = zh ? "遗漏：" : "Missed: "
        text.reserveCapacity(text.utf8.count + label.utf8.count + teach.utf8.count + 32)
        text += label
        if required { text += zh ? "（必答）" : " (required)" }
        if !teach.isEmpty { text += zh ? "。标准答案：" : ". The standard answer: "; text += teach }
        return text
    }

    /// Missed concepts listed at most.
    static let maxMissed = 5

    private var zh: Bool { language == .zh }

    /// Between the labels of a list (labels hold commas and 、 themselves).
    static func separator(_ language: Language) -> String { language == .zh ? "；" : "; " }

    func write(concepts: [ConceptResult], misconceptions: [MisconceptionResult],
               wrongValues: [(Concept, String, String)], framework result: FrameworkResult,
               flags: [String], dontKnow: Bool) -> [FeedbackItem] {
        var items: [FeedbackItem] = []
        // At most: covered, unexplained, five missed and the rest, the wrong values, the
        // misconceptions, the framework and next time (the study plan: seven).
        items.reserveCapacity(10 + wrongValues.count + misconceptions.count)
        let sep = Self.separator(language)
        if dontKnow { return prepared.studyPlan }
        // Covered concepts, and those only named, in one pass into room for all (compactMap grew from
        // one; the named ones get room for the rest at the first, growing no more).
        var covered: [Int] = [], namedOnly: [Int] = []
        covered.reserveCapacity(concepts.count)
        for c in concepts.indices where concepts[c].hit {
            covered.append(c)
            if concepts[c].note == Explanation.note {
                if namedOnly.isEmpty { namedOnly.reserveCapacity(concepts.count - c) }
                namedOnly.append(c)
            }
        }
        if !covered.isEmpty {
            items.append(FeedbackItem(kind: .covered, text: labelList(zh ? "已覆盖：" : "Covered: ", covered, of: concepts)))
        }
        if !namedOnly.isEmpty {
            let text = labelList(zh ? "只点到名称、没有展开：" : "Named but not explained: ", namedOnly, of: concepts,
                                 tail: zh ? "。说一说它是什么、怎么工作。" : ". Say what each is and how it works.")
            items.append(FeedbackItem(kind: .unexplained, text: text))
        }
        // Missed concepts, most important first, sorted in room reserved for all (no filtered array
        // copied by `sorted`).
        var missed: [Int] = []
        missed.reserveCapacity(concepts.count)
        for c in concepts.indices where !concepts[c].hit && !wrongValues.contains(where: { $0.0.id == concepts[c].id }) { missed.append(c) }
        missed.sort { (concepts[$0].required ? 0 : 1, -concepts[$0].weight, $0) < (concepts[$1].required ? 0 : 1, -concepts[$1].weight, $1) }
        for c in missed.prefix(Self.maxMissed) {
            items.append(FeedbackItem(kind: .missed, text: prepared.missedLines[c]))
        }
        if missed.count > Self.maxMissed {
            let rest = missed.dropFirst(Self.maxMissed).map { concepts[$0].label }
            items.append(FeedbackItem(kind: .missed, text: Self.list(zh ? "另外还遗漏：" : "Also missed: ", rest, separator: sep)))
        }
        for (concept, observed, expected) in wrongValues {
            let key = concept.values.first?.keys.first ?? concept.label.text(language)
            items.append(FeedbackItem(kind: .wrongValue, text: zh
                ? "取值有误：\(key) 写成了 \(observed.isEmpty ? "其他值" : observed)，正确应为 \(expected)。"
                : "Wrong value: \(key) given as \(observed.isEmpty ? "another value" : observed); it should be \(expected)."))
        }
        for m in misconceptions {
            if let i = prepared.index(of: m) {
                items.append(FeedbackItem(kind: .misconception, text: prepared.misconceptions[i].line))
                continue
            }
            items.append(FeedbackItem(kind: .misconception, text: zh
                ? Self.concat("误区：", m.claim, "。纠正：", m.correction)
                : Self.concat("Misconception: ", m.claim, ". Correction: ", m.correction)))
        }
        let absent = result.steps.compactMap { $0.present ? nil : $0.step }
        if !absent.isEmpty {
            items.append(FeedbackItem(kind: .framework, text: prepared.frameworkLine(absent, of: framework)
                ?? Self.frameworkLine(absent: absent, framework: framework, language: language)))
        } else if !result.inOrder {
            items.append(FeedbackItem(kind: .framework, text: zh
                ? "答题框架：五个步骤都有，但顺序可以更清晰：理解确认 → 核心概念 → 具体实现 → 实际应用 → 优化思考。"
                : "Framework: all five steps are there; order them confirm → core → implementation → application → optimisation."))
        } else {
            items.append(FeedbackItem(kind: .framework, text: zh ? "答题框架：五个步骤完整且有序。" : "Framework: all five steps, in order."))
        }
        items.append(FeedbackItem(kind: .nextTime, text: nextTime(concepts: concepts, missed: missed, misconceptions: misconceptions,
                                                                 absent: absent, flags: flags, habits: result.habits)))
        return items
    }

    /// `head`, the labels of the concepts `picked` (ascending) separated by the list separator, then
    /// `tail`: from the rubric's joined labels, or label by label when `concepts` are not its own.
    private func labelList(_ head: String, _ picked: [Int], of concepts: [ConceptResult], tail: String = "") -> String {
        prepared.list(head, picked, of: concepts, tail: tail)
            ?? Self.list(head, picked.map { concepts[$0].label }, separator: Self.separator(language), tail: tail)
    }

    /// `head` followed by `parts` separated by `separator`, then `tail`, in one string reserved at
    /// its final size (`head + parts.joined(separator:)` reserved an estimate, grew, then copied it
    /// after `head`).
    static func list(_ head: String, _ parts: [String], separator: String, tail: String = "") -> String {
        var count = head.utf8.count + separator.utf8.count * max(0, parts.count - 1) + tail.utf8.count
        for p in parts { count += p.utf8.count }
        var text = ""
        text.reserveCapacity(count)
        text += head
        for (i, p) in parts.enumerated() {
            if i > 0 { text += separator }
            text += p
        }
        text += tail
        return text
    }

    /// The parts in one string reserved at its final size: interpolation reserves two bytes per
    /// value and grows (copies) the string to fit these labels and sentences. Three or four parts,
    /// not variadic (an array allocated per line).
    static func concat(_ a: String, _ b: String, _ c: String, _ d: String = "") -> String {
        var text = ""
        text.reserveCapacity(a.utf8.count + b.utf8.count + c.utf8.count + d.utf8.count)
        text += a; text += b; text += c; text += d
        return text
    }

    // A step's name and tip read in place (`Framework.step` returned a copy of the whole step, its
    // cues included, at every line).
    private static func stepName(_ s: FrameworkStep, _ framework: Framework, _ language: Language) -> String {
        framework.steps.firstIndex { $0.id == s }.map { framework.steps[$0].name.text(language) } ?? s.rawValue
    }

    private static func stepTip(_ s: FrameworkStep, _ framework: Framework, _ language: Language) -> String? {
        framework.steps.firstIndex { $0.id == s }.map { framework.steps[$0].tip.text(language) }
    }

    /// The framework line for the steps `absent` (not empty), named in their order, with the first's tip.
    static func frameworkLine(absent: [FrameworkStep], framework: Framework, language: Language) -> String {
        let names = absent.map { stepName($0, framework, language) }.joined(separator: separator(language))
        let tip = stepTip(absent[0], framework, language) ?? ""
        return language == .zh ? concat("答题框架：缺少「", names, "」。", tip)
            : concat("Framework: missing ", names, ". ", tip)
    }

    private func nextTime(concepts: [ConceptResult], missed: [Int], misconceptions: [MisconceptionResult],
                          absent: [FrameworkStep], flags: [String], habits: [String]) -> String {
        if flags.contains("keyword-dump") {
            return zh ? "下次：不要只罗列关键词，用完整的句子讲清每个概念是什么、怎么工作、为什么这样设计。"
                : "Next time: don't just list keywords; explain in full sentences what each one is, how it works and why."
        }
        if let m = misconceptions.first {
            if let i = prepared.index(of: m) { return prepared.misconceptions[i].nextTime }
            return zh ? Self.concat("下次：先纠正「", m.claim, "」这个误区，再组织答案。") : Self.concat("Next time: fix the belief that ", m.claim, " first.")
        }
        if let c = missed.first, concepts[c].required {
            if prepared.hasLabel(c, of: concepts) { return prepared.requiredNextTime[c] }
            return zh ? Self.concat("下次：一定要讲到「", concepts[c].label, "」，这是这道题的必答点。")
                : Self.concat("Next time: be sure to cover ", concepts[c].label, "; the question turns on it.")
        }
        if flags.contains("shallow") {
            return zh ? "下次：每个要点多讲一两句——它是什么、怎么工作、为什么这样设计；只列名字、不作解释的答案，要点分会打折扣。"
                : "Next time: give each point a sentence or two on what it is, how it works and why; an answer that only names its points gets part of their credit."
        }
        if let s = absent.first(where: { $0 != .confirm }) ?? absent.first, absent.count >= 2 || missed.isEmpty {
            let tip = Self.stepTip(s, framework, language) ?? Self.stepName(s, framework, language)
            return (zh ? "下次：" : "Next time: ") + tip
        }
        if let c = missed.first {
            if prepared.hasLabel(c, of: concepts) { return prepared.missedNextTime[c] }
            return zh ? Self.concat("下次：补上「", concepts[c].label, "」。") : Self.concat("Next time: add ", concepts[c].label, ".")
        }
        if let h = framework.habits.firstIndex(where: { !habits.contains($0.id) }) {
            return (zh ? "下次：" : "Next time: ") + framework.habits[h].tip.text(language)
        }
        return zh ? "下次：保持这个水平。" : "Next time: keep it up."
    }
}
