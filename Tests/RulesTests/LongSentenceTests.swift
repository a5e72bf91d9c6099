import XCTest
@testable import Rules

/// A sentence over `RuleSet.maxSentenceTokens` is matched window by window (the matcher's
/// memory and time grew faster than a sentence's length: a text with no sentence end took
/// 32 s and 5.5 GB for 10 MB).
final class LongSentenceTests: XCTestCase {
    func testLongSentenceIsMatchedInWindowsWithRangesIntoTheWholeSentence() throws {
        let rules = try singleRule("should (act | go)")
        let filler = String(repeating: "word ", count: 2400)
        let sentence = filler + "they should act now " + filler + "we should go"
        let bytes = Array(sentence.utf8)
        let context = MatchContext()
        let found = bytes.withUnsafeBufferPointer { rules.matches(in: $0, context: context) }
        XCTAssertEqual(context.lastSentenceTokens, 4807)
        XCTAssertEqual(context.lastSentenceWindows, 5)
        XCTAssertEqual(found.map { String(decoding: bytes[$0.range], as: UTF8.self) }, ["should act", "should go"])

        // A short sentence is one window, and the context says so again.
        let short = Array("we should act".utf8)
        XCTAssertEqual(short.withUnsafeBufferPointer { rules.matches(in: $0, context: context) }.count, 1)
        XCTAssertEqual(context.lastSentenceWindows, 1)
    }

    /// A sentence of more than `windowBytes` is never tokenised whole; with no space to cut
    /// at, a window ends on a scalar boundary, never inside one.
    func testLongRunWithoutSpacesIsCutOnScalars() throws {
        let rules = try singleRule("should act")
        let run = String(repeating: "é", count: 100_000)  // 200 kB, one token per window
        let bytes = Array((run + " we should act " + run).utf8)
        let context = MatchContext()
        let found = bytes.withUnsafeBufferPointer { rules.matches(in: $0, context: context) }
        XCTAssertEqual(found.map { String(decoding: bytes[$0.range], as: UTF8.self) }, ["should act"])
        XCTAssertGreaterThanOrEqual(context.lastSentenceWindows, 6)
    }

    /// The windows' matches come out in the order of a sentence's (tag, start, end).
    func testWindowedMatchesAreInSentenceOrder() throws {
        let rules = try makeRuleSet("""
            rules:
              - {id: a, tag: figure, description: d, pattern: 'alpha'}
              - {id: b, tag: claim, description: d, pattern: 'beta'}
            """)
        let filler = String(repeating: "x ", count: 1500)
        let bytes = Array(("alpha beta " + filler + "beta alpha").utf8)
        let found = bytes.withUnsafeBufferPointer { rules.matches(in: $0, context: MatchContext()) }
        XCTAssertEqual(found.map(\.ruleID), ["b", "b", "a", "a"])
        XCTAssertTrue(found[0].range.lowerBound < found[1].range.lowerBound && found[2].range.lowerBound < found[3].range.lowerBound)
    }
}

final class PatternSizeTests: XCTestCase {
    /// The default rules stay well under the load-time bound (the largest pattern,
    /// position.in-actor-view with five copies of `<actors>`, compiles to about 4,000
    /// instructions in the twelfth round), so the bound refuses only what multiplies.
    func testDefaultRulesAreWellUnderTheInstructionLimit() throws {
        let rules = try RuleSet.load(directory: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules").path)
        let sizes = rules.rules.map { ($0.program.insts.count, $0.id) }.sorted { $0 > $1 }
        let largest = sizes.first?.0 ?? 0
        XCTAssertGreaterThan(largest, 0)
        XCTAssertLessThan(largest, PatternCompiler.maxInstructions / 2,
                          "largest: \(sizes.prefix(5).map { "\($0.1) \($0.0)" }.joined(separator: ", "))")
    }
}
