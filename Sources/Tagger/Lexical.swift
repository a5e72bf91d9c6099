/// What WordNet says of a word the treebank's training data lacks: whether it is a noun,
/// verb, adjective or adverb lemma, and whether it is an inflected form of one (by WordNet's
/// own "morphy" endings and exception lists: walks, walked, sung, bigger; and -ly adverbs of
/// adjectives), as a feature of every word (`WordInfo.lexical`): for a word seen in training
/// it is stored in the lexicon; for an unknown word it is worked out from the WordNet table
/// (`TaggerModel.wordnet`, built by `claimex-train` from the Debian package wordnet-base).
public enum Lexical {
    /// Bits of a table entry and of `bits`: 0-3 a noun, verb, adjective, adverb lemma; 4-7 an
    /// inflected form of a noun, verb, adjective lemma, or an adverb in -ly of an adjective.
    public static let noun: UInt8 = 1, verb: UInt8 = 2, adjective: UInt8 = 4, adverb: UInt8 = 8

    /// (ending, bytes taken off, bytes put back, the base's part of speech): morphy's rules.
    static let rules: [(StaticString, Int, StaticString, UInt8)] = [
        ("s", 1, "", noun), ("ses", 2, "", noun), ("xes", 2, "", noun), ("zes", 2, "", noun), ("ches", 2, "", noun),
        ("shes", 2, "", noun), ("men", 2, "an", noun), ("ies", 3, "y", noun),
        ("s", 1, "", verb), ("ies", 3, "y", verb), ("es", 1, "", verb), ("es", 2, "", verb), ("ed", 1, "", verb),
        ("ed", 2, "", verb), ("ing", 3, "e", verb), ("ing", 3, "", verb),
        ("er", 2, "", adjective), ("est", 3, "", adjective), ("er", 1, "", adjective), ("est", 2, "", adjective),
        ("ly", 2, "", adjective), ("ily", 3, "y", adjective),
    ]

    /// The bits of the normalised form `q[0..<m]`, given the table's entry for a form hash
    /// (`FeatureHash.bytes` of its normalised bytes; 0 when absent), with bit 8 set so that an
    /// unknown word WordNet lacks still differs from a known word (0).
    @inline(__always)
    public static func bits(_ q: UnsafePointer<UInt8>, _ m: Int, _ entry: (UInt64) -> UInt8) -> UInt64 {
        var b = UInt64(entry(FeatureHash.bytes(q, m)))
        for rule in rules {
            let e = rule.0.utf8CodeUnitCount
            guard m - e >= 2 else { continue }
            var ok = true
            for k in 0..<e where q[m - e + k] != rule.0.utf8Start[k] { ok = false; break }
            guard ok else { continue }
            let stem = m - rule.1
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for k in 0..<stem { h = (h ^ UInt64(q[k])) &* 0x0000_0100_0000_01B3 }
            for k in 0..<rule.2.utf8CodeUnitCount { h = (h ^ UInt64(rule.2.utf8Start[k])) &* 0x0000_0100_0000_01B3 }
            // An adverb in -ly comes from an adjective: bit 7; the others mark the base's part.
            if entry(FeatureHash.mix(h)) & rule.3 != 0 { b |= UInt64(rule.0.utf8Start[e - 1] == UInt8(ascii: "y") ? adverb : rule.3) << 4 }
        }
        return b | 0x100
    }
}
