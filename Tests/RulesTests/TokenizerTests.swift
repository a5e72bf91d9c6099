import Foundation
import XCTest
@testable import Rules

final class TokenizerTests: XCTestCase {
    func testTokenTable() {
        let cases: [(String, [String])] = [
            ("Trade rose by 30% to $190 billion.", ["Trade", "rose", "by", "30", "%", "to", "$", "190", "billion", "."]),
            ("RUB 1.776 trillion, or about $23.5 billion", ["RUB", "1.776", "trillion", ",", "or", "about", "$", "23.5", "billion"]),
            ("1,000 people and 10,000,000 more", ["1,000", "people", "and", "10,000,000", "more"]),
            ("at least 1.200.000 people, 1.5 tonnes, 2.500 km", ["at", "least", "1.200.000", "people", ",", "1.5", "tonnes", ",", "2.500", "km"]),
            ("10 000 dollars in 2013 300 troops", ["10 000", "dollars", "in", "2013", "300", "troops"]),
            ("the lengthy 7000-word Joint Statement", ["the", "lengthy", "7000-word", "Joint", "Statement"]),
            ("the 75th anniversary", ["the", "75th", "anniversary"]),
            ("In Russia's view", ["In", "Russia", "'s", "view"]),
            ("In Russia’s view", ["In", "Russia", "’s", "view"]),
            ("the U.S. and the EU", ["the", "U.S.", "and", "the", "EU"]),
            ("long-term, don't", ["long-term", ",", "don't"]),
            ("on 16-17 May", ["on", "16", "-", "17", "May"]),
            ("EUR1.2bn, v2.5 and G7.", ["EUR1.2bn", ",", "v2.5", "and", "G7", "."]),
            ("€5bn and £3 and ¥7 and ₽9", ["€", "5", "bn", "and", "£", "3", "and", "¥", "7", "and", "₽", "9"]),
            ("“Quoted” — text…", ["“", "Quoted", "”", "—", "text", "…"]),
            ("Путин\u{00A0}и Си", ["Путин", "и", "Си"]),
            ("", []),
        ]
        for (input, expected) in cases {
            let got = Tokenizer.tokenize(Array(input.utf8)).map { text(input, $0.token.range) }
            XCTAssertEqual(got, expected, input)
        }
    }

    /// The lexicon loader's scratch path gives what the plain path gives, line after line,
    /// whatever the scratch holds from longer or shorter lines before (it only grows).
    func testScratchPathMatchesPlainPath() {
        let lines = ["United Nations", "", "the U.S. Congress’s", "a", "€5bn", "Путин\u{00A0}и Си",
                     "long-term, don't stop at 1.200.000 people and 10 000 dollars in 2013 300 troops", "EU", "=US", "x",
                     "Trade rose by 30% to $190 billion.", "R500m", "EUR1.2bn v2.5.", "8x2^10", "U.S.", "per cent", "'s", "%", "Don't", "(re)build"]
        var scratch = Tokenizer.LineScratch()
        for line in lines + lines.reversed() {
            let bytes = Array(line.utf8)
            var tokens: [Token] = [], norm: [UInt8] = [], ranges: [Range<Int>] = []
            bytes.withUnsafeBufferPointer { Tokenizer.tokenize($0, into: &tokens, norm: &norm, normRanges: &ranges) }
            let count = bytes.withUnsafeBufferPointer { Tokenizer.tokenize($0, scratch: &scratch) }
            XCTAssertEqual(Array(scratch.tokens[..<count]), tokens, line)
            XCTAssertEqual(scratch.ranges[..<count].map { Array(scratch.norm[$0]) }, ranges.map { Array(norm[$0]) }, line)
            // The pattern parser's phrases: on ASCII, the same forms as through `tokenize(_:)`'s Strings.
            if line.utf8.allSatisfy({ $0 < 0x80 }) {
                let plain = Tokenizer.tokenize(bytes)
                XCTAssertEqual(scratch.tokens[..<count].map(\.range), plain.map(\.token.range), line)
                XCTAssertEqual(scratch.ranges[..<count].map { Array(scratch.norm[$0]) }, plain.map { Array($0.norm.utf8) }, line)
            }
        }
    }

    /// `SourceFile.lineScalars` decodes a line as its String's scalars would be, on every
    /// line of the repository's rule files and of a text with CRLF, a lone CR and non-ASCII.
    func testLineScalarsMatchTheLineString() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules")
        var texts = ["a\r\nb ’é\r\n\r\nПутин «x»\rc\n\u{1F600} z\r", "", "\n", "é"]
        for rel in (FileManager.default.subpaths(atPath: dir.path) ?? []).sorted()
        where rel.hasSuffix(".yaml") || rel.hasSuffix(".tsv") || rel.hasSuffix(".txt") {
            texts.append(try String(contentsOf: dir.appendingPathComponent(rel), encoding: .utf8))
        }
        for text in texts {
            let file = SourceFile(path: "f", text: text)
            for n in 0...(file.lineCount + 1) {
                XCTAssertEqual(file.lineScalars(n), Array(file.line(n).unicodeScalars), "line \(n) of \(text.prefix(40))")
            }
        }
    }

    func testClassesAndNormalisedForms() {
        let s = "In 2023 NATO spent twenty-five billion USD, 3 percent of €5m; Russia’s 2nd."
        let toks = Tokenizer.tokenize(Array(s.utf8))
        func classes(_ t: String) -> [String] { toks.first { text(s, $0.token.range) == t }!.token.classes.names }
        XCTAssertEqual(classes("In"), ["word", "cap"])
        XCTAssertEqual(classes("2023"), ["num", "year"])
        XCTAssertEqual(classes("NATO"), ["word", "code", "cap"])
        XCTAssertEqual(classes("twenty-five"), ["word", "spelled", "hyphenated"])
        XCTAssertEqual(classes("billion"), ["word", "scale"])
        XCTAssertEqual(classes("percent"), ["word", "percent"])
        XCTAssertEqual(classes("€"), ["currency"])
        XCTAssertEqual(classes("m"), ["word", "scale"])
        XCTAssertEqual(classes("2nd"), ["word", "ordinal"])
        XCTAssertEqual(classes(";"), ["punct"])
        XCTAssertEqual(toks.first { text(s, $0.token.range) == "’s" }?.norm, "'s")
        XCTAssertEqual(toks.first { text(s, $0.token.range) == "NATO" }?.norm, "nato")
        XCTAssertEqual(Tokenizer.tokenize(Array("ПУТИН Éclat".utf8)).map(\.norm), ["путин", "éclat"])
    }

    func testScientificNotationClockNumbersCurrencySymbolsAndTheRand() {
        let s = "At 4e14 Hz, 1.5E-3 kg, 6.30 pm, 2.123 am, ₴5, R1 trillion, R2P, 8x2^10, 3e5km and Model 3e."
        let toks = Tokenizer.tokenize(Array(s.utf8))
        let words = toks.map { text(s, $0.token.range) }
        XCTAssertEqual(words, ["At", "4e14", "Hz", ",", "1.5E-3", "kg", ",", "6.30", "pm", ",", "2.123", "am", ",",
                               "₴", "5", ",", "R", "1", "trillion", ",", "R2P", ",", "8", "x", "2", "^", "10", ",", "3", "e5km", "and", "Model", "3", "e", "."])
        func classes(_ t: String) -> [String] { toks.first { text(s, $0.token.range) == t }!.token.classes.names }
        XCTAssertEqual(classes("4e14"), ["num"])
        XCTAssertEqual(classes("1.5E-3"), ["num"])
        XCTAssertEqual(classes("6.30"), ["num", "clock"])
        XCTAssertEqual(classes("2.123"), ["num"])
        XCTAssertEqual(classes("₴"), ["currency"])
        XCTAssertEqual(classes("5"), ["num", "clock"])
        XCTAssertEqual(classes("R"), ["word", "cap"])
    }

    func testInvalidUTF8NeverCrashes() {
        let bytes: [UInt8] = [0x41, 0xFF, 0xC3, 0x20, 0xE2, 0x80, 0x42]
        let toks = Tokenizer.tokenize(bytes)
        XCTAssertFalse(toks.isEmpty)
        XCTAssertTrue(toks.allSatisfy { $0.token.range.upperBound <= bytes.count })
    }
}
