// swift-tools-version:6.0
import PackageDescription

// Layers (see DESIGN.md); dependencies point down only:
//   toolkit (CLI) -> Toolkit (engine) -> NewsKit (pure Swift) | LuaBridge -> CLuaShim -> CLua
let package = Package(
    name: "toolkit",
    products: [
        .executable(name: "toolkit", targets: ["toolkit"]),
        .library(name: "Toolkit", targets: ["Toolkit"]),
        .library(name: "NewsKit", targets: ["NewsKit"]),
        .library(name: "LuaBridge", targets: ["LuaBridge"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        .target(name: "CLuaShim", dependencies: ["CLua"]),
        .target(name: "LuaBridge", dependencies: ["CLuaShim", "CLua"]),
        .target(name: "NewsKit", resources: [.copy("Resources")]),
        // The sample corpus lives in the top-level seeds/ folder; this target only bundles it.
        .target(
            name: "SampleCorpus",
            path: ".",
            exclude: [],
            sources: ["Sources/SampleCorpus"],
            resources: [.copy("seeds")]
        ),
        .target(name: "Toolkit", dependencies: ["NewsKit", "LuaBridge", "SampleCorpus"]),
        .executableTarget(
            name: "toolkit",
            dependencies: ["Toolkit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // `make bench`: throughput and accuracy figures, compared with Python peers in the same run.
        .executableTarget(name: "toolkit-bench", dependencies: ["NewsKit"], path: "Benchmarks"),
        .testTarget(name: "LuaBridgeTests", dependencies: ["LuaBridge"]),
        .testTarget(name: "NewsKitTests", dependencies: ["NewsKit"]),
        .testTarget(name: "ToolkitTests", dependencies: ["Toolkit"]),
    ],
    swiftLanguageModes: [.v6]
)
