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
func tuneMalloc() {
    #if canImport(Glibc)
    if getenv("GLIBC_TUNABLES") != nil { return }
    _ = mallopt(M_TRIM_THRESHOLD, 512 << 20)
    _ = mallopt(M_TOP_PAD, 64 << 20)
    _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
    #endif
}
