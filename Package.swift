// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
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
    ],
    targets: [
        .target(name: "FootprintCore", swiftSettings: swiftSettings),
        .target(name: "FootprintPACT", dependencies: ["FootprintCore"], swiftSettings: swiftSettings),
        .target(
            name: "FootprintImport",
            dependencies: [
                "FootprintCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings),
        .target(
            name: "FootprintStore",
            dependencies: [
                "FootprintCore", "FootprintImport", "FootprintPACT",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "footprint",
            dependencies: [
                "FootprintCore", "FootprintImport", "FootprintStore", "FootprintPACT",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "FootprintCoreTests", dependencies: ["FootprintCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "FootprintPACTTests", dependencies: ["FootprintPACT", "FootprintCore"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "FootprintImportTests", dependencies: ["FootprintCore", "FootprintImport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "FootprintStoreTests",
            dependencies: ["FootprintCore", "FootprintImport", "FootprintStore", "FootprintPACT", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"], swiftSettings: swiftSettings),
        .testTarget(
            name: "FootprintCLITests",
            dependencies: ["FootprintCore", "FootprintImport", "FootprintStore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings),
    ]
)
