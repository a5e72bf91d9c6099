import Tagger

/// The averaged perceptron's training (as in Honnibal, "A good part-of-speech tagger in about
/// 200 lines of Python", 2013), plus the model's tables: classes, lexicon and tag dictionary,
/// lemma exceptions, known lemmas, hyphen prefixes.
struct Trainer {
    let sentences: [[TreebankWord]]
    let iterations: Int
    /// Perceptrons trained on differently shuffled orders of the sentences, their averaged
    /// weights summed: one perceptron's accuracy depends on its shuffle by about ±0.001 UPOS
    /// on EWT dev; the sum of four varies far less and is better than any one of them.
    let shuffles: Int
    /// `Lexical` entries read from WordNet (`WordNetReader`); empty without WordNet.
    let wordnet: [UInt64: UInt8]

    /// A (Penn, UPOS) pair seen this often is a class of its own; a rarer pair falls back to
    /// its Penn tag's commonest pair.
    static let minClassCount = 30
    /// Tag dictionary: a word seen this often, with one class at least this share of the time.
    static let dictMinCount = 20
    static let dictMinShare = 0.995
    /// A class counts in a word's ambiguity set from this share of its occurrences.
    static let ambiguityShare = 0.01

    func model() -> [UInt8] {
        var w = TaggerModelWriter()
        // Classes.
        var pairCount: [Int: Int] = [:]
        for s in sentences { for x in s { pairCount[x.xpos << 8 | x.upos, default: 0] += 1 } }
        var commonest: [Int: Int] = [:]  // xpos -> pair
        for (p, c) in pairCount.sorted(by: { $0.key < $1.key }) where c > (commonest[p >> 8].map { pairCount[$0]! } ?? 0) {
            commonest[p >> 8] = p
        }
        let kept = Set(pairCount.filter { $0.value >= Self.minClassCount }.map(\.key)).union(commonest.values).sorted()
        let classOf = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
        func cls(_ x: TreebankWord) -> Int { classOf[x.xpos << 8 | x.upos] ?? classOf[commonest[x.xpos]!]! }
        w.classes = kept.map { (UInt8($0 >> 8), UInt8($0 & 0xFF)) }
        let nc = kept.count

        // Word infos (without lexicon) and gold classes.
        var infos: [[WordInfo]] = [], gold: [[Int]] = [], norms: [[[UInt8]]] = []
        var norm = [UInt8](repeating: 0, count: 4096)
        for s in sentences {
            var row: [WordInfo] = [], normRow: [[UInt8]] = []
            for (i, x) in s.enumerated() {
                let (info, m) = x.form.withUnsafeBufferPointer { f in
                    norm.withUnsafeMutableBufferPointer { WordInfo.make(f.baseAddress ?? UnsafePointer(bitPattern: 1)!, f.count, first: i == 0, norm: $0.baseAddress!) }
                }
                row.append(info)
                normRow.append(Array(norm[..<m]))
            }
            infos.append(row)
            norms.append(normRow)
            gold.append(s.map(cls))
        }

        // Lexicon: ambiguity sets and the tag dictionary.
        var seen: [UInt64: [Int: Int]] = [:]
        for (k, row) in infos.enumerated() { for (i, info) in row.enumerated() { seen[info.form, default: [:]][gold[k][i], default: 0] += 1 } }
        // What WordNet says of each word (the same for a word of the treebank and an unknown one).
        var lexical: [UInt64: UInt64] = [:]
        for (k, row) in infos.enumerated() {
            for (i, info) in row.enumerated() where lexical[info.form] == nil {
                lexical[info.form] = norms[k][i].withUnsafeBufferPointer { q in Lexical.bits(q.baseAddress!, q.count) { wordnet[$0] ?? 0 } }
            }
        }
        var lexicon: [UInt64: (UInt32, Int)] = [:]
        for (form, counts) in seen {
            let total = counts.values.reduce(0, +)
            let amb = UInt32(Self.ambiguity(counts))
            let top = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }[0]
            let dict = total >= Self.dictMinCount && Double(top.value) >= Self.dictMinShare * Double(total) ? top.key : -1
            lexicon[form] = (amb, dict)
        }
        for (form, v) in lexicon { w.lexicon[form] = (v.0, v.1, UInt16(lexical[form]!)) }
        w.wordnet = wordnet
        // In training, a word's ambiguity class comes from the other folds' sentences
        // (jackknifing): a word seen in no other fold has none, as an unseen word at tagging
        // time, so the affix and shape features learn to tag unknown words.
        var foldSeen = [[UInt64: [Int: Int]]](repeating: [:], count: Self.folds)
        for (k, row) in infos.enumerated() {
            for (i, info) in row.enumerated() { foldSeen[k % Self.folds][info.form, default: [:]][gold[k][i], default: 0] += 1 }
        }
        for k in infos.indices {
            for i in infos[k].indices {
                let form = infos[k][i].form
                var counts = seen[form]!
                for (c, n) in foldSeen[k % Self.folds][form]! { counts[c]! -= n }
                infos[k][i].ambiguity = Self.ambiguity(counts)
                infos[k][i].dictClass = Int16(lexicon[form]!.1)
                infos[k][i].lexical = lexical[form]!
            }
        }

        // The perceptron.
        var sum: [UInt64: [Int: Int64]] = [:]
        for r in 0..<shuffles {
            var p = Perceptron(classes: nc)
            var order = Array(sentences.indices)
            var rng = SplitMix(seed: 0x5EED &+ UInt64(r))
            var keys = [UInt64](repeating: 0, count: Features.count)
            for _ in 0..<iterations {
                for k in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(k, Int(rng.next() % UInt64(k + 1))) }
                for k in order {
                    infos[k].withUnsafeBufferPointer { row in
                        var p1 = -1, p2 = -1
                        for i in row.indices {
                            var guess = Int(row[i].dictClass)
                            if guess < 0 {
                                keys.withUnsafeMutableBufferPointer { Features.keys(row.baseAddress!, row.count, i, prev1: p1, prev2: p2, into: $0.baseAddress!) }
                                guess = p.predict(keys)
                                p.update(truth: gold[k][i], guess: guess, keys)
                            }
                            p2 = p1; p1 = guess
                        }
                    }
                }
            }
            p.accumulate(into: &sum)
        }
        w.features = Perceptron.quantise(sum)

        // Lemmas, known lemmas, prefixes.
        lemmaTables(&w)
        w.prefixes = prefixes()
        return w.bytes()
    }

    /// Averaged weights smaller than this (of `TaggerModel.maxWeight`) are dropped: they
    /// hardly move a score (no loss on EWT dev), and the model is a third smaller without them
    /// (7.8 -> 5.2 MB: its feature table fits in half the slots).
    nonisolated(unsafe) static var minWeight = 25

    /// Folds of the jackknifed ambiguity classes.
    static let folds = 10

    /// The hash of the set of classes a word had (each at least `ambiguityShare` of its
    /// occurrences); 0 when it had none.
    static func ambiguity(_ counts: [Int: Int]) -> UInt64 {
        let total = counts.values.reduce(0, +)
        guard total > 0 else { return 0 }
        let set = counts.filter { $0.value > 0 && Double($0.value) >= ambiguityShare * Double(total) }.keys.sorted()
        var h: UInt64 = 0x1234
        for c in set { h = FeatureHash.pair(h, UInt64(c)) }
        return UInt64(UInt32(truncatingIfNeeded: h) | 4)  // never the start/end markers (1, 2)
    }

    static func lower(_ b: [UInt8]) -> [UInt8] { b.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 } }

    private func lemmaTables(_ w: inout TaggerModelWriter) {
        let (known, exceptions) = lemmaExceptions()
        w.known = known
        for (key, e) in exceptions { w.lemmas[key] = e.lemma }
    }

    /// How often each lowercase lemma occurs, and the lemma exceptions: per (lowercase form,
    /// Penn tag) key where the rules are wrong more often than the treebank's commonest lemma
    /// is right, that lemma, with the form.
    private func lemmaExceptions() -> (known: [UInt64: UInt64], exceptions: [UInt64: (form: [UInt8], lemma: [UInt8])]) {
        var known: [UInt64: UInt64] = [:]
        for s in sentences { for x in s { known[FeatureHash.bytes(Self.lower(x.lemma)), default: 0] += 1 } }
        // Per (lowercase form, Penn tag): how often each lemma, and how often the rule is right.
        struct Stat { var form: [UInt8] = []; var lemmas: [[UInt8]: Int] = [:]; var ruleRight = 0 }
        var stats: [UInt64: Stat] = [:]
        for s in sentences {
            for x in s {
                let f = Self.lower(x.form)
                let rule = Self.ruleLemma(x.form, f, x.xpos, known, wordnet)
                let key = TaggerModel.lemmaKey(FeatureHash.bytes(f), x.xpos)
                stats[key, default: Stat(form: f)].lemmas[x.lemma, default: 0] += 1
                if rule == x.lemma { stats[key]!.ruleRight += 1 }
            }
        }
        var exceptions: [UInt64: (form: [UInt8], lemma: [UInt8])] = [:]
        for (key, st) in stats {
            let top = st.lemmas.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.lexicographicallyPrecedes($1.key) }[0]
            if top.value > st.ruleRight { exceptions[key] = (st.form, top.key) }
        }
        return (known, exceptions)
    }

    /// The forms of the lemma exceptions, one `lemma<TAB>form` line each (both lowercase,
    /// sorted, without repeats): what `Tagger.lemmaForms` needs to name every word form a
    /// lemma test can pass, which the model keeps only as hashes (`LemmaForms`).
    func exceptionForms() -> [UInt8] {
        var lines = Set<[UInt8]>()
        for e in lemmaExceptions().exceptions.values { lines.insert(Self.lower(e.lemma) + [0x09] + e.form + [0x0A]) }
        return lines.sorted { $0.lexicographicallyPrecedes($1) }.flatMap { $0 }
    }

    /// The lemma rules as the tagger runs them (`TaggerModel.lemmaScore`).
    static func ruleLemma(_ o: [UInt8], _ f: [UInt8], _ xpos: Int, _ known: [UInt64: UInt64], _ wordnet: [UInt64: UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: o.count + 2)
        let n = o.withUnsafeBufferPointer { op in
            f.withUnsafeBufferPointer { fp in
                out.withUnsafeMutableBufferPointer { outp in
                    Lemmatizer.rule(op.baseAddress ?? UnsafePointer(bitPattern: 1)!, fp.baseAddress ?? UnsafePointer(bitPattern: 1)!, o.count, xpos: xpos,
                                    known: { let h = FeatureHash.bytes($0, $1); return 2 * (known[h] ?? 0) + (wordnet[h] != nil ? 1 : 0) },
                                    out: outp.baseAddress!)
                }
            }
        }
        return Array(out[..<n])
    }

    /// First parts the treebank keeps joined to their hyphen more often than it splits them
    /// (anti-, non-, pro-), the hyphenated words it keeps whole, and its abbreviations.
    private func prefixes() -> Set<UInt64> {
        var whole: [[UInt8]: Int] = [:], split: [[UInt8]: Int] = [:]
        var out: Set<UInt64> = []
        func isWordy(_ b: [UInt8]) -> Bool { b.allSatisfy { ($0 | 0x20) &- 0x61 < 26 || $0 == 0x2D || $0 >= 0x80 } }
        for s in sentences {
            for (i, x) in s.enumerated() {
                let f = Self.lower(x.form)
                if let h = f.firstIndex(of: 0x2D), h > 0, h < f.count - 1, isWordy(f) {
                    whole[Array(f[..<h]), default: 0] += 1
                    _ = f.withUnsafeBufferPointer { out.insert(WordSplitter.wholeKey($0.baseAddress!, $0.count)) }
                }
                // Abbreviations written with their period (Dr., Inc.).
                if f.count >= 2, f.last == 0x2E, f.dropLast().allSatisfy({ ($0 | 0x20) &- 0x61 < 26 || $0 == 0x2E }) {
                    _ = f.withUnsafeBufferPointer { out.insert(WordSplitter.wholeKey($0.baseAddress!, $0.count)) }
                }
                if x.form == [0x2D], i > 0, i + 1 < s.count, s[i - 1].joined, x.joined, isWordy(s[i - 1].form) {
                    split[Self.lower(s[i - 1].form), default: 0] += 1
                }
            }
        }
        for (first, n) in whole where n >= 2 && n > split[first, default: 0] {
            _ = first.withUnsafeBufferPointer { out.insert(WordSplitter.prefixKey($0.baseAddress!, $0.count)) }
        }
        return out
    }
}

/// Sparse averaged perceptron with integer updates: per feature, the classes it has weights
/// for, each with its running total for the average.
struct Perceptron {
    struct Entry { var cls: Int; var weight: Int64; var total: Int64; var stamp: Int64 }
    let classes: Int
    var index: [UInt64: Int] = [:]
    var keys: [UInt64] = []
    var weights: [[Entry]] = []
    var now: Int64 = 0
    var scores: [Int64]

    init(classes: Int) { self.classes = classes; scores = Array(repeating: 0, count: classes) }

    mutating func predict(_ feats: [UInt64]) -> Int {
        for c in 0..<classes { scores[c] = 0 }
        for f in feats {
            guard let k = index[f] else { continue }
            for e in weights[k] { scores[e.cls] += e.weight }
        }
        var best = 0
        for c in 1..<classes where scores[c] > scores[best] { best = c }
        return best
    }

    mutating func update(truth: Int, guess: Int, _ feats: [UInt64]) {
        now += 1
        guard truth != guess else { return }
        for f in feats {
            let k: Int
            if let have = index[f] { k = have } else { k = weights.count; index[f] = k; keys.append(f); weights.append([]) }
            bump(k, truth, 1)
            bump(k, guess, -1)
        }
    }

    private mutating func bump(_ k: Int, _ c: Int, _ v: Int64) {
        if let j = weights[k].firstIndex(where: { $0.cls == c }) {
            weights[k][j].total += (now - weights[k][j].stamp) * weights[k][j].weight
            weights[k][j].weight += v
            weights[k][j].stamp = now
        } else {
            weights[k].append(Entry(cls: c, weight: v, total: 0, stamp: now))
        }
    }

    /// Adds each weight's sum over the training steps (its average times `now`, which is
    /// the same for every shuffle) to `sum` (feature key -> class -> sum): integers, so the
    /// sum does not depend on the order of the additions.
    func accumulate(into sum: inout [UInt64: [Int: Int64]]) {
        for (k, list) in weights.enumerated() {
            for e in list { sum[keys[k], default: [:]][e.cls, default: 0] += e.total + (now - e.stamp) * e.weight }
        }
    }

    /// The summed weights scaled to Int16 (the largest to ±`TaggerModel.maxWeight`); those
    /// under `Trainer.minWeight` dropped.
    static func quantise(_ sum: [UInt64: [Int: Int64]]) -> [UInt64: [(UInt8, Int16)]] {
        var top: Int64 = 0
        for row in sum.values { for t in row.values { top = max(top, abs(t)) } }
        let scale = top > 0 ? Double(TaggerModel.maxWeight) / Double(top) : 1
        var out: [UInt64: [(UInt8, Int16)]] = [:]
        for (key, row) in sum {
            let q = row.map { (UInt8($0.key), Int16((Double($0.value) * scale).rounded())) }
                .filter { abs(Int($0.1)) >= Trainer.minWeight }.sorted { $0.0 < $1.0 }
            if !q.isEmpty { out[key] = q }
        }
        return out
    }
}

/// A fixed pseudo-random sequence (SplitMix64), for the shuffle.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 { state &+= 0x9E37_79B9_7F4A_7C15; return FeatureHash.mix(state &- 0x9E37_79B9_7F4A_7C15) }
}
