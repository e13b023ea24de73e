import RubricKit
import Testing

@Suite("Text width and wrapping")
struct TextWidthTests {
    @Test func chineseCharactersTakeTwoColumns() {
        #expect(TextWidth.columns("GMP模型") == 7)
        #expect(TextWidth.pad("模型", to: 6) == "模型  ")
    }

    @Test func latinTextBreaksAtSpacesAndNoLineIsTooWide() {
        let text = "Missed: restartPolicy (Always, OnFailure, Never) and CrashLoopBackOff's exponential back-off."
        let lines = TextWidth.wrap(text, width: 30)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { TextWidth.columns($0) <= 30 })
        #expect(lines.joined(separator: " ") == text)          // only spaces at the breaks went
        #expect(lines.allSatisfy { !$0.hasPrefix(" ") && !$0.hasSuffix(" ") })
    }

    @Test func chineseBreaksBetweenCharactersButNotBeforeClosingPunctuation() {
        let text = "遗漏：hchan里有一把互斥锁，收发都要加锁（必答）。"
        let lines = TextWidth.wrap(text, width: 12)
        #expect(lines.joined() == text)
        #expect(lines.allSatisfy { TextWidth.columns($0) <= 12 })
        #expect(!lines.contains { $0.hasPrefix("，") || $0.hasPrefix("。") || $0.hasPrefix("）") || $0.hasPrefix("：") })
    }

    @Test func aWordLongerThanTheWidthGetsALineOfItsOwnAndNothingIsLost() {
        let lines = TextWidth.wrap("see min.insync.replicas.and.more here", width: 10)
        #expect(lines == ["see", "min.insync.replicas.and.more", "here"])
        #expect(TextWidth.wrap("", width: 10) == [""])
        #expect(TextWidth.wrap("a\nb", width: 10) == ["a", "b"])
    }

    @Test func colourCodesTakeNoRoomAndSurvive() {
        let red = "\u{1B}[31m✗\u{1B}[0m"
        #expect(TextWidth.columns(red) == 1)
        #expect(TextWidth.withoutColour(red + " ok") == "✗ ok")
        let lines = TextWidth.wrap(red + " Missed: the global run queue and work stealing", width: 20)
        #expect(lines.first?.hasPrefix(red) == true)
        #expect(lines.allSatisfy { TextWidth.columns($0) <= 20 })
    }

    @Test func indentationStaysAndLaterLinesUseTheirOwnWidth() {
        let lines = TextWidth.wrap("  • one two three four five six", width: 14, laterWidth: 8)
        #expect(lines == ["  • one two", "three", "four", "five six"])
    }

    @Test func latinRunsBreakAfterChinesePunctuation() {
        let lines = TextWidth.wrap("遗漏：Pod conditions：PodScheduled、Initialized、ContainersReady、Ready。", width: 24)
        #expect(lines == ["遗漏：Pod conditions：", "PodScheduled、", "Initialized、", "ContainersReady、Ready。"])
    }
}
