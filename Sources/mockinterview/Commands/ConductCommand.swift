import ArgumentParser
import Foundation
import InterviewEngine
import ReportKit
import RubricKit
import SessionStore

struct ConductCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conduct",
        abstract: "Run an interviewer-led session: a live checklist and scoring sheet for the interviewer.",
        discussion: """
        For each question you see the question to read out, a short form of the standard answer, and the \
        numbered checklist of the rubric's concepts (step, weight, * for required) and misconceptions.

        While the candidate talks, type notes or their key phrases: after every line the scorer re-reads \
        all the notes and ticks the concepts it recognises. Override it with short commands:
          +3      tick concept 3           -5      untick concept 5
          !2      mark (or unmark) misconception 2      several at once: +3 +4 -5
          :show   the checklist            :answer the full standard answer
          :follow suggested follow-ups for the missed concepts
          :next   done: rate the five framework steps, then write a free note
          :rate 3 3 2 1 2   all five ratings at once     :skip   :quit   :help
        Ratings use an anchored scale: 1 = absent, 2 = weak, 3 = solid, 4 = strong; Enter takes the \
        suggested rating (from the concepts ticked for that step).

        At the end: an overall recommendation (1 Strong No, 2 No, 3 Yes, 4 Strong Yes) and a required \
        justification. A question's score is the checklist's: the share of concept weight ticked minus \
        the penalties of the misconceptions marked.

        Everything is saved in the session database after every line (kill-safe); continue an \
        interrupted session with --resume. See the result with `mockinterview report`.

        Examples:
          mockinterview conduct go-basics --candidate "Li Lei" --interviewer Han
          mockinterview conduct quick --candidate Ana --seed 7 --lang en
          mockinterview conduct --resume 3f9a
          mockinterview report --last --output interview.html
        """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The scenario (see `mockinterview list`).", valueName: "scenario"))
    var scenario: String?

    @Option(help: ArgumentHelp("The candidate's name (required for a new session).", valueName: "name"))
    var candidate: String?

    @Option(help: ArgumentHelp("Your name, as the interviewer.", valueName: "name"))
    var interviewer: String?

    @Option(help: ArgumentHelp("Seed for scenarios that draw or shuffle their questions (the same seed as `sheet --seed` gives the same questions).", valueName: "n"))
    var seed: UInt64?

    @Option(help: ArgumentHelp("Continue an unfinished interviewer-led session (id or unique prefix).", valueName: "session"))
    var resume: String?

    /// Checks how the arguments combine. `run` calls it first: as `validate()` it would run before
    /// ArgumentParser reports an unknown option, so a typo (`--qestion`) would get this message instead.
    func checkArguments() throws {
        if resume == nil {
            guard scenario != nil else { throw ValidationError("give a scenario (see `mockinterview list`), or --resume SESSION") }
            guard let candidate, !candidate.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("--candidate NAME is required")
            }
        } else if scenario != nil {
            throw ValidationError("give a scenario or --resume, not both")
        }
    }

    func run() throws {
        try checkArguments()
        let bank = try global.loadContent()
        let store = try SessionStoreAccess.open()
        // A resumed interview goes on in the language it was held in, unless --lang says otherwise.
        let saved = try resume.map { id in try SessionStoreAccess.run { try store.load(id: id) } }
        let language = global.lang ?? saved?.language ?? global.language
        let scorer = RubricScorer(framework: bank.framework, policy: ChecklistGrading.notesPolicy, language: language)
        let grader: ConductSession.Grader = { scorer.grade($0, against: $1) }
        let categories = bank.categories.map(\.category)

        let session: ConductSession
        if let saved {
            do {
                session = try ConductSession(resuming: saved, rubric: bank.rubric, framework: bank.framework,
                                             categories: categories, language: language, now: Date(), grader: grader)
            } catch let error as ConductSession.ResumeError {
                Console.shared.error(error.description)
                throw Exit.usage
            }
        } else {
            let chosen = try ScenarioLookup.find(scenario ?? "", in: bank, language: language)
            var system = SystemRandomNumberGenerator()
            let drawSeed = seed ?? chosen.selection.seed ?? 0
            let questions = bank.questions(for: chosen, seed: drawSeed)
            guard !questions.isEmpty else {
                Console.shared.error("scenario '\(chosen.id)' selects no questions")
                throw Exit.content
            }
            session = ConductSession(id: SessionID.make(using: &system), scenario: chosen, questions: questions,
                                     framework: bank.framework, categories: categories,
                                     candidate: candidate?.trimmingCharacters(in: .whitespaces) ?? "",
                                     interviewer: interviewer, language: language, seed: drawSeed, now: Date(), grader: grader)
        }

        let interactive = isatty(STDIN_FILENO) == 1
        let reader: any LineReader = interactive
            ? ReadlineLineReader(historyPath: (SessionStoreAccess.home as NSString).appendingPathComponent("conduct-history"),
                                 t: Localizer(language: language), warn: Console.shared.warning, commands: ConductCommandParser.commandTokens)
            : PlainLineReader()
        var runner = ConductRunner(session: session, store: store, reader: reader, console: .shared, clock: Date.init)
        try runner.run(resuming: resume != nil)
    }
}
