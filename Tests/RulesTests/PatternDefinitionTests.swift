import XCTest
@testable import Rules

/// Named sub-patterns: `patterns:` at file level, used as `<name>`.
final class PatternDefinitionTests: XCTestCase {
    /// Each case: the file, the line of the error and the text the caret must point at (its
    /// first occurrence on that line), and a part of the message.
    func testErrorTable() {
        let rule = "rules:\n  - {id: r, tag: claim, description: d, pattern: "
        let cases: [(yaml: String, line: Int, at: String, message: String)] = [
            // syntax error inside a definition: at its place in the definition, single-quoted
            ("patterns:\n  x: 'a (b'\n" + rule + "'<x> c'}\n", 2, "(b", "unclosed '('"),
            // ... and in a folded block, on its second line (unknown lexicon found when compiling)
            ("patterns:\n  x: >-\n    a b\n    so @nolex c\n" + rule + "'<x> c'}\n", 4, "@nolex", "unknown lexicon '@nolex'"),
            // a definition used through another one: still at its own place
            ("patterns:\n  x: 'a %numb'\n  y: 'b <x>'\n" + rule + "'<y> c'}\n", 2, "%numb", "unknown token class '%numb'"),
            // unknown name: at the reference, in a rule, an unless pattern and a definition
            ("patterns:\n  x: a\n" + rule + "'c <y> d'}\n", 4, "<y>", "unknown pattern '<y>' (defined in this file: <x>)"),
            ("patterns:\n  x: a\n" + rule + "'<x> c', unless: ['b', 'c <xx>']}\n", 4, "<xx>", "unknown pattern '<xx>'"),
            (rule + "'c <y> d'}\n", 2, "<y>", "unknown pattern '<y>' (no 'patterns:' in this file)"),
            ("patterns:\n  x: 'a <z>'\n" + rule + "'<x> c'}\n", 2, "<z>", "unknown pattern '<z>'"),
            // a definition that refers to itself, directly or through others: at the reference
            ("patterns:\n  x: 'a <x>?'\n" + rule + "'<x> c'}\n", 2, "<x>", "pattern '<x>' refers to itself (<x> -> <x>)"),
            ("patterns:\n  x: 'a <y>'\n  y: 'b (<x> | c)'\n" + rule + "'<x> c'}\n", 3, "<x>", "pattern '<x>' refers to itself (<x> -> <y> -> <x>)"),
            // duplicate definition: YAML's duplicate-key check, reported at the repeat
            ("patterns:\n  x: a\n  x: b\n" + rule + "'<x> c'}\n", 3, "x: b", "duplicate key x (first at line 2)"),
            // a syntax error after a reference keeps its own column
            ("patterns:\n  x: 'a long definition of words'\n" + rule + "'<x> (c | d) %numb'}\n", 4, "%numb", "unknown token class '%numb'"),
            ("patterns:\n  x: 'a long definition of words'\nrules:\n  - id: r\n    tag: claim\n    description: d\n    pattern: >-\n      <x> <x>{2,1}\n      e\n", 8, "{2,1}", "maximum is below the minimum"),
            // '<' that is no reference; a bad name; a bad mapping or value
            ("patterns:\n  x: a\n" + rule + "'c <x d'}\n", 4, "<x", "'<' starts a reference to a named pattern"),
            ("patterns:\n  'x y': a\n" + rule + "'c'}\n", 2, "'x y'", "a pattern name must be letters, digits"),
            ("patterns: [a, b]\n" + rule + "'c'}\n", 1, "[a", "'patterns' must be a mapping"),
            ("patterns:\n  x: [a]\n" + rule + "'<x>'}\n", 2, "[a]", "pattern '<x>' must be a string"),
        ]
        for c in cases {
            do {
                _ = try makeRuleSet(c.yaml)
                XCTFail("no error for \(c.message)")
            } catch {
                guard let first = error.diagnostics.first else { XCTFail("empty"); continue }
                let lines = c.yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let line = lines[c.line - 1]
                guard let r = line.range(of: c.at) else { XCTFail("'\(c.at)' not on line \(c.line)"); continue }
                let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: r.lowerBound) + 1
                XCTAssertEqual("\(first.file):\(first.line):\(first.column)", "rules.yaml:\(c.line):\(column)", "\(c.message): \(first)")
                XCTAssertTrue(first.message.contains(c.message), "\(first.message) lacks \(c.message)")
                XCTAssertEqual(first.severity, RuleDiagnostic.Severity.error)
                XCTAssertTrue(first.description.hasSuffix("^"), first.description)
                // A definition's mistake is reported once, not again at each use.
                XCTAssertEqual(error.diagnostics.filter { $0.severity == .error }.count, 1, "\(c.message): \(error.diagnostics)")
            }
        }
    }

    func testMistakeInDefinitionReportedOnceForManyUses() {
        let yaml = "patterns:\n  x: 'a %numb'\n  y: '<x> b'\nrules:\n"
            + "  - {id: r, tag: claim, description: d, pattern: '<x> <y>', unless: ['<x>', '<y>']}\n"
            + "  - {id: s, tag: claim, description: d, pattern: '<y>{2}'}\n"
        do {
            _ = try makeRuleSet(yaml)
            XCTFail("no error")
        } catch {
            XCTAssertEqual(error.diagnostics.map { "\($0.line):\($0.column)" }, ["2:9"], "\(error.diagnostics)")
        }
    }

    func testEmptyDefinition() {
        do {
            _ = try makeRuleSet("patterns:\n  x: ''\nrules:\n  - {id: r, tag: claim, description: d, pattern: '<x> c'}\n")
            XCTFail("no error")
        } catch {
            XCTAssertEqual(error.diagnostics.map { "\($0.line):\($0.column) \($0.message)" }, ["2:7 empty pattern"])
        }
    }

    func testUnusedDefinitionIsAWarning() throws {
        let set = try makeRuleSet("patterns:\n  used: a\n  spare: b\n  also-spare: '<spare> c'\nrules:\n"
            + "  - {id: r, tag: claim, description: d, pattern: '<used> d'}\n")
        let unused = set.warnings.filter { $0.message.contains("defined but no rule") }
        XCTAssertEqual(unused.map { "\($0.line):\($0.column) \($0.severity)" }, ["3:3 warning", "4:3 warning"], "\(set.warnings)")
        XCTAssertTrue(unused[0].message.contains("'<spare>'"), unused[0].message)
    }

    /// A rule written with `<name>` compiles to the same program as the written-out pattern
    /// (same instructions, tests, elements, trigger) and so matches the same tokens with the
    /// same captures.
    func testReferenceEqualsWrittenOutPattern() throws {
        let lexicons = ["actors": "Russia\nChina\nthe EU\nthe West\n", "nouns": "states\npowers\ngovernments\n",
                        "openers": "that\nwhy\n"]
        let group = #"(@actors | (all | the)? (nuclear | European){0,2} @nouns) (of the? (@actors | region))?"#
        let start = #"(^ | "," | ";") (and | but)? @openers? | @openers"#
        let written = #"((^ | "," | ";") (and | but)? @openers? | @openers) {who: ((@actors | (all | the)? (nuclear | European){0,2} @nouns) (of the? (@actors | region))?) ((and | or | ",") ((@actors | (all | the)? (nuclear | European){0,2} @nouns) (of the? (@actors | region))?)){0,3}} (also)? (should | must) {action: %word-cap %word{0,5}}"#
        let writtenVeto = #"((^ | "," | ";") (and | but)? @openers? | @openers) ((@actors | (all | the)? (nuclear | European){0,2} @nouns) (of the? (@actors | region))?) ((and | or | ",") ((@actors | (all | the)? (nuclear | European){0,2} @nouns) (of the? (@actors | region))?)){0,3} (should | must) be"#
        let named = "patterns:\n  start: '\(start)'\n  one: '\(group)'\n  group: '<one> ((and | or | \",\") <one>){0,3}'\nrules:\n"
            + "  - id: r\n    tag: claim\n    description: d\n"
            + "    pattern: '<start> {who: <group>} (also)? (should | must) {action: %word-cap %word{0,5}}'\n"
            + "    unless: '<start> <group> (should | must) be'\n"
        let plain = "rules:\n  - id: r\n    tag: claim\n    description: d\n    pattern: '\(written)'\n    unless: '\(writtenVeto)'\n"
        let a = try makeRuleSet(named, lexicons: lexicons), b = try makeRuleSet(plain, lexicons: lexicons)
        let ra = a.rules[0], rb = b.rules[0]
        XCTAssertEqual(String(describing: ra.program.insts), String(describing: rb.program.insts))
        XCTAssertEqual(String(describing: ra.program.tests), String(describing: rb.program.tests))
        XCTAssertEqual(ra.program.elements.count, rb.program.elements.count)
        XCTAssertEqual(ra.trigger, rb.trigger)
        XCTAssertEqual(String(describing: ra.unless[0].insts), String(describing: rb.unless[0].insts))
        XCTAssertEqual(ra.unless[0].elements.count, rb.unless[0].elements.count)
        XCTAssertEqual(String(describing: ra.program.anchor), String(describing: rb.program.anchor))
        let sentences = [
            "Russia and China should strengthen their ties.",
            "In our view, all nuclear powers must refrain from testing, and the EU should act.",
            "We think that European governments, the West or China also should pay the bill.",
            "The states of the region must be consulted.",
            "Russia should act, but the role of China must grow.",
        ]
        var matched = 0
        for s in sentences {
            let ma = a.matches(s), mb = b.matches(s)
            matched += ma.count
            XCTAssertEqual(ma.map(\.range), mb.map(\.range), s)
            XCTAssertEqual(ma.map { $0.captures.map { "\($0.name)=\(text(s, $0.range))" } },
                           mb.map { $0.captures.map { "\($0.name)=\(text(s, $0.range))" } }, s)
        }
        XCTAssertGreaterThanOrEqual(matched, 3)
    }

    /// Quantifiers and captures apply to the whole definition; a quoted '<' is a token.
    func testReferenceIsOneAtom() throws {
        let set = try makeRuleSet("patterns:\n  pair: 'a b'\nrules:\n"
            + "  - {id: r, tag: claim, description: d, pattern: '{p: <pair>{2}} \"<\" c'}\n")
        let s = "x a b a b < c"
        let m = try XCTUnwrap(set.matches(s).first)
        XCTAssertEqual(text(s, m.range), "a b a b < c")
        XCTAssertEqual(m.captures.map { text(s, $0.range) }, ["a b a b"])
        XCTAssertTrue(set.matches("a b < c").isEmpty)
    }

    /// The real rule files define the addressee group once and load as before.
    func testRepositoryRulesUseDefinitions() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules").path
        let set = try RuleSet.load(directory: dir)
        XCTAssertFalse(set.warnings.contains { $0.message.contains("defined but no rule") }, "\(set.warnings)")
        let text = try String(contentsOfFile: dir + "/recommendation.yaml", encoding: .utf8)
        XCTAssertEqual(text.components(separatedBy: "@addressee-nouns-singular").count - 1, 1)
    }
}
