import Foundation
import XCTest
@testable import Rules

/// `rules/units.tsv`: parsing, its diagnostics, and the lexicons written from it.
final class UnitRegistryTests: XCTestCase {
    let header = "# unit\tdimension\tcanonical\tfactor\tnames\tsymbols\tflags\n"

    /// The registry's byte splits cut where `String.split` on the Character "\n" or "\t" cuts:
    /// around every line feed and tab, but never inside "\r\n", with marks, emoji, a lone
    /// CR and empty fields around them.
    func testSplitAtControlMatchesTheCharacterSplit() throws {
        var texts = ["", "\n", "\t", "a\tb\n", "a\r\nb\rc\n\r\n\n", "x\t\u{301}y\n\u{301}z", "e\u{301}\t\u{1F1EB}\u{1F1F7}\n",
                     "\u{1F469}\u{200D}\u{1F467}\t|\u{301}\t-\n", "a\r\tb\r", "\t\t\n\n", "\u{0600}\tx\n\u{0600}\n", "\r\r\n\r"]
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules")
        texts.append(try String(contentsOf: dir.appendingPathComponent("units.tsv"), encoding: .utf8))
        for text in texts {
            for (sep, byte) in [("\n" as Character, UInt8(0x0A)), ("\t", 0x09)] {
                XCTAssertEqual(splitAtControl(text[...], byte).map(String.init),
                               text.split(separator: sep, omittingEmptySubsequences: false).map(String.init), text.debugDescription)
                let inner = text.dropFirst()
                XCTAssertEqual(splitAtControl(inner, byte).map(String.init),
                               inner.split(separator: sep, omittingEmptySubsequences: false).map(String.init), text.debugDescription)
            }
        }
    }

    /// A registry saved with CRLF line ends is the same registry: it used to read as one line
    /// (a comment), so every unit was silently lost.
    func testCRLFLineEndsReadAsTheSameRegistry() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules")
        let text = try String(contentsOf: dir.appendingPathComponent("units.tsv"), encoding: .utf8)
        let (lf, lfProblems) = UnitRegistry.parse(text)
        let (crlf, crlfProblems) = UnitRegistry.parse(text.replacingOccurrences(of: "\n", with: "\r\n"))
        XCTAssertTrue(lfProblems.isEmpty && crlfProblems.isEmpty, "\(lfProblems) \(crlfProblems)")
        XCTAssertGreaterThan(lf.units.count, 100)
        XCTAssertEqual(crlf.units.map(\.id), lf.units.map(\.id))
        XCTAssertEqual(crlf.units.map(\.names), lf.units.map(\.names))
        XCTAssertEqual(crlf.units.map(\.symbols), lf.units.map(\.symbols))
        XCTAssertEqual(crlf.clockLexiconText(), lf.clockLexiconText())
    }

    func testParsesUnitsNamesSymbolsAndFlags() {
        let (reg, problems) = UnitRegistry.parse(header + """
            km\tlength\tm\t1000\tkilometre|kilometres\tkm|kms
            in\tlength\tm\t0.0254\tinch|inches\tin\tambiguous
            yr\ttime\ts\t31557600\tyear|years\tyr\ttime
            degC\ttemperature\tK\t1\tdegree Celsius\t°C\toffset=273.15
            cent\tcurrency\t-\t-\tcent|cents\t-
            pm\tlength\tm\t1e-12\tpicometre\tpm\tclock
            """)
        XCTAssertTrue(problems.isEmpty, "\(problems)")
        XCTAssertEqual(reg.units.map(\.id), ["km", "in", "yr", "degC", "cent", "pm"])
        XCTAssertEqual(reg.unit(id: "pm")?.clock, true)
        // @units-clock: the clock symbols, left out of @units and @units-ambiguous.
        XCTAssertEqual(reg.clockLexiconText().split(separator: "\n"), ["=pm"])
        XCTAssertEqual(reg.unit(id: "km")?.factor, 1000)
        XCTAssertEqual(reg.unit(id: "in")?.ambiguous, true)
        XCTAssertEqual(reg.unit(id: "yr")?.time, true)
        XCTAssertEqual(reg.unit(id: "degC")?.offset, 273.15)
        XCTAssertNil(reg.unit(id: "cent")?.factor)
        // @units: names and unambiguous symbols, no time units; symbols keep their case.
        let units = reg.lexiconText(ambiguous: false).split(separator: "\n")
        XCTAssertEqual(units, ["kilometre", "kilometres", "=km", "=kms", "inch", "inches",
                               "degree Celsius", "=°C", "cent", "cents", "picometre"])
        XCTAssertEqual(reg.lexiconText(ambiguous: true).split(separator: "\n"), ["=in"])
        XCTAssertEqual(reg.timeLexiconText().split(separator: "\n"), ["year", "years", "=yr"])
        XCTAssertTrue(reg.adjectiveLexiconText().contains("two-year\n"))
        XCTAssertTrue(reg.adjectiveLexiconText().contains("ten-kilometre\n"))
    }

    func testReportsBadLinesWithTheirPlace() {
        let (reg, problems) = UnitRegistry.parse(header + """
            km\tlength\tm\tlots\tkilometre\tkm
            km\tlength\tm\t1000\tkilometre\tkm
            km\tlength\tm\t1000\tkilometre\tkm
            mi\tlength
            ft\tlength\t-\t0.3048\tfoot\tft
            yd\tlength\tm\t0.9144\tyard\tyd\tloud
            """)
        XCTAssertEqual(problems.map(\.line), [2, 4, 5, 6, 7])
        XCTAssertTrue(problems[0].message.contains("factor 'lots'"), problems[0].message)
        XCTAssertTrue(problems[1].message.contains("already defined on line 3"), problems[1].message)
        XCTAssertTrue(problems[2].message.contains("6 or 7 tab-separated columns"), problems[2].message)
        XCTAssertTrue(problems[3].message.contains("canonical"), problems[3].message)
        XCTAssertTrue(problems[4].message.contains("unknown flag 'loud'"), problems[4].message)
        XCTAssertEqual(reg.units.map(\.id), ["km", "yd"])
    }

    func testRulesFindARegistryUnitAndTheNormaliserConvertsIt() throws {
        let rules = try RuleSet.load(files: [
            ("units.tsv", Data((header + "fur\tlength\tm\t201.168\tfurlong|furlongs\tfur\n").utf8)),
            ("figure.yaml", Data("""
                rules:
                  - id: measure
                    tag: figure
                    normalize: figure
                    description: test
                    pattern: '{value: %num} {unit: @units}'
                """.utf8)),
        ])
        let m = rules.matches("The course is 8 furlongs long.")
        XCTAssertEqual(m.count, 1)
        XCTAssertEqual(m.first?.fields.map(\.name), ["value", "unit", "dimension", "si_value", "si_unit"])
        XCTAssertEqual(m.first?.fields[3].value, .number(1609.344))
    }

    func testALexiconFileCannotShadowTheRegistry() {
        XCTAssertThrowsError(try RuleSet.load(files: [
            ("units.tsv", Data((header + "km\tlength\tm\t1000\tkilometre\tkm\n").utf8)),
            ("lexicons/units.txt", Data("km\n".utf8)),
            ("figure.yaml", Data("rules:\n  - {id: r, tag: figure, description: t, pattern: '%num @units'}\n".utf8)),
        ])) { error in
            let text = (error as? RuleLoadError)?.diagnostics.map(\.message).joined() ?? ""
            XCTAssertTrue(text.contains("lexicon '@units' is written from units.tsv"), text)
        }
    }
}
