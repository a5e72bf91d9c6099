import XCTest
@testable import Rules

/// One row per pattern-language feature: the pattern, a sentence, the expected matched text
/// (nil: no match) and expected captures.
final class PatternTests: XCTestCase {
    let lexicons = ["actors": "Russia\nChina\nXi\nXi Jinping\nthe two countries\n# comment\nthe EU  # trailing comment\n"]

    func testFeatureTable() throws {
        let cases: [(pattern: String, sentence: String, match: String?, captures: [String: String])] = [
            // literal words, case-insensitive
            ("declared support", "Russia Declared SUPPORT for it.", "Declared SUPPORT", [:]),
            ("declared support", "Russia declared its support.", nil, [:]),
            // quoted phrase
            ("\"more than\" %num", "up more than 30 times", "more than 30", [:]),
            // case-sensitive
            ("\"EU\"!", "the eu and the EU", "EU", [:]),
            ("=EU", "the eu is here", nil, [:]),
            ("=US", "let us go", nil, [:]),
            ("=US", "the US said", "US", [:]),
            // alternatives and groups
            ("(should|must) ~strengthen", "The EU must strengthen ties.", "must strengthen", [:]),
            ("(should|must) ~strengthen", "The EU will strengthen ties.", nil, [:]),
            // one-token branches of any kind merged into one test; a longer branch keeps its place
            ("up (%num | \"'s\"! | !by | ~rise) ..1 points", "up 5 points", "up 5 points", [:]),
            ("up (%num | \"'s\"! | !by | ~rise) ..1 points", "up by 5 points", nil, [:]),
            ("up (%num | rose | by %num) points", "up by 5 points", "up by 5 points", [:]),
            ("up (=AB | %percent | ~rise) points", "up ab points and up AB points", "up AB points", [:]),
            ("{x: up (%currency | half | rise)} {y: %num}", "up $ 5", "up $ 5", ["x": "up $", "y": "5"]),
            // optional
            ("the? West should", "West should act", "West should", [:]),
            ("the? West should", "the West should act", "the West should", [:]),
            // repetition with bounds
            ("very{2,3} good", "very very very good", "very very very good", [:]),
            ("very{2,3} good", "very good", nil, [:]),
            ("%num+ people", "about 10 people", "10 people", [:]),
            // bounded gap, lazy: captures the nearest
            ("Russia ..3 {what: ~support}", "Russia has long supported it", "Russia has long supported", ["what": "supported"]),
            ("Russia ..2 ~support", "Russia has not long ago supported it", nil, [:]),
            // classes
            ("%currency %num %scale", "a deficit of $23.5 billion now", "$23.5 billion", [:]),
            ("%code %num %scale", "RUB 1.776 trillion", "RUB 1.776 trillion", [:]),
            ("%num %percent", "up 47 percent", "47 percent", [:]),
            ("%num %percent", "up 30% on", "30%", [:]),
            ("%spelled %word", "three cooperation agreements", "three cooperation", [:]),
            ("in %year", "in 2023 only", "in 2023", [:]),
            ("%num-year agreements", "signed 2023 agreements", nil, [:]),
            ("%num-year agreements", "signed 10 agreements", "10 agreements", [:]),
            ("%cap+code ~say", "NATO said", "NATO said", [:]),
            ("%cap+code ~say", "Nato said", nil, [:]),
            ("%punct", "no punctuation here", nil, [:]),
            // any token and negation
            ("should _ ~deter", "should strive deter", "should strive deter", [:]),
            ("!should ~escalate", "should Putin escalate", "Putin escalate", [:]),
            ("^ !should %cap ~escalate", "should Putin escalate", nil, [:]),
            // lexicon, longest first, multi-word
            ("{actor: @actors} ~visit", "Xi Jinping visited Moscow", "Xi Jinping visited", ["actor": "Xi Jinping"]),
            ("{actor: @actors} ~visit", "Xi visited Moscow", "Xi visited", ["actor": "Xi"]),
            ("{actor: @actors} Jinping", "Xi Jinping spoke", "Xi Jinping", ["actor": "Xi"]),
            ("{actor: @actors} ~agree", "Both said the two countries agreed", "the two countries agreed", ["actor": "the two countries"]),
            ("{actor: @actors} ~agree", "The eu agreed", "The eu agreed", ["actor": "The eu"]),
            // word families
            ("~stress", "Beijing has stressed it", "stressed", [:]),
            ("~criticise", "They criticized it", "criticized", [:]),
            // anchors
            ("^ this ~indicate", "This indicates growth", "This indicates", [:]),
            ("^ this ~indicate", "So this indicates growth", nil, [:]),
            ("growth \".\" $", "This indicates growth.", "growth.", [:]),
            ("growth $", "growth is good", nil, [:]),
            // possessive and curly apostrophe
            ("in {actor: @actors} \"'s\" view", "In Russia’s view, yes", "In Russia’s view", ["actor": "Russia"]),
            // nested captures and optional capture left unset
            ("{all: {who: @actors} ~say} {what: that}?", "China said it", "China said", ["all": "China said", "who": "China"]),
            // leftmost, then longest
            ("(a | a b c)", "x a b c a", "a b c", [:]),
            // punctuation literals
            ("\"(\" %code %num", "deficit (RUB 1.776 trillion)", "(RUB 1.776", [:]),
            // `>>`: what comes before must match but is outside the match
            ("(\",\" | that) >> {who: @actors} must", "Thus, China must act", "China must", ["who": "China"]),
            ("(\",\" | that) >> {who: @actors} must", "China must act", nil, [:]),
            ("^ >> the? West should", "the West should act", "the West should", [:]),
        ]
        for c in cases {
            let set = try singleRule(c.pattern, lexicons: lexicons)
            let ms = set.matches(c.sentence)
            XCTAssertEqual(ms.first.map { text(c.sentence, $0.range) }, c.match, "\(c.pattern) on \(c.sentence)")
            if let m = ms.first {
                var caps: [String: String] = [:]
                for cap in m.captures { caps[cap.name] = text(c.sentence, cap.range) }
                XCTAssertEqual(caps, c.captures, "captures of \(c.pattern) on \(c.sentence)")
            }
        }
    }

    /// Every match is reported past its context (what comes before `>>`); the next search
    /// starts after the match's end, as without `>>`, so its context follows that end.
    func testMatchStartReportsEveryMatchPastItsContext() throws {
        let set = try singleRule("%punct >> {n: %num}")
        let s = "one, 2, 3 and (4"
        XCTAssertEqual(set.matches(s).map { text(s, $0.range) }, ["2", "3", "4"])
    }

    func testCapturesAreInPatternOrder() throws {
        let set = try singleRule("{a: China} {b: and} {c: Russia}")
        XCTAssertEqual(set.matches("China and Russia").first?.captures.map(\.name), ["a", "b", "c"])
    }

    /// `=US` in a lexicon is the country only; other entries still ignore case, and an exact
    /// entry of several words needs every word in its case.
    func testExactCaseLexiconEntries() throws {
        let set = try singleRule("{actor: @actors} ~believe",
                                 lexicons: ["actors": "=US\nChina\n=EU Council\n"])
        func actor(_ s: String) -> String? {
            set.matches(s).first.flatMap { m in m.captures.first.map { c in text(s, c.range) } }
        }
        XCTAssertEqual(actor("The US believes it."), "US")
        XCTAssertNil(actor("Many of us believe it."))
        XCTAssertNil(actor("Many of Us believe it."))
        XCTAssertEqual(actor("and china believes it."), "china")
        XCTAssertEqual(actor("The EU Council believes it."), "EU Council")
        XCTAssertNil(actor("The EU council believes it."))
    }

    func testPathologicalPatternStaysFast() throws {
        let set = try singleRule("(%word? %word?){1,20} zzz")
        let sentence = Array(repeating: "word", count: 200).joined(separator: " ")
        let start = Date()
        XCTAssertTrue(set.matches(sentence).isEmpty)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }
}
