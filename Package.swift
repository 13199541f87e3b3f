// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

// The release executable is linked by the toolchain's lld with packed relative relocations (DT_RELR,
// glibc 2.36+): the dynamic loader no longer reads 2 MB of relocation records at start-up, which is
// 3 MB less resident memory for every command (docs/performance.md, "Start-up memory").
let executableLinkerSettings: [LinkerSetting] = [
    .unsafeFlags(
        ["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"],
        .when(platforms: [.linux], configuration: .release)
    )
]

let package = Package(
    name: "Footprint",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "FootprintCore", targets: ["FootprintCore"]),
        .library(name: "FootprintImport", targets: ["FootprintImport"]),
        .library(name: "FootprintStore", targets: ["FootprintStore"]),
        .library(name: "FootprintPACT", targets: ["FootprintPACT"]),
        .executable(name: "footprint", targets: ["footprint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .target(name: "FootprintCore", swiftSettings: swiftSettings),
        .target(name: "FootprintPACT", dependencies: ["FootprintCore"], swiftSettings: swiftSettings),
        .target(
            name: "FootprintImport",
            dependencies: [
                "FootprintCore",
                // For zlib (its CZlib module on Linux): the xlsx reader inflates parts itself (XLSXArchive).
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FootprintStore",
            dependencies: [
                "FootprintCore", "FootprintImport", "FootprintPACT",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                // scrypt for the web app's passwords (KDF.Scrypt).
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "FootprintServer",
            dependencies: [
                "FootprintCore", "FootprintImport", "FootprintPACT", "FootprintStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "footprint",
            dependencies: [
                "FootprintCore", "FootprintImport", "FootprintStore", "FootprintPACT", "FootprintServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings,
            linkerSettings: executableLinkerSettings
        ),
        .target(name: "FootprintTestSupport", path: "Tests/FootprintTestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "FootprintCoreTests", dependencies: ["FootprintCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "FootprintPACTTests",
            dependencies: ["FootprintTestSupport", "FootprintPACT", "FootprintCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FootprintImportTests",
            dependencies: ["FootprintTestSupport", "FootprintCore", "FootprintImport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FootprintStoreTests",
            dependencies: [
                "FootprintTestSupport", "FootprintCore", "FootprintImport", "FootprintStore", "FootprintPACT",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FootprintServerTests",
            dependencies: [
                "FootprintTestSupport",
                "FootprintCore", "FootprintImport", "FootprintPACT", "FootprintStore", "FootprintServer",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FootprintCLITests",
            dependencies: [
                "FootprintTestSupport", "FootprintCore", "FootprintImport", "FootprintStore", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
