import ArgumentParser
import Foundation
import ReportKit
import RubricKit

/// Writes a rendered report to `--output FILE` or stdout, and picks a format from the file's extension.
enum ReportOutput {
    /// Writes `text` to `path` (creating or replacing it), or prints it when `path` is nil.
    static func write(_ text: String, to path: String?, language: Language) throws {
        guard let path else {
            Console.shared.out(text, terminator: "")
            return
        }
        do {
            try text.write(to: URL(fileURLWithPath: path), atomically: true, encoding: .utf8)
        } catch {
            Console.shared.error(language == .zh ? "无法写入 \(path)：\(error.localizedDescription)" : "cannot write \(path): \(error.localizedDescription)")
            throw Exit.io
        }
        Console.shared.err(language == .zh ? "已写入 \(path)" : "wrote \(path)")
    }

    /// The format named by `path`'s extension, when it is one of `allowed`.
    static func format<F: RawRepresentable>(forOutput path: String?, allowed: [F]) -> F? where F.RawValue == String {
        guard let path else { return nil }
        var ext = (path as NSString).pathExtension.lowercased()
        if ext == "markdown" { ext = "md" }
        if ext == "htm" { ext = "html" }
        if ext == "txt" { ext = "text" }
        return allowed.first { $0.rawValue == ext }
    }

    /// The content, for naming things in reports. Reports still render without it (names fall back to ids),
    /// so a broken or missing content folder is a warning here, not an error.
    static func content(_ global: GlobalOptions) -> (ContentBank?, ReportContent) {
        let env = ProcessInfo.processInfo.environment
        let located = ContentLocator.locate(
            explicit: global.content, environment: env, currentDirectory: FileManager.default.currentDirectoryPath,
            executablePath: GlobalOptions.executablePath)
        guard case .success(let root) = located, let bank = ContentLoader.load(root: root).bank else {
            Console.shared.warning(global.language == .zh ? "无法加载题库内容；报告中以 id 代替名称" : "the content could not be loaded; the report names things by id")
            return (nil, .none)
        }
        return (bank, ReportContent(bank: bank))
    }
}
