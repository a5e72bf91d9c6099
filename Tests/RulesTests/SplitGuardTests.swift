import XCTest
@testable import Rules

/// Guards on split branches: what they let through, and that dropping the branches they
/// turn down changes no match and no capture.
final class SplitGuardTests: XCTestCase {
    private let pattern = "{q: \"the majority of\" | \"most of\" | %num of | @heads}? {actor: Russia | China} (~say | ~warn)"

    func testGuardsListTheFirstTokensOfABranch() throws {
        let set = try singleRule(pattern, lexicons: ["heads": "leaders of\nforces of\n"])
        let program = set.rules[0].program
        func id(_ w: String) -> Int32 {
            Array(w.utf8).withUnsafeBufferPointer { set.vocab.lookup(Tokenizer.hash(Array(w.utf8)[...]), $0) }
        }
        let the = id("the"), most = id("most"), russia = id("russia")
        // The optional group's guard: its words, its class test and its lexicon.
        let group = program.guards.guards.first { $0.ids.contains(the) }
        XCTAssertNotNil(group)
        XCTAssertEqual(group?.ids.contains(most), true)
        XCTAssertEqual(group?.ids.contains(russia), false)
        XCTAssertEqual(group?.has, [TokenClasses.num.rawValue])
        XCTAssertEqual(group?.lexicons.count, 1)
    }

    func testGuardedMatchesAreTheUnguardedOnes() throws {
        let set = try singleRule(pattern, lexicons: ["heads": "leaders of\nforces of\n"])
        let cases: [(String, [String])] = [
            ("Russia said so.", ["Russia said"]),
            ("Then most of China warned us, and the majority of Russia says no.", ["most of China warned", "the majority of Russia says"]),
            ("Some 40 of Russia said it.", ["40 of Russia said"]),
            ("The leaders of China warn.", ["leaders of China warn"]),
            ("The most of said China.", []),
        ]
        for (sentence, expected) in cases {
            let found = set.matches(sentence).map { text(sentence, $0.range) }
            XCTAssertEqual(found, expected, sentence)
            // `explain` runs without guards (it reports where each branch failed).
            let explained = set.explain(sentence: Array(sentence.utf8))
            XCTAssertEqual(explained.matched.map { text(sentence, $0.range) }, expected, sentence)
        }
    }
}
