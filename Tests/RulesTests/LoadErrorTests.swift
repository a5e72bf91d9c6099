import XCTest
@testable import Rules

final class LoadErrorTests: XCTestCase {
    /// Rule text after a valid first line; each case names where the error must be reported.
    func testErrorTable() {
        let head = "rules:\n  - id: ok\n    tag: claim\n    description: d\n    pattern: 'fine'\n"
        let cases: [(yaml: String, line: Int, column: Int, message: String)] = [
            // YAML syntax
            (head + "  - id: x\n   tag: claim\n", 7, 4, "YAML syntax"),
            // unknown key in a rule, in defaults, at file level
            (head + "  - {id: x, tag: claim, description: d, pattern: a, colour: red}\n", 6, 53, "unknown key 'colour' in rule"),
            ("defaults: {tag: claim, weight: 2}\n" + head, 1, 24, "unknown key 'weight' in defaults"),
            ("options: 1\n" + head, 1, 1, "unknown key 'options' at file level"),
            // unknown tag
            (head + "  - {id: x, tag: opinion, description: d, pattern: a}\n", 6, 18, "unknown tag 'opinion'"),
            (head + "  - {id: x, tag: [claim], description: d, pattern: a}\n", 6, 18, "'tag' takes one tag, not a list"),
            // unknown lexicon, column inside the pattern mapped to the file
            (head + "  - {id: x, tag: claim, description: d, pattern: 'so @actrs ~say'}\n", 6, 54, "unknown lexicon '@actrs'"),
            // bad pattern syntax: plain, double-quoted, single-quoted with '' escape, folded block
            (head + "  - {id: x, tag: claim, description: d, pattern: (should ~act}\n", 6, 50, "unclosed '('"),
            (head + "  - id: x\n    tag: claim\n    description: d\n    pattern: \"a \\\"b\\\" %numb\"\n", 9, 23, "unknown token class '%numb'"),
            (head + "  - id: x\n    tag: claim\n    description: d\n    pattern: 'in \"''s\" %numb'\n", 9, 24, "unknown token class '%numb'"),
            (head + "  - id: x\n    tag: claim\n    description: d\n    pattern: >-\n      should\n      (act | ~do\n", 11, 7, "unclosed '('"),
            // duplicate id names both places
            (head + "  - {id: ok, tag: claim, description: d, pattern: a}\n", 6, 10, "duplicate rule id 'ok' (first defined at rules.yaml:2:9)"),
            // empty pattern
            (head + "  - {id: x, tag: claim, description: d, pattern: ''}\n", 6, 51, "empty pattern"),
            // unbounded gaps
            (head + "  - {id: x, tag: claim, description: d, pattern: 'a _* b'}\n", 6, 53, "unbounded gap"),
            (head + "  - {id: x, tag: claim, description: d, pattern: 'a .. b'}\n", 6, 53, "unbounded gap"),
            (head + "  - {id: x, tag: claim, description: d, pattern: 'a !b+ c'}\n", 6, 53, "unbounded gap"),
            // missing required keys
            (head + "  - id: x\n    tag: claim\n    pattern: a\n", 6, 5, "missing required key 'description'"),
            (head + "  - id: x\n    description: d\n    pattern: a\n", 6, 5, "missing required key 'tag' in rule (or set it in 'defaults')"),
            ("defaults: {priority: 1}\n", 1, 1, "missing required key 'rules'"),
            // bad values
            (head + "  - {id: x, tag: claim, description: d, pattern: a, priority: high}\n", 6, 63, "'priority' must be an integer"),
            (head + "  - {id: x, tag: claim, description: d, pattern: a, normalize: money}\n", 6, 64, "unknown normalizer 'money'"),
            (head + "  - {id: 'a b', tag: claim, description: d, pattern: a}\n", 6, 10, "rule 'id' must be"),
            (head + "  - {id: x, tag: claim, description: d, pattern: a, examples: {match: [a], maybe: [b]}}\n", 6, 76, "unknown key 'maybe' in examples"),
            (head + "  - {id: x, tag: claim, description: d, pattern: 'a{3,1}'}\n", 6, 52, "maximum is below the minimum"),
        ]
        for c in cases {
            do {
                _ = try makeRuleSet(c.yaml)
                XCTFail("no error for \(c.message)")
            } catch {
                guard let first = error.diagnostics.first else { XCTFail("empty"); continue }
                XCTAssertEqual("\(first.file):\(first.line):\(first.column)", "rules.yaml:\(c.line):\(c.column)", "\(c.message): \(first)")
                XCTAssertTrue(first.message.contains(c.message), "\(first.message) lacks \(c.message)")
                XCTAssertEqual(first.severity, RuleDiagnostic.Severity.error)
            }
        }
    }

    func testAllErrorsOfALoadTogetherWithCaret() {
        let yaml = """
            rules:
              - id: a
                tag: opinion
                description: d
                pattern: 'x @nope'
              - id: b
                tag: claim
                pattern: '(x'
            """
        do {
            _ = try makeRuleSet(yaml, lexicons: ["empty": "# nothing here\n\n"])
            XCTFail("no error")
        } catch {
            XCTAssertEqual(error.diagnostics.map(\.location), [
                "lexicons/empty.txt:1:1", "rules.yaml:3:10", "rules.yaml:5:17", "rules.yaml:6:5", "rules.yaml:8:15",
            ])
            XCTAssertEqual(error.diagnostics[2].description, """
                rules.yaml:5:17: error: unknown lexicon '@nope' (known: @empty)
                    pattern: 'x @nope'
                                ^
                """)
            XCTAssertTrue(error.description.hasSuffix("5 errors in rules"))
        }
    }

    /// Lexicon files and bytes that are not UTF-8: each error at its own file, line and column.
    func testLexiconAndEncodingErrors() {
        let rule = "rules:\n  - {id: r, tag: claim, description: d, pattern: '@words'}\n"
        let cases: [(files: [(String, [UInt8])], at: String, message: String)] = [
            ([("rules.yaml", Array(rule.utf8)), ("lexicons/words.txt", Array("alpha\nbe".utf8) + [0xFF] + Array("ta\n".utf8))],
             "lexicons/words.txt:2:3", "not valid UTF-8 (byte 0xFF)"),
            ([("rules.yaml", Array("rules:\n  - {id: r, tag: claim, description: d, pattern: 'é".utf8) + [0xC3] + Array("'}\n".utf8))],
             "rules.yaml:2:52", "not valid UTF-8 (byte 0xC3)"),
            ([("rules.yaml", Array(rule.utf8)), ("lexicons/words.txt", Array("# only a comment\n\n".utf8))],
             "lexicons/words.txt:1:1", "lexicon '@words' has no entries"),
            ([("rules.yaml", Array(rule.utf8)), ("lexicons/words.txt", Array("alpha\n".utf8)), ("lexicons/bad name.txt", Array("x\n".utf8))],
             "lexicons/bad name.txt:1:1", "must use only letters, digits"),
        ]
        for c in cases {
            do {
                _ = try RuleSet.load(files: c.files.map { ($0.0, Data($0.1)) })
                XCTFail("no error for \(c.message)")
            } catch {
                XCTAssertEqual(error.diagnostics.first?.location, c.at, c.message)
                XCTAssertTrue(error.diagnostics.first?.message.contains(c.message) ?? false, "\(error.diagnostics)")
            }
        }
    }

    func testMissingDirectory() {
        XCTAssertThrowsError(try RuleSet.load(directory: "/nonexistent/rules")) { error in
            XCTAssertTrue("\(error)".contains("rules directory not found"))
        }
    }
}
