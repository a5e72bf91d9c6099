#if canImport(Glibc)
import Glibc
import CMalloc
#endif

/// glibc malloc settings for a process that runs one worker thread per core.
///
/// Each worker allocates from its own malloc arena, and glibc trims a thread arena's heap
/// (returns its free top to the kernel) as soon as that top passes 128 KB, then faults the
/// same pages back in for the next document: with two jobs the run spent 0.30 s in the
/// kernel against 0.13 s with one, and two jobs gave 1.76x one job. Keeping freed memory
/// (trim threshold 512 MB, heaps grown 64 MB at a time, blocks under 32 MB from the heap
/// rather than their own mappings) took two jobs to 1.88x, one job unchanged, peak RSS
/// 70 -> 88 MB on the 20 MB bench (docs/benchmarks.md, "malloc arenas"). The batch window
/// bounds what is live, so memory stays flat on long streams all the same. Must run before
/// any thread starts; the environment's GLIBC_TUNABLES, when set, wins.
///
/// The main thread's heap is then grown once, by the 64 MB of top pad, and that part
/// advised for transparent huge pages (`MADV_HUGEPAGE`, what glibc's own
/// `glibc.malloc.hugetlb=1` tunable does for every heap): loading the default rules touches
/// about 33 MB there, and faulting it in 4 KB pages (about 8,300 faults, each a kernel entry
/// and a page zeroed) was a fifth of the main thread's compiling time, the critical path.
/// The load's other threads advise their own heaps (`ThreadHeap`, in Rules).
/// Where the kernel gives no huge pages (THP `never`, or none free) the advice does nothing.
/// Only the placement of memory changes, never what is computed (docs/benchmarks.md,
/// "Sixteenth round").
func tuneMalloc() {
    #if canImport(Glibc)
    if getenv("GLIBC_TUNABLES") != nil { return }
    _ = mallopt(M_TRIM_THRESHOLD, 512 << 20)
    _ = mallopt(M_TOP_PAD, 64 << 20)
    _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
    adviseHugePages()
    #endif
}

#if canImport(Glibc)
/// Grows the main arena's heap now (a block under the mmap threshold, freed at once: it
/// stays in the heap's top, never trimmed) and advises the new part, from its first 2 MB
/// boundary, for huge pages. Nothing when the heap did not grow in one piece (brk refused:
/// glibc then maps the main arena's memory elsewhere).
private func adviseHugePages() {
    let huge = 2 << 20
    let before = Int(bitPattern: sbrk(0))
    guard before != -1, let block = malloc(1 << 20) else { return }
    _ = malloc_usable_size(block)  // an outside call: the block is not elided with its free
    free(block)
    let end = Int(bitPattern: sbrk(0))
    let start = (before + huge - 1) & ~(huge - 1)
    guard end != -1, end - start >= huge else { return }
    _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE)
}
#endif
