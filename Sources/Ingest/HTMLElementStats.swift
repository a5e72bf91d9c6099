import CLibXML2

/// What the page scan learns about one content element (chrome never gets an entry): the
/// text below it and how much of that is link text, the paragraphs, list items, images and
/// form fields inside, and its readability score. Entries are in document order (pre-order);
/// an element's descendants are the entries after it up to `end`. The element's libxml2
/// node carries its entry's index + 1 in its unused `_private` field.
struct HTMLElementStats {
    var node: xmlNodePtr
    var tag: String
    var parent: Int
    /// Index of the last descendant entry (itself when it has none).
    var end: Int
    /// Visible characters (Unicode scalars; a whitespace run counts as one).
    var text = 0
    var linkText = 0
    var commas = 0
    /// Characters directly inside the element, not in a child element.
    var ownText = 0
    var ownCommas = 0
    /// Text inside `ul`/`ol` descendants and inside headings.
    var listText = 0
    var headingText = 0
    var paragraphs = 0
    var listItems = 0
    var images = 0
    var inputs = 0
    var embeds = 0
    var tables = 0
    /// Element children that are content (chrome children are not counted).
    var children = 0
    /// True when a block that readability would not fold into a paragraph sits below
    /// (`div`, `p`, `ul`, `table` ...): an element without one reads as a paragraph.
    var hasBlockDescendant = false
    /// Class/id weight, -50 ... +50 (`HTMLClassWeight`).
    var weight = 0
    /// Readability's content score; nil until a paragraph below scores it.
    var score: Double?
    /// Text of the paragraph-like elements below (or its own, when it is one).
    var paragraphText = 0
    /// Class/id words of page furniture (`HTMLChrome.isChromeByClass`).
    var classChrome = false
    /// Class/id words of a comment section.
    var commentLike = false
    /// An `h1`, `article`, `main`, `[role=main]` or `[itemprop=articleBody]` is below.
    var holdsLandmark = false
    /// Chrome by its class words and holding no landmark: not content, and its totals are
    /// not added to its ancestors.
    var dropped = false

    var linkDensity: Double { text == 0 ? 0 : Double(linkText) / Double(text) }

    /// A `p`/`pre`, or a `div`-like element with no block inside: one paragraph of text.
    var isParagraphLike: Bool {
        switch tag {
        case "p", "pre": return true
        case "div", "section", "article", "main", "span", "font", "center", "td", "dd": return !hasBlockDescendant
        default: return false
        }
    }

    /// Elements readability does not fold into a paragraph.
    static let blockDescendantTags: Set<String> = [
        "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "section", "article",
        "h1", "h2", "h3", "h4", "h5", "h6", "figure", "header", "footer", "main",
    ]

    /// Readability's starting score by tag.
    static func baseScore(_ tag: String) -> Double {
        switch tag {
        case "div": return 5
        case "pre", "td", "blockquote": return 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": return -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": return -5
        default: return 0
        }
    }

    /// The element marks where the article or its headline is.
    static func isLandmark(_ node: xmlNodePtr, tag: String) -> Bool {
        switch tag {
        case "h1", "article", "main": return true
        default:
            if HTMLNode.attribute(node, "role")?.lowercased() == "main" { return true }
            return HTMLNode.attribute(node, "itemprop")?.lowercased() == "articlebody"
        }
    }

    static func index(of node: xmlNodePtr) -> Int? {
        guard let p = node.pointee._private else { return nil }
        return Int(bitPattern: p) - 1
    }

    static func tag(_ node: xmlNodePtr, index: Int) {
        node.pointee._private = UnsafeMutableRawPointer(bitPattern: index + 1)
    }
}

/// Readability's class/id weight: -25 for a word of page furniture in the class, +25 for a
/// word of article content, the same again for the id. Substring matches, as Readability.js
/// does (`negative`/`positive` patterns of its source); these are generic markup words,
/// not any site's names, and only shift scores.
enum HTMLClassWeight {
    static let negative: [[UInt8]] = [
        "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr",
        "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share",
        "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget",
    ].map { Array($0.utf8) }
    static let positive: [[UInt8]] = [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination",
        "post", "text", "blog", "story",
    ].map { Array($0.utf8) }

    static func weight(_ cls: String?, _ id: String?) -> Int { weight(of: cls) + weight(of: id) }

    private static func weight(of attribute: String?) -> Int {
        guard var value = attribute, !value.isEmpty else { return 0 }
        var neg = false, pos = false
        // Bytes, ASCII-lowercased as they are read: a substring search without Foundation's
        // locale-aware one (a quarter of all the time on real pages) and without a copy.
        value.withUTF8 { bytes in
            for i in bytes.indices where !(neg && pos) {
                for (pattern, negative) in byFirstByte[Int(HTMLEncoding.lower(bytes[i]))] where negative ? !neg : !pos {
                    if startsWith(bytes, at: i, pattern) { if negative { neg = true } else { pos = true } }
                }
            }
        }
        return (pos ? 25 : 0) - (neg ? 25 : 0)
    }

    /// The patterns by their first byte: one pass over a class value tries only the
    /// patterns that can start at each position.
    static let byFirstByte: [[(pattern: [UInt8], negative: Bool)]] = {
        var table = [[(pattern: [UInt8], negative: Bool)]](repeating: [], count: 256)
        for p in negative { table[Int(p[0])].append((p, true)) }
        for p in positive { table[Int(p[0])].append((p, false)) }
        return table
    }()

    /// `needle` (lowercase) at `i` of `haystack`, compared ASCII-lowercased.
    @inline(__always)
    static func startsWith(_ haystack: UnsafeBufferPointer<UInt8>, at i: Int, _ needle: [UInt8]) -> Bool {
        guard i + needle.count <= haystack.count else { return false }
        var k = 0
        while k < needle.count {
            if HTMLEncoding.lower(haystack[i + k]) != needle[k] { return false }
            k += 1
        }
        return true
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        let first = needle[0]
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
