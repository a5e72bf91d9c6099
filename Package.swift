// swift-tools-version: 6.0
import PackageDescription

// The folders under Sources/ mirror the pipeline: Ingest -> Segment -> Rules -> Emit,
// glued by Pipeline and driven by the thin `claimex` executable. Data flows one way.
let package = Package(
    name: "claimex",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "claimex", targets: ["claimex"]),
        .library(name: "ClaimexPipeline", targets: ["Pipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "Ingest", dependencies: [
            "CLibXML2",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "Segment", dependencies: ["Ingest"]),
        .target(name: "Rules", dependencies: [
            .product(name: "Yams", package: "Yams"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "Emit", dependencies: ["Ingest", "Segment", "Rules"]),
        .target(name: "Pipeline", dependencies: ["Ingest", "Segment", "Rules", "Emit"]),
        .executableTarget(name: "claimex", dependencies: [
            "Pipeline",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest"], exclude: ["Pages"]),
        .testTarget(name: "SegmentTests", dependencies: ["Segment"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules"], exclude: ["Fixtures"]),
        .testTarget(name: "EmitTests", dependencies: ["Emit"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline"]),
    ]
)
