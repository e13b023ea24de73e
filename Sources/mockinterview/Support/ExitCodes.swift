import ArgumentParser

/// Exit codes shared by every command (sysexits.h where one fits).
enum Exit {
    static let success = ExitCode(0)
    /// Content or validation errors.
    static let content = ExitCode(1)
    /// Usage errors (bad flags); ArgumentParser uses the same code.
    static let usage = ExitCode(64)
    /// Bad input data (an answer file, a batch line).
    static let data = ExitCode(65)
    /// I/O errors (cannot read or write a file, the database).
    static let io = ExitCode(74)
}
