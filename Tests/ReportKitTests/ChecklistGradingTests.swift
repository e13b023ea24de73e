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
}
