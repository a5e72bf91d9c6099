/// The closed word lists behind `%spelled`, `%scale` and the word form of `%percent`, in one
/// small open-addressing table keyed by the hash of the lowercase form, which the
/// tokenizer computes anyway: classifying a word is one probe, with no second hash.
enum WordClasses {
    static let spelledWords = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        "hundred", "thousand", "dozen", "dozens", "hundreds", "thousands",
    ]
    static let scaleWords = ["thousand", "million", "billion", "trillion", "bn", "mn", "m", "tn", "trn", "k"]
    static let percentWordList = ["percent", "per-cent", "pct"]

    static let table: Table = {
        var t = Table()
        for w in spelledWords { t.add(Tokenizer.hash(Array(w.utf8)), .spelled) }
        for w in scaleWords { t.add(Tokenizer.hash(Array(w.utf8)), .scale) }
        for w in percentWordList { t.add(Tokenizer.hash(Array(w.utf8)), .percent) }
        return t
    }()

    /// Hash -> classes, linear probing; a zero key marks an empty slot (`add` checks that no
    /// word hashes to zero). Like the sets it replaces, it trusts the 64-bit hash without a
    /// byte compare. Raw storage, allocated once and never freed (the table is a static), so
    /// the per-token probe has no array count to load or bounds to check.
    struct Table: @unchecked Sendable {
        // 46 words in 512 slots: a miss, the usual case, mostly ends at the first slot.
        private static let mask = 511
        private let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: Self.mask + 1)
        private let values = UnsafeMutablePointer<UInt32>.allocate(capacity: Self.mask + 1)

        init() {
            keys.initialize(repeating: 0, count: Self.mask + 1)
            values.initialize(repeating: 0, count: Self.mask + 1)
        }

        mutating func add(_ h: UInt64, _ c: TokenClasses) {
            precondition(h != 0, "a word-class word hashes to the empty key")
            var i = Int(truncatingIfNeeded: h) & Self.mask
            while keys[i] != 0 && keys[i] != h { i = (i + 1) & Self.mask }
            keys[i] = h
            values[i] |= c.rawValue
        }

        @inline(__always)
        func classes(_ h: UInt64) -> TokenClasses {
            var i = Int(truncatingIfNeeded: h) & Self.mask
            while true {
                let k = keys[i]
                if k == h { return TokenClasses(rawValue: values[i]) }
                if k == 0 { return [] }
                i = (i + 1) & Self.mask
            }
        }

        /// "twenty-five": every hyphen-separated part is a spelled number.
        func spelledCompound(_ norm: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int) -> Bool {
            var partStart = a
            for k in a...b where k == b || norm[k] == UInt8(ascii: "-") {
                if !classes(Tokenizer.hash(norm.baseAddress! + partStart, k - partStart)).contains(.spelled) { return false }
                partStart = k + 1
            }
            return true
        }
    }
}
