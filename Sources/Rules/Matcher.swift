#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a `Program` over a tokenised sentence: a backtracking VM with an explicit stack,
/// memoising visited (instruction, token) states so the work per start position is bounded
/// by instructions × tokens. Finds the leftmost start (at or after a given token) with a
/// non-empty match and, there, the longest match; among equally long ones, the captures of
/// the first path in pattern order. A match includes any context before `>>` (its slot says
/// where the reported part starts). Callers wanting every match call it again from the end
/// of the last one.
///
/// Its working memory is raw buffers (`VMBuffers`) read through local pointers: a push, a
/// memo write or a slot write is a plain store, with no uniqueness or exclusivity check.
struct MatchVM {
    private let buf = VMBuffers()
    var bestSlots: [Int32] = []

    /// Where the last diagnosing `run` got furthest without matching: the failed instruction
    /// and the token it failed on, for the start position that consumed most tokens before
    /// failing (the earliest such start on ties; there, the latest element tried, so an
    /// optional element that was skipped does not hide the required one after it).
    private(set) var failPos = -1
    private(set) var failInst = -1
    private var failConsumed = -1
    private var currentStart = 0
    private var diagnose = false

    /// The tokens carry their tags. When false (`RuleSet.matches` tags a sentence only if a
    /// rule needs it), a tag test passes whenever it could once tagged (`TestTable.mayAccept`):
    /// a run finding no match then finds none with the tags either, and is final. One that
    /// finds a match after such a guess returns nil and sets `tagsWanted`: the caller tags
    /// the sentence and runs the rule again. (Asking for the tags at the first tag test
    /// reached tagged one sentence in five of the bench corpus, for rules that then failed.)
    var tagsReady = true
    var tagsWanted = false
    /// Where tag tests find the tags of tokens that have none (`RuleSet.matches` tags a
    /// sentence token by token); nil: tokens carry their tags (`explain`, the examples).
    var tagSource: LazyTags?
    /// A tag test passed on a guess during this `run`.
    private var tagsGuessed = false
    /// Programs with top-level branches try each branch's starts (`TopBranch`); false: the
    /// whole program's, as before (for `BranchIndexTests`, which compares the two).
    var useBranches = true
    /// Rules are bounded by their groups too (`RequirementGroup`): a rule is no candidate
    /// where no branch of one of its groups has its requirements met, and starts no later
    /// than the last token a met branch allows. False: by their requirements only, as before
    /// (for `RequirementGroupTests`, which compares the two).
    var useGroups = true

    init() {}

    struct Found {
        var start: Int
        var end: Int
    }

    /// Room for `count` branch bounds (`RuleSet.branchLasts`), valid until the next call.
    func branchLastScratch(_ count: Int) -> UnsafeMutablePointer<Int> { buf.lasts(count) }

    /// Forgets the lexicon matches memoised for the previous sentence; call once per sentence
    /// before any `run` on it.
    func beginSentence() { buf.newSentence() }

    /// The best match of `program` starting at token `from` or later, or nil. Captures land
    /// in `bestSlots`. An empty match never counts: a start where only the empty match exists
    /// is passed over. With `diagnose`, every start position runs and failures are tracked for
    /// `explain`; without, starts where no entry instruction accepts the token are skipped,
    /// `^` leaves only position 0 and a closing `$` only the starts its length bounds allow.
    /// `starts` (ascending, from `StartIndex`) replaces the entry filter's own probing, and
    /// no start after `lastStart` is tried (the caller knows no match can begin there).
    /// A program with top-level branches (`TopBranch`) tries each branch's starts, within
    /// its own `branchLast[b]` when given (the caller's bound from its requirements).
    mutating func run(_ program: ProgramCode, lexicons: LexiconTries, tokens: UnsafeBufferPointer<Token>,
                      sentence: UnsafeBufferPointer<UInt8>, from: Int = 0, diagnose: Bool = false,
                      starts: UnsafeBufferPointer<Int32>? = nil, lastStart: Int = Int.max,
                      branchLast: UnsafePointer<Int>? = nil) -> Found? {
        let n = tokens.count
        let width = n + 1
        buf.reserve(visited: program.ops.count * width, slots: program.slotCount,
                    lexicons: lexicons.roots.count, width: width)
        self.diagnose = diagnose
        failPos = -1
        failInst = -1
        failConsumed = -1
        tagsGuessed = false
        let entry = diagnose ? nil : program.entry
        let anchor = diagnose ? nil : program.anchor
        let tests = program.table
        // One stamp for every start of this call (diagnose: one per start, as `explain`
        // tracks failures per start). A start that finds no non-empty match leaves only dead
        // states behind: none reaches `match` past that start, and assertions and lexicons
        // depend on the position alone. A later start can skip them, which bounds the whole
        // call, not each start, by instructions × tokens.
        let stamp = buf.nextStamp()
        let insts = program.ops
        let bound = diagnose ? n : lastStart
        if !diagnose && starts == nil && useBranches && program.branches.count > 0 {
            return runBranches(program, from: from, lastStart: lastStart, branchLast: branchLast, lexicons, tokens, sentence, width, stamp)
        }
        // Given the possible starts (the entry filter's, precomputed), try just those.
        if let starts {
            var k = 0
            while k < starts.count && Int(starts[k]) < from { k += 1 }
            while k < starts.count && Int(starts[k]) <= bound {
                let start = Int(starts[k])
                if let end = runFrom(start, 0, insts, tests, program.guards, program.slotCount, lexicons, tokens, sentence, width, diagnose ? buf.nextStamp() : stamp), end > start {
                    return found(program, start, end)
                }
                k += 1
            }
            return nil
        }
        var start = from
        // The last start to try.
        var last = min(max(n, 1) - 1, bound)
        if program.startOnly && !diagnose { last = min(last, 0) }
        if let span = program.endSpan, !diagnose {
            start = max(start, n - span.upperBound)
            last = min(last, n - span.lowerBound)
        }
        // With an anchor: `next` is the first anchor token at or after
        // `start + minOffset`, and `first` the earliest start that can reach it (see
        // `FrozenAnchor.earliestStart`). Starts before `first` reach no anchor token.
        var next = -1, first = 0
        // No start after `last` is tried, so no anchor token after `last + maxOffset` is
        // needed: the scan for one stops there (`anchorEnd`).
        let anchorEnd = anchor.map { min(n, last + $0.maxOffset + 1) } ?? n
        while start <= last {
            if let anchor {
                while true {
                    if next < start + anchor.minOffset {
                        next = start + anchor.minOffset
                        while next < anchorEnd && !anchor.tokens.accepts(tokens[next]) { next += 1 }
                        if next >= anchorEnd { return nil }
                        first = anchor.earliestStart(before: next, tokens)
                    }
                    start = max(start, first)
                    if start + anchor.minOffset <= next { break }
                }
                // The anchor can move the start past the last one allowed.
                if start > last { return nil }
            }
            if entry == nil || entry!.accepts(tokens, start),
               let end = runFrom(start, 0, insts, tests, program.guards, program.slotCount, lexicons, tokens, sentence, width, diagnose ? buf.nextStamp() : stamp), end > start {
                return found(program, start, end)
            }
            start += 1
        }
        return nil
    }

    /// The match found from `start`, its captures (and `>>`'s slot) into `bestSlots`; nil
    /// when it rests on a guessed tag test (see `tagsReady`).
    private mutating func found(_ program: ProgramCode, _ start: Int, _ end: Int) -> Found? {
        if tagsGuessed { tagsWanted = true; return nil }
        bestSlots = Array(UnsafeBufferPointer(start: buf.best, count: program.slotCount))
        return Found(start: start, end: end)
    }

    /// The start positions of a program's top-level branches, merged in ascending order: at
    /// each, the program is entered at the first branch that can begin there (see
    /// `TopBranch`). Each branch keeps the next start it allows (`next`) and, with an anchor,
    /// the anchor token it last found and the earliest start reaching it (`seen`, `first`).
    private mutating func runBranches(_ program: ProgramCode, from: Int, lastStart: Int, branchLast: UnsafePointer<Int>?,
                                      _ lexicons: LexiconTries, _ tokens: UnsafeBufferPointer<Token>,
                                      _ sentence: UnsafeBufferPointer<UInt8>, _ width: Int, _ stamp: VMBuffers.Stamp) -> Found? {
        let branches = program.branches, count = branches.count, n = tokens.count
        let cursors = buf.cursors(count)
        for b in 0..<count {
            let branch = branches[b]
            var first = from, last = min(max(n, 1) - 1, lastStart, branchLast?[b] ?? Int.max)
            if branch.startOnly { last = min(last, 0) }
            if let span = branch.endSpan {
                first = max(first, n - span.upperBound)
                last = min(last, n - span.lowerBound)
            }
            cursors[b] = BranchCursor(next: first, last: last, seen: -1, first: 0, fresh: true)
        }
        var start = from
        while true {
            var best = Int.max, entry = 0
            for b in 0..<count {
                if cursors[b].fresh || cursors[b].next < start {
                    cursors[b].fresh = false
                    cursors[b].next = nextStart(branches[b], &cursors[b], max(start, cursors[b].next), tokens)
                }
                if cursors[b].next < best { best = cursors[b].next; entry = branches[b].pc }
            }
            guard best != Int.max else { return nil }
            if let end = runFrom(best, entry, program.ops, program.table, program.guards, program.slotCount, lexicons, tokens,
                                 sentence, width, stamp), end > best {
                return found(program, best, end)
            }
            start = best + 1
        }
    }

    /// The first start at or after `start` (and within the cursor's bound) that `branch`'s
    /// anchor and entry filter allow; Int.max when none is left.
    @inline(__always)
    private func nextStart(_ branch: FrozenBranch, _ c: inout BranchCursor, _ start: Int,
                           _ tokens: UnsafeBufferPointer<Token>) -> Int {
        let n = tokens.count
        var start = start
        while start <= c.last {
            if let anchor = branch.anchor {
                // As in `run`: the next anchor token far enough on, and the earliest start reaching it.
                // As `anchorEnd` in `run`: no anchor token past the last start's reach is needed.
                let end = min(n, c.last + anchor.maxOffset + 1)
                while true {
                    if c.seen < start + anchor.minOffset {
                        c.seen = start + anchor.minOffset
                        while c.seen < end && !anchor.tokens.accepts(tokens[c.seen]) { c.seen += 1 }
                        if c.seen >= end { return Int.max }
                        c.first = anchor.earliestStart(before: c.seen, tokens)
                    }
                    start = max(start, c.first)
                    if start + anchor.minOffset <= c.seen { break }
                }
                guard start <= c.last else { return Int.max }
            }
            if branch.entry == nil || branch.entry!.accepts(tokens, start) { return start }
            start += 1
        }
        return Int.max
    }

    private mutating func runFrom(_ start: Int, _ entryPC: Int, _ insts: UnsafeBufferPointer<VMOp>,
                                  _ tests: TestTable, _ guards: FrozenGuards, _ slotCount: Int,
                                  _ lexicons: LexiconTries, _ tokens: UnsafeBufferPointer<Token>,
                                  _ sentence: UnsafeBufferPointer<UInt8>, _ width: Int, _ stamp: VMBuffers.Stamp) -> Int? {
        let n = tokens.count
        currentStart = start
        let diagnose = self.diagnose
        let visited = buf.visited, slots = buf.slots, best = buf.best, words = tests.bitmapWords
        for k in 0..<slotCount { slots[k] = -1 }
        var bestEnd = -1
        var sp = 0
        buf.push(&sp, VMBuffers.thread(entryPC, start))
        while sp > 0 {
            sp -= 1
            let frame = buf.stack[sp]
            let a = Int32(truncatingIfNeeded: frame >> 32), b = Int32(truncatingIfNeeded: frame)
            if a < 0 { slots[Int(-a - 1)] = b; continue }
            var pc = Int(a), pos = Int(b)
            thread: while true {
                // Position-major: the states one start visits lie at a few positions, so
                // they share cache lines (instruction-major spread them a row apart).
                let key = pos * insts.count + pc
                if visited[key] == stamp { break }
                visited[key] = stamp
                let op = insts[pc]
                switch op.kind {
                case .testID:
                    guard pos < n, tokens[pos].id == op.a else { noteFailure(pc, pos); break thread }
                    pc += 1; pos += 1
                case .testClasses:
                    let has = UInt32(bitPattern: op.a), not = UInt32(bitPattern: op.b)
                    guard pos < n, tokens[pos].classes.rawValue & has == has,
                          tokens[pos].classes.rawValue & not == 0 else { noteFailure(pc, pos); break thread }
                    pc += 1; pos += 1
                case .testBits:
                    guard pos < n, tokens[pos].id >= 0, Int(tokens[pos].id) >> 6 < Int(op.b),
                          words![Int(op.a) + Int(tokens[pos].id) >> 6] & (1 << UInt64(tokens[pos].id & 63)) != 0 else {
                        noteFailure(pc, pos); break thread
                    }
                    pc += 1; pos += 1
                case .test:
                    guard pos < n, tests.accepts(Int(op.a), tokens[pos], sentence) else { noteFailure(pc, pos); break thread }
                    pc += 1; pos += 1
                case .testTags:
                    guard pos < n, testTags(Int(op.a), tests, tokens, pos, sentence) else { noteFailure(pc, pos); break thread }
                    pc += 1; pos += 1
                case .lexicon:
                    let ends = buf.lexiconEnds(Int(op.a), pos, width, lexicons, tokens, sentence)
                    guard ends.count > 0 else { noteFailure(pc, pos); break thread }
                    for e in 0..<ends.count - 1 { buf.push(&sp, VMBuffers.thread(pc + 1, Int(ends[e]))) }
                    pc += 1; pos = Int(ends[ends.count - 1])
                case .split:
                    // A branch that cannot pass its first token is not tried (`SplitGuards`;
                    // not when diagnosing: `explain` reports where each branch failed).
                    let a = Int(op.a), b = Int(op.b)
                    if diagnose || guards.pass(b, tokens, pos, lexicons) { buf.push(&sp, VMBuffers.thread(b, pos)) }
                    guard diagnose || guards.pass(a, tokens, pos, lexicons) else { break thread }
                    pc = a
                case .jump:
                    pc = Int(op.a)
                case .save:
                    let slot = Int(op.a)
                    buf.push(&sp, VMBuffers.restore(slot, slots[slot]))
                    slots[slot] = Int32(pos)
                    pc += 1
                case .assertStart:
                    guard pos == 0 else { noteFailure(pc, pos); break thread }
                    pc += 1
                case .assertEnd:
                    guard pos == n else { noteFailure(pc, pos); break thread }
                    pc += 1
                case .match:
                    if pos > bestEnd {
                        bestEnd = pos
                        best.update(from: slots, count: slotCount)
                    }
                    break thread
                }
            }
        }
        return bestEnd >= 0 ? bestEnd : nil
    }

    /// Tag test `k` on token `pos`: guessed while tags are not ready; else on the token's
    /// tags, asked from `tagSource` when the token has none yet.
    @inline(__always)
    private mutating func testTags(_ k: Int, _ tests: TestTable, _ tokens: UnsafeBufferPointer<Token>, _ pos: Int,
                                   _ sentence: UnsafeBufferPointer<UInt8>) -> Bool {
        guard tagsReady else {
            guard let source = tagSource else {
                guard tests.mayAccept(k, tokens[pos], sentence) else { return false }
                tagsGuessed = true
                return true
            }
            // The tagger's cheap answers first: a dictionary word's tag, and lemmas under the
            // tags the test allows; only a pass that rests on a guess needs the sentence tagged.
            let g = tests.guess(k, tokens[pos], pos, sentence, source)
            if g.pass && !g.exact { tagsGuessed = true }
            return g.pass
        }
        if tokens[pos].upos == Token.untagged, let source = tagSource {
            // Tagging a token the test cannot pass whatever its tags (its classes, or a form
            // no token with the tested lemma has) would only cost the tagger's time.
            guard tests.mayAccept(k, tokens[pos], sentence) else { return false }
            return tests.accepts(k, source.tagged(pos), sentence)
        }
        return tests.accepts(k, tokens[pos], sentence)
    }

    @inline(__always)
    private mutating func noteFailure(_ pc: Int, _ pos: Int) {
        guard diagnose else { return }
        let consumed = pos - currentStart
        if consumed > failConsumed || (consumed == failConsumed && pos == failPos && pc > failInst) {
            failConsumed = consumed; failPos = pos; failInst = pc
        }
    }
}

/// The matcher's buffers, allocated once per `MatchContext` and grown on demand: the visited
/// memo (stamped per start position, never cleared), the backtracking stack (frames packed
/// in an Int64: a thread is (pc, pos), a slot restore is (-(slot + 1), old value)), the
/// capture slots, and per sentence the ends of every lexicon entry found at a position, so
/// rules that share `@actors` walk its trie once per position.
final class VMBuffers {
    /// Two bytes a state (four before): a large program's memo rows, instructions × 2 bytes
    /// apart per token, then share cache lines twice as often, and the memo for the longest
    /// window and program takes 16 MB, not 32. Wrapping (every 65,535 runs) clears it.
    typealias Stamp = UInt16
    private(set) var visited: UnsafeMutablePointer<Stamp>
    private var visitedCap = 0
    private var stamp: Stamp = 0
    private(set) var stack: UnsafeMutablePointer<Int64>
    private var stackCap = 64
    private(set) var slots: UnsafeMutablePointer<Int32>
    private(set) var best: UnsafeMutablePointer<Int32>
    private var slotCap = 0
    /// Lexicon memo, indexed by lexicon × width + position: the sentence it is valid for,
    /// and the range of its ends in `ends`.
    private var memoSentence: UnsafeMutablePointer<UInt32>
    private var memoStart: UnsafeMutablePointer<Int32>
    private var memoCount: UnsafeMutablePointer<Int32>
    private var memoCap = 0
    private var memoWidth = -1
    private var sentence: UInt32 = 1
    private var ends: UnsafeMutablePointer<Int32>
    private var endsCount = 0
    private var endsCap = 64
    private var cursorStore: UnsafeMutablePointer<BranchCursor>
    private var cursorCap = 0
    private var lastsStore: UnsafeMutablePointer<Int>
    private var lastsCap = 0

    init() {
        visited = Self.zeroed(1)
        stack = .allocate(capacity: stackCap)
        slots = .allocate(capacity: 0)
        best = .allocate(capacity: 0)
        memoSentence = .allocate(capacity: 0)
        memoStart = .allocate(capacity: 0)
        memoCount = .allocate(capacity: 0)
        ends = .allocate(capacity: endsCap)
        cursorStore = .allocate(capacity: 0)
        lastsStore = .allocate(capacity: 0)
    }

    /// Room for `count` branch bounds, uninitialised.
    func lasts(_ count: Int) -> UnsafeMutablePointer<Int> { Self.room(count, &lastsStore, &lastsCap) }

    /// Room for `count` branch cursors (`MatchVM.runBranches`), uninitialised.
    @inline(__always)
    func cursors(_ count: Int) -> UnsafeMutablePointer<BranchCursor> { Self.room(count, &cursorStore, &cursorCap) }

    /// `store`, reallocated (contents dropped) when it holds fewer than `count` elements.
    @inline(__always)
    private static func room<T>(_ count: Int, _ store: inout UnsafeMutablePointer<T>, _ cap: inout Int) -> UnsafeMutablePointer<T> {
        if cap < count {
            store.deallocate()
            cap = max(count, 2 * cap)
            store = .allocate(capacity: cap)
        }
        return store
    }

    deinit {
        free(visited); stack.deallocate(); slots.deallocate(); best.deallocate()
        memoSentence.deallocate(); memoStart.deallocate(); memoCount.deallocate(); ends.deallocate()
        cursorStore.deallocate(); lastsStore.deallocate()
    }

    @inline(__always) static func thread(_ pc: Int, _ pos: Int) -> Int64 { Int64(pc) << 32 | Int64(UInt32(truncatingIfNeeded: pos)) }
    @inline(__always) static func restore(_ slot: Int, _ old: Int32) -> Int64 {
        Int64(-(slot + 1)) << 32 | Int64(UInt32(bitPattern: old))
    }

    func newSentence() {
        endsCount = 0
        if sentence == UInt32.max {
            memoSentence.update(repeating: 0, count: memoCap)
            sentence = 0
        }
        sentence += 1
    }

    func reserve(visited need: Int, slots slotNeed: Int, lexicons: Int, width: Int) {
        if visitedCap < need {
            free(visited)
            visitedCap = max(need, visitedCap * 2)
            visited = Self.zeroed(visitedCap)
            stamp = 0
        }
        if slotCap < slotNeed {
            slots.deallocate(); best.deallocate()
            slotCap = slotNeed
            slots = .allocate(capacity: slotCap); best = .allocate(capacity: slotCap)
            best.initialize(repeating: -1, count: slotCap)
        }
        if memoCap < lexicons * width {
            memoSentence.deallocate(); memoStart.deallocate(); memoCount.deallocate()
            memoCap = max(lexicons * width, memoCap * 2)
            memoSentence = .allocate(capacity: memoCap)
            memoStart = .allocate(capacity: memoCap)
            memoCount = .allocate(capacity: memoCap)
            memoSentence.initialize(repeating: 0, count: memoCap)
        }
        // A different length is a different sentence, even if `newSentence` was not called.
        if memoWidth != width { memoWidth = width; newSentence() }
    }

    /// `count` zeroed stamps from `calloc`: a large block comes as fresh pages, already zero,
    /// where clearing it ourselves (instructions × tokens × 2 bytes, up to 16 MB, at each
    /// doubling) cost 3% of matching the bench corpus and touched pages a sentence never uses.
    private static func zeroed(_ count: Int) -> UnsafeMutablePointer<Stamp> {
        guard let raw = calloc(max(count, 1), MemoryLayout<Stamp>.stride) else { fatalError("out of memory") }
        return raw.assumingMemoryBound(to: Stamp.self)
    }

    @inline(__always)
    func nextStamp() -> Stamp {
        if stamp == Stamp.max { visited.update(repeating: 0, count: visitedCap); stamp = 0 }
        stamp += 1
        return stamp
    }

    @inline(__always)
    func push(_ sp: inout Int, _ frame: Int64) {
        if sp == stackCap { growStack() }
        stack[sp] = frame
        sp += 1
    }

    private func growStack() {
        let bigger = UnsafeMutablePointer<Int64>.allocate(capacity: stackCap * 2)
        bigger.moveInitialize(from: stack, count: stackCap)
        stack.deallocate()
        stack = bigger
        stackCap *= 2
    }

    /// Token indices just past each entry of lexicon `k` starting at `pos`, shortest first.
    @inline(__always)
    func lexiconEnds(_ k: Int, _ pos: Int, _ width: Int, _ lexicons: LexiconTries,
                     _ tokens: UnsafeBufferPointer<Token>, _ text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<Int32> {
        // Most tokens begin no entry: one bitmap probe says so, with no memo to read or write.
        guard pos < tokens.count, lexicons.rootChild(k, tokens[pos].id) != nil else {
            return UnsafeBufferPointer(start: ends, count: 0)
        }
        let m = k * width + pos
        if memoSentence[m] != sentence {
            let first = endsCount
            lexicons.ends(k, in: tokens, sentence: text, from: pos) { self.appendEnd($0) }
            memoSentence[m] = sentence
            memoStart[m] = Int32(first)
            memoCount[m] = Int32(endsCount - first)
        }
        return UnsafeBufferPointer(start: ends + Int(memoStart[m]), count: Int(memoCount[m]))
    }

    private func appendEnd(_ e: Int) {
        if endsCount == endsCap {
            let bigger = UnsafeMutablePointer<Int32>.allocate(capacity: endsCap * 2)
            bigger.moveInitialize(from: ends, count: endsCount)
            ends.deallocate()
            ends = bigger
            endsCap *= 2
        }
        ends[endsCount] = Int32(e)
        endsCount += 1
    }
}

/// Where one top-level branch stands in `MatchVM.runBranches`: its next allowed start and last
/// one, and for an anchor the anchor token last found and the earliest start reaching it.
struct BranchCursor {
    var next: Int
    var last: Int
    var seen: Int
    var first: Int
    var fresh: Bool
}
