import InterviewEngine
import Testing

@Suite("AnswerAssembler")
struct AnswerAssemblerTests {
    @Test func linesUntilAnEmptyLineOrADot() {
        for terminator in ["", ".", "  .  ", "   "] {
            var a = AnswerAssembler()
            let first = a.feed("我认为TCP")
            let second = a.feed("然后 SYN-ACK")
            let end = a.feed(terminator)
            #expect(first == .needMore && second == .needMore)
            #expect(end == .complete("我认为TCP\n然后 SYN-ACK"))
        }
    }

    @Test func aCommandOnTheFirstLineIsCompleteAtOnce() {
        var a = AnswerAssembler()
        let hint = a.feed(" :hint ")
        #expect(hint == .complete(":hint"))
        var b = AnswerAssembler()
        let unknown = b.feed(":nope")
        #expect(unknown == .complete(":nope"))
        // Later lines starting with a colon are part of the answer.
        var c = AnswerAssembler()
        _ = c.feed("first")
        let colon = c.feed(":skip")
        #expect(colon == .needMore)
        #expect(c.lines == ["first", ":skip"])
    }

    @Test func anEmptyFirstLineIsAnEmptyInput() {
        var a = AnswerAssembler()
        let empty = a.feed("")
        #expect(empty == .complete(""))
        var b = AnswerAssembler()
        let dot = b.feed(".")
        #expect(dot == .complete(""))
    }

    @Test func endOfInputKeepsWhatWasTyped() {
        var a = AnswerAssembler()
        #expect(a.endOfInput() == nil)
        _ = a.feed("partial")
        #expect(a.endOfInput() == "partial")
    }

    @Test func singleLineModeTakesAnyLine() {
        var a = AnswerAssembler(singleLine: true)
        let line = a.feed("anything")
        #expect(line == .complete("anything"))
    }

    @Test func terminatorsStayOutOfHistory() {
        #expect(AnswerAssembler.keepsInHistory("答案"))
        #expect(!AnswerAssembler.keepsInHistory("."))
        #expect(!AnswerAssembler.keepsInHistory("  "))
    }
}
