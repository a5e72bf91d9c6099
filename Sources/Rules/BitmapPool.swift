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
/// Filled while one `PatternCompiler` compiles (one thread), then only read; each
/// `ProgramCode` holds the pool, which frees the bitmaps when the last program goes.
final class BitmapPool: @unchecked Sendable {
    /// A stored bitmap, hashed once by content (`hash`) and compared word by word.
    private struct Key: Hashable {
        let base: UnsafePointer<UInt64>
        let count: Int
        let hash: Int

        func hash(into h: inout Hasher) { h.combine(hash) }

        static func == (a: Key, b: Key) -> Bool {
            a.hash == b.hash && a.count == b.count && memcmp(a.base, b.base, a.count * MemoryLayout<UInt64>.stride) == 0
        }
    }

    private var stored: Set<Key> = []

    init() {}

    deinit {
        for k in stored { UnsafeMutablePointer(mutating: k.base).deallocate() }
    }

    /// The pool's copy of `words` (equal contents, one buffer); empty for no words.
    func intern(_ words: [UInt64]) -> UnsafeBufferPointer<UInt64> {
        guard !words.isEmpty else { return UnsafeBufferPointer(start: nil, count: 0) }
        return words.withUnsafeBufferPointer { w in
            // A multiply-xor fold over the words: `Hasher` over the bytes costs more of a start.
            var h = UInt64(w.count)
            for x in w { h = (h ^ x) &* 0x9E37_79B9_7F4A_7C15 }
            let probe = Key(base: w.baseAddress!, count: w.count, hash: Int(truncatingIfNeeded: h ^ h >> 32))
            if let hit = stored.firstIndex(of: probe) { return UnsafeBufferPointer(start: stored[hit].base, count: w.count) }
            let copy = UnsafeMutablePointer<UInt64>.allocate(capacity: w.count)
            copy.initialize(from: w.baseAddress!, count: w.count)
            stored.insert(Key(base: copy, count: w.count, hash: probe.hash))
            return UnsafeBufferPointer(start: copy, count: w.count)
        }
    }

    /// Distinct bitmaps stored (`BitmapPoolTests`).
    var count: Int { stored.count }
}
