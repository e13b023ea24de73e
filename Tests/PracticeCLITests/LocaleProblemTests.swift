import Testing
@testable import mockinterview

@Suite("locale warnings name the real problem")
struct LocaleProblemTests {
    @Test func aMissingLocaleIsCalledMissing() {
        let problem = LocaleProblem.notInstalled(variable: "LANG", name: "zh_CN.UTF-8", fallback: true)
        #expect(problem.message(Localizer(language: .en))
                == "the locale zh_CN.UTF-8 (from LANG) is not installed; line editing uses C.UTF-8 instead")
        #expect(problem.message(Localizer(language: .zh)) == "未安装区域设置 zh_CN.UTF-8（来自 LANG）；行编辑改用 C.UTF-8")
    }

    @Test func aNonUTF8LocaleNamesItsCharacterSet() {
        let problem = LocaleProblem.notUTF8(variable: "LC_ALL", name: "zh_CN.GB18030", codeset: "GB18030")
        #expect(problem.message(Localizer(language: .en))
                == "the locale zh_CN.GB18030 (from LC_ALL) uses GB18030, not UTF-8; line editing uses C.UTF-8 instead")
    }
}
