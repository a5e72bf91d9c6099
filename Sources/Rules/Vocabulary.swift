/// Interns the lowercase forms of every word the rules mention (literals, word-family forms,
/// lexicon entries) as dense ids. Sentence tokens are looked up once, by their precomputed
/// hash in an open-addressing table, with a byte compare to rule out collisions; after that
/// every pattern test is an integer compare. Forms live in one byte pool, so a look-up
/// touches no nested array.
struct Vocabulary: Sendable {
    /// Form `k` is `pool[offsets[k]..<offsets[k+1]]`.
    private var pool: [UInt8] = []
    private var offsets: [Int32] = [0]
    private var slots: [Int32] = Array(repeating: -1, count: 64)
    private var hashes: [UInt64] = []
    /// Per id: one of `commonWords`.
    private var common: [Bool] = []

    /// Words so frequent that a rule triggered by them would run on most sentences, and a
    /// start anchor on them would rule out no start.
    static let commonWords: Set<[UInt8]> = Set([
        "the", "a", "an", "of", "to", "in", "and", "or", "is", "are", "was", "were", "be", "been",
        "it", "this", "that", "for", "on", "with", "as", "by", "at", "from", "its", "their", "has",
        "have", "had", "not", "but", "which", "will", "would", "can", "could", ",", ".", "'s",
    ].map { Array($0.utf8) })

    /// Flags kept per id, so compiling a rule asks no String of the vocabulary.
    func isCommon(_ id: Int32) -> Bool { common[Int(id)] }

    /// Length in bytes of form `id`.
    func length(_ id: Int32) -> Int { Int(offsets[Int(id) + 1] - offsets[Int(id)]) }

    var count: Int { hashes.count }

    /// The id of a normalised (lowercase) form, adding it when new.
    mutating func intern(_ form: [UInt8]) -> Int32 {
        let h = Tokenizer.fnv(form)
        if let id = form.withUnsafeBufferPointer({ find(h, $0) }) { return id }
        let id = Int32(hashes.count)
        pool.append(contentsOf: form)
        offsets.append(Int32(pool.count))
        hashes.append(h)
        common.append(Self.commonWords.contains(form))
        if hashes.count * 2 > slots.count { rehash() } else { place(id, h) }
        return id
    }

    @inline(__always)
    func lookup(_ hash: UInt64, _ form: UnsafeBufferPointer<UInt8>) -> Int32 { find(hash, form) ?? -1 }

    func word(_ id: Int32) -> String {
        String(decoding: pool[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])], as: UTF8.self)
    }

    private func find(_ h: UInt64, _ form: UnsafeBufferPointer<UInt8>) -> Int32? {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let id = slots[i]
            if id < 0 { return nil }
            if hashes[Int(id)] == h {
                let a = Int(offsets[Int(id)]), b = Int(offsets[Int(id) + 1])
                if b - a == form.count && pool.withUnsafeBufferPointer({ p in
                    (0..<form.count).allSatisfy { p[a + $0] == form[$0] }
                }) { return id }
            }
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
