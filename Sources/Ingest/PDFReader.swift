import Foundation

/// PDF -> blocks on poppler-utils: `pdftohtml -xml` gives every run of text with its box,
/// font size and weight (`PDFGlyphs` places the words inside a run); `PDFPages` and
/// `PDFBlocks` rebuild the reading order and the blocks, and every word's box goes into a
/// `PDFLayout`.
enum PDFReader {
    /// PDFs with more pages are refused (a documented limit: no brief is that long, and it
    /// bounds the work on one file). poppler is asked for one page more to tell.
    static let maxPages = 500

    static func read(_ source: [UInt8], path: String, into builder: inout DocumentBuilder)
        throws(IngestError) -> (Metadata, PDFLayout) {
        func fail(_ m: String) -> IngestError { IngestError(path: path, kind: .pdf, message: m) }
        guard contains(source.prefix(1024), "%PDF-") else {
            throw fail("not a PDF (no %PDF- header), skipped")
        }
        guard contains(source.suffix(1024), "%%EOF") else {
            throw fail("truncated PDF (no %%EOF at the end), skipped")
        }
        let dir = NSTemporaryDirectory() + "claimex-pdf-" + UUID().uuidString
        guard (try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)) != nil,
              FileManager.default.createFile(atPath: dir + "/in.pdf", contents: Data(source)) else {
            throw fail("cannot write a temporary copy for poppler, skipped")
        }
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let last = String(maxPages + 1)
        let xml: [UInt8]
        do {
            xml = try PDFTools.run("pdftohtml", ["-xml", "-i", "-zoom", "1", "-noroundcoord", "-fontfullname",
                                                 "-stdout", "-l", last, dir + "/in.pdf"],
                                   stderrFile: dir + "/poppler.err")
        } catch {
            if error.message.contains("Incorrect password") {
                throw fail("encrypted PDF (it needs a password), skipped")
            }
            if error.stopped { throw fail("\(error.message), skipped") }
            throw fail("poppler cannot read it: \(error.message), skipped")
        }
        guard let pages = PDFLayoutXML.readRuns(xml) else {
            throw fail("poppler's text runs could not be read, skipped")
        }
        if pages.count > maxPages {
            throw fail("more than \(maxPages) pages (the limit for one PDF), skipped")
        }
        guard !pages.isEmpty else {
            throw fail("no pages found (a damaged page tree?), skipped")
        }
        guard pages.contains(where: { !$0.lines.isEmpty }) else {
            throw fail("no text layer (\(pages.count) page\(pages.count == 1 ? "" : "s") of images or drawings only; claimex does no OCR), skipped")
        }
        let body = bodySize(pages)
        let rows = PDFPages.layout(pages, bodySize: body)
        let blocks = PDFBlocks(bodySize: body)
        let items = blocks.build(rows)
        var layout = PDFLayout()
        layout.setPageCount(pages.count)
        let heights = pages.map(\.height)
        let compounds = PDFText.compounds(in: pages.flatMap { $0.lines.flatMap { $0.words.dropLast().map(\.text) } })
        for item in items {
            emit(item, blocks: blocks, heights: heights, compounds: compounds, into: &builder, layout: &layout)
        }
        // PDF document information is not in poppler's XML: the title is the first top-level heading
        var meta = Metadata()
        if let first = items.first(where: { $0.kind == .heading && $0.level == 1 }) {
            meta.title = first.rows.flatMap(\.words).map { PDFText.normalize($0.text) }.joined(separator: " ")
        }
        return (meta, layout)
    }

    static func contains<C: Collection<UInt8>>(_ hay: C, _ needle: String) -> Bool {
        let n = Array(needle.utf8), h = Array(hay)
        guard h.count >= n.count else { return false }
        for i in 0...(h.count - n.count) where h[i] == n[0] && Array(h[i..<(i + n.count)]) == n { return true }
        return false
    }

    /// The size most of the text is set in, weighted by characters.
    static func bodySize(_ pages: [PDFPage]) -> Double {
        var count: [Double: Int] = [:]
        for p in pages { for l in p.lines { for w in l.words { count[(w.size * 2).rounded() / 2, default: 0] += w.text.count } } }
        return count.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? 10
    }

    private struct Token {
        var text: String
        var raw: String
        var word: PDFWord
        var row: PDFRow
        var glued = false
    }

    /// Writes one block: words joined by spaces, markers raised, line-end hyphens undone.
    static func emit(_ item: PDFItem, blocks: PDFBlocks, heights: [Double], compounds: Set<String>,
                     into builder: inout DocumentBuilder, layout: inout PDFLayout) {
        var tokens: [Token] = []
        for (r, row) in item.rows.enumerated() {
            var words = row.words
            if r == 0 && item.dropsBullet { words.removeFirst() }
            let base = blocks.main(row).map(\.y1).max() ?? row.y1
            let rowSize = blocks.size(row)
            for (k, w) in words.enumerated() {
                var t = Token(text: PDFText.normalize(w.text), raw: w.text, word: w, row: row)
                let raised = w.size > 0 && w.size <= rowSize * 0.8 + 0.01 && (w.y1 < base - 1 || w.glued)
                if raised && PDFText.isDigits(t.text) && !tokens.isEmpty && item.kind != .footnote {
                    t.text = PDFText.superscript(t.text)
                    t.glued = true
                } else if w.glued && !tokens.isEmpty {
                    t.glued = true
                } else if k == 0, let prev = tokens.last, prev.row.line != row.line || prev.row.page != row.page {
                    if PDFText.endsWithSoftHyphen(prev.raw) {
                        t.glued = true
                    } else if PDFText.endsWithHyphen(prev.text) {
                        let joined = PDFText.joinHyphenated(prev.text, t.text, compounds: compounds)
                        if joined != prev.text + t.text {
                            tokens[tokens.count - 1].text = String(prev.text.unicodeScalars.dropLast().map(Character.init))
                            t.glued = true
                        } else if t.text.unicodeScalars.first?.properties.isLowercase == true {
                            t.glued = true
                        }
                    }
                }
                if t.text.isEmpty { continue }
                tokens.append(t)
            }
        }
        guard let first = tokens.first else { return }
        builder.beginBlock(item.kind, level: item.level, sourceLine: first.row.line)
        for t in tokens {
            if !t.glued { builder.appendSpace(source: nil) }
            builder.append(Array(t.text.utf8), sourceStart: nil)
            let end = builder.text.count
            let h = heights[t.row.page - 1]
            let box = PDFLayout.Box(page: t.row.page, x0: t.word.x0, y0: h - t.word.y1, x1: t.word.x1, y1: h - t.word.y0)
            layout.add(PDFLayout.Word(start: end - t.text.utf8.count, end: end, box: box, line: t.row.line, region: t.row.region))
        }
        builder.endBlock()
    }
}
