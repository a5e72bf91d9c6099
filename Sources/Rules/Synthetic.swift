extension RuleSet {
    /// YAML text of `n` rules that rarely match, for benchmarks of cost against rule count.
    /// Each rule is triggered by an invented word (so, as with real scaled rule sets, most rules
    /// never run on a sentence) and otherwise mixes common words, families, classes and gaps.
    /// Every 50th rule instead triggers on a common word, so the index is exercised with hits.
    public static func synthetic(rules n: Int, seed: UInt64) -> String {
        var rng = seed == 0 ? 0x9E3779B97F4A7C15 : seed
        func next() -> UInt64 {
            rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17
            return rng
        }
        let common = ["china", "russia", "trade", "support", "economic", "cooperation", "war", "west", "sanctions", "energy"]
        let families = ["declare", "stress", "support", "oppose", "increase", "sign", "warn", "agree"]
        let tags = ["claim", "position", "figure", "recommendation"]
        let letters = Array("bcdfghjklmnpqrstvwxz")
        var out = "# \(n) synthetic rules (seed \(seed))\nrules:\n"
        for k in 0..<n {
            var invented = "zq"
            for _ in 0..<6 { invented.append(letters[Int(next() % UInt64(letters.count))]) }
            let word = common[Int(next() % UInt64(common.count))]
            let family = families[Int(next() % UInt64(families.count))]
            let trigger = k % 50 == 49 ? word : invented
            let pattern: String
            switch next() % 3 {
            case 0: pattern = "{actor: \(trigger)} (has|have)? ..2 ~\(family) %num"
            case 1: pattern = "\(trigger) ..3 (\(word)|%code) %num %percent"
            default: pattern = "^ %cap ..4 \(trigger) ~\(family) \(invented)"
            }
            out += """
              - id: synthetic.\(k)
                tag: \(tags[k % 4])
                description: synthetic rule \(k)
                pattern: '\(pattern)'

            """
        }
        return out
    }
}
