/// Spelled-out numbers: "three", "twenty-five", "one hundred and twenty", "two million",
/// "a dozen", "half a dozen", "a couple of", and fractions ("a third", "two-thirds",
/// "three quarters", "half"). Vague plurals ("dozens", "hundreds") are not numbers.
enum NumberWords {
    static let small = WordTable<UInt64>([
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
        "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
        "nineteen": 19,
    ])
    static let tens = WordTable<UInt64>([
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90,
    ])
    static let scales = WordTable<UInt64>([
        "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
        "trillion": 1_000_000_000_000,
    ])
    /// Denominators of fractions, singular and plural.
    static let fractions = WordTable<UInt64>([
        "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
        "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
        "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
    ])
    /// Words before "one" or "half" that make it a pronoun or a part.
    static let determiners = WordSet(["no", "any", "every", "some", "this", "that", "which", "each", "the",
                                      "first", "second", "latter", "former", "other"])

    /// Parses a spelled-out number starting at token `i`, with any digit-free scale words,
    /// reading no token at or past `s.limit` (the end of the match).
    static func parse(_ s: FigureScan, at i: Int) -> Quantity? {
        let toks = s.tokens
        let stop = min(s.limit, toks.count)
        var j = i
        var total: UInt64 = 0
        var current: UInt64 = 0
        var any = false
        var scaled = false
        // Lowercased bytes of a word token before the end of the match.
        func word(_ k: Int) -> UnsafeBufferPointer<UInt8>? { k < stop && toks[k].kind == .word ? s.low(k) : nil }
        func isWord(_ k: Int, _ w: StaticString) -> Bool { word(k)?.spells(w) == true }
        func isScale(_ k: Int) -> Bool { word(k).map { scales[$0] != nil } ?? false }
        // "a quarter of a million", "three quarters of a billion", "a third of a dozen": a
        // fraction of a scale word is that share of it; returns the scale and the token after.
        func ofAScale(_ k: Int) -> (UInt64, Int)? {
            guard isWord(k, "of"), isWord(k + 1, "a"), let w = word(k + 2) else { return nil }
            if let f = scales[w] { return (f, k + 3) }
            return w.spells("dozen") ? (12, k + 3) : nil
        }
        func numberWord(_ k: Int) -> Bool {
            guard let w = word(k) else { return false }
            return small[w] != nil || tens[w] != nil || scales[w] != nil || w.spells("hundred") || w.spells("dozen")
        }

        // "one of the", "no one", "the second half": pronouns and parts, not quantities;
        // "the one tenth of the population" is a fraction, whatever comes before it.
        if let w = word(j), w.spells("one") || w.spells("half") {
            let fractionNext = w.spells("one") && word(j + 1).map { fractions[$0] != nil } == true
            if !fractionNext, i > 0, toks[i - 1].kind == .word, determiners.contains(s.low(i - 1)) { return nil }
            if w.spells("one"), isWord(j + 1, "of") || isWord(j + 1, "another") { return nil }
        }
        // "a"/"an"/"one" before a fraction, a scale or "dozen"/"couple"/"pair".
        if let w = word(j), w.spells("a") || w.spells("an") {
            guard let next = word(j + 1) else { return nil }
            if next.spells("couple") || next.spells("pair") {
                var end = j + 2
                if isWord(end, "of") { end += 1 }
                return Quantity(numerator: 2, tokens: i..<end)
            }
            // "a gross of pencils", "a gross is": 144, only as a noun ("a gross violation" is
            // the adjective)
            if next.spells("gross") {
                return isWord(j + 2, "of") || isWord(j + 2, "is") || isWord(j + 2, "was")
                    || isWord(j + 2, "are") || isWord(j + 2, "were") ? Quantity(numerator: 144, tokens: i..<(j + 2)) : nil
            }
            // "a baker's dozen": thirteen.
            if next.spells("baker") || next.spells("bakers") {
                var k = j + 2
                while k < min(j + 4, stop), toks[k].kind != .word || s.low(k).spells("s") { k += 1 }
                if isWord(k, "dozen") { return Quantity(numerator: 13, tokens: i..<(k + 1)) }
                return nil
            }
            if let d = fractions[next], next.last != UInt8(ascii: "s") {
                if let (f, end) = ofAScale(j + 2) { return Quantity(numerator: f, denominator: d, tokens: i..<end, scaled: true) }
                return Quantity(numerator: 1, denominator: d, tokens: i..<(j + 2))
            }
            if !(next.spells("hundred") || next.spells("dozen") || scales[next] != nil) {
                // "a year", "an hour": one of a unit of the registry
                return s.registryUnit(at: j + 1) != nil ? Quantity(numerator: 1, tokens: i..<(j + 1)) : nil
            }
            current = 1; any = true; j += 1
        } else if isWord(j, "half") {
            // "half a million", "half a dozen"; "half" alone is 0.5.
            if isWord(j + 1, "a"), let w = word(j + 2), let f = scales[w] ?? (w.spells("dozen") ? 12 : nil) {
                return Quantity(numerator: f, denominator: 2, tokens: i..<(j + 3), scaled: true)
            }
            return Quantity(numerator: 1, denominator: 2, tokens: i..<(j + 1))
        }

        while let w = word(j) {
            if let v = small[w] {
                if any && current % 100 != 0 && current % 10 != 0 { break }   // "five six"
                current += v; any = true; j += 1
            } else if let v = tens[w] {
                if any && current % 100 != 0 { break }
                current += v; any = true; j += 1
                // "twenty-five": a glued dash and a unit word.
                if j + 1 < stop, toks[j].kind == .dash, !toks[j].spaced, !toks[j + 1].spaced,
                   let u = word(j + 1), let uv = small[u], uv > 0, uv < 10 {
                    current += uv; j += 2
                }
            } else if w.spells("hundred") {
                current = max(current, 1) * 100; any = true; j += 1
            } else if w.spells("dozen") {
                current = max(current, 1) * 12; any = true; scaled = true; j += 1
            } else if let f = scales[w], any {
                total += max(current, 1) * f; current = 0; scaled = true; j += 1
            } else if w.spells("and"), any, isWord(j + 1, "a"), isWord(j + 2, "half") {
                // "one and a half million", "two and a half thousand": before a scale word the
                // whole and its half are that scale's multiplier, as "1.5 million" is
                if total == 0, current > 0, let sw = word(j + 3),
                   let f = scales[sw] ?? (sw.spells("hundred") ? 100 : sw.spells("dozen") ? 12 : nil) {
                    return Quantity(numerator: (current * 2 + 1) * f, denominator: 2, tokens: i..<(j + 4), scaled: true)
                }
                // "two and a half", "a million and a half"
                let whole = total + current
                return Quantity(numerator: whole * 2 + 1, denominator: 2, tokens: i..<(j + 3), scaled: scaled)
            } else if w.spells("and"), any, current % 100 == 0, numberWord(j + 1), !isScale(j + 1) {
                j += 1     // "one hundred and twenty", "two thousand and five"; not "two and three"
            } else if let d = fractions[w], any, total == 0, current > 0, current < 10 {
                // "two thirds", "three-quarters" (glued dash skipped below)
                if let (f, end) = ofAScale(j + 1) { return Quantity(numerator: current * f, denominator: d, tokens: i..<end, scaled: true) }
                return Quantity(numerator: current, denominator: d, tokens: i..<(j + 1))
            } else {
                break
            }
            // "two-thirds", "three-quarters": a glued dash before a fraction word.
            if j + 1 < stop, toks[j].kind == .dash, !toks[j].spaced, !toks[j + 1].spaced,
               let f = word(j + 1), let d = fractions[f], total == 0, current > 0, current < 10 {
                if let (g, end) = ofAScale(j + 2) { return Quantity(numerator: current * g, denominator: d, tokens: i..<end, scaled: true) }
                return Quantity(numerator: current, denominator: d, tokens: i..<(j + 2))
            }
        }
        guard any else { return nil }
        return Quantity(numerator: total + current, tokens: i..<j, scaled: scaled)
    }

    /// Vague plurals and hedged scales: "tens of thousands" (10,000 to 100,000), "hundreds
    /// of millions", "thousands", "dozens", "several hundred" (300 to 900), "a few
    /// thousand" (2,000 to 5,000), "a few dozen" (24 to 60), "a couple of hundred" (200 to 300). The
    /// quantity is the low end and `upper` the high end.
    static let vaguePlurals = WordTable<UInt64>([
        "tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
        "billions": 1_000_000_000, "trillions": 1_000_000_000_000,
    ])

    static func vague(_ s: FigureScan, at i: Int) -> Quantity? {
        let toks = s.tokens
        let stop = min(s.limit, toks.count)
        func word(_ k: Int) -> UnsafeBufferPointer<UInt8>? { k < stop && toks[k].kind == .word ? s.low(k) : nil }
        func scaleWord(_ k: Int) -> UInt64? {
            guard let w = word(k) else { return nil }
            return w.spells("hundred") ? 100 : w.spells("dozen") ? 12 : scales[w]
        }
        var j = i
        var lowMul: UInt64 = 0, highMul: UInt64 = 0
        if word(j)?.spells("several") == true { lowMul = 3; highMul = 9; j += 1 }
        else if word(j)?.spells("a") == true, word(j + 1)?.spells("few") == true { lowMul = 2; highMul = 5; j += 2 }
        else if word(j)?.spells("a") == true, word(j + 1)?.spells("couple") == true, word(j + 2)?.spells("of") == true,
                scaleWord(j + 3) != nil {
            // "a couple of hundred", "a couple of thousand": two or three of the scale
            lowMul = 2; highMul = 3; j += 3
        }
        if lowMul > 0 {
            guard var f = scaleWord(j) else { return nil }
            j += 1
            if let g = scaleWord(j), g > f { f *= g; j += 1 }   // "several hundred thousand"
            var q = Quantity(numerator: lowMul * f, tokens: i..<j, scaled: true)
            q.upper = Double(highMul * f)
            return q
        }
        guard let w = word(j), let base = vaguePlurals[w] else { return nil }
        // "dozens", "scores": two to ten of them; the others: one to ten of the unit.
        let few = base == 12 || base == 20
        var low = few ? base * 2 : base, high = base * 10
        j += 1
        if word(j)?.spells("of") == true, let w2 = word(j + 1), let f = vaguePlurals[w2], f >= 1_000, f > base {
            low *= f; high *= f; j += 2
        }
        var q = Quantity(numerator: low, tokens: i..<j, scaled: true)
        q.upper = Double(high)
        return q
    }
}
