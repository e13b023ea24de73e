import GRDB

/// The database schema, one migration per shipped version. A migration never changes once shipped and never
/// uses app types: add a new one instead.
enum SessionMigrations {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-sessions") { db in
            try db.execute(sql: """
                CREATE TABLE session (
                    id TEXT PRIMARY KEY NOT NULL,
                    kind TEXT NOT NULL,
                    scenario_id TEXT NOT NULL,
                    mode TEXT NOT NULL,
                    status TEXT NOT NULL,
                    started_at REAL NOT NULL,
                    ended_at REAL,
                    questions_answered INTEGER NOT NULL,
                    average_score REAL,
                    record_format INTEGER NOT NULL,
                    record TEXT NOT NULL
                );
                CREATE INDEX session_started_at ON session(started_at);
                CREATE TABLE store_probe (id INTEGER PRIMARY KEY, counter INTEGER NOT NULL);
                """)
        }
        return m
    }
}
