/// A compiled pattern: instructions for the backtracking matcher, plus what `explain` needs
/// to point back at the source (the pattern element each instruction came from).
struct Program: Sendable {
    enum Inst: Sendable {
        /// Consume one token that passes `tests[k]`.
        case test(Int32)
        /// Consume one entry of `lexicons[k]`, longest first.
        case lexicon(Int32)
        /// Try `first`, on failure `second`.
        case split(Int32, Int32)
        case jump(Int32)
        /// Record the current token index in capture slot `k`.
        case save(Int32)
        case assertStart
        case assertEnd
        case match
    }

    var insts: [Inst] = []
    var tests: [TokenTest] = []
    /// Capture names in pattern order; capture `k` uses slots 2k and 2k+1.
    var captureNames: [String] = []
    /// The pattern text, its top-level elements' byte ranges, and for each instruction the
    /// top-level element and the leaf atom it belongs to.
    var source = ""
    var elements: [Range<Int>] = []
    var instElement: [Int32] = []
    var instLeaf: [Range<Int>] = []

    /// Instructions a match can begin with (see `computeEntry`); nil: no start is ruled out.
    var entry: [Int32]?

    var slotCount: Int { captureNames.count * 2 }

    /// The consuming instructions (and `^`) reachable from instruction 0 through split, jump
    /// and save: every match begins by passing one of them, so the matcher can skip a start
    /// position where none accepts the token. Stays nil when some path reaches `$` or the end
    /// without consuming, or begins with a test any token passes.
    mutating func computeEntry() {
        var seen = Set<Int>(), work = [0], out: [Int32] = []
        while let pc = work.popLast() {
            guard pc < insts.count, seen.insert(pc).inserted else { continue }
            switch insts[pc] {
            case .split(let a, let b): work += [Int(b), Int(a)]
            case .jump(let a): work.append(Int(a))
            case .save: work.append(pc + 1)
            case .test(let k):
                if case .any = tests[Int(k)].kind, !tests[Int(k)].negated { entry = nil; return }
                out.append(Int32(pc))
            case .lexicon, .assertStart: out.append(Int32(pc))
            case .assertEnd, .match: entry = nil; return
            }
        }
        entry = out.sorted()
    }

    func text(_ r: Range<Int>) -> String {
        let u = Array(source.utf8)
        return String(decoding: u[max(0, r.lowerBound)..<min(u.count, r.upperBound)], as: UTF8.self)
    }
}

/// A compiled single-token test: integer compares on the token's id and class bits.
struct TokenTest: Sendable {
    enum Kind: Sendable {
        case id(Int32)
        /// Sorted ids (a word family).
        case ids([Int32])
        /// Same id and identical bytes (case-sensitive literal).
        case exact(Int32, [UInt8])
        case classes(has: TokenClasses, not: TokenClasses)
        case any
    }
    var kind: Kind
    var negated = false

    @inline(__always)
    func accepts(_ t: Token, _ sentence: UnsafeBufferPointer<UInt8>) -> Bool {
        let ok: Bool
        switch kind {
        case .id(let id): ok = t.id == id
        case .ids(let ids): ok = t.id >= 0 && ids.contains(t.id)
        case .exact(let id, let bytes):
            ok = t.id == id && Int(t.end - t.start) == bytes.count
                && bytes.indices.allSatisfy { sentence[Int(t.start) + $0] == bytes[$0] }
        case .classes(let has, let not):
            ok = t.classes.isSuperset(of: has) && t.classes.isDisjoint(with: not)
        case .any: ok = true
        }
        return ok != negated
    }
}
