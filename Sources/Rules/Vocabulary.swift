/// Interns the lowercase forms of every word the rules mention (literals, word-family forms,
/// lexicon entries) as dense ids. Sentence tokens are looked up once, by their precomputed
/// hash in an open-addressing table whose slots hold each form's first 8 bytes and length,
/// so a form of up to 8 bytes (most words) is matched exactly within its slot; only a longer
/// one compares the rest of its bytes. After that every pattern test is an integer compare.
/// Forms live in one byte pool, so a look-up touches no nested array.
struct Vocabulary: Sendable {
    /// Form `k` is `pool[offsets[k]..<offsets[k+1]]`.
    private var pool: [UInt8] = []
    private var offsets: [Int32] = [0]
    /// Open addressing on the form's hash; each slot keeps the form's first bytes and length
    /// beside the id, so a probe reads one slot, not the id's entry too.
    private var slots: [Slot] = Array(repeating: .empty, count: 64)
    private var hashes: [UInt64] = []
    /// Per id: one of `commonWords`.
    private var common: [Bool] = []
    /// The ids of `commonWords` interned, ascending (a few dozen).
    private(set) var commonIDs: [Int32] = []

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
    mutating func intern(_ form: [UInt8]) -> Int32 { intern(form[...]) }

    /// As `intern(_:)`, of a slice: finding a known form copies nothing.
    mutating func intern(_ form: ArraySlice<UInt8>) -> Int32 {
        let h = Tokenizer.hash(form)
        if let id = form.withUnsafeBufferPointer({ find(h, $0) }) { return id }
        let id = Int32(hashes.count)
        pool.append(contentsOf: form)
        offsets.append(Int32(pool.count))
        hashes.append(h)
        // (Every common word has five bytes or fewer: longer forms make no array to look up.)
        common.append(form.count <= 5 && Self.commonWords.contains(Array(form)))
        if common[Int(id)] { commonIDs.append(id) }
        if hashes.count * 2 > slots.count { rehash() } else { place(id, h) }
        return id
    }

    @inline(__always)
    func lookup(_ hash: UInt64, _ form: UnsafeBufferPointer<UInt8>) -> Int32 { find(hash, form) ?? -1 }

    func word(_ id: Int32) -> String {
        String(decoding: pool[Int(offsets[Int(id)])..<Int(offsets[Int(id) + 1])], as: UTF8.self)
    }

    private func find(_ h: UInt64, _ form: UnsafeBufferPointer<UInt8>) -> Int32? {
        let p = form.baseAddress ?? UnsafePointer(bitPattern: 1)!
        let id = withProbe { $0?.lookup(h, Tokenizer.chunk(UnsafeRawPointer(p), form.count), p, form.count) ?? -1 }
        return id < 0 ? nil : id
    }

    private mutating func place(_ id: Int32, _ h: UInt64) {
        let a = Int(offsets[Int(id)]), n = Int(offsets[Int(id) + 1]) - a
        let prefix = pool.withUnsafeBytes { $0.baseAddress.map { Tokenizer.chunk($0 + a, n) } ?? 0 }
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i].id >= 0 { i = (i + 1) & mask }
        slots[i] = Slot(prefix: prefix, id: id, length: Int32(n))
    }

    private mutating func rehash() {
        slots = Array(repeating: .empty, count: slots.count * 2)
        for (k, h) in hashes.enumerated() { place(Int32(k), h) }
    }

    struct Slot {
        /// The form's first 8 bytes, zero-padded (`Tokenizer.chunk`).
        var prefix: UInt64
        /// -1: empty.
        var id: Int32
        /// -1 when empty, so that no form matches.
        var length: Int32

        static let empty = Slot(prefix: 0, id: -1, length: -1)
    }

    /// The look-up over raw pointers, for the tokenizer's per-token loop; valid only inside
    /// `withProbe`. nil when the vocabulary has no form (every look-up misses).
    func withProbe<R>(_ body: (Probe?) -> R) -> R {
        slots.withUnsafeBufferPointer { sl in
            pool.withUnsafeBufferPointer { p in
                offsets.withUnsafeBufferPointer { o in
                    guard !hashes.isEmpty else { return body(nil) }
                    // An empty pool (only the empty form) is never read: `equal` reads no byte of
                    // a zero-length form.
                    let pool = p.baseAddress ?? UnsafePointer(bitPattern: 1)!
                    return body(Probe(slots: sl.baseAddress!, mask: sl.count - 1, pool: pool, offsets: o.baseAddress!))
                }
            }
        }
    }

    struct Probe {
        let slots: UnsafePointer<Slot>
        let mask: Int
        let pool: UnsafePointer<UInt8>
        let offsets: UnsafePointer<Int32>

        /// The id of the `count` bytes at `form`, whose `Tokenizer.hash` is `h` and whose
        /// first 8 bytes, zero-padded, are `prefix`; -1 when absent.
        @inline(__always)
        func lookup(_ h: UInt64, _ prefix: UInt64, _ form: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
            var i = Int(truncatingIfNeeded: h) & mask
            while true {
                let slot = slots[i]
                if slot.prefix == prefix && Int(slot.length) == count {
                    if count <= 8 || Probe.equal(pool + Int(offsets[Int(slot.id)]) + 8, form + 8, count - 8) {
                        return slot.id
                    }
                } else if slot.id < 0 {
                    return -1
                }
                i = (i + 1) & mask
            }
        }

        /// Byte equality a word at a time: two overlapping loads cover any length from 2 to 16
        /// without reading past either end.
        @inline(__always)
        static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
            let x = UnsafeRawPointer(a), y = UnsafeRawPointer(b)
            @inline(__always) func same<T: FixedWidthInteger>(_ k: Int, _: T.Type) -> Bool {
                x.loadUnaligned(fromByteOffset: k, as: T.self) == y.loadUnaligned(fromByteOffset: k, as: T.self)
            }
            if n >= 8 {
                var k = 0
                while k + 8 < n {
                    if !same(k, UInt64.self) { return false }
                    k += 8
                }
                return same(n - 8, UInt64.self)
            }
            if n >= 4 { return same(0, UInt32.self) && same(n - 4, UInt32.self) }
            if n >= 2 { return same(0, UInt16.self) && same(n - 2, UInt16.self) }
            return n == 0 || a[0] == b[0]
        }
    }
}
