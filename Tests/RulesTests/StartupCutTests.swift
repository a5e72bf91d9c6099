import Foundation
import XCTest
@testable import Rules

/// The fifteenth round's start-up cuts (docs/benchmarks.md, h-perf15) give what the work
/// they replace gave.
final class StartupCutTests: XCTestCase {
    /// A definition whose shared parse is one group closed by its last `)` is checked on that
    /// parse: the diagnostics and warnings are those of every reference written out (which
    /// checks each definition's text parsed on its own), for definitions that parse and
    /// definitions that do not, used and unused.
    func testDefinitionsCheckedOnTheirSharedParse() throws {
        let rule = "rules:\n  - {id: r, tag: claim, description: d, pattern: "
        let files = [
            "patterns:\n  x: 'a ) | ( b'\n  y: 'c <x>'\n" + rule + "'<y> c'}\n",
            "patterns:\n  x: 'a } b'\n  y: 'c <x>'\n" + rule + "'<y> c'}\n",
            "patterns:\n  x: 'a _* b'\n  y: 'c <x>'\n" + rule + "'<y> c'}\n",
            "patterns:\n  x: 'a | | b'\n  y: 'c <x>'\n" + rule + "'<y> c'}\n",
            "patterns:\n  x: 'a >> b'\n" + rule + "'c <x>'}\n",
            "patterns:\n  x: 'a b'\n  u: 'never @nolex'\n" + rule + "'<x> c'}\n",
            "patterns:\n  x: 'a b'\n  u: 'never (used | here)'\n" + rule + "'<x> c'}\n",
            "patterns:\n  x: '((a | b){50}){50}'\n" + rule + "'<x> c'}\n",
            "patterns:\n  x: '(a b) (c d)'\n  y: '(<x>) | e'\n" + rule + "'<y> c'}\n",
            "patterns:\n  x: 'a \"(\" b'\n  y: '<x> \")\"'\n" + rule + "'<y> c'}\n",
            "patterns:\n  x: 'a (b'\n  y: 'c <x> )'\n" + rule + "'<y> c'}\n",
            "patterns:\n  x: 'a b  '\n  y: '  <x>{2} c  '\n" + rule + "'<y> c'}\n",
            "patterns:\n  x: 'a {n: b'\n" + rule + "'<x> c'}\n",
            "patterns:\n  x: ''\n" + rule + "'<x> c'}\n",
            "patterns:\n  x: 'a b{0}'\n" + rule + "'<x> c'}\n",
        ]
        let faulty = assertReportsAlikeShared(files)
        XCTAssertGreaterThanOrEqual(faulty, 10)
    }

    /// `RuleLoader.isNFCByScalars` holds only for strings that are their own NFC: every scalar
    /// it accepts, alone and after each letter, and a few it must not accept.
    func testNFCByScalarsOnlyForNFC() {
        func isNFC(_ s: String) -> Bool {
            Array(s.precomposedStringWithCanonicalMapping.unicodeScalars) == Array(s.unicodeScalars)
        }
        var accepted = 0
        for v in Array(0x20..<0x400) + Array(0x2000..<0x2200) {
            guard let c = Unicode.Scalar(v) else { continue }
            let s = String(Character(c))
            guard RuleLoader.isNFCByScalars(s) else { continue }
            accepted += 1
            XCTAssertTrue(isNFC(s), String(v, radix: 16))
            for base in ["a", "e", "A", "é", "’"] {
                XCTAssertTrue(isNFC(base + s), base + String(v, radix: 16))
                XCTAssertTrue(isNFC(s + base), String(v, radix: 16) + base)
            }
        }
        XCTAssertGreaterThan(accepted, 800)
        for s in ["e\u{301}", "\u{212A}", "\u{37E}", "\u{2000}", "\u{2126}", "x\u{308}y", "\u{AC00}"] {
            XCTAssertFalse(RuleLoader.isNFCByScalars(s), s)
        }
        XCTAssertTrue(RuleLoader.isNFCByScalars("the EU’s “view” – 5 € ½ ⅓ café"))
    }

    /// Vetoes canonically equal but written differently share one id, whether the first
    /// source that is not NFC by its scalars comes first or after others; distinct ones do not.
    func testVetoIDsByCanonicalEquality() throws {
        func load(_ vetoes: [String]) throws -> RuleSet {
            var yaml = "rules:\n"
            for (k, v) in vetoes.enumerated() {
                yaml += "  - {id: r\(k), tag: claim, description: d, pattern: 'w\(k) x', unless: ['\(v)']}\n"
            }
            return try RuleSet.load(files: [("rules.yaml", Data(yaml.utf8))])
        }
        let nfc = "café x", nfd = "cafe\u{301} x"
        XCTAssertNotEqual(Array(nfc.utf8), Array(nfd.utf8))
        for vetoes in [[nfc, "tea x", nfd, "tea x"], [nfd, "tea x", nfc], ["tea x", "coffee x", nfc, nfd, "coffee x"]] {
            let set = try load(vetoes)
            let ids = set.unlessIDs.map { $0[0] }
            for i in vetoes.indices {
                for j in vetoes.indices {
                    XCTAssertEqual(ids[i] == ids[j], vetoes[i] == vetoes[j], "\(vetoes) \(ids)")
                }
            }
            XCTAssertEqual(set.unlessCount, Set(vetoes).count)
            XCTAssertEqual(Set(ids).count, set.unlessCount)
        }
    }

    /// `IDList.add(contentsOf:)` with an array puts the ids `add` one at a time puts.
    func testIDListAddsAListAsOneByOne() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let list = (0..<Int.random(in: 0..<200, using: &rng)).map { _ in Int32.random(in: -5..<3000, using: &rng) }
            let some = Bool.random(using: &rng) ? list.map { abs($0) } : list
            var a = IDList(), b = IDList()
            a.add(contentsOf: some)
            for id in some { b.add(id) }
            XCTAssertEqual(a.takeSorted(), b.takeSorted())
        }
    }
}
