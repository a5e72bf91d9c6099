import XCTest
import Foundation
@testable import Exchange
import Pipeline

/// Export, import, and every unit comes back with its document, index, text and labels.
final class RoundTripTests: XCTestCase {
    private func samples() throws -> [ReviewDocument] {
        var errors: [ExchangeError] = []
        let bytes = Array(FileManager.default.contents(atPath: Fixture.path("output/samples.jsonl"))!)
        let docs = RecordReader.read(path: "samples.jsonl", bytes: bytes, errors: &errors)
        XCTAssertEqual(errors, [])
        return docs + [try Fixture.document(Fixture.mixedText, name: "mixed.txt")]
    }

    private func expected(_ docs: [ReviewDocument]) -> [ImportedUnit] {
        docs.flatMap { d in d.sentences.map { ImportedUnit(doc: d.name, n: $0.index, text: $0.text, labels: $0.labels) } }
    }

    private func roundTrip(_ format: ExchangeFormat, _ docs: [ReviewDocument]) -> ([ImportedUnit], [ExchangeError]) {
        var warnings: [ExchangeError] = []
        let files = Exporter.export(docs, to: format)
        var units: [ImportedUnit] = []
        switch format {
        case .labelStudio: units = LabelStudioFormat.importTasks(files[0].bytes, path: "ls.json", unit: format.unit, warnings: &warnings)
        case .doccano: units = DoccanoFormat.importLines(files[0].bytes, path: "d.jsonl", unit: format.unit, warnings: &warnings)
        case .prodigy: units = ProdigyFormat.importLines(files[0].bytes, path: "p.jsonl", unit: format.unit, warnings: &warnings)
        case .brat:
            for d in docs {
                let txt = files.first { $0.name == BratFormat.fileName(d.name) + ".txt" }!, ann = files.first { $0.name == BratFormat.fileName(d.name) + ".ann" }!
                units += BratFormat.importDocument(name: d.name, txt: String(decoding: txt.bytes, as: UTF8.self),
                                                   ann: String(decoding: ann.bytes, as: UTF8.self), path: d.name + ".ann",
                                                   unit: format.unit, warnings: &warnings)
            }
        }
        return (units, warnings)
    }

    func testEveryFormatGivesTheLabelsBack() throws {
        let docs = try samples()
        XCTAssertEqual(docs.count, 10)  // the text, HTML and PDF editions of three briefs, and a mixed-script one
        let want = expected(docs)
        XCTAssertGreaterThan(want.filter { !$0.labels.isEmpty }.count, 100)
        for format in ExchangeFormat.allCases {
            let (got, warnings) = roundTrip(format, docs)
            XCTAssertEqual(warnings, [], "\(format)")
            XCTAssertEqual(got.count, want.count, "\(format)")
            for (g, w) in zip(got, want) where g != w { XCTFail("\(format): \(g) != \(w)"); break }
        }
    }

    func testGoldLinesReadBackAsGold() throws {
        let docs = try samples()
        var warnings: [ExchangeError] = []
        let (units, _) = roundTrip(.labelStudio, docs)
        let text = GoldLines.render(units, warnings: &warnings)
        XCTAssertEqual(warnings, [])
        let gold = try GoldFile.parse(Array(text.utf8), path: "gold.jsonl")
        XCTAssertEqual(gold.count, units.count)
        XCTAssertEqual(gold.map(\.labels).map { $0.map(\.rawValue) }, units.map(\.labels))
        // The same layout as the seed file.
        XCTAssertTrue(text.hasPrefix("{\"doc\": \"pism-2023-china-russia-partners.html\", \"n\": 0, \"text\": "))
    }

    func testAWrongUnitIsNamed() throws {
        let doc = try Fixture.document(Fixture.mixedText)
        let files = Exporter.export([doc], to: .labelStudio, unit: .utf16)
        var warnings: [ExchangeError] = []
        _ = LabelStudioFormat.importTasks(files[0].bytes, path: "ls.json", unit: .scalar, warnings: &warnings)
        XCTAssertFalse(warnings.isEmpty)
        XCTAssertTrue(warnings[0].description.hasPrefix("ls.json:"), warnings[0].description)
        XCTAssertTrue(warnings[0].description.contains("offsets read as scalar"), warnings[0].description)
    }
}
