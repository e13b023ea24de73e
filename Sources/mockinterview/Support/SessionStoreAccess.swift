import Foundation
import SessionStore

/// Opens the session database for a command, turning failures into a clear message and exit 74.
enum SessionStoreAccess {
    /// The data folder (`$MOCKINTERVIEW_HOME`, else XDG, else ~/.local/share/mockinterview).
    static var home: String { DataHome.resolve(environment: ProcessInfo.processInfo.environment) }

    static func open() throws -> SessionStore {
        do {
            return try SessionStore(home: home)
        } catch let error as SessionStoreError {
            Console.shared.error(error.description)
            throw Exit.io
        }
    }

    /// Runs a store operation, mapping its errors: a missing or ambiguous id is a usage error (64), the rest I/O (74).
    static func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SessionStoreError {
            Console.shared.error(error.description)
            switch error {
            case .notFound, .ambiguous: throw Exit.usage
            case .unreadableRecord: throw Exit.data
            case .folderNotWritable, .diskFull, .database: throw Exit.io
            }
        }
    }
}
