import Foundation

/// What can go wrong with the session database, each with what a person needs to act on it.
public enum SessionStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The data folder cannot be created or written (read-only file system, permissions, a file in the way).
    case folderNotWritable(path: String, reason: String)
    /// Too little free space in the data folder to save answers safely.
    case diskFull(path: String, freeBytes: Int64)
    /// SQLite refused an operation.
    case database(path: String, code: Int32, message: String, sql: String?)
    /// No session has this id or id prefix.
    case notFound(String)
    /// Several sessions start with this prefix.
    case ambiguous(prefix: String, matches: [String])
    /// A stored session could not be decoded (written by a newer version, or damaged).
    case unreadableRecord(id: String, reason: String)

    public var description: String {
        switch self {
        case let .folderNotWritable(path, reason):
            return "cannot write to the data folder \(path): \(reason); set MOCKINTERVIEW_HOME to a writable folder"
        case let .diskFull(path, free):
            return "the disk holding \(path) is full (\(free / 1024) KiB free); free some space or set MOCKINTERVIEW_HOME to another disk"
        case let .database(path, code, message, sql):
            return "database \(path): SQLite error \(code): \(message)" + (sql.map { " (while running: \($0))" } ?? "")
        case let .notFound(id):
            return "no session with id '\(id)'; `mockinterview history` lists them"
        case let .ambiguous(prefix, matches):
            return "'\(prefix)' matches \(matches.count) sessions (\((matches.prefix(5) + (matches.count > 5 ? ["…"] : [])).joined(separator: ", "))); type more of the id"
        case let .unreadableRecord(id, reason):
            return "session \(id) cannot be read: \(reason)"
        }
    }
}
