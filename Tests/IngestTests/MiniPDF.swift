import Foundation

/// Writes small, valid PDFs by hand for the tests: text at given places in Helvetica
/// (regular and bold, WinAnsi), optional filled rectangles, one content stream per page
/// (or one shared by every page, so a 1,000-page PDF stays small).
struct MiniPDF {
    struct Run {
        var x: Double, y: Double   // baseline start, PDF user space (origin bottom-left)
        var size: Double
        var bold = false
        var text: String
    }

    struct Page {
        var runs: [Run] = []
        var rectangles: [(x: Double, y: Double, w: Double, h: Double)] = []
    }

    var pages: [Page] = []
    var width = 595.0, height = 842.0

    static func escape(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        for ch in s.unicodeScalars {
            switch ch {
            case "(", ")", "\\": out += [0x5C, UInt8(ch.value)]
            default:
                // WinAnsi: Latin-1 plus a few; the tests use ASCII and U+00AD
                out.append(ch.value < 256 ? UInt8(ch.value) : 0x3F)
            }
        }
        return out
    }

    static func content(_ page: Page) -> [UInt8] {
        var s: [UInt8] = []
        for r in page.rectangles { s += Array("\(r.x) \(r.y) \(r.w) \(r.h) re f\n".utf8) }
        for r in page.runs {
            s += Array("BT /\(r.bold ? "F2" : "F1") \(r.size) Tf \(r.x) \(r.y) Td (".utf8) + escape(r.text) + Array(") Tj ET\n".utf8)
        }
        return s
    }

    /// The PDF's bytes; `sharedContent` draws page 1's content on every page.
    func bytes(sharedContent: Bool = false) -> [UInt8] {
        var objects: [[UInt8]] = []   // object n is objects[n - 1]
        let n = pages.count
        let fontIDs = (3, 4)
        let firstPage = 5
        let contentStart = firstPage + n
        objects.append(Array("<< /Type /Catalog /Pages 2 0 R >>".utf8))
        let kids = (0..<n).map { "\(firstPage + $0) 0 R" }.joined(separator: " ")
        objects.append(Array("<< /Type /Pages /Kids [\(kids)] /Count \(n) >>".utf8))
        objects.append(Array("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8))
        objects.append(Array("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>".utf8))
        for i in 0..<n {
            let c = sharedContent ? contentStart : contentStart + i
            objects.append(Array("""
                << /Type /Page /Parent 2 0 R /MediaBox [0 0 \(width) \(height)] \
                /Resources << /Font << /F1 \(fontIDs.0) 0 R /F2 \(fontIDs.1) 0 R >> >> /Contents \(c) 0 R >>
                """.utf8))
        }
        for page in sharedContent ? [pages[0]] : pages {
            let body = Self.content(page)
            objects.append(Array("<< /Length \(body.count) >>\nstream\n".utf8) + body + Array("\nendstream".utf8))
        }
        var out = Array("%PDF-1.4\n%\u{E2}\u{E3}\n".utf8)
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(i + 1) 0 obj\n".utf8) + o + Array("\nendobj\n".utf8)
        }
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for o in offsets { out += Array(String(format: "%010d 00000 n \n", o).utf8) }
        out += Array("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }
}
