import Foundation

/// A private tmux server (its own socket, no user config) holding one detached session of a fixed size.
struct Tmux {
    let socket = "mi-e2e-\(UUID().uuidString.prefix(8))"
    let session = "mi"

    /// The tmux binary on PATH, if any.
    static var executable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var isAvailable: Bool { executable != nil }

    /// Runs `tmux -L socket -f /dev/null -u ARGS` and returns its stdout.
    ///
    /// Spawned directly rather than with `Process`: the tmux server forks from the first client and would keep
    /// `Process`'s exit-watching socket (and any other inherited descriptor) open, so the wait would never end.
    /// Here the child gets only stdin/stdout/stderr; stdout goes to a temporary file.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outPath) }
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "LC_ALL")
        env.removeValue(forKey: "TMUX")
        let argv = [Tmux.executable ?? "/usr/bin/tmux", "-L", socket, "-f", "/dev/null", "-u"] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        Tmux.closeInheritedDescriptors(&actions)
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        // The test runner blocks some signals on its threads; the mask and ignored signals are inherited across
        // exec, and a tmux server (and its panes) started with SIGHUP/SIGTERM blocked never exits on kill-server.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        let rc = posix_spawn(&pid, argv[0], &actions, &attributes, cArgs, cEnv)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }

    /// Closes every descriptor above stderr in the child: `closefrom` (glibc 2.34+, looked up at run time as the
    /// Glibc module does not export it), else each descriptor open now.
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
            return
        }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for fd in open.compactMap(Int32.init) where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
    }

    /// Starts `command` (run by `sh -c`) in a detached 100×30 session.
    func start(_ command: String) throws {
        try run(["new-session", "-d", "-s", session, "-x", "100", "-y", "30", "sh", "-c", command])
    }

    /// Types `text` literally.
    func type(_ text: String) throws { try run(["send-keys", "-t", session, "-l", text]) }

    /// Presses keys by tmux name (`Enter`, `Tab`, `Left`, `BSpace`, `C-c`).
    func press(_ keys: String...) throws { try run(["send-keys", "-t", session] + keys) }

    /// The visible screen as text.
    func screen() throws -> String { try run(["capture-pane", "-p", "-t", session]) }

    /// Polls the screen until `predicate` holds or `timeout` passes; returns the last screen and whether it held.
    func waitFor(timeout: TimeInterval = 20, _ predicate: (String) -> Bool) throws -> (held: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var text = try screen()
        while !predicate(text) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            text = try screen()
        }
        return (predicate(text), text)
    }

    /// Stops the server; if it is still there a moment later, kills it.
    func kill() {
        let pid = (try? run(["display-message", "-p", "#{pid}"]))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        _ = try? run(["kill-server"])
        guard let pid else { return }
        let deadline = Date().addingTimeInterval(2)
        while Foundation.kill(pid, 0) == 0 && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if Foundation.kill(pid, 0) == 0 { Foundation.kill(pid, SIGKILL) }
    }
}
