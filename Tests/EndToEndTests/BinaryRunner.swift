import Foundation

/// Runs the built `mockinterview` binary, as a user would, and captures what it printed.
struct BinaryRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root, found from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `MOCKINTERVIEW_BIN`, else the binary beside the test bundle (`.build/<config>/mockinterview`).
    static var binary: URL {
        if let env = ProcessInfo.processInfo.environment["MOCKINTERVIEW_BIN"] { return URL(fileURLWithPath: env) }
        let bundleDir = Bundle.main.bundleURL.deletingLastPathComponent()
        for dir in [bundleDir, bundleDir.deletingLastPathComponent(), packageRoot.appendingPathComponent(".build/debug")] {
            let candidate = dir.appendingPathComponent("mockinterview")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/mockinterview")
    }

    /// A fresh temporary folder, removed by the caller when done.
    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mi-e2e-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs the binary with `arguments`, feeding `stdin`, in `directory` (default: the package root),
    /// with `environment` added to a clean environment (HOME and PATH kept, NO_COLOR set). A run that takes
    /// longer than `timeout` seconds is killed and reported as status 137 with a note on stderr, so a hung binary
    /// fails its test instead of hanging the suite.
    @discardableResult
    static func run(_ arguments: [String], stdin: String? = nil, directory: URL? = nil,
                    environment: [String: String] = [:], timeout: TimeInterval = 120) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        process.environment = Self.environment(adding: environment)
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        // Read both pipes concurrently so a large output cannot deadlock the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter(); DispatchQueue.global().async { outData = outPipe.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter(); DispatchQueue.global().async { errData = errPipe.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        if let stdin { inPipe.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? inPipe.fileHandleForWriting.close()
        let timedOut = !waitForExit(process, timeout: timeout)
        _ = group.wait(timeout: .now() + 10)
        return Result(status: timedOut ? 137 : process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self)
                          + (timedOut ? "\n[test] mockinterview \(arguments.joined(separator: " ")) killed after \(Int(timeout)) s\n" : ""))
    }

    /// A clean environment for the binary (PATH and HOME kept, NO_COLOR set, LANG=C.UTF-8) with `extra` on top.
    static func environment(adding extra: [String: String]) -> [String: String] {
        let own = ProcessInfo.processInfo.environment
        return ["PATH": own["PATH"] ?? "/usr/bin:/bin", "HOME": own["HOME"] ?? "/tmp", "NO_COLOR": "1", "LANG": "C.UTF-8"]
            .merging(extra) { _, new in new }
    }

    /// Waits up to `timeout` seconds for `process` to end; past that, kills it and returns false.
    static func waitForExit(_ process: Process, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        guard process.isRunning else { return true }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return false
    }
}
