/// Rows in reading order -> blocks: headings by font size and weight, footnotes by their
/// small type at the foot of a page, bullet lists, tables by aligned cells, paragraphs by
/// spacing and indentation; a paragraph cut by a column or page break is joined again.
struct PDFItem {
    var kind: Block.Kind
    var rows: [PDFRow]
    /// For headings: font size and weight, ranked into levels at the end.
    var style: (size: Double, bold: Bool) = (0, false)
    var level = 0
    /// The first word of the first row is a bullet, not text.
    var dropsBullet = false
}

struct PDFBlocks {
    let bodySize: Double

    enum Style { case body, heading, small }

    func main(_ row: PDFRow) -> [PDFWord] {
        let ws = row.words
        let big = ws.filter { $0.size > bodySize * 0.8 }
        return big.isEmpty ? ws : big
    }

    func size(_ row: PDFRow) -> Double {
        let s = main(row).map(\.size).sorted()
        return s.isEmpty ? bodySize : s[s.count / 2]
    }

    func style(_ row: PDFRow) -> Style {
        let s = size(row)
        if s <= bodySize * 0.88 { return .small }
        let ws = main(row)
        let letters = ws.reduce(0) { $0 + $1.text.count }
        if letters < 200 && (s >= bodySize * 1.12 || ws.allSatisfy(\.bold)) { return .heading }
        return .body
    }

    func startsWithNumber(_ row: PDFRow) -> Bool {
        guard let w = row.words.first?.text.unicodeScalars.first else { return false }
        return ("0"..."9").contains(w) || "¹²³⁴⁵⁶⁷⁸⁹".unicodeScalars.contains(w)
    }

    func isBullet(_ row: PDFRow) -> Bool {
        let ws = row.words
        return ws.count > 1 && PDFText.bullets.contains(ws[0].text)
    }

    /// Rows of one region that are table rows: two or more cells, whose left edges line up
    /// with those of a neighbouring row.
    func tableRows(_ rows: [PDFRow]) -> Set<Int> {
        var out = Set<Int>()
        func aligned(_ a: PDFRow, _ b: PDFRow) -> Bool {
            guard a.region == b.region, a.pieces.count >= 2, b.pieces.count >= 2 else { return false }
            let matches = a.pieces.filter { p in b.pieces.contains { abs($0.x0 - p.x0) < 2.5 } }.count
            return matches >= 2
        }
        for i in rows.indices.dropLast() where aligned(rows[i], rows[i + 1]) {
            out.insert(i); out.insert(i + 1)
        }
        return out
    }

    func build(_ pages: [PDFPageRows]) -> [PDFItem] {
        var items: [PDFItem] = []
        /// The paragraph or list item rows may still be added to (nil after a heading or table).
        var open: Int?
        for page in pages {
            for r in page.header { items.append(PDFItem(kind: .furniture, rows: [r])) }
            let table = tableRows(page.body)
            // footnotes go after the page's text, wherever their column put them
            var notes: [PDFItem] = []
            for (i, row) in page.body.enumerated() {
                if table.contains(i) {
                    for p in row.pieces {
                        var cell = row; cell.pieces = [p]
                        items.append(PDFItem(kind: .tableCell, rows: [cell]))
                    }
                    open = nil
                    continue
                }
                let st = style(row)
                if st == .small && row.y0 > page.height * 0.5 {
                    if startsWithNumber(row) || notes.isEmpty {
                        notes.append(PDFItem(kind: .footnote, rows: [row]))
                    } else {
                        notes[notes.count - 1].rows.append(row)
                    }
                    continue
                }
                if st == .heading {
                    let key = (size: (size(row) * 2).rounded() / 2, bold: main(row).allSatisfy(\.bold))
                    // a heading's lines: same type, one under the other (a short last line
                    // may fall in a column of its own)
                    if let last = items.last, last.kind == .heading, let prev = last.rows.last,
                       prev.page == row.page, last.style == key, row.y0 - prev.y1 < bodySize, row.y0 > prev.y0 {
                        items[items.count - 1].rows.append(row)
                    } else {
                        items.append(PDFItem(kind: .heading, rows: [row], style: key))
                    }
                    open = nil
                    continue
                }
                if isBullet(row) {
                    items.append(PDFItem(kind: .listItem, rows: [row], dropsBullet: true))
                    open = items.count - 1
                    continue
                }
                if let o = open, continues(items[o], with: row) {
                    items[o].rows.append(row)
                } else {
                    items.append(PDFItem(kind: .paragraph, rows: [row]))
                    open = items.count - 1
                }
            }
            items += notes
            for r in page.footer { items.append(PDFItem(kind: .furniture, rows: [r])) }
        }
        rankHeadings(&items)
        return items
    }

    /// Whether `row` goes on the open paragraph or list item.
    func continues(_ item: PDFItem, with row: PDFRow) -> Bool {
        guard let prev = item.rows.last else { return false }
        let indent = bodySize * 0.9
        let indented = row.x0 > row.columnLeft + indent
        if prev.region == row.region && prev.page == row.page {
            let gap = row.y0 - prev.y1
            if gap > (prev.y1 - prev.y0) * 0.55 { return false }
            if item.kind == .listItem { return indented }
            return !indented
        }
        // a column or page break: the paragraph goes on when its last line does not end a
        // sentence, or runs to the column's right edge and the next line is not indented
        let text = prev.words.last?.text ?? ""
        let full = prev.x1 >= prev.columnRight - (prev.columnRight - prev.columnLeft) * 0.04
        if item.kind == .listItem { return !PDFText.endsTerminal(text) || (full && indented) }
        return !PDFText.endsTerminal(text) || (full && !indented)
    }

    /// Levels 1-6 by size (larger first), bold before regular at one size.
    func rankHeadings(_ items: inout [PDFItem]) {
        var keys: [(size: Double, bold: Bool)] = []
        for it in items where it.kind == .heading && !keys.contains(where: { $0 == it.style }) { keys.append(it.style) }
        keys.sort { $0.size != $1.size ? $0.size > $1.size : ($0.bold && !$1.bold) }
        for i in items.indices where items[i].kind == .heading {
            items[i].level = min(6, (keys.firstIndex { $0 == items[i].style } ?? 0) + 1)
        }
    }
}
