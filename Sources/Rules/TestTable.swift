/// A program's token tests flattened for the matcher: plain records and one pool of bitmap
/// words and literal bytes, owned by `ProgramCode` and read through pointers. A `TokenTest`
/// keeps its word lists in enum payload arrays, and reading those in the matcher's inner
/// loop retained and released them on every step (and, shared by all batch workers, made
/// the cores fight over their reference counts).
struct TestTable: @unchecked Sendable {
    private struct Test {
        enum Op: UInt8 { case id, bits, exact, classes, tags, any, union }
        var op: Op
        var negated: Bool
        var id: Int32 = -1
        var has: UInt32 = 0
        var not: UInt32 = 0
        /// `bits`/`union`: bitmap words in `words`; `exact`: bytes in `bytes`.
        var start: Int32 = 0
        var count: Int32 = 0
        /// `union`: the other branches, tests `others ..< others + otherCount` of this table.
        var others: Int32 = 0
        var otherCount: Int32 = 0
        /// `tags`: the UPOS and Penn bit sets (`id` is the lemma, -1 for any).
        var upos: UInt32 = 0
        var xpos: UInt64 = 0
        /// `union`: its lemma groups, `groups[groupStart ..< groupStart + groupCount]`.
        var groupStart: Int32 = 0
        var groupCount: Int32 = 0
        /// `tags` with a lemma: the bitmap of the token ids that can pass (`forms`), in
        /// `words`; `formCount` -1 when not known (every token may).
        var formStart: Int32 = 0
        var formCount: Int32 = -1
    }

    /// A union's lemma tests with the same classes, UPOS and Penn tags (`%VERB-VBG&say |
    /// %VERB-VBG&state | ...`), as one test with a bitmap of lemma ids: a union of 150 lemma
    /// tests is then a few bit probes, not 150 tests.
    private struct LemmaGroup {
        var has: UInt32
        var not: UInt32
        var upos: UInt32
        var xpos: UInt64
        /// Lemma id bitmap words in `words`.
        var start: Int32
        var count: Int32
        /// The token ids that can pass one of the group's tests, as `Test.formStart/formCount`.
        var formStart: Int32 = 0
        var formCount: Int32 = -1
    }

    private let tests: UnsafeMutableBufferPointer<Test>
    private let groups: UnsafeMutableBufferPointer<LemmaGroup>
    private let words: UnsafeMutableBufferPointer<UInt64>
    private let bytes: UnsafeMutableBufferPointer<UInt8>

    /// Test `k` of the table is `source[k]`; a union's branches follow after all of them.
    init(_ source: [TokenTest]) {
        var flat: [Test] = [], bytes: [UInt8] = []
        // The bitmaps' places counted first, their bits set once the words are allocated at
        // their final size (zeroed): a bitmap made as an array of its own and appended to a
        // growing array of words was half of making the tables on the freezing thread
        // (docs/benchmarks.md, fourteenth round).
        var wordCount = 0
        var pending: [(base: Int, ids: [Int32])] = []
        func bitmap(_ ids: [Int32]) -> (Int32, Int32) {
            let start = Int32(wordCount)
            if let top = ids.max(), top >= 0 {
                pending.append((wordCount, ids))
                wordCount += Int(top) / 64 + 1
            }
            return (start, Int32(wordCount) - start)
        }
        func flatten(_ t: TokenTest) -> Test {
            var f = Test(op: .any, negated: t.negated)
            switch t.kind {
            case .id(let id): f.op = .id; f.id = id
            case .ids(let ids): f.op = .bits; (f.start, f.count) = bitmap(ids)
            case .exact(let id, let b):
                f.op = .exact; f.id = id; f.start = Int32(bytes.count); f.count = Int32(b.count); bytes += b
            case .classes(let has, let not): f.op = .classes; f.has = has.rawValue; f.not = not.rawValue
            case .tags(let has, let not, let upos, let xpos, let lemma, let forms):
                f.op = .tags; f.has = has.rawValue; f.not = not.rawValue; f.upos = upos; f.xpos = xpos; f.id = lemma
                if lemma >= 0, let forms { (f.formStart, f.formCount) = bitmap(forms) }
            case .any: f.op = .any
            case .union(let ids, _): f.op = .union; (f.start, f.count) = bitmap(ids)
            }
            return f
        }
        flat = source.map(flatten)
        var groups: [LemmaGroup] = []
        for k in source.indices {
            guard case .union(_, let others) = source[k].kind else { continue }
            // Lemma tests (not negated) grouped by the rest of their test; the other branches
            // stay tests of their own. A branch is never itself a union.
            var rest: [Test] = [], lemmas: [(key: [UInt64], ids: [Int32], forms: [Int32]?)] = []
            for other in others {
                guard !other.negated, case .tags(let has, let not, let upos, let xpos, let lemma, let forms) = other.kind, lemma >= 0 else {
                    rest.append(flatten(other))
                    continue
                }
                let key = [UInt64(has.rawValue), UInt64(not.rawValue), UInt64(upos), xpos]
                if let g = lemmas.firstIndex(where: { $0.key == key }) {
                    lemmas[g].ids.append(lemma)
                    // Any test's forms unknown: the group's are too.
                    if lemmas[g].forms != nil, let forms { lemmas[g].forms! += forms } else { lemmas[g].forms = nil }
                } else {
                    lemmas.append((key, [lemma], forms))
                }
            }
            flat[k].others = Int32(flat.count)
            flat[k].otherCount = Int32(rest.count)
            flat += rest
            flat[k].groupStart = Int32(groups.count)
            flat[k].groupCount = Int32(lemmas.count)
            for g in lemmas {
                let (start, count) = bitmap(g.ids)
                var group = LemmaGroup(has: UInt32(g.key[0]), not: UInt32(g.key[1]), upos: UInt32(g.key[2]), xpos: g.key[3],
                                       start: start, count: count)
                if let forms = g.forms { (group.formStart, group.formCount) = bitmap(forms) }
                groups.append(group)
            }
        }
        tests = .allocate(capacity: flat.count); _ = tests.initialize(from: flat)
        self.groups = .allocate(capacity: groups.count); _ = self.groups.initialize(from: groups)
        self.words = .allocate(capacity: wordCount)
        self.words.initialize(repeating: 0)
        for (base, ids) in pending {
            for id in ids where id >= 0 { self.words[base + Int(id) >> 6] |= 1 << UInt64(id & 63) }
        }
        self.bytes = .allocate(capacity: bytes.count); _ = self.bytes.initialize(from: bytes)
    }

    /// Test `k` as a matcher op when it is a plain word, class or word-set test (most are);
    /// nil for the others (negated, case-exact, unions), which the matcher runs through `accepts`.
    func op(_ k: Int) -> VMOp? {
        let f = tests[k]
        guard !f.negated else { return nil }
        switch f.op {
        case .id: return VMOp(kind: .testID, a: f.id)
        case .classes: return VMOp(kind: .testClasses, a: Int32(bitPattern: f.has), b: Int32(bitPattern: f.not))
        case .any: return VMOp(kind: .testClasses)
        case .bits: return VMOp(kind: .testBits, a: f.start, b: f.count)
        case .exact, .union, .tags: return nil
        }
    }

    /// Test `k` reads the tokens' tags or lemmas: it is a tag test, or a union with one.
    func readsTags(_ k: Int) -> Bool {
        let f = tests[k]
        if f.op == .tags { return true }
        guard f.op == .union else { return false }
        return f.groupCount > 0 || (Int(f.others)..<Int(f.others + f.otherCount)).contains { tests[$0].op == .tags }
    }

    /// The bitmap words of `.testBits` ops.
    var bitmapWords: UnsafePointer<UInt64>? { UnsafePointer(words.baseAddress) }

    /// Frees the storage; only `ProgramCode.deinit` calls it.
    func deallocate() {
        tests.deallocate(); groups.deallocate(); words.deallocate(); bytes.deallocate()
    }

    @inline(__always)
    func accepts(_ k: Int, _ t: Token, _ sentence: UnsafeBufferPointer<UInt8>) -> Bool {
        let f = tests[k]
        guard f.op == .union else { return passes(f, t, sentence) != f.negated }
        var any = hasBit(f, t.id)
        var b = Int(f.others)
        while !any && b < Int(f.others + f.otherCount) {
            let o = tests[b]
            any = passes(o, t, sentence) != o.negated
            b += 1
        }
        var g = Int(f.groupStart)
        while !any && g < Int(f.groupStart + f.groupCount) {
            let q = groups[g]
            any = t.classes.rawValue & q.has == q.has && t.classes.rawValue & q.not == 0
                && TagTests.passes(t, upos: q.upos, xpos: q.xpos, lemma: -1) && hasBit(q.start, q.count, t.lemma)
            g += 1
        }
        return any != f.negated
    }

    /// Whether test `k` can pass `t` once `t` is tagged: as `accepts`, with each tag test
    /// taken as its classes alone (a negated one as passing). Never false where `accepts`
    /// on the tagged token would be true.
    func mayAccept(_ k: Int, _ t: Token, _ sentence: UnsafeBufferPointer<UInt8>) -> Bool {
        let f = tests[k]
        func guess(_ f: Test) -> Bool {
            guard f.op == .tags else { return passes(f, t, sentence) != f.negated }
            return f.negated || (t.classes.rawValue & f.has == f.has && t.classes.rawValue & f.not == 0
                                 && formAllows(f.formStart, f.formCount, t.id))
        }
        guard f.op == .union else { return guess(f) }
        if f.negated { return true }
        return hasBit(f, t.id) || (Int(f.others)..<Int(f.others + f.otherCount)).contains { guess(tests[$0]) }
            || (Int(f.groupStart)..<Int(f.groupStart + f.groupCount)).contains {
                t.classes.rawValue & groups[$0].has == groups[$0].has && t.classes.rawValue & groups[$0].not == 0
                    && formAllows(groups[$0].formStart, groups[$0].formCount, t.id)
            }
    }

    /// As `mayAccept`, asking `tags` about tag tests: whether test `k` can pass token `pos`
    /// once tagged, and whether that answer is exact (then it is the one `accepts` gives on
    /// the tagged token). Exact when the test cannot pass whatever the tags (its classes
    /// fail, or, for a lemma test, the token's lemma under every Penn tag the test allows is
    /// another: `LazyTags.lemmaCandidates`), or when the token's tags are known without
    /// decoding (`LazyTags.knownToken`: a tag-dictionary word). Never false where `accepts`
    /// would be true on the tagged token.
    func guess(_ k: Int, _ t: Token, _ pos: Int, _ sentence: UnsafeBufferPointer<UInt8>, _ tags: LazyTags) -> (pass: Bool, exact: Bool) {
        let f = tests[k]
        func one(_ f: Test) -> (pass: Bool, exact: Bool) {
            guard f.op == .tags else { return (passes(f, t, sentence) != f.negated, true) }
            guard t.classes.rawValue & f.has == f.has && t.classes.rawValue & f.not == 0 else { return (f.negated, true) }
            // A form no token with the lemma has: fails whatever the tags, nothing asked.
            guard formAllows(f.formStart, f.formCount, t.id) else { return (f.negated, true) }
            if f.id >= 0 && !tags.lemmaCandidates(pos, upos: f.upos, xpos: f.xpos).contains(f.id) { return (f.negated, true) }
            if let known = tags.knownToken(pos) { return (passes(f, known, sentence) != f.negated, true) }
            // Could pass: a guess (a negated test then passes too, as in `mayAccept`).
            return (true, false)
        }
        guard f.op == .union else { return one(f) }
        if f.negated { return (true, false) }
        if hasBit(f, t.id) { return (true, true) }
        var guessed = false
        for b in Int(f.others)..<Int(f.others + f.otherCount) {
            let g = one(tests[b])
            if g.pass && g.exact { return (true, true) }
            if g.pass { guessed = true }
        }
        for g in Int(f.groupStart)..<Int(f.groupStart + f.groupCount) {
            let q = groups[g]
            guard t.classes.rawValue & q.has == q.has && t.classes.rawValue & q.not == 0,
                  formAllows(q.formStart, q.formCount, t.id),
                  tags.lemmaCandidates(pos, upos: q.upos, xpos: q.xpos).contains(where: { hasBit(q.start, q.count, $0) }) else { continue }
            guard let known = tags.knownToken(pos) else { guessed = true; continue }
            if TagTests.passes(known, upos: q.upos, xpos: q.xpos, lemma: -1) && hasBit(q.start, q.count, known.lemma) { return (true, true) }
        }
        return (guessed, !guessed)
    }

    /// Every test but a union (a union's branches are never unions).
    @inline(__always)
    private func passes(_ f: Test, _ t: Token, _ sentence: UnsafeBufferPointer<UInt8>) -> Bool {
        switch f.op {
        case .id: return t.id == f.id
        case .bits, .union: return hasBit(f, t.id)
        case .exact:
            guard t.id == f.id, Int(t.end - t.start) == Int(f.count) else { return false }
            for k in 0..<Int(f.count) where sentence[Int(t.start) + k] != bytes[Int(f.start) + k] { return false }
            return true
        case .classes: return t.classes.rawValue & f.has == f.has && t.classes.rawValue & f.not == 0
        case .tags:
            return t.classes.rawValue & f.has == f.has && t.classes.rawValue & f.not == 0
                && TagTests.passes(t, upos: f.upos, xpos: f.xpos, lemma: f.id)
        case .any: return true
        }
    }

    /// Whether a token of id `id` may pass a lemma test whose forms' bitmap is at `start`
    /// (`count` words; -1: forms not known, any token may).
    @inline(__always)
    private func formAllows(_ start: Int32, _ count: Int32, _ id: Int32) -> Bool {
        count < 0 || hasBit(start, count, id)
    }

    @inline(__always)
    private func hasBit(_ start: Int32, _ count: Int32, _ id: Int32) -> Bool {
        let word = Int(id) >> 6
        return id >= 0 && word < Int(count) && words[Int(start) + word] & (1 << UInt64(id & 63)) != 0
    }

    @inline(__always)
    private func hasBit(_ f: Test, _ id: Int32) -> Bool {
        let word = Int(id) >> 6
        return id >= 0 && word < Int(f.count) && words[Int(f.start) + word] & (1 << UInt64(id & 63)) != 0
    }
}
