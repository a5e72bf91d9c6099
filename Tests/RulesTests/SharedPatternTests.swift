import Foundation
import XCTest
@testable import Rules

/// Named patterns parsed and compiled once for all their references (`SharedPattern`) give
/// the same programs as each reference parsed and compiled where it stands.
final class SharedPatternTests: XCTestCase {
    /// The repository's rule files, lexicons and unit registry, as `RuleSet.load(files:)` takes them.
    static func repositoryRuleFiles() throws -> [(path: String, data: Data)] {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules")
        var files: [(path: String, data: Data)] = []
        for rel in (FileManager.default.subpaths(atPath: dir.path) ?? []).sorted()
        where rel.hasSuffix(".yaml") || rel.hasSuffix(".txt") || rel.hasSuffix(".tsv") {
            files.append((rel, try Data(contentsOf: dir.appendingPathComponent(rel))))
        }
        return files
    }

    /// The repository's rules, loaded both ways: every rule's pattern and vetoes compile to the
    /// same instructions, tests, offsets, filters, guards, requirements and trigger, and the
    /// vocabulary gets the same ids.
    func testDefaultRulesCompileAlikeShared() throws {
        let files = try Self.repositoryRuleFiles()
        let shared = try RuleSet.load(files: files, sharingPatterns: true)
        let apart = try RuleSet.load(files: files, sharingPatterns: false)
        XCTAssertGreaterThan(shared.rules.count, 100)
        assertSame(shared, apart)
    }

    /// A bounded repetition's later copies copied from the first (`emit(repeated:_:)`): the
    /// repository's rules compile to the same programs, guards, triggers and vocabulary as
    /// with every copy emitted again; so do patterns with captures, `>>`, shared fragments,
    /// lexicons, nested and lazy repetitions inside repetitions.
    func testRepetitionCopiesCompileAlike() throws {
        let files = try Self.repositoryRuleFiles()
        let yaml = """
            patterns:
              opt: '(also | again | ~see | %num | "''s" | @hedges)'
              grp: '(the | a) (%ADJ | &say){0,2} (<opt>){1,3}'
            rules:
              - {id: a, tag: claim, description: d, pattern: '(<opt> | %word-TO | (Mr | Dr) "."){1,12} to {x: %VB}'}
              - {id: b, tag: claim, description: d, pattern: '(we | they) ({w: %word} | ","){0,4} >> ((<grp>)..2 | said){1,5} that'}
              - {id: c, tag: claim, description: d, pattern: '((a | b (c)?){0,3} d){2,4}? e', unless: ['(x | y){1,6} z']}
              - {id: d, tag: claim, description: d, pattern: '^ (<grp> ","?){1,4} (%word){0,8} $'}
            """
        let lexicon = (path: "lexicons/hedges.txt", data: Data("may\nmight well\n".utf8))
        for set in [files, [("r.yaml", Data(yaml.utf8)), lexicon]] {
            PatternCompiler.copiesRepetitions = false
            let written = try RuleSet.load(files: set)
            PatternCompiler.copiesRepetitions = true
            let copied = try RuleSet.load(files: set)
            XCTAssertGreaterThanOrEqual(copied.rules.count, 4)
            assertSame(copied, written)
            XCTAssertEqual(copied.vocab.count, written.vocab.count)
        }
    }

    /// A file's definitions are checked with their references shared (`checkDefinitions`):
    /// files with faults in definitions, used directly, through other definitions, or not at
    /// all, report the same diagnostics, in the same order, and the same warnings, as when
    /// every definition is checked written out; and the repository's rules warn alike.
    func testDefinitionChecksReportAlikeShared() throws {
        let rule = "rules:\n  - {id: r, tag: claim, description: d, pattern: "
        let big = "(a | b | c | d | e | f | g | h){50}"
        let files = [
            "patterns:\n  x: 'a (b'\n  y: 'c <x>'\n" + rule + "'<y> c'}\n",
            "patterns:\n  y: 'c <x> @nolex'\n  x: 'a @nolex2 b'\n" + rule + "'<y> c'}\n",
            "patterns:\n  x: 'a @nolex b'\n  y: 'c <x>'\n  z: '<y> d'\n" + rule + "'<z> c'}\n",
            "patterns:\n  x: '\(big)'\n  y: '<x> <x> <x>'\n  z: '(<y> e){4}'\n" + rule + "'<z>'}\n",
            "patterns:\n  x: 'a b'\n  y: 'c <x>'\n  u: 'never <x> used'\n" + rule + "'<y> c', unless: ['<x> d']}\n",
            "patterns:\n  x: 'a >> b'\n  y: 'c <x>'\n" + rule + "'<y> c'}\n",
            "patterns:\n  x: 'a ..'\n  y: '<x>{2} %numb'\n" + rule + "'<y> c'}\n",
            "patterns:\n  x: 'a {n: b}'\n  y: '<x> {n: c}'\n" + rule + "'<y> c'}\n",
            "patterns:\n  x: 'a b'\n  y: 'c <x> ) d'\n  z: '<y> <x>'\n" + rule + "'<x> c'}\n",
        ]
        let faulty = assertReportsAlikeShared(files)
        XCTAssertGreaterThanOrEqual(faulty, 7)
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules")
        var repo: [(path: String, data: Data)] = []
        for rel in (FileManager.default.subpaths(atPath: dir.path) ?? []).sorted()
        where rel.hasSuffix(".yaml") || rel.hasSuffix(".txt") || rel.hasSuffix(".tsv") {
            repo.append((rel, try Data(contentsOf: dir.appendingPathComponent(rel))))
        }
        XCTAssertEqual(try RuleSet.load(files: repo, sharingPatterns: true).warnings.map(\.description),
                       try RuleSet.load(files: repo, sharingPatterns: false).warnings.map(\.description))
    }

    /// Programs frozen on the `Freezer`'s thread while the loader compiles get the same split
    /// guards and code as programs frozen as they are compiled, and match alike.
    func testDefaultRulesFreezeAlikeAside() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        var files: [(path: String, data: Data)] = []
        for rel in (FileManager.default.subpaths(atPath: root.appendingPathComponent("rules").path) ?? []).sorted()
        where rel.hasSuffix(".yaml") || rel.hasSuffix(".txt") || rel.hasSuffix(".tsv") {
            files.append((rel, try Data(contentsOf: root.appendingPathComponent("rules").appendingPathComponent(rel))))
        }
        let aside = try RuleSet.load(files: files, sharingPatterns: true, freezingAside: true)
        let inline = try RuleSet.load(files: files, sharingPatterns: true, freezingAside: false)
        XCTAssertTrue(aside.rules.allSatisfy { $0.program.freezeID >= 0 })
        XCTAssertTrue(inline.rules.allSatisfy { $0.program.freezeID < 0 })
        assertSame(aside, inline)
        func ops(_ p: Program) -> [String] { p.code.ops.map { "\($0.kind) \($0.a) \($0.b)" } }
        for (x, y) in zip(aside.rules, inline.rules) {
            XCTAssertEqual(ops(x.program), ops(y.program), x.id)
            XCTAssertEqual(x.unless.map(ops), y.unless.map(ops), x.id)
        }
        let text = try String(contentsOf: root.appendingPathComponent("samples/pism-2024-putin-visit-china.txt"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init).filter { $0.count > 40 }
        XCTAssertGreaterThan(lines.count, 10)
        for s in lines {
            XCTAssertEqual(aside.matches(s).map { "\($0.ruleID) \($0.range)" }, inline.matches(s).map { "\($0.ruleID) \($0.range)" }, s)
        }
    }

    /// Definitions used nested, joined into the top level, quantified, inside captures and
    /// alternatives, in vetoes, as a single token, and one holding a capture.
    func testEveryKindOfReferenceCompilesAlike() throws {
        let yaml = """
            patterns:
              one: '%cap'
              word: 'said'
              pair: '(the | a) <one>'
              pairs: '<pair> (and <pair>){0,2}'
              verb: '~say | ~claim | <word> | stated | "made clear"'
              named: '{who: <pairs>}'
              tagged: '%NOUN &defend'
            rules:
              - {id: a, tag: claim, description: d, pattern: '<pairs> <verb> that', unless: ['<pairs> <verb> nothing']}
              - {id: b, tag: claim, description: d, pattern: '^ (<pairs>)? {what: <verb>} ..3 <one>'}
              - {id: c, tag: claim, description: d, pattern: '(<one> | <word> | <pair>){1,3} >> <verb>'}
              - {id: d, tag: claim, description: d, pattern: '<named> <verb> <named>'}
              - {id: e, tag: claim, description: d, pattern: 'then <tagged> <pair>* $'}
              - {id: f, tag: claim, description: d, pattern: '<pairs>'}
            """
        let files: [(path: String, data: Data)] = [("rules.yaml", Data(yaml.utf8))]
        let shared = try RuleSet.load(files: files, sharingPatterns: true)
        let apart = try RuleSet.load(files: files, sharingPatterns: false)
        XCTAssertEqual(shared.rules.count, 6)
        assertSame(shared, apart)
        // And they match alike.
        for s in ["The Kremlin and a Minister said that it would.", "Then the defence a Party and the State",
                  "the Party stated nothing", "A Minister claimed so, the Parliament"] {
            XCTAssertEqual(shared.matches(s).map { "\($0.ruleID) \($0.range)" }, apart.matches(s).map { "\($0.ruleID) \($0.range)" }, s)
        }
    }

    /// The parser puts the shared parse where its reference stands (not parsing it again),
    /// joins a top-level one into the pattern's sequence, and shifts a leaf to its place.
    func testParserUsesSharedParse() throws {
        let share = SharedPattern(name: "x", node: try PatternParser.parse("((a | b) c)"))
        let node = try PatternParser.parse("((a | b) c) d ((a | b) c)?", references: [0, 14], phrases: &phrases,
                                           shared: [0: (share, 11), 14: (share, 25)])
        guard case .sequence(let items, _) = node, items.count == 4 else { return XCTFail("\(node)") }
        guard case .reference(_, 0, let r) = items[0], r == 1..<8 else { return XCTFail("\(items[0])") }
        guard case .token(_, let c) = items[1], c == 9..<10 else { return XCTFail("\(items[1])") }
        guard case .repetition(.reference(let s, 14, let whole), 0, 1, false, _) = items[3], s === share,
              whole == 14..<25 else { return XCTFail("\(items[3])") }
        let leaf = SharedPattern(name: "y", node: try PatternParser.parse("(word)"))
        let one = try PatternParser.parse("say (word)", references: [4], phrases: &phrases, shared: [4: (leaf, 10)])
        guard case .sequence(let two, _) = one, case .token(_, let w) = two[1], w == 5..<9 else { return XCTFail("\(one)") }
    }
    private var phrases = PatternParser.Phrases()

    /// A mistake after a shared reference and inside a definition are still located where
    /// they are written.
    func testErrorsAroundSharedReferences() {
        let yaml = "patterns:\n  x: 'a long definition of words'\n  y: 'b <x>'\n"
            + "rules:\n  - {id: r, tag: claim, description: d, pattern: '<y> <x> @nolex'}\n"
        do {
            _ = try makeRuleSet(yaml)
            XCTFail("no error")
        } catch {
            XCTAssertEqual(error.diagnostics.first.map { "\($0.line):\($0.column)" }, "5:59", "\(error.diagnostics)")
        }
    }

    private func assertSame(_ a: RuleSet, _ b: RuleSet, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.rules.count, b.rules.count, file: file, line: line)
        XCTAssertEqual(a.vocab.count, b.vocab.count, file: file, line: line)
        for (x, y) in zip(a.rules, b.rules) {
            let (dx, dy) = (describe(x.program), describe(y.program))
            if dx != dy {
                let k = zip(dx, dy).prefix { $0 == $1 }.count
                XCTFail("\(x.id): \(dx.dropFirst(max(0, k - 150)).prefix(300)) VS \(dy.dropFirst(max(0, k - 150)).prefix(300))", file: file, line: line)
            }
            XCTAssertEqual(x.unless.map(describe), y.unless.map(describe), x.id, file: file, line: line)
            XCTAssertEqual(x.trigger, y.trigger, x.id, file: file, line: line)
        }
    }

    /// Everything a program holds but its frozen code (made from the rest).
    private func describe(_ p: Program) -> String {
        var q = p
        q.code = .empty
        q.freezeID = -1
        return String(describing: q)
    }
}
