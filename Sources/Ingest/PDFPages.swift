/// Page geometry: splits poppler's lines at wide gaps, finds running headers and footers by
/// their repetition across pages, the columns of each page, and puts what is left in
/// reading order (XY-cut: full-width rows cut a page into bands, each band is read left
/// column first).
struct PDFPiece {
    var words: [PDFWord]
    var x0: Double, x1: Double, y0: Double, y1: Double

    init(_ words: [PDFWord]) {
        self.words = words
        x0 = words.map(\.x0).min() ?? 0; x1 = words.map(\.x1).max() ?? 0
        y0 = words.map(\.y0).min() ?? 0; y1 = words.map(\.y1).max() ?? 0
    }
    var text: String { words.map(\.text).joined(separator: " ") }
    var midY: Double { (y0 + y1) / 2 }
}

/// One visual line of one column.
struct PDFRow {
    var pieces: [PDFPiece]
    var page: Int
    /// Column and band of the page: a sentence gets one box per region.
    var region: Int
    /// Left and right edges of the row's column on its page.
    var columnLeft: Double, columnRight: Double
    /// 1-based line on the page in reading order.
    var line = 0
    var words: [PDFWord] { pieces.flatMap(\.words) }
    var x0: Double { pieces.first?.x0 ?? 0 }
    var x1: Double { pieces.last?.x1 ?? 0 }
    var y0: Double { pieces.map(\.y0).min() ?? 0 }
    var y1: Double { pieces.map(\.y1).max() ?? 0 }
}

struct PDFPageRows {
    var header: [PDFRow] = []
    var body: [PDFRow] = []
    var footer: [PDFRow] = []
    var height: Double
}

enum PDFPages {
    /// Running headers and footers are looked for in this fraction of the page at the top and at the bottom.
    static let marginZone = 0.1

    /// Splits a line where the gap between two words is wider than `gap` (a column gutter, a table's cell gap).
    static func pieces(_ line: PDFLine, gap: Double) -> [PDFPiece] {
        var out: [PDFPiece] = []
        var cur: [PDFWord] = []
        for w in line.words.sorted(by: { $0.x0 < $1.x0 }) {
            if let last = cur.last, w.startsRun, w.x0 - last.x1 > gap {
                out.append(PDFPiece(cur)); cur = []
            }
            cur.append(w)
        }
        if !cur.isEmpty { out.append(PDFPiece(cur)) }
        return out
    }

    /// A piece's text with digits folded, so "PISM BULLETIN 2" and "... 3" are one furniture.
    static func furnitureKey(_ p: PDFPiece) -> String {
        String(p.text.lowercased().map { $0.isNumber ? "#" : $0 })
    }

    /// "3", "- 3 -", "Page 3", "3 / 8", "3 of 8", "iii".
    static func isPageNumber(_ p: PDFPiece) -> Bool {
        let t = p.text.lowercased().filter { !" -–—|/".contains($0) }
        let core = t.hasPrefix("page") ? String(t.dropFirst(4)) : t
        if !core.isEmpty && core.allSatisfy(\.isNumber) { return true }
        if core.contains("of") { return core.split(separator: "o").first.map { $0.allSatisfy(\.isNumber) } ?? false }
        return !core.isEmpty && core.count <= 5 && core.allSatisfy { "ivxlc".contains($0) }
    }

    /// Every page's rows in reading order, headers and footers set apart.
    static func layout(_ pages: [PDFPage], bodySize: Double) -> [PDFPageRows] {
        let gap = max(bodySize * 1.2, 6)
        let split = pages.map { page in page.lines.flatMap { pieces($0, gap: gap) } }
        // how many pages have each margin text
        var seen: [String: Int] = [:]
        for (i, pieces) in split.enumerated() {
            let h = pages[i].height
            var keys = Set<String>()
            for p in pieces where p.y1 <= h * marginZone || p.y0 >= h * (1 - marginZone) { keys.insert(furnitureKey(p)) }
            for k in keys { seen[k, default: 0] += 1 }
        }
        return split.enumerated().map { i, pieces in
            let page = pages[i]
            var out = PDFPageRows(height: page.height)
            var body: [PDFPiece] = []
            for p in pieces {
                let top = p.y1 <= page.height * marginZone, bottom = p.y0 >= page.height * (1 - marginZone)
                if (top || bottom) && ((seen[furnitureKey(p)] ?? 0) >= 2 || isPageNumber(p)) {
                    let row = PDFRow(pieces: [p], page: page.number, region: 0, columnLeft: p.x0, columnRight: p.x1)
                    if top { out.header.append(row) } else { out.footer.append(row) }
                } else {
                    body.append(p)
                }
            }
            out.header.sort { ($0.y0, $0.x0) < ($1.y0, $1.x0) }
            out.footer.sort { ($0.y0, $0.x0) < ($1.y0, $1.x0) }
            out.body = order(body, page: page.number)
            var n = 0
            for k in out.header.indices { n += 1; out.header[k].line = n }
            for k in out.body.indices { n += 1; out.body[k].line = n }
            for k in out.footer.indices { n += 1; out.footer[k].line = n }
            return out
        }
    }

    /// Reading order of a page's body pieces, grouped into rows.
    static func order(_ pieces: [PDFPiece], page: Int) -> [PDFRow] {
        guard !pieces.isEmpty else { return [] }
        let left = pieces.map(\.x0).min()!, right = pieces.map(\.x1).max()!
        let mid = (left + right) / 2, wide = (right - left) * 0.3
        let inLeft = pieces.filter { $0.x1 <= mid + 3 && $0.x1 - $0.x0 > wide }.count
        let inRight = pieces.filter { $0.x0 >= mid - 3 && $0.x1 - $0.x0 > wide }.count
        let twoColumns = inLeft >= 3 && inRight >= 3
        // 0: full width, 1: left column, 2: right column
        func column(_ p: PDFPiece) -> Int {
            guard twoColumns else { return 0 }
            if p.x0 < mid - 3 && p.x1 > mid + 3 { return 0 }
            return (p.x0 + p.x1) / 2 < mid ? 1 : 2
        }
        let edges: [Int: (Double, Double)] = [
            0: (left, right),
            1: (left, pieces.filter { column($0) == 1 }.map(\.x1).max() ?? mid),
            2: (pieces.filter { column($0) == 2 }.map(\.x0).min() ?? mid, right),
        ]
        let sorted = pieces.sorted { ($0.y0, $0.x0) < ($1.y0, $1.x0) }
        var rows: [PDFRow] = []
        var band = 0
        var cols: [Int: [PDFPiece]] = [1: [], 2: []]
        var spanning: [PDFPiece] = []
        func flushColumns() {
            guard !(cols[1]!.isEmpty && cols[2]!.isEmpty) else { return }
            band += 1
            for c in [1, 2] { rows += group(cols[c]!, page: page, region: page * 1000 + band * 3 + c, edges: edges[c]!) }
            cols = [1: [], 2: []]
        }
        func flushSpanning() {
            guard !spanning.isEmpty else { return }
            band += 1
            rows += group(spanning, page: page, region: page * 1000 + band * 3, edges: edges[0]!)
            spanning = []
        }
        for p in sorted {
            let c = column(p)
            if c == 0 { flushColumns(); spanning.append(p) } else { flushSpanning(); cols[c]!.append(p) }
        }
        flushColumns(); flushSpanning()
        return rows
    }

    /// Pieces of one column, top to bottom, those on one line as one row: a piece joins the
    /// row above when half its height or more lies within the row's (a raised footnote
    /// marker does).
    static func group(_ pieces: [PDFPiece], page: Int, region: Int, edges: (Double, Double)) -> [PDFRow] {
        var rows: [PDFRow] = []
        for p in pieces.sorted(by: { ($0.y0, $0.x0) < ($1.y0, $1.x0) }) {
            if var last = rows.last,
               min(p.y1, last.y1) - max(p.y0, last.y0) >= min(p.y1 - p.y0, last.y1 - last.y0) * 0.5 {
                last.pieces.append(p)
                last.pieces.sort { $0.x0 < $1.x0 }
                rows[rows.count - 1] = last
            } else {
                rows.append(PDFRow(pieces: [p], page: page, region: region, columnLeft: edges.0, columnRight: edges.1))
            }
        }
        return rows
    }
}
