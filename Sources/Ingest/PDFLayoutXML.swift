import CLibXML2

/// A word as poppler placed it: text and box in PDF points, origin at the page's top-left
/// corner (poppler's convention; `PDFLayout` turns boxes to PDF user space on the way out).
struct PDFWord {
    var text: String
    var x0: Double, y0: Double, x1: Double, y1: Double
    /// Font size in points and weight, from `pdftohtml -xml` (0 / false when unknown).
    var size: Double = 0
    var bold = false
    var midX: Double { (x0 + x1) / 2 }
    var midY: Double { (y0 + y1) / 2 }
}

/// A line as poppler grouped it (one baseline, one column).
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

/// A run of text in one font, as `pdftohtml -xml` reports it.
struct PDFFontRun {
    var top: Double, left: Double, width: Double, height: Double
    var size: Double
    var bold: Bool
}

/// Reads the two XML dialects of poppler-utils with libxml2 (no network, no DTD loading).
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

    /// `pdftotext -bbox-layout`: pages of lines of words, and the document's title and author.
    static func readWords(_ bytes: [UInt8]) -> (pages: [PDFPage], title: String?, author: String?)? {
        guard let doc = parse(bytes) else { return nil }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return nil }
        var pages: [PDFPage] = []
        var title: String?, author: String?
        walk(root) { node in
            switch name(node) {
            case "title": title = content(node); return false
            case "meta":
                if attr(node, "name") == "Author" { author = attr(node, "content") }
                return false
            case "page":
                var page = PDFPage(number: pages.count + 1, width: double(node, "width"), height: double(node, "height"))
                walk(node) { n in
                    guard name(n) == "line" else { return true }
                    var line = PDFLine(words: [])
                    var w = n.pointee.children
                    while let c = w {
                        if c.pointee.type == XML_ELEMENT_NODE, name(c) == "word" {
                            line.words.append(PDFWord(text: content(c), x0: double(c, "xMin"), y0: double(c, "yMin"),
                                                      x1: double(c, "xMax"), y1: double(c, "yMax")))
                        }
                        w = c.pointee.next
                    }
                    if !line.words.isEmpty { page.lines.append(line) }
                    return false
                }
                pages.append(page)
                return false
            default: return true
            }
        }
        return (pages, title, author)
    }

    /// `pdftohtml -xml -zoom 1 -noroundcoord -fontfullname`: per page, the font of each run.
    static func readFonts(_ bytes: [UInt8]) -> [[PDFFontRun]] {
        guard let doc = parse(bytes) else { return [] }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return [] }
        var specs: [String: (size: Double, bold: Bool)] = [:]
        var pages: [[PDFFontRun]] = []
        var c = root.pointee.children
        while let page = c {
            c = page.pointee.next
            guard page.pointee.type == XML_ELEMENT_NODE, name(page) == "page" else { continue }
            var runs: [PDFFontRun] = []
            var e = page.pointee.children
            while let n = e {
                e = n.pointee.next
                guard n.pointee.type == XML_ELEMENT_NODE else { continue }
                if name(n) == "fontspec" {
                    specs[attr(n, "id") ?? ""] = (double(n, "size"), isBoldName(attr(n, "family") ?? ""))
                } else if name(n) == "text" {
                    let spec = specs[attr(n, "font") ?? ""] ?? (0, false)
                    var bold = spec.bold
                    if let first = n.pointee.children, first.pointee.type == XML_ELEMENT_NODE, name(first) == "b" { bold = true }
                    runs.append(PDFFontRun(top: double(n, "top"), left: double(n, "left"), width: double(n, "width"),
                                           height: double(n, "height"), size: spec.size, bold: bold))
                }
            }
            pages.append(runs)
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
