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
}
