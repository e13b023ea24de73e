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
    ///   - ctrlCNotice: shown after a Ctrl-C on an empty line ("press Ctrl-C again to save and leave").
    ///   - warn: prints a warning (used when the locale cannot show Chinese).
    ///   - commands: the `:` commands Tab completes (default: the practice commands).
    init(historyPath: String?, ctrlCNotice: String, warn: (String) -> Void, commands: [String]? = nil) {
        self.historyPath = historyPath
        ReadlineLineReader.configureLocale(warn: warn)
        commandTokens = commands ?? InterviewCommand.allCases.map(\.token)
        ctrlCNoticeText = ctrlCNotice
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

    /// Readline needs a UTF-8 character type to edit Chinese; it re-reads the environment, so a non-UTF-8 locale
    /// is replaced in the environment too (toolchain notes, gotcha 1).
    private static func configureLocale(warn: (String) -> Void) {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET))).uppercased()
        guard codeset != "UTF-8" && codeset != "UTF8" else { return }
        setenv("LC_CTYPE", "C.UTF-8", 1)
        unsetenv("LC_ALL")
        if setlocale(LC_CTYPE, "C.UTF-8") == nil {
            warn("the locale's character set is \(codeset), not UTF-8, and C.UTF-8 is not available: Chinese input may not edit correctly")
        } else {
            warn("the locale's character set is \(codeset), not UTF-8; using C.UTF-8 for line editing (set LANG=zh_CN.UTF-8 or C.UTF-8 to silence this)")
        }
    }
}
