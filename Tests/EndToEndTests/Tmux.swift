import Foundation
import Testing

/// A private tmux server (its own socket, no user config) holding one detached session of a fixed size.
///
/// Nothing it starts can outlive the test for long or hang it: every tmux command has a deadline, the whole
/// terminal has one (`lifetime`), `kill()` (also run on deinit) stops the server and kills it if it lingers,
/// and a watchdog process kills the server at the end of its lifetime even if the test process itself died.
final class Tmux {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let socket = "mi-e2e-\(UUID().uuidString.prefix(8))"
    let session = "mi"
    /// When the terminal must be gone; waits never go past it.
    let deadline: Date
    private var watchdog: pid_t?
    private var stopped = false

    /// - Parameter lifetime: seconds the terminal may live; the test fails (rather than hangs) past it.
    init(lifetime: TimeInterval = 300) {
        deadline = Date().addingTimeInterval(lifetime)
    }

    deinit { kill() }

    /// The tmux binary on PATH, if any.
    static var executable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static var isAvailable: Bool { executable != nil }

    /// Runs `tmux -L socket -f /dev/null -u ARGS` and returns its stdout; throws when it fails or takes longer
    /// than `timeout` seconds (it is then killed).
    @discardableResult
    func run(_ arguments: [String], timeout: TimeInterval = 15) throws -> String {
        let outPath = Tmux.temporaryPath(), errPath = Tmux.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: outPath); try? FileManager.default.removeItem(atPath: errPath) }
        let argv = [Tmux.executable ?? "/usr/bin/tmux", "-L", socket, "-f", "/dev/null", "-u"] + arguments
        let pid = try Tmux.spawn(argv, stdout: outPath, stderr: errPath, newProcessGroup: false)
        guard let status = Tmux.wait(pid, until: Date().addingTimeInterval(timeout)) else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) did not finish in \(Int(timeout)) s; killed")
        }
        let stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        guard status == 0 else {
            let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
            throw Failure(description: "tmux \(arguments.first ?? "") failed (status \(status)): \(stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return stdout
    }

    /// Starts `command` (run by `sh -c`) in a detached 100×30 session, and the watchdog.
    func start(_ command: String) throws {
        try run(["new-session", "-d", "-s", session, "-x", "100", "-y", "30", "sh", "-c", command])
        let remaining = max(1, Int(deadline.timeIntervalSinceNow.rounded(.up)) + 30)
        let tmux = "\(Tmux.quoted(Tmux.executable ?? "/usr/bin/tmux")) -L \(socket)"
        let argv = ["/bin/sh", "-c", "sleep \(remaining); p=$(\(tmux) display-message -p '#{pane_pid}'); \(tmux) kill-server; "
                    + "[ -n \"$p\" ] && kill -9 -\"$p\"; rm -f \(Tmux.quoted(socketPath))"]
        watchdog = try? Tmux.spawn(argv, stdout: "/dev/null", stderr: "/dev/null", newProcessGroup: true)
    }

    /// Starts the `mockinterview` binary with `arguments` (and `environment` added to LANG=C.UTF-8) in the
    /// session. The shell traps SIGINT (a trap, unlike an ignored signal, is not inherited) so a Ctrl-C meant for
    /// the program does not end the shell; after the program ends the screen shows `[exit STATUS]` and stays.
    func start(binary arguments: [String], environment: [String: String] = [:]) throws {
        let env = (["LANG": "C.UTF-8"].merging(environment) { _, new in new })
            .sorted { $0.key < $1.key }.map { "\($0.key)=\(Tmux.quoted($0.value))" }
        let program = ([Tmux.quoted(BinaryRunner.binary.path)] + arguments.map(Tmux.quoted)).joined(separator: " ")
        let lifetime = max(1, Int(deadline.timeIntervalSinceNow.rounded(.up)))
        try start("trap : INT; env \(env.joined(separator: " ")) \(program); echo \"[exit $?]\"; sleep \(lifetime)")
    }

    /// Types `text` literally.
    func type(_ text: String) throws { try run(["send-keys", "-t", session, "-l", text]) }

    /// Presses keys by tmux name (`Enter`, `Tab`, `Left`, `BSpace`, `C-c`).
    func press(_ keys: String...) throws { try run(["send-keys", "-t", session] + keys) }

    /// The visible screen as text; `joined` joins lines the terminal wrapped.
    func screen(joined: Bool = false) throws -> String {
        try run(["capture-pane", "-p", "-t", session] + (joined ? ["-J"] : []))
    }

    /// Polls the screen until `predicate` holds, `timeout` passes or the terminal's lifetime ends; returns the
    /// last screen and whether it held.
    func waitFor(timeout: TimeInterval = 20, joined: Bool = false,
                 _ predicate: (String) -> Bool) throws -> (held: Bool, screen: String) {
        let until = min(Date().addingTimeInterval(timeout), deadline)
        var text = try screen(joined: joined)
        while !predicate(text) && Date() < until {
            Thread.sleep(forTimeInterval: 0.05)
            text = try screen(joined: joined)
        }
        return (predicate(text), text)
    }

    /// Waits for `predicate` and records a failure naming `what` and showing the screen when it does not hold;
    /// then throws, so the test stops instead of typing into the wrong prompt.
    func expect(_ what: String, timeout: TimeInterval = 20, joined: Bool = false,
                sourceLocation: SourceLocation = #_sourceLocation, _ predicate: (String) -> Bool) throws {
        let (held, screen) = try waitFor(timeout: timeout, joined: joined, predicate)
        #expect(held, "waiting for \(what); the screen was:\n\(screen)", sourceLocation: sourceLocation)
        if !held { throw Failure(description: "gave up waiting for \(what)") }
    }

    /// Stops the server; if it is still there a moment later, kills it; kills what still runs in the pane (a
    /// program may ignore the hang-up); then stops the watchdog and removes the socket.
    func kill() {
        guard !stopped else { return }
        stopped = true
        let pids = ((try? run(["display-message", "-p", "#{pid} #{pane_pid}"], timeout: 5)) ?? "")
            .split(separator: " ").compactMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        _ = try? run(["kill-server"], timeout: 5)
        if pids.count == 2 {
            let (server, pane) = (pids[0], pids[1])
            let until = Date().addingTimeInterval(2)
            while Foundation.kill(server, 0) == 0 && Date() < until { Thread.sleep(forTimeInterval: 0.02) }
            if Foundation.kill(server, 0) == 0 { Foundation.kill(server, SIGKILL) }
            Foundation.kill(-pane, SIGKILL)               // the pane's shell leads its process group
        }
        if let watchdog {
            Foundation.kill(-watchdog, SIGKILL)           // its own process group: the shell and its sleep
            _ = Tmux.wait(watchdog, until: Date().addingTimeInterval(5))
        }
        try? FileManager.default.removeItem(atPath: socketPath)   // the server leaves its socket file behind
    }

    /// Where tmux puts the socket: `$TMUX_TMPDIR` (else /tmp), `tmux-UID/NAME`.
    var socketPath: String {
        let base = ProcessInfo.processInfo.environment["TMUX_TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        return "\(base)/tmux-\(getuid())/\(socket)"
    }

    // MARK: - Spawning

    private static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
    }

    /// Single-quotes `text` for `sh`.
    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Spawned directly rather than with `Process`: the tmux server forks from the first client and would keep
    /// `Process`'s exit-watching socket (and any other inherited descriptor) open, so the wait would never end.
    /// Here the child gets only stdin (/dev/null), stdout and stderr (files).
    private static func spawn(_ argv: [String], stdout: String, stderr: String, newProcessGroup: Bool) throws -> pid_t {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "LC_ALL")
        env.removeValue(forKey: "TMUX")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        closeInheritedDescriptors(&actions)
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
        var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
        if newProcessGroup {
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= POSIX_SPAWN_SETPGROUP
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        var pid = pid_t()
        let rc = posix_spawn(&pid, argv[0], &actions, &attributes, cArgs, cEnv)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
        return pid
    }

    /// Reaps `pid`, polling until `until`; past it, kills the process and returns nil.
    private static func wait(_ pid: pid_t, until: Date) -> Int32? {
        var status: Int32 = 0
        while true {
            let rc = waitpid(pid, &status, WNOHANG)
            if rc == pid { return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f) }
            if rc == -1 && errno != EINTR { return nil }
            if Date() >= until {
                Foundation.kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                return nil
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
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
}
