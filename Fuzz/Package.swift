// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for NewsKit, kept out of the root package so that `swift build` and
// `make test` neither build nor link them. `make fuzz` builds them with
// `-sanitize=fuzzer,address` (which also instruments NewsKit for coverage) and runs each one.
let package = Package(
    name: "toolkit-fuzz",
    dependencies: [
        .package(name: "toolkit", path: ".."),
    ],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(name: "FuzzJSONLines", dependencies: ["FuzzDriver", .product(name: "NewsKit", package: "toolkit")]),
        .executableTarget(name: "FuzzArticleParser", dependencies: ["FuzzDriver", .product(name: "NewsKit", package: "toolkit")]),
        .executableTarget(name: "FuzzLanguage", dependencies: ["FuzzDriver", .product(name: "NewsKit", package: "toolkit")]),
        .executableTarget(name: "FuzzDates", dependencies: ["FuzzDriver", .product(name: "NewsKit", package: "toolkit")]),
    ],
    swiftLanguageModes: [.v6]
)
