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
            // nested bounded repetitions multiply: refused at load, at the innermost part over the limit
            (head + "  - {id: x, tag: claim, description: d, pattern: '(((a?){50}){50}){50} b'}\n", 6, 51, "this repetition compiles to 250000 matcher instructions, over the limit of 8192"),
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
            // `>>`: once, in the pattern's own sequence, with something sure to match after it
            (head + "  - {id: x, tag: claim, description: d, pattern: 'a (b >> c)'}\n", 6, 56, "belongs in the pattern's own sequence"),
            (head + "  - {id: x, tag: claim, description: d, pattern: 'a >> b | c'}\n", 6, 53, "belongs in the pattern's own sequence"),
            (head + "  - {id: x, tag: claim, description: d, pattern: 'a >> b >> c'}\n", 6, 58, "a second '>>'"),
            (head + "  - {id: x, tag: claim, description: d, pattern: 'a >> b?'}\n", 6, 53, "nothing after '>>'"),
            (head + "  - {id: x, tag: claim, description: d, pattern: 'a > b'}\n", 6, 53, "unexpected '>'"),
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
                XCTAssertFalse(first.sourceLine.isEmpty, "\(c.message): no source line")
                XCTAssertTrue(first.description.hasSuffix("^"), first.description)
            }
        }
    }

    /// Errors libyaml finds at the end of the file are named on the (empty) line after the
    /// last: they are shown on the last line with text, the caret just after its end.
    func testErrorsAtEndOfFileShowTheLastLineAndACaret() {
        let head = "rules:\n  - id: ok\n    tag: claim\n    description: d\n"
        let flowMap = "YAML syntax: did not find expected ',' or '}' (while parsing a flow mapping at line 5)"
        let cases: [(name: String, yaml: String, at: String, message: String, line: String)] = [
            ("unclosed flow mapping, newline at the end", head + "    pattern: {x, y: z\n",
             "rules.yaml:5:22", flowMap, "    pattern: {x, y: z"),
            ("unclosed flow mapping, trailing blank lines", head + "    pattern: {x, y: z  \n\n   \n",
             "rules.yaml:5:22", flowMap, "    pattern: {x, y: z  "),
            ("unclosed flow sequence in a flow rule", "rules:\n  - {id: a, tag: claim, description: d, pattern: a, unless: [b\n",
             "rules.yaml:2:63", "YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence at line 2)",
             "  - {id: a, tag: claim, description: d, pattern: a, unless: [b"),
            ("unclosed quote", head + "    pattern: 'abc\n",
             "rules.yaml:5:18", "YAML syntax: found unexpected end of stream (while scanning a quoted scalar at line 5)",
             "    pattern: 'abc"),
            ("no newline at the end", head + "    pattern: {x, y: z", "rules.yaml:5:22", flowMap, "    pattern: {x, y: z"),
        ]
        for c in cases {
            do {
                _ = try makeRuleSet(c.yaml)
                XCTFail("no error: \(c.name)")
            } catch {
                let column = Int(c.at.split(separator: ":").last!)!
                XCTAssertEqual(error.diagnostics.first?.description,
                               "\(c.at): error: \(c.message)\n\(c.line)\n" + String(repeating: " ", count: column - 1) + "^", c.name)
            }
        }
    }

    func testCaretPastTheEndOfTheLine() {
        let d = RuleDiagnostic(file: "a.yaml", line: 1, column: 6, message: "m", sourceLine: "\tab")
        XCTAssertEqual(d.description, "a.yaml:1:6: error: m\n\tab\n\t    ^")
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
                XCTAssertTrue(error.diagnostics.first?.description.hasSuffix("^") ?? false, "\(error.diagnostics)")
            }
        }
    }

    /// The line of a byte that is not UTF-8 is shown with U+FFFD for it, the caret under it.
    func testInvalidUTF8ShowsTheLineAndACaret() {
        let bytes = Array("rules:\n  - {id: r, pattern: 'é".utf8) + [0xC3] + Array("x'}\r\n".utf8)
        do {
            _ = try RuleSet.load(files: [("rules.yaml", Data(bytes))])
            XCTFail("no error")
        } catch {
            XCTAssertEqual(error.diagnostics.first?.description,
                           "rules.yaml:2:24: error: file is not valid UTF-8 (byte 0xC3)\n"
                           + "  - {id: r, pattern: 'é\u{FFFD}x'}\n" + String(repeating: " ", count: 23) + "^")
        }
    }

    /// `''` in a block scalar is two quotes, not one: a located warning at the first of them
    /// (loading goes on); the same pattern in single quotes is one quote and no warning.
    func testDoubledQuoteInABlockScalarIsWarned() throws {
        let block = "rules:\n  - id: x\n    tag: position\n    description: d\n    pattern: >-\n      China \"''s\" view\n"
        let set = try RuleSet.load(files: [("rules.yaml", Data(block.utf8))])
        let warned = set.warnings.filter { $0.message.contains("stays two quotes") }
        XCTAssertEqual(warned.map { "\($0.line):\($0.column) \($0.severity)" }, ["6:14 warning"], "\(set.warnings)")
        let quoted = "rules:\n  - id: x\n    tag: position\n    description: d\n    pattern: 'China \"''s\" view'\n"
        let plain = try RuleSet.load(files: [("rules.yaml", Data(quoted.utf8))])
        XCTAssertFalse(plain.warnings.contains { $0.message.contains("stays two quotes") }, "\(plain.warnings)")
    }

    func testMissingDirectory() {
        XCTAssertThrowsError(try RuleSet.load(directory: "/nonexistent/rules")) { error in
            XCTAssertTrue("\(error)".contains("rules directory not found"))
        }
    }
}
