/// The top-level alternatives of a pattern (`A | B | C`), each with its own start filters and
/// requirements, as if each were a rule of its own.
///
/// A pattern's start filters (entry filter, anchor, requirements) are those every match
/// shares, so for an alternation they are the weakest of its branches': one branch whose
/// capture comes before its cue (`{addressee: <addressee-group>}? would benefit from`) made
/// every word an addressee can begin with a start for the whole rule, and one branch needing
/// only "would" made the rule a candidate wherever "would" is. Per branch, a start is tried
/// only where some branch whose requirements the sentence meets can begin, within that
/// branch's own window, and the matcher enters the program at the first such branch.
///
/// Exact: the program is the same, and entering it at branch k's instruction runs what
/// running from instruction 0 runs once branches 0..<k have failed (their splits push nothing
/// else, and their threads leave the capture slots as they found them). A branch is skipped
/// at a start only when it cannot match there (its filters are conservative), so the first
/// start with a match, its longest end and the captures of the first path in pattern order
/// are those of the whole program. `BranchIndexTests` compares both on the default rules.
struct TopBranch: Sendable {
    /// Where the matcher enters the program for this branch: the split that tries it (and,
    /// failing it, the branches after it), or the last branch's first instruction.
    var pc: Int32
    var entry: EntryFilter?
    var anchor: StartAnchor?
    var startOnly = false
    var endSpan: ClosedRange<Int>?
    /// What every match of this branch contains: a sentence lacking one rules the branch out.
    var requirements: [Requirement] = []
}

/// `TopBranch`, frozen for the matcher like the rest of `ProgramCode`.
struct FrozenBranch: Sendable {
    let pc: Int
    let entry: FrozenEntry?
    let anchor: FrozenAnchor?
    let startOnly: Bool
    let endSpan: ClosedRange<Int>?

    init(_ b: TopBranch, _ pool: BitmapPool) {
        pc = Int(b.pc)
        entry = b.entry.map { FrozenEntry($0, pool) }
        anchor = b.anchor.map { FrozenAnchor($0, pool) }
        startOnly = b.startOnly
        endSpan = b.endSpan
    }

    func deallocate() { entry?.tokens.deallocate(); anchor?.deallocate() }
}

extension PatternCompiler {
    /// The branches of a top-level alternation, from the nodes each emitted branch came from
    /// and its entry and first instructions (`emit` records them); empty for any other pattern.
    mutating func topBranches(_ program: Program, _ emitted: [(entry: Int32, body: Int32, nodes: [PatternNode])]) -> [TopBranch] {
        guard emitted.count > 1 else { return [] }
        return emitted.map { e in
            let node = e.nodes.count == 1 ? e.nodes[0] : .alternatives(e.nodes, e.nodes[0].source.lowerBound..<e.nodes.last!.source.upperBound)
            var b = TopBranch(pc: e.entry)
            b.entry = EntryFilter(program, lexicons: lexicons, from: Int(e.body))
            b.anchor = startAnchor(node)
            let items: [PatternNode]
            if case .sequence(let list, _) = node { items = list } else { items = [node] }
            if case .sentenceStart = items.first { b.startOnly = true }
            if case .sentenceEnd = items.last, case let (lo, hi?) = lengthBounds(node) { b.endSpan = lo...hi }
            b.requirements = requirements(node)
            return b
        }
    }
}
