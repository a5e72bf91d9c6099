/// What a sentence's tokens say about the rules, gathered in one pass over the tokens, from
/// one sparse row per vocabulary id:
/// - the rules the id triggers and the requirements (each distinct `Requirement` of a rule's
///   pattern, numbered) it meets, as bit sets, so a sentence's candidates are an OR of rows,
///   listed in rule order without a sort, and a rule runs only when all its requirements are
///   met; also where each requirement is met last, for the matcher's last start;
/// - where each rule can start: per vocabulary id and per combination of token classes, a bit
///   per indexed rule whose entry filter accepts the token. The matcher then visits only those
///   starts instead of probing every token of the sentence per rule (a mispredicted branch
///   each). Indexed: the first 64 rules with an entry filter, no start anchor (an anchor
///   already narrows the starts its own way) and no top-level branches (each has its own).
///   Exact: a listed position is one the entry filter accepts (or, for a class bit outside
///   the table, any), and every accepted one is listed.
struct StartIndex: Sendable {
    /// Per rule: its bit, or -1 when not indexed.
    var ruleBit: [Int8] = []
    /// Per bit: the rule.
    var bitRule: [Int32] = []
    /// Per class combination (the 12 named class bits): the rules one of whose class tests passes.
    var classMask: [UInt64] = Array(repeating: 0, count: StartIndex.classCombos)
    /// Rules whose entry filter accepts position 0 (`^`).
    var atStartMask: UInt64 = 0

    /// Words of a rule bit set and of a requirement bit set.
    var ruleWords = 0
    var reqWords = 0
    /// Words per row: the id's start mask, then `ruleWords` rule bits, `reqWords` requirement bits.
    var rowStride = 1
    var vocabCount = 0
    /// Per vocabulary id, a row: the indexed rules whose entry filter lists the id, the rules
    /// it triggers, the requirements it meets; then a row of zeros, for tokens without an id
    /// (so the per-token pass has no branch on the id, mispredicted for one token in four).
    /// Dense while building; `sparsify` turns them into `idStarts` and the entries.
    private var rows: [UInt64] = [0]
    /// Per class bit, a row as above: word 0 unused (the class part of a start mask is
    /// `classMask`), then the rules the class triggers and the requirements it meets.
    var classRows: [UInt64] = Array(repeating: 0, count: 32)
    /// The rules without a trigger, run on every sentence.
    var alwaysBits: [UInt64] = []
    /// Per rule, its requirements (`reqWords` words).
    var ruleReqBits: [UInt64] = []
    /// Per rule with top-level branches (`TopBranch`), the number of its first branch (-1:
    /// none); its requirements are `branchReqs`' list of that number, for its last start.
    var branchBase: [Int32] = []
    var branchCount: [Int32] = []
    /// The same per `unless` id (`RuleSet.unlessIDs`): a veto's branches, and its
    /// requirements in `vetoReqs`. A veto the sentence lacks a requirement of is not run.
    /// Per rule, branch and veto, its requirement numbers, for `RuleSet.lastStart`: scanning
    /// a row's `reqWords` words for its few set bits cost more than reading the requirements.
    var ruleReqs = ReqLists(), branchReqs = ReqLists(), vetoReqs = ReqLists()
    var vetoBranchBase: [Int32] = []
    var vetoBranchCount: [Int32] = []
    /// The groups of each rule (`Program.groups`): rule r's are numbers
    /// `ruleGroups[r] ..< ruleGroups[r + 1]`; group g's branches are numbers
    /// `groupBranches[g] ..< groupBranches[g + 1]`, each with its requirement numbers in
    /// `groupReqs` and as a bit set (`reqWords` words) in `groupBranchBits`. A rule is a
    /// candidate only when some branch of each of its groups has all its requirements met.
    /// Not for vetoes: a veto runs once per sentence where its rule matched, and numbering
    /// their groups' requirements cost the index as much as the vetoes saved (docs/benchmarks.md).
    var ruleGroups: [Int32] = [0], groupBranches: [Int32] = [0]
    var groupReqs = ReqLists()
    var groupBranchBits: [UInt64] = []
    /// Per rule, whether it has groups (one byte a rule, read for each candidate).
    var ruleHasGroups: [Bool] = []
    /// Per requirement, the classes that meet it; and all of them together.
    var reqClassBits: [UInt32] = []
    var reqClassUnion: UInt32 = 0

    /// The rows of the ids, sparse: per id (and the zero row last), its start mask, and the
    /// nonzero words of the rest as (index into the sentence's rule-then-requirement bits,
    /// bits): `entryWord/entryBits[entryOffsets[id] ..< entryOffsets[id + 1]]`. A token costs
    /// its few words, not the row's width, which grows with the number of rules.
    var idStarts: [UInt64] = [0]
    var entryOffsets: [Int32] = [0, 0]
    var entryWord: [Int32] = []
    var entryBits: [UInt64] = []

    static let classCombos = 1 << 12

    init() {}

    /// `vetoes`: the `unless` programs by unless id (`RuleSet.unlessIDs`).
    init(rules: [CompiledRule], vetoes: [Program] = [], vocabCount: Int) {
        self.vocabCount = vocabCount
        ruleWords = (rules.count + 63) / 64
        // Equal requirements share a number. Looked up by a summary first: hashing every id
        // of a lexicon's requirement cost 2 M instructions.
        var byKey: [Int: [Int]] = [:]
        var reqsOfRule: [[Int]] = [], reqsOfBranch: [[Int]] = []
        var reqList: [Requirement] = []
        func number(_ r: Requirement) -> Int {
            let key = r.ids.count &* 31 &+ Int(r.ids.first ?? 0) &* 7 &+ Int(r.ids.last ?? 0) &+ Int(r.classBits) << 40
            if let k = byKey[key]?.first(where: { reqList[$0] == r }) { return k }
            byKey[key, default: []].append(reqList.count)
            reqList.append(r)
            return reqList.count - 1
        }
        func branches(_ p: Program) -> Int32 {
            guard !p.branches.isEmpty else { return -1 }
            defer { for b in p.branches { reqsOfBranch.append(b.requirements.map(number)) } }
            return Int32(reqsOfBranch.count)
        }
        branchBase = rules.map { branches($0.program) }
        branchCount = rules.map { Int32($0.program.branches.count) }
        vetoBranchBase = vetoes.map(branches)
        vetoBranchCount = vetoes.map { Int32($0.branches.count) }
        let reqsOfVeto = vetoes.map { $0.requirements.map(number) }
        for rule in rules { reqsOfRule.append(rule.program.requirements.map(number)) }
        var reqsOfGroupBranch: [[Int]] = []
        for rule in rules {
            for g in rule.program.groups {
                for b in g.branches { reqsOfGroupBranch.append(b.map(number)) }
                groupBranches.append(Int32(reqsOfGroupBranch.count))
            }
            ruleGroups.append(Int32(groupBranches.count - 1))
        }
        ruleHasGroups = rules.indices.map { ruleGroups[$0 + 1] > ruleGroups[$0] }
        reqWords = (reqList.count + 63) / 64
        groupBranchBits = Array(repeating: 0, count: reqsOfGroupBranch.count * reqWords)
        for (b, reqs) in reqsOfGroupBranch.enumerated() {
            groupReqs.append(reqs)
            for q in reqs { groupBranchBits[b * reqWords + q / 64] |= 1 << UInt64(q % 64) }
        }
        rowStride = 1 + ruleWords + reqWords
        rows = Array(repeating: 0, count: (vocabCount + 1) * rowStride)
        classRows = Array(repeating: 0, count: 32 * rowStride)
        alwaysBits = Array(repeating: 0, count: ruleWords)
        ruleReqBits = Array(repeating: 0, count: max(1, rules.count * reqWords))  // an address, even empty
        func set(_ a: inout [UInt64], _ base: Int, _ bit: Int) { a[base + bit / 64] |= 1 << UInt64(bit % 64) }
        for (r, rule) in rules.enumerated() {
            if let trigger = rule.trigger {
                for key in trigger {
                    if key >= 0 {
                        if Int(key) < vocabCount { set(&rows, Int(key) * rowStride + 1, r) }
                    } else {
                        set(&classRows, TriggerKey.bit(key) * rowStride + 1, r)
                    }
                }
            } else {
                set(&alwaysBits, 0, r)
            }
            for q in reqsOfRule[r] { set(&ruleReqBits, r * reqWords, q) }
        }
        for reqs in reqsOfRule { ruleReqs.append(reqs) }
        for reqs in reqsOfBranch { branchReqs.append(reqs) }
        for reqs in reqsOfVeto { vetoReqs.append(reqs) }
        reqClassBits = reqList.map(\.classBits)
        reqClassUnion = reqClassBits.reduce(0, |)
        for (q, req) in reqList.enumerated() {
            for id in req.ids where Int(id) < vocabCount { set(&rows, Int(id) * rowStride + 1 + ruleWords, q) }
            for c in 0..<32 where req.classBits & (1 << UInt32(c)) != 0 { set(&classRows, c * rowStride + 1 + ruleWords, q) }
        }

        ruleBit = Array(repeating: -1, count: rules.count)
        classMask = Array(repeating: 0, count: Self.classCombos)
        for (r, rule) in rules.enumerated() where bitRule.count < 64 {
            // A rule with top-level branches starts where its branches do (`TopBranch`).
            guard let entry = rule.program.entry, rule.program.anchor == nil, rule.program.branches.isEmpty else { continue }
            let bit = UInt64(1) << UInt64(bitRule.count)
            ruleBit[r] = Int8(bitRule.count)
            bitRule.append(Int32(r))
            if entry.atStart { atStartMask |= bit }
            // The filter's ids, from its bitmap: not a probe of every vocabulary id per rule.
            for (w, word) in entry.tokens.bitWords.enumerated() {
                var bits = word
                while bits != 0 {
                    let id = w << 6 + bits.trailingZeroBitCount
                    if id < vocabCount { rows[id * rowStride] |= bit }
                    bits &= bits - 1
                }
            }
            for k in entry.tokens.classHas.indices {
                let has = entry.tokens.classHas[k].rawValue, not = entry.tokens.classNot[k].rawValue
                for c in 0..<UInt32(Self.classCombos) where c & has == has && c & not == 0 { classMask[Int(c)] |= bit }
            }
        }
        sparsify()
    }

    /// Some branch of each group of rule `r` has every requirement in `have` (the sentence's
    /// met requirements, `reqWords` words).
    func groupsMet(_ r: Int, _ have: UnsafePointer<UInt64>) -> Bool {
        groupBranchBits.withUnsafeBufferPointer { bits in
            for g in Int(ruleGroups[r])..<Int(ruleGroups[r + 1]) {
                var met = false
                for b in Int(groupBranches[g])..<Int(groupBranches[g + 1]) where !met {
                    let needs = bits.baseAddress! + b &* reqWords
                    var missing: UInt64 = 0
                    for q in 0..<reqWords { missing |= needs[q] & ~have[q] }
                    met = missing == 0
                }
                if !met { return false }
            }
            return true
        }
    }

    /// `idStarts` and the entries from the dense `rows`, which are then dropped.
    private mutating func sparsify() {
        // The rows read through a pointer, the nonzero words counted first and written into
        // arrays of that size: the rows are mostly zeros, and indexing them (a bounds check a
        // word) and appending to the stored arrays entry by entry cost 10.1 M of a start's
        // instructions, 8.9 M so (appending to local arrays in one pass: 9.7 M).
        let stride = rowStride, ids = vocabCount + 1, dense = rows
        var starts = [UInt64](repeating: 0, count: ids), offsets: [Int32] = [0], words: [Int32] = [], bits: [UInt64] = []
        offsets.reserveCapacity(ids + 1)
        dense.withUnsafeBufferPointer { r in
            var nonzero = 0
            for id in 0..<ids {
                let row = id * stride
                for k in 1..<stride where r[row + k] != 0 { nonzero += 1 }
            }
            words = [Int32](unsafeUninitializedCapacity: nonzero) { w, madeW in
                bits = [UInt64](unsafeUninitializedCapacity: nonzero) { b, madeB in
                    starts.withUnsafeMutableBufferPointer { starts in
                        var n = 0
                        for id in 0..<ids {
                            let row = id * stride
                            starts[id] = r[row]
                            for k in 1..<stride where r[row + k] != 0 {
                                w[n] = Int32(k - 1)
                                b[n] = r[row + k]
                                n += 1
                            }
                            offsets.append(Int32(n))
                        }
                    }
                    madeB = nonzero
                }
                madeW = nonzero
            }
        }
        idStarts = starts; entryOffsets = offsets; entryWord = words; entryBits = bits
        rows = []
    }

    /// The class part of the mask of the indexed rules whose entry filter accepts a token
    /// (the id part is word 0 of the id's row).
    @inline(__always)
    static func classStarts(_ classes: UInt32, _ classMask: UnsafePointer<UInt64>) -> UInt64 {
        // A class bit outside the table (none today): every rule may start there, which is
        // safe, as the matcher itself rejects a start the pattern cannot match from.
        classes < UInt32(classCombos) ? classMask[Int(classes)] : ~0
    }

    /// Fills `starts` with the positions where rule `bitRule[b]` can start, for every bit in
    /// `wanted`, from each token's mask (`masks`, from `RuleSet.collectCandidates`, with
    /// `atStartMask` in the first): bit b's
    /// are `starts.flat[b * n ..< b * n + starts.count[b]]`.
    func collect(_ masks: UnsafeBufferPointer<UInt64>, wanted: UInt64, into starts: inout StartLists) {
        let n = masks.count
        if starts.flat.count < 64 * n { starts.flat = Array(repeating: 0, count: 64 * n) }
        if starts.count.count < 64 { starts.count = Array(repeating: 0, count: 64) }
        starts.stride = n
        starts.flat.withUnsafeMutableBufferPointer { flat in
            starts.count.withUnsafeMutableBufferPointer { count in
                var w = wanted
                while w != 0 { count[w.trailingZeroBitCount] = 0; w &= w - 1 }
                guard wanted != 0, n > 0 else { return }
                let flat = flat.baseAddress!, count = count.baseAddress!
                for p in 0..<n {
                    var m = masks[p] & wanted
                    while m != 0 {
                        let b = m.trailingZeroBitCount
                        flat[b &* n &+ Int(count[b])] = Int32(truncatingIfNeeded: p)
                        count[b] &+= 1
                        m &= m &- 1
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

/// Lists of requirement numbers (one per rule, branch or veto), flat: list `i` is
/// `reqs[start[i] ..< start[i + 1]]`, ascending and without repeats, as a row of bits reads.
struct ReqLists: Sendable {
    /// Which of `StartIndex`'s lists: its rules', branches', vetoes' or groups' branches'.
    enum Owner { case rule, branch, veto, group }

    private(set) var start: [Int32] = [0]
    private(set) var reqs: [Int32] = []

    mutating func append(_ list: [Int]) {
        reqs += Set(list).sorted().map(Int32.init)
        start.append(Int32(reqs.count))
    }
}
