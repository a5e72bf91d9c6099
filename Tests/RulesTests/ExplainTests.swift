import XCTest
@testable import Rules

final class ExplainTests: XCTestCase {
    func testExplainShowsTokensMatchesAndFurthestProgress() throws {
        let set = try RuleSet.load(directory: fixtures.appendingPathComponent("basic").path)
        let e = set.explain(sentence: Array("Russia declared that it should have support.".utf8))
        XCTAssertEqual(e.tokens.first?.text, "Russia")
        XCTAssertEqual(e.tokens.first?.classes, ["word", "cap"])
        XCTAssertTrue(e.matched.isEmpty)
        XCTAssertEqual(e.vetoed.map(\.match.ruleID), ["position.declare"])
        XCTAssertEqual(e.vetoed.first?.unless, "should")

        let miss = set.explain(sentence: Array("In China it is a view.".utf8))
        let m = try XCTUnwrap(miss.misses.first { $0.ruleID == "position.view" })
        XCTAssertEqual(m.element, 2)
        XCTAssertEqual(m.elementSource, "\"'s\"")
        XCTAssertEqual(m.token, "it")
        let out = miss.render()
        XCTAssertTrue(out.contains("position.view  position.yaml:21\n      stopped at element 3 `\"'s\"` on token 2 \"it\""), out)
        XCTAssertTrue(out.contains("rules ran"), out)
    }

    func testExplainShowsCapturesAndSuppressed() throws {
        let set = try makeRuleSet("""
            rules:
              - {id: long, tag: claim, description: d, pattern: '{cue: this indicates} growth'}
              - {id: short, tag: claim, description: d, pattern: 'indicates'}
            """)
        let e = set.explain(sentence: Array("This indicates growth".utf8))
        XCTAssertEqual(e.matched.map(\.ruleID), ["long"])
        XCTAssertEqual(e.suppressed.map(\.by), ["long"])
        let out = e.render()
        XCTAssertTrue(out.contains("cue = \"This indicates\""), out)
        XCTAssertTrue(out.contains("lost to: long"), out)
    }

    func testExplainListsEveryMatchOfARule() throws {
        let set = try makeRuleSet("""
            rules:
              - {id: pct, tag: figure, description: d, pattern: '{value: %num} %percent'}
              - {id: cond, tag: claim, description: d, pattern: '%num %percent', unless: ['if']}
            """)
        let s = "Up 47 percent and 45 percent, if 3 percent holds"
        let e = set.explain(sentence: Array(s.utf8))
        XCTAssertEqual(e.matched.map { text(s, $0.range) }, ["47 percent", "45 percent", "3 percent"])
        XCTAssertEqual(e.matched.map { text(s, $0.captures[0].range) }, ["47", "45", "3"])
        XCTAssertEqual(e.vetoed.map { text(s, $0.match.range) }, ["47 percent", "45 percent", "3 percent"])
        XCTAssertTrue(e.misses.isEmpty)
        XCTAssertTrue(e.render().contains("matched (3):"), e.render())
    }
}

final class ExplainMissTests: XCTestCase {
    /// A lexicon-only rule ties at 0 tokens on every start; the miss is where an entry got
    /// furthest (the token it broke off on, and the one it began on), not token 0.
    func testLexiconMissNamesTheFurthestToken() throws {
        let set = try makeRuleSet("""
            rules:
              - {id: actor, tag: position, description: d, pattern: '@actors'}
              - {id: said, tag: position, description: d, pattern: 'the @actors said'}
            """, lexicons: ["actors": "European Union\nWhite House\n"])
        let cases: [(sentence: String, rule: String, token: String?, index: Int, entryStart: Int?, rendered: String)] = [
            ("So the European Commission met.", "actor", "Commission", 3, 2,
             "stopped at element 1 `@actors` on token 3 \"Commission\" (entry begun on token 2 \"European\")"),
            ("So we met the European", "actor", nil, 5, 4,
             "stopped at element 1 `@actors` on end of sentence (entry begun on token 4 \"European\")"),
            ("The White Sea and the European Council", "actor", "Sea", 2, 1,
             "stopped at element 1 `@actors` on token 2 \"Sea\" (entry begun on token 1 \"White\")"),
            ("So the European Commission said.", "said", "Commission", 3, 2,
             "stopped at element 2 `@actors` on token 3 \"Commission\" (entry begun on token 2 \"European\")"),
            // A whole element consumed beats nothing: the matcher's answer when no entry began.
            ("The European Union has said so.", "said", "has", 3, nil, "stopped at element 3 `said` on token 3 \"has\"\n"),
        ]
        for c in cases {
            let e = set.explain(sentence: Array(c.sentence.utf8))
            let m = try XCTUnwrap(e.misses.first { $0.ruleID == c.rule }, c.sentence)
            XCTAssertEqual(m.token, c.token, c.sentence)
            XCTAssertEqual(m.tokenIndex, c.index, c.sentence)
            XCTAssertEqual(m.entryStart, c.entryStart, c.sentence)
            XCTAssertTrue(e.render().contains(c.rendered), e.render())
        }
    }

    func testMissNamesTheRequiredElementAfterSkippedOptionals() throws {
        let set = try makeRuleSet("""
            rules:
              - {id: declare, tag: position, description: d, pattern: '{actor: Russia|China} (has|have)? (~declare|~stress) ..2 that'}
            """)
        let cases: [(String, Int, String?)] = [
            ("Russia said that", 2, "said"),
            ("Russia has declared nothing at all", 4, "all"),
            ("so Russia declared", 4, nil),
        ]
        for (s, element, token) in cases {
            let e = set.explain(sentence: Array(s.utf8))
            let m = try XCTUnwrap(e.misses.first, s)
            XCTAssertEqual(m.element, element, s)
            XCTAssertEqual(m.token, token, s)
        }
    }
}
