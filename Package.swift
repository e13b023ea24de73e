// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "mockinterview",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mockinterview", targets: ["mockinterview"]),
        .library(name: "RubricKit", targets: ["RubricKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CReadline", pkgConfig: "readline",
            providers: [.apt(["libreadline-dev"]), .brew(["readline"])]),
        // Content formats, loading, lint, the scorer, rubric drafting. No terminal, clock or randomness.
        .target(name: "RubricKit", dependencies: [.product(name: "Yams", package: "Yams")]),
        // The pure, event-driven interview engine.
        .target(name: "InterviewEngine", dependencies: ["RubricKit"]),
        // Sessions on disk (SQLite through GRDB).
        .target(name: "SessionStore", dependencies: [
            "InterviewEngine", "RubricKit", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Reports, scoring sheets and progress statistics.
        .target(name: "ReportKit", dependencies: ["InterviewEngine", "RubricKit", "SessionStore"]),
        .executableTarget(name: "mockinterview", dependencies: [
            "RubricKit", "InterviewEngine", "SessionStore", "ReportKit", "CReadline",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "scorer-benchmark", dependencies: ["RubricKit"],
                          path: "Benchmarks/ScorerBenchmark"),
        .testTarget(name: "RubricKitTests", dependencies: ["RubricKit"], exclude: ["Fixtures"]),
        .testTarget(name: "InterviewEngineTests", dependencies: ["InterviewEngine", "RubricKit"]),
        .testTarget(name: "SessionStoreTests", dependencies: ["SessionStore", "InterviewEngine"]),
        .testTarget(name: "ReportKitTests", dependencies: ["ReportKit", "SessionStore", "InterviewEngine"],
                    resources: [.copy("Golden")]),
        .testTarget(name: "EndToEndTests", dependencies: []),
        // The terminal layer (practice loop, line readers) driven by a scripted reader, without a terminal.
        .testTarget(name: "PracticeCLITests", dependencies: ["mockinterview", "InterviewEngine", "SessionStore", "RubricKit"]),
    ],
    swiftLanguageModes: [.v6]
)
