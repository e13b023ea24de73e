import Foundation

/// Finds the content folder: `--content`, then `MOCKINTERVIEW_CONTENT`, then the current folder
/// when it holds `Rubrics/` and `Scenarios/`, then `<prefix>/share/mockinterview` beside the binary.
public enum ContentLocator {
    public struct NotFound: Error, Sendable, CustomStringConvertible {
        public var looked: [String]
        public var description: String {
            "no content found (looked in: \(looked.joined(separator: ", "))); pass --content DIR or set MOCKINTERVIEW_CONTENT"
        }
    }

    /// - Parameters:
    ///   - explicit: the `--content` option.
    ///   - environment: the process environment.
    ///   - currentDirectory: the working folder.
    ///   - executablePath: the running binary's path.
    public static func locate(explicit: String?, environment: [String: String], currentDirectory: String,
                              executablePath: String) -> Result<String, NotFound> {
        var looked: [String] = []
        func holdsContent(_ dir: String) -> Bool {
            let fm = FileManager.default
            var isDir: ObjCBool = false
            let rubrics = (dir as NSString).appendingPathComponent("Rubrics")
            guard fm.fileExists(atPath: rubrics, isDirectory: &isDir), isDir.boolValue else { return false }
            return !ContentLoader.yamlFiles(under: rubrics).isEmpty
        }
        if let explicit {
            looked.append("--content \(explicit)")
            return holdsContent(explicit) ? .success(explicit) : .failure(NotFound(looked: looked))
        }
        if let env = environment["MOCKINTERVIEW_CONTENT"], !env.isEmpty {
            looked.append("MOCKINTERVIEW_CONTENT=\(env)")
            return holdsContent(env) ? .success(env) : .failure(NotFound(looked: looked))
        }
        looked.append(currentDirectory)
        if holdsContent(currentDirectory),
           FileManager.default.fileExists(atPath: (currentDirectory as NSString).appendingPathComponent("Scenarios")) {
            return .success(".")
        }
        let exe = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
        let prefix = exe.deletingLastPathComponent().deletingLastPathComponent()
        let installed = prefix.appendingPathComponent("share/mockinterview").path
        looked.append(installed)
        if holdsContent(installed) { return .success(installed) }
        return .failure(NotFound(looked: looked))
    }
}
