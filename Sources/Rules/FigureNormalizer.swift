/// Normalised fields of a `figure` match (TAGGING.md, figure): the number with its scale
/// applied, the unit (ISO 4217 code, `percent`, `percentage points` or the counted noun),
/// whether it is hedged and whether it is a rise or a fall.
///
/// Fields come in a fixed order: value, from, low, high, unit, approx, change; each only
/// when the text gives it (`approx` only when true). A range ("10-20 million", "between 5 and
/// 7 percent") yields `low` and `high` and no `value`, so a consumer never mistakes one
/// end of a range for the quantity. A move ("fell from $10 billion to $8 billion": "from
/// X to Y" near a rise or fall word, or "X to Y" going down) is one figure whose `value` is
/// the level reached, `from` the level it started at and `change` the direction. With no captures the
/// match's first quantity that has a unit is normalised, passing over years, days of the
/// month and "the two countries"; captures `value`, `low`/`from`, `high`/`to` and `unit`
/// say exactly what to read.
///
/// The numbers are read only inside the match: a scale word, the other end of a range or
/// the level of a move past the match's last token belongs to another figure. The words
/// around the match still say whether it is hedged ("more than $190 billion"), a rise or
/// a fall, and which noun a bare number counts.
///
/// Parsing is by hand over UTF-8 bytes: the sentence is cut into number, word, symbol and
/// dash tokens once, and digits are accumulated as an integer mantissa plus a decimal
/// exponent so that "RUB 1.776 trillion" is exactly 1776000000000.
enum FigureNormalizer {
    /// The fields of the match's figure (its first part when it has several).
    static func fields(sentence: UnsafeBufferPointer<UInt8>, match: Range<Int>,
                       captures: [Capture], units: UnitRegistry = .empty) -> [(name: String, value: FieldValue)] {
        parts(sentence: sentence, match: match, captures: captures, units: units).first?.fields ?? []
    }

    /// The quantities of a match, each with its byte range in the sentence: one for most
    /// matches (the match's own range); two where one match writes two quantities ("45 and
    /// 50 mg" with a `also` capture, "from 44 ml to 50 mg" whose ends have different units).
    /// The rule engine makes a figure tag of each part and knows nothing of why.
    static func parts(sentence: UnsafeBufferPointer<UInt8>, match: Range<Int>, captures: [Capture],
                      units: UnitRegistry = .empty) -> [(range: Range<Int>, fields: [(name: String, value: FieldValue)])] {
        let lo = max(0, min(match.lowerBound, sentence.count))
        let hi = max(lo, min(match.upperBound, sentence.count))
        // The word lists are looked up by lowercased bytes: lowercase the sentence once.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: sentence.count) { lowered in
            for i in 0..<sentence.count {
                let c = sentence[i]
                lowered[i] = c &- 0x41 < 26 ? c | 0x20 : c
            }
            var scan = FigureScan(bytes: sentence, lowered: UnsafeBufferPointer(lowered), units: units)
            scan.limit = scan.firstToken(at: hi)
            if let split = scan.split(match: lo..<hi, captures: captures) {
                return split.map { ($0.range, $0.figure.fields) }
            }
            return [(lo..<hi, scan.figure(match: lo..<hi, captures: captures).fields)]
        }
    }
}

/// What one figure normalises to, before it is laid out as fields.
struct Figure: Equatable {
    var value: Double?
    /// A move's starting level ("fell from $10 billion to $8 billion": 10 billion; `value`
    /// is the level reached).
    var from: Double?
    var low: Double?
    var high: Double?
    var unit: String?
    /// What the unit measures: a registry dimension (length, mass, speed, currency/volume
    /// ...), `currency`, `ratio` (percent, points, "times") or `count` (a counted noun).
    var dimension: String?
    /// The canonical unit of the dimension and the factor (and offset) into it.
    var canonical: String?
    var factor: Double?
    var offset: Double = 0
    var approx = false
    /// "min" ("more than", "at least", "10+") or "max" ("up to", "under", "fewer than").
    var bound: String?
    var change: String?

    var fields: [(name: String, value: FieldValue)] {
        var out: [(name: String, value: FieldValue)] = []
        if let value { out.append(("value", .number(value))) }
        if let from { out.append(("from", .number(from))) }
        if let low { out.append(("low", .number(low))) }
        if let high { out.append(("high", .number(high))) }
        if let unit { out.append(("unit", .string(unit))) }
        if let dimension { out.append(("dimension", .string(dimension))) }
        if let factor, let canonical {
            func si(_ v: Double) -> FieldValue { .number(Figure.tidy(v * factor + offset)) }
            if let value { out.append(("si_value", si(value))) }
            if let from { out.append(("si_from", si(from))) }
            if let low { out.append(("si_low", si(low))) }
            if let high { out.append(("si_high", si(high))) }
            if value != nil || low != nil || high != nil { out.append(("si_unit", .string(canonical))) }
        }
        if approx { out.append(("approx", .bool(true))) }
        if let bound { out.append(("bound", .string(bound))) }
        if let change { out.append(("change", .string(change))) }
        return out
    }

    /// A converted value rounded to 12 significant digits: 5 km is 5000 m, not 5000.000000001.
    static func tidy(_ v: Double) -> Double {
        guard v != 0, v.isFinite else { return v }
        let digits = 12 - Int((abs(v)).log10Floor) - 1
        guard digits > -300, digits < 300 else { return v }
        // Scaled by exact powers of ten (10^22 is the largest a Double holds exactly), so
        // that 2.1e-12 comes back as 2.1e-12, not 2.1000000000000003e-12.
        var r = v
        var n = digits
        while n > 0 { let k = min(n, 22); r *= pow10(k); n -= k }
        while n < 0 { let k = min(-n, 22); r /= pow10(k); n += k }
        r.round()
        n = digits
        while n > 0 { let k = min(n, 22); r /= pow10(k); n -= k }
        while n < 0 { let k = min(-n, 22); r *= pow10(k); n += k }
        return r.isFinite ? r : v
    }

    private static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<abs(n) { r *= 10 }
        return n < 0 ? 1 / r : r
    }
}

private extension Double {
    var log10Floor: Double {
        var x = self, e = 0.0
        while x >= 10 { x /= 10; e += 1 }
        while x < 1 { x *= 10; e -= 1 }
        return e
    }
}

/// One token of the sentence: a run of digits (with grouping commas and a decimal point),
/// a word, a currency or percent symbol, a dash, or any other punctuation.
struct FigureToken {
    enum Kind { case number, word, symbol, dash, punct }
    var kind: Kind
    var range: Range<Int>
    /// True when whitespace separates this token from the previous one.
    var spaced: Bool
    /// Number tokens: digits as an integer and how many of them follow the decimal point.
    var mantissa: UInt64 = 0
    var fraction = 0
}

/// A parsed quantity: `numerator * 10^exponent / denominator`, kept exact as long as it can.
struct Quantity {
    var numerator: UInt64
    var exponent = 0
    var denominator: UInt64 = 1
    /// Token indices the quantity spans, scale words included.
    var tokens: Range<Int>
    var scaled = false
    var negative = false
    /// A vague quantity ("tens of thousands", "several hundred"): `double` is its low end
    /// and this its high end.
    var upper: Double?
    /// "twice", "threefold", "doubled": a multiplier, unit "times"; and the change a verb says.
    var multiplier = false
    var multiplierChange: String?

    mutating func scale(by factor: UInt64) {
        let (p, overflow) = numerator.multipliedReportingOverflow(by: factor)
        if !overflow { numerator = p; return }
        var f = factor
        while f % 10 == 0 { exponent += 1; f /= 10 }
        numerator = numerator &* f
    }

    var double: Double {
        var n = numerator
        var e = exponent
        while e > 0 {
            let (p, overflow) = n.multipliedReportingOverflow(by: 10)
            if overflow { break }
            n = p; e -= 1
        }
        var v = Double(n)
        if e > 0 { for _ in 0..<e { v *= 10 } }
        var d = Double(denominator)
        if e < 0 { for _ in 0..<(-e) { d *= 10 } }
        let r = d == 1 ? v : v / d
        return negative ? -r : r
    }
}

/// The tokenised sentence and the normalisation steps over it.
struct FigureScan {
    let bytes: UnsafeBufferPointer<UInt8>
    /// `bytes` with ASCII letters lowercased.
    let lowered: UnsafeBufferPointer<UInt8>
    let tokens: [FigureToken]
    let units: UnitRegistry
    /// The first token past the match: numbers, scale words and range ends are read only
    /// before it.
    var limit: Int

    init(bytes: UnsafeBufferPointer<UInt8>, lowered: UnsafeBufferPointer<UInt8>, units: UnitRegistry = .empty) {
        self.bytes = bytes
        self.lowered = lowered
        self.units = units
        self.tokens = FigureLexer.tokens(bytes)
        self.limit = tokens.count
    }

    // MARK: token helpers

    /// ASCII-lowercased text of a token (non-ASCII bytes kept as they are).
    func lower(_ i: Int) -> String { String(decoding: low(i), as: UTF8.self) }

    func text(_ i: Int) -> String { String(decoding: bytes[tokens[i].range], as: UTF8.self) }

    /// The bytes of a token as written, and ASCII-lowercased: what the word lists are
    /// looked up with, so that no String is made for a token that is only compared.
    func raw(_ i: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[tokens[i].range]) }
    func low(_ i: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: lowered[tokens[i].range]) }

    /// A token written exactly `s` (symbols and punctuation).
    func isText(_ i: Int, _ s: StaticString) -> Bool { raw(i).spells(s) }

    func isWord(_ i: Int, _ w: StaticString) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .word && low(i).spells(w)
    }

    func isWord(_ i: Int, in set: WordSet) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .word && set.contains(low(i))
    }

    /// First token index whose range starts at or after `offset`.
    func firstToken(at offset: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].range.lowerBound < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Token indices lying inside a byte range.
    func tokenSpan(_ r: Range<Int>) -> Range<Int> {
        let a = firstToken(at: r.lowerBound)
        var b = a
        while b < tokens.count && tokens[b].range.upperBound <= r.upperBound { b += 1 }
        // A number read further than the rules' tokenizer cut it ("1.200.000") is whole.
        if b < tokens.count, tokens[b].kind == .number, tokens[b].range.lowerBound < r.upperBound { b += 1 }
        return a..<b
    }

    // MARK: the figure

    /// A capture's byte range, clamped to the sentence; an empty or out-of-range capture
    /// says nothing.
    func capture(_ name: String, in captures: [Capture]) -> Range<Int>? {
        captures.first { $0.name == name }.map { r in
            let a = max(0, min(r.range.lowerBound, bytes.count))
            return a..<max(a, min(r.range.upperBound, bytes.count))
        }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Two quantities in one match, each a figure of its own with its byte range, or nil.
    /// "from 44 ml to 50 mg": each end with its unit (not a range or a move). "45 and 50
    /// mg" (captures `value`, `also`, `unit`): each number with the unit they share.
    func split(match: Range<Int>, captures: [Capture]) -> [(range: Range<Int>, figure: Figure)]? {
        func byteRange(_ t: Range<Int>) -> Range<Int> { tokens[t.lowerBound].range.lowerBound..<tokens[t.upperBound - 1].range.upperBound }
        if let lowR = capture("low", in: captures) ?? capture("from", in: captures),
           let highR = capture("high", in: captures) ?? capture("to", in: captures),
           let l = quantity(in: tokenSpan(lowR)), let h = quantity(in: tokenSpan(highR)), differentUnits(l, h) {
            var out: [(range: Range<Int>, figure: Figure)] = []
            for q in [l, h] {
                guard let u = unitExpression(at: q.tokens.upperBound), u.end <= limit else { return nil }
                let r = byteRange(prefixStart(q.tokens.lowerBound)..<u.end)
                var part = self
                part.limit = u.end
                out.append((r, part.figure(match: r, captures: [])))
            }
            return out
        }
        if let plusR = capture("plus", in: captures), let valueR = capture("value", in: captures),
           let q = quantity(in: tokenSpan(valueR)), let u = unitExpression(at: q.tokens.upperBound),
           u.end <= limit, let dim = u.dimension, let f = u.factor,
           measureParts(dimension: dim, factor: f, in: tokenSpan(plusR)) == nil {
            // "4 km and 4 km", "2 years and 3 years": not one measure in parts, a figure each
            var out: [(range: Range<Int>, figure: Figure)] = []
            let end = tokenSpan(plusR).upperBound
            var i = q.tokens.lowerBound
            while i < end, let p = quantity(in: i..<end), let pu = unitExpression(at: p.tokens.upperBound), pu.end <= end {
                let r = byteRange(p.tokens.lowerBound..<pu.end)
                var part = self
                part.limit = pu.end
                out.append((r, part.figure(match: r, captures: [])))
                i = pu.end
            }
            return out.count > 1 ? out : nil
        }
        if let valueR = capture("value", in: captures), let alsoR = capture("also", in: captures),
           let unitR = capture("unit", in: captures), valueR.upperBound <= alsoR.lowerBound {
            let unit = Capture(name: "unit", range: unitR)
            var first = self
            first.limit = firstToken(at: valueR.upperBound)
            let second = alsoR.lowerBound..<max(alsoR.upperBound, match.upperBound)
            return [(valueR, first.figure(match: valueR, captures: [Capture(name: "value", range: valueR), unit])),
                    (second, figure(match: second, captures: [Capture(name: "value", range: alsoR), unit]))]
        }
        return nil
    }

    func figure(match: Range<Int>, captures: [Capture]) -> Figure {
        func capture(_ name: String) -> Range<Int>? { self.capture(name, in: captures) }
        var fig = Figure()
        var first: Int?          // first token of the figure (currency prefix included)
        var last: Int?           // token after the figure's last number or scale word
        var multiplier = false   // "twice", "one in five": the unit is said, none to read after
        var dozen = false
        var vagueBare = false   // "thousands" with no "of": a counted noun must look plural
        var splitEnds = false    // "from 44 ml to 50 mg": two quantities, the first is read

        var ends: (Quantity, Quantity)?
        if let lowR = capture("low") ?? capture("from"), let highR = capture("high") ?? capture("to"),
           let l = quantity(in: tokenSpan(lowR)), let h = quantity(in: tokenSpan(highR)) {
            if differentUnits(l, h) { splitEnds = true } else { ends = (l, h) }
        }
        if let (l, h) = ends {
            setEnds(l, h, of: &fig)
            first = prefixStart(l.tokens.lowerBound)
            last = h.tokens.upperBound
        } else {
            let valueCapture = capture("value")
            let span = tokenSpan(valueCapture ?? match)
            if let q = valueCapture != nil ? quantity(in: span) : measuredQuantity(in: span) {
                first = prefixStart(q.tokens.lowerBound)
                last = q.tokens.upperBound
                if valueCapture != nil, let (d, end) = proportion(after: q) {
                    // "one in five", "two out of three": the fraction, no counted noun
                    fig.value = q.double / d
                    fig.unit = "fraction"; fig.dimension = "ratio"
                    last = end
                    multiplier = true
                } else if let (h, end) = rangeEnd(after: q) {
                    setEnds(q, h, of: &fig)
                    last = end
                } else if let upper = q.upper {
                    fig.low = q.double
                    fig.high = upper
                    fig.approx = true
                    // "tens of thousands of people": the counted noun is past the "of"
                    if isWord(q.tokens.upperBound, "of") { last = q.tokens.upperBound + 1 } else { vagueBare = true }
                } else if let (r, end) = colonRatio(after: q) {
                    // "a 3:1 advantage", "a ratio of 5:1": the first number over the second
                    fig.value = r
                    fig.unit = "times"; fig.dimension = "ratio"
                    last = end
                    multiplier = true
                } else {
                    fig.value = q.double
                    // "half as much ammunition", "half as large": a multiplier of 0.5
                    if isWord(q.tokens.lowerBound, "half"), q.tokens.count == 1, isWord(q.tokens.upperBound, "as"),
                       isWord(q.tokens.upperBound + 1, in: FigureVocabulary.asComparatives) {
                        fig.unit = "times"; fig.dimension = "ratio"
                        multiplier = true
                    }
                    // "a dozen", "a baker's dozen", "a gross": a count even when no noun follows
                    dozen = isWord(q.tokens.upperBound - 1, "dozen") || isWord(q.tokens.upperBound - 1, "gross")
                    if q.multiplier {
                        setTimes(after: q.tokens.upperBound, of: &fig)
                        fig.change = q.multiplierChange
                        multiplier = true
                    }
                }
            }
        }

        if !multiplier, fig.value != nil, let f = first, isWord(f - 1, "of"), isWord(f - 2, "factor") {
            // "rose by a factor of three": the number is a multiple
            fig.unit = "times"; fig.dimension = "ratio"
            multiplier = true
        }
        if multiplier {
            // "twice as many", "a threefold rise": no unit to read after it
        } else if let unitR = capture("unit"), !splitEnds {
            let span = tokenSpan(unitR)
            if let first, let code = prefixCurrency(first: first) {
                setCurrency(code, after: max(last ?? span.upperBound, span.upperBound), of: &fig)
            } else if let u = span.first.flatMap({ unitExpression(at: $0) }), u.end >= span.upperBound {
                set(u, of: &fig)
            } else if let name = unitName(of: span) {
                setNamed(name, after: span.upperBound, of: &fig)
            }
        } else if let first, let last {
            if let code = prefixCurrency(first: first) {
                setCurrency(code, after: last, of: &fig)
            } else {
                resolveUnit(after: last, of: &fig)
                if let v = fig.value, v > 0, v < 1, fig.dimension == nil || fig.dimension == "count",
                   tokens[first].kind == .word {
                    // "a third of the budget", "cut by half within a year", "a two-thirds
                    // majority": a fraction of a whole written in words is a share (unit
                    // "fraction", as "one in five"), and the word after it is no counted noun
                    fig.unit = "fraction"; fig.dimension = "ratio"
                }
            }
        }
        if dozen, fig.unit == nil, fig.dimension == nil { fig.dimension = "count" }
        if vagueBare, fig.dimension == "count", let u = fig.unit, !FigureVocabulary.looksPlural(u) {
            // "Thousands fled south", "tens of thousands remain": the vague plural stands
            // alone as the subject, and the word after it is a verb or an adverb, no noun
            fig.unit = nil
            fig.dimension = nil
        }
        if let plusR = capture("plus") { add(plusR, to: &fig) }
        if let first {
            let h = hedge(before: first)
            let after = hedgeAfter(last ?? first)
            fig.approx = fig.approx || h.approx || after.approx
            fig.bound = h.bound ?? after.bound
            if fig.bound == "min", fig.dimension == "time", isWord(first - 1, "over"), first >= 2,
               tokens[first - 2].kind != .punct, !isWord(first - 2, in: FigureVocabulary.durationHeads) {
                // "€50bn over four years", "seven phases over six weeks": the period it
                // spans, not "more than"; "in over five years", "took over a decade" measure
                fig.bound = nil
            }
        }
        if fig.offset != 0, let first, isWord(first - 1, "by") {
            // "risen by 1.5°C", "cut by 2 degrees Celsius": a difference of temperature, so
            // no offset (a rise of 1.5 °C is 1.5 K, not 274.65 K)
            fig.offset = 0
        }
        if let first, let last, let v = fig.value, v > 0, fig.dimension == "currency",
           accountingBrackets(first: first, last: last) {
            fig.value = -v
        }
        if fig.change != nil {
            // a move, or a multiplying verb ("doubled"): its direction is the change
        } else if let first, fig.value != nil,
                  isWord(first - 1, "from") || (isWord(first - 2, "from") && hedge(before: first).approx) {
            // "fell from $10 billion to $8 billion", "rose from about $350 per kg to $680 per
            // kg" matched as two figures: the first is where the quantity started, not a rise
            // or a fall
        } else if let first, let last {
            fig.change = change(near: first, end: last)
        } else {
            fig.change = change(in: tokenSpan(match))
        }
        return fig
    }

    /// "twenty-one years and six months", "3 years, 2 months and 14 days", "5 feet 11 inches":
    /// the parts of one measure after the first, converted into the first part's unit and
    /// added to its value (21.5 years), when every part is in a smaller unit of its dimension.
    func add(_ span: Range<Int>, to fig: inout Figure) {
        guard let v = fig.value, let f = fig.factor, f > 0, fig.offset == 0, let dim = fig.dimension,
              let parts = measureParts(dimension: dim, factor: f, in: tokenSpan(span)) else { return }
        // not rounded here: si_value is rounded from it
        fig.value = parts.reduce(v) { sum, p in sum + p.quantity.double * (p.unit.factor ?? 0) / f }
    }

    /// The quantities and units of `span`, each in a smaller unit of `dimension` than the one
    /// before it (the first part's unit has `factor`); nil when one is not: then the parts are
    /// not one measure ("4 km and 4 km", "2.80 GHz 8 MB").
    func measureParts(dimension: String, factor: Double, in span: Range<Int>) -> [(quantity: Quantity, unit: UnitExpression)]? {
        var out: [(quantity: Quantity, unit: UnitExpression)] = []
        var previous = factor
        var i = span.lowerBound
        while i < span.upperBound, let q = quantity(in: i..<span.upperBound) {
            guard let u = unitExpression(at: q.tokens.upperBound), u.end <= span.upperBound,
                  u.dimension == dimension, u.offset == 0, let f = u.factor, f < previous else { return nil }
            out.append((q, u))
            previous = f
            i = u.end
        }
        return out.isEmpty ? nil : out
    }

    /// "The annual revenue is ($99.99).": an amount alone in brackets as the complement of
    /// "be" is an accounting negative. After a noun or another amount ("£1bn ($1.3bn)", "the
    /// package ($61 billion)") brackets are a gloss and the amount stays as written.
    func accountingBrackets(first: Int, last: Int) -> Bool {
        guard first >= 2, last < tokens.count, tokens[first - 1].kind == .punct, isText(first - 1, "("),
              tokens[last].kind == .punct, isText(last, ")") else { return false }
        return isWord(first - 2, in: FigureVocabulary.copulas)
    }

    // MARK: quantities

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

    // MARK: units

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

    // MARK: approx and change

    /// A hedge right before the figure: "about", "c.", "~" make it approximate; "more
    /// than", "at least", "over" a lower bound; "up to", "under", "fewer than" an upper one.
    func hedge(before first: Int) -> (approx: Bool, bound: String?) {
        var i = first - 1
        if isWord(i, "between") || isWord(i, "from") { i -= 1 }
        if i >= 0, tokens[i].kind == .symbol, isText(i, "~") { return (true, nil) }
        if i >= 1, tokens[i].kind == .punct, isText(i, "."),
           isWord(i - 1, in: FigureVocabulary.abbreviatedHedges) { return (true, nil) }
        if i >= 0, tokens[i].kind == .punct, isText(i, ">") || isText(i, "≥") { return (false, "min") }
        if i >= 0, tokens[i].kind == .punct, isText(i, "<") || isText(i, "≤") { return (false, "max") }
        // Up to three words right before, as lowercase words joined by single spaces; the
        // figure is hedged when one, two or all three of them, ending at it, make a hedge.
        let last = i
        while last - i < 3, i >= 0, tokens[i].kind == .word { i -= 1 }
        guard last > i else { return (false, nil) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { key in
            for n in stride(from: last - i, through: 1, by: -1) {
                var len = 0
                var fits = true
                for k in (last - n + 1)...last {
                    let w = low(k)
                    let sep = len > 0 ? 1 : 0
                    guard len + sep + w.count <= key.count else { fits = false; break }   // no hedge is that long
                    if sep > 0 { key[len] = 0x20 }
                    for (d, b) in w.enumerated() { key[len + sep + d] = b }
                    len += sep + w.count
                }
                if fits, let kind = FigureVocabulary.hedges[UnsafeBufferPointer(rebasing: key[..<len])] {
                    switch kind {
                    case .approx: return (true, nil)
                    case .min: return (false, "min")
                    case .max: return (false, "max")
                    }
                }
            }
            return (false, nil)
        }
    }

    /// A hedge right after the figure: "10+", "30-odd", "or so", "or more", "or less".
    func hedgeAfter(_ j: Int) -> (approx: Bool, bound: String?) {
        guard j < tokens.count else { return (false, nil) }
        if tokens[j].kind == .symbol, isText(j, "+"), !tokens[j].spaced { return (false, "min") }
        if tokens[j].kind == .dash, isWord(j + 1, "odd") { return (true, nil) }
        if tokens[j].kind == .dash, isWord(j + 1, "plus") { return (false, "min") }
        if isWord(j, "or") {
            if isWord(j + 1, "so") { return (true, nil) }
            if isWord(j + 1, "more") { return (false, "min") }
            if isWord(j + 1, "less") || isWord(j + 1, "fewer") { return (false, "max") }
        }
        return (false, nil)
    }

    /// The nearest rise/fall word within six words before the figure (in its clause) or
    /// three after it.
    func change(near first: Int, end: Int) -> String? {
        var best: (distance: Int, kind: String)?
        var words = 0
        var pastComma = false
        var i = first - 1
        while i >= 0, words < 6, first - i <= 12 {
            // a comma with another number behind it ends the look-back: in "up 47 percent
            // compared to 2022, representing 45 percent" the rise belongs to the 47 only
            if tokens[i].kind == .punct, isText(i, ";") { break }
            if tokens[i].kind == .punct, isText(i, ",") { pastComma = true }
            if pastComma, tokens[i].kind == .number { break }
            if tokens[i].kind == .word {
                words += 1
                if let k = changeKind(at: i) { best = (words, k); break }
            }
            i -= 1
        }
        words = 0
        var j = end
        while j < tokens.count, words < 3 {
            if tokens[j].kind == .punct, isText(j, ";") || isText(j, ".") { break }
            if tokens[j].kind == .word {
                words += 1
                if let k = changeKind(at: j) {
                    if best == nil || words < best!.distance { best = (words, k) }
                    break
                }
            }
            j += 1
        }
        return best?.kind
    }

    func change(in span: Range<Int>) -> String? {
        for i in span where tokens[i].kind == .word {
            if let k = changeKind(at: i) { return k }
        }
        return nil
    }

    func changeKind(at i: Int) -> String? {
        let w = low(i)
        if w.spells("up") || w.spells("down"), isWord(i + 1, "to") { return nil }   // "up to 10": a bound
        // "takes up 40 per cent", "made up of", "sums up": the particle of a phrasal verb
        if w.spells("up"), i >= 1, isWord(i - 1, in: FigureVocabulary.upParticleVerbs) { return nil }
        if FigureVocabulary.riseWords.contains(w) { return "rise" }
        if FigureVocabulary.fallWords.contains(w) { return "fall" }
        return nil
    }
}
