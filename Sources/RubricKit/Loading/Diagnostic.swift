/// A place in a content file. Lines and columns start at 1; columns count Unicode scalars.
public struct SourceLocation: Sendable, Equatable, Hashable, Codable, Comparable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path; self.line = line; self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }

    public var description: String { "\(path):\(line):\(column)" }
}

/// One problem found in content, with where it is.
public struct Diagnostic: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable { case error, warning }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    /// The source line at `location`, shown under the message with a caret.
    public var sourceLine: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, sourceLine: String? = nil) {
        self.severity = severity; self.message = message; self.location = location; self.sourceLine = sourceLine
    }

    public static func error(_ message: String, at location: SourceLocation? = nil, sourceLine: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, sourceLine: sourceLine)
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil, sourceLine: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, sourceLine: sourceLine)
    }

    /// `path:line:col: error: message`
    public var description: String {
        let place = location.map { "\($0.description): " } ?? ""
        return "\(place)\(severity.rawValue): \(message)"
    }

    /// The header line, then the source line and a caret under the column.
    public var rendered: String {
        guard let line = sourceLine, let col = location?.column else { return description }
        let prefix = line.unicodeScalars.prefix(max(0, col - 1))
        // Keep tabs so the caret lines up; wide (CJK) characters take two cells.
        let pad = prefix.map { s -> String in
            if s == "\t" { return "\t" }
            return s.isWide ? "  " : " "
        }.joined()
        return "\(description)\n    \(line)\n    \(pad)^"
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }

    /// Sorted by file, line, column, then message: deterministic output.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { a, b in
            switch (a.location, b.location) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.message < b.message
            }
        }
    }
}
