import XCTest
@testable import Exchange

/// What annotators' tools write back: annotations over predictions, rejected tasks,
/// relation-mode entities, spans added by hand, labels claimex does not know.
final class CorrectionImportTests: XCTestCase {
    private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    func testLabelStudioTakesTheLatestAnnotationThatWasNotCancelled() {
        let export = """
            [{"id": 7, "data": {"text": "Trade rose 😀 by 30%.", "doc": "a.txt", "n": 4},
              "annotations": [
                {"was_cancelled": false, "result": [{"type": "labels", "value": {"start": 0, "end": 5, "text": "Trade", "labels": ["claim"]}}]},
                {"was_cancelled": false, "result": [
                  {"type": "labels", "value": {"start": 16, "end": 19, "text": "30%", "labels": ["figure"]}},
                  {"type": "choices", "value": {"choices": ["position"]}}]},
                {"was_cancelled": true, "result": []}],
              "predictions": [{"result": [{"type": "labels", "value": {"start": 0, "end": 5, "labels": ["recommendation"]}}]}]},
             {"data": {"text": "Untouched.", "doc": "a.txt", "n": 5},
              "predictions": [{"result": [{"type": "labels", "value": {"start": 0, "end": 9, "text": "Untouched", "labels": ["claim"]}}]}]}]
            """
        var warnings: [ExchangeError] = []
        let units = LabelStudioFormat.importTasks(bytes(export), path: "p.json", unit: .scalar, warnings: &warnings)
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(units, [ImportedUnit(doc: "a.txt", n: 4, text: "Trade rose 😀 by 30%.", labels: ["position", "figure"]),
                               ImportedUnit(doc: "a.txt", n: 5, text: "Untouched.", labels: ["claim"])])
    }

    func testProdigyLeavesOutRejectedAndIgnoredTasks() {
        let dbOut = """
            {"text": "A 😀 b.", "meta": {"doc": "x.txt", "n": 0}, "spans": [{"start": 4, "end": 5, "text": "b", "label": "claim"}], "answer": "accept"}
            {"text": "C.", "meta": {"doc": "x.txt", "n": 1}, "spans": [], "answer": "reject"}
            {"text": "D.", "meta": {"doc": "x.txt", "n": 2}, "spans": [], "answer": "ignore"}
            """
        var warnings: [ExchangeError] = []
        let units = ProdigyFormat.importLines(bytes(dbOut), path: "db.jsonl", unit: .scalar, warnings: &warnings)
        XCTAssertEqual(units, [ImportedUnit(doc: "x.txt", n: 0, text: "A 😀 b.", labels: ["claim"])])
        XCTAssertEqual(warnings.map(\.isNote), [true])
    }

    func testDoccanoReadsRelationModeEntitiesAndMetadata() {
        let export = """
            {"id": 1, "text": "😀 We should act.", "entities": [{"id": 3, "label": "recommendation", "start_offset": 3, "end_offset": 17}], "relations": [], "meta": {"doc": "y.html", "n": 9}}
            {"id": 2, "text": "Plain.", "label": [], "doc": "y.html", "n": 10}
            """
        var warnings: [ExchangeError] = []
        let units = DoccanoFormat.importLines(bytes(export), path: "d.jsonl", unit: .utf16, warnings: &warnings)
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(units.map(\.labels), [["recommendation"], []])
        XCTAssertEqual(units.map(\.n), [9, 10])
    }

    func testBratSpansAddedByHandLabelTheirLine() {
        let txt = "Première phrase 😀 ici.\n\nTroisième: prices rose 5%.\n"
        let ann = """
            T1\tclaim 0 8\tPremière
            T2\tfigure 47 49\t5%
            #1\tAnnotatorNotes T1\tadded by hand
            T3\tposition 24 33;35 41\tTroisième prices
            """
        var warnings: [ExchangeError] = []
        let units = BratFormat.importDocument(name: "z.txt", txt: txt, ann: ann, path: "z.ann", unit: .scalar, warnings: &warnings)
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(units, [ImportedUnit(doc: "z.txt", n: 0, text: "Première phrase 😀 ici.", labels: ["claim"]),
                               ImportedUnit(doc: "z.txt", n: 2, text: "Troisième: prices rose 5%.", labels: ["position", "figure"])])
    }

    func testUnknownLabelsAreNamedAndLeftOut() {
        var warnings: [ExchangeError] = []
        let text = GoldLines.render([ImportedUnit(doc: "a", n: 0, text: "t", labels: ["claim", "Opinion"])], warnings: &warnings)
        XCTAssertEqual(text, "{\"doc\": \"a\", \"n\": 0, \"text\": \"t\", \"labels\": [\"claim\"]}\n")
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings[0].message.contains("\"Opinion\" is not a claimex tag"))
    }

    func testBadLinesAreNamedWithTheirPlaceAndTheRestIsRead() {
        var warnings: [ExchangeError] = []
        let units = DoccanoFormat.importLines(bytes("{\"text\": \"a\", \"doc\": \"d\", \"n\": 0, \"label\": []}\n{oops\n{\"text\": \"b\", \"doc\": \"d\", \"n\": 1, \"label\": []}\n"),
                                              path: "d.jsonl", unit: .utf16, warnings: &warnings)
        XCTAssertEqual(units.map(\.n), [0, 1])
        XCTAssertEqual(warnings.map(\.line), [2])
        XCTAssertTrue(warnings[0].description.hasPrefix("d.jsonl:2: not JSON"))
    }

    func testBratFileNamesKeepAnIdWithASlash() {
        XCTAssertEqual(BratFormat.fileName("batch/7%.txt"), "batch%2F7%25.txt")
        XCTAssertEqual(BratFormat.documentName(BratFormat.fileName("batch/7%2F.txt")), "batch/7%2F.txt")
    }

    func testLabelStudioJSONMinIsReadToo() {
        let export = #"[{"text": "Trade 😀 rose.", "doc": "a.txt", "n": 2, "id": 5, "label": [{"start": 8, "end": 12, "text": "rose", "labels": ["figure"]}]}]"#
        var warnings: [ExchangeError] = []
        let units = LabelStudioFormat.importTasks(bytes(export), path: "min.json", unit: .scalar, warnings: &warnings)
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(units, [ImportedUnit(doc: "a.txt", n: 2, text: "Trade 😀 rose.", labels: ["figure"])])
    }
}
