/// Where each rule can start, for a whole sentence at once: per vocabulary id and per
/// combination of token classes, a bit per indexed rule whose entry filter accepts the token.
/// One pass over the tokens then lists every rule's possible starts, and the matcher visits
/// only those instead of probing every token of the sentence per rule (a mispredicted branch
/// each). Indexed: the first 64 rules with an entry filter and no start anchor (an anchor
/// already narrows the starts its own way). Exact: a listed position is one the entry
/// filter accepts (or, for a class bit outside the table, any), and every accepted one is listed.
struct StartIndex: Sendable {
    /// Per rule: its bit, or -1 when not indexed.
    var ruleBit: [Int8] = []
    /// Per bit: the rule.
    var bitRule: [Int32] = []
    /// Per vocabulary id: the rules whose entry filter lists the id.
    var idMask: [UInt64] = []
    /// Per class combination (the 12 named class bits): the rules one of whose class tests passes.
    var classMask: [UInt64] = []
    /// Rules whose entry filter accepts position 0 (`^`).
    var atStartMask: UInt64 = 0

    static let classCombos = 1 << 12

    init() {}

    init(rules: [CompiledRule], vocabCount: Int) {
        ruleBit = Array(repeating: -1, count: rules.count)
        idMask = Array(repeating: 0, count: vocabCount)
        classMask = Array(repeating: 0, count: Self.classCombos)
        for (r, rule) in rules.enumerated() where bitRule.count < 64 {
            guard let entry = rule.program.entry, rule.program.anchor == nil else { continue }
            let bit = UInt64(1) << UInt64(bitRule.count)
            ruleBit[r] = Int8(bitRule.count)
            bitRule.append(Int32(r))
            if entry.atStart { atStartMask |= bit }
            // The filter's ids, from its bitmap: not a probe of every vocabulary id per rule.
            for (w, word) in entry.tokens.bitWords.enumerated() {
                var bits = word
                while bits != 0 {
                    let id = w << 6 + bits.trailingZeroBitCount
                    if id < vocabCount { idMask[id] |= bit }
                    bits &= bits - 1
                }
            }
            for k in entry.tokens.classHas.indices {
                let has = entry.tokens.classHas[k].rawValue, not = entry.tokens.classNot[k].rawValue
                for c in 0..<UInt32(Self.classCombos) where c & has == has && c & not == 0 { classMask[Int(c)] |= bit }
            }
        }
    }

    /// The indexed rules whose entry filter accepts `t`.
    @inline(__always)
    func mask(_ t: Token) -> UInt64 {
        // A class bit outside the table (none today): every rule may start there, which is
        // safe, as the matcher itself rejects a start the pattern cannot match from.
        if t.classes.rawValue >= UInt32(Self.classCombos) { return ~0 }
        var m = classMask[Int(t.classes.rawValue)]
        if t.id >= 0 && Int(t.id) < idMask.count { m |= idMask[Int(t.id)] }
        return m
    }

    /// Fills `starts` with the positions where rule `bitRule[b]` can start, for every bit in
    /// `wanted`: bit b's are `starts.flat[b * n ..< b * n + starts.count[b]]`.
    func collect(_ tokens: UnsafeBufferPointer<Token>, wanted: UInt64, into starts: inout StartLists) {
        let n = tokens.count
        if starts.flat.count < 64 * n { starts.flat = Array(repeating: 0, count: 64 * n) }
        if starts.count.count < 64 { starts.count = Array(repeating: 0, count: 64) }
        starts.stride = n
        starts.flat.withUnsafeMutableBufferPointer { flat in
            starts.count.withUnsafeMutableBufferPointer { count in
                var w = wanted
                while w != 0 { count[w.trailingZeroBitCount] = 0; w &= w - 1 }
                guard wanted != 0 else { return }
                for p in 0..<n {
                    var m = mask(tokens[p]) & wanted
                    if p == 0 { m |= atStartMask & wanted }
                    while m != 0 {
                        let b = m.trailingZeroBitCount
                        flat[b * n + Int(count[b])] = Int32(p)
                        count[b] += 1
                        m &= m - 1
                    }
                }
            }
        }
    }
}

/// Start positions per `StartIndex` bit for one sentence, flat: bit b's list begins at
/// `b * stride` and holds `count[b]` positions, ascending.
struct StartLists {
    var flat: [Int32] = []
    var count: [Int32] = []
    var stride = 0
}
