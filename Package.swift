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
        // docs/embedding.md: another Swift program feeding articles from memory and reading results back.
        .executable(name: "embed-toolkit", targets: ["EmbedToolkit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `make docs`: the DocC catalogues of Toolkit and NewsKit (swift package generate-documentation).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        .target(name: "CLuaShim", dependencies: ["CLua"]),
        // toolkit.write.sqlite: the system SQLite (Debian's libsqlite3-dev, installed by `make deps`)
        // through its C API, not GRDB. Measured on this 2-core machine, busy with other builds (issue
        // 9): a clean build of a one-file package took 107 s debug and 588 s release with GRDB 7.10,
        // 18 s and 6 s with the system library; 1 M rows of 4 columns in one transaction through one
        // prepared statement (release) took 2.5-2.8 s through the C API and 5.2-5.9 s through GRDB's
        // statement arguments. GRDB on Linux links the same libsqlite3-dev, and the writer needs a
        // dozen calls (open, exec, prepare, bind, step), not a query layer.
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // Web pages and WARC files: libxml2's HTML parser and zlib (libxml2-dev, installed by `make deps`).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev", "zlib1g-dev"])]
        ),
        .target(name: "LuaBridge", dependencies: ["CLuaShim", "CLua"]),
        // NewsKit's default markers are the bundled news-markers plugin's files (BundledData), so that a
        // program that uses NewsKit alone parses as a toolkit run with the default plugins does.
        .target(name: "NewsKit", dependencies: ["CLibXML2", "BundledData"], resources: [.copy("Resources")]),
        // The sample corpus (seeds/) and the bundled plugins (Plugins/) stay top-level folders; this
        // target copies them into its resource bundle so that the binary finds them wherever it runs.
        // Resources outside the target's folder (but inside the package) are copied since tools
        // version 6.0 (swift-package-manager#7232); rooting the target at the package root instead
        // would make every other file of the package an "unhandled file" warning.
        .target(name: "BundledData", resources: [.copy("../../seeds"), .copy("../../Plugins")]),
        // toolkit.re and toolkit.text's word and sentence breaks call the ICU that Foundation ships
        // (_FoundationICU) through its C API: byte offsets over UTF-8, ICU's error names and a step
        // limit against catastrophic backtracking, none of which NSRegularExpression exposes.
        .target(name: "Toolkit", dependencies: ["NewsKit", "LuaBridge", "BundledData", "CSQLite"],
                linkerSettings: [.linkedLibrary("_FoundationICU", .when(platforms: [.linux]))]),
        .executableTarget(
            name: "toolkit",
            dependencies: ["Toolkit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // `make bench`: throughput and accuracy figures, compared with Python peers in the same run.
        .executableTarget(name: "toolkit-bench", dependencies: ["NewsKit"], path: "Benchmarks"),
        // `make train-ner`: rebuilds the name tagger's weights (Plugins/ner) and prints its figures.
        .executableTarget(name: "toolkit-train", dependencies: ["NewsKit"]),
        // What docs/embedding.md shows, built and run by `make test`.
        .executableTarget(name: "EmbedToolkit", dependencies: ["Toolkit", "NewsKit"], path: "Examples/EmbedToolkit"),
        .testTarget(name: "LuaBridgeTests", dependencies: ["LuaBridge"]),
        .testTarget(name: "NewsKitTests", dependencies: ["NewsKit"]),
        .testTarget(name: "ToolkitTests", dependencies: ["Toolkit"]),
    ],
    swiftLanguageModes: [.v6]
)
