import Foundation
import XCTest
@testable import Rules

/// Builds a rule set from in-memory YAML (as `rules.yaml`) plus lexicons by name.
func makeRuleSet(_ yaml: String, lexicons: [String: String] = [:]) throws(RuleLoadError) -> RuleSet {
    var files: [(path: String, data: Data)] = [("rules.yaml", Data(yaml.utf8))]
    for (name, text) in lexicons { files.append(("lexicons/\(name).txt", Data(text.utf8))) }
    return try RuleSet.load(files: files)
}

/// Loads each of `files` as one rule file with named patterns shared and with each reference
/// written out, asserts that both report the same (warnings, or "error" and the diagnostics
/// in order), and returns how many of them failed to load.
func assertReportsAlikeShared(_ files: [String], file: StaticString = #filePath, line: UInt = #line) -> Int {
    func report(_ yaml: String, sharing: Bool) -> [String] {
        do {
            let set = try RuleSet.load(files: [("rules.yaml", Data(yaml.utf8))], sharingPatterns: sharing)
            return set.warnings.map(\.description)
        } catch {
            return ["error"] + error.diagnostics.map(\.description)
        }
    }
    var faulty = 0
    for yaml in files {
        let shared = report(yaml, sharing: true)
        XCTAssertEqual(shared, report(yaml, sharing: false), yaml, file: file, line: line)
        if shared.first == "error" { faulty += 1 }
    }
    return faulty
}

/// A one-rule set with `pattern`, tag claim.
func singleRule(_ pattern: String, lexicons: [String: String] = [:]) throws -> RuleSet {
    let quoted = "'" + pattern.replacingOccurrences(of: "'", with: "''") + "'"
    return try makeRuleSet("""
        rules:
          - id: r
            tag: claim
            description: test
            pattern: \(quoted)
        """, lexicons: lexicons)
}

extension RuleSet {
    func matches(_ sentence: String) -> [Match] {
        Array(sentence.utf8).withUnsafeBufferPointer { matches(in: $0) }
    }
}

/// Sentences to compare two ways of matching on: every rule example of `set`, and the sample
/// briefs' text (`root`/samples/*.txt) cut at line ends, full stops and question marks.
func exampleAndSampleSentences(_ set: RuleSet, root: URL) throws -> [[UInt8]] {
    var sentences: [[UInt8]] = set.rules.flatMap { $0.examples.map { Array($0.text.utf8) } }
    let dir = root.appendingPathComponent("samples")
    for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".txt") {
        let text = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "." || $0 == "?" }) where !line.isEmpty {
            sentences.append(Array(line.utf8))
        }
    }
    return sentences
}

func text(_ sentence: String, _ range: Range<Int>) -> String {
    String(decoding: Array(sentence.utf8)[range], as: UTF8.self)
}

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
