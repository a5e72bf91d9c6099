import Foundation

/// PDF -> blocks on poppler-utils: `pdftotext -bbox-layout` gives every word and its box,
/// `pdftohtml -xml` the font size and weight of each run of text; `PDFPages` and `PDFBlocks`
/// rebuild the reading order and the blocks, and every word's box goes into a `PDFLayout`.
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
        let words: [UInt8]
        do {
            words = try PDFTools.run("pdftotext", ["-bbox-layout", "-enc", "UTF-8", "-l", last, dir + "/in.pdf", "-"],
                                     stderrFile: dir + "/words.err")
        } catch {
            if error.message.contains("Incorrect password") {
                throw fail("encrypted PDF (it needs a password), skipped")
            }
            throw fail("poppler cannot read it: \(error.message), skipped")
        }
        guard let parsed = PDFLayoutXML.readWords(words) else {
            throw fail("poppler's word boxes could not be read, skipped")
        }
        var pages = parsed.pages
        if pages.count > maxPages {
            throw fail("more than \(maxPages) pages (the limit for one PDF), skipped")
        }
        guard pages.contains(where: { !$0.lines.isEmpty }) else {
            throw fail("no text layer (\(pages.count) page\(pages.count == 1 ? "" : "s") of images or drawings only; claimex does no OCR), skipped")
        }
        // Font sizes and weights; without them sizes come from the word boxes.
        let fonts = (try? PDFTools.run("pdftohtml", ["-xml", "-i", "-q", "-zoom", "1", "-noroundcoord", "-fontfullname",
                                                     "-stdout", "-l", last, dir + "/in.pdf"],
                                       stderrFile: dir + "/fonts.err")).map(PDFLayoutXML.readFonts) ?? []
        attachFonts(&pages, fonts)
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
        var meta = Metadata()
        if let t = parsed.title?.trimmingCharacters(in: .whitespaces), !t.isEmpty, t != "(anonymous)", t != "untitled" {
            meta.title = t
        }
        if let a = parsed.author, !a.isEmpty, a != "(anonymous)" {
            meta.authors = a.replacingOccurrences(of: " & ", with: ",").replacingOccurrences(of: " and ", with: ",")
                .split(whereSeparator: { $0 == "," || $0 == ";" })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return (meta, layout)
    }

    static func contains<C: Collection<UInt8>>(_ hay: C, _ needle: String) -> Bool {
        let n = Array(needle.utf8), h = Array(hay)
        guard h.count >= n.count else { return false }
        for i in 0...(h.count - n.count) where h[i] == n[0] && Array(h[i..<(i + n.count)]) == n { return true }
        return false
    }

    /// Each word takes the size and weight of the `pdftohtml` run under its centre.
    static func attachFonts(_ pages: inout [PDFPage], _ fonts: [[PDFFontRun]]) {
        for p in pages.indices {
            let runs = p < fonts.count ? fonts[p].sorted { $0.top < $1.top } : []
            for l in pages[p].lines.indices {
                for w in pages[p].lines[l].words.indices {
                    var word = pages[p].lines[l].words[w]
                    var best: PDFFontRun?, bestDistance = Double.infinity
                    // first run whose top is within reach of the word (runs are sorted by top)
                    var lo = 0, hi = runs.count
                    while lo < hi { let m = (lo + hi) / 2; if runs[m].top < word.y0 - 24 { lo = m + 1 } else { hi = m } }
                    var i = lo
                    while i < runs.count, runs[i].top <= word.y1 + 4 {
                        let r = runs[i]
                        if word.midX >= r.left - 1, word.midX <= r.left + r.width + 1 {
                            let d = abs((r.top + r.height / 2) - word.midY)
                            if d < bestDistance { bestDistance = d; best = r }
                        }
                        i += 1
                    }
                    if let best, bestDistance < 8, best.size > 0 {
                        word.size = best.size; word.bold = best.bold
                    } else {
                        // poppler's word box is about 0.93 of the font size high for common fonts
                        word.size = ((word.y1 - word.y0) / 0.93 * 2).rounded() / 2
                    }
                    pages[p].lines[l].words[w] = word
                }
            }
        }
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
                let raised = w.size > 0 && w.size <= rowSize * 0.8 && w.y1 < base - 1
                if raised && PDFText.isDigits(t.text) && !tokens.isEmpty && item.kind != .footnote {
                    t.text = PDFText.superscript(t.text)
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
