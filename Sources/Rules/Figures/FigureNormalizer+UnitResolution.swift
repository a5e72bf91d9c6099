/// Which unit a figure is in: a currency prefix or code, a unit of `rules/units.tsv`, a fixed
/// unit ("percent", "percentage points") or the noun a bare number counts.
extension FigureScan {
    /// Where the figure starts once a currency prefix is counted: "$", "US$", "\$",
    /// "RUB 1.776", "USD 5m".
    func prefixStart(_ i: Int) -> Int {
        var s = i
        if s - 1 >= 0, tokens[s - 1].kind == .symbol, FigureVocabulary.symbols[raw(s - 1)] != nil {
            s -= 1
            if s - 1 >= 0, tokens[s - 1].kind == .word, !tokens[s].spaced,
               FigureVocabulary.symbolQualifiers[raw(s - 1)] != nil { s -= 1 }
        } else if s - 1 >= 0, tokens[s - 1].kind == .word, FigureVocabulary.isISOCode(raw(s - 1))
                    || FigureVocabulary.codeAbbreviations[raw(s - 1)] != nil {
            s -= 1
        }
        return s
    }

    /// The currency named before the number, if any.
    func prefixCurrency(first: Int) -> String? {
        var i = first
        var qualifier: Int?
        if tokens[i].kind == .word, i + 1 < tokens.count, tokens[i + 1].kind == .symbol {
            qualifier = i; i += 1
        }
        if tokens[i].kind == .symbol, let code = FigureVocabulary.symbols[raw(i)] {
            if let qualifier, let q = FigureVocabulary.symbolQualifiers[raw(qualifier)] { return q }
            if code == "JPY", mentionsYuan() { return "CNY" }
            return code
        }
        if tokens[i].kind == .word, FigureVocabulary.isISOCode(raw(i)) { return text(i) }
        if tokens[i].kind == .word, let code = FigureVocabulary.codeAbbreviations[raw(i)] { return code }
        return nil
    }

    func mentionsYuan() -> Bool {
        tokens.indices.contains { isWord($0, in: FigureVocabulary.yuanWords) }
    }

    /// The unit written after the quantity, if any (see `resolveUnit`).
    func unitAfter(_ j: Int) -> String? {
        var f = Figure()
        resolveUnit(after: j, of: &f)
        return f.unit
    }

    /// The unit written after the quantity: %, percent, per cent, percentage points, a
    /// currency code or name, a unit of the registry (with its rate: "km/h", "barrels a
    /// day"), a compound adjective ("a 30-year deal", "a 27-kilometre ring"), else the
    /// counted noun.
    func resolveUnit(after j: Int, of fig: inout Figure) {
        guard j < tokens.count else { return }
        if isWord(j, "times") { setTimes(after: j + 1, of: &fig); return }
        // "9x as cost-effective": a multiplier; "3 x 4" (a number follows) is a product
        if isWord(j, "x"), j + 1 >= tokens.count || tokens[j + 1].kind != .number {
            fig.unit = "times"; fig.dimension = "ratio"; return
        }
        if tokens[j].kind == .symbol, isText(j, "%") { setNamed("percent", after: j + 1, of: &fig); return }
        if tokens[j].kind == .symbol, let code = FigureVocabulary.symbols[raw(j)] {
            // "15 €", "-15€": the symbol after the amount, as many European texts write it
            setCurrency(code == "JPY" && mentionsYuan() ? "CNY" : code, after: j + 1, of: &fig); return
        }
        if let (u, n) = fixedUnit(at: j) { setNamed(u, after: j + n, of: &fig); return }
        if let u = unitExpression(at: j) { set(u, of: &fig); return }
        if tokens[j].kind == .dash, !tokens[j].spaced, j + 1 < tokens.count,
           tokens[j + 1].kind == .word, !tokens[j + 1].spaced {
            // A compound adjective: "a 7000-word statement", "a 30-year deal", "3-fold".
            if isWord(j + 1, "fold") { fig.unit = "times"; fig.dimension = "ratio"; return }
            if let (u, n) = fixedUnit(at: j + 1) { setNamed(u, after: j + 1 + n, of: &fig); return }
            if let u = unitExpression(at: j + 1) { set(u, of: &fig); return }
            // "a 1,000-strong force", "a 700,000-strong Indian occupation army": the number
            // counts the body named after "strong", the head noun (the last of its words)
            if isWord(j + 1, "strong") {
                var k = j + 2
                while k < min(j + 6, tokens.count), tokens[k].kind == .word,
                      !FigureVocabulary.stopWords.contains(low(k)) { k += 1 }
                if k > j + 2 { fig.unit = lower(k - 1); fig.dimension = "count" }
                return
            }
            if !FigureVocabulary.stopWords.contains(low(j + 1)) { fig.unit = lower(j + 1); fig.dimension = "count" }
            return
        }
        // "2.5 million Canadian dollars", "10 billion US dollars": a currency a word or two on.
        var k = j
        while k < min(j + 3, tokens.count), tokens[k].kind == .word,
              !FigureVocabulary.stopWords.contains(low(k)) {
            if let (u, n) = fixedUnit(at: k), u.utf8.count == 3, u == u.uppercased() {
                setCurrency(u, after: k + n, of: &fig); return
            }
            k += 1
        }
        if let noun = countedNoun(from: j) { fig.unit = noun; fig.dimension = "count" }
    }

    /// A unit from the registry, with its dimension and conversion; "a year and a half",
    /// "two hours and a half" add the half.
    func set(_ u: UnitExpression, of fig: inout Figure) {
        fig.unit = u.id
        fig.dimension = u.dimension
        fig.canonical = u.canonical
        fig.factor = u.factor
        fig.offset = u.offset
        if let v = fig.value, isWord(u.end, "and"), isWord(u.end + 1, "a"), isWord(u.end + 2, "half") {
            fig.value = v + 0.5
        }
    }

    /// "twice", "three times": a multiplier, or with a period a frequency ("twice a year":
    /// times/yr, in Hz).
    func setTimes(after j: Int, of fig: inout Figure) {
        fig.unit = "times"
        fig.dimension = "ratio"
        var parts: [(unit: Int?, power: Int)] = []
        _ = denominators(after: j, into: &parts)
        guard parts.count == 1, let u = parts[0].unit, units.units[u].dimension == "time" else { return }
        let x = units.units[u]
        fig.unit = "times/" + x.id
        fig.dimension = "frequency"
        if let f = x.factor { fig.factor = 1 / f; fig.canonical = "Hz" }
    }

    /// A currency, and its rate when one follows ("$30 per barrel": USD/bbl).
    func setCurrency(_ code: String, after j: Int, of fig: inout Figure) {
        fig.unit = code
        fig.dimension = "currency"
        if let (rate, _) = currencyRate(after: j, code: code) {
            fig.unit = rate.id
            fig.dimension = rate.dimension
        }
    }

    /// A unit named by `fixedUnit` or a capture: a ratio, a currency, else a counted noun.
    func setNamed(_ name: String, after j: Int, of fig: inout Figure) {
        switch name {
        case "percent", "percentage points", "basis points":
            fig.unit = name; fig.dimension = "ratio"
        case _ where name.utf8.count == 3 && name == name.uppercased() && !name.contains(" "):
            setCurrency(name, after: j, of: &fig)
        default:
            fig.unit = name; fig.dimension = "count"
            // "10,000 shells a day", "2 million rounds per month", "300 people a year": a count
            // over a unit of time is a rate (shells/d, count/time), as "$5bn a year" is USD/yr
            var parts: [(unit: Int?, power: Int)] = []
            _ = denominators(after: j, into: &parts)
            if parts.count == 1, let u = parts[0].unit, units.units[u].dimension == "time" {
                fig.unit = name + "/" + units.units[u].id
                fig.dimension = "count/time"
            }
        }
    }

    /// Units spelled as fixed phrases, with how many tokens they take.
    func fixedUnit(at j: Int) -> (String, Int)? {
        guard j < tokens.count, tokens[j].kind == .word else { return nil }
        let w = low(j)
        if w.spells("percent") || w.spells("pct") { return ("percent", 1) }
        // "4.4pc": glued to the number only ("10 pc" may be computers)
        if w.spells("pc"), j >= 1, tokens[j - 1].kind == .number, !tokens[j].spaced { return ("percent", 1) }
        if w.spells("percentage") {
            return isWord(j + 1, "points") || isWord(j + 1, "point") ? ("percentage points", 2) : nil
        }
        if w.spells("per") { return isWord(j + 1, "cent") ? ("percent", 2) : nil }
        if w.spells("pp") || w.spells("ppt") || w.spells("ppts") { return ("percentage points", 1) }
        if w.spells("basis") {
            return isWord(j + 1, "points") || isWord(j + 1, "point") ? ("basis points", 2) : nil
        }
        if w.spells("bps") || w.spells("bp") { return ("basis points", 1) }
        // "a quarter-point", "half a point", "a quarter of a point": a fraction of a point is
        // how rate moves are written, in percentage points ("27 points lower" stays a count)
        if w.spells("point") || w.spells("points") {
            var k = j - 1
            while k >= 0, k >= j - 3, tokens[k].kind == .dash || isWord(k, "a") || isWord(k, "of") { k -= 1 }
            if k >= 0, tokens[k].kind == .word, let d = NumberWords.fractions[low(k)], d <= 4 {
                return ("percentage points", 1)
            }
        }
        if FigureVocabulary.isISOCode(raw(j)) { return (text(j), 1) }
        if let code = FigureVocabulary.currencyNames[w] {
            // "Canadian dollars", "Hong Kong dollars" are named by the word before.
            if w.starts(with: "dollar".utf8) || w.starts(with: "peso".utf8) || w.starts(with: "rupee".utf8)
                || w.starts(with: "franc".utf8) {
                if j >= 1, tokens[j - 1].kind == .word,
                   let q = FigureVocabulary.currencyQualifiers[low(j - 1)] { return (q, 1) }
            }
            if w.spells("won") || w.spells("real") {
                // Only right after the quantity: "won" is usually a verb, "real" an adjective.
                guard j >= 1, tokens[j - 1].kind != .word || FigureVocabulary.scale(low(j - 1), attached: false, raw: raw(j - 1)) != nil
                else { return nil }
            }
            return (code, 1)
        }
        if w.spells("us") || w.spells("u"), j + 1 < tokens.count {
            // "US dollars", "U.S. dollars"
            var k = j + 1
            while k < tokens.count, tokens[k].kind != .word || low(k).spells("s") { k += 1; if k > j + 4 { break } }
            if isWord(k, "dollars") || isWord(k, "dollar") { return ("USD", k - j + 1) }
        }
        return nil
    }

    /// The counted noun: the first plural-looking word of the noun run after the number
    /// ("three cooperation agreements", "10 jointly signed agreements"), else its first
    /// word that is not an adverb or participle ("one deal").
    func countedNoun(from j: Int) -> String? {
        var run: [String] = []
        var k = j
        while run.count < 4, k < tokens.count, tokens[k].kind == .word {
            if FigureVocabulary.stopWords.contains(low(k)) { break }
            run.append(lower(k))
            k += 1
            // "people's": a possessive ends the noun run.
            if k < tokens.count, tokens[k].kind == .punct, !tokens[k].spaced { break }
        }
        if let p = run.first(where: FigureVocabulary.looksPlural) { return p }
        return run.first { !($0.hasSuffix("ly") || $0.hasSuffix("ed") || $0.hasSuffix("ing")) }
    }

    /// The unit named by a `unit` capture.
    func unitName(of span: Range<Int>) -> String? {
        guard !span.isEmpty else { return nil }
        let i = span.lowerBound
        if tokens[i].kind == .symbol {
            if isText(i, "%") { return "percent" }
            if let code = FigureVocabulary.symbols[raw(i)] {
                return code == "JPY" && mentionsYuan() ? "CNY" : code
            }
        }
        if span.count >= 2, tokens[i].kind == .word, tokens[i + 1].kind == .symbol,
           let q = FigureVocabulary.symbolQualifiers[raw(i)] { return q }
        // "R1 trillion": the rand's letter glued to the amount (figure.currency-letter).
        if span.count == 1, tokens[i].kind == .word, isText(i, "R") { return "ZAR" }
        var k = i
        while k < span.upperBound {
            if let (u, _) = fixedUnit(at: k) { return u }
            k += 1
        }
        let words = span.filter { tokens[$0].kind == .word }.map(lower)
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}
