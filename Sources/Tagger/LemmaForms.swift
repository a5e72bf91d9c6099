import TaggerModelData

/// The word forms that can have a given lemma: what lets a rule's lemma test (`&say`) say
/// which tokens a sentence needs before anything is tagged (a rule's requirement, and a test
/// failed on a token's form alone).
///
/// Why the forms are all of them. A token's lemma is its head word's (`tokenLemma`), after a
/// prefix that only a hyphen-split compound has and that then holds a hyphen: an all-letter
/// lemma L is its head word's own, `wordLemma(H, x)` for its Penn tag x. That is the model's
/// exception for (lowercase H, x) or, without one, `Lemmatizer.rule`, and depends on
/// lowercase H alone. So every head word with lemma L under a tag in `tags` is among
/// - the forms the rule turns into L (`ruleCandidates`, read off the rule's branches), and
/// - the forms of the exceptions whose lemma is L: the model keeps only their keys' hashes,
///   so their forms come from the list `claimex-train` writes with the model
///   (`ewt-lemma-forms.txt`), and every exception key with lemma L must be one of those
///   forms' under some tag, or nothing is claimed (nil);
/// each kept only when it has lemma L under a tag in `tags` (run forward). A head word is the
/// token itself; or the first part of a contraction the splitter cuts from the token
/// (`WordSplitter.contractions`); or tokens joined into one word, which always holds a byte
/// that is not a letter (a mark, digit, period, slash, @ or #: two tokens of ASCII letters are
/// never written against each other, as the tokenizer keeps a run of letters one word), so
/// is no form here (each is all ASCII letters, or nothing is claimed). Exceptions are
/// matched by 64-bit hash, as the tagger itself finds them.
extension Tagger {
    /// Token forms (lowercase, ' for ’, as claimex's vocabulary keys words), without repeats, such
    /// that a token whose lemma (lowercase) is `lemma` while its Penn tag is one of `tags`
    /// (bits over `TagSet.xpos`) has one of these forms, in any sentence. nil when that
    /// cannot be shown (`lemma` is not all ASCII letters, or an exception is unexplained).
    public func lemmaForms(_ lemma: [UInt8], tags: UInt64) -> [[UInt8]]? {
        guard !lemma.isEmpty, lemma.allSatisfy(Self.isLowerLetter) else { return nil }
        let tables = model.base == Tagger.shared.model.base ? LemmaFormTables.shared
            : LemmaFormTables(model: model, list: UnsafeBufferPointer(start: nil, count: 0))
        var candidates = Self.ruleCandidates(lemma, tags: tags)
        for form in tables.listed(lemma) where !candidates.contains(form) { candidates.append(form) }
        // Every exception of this lemma must be a candidate's, under some tag.
        let keys = tables.exceptionKeys(lemma)
        if !keys.isEmpty {
            let hashes = candidates.map { FeatureHash.bytes($0) }
            for key in keys {
                let explained = hashes.contains { h in
                    (0..<TagSet.xpos.count).contains { x in
                        let k = TaggerModel.lemmaKey(h, x)
                        return (k == 0 ? 1 : k) == key
                    }
                }
                guard explained else { return nil }
            }
        }
        var forms: [[UInt8]] = []
        var out = [UInt8](repeating: 0, count: model.longestException + 64)
        for form in candidates {
            let hits = (0..<TagSet.xpos.count).contains { x in
                tags >> UInt64(x) & 1 != 0 && hasLemma(form, xpos: x, lemma, &out)
            }
            guard hits else { continue }
            guard form.allSatisfy(Self.isLowerLetter) else { return nil }
            forms.append(form)
            WordSplitter.appendContractions(of: form, to: &forms)
        }
        return forms
    }

    /// Every lowercase form the lemma rules (`Lemmatizer.rule`) can turn into `lemma` under a
    /// tag in `tags`, and some more: each branch's output is the form's first bytes and at
    /// most two more (y, e, f, fe), so its inverse is the lemma with the endings below.
    static func ruleCandidates(_ lemma: [UInt8], tags: UInt64) -> [[UInt8]] {
        func has(_ x: Int) -> Bool { tags >> UInt64(x) & 1 != 0 }
        func s(_ t: String) -> [UInt8] { Array(t.utf8) }
        let L = Lemmatizer.self
        let last = lemma.last!, cut1 = Array(lemma.dropLast()), cut2 = Array(lemma.dropLast(2))
        let endsY = last == UInt8(ascii: "y"), endsE = last == UInt8(ascii: "e")
        var out = [lemma]
        /// A verb-like ending after the stem: stem, stem less its e, stem with its last letter doubled.
        func stems(_ ending: String) {
            out.append(lemma + s(ending))
            out.append(lemma + [last] + s(ending))
            if endsE { out.append(cut1 + s(ending)) }
        }
        if has(L.NNS) || has(L.VBZ) || has(L.NNPS) {
            out.append(lemma + s("s")); out.append(lemma + s("es"))
            if endsY { out.append(cut1 + s("ies")) }
            if last == UInt8(ascii: "f") { out.append(cut1 + s("ves")) }
            if lemma.count >= 2 && lemma.suffix(2) == s("fe")[...] { out.append(cut2 + s("ves")) }
        }
        if has(L.VBD) || has(L.VBN) {
            stems("ed")
            if endsY { out.append(cut1 + s("ied")) }
        }
        if has(L.VBG) { stems("ing") }
        if has(L.JJR) || has(L.RBR) {
            stems("er")
            if endsY { out.append(cut1 + s("ier")) }
        }
        if has(L.JJS) || has(L.RBS) {
            stems("est")
            if endsY { out.append(cut1 + s("iest")) }
        }
        var unique: [[UInt8]] = []
        for form in out where !unique.contains(form) { unique.append(form) }
        return unique
    }

    /// The lemma (lowercase, as rules compare it) `wordLemma` gives the lowercase form `f`
    /// tagged `xpos`; `out` has room for the form + 2 bytes and the longest exception.
    func lemmaOf(_ f: [UInt8], xpos: Int, _ out: inout [UInt8]) -> [UInt8] {
        Self.lowercase(out[..<rawLemma(f, xpos: xpos, &out)])
    }

    /// Whether `lemmaOf(f, xpos)` is `lemma` (all ASCII letters), without making an array.
    func hasLemma(_ f: [UInt8], xpos: Int, _ lemma: [UInt8], _ out: inout [UInt8]) -> Bool {
        let n = rawLemma(f, xpos: xpos, &out)
        guard n == lemma.count else { return false }
        for k in 0..<n where out[k] | 0x20 != lemma[k] || out[k] &- 0x41 >= 26 && out[k] &- 0x61 >= 26 { return false }
        return true
    }

    /// `wordLemma`'s bytes at the start of `out`: their count.
    private func rawLemma(_ f: [UInt8], xpos: Int, _ out: inout [UInt8]) -> Int {
        if out.count < f.count + 2 + model.longestException { out = [UInt8](repeating: 0, count: f.count + 2 + model.longestException) }
        return f.withUnsafeBufferPointer { fp in
            out.withUnsafeMutableBufferPointer { o in
                wordLemma(fp.baseAddress!, fp.baseAddress!, f.count, xpos: xpos, out: o.baseAddress!)
            }
        }
    }

    static func isLowerLetter(_ c: UInt8) -> Bool { c &- 0x61 < 26 }

    /// ASCII lowercase, ’ as ' (how claimex normalises a lemma before looking it up).
    public static func lowercase(_ b: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var k = b.startIndex
        while k < b.endIndex {
            let c = b[k]
            if c == 0xE2, k + 2 < b.endIndex, b[k + 1] == 0x80, b[k + 2] == 0x99 { out.append(0x27); k += 3; continue }
            out.append(c &- 0x41 < 26 ? c | 0x20 : c)
            k += 1
        }
        return out
    }
}

/// The model's lemma exceptions by lemma (their keys), and the forms list by lemma: read
/// once, on the first `lemmaForms`, into two sorted arrays (no dictionary of arrays: this is
/// part of loading rules that test lemmas). Unchecked: `list` is the binary's constant data.
struct LemmaFormTables: @unchecked Sendable {
    /// (hash of the lowercase lemma, exception key), sorted.
    private var exceptions: [(lemma: UInt64, key: UInt64)] = []
    /// The list's bytes and where each of its lines starts (its lines are sorted).
    private let list: UnsafeBufferPointer<UInt8>
    private var lines: [Int32] = []

    static let shared = LemmaFormTables(model: Tagger.shared.model,
                                        list: UnsafeBufferPointer(start: claimex_lemma_forms(), count: claimex_lemma_forms_size()))

    init(model m: TaggerModel, list: UnsafeBufferPointer<UInt8>) {
        self.list = list
        // Each lemma lowercased into one buffer, hashed there (no array per exception). A ’ is
        // left as it is: such a lemma is no all-letter one, whose hash is all that is asked.
        var lower = [UInt8](repeating: 0, count: m.longestException + 1)
        lower.withUnsafeMutableBufferPointer { buffer in
            let b = buffer.baseAddress!
            for k in 0...m.lemmaMask where m.lemmas[2 * k] != 0 {
                let v = m.lemmas[2 * k + 1], from = m.pool + Int(v & 0xFFFF_FFFF), n = Int(v >> 32)
                for i in 0..<n { let c = from[i]; b[i] = c &- 0x41 < 26 ? c | 0x20 : c }
                exceptions.append((FeatureHash.bytes(b, n), m.lemmas[2 * k]))
            }
        }
        exceptions.sort { $0.lemma < $1.lemma }
        var line = 0
        while line < list.count {
            lines.append(Int32(line))
            while line < list.count && list[line] != 0x0A { line += 1 }
            line += 1
        }
    }

    /// The keys of the exceptions whose lemma (lowercase) is `lemma`, and a few more when
    /// another lemma's hash is the same (they then go unexplained: nothing is claimed).
    func exceptionKeys(_ lemma: [UInt8]) -> [UInt64] {
        let h = FeatureHash.bytes(lemma)
        var lo = 0, hi = exceptions.count
        while lo < hi { let mid = (lo + hi) / 2; if exceptions[mid].lemma < h { lo = mid + 1 } else { hi = mid } }
        var out: [UInt64] = []
        while lo < exceptions.count && exceptions[lo].lemma == h { out.append(exceptions[lo].key); lo += 1 }
        return out
    }

    /// Every line of the list, as (lemma, form).
    var allListed: [(lemma: [UInt8], form: [UInt8])] {
        list.split(separator: 0x0A).compactMap { line in
            guard let tab = line.firstIndex(of: 0x09) else { return nil }
            return (Array(line[..<tab]), Array(line[(tab + 1)...]))
        }
    }

    /// The listed forms of `lemma`: its lines, `lemma<TAB>form`, found by binary search.
    func listed(_ lemma: [UInt8]) -> [[UInt8]] {
        /// Line `i`'s lemma against `lemma`: -1, 0 or 1.
        func compare(_ i: Int) -> Int {
            var p = Int(lines[i]), k = 0
            while p < list.count && list[p] != 0x09 && list[p] != 0x0A && k < lemma.count {
                if list[p] != lemma[k] { return list[p] < lemma[k] ? -1 : 1 }
                p += 1; k += 1
            }
            let ended = p >= list.count || list[p] == 0x09 || list[p] == 0x0A
            if ended && k == lemma.count { return 0 }
            return ended ? -1 : 1
        }
        var lo = 0, hi = lines.count
        while lo < hi { let mid = (lo + hi) / 2; if compare(mid) < 0 { lo = mid + 1 } else { hi = mid } }
        var out: [[UInt8]] = []
        while lo < lines.count && compare(lo) == 0 {
            let from = Int(lines[lo]) + lemma.count + 1
            var end = from
            while end < list.count && list[end] != 0x0A { end += 1 }
            out.append(Array(list[from..<end]))
            lo += 1
        }
        return out
    }
}
