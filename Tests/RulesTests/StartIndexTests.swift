import XCTest
@testable import Rules

/// The per-sentence start lists (`StartIndex`), the `^`/`$` start windows and the shared
/// `unless` results only skip work: matches must equal those of `explain`, whose diagnosing
/// run tries every start position and runs every veto itself.
final class StartIndexTests: XCTestCase {
    let lexicons = ["actors": "Russia\nChina\nthe EU\nthe European Union\n"]

    func testStartWindowsAndSameMatchesAsEveryStart() throws {
        // pattern, indexed by StartIndex, opens with ^, `$` span, sentences.
        let cases: [(String, Bool, Bool, ClosedRange<Int>?, [String])] = [
            ("{who: @actors} %word", true, false, nil, [
                "Russia said no, the EU says yes and China said maybe.", "said Russia", "the European Union said",
            ]),
            ("%num %percent", true, false, nil, ["47 % and 3 percent and 5", "%", "12 %"]),
            ("^ the? {actor: @actors} ~say", false, true, nil, ["The EU said", "Russia said and China said", "Then Russia said"]),
            ("(crucial | vital) \"?\"? $", true, false, 1...2, ["Is it crucial?", "It is vital", "vital and crucial, vital"]),
            ("\"?\" $", true, false, 1...1, ["Why?", "Why? Because.", "?"]),
            ("_ _ $", false, false, 2...2, ["one two three", "one", "a b"]),
            ("_ ..2 crucial", false, false, nil, ["it is so crucial", "crucial"]),
        ]
        for (pattern, indexed, startOnly, span, sentences) in cases {
            let set = try singleRule(pattern, lexicons: lexicons)
            XCTAssertEqual(set.startIndex.ruleBit[0] >= 0, indexed, pattern)
            XCTAssertEqual(set.rules[0].program.startOnly, startOnly, pattern)
            XCTAssertEqual(set.rules[0].program.endSpan, span, pattern)
            for s in sentences {
                XCTAssertEqual(set.matches(s), set.explain(sentence: Array(s.utf8)).matched, "\(pattern) on \(s)")
            }
        }
    }

    func testSharedVetoesComputedOnceGiveEachRuleItsOwnOutcome() throws {
        let set = try makeRuleSet("""
            rules:
              - {id: a, tag: claim, description: a, pattern: crucial, unless: ['"?" $', 'not crucial']}
              - {id: b, tag: position, description: b, pattern: China, unless: ['"?" $']}
              - {id: c, tag: figure, description: c, pattern: China, unless: ['not crucial']}
            """)
        XCTAssertEqual(set.unlessIDs, [[0, 1], [0], [1]])
        XCTAssertEqual(set.unlessCount, 2)
        let cases: [(String, [String])] = [
            ("China is crucial.", ["a", "b", "c"]),
            ("Is China crucial?", ["c"]),
            ("China is not crucial.", ["b"]),
            ("Is China not crucial?", []),
        ]
        for (s, rules) in cases {
            XCTAssertEqual(set.matches(s).map(\.ruleID).sorted(), rules, s)
            XCTAssertEqual(set.matches(s), set.explain(sentence: Array(s.utf8)).matched, s)
        }
    }
}
