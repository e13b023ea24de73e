@preconcurrency import CReadline
import Foundation
import InterviewEngine

// Readline calls back synchronously on the thread that called `readline()`, and the signal handler only sets
// flags, so this state is shared with C callbacks on one thread: that is why it is `nonisolated(unsafe)`.
nonisolated(unsafe) private var completionCandidates: [String] = []
nonisolated(unsafe) private var completionIndex = 0
nonisolated(unsafe) private var commandTokens: [String] = []
/// Set by SIGINT while readline waits for a key; the key reader turns it into a Ctrl-C key press.
nonisolated(unsafe) private var pendingInterrupt: sig_atomic_t = 0
nonisolated(unsafe) private var insideReadline: sig_atomic_t = 0
/// The previous key was Ctrl-C: one more on an empty line asks to leave.
nonisolated(unsafe) private var ctrlCArmed = false
nonisolated(unsafe) private var leaveRequested = false
nonisolated(unsafe) private var ctrlCNoticeText = ""
/// Called while waiting for a key (see `LineReader.readLine(prompt:idle:)`).
nonisolated(unsafe) private var idleCallback: (() -> IdleUpdate)?
private let idleIntervalMilliseconds: Int32 = 1000

private func completionGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    if state == 0 {
        let typed = text.map { String(cString: $0) } ?? ""
        completionCandidates = commandTokens.filter { $0.hasPrefix(typed) }
        completionIndex = 0
    }
    guard completionIndex < completionCandidates.count else { return nil }
    defer { completionIndex += 1 }
    return strdup(completionCandidates[completionIndex])   // readline frees it
}

private func attemptedCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1                       // never fall back to file names
    guard start == 0, let text, text.pointee == UInt8(ascii: ":") else { return nil }
    return rl_completion_matches(text, completionGenerator)
}

private func onSIGINT(_ signal: Int32) {
    guard insideReadline != 0 else { _exit(130) }          // between prompts everything is already saved
    pendingInterrupt = 1
}

/// Reads keys for readline; a pending SIGINT becomes the Ctrl-C key so it is handled between keys.
private func readKey(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    while true {
        if pendingInterrupt != 0 {
            pendingInterrupt = 0
            return 3
        }
        if idleCallback != nil {
            var fds = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fds, 1, idleIntervalMilliseconds)
            if ready == 0 {
                if let idle = idleCallback { show(idle()) }
                continue
            }
            if ready < 0 {
                if errno == EINTR { rl_check_signals() }
                continue
            }
        }
        var byte: UInt8 = 0
        let n = read(STDIN_FILENO, &byte, 1)
        if n == 1 {
            if byte != 3 { ctrlCArmed = false }
            return Int32(byte)
        }
        if n == 0 { return EOF }
        if errno != EINTR { return EOF }
        rl_check_signals()                                 // window resizes
    }
}

/// Prints notices above the line being edited and refreshes the prompt, keeping what was typed.
private func show(_ update: IdleUpdate) {
    if !update.notices.isEmpty {
        let point = rl_point
        rl_point = rl_end
        rl_redisplay()
        let text = "\n" + update.notices.joined(separator: "\n") + "\n"
        _ = text.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
        rl_on_new_line()
        rl_point = point
    }
    if let prompt = update.prompt { rl_set_prompt(prompt) }
    if !update.notices.isEmpty || update.prompt != nil { rl_redisplay() }
}

/// Ctrl-C: clears the line; a second one on an empty line ends `readline` with a request to leave.
private func onCtrlC(_ count: Int32, _ key: Int32) -> Int32 {
    if rl_end == 0 && ctrlCArmed {
        ctrlCArmed = false
        leaveRequested = true
        return rl_newline(1, 10)
    }
    rl_point = rl_end
    rl_redisplay()
    let notice = rl_end == 0 ? "^C  " + ctrlCNoticeText + "\n" : "^C\n"
    _ = notice.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
    ctrlCArmed = true
    using_history()                                        // an edited recalled entry must not be overwritten
    rl_replace_line("", 1)
    rl_on_new_line()
    rl_redisplay()
    return 0
}

/// GNU readline: Chinese line editing, history across sessions, Tab completion of `:` commands, Ctrl-C handling.
final class ReadlineLineReader: LineReader {
    private let historyPath: String?
    var isInteractive: Bool { true }

    /// - Parameters:
    ///   - historyPath: the history file (created when missing); nil keeps history in memory.
    ///   - t: the interface language (the Ctrl-C notice, the locale warning).
    ///   - warn: prints a warning (used when the locale cannot edit Chinese).
    ///   - commands: the `:` commands Tab completes (default: the practice commands).
    init(historyPath: String?, t: Localizer, warn: (String) -> Void, commands: [String]? = nil) {
        self.historyPath = historyPath
        if let problem = ReadlineLineReader.configureLocale(environment: ProcessInfo.processInfo.environment) {
            warn(problem.message(t))
        }
        commandTokens = commands ?? InterviewCommand.allCases.map(\.token)
        ctrlCNoticeText = t("再按一次 Ctrl-C 保存并退出", "press Ctrl-C again to save and leave")
        rl_readline_name = UnsafePointer(strdup("mockinterview"))
        rl_catch_signals = 0                               // SIGINT is ours (see onSIGINT); SIGWINCH stays readline's
        rl_getc_function = readKey
        rl_attempted_completion_function = attemptedCompletion
        rl_variable_bind("revert-all-at-newline", "on")
        rl_bind_key(3, onCtrlC)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = onSIGINT
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0                                // no SA_RESTART: read() must wake up
        sigaction(SIGINT, &action, nil)
        using_history()
        stifle_history(1000)
        if let historyPath {
            if FileManager.default.fileExists(atPath: historyPath) {
                read_history(historyPath)
            } else {
                write_history(historyPath)
            }
        }
    }

    func readLine(prompt: String, idle: (() -> IdleUpdate)?) -> LineEvent {
        fflush(nil)
        leaveRequested = false
        idleCallback = idle
        insideReadline = 1
        let raw = readline(prompt)
        insideReadline = 0
        idleCallback = nil
        if leaveRequested {
            free(raw)
            return .interrupt
        }
        guard let raw else {
            // Ctrl-D on an empty line: readline printed nothing, so end the prompt's line.
            _ = write(STDOUT_FILENO, "\n", 1)
            return .endOfInput
        }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    func remember(_ line: String) {
        add_history(line)
        if let historyPath {
            append_history(1, historyPath)
            history_truncate_file(historyPath, 1000)
        }
    }

    /// Readline needs a UTF-8 character type to edit Chinese; it re-reads the environment, so a locale that is
    /// missing or not UTF-8 is replaced by C.UTF-8 in the environment too (toolchain notes, gotcha 1). Returns what
    /// the user should know: nothing when no locale was asked for (LANG unset, C or POSIX) and C.UTF-8 works.
    private static func configureLocale(environment: [String: String]) -> LocaleProblem? {
        let installed = setlocale(LC_ALL, "") != nil
        let codeset = String(cString: nl_langinfo(nl_item(CODESET))).uppercased()
        guard !installed || (codeset != "UTF-8" && codeset != "UTF8") else { return nil }
        // The variable that named the locale, as setlocale reads them.
        let named = ["LC_ALL", "LC_CTYPE", "LANG"].lazy
            .compactMap { key in environment[key].flatMap { $0.isEmpty ? nil : (key, $0) } }.first
        setenv("LC_CTYPE", "C.UTF-8", 1)
        unsetenv("LC_ALL")
        let fallback = setlocale(LC_CTYPE, "C.UTF-8") != nil
        guard let (variable, name) = named, name != "C", name != "POSIX" else {
            return fallback ? nil : .noUTF8(variable: nil, name: nil, codeset: codeset)
        }
        if !installed { return .notInstalled(variable: variable, name: name, fallback: fallback) }
        return fallback ? .notUTF8(variable: variable, name: name, codeset: codeset) : .noUTF8(variable: variable, name: name, codeset: codeset)
    }
}

/// Why line editing does not use the user's locale.
enum LocaleProblem: Equatable {
    /// `name` (from `variable`) is not installed; `fallback`: C.UTF-8 is used instead.
    case notInstalled(variable: String, name: String, fallback: Bool)
    /// `name` is installed but not UTF-8; C.UTF-8 is used for line editing.
    case notUTF8(variable: String, name: String, codeset: String)
    /// No UTF-8 locale at all, not even C.UTF-8.
    case noUTF8(variable: String?, name: String?, codeset: String)

    func message(_ t: Localizer) -> String {
        switch self {
        case .notInstalled(let variable, let name, true):
            return t("未安装区域设置 \(name)（来自 \(variable)）；行编辑改用 C.UTF-8",
                     "the locale \(name) (from \(variable)) is not installed; line editing uses C.UTF-8 instead")
        case .notInstalled(let variable, let name, false):
            return t("未安装区域设置 \(name)（来自 \(variable)），也没有 C.UTF-8：中文输入可能无法正确编辑",
                     "the locale \(name) (from \(variable)) is not installed, nor is C.UTF-8: Chinese input may not edit correctly")
        case .notUTF8(let variable, let name, let codeset):
            return t("区域设置 \(name)（来自 \(variable)）的字符集是 \(codeset)，不是 UTF-8；行编辑改用 C.UTF-8",
                     "the locale \(name) (from \(variable)) uses \(codeset), not UTF-8; line editing uses C.UTF-8 instead")
        case .noUTF8(_, let name, let codeset):
            let which = name.map { "\($0) (\(codeset))" } ?? codeset
            return t("区域设置 \(which) 不是 UTF-8，且未安装 C.UTF-8：中文输入可能无法正确编辑",
                     "the locale \(which) is not UTF-8 and C.UTF-8 is not installed: Chinese input may not edit correctly")
        }
    }
}
