import XCTest
@testable import Rules

/// Start anchors only skip start positions that cannot begin a match: the matches must equal
/// those of `explain`, whose diagnosing run tries every start without entry filter or anchor.
final class StartAnchorTests: XCTestCase {
    let lexicons = ["actors": "Russia\nChina\nthe EU\nthe European Union\nthe two countries\n"]

    func testAnchorWindowsAndSameMatchesAsEveryStart() throws {
        // pattern, expected anchor (minOffset, maxOffset, prefix restricted) or nil, sentences.
        let cases: [(String, (Int, Int, Bool)?, [String])] = [
            ("({who: @actors (and @actors){0,2}} (also | now)?)? (need | needs) to {what: %word}", (0, 12, true), [
                "Russia and China need to act, and the European Union now needs to act too.",
                "They need to act. The two countries also need to talk and the EU needs to wait.",
                "need to go", "Russia needs", "China and China and Russia and the EU need to go",
            ]),
            ("@actors ..3 ~agree", (1, 6, false), [
                "Russia has long agreed, then the EU agreed and China did not agree.",
                "the two countries and the EU agreed", "agreed Russia",
            ]),
            ("%num %percent ..2 of trade", (3, 5, false), [
                "up 47 percent, or 45 % of trade and 3 percent of all trade",
            ]),
            ("^ the? {actor: @actors} ~say", (1, 4, true), ["The EU said", "the the EU said", "Russia said and China said"]),
            ("China ~agree", nil, ["China agreed"]),
            ("_? _? China", (0, 2, false), ["so then China and China"]),
        ]
        for (pattern, expected, sentences) in cases {
            let set = try singleRule(pattern, lexicons: lexicons)
            let anchor = set.rules[0].program.anchor
            XCTAssertEqual(anchor.map { [$0.minOffset, $0.maxOffset, $0.prefix == nil ? 0 : 1] },
                           expected.map { [$0.0, $0.1, $0.2 ? 1 : 0] }, pattern)
            for s in sentences {
                let fast = set.matches(s)
                let every = set.explain(sentence: Array(s.utf8)).matched
                XCTAssertEqual(fast, every, "\(pattern) on \(s)")
            }
        }
        // The windows do skip: the first sentence has three matches either way.
        let set = try singleRule(cases[0].0, lexicons: lexicons)
        XCTAssertEqual(set.matches(cases[0].2[0]).map { text(cases[0].2[0], $0.range) },
                       ["Russia and China need to act", "the European Union now needs to act"])
    }
}
