import Foundation

/// A temporary content folder for end-to-end tests: the project's framework file, one category, and the
/// rubrics and scenarios a test writes. The caller removes `root` when done.
struct ContentFolder {
    let root: URL
    let category: String

    /// Creates `Rubrics/<category>/` and `Scenarios/`, copies `Rubrics/framework.yaml` and lists `questions`
    /// in `Rubrics/categories.yaml` under the category's names.
    init(category: String, zh: String, en: String, questions: [String]) throws {
        root = BinaryRunner.temporaryDirectory()
        self.category = category
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("Rubrics/\(category)"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent("Scenarios"), withIntermediateDirectories: true)
        try fm.copyItem(at: BinaryRunner.packageRoot.appendingPathComponent("Rubrics/framework.yaml"),
                        to: root.appendingPathComponent("Rubrics/framework.yaml"))
        try write("""
        format_version: 1
        categories:
          - id: \(category)
            name: {zh: \(zh), en: \(en)}
            questions: [\(questions.joined(separator: ", "))]

        """, to: "Rubrics/categories.yaml")
    }

    /// Writes `Rubrics/<category>/<id>.yaml`.
    func rubric(_ id: String, _ yaml: String) throws { try write(yaml, to: "Rubrics/\(category)/\(id).yaml") }

    /// Writes `Scenarios/<id>.yaml`.
    func scenario(_ id: String, _ yaml: String) throws { try write(yaml, to: "Scenarios/\(id).yaml") }

    private func write(_ text: String, to path: String) throws {
        try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }
}
