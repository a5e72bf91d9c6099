/// Word-level clean-up of what a PDF's text layer holds: typographic ligatures spelled out,
/// soft hyphens dropped, and the hyphen of a word broken at a line end undone.
enum PDFText {
    /// U+FB00-FB06, the Latin ligatures a typesetter substitutes, as their letters.
    static let ligatures: [Character: String] = [
        "\u{FB00}": "ff", "\u{FB01}": "fi", "\u{FB02}": "fl", "\u{FB03}": "ffi", "\u{FB04}": "ffl",
        "\u{FB05}": "st", "\u{FB06}": "st",
    ]

    /// Ligatures spelled out; soft hyphens (U+00AD) and zero-width characters removed.
    static func normalize(_ word: String) -> String {
        guard word.unicodeScalars.contains(where: { $0.value >= 0xAD }) else { return word }
        var out = ""
        out.reserveCapacity(word.utf8.count)
        for ch in word {
            if let l = ligatures[ch] { out += l; continue }
            if ch == "\u{00AD}" || ch == "\u{200B}" || ch == "\u{FEFF}" || ch == "\u{200C}" || ch == "\u{200D}" { continue }
            out.append(ch)
        }
        return out
    }

    /// True when the raw word ends in a soft hyphen: the typesetter broke it there.
    static func endsWithSoftHyphen(_ raw: String) -> Bool { raw.unicodeScalars.last == "\u{00AD}" }

    /// Hyphens a line may end with when a word is broken across lines.
    static func endsWithHyphen(_ w: String) -> Bool {
        guard let last = w.unicodeScalars.last, last == "-" || last == "\u{2010}" else { return false }
        let before = w.unicodeScalars.dropLast().last
        return before.map { $0.properties.isAlphabetic } ?? false
    }

    /// How a line ending in `head` ("coop-") goes on with `tail` ("eration,"): glued without
    /// the hyphen (a typesetter's break), glued with it (a compound: "dual-" + "use" when the
    /// document spells "dual-use" elsewhere, or the next part starts with a capital or digit).
    static func joinHyphenated(_ head: String, _ tail: String, compounds: Set<String>) -> String {
        let stem = String(head.unicodeScalars.dropLast())
        guard let first = tail.unicodeScalars.first, first.properties.isLowercase else { return head + tail }
        let left = trailingWord(stem), right = leadingWord(tail)
        if compounds.contains((left + "-" + right).lowercased()) { return head + tail }
        return stem + tail
    }

    /// The letters at the end / start of a word, without punctuation ("(coop" -> "coop").
    static func trailingWord(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.reversed().prefix { $0.properties.isAlphabetic }.reversed()))
    }

    static func leadingWord(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.prefix { $0.properties.isAlphabetic }))
    }

    /// Every "word-word" the document spells with a hyphen inside a line: the evidence that
    /// a hyphen at a line end belongs to the word.
    static func compounds(in words: [String]) -> Set<String> {
        var set = Set<String>()
        for w in words where w.contains("-") {
            let parts = w.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count >= 2 else { continue }
            for i in 0..<(parts.count - 1) {
                let l = trailingWord(String(parts[i])), r = leadingWord(String(parts[i + 1]))
                if !l.isEmpty && !r.isEmpty { set.insert((l + "-" + r).lowercased()) }
            }
        }
        return set
    }

    /// Superscript digits for a footnote marker ("12" -> "¹²").
    static func superscript(_ digits: String) -> String {
        let sup: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵",
                                           "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹"]
        return String(digits.map { sup[$0] ?? $0 })
    }

    static func isDigits(_ s: String) -> Bool { !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }

    /// Ends a sentence or a paragraph: . ? ! : or one of them before closing quotes/brackets.
    static func endsTerminal(_ s: String) -> Bool {
        for u in s.unicodeScalars.reversed() {
            switch u {
            case "\"", "'", "\u{201D}", "\u{2019}", ")", "]", "\u{00BB}": continue
            case ".", "?", "!", ":", "\u{2026}": return true
            default:
                // a footnote marker after the full stop ("agreements.²")
                if "⁰¹²³⁴⁵⁶⁷⁸⁹".unicodeScalars.contains(u) { continue }
                return false
            }
        }
        return false
    }

    static let bullets: Set<String> = ["•", "◦", "▪", "●", "■", "–", "-", "‣", "○", "□", "➢", "►", "∙", "·"]
}
