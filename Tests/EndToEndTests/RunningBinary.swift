import Foundation
import Synchronization

/// The binary running in the background with its stdin open, so a test can type, watch and kill it.
final class RunningBinary: Sendable {
    let process: Process
    private let input: FileHandle
    private let output = OutputBuffer()

    init(_ arguments: [String], environment: [String: String], directory: URL? = nil) throws {
        process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? BinaryRunner.packageRoot
        process.environment = BinaryRunner.environment(adding: environment)
        let outPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = outPipe
        process.standardInput = inPipe
        input = inPipe.fileHandleForWriting
        let buffer = output
        outPipe.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            buffer.data.withLock { $0.append(chunk) }
        }
        try process.run()
    }

    /// A test that stops early (a failed `#require`) must not leave the program running.
    deinit {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    var stdout: String { output.data.withLock { String(decoding: $0, as: UTF8.self) } }

    func type(_ text: String) { input.write(Data(text.utf8)) }

    /// Polls the output until `predicate` holds or `timeout` passes; returns whether it held.
    @discardableResult
    func waitFor(timeout: TimeInterval = 20, _ predicate: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if predicate(stdout) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return predicate(stdout)
    }

    func kill(_ signal: Int32) {
        Foundation.kill(process.processIdentifier, signal)
        process.waitUntilExit()
    }

    /// Closes stdin and waits for the exit status; a program still running after `timeout` seconds is killed (137).
    func closeInputAndWait(timeout: TimeInterval = 60) -> Int32 {
        try? input.close()
        return BinaryRunner.waitForExit(process, timeout: timeout) ? process.terminationStatus : 137
    }
}

/// Bytes read from the child, shared with the pipe's reading thread.
final class OutputBuffer: Sendable {
    let data = Mutex(Data())
}
