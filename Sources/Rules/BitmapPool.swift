#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The id bitmaps of a rule set's frozen token sets (split guards, entry filters, anchors),
/// each content stored once. Copies of one named pattern (`<actors>` in eight position rules,
/// up to three times in each) give their split guards the same bitmaps: the default rules
/// had 7,011 bitmaps of 3.8 MB, 2,037 distinct of 1.5 MB. Guards are read at almost every
/// matcher step, and a guard's bitmap load missing the cache was the matcher's costliest
/// line after its visited memo: one copy of each leaves the rules' bitmaps within the
/// second-level cache (docs/benchmarks.md, ninth round).
///
/// Filled while a loader's programs are frozen (on a `Freezer`'s thread, so `intern` takes a
/// lock), then only read; each `ProgramCode` holds the pool, which frees the bitmaps when
/// the last program goes.
final class BitmapPool: @unchecked Sendable {
    /// An open-addressed table of the stored bitmaps by content hash (0: empty slot), kept
    /// at most half full. `Set` with `Hasher` cost more of a start than the copies it saved.
    @exclusivity(unchecked) private var hashes: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) private var bases: UnsafeMutablePointer<UnsafeMutablePointer<UInt64>?>
    @exclusivity(unchecked) private var counts: UnsafeMutablePointer<Int>
    @exclusivity(unchecked) private var capacity = 1024
    /// Distinct bitmaps stored (`BitmapPoolTests`).
    @exclusivity(unchecked) private(set) var count = 0

    /// Held by `intern`: a `Freezer` freezes programs on a thread of its own.
    private let lock: UnsafeMutablePointer<pthread_mutex_t> = {
        let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(m, nil)
        return m
    }()

    init() {
        hashes = .allocate(capacity: capacity)
        hashes.initialize(repeating: 0, count: capacity)
        bases = .allocate(capacity: capacity)
        counts = .allocate(capacity: capacity)
    }

    deinit {
        for k in 0..<capacity where hashes[k] != 0 { bases[k]!.deallocate() }
        hashes.deallocate(); bases.deallocate(); counts.deallocate()
        pthread_mutex_destroy(lock); lock.deallocate()
    }

    /// The pool's copy of `words` (equal contents, one buffer); empty for no words.
    func intern(_ words: [UInt64]) -> UnsafeBufferPointer<UInt64> {
        words.withUnsafeBufferPointer { intern($0) }
    }

    /// The pool's copy of the words `w` points at (a scratch the caller reuses).
    func intern(_ w: UnsafeBufferPointer<UInt64>) -> UnsafeBufferPointer<UInt64> {
        guard !w.isEmpty else { return UnsafeBufferPointer(start: nil, count: 0) }
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        do {
            let n = w.count, p = w.baseAddress!
            // A multiply-xor fold over the words; never 0, the empty slot's mark.
            var h = UInt64(n)
            for x in w { h = (h ^ x) &* 0x9E37_79B9_7F4A_7C15 }
            h = (h ^ h >> 32) | 1
            var k = Int(truncatingIfNeeded: h) & (capacity - 1)
            while hashes[k] != 0 {
                if hashes[k] == h, counts[k] == n, memcmp(bases[k]!, p, n * MemoryLayout<UInt64>.stride) == 0 {
                    return UnsafeBufferPointer(start: bases[k]!, count: n)
                }
                k = (k + 1) & (capacity - 1)
            }
            let copy = UnsafeMutablePointer<UInt64>.allocate(capacity: n)
            copy.initialize(from: p, count: n)
            hashes[k] = h; bases[k] = copy; counts[k] = n
            count += 1
            if 2 * count > capacity { grow() }
            return UnsafeBufferPointer(start: copy, count: n)
        }
    }

    /// Doubles the table, placing every stored bitmap again by its hash.
    private func grow() {
        let (oldHashes, oldBases, oldCounts, old) = (hashes, bases, counts, capacity)
        capacity *= 2
        hashes = .allocate(capacity: capacity)
        hashes.initialize(repeating: 0, count: capacity)
        bases = .allocate(capacity: capacity)
        counts = .allocate(capacity: capacity)
        for j in 0..<old where oldHashes[j] != 0 {
            var k = Int(truncatingIfNeeded: oldHashes[j]) & (capacity - 1)
            while hashes[k] != 0 { k = (k + 1) & (capacity - 1) }
            hashes[k] = oldHashes[j]; bases[k] = oldBases[j]; counts[k] = oldCounts[j]
        }
        oldHashes.deallocate(); oldBases.deallocate(); oldCounts.deallocate()
    }
}
