/// The blocks at the head of a web article that repeat what the page's markup already says
/// of it: the headline (the page's title candidates), the byline (a short line naming its
/// authors) and the date line (a short line with the year of its date and another number). They stay in the document, so a page reads as its text edition does;
/// `Document.bodyText` leaves them out, as article extractors and the people who cut out
/// benchmark articles do (title, authors and date are the record's fields).
///
/// Language-free: the tests compare words (runs of letters and digits, any script) with the
/// page's own metadata; no word list. (A line repeating the page's description is not
/// taken: on news pages the description is most often the body's first paragraph.)
enum HTMLFrontMatter {
    /// Blocks looked at: front matter is the head of the article.
    static let maxBlocks = 12
    /// A block this long (characters) that is none of the above is the body's start.
    static let bodyStart = 120
    /// Longest byline or date line, characters.
    static let maxLine = 100

    static func blocks(of document: Document, meta: Metadata) -> [Int] {
        let headlines = meta.headlines.map { Set(words($0)) }.filter { !$0.isEmpty }
        let authors = meta.authors.map(words).filter { !$0.isEmpty }
        let year = meta.date.flatMap(Self.year)
        var out = [Int]()
        for (i, block) in document.blocks.enumerated().prefix(maxBlocks) {
            guard block.kind == .heading || block.kind == .paragraph || block.kind == .caption else { break }
            let text = document.string(block.range)
            let w = words(text)
            guard !w.isEmpty else { continue }
            let length = text.unicodeScalars.count
            if headlines.contains(where: { covers($0, w, minimum: 2) })
                || (length <= maxLine && authors.contains { contains(w, $0) })
                || (length <= maxLine && year.map { isDateLine(w, year: $0) } == true) {
                out.append(i)
                continue
            }
            if length >= bodyStart { break }
        }
        return out
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

    /// The date's year and another number ("22 de janeiro de 2018", "Nov 19, 2019 10:48"):
    /// a heading that names a year ("2018 Season") is not a date line.
    static func isDateLine(_ words: [String], year: String) -> Bool {
        guard words.contains(year) else { return false }
        return words.contains { $0 != year && $0.first?.isNumber == true }
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
        var out = [String]()
        var current = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u.properties.isAlphabetic || u.properties.numericType != nil {
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
