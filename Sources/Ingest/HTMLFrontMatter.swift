/// The blocks at the head of a web article that repeat what the page's markup already says
/// of it: the headline (an `h1`, or a line that the page's title candidates cover), the
/// standfirst under it (its description), the byline (a short line naming its authors, or
/// opening with a byline word of one of many languages) and the date line (a short line
/// with the year of its date and another number). They stay in the document, so a page
/// reads as its text edition does; `Document.bodyText` leaves them out, as article
/// extractors and the people who cut out benchmark articles do (title, authors and date
/// are the record's fields).
///
/// Language-free: the tests compare words (runs of letters and digits, any script) with the
/// page's own metadata; the one list is the byline's first word, in many languages.
enum HTMLFrontMatter {
    /// Blocks looked at: front matter is the head of the article.
    static let maxBlocks = 12
    /// A block this long (characters) that is none of the above is the body's start.
    static let bodyStart = 120
    /// Longest front matter block, bytes (a standfirst of a few sentences).
    static let maxFrontBytes = 1200
    /// Longest byline or date line, characters.
    static let maxLine = 100

    static func blocks(of document: Document, meta: Metadata) -> [Int] {
        let headlines = meta.headlines.map { Set(words($0)) }.filter { !$0.isEmpty }
        let descriptions = meta.descriptions.map { Set(words($0)) }.filter { $0.count >= 5 }
        let authors = meta.authors.map(words).filter { !$0.isEmpty }
        let year = meta.date.flatMap(Self.year)
        var out = [Int]()
        var afterHeadline = false
        var standfirst: Int?
        for (i, block) in document.blocks.enumerated().prefix(maxBlocks) {
            guard block.kind == .heading || block.kind == .paragraph || block.kind == .caption else { break }
            // A block this long is body, never a headline, byline or standfirst.
            if block.range.count > maxFrontBytes { break }
            let text = document.string(block.range)
            let w = words(text)
            guard !w.isEmpty else { continue }
            let length = text.unicodeScalars.count
            let headline = (block.kind == .heading && block.level == 1) || headlines.contains { covers($0, w, minimum: 2) }
            // The standfirst: the page's description right under the headline, when a
            // byline or date line follows it. (Without one it is as likely the body's first
            // paragraph, which news pages give as their description.)
            if afterHeadline, descriptions.contains(where: { covers($0, w, minimum: 5) && w.count * 2 >= $0.count }) {
                standfirst = i
                afterHeadline = false
                continue
            }
            afterHeadline = headline
            let line = (length <= maxLine && authors.contains { contains(w, $0) })
                || (length <= maxByline && isByline(text, w))
                || (length <= maxLine && isDateLine(w, year: year))
            if line, let s = standfirst { out.append(s); standfirst = nil }
            if headline || line {
                out.append(i)
                continue
            }
            if length >= bodyStart { break }
        }
        return out
    }

    /// Longest byline told by its first word, characters.
    static let maxByline = 60

    /// The word that opens a byline, in many languages (English, German, Dutch, French,
    /// Spanish, Portuguese, Italian, Scandinavian, Polish, Czech, Russian ...).
    static let bylineWords: Set<String> = [
        "by", "von", "door", "par", "por", "di", "av", "af", "przez", "autor", "autore",
        "auteur", "autora", "author", "text", "tekst", "texte", "texto", "testo", "автор", "текст",
    ]

    /// "By Laura Mowat", "Von Anna Berger", "Par Jean Dupont -": a byline word, then two to
    /// six words, the first capitalized.
    static func isByline(_ text: String, _ w: [String]) -> Bool {
        guard w.count >= 3, w.count <= 7, bylineWords.contains(w[0]) else { return false }
        let raw = text.split(whereSeparator: { $0 == " " || $0 == ":" }).map(String.init)
        guard raw.count >= 2, let first = raw[1].first else { return false }
        return first.isUppercase
    }

    /// Nine in ten of the line's words (at least `minimum`, or one word of a script written
    /// without spaces) are in `set`.
    static func covers(_ set: Set<String>, _ line: [String], minimum: Int) -> Bool {
        guard line.count >= minimum || (line.count == 1 && line[0].unicodeScalars.count >= 8 && set.contains(line[0])) else {
            return false
        }
        let inside = line.reduce(0) { $0 + (set.contains($1) ? 1 : 0) }
        return inside * 10 >= line.count * 9
    }

    /// The date's year (without a date in the markup, any year from 1900 to 2099, with
    /// numbers a fifth of the words) and another number ("22 de janeiro de 2018", "Nov 19, 2019 10:48"): a heading that names
    /// a year ("2018 Season") is not a date line.
    static func isDateLine(_ words: [String], year: String?) -> Bool {
        let numbers = words.filter { $0.first?.isNumber == true }
        if let year { return numbers.contains(year) && numbers.contains { $0 != year } }
        // Any year: then numbers make a fifth of the words at least (a date, a time).
        guard let y = numbers.first(where: isYear) else { return false }
        return numbers.contains { $0 != y } && numbers.count * 5 >= words.count
    }

    static func isYear(_ w: String) -> Bool {
        w.count == 4 && (w.hasPrefix("19") || w.hasPrefix("20")) && w.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// `needle` appears in `words` as a run.
    static func contains(_ words: [String], _ needle: [String]) -> Bool {
        guard needle.count <= words.count else { return false }
        for start in 0...(words.count - needle.count) where words[start] == needle[0] {
            if Array(words[start..<(start + needle.count)]) == needle { return true }
        }
        return false
    }

    /// The first four-digit run of a date ("2019-11-19T10:48" -> "2019").
    static func year(_ date: String) -> String? {
        date.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).map(String.init).first { $0.count == 4 }
    }

    /// Lowercased runs of letters and digits.
    static func words(_ s: String) -> [String] {
        // ASCII text (most pages' front matter) as bytes, without Unicode's property tables.
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return HTMLNode.tokens(s) }
        var out = [String]()
        var current = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            let wordChar = u.isASCII
                ? ((u.value | 0x20) >= 0x61 && (u.value | 0x20) <= 0x7A) || (u.value >= 0x30 && u.value <= 0x39)
                : (u.properties.isAlphabetic || u.properties.numericType != nil)
            if wordChar {
                current.append(u)
            } else if !current.isEmpty {
                out.append(String(current).lowercased())
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { out.append(String(current).lowercased()) }
        return out
    }
}
