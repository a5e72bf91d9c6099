/// Lemmas: a treebank look-up (irregular forms and wherever the rules below would be wrong,
/// per form and Penn tag) over rules for regular English inflection, which pick among
/// candidate stems the one the treebank knows best as a lemma (hoped: hope, not hop).
public enum Lemmatizer {
    /// How often a lowercase lemma occurs in the treebank (0: never), by the bytes' hash.
    public typealias Known = (UnsafePointer<UInt8>, Int) -> UInt64

    static let tag: [String: Int] = Dictionary(uniqueKeysWithValues: TagSet.xpos.enumerated().map { ($1, $0) })
    static let NNS = tag["NNS"]!, NNPS = tag["NNPS"]!, NNP = tag["NNP"]!, VBZ = tag["VBZ"]!, VBD = tag["VBD"]!,
               VBN = tag["VBN"]!, VBG = tag["VBG"]!, JJR = tag["JJR"]!, JJS = tag["JJS"]!, RBR = tag["RBR"]!,
               RBS = tag["RBS"]!, ADD = tag["ADD"]!

    /// The rule lemma of a word: `o` its bytes as written, `f` the same lowercased (ASCII),
    /// both `n` long; written to `out` (room for n + 2 bytes), returns its length.
    public static func rule(_ o: UnsafePointer<UInt8>, _ f: UnsafePointer<UInt8>, _ n: Int, xpos: Int, known: Known,
                            out: UnsafeMutablePointer<UInt8>) -> Int {
        func ends(_ s: StaticString) -> Bool {
            let m = s.utf8CodeUnitCount
            guard n > m else { return false }
            for k in 0..<m where f[n - m + k] != s.utf8Start[k] { return false }
            return true
        }
        func copy(_ src: UnsafePointer<UInt8>, _ len: Int, _ tail: StaticString = "") -> Int {
            out.update(from: src, count: len)
            for k in 0..<tail.utf8CodeUnitCount { out[len + k] = tail.utf8Start[k] }
            return len + tail.utf8CodeUnitCount
        }
        func score(_ len: Int, _ tail: StaticString) -> UInt64 {
            var buf = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
            return withUnsafeMutableBytes(of: &buf) { raw -> UInt64 in
                guard len + tail.utf8CodeUnitCount <= raw.count else { return 0 }
                let b = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
                b.update(from: f, count: len)
                for k in 0..<tail.utf8CodeUnitCount { b[len + k] = tail.utf8Start[k] }
                return known(b, len + tail.utf8CodeUnitCount)
            }
        }
        /// The best known of `stem`, `stem + e` and, after a doubled consonant, the stem
        /// undoubled; with none known, a spelling guess.
        func verbStem(_ len: Int) -> Int {
            let doubled = len >= 3 && f[len - 1] == f[len - 2] && !isVowel(f[len - 1])
            let a = score(len, ""), e = score(len, "e"), u = doubled ? score(len - 1, "") : 0
            if a == 0 && e == 0 && u == 0 {
                if doubled && f[len - 1] != UInt8(ascii: "l") && f[len - 1] != UInt8(ascii: "s") && f[len - 1] != UInt8(ascii: "z") && f[len - 1] != UInt8(ascii: "f") {
                    return copy(f, len - 1)
                }
                let last = f[len - 1]
                if last == UInt8(ascii: "v") || last == UInt8(ascii: "z") || last == UInt8(ascii: "u") || last == UInt8(ascii: "c") {
                    return copy(f, len, "e")
                }
                return copy(f, len)
            }
            if u > a && u > e { return copy(f, len - 1) }
            return e > a ? copy(f, len, "e") : copy(f, len)
        }

        if xpos == NNP || xpos == ADD { return copy(o, n) }
        if xpos == NNS || xpos == VBZ || xpos == NNPS {
            let src = xpos == NNPS ? o : f
            if ends("ies") && n > 4 { return copy(src, n - 3, "y") }
            if ends("sses") || ends("shes") || ends("ches") || ends("xes") || ends("zes") { return copy(src, n - 2) }
            if ends("oes") && xpos == VBZ { return copy(src, n - 2) }
            if ends("ses") { return score(n - 2, "") > score(n - 1, "") ? copy(src, n - 2) : copy(src, n - 1) }
            if ends("ves") {
                let e = score(n - 1, ""), fv = score(n - 3, "f"), fe = score(n - 3, "fe")
                if fv > e && fv >= fe { return copy(src, n - 3, "f") }
                if fe > e { return copy(src, n - 3, "fe") }
                return copy(src, n - 1)
            }
            if ends("s") && !ends("ss") && !ends("us") && !ends("is") && n > 2 { return copy(src, n - 1) }
            return copy(src, n)
        }
        if xpos == VBD || xpos == VBN {
            if ends("ied") && n > 4 { return copy(f, n - 3, "y") }
            if ends("ed") && n > 3 { return verbStem(n - 2) }
            return copy(f, n)
        }
        if xpos == VBG {
            if ends("ing") && n > 4 { return verbStem(n - 3) }
            return copy(f, n)
        }
        if xpos == JJR || xpos == RBR {
            if ends("ier") && n > 4 { return copy(f, n - 3, "y") }
            if ends("er") && n > 4 { return verbStem(n - 2) }
            return copy(f, n)
        }
        if xpos == JJS || xpos == RBS {
            if ends("iest") && n > 5 { return copy(f, n - 4, "y") }
            if ends("est") && n > 5 { return verbStem(n - 3) }
            return copy(f, n)
        }
        return copy(f, n)
    }

    @inline(__always)
    static func isVowel(_ c: UInt8) -> Bool {
        c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75
    }
}
