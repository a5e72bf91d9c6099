import Ingest
import Rules
import XCTest
@testable import Pipeline

/// `Extractor`: a heading carries no tag (rules/TAGGING.md), whatever its words match, in
/// both ways records are made (`records` and the streamed `output`).
final class ExtractorTests: XCTestCase {
    private static let markdown = """
        # Why Europe should rearm now

        The West must act before the winter.

        ## What the allies need to do

        Europe should buy 300,000 shells.
        """

    private func extractor() throws -> Extractor {
        Extractor(rules: try Repo.inRoot { try RuleSet.load(directory: "rules") }, allSentences: true)
    }

    private func document() throws -> Document {
        try Ingest.document(source: Array(Self.markdown.utf8), path: "brief.txt", mediaType: .plainText)
    }

    func testAHeadingCarriesNoTag() throws {
        let records = try extractor().records(try document())
        let tagged = records.filter { !$0.tags.isEmpty }.map(\.text)
        XCTAssertEqual(tagged, ["The West must act before the winter.", "Europe should buy 300,000 shells."])
        XCTAssertEqual(records.count, 4, "every sentence, headings too, is still a record with --all-sentences")
    }

    func testTheStreamedOutputAgrees() throws {
        let out = try extractor().output(try document())
        XCTAssertEqual(out.sentences, 4)
        let lines = String(decoding: out.jsonl, as: UTF8.self).split(separator: "\n")
        let headings = lines.filter { $0.contains("\"kind\":\"heading\"") }
        XCTAssertEqual(headings.count, 2)
        for h in headings { XCTAssertTrue(h.contains("\"labels\":[]"), String(h)) }
        XCTAssertEqual(out.labelCounts[Tag.allCases.firstIndex(of: .recommendation)!], 2)
    }
}
