// swift-tools-version: 6.0
import PackageDescription

// The folders under Sources/ mirror the pipeline: Ingest -> Segment -> Rules -> Emit,
// glued by Pipeline and driven by the thin `claimex` executable. Data flows one way.
let package = Package(
    name: "claimex",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "claimex", targets: ["claimex"]),
        .executable(name: "claimex-train", targets: ["claimex-train"]),
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
        .systemLibrary(name: "CMalloc"),
        .target(name: "Ingest", dependencies: [
            "CLibXML2",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "Segment", dependencies: ["Ingest"]),
        // The part-of-speech and lemma layer beside the tokenizer; its model is compiled in.
        .target(name: "TaggerModelData", exclude: ["model"]),
        .target(name: "Tagger", dependencies: ["TaggerModelData"]),
        // Trains the tagger's model from a CoNLL-U treebank (`make tagger-model`).
        // Optimised in debug builds too: the reproducibility test trains the model with it.
        .executableTarget(name: "claimex-train", dependencies: ["Tagger"], swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "Rules", dependencies: [
            "Tagger",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "Emit", dependencies: ["Ingest", "Segment", "Rules"]),
        .target(name: "Pipeline", dependencies: ["Ingest", "Segment", "Rules", "Emit"]),
        // The annotator's desk: tagged documents to and from annotation tools, and the
        // review page in the browser.
        .target(name: "Exchange", dependencies: ["Rules", "Emit"]),
        .target(name: "Report", dependencies: ["Exchange", "Pipeline"]),
        .executableTarget(name: "claimex", dependencies: [
            "CMalloc", "Pipeline", "Emit", "Exchange", "Report", "Rules", "Tagger",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], plugins: ["BuildInfo"]),
        // Names the git commit in `claimex --version` (a generated BuildInfo.swift).
        .plugin(name: "BuildInfo", capability: .buildTool()),
        // libFuzzer targets (scripts/fuzz.sh); a plain build replays inputs through them.
        .executableTarget(name: "claimex-fuzz", dependencies: ["Ingest", "Segment", "Rules"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest"], exclude: ["Fixtures", "Pages"]),
        .testTarget(name: "SegmentTests", dependencies: ["Segment"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "Tagger", .product(name: "Yams", package: "Yams")],
                    exclude: ["Fixtures"]),
        .testTarget(name: "TaggerTests", dependencies: ["Tagger"], exclude: ["Fixtures"]),
        .testTarget(name: "EmitTests", dependencies: ["Emit"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Emit"]),
        .testTarget(name: "ExchangeTests", dependencies: ["Exchange", "Pipeline"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Exchange", "Pipeline"]),
    ]
)
