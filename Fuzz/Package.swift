// swift-tools-version: 6.1
import PackageDescription

// libFuzzer targets for Footprint's readers (docs/fuzzing.md). Built by scripts/fuzz.sh with
// `-sanitize=fuzzer,address`; each executable's `LLVMFuzzerTestOneInput` is called by libFuzzer's
// own `main`, so the targets are compiled with `-parse-as-library`.
let package = Package(
    name: "FootprintFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Footprint", path: ".."),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "FootprintImport", package: "Footprint")]),
        .executableTarget(
            name: "FuzzPurchases",
            dependencies: [
                "FuzzSupport",
                .product(name: "FootprintCore", package: "Footprint"),
                .product(name: "FootprintImport", package: "Footprint"),
            ]
        ),
        .executableTarget(
            name: "FuzzERP",
            dependencies: ["FuzzSupport", .product(name: "FootprintImport", package: "Footprint")]
        ),
        .executableTarget(
            name: "FuzzERPMapping",
            dependencies: ["FuzzSupport", .product(name: "FootprintImport", package: "Footprint")]
        ),
        .executableTarget(
            name: "FuzzCompanyFiles",
            dependencies: [
                "FuzzSupport",
                .product(name: "FootprintCore", package: "Footprint"),
                .product(name: "FootprintImport", package: "Footprint"),
            ]
        ),
        .executableTarget(name: "FuzzJSON", dependencies: ["FuzzSupport", .product(name: "FootprintCore", package: "Footprint")]),
        .executableTarget(
            name: "FuzzXLSX",
            dependencies: [
                "FuzzSupport", .product(name: "FootprintImport", package: "Footprint"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ]
)
