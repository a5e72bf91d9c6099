/// What the words around a figure say of it: a hedge ("about", "more than", "up to") and
/// the direction of a change ("rose", "fell").
extension FigureScan {
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
