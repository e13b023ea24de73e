import Testing
@testable import mockinterview

@Suite("terminal wrapping: hanging indents")
struct ConsoleWrapTests {
    @Test func laterLinesGoUnderTheTextPastSpacesAndBullets() {
        #expect(Console.hangingIndent(of: "✓ Covered: a, b") == 2)
        #expect(Console.hangingIndent(of: "  • Missed: x") == 4)
        #expect(Console.hangingIndent(of: "\u{1B}[31m✗\u{1B}[0m Missed: x") == 2)     // colour aside
        #expect(Console.hangingIndent(of: "  12. Step") == 6)
        #expect(Console.hangingIndent(of: "Plain text") == 0)
        #expect(Console.hangingIndent(of: "3.5 seconds") == 0)                      // a number is not a list
        #expect(Console.hangingIndent(of: "  [ ] 9. G在channel上阻塞") == 9)            // checklist rows
        #expect(Console.hangingIndent(of: "  [x] !2. goroutine就是操作系统线程") == 10)
    }

}
