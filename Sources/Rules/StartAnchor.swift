/// A required element a bounded distance after the start of every match: element `i` of the
/// pattern's top-level sequence always consumes a token, its first token passes `tokens`, and
/// the elements before it consume `minOffset...maxOffset` tokens, each of which passes
/// `prefix` (nil: any token may). A match can then only start within that window before an
/// occurrence of the anchor token, so the matcher skips every other start position
/// (`@actors ... (need|needs) to` no longer tries each actor's word). Conservative: no start
/// it rules out can begin a match.
struct StartAnchor: Sendable {
    var tokens: TokenSet
    var minOffset: Int
    var maxOffset: Int
    var prefix: TokenSet?
}

/// Token ids and class tests, for a quick "can this token be one of these" check (entry
/// filters, anchors and their prefixes).
struct TokenSet: Sendable {
    /// Class tests: a token passes one when it has all of `classHas[k]` and none of `classNot[k]`.
    private(set) var classHas: [TokenClasses] = []
    private(set) var classNot: [TokenClasses] = []
    /// The ids as a bitmap up to the largest: one probe per token, whatever the count.
    private var bits: [UInt64] = []

    init(ids: Set<Int32>, classHas: [TokenClasses] = [], classNot: [TokenClasses] = []) {
        self.classHas = classHas
        self.classNot = classNot
        if let top = ids.max() {
            bits = Array(repeating: 0, count: Int(top) / 64 + 1)
            for id in ids { bits[Int(id) >> 6] |= 1 << UInt64(id & 63) }
        }
    }

    init(ids: IDBitmap, classHas: [TokenClasses] = [], classNot: [TokenClasses] = []) {
        self.classHas = classHas
        self.classNot = classNot
        bits = ids.words
    }

    /// The id bitmap's words, for `FrozenTokenSet`.
    var bitWords: [UInt64] { bits }

    func containsID(_ id: Int32) -> Bool {
        let word = Int(id) >> 6
        return id >= 0 && word < bits.count && bits[word] & (1 << UInt64(id & 63)) != 0
    }

    @inline(__always)
    func accepts(_ t: Token) -> Bool {
        for k in classHas.indices where t.classes.isSuperset(of: classHas[k]) && t.classes.isDisjoint(with: classNot[k]) {
            return true
        }
        guard t.id >= 0 else { return false }
        let word = Int(t.id) >> 6
        return word < bits.count && bits[word] & (1 << UInt64(t.id & 63)) != 0
    }
}

extension PatternCompiler {
    /// The anchor that leaves the fewest start positions to try, or nil when none narrows the
    /// starts beyond what the entry filter does (the best is the first element) or no
    /// required element has a usable first token at a bounded distance from the start.
    mutating func startAnchor(_ node: PatternNode) -> StartAnchor? {
        let items: [PatternNode]
        if case .sequence(let list, _) = node { items = list } else { items = [node] }
        var best: (anchor: StartAnchor, cost: Int)?
        var minOffset = 0, maxOffset: Int? = 0
        // Every token the elements so far can consume (while `prefixOK`: none is a wildcard).
        // A bitmap, not a Set: the alphabet takes in whole lexicons (@actors), which hashing
        // one id at a time made the largest part of compiling the default rules.
        var ids = IDBitmap(), has: [TokenClasses] = [], not: [TokenClasses] = [], prefixOK = true
        for (k, item) in items.enumerated() {
            guard let maxSoFar = maxOffset else { break }
            let (lo, hi) = lengthBounds(item)
            if lo > 0, let first = firstTokens(item) {
                // Expected starts tried: about (occurrences of the anchor) × (window width).
                let cost = anchorWeight(first) * (maxSoFar - minOffset + 1)
                if best == nil || cost < best!.cost {
                    best = (StartAnchor(tokens: first.set, minOffset: minOffset, maxOffset: maxSoFar,
                                        prefix: prefixOK ? TokenSet(ids: ids, classHas: has, classNot: not) : nil), cost)
                }
            }
            minOffset += lo
            maxOffset = hi.map { maxSoFar + $0 }
            // The last element's tokens are no anchor's prefix: not collected (a shared
            // node's alphabet is then made at the first use that needs it, the same).
            if prefixOK && k < items.count - 1 { prefixOK = collectAlphabet(item, &ids, &has, &not) }
        }
        guard let best, best.anchor.maxOffset > 0 else { return nil }
        return best.anchor
    }

    /// Fewest and most tokens a match of `node` consumes (nil: unbounded).
    func lengthBounds(_ node: PatternNode) -> (Int, Int?) {
        switch node {
        case .token: return (1, 1)
        case .lexicon(let name, _):
            guard let k = lexiconIndex[name] else { return (0, nil) }
            return lexicons[k].entryLengths
        case .sequence(let items, _):
            var lo = 0, hi: Int? = 0
            for item in items {
                let (a, b) = lengthBounds(item)
                lo += a
                hi = hi.flatMap { h in b.map { h + $0 } }
            }
            return (lo, hi)
        case .alternatives(let branches, _):
            var lo = Int.max, hi: Int? = 0
            for b in branches {
                let (x, y) = lengthBounds(b)
                lo = min(lo, x)
                hi = hi.flatMap { h in y.map { max(h, $0) } }
            }
            return (branches.isEmpty ? 0 : lo, hi)
        case .repetition(let inner, let min, let max, _, _):
            let (a, b) = lengthBounds(inner)
            return (a * min, max.flatMap { m in b.map { $0 * m } })
        case .capture(_, let inner, _):
            return lengthBounds(inner)
        case .sentenceStart, .sentenceEnd, .matchStart:
            return (0, 0)
        case .reference(let share, _, _):
            if let b = share.lengthBounds { return b }
            let b = lengthBounds(share.node)
            share.lengthBounds = b
            return b
        }
    }

    /// What the first token of every non-empty match of `node` passes, or nil when that is
    /// too broad to be worth checking (any token, a negation, a common class such as `%word`).
    mutating func firstTokens(_ node: PatternNode) -> (set: TokenSet, ids: IDBitmap, classes: Int)? {
        var ids = IDBitmap(), has: [TokenClasses] = [], not: [TokenClasses] = []
        guard collectFirst(node, &ids, &has, &not) else { return nil }
        return (TokenSet(ids: ids, classHas: has, classNot: not), ids, has.count)
    }

    /// Adds the tokens one token spec accepts to the sets; false for any token or a negation
    /// (and, with `rareClassesOnly`, for classes too common to narrow anything).
    private mutating func addToken<IDs: IDCollecting>(_ spec: TokenSpec, rareClassesOnly: Bool, _ ids: inout IDs,
                                                      _ has: inout [TokenClasses], _ not: inout [TokenClasses]) -> Bool {
        switch spec {
        case .word, .exact, .family:
            switch testFor(spec).kind {
            case .id(let id), .exact(let id, _): ids.add(id)
            case .ids(let list): ids.add(contentsOf: list)
            default: return false
            }
            return true
        case .classes(let h, let n), .tagged(let h, let n, _, _, _):
            // A tag test accepts fewer tokens than its classes alone: a superset is safe here.
            if rareClassesOnly && TriggerKey.rarestBit(h) == nil { return false }
            has.append(h); not.append(n)
            return true
        case .any, .not: return false
        }
    }

    /// Adds the first tokens of `node` to the sets; false when they cannot be bounded.
    private mutating func collectFirst(_ node: PatternNode, _ ids: inout IDBitmap,
                                       _ has: inout [TokenClasses], _ not: inout [TokenClasses]) -> Bool {
        switch node {
        case .token(let spec, _):
            return addToken(spec, rareClassesOnly: true, &ids, &has, &not)
        case .lexicon(let name, _):
            guard let k = lexiconIndex[name] else { return false }
            ids.formUnion(lexicons[k].firstIDBits)
            return true
        case .sequence(let items, _):
            // Up to and including the first element that always consumes a token.
            for item in items {
                guard collectFirst(item, &ids, &has, &not) else { return false }
                if lengthBounds(item).0 > 0 { break }
            }
            return true
        case .alternatives(let branches, _):
            for b in branches where !collectFirst(b, &ids, &has, &not) { return false }
            return true
        case .repetition(let inner, _, let max, _, _):
            return max == 0 || collectFirst(inner, &ids, &has, &not)
        case .capture(_, let inner, _):
            return collectFirst(inner, &ids, &has, &not)
        case .sentenceStart, .sentenceEnd, .matchStart:
            return true
        case .reference(let share, _, _):
            if share.first == nil {
                var c = SharedPattern.TokenCollection(ok: false, ids: IDBitmap(), has: [], not: [])
                c.ok = collectFirst(share.node, &c.ids, &c.has, &c.not)
                share.first = c
            }
            return Self.add(share.first!, &ids, &has, &not)
        }
    }

    /// Adds every token `node` can consume to the sets; false when that is any token (`_`,
    /// a negation, a gap).
    private mutating func collectAlphabet(_ node: PatternNode, _ ids: inout IDBitmap,
                                          _ has: inout [TokenClasses], _ not: inout [TokenClasses]) -> Bool {
        switch node {
        case .token(let spec, _):
            return addToken(spec, rareClassesOnly: false, &ids, &has, &not)
        case .lexicon(let name, _):
            guard let k = lexiconIndex[name] else { return false }
            ids.formUnion(lexicons[k].allIDBits)
            return true
        case .sequence(let items, _), .alternatives(let items, _):
            for item in items where !collectAlphabet(item, &ids, &has, &not) { return false }
            return true
        case .repetition(let inner, _, _, _, _), .capture(_, let inner, _):
            return collectAlphabet(inner, &ids, &has, &not)
        case .sentenceStart, .sentenceEnd, .matchStart:
            return true
        case .reference(let share, _, _):
            if share.alphabet == nil {
                var c = SharedPattern.TokenCollection(ok: false, ids: IDBitmap(), has: [], not: [])
                c.ok = collectAlphabet(share.node, &c.ids, &c.has, &c.not)
                share.alphabet = c
            }
            return Self.add(share.alphabet!, &ids, &has, &not)
        }
    }

    /// A shared node's collected tokens added to the sets, as the walk of the node would add
    /// them (the sets are not read once a walk returns false).
    private static func add(_ c: SharedPattern.TokenCollection, _ ids: inout IDBitmap,
                            _ has: inout [TokenClasses], _ not: inout [TokenClasses]) -> Bool {
        ids.formUnion(c.ids)
        has += c.has
        not += c.not
        return c.ok
    }

    /// How often an anchor's token is expected: per word 1, per very common word 1000, per
    /// class test 50.
    ///
    /// Counted as the bits of the ids' nonzero words, plus 999 per very common word among
    /// them (`commonIDs`, a few dozen), not id by id: the ids run to thousands (a lexicon's
    /// first words), in bitmaps as long as the largest id.
    private func anchorWeight(_ first: (set: TokenSet, ids: IDBitmap, classes: Int)) -> Int {
        var weight = first.classes * 50
        first.ids.words.withUnsafeBufferPointer { w in
            for word in w where word != 0 { weight += word.nonzeroBitCount }
        }
        for id in vocab.commonIDs where first.ids.contains(id) { weight += 999 }
        return weight
    }
}

/// Where the compiler's set walks put token ids.
protocol IDCollecting {
    mutating func add(_ id: Int32)
}

extension IDCollecting {
    mutating func add<S: Sequence>(contentsOf ids: S) where S.Element == Int32 {
        for id in ids { add(id) }
    }
}

/// Token ids (vocabulary ids, never negative) as bits, grown to the largest id added. The
/// compiler's unions of id sets are unions of these: lexicons put in thousands of ids, which
/// hashing into a `Set` one at a time, then sorting, made most of compiling the default rules.
struct IDBitmap: IDCollecting, Sendable {
    private(set) var words: [UInt64] = []

    mutating func add(_ id: Int32) {
        guard id >= 0 else { return }
        let w = Int(id) >> 6
        if w >= words.count { words += repeatElement(0, count: w + 1 - words.count) }
        words[w] |= 1 << UInt64(id & 63)
    }

    func contains(_ id: Int32) -> Bool {
        let w = Int(id) >> 6
        return id >= 0 && w < words.count && words[w] & (1 << UInt64(id & 63)) != 0
    }

    mutating func formUnion(_ other: IDBitmap) {
        if other.words.count > words.count { words += repeatElement(0, count: other.words.count - words.count) }
        for (w, bits) in other.words.enumerated() { words[w] |= bits }
    }

    /// Calls `body` with every id, ascending.
    func forEach(_ body: (Int32) -> Void) {
        for (w, word) in words.enumerated() {
            var bits = word
            while bits != 0 {
                body(Int32(w << 6 + bits.trailingZeroBitCount))
                bits &= bits - 1
            }
        }
    }

    /// The ids, ascending. Written into the array's buffer (counted first), not appended one
    /// at a time through a closure: the compiler's large unions (`IDList.takeSorted`) made
    /// 5.8 M of a start's instructions here.
    var sorted: [Int32] {
        words.withUnsafeBufferPointer { w in
            var count = 0
            for word in w where word != 0 { count += word.nonzeroBitCount }
            return [Int32](unsafeUninitializedCapacity: count) { out, made in
                var k = 0
                for (i, word) in w.enumerated() {
                    var bits = word
                    while bits != 0 {
                        out[k] = Int32(i << 6 + bits.trailingZeroBitCount)
                        k += 1
                        bits &= bits - 1
                    }
                }
                made = k
            }
        }
    }
}

/// The same ascending, duplicate-free ids as `IDBitmap.sorted`, for the compiler's many small
/// unions (a merged run of one-word branches, an alternation's requirements or trigger): a
/// bitmap is as long as the largest id (hundreds of words for a late-interned word), and
/// growing, then scanning it, cost more than sorting a few ids. Large unions (lexicons) still
/// go through a bitmap.
struct IDList: IDCollecting {
    private var ids: [Int32] = []

    mutating func add(_ id: Int32) {
        if id >= 0 { ids.append(id) }
    }

    /// The non-negative ids of `list`, in order, as `add` one at a time puts them: appended
    /// at once when there is no negative one (a lexicon's thousands of ids, one append and
    /// uniqueness check each, were most of the compiler's unions).
    mutating func add(contentsOf list: [Int32]) {
        if list.allSatisfy({ $0 >= 0 }) { ids.append(contentsOf: list) } else { for id in list where id >= 0 { ids.append(id) } }
    }

    /// The ids ascending and without duplicates, emptying the list (so a list of 64 ids or
    /// fewer is sorted in place, not copied first).
    mutating func takeSorted() -> [Int32] {
        if ids.count > 64 { return IDBitmap(ids).sorted }
        var out = ids
        ids = []
        out.sort()
        var w = 0
        for id in out where w == 0 || out[w - 1] != id { out[w] = id; w += 1 }
        out.removeLast(out.count - w)
        return out
    }
}

extension IDBitmap {
    /// `ids` (any order) added at once: the same words as adding them one at a time, sized to
    /// the largest first instead of grown word by word as larger ids come (a split guard's
    /// sorted ids regrew it several times each).
    init(_ ids: [Int32]) {
        self.init()
        guard let top = ids.max(), top >= 0 else { return }
        words = [UInt64](unsafeUninitializedCapacity: Int(top) >> 6 + 1) { bits, made in
            bits.initialize(repeating: 0)
            for id in ids where id >= 0 { bits[Int(id) >> 6] |= 1 << UInt64(id & 63) }
            made = bits.count
        }
    }
}
