import XCTest
@testable import Ingest

/// The HTML editions of the sample briefs: only the article comes through.
final class HTMLSampleTests: XCTestCase {
    func testDump() throws {
        for name in HTMLTestSupport.sampleNames {
            let url = HTMLTestSupport.samplesDirectory.appendingPathComponent(name + ".html")
            let doc = try Ingest.read(path: url.path)
            print("=== \(name) title=\(doc.title ?? "-") authors=\(doc.authors) date=\(doc.date ?? "-")")
            for b in doc.blocks {
                print("[\(b.kind.rawValue) \(b.level) L\(b.sourceLine) \(b.xpath ?? "-") \(b.sectionPath)] \(doc.string(b.range).prefix(90))")
            }
        }
    }
}
