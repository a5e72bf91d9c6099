import Tagger

/// Turns a parsed pattern into a `Program`, interning its words in the shared vocabulary and
/// resolving `@lexicon` names. Also derives the pattern's trigger: a set of keys (token ids,
/// or token classes encoded by `TriggerKey`) of which every match must contain at least one,
/// for the rule index.
struct PatternCompiler {
    var vocab: Vocabulary
    let lexiconIndex: [String: Int]
    let lexicons: [Lexicon]

    private var program = Program()
    private var element: Int32 = 0
    /// The `save` of `>>`, given its slot (the one after the captures') once all are known.
    private var matchStartAt: Int32?
    /// Added to the offsets of the instructions written: a shared node emitted in place.
    private var leafShift = 0
    /// Where shared fragments were copied into `program` (for `SplitGuards`).
    private var placed: [SplitGuards.Placed] = []
    /// Per family base and per exact literal, its ids: a compiler is kept for all rules, and
    /// generating a family's forms (String work) for each of its uses was a large part of
    /// compiling. Valid with `vocab` only, which interned them.
    private var familyIDs: [String: [Int32]] = [:]
    private var exactIDs: [[UInt8]: Int32] = [:]
    /// Per lemma test (lemma and Penn tags), the ids of the forms that can pass it
    /// (`lemmaFormIDs`); nil inside when they cannot be named.
    private var lemmaFormIDs: [LemmaTestKey: [Int32]?] = [:]
    /// Set just before the pattern's top-level alternation is emitted: `emit` then records
    /// each branch's entry and first instruction and its nodes in `emittedBranches`.
    private var recordBranches = false
    private var emittedBranches: [(entry: Int32, body: Int32, nodes: [PatternNode])] = []
    /// While `groupedRequirements` walks where alternations are whole in a match: the groups
    /// found so far (`RequirementGroup`); nil elsewhere.
    var requirementGroups: [RequirementGroup]?

    /// A word's id by the storage of its bytes (`wordID`): a slot per address hash, holding
    /// the word (so its storage stays allocated, and no other array can take its address)
    /// and its id.
    private var wordSlots: [(word: [UInt8], id: Int32)] = []

    /// The id of word `w`, interned: `vocab.intern(w)`. A pattern's words are the parser's
    /// phrase table's arrays (`PatternParser.Phrases`), one storage per distinct word, and
    /// each is interned again by every walk of the compiler (emitting, requirements,
    /// triggers, first tokens, alphabets): a slot of the word's storage address answers
    /// those without hashing and probing the vocabulary. A slot holds a reference to the
    /// array it answers for, so an equal address is that very storage, whose bytes nothing
    /// can change while it is shared, so the same word.
    mutating func wordID(_ w: [UInt8]) -> Int32 {
        if wordSlots.isEmpty { wordSlots = Array(repeating: ([], -1), count: 4096) }
        let address = w.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        let k = Int(truncatingIfNeeded: (address >> 4) ^ (address >> 16)) & (wordSlots.count - 1)
        let known = wordSlots[k].word.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        if known == address, wordSlots[k].id >= 0, wordSlots[k].word.count == w.count { return wordSlots[k].id }
        let id = vocab.intern(w)
        wordSlots[k] = (w, id)
        return id
    }

    /// The id bitmaps of every program this compiler freezes, each content stored once.
    let bitmaps = BitmapPool()
    /// When set, `compile` hands a program's split guards and code to it (made on its thread
    /// while the next program compiles) and sets only the program's `freezeID`.
    var freezer: Freezer?

    /// Off: no `instElement` and `instLeaf` per instruction (nor a fragment's leaves), for a
    /// rule set that is never explained (`RuleSet.load(directory:leaves:)`).
    var keepsLeaves = true

    init(vocab: Vocabulary, lexicons: [Lexicon]) {
        self.vocab = vocab
        self.lexicons = lexicons
        var index: [String: Int] = [:]
        for (k, l) in lexicons.enumerated() { index[l.name] = k }
        self.lexiconIndex = index
    }

    /// Compiles `node` (parsed from `source`); the vocabulary grows as a side effect.
    mutating func compile(_ node: PatternNode, source: String) throws(PatternError) -> (Program, trigger: [Int32]?) {
        try Self.checkSize(node)
        program = Program()
        program.source = source
        matchStartAt = nil
        placed = []
        let top: [PatternNode]
        if case .sequence(let items, _) = node { top = items } else { top = [node] }
        if let k = top.firstIndex(where: { if case .matchStart = $0 { return true } else { return false } }),
           lengthBounds(.sequence(Array(top[(k + 1)...]), node.source)).0 == 0 {
            throw PatternError(offset: top[k].source.lowerBound,
                               message: "nothing after '>>' is sure to consume a token: the match could be empty")
        }
        emittedBranches = []
        for (k, item) in top.enumerated() {
            element = Int32(k)
            program.elements.append(item.source)
            if top.count == 1 && Self.isAlternation(item) { recordBranches = true }
            try emit(item)
        }
        append(.match, leaf: node.source)
        if let at = matchStartAt {
            program.matchStartSlot = Int32(program.captureNames.count * 2)
            patch(at, .save(program.matchStartSlot))
        }
        program.entry = EntryFilter(program, lexicons: lexicons)
        program.anchor = startAnchor(node)
        if case .sentenceStart = top.first { program.startOnly = true }
        if case .sentenceEnd = top.last, case let (lo, hi?) = lengthBounds(node) { program.endSpan = lo...hi }
        program.branches = topBranches(program, emittedBranches)
        // An alternation's requirements from its branches' (the same: merged one-word
        // branches add the same ids), not walked again.
        if program.branches.isEmpty {
            (program.requirements, program.groups) = groupedRequirements(node)
        } else {
            program.requirements = alternation(program.branches.map(\.requirements))
        }
        let trigger = try trigger(node)
        if let freezer {
            program.freezeID = freezer.add(program, placed: placed)
        } else {
            program.guards = SplitGuards(program, placed: placed)
            program.code = ProgramCode(program, bitmaps)
        }
        return (program, trigger)
    }

    // MARK: - Code generation

    private mutating func append(_ inst: Program.Inst, leaf: Range<Int>) {
        program.insts.append(inst)
        guard keepsLeaves else { return }
        program.instElement.append(element)
        program.instLeaf.append(leaf.shifted(leafShift))
    }

    private var here: Int32 { Int32(program.insts.count) }

    private mutating func patch(_ at: Int32, _ inst: Program.Inst) { program.insts[Int(at)] = inst }

    private mutating func emit(_ node: PatternNode) throws(PatternError) {
        switch node {
        case .token(let spec, let r):
            program.tests.append(testFor(spec))
            append(.test(Int32(program.tests.count - 1)), leaf: r)
        case .lexicon(let name, let r):
            guard let k = lexiconIndex[name] else { throw Self.unknownLexicon(name, r, lexicons) }
            append(.lexicon(Int32(k)), leaf: r)
        case .sequence(let items, _):
            for item in items { try emit(item) }
        case .alternatives(let branches, let r):
            let record = recordBranches
            recordBranches = false
            let items = mergeWordBranches(branches, keepingNodes: record)
            var jumps: [Int32] = []
            for (k, item) in items.enumerated() {
                if record { emittedBranches.append((here, k < items.count - 1 ? here + 1 : here, item.nodes)) }
                if k < items.count - 1 {
                    let split = here
                    append(.split(0, 0), leaf: r)
                    try emit(item)
                    jumps.append(here)
                    append(.jump(0), leaf: r)
                    patch(split, .split(split + 1, here))
                } else {
                    try emit(item)
                }
            }
            for j in jumps { patch(j, .jump(here)) }
        case .repetition(let inner, let min, let max, let lazy, let r):
            var first: Emitted? = nil
            for _ in 0..<min { try emit(repeated: inner, &first) }
            if let max {
                var splits: [Int32] = []
                for _ in min..<max {
                    splits.append(here)
                    append(.split(0, 0), leaf: r)
                    try emit(repeated: inner, &first)
                }
                for s in splits { patch(s, lazy ? .split(here, s + 1) : .split(s + 1, here)) }
            } else {
                let loop = here
                append(.split(0, 0), leaf: r)
                try emit(inner)
                append(.jump(loop), leaf: r)
                patch(loop, lazy ? .split(here, loop + 1) : .split(loop + 1, here))
            }
        case .capture(let name, let inner, let r):
            let k = Int32(program.captureNames.count)
            program.captureNames.append(name)
            append(.save(2 * k), leaf: r)
            try emit(inner)
            append(.save(2 * k + 1), leaf: r)
        case .sentenceStart(let r):
            append(.assertStart, leaf: r)
        case .sentenceEnd(let r):
            append(.assertEnd, leaf: r)
        case .matchStart(let r):
            matchStartAt = here
            append(.save(-1), leaf: r)
        case .reference(let share, let shift, _):
            guard recordBranches else { return try emit(share, shift: shift) }
            // The pattern is one named alternation: emitted in place, as written out, so
            // that its branches are recorded (`TopBranch`).
            let saved = leafShift
            leafShift += shift
            defer { leafShift = saved }
            do {
                try emit(share.node)
            } catch {
                throw PatternError(offset: error.offset + shift + saved, message: error.message)
            }
        }
    }

    /// Off: every copy of a repetition emitted again (for the test that compares the ways).
    nonisolated(unsafe) static var copiesRepetitions = true

    /// Where one emission of a node stands in `program` (instructions, tests) and in `placed`,
    /// and whether a copy of it is what emitting the node again writes.
    private struct Emitted {
        var insts: Range<Int32>
        var tests: Range<Int>
        var placed: Range<Int>
        var copyable: Bool
    }

    /// A bounded repetition's inner node, once per copy: the first copy emitted, each later
    /// one copied from it with its targets, tests and shared fragments moved (the unrolled
    /// `{1,34}` of an alternation of a dozen branches merged, tested and interned again each
    /// time was most of compiling `recommendation.first-person-appeal`). Emitting a node again
    /// writes the same instructions, tests and leaves at the new place (the vocabulary and the
    /// memos give the same ids; every target lies inside the node's instructions or at their
    /// end), unless it numbers a capture, records `>>` or a top-level branch: such a node is
    /// emitted each time, as before.
    private mutating func emit(repeated inner: PatternNode, _ first: inout Emitted?) throws(PatternError) {
        if let f = first {
            guard f.copyable, Self.copiesRepetitions else { return try emit(inner) }
            let delta = here - f.insts.lowerBound, testDelta = Int32(program.tests.count - f.tests.lowerBound)
            let from = Int(f.insts.lowerBound)..<Int(f.insts.upperBound)
            program.tests.append(contentsOf: Array(program.tests[f.tests]))
            program.insts.reserveCapacity(program.insts.count + from.count)
            for k in from {
                switch program.insts[k] {
                case .test(let t): program.insts.append(.test(t + testDelta))
                case .split(let a, let b): program.insts.append(.split(a + delta, b + delta))
                case .jump(let a): program.insts.append(.jump(a + delta))
                case let inst: program.insts.append(inst)
                }
            }
            if keepsLeaves {
                program.instElement += repeatElement(element, count: from.count)
                program.instLeaf.append(contentsOf: Array(program.instLeaf[from]))
            }
            for p in Array(placed[f.placed]) {
                placed.append(SplitGuards.Placed(start: p.start + Int(delta), end: p.end + Int(delta), share: p.share))
            }
            return
        }
        let i0 = here, t0 = program.tests.count, p0 = placed.count, c0 = program.captureNames.count
        let m0 = matchStartAt, b0 = emittedBranches.count
        try emit(inner)
        first = Emitted(insts: i0..<here, tests: t0..<program.tests.count, placed: p0..<placed.count,
                        copyable: program.captureNames.count == c0 && matchStartAt == m0 && emittedBranches.count == b0)
    }

    /// An alternation, or a named pattern that is one.
    private static func isAlternation(_ node: PatternNode) -> Bool {
        switch node {
        case .alternatives: return true
        case .reference(let share, _, _): return isAlternation(share.node)
        default: return false
        }
    }

    /// A shared node's instructions: emitted once (in a program of their own, interning its
    /// words in the order the first use would), then copied to each use with its targets,
    /// tests and offsets moved. Captures are numbered per program, so a node holding one is
    /// emitted in place (none of the default rules' named patterns holds one).
    private mutating func emit(_ share: SharedPattern, shift: Int) throws(PatternError) {
        if share.fragment == nil {
            var captures = 0
            func count(_ n: PatternNode) {
                switch n {
                case .capture: captures += 1
                case .sequence(let items, _), .alternatives(let items, _): items.forEach(count)
                case .repetition(let inner, _, _, _, _): count(inner)
                case .reference(let s, _, _): count(s.node)
                default: break
                }
            }
            count(share.node)
            guard captures == 0 else {
                let saved = leafShift
                leafShift += shift
                defer { leafShift = saved }
                try emit(share.node)
                return
            }
            let outer = program, outerShift = leafShift, outerPlaced = placed
            program = Program()
            leafShift = 0
            defer { program = outer; leafShift = outerShift; placed = outerPlaced }
            do {
                try emit(share.node)
            } catch {
                throw PatternError(offset: error.offset + shift + outerShift, message: error.message)
            }
            share.fragment = SharedPattern.Fragment(insts: program.insts, tests: program.tests, leaves: program.instLeaf,
                                                    usesTags: program.usesTags, usesLemmas: program.usesLemmas)
        }
        let f = share.fragment!
        let base = here, tests = Int32(program.tests.count), moved = shift + leafShift
        program.tests += f.tests
        program.insts.reserveCapacity(program.insts.count + f.insts.count)
        for inst in f.insts {
            switch inst {
            case .test(let k): program.insts.append(.test(k + tests))
            case .split(let a, let b): program.insts.append(.split(a + base, b + base))
            case .jump(let a): program.insts.append(.jump(a + base))
            default: program.insts.append(inst)
            }
        }
        if keepsLeaves {
            program.instElement += repeatElement(element, count: f.insts.count)
            program.instLeaf += f.leaves.map { $0.shifted(moved) }
        }
        placed.append(SplitGuards.Placed(start: Int(base), end: Int(base) + f.insts.count, share: share))
        if f.usesTags { program.usesTags = true }
        if f.usesLemmas { program.usesLemmas = true }
    }

    private static func unknownLexicon(_ name: String, _ r: Range<Int>, _ lexicons: [Lexicon]) -> PatternError {
        let known = lexicons.map { "@" + $0.name }.sorted().joined(separator: " ")
        return PatternError(offset: r.lowerBound, message: "unknown lexicon '@\(name)'" + (known.isEmpty ? " (no lexicons/*.txt files)" : " (known: \(known))"))
    }

    /// The most instructions a pattern may compile to. Bounded repetitions are unrolled, so
    /// nesting multiplies: `(((a?){50}){50}){50}` passed the limit of 50 per repetition and
    /// compiled to 380,000 instructions (59 s and 19.6 GB on one long sentence; five levels
    /// ran out of memory while loading). The matcher's work on a sentence is bounded by
    /// instructions × tokens, so this and `RuleSet.maxSentenceTokens` bound it (and its memo,
    /// 2 bytes a state: 16 MB). The largest pattern of the default rules counts 4,461 here
    /// (an upper bound: merged alternatives write fewer): the position rules' shared actor
    /// phrase is written out in each rule that uses it.
    static let maxInstructions = 8192

    /// Throws, before anything is compiled, when `node` would compile to more than
    /// `maxInstructions`: located at the innermost part that alone is over the limit.
    static func checkSize(_ node: PatternNode) throws(PatternError) {
        let total = size(node)
        guard total > maxInstructions else { return }
        var at = node
        while let inner = children(at).first(where: { size($0) > maxInstructions }) { at = inner }
        let what: String
        if case .repetition = at { what = "this repetition" } else { what = "this part" }
        throw PatternError(offset: at.source.lowerBound,
                           message: "\(what) compiles to \(size(at)) matcher instructions, over the limit of \(maxInstructions) for a pattern (nested repetitions multiply their sizes); use smaller bounds or a gap '..N'")
    }

    /// Instructions `emit` writes for `node`, at most (merged alternatives write fewer),
    /// saturating far above any limit.
    static func size(_ node: PatternNode) -> Int {
        let cap = 1 << 40
        switch node {
        case .token, .lexicon, .sentenceStart, .sentenceEnd, .matchStart:
            return 1
        case .sequence(let items, _):
            return min(cap, items.reduce(0) { $0 + size($1) })
        case .alternatives(let items, _):
            return min(cap, items.reduce(0) { $0 + size($1) } + 2 * max(0, items.count - 1))
        case .capture(_, let inner, _):
            return min(cap, size(inner) + 2)
        case .repetition(let inner, let lo, let hi, _, _):
            let s = size(inner)
            guard let hi else { return min(cap, lo * s + s + 2) }
            return min(cap, lo * s + (hi - lo) * (s + 1))
        case .reference(let share, _, _):
            if let s = share.size { return s }
            let s = size(share.node)
            share.size = s
            return s
        }
    }

    private static func children(_ node: PatternNode) -> [PatternNode] {
        switch node {
        case .sequence(let items, _), .alternatives(let items, _): return items
        case .repetition(let inner, _, _, _, _), .capture(_, let inner, _): return [inner]
        case .token, .lexicon, .sentenceStart, .sentenceEnd, .matchStart: return []
        case .reference: return children(node.shifted(by: 0))
        }
    }

    /// Throws the error `compile` would throw for `node`, without compiling it: an unknown
    /// `@lexicon` is the only mistake compiling finds, and `emit` meets the lexicons in this
    /// order (it emits every repetition's inner pattern at least once: `{0}` does not parse).
    static func checkLexicons(_ node: PatternNode, _ lexicons: [Lexicon]) throws(PatternError) {
        switch node {
        case .lexicon(let name, let r):
            if !lexicons.contains(where: { $0.name == name }) { throw unknownLexicon(name, r, lexicons) }
        case .sequence(let items, _), .alternatives(let items, _):
            for item in items { try checkLexicons(item, lexicons) }
        case .repetition(let inner, _, _, _, _), .capture(_, let inner, _):
            try checkLexicons(inner, lexicons)
        case .token, .sentenceStart, .sentenceEnd, .matchStart:
            break
        case .reference(let share, let shift, _):
            guard !share.lexiconsChecked else { return }
            do {
                try checkLexicons(share.node, lexicons)
            } catch {
                throw PatternError(offset: error.offset + shift, message: error.message)
            }
            share.lexiconsChecked = true
        }
    }

    /// A branch of an alternation after merging: a run of adjacent one-token branches
    /// (`also | again | ~see | %num | "'s"`) becomes one test (of a sorted id list when all
    /// are words), so the matcher tries them in one step instead of a split, a test and a
    /// jump each. Each such branch consumes exactly one token, captures nothing and continues
    /// at the same instruction, so merging changes no match and no capture.
    private enum Branch {
        case node(PatternNode)
        /// Also the merged branches' nodes, for `TopBranch` (kept only for the top-level
        /// alternation, whose branches are recorded).
        case tokens([Int32], [TokenTest], Range<Int>, [PatternNode])

        var nodes: [PatternNode] {
            switch self {
            case .node(let n): return [n]
            case .tokens(_, _, _, let nodes): return nodes
            }
        }
    }

    private mutating func mergeWordBranches(_ branches: [PatternNode], keepingNodes: Bool) -> [Branch] {
        var out: [Branch] = []
        var ids = IDList(), others: [TokenTest] = [], range: Range<Int>? = nil, nodes: [PatternNode] = []
        func flush() {
            if let r = range { out.append(.tokens(ids.takeSorted(), others, r, nodes)) }
            ids = IDList()
            others = []
            range = nil
            nodes = []
        }
        for b in branches {
            guard case .token(let spec, let r) = b else {
                flush()
                out.append(.node(b))
                continue
            }
            if case .word(let w) = spec { ids.add(wordID(w)) }  // `wordIDs`, without its array
            else if let more = wordIDs(spec) { ids.add(contentsOf: more) } else { others.append(testFor(spec)) }
            if keepingNodes { nodes.append(b) }
            range = range.map { $0.lowerBound..<r.upperBound } ?? r
        }
        flush()
        return out
    }

    /// Ids a one-token spec accepts when it is a plain word or a family; nil otherwise.
    private mutating func wordIDs(_ spec: TokenSpec) -> [Int32]? {
        switch spec {
        case .word(let w): return [wordID(w)]
        case .family(let base): return family(base)
        default: return nil
        }
    }

    /// The sorted ids of a family's forms, interned (in the order of `forms`) on first use.
    private mutating func family(_ base: String) -> [Int32] {
        if let ids = familyIDs[base] { return ids }
        let ids = Array(Set(WordFamily.forms(of: base).map { vocab.intern(Array($0.utf8)) })).sorted()
        familyIDs[base] = ids
        return ids
    }

    private mutating func emit(_ branch: Branch) throws(PatternError) {
        switch branch {
        case .node(let n): try emit(n)
        case .tokens(let ids, let others, let r, _):
            let test: TokenTest
            if others.isEmpty {
                test = TokenTest(kind: ids.count == 1 ? .id(ids[0]) : .ids(ids))
            } else if ids.isEmpty && others.count == 1 {
                test = others[0]
            } else {
                test = TokenTest(kind: .union(ids: ids, others: others))
            }
            program.tests.append(test)
            append(.test(Int32(program.tests.count - 1)), leaf: r)
        }
    }

    mutating func testFor(_ spec: TokenSpec) -> TokenTest {
        switch spec {
        case .word(let w): return TokenTest(kind: .id(wordID(w)))
        case .exact(let bytes):
            if let id = exactIDs[bytes] { return TokenTest(kind: .exact(id, bytes)) }
            let norm = Tokenizer.tokenize(bytes).first.map { Array($0.norm.utf8) } ?? bytes
            let id = vocab.intern(norm)
            exactIDs[bytes] = id
            return TokenTest(kind: .exact(id, bytes))
        case .family(let base):
            return TokenTest(kind: .ids(family(base)))
        case .classes(let has, let not): return TokenTest(kind: .classes(has: has, not: not))
        case .tagged(let has, let not, let upos, let xpos, let lemma):
            program.usesTags = true
            if lemma != nil { program.usesLemmas = true }
            return TokenTest(kind: .tags(has: has, not: not, upos: upos, xpos: xpos, lemma: lemma.map { vocab.intern($0) } ?? -1,
                                         forms: lemma.flatMap { formIDs($0, upos: upos, xpos: xpos) }))
        case .any: return TokenTest(kind: .any)
        case .not(let inner):
            var t = testFor(inner)
            t.negated.toggle()
            return t
        }
    }

    /// The sorted vocabulary ids of every form a token passing a lemma test on `lemma` (with
    /// UPOS and Penn bits `upos`, `xpos`) can have (`Tagger.lemmaForms`), interned; nil when
    /// they cannot be named. Memoised per lemma and tags: `<stance-lemma>` is in several rules.
    mutating func formIDs(_ lemma: [UInt8], upos: UInt32, xpos: UInt64) -> [Int32]? {
        let key = LemmaTestKey(lemma: lemma, upos: upos, xpos: xpos)
        if let known = lemmaFormIDs[key] { return known }
        let tagger = Tagger.shared
        let forms = tagger.lemmaForms(Tagger.lowercase(lemma[...]), tags: tagger.pennTags(upos: upos, xpos: xpos))
        var ids: [Int32]? = nil
        if let forms {
            var list = forms.map { vocab.intern($0) }
            list.sort()
            ids = list.enumerated().compactMap { k, id in k > 0 && list[k - 1] == id ? nil : id }
        }
        lemmaFormIDs[key] = .some(ids)
        return ids
    }

    // MARK: - Triggers

    /// Ids of which every match contains one, or nil when no such set exists (the rule then
    /// runs on every sentence). In a sequence the most selective element is chosen.
    private mutating func trigger(_ node: PatternNode) throws(PatternError) -> [Int32]? {
        switch node {
        case .token(let spec, _):
            switch spec {
            case .word(let w): return [wordID(w)]
            case .exact:
                guard case .exact(let id, _) = testFor(spec).kind else { return nil }
                return [id]
            case .family:
                guard case .ids(let ids) = testFor(spec).kind else { return nil }
                return ids
            case .classes(let has, _), .tagged(let has, _, _, _, _):
                // One required class is enough; take the rarest kind.
                guard let bit = TriggerKey.rarestBit(has) else { return nil }
                return [TriggerKey.classKey(bit)]
            default: return nil
            }
        case .lexicon(let name, _):
            guard let k = lexiconIndex[name], !lexicons[k].firstIDs.isEmpty else { return nil }
            return lexicons[k].firstIDs
        case .sequence(let items, _):
            var best: [Int32]? = nil
            var bestScore = Int.max
            for item in items {
                guard let t = try trigger(item) else { continue }
                // A key's cost is never negative: a list as long as the best score so far
                // cannot beat it, and its thousands of keys (a lexicon's) need no look-up.
                if t.count >= bestScore { continue }
                let score = t.count + t.reduce(0) { $0 + cost($1) }
                if score < bestScore { best = t; bestScore = score }
            }
            return best
        case .alternatives(let branches, _):
            // Class keys are negative, so they come first in the sorted union.
            var ids = IDList(), classKeys: [Int32] = []
            for b in branches {
                // A word's trigger is its id (never a class key), added without an array.
                if case .token(.word(let w), _) = b { ids.add(wordID(w)); continue }
                guard let t = try trigger(b) else { return nil }
                // The class keys one by one, the ids at once (`add` leaves out negative keys).
                for key in t where key < 0 && !classKeys.contains(key) { classKeys.append(key) }
                ids.add(contentsOf: t)
            }
            return classKeys.sorted() + ids.takeSorted()
        case .repetition(let inner, let min, _, _, _):
            return min > 0 ? try trigger(inner) : nil
        case .capture(_, let inner, _):
            return try trigger(inner)
        case .sentenceStart, .sentenceEnd, .matchStart:
            return nil
        case .reference(let share, _, _):
            if let t = share.trigger { return t }
            let t = try trigger(share.node)
            share.trigger = .some(t)
            return t
        }
    }

    /// Extra cost of a trigger key: very common words and classes make poor triggers, and any
    /// class is usually more frequent than a word.
    private func cost(_ key: Int32) -> Int {
        if key >= 0 { return vocab.isCommon(key) ? 1000 : 0 }
        return TriggerKey.commonClasses.contains(TriggerKey.bit(key)) ? 1000 : 50
    }
}

/// Trigger keys: a vocabulary id (>= 0), or a token class as `-(bit + 1)`, so a rule that
/// needs `%currency` runs only on sentences with a currency symbol.
enum TriggerKey {
    static func classKey(_ bit: Int) -> Int32 { Int32(-(bit + 1)) }
    static func bit(_ key: Int32) -> Int { Int(-key) - 1 }

    /// Bits of classes most tokens have: word, cap, punct.
    static let commonClasses: Set<Int> = [0, 8, 9]

    /// A required class that is not common, or nil (a `%word` or `%cap` is no trigger).
    static func rarestBit(_ classes: TokenClasses) -> Int? {
        (0..<32).first { classes.rawValue & (1 << $0) != 0 && !commonClasses.contains($0) }
    }
}

/// A lemma test's lemma and tag bits, for `PatternCompiler.formIDs`' memo.
struct LemmaTestKey: Hashable {
    var lemma: [UInt8]
    var upos: UInt32
    var xpos: UInt64
}
