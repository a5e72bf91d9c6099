import CLibXML2

/// A word as poppler placed it: text and box in PDF points, origin at the page's top-left
/// corner (poppler's convention; boxes are turned to PDF user space on the way out).
struct PDFWord {
    var text: String
    var x0: Double, y0: Double, x1: Double, y1: Double
    /// Font size in points and weight.
    var size: Double = 0
    var bold = false
    /// Touches the word before it with no space between (a footnote marker, a change of font
    /// inside a word).
    var glued = false
    /// First word of a poppler run: only there may a line split into pieces (the gaps
    /// inside a run are estimates).
    var startsRun = false
    var midX: Double { (x0 + x1) / 2 }
    var midY: Double { (y0 + y1) / 2 }
}

/// A run of text in one font on one baseline, as poppler gives it.
struct PDFLine {
    var words: [PDFWord]
    var x0: Double { words.map(\.x0).min() ?? 0 }
    var x1: Double { words.map(\.x1).max() ?? 0 }
    var y0: Double { words.map(\.y0).min() ?? 0 }
    var y1: Double { words.map(\.y1).max() ?? 0 }
    var text: String { words.map(\.text).joined(separator: " ") }
}

struct PDFPage {
    var number: Int
    var width: Double
    var height: Double
    var lines: [PDFLine] = []
}

/// Reads `pdftohtml -xml -zoom 1 -noroundcoord` with libxml2 (no network, no DTD loading).
enum PDFLayoutXML {
    static let options = Int32(bitPattern:
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
        | XML_PARSE_NOBLANKS.rawValue | XML_PARSE_COMPACT.rawValue)

    private static let initialised: Void = { xmlInitParser() }()

    static func parse(_ bytes: [UInt8]) -> xmlDocPtr? {
        _ = initialised
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        return bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                xmlReadMemory($0, Int32(buf.count), nil, "UTF-8", options)
            }
        }
    }

    /// Pages of runs; each run's words get boxes by sharing out the run's width (see `PDFGlyphs`).
    static func readRuns(_ bytes: [UInt8]) -> [PDFPage]? {
        guard let doc = parse(bytes) else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return nil }
        var bold: [String: Bool] = [:]   // fontspec id -> weight
        var pages: [PDFPage] = []
        var c = root.pointee.children
        while let node = c {
            c = node.pointee.next
            guard node.pointee.type == XML_ELEMENT_NODE, name(node) == "page" else { continue }
            var page = PDFPage(number: pages.count + 1, width: double(node, "width"), height: double(node, "height"))
            var previous: (x1: Double, y0: Double, endsInSpace: Bool)?
            var e = node.pointee.children
            while let n = e {
                e = n.pointee.next
                guard n.pointee.type == XML_ELEMENT_NODE else { continue }
                if name(n) == "fontspec" {
                    bold[attr(n, "id") ?? ""] = isBoldName(attr(n, "family") ?? "")
                    continue
                }
                guard name(n) == "text" else { continue }
                let text = content(n)
                let top = double(n, "top"), left = double(n, "left"), width = double(n, "width"), size = double(n, "height")
                var isBold = bold[attr(n, "font") ?? ""] ?? false
                if let first = n.pointee.children, first.pointee.type == XML_ELEMENT_NODE, name(first) == "b" { isBold = true }
                var words = PDFGlyphs.words(text, left: left, width: width, top: top, size: size)
                guard !words.isEmpty else { continue }
                for i in words.indices { words[i].bold = isBold }
                if let p = previous, !(text.first?.isWhitespace ?? true), !p.endsInSpace,
                   abs(left - p.x1) < size * 0.15, abs(top - p.y0) < size {
                    words[0].glued = true
                }
                previous = (left + width, top, text.last?.isWhitespace ?? true)
                // runs one after the other on one baseline make one line (poppler starts a
                // new run at a change of font or a wide justified space)
                if let last = page.lines.last, let lw = last.words.last,
                   left >= lw.x1 - 1, top + size / 2 >= lw.y0, top + size / 2 <= lw.y1 || abs(top + size - lw.y1) < size * 0.3 {
                    page.lines[page.lines.count - 1].words += words
                } else {
                    page.lines.append(PDFLine(words: words))
                }
            }
            pages.append(page)
        }
        return pages
    }

    static func isBoldName(_ family: String) -> Bool {
        let f = family.lowercased()
        return f.contains("bold") || f.contains("black") || f.contains("heavy") || f.contains("semibold")
            || f.hasSuffix(",bd") || f.hasSuffix("-bd") || f.hasSuffix("bd")
    }

    // MARK: libxml2 helpers

    /// Depth-first over element children; `visit` returns whether to descend.
    static func walk(_ node: xmlNodePtr, _ visit: (xmlNodePtr) -> Bool) {
        var stack: [xmlNodePtr] = []
        var c = node.pointee.children
        while true {
            while let n = c {
                c = n.pointee.next
                guard n.pointee.type == XML_ELEMENT_NODE else { continue }
                if visit(n), let kids = n.pointee.children {
                    if let next = c { stack.append(next) }
                    c = kids
                }
            }
            guard let next = stack.popLast() else { return }
            c = next
        }
    }

    static func name(_ n: xmlNodePtr) -> String {
        guard let p = n.pointee.name else { return "" }
        return String(cString: p)
    }

    /// An attribute's value, read in place (nothing for the caller to free).
    static func attr(_ n: xmlNodePtr, _ key: String) -> String? {
        var a = n.pointee.properties
        while let p = a {
            if let name = p.pointee.name, String(cString: name) == key {
                return p.pointee.children.map(content) ?? ""
            }
            a = p.pointee.next
        }
        return nil
    }

    static func double(_ n: xmlNodePtr, _ key: String) -> Double {
        attr(n, key).flatMap(Double.init) ?? 0
    }

    /// The text of a node and its descendants, read in place.
    static func content(_ n: xmlNodePtr) -> String {
        if n.pointee.type == XML_TEXT_NODE { return n.pointee.content.map { String(cString: $0) } ?? "" }
        var out = ""
        var c = n.pointee.children
        while let k = c {
            out += content(k)
            c = k.pointee.next
        }
        return out
    }
}
