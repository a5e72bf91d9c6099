import XCTest
@testable import Rules

/// The matcher's visited memo is stamped per run with two-byte stamps (`VMBuffers.Stamp`)
/// and never cleared between runs: when the stamp wraps, the memo must be cleared, or a run
/// reusing an old stamp takes the states an early run left as already visited.
final class MatcherMemoTests: XCTestCase {
    func testWrappingTheStampClearsTheMemo() {
        let buf = VMBuffers()
        buf.reserve(visited: 64, slots: 0, lexicons: 0, width: 8)
        let first = buf.nextStamp()
        buf.visited[10] = first  // a state the first run visited and no later run touches
        var last = first
        for _ in 0..<Int(VMBuffers.Stamp.max) { last = buf.nextStamp() }
        XCTAssertEqual(last, first, "the stamps came round")
        XCTAssertNotEqual(buf.visited[10], last, "a state of the first run counts as visited again")
    }

    func testMatchesSurviveTheStampWrapping() throws {
        let set = try singleRule("{actor: Russia | China} (~say | ~warn) that?")
        let context = MatchContext()
        let sentences = ["Russia said that it would.", "China warned them.", "Nobody said a word."]
        let expected = sentences.map { s in Array(s.utf8).withUnsafeBufferPointer { set.matches(in: $0).map(\.range) } }
        XCTAssertEqual(expected.map(\.count), [1, 1, 0])
        // Each sentence is a run of the rule (a stamp) at least: more runs than stamps.
        var wrong = 0
        for k in 0..<(Int(VMBuffers.Stamp.max) + 5_000) {
            let s = sentences[k % sentences.count]
            let found = Array(s.utf8).withUnsafeBufferPointer { set.matches(in: $0, context: context).map(\.range) }
            if found != expected[k % sentences.count] { wrong += 1 }
        }
        XCTAssertEqual(wrong, 0)
    }
}
