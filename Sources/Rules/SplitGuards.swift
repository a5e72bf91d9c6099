/// Guards on the branches of splits: the tokens a thread starting at a branch can consume
/// first, so the matcher does not push a branch that would die at its first test. The actor
/// phrase the position rules share opens with a dozen optional quantifiers ("the majority
/// of", "most of", "some 40 per cent of" ...): at nearly every start each was a split, a
/// push, a memo probe and a failed test; a guard turns the whole group down with one probe.
/// Conservative like the entry filter: a guard accepts every token its branch can begin
/// with, so only dead threads are dropped, and the matches, their captures and which path
/// wins stay the same.
struct SplitGuards: Sendable {
    struct Guard: Hashable, Sendable {
        /// Word ids, sorted; class tests (has, not); lexicons by index (their first words).
        var ids: [Int32] = []
        var has: [UInt32] = []
        var not: [UInt32] = []
        var lexicons: [Int32] = []
        /// Some path asserts `^`: position 0 passes.
        var atStart = false

        /// A summary: equal guards are rare across a program's thousands of branches, and
        /// hashing every id of each one cost more than the rest of building them.
        func hash(into h: inout Hasher) {
            h.combine(ids.count)
            h.combine(ids.first ?? -1)
            h.combine(ids.last ?? -1)
            h.combine(has.count)
            h.combine(lexicons.first ?? -1)
        }
    }

    /// Per instruction: the index of its guard in `guards`, or -1 (no guard: the branch can
    /// end or assert `$` without consuming, begins with a test too broad to filter on, or its
    /// first tokens are nearly every word).
    var at: [Int32] = []
    var guards: [Guard] = []

    init() {}

    /// A shared node's instructions copied into a program (`PatternCompiler.emit(_:shift:)`):
    /// instructions `start..<end` are its fragment, whose guards are kept in `share`.
    struct Placed {
        var start: Int
        var end: Int
        var share: SharedPattern
    }

    /// `placed`: where shared fragments stand. A branch whose walk stays inside its fragment
    /// has the same guard at every copy (ids and lexicons are the rule set's, not the
    /// program's), so it is walked once per fragment, not once per copy.
    /// Guards of shared fragments' branches, per `SharedPattern`, for programs frozen on
    /// another thread than the one compiling (`Freezer`), as `SharedPattern.guards` is the
    /// compiling thread's.
    final class Cache {
        /// Per shared fragment, its branches' guards by instruction offset in the fragment.
        var byShare: [ObjectIdentifier: Memo] = [:]
    }

    /// A fragment's guards by offset (`Cache`): an array, not a dictionary per fragment, read
    /// through the program's placed fragments (`memo` below looks each fragment's up once per
    /// program, not once per branch). Two dictionary look-ups per branch were a tenth of the
    /// freezing thread's work.
    final class Memo {
        /// Per offset: -1 not walked, -2 walked with no guard, else the guard's index in
        /// `guards` (4 bytes an instruction: a `Guard?` an instruction, 41 bytes, made the
        /// fragments' memos megabytes, paid in page faults).
        @exclusivity(unchecked) var slot: [Int32]
        @exclusivity(unchecked) var guards: [Guard] = []

        /// `count`: the fragment's instructions (a placement of another length grows it).
        init(count: Int) {
            slot = Array(repeating: -1, count: count)
        }

        func get(_ rel: Int) -> Guard?? {
            guard rel < slot.count else { return nil }
            let s = slot[rel]
            if s == -1 { return nil }
            return .some(s == -2 ? nil : guards[Int(s)])
        }

        func set(_ rel: Int, _ g: Guard?) {
            if rel >= slot.count { slot += repeatElement(-1, count: rel + 1 - slot.count) }
            if let g {
                slot[rel] = Int32(guards.count)
                guards.append(g)
            } else {
                slot[rel] = -2
            }
        }
    }

    init(_ p: Program, placed: [Placed] = [], cache: Cache? = nil) {
        at = Array(repeating: -1, count: p.insts.count)
        var owner = [Int32](repeating: -1, count: p.insts.count)
        for (k, f) in placed.enumerated() { for pc in f.start..<f.end { owner[pc] = Int32(k) } }
        var memos = [Memo?](repeating: nil, count: cache == nil ? 0 : placed.count)
        func memo(_ k: Int, _ cache: Cache) -> Memo {
            if let m = memos[k] { return m }
            let id = ObjectIdentifier(placed[k].share)
            let m: Memo
            if let known = cache.byShare[id] { m = known } else { m = Memo(count: placed[k].end - placed[k].start); cache.byShare[id] = m }
            memos[k] = m
            return m
        }
        // Equal guards are kept once (the phrase is unrolled up to three times in a rule),
        // found through `GuardTable`: a `Dictionary` keyed by the guard hashed it with a
        // hasher of its own at every look-up, a tenth of the freezing thread's work.
        var known = GuardTable()
        var seen = [Int32](repeating: -1, count: p.insts.count), work: [Int] = [], scratch = Scratch()
        func walk(_ target: Int) -> Guard? {
            let k = Int(owner[target])
            var escaped = false
            guard k >= 0 else { return Self.first(p, target, &seen, &work, &scratch, inside: nil, escaped: &escaped) }
            let f = placed[k], rel = target - f.start
            if let cache {
                let m = memo(k, cache)
                if let known = m.get(rel) { return known }
                let g = Self.first(p, target, &seen, &work, &scratch, inside: f.start..<f.end, escaped: &escaped)
                if !escaped { m.set(rel, g) }
                return g
            }
            if let known = f.share.guards[Int32(rel)] { return known }
            let g = Self.first(p, target, &seen, &work, &scratch, inside: f.start..<f.end, escaped: &escaped)
            if !escaped { f.share.guards[Int32(rel)] = .some(g) }
            return g
        }
        func look(_ target: Int) {
            guard target < p.insts.count, at[target] == -1 else { return }
            guard let g = walk(target) else { at[target] = -2; return }  // -2: looked at
            at[target] = known.index(of: g, in: &guards)
        }
        for inst in p.insts {
            if case .split(let x, let y) = inst { look(Int(x)); look(Int(y)) }
        }
        for k in at.indices where at[k] < 0 { at[k] = -1 }
    }

    /// The distinct guards of a program by content: an open-addressed table of indices into
    /// the program's `guards`, hashed on the same summary as `Guard.hash` (with a
    /// multiply-xor fold, no `Hasher`) and compared whole. At most half full.
    private struct GuardTable {
        private var slots: [Int32]
        private var hashes: [UInt64] = []
        private var mask: Int

        /// Starts small and doubles: a program has far fewer distinct guards than branches.
        init() {
            slots = Array(repeating: -1, count: 64)
            mask = 63
        }

        private static func summary(_ g: Guard) -> UInt64 {
            let m: UInt64 = 0x9E37_79B9_7F4A_7C15
            var h = UInt64(g.ids.count) &* m
            h = (h ^ UInt64(UInt32(bitPattern: g.ids.first ?? -1))) &* m
            h = (h ^ UInt64(UInt32(bitPattern: g.ids.last ?? -1))) &* m
            h = (h ^ UInt64(g.has.count)) &* m
            h = (h ^ UInt64(UInt32(bitPattern: g.lexicons.first ?? -1))) &* m
            return h ^ h >> 29
        }

        /// The index of the guard equal to `g` in `guards`, appending it first if none is.
        mutating func index(of g: Guard, in guards: inout [Guard]) -> Int32 {
            let h = Self.summary(g)
            var k = Int(truncatingIfNeeded: h) & mask
            while slots[k] >= 0 {
                let i = Int(slots[k])
                if hashes[i] == h && guards.withUnsafeBufferPointer({ $0[i] == g }) { return Int32(i) }
                k = (k + 1) & mask
            }
            let i = Int32(guards.count)
            slots[k] = i
            hashes.append(h)
            guards.append(g)
            if 2 * guards.count > slots.count { grow() }
            return i
        }

        private mutating func grow() {
            let n = slots.count * 2
            slots = Array(repeating: -1, count: n)
            mask = n - 1
            for (i, h) in hashes.enumerated() {
                var k = Int(truncatingIfNeeded: h) & mask
                while slots[k] >= 0 { k = (k + 1) & mask }
                slots[k] = Int32(i)
            }
        }
    }

    /// What a thread at `from` can consume first, through split, jump and save; nil when that
    /// is unbounded (see `at`). `seen` holds, per instruction, the last `from` that reached it.
    /// `escaped`: set when the walk reaches an instruction outside `inside`.
    /// `scratch`: the walk's ids, gathered in a buffer kept from walk to walk and copied into
    /// the guard once sorted and unique (`sortedUnique`), not grown in the guard's own array.
    private static func first(_ p: Program, _ from: Int, _ seen: inout [Int32], _ work: inout [Int],
                              _ scratch: inout Scratch, inside: Range<Int>?, escaped: inout Bool) -> Guard? {
        var g = Guard()
        work.removeAll(keepingCapacity: true)
        work.append(from)
        scratch.ids.removeAll(keepingCapacity: true)
        func add(_ t: TokenTest) -> Bool {
            if t.negated { return false }
            switch t.kind {
            case .id(let id), .exact(let id, _): scratch.ids.append(id)
            case .ids(let list): scratch.ids += list
            case .classes(let has, let not), .tags(let has, let not, _, _, _, _):
                // A class accepting nearly every word narrows nothing.
                if has.rawValue & ~TokenClasses.word.rawValue == 0 { return false }
                g.has.append(has.rawValue); g.not.append(not.rawValue)
            case .union(let words, let others):
                scratch.ids += words
                for o in others where !add(o) { return false }
            case .any: return false
            }
            return true
        }
        while let pc = work.popLast() {
            if let inside, !inside.contains(pc) { escaped = true }
            guard pc < p.insts.count else { return nil }
            guard seen[pc] != Int32(from) else { continue }
            seen[pc] = Int32(from)
            switch p.insts[pc] {
            case .split(let a, let b): work.append(Int(b)); work.append(Int(a))
            case .jump(let a): work.append(Int(a))
            case .save: work.append(pc + 1)
            case .assertStart: g.atStart = true
            case .lexicon(let k): if !g.lexicons.contains(k) { g.lexicons.append(k) }
            case .test(let k): if !add(p.tests[Int(k)]) { return nil }
            case .assertEnd, .match: return nil
            }
        }
        g.ids = scratch.sortedUnique()
        g.lexicons.sort()
        return g
    }

    /// Buffers `first` keeps from walk to walk.
    struct Scratch {
        var ids: [Int32] = []
        /// Zero between calls of `sortedUnique`.
        var bits: [UInt64] = []

        /// `ids` ascending without repeats, as `sort()` and dropping the repeats give: a few
        /// ids by insertion, more (a family, a merged word list) through the bitmap, read out
        /// in order and cleared behind. A stable sort of every guard's ids and the arrays'
        /// growth were a tenth of the freezing thread's work.
        mutating func sortedUnique() -> [Int32] {
            let n = ids.count
            // Copied, never `Array(ids)`: that shares the scratch's storage, which the guard
            // would then keep (with the scratch's capacity) and the next walk would replace.
            guard n > 1 else { return n == 0 ? [] : [ids[0]] }
            if n <= 24 || ids.contains(where: { $0 < 0 }) {
                ids.sort()
                var w = 1
                for k in 1..<n where ids[k] != ids[w - 1] { ids[w] = ids[k]; w += 1 }
                return Array(ids[..<w])
            }
            var top: Int32 = 0
            for id in ids where id > top { top = id }
            let words = Int(top) >> 6 + 1
            if bits.count < words { bits += repeatElement(0, count: words - bits.count) }
            return bits.withUnsafeMutableBufferPointer { b in
                var count = 0
                for id in ids {
                    let w = Int(id) >> 6, m = UInt64(1) << UInt64(id & 63)
                    if b[w] & m == 0 { b[w] |= m; count += 1 }
                }
                return [Int32](unsafeUninitializedCapacity: count) { out, made in
                    var k = 0
                    for w in 0..<words where b[w] != 0 {
                        var x = b[w]
                        while x != 0 {
                            out[k] = Int32(w << 6 + x.trailingZeroBitCount)
                            k += 1
                            x &= x - 1
                        }
                        b[w] = 0
                    }
                    made = k
                }
            }
        }
    }
}

/// `SplitGuards`, frozen for the matcher: raw buffers, shared by the batch workers without
/// reference counting.
struct FrozenGuards: @unchecked Sendable {
    private struct Frozen {
        var tokens: FrozenTokenSet
        /// Lexicons 0..<64 as bits (`LexiconTries.beginsEntry`), the others (none today) listed.
        var lexiconMask: UInt64
        var lexicons: UnsafeMutableBufferPointer<Int32>
        var atStart: Bool
    }
    private let at: UnsafeMutableBufferPointer<Int32>
    private let guards: UnsafeMutableBufferPointer<Frozen>

    init(_ g: SplitGuards, count: Int, _ pool: BitmapPool) {
        at = .allocate(capacity: count)
        _ = at.initialize(from: g.at.isEmpty ? Array(repeating: -1, count: count) : g.at)
        guards = .allocate(capacity: g.guards.count)
        // The bitmaps made in one scratch, and no buffer for an empty lexicon list: a
        // `TokenSet` and arrays per guard were a fifth of the freezing thread's work.
        var scratch: [UInt64] = []
        for (k, g) in g.guards.enumerated() {
            var lexicons = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
            if g.lexicons.contains(where: { $0 >= 64 }) {
                let listed = g.lexicons.filter { $0 >= 64 }
                lexicons = .allocate(capacity: listed.count)
                _ = lexicons.initialize(from: listed)
            }
            let mask = g.lexicons.reduce(UInt64(0)) { $1 < 64 ? $0 | 1 << UInt64($1) : $0 }
            let tokens = FrozenTokenSet(ids: g.ids, has: g.has, not: g.not, pool, scratch: &scratch)
            (guards.baseAddress! + k).initialize(to: Frozen(tokens: tokens, lexiconMask: mask, lexicons: lexicons, atStart: g.atStart))
        }
    }

    /// Only `ProgramCode.deinit` calls it.
    func deallocate() {
        for g in guards { g.tokens.deallocate(); g.lexicons.deallocate() }
        at.deallocate(); guards.deallocate()
    }

    /// A thread at instruction `pc` and token `pos` may get past its first test.
    @inline(__always)
    func pass(_ pc: Int, _ tokens: UnsafeBufferPointer<Token>, _ pos: Int, _ lexicons: LexiconTries) -> Bool {
        let k = Int(at[pc])
        guard k >= 0 else { return true }
        let g = guards[k]
        if g.atStart && pos == 0 { return true }
        guard pos < tokens.count else { return false }
        let t = tokens[pos]
        if g.tokens.accepts(t) { return true }
        if g.lexiconMask != 0, lexicons.beginsEntry(g.lexiconMask, t.id) { return true }
        for l in g.lexicons where lexicons.rootChild(Int(l), t.id) != nil { return true }
        return false
    }
}
