import Foundation
@testable import Pipeline
import Rules

/// Locations inside the repository, found from this file so tests run from any directory.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// Runs `body` with the repository as working directory, so paths read as in the README.
    static func inRoot<T>(_ body: () throws -> T) rethrows -> T {
        let fm = FileManager.default
        let old = fm.currentDirectoryPath
        _ = fm.changeCurrentDirectoryPath(root.path)
        defer { _ = fm.changeCurrentDirectoryPath(old) }
        return try body()
    }

    /// What `claimex extract samples --all-sentences` writes, computed in process.
    static func extractSamples(jobs: Int) throws -> [UInt8] {
        try inRoot {
            let rules = try RuleSet.load(directory: "rules")
            let batch = Batch(extractor: Extractor(rules: rules, allSentences: true), jobs: jobs)
            let files = Inputs.expand(["samples"]).files
            var out: [UInt8] = []
            batch.run(files.map { InputItem.file(path: $0) }) { r in
                if case .success(let o) = r.result { out += o.jsonl }
            }
            return out
        }
    }

    /// The claimex executable built beside the test bundle (`CLAIMEX_BIN` names another one,
    /// e.g. an older build, to see which tests it fails).
    static var executable: URL {
        if let other = ProcessInfo.processInfo.environment["CLAIMEX_BIN"] { return URL(fileURLWithPath: other) }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while dir.path != "/" {
            let candidate = dir.appendingPathComponent("claimex")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/claimex")
    }
}
