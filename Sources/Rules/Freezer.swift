import Dispatch
import Foundation

/// Freezes a loader's programs (their split guards and `ProgramCode`) on a thread of its
/// own while the loader compiles the next ones. Both steps depend on the program alone (and
/// on the bitmap pool, which takes a lock), and they were over a third of compiling the
/// default rules, which is the critical path of a start (docs/benchmarks.md, tenth round).
/// The results do not depend on the thread that made them.
///
/// `add` each program as it is compiled; `finish` once, after the last: it waits for the
/// thread and returns the frozen parts by the ids `add` gave. The thread lives until then.
final class Freezer: @unchecked Sendable {
    private let pool: BitmapPool
    private let cond = NSCondition()
    private let done = DispatchSemaphore(value: 0)
    /// Guarded by `cond`.
    private var items: [(program: Program, placed: [SplitGuards.Placed])] = []
    private var closed = false
    private var started = false
    /// Written by the thread only, read after `done`.
    private var frozen: [(guards: SplitGuards, code: ProgramCode)] = []

    init(_ pool: BitmapPool) { self.pool = pool }

    /// Queues `program` (with where shared fragments were placed in it) and returns its id.
    func add(_ program: Program, placed: [SplitGuards.Placed]) -> Int32 {
        cond.lock()
        defer { cond.unlock() }
        items.append((program, placed))
        if !started {
            started = true
            // A plain thread, as for the YAML trees (`RuleSet.load`): the batch's workers
            // can hold every thread of the global queues while they wait for the rules.
            Thread { [self] in
                ThreadHeap.adviseHugePages()
                run()
            }.start()
        }
        cond.signal()
        return Int32(items.count - 1)
    }

    /// Every program's guards and code, by id; call once, after the last `add`.
    func finish() -> [(guards: SplitGuards, code: ProgramCode)] {
        cond.lock()
        closed = true
        let wait = started
        cond.signal()
        cond.unlock()
        if wait { done.wait() }
        return frozen
    }

    private func run() {
        // The thread's own memo of shared fragments' guards (`SharedPattern.guards` is the
        // compiling thread's).
        let cache = SplitGuards.Cache()
        var next = 0
        while true {
            cond.lock()
            while next >= items.count && !closed { cond.wait() }
            guard next < items.count else { cond.unlock(); break }
            let item = items[next]
            cond.unlock()
            var p = item.program
            p.guards = SplitGuards(p, placed: item.placed, cache: cache)
            frozen.append((p.guards, ProgramCode(p, pool)))
            next += 1
        }
        done.signal()
    }
}
