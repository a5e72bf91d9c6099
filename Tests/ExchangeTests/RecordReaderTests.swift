import XCTest
import Foundation
@testable import Exchange
import Ingest
import Pipeline

final class RecordReaderTests: XCTestCase {
    /// The records printed by `extract` read back into the same documents the pipeline's
    /// typed records give, figure fields included.
    func testJSONLinesGiveTheSameDocumentsAsTheTypedRecords() throws {
        var errors: [ExchangeError] = []
        let bytes = Array(FileManager.default.contents(atPath: Fixture.path("output/samples.jsonl"))!)
        let read = RecordReader.read(path: "samples.jsonl", bytes: bytes, errors: &errors)
        XCTAssertEqual(errors, [])
        let old = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(Fixture.root.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(old) }
        let extractor = Extractor(rules: Fixture.rules, allSentences: true)
        let built = try Inputs.expand(["samples"]).files.map { f -> ReviewDocument in
            let d = try Ingest.read(path: f)
            return ReviewDocument(records: extractor.records(d), path: d.path, id: d.id, title: d.title, rulesSHA256: Fixture.rules.sha256)
        }
        XCTAssertEqual(read.count, built.count)
        for (r, b) in zip(read, built) { XCTAssertEqual(r, b, r.path) }
        XCTAssertTrue(read.flatMap(\.sentences).flatMap(\.tags).contains { $0.fields.contains { $0.name == "value" && $0.json == "190000000000" } })
    }

    func testFieldsOfANewerSchemaPassThrough() {
        let line = #"{"schema":"claimex.record/9","doc":{"path":"a.txt"},"index":0,"text":"x","offsets":{"scalar":[0,1],"utf16":[0,1]},"tags":[{"label":"figure","rule":"r","file":"f.yaml","line":1,"text":"x","offsets":{"scalar":[0,1],"utf16":[0,1]},"fields":{"value":1.5,"range":{"low":1,"high":2}},"new":true}]}"#
        var errors: [ExchangeError] = []
        let docs = RecordReader.read(path: "r.jsonl", bytes: Array(line.utf8), errors: &errors)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(docs[0].sentences[0].tags[0].fields, [ReviewField(name: "value", json: "1.5"),
                                                              ReviewField(name: "range", json: "{\"low\":1,\"high\":2}")])
    }

    func testABadLineIsNamedAndSkipped() {
        let good = #"{"doc":{"path":"a.txt"},"index":0,"text":"x","offsets":{"scalar":[0,1],"utf16":[0,1]},"tags":[]}"#
        var errors: [ExchangeError] = []
        let docs = RecordReader.read(path: "r.jsonl", bytes: Array((good + "\n{\"doc\":{\"path\":\"a.txt\"},\"index\":1}\n" + good).utf8), errors: &errors)
        XCTAssertEqual(docs[0].sentences.count, 2)
        XCTAssertEqual(errors, [ExchangeError(path: "r.jsonl", line: 2, message: "missing \"text\"")])
    }

    func testJSONValueKeepsKeyOrderAndDecodesSurrogatePairs() throws {
        let v = try JSONValue.parse(Array(#"{"b":1,"a":"\ud83d\ude00 \u00e9","c":[true,null,-2.5e3]}"#.utf8))
        XCTAssertEqual(v.object!.map(\.key), ["b", "a", "c"])
        XCTAssertEqual(v["a"]?.string, "😀 é")
        XCTAssertEqual(v.jsonText, #"{"b":1,"a":"😀 é","c":[true,null,-2.5e3]}"#)
        XCTAssertThrowsError(try JSONValue.parse(Array((String(repeating: "[", count: 300) + String(repeating: "]", count: 300)).utf8)))
    }
}
