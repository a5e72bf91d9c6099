import Foundation
@testable import Ingest

/// Shared helpers of the HTML tests.
enum HTMLTestSupport {
    static func document(_ html: String, path: String = "test.html") throws(IngestError) -> Document {
        try Ingest.document(source: Array(html.utf8), path: path, mediaType: .html)
    }

    static func document(bytes: [UInt8], path: String = "test.html") throws(IngestError) -> Document {
        try Ingest.document(source: bytes, path: path, mediaType: .html)
    }

    /// A page with `body` inside `<body>`, UTF-8 declared.
    static func page(_ body: String, head: String = "") -> String {
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>T</title>\(head)</head><body>\(body)</body></html>"
    }

    static func texts(_ doc: Document) -> [String] { doc.blocks.map { doc.string($0.range) } }

    static var samplesDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples")
    }

    static let sampleNames = [
        "pism-2023-china-russia-partners", "pism-2024-putin-visit-china", "sceeus-2024-putin-in-beijing",
    ]
}
