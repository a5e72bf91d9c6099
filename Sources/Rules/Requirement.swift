import Tagger

/// Something every match of a pattern contains: a token whose id is in `ids`, or a token with
/// one of the classes in `classBits`. A rule's requirements are a conjunction, so a rule
/// triggered by one word still skips a sentence that lacks another element it cannot match
/// without (`@actors ..3 @stance-verbs` needs an actor's word and a stance verb's word).
struct Requirement: Sendable, Hashable {
    /// Sorted vocabulary ids.
    var ids: [Int32] = []
    var classBits: UInt32 = 0
}

/// An alternation every match passes through whole (an element of the pattern's top-level
/// sequence, inside captures, groups and repetitions of at least one), kept branch by branch:
/// a match contains one branch's match, so it meets every requirement of some branch. Its
/// `Requirement` in the pattern's list (the union of each branch's lightest) only says that
/// one word of some branch is there; `~make ... statement against | ~follow ... with concern`
/// then made every "make" a reason to run the rule. Per branch, its requirements less those
/// of `weight` 1000 or more: a very common word (met nearly everywhere, it would rule out
/// little and be looked up at every such token) or a thousand words or more (a large
/// lexicon's anchors, which cost the index more than they rule out; docs/benchmarks.md).
struct RequirementGroup: Sendable, Hashable {
    var branches: [[Requirement]]
}

extension PatternCompiler {
    /// The requirements of `node`, conservative: a match of the node always satisfies them.
    mutating func requirements(_ node: PatternNode) -> [Requirement] {
        var out: [Requirement] = []
        addRequirements(node, to: &out)
        return out
    }

    /// `requirements(node)` appended to `out`: one array for a whole sequence, not one per
    /// element (and per word) concatenated, as the walk once built them.
    private mutating func addRequirements(_ node: PatternNode, to out: inout [Requirement]) {
        switch node {
        case .token(let spec, _):
            switch spec {
            case .word, .exact, .family:
                switch testFor(spec).kind {
                case .id(let id), .exact(let id, _): out.append(Requirement(ids: [id]))
                case .ids(let ids): out.append(Requirement(ids: ids))
                default: break
                }
            case .classes(let has, _):
                out += classRequirements(has)
            case .tagged(let has, _, let upos, let xpos, let lemma):
                // A lemma test also needs a token of a form that can have the lemma.
                out += classRequirements(has)
                if let lemma, let ids = formIDs(lemma, upos: upos, xpos: xpos) { out.append(Requirement(ids: ids)) }
            case .any, .not: break
            }
        case .lexicon(let name, _):
            guard let k = lexiconIndex[name] else { return }
            out.append(Requirement(ids: lexicons[k].anchorIDs))
        case .sequence(let items, _):
            for item in items { addRequirements(item, to: &out) }
        case .alternatives(let branches, _):
            out += requirementGroups == nil ? alternationRequirements(branches) : groupRequirements(branches)
        case .repetition(let inner, let min, _, _, _):
            if min > 0 { addRequirements(inner, to: &out) }
        case .capture(_, let inner, _):
            addRequirements(inner, to: &out)
        case .sentenceStart, .sentenceEnd, .matchStart:
            break
        case .reference(let share, _, _):
            // Walked once, with the groups of its whole alternations: used where the
            // reference itself is whole (`groupedRequirements`), and kept for the next use,
            // so one first met inside a branch is not walked again where it is whole.
            if share.requirements == nil || share.groups == nil {
                let outer = requirementGroups
                requirementGroups = []
                var r: [Requirement] = []
                addRequirements(share.node, to: &r)
                share.groups = requirementGroups!
                share.requirements = r
                requirementGroups = outer
            }
            out += share.requirements!
            if requirementGroups != nil { requirementGroups! += share.groups! }
        }
    }

    /// `requirements(node)`, and the groups of the alternations every match passes through
    /// whole (`RequirementGroup`), those that say more than their union: every branch has a
    /// requirement left and one has more than one.
    mutating func groupedRequirements(_ node: PatternNode) -> (requirements: [Requirement], groups: [RequirementGroup]) {
        let outer = requirementGroups
        requirementGroups = []
        defer { requirementGroups = outer }
        var out: [Requirement] = []
        addRequirements(node, to: &out)
        return (out, requirementGroups!)
    }

    /// `alternationRequirements(branches)` (the same ids, interned in the same order), for an
    /// alternation every match passes through whole: its branches' requirements also make a
    /// group, added to `requirementGroups` when it rules out more than the union does. The
    /// branches' own alternations are not whole in a match: walked without groups.
    private mutating func groupRequirements(_ branches: [PatternNode]) -> [Requirement] {
        let outer = requirementGroups
        requirementGroups = nil
        var ids = IDList(), bits: UInt32 = 0, every = true
        // The branches left with one requirement each, as one (some of them is met when the
        // union of their requirements is: a number and a bit per branch cost the index more
        // than they said), and the others; `whole` is false once a branch has none left.
        var single = IDList(), singleBits: UInt32 = 0, kept: [[Requirement]] = [], whole = true
        for b in branches {
            if case .token(let spec, _) = b {
                switch spec {
                case .word, .exact, .family:
                    // One requirement, its ids, without an array (as `alternationRequirements`).
                    switch testFor(spec).kind {
                    case .id(let id), .exact(let id, _):
                        ids.add(id)
                        if vocab.isCommon(id) { whole = false } else if whole { single.add(id) }
                    case .ids(let list):
                        ids.add(contentsOf: list)
                        if list.contains(where: vocab.isCommon) { whole = false } else if whole { single.add(contentsOf: list) }
                    default:
                        every = false
                        whole = false
                    }
                    continue
                default: break
                }
            }
            var r = requirements(b)
            // `lightest(r)`, and `r` less its requirements with a very common word: one weight each.
            var best: Requirement?, least = Int.max, k = 0
            for q in r {
                let w = weight(q)
                if w < least { best = q; least = w }
                if w < 1000 { r[k] = q; k += 1 }
            }
            if every, let best {
                ids.add(contentsOf: best.ids)
                bits |= best.classBits
            } else {
                every = false
            }
            guard whole else { continue }
            r.removeLast(r.count - k)
            switch r.count {
            case 0: whole = false
            case 1: single.add(contentsOf: r[0].ids); singleBits |= r[0].classBits
            default: kept.append(r)
            }
        }
        requirementGroups = outer
        if every, whole, !kept.isEmpty {
            let one = single.takeSorted()
            if !one.isEmpty || singleBits != 0 { kept.insert([Requirement(ids: one, classBits: singleBits)], at: 0) }
            requirementGroups!.append(RequirementGroup(branches: kept))
        }
        return every ? [Requirement(ids: ids.takeSorted(), classBits: bits)] : []
    }

    /// `alternation(branches.map { requirements($0) })`, without an array per branch: a
    /// word, exact word or family branch has one requirement, its ids, which is its lightest.
    /// Every branch is still walked, in order, when one has none (as the map did).
    private mutating func alternationRequirements(_ branches: [PatternNode]) -> [Requirement] {
        var ids = IDList(), bits: UInt32 = 0, every = true
        for b in branches {
            if case .token(let spec, _) = b {
                switch spec {
                case .word, .exact, .family:
                    switch testFor(spec).kind {
                    case .id(let id), .exact(let id, _): ids.add(id)
                    case .ids(let list): ids.add(contentsOf: list)
                    default: every = false
                    }
                    continue
                default: break
                }
            }
            let r = requirements(b)
            if every, let best = lightest(r) {
                ids.add(contentsOf: best.ids)
                bits |= best.classBits
            } else {
                every = false
            }
        }
        return every ? [Requirement(ids: ids.takeSorted(), classBits: bits)] : []
    }

    /// A passing token has every class of `has`; each uncommon one is a requirement.
    private func classRequirements(_ has: TokenClasses) -> [Requirement] {
        (0..<32).compactMap { bit in
            has.rawValue & (1 << UInt32(bit)) != 0 && !TriggerKey.commonClasses.contains(bit)
                ? Requirement(classBits: 1 << UInt32(bit)) : nil
        }
    }

    /// The requirements of an alternation whose branches have `branches`: any branch may
    /// match, so one token of some branch's best requirement is certain.
    func alternation(_ branches: [[Requirement]]) -> [Requirement] {
        var ids = IDList(), bits: UInt32 = 0
        for b in branches {
            guard let best = lightest(b) else { return [] }
            ids.add(contentsOf: best.ids)
            bits |= best.classBits
        }
        return [Requirement(ids: ids.takeSorted(), classBits: bits)]
    }

    /// The first requirement of least weight (each weighed once), or nil when there is none.
    private func lightest(_ reqs: [Requirement]) -> Requirement? {
        var best: Requirement?, least = Int.max
        for r in reqs {
            let w = weight(r)
            if w < least { best = r; least = w }
        }
        return best
    }

    /// How likely a requirement is met by chance: words, common words, and classes weigh more.
    func weight(_ r: Requirement) -> Int {
        r.ids.reduce(0) { $0 + 1 + (vocab.isCommon($1) ? 1000 : 0) } + r.classBits.nonzeroBitCount * 50
    }

    /// One id per entry of the lexicon, its least common word (not a very common word, then
    /// the longest): every entry, hence every match of `@name`, contains one of them.
    static func anchorIDs(_ lexicon: Lexicon, _ vocab: Vocabulary) -> [Int32] {
        var out = IDBitmap()
        var work: [(node: Int, best: Int32, score: Int)] = [(0, -1, Int.min)]
        while let (node, best, score) = work.popLast() {
            if lexicon.terminal[node], best >= 0 { out.add(best) }
            for (k, id) in lexicon.childIDs[node].enumerated() {
                let s = (vocab.isCommon(id) ? 0 : 1000) + vocab.length(id)
                work.append((Int(lexicon.childNodes[node][k]), s > score ? id : best, max(s, score)))
            }
        }
        return out.sorted
    }
}
