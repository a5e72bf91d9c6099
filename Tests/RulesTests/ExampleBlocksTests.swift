import Foundation
import XCTest
import Yams
@testable import Rules

/// `ExampleBlocks.blanked` must give the tree of the whole file without its rules' `examples`
/// keys, node for node and place for place, or give up.
final class ExampleBlocksTests: XCTestCase {
    /// A node as text: kind, place, value; mappings' pairs in order.
    private func dump(_ node: Node?, dropExamples: Bool = false, depth: Int = 0) -> String {
        guard let node else { return "nil" }
        let at = "@\(node.mark?.line ?? 0):\(node.mark?.column ?? 0)"
        switch node {
        case .scalar(let s): return "s\(at)[\(s.string)|\(s.style)]"
        case .alias: return "alias\(at)"
        case .sequence(let q): return "q\(at)[" + q.map { dump($0, dropExamples: dropExamples, depth: depth + 1) }.joined(separator: ",") + "]"
        case .mapping(let m):
            // The rules' keys are two levels down: rules (a mapping's value) -> an item.
            let pairs = m.filter { !(dropExamples && depth == 2 && $0.key.string == "examples") }
            return "m\(at)[" + pairs.map { dump($0.key) + ":" + dump($0.value, dropExamples: dropExamples, depth: depth + 1) }
                .joined(separator: ",") + "]"
        }
    }

    private func rulesTreeWithoutExamples(_ text: String) throws -> String {
        guard case .mapping(let top)? = try Yams.compose(yaml: text, .basic) else { return dump(try Yams.compose(yaml: text, .basic)) }
        return "m@top[" + top.map { pair -> String in
            let drop = pair.key.string == "rules"
            return dump(pair.key) + ":" + dump(pair.value, dropExamples: drop, depth: drop ? 1 : 0)
        }.joined(separator: ",") + "]"
    }

    private func assertCut(_ text: String, cuts: Bool, _ message: String = "", line: UInt = #line) throws {
        let blanked = ExampleBlocks.blanked(text)
        XCTAssertEqual(blanked != nil && blanked != text, cuts, message, line: line)
        guard let blanked, blanked != text else { return }
        XCTAssertEqual(blanked.split(separator: "\n", omittingEmptySubsequences: false).count,
                       text.split(separator: "\n", omittingEmptySubsequences: false).count, "lines kept", line: line)
        let cutTree = try Yams.compose(yaml: blanked, .basic)
        if case .mapping(let top)? = cutTree {
            let expect = try rulesTreeWithoutExamples(text)
            let got = "m@top[" + top.map { dump($0.key) + ":" + dump($0.value) }.joined(separator: ",") + "]"
            XCTAssertEqual(got, expect, message, line: line)
        }
    }

    /// Every rule file of the repository and of the test fixtures is cut, to the same tree.
    func testRepositoryRuleFilesCutToTheSameTree() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var files: [URL] = []
        for dir in ["rules", "Tests/RulesTests/Fixtures/basic"] {
            let d = root.appendingPathComponent(dir)
            for name in try FileManager.default.contentsOfDirectory(atPath: d.path).sorted() where name.hasSuffix(".yaml") {
                files.append(d.appendingPathComponent(name))
            }
        }
        XCTAssertGreaterThanOrEqual(files.count, 6)
        for f in files {
            try assertCut(try String(contentsOf: f, encoding: .utf8), cuts: true, f.lastPathComponent)
        }
    }

    func testHardCases() throws {
        let rule = "rules:\n  - id: a\n    pattern: 'x'\n"
        // A plain block, a compact list, comments at any column inside, a block scalar inside.
        try assertCut(rule + "    examples:\n      match:\n        - x y\n# aside\n      no-match:\n      - |\n        z\n\n  - id: b\n    pattern: y\n", cuts: true)
        // Examples before other keys; a comment after the key.
        try assertCut("rules:\n  - id: a\n    examples: # e\n      match: [x]\n    pattern: 'x'\n", cuts: true)
        // Rules' items at column 0.
        try assertCut("rules:\n- id: a\n  examples:\n    match:\n    - x\n  pattern: x\n", cuts: true)
        // Inline examples are not cut (the tree keeps them; the loader skips them).
        try assertCut(rule + "    examples: {match: [x]}\n", cuts: false)
        // Flow collections: an apostrophe inside a plain scalar, quotes where scalars start.
        try assertCut(rule + "    examples:\n      match:\n        - {text: China's view, captures: {a: 'b, c', d: \"e]\"}}\n", cuts: true)
        // Not a rule's key: under another top-level key, inside a block scalar, a deeper mapping.
        try assertCut("defaults:\n  examples:\n    match: [x]\n" + rule, cuts: false)
        try assertCut("rules:\n  - id: a\n    pattern: |\n      a\n    examples:\n      match: [x]\n" +
                      "  - id: b\n    description: >-\n      text\n      examples:\n      more\n    pattern: x\n", cuts: true)
        try assertCut("rules:\n  - id: a\n    pattern: x\n    normalize:\n      examples:\n        match: [x]\n", cuts: false)
        // Quoted scalars over lines, at any column, also inside a block and as its last line.
        try assertCut(rule + "    description: \"two\n  lines \\\" a\"\n    examples:\n      match: [x]\n    unless: 'it''s\n      ok'\n", cuts: true)
        try assertCut(rule + "    examples:\n      match:\n        - 'a\n  b: c\n'\n  - id: b\n    pattern: y\n", cuts: true)
        // A flow collection open at a line's end, keep-chomping, tabs, anchors, a second
        // document: the scanner gives up.
        for text in [rule + "    unless: ['a',\n      'b']\n    examples:\n      match: [x]\n",
                     "rules:\n  - id: a\n    pattern: |+\n      x\n    examples:\n      match: [x]\n",
                     rule + "    examples:\n      match:\n        - \"open\n    pattern2: \"x y\n",
                     rule + "    examples:\n\tmatch: [x]\n",
                     rule + "    examples: &e\n      match: [x]\n",
                     rule + "    examples:\n      match: [x]\n---\nrules: []\n",
                     rule.replacingOccurrences(of: "\n", with: "\r\n") + "    examples:\r\n      match: [x]\r\n"] {
            XCTAssertNil(ExampleBlocks.blanked(text), text)
        }
    }

    /// A rule set loaded without its examples matches alike and has none; errors inside
    /// examples are then not reported (`claimex test` reports them).
    func testLoadWithoutExamples() throws {
        let yaml = "rules:\n  - id: a\n    tag: claim\n    description: d\n    pattern: 'x y'\n    examples:\n      match: [x y]\n      bogus: [1]\n"
        XCTAssertThrowsError(try RuleSet.load(files: [("r.yaml", Data(yaml.utf8))]))
        let set = try RuleSet.load(files: [("r.yaml", Data(yaml.utf8))], examples: false)
        XCTAssertEqual(set.ruleCount, 1)
        XCTAssertEqual(set.ruleInfos.map(\.examples), [0])
        XCTAssertEqual(set.ruleInfos.map(\.line), [2])
    }
}
