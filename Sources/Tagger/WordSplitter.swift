/// Splits claimex tokens into the words of the treebank's tokenisation, which the model was
/// trained on: contractions (do|n't, I|'m, ca|n't, can|not, gon|na) and hyphenated compounds
/// (long|-|term; but anti-war, e-mail stay whole, as the treebank keeps words it has seen
/// whole and those after a prefix such as anti-, non-, pro-). Every word is a byte range of
/// its token, so offsets stay the text's.
public enum WordSplitter {
    /// Key of a lowercase first part kept joined to its hyphen (`anti` in anti-war), and of a
    /// lowercase hyphenated word the treebank keeps whole.
    public static func prefixKey(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 { FeatureHash.bytes(p, n, seed: 11) }
    public static func wholeKey(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 { FeatureHash.bytes(p, n, seed: 12) }

    static func split(_ s: UnsafeBufferPointer<UInt8>, _ work: inout TagWork, _ model: TaggerModel) {
        work.words.removeAll(keepingCapacity: true)
        work.heads.removeAll(keepingCapacity: true)
        guard let p = s.baseAddress else { return }
        var lower = [UInt8](repeating: 0, count: 64)
        for (t, r) in work.tokens.enumerated() {
            let a = Int(r.lowerBound), b = Int(r.upperBound)
            func word(_ x: Int, _ y: Int, head: Bool) {
                work.words.append(TaggedWord(start: Int32(x), end: Int32(y), token: Int32(t), upos: 0, xpos: 0, lemma: 0..<0))
                work.heads.append(head)
            }
            let n = b - a
            if let cut = clitic(p + a, n) {
                word(a, a + cut, head: true); word(a + cut, b, head: false)
                continue
            }
            guard n >= 3, let firstHyphen = (a + 1..<b - 1).first(where: { p[$0] == 0x2D }) else { word(a, b, head: true); continue }
            if lower.count < n { lower = Array(repeating: 0, count: n) }
            let keep = lower.withUnsafeMutableBufferPointer { l -> Bool in
                let f = l.baseAddress!
                for k in 0..<n { let c = p[a + k]; f[k] = c &- 0x41 < 26 ? c | 0x20 : c }
                return model.isPrefix(prefixKey(f, firstHyphen - a)) || model.isPrefix(wholeKey(f, n))
            }
            if keep { word(a, b, head: true); continue }
            var x = a
            for k in a..<b where p[k] == 0x2D {
                if k > x { word(x, k, head: false) }
                word(k, k + 1, head: false)
                x = k + 1
            }
            if x < b { word(x, b, head: true) } else { work.heads[work.heads.count - 1] = true }
        }
    }

    /// Where a contraction splits (bytes into the token), or nil.
    static func clitic(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int? {
        func lower(_ k: Int) -> UInt8 { let c = p[k]; return c &- 0x41 < 26 ? c | 0x20 : c }
        func isWord(_ s: StaticString) -> Bool {
            guard n == s.utf8CodeUnitCount else { return false }
            for k in 0..<n where lower(k) != s.utf8Start[k] { return false }
            return true
        }
        if isWord("cannot") { return 3 }
        if isWord("gonna") || isWord("wanna") || isWord("gotta") { return 3 }
        // The apostrophe: ' or ’ (E2 80 99), then the clitic to the token's end.
        var q = -1, width = 1
        for k in stride(from: n - 1, through: 1, by: -1) {
            if p[k] == 0x27 { q = k; width = 1; break }
            if p[k] == 0xE2, k + 2 < n, p[k + 1] == 0x80, p[k + 2] == 0x99 { q = k; width = 3; break }
        }
        guard q >= 1 else { return nil }
        let rest = n - q - width
        let c0 = rest >= 1 ? lower(q + width) : 0, c1 = rest >= 2 ? lower(q + width + 1) : 0
        if rest == 1 && c0 == UInt8(ascii: "t") && q >= 2 && lower(q - 1) == UInt8(ascii: "n") { return q - 1 }
        if rest == 1 && (c0 == UInt8(ascii: "s") || c0 == UInt8(ascii: "m") || c0 == UInt8(ascii: "d")) { return q }
        if rest == 2 && ((c0 == UInt8(ascii: "r") && c1 == UInt8(ascii: "e")) || (c0 == UInt8(ascii: "v") && c1 == UInt8(ascii: "e"))
                         || (c0 == UInt8(ascii: "l") && c1 == UInt8(ascii: "l"))) { return q }
        return nil
    }
}
