import Yams

/// What one content file holds.
public enum ContentFile: Sendable, Equatable {
    case rubric(Rubric)
    case scenario(Scenario)
    case framework(Framework)
    case categories([CategoryEntry])
}

/// A category and its questions in display order (`Rubrics/categories.yaml`).
public struct CategoryEntry: Sendable, Equatable, Codable {
    public var category: Category
    public var questions: [String]
    public init(category: Category, questions: [String]) { self.category = category; self.questions = questions }
}

/// Positions of references that are checked across files.
struct References {
    var questionIDs: [(id: String, at: SourceLocation)] = []
    var categoryIDs: [(id: String, at: SourceLocation)] = []
    var idLocation: SourceLocation?
    /// Questions listed by a category file, with where.
    var listedQuestions: [(id: String, at: SourceLocation)] = []
}

/// Decodes one YAML file of any content kind, collecting every problem.
enum ContentDecoder {
    static let supportedVersion = 1

    /// `2` rather than `2.0`.
    static func formatNumber(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }

    /// Decodes `text`; the kind is told by its keys (`concepts`: rubric, `questions`: scenario,
    /// `steps`: framework, `categories`: the category list).
    static func decode(path: String, text: String) -> (ContentFile?, References, [Diagnostic]) {
        let r = YAMLReader(path: path, text: text)
        var refs = References()
        guard let root = r.parse() else { return (nil, refs, r.diagnostics) }
        guard let f = r.fields(root, "the file") else { return (nil, refs, r.diagnostics) }
        guard checkVersion(f, r) else { return (nil, refs, r.diagnostics) }
        let file: ContentFile?
        if f.has("concepts") {
            f.what = "the rubric"
            file = decodeRubric(f, r, &refs).map(ContentFile.rubric)
        } else if f.has("steps") {
            f.what = "the framework"
            file = decodeFramework(f, r).map(ContentFile.framework)
        } else if f.has("categories") && !f.has("questions") {
            f.what = "the category list"
            file = decodeCategories(f, r, &refs).map(ContentFile.categories)
        } else if f.has("questions") {
            f.what = "the scenario"
            file = decodeScenario(f, r, &refs).map(ContentFile.scenario)
        } else {
            r.error("cannot tell what this file is: a rubric has 'concepts', a scenario 'questions', the framework 'steps', the category list 'categories'", at: root)
            file = nil
        }
        return (r.diagnostics.hasErrors ? nil : file, refs, r.diagnostics)
    }

    private static func checkVersion(_ f: Fields, _ r: YAMLReader) -> Bool {
        guard let node = f.required("format_version") else { return false }
        guard let v = r.integer(node, "format_version") else { return false }
        guard v == supportedVersion else {
            r.error("unsupported format_version \(v); this mockinterview reads format_version \(supportedVersion)", at: node)
            return false
        }
        return true
    }

    // MARK: Rubric

    static func decodeRubric(_ f: Fields, _ r: YAMLReader, _ refs: inout References) -> Rubric? {
        let idNode = f.required("id")
        let id = idNode.flatMap { r.string($0, "id") }
        if let idNode, let id { refs.idLocation = r.location(idNode.mark); checkIdentifier(id, idNode, r) }
        let catNode = f.required("category")
        let category = catNode.flatMap { r.string($0, "category") }
        if let catNode, let category { refs.categoryIDs.append((category, r.location(catNode.mark))) }
        let language = f.optional("language").flatMap { r.oneOf($0, "language", Language.self) } ?? .zh
        let question = f.required("question").flatMap { r.localized($0, "question") }
        let standard = f.required("standard_answer").flatMap { r.string($0, "standard_answer") }
        let alternatives = f.optional("alternatives").flatMap { r.strings($0, "alternatives") } ?? []
        let corrections = f.optional("corrections").flatMap { r.strings($0, "corrections") } ?? []
        let similarity = f.optional("similarity_weight").flatMap { n -> Double? in
            guard let v = r.number(n, "similarity_weight") else { return nil }
            if v < 0 || v > 1 { r.error("similarity_weight must be between 0 and 1, found \(formatNumber(v))", at: n); return nil }
            return v
        } ?? 0.1
        let coverageTarget = f.optional("coverage_target").flatMap { n -> Double? in
            guard let v = r.number(n, "coverage_target") else { return nil }
            if !(v > 0 && v <= 1) { r.error("coverage_target must be above 0 and at most 1, found \(formatNumber(v))", at: n); return nil }
            return v
        }
        let bands = f.optional("bands").flatMap { decodeBands($0, r) } ?? .standard

        var concepts: [Concept] = []
        if let node = f.required("concepts"), let items = r.list(node, "concepts") {
            if items.isEmpty { r.error("a rubric needs at least one concept", at: node) }
            concepts = items.compactMap { decodeConcept($0, r) }
        }
        checkConcepts(concepts, r)
        let conceptIDs = Set(concepts.map(\.id))

        let misconceptions = f.optional("misconceptions").flatMap { r.list($0, "misconceptions") }?
            .compactMap { decodeMisconception($0, r) } ?? []
        checkUnique(misconceptions.map { ($0.id, $0.source) }, "misconception", r)
        let followUps = f.optional("followups").flatMap { r.list($0, "followups") }?
            .compactMap { decodeFollowUp($0, conceptIDs, r) } ?? []
        checkUnique(followUps.map { ($0.id, $0.source) }, "follow-up", r)
        let hints = f.optional("hints").flatMap { r.list($0, "hints") }?
            .compactMap { r.localized($0, "a hint") } ?? []
        let examples = f.optional("examples").flatMap { r.list($0, "examples") }?
            .enumerated().compactMap { decodeExample($1, index: $0, r) } ?? []
        f.finish()

        guard let id, let category, let question, let standard else { return nil }
        return Rubric(id: id, category: category, language: language, question: question,
                      standardAnswer: standard, alternatives: alternatives, corrections: corrections,
                      concepts: concepts, misconceptions: misconceptions, followUps: followUps,
                      hints: hints, examples: examples, bands: bands, similarityWeight: similarity,
                      coverageTarget: coverageTarget,
                      source: refs.idLocation)
    }

    static func checkIdentifier(_ id: String, _ node: Node, _ r: YAMLReader) {
        let ok = id.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)) || "._-".unicodeScalars.contains($0) }
        if !ok { r.error("id '\(id)' may hold only ASCII letters, digits, '.', '_' and '-'", at: node) }
    }

    private static func decodeBands(_ node: Node, _ r: YAMLReader) -> GradeBands? {
        guard let f = r.fields(node, "bands") else { return nil }
        var b = GradeBands.standard
        if let n = f.optional("A"), let v = r.number(n, "bands.A") { b.a = v }
        if let n = f.optional("B"), let v = r.number(n, "bands.B") { b.b = v }
        if let n = f.optional("C"), let v = r.number(n, "bands.C") { b.c = v }
        if let n = f.optional("D"), let v = r.number(n, "bands.D") { b.d = v }
        f.finish()
        if !(100 >= b.a && b.a > b.b && b.b > b.c && b.c > b.d && b.d > 0) {
            r.error("bands must fall from A to D within 0–100 (A > B > C > D > 0)", at: node)
            return nil
        }
        return b
    }

    static func decodeConcept(_ node: Node, _ r: YAMLReader) -> Concept? {
        guard let f = r.fields(node, "a concept") else { return nil }
        let id = f.required("id").flatMap { n -> String? in
            let s = r.string(n, "concept id"); if let s { checkIdentifier(s, n, r) }; return s
        }
        let what = id.map { "concept '\($0)'" } ?? "a concept"
        f.what = what
        let label = f.required("label").flatMap { r.localized($0, "\(what) label") }
        var aliases: [String] = []
        if let n = f.optional("aliases"), let items = r.list(n, "\(what) aliases") {
            for item in items {
                guard let s = r.string(item, "an alias of \(what)", allowEmpty: true) else { continue }
                if s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    r.error("empty alias in \(what)", at: item)
                } else if TextNormalizer.normalize(s).text.trimmingCharacters(in: .whitespaces).isEmpty {
                    r.error("alias \"\(s)\" of \(what) has no letters or digits", at: item)
                } else {
                    aliases.append(s)
                }
            }
        }
        let weight = f.optional("weight").flatMap { n -> Double? in
            guard let v = r.number(n, "\(what) weight") else { return nil }
            if v <= 0 || v > 100 { r.error("\(what) weight must be above 0 and at most 100, found \(formatNumber(v))", at: n); return nil }
            return v
        } ?? 1
        let step = f.required("step").flatMap { n -> FrameworkStep? in
            guard let s = r.oneOf(n, "step", FrameworkStep.self) else { return nil }
            if s == .confirm { r.error("a concept's step is one of core, implementation, application, optimization ('confirm' is shown by cues)", at: n); return nil }
            return s
        }
        let required = f.optional("required").flatMap { r.bool($0, "\(what) required") } ?? false
        let values = f.optional("values").flatMap { r.list($0, "\(what) values") }?
            .compactMap { decodeValue($0, what, r) } ?? []
        let teach = f.optional("teach").flatMap { r.localized($0, "\(what) teach") }
        let mustHit = f.optional("must_hit").flatMap { r.strings($0, "\(what) must_hit") } ?? []
        let mustMiss = f.optional("must_miss").flatMap { r.strings($0, "\(what) must_miss") } ?? []
        f.finish()
        if aliases.isEmpty && values.isEmpty && !r.diagnostics.contains(where: { $0.message.contains("alias") && $0.message.contains(what) }) {
            r.error("\(what) needs at least one alias or value; it could never be credited", at: node)
        }
        guard let id, let label, let step else { return nil }
        return Concept(id: id, label: label, aliases: aliases, weight: weight, step: step, required: required,
                       values: values, teach: teach, mustHit: mustHit, mustMiss: mustMiss,
                       source: r.location(node.mark))
    }

    private static func decodeValue(_ node: Node, _ what: String, _ r: YAMLReader) -> ValueFact? {
        guard let f = r.fields(node, "a value of \(what)") else { return nil }
        let keys = f.required("key").flatMap { r.strings($0, "value key of \(what)") }
        let accepted = f.required("value").flatMap { r.strings($0, "value of \(what)") }
        f.finish()
        guard let keys, let accepted, !keys.isEmpty, !accepted.isEmpty else { return nil }
        return ValueFact(keys: keys, accepted: accepted)
    }

    private static func checkConcepts(_ concepts: [Concept], _ r: YAMLReader) {
        checkUnique(concepts.map { ($0.id, $0.source) }, "concept", r)
        var owner: [String: String] = [:]
        for c in concepts {
            for a in Set(c.aliases.map { TextNormalizer.normalize($0).text }) {
                if let other = owner[a], other != c.id {
                    r.report(.warning, "alias \"\(a)\" is claimed by concepts '\(other)' and '\(c.id)'; an answer naming it credits both", at: c.source)
                } else {
                    owner[a] = c.id
                }
            }
        }
    }

    private static func checkUnique(_ ids: [(String, SourceLocation?)], _ kind: String, _ r: YAMLReader) {
        var seen: [String: SourceLocation?] = [:]
        for (id, loc) in ids {
            if let first = seen[id] {
                r.report(.error, "duplicate \(kind) id '\(id)' (first at line \(first?.line ?? 0))", at: loc)
            } else {
                seen[id] = loc
            }
        }
    }

    private static func decodeMisconception(_ node: Node, _ r: YAMLReader) -> Misconception? {
        guard let f = r.fields(node, "a misconception") else { return nil }
        let id = f.required("id").flatMap { r.string($0, "misconception id") }
        let what = id.map { "misconception '\($0)'" } ?? "a misconception"
        f.what = what
        let claim = f.required("claim").flatMap { r.localized($0, "\(what) claim") }
        var groups: [[String]] = []
        if let n = f.required("match"), let items = r.list(n, "\(what) match") {
            if items.isEmpty { r.error("\(what) match needs at least one group of phrases", at: n) }
            for item in items {
                guard let g = r.strings(item, "a match group of \(what)") else { continue }
                if g.contains(where: { TextNormalizer.normalize($0).text.trimmingCharacters(in: .whitespaces).isEmpty }) {
                    r.error("empty phrase in a match group of \(what)", at: item)
                } else if !g.isEmpty { groups.append(g) }
            }
        }
        let correction = f.required("correction").flatMap { r.localized($0, "\(what) correction") }
        let penalty = f.optional("penalty").flatMap { n -> Double? in
            guard let v = r.number(n, "\(what) penalty") else { return nil }
            if v < 0 || v > 100 { r.error("\(what) penalty must be within 0–100", at: n); return nil }
            return v
        } ?? 10
        let mustClaim = f.optional("must_claim").flatMap { r.strings($0, "\(what) must_claim") } ?? []
        let mustNotClaim = f.optional("must_not_claim").flatMap { r.strings($0, "\(what) must_not_claim") } ?? []
        f.finish()
        guard let id, let claim, let correction, !groups.isEmpty else { return nil }
        return Misconception(id: id, claim: claim, match: groups, correction: correction, penalty: penalty,
                             mustClaim: mustClaim, mustNotClaim: mustNotClaim, source: r.location(node.mark))
    }

    private static func decodeFollowUp(_ node: Node, _ concepts: Set<String>, _ r: YAMLReader) -> FollowUp? {
        guard let f = r.fields(node, "a follow-up") else { return nil }
        let id = f.required("id").flatMap { r.string($0, "follow-up id") }
        var missing: [String] = []
        if let n = f.required("when_missing"), let ids = r.strings(n, "when_missing") {
            for c in ids where !concepts.contains(c) && !concepts.isEmpty {
                r.error("follow-up names unknown concept '\(c)' in when_missing", at: n)
            }
            missing = ids
        }
        let question = f.required("question").flatMap { r.localized($0, "follow-up question") }
        f.finish()
        guard let id, let question, !missing.isEmpty else { return nil }
        return FollowUp(id: id, whenMissing: missing, question: question, source: r.location(node.mark))
    }

    private static func decodeExample(_ node: Node, index: Int, _ r: YAMLReader) -> GradedExample? {
        guard let f = r.fields(node, "an example") else { return nil }
        let name = f.optional("name").flatMap { r.string($0, "example name") } ?? "example \(index + 1)"
        let answer = f.required("answer").flatMap { r.string($0, "example answer", allowEmpty: true) }
        var expected: Set<Grade>? = nil
        if let n = f.required("grade"), let gs = r.strings(n, "example grade") {
            var set = Set<Grade>()
            for g in gs {
                if let v = parseGradeSpec(g) { set.formUnion(v) } else {
                    r.error("unknown grade '\(g)'; use A–F, a range like 'C-D', or '<=C'", at: n)
                }
            }
            expected = set.isEmpty ? nil : set
        }
        let human = f.optional("human_score").flatMap { n -> Double? in
            guard let v = r.number(n, "human_score") else { return nil }
            if v < 0 || v > 100 { r.error("human_score must be within 0–100", at: n); return nil }
            return v
        }
        let note = f.optional("note").flatMap { r.string($0, "example note") }
        f.finish()
        guard let answer, let expected else { return nil }
        return GradedExample(name: name, answer: answer, expected: expected, humanScore: human, note: note,
                             source: r.location(node.mark))
    }

    /// `A`, `C-D` (either order), `<=C` (C or below), `>=B` (B or above).
    static func parseGradeSpec(_ spec: String) -> Set<Grade>? {
        let s = spec.trimmingCharacters(in: .whitespaces).uppercased()
        if let g = Grade(rawValue: s) { return [g] }
        if s.hasPrefix("<="), let g = Grade(rawValue: String(s.dropFirst(2))) { return Set(Grade.allCases.filter { $0 <= g }) }
        if s.hasPrefix(">="), let g = Grade(rawValue: String(s.dropFirst(2))) { return Set(Grade.allCases.filter { $0 >= g }) }
        let parts = s.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 2, let a = Grade(rawValue: parts[0]), let b = Grade(rawValue: parts[1]) {
            let lo = min(a, b), hi = max(a, b)
            return Set(Grade.allCases.filter { $0 >= lo && $0 <= hi })
        }
        return nil
    }

    // MARK: Scenario

    static func decodeScenario(_ f: Fields, _ r: YAMLReader, _ refs: inout References) -> Scenario? {
        let idNode = f.required("id")
        let id = idNode.flatMap { r.string($0, "id") }
        if let idNode, let id { refs.idLocation = r.location(idNode.mark); checkIdentifier(id, idNode, r) }
        let title = f.required("title").flatMap { r.localized($0, "title") }
        let description = f.optional("description").flatMap { r.localized($0, "description") } ?? LocalizedText("")
        var selection: QuestionSelection?
        if let n = f.required("questions"), let q = r.fields(n, "questions") {
            var sel = QuestionSelection()
            if let idsNode = q.optional("ids"), let items = r.list(idsNode, "questions.ids") {
                for item in items {
                    if let s = r.string(item, "a question id") { sel.ids.append(s); refs.questionIDs.append((s, r.location(item.mark))) }
                }
            }
            if let cats = q.optional("categories"), let items = r.list(cats, "questions.categories") {
                for item in items {
                    if let s = r.string(item, "a category id") { sel.categories.append(s); refs.categoryIDs.append((s, r.location(item.mark))) }
                }
            }
            if let n = q.optional("random"), let v = r.integer(n, "questions.random") {
                if v < 1 { r.error("questions.random must be at least 1", at: n) } else { sel.random = v }
            }
            if let n = q.optional("seed"), let v = r.integer(n, "questions.seed") {
                if v < 0 { r.error("questions.seed must not be negative", at: n) } else { sel.seed = UInt64(v) }
            }
            q.finish()
            selection = sel
        }
        let order = f.optional("order").flatMap { r.oneOf($0, "order", Scenario.Order.self) } ?? .listed
        var total: Int?, perQuestion: Int?, overrides: [String: Int] = [:]
        if let n = f.required("time"), let t = r.fields(n, "time") {
            total = t.required("total").flatMap { r.duration($0, "time.total") }
            if total == 0 { r.error("time.total must be more than 0", at: n) }
            perQuestion = t.optional("per_question").flatMap { r.duration($0, "time.per_question") }
            if let o = t.optional("overrides"), let of = r.fields(o, "time.overrides") {
                for key in (of.node.mapping?.keys.compactMap(\.string) ?? []) {
                    if let v = of.optional(key).flatMap({ r.duration($0, "time.overrides.\(key)") }) { overrides[key] = v }
                    if let kn = of.keyNode(key) { refs.questionIDs.append((key, r.location(kn.mark))) }
                }
                of.finish()
            }
            t.finish()
        }
        let mode = f.optional("mode").flatMap { r.oneOf($0, "mode", Scenario.Mode.self) } ?? .free
        var maxFollowUps = 1
        if let n = f.optional("followups"), let fu = r.fields(n, "followups") {
            if let m = fu.optional("max_per_question"), let v = r.integer(m, "followups.max_per_question") {
                if v < 0 { r.error("followups.max_per_question must not be negative", at: m) } else { maxFollowUps = v }
            }
            fu.finish()
        }
        let hintPenalty = f.optional("hint_penalty").flatMap { r.number($0, "hint_penalty") } ?? 5
        f.finish()
        guard let id, let title, let selection, let total, total > 0 else { return nil }
        return Scenario(id: id, title: title, description: description, selection: selection, order: order,
                        totalSeconds: total, perQuestionSeconds: perQuestion, overrides: overrides, mode: mode,
                        maxFollowUps: maxFollowUps, hintPenalty: hintPenalty, source: refs.idLocation)
    }

    // MARK: Framework

    static func decodeFramework(_ f: Fields, _ r: YAMLReader) -> Framework? {
        var steps: [Framework.Step] = []
        if let n = f.required("steps"), let items = r.list(n, "steps") {
            for item in items {
                guard let s = r.fields(item, "a step") else { continue }
                let id = s.required("id").flatMap { r.oneOf($0, "step id", FrameworkStep.self) }
                let name = s.required("name").flatMap { r.localized($0, "step name") }
                let cues = s.optional("cues").flatMap { r.strings($0, "step cues") } ?? []
                let prompt = s.required("prompt").flatMap { r.localized($0, "step prompt") }
                let tip = s.required("tip").flatMap { r.localized($0, "step tip") }
                s.finish()
                if let id, let name, let prompt, let tip {
                    steps.append(.init(id: id, name: name, cues: cues, prompt: prompt, tip: tip))
                }
            }
            let ids = steps.map(\.id)
            if !r.diagnostics.hasErrors && ids != FrameworkStep.allCases {
                r.error("steps must be exactly confirm, core, implementation, application, optimization, in that order", at: n)
            }
        }
        var habits: [Framework.Habit] = []
        if let n = f.optional("habits"), let items = r.list(n, "habits") {
            for item in items {
                guard let h = r.fields(item, "a habit") else { continue }
                let id = h.required("id").flatMap { r.string($0, "habit id") }
                let name = h.required("name").flatMap { r.localized($0, "habit name") }
                let cues = h.optional("cues").flatMap { r.strings($0, "habit cues") } ?? []
                let tip = h.required("tip").flatMap { r.localized($0, "habit tip") }
                h.finish()
                if let id, let name, let tip { habits.append(.init(id: id, name: name, cues: cues, tip: tip)) }
            }
        }
        let dontKnow = f.optional("dont_know").flatMap { r.strings($0, "dont_know") } ?? []
        f.finish()
        return Framework(steps: steps, habits: habits, dontKnow: dontKnow)
    }

    // MARK: Categories

    static func decodeCategories(_ f: Fields, _ r: YAMLReader, _ refs: inout References) -> [CategoryEntry]? {
        var out: [CategoryEntry] = []
        if let n = f.required("categories"), let items = r.list(n, "categories") {
            for item in items {
                guard let c = r.fields(item, "a category") else { continue }
                let id = c.required("id").flatMap { r.string($0, "category id") }
                let name = c.required("name").flatMap { r.localized($0, "category name") }
                var questions: [String] = []
                if let qn = c.optional("questions"), let items = r.list(qn, "category questions") {
                    for item in items {
                        if let q = r.string(item, "a question id") { questions.append(q); refs.listedQuestions.append((q, r.location(item.mark))) }
                    }
                }
                c.finish()
                if let id, let name { out.append(CategoryEntry(category: Category(id: id, name: name), questions: questions)) }
            }
        }
        f.finish()
        return out
    }
}
