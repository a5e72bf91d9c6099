/// What the perceptron sees of a word, and the feature keys built from it. The trainer and
/// the tagger both call `Features.keys`, so a model can only be read the way it was made.
public enum FeatureHash {
    /// splitmix64's finaliser: every input bit reaches every output bit.
    @inline(__always)
    public static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    public static func pair(_ a: UInt64, _ b: UInt64) -> UInt64 { mix(a ^ (b &* 0xC2B2_AE3D_27D4_EB4F)) }

    /// FNV-1a over bytes, finalised.
    @inline(__always)
    public static func bytes(_ p: UnsafePointer<UInt8>, _ n: Int, seed: UInt64 = 0) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
        for k in 0..<n { h = (h ^ UInt64(p[k])) &* 0x0000_0100_0000_01B3 }
        return mix(h)
    }

    public static func bytes(_ b: [UInt8], seed: UInt64 = 0) -> UInt64 {
        b.withUnsafeBufferPointer { bytes($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count, seed: seed) }
    }
}

/// One word's precomputed feature values (hashes of its normalised form, affixes and shape).
public struct WordInfo: Sendable {
    /// The normalised form: lowercase, digits as 0, ’ as '.
    public var form: UInt64 = 0
    /// The form as written (digits as 0), and whether it opens the sentence.
    public var cased: UInt64 = 0
    public var suffix: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    public var prefix: (UInt64, UInt64, UInt64) = (0, 0, 0)
    public var shape: UInt64 = 0
    /// Bit 0 initial capital, 1 all capitals (two or more letters), 2 a digit, 3 a hyphen,
    /// 4 a letter, 5 the sentence's first word.
    public var flags: UInt64 = 0
    /// The set of classes the word had in training (its hash), 0 for an unseen word.
    public var ambiguity: UInt64 = 0
    /// What WordNet says of the word (`Lexical.bits`).
    public var lexical: UInt64 = 0
    /// The class when the word is frequent and (nearly) unambiguous: no scoring needed.
    public var dictClass: Int16 = -1

    public init() {}

    static let start: WordInfo = { var w = WordInfo(); w.form = 0x5354_4152_54; w.ambiguity = 1; return w }()
    static let end: WordInfo = { var w = WordInfo(); w.form = 0x454E_44; w.ambiguity = 2; return w }()

    /// Fills everything but `ambiguity` and `dictClass` from the word's bytes; `norm` receives
    /// the normalised form (as many bytes as the word has, or fewer).
    public static func make(_ p: UnsafePointer<UInt8>, _ n: Int, first: Bool, norm: UnsafeMutablePointer<UInt8>) -> (WordInfo, Int) {
        var w = WordInfo()
        var flags: UInt64 = first ? 32 : 0
        var upper = 0, letters = 0
        var m = 0
        var shape: UInt64 = 0xCBF2_9CE4_8422_2325, last: UInt8 = 0, run = 0
        var cased: UInt64 = first ? 0x1F : 0xCBF2_9CE4_8422_2325
        var k = 0
        while k < n {
            var c = p[k]
            // ’ (E2 80 99) and ‘ (E2 80 98) read as '.
            if c == 0xE2, k + 2 < n, p[k + 1] == 0x80, p[k + 2] == 0x99 || p[k + 2] == 0x98 { c = 0x27; k += 2 }
            cased = (cased ^ UInt64(c >= 0x30 && c <= 0x39 ? 0x30 : c)) &* 0x0000_0100_0000_01B3
            var s: UInt8
            if c >= 0x41 && c <= 0x5A {
                upper += 1; letters += 1; s = 0x58  // X
                if k == 0 { flags |= 1 }
                c |= 0x20
            } else if c >= 0x61 && c <= 0x7A {
                letters += 1; s = 0x78  // x
            } else if c >= 0x30 && c <= 0x39 {
                flags |= 4; s = 0x64; c = 0x30  // d, 0
            } else if c >= 0x80 {
                letters += 1; s = 0x78
            } else {
                if c == 0x2D { flags |= 8 }
                s = c
            }
            norm[m] = c; m += 1
            // Shape: runs of the same shape character cut at 3 (Xxxx, dd.dd, XX).
            if s == last { run += 1 } else { run = 1; last = s }
            if run <= 3 { shape = (shape ^ UInt64(s)) &* 0x0000_0100_0000_01B3 }
            k += 1
        }
        if letters > 0 { flags |= 16 }
        if upper >= 2 && upper == letters { flags |= 2 }
        w.flags = flags
        w.shape = FeatureHash.mix(shape)
        w.cased = FeatureHash.mix(cased)
        let q = UnsafePointer(norm)
        w.form = FeatureHash.bytes(q, m)
        // Affixes of up to 4 bytes need no hash: their bytes and length, packed (`key` mixes them).
        var s1: UInt64 = 0, s2: UInt64 = 0, s3: UInt64 = 0, s4: UInt64 = 0
        if m >= 1 { s1 = UInt64(q[m - 1]) | 1 << 40 }
        if m >= 2 { s2 = s1 | UInt64(q[m - 2]) << 8 | 2 << 40 }
        if m >= 3 { s3 = s2 | UInt64(q[m - 3]) << 16 | 3 << 40 }
        if m >= 4 { s4 = s3 | UInt64(q[m - 4]) << 24 | 4 << 40 }
        w.suffix = (s1, s2, s3, s4)
        var a1: UInt64 = 0, a2: UInt64 = 0, a3: UInt64 = 0
        if m >= 1 { a1 = UInt64(q[0]) | 1 << 40 }
        if m >= 2 { a2 = a1 | UInt64(q[1]) << 8 | 2 << 40 }
        if m >= 3 { a3 = a2 | UInt64(q[2]) << 16 | 3 << 40 }
        w.prefix = (a1, a2, a3)
        return (w, m)
    }
}

public enum Features {
    /// Number of keys `keys` writes.
    public static let count = 33

    @inline(__always)
    static func key(_ template: UInt64, _ value: UInt64) -> UInt64 { FeatureHash.mix(value ^ (template &* 0xD6E8_FEB8_6659_FD93)) }

    /// Keys that depend on the word alone (its form, affixes, shape, flags, ambiguity class):
    /// the tagger caches their summed weights per word.
    public static let staticCount = 14

    /// The feature keys of word `i` given the classes of the two words before it (-1: none),
    /// into `out[0..<count]`: the word's own, then its context's. `words` holds the sentence's words.
    @inline(__always)
    public static func keys(_ words: UnsafePointer<WordInfo>, _ n: Int, _ i: Int, prev1: Int, prev2: Int,
                            into out: UnsafeMutablePointer<UInt64>) {
        staticKeys(words[i], into: out)
        contextKeys(words, n, i, prev1: prev1, prev2: prev2, into: out + staticCount)
    }

    @inline(__always)
    static func staticKeys(_ w: WordInfo, into out: UnsafeMutablePointer<UInt64>) {
        out[0] = key(0, 0)
        out[1] = key(1, w.form)
        out[2] = key(2, w.suffix.0)
        out[3] = key(3, w.suffix.1)
        out[4] = key(4, w.suffix.2)
        out[5] = key(5, w.suffix.3)
        out[6] = key(6, w.prefix.0)
        out[7] = key(7, w.prefix.1)
        out[8] = key(8, w.prefix.2)
        out[9] = key(9, w.shape)
        out[10] = key(10, w.flags)
        out[11] = key(21, w.ambiguity)
        out[12] = key(28, w.cased)
        out[13] = key(32, w.lexical)
    }

    /// The other `count - staticCount` keys.
    @inline(__always)
    static func contextKeys(_ words: UnsafePointer<WordInfo>, _ n: Int, _ i: Int, prev1: Int, prev2: Int,
                            into out: UnsafeMutablePointer<UInt64>) {
        let w = words[i]
        let m1 = i >= 1 ? words[i - 1] : WordInfo.start, m2 = i >= 2 ? words[i - 2] : WordInfo.start
        let p1 = i + 1 < n ? words[i + 1] : WordInfo.end, p2 = i + 2 < n ? words[i + 2] : WordInfo.end
        let t1 = UInt64(prev1 + 1), t2 = UInt64(prev2 + 1)
        out[0] = key(11, t1)
        out[1] = key(12, t2)
        out[2] = key(13, t1 << 8 | t2)
        out[3] = key(14, FeatureHash.pair(w.form, t1))
        out[4] = key(15, m1.form)
        out[5] = key(16, m1.suffix.2)
        out[6] = key(17, m2.form)
        out[7] = key(18, p1.form)
        out[8] = key(19, p1.suffix.2)
        out[9] = key(20, p2.form)
        out[10] = key(22, p1.ambiguity)
        out[11] = key(23, p2.ambiguity)
        out[12] = key(24, FeatureHash.pair(w.ambiguity, p1.ambiguity))
        out[13] = key(25, FeatureHash.pair(w.form, p1.form))
        out[14] = key(26, FeatureHash.pair(m1.form, w.form))
        out[15] = key(27, FeatureHash.pair(w.ambiguity, t1))
        out[16] = key(29, FeatureHash.pair(p1.form, t1))
        out[17] = key(30, FeatureHash.pair(w.form, p1.ambiguity))
        out[18] = key(31, FeatureHash.pair(w.shape, t1 << 8 | t2))
    }
}
