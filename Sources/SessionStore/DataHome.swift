import Foundation

/// Where sessions live: `$MOCKINTERVIEW_HOME`, else `$XDG_DATA_HOME/mockinterview`,
/// else `~/.local/share/mockinterview`.
public enum DataHome {
    /// The data folder for `environment` (pass `ProcessInfo.processInfo.environment`).
    public static func resolve(environment: [String: String]) -> String {
        if let home = environment["MOCKINTERVIEW_HOME"], !home.isEmpty { return home }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return (xdg as NSString).appendingPathComponent("mockinterview")
        }
        let user = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (user as NSString).appendingPathComponent(".local/share/mockinterview")
    }

    /// The database file inside a data folder.
    public static func databasePath(in home: String) -> String {
        (home as NSString).appendingPathComponent("sessions.sqlite")
    }
}
