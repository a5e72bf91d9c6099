/// Reading the quantities of a figure: digits with their scale words, spelled-out numbers,
/// fractions, ranges and moves, and the spans that are dates or references, not figures.
extension FigureScan {
    /// The first quantity among the tokens of a span: digits (with scale words) or
    /// spelled-out numbers ("three", "twenty-five", "a dozen", "two million", "a third").
    func quantity(in span: Range<Int>) -> Quantity? {
        var i = span.lowerBound
        while i < span.upperBound {
            if tokens[i].kind == .number { return digits(at: i) }
            if tokens[i].kind == .punct, let (n, d) = FigureVocabulary.vulgarFractions[raw(i)] {
                return Quantity(numerator: n, denominator: d, tokens: i..<(i + 1))
            }
            if tokens[i].kind == .word, let q = NumberWords.vague(self, at: i) ?? NumberWords.parse(self, at: i) { return q }
            if tokens[i].kind == .word, let (m, change) = FigureVocabulary.multipliers[low(i)] {
                var q = Quantity(numerator: m == 0.5 ? 1 : UInt64(m), denominator: m == 0.5 ? 2 : 1, tokens: i..<(i + 1))
                q.multiplier = true
                q.multiplierChange = change
                return q
            }
            i += 1
        }
        return nil
    }

    /// With no `value` capture: the first quantity with a unit, else the first that is not
    /// a date ("in 2023", "May 16" are not figures, TAGGING.md), else none.
    func measuredQuantity(in span: Range<Int>) -> Quantity? {
        var fallback: Quantity?
        var i = span.lowerBound
        while i < span.upperBound, let q = quantity(in: i..<span.upperBound) {
            let end = rangeEnd(after: q)?.1 ?? q.tokens.upperBound
            if !isDate(q, end: end), !isReference(q, end: end) {
                if prefixCurrency(first: prefixStart(q.tokens.lowerBound)) != nil || unitAfter(end) != nil {
                    return q
                }
                if fallback == nil { fallback = q }
            }
            i = max(end, q.tokens.lowerBound + 1)
        }
        return fallback
    }

    /// "the two countries", "the three sides": who is meant, not a count (TAGGING.md).
    func isReference(_ q: Quantity, end: Int) -> Bool {
        let i = q.tokens.lowerBound
        guard tokens[i].kind == .word, q.denominator == 1, q.numerator <= 3, isWord(i - 1, "the")
        else { return false }
        return isWord(end, in: FigureVocabulary.referenceNouns)
    }

    /// A year (1800-2100) or a day of the month next to a month name, written in digits.
    func isDate(_ q: Quantity, end: Int) -> Bool {
        let i = q.tokens.lowerBound
        guard tokens[i].kind == .number, q.tokens.count == 1, q.exponent == 0, q.denominator == 1,
              prefixCurrency(first: prefixStart(i)) == nil else { return false }
        let n = q.numerator
        if (1800...2100).contains(n) { return true }
        let months = FigureVocabulary.months
        return n >= 1 && n <= 31 && (isWord(i - 1, in: months) || isWord(i + 1, in: months) || isWord(end, in: months))
    }

    /// "3:1" inside the match: the ratio of the two numbers and the token after the second.
    /// A time of day ("10:30") is never captured so by the rules (`figure.ratio` names the
    /// word that makes it a ratio).
    func colonRatio(after q: Quantity) -> (Double, Int)? {
        let j = q.tokens.upperBound
        guard !q.scaled, j + 1 < limit, tokens[j].kind == .punct, isText(j, ":"), !tokens[j].spaced,
              tokens[j + 1].kind == .number, !tokens[j + 1].spaced else { return nil }
        let d = digits(at: j + 1).double
        guard d > 0 else { return nil }
        return (q.double / d, j + 2)
    }

    /// A number token and the scale words after it.
    func digits(at i: Int) -> Quantity {
        let t = tokens[i]
        var q = Quantity(numerator: t.mantissa, exponent: -t.fraction, tokens: i..<(i + 1))
        var j = i + 1
        // "190bn", "1.5 million", "300 thousand million": at most two scale words.
        var scales = 0
        while scales < 2, j < limit, tokens[j].kind == .word,
              !(j + 1 < tokens.count && tokens[j + 1].kind == .number && !tokens[j + 1].spaced),
              let f = FigureVocabulary.scale(low(j), attached: !tokens[j].spaced, raw: raw(j)) {
            // (a letter glued to digits after it begins a model name, "18 M777 howitzers",
            // "a B52": it scales nothing)
            q.scale(by: f)
            q.scaled = true
            scales += 1
            j += 1
        }
        q.tokens = i..<j
        if !q.scaled { fractionAndExponent(&q) }
        // "-15", "$-99.99", "(-18 °C)": a minus sign glued to the digits, not between numbers.
        if i >= 1, tokens[i - 1].kind == .dash, !t.spaced,
           i == 1 || tokens[i - 1].spaced || tokens[i - 2].kind == .symbol || isText(i - 2, "(") {
            q.negative = true
        }
        return q
    }

    /// "2 1/2", "1/4" (a proper fraction, not "24/7" or a date) and "4e14", "1e-3"
    /// (scientific notation) after a number's digits.
    func fractionAndExponent(_ q: inout Quantity) {
        let e = q.tokens.upperBound
        let t = tokens[q.tokens.lowerBound]
        func fraction(at k: Int) -> (UInt64, UInt64)? {
            guard k + 2 < tokens.count, tokens[k].kind == .number,
                  tokens[k].fraction == 0, tokens[k + 1].kind == .punct, isText(k + 1, "/"),
                  !tokens[k + 1].spaced, tokens[k + 2].kind == .number, !tokens[k + 2].spaced,
                  tokens[k + 2].fraction == 0 else { return nil }
            let a = tokens[k].mantissa, b = tokens[k + 2].mantissa
            guard a >= 1, a < b, b <= 100 else { return nil }
            // "16/05/2024" is a date
            if k + 3 < tokens.count, tokens[k + 3].kind == .punct, isText(k + 3, "/"), !tokens[k + 3].spaced { return nil }
            return (a, b)
        }
        if t.fraction == 0, q.exponent == 0, let (a, b) = fraction(at: q.tokens.lowerBound) {
            q.numerator = a; q.denominator = b
            q.tokens = q.tokens.lowerBound..<(q.tokens.lowerBound + 3)
            return
        }
        if t.fraction == 0, q.exponent == 0, e < tokens.count, !tokens[e].spaced, tokens[e].kind == .punct,
           let (a, b) = FigureVocabulary.vulgarFractions[raw(e)] {
            // "2½ miles"
            q.numerator = q.numerator &* b &+ a; q.denominator = b
            q.tokens = q.tokens.lowerBound..<(e + 1)
            return
        }
        if t.fraction == 0, q.exponent == 0, e < tokens.count, tokens[e].spaced, let (a, b) = fraction(at: e) {
            q.numerator = q.numerator &* b &+ a; q.denominator = b
            q.tokens = q.tokens.lowerBound..<(e + 3)
            return
        }
        // "3 × 10^8", "8x2^10": the number times a whole base to a power.
        if e + 3 < tokens.count, isWord(e, "x") || isText(e, "×") || isText(e, "*"),
           tokens[e + 1].kind == .number, tokens[e + 1].fraction == 0, isText(e + 2, "^") {
            var k = e + 3
            var sign = 1
            if tokens[k].kind == .dash, !tokens[k].spaced { sign = -1; k += 1 }
            guard k < tokens.count, tokens[k].kind == .number, tokens[k].fraction == 0,
                  tokens[k].mantissa <= 300 else { return }
            let base = tokens[e + 1].mantissa, power = Int(tokens[k].mantissa)
            if base == 10 {
                q.exponent += sign * power
            } else {
                var f: UInt64 = 1
                for _ in 0..<power {
                    let (p, overflow) = f.multipliedReportingOverflow(by: base)
                    if overflow || sign < 0 { return }
                    f = p
                }
                q.scale(by: f)
            }
            q.tokens = q.tokens.lowerBound..<(k + 1)
            return
        }
        // Scientific notation: the lexer reads "4e14" as 4, "e", 14 and "1e-3" as 1, "e", "-", 3.
        guard e + 1 < tokens.count, tokens[e].kind == .word, !tokens[e].spaced,
              isWord(e, "e") else { return }
        var k = e + 1
        var sign = 1
        if tokens[k].kind == .dash, !tokens[k].spaced { sign = -1; k += 1 } else if isText(k, "+"), !tokens[k].spaced { k += 1 }
        guard k < tokens.count, tokens[k].kind == .number, !tokens[k].spaced, tokens[k].fraction == 0,
              tokens[k].mantissa <= 300 else { return }
        q.exponent += sign * Int(tokens[k].mantissa)
        q.tokens = q.tokens.lowerBound..<(k + 1)
    }

    /// "from 44 ml to 50 mg": two quantities, not a range or a move.
    func differentUnits(_ l: Quantity, _ h: Quantity) -> Bool {
        guard let a = unitExpression(at: l.tokens.upperBound), let b = unitExpression(at: h.tokens.upperBound) else { return false }
        return a.id != b.id
    }

    /// "in five", "out of three" after a quantity, inside the match: the denominator of a
    /// proportion and the token after it.
    func proportion(after q: Quantity) -> (Double, Int)? {
        var j = q.tokens.upperBound
        if isWord(j, "in") { j += 1 } else if isWord(j, "out"), isWord(j + 1, "of") { j += 2 } else { return nil }
        guard j < limit, let d = quantity(in: j..<min(j + 1, limit)), d.tokens.lowerBound == j, d.double > 0 else { return nil }
        return (d.double, d.tokens.upperBound)
    }

    /// The multiplier a scaled quantity used, for "10-20 million" where only the high end
    /// names the scale.
    func scaleFactor(_ q: Quantity) -> UInt64? {
        var f: UInt64 = 1
        for j in q.tokens where tokens[j].kind == .word {
            guard let s = FigureVocabulary.scale(low(j), attached: !tokens[j].spaced, raw: raw(j))
            else { continue }
            f = f &* s
        }
        return f == 1 ? nil : f
    }

    /// Two quantities joined by a dash, "to" or "and": a range (low and high; a low end
    /// without a scale word may take the high end's, see `sharesScale`) or a move (the level
    /// reached, and the direction as the change).
    func setEnds(_ l: Quantity, _ h: Quantity, of fig: inout Figure) {
        var lq = l
        if !lq.scaled, h.scaled, let f = scaleFactor(h), sharesScale(l, h, factor: f) { lq.scale(by: f) }
        let low = lq.double, high = h.double
        if isMove(from: l, low: low, to: h, high: high) {
            fig.value = high
            fig.from = low
            if high != low { fig.change = high > low ? "rise" : "fall" }
            else { fig.change = change(near: prefixStart(l.tokens.lowerBound), end: h.tokens.upperBound) }
        } else {
            fig.low = min(low, high)   // "ranged from -18 to -34": low is the smaller
            fig.high = max(low, high)
        }
    }

    /// Whether a low end without a scale word takes the high end's. It does when the ends
    /// then read upwards ("10-20 million", "from 5 to 7 million") or next to a fall word
    /// ("fell from 1.5 to 1.2 billion"). It does not next to a rise word or in a range,
    /// which reads upwards ("rose from 500 to 1.2 million", "between 300 and 5 million").
    /// Otherwise ("from 1.5 to 1.2 billion") the reading whose ends are closer in size wins.
    func sharesScale(_ l: Quantity, _ h: Quantity, factor f: UInt64) -> Bool {
        let bare = l.double, high = h.double, shared = bare * Double(f)
        if shared <= high { return true }
        let start = prefixStart(l.tokens.lowerBound)
        switch change(near: start, end: h.tokens.upperBound) {
        case "fall": return true
        case "rise": return false
        default: break
        }
        let dash = (l.tokens.upperBound..<h.tokens.lowerBound).contains { tokens[$0].kind == .dash }
        if dash || isWord(start - 1, "between") { return false }
        return shared / high < high / bare  // bare > 0 here: shared > high
    }

    /// "from X to Y" next to a rise or fall word, or "X to Y" going down ("cut from $5bn
    /// to $3bn", "fell from 10 to 8"): the quantity moved from X to Y. A range is written
    /// upwards, with a dash, "to" or "between ... and".
    func isMove(from l: Quantity, low: Double, to h: Quantity, high: Double) -> Bool {
        guard l.tokens.upperBound <= h.tokens.lowerBound,
              (l.tokens.upperBound..<h.tokens.lowerBound).contains(where: { isWord($0, "to") })
        else { return false }
        var start = prefixStart(l.tokens.lowerBound)
        // "rose from about $350 per kg to $680 per kg": a hedge between "from" and the start
        if !isWord(start - 1, "from"), isWord(start - 2, "from"), hedge(before: start).approx { start -= 1 }
        // "ranged from -18 to -34 °C", "varies from 5 to 3": a range, whichever way it reads
        let from = l.negative && start >= 1 && tokens[start - 1].kind == .dash ? start - 1 : start
        if isWord(from - 1, "from"), isWord(from - 2, in: FigureVocabulary.rangeVerbs) { return false }
        if high < low { return true }
        return isWord(start - 1, "from") && change(near: start - 1, end: h.tokens.upperBound) != nil
    }

    /// The high end of a range right after `q`, inside the match: "10-20", "10 to 20",
    /// "between 5 and 7", "$5-$7 billion", "3% to 5%" (when both ends say percent); returns
    /// it and the token index after it.
    func rangeEnd(after q: Quantity) -> (Quantity, Int)? {
        var j = q.tokens.upperBound
        // "between 3% and 5%", "from 2 per cent to 3.5 per cent": a percent unit on both ends.
        let lowUnit = percentUnit(at: j)
        if let lowUnit { j += lowUnit.width }
        // "44 mg to 50 mg", "-18 °C to -34 °C": a unit of the registry on the low end too.
        var lowMeasure: UnitExpression?
        if lowUnit == nil, let u = unitExpression(at: j), u.end < limit, u.end > j { lowMeasure = u; j = u.end }
        // "8- to 16-metre": a suspended hyphen before "to".
        if lowUnit == nil, lowMeasure == nil, j + 1 < limit, tokens[j].kind == .dash, !tokens[j].spaced,
           isWord(j + 1, "to") { j += 1 }
        guard j < limit else { return nil }
        let start = prefixStart(q.tokens.lowerBound)
        let between = isWord(start - 1, "between")
        if tokens[j].kind == .dash {
            // "16-17" but not "7000-word"; a spaced dash ("10 – 20") is fine too.
        } else if isWord(j, "to") || (between && isWord(j, "and")) {
        } else {
            return nil
        }
        j += 1
        while j < limit, tokens[j].kind == .symbol, FigureVocabulary.symbols[raw(j)] != nil { j += 1 }
        guard j < limit else { return nil }
        let h: Quantity
        if tokens[j].kind == .number {
            h = digits(at: j)
        } else if let w = NumberWords.parse(self, at: j), q.tokens.count > 0,
                  tokens[q.tokens.lowerBound].kind == .word {
            h = w   // "two to three", but not "5 to two"
        } else {
            return nil
        }
        if let lowUnit, percentUnit(at: h.tokens.upperBound)?.unit != lowUnit.unit { return nil }
        if let lowMeasure, unitExpression(at: h.tokens.upperBound)?.id != lowMeasure.id { return nil }
        return (h, h.tokens.upperBound)
    }

    /// A percent or percentage-point unit at token `j`, inside the match, and its width.
    func percentUnit(at j: Int) -> (unit: String, width: Int)? {
        guard j < limit else { return nil }
        if tokens[j].kind == .symbol, isText(j, "%") { return ("percent", 1) }
        if let (u, n) = fixedUnit(at: j), u == "percent" || u == "percentage points", j + n <= limit {
            return (u, n)
        }
        return nil
    }
}
