import Foundation
import Testing

/// Where the binary looks for content, and what it says when there is none.
@Suite("content discovery")
struct ContentDiscoveryTests {
    /// An installed layout (`PREFIX/bin/mockinterview`, `PREFIX/share/mockinterview/{Rubrics,Scenarios}`)
    /// works from any folder.
    @Test func installedBinaryFindsItsContentFromAnotherDirectory() throws {
        let fm = FileManager.default
        let prefix = BinaryRunner.temporaryDirectory()
        defer { try? fm.removeItem(at: prefix) }
        let bin = prefix.appendingPathComponent("bin"), share = prefix.appendingPathComponent("share/mockinterview")
        try fm.createDirectory(at: bin, withIntermediateDirectories: true)
        try fm.createDirectory(at: share, withIntermediateDirectories: true)
        try fm.copyItem(at: BinaryRunner.binary, to: bin.appendingPathComponent("mockinterview"))
        for dir in ["Rubrics", "Scenarios"] {
            try fm.copyItem(at: BinaryRunner.packageRoot.appendingPathComponent(dir), to: share.appendingPathComponent(dir))
        }
        let elsewhere = BinaryRunner.temporaryDirectory()
        defer { try? fm.removeItem(at: elsewhere) }

        let process = Process()
        process.executableURL = bin.appendingPathComponent("mockinterview")
        process.arguments = ["list", "--format", "json"]
        process.currentDirectoryURL = elsewhere
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": elsewhere.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect((json?["questions"] as? [Any])?.isEmpty == false)
    }

    @Test func missingContentFolderIsAOneLineErrorNamingWhereItLooked() throws {
        let empty = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        let r = try BinaryRunner.run(["list", "--content", empty.path], directory: empty)
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(r.stderr.contains("no content found"))
        #expect(r.stderr.contains(empty.path))
    }

    @Test func emptyFolderFromTheEnvironmentIsNamedToo() throws {
        let empty = BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        try FileManager.default.createDirectory(at: empty.appendingPathComponent("Rubrics"), withIntermediateDirectories: true)
        let r = try BinaryRunner.run(["list"], directory: empty, environment: ["MOCKINTERVIEW_CONTENT": empty.path])
        #expect(r.status == 1)
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(r.stderr.contains("MOCKINTERVIEW_CONTENT=\(empty.path)"))
    }

    @Test func listJSONCarriesASchemaVersion() throws {
        let r = try BinaryRunner.run(["list", "--format", "json"])
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(json?["schema"] as? Int == 1)
        #expect(json?["scenarios"] is [Any])
    }
}
