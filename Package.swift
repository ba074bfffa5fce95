// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "FactDesk",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "FactDesk", targets: ["FactDesk"]),
        .executable(name: "factdesk", targets: ["factdesk"]),
        .executable(name: "factdesk-bench", targets: ["factdesk-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CGit2",
            path: "CGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
        ),
        .target(name: "GitKit", dependencies: ["CGit2"]),
        .target(name: "FactDesk", dependencies: ["GitKit"]),
        .executableTarget(
            name: "factdesk",
            dependencies: [
                "FactDesk",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "factdesk-bench",
            dependencies: [
                "FactDesk", "GitKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GitKitTests", dependencies: ["GitKit", "TestSupport"]),
        .testTarget(name: "FactDeskTests", dependencies: ["FactDesk", "GitKit", "TestSupport"], exclude: ["ReanchoringCorpus"]),
        .testTarget(name: "FactDeskCLITests", dependencies: ["factdesk", "TestSupport"]),
    ]
)
