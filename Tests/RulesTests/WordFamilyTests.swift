import XCTest
@testable import Rules

final class WordFamilyTests: XCTestCase {
    func testForms() {
        let cases: [(String, [String])] = [
            ("support", ["support", "supports", "supported", "supporting"]),
            ("declare", ["declare", "declares", "declared", "declaring"]),
            ("agree", ["agree", "agrees", "agreed", "agreeing"]),
            ("rely", ["rely", "relies", "relied", "relying"]),
            ("stop", ["stop", "stops", "stopped", "stopping"]),
            ("visit", ["visit", "visits", "visited", "visiting"]),
            ("stress", ["stress", "stresses", "stressed", "stressing"]),
            ("criticise", ["criticise", "criticises", "criticised", "criticising", "criticize", "criticizes", "criticized", "criticizing"]),
            ("seek", ["seek", "sought", "seeks", "seeking"]),
        ]
        for (base, expected) in cases {
            let forms = WordFamily.forms(of: base)
            for f in expected { XCTAssertTrue(forms.contains(f), "\(base) -> \(f) missing in \(forms)") }
        }
    }
}
