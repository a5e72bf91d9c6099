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
                     // less deep than a block scalar's text: libyaml ends the scalar there
                     rule + "    examples:\n      match:\n        - text: |\n             x\n           \"open\npatterns:\n  p: x\n",
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

// MARK: - Differential fuzz

/// A seeded generator (SplitMix64): the same cases on every run.
struct FuzzRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    /// True one time in `n`.
    mutating func oneIn(_ n: Int) -> Bool { int(n) == 0 }
    mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
    mutating func spaces(_ lo: Int, _ hi: Int) -> String { String(repeating: " ", count: lo + int(hi - lo + 1)) }
}

/// Rule-file-shaped YAML texts, mostly valid, with the constructions a line scanner can
/// misread: block scalars with headers, quoted scalars over lines at any column, plain
/// scalars over lines, flow collections, comments at any column, `examples:` at any place
/// and depth, compact sequences, anchors, tags, tabs, CRLF, BOM, documents, odd line breaks.
struct RuleFileFuzzer {
    var r: FuzzRandom
    /// One word in `odd` is an odd one; a file is either mostly clean (most compose and
    /// are cut) or odd all over.
    var odd = 5

    static let words = ["x", "y z", "China's view", "it", "a-b", "%cap", "@cues", "(a | b)", "{a: b}", "[x]", "é", "—", "“q”",
                        "a#b", "a: b", "a:b", "examples", "examples:", "- x", "'q'", "\"d\"", "#c", "x # c", "|", ">", "&a",
                        "*a", "!t", "? k", ": v", "%x", "`", ",", "]", "}", "---", "...", "-", "\u{2028}", "\u{85}", "\t", "\r",
                        "\\", "''", "\\\"", "\u{FEFF}", "match:", "- id: q", "rules:", "  ", "text: a"]
    static let safeWords = ["x", "y z", "China's view", "it", "a-b", "x %cap", "(a | b)", "é", "—", "“q”", "a#b", "a:b", "q'",
                            "say \"x\"", "2", "null", "true", "~", "a @cues", "x, y", "a [b]", "c {d}"]

    mutating func word() -> String { r.oneIn(odd) ? r.pick(Self.words) : r.pick(Self.safeWords) }
    mutating func text(_ n: Int = 3) -> String { (0..<(1 + r.int(n))).map { _ in word() }.joined(separator: " ") }
    mutating func safeText() -> String { (0..<(1 + r.int(3))).map { _ in r.pick(Self.safeWords) }.joined(separator: " ") }
    mutating func comment() -> String { r.pick(["# c", "#", "# it's \"q\" [x", "# examples:", "#- x", "# |", "# 'open"]) }
    mutating func col(_ k: Int) -> String { String(repeating: " ", count: k) }

    /// A scalar or collection as the value of a key (or a dash) whose node is at column `k`:
    /// what follows `key: ` on its line, and the lines after it.
    mutating func value(_ k: Int, depth: Int = 0) -> (String, [String]) {
        switch r.int(12) {
        case 0, 1:  // plain, maybe over lines (continuations deeper than k, at any such column)
            let first = r.oneIn(4) ? text() : safeText()
            var more: [String] = []
            if r.oneIn(3) {
                for _ in 0..<(1 + r.int(3)) {
                    more.append(r.oneIn(6) ? "" : col(k + 1 + r.int(5)) + (r.oneIn(3) ? text() : safeText()))
                }
            }
            return (first, more)
        case 2, 3:  // quoted, maybe over lines at any column (0 too)
            let q: Character = r.oneIn(2) ? "'" : "\""
            let inner: () -> String = { [q] in q == "'" ? "it''s" : "a \\\" b \\\\" }
            // Quotes inside escaped, but for an odd one.
            let escape: (String) -> String = { [q, odd] in
                odd < 10 && $0.count % 4 == 0 ? $0 : q == "'" ? $0.replacingOccurrences(of: "'", with: "''")
                    : $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            }
            var s = String(q) + escape(safeText()) + (r.oneIn(2) ? " " + inner() : "")
            var more: [String] = []
            if r.oneIn(2) {
                for _ in 0..<(1 + r.int(3)) {
                    more.append(r.oneIn(5) ? "" : col(r.int(k + 6)) + escape(r.oneIn(3) ? text() : safeText()) + (q == "\"" && r.oneIn(4) ? "\\" : ""))
                }
                more.append(col(r.int(k + 6)) + escape(safeText()) + (r.oneIn(3) ? inner() : "") + String(q) + (r.oneIn(4) ? " " + comment() : ""))
                if r.oneIn(odd + 3) { more[more.count - 1] += r.pick([": v", " x", ","]) }
            } else {
                s += String(q) + (r.oneIn(odd + 1) ? r.pick([" # c", ": v", ":", " x", "#c"]) : "")
            }
            return (s, more)
        case 4, 5:  // a block scalar: header, then its text deeper than k
            var header = r.pick(["|", ">"])
            let chomp = r.oneIn(odd) ? "+" : r.pick(["", "", "-"])
            let ind = r.oneIn(4) ? 1 + r.int(4) : 0
            header += r.oneIn(2) ? chomp + (ind > 0 ? "\(ind)" : "") : (ind > 0 ? "\(ind)" : "") + chomp
            if r.oneIn(4) { header += " " + comment() }
            let base = k + (ind > 0 ? ind : 1 + r.int(4))
            var more: [String] = []
            for _ in 0..<r.int(5) {
                switch r.int(6) {
                case 0: more.append(r.oneIn(2) ? "" : col(r.int(k + 6)))
                case 1: more.append(col(base + r.int(3)) + text())
                case 2: more.append(col(base) + r.pick(["examples:", "- id: z", "\"open", "'open", "|", "key: [a,", "# not a comment", "x: |+", "&a"]))
                case 3 where base > k + 1 && r.oneIn(4):  // less deep than the text, deeper than the key
                    more.append(col(k + 1 + r.int(base - k - 1)) + r.pick(["# c", "x", "\"open", "'open", "examples:", "- x"]))
                default: more.append(col(base) + safeText())
                }
            }
            return (header, more)
        case 6:  // a flow collection, sometimes over lines or with a comment inside
            let open = r.oneIn(2)
            let items = (0..<(1 + r.int(3))).map { _ in
                r.oneIn(odd + 1) ? r.pick(["#", "# c", "&a x", "*a", "!t x", "a:'b'", "\"a\":b", "? x", "|"])
                    : r.pick(["x", "'a, b'", "\"c]\"", "China's", "a: b", "{a: 'b'}", "[y]", "'it''s'", "\"q\\\"\"", "d e", "say \"x\"", "a|b"])
            }
            var s = open ? "[" + items.joined(separator: ", ") : "{" + items.enumerated().map { "k\($0.offset): \($0.element)" }.joined(separator: ", ")
            var more: [String] = []
            if r.oneIn(odd) {
                more.append(col(r.int(k + 6)) + r.pick(["x", "'a", "examples: y", "# c", "z"]) + (open ? "]" : "}"))
            } else {
                s += open ? "]" : "}"
                if r.oneIn(odd + 3) { s += r.pick([": v", " x", " # c", "]"]) }
            }
            return (s, more)
        case 7:  // nothing (null), or a comment
            return (r.oneIn(2) ? "" : comment(), [])
        case 8:  // the value on the next lines: a mapping, a sequence or a scalar
            let c = k + 1 + r.int(3)
            var more: [String] = []
            if depth < 2 {
                switch r.int(3) {
                case 0: more = mapping(c, depth: depth + 1)
                case 1: more = sequence(r.oneIn(3) ? k : c, depth: depth + 1)
                default:
                    let (v, m) = value(c, depth: depth + 1)
                    if !v.isEmpty { more = [col(c) + v] + m }
                }
            }
            return (r.oneIn(4) ? comment() : "", more)
        case 9 where r.oneIn(odd):  // anchors, aliases, tags, explicit keys
            return (r.pick(["&a x", "*a", "!t x", "!!str x", "&b", "? x"]), [])
        default:
            return (safeText(), [])
        }
    }

    /// `key: value` lines, the key's column `k`.
    mutating func pair(_ key: String, _ k: Int, depth: Int) -> [String] {
        let (v, more) = value(k, depth: depth)
        return [col(k) + key + ":" + (v.isEmpty ? "" : " " + v)] + more
    }

    mutating func mapping(_ k: Int, depth: Int) -> [String] {
        var lines: [String] = []
        for _ in 0..<(1 + r.int(3)) {
            lines += pair(r.pick(["a", "b c", "examples", "match", "\"q\"", "k.l", "'s'"]), k, depth: depth)
        }
        return lines
    }

    /// A block sequence with its dashes at column `d`.
    mutating func sequence(_ d: Int, depth: Int) -> [String] {
        var lines: [String] = []
        for _ in 0..<(1 + r.int(3)) {
            let k = d + 2
            if r.oneIn(3) {
                var item = pair(r.pick(["text", "examples", "a"]), k, depth: depth)
                item[0] = col(d) + "- " + item[0].dropFirst(k)
                lines += item
            } else {
                let (v, more) = value(k, depth: depth)
                lines += [col(d) + "-" + (v.isEmpty ? "" : " " + v)] + more
            }
        }
        return lines
    }

    /// A rule's `examples:` block at column `k`, or something in its place.
    mutating func examples(_ k: Int) -> [String] {
        switch r.int(10) {
        case 0 where r.oneIn(2): return [col(k) + "examples: " + r.pick(["{match: [x]}", "[x]", "'x'", "x", "# c", "", "&e", "{match: [x,"]) ]
        case 1 where r.oneIn(odd < 10 ? 1 : 4): return [col(k) + "examples:", col(k) + "- " + safeText(), col(k) + "- x"]  // a compact list at the key's column
        default: break
        }
        var lines = [col(k) + "examples:" + (r.oneIn(4) ? " " + comment() : "") + (r.oneIn(8) ? "  " : "")]
        let c = k + 1 + r.int(4)
        for key in ["match", "no-match"] where !r.oneIn(4) {
            lines.append(col(c) + key + ":")
            let d = r.oneIn(3) ? c : c + 2
            for _ in 0..<(1 + r.int(3)) {
                if r.oneIn(6) { lines.append(col(r.int(c + 4)) + comment()) }
                if r.oneIn(8) { lines.append(r.oneIn(2) ? "" : col(r.int(8))) }
                if r.oneIn(2) {
                    let (v, more) = value(d + 2)
                    lines += [col(d) + "- text: " + (v.isEmpty ? "x" : v)] + more
                    if r.oneIn(2) { lines.append(col(d + 2) + "captures: {a: 'b, c', d: \"e]\", f: China's}") }
                } else {
                    let (v, more) = value(d)
                    lines += [col(d) + "-" + (v.isEmpty ? "" : " " + v)] + more
                }
            }
        }
        if r.oneIn(6) { lines += mapping(c, depth: 1) }
        return lines
    }

    /// A rule: dashes at column `d`, keys at `k`.
    mutating func rule(_ d: Int) -> [String] {
        let gap = r.oneIn(6) ? 2 + r.int(2) : 1
        let k = d + 1 + gap
        var keys = ["id", "description", "pattern", "unless", "examples"]
        if r.oneIn(3) { keys.append(r.pick(["normalize", "tag", "priority", "\"examples\"", "examples", "unless-in-match"])) }
        for i in keys.indices.reversed() where i > 0 && r.oneIn(3) { keys.swapAt(i, r.int(i + 1)) }
        var lines: [String] = []
        for key in keys {
            if r.oneIn(10) { lines.append(col(r.int(k + 4)) + comment()) }
            switch key {
            case "examples": lines += examples(k)
            case "unless": lines += [col(k) + "unless:"] + sequence(r.oneIn(3) ? k : k + 2, depth: 1)
            case "normalize": lines += [col(k) + "normalize:"] + mapping(k + 2, depth: 1)
            default: lines += pair(key, k, depth: 1)
            }
        }
        // The first key goes on the dash's line (or the dash stands alone, or is doubled).
        switch r.int(odd < 10 ? 12 : 40) {
        case 0: lines.insert(col(d) + "-", at: 0)
        case 1: lines[0] = col(d) + "- - " + lines[0].dropFirst(k)
        case 2: lines.insert(col(d) + "- " + safeText(), at: 0)
        default: lines[0] = col(d) + "-" + String(repeating: " ", count: gap) + lines[0].dropFirst(k)
        }
        return lines
    }

    mutating func file() -> [String] {
        odd = r.oneIn(2) ? 5 : 60
        var blocks: [[String]] = []
        let d = r.pick([0, 2, 2, 2, 4])
        var rules = [r.oneIn(2 * odd) ? r.pick(["rules: # r", "rules: []", "rules: &r", "\"rules\":", "rules :"]) : "rules:"]
        if r.oneIn(2 * odd) { rules.append(col(2) + "sub:"); rules += (0..<2).flatMap { _ in rule(4) } } else {
            for _ in 0..<(1 + r.int(4)) { rules += rule(d) }
        }
        blocks.append(rules)
        if r.oneIn(3) { blocks.append(["defaults:"] + mapping(2, depth: 1) + (r.oneIn(2) ? examples(2) : [])) }
        if r.oneIn(3) { blocks.append(["patterns:"] + mapping(2, depth: 1)) }
        if r.oneIn(5) { blocks.append(["other:"] + (r.oneIn(2) ? sequence(r.pick([0, 2]), depth: 1).flatMap { [$0] } : mapping(2, depth: 1))) }
        if r.oneIn(8) { blocks.append(["rules:"] + rule(d)) }
        for i in blocks.indices.reversed() where i > 0 && r.oneIn(2) { blocks.swapAt(i, r.int(i + 1)) }
        var lines = blocks.flatMap { [$0, r.oneIn(3) ? [""] : []].flatMap { $0 } }
        if r.oneIn(4) { lines.insert(comment(), at: 0) }
        noise(&lines)
        if r.oneIn(odd < 10 ? 2 : 6) { mutate(&lines) }
        if r.oneIn(30) { lines[0] = "\u{FEFF}" + lines[0] }
        return lines
    }

    /// Rare odd lines and characters: trailing spaces, comments at any column, documents,
    /// tabs, carriage returns, odd line breaks.
    mutating func noise(_ lines: inout [String]) {
        var i = 0
        while i < lines.count {
            if r.oneIn(25) { lines[i] += r.spaces(1, 3) }
            if r.oneIn(40) { lines.insert(col(r.int(10)) + comment(), at: i); i += 1 }
            if r.oneIn(40 * odd) { lines.insert(r.pick(["---", "...", "--- x", "%YAML 1.1", "\t", "- x", "? x", ": y", " \u{2028}", "x\u{85}y"]), at: i); i += 1 }
            if r.oneIn(60 * odd) { lines[i] += "\r" }
            i += 1
        }
    }

    /// Line edits: delete, duplicate, indent, dedent, insert a character, swap, join.
    mutating func mutate(_ lines: inout [String]) {
        for _ in 0..<(1 + r.int(3)) where !lines.isEmpty {
            let i = r.int(lines.count)
            switch r.int(8) {
            case 0: lines.remove(at: i)
            case 1: lines.insert(lines[i], at: i)
            case 2: lines[i] = r.spaces(1, 2) + lines[i]
            case 3: lines[i] = String(lines[i].drop { $0 == " " }.isEmpty ? "" : lines[i].dropFirst(min(1 + r.int(2), lines[i].prefix { $0 == " " }.count)))
            case 4, 5:
                let s = lines[i]
                let at = s.index(s.startIndex, offsetBy: r.int(s.count + 1))
                lines[i] = String(s[..<at]) + r.pick(["'", "\"", "#", " #", ":", ": ", "[", "{", "- ", "|", ">", " ", "&a ", "*a", "\\"]) + String(s[at...])
            case 6: if i + 1 < lines.count { lines.swapAt(i, i + 1) }
            default: if i + 1 < lines.count { lines[i] += " " + lines.remove(at: i + 1).drop { $0 == " " } }
            }
        }
    }
}

/// The fuzz's judge: `ExampleBlocks.blanked` against Yams on the whole text.
enum ExampleBlocksOracle {
    enum Level { case root, rules, rule, other }

    /// Whether `cut` is `full` without some of the `examples` keys of the items of the
    /// top-level `rules:` list (an examples value the scanner does not cut is left whole:
    /// the loader skips it), node for node: kind, mark, value, style, tag. `dropped` counts
    /// the keys left out.
    static func same(_ full: Node?, _ cut: Node?, _ level: Level, dropped: inout Int) -> Bool {
        guard let full, let cut else { return full == nil && cut == nil }
        guard full.mark?.line == cut.mark?.line, full.mark?.column == cut.mark?.column,
              full.tag.description == cut.tag.description else { return false }
        switch (full, cut) {
        case (.scalar(let a), .scalar(let b)): return a.string == b.string && a.style == b.style
        case (.alias(let a), .alias(let b)): return a.anchor == b.anchor
        case (.sequence(let a), .sequence(let b)):
            guard a.count == b.count, a.style == b.style else { return false }
            return zip(a, b).allSatisfy { same($0, $1, level == .rules ? .rule : .other, dropped: &dropped) }
        case (.mapping(let a), .mapping(let b)):
            guard a.style == b.style else { return false }
            var j = b.startIndex
            for pair in a {
                let keep = j < b.endIndex && b[j].key.mark?.line == pair.key.mark?.line && b[j].key.mark?.column == pair.key.mark?.column
                if !keep, level == .rule, pair.key.string == "examples" {
                    dropped += 1
                    continue
                }
                guard keep, same(pair.key, b[j].key, .other, dropped: &dropped),
                      same(pair.value, b[j].value, level == .root && pair.key.string == "rules" ? .rules : .other, dropped: &dropped)
                else { return false }
                j = b.index(after: j)
            }
            return j == b.endIndex
        default: return false
        }
    }

    /// The lines (from 1) of an error's place and of the place of what it was reading.
    static func marks(_ error: Error) -> [Int] {
        switch error as? YamlError {
        case .scanner(let c, _, let m, _)?, .parser(let c, _, let m, _)?, .composer(let c, _, let m, _)?:
            return [m.line] + (c.map { [$0.mark.line] } ?? [])
        case .duplicatedKeysInMapping(_, let c)?: return [c.mark.line]
        default: return []
        }
    }

    /// nil when the cut is right or given up; else what went wrong. `outcome` names the case
    /// for the tallies. The cut text differs from the whole only in lines left empty, so:
    /// - the whole text composes: the cut text composes to its tree without some of the
    ///   rules' `examples` keys (at least one), node for node;
    /// - the whole text is an error: the cut text may be one too; it may compose only when
    ///   the error was in what the cut took away (on a blanked line, or on the first line
    ///   after one but blank lines, where libyaml finds a block's last token unfinished), or
    ///   when the error is a rule's second `examples` key. Loads that read the examples
    ///   (`claimex test`) still report those errors; loads that skip them need not.
    static func check(_ text: String, outcome: inout String) -> String? {
        guard let blanked = ExampleBlocks.blanked(text) else { outcome = "gave up"; return nil }
        if blanked == text { outcome = "nothing cut"; return nil }
        // Lines as libyaml and the scanner count them (a Character "\r\n" is one).
        let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        let cutLines = blanked.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.count == cutLines.count, zip(lines, cutLines).allSatisfy({ $1.isEmpty || $0.elementsEqual($1) }) else {
            return "lines not kept in place"
        }
        let fullTree = Result { try Yams.compose(yaml: text, .basic) }
        let cutTree = Result { try Yams.compose(yaml: blanked, .basic) }
        switch (fullTree, cutTree) {
        case (.success(let f), .success(let c)):
            var dropped = 0
            guard same(f, c, .root, dropped: &dropped) else { return "different trees" }
            guard dropped > 0 else { return "lines blanked but no examples key dropped" }
            outcome = "cut, same tree"
            return nil
        case (.success, .failure(let e)):
            return "whole text composes, cut text does not: \(e)"
        case (.failure(YamlError.duplicatedKeysInMapping(let keys, _)), .success) where keys == ["examples"]:
            // A rule with two examples keys: an error only while the examples are read.
            outcome = "examples twice, cut composes"
            return nil
        case (.failure(let e), .success):
            // An error the cut takes away must be inside a blanked block: on a blanked line,
            // or on the first line after one but blank lines, where libyaml finds that a
            // block's last token went wrong (a simple key that never found its ':'); or what
            // it was reading began on a blanked line.
            let blanked = { (k: Int) in k >= 0 && k < lines.count && cutLines[k].isEmpty && !lines[k].isEmpty }
            let inside = marks(e).enumerated().contains { n, line in
                var k = line - 1
                if n == 0 && !blanked(k) {
                    k -= 1
                    while k >= 0 && !blanked(k) && lines[k].allSatisfy({ $0 == 0x20 }) { k -= 1 }
                }
                return blanked(k)
            }
            guard inside else { return "whole text is an error outside the blocks, cut text composes: \(e)" }
            outcome = "error inside a block, cut composes"
            return nil
        case (.failure, .failure):
            outcome = "both errors"
            return nil
        }
    }
}

extension ExampleBlocksTests {
    /// Generated and mutated rule files: every cut gives the whole file's tree without its
    /// rules' `examples` keys, or the scanner gives up. Seeded and bounded (a few seconds);
    /// `EXAMPLEBLOCKS_FUZZ=N` runs N cases per kind instead, `EXAMPLEBLOCKS_SEED` another seed.
    func testDifferentialFuzz() throws {
        let env = ProcessInfo.processInfo.environment
        let count = Int(env["EXAMPLEBLOCKS_FUZZ"] ?? "") ?? 3000
        let seed = UInt64(env["EXAMPLEBLOCKS_SEED"] ?? "") ?? 20261207
        var fuzzer = RuleFileFuzzer(r: FuzzRandom(state: seed))
        var tally: [String: Int] = [:]
        var failures: [(String, String)] = []
        var kind = ""
        func run(_ text: String) {
            var outcome = "?"
            defer { tally[kind + " " + outcome, default: 0] += 1 }
            if let why = ExampleBlocksOracle.check(text, outcome: &outcome) {
                failures.append((why, text))
                outcome = "FAIL"
            }
        }
        // Empty and near-empty texts, documents, a BOM.
        kind = "edge"
        let rule = "rules:\n  - id: a\n    examples:\n      match: [x]\n"
        for text in ["", "\n", " ", "# c", "\u{FEFF}", "rules:", "rules:\n", "examples:\n  x: y\n", "rules:\n  - id: a\n    examples:",
                     "rules:\n  - id: a\n    examples:\n", rule, "\u{FEFF}" + rule, "---\n" + rule, rule + "...\n", rule + "---\n",
                     "--- # c\n" + rule, "%YAML 1.1\n---\n" + rule, rule.replacingOccurrences(of: "\n", with: "\r\n")] {
            run(text)
        }
        for _ in 0..<count {
            let lines = fuzzer.file()
            kind = fuzzer.odd < 10 ? "odd" : "clean"
            run(lines.joined(separator: fuzzer.r.oneIn(50) ? "\r\n" : "\n") + (fuzzer.r.oneIn(10) ? "" : "\n"))
        }

        // Windows of the repository's rule files (a few rules each, under `rules:`), mutated.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var ruleLines: [[Substring]] = []
        for name in ["claim", "figure", "position", "recommendation"] {
            let text = try String(contentsOf: root.appendingPathComponent("rules/\(name).yaml"), encoding: .utf8)
            ruleLines.append(text.split(separator: "\n", omittingEmptySubsequences: false))
        }
        kind = "window"
        for _ in 0..<count {
            let file = fuzzer.r.pick(ruleLines)
            let starts = file.indices.filter { file[$0].hasPrefix("  - id:") }
            let from = fuzzer.r.pick(starts)
            let upTo = starts.first { $0 > from + 10 * (1 + fuzzer.r.int(3)) } ?? file.count
            var lines = ["rules:"] + file[from..<upTo].map(String.init)
            fuzzer.mutate(&lines)
            if fuzzer.r.oneIn(3) { fuzzer.mutate(&lines) }
            run(lines.joined(separator: "\n"))
        }
        let summary = tally.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
        print("ExampleBlocks fuzz, \(tally.values.reduce(0, +)) cases: \(summary)")
        var seen = Set<String>()
        for (why, text) in failures where seen.insert(String(why.prefix(60))).inserted {
            XCTFail("\(why)\n---\n\(text)\n---")
        }
        XCTAssertEqual(failures.count, 0)
    }
}

extension ExampleBlocksTests {
    /// The divergences the fuzz (and reading the scanner) found: each composes whole, and
    /// the scanner once cut it to another tree or to an error.
    func testFuzzRegressions() throws {
        let cases: [(String, String)] = [
            ("a sequence at the examples key's column",
             "rules:\n  - id: a\n    examples:\n    - x\n    pattern: y\n"),
            ("a plain scalar's next line starting with a quote",
             "rules:\n  - id: a\n    description: plain\n      \"open\nother: # \"\n  - id: b\n    examples:\n      match: [x]\n"),
            ("a plain scalar's next line starting with an apostrophe",
             "rules:\n  - id: a\n    description: plain\n      'open\nother: # '\n  - id: b\n    examples:\n      match: [x]\n"),
            ("rules: a mapping, not a sequence",
             "rules:\n  sub:\n    - id: a\n      examples:\n        match: [x]\n"),
            ("rules: items that are sequences",
             "rules:\n  - - id: a\n      examples:\n        match: [x]\n"),
            ("a line separator (LS) is a line break to libyaml",
             "rules:\n  - id: a\n    description: x\u{2028}other:\n    examples:\n      match: [x]\n"),
            ("a comment inside a flow collection hides its bracket",
             "rules:\n  - id: a\n    tags: [x, #]\n    examples:\n      z]\n"),
            ("an anchor inside the examples, its alias outside",
             "rules:\n  - id: a\n    examples:\n      match: [&a x]\n    tags: [*a]\n"),
            ("a flow collection as a key, then a block scalar",
             "rules:\n  - id: a\n    [k]: |\n      \"open\nother: # \"\n  - id: b\n    examples:\n      match: [x]\n"),
            ("a key with a space, then a quoted scalar over lines",
             "rules:\n  - id: a\n    a b: \"x\n    examples:\n      y\"\n"),
            ("(still cut) a comment less deep than a block scalar's text ends the scalar",
             "rules:\n  - id: a\n    pattern: |\n        text\n      # a comment\n    examples:\n      match: [x]\n"),
            ("a block scalar's header on a line of its own, its text less deep",
             "rules:\n  - id: a\n    pattern:\n      |\n     \"open\nother: # \"\n  - id: b\n    examples:\n      match: [x]\n"),
        ]
        for (name, text) in cases {
            XCTAssertNoThrow(try Yams.compose(yaml: text, .basic), name)
            var outcome = ""
            XCTAssertNil(ExampleBlocksOracle.check(text, outcome: &outcome), name)
        }
    }
}
