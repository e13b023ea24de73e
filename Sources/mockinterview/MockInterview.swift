import ArgumentParser

@main
struct MockInterview: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "mockinterview",
        abstract: "A terminal mock-interview simulator for backend and SRE interviews (Go, Kubernetes, distributed systems, middleware).",
        discussion: """
        Practise answering interview questions in writing, run structured interviews as an \
        interviewer, and write the rubrics that grade the answers.

        Start here:
          mockinterview list                     the scenarios and questions
          mockinterview practice quick           a 15-minute interview of 5 questions
          mockinterview grade --question go.gmp --answer-file my.txt
          mockinterview rubric lint              check all content

        Content is found in --content DIR, else $MOCKINTERVIEW_CONTENT, else the current folder \
        when it holds Rubrics/ and Scenarios/, else <prefix>/share/mockinterview.
        Sessions live in $MOCKINTERVIEW_HOME (default $XDG_DATA_HOME/mockinterview, else \
        ~/.local/share/mockinterview).

        Exit codes: 0 success, 1 content or validation errors, 64 usage errors, 65 bad input data, \
        74 I/O errors.
        """,
        version: version,
        subcommands: [
            ListCommand.self, PracticeCommand.self, GradeCommand.self, RubricCommand.self,
            HistoryCommand.self, ConductCommand.self, SheetCommand.self, ReportCommand.self, StatsCommand.self,
        ]
    )
}
