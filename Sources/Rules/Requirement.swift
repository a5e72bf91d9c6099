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
            out += alternationRequirements(branches)
        case .repetition(let inner, let min, _, _, _):
            if min > 0 { addRequirements(inner, to: &out) }
        case .capture(_, let inner, _):
            addRequirements(inner, to: &out)
        case .sentenceStart, .sentenceEnd, .matchStart:
            break
        case .reference(let share, _, _):
            if let r = share.requirements { out += r; return }
            let r = requirements(share.node)
            share.requirements = r
            out += r
        }
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
