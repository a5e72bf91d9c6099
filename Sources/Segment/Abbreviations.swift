/// Up to 16 bytes packed into two integers: a table key built without allocating.
struct ByteKey: Hashable, Sendable {
    var a: UInt64 = 0
    var b: UInt64 = 0

    /// Lowercases ASCII letters; nil when longer than 16 bytes.
    init?(folding bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard range.count <= 16 else { return nil }
        for (n, k) in range.enumerated() {
            var c = bytes[k]
            if c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") { c |= 0x20 }
            if n < 8 { a |= UInt64(c) << (8 * UInt64(n)) } else { b |= UInt64(c) << (8 * UInt64(n - 8)) }
        }
    }

    init(_ s: String) {
        let bytes = Array(s.utf8)
        let key = bytes.withUnsafeBufferPointer { ByteKey(folding: $0, 0..<$0.count) }
        self = key!
    }
}

/// A fixed map from `ByteKey`s, probed linearly from a multiplicative hash: the segmenter
/// looks up the word before every period, and a Dictionary's SipHash cost more than the
/// rest of the decision.
struct ByteKeyTable<Value: Sendable>: Sendable {
    private var slots: [(key: ByteKey, value: Value)?]
    private let shift: UInt64

    init(_ entries: [ByteKey: Value]) {
        var bits: UInt64 = 4
        while 1 << bits < entries.count * 4 { bits += 1 }  // at most a quarter full
        shift = 64 - bits
        slots = Array(repeating: nil, count: 1 << bits)
        for (key, value) in entries {
            var h = slot(key)
            while slots[h] != nil { h = (h + 1) & (slots.count - 1) }
            slots[h] = (key, value)
        }
    }

    private func slot(_ key: ByteKey) -> Int {
        Int(truncatingIfNeeded: ((key.a &+ key.b &* 0x2545_F491_4F6C_DD1D) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    subscript(key: ByteKey) -> Value? {
        var h = slot(key)
        while let s = slots[h] {
            if s.key == key { return s.value }
            h = (h + 1) & (slots.count - 1)
        }
        return nil
    }
}

/// How the word before a period bears on a sentence break.
enum AbbreviationKind: Sendable {
    /// Titles written before a name ("Dr.", "Gen.", "St."): never end a sentence.
    case prepositive
    /// Never end a sentence before more text ("e.g.", "i.e.", "vs.", "cf.").
    case inner
    /// Before a number ("No. 1", "Fig. 3", "pp. 10-12") no break; otherwise a normal word.
    case numeric
    /// Often inside a sentence but can end one ("etc.", "U.S.", "Inc.", "Jan.", initials):
    /// a break only before a word that typically starts a sentence.
    case weak
}

/// The small tables the segmenter consults. Keys are lowercase; dotted acronyms ("U.S",
/// "E.U", "Ph.D") and single letters are recognised by shape, not listed.
enum Abbreviations {
    static let table: [ByteKey: AbbreviationKind] = {
        var t: [ByteKey: AbbreviationKind] = [:]
        for w in ["mr", "mrs", "ms", "messrs", "dr", "drs", "prof", "profs", "st", "mt", "ft", "gen", "gens",
                  "sen", "rep", "gov", "col", "capt", "lt", "sgt", "cpl", "maj", "adm", "brig", "cmdr", "rev",
                  "hon", "pres", "supt", "insp", "amb", "mme", "mlle", "msgr"] {
            t[ByteKey(w)] = .prepositive
        }
        for w in ["e.g", "i.e", "vs", "cf", "viz", "resp"] { t[ByteKey(w)] = .inner }
        for w in ["no", "nos", "nr", "n\u{B0}", "fig", "figs", "vol", "vols", "ch", "chap", "pp", "para",
                  "sec", "op"] {
            t[ByteKey(w)] = .numeric
        }
        for w in ["etc", "al", "inc", "ltd", "co", "corp", "jr", "sr", "bros", "dept", "govt", "approx", "incl",
                  "esp", "ca", "est", "misc", "ave", "blvd", "rd", "min", "max", "jan", "feb", "mar", "apr", "jun",
                  "jul", "aug", "sep", "sept", "oct", "nov", "dec", "a.m", "p.m"] {
            t[ByteKey(w)] = .weak
        }
        return t
    }()
    private static let lookup = ByteKeyTable(table)

    /// Capitalised words that usually open a sentence: after a weak abbreviation they mark
    /// a break ("the U.S. The deeper ..."), while names and nouns do not ("U.S. Secretary").
    static let sentenceStarters: Set<ByteKey> = Set([
        "the", "this", "that", "these", "those", "there", "their", "they", "then", "thus", "it", "its", "he",
        "she", "we", "i", "you", "his", "her", "our", "my", "a", "an", "in", "on", "at", "as", "by", "for",
        "from", "if", "but", "and", "or", "so", "yet", "however", "moreover", "meanwhile", "also", "such",
        "some", "many", "most", "all", "both", "each", "what", "when", "where", "why", "how", "who", "whom",
        "whose", "which", "while", "after", "before", "since", "although", "though", "despite", "according",
        "to", "with", "without", "nevertheless", "nonetheless", "still", "furthermore", "indeed", "instead",
        "here", "now", "did", "do", "does", "is", "are", "was", "were", "can", "could", "will", "would",
        "should", "might", "must", "let", "please", "never", "not", "once", "yes", "no", "until", "unless",
        "because", "during", "given", "other", "another", "every", "neither", "either", "finally", "today",
        "yesterday", "similarly", "likewise", "consequently", "therefore", "hence", "overall", "importantly",
        "notably", "again", "even", "only", "secondly", "thirdly",
    ].map(ByteKey.init))

    /// The kind of the word `text[range]` (the bytes before a period), or nil for a plain word.
    static func kind(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> AbbreviationKind? {
        guard !range.isEmpty else { return nil }
        if range.count == 1 && isLetter(text[range.lowerBound]) { return .weak }
        if let key = ByteKey(folding: text, range), let k = lookup[key] { return k }
        if isDottedAcronym(text, range) { return .weak }
        return nil
    }

    /// Letter groups of 1-3 joined by single periods, two groups or more: "U.S", "Ph.D", "U.S.A".
    static func isDottedAcronym(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var groups = 0
        var run = 0
        for k in range {
            let c = text[k]
            if isLetter(c) {
                run += 1
                if run > 3 { return false }
            } else if c == UInt8(ascii: ".") {
                guard run > 0 else { return false }
                groups += 1
                run = 0
            } else {
                return false
            }
        }
        return run > 0 && groups >= 1
    }

    @inline(__always) static func isLetter(_ c: UInt8) -> Bool {
        (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z")
    }
}
