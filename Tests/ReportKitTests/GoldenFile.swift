import Foundation
import Testing

/// Compares output with a file under Golden/. Re-record on purpose with `RECORD_GOLDEN=1 swift test --filter ReportKitTests`.
enum GoldenFile {
    static let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try actual.write(to: sourceFolder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            return
        }
        // The checkout's copy first: the bundle's copy is only refreshed by a build.
        let source = sourceFolder.appendingPathComponent(name)
        let url = FileManager.default.fileExists(atPath: source.path) ? source
            : Bundle.module.resourceURL?.appendingPathComponent("Golden").appendingPathComponent(name) ?? source
        let expected = try String(contentsOf: url, encoding: .utf8)
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = Array(zip(a, e)).firstIndex { $0.0 != $0.1 } ?? min(a.count, e.count)
            Issue.record("output differs from Golden/\(name) at line \(line + 1):\n  expected: \(line < e.count ? String(e[line]) : "<end>")\n  actual:   \(line < a.count ? String(a[line]) : "<end>")",
                         sourceLocation: sourceLocation)
        }
    }
}
