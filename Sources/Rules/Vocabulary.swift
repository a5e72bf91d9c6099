/// Interns the lowercase forms of every word the rules mention (literals, word-family forms,
/// lexicon entries) as dense ids. Sentence tokens are looked up once, by their precomputed
/// hash in an open-addressing table, with a byte compare to rule out collisions; after that
/// every pattern test is an integer compare.
struct Vocabulary: Sendable {
    private(set) var words: [[UInt8]] = []
    private var slots: [Int32] = Array(repeating: -1, count: 64)
    private var hashes: [UInt64] = []

    var count: Int { words.count }

    /// The id of a normalised (lowercase) form, adding it when new.
    mutating func intern(_ form: [UInt8]) -> Int32 {
        let h = Tokenizer.fnv(form)
        if let id = find(h, form[...]) { return id }
        let id = Int32(words.count)
        words.append(form)
        hashes.append(h)
        if words.count * 2 > slots.count { rehash() } else { place(id, h) }
        return id
    }

    func lookup(_ hash: UInt64, _ form: ArraySlice<UInt8>) -> Int32 { find(hash, form) ?? -1 }

    func word(_ id: Int32) -> String { String(decoding: words[Int(id)], as: UTF8.self) }

    private func find(_ h: UInt64, _ form: ArraySlice<UInt8>) -> Int32? {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let id = slots[i]
            if id < 0 { return nil }
            if hashes[Int(id)] == h && words[Int(id)].elementsEqual(form) { return id }
            i = (i + 1) & mask
        }
    }

    private mutating func place(_ id: Int32, _ h: UInt64) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = id
    }

    private mutating func rehash() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for (k, h) in hashes.enumerated() { place(Int32(k), h) }
    }
}
