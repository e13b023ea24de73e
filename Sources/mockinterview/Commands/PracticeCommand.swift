import ArgumentParser
import Foundation
import InterviewEngine
import RubricKit
import SessionStore

struct PracticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Practise a scenario: a mock interview in the terminal.",
        discussion: """
        The interviewer asks each question of the scenario; you answer in writing. An answer may span \
        several lines and ends with an empty line or a lone `.`. After each answer you see its grade, \
        the concepts you covered and missed, and which of the five framework steps you showed; when you \
        missed a concept that has a follow-up, the interviewer asks it and your answer adds to the grade.

        Commands at the prompt (Tab completes them):
          :hint :skip :repeat :framework :time :answer :quit :help

        Every answer is saved before the next prompt: if the program is killed, \
        `practice --resume` continues where you stopped, clock included.

        Keys: Up/Down recall earlier lines (kept across sessions); Ctrl-C clears the line, and a \
        second Ctrl-C on an empty line offers to save and leave; Ctrl-D ends the answer, or leaves \
        (saved) on an empty first line.

        When stdin is not a terminal the answers are read plainly, so a session can be scripted \
        (no pause after feedback; each answer ends with an empty line):
          printf 'G是goroutine\\n\\n:skip\\n' | mockinterview practice quick

        More in docs/practice.md.

        Examples:
          mockinterview practice                   the 'quick' scenario
          mockinterview practice go-basics --guided
          mockinterview practice --resume
          mockinterview practice quick --seed 7 --clock --lang en
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The scenario to practise (default: quick; see `mockinterview list`).", valueName: "scenario"))
    var scenarioArgument: String?

    private var scenario: String { scenarioArgument ?? "quick" }

    @Flag(help: "Guided mode: walk through the five framework steps one prompt at a time, then grade the whole answer.")
    var guided = false

    @Option(help: ArgumentHelp("Seed for the scenario's question draw and order (recorded with the session).", valueName: "n"))
    var seed: UInt64?

    @Flag(help: "Continue the last unfinished practice session.")
    var resume = false

    @Flag(help: "Show the time used for the question in the prompt.")
    var clock = false

    @Flag(help: "Review: the questions whose concepts you miss most, spaced by how long ago you practised each.")
    var review = false

    /// Checks how the arguments combine. `run` calls it first: as `validate()` it would run before
    /// ArgumentParser reports an unknown option, so a typo (`--qestion`) would get this message instead.
    func checkArguments() throws {
        guard resume else { return }
        let extra = [(scenarioArgument != nil, "a scenario"), (guided, "--guided"), (seed != nil, "--seed"), (review, "--review")]
            .filter(\.0).map(\.1)
        if !extra.isEmpty {
            throw ValidationError("--resume continues the last unfinished session as it was; drop \(extra.joined(separator: ", "))")
        }
    }

    func run() throws {
        try checkArguments()
        let bank = try global.loadContent()
        // The data folder is checked before any question is asked.
        let store = try SessionStoreAccess.open()
        // A resumed session goes on in the language it was held in, unless --lang says otherwise.
        let saved = resume ? try SessionStoreAccess.run({ try store.lastUnfinishedPractice() }) : nil
        let language = global.lang ?? saved?.language ?? global.language
        let t = Localizer(language: language)
        let interactive = isatty(STDIN_FILENO) == 1
        let options = InterviewSession.Options(pauseAfterFeedback: interactive)
        let grader = AnswerGrader(scorer: RubricScorer(framework: bank.framework, language: language))
        let now = Date()

        let session = resume
            ? try resumedSession(saved, bank: bank, grader: grader, now: now, options: options, t: t)
            : try newSession(bank: bank, store: store, grader: grader, now: now, options: options, t: t)

        let reader: any LineReader = interactive
            ? ReadlineLineReader(historyPath: (SessionStoreAccess.home as NSString).appendingPathComponent("history"),
                                 t: t, warn: Console.shared.warning)
            : PlainLineReader()
        let runner = PracticeRunner(session: session, store: store, reader: reader,
                                    renderer: SessionRenderer(t: t, framework: bank.framework, console: .shared),
                                    clock: Date.init, showClock: clock, t: t)
        _ = try runner.run()
    }
}

extension PracticeCommand {
    private func resumedSession(_ saved: SessionRecord?, bank: ContentBank, grader: AnswerGrader, now: Date,
                                options: InterviewSession.Options, t: Localizer) throws -> InterviewSession {
        guard let saved else {
            Console.shared.error(t("没有未完成的练习可以继续；用 `mockinterview practice \(scenario)` 开始新的练习",
                                   "there is no unfinished practice session to resume; start one with `mockinterview practice \(scenario)`"))
            throw Exit.content
        }
        do {
            return try InterviewSession(resuming: saved, rubric: bank.rubric, framework: bank.framework, grader: grader,
                                        scenarioDescription: bank.scenario(saved.scenarioID)?.description ?? LocalizedText(""),
                                        now: now, options: options)
        } catch let error as InterviewSession.SetupError {
            Console.shared.error("session \(saved.id): \(error.description)")
            throw Exit.content
        }
    }

    private func newSession(bank: ContentBank, store: SessionStore, grader: AnswerGrader, now: Date,
                            options: InterviewSession.Options, t: Localizer) throws -> InterviewSession {
        let reviewPlan = review ? try PracticeReview.plan(bank: bank, store: store, template: bank.scenario(scenario),
                                                         language: global.language, now: now) : nil
        let chosen = try reviewPlan?.scenario ?? ScenarioLookup.find(scenario, in: bank, language: global.language)
        if let unfinished = try SessionStoreAccess.run({ try store.lastUnfinishedPractice() }) {
            let done = unfinished.questions.filter(\.finished).count
            Console.shared.err(Console.shared.style(t(
                "提示：会话 \(unfinished.id)（\(unfinished.scenarioID)，\(done)/\(unfinished.questions.count) 题）尚未完成；`mockinterview practice --resume` 可以继续。",
                "note: session \(unfinished.id) (\(unfinished.scenarioID), \(done)/\(unfinished.questions.count) done) is unfinished; `mockinterview practice --resume` continues it."),
                .dim, err: true))
        }
        var system = SystemRandomNumberGenerator()
        let drawSeed = seed ?? chosen.selection.seed ?? system.next()
        do {
            return try InterviewSession(
                id: SessionID.make(using: &system), scenario: chosen,
                questions: reviewPlan?.questions ?? bank.questions(for: chosen, seed: drawSeed), framework: bank.framework,
                grader: grader, mode: guided ? .guided : chosen.mode, language: global.language, seed: drawSeed, now: now,
                options: options)
        } catch let error as InterviewSession.SetupError {
            Console.shared.error(error.description)
            throw Exit.content
        }
    }
}

/// Session ids: 10 random lowercase hex digits, so a short prefix is usually unique.
enum SessionID {
    static func make<G: RandomNumberGenerator>(using generator: inout G) -> String {
        let value = generator.next() & 0xFF_FFFF_FFFF
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 10 - hex.count) + hex
    }
}
