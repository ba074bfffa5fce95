// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "FactDesk",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "FactDesk", targets: ["FactDesk"]),
        .library(name: "FactDeskServer", targets: ["FactDeskServer"]),
        .executable(name: "factdesk", targets: ["factdesk"]),
        .executable(name: "factdesk-bench", targets: ["factdesk-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CGit2",
            path: "CGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
        ),
        .target(name: "GitKit", dependencies: ["CGit2"]),
        .target(name: "FactDesk", dependencies: ["GitKit", .product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "FactDeskServer",
            dependencies: [
                "FactDesk",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
            ]
        ),
        .executableTarget(
            name: "factdesk",
            dependencies: [
                "FactDesk", "FactDeskServer",
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
        .testTarget(name: "FactDeskTests", dependencies: ["FactDesk", "GitKit", "TestSupport"], exclude: ["ReanchoringCorpus", "Fixtures"]),
        .testTarget(name: "FactDeskCLITests", dependencies: ["factdesk", "TestSupport"]),
        .testTarget(
            name: "FactDeskServerTests",
            dependencies: [
                "FactDeskServer", "FactDesk", "TestSupport", "factdesk",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
    ]
)
