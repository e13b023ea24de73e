import InterviewEngine
import RubricKit
import Testing
@testable import ReportKit

@Suite("Checklist grading")
struct ChecklistGradingTests {
    @Test func flagsAboutHowTheNotesAreWrittenAreDropped() {
        var notes = Fixtures.grader("G M P goroutine", Fixtures.gmp)
        notes.flags = ["keyword-dump", "shallow", "negated"]
        let g = ChecklistGrading.grade(notesGrade: notes, rubric: Fixtures.gmp, marks: InterviewerMarks())
        #expect(g.flags == [ChecklistGrading.flag, "negated"])
        #expect(g.breakdown.depthFactor == nil)
    }

    @Test func aPointTheNotesNameIsTickedInFull() {
        // With a teaching sentence, the standard policy gives a bare mention part of its credit;
        // notes are shorthand, so the notes policy gives all of it.
        var rubric = Fixtures.gmp
        rubric.concepts[1].teach = LocalizedText(zh: "M是操作系统线程，必须绑定P才能执行G。")
        let notes = "系统线程"
        let standard = RubricScorer(framework: Fixtures.framework).grade(notes, against: rubric)
        let checklist = RubricScorer(framework: Fixtures.framework, policy: ChecklistGrading.notesPolicy).grade(notes, against: rubric)
        #expect(standard.concepts[1].credit < 1)
        #expect(checklist.concepts[1].credit == 1)
        #expect(checklist.concepts[1].note == nil)
    }
}
