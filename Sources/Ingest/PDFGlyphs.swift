/// Word boxes inside a run of text. `pdftohtml` gives the box of each run (one font, one
/// baseline) but not of its words; the run's width is shared out over its characters in
/// proportion to Helvetica's advance widths (the run's own font is not known, nor how a
/// justified line's slack was spread). The y extent and the run's ends are exact; a word's
/// edges inside a run are estimates, off by a character or two at most on a long line.
enum PDFGlyphs {
    /// Helvetica's advance widths (1/1000 em) for ASCII 32-126, from its AFM.
    static let helvetica: [UInt16] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556,
        556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778,
        722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278,
        278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ]

    static func advance(_ ch: Character) -> Double {
        if let a = ch.asciiValue, a >= 32, a < 127 { return Double(helvetica[Int(a) - 32]) }
        if ch == "\u{00A0}" { return 278 }
        // ligatures are two or three letters wide; anything else as an average letter
        if let l = PDFText.ligatures[ch] { return Double(l.count) * 500 }
        return 556
    }

    /// The words of a run at `left`, `width` points wide, its top at `top`, set in `size` points.
    static func words(_ text: String, left: Double, width: Double, top: Double, size: Double) -> [PDFWord] {
        let chars = Array(text)
        guard !chars.isEmpty else { return [] }
        let widths = chars.map(advance)
        let natural = widths.reduce(0, +)
        guard natural > 0 else { return [] }
        let scale = width / natural
        var out: [PDFWord] = []
        var x = left
        var current = "", start = left
        for (ch, w) in zip(chars, widths) {
            let adv = w * scale
            if ch.isWhitespace {
                if !current.isEmpty { out.append(PDFWord(text: current, x0: start, y0: top, x1: x, y1: top + size, size: size)) }
                current = ""
            } else {
                if current.isEmpty { start = x }
                current.append(ch)
            }
            x += adv
        }
        if !current.isEmpty { out.append(PDFWord(text: current, x0: start, y0: top, x1: left + width, y1: top + size, size: size)) }
        if !out.isEmpty { out[0].startsRun = true }
        return out
    }
}
