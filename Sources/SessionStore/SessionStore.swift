import Foundation
import GRDB
import InterviewEngine

/// The session database: SQLite in WAL mode under the data folder, shared safely by several processes.
///
/// Every method commits before it returns, so a record saved before a prompt survives `kill -9`.
/// Thread-safe: GRDB's pool serialises writes; SQLite's locks (with a busy timeout) serialise processes.
public final class SessionStore: Sendable {
    /// The format of the JSON kept in the `record` column.
    public static let recordFormat = 1
    /// Less free space than this is reported as a full disk at start.
    public static let minimumFreeBytes: Int64 = 1 << 20

    /// The database file.
    public let path: String
    private let pool: DatabasePool

    /// Opens (creating when needed) `sessions.sqlite` in `home`, migrates it, and proves it can be written,
    /// so a read-only or full data folder fails here, before any question is asked.
    public convenience init(home: String) throws {
        try SessionStore.prepareFolder(home)
        try self.init(path: DataHome.databasePath(in: home))
    }

    /// Opens the database at `path` (its folder must exist), migrates it and checks it can be written.
    public init(path: String) throws {
        self.path = path
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            // WAL with synchronous=FULL: a committed answer survives a crash of the process or the machine.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        pool = try SessionStore.mapping(path) {
            // Two processes starting at once must not both run the same migration.
            try SessionStore.withFileLock(path + ".lock") {
                let pool = try DatabasePool(path: path, configuration: config)
                try SessionMigrations.migrator.migrate(pool)
                return pool
            }
        }
        try SessionStore.mapping(path) {
            try pool.write { db in
                try db.execute(sql: "INSERT INTO store_probe (id, counter) VALUES (1, 1) ON CONFLICT(id) DO UPDATE SET counter = counter + 1")
            }
        }
        let folder = (path as NSString).deletingLastPathComponent
        if let free = SessionStore.freeBytes(folder.isEmpty ? "." : folder), free < SessionStore.minimumFreeBytes {
            throw SessionStoreError.diskFull(path: folder, freeBytes: free)
        }
    }

    /// Saves `record`, replacing the stored one with the same id, in one transaction.
    public func save(_ record: SessionRecord) throws {
        let json: String
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            json = String(decoding: try encoder.encode(record), as: UTF8.self)
        } catch {
            throw SessionStoreError.unreadableRecord(id: record.id, reason: "cannot encode: \(error)")
        }
        try SessionStore.mapping(path) {
            try pool.write { db in
                try db.execute(sql: """
                    INSERT INTO session (id, kind, scenario_id, mode, status, started_at, ended_at,
                                         questions_answered, average_score, record_format, record)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET
                        kind = excluded.kind, scenario_id = excluded.scenario_id, mode = excluded.mode,
                        status = excluded.status, started_at = excluded.started_at, ended_at = excluded.ended_at,
                        questions_answered = excluded.questions_answered, average_score = excluded.average_score,
                        record_format = excluded.record_format, record = excluded.record
                    """, arguments: [
                        record.id, record.kind.rawValue, record.scenarioID, record.mode.rawValue, record.status.rawValue,
                        record.startedAt.timeIntervalSince1970, record.endedAt?.timeIntervalSince1970,
                        record.answeredQuestions.count, record.averageScore, SessionStore.recordFormat, json,
                    ])
            }
        }
    }

    /// The session whose id is `idOrPrefix`, or the only one whose id starts with it.
    public func load(id idOrPrefix: String) throws -> SessionRecord {
        let rows: [(String, Int, String)] = try SessionStore.mapping(path) {
            try pool.read { db in
                let escaped = idOrPrefix.replacingOccurrences(of: "\\", with: "\\\\")
                    .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
                return try Row.fetchAll(db, sql: """
                    SELECT id, record_format, record FROM session WHERE id LIKE ? ESCAPE '\\' ORDER BY id
                    """, arguments: [escaped + "%"]).map { ($0["id"], $0["record_format"], $0["record"]) }
            }
        }
        // LIKE ignores ASCII case; ids are matched exactly.
        let matching = rows.filter { $0.0.hasPrefix(idOrPrefix) }
        if let exact = matching.first(where: { $0.0 == idOrPrefix }) { return try decode(exact) }
        switch matching.count {
        case 0: throw SessionStoreError.notFound(idOrPrefix)
        case 1: return try decode(matching[0])
        default: throw SessionStoreError.ambiguous(prefix: idOrPrefix, matches: matching.map(\.0))
        }
    }

    /// All sessions, newest first (ties broken by id).
    /// - Parameter limit: at most this many, the newest; nil for all.
    public func list(limit: Int? = nil) throws -> [SessionRecord] {
        try fetch(where: nil, limit: limit)
    }

    /// The most recently started practice session still in progress, if any.
    public func lastUnfinishedPractice() throws -> SessionRecord? {
        try fetch(where: "kind = 'practice' AND status = 'in-progress'", limit: 1).first
    }

    /// The most recently started session of any kind, if any.
    public func last() throws -> SessionRecord? {
        try fetch(where: nil, limit: 1).first
    }

    private func fetch(where condition: String?, limit: Int? = nil) throws -> [SessionRecord] {
        let rows: [(String, Int, String)] = try SessionStore.mapping(path) {
            try pool.read { db in
                var sql = "SELECT id, record_format, record FROM session"
                if let condition { sql += " WHERE \(condition)" }
                sql += " ORDER BY started_at DESC, id DESC"
                if let limit { sql += " LIMIT \(limit)" }
                return try Row.fetchAll(db, sql: sql).map { ($0["id"], $0["record_format"], $0["record"]) }
            }
        }
        return try rows.map(decode)
    }

    private func decode(_ row: (String, Int, String)) throws -> SessionRecord {
        guard row.1 <= SessionStore.recordFormat else {
            throw SessionStoreError.unreadableRecord(id: row.0, reason: "written in record format \(row.1) by a newer mockinterview (this one reads up to \(SessionStore.recordFormat))")
        }
        do {
            return try JSONDecoder().decode(SessionRecord.self, from: Data(row.2.utf8))
        } catch {
            throw SessionStoreError.unreadableRecord(id: row.0, reason: "\(error)")
        }
    }

    // MARK: - Folder and error handling

    /// Creates `home` when missing and checks it is a writable folder.
    static func prepareFolder(_ home: String) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: home, isDirectory: &isDir) {
            guard isDir.boolValue else { throw SessionStoreError.folderNotWritable(path: home, reason: "it is a file, not a folder") }
        } else {
            if let failure = makeFolders(home) {
                throw SessionStoreError.folderNotWritable(path: home, reason: failure)
            }
        }
        if access(home, W_OK | X_OK) != 0 {
            throw SessionStoreError.folderNotWritable(path: home, reason: String(cString: strerror(errno)))
        }
        if let free = freeBytes(home), free < minimumFreeBytes { throw SessionStoreError.diskFull(path: home, freeBytes: free) }
    }

    static func freeBytes(_ folder: String) -> Int64? {
        var s = statvfs()
        guard statvfs(folder, &s) == 0 else { return nil }
        return Int64(s.f_bavail) * Int64(s.f_frsize)
    }

    /// `mkdir -p` with the system's reason on failure (naming the folder that could not be made).
    private static func makeFolders(_ path: String) -> String? {
        var built = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            built += "/" + part
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: built, isDirectory: &isDir) {
                if !isDir.boolValue { return "\(built) is a file, not a folder" }
                continue
            }
            if mkdir(built, 0o755) != 0 && errno != EEXIST {
                return "cannot create \(built): \(String(cString: strerror(errno)))"
            }
        }
        return nil
    }

    /// Runs `body`, turning GRDB errors into `SessionStoreError`.
    static func mapping<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            let folder = (path as NSString).deletingLastPathComponent
            switch error.resultCode {
            case .SQLITE_FULL:
                throw SessionStoreError.diskFull(path: folder, freeBytes: freeBytes(folder) ?? 0)
            case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
                throw SessionStoreError.folderNotWritable(path: folder, reason: error.message ?? "read-only")
            default:
                throw SessionStoreError.database(path: path, code: error.extendedResultCode.rawValue,
                                                 message: error.message ?? "unknown error", sql: error.sql)
            }
        }
    }

    /// Holds an exclusive `flock` on `lockPath` while `body` runs.
    static func withFileLock<T>(_ lockPath: String, _ body: () throws -> T) throws -> T {
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw SessionStoreError.folderNotWritable(path: (lockPath as NSString).deletingLastPathComponent,
                                                      reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { break }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
