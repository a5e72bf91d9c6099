/// Units of measurement after a number, read with the registry of `rules/units.tsv`: a
/// listed form ("km", "square kilometres", "bcm"), a power ("km2", "m³", "s^-1", "km
/// squared", "cubic feet"), and a rate of two ("km/h", "barrels per day", "tonnes of CO2 a
/// year", "per capita"). The id, dimension and factor of a compound are built from its
/// parts; a compound the registry lists itself (km/h, m/s) is taken from there.
struct UnitExpression: Equatable {
    var id: String
    var dimension: String?
    /// The canonical unit and how many of it one unit is, when every part converts.
    var canonical: String?
    var factor: Double?
    var offset: Double = 0
    /// Token index after the unit.
    var end: Int
}

extension FigureScan {
    /// The longest registry form starting at token `j` (symbols in their case, names in any)
    /// and the token after it; an ambiguous unit's symbol counts only where
    /// `ambiguousUnitFits`. Units are read past the match too ("$30 per barrel" is matched
    /// as "$30" by some rules), to the end of the sentence.
    func registryUnit(at j: Int) -> (unit: Int, end: Int)? {
        guard !units.isEmpty, j < tokens.count, tokens[j].kind != .number else { return nil }
        var best: (unit: Int, end: Int)?
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { rawKey in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { lowKey in
                var len = 0
                for n in 0..<units.longestForm {
                    let k = j + n
                    guard k < tokens.count else { break }
                    if n > 0, tokens[k].kind == .number, tokens[k].spaced { break }
                    let r = raw(k), l = low(k)
                    // "1.5° C", "2 ° F": a degree sign and its scale's letter written apart are
                    // the one symbol
                    let sep = n > 0 && tokens[k].spaced && !isText(k - 1, "°") && !isText(k - 1, "º") ? 1 : 0
                    guard len + sep + r.count <= rawKey.count else { break }
                    if sep > 0 { rawKey[len] = 0x20; lowKey[len] = 0x20 }
                    for d in 0..<r.count { rawKey[len + sep + d] = r[d]; lowKey[len + sep + d] = l[d] }
                    len += sep + r.count
                    let rk = UnsafeBufferPointer(rebasing: rawKey[..<len])
                    let lk = UnsafeBufferPointer(rebasing: lowKey[..<len])
                    if let u = units.lookup(raw: rk, lowered: lk) {
                        let bySymbol = units.isSymbol(rk, of: u)
                        if units.units[u].clock, bySymbol, !clockUnitFits(before: j) {
                            // "6.30 pm" is a time of day
                        } else if !units.units[u].ambiguous || !bySymbol || ambiguousUnitFits(after: k + 1) {
                            best = (u, k + 1)
                        }
                    }
                }
            }
        }
        return best
    }

    /// A clock symbol ("pm", "am") is a unit after a number that cannot be a time of day:
    /// "2.1 pm", "2.123 am", "30 pm"; not "6.30 pm" or "11 am" (the tokenizer's `%clock`).
    func clockUnitFits(before j: Int) -> Bool {
        guard j >= 1, tokens[j - 1].kind == .number else { return false }
        let t = tokens[j - 1]
        if t.fraction == 0 { return t.mantissa > 24 }
        if t.fraction == 2 { return t.mantissa / 100 > 24 || t.mantissa % 100 >= 60 }
        return true
    }

    /// An ambiguous symbol ("2 in", "5 m", "30 s") is a unit at the end of the sentence or a
    /// clause, before a bracket, or before a measure word ("2 in thick", "66 Ma ago").
    func ambiguousUnitFits(after k: Int) -> Bool {
        guard k < tokens.count else { return true }
        switch tokens[k].kind {
        case .punct: return !isText(k, "'") && !isText(k, "’")
        case .word: return FigureVocabulary.measureWords.contains(low(k))
        case .symbol, .dash: return false
        case .number: return false
        }
    }

    /// One unit with its power: "km", "km2", "m³", "s^-1", "square miles", "km squared".
    func unitAtom(at j: Int, denominator: Bool = false) -> (unit: Int, power: Int, end: Int)? {
        var k = j
        var pre = 1
        if isWord(k, "square") || isWord(k, "sq") { pre = 2 } else if isWord(k, "cubic") || isWord(k, "cu") { pre = 3 }
        if pre != 1, let listed = registryUnit(at: j) { return (listed.unit, 1, listed.end) }   // "sq km", "cubic feet"
        if pre != 1 { k += 1 }
        guard let (u, end) = registryUnit(at: k) ?? bareMetre(at: k, denominator: denominator || pre != 1)
                ?? bareSecond(at: k, denominator: denominator) else { return nil }
        if pre != 1, units.units[u].dimension != "length" { return nil }
        var power = pre
        var e = end
        if e < tokens.count, !tokens[e].spaced {
            if tokens[e].kind == .number, tokens[e].fraction == 0, tokens[e].mantissa == 2 || tokens[e].mantissa == 3 {
                power *= Int(tokens[e].mantissa); e += 1
            } else if tokens[e].kind == .punct, isText(e, "²") || isText(e, "³") {
                power *= isText(e, "²") ? 2 : 3; e += 1
            } else if tokens[e].kind == .punct, isText(e, "^"), e + 1 < tokens.count {
                if tokens[e + 1].kind == .number, tokens[e + 1].mantissa <= 3 {
                    power *= Int(tokens[e + 1].mantissa); e += 2
                } else if tokens[e + 1].kind == .dash, e + 2 < tokens.count, tokens[e + 2].kind == .number,
                          tokens[e + 2].mantissa == 1 {
                    power = -power; e += 3
                }
            } else if tokens[e].kind == .dash, e + 1 < tokens.count, tokens[e + 1].kind == .number,
                      !tokens[e + 1].spaced, tokens[e + 1].mantissa == 1, tokens[e + 1].fraction == 0 {
                power = -power; e += 2
            }
        } else if isWord(e, "squared") {
            power *= 2; e += 1
        } else if isWord(e, "cubed") {
            power *= 3; e += 1
        }
        return (u, power, e)
    }

    /// "m" is not a symbol of the registry (after a number it is million: "$5 m"), but in a
    /// rate or with a power it can only be the metre: "J/m^2", "m/s", "kg per m3".
    func bareMetre(at k: Int, denominator: Bool) -> (unit: Int, end: Int)? {
        guard k < tokens.count, tokens[k].kind == .word, isText(k, "m"), let m = units.index(id: "m") else { return nil }
        let e = k + 1
        let powered = e < tokens.count && !tokens[e].spaced
            && ((tokens[e].kind == .number && (tokens[e].mantissa == 2 || tokens[e].mantissa == 3))
                || (tokens[e].kind == .punct && (isText(e, "^") || isText(e, "²") || isText(e, "³"))))
        return denominator || powered ? (m, e) : nil
    }

    /// "s" is not a symbol of the registry (after a number it is a plural: "the 1990s"), but
    /// as a rate's denominator it can only be the second: "km/s2", "m/s".
    func bareSecond(at k: Int, denominator: Bool) -> (unit: Int, end: Int)? {
        guard denominator, k < tokens.count, tokens[k].kind == .word, isText(k, "s"),
              let s = units.index(id: "s") else { return nil }
        return (s, k + 1)
    }

    /// The unit expression at token `j`, if the registry knows its first part.
    func unitExpression(at j: Int) -> UnitExpression? {
        guard let first = unitAtom(at: j) else { return nil }
        var parts: [(unit: Int?, power: Int)] = [(first.unit, first.power)]
        let e = denominators(after: first.end, into: &parts)
        return build(parts, end: e)
    }

    /// "per hour", "/h", "a day", "every year", "per capita", "of CO2 a year": the parts of a
    /// rate after a unit (at most two), appended with a negative power; returns the end.
    /// After a measure "a"/"an" takes only a unit of time ("10 km a day"); after an amount of
    /// money (`price`) any unit: "$80 a barrel", "€2 a litre" are prices.
    func denominators(after start: Int, into parts: inout [(unit: Int?, power: Int)], price: Bool = false) -> Int {
        var e = start
        for _ in 0..<2 {
            guard e < tokens.count else { break }
            var k = e
            // "tonnes of CO2 a year", "barrels of crude per day": a substance of up to three
            // tokens between the unit and its rate.
            if isWord(k, "of") {
                var s = k + 1
                while s < min(k + 4, tokens.count), tokens[s].kind == .word || (tokens[s].kind == .number && !tokens[s].spaced),
                      !isWord(s, "a"), !isWord(s, "per"), !isWord(s, "an"), !isWord(s, "every") { s += 1 }
                guard s > k + 1, s < tokens.count, perWord(s) != nil else { break }
                k = s
            }
            // "$1.2bn annually", "2 million barrels daily": an adverb of frequency is a rate
            if parts.allSatisfy({ $0.power > 0 }), k == e, let id = FigureVocabulary.rateAdverbs[low(k)], let u = units.index(id: id) {
                parts.append((u, -1)); e = k + 1; break
            }
            guard let kind = perWord(k) else { break }
            if kind != .article, isWord(k + 1, in: FigureVocabulary.perCapita) {
                parts.append((nil, -1)); e = k + 2; continue
            }
            guard let b = unitAtom(at: k + 1, denominator: kind != .article) else { break }
            if kind == .article, !units.units[b.unit].time, !price { break }
            parts.append((b.unit, -b.power))
            e = b.end
        }
        return e
    }

    enum PerWord { case per, slash, article }
    func perWord(_ k: Int) -> PerWord? {
        guard k < tokens.count else { return nil }
        if isWord(k, "per") { return .per }
        if tokens[k].kind == .punct, isText(k, "/") { return .slash }
        if isWord(k, "a") || isWord(k, "an") || isWord(k, "each") || isWord(k, "every") { return .article }
        return nil
    }

    /// Id, dimension and factor of a product of unit powers; `nil` parts are "per capita".
    func build(_ parts: [(unit: Int?, power: Int)], end: Int) -> UnitExpression {
        let us = units.units
        if parts.count == 1, parts[0].power == 1, let u = parts[0].unit {
            let x = us[u]
            return UnitExpression(id: x.id, dimension: x.dimension, canonical: x.canonical,
                                  factor: x.factor, offset: x.offset, end: end)
        }
        func piece(_ name: String, _ p: Int) -> String { abs(p) == 1 ? name : "\(name)\(abs(p))" }
        func join(_ names: [(String, Int)]) -> String {
            let num = names.filter { $0.1 > 0 }.map { piece($0.0, $0.1) }
            let den = names.filter { $0.1 < 0 }.map { piece($0.0, $0.1) }
            if num.isEmpty { return den.count == 1 && names.count == 1 ? den[0] + "-1" : "1/" + den.joined(separator: "/") }
            return ([num.joined(separator: "·")] + den).joined(separator: "/")
        }
        let id = join(parts.map { ($0.unit.map { us[$0].id } ?? "capita", $0.power) })
        if let listed = units.unit(id: id) {
            return UnitExpression(id: listed.id, dimension: listed.dimension, canonical: listed.canonical,
                                  factor: listed.factor, offset: 0, end: end)
        }
        // Dimensions as a product too, with the usual names for the common ones.
        let dims = parts.map { ($0.unit.map { us[$0].dimension } ?? "capita", $0.power) }
        let named: [String: String] = ["length2": "area", "length3": "volume", "length/time": "speed",
                                       "length/time2": "acceleration", "time-1": "frequency",
                                       "energy/time": "power"]
        let dimKey = join(dims)
        let dimension = named[dimKey] ?? dimKey
        var factor: Double? = 1
        var canonical: [(String, Int)] = []
        for p in parts {
            guard let u = p.unit, let f = us[u].factor, let c = us[u].canonical else {
                if p.unit == nil { canonical.append(("capita", p.power)); continue }
                factor = nil; break
            }
            factor! *= pow(f, Double(p.power))
            canonical.append((c, p.power))
        }
        return UnitExpression(id: id, dimension: dimension, canonical: factor == nil ? nil : join(canonical),
                              factor: factor, end: end)
    }

    /// A currency amount's rate: "$30 per barrel", "$15.4/hour", "$5 billion a year",
    /// "$12,000 per capita": the denominators after `j`, as an id suffix ("/bbl").
    func currencyRate(after j: Int, code: String) -> (UnitExpression, Int)? {
        var parts: [(unit: Int?, power: Int)] = []
        let e = denominators(after: j, into: &parts, price: true)
        guard !parts.isEmpty else { return nil }
        let us = units.units
        let den = parts.map { p -> String in
            let name = p.unit.map { us[$0].id } ?? "capita"
            return abs(p.power) == 1 ? name : "\(name)\(abs(p.power))"
        }
        let dims = parts.map { $0.unit.map { us[$0].dimension } ?? "capita" }
        return (UnitExpression(id: ([code] + den).joined(separator: "/"),
                               dimension: (["currency"] + dims).joined(separator: "/"), end: e), e)
    }
}

private func pow(_ x: Double, _ n: Double) -> Double {
    var r = 1.0
    let k = Int(n.magnitude)
    for _ in 0..<k { r *= x }
    return n < 0 ? 1 / r : r
}
