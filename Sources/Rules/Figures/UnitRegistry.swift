import Foundation

/// The units the figure normaliser knows, read from `rules/units.tsv` (one unit a line: id,
/// dimension, canonical unit, factor, names, symbols, flags; the file's header says more).
/// The registry is data: the rule engine only hands the file to `parse` and loads the
/// lexicons `@units` and `@units-ambiguous` that `lexiconText` writes from it, so patterns
/// and the normaliser read one list.
public struct UnitRegistry: Sendable {
    public struct Unit: Sendable, Equatable {
        public var id: String
        public var dimension: String
        public var canonical: String?
        public var factor: Double?
        public var offset: Double = 0
        public var names: [String]
        public var symbols: [String]
        /// A symbol that is also a word or a letter ("in", "m", "s"): read as a unit only at
        /// the end of a clause or before a measure word.
        public var ambiguous = false
        /// May be the denominator of a rate after "a"/"per"/"every" ("barrels a day").
        public var time = false
        /// Symbols that are also clock suffixes ("pm", "am"): a unit only after a number that
        /// cannot be a time of day ("2.1 pm", not "6.30 pm"), in `@units-clock`.
        public var clock = false
    }

    public private(set) var units: [Unit] = []
    /// Surface key (FigureLexer tokens joined as written) -> unit index: symbols as written,
    /// names lowercased.
    private var symbolKeys = WordTable<Int32>([(String, Int32)]())
    private var nameKeys = WordTable<Int32>([(String, Int32)]())
    private var byID: [String: Int] = [:]
    /// Most FigureLexer tokens a form takes.
    private(set) var longestForm = 0

    public static let empty = UnitRegistry()
    /// The registry's file, relative to the rules directory.
    public static let fileName = "units.tsv"
    public init() {}

    public var isEmpty: Bool { units.isEmpty }

    /// The same registry in storage of its own: the figure normaliser copies the registry
    /// into each scan, retaining its ten arrays and tables, so each batch worker reads its
    /// own copy (`RuleNames`) rather than counting references both workers write.
    func copied() -> UnitRegistry {
        var c = UnitRegistry()
        c.units = units.map { $0 }
        c.symbolKeys = symbolKeys.copied()
        c.nameKeys = nameKeys.copied()
        c.byID = Dictionary(uniqueKeysWithValues: byID.map { ($0.key, $0.value) })
        c.longestForm = longestForm
        return c
    }

    public func unit(id: String) -> Unit? { byID[id].map { units[$0] } }
    func index(id: String) -> Int? { byID[id] }

    /// Parses the TSV text; each problem is reported as (line, column, message).
    public static func parse(_ text: String) -> (UnitRegistry, [(line: Int, column: Int, message: String)]) {
        var reg = UnitRegistry()
        var problems: [(line: Int, column: Int, message: String)] = []
        var symbolPairs: [(String, Int32)] = [], namePairs: [(String, Int32)] = []
        var seen: [String: Int] = [:]
        // Lines end at every line feed, also after a carriage return: a registry saved with
        // CRLF line ends reads as the same registry (the CR is dropped below).
        for (n, raw) in splitAtControl(text[...], 0x0A, afterCR: true).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            let cols = splitAtControl(line, 0x09).map {
                trimmed($0)
            }
            func col(_ k: Int) -> Int {   // 1-based column of field k, for diagnostics
                cols.prefix(k).reduce(1) { $0 + $1.count + 1 }
            }
            guard cols.count >= 6, cols.count <= 7 else {
                problems.append((n + 1, 1, "a unit line has 6 or 7 tab-separated columns (unit, dimension, canonical, factor, names, symbols, flags); this one has \(cols.count)"))
                continue
            }
            let list: (String) -> [String] = { $0 == "-" ? [] : $0.split(separator: "|").map(trimmed).filter { !$0.isEmpty } }
            var u = Unit(id: cols[0], dimension: cols[1], canonical: cols[2] == "-" ? nil : cols[2],
                         factor: nil, names: list(cols[4]), symbols: list(cols[5]))
            if cols[0].isEmpty || cols[0] == "-" { problems.append((n + 1, 1, "missing unit id")); continue }
            if let prev = seen[u.id] {
                problems.append((n + 1, 1, "unit '\(u.id)' is already defined on line \(prev)")); continue
            }
            if cols[3] != "-" {
                guard let f = Double(cols[3]), f.isFinite, f > 0 else {
                    problems.append((n + 1, col(3), "factor '\(cols[3])' is not a positive number (or '-')")); continue
                }
                u.factor = f
                if u.canonical == nil { problems.append((n + 1, col(2), "a unit with a factor needs its canonical unit")); continue }
            }
            if cols.count == 7, cols[6] != "-" {
                for flag in cols[6].split(separator: ",").map(trimmed) {
                    if flag == "ambiguous" { u.ambiguous = true }
                    else if flag == "time" { u.time = true }
                    else if flag == "clock" { u.clock = true }
                    else if flag.hasPrefix("offset="), let o = Double(flag.dropFirst(7)) { u.offset = o }
                    else { problems.append((n + 1, col(6), "unknown flag '\(flag)' (expected: ambiguous, time, clock, offset=N)")) }
                }
            }
            if u.names.isEmpty && u.symbols.isEmpty {
                problems.append((n + 1, col(4), "unit '\(u.id)' has neither a name nor a symbol")); continue
            }
            let index = Int32(reg.units.count)
            seen[u.id] = n + 1
            reg.byID[u.id] = Int(index)
            for s in u.symbols {
                let key = formKey(s, lower: false)
                symbolPairs.append((key.text, index)); reg.longestForm = max(reg.longestForm, key.tokens)
            }
            for name in u.names {
                let key = formKey(name, lower: true)
                namePairs.append((key.text, index)); reg.longestForm = max(reg.longestForm, key.tokens)
            }
            reg.units.append(u)
        }
        reg.symbolKeys = WordTable(symbolPairs)
        reg.nameKeys = WordTable(namePairs)
        return (reg, problems)
    }

    /// A form's key: its FigureLexer tokens, joined by one space where the text has space.
    static func formKey(_ s: String, lower: Bool) -> (text: String, tokens: Int) {
        let text = lower ? s.lowercased() : s
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { b in
            let toks = FigureLexer.tokens(b)
            var out: [UInt8] = []
            for (k, t) in toks.enumerated() {
                if k > 0, t.spaced { out.append(0x20) }
                out.append(contentsOf: b[t.range])
            }
            return (String(decoding: out, as: UTF8.self), toks.count)
        }
    }

    /// The unit whose form is exactly this key: a symbol as written, else a name in any case.
    func lookup(raw: UnsafeBufferPointer<UInt8>, lowered: UnsafeBufferPointer<UInt8>) -> Int? {
        if let k = symbolKeys[raw] { return Int(k) }
        if let k = nameKeys[lowered] { return Int(k) }
        return nil
    }

    /// Whether `raw` is one of unit `u`'s symbols (not a name).
    func isSymbol(_ raw: UnsafeBufferPointer<UInt8>, of u: Int) -> Bool { symbolKeys[raw].map { Int($0) == u } ?? false }

    /// The time units' names and symbols (`@units-time`): "for two years", "twice a year".
    public func timeLexiconText() -> String {
        units.filter(\.time).flatMap { u in u.names + u.symbols.filter { _ in !u.ambiguous }.map { "=" + $0 } }
            .joined(separator: "\n") + "\n"
    }

    /// Compound adjectives of a spelled number and the one-word name of a unit of time or
    /// length (`@unit-adjectives`): "a two-day exercise", "a six-year period", "a
    /// ten-kilometre zone". The tokenizer keeps
    /// them as one word, so a pattern cannot take them apart; the normaliser reads them.
    public func adjectiveLexiconText() -> String {
        let numbers = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                       "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                       "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                       "eighty", "ninety", "hundred"]
        var lines: [String] = []
        // Durations and distances: "a two-day exercise", "a ten-kilometre zone"; the other
        // dimensions rarely make such adjectives, and each unit costs 28 entries at load.
        for u in units where u.dimension == "time" || u.dimension == "length" {
            guard let name = u.names.first, !name.contains(" "), !name.contains("-") else { continue }
            for n in numbers { lines.append("\(n)-\(name.lowercased())") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The lexicon `@units` (every name, and the symbols of units not flagged ambiguous,
    /// leaving out the time units of `@units-time`: durations are tagged by rules of their
    /// own) or `@units-ambiguous` (the symbols of ambiguous units): symbols as exact-case
    /// entries (`=MW`), names in any case.
    public func lexiconText(ambiguous: Bool) -> String {
        var lines: [String] = []
        for u in units where !u.time || ambiguous {
            for name in u.names where !ambiguous { lines.append(name) }
            for s in u.symbols where u.ambiguous == ambiguous && !u.clock { lines.append("=" + s) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The symbols of units flagged `clock` (`@units-clock`): "pm", "am".
    public func clockLexiconText() -> String {
        units.filter(\.clock).flatMap { $0.symbols.map { "=" + $0 } }.joined(separator: "\n") + "\n"
    }
}

/// `text.split(separator: Character(sep), omittingEmptySubsequences: false)` for a line feed
/// or a tab, on bytes: a Character split walks grapheme clusters, and the registry's two
/// splits were a quarter of parsing it, which every start pays. The same cuts: a control
/// character is a Character of its own (Unicode's rules GB4 and GB5: a break before and after
/// it, whatever follows), except a line feed after a carriage return, which is one Character
/// with it ("\r\n" is no "\n", so the Character split leaves it whole, and so does this).
/// `afterCR` cuts there too: the registry's lines end at every line feed.
func splitAtControl(_ text: Substring, _ sep: UInt8, afterCR: Bool = false) -> [Substring] {
    var out: [Substring] = []
    let u = text.utf8
    var start = u.startIndex, i = u.startIndex
    var previous: UInt8 = 0
    while i != u.endIndex {
        let b = u[i]
        if b == sep && (afterCR || !(sep == 0x0A && previous == 0x0D)) {
            out.append(text[start..<i])
            start = u.index(after: i)
        }
        previous = b
        i = u.index(after: i)
    }
    out.append(text[start..<u.endIndex])
    return out
}

/// `text` without leading and trailing whitespace as Foundation's `.whitespaces` counts it
/// (tab and the space separators): its `trimmingCharacters(in:)` went through a character
/// set per call and was half the cost of parsing the registry, which every start pays.
private func trimmed(_ text: Substring) -> String {
    let scalars = text.unicodeScalars
    func blank(_ c: Unicode.Scalar) -> Bool { c == "\t" || c.properties.generalCategory == .spaceSeparator }
    guard let first = scalars.firstIndex(where: { !blank($0) }) else { return "" }
    let last = scalars.lastIndex(where: { !blank($0) })!
    return String(scalars[first...last])
}
