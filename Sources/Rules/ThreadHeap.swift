#if canImport(Glibc)
import Glibc
#endif

/// The calling thread's malloc heap advised for transparent huge pages, as `claimex`'s
/// `tuneMalloc` does for the main thread's heap (docs/benchmarks.md, sixteenth round).
///
/// Called at the start of the threads a load starts beside the compiling thread (the YAML
/// trees, the unit registry, the lexicon tries, the freezing): each allocates from a glibc
/// arena of its own, whose heap glibc maps at a boundary of its largest heap size (64 MB on
/// 64-bit: twice the largest mmap threshold) so that any block finds its heap by masking its
/// address. The freezing thread faulted its memory in 4 KB pages and so finished after the
/// compiling thread, which waited for it in `finish`: 5.5 ms of a traced start's 86.5.
/// Advice only: where the kernel gives no huge pages it does nothing, and nothing computed
/// changes. A block of the main thread's heap (a thread given the main arena) is advised
/// within its 64 MB block the same way.
enum ThreadHeap {
    static let heapSize = 64 << 20

    static func adviseHugePages() {
        #if canImport(Glibc)
        // A block from this thread's arena (made now, at its first allocation).
        let probe = UnsafeMutableRawPointer.allocate(byteCount: 256, alignment: 16)
        let base = Int(bitPattern: probe) & ~(heapSize - 1)
        probe.deallocate()
        _ = madvise(UnsafeMutableRawPointer(bitPattern: base), heapSize, MADV_HUGEPAGE)
        #endif
    }
}
