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

    /// What the first token of any match must be; nil: no start position is ruled out.
    var entry: EntryFilter?
    /// A required element near the start: only starts just before it are tried.
    var anchor: StartAnchor?
    /// The pattern opens with `^`: position 0 is the only start.
    var startOnly = false
    /// The pattern closes with `$` and a match is `lo...hi` tokens long: a start lies
    /// between `hi` and `lo` tokens before the sentence end. nil: no such bound.
    var endSpan: ClosedRange<Int>?
    /// What the first token of a thread at a split's branch must be (see `SplitGuards`).
    var guards = SplitGuards()
    /// What every match contains (all of them), for the per-sentence rule filter.
    var requirements: [Requirement] = []
    /// Alternations every match passes through whole, branch by branch: a match meets every
    /// requirement of some branch of each (`RequirementGroup`).
    var groups: [RequirementGroup] = []
    /// The branches of a top-level alternation, each filtered on its own (`TopBranch`);
    /// empty for any other pattern.
    var branches: [TopBranch] = []
    /// What the matcher runs, frozen when compilation ends.
    var code = ProgramCode.empty
    /// Its id with the loader's `Freezer`, which made `guards` and `code` on a thread of its
    /// own (`RuleLoader.finish` sets them); -1: frozen as it was compiled.
    var freezeID: Int32 = -1

    /// Some test reads the tokens' tags or lemmas: the sentence must be tagged first.
    var usesTags = false
    /// Some test reads lemmas (`&defend`): tagging must lemmatise too.
    var usesLemmas = false

    /// The slot `>>` records the reported match start in, after the captures'; -1: none.
    var matchStartSlot: Int32 = -1

    var slotCount: Int { captureNames.count * 2 + (matchStartSlot >= 0 ? 1 : 0) }

    func text(_ r: Range<Int>) -> String {
        let u = Array(source.utf8)
        return String(decoding: u[max(0, r.lowerBound)..<min(u.count, r.upperBound)], as: UTF8.self)
    }
}

/// The part of a `Program` the matcher reads, in one immutable object: a rule run then
/// retains one reference instead of copying a struct of many arrays.
final class ProgramCode: Sendable {
    /// The program's instructions as the matcher runs them, one op per instruction (so an
    /// instruction's index is the same in both). Written once in `init`, then only read.
    nonisolated(unsafe) let ops: UnsafeBufferPointer<VMOp>
    /// The token tests, flat.
    let table: TestTable
    let slotCount: Int
    let entry: FrozenEntry?
    let anchor: FrozenAnchor?
    let startOnly: Bool
    let endSpan: ClosedRange<Int>?
    let guards: FrozenGuards
    /// `Program.branches`, frozen.
    nonisolated(unsafe) let branches: UnsafeBufferPointer<FrozenBranch>
    /// Holds the id bitmaps of the token sets above, shared with the rule set's other programs.
    let bitmaps: BitmapPool

    init(_ p: Program, _ pool: BitmapPool) {
        bitmaps = pool
        startOnly = p.startOnly
        endSpan = p.endSpan
        let table = TestTable(p.tests)
        self.table = table
        ops = ProgramCode.decode(p.insts, table)
        slotCount = p.slotCount
        entry = p.entry.map { FrozenEntry($0, pool) }
        anchor = p.anchor.map { FrozenAnchor($0, pool) }
        guards = FrozenGuards(p.guards, count: p.insts.count, pool)
        let branches = UnsafeMutableBufferPointer<FrozenBranch>.allocate(capacity: p.branches.count)
        _ = branches.initialize(from: p.branches.map { FrozenBranch($0, pool) })
        self.branches = UnsafeBufferPointer(branches)
    }

    private init() {
        table = TestTable([]); ops = ProgramCode.decode([], table)
        slotCount = 0; entry = nil; anchor = nil; startOnly = false; endSpan = nil
        bitmaps = BitmapPool()
        guards = FrozenGuards(SplitGuards(), count: 0, bitmaps)
        branches = UnsafeBufferPointer(UnsafeMutableBufferPointer<FrozenBranch>.allocate(capacity: 0))
    }

    deinit {
        table.deallocate(); ops.deallocate(); entry?.tokens.deallocate(); anchor?.deallocate(); guards.deallocate()
        for b in branches { b.deallocate() }
        branches.deallocate()
    }
    static let empty = ProgramCode()

    private static func decode(_ insts: [Program.Inst], _ table: TestTable) -> UnsafeBufferPointer<VMOp> {
        let out = UnsafeMutableBufferPointer<VMOp>.allocate(capacity: insts.count)
        for (pc, inst) in insts.enumerated() {
            let op: VMOp
            switch inst {
            case .test(let k):
                // A test reading tags gets its own kind: the matcher can then ask for the
                // sentence's tags when it first reaches one (`MatchVM.tagsReady`).
                op = table.readsTags(Int(k)) ? VMOp(kind: .testTags, a: k) : table.op(Int(k)) ?? VMOp(kind: .test, a: k)
            case .lexicon(let k): op = VMOp(kind: .lexicon, a: k)
            case .split(let x, let y): op = VMOp(kind: .split, a: x, b: y)
            case .jump(let x): op = VMOp(kind: .jump, a: x)
            case .save(let slot): op = VMOp(kind: .save, a: slot)
            case .assertStart: op = VMOp(kind: .assertStart)
            case .assertEnd: op = VMOp(kind: .assertEnd)
            case .match: op = VMOp(kind: .match)
            }
            out[pc] = op
        }
        return UnsafeBufferPointer(out)
    }
}

/// A matcher instruction: a `Program.Inst` with its operands inline and the common token
/// tests decoded (a word: `a` is its id; a class test: `a` has, `b` not; a word set: `a`, `b`
/// its bitmap words in the table), so such a step makes no call and reads no test record.
/// `test` (`a`: the test) is every other test, run through `TestTable.accepts`; `testTags`
/// likewise, for a test that reads the tokens' tags or lemmas.
struct VMOp {
    enum Kind: UInt8 { case testID, testClasses, testBits, test, testTags, lexicon, split, jump, save, assertStart, assertEnd, match }
    var kind: Kind
    var a: Int32 = 0
    var b: Int32 = 0
}

/// The tokens a match can begin with, from the consuming instructions (and `^`) reachable
/// from instruction 0 through split, jump and save. The matcher skips a start position whose
/// token it rejects, without setting up a thread: most starts of most rules end there.
/// Conservative: it may accept a token the pattern then rejects, never the reverse.
struct EntryFilter: Sendable {
    /// Word tests, family forms, exact literals, lexicons' first words, class tests.
    var tokens: TokenSet
    /// Some path begins with `^`: position 0 is always a possible start.
    var atStart = false

    /// nil when some path reaches `$` or the end without consuming, or begins with a test
    /// too broad to filter on (`.`, a negated test). `from`: the instruction the paths begin
    /// at (a top-level branch's first, `TopBranch`).
    init?(_ p: Program, lexicons: [Lexicon], from: Int = 0) {
        var seen = [Bool](repeating: false, count: p.insts.count), work = [from]
        var ids = IDBitmap(), classHas: [TokenClasses] = [], classNot: [TokenClasses] = []
        while let pc = work.popLast() {
            guard pc < p.insts.count, !seen[pc] else { continue }
            seen[pc] = true
            switch p.insts[pc] {
            case .split(let a, let b): work += [Int(b), Int(a)]
            case .jump(let a): work.append(Int(a))
            case .save: work.append(pc + 1)
            case .assertStart: atStart = true
            case .lexicon(let k): ids.formUnion(lexicons[Int(k)].firstIDBits)
            case .test(let k):
                let t = p.tests[Int(k)]
                var parts = [t]
                if case .union(let words, let others) = t.kind, !t.negated {
                    ids.add(contentsOf: words)
                    parts = others
                }
                for t in parts {
                    if t.negated { return nil }
                    switch t.kind {
                    case .id(let id), .exact(let id, _): ids.add(id)
                    case .ids(let list): ids.add(contentsOf: list)
                    case .classes(let has, let not), .tags(let has, let not, _, _, _, _): classHas.append(has); classNot.append(not)
                    case .any, .union: return nil
                    }
                }
            case .assertEnd, .match: return nil
            }
        }
        tokens = TokenSet(ids: ids, classHas: classHas, classNot: classNot)
    }

    @inline(__always)
    func accepts(_ tokens: UnsafeBufferPointer<Token>, _ pos: Int) -> Bool {
        if atStart && pos == 0 { return true }
        return pos < tokens.count && self.tokens.accepts(tokens[pos])
    }
}

/// A compiled single-token test: integer compares on the token's id and class bits. The
/// matcher reads the tests of a program flattened, as a `TestTable`.
struct TokenTest: Sendable {
    enum Kind: Sendable {
        case id(Int32)
        /// Sorted ids (a word family).
        case ids([Int32])
        /// Same id and identical bytes (case-sensitive literal).
        case exact(Int32, [UInt8])
        case classes(has: TokenClasses, not: TokenClasses)
        /// Classes and part-of-speech bit sets (over `TagSet`'s indices), and a lemma id (-1:
        /// any); with a lemma, the sorted ids of every form a passing token can have
        /// (`PatternCompiler.formIDs`; nil: not known, any form may pass).
        case tags(has: TokenClasses, not: TokenClasses, upos: UInt32, xpos: UInt64, lemma: Int32, forms: [Int32]?)
        case any
        /// Passes when the token's id is in the sorted `ids` or one of `others` passes:
        /// adjacent one-token branches of an alternation, tried in one step.
        case union(ids: [Int32], others: [TokenTest])
    }
    var kind: Kind
    var negated = false
}
