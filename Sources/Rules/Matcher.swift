/// Runs a `Program` over a tokenised sentence: a backtracking VM with an explicit stack,
/// memoising visited (instruction, token) states so the work per start position is bounded
/// by instructions × tokens. Finds the leftmost start with a match and, there, the longest
/// match; among equally long ones, the captures of the first path in pattern order.
///
/// A struct, used through `inout`: its arrays are then plain locals to the compiler, with no
/// dynamic exclusivity check per access as stored properties of a class would need.
struct MatchVM {
    private enum Frame { case thread(Int32, Int32), restore(Int32, Int32) }
    private var stack: [Frame] = []
    private var visited: [UInt32] = []
    private var stamp: UInt32 = 0
    private var slots: [Int32] = []
    private var lexEnds: [Int] = []
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

    init() {}

    struct Found {
        var start: Int
        var end: Int
    }

    /// The best match of `program` in the sentence, or nil. Captures land in `bestSlots`.
    /// With `diagnose`, every start position runs and failures are tracked for `explain`;
    /// without, starts where no entry instruction accepts the token are skipped.
    mutating func run(_ program: ProgramCode, lexicons: LexiconTries, tokens: UnsafeBufferPointer<Token>,
                      sentence: UnsafeBufferPointer<UInt8>, diagnose: Bool = false) -> Found? {
        let n = tokens.count
        let width = n + 1
        let need = program.insts.count * width
        if visited.count < need { visited = Array(repeating: 0, count: need); stamp = 0 }
        self.diagnose = diagnose
        failPos = -1
        failInst = -1
        failConsumed = -1
        for start in 0..<max(n, 1) {
            if !diagnose, let entry = program.entry, !entry.accepts(tokens, start) { continue }
            if stamp == UInt32.max { for k in visited.indices { visited[k] = 0 }; stamp = 0 }
            stamp += 1
            if let end = runFrom(start, program, lexicons, tokens, sentence, width), end > start {
                return Found(start: start, end: end)
            }
        }
        return nil
    }

    private mutating func runFrom(_ start: Int, _ program: ProgramCode, _ lexicons: LexiconTries,
                                  _ tokens: UnsafeBufferPointer<Token>, _ sentence: UnsafeBufferPointer<UInt8>,
                                  _ width: Int) -> Int? {
        let n = tokens.count
        currentStart = start
        slots.removeAll(keepingCapacity: true)
        for _ in 0..<program.slotCount { slots.append(-1) }
        var best = -1
        stack.removeAll(keepingCapacity: true)
        stack.append(.thread(0, Int32(start)))
        while let frame = stack.popLast() {
            var pc: Int, pos: Int
            switch frame {
            case .restore(let slot, let old):
                slots[Int(slot)] = old
                continue
            case .thread(let p, let q):
                pc = Int(p); pos = Int(q)
            }
            thread: while true {
                let key = pc * width + pos
                if visited[key] == stamp { break }
                visited[key] = stamp
                switch program.insts[pc] {
                case .test(let k):
                    if pos < n, program.tests[Int(k)].accepts(tokens[pos], sentence) {
                        pc += 1; pos += 1
                    } else {
                        noteFailure(pc, pos)
                        break thread
                    }
                case .lexicon(let k):
                    lexEnds.removeAll(keepingCapacity: true)
                    if pos < n { lexicons.ends(Int(k), in: tokens, from: pos, into: &lexEnds) }
                    guard let longest = lexEnds.last else { noteFailure(pc, pos); break thread }
                    for e in lexEnds.dropLast() { stack.append(.thread(Int32(pc + 1), Int32(e))) }
                    pc += 1; pos = longest
                case .split(let a, let b):
                    stack.append(.thread(b, Int32(pos)))
                    pc = Int(a)
                case .jump(let a):
                    pc = Int(a)
                case .save(let slot):
                    stack.append(.restore(slot, slots[Int(slot)]))
                    slots[Int(slot)] = Int32(pos)
                    pc += 1
                case .assertStart:
                    guard pos == 0 else { noteFailure(pc, pos); break thread }
                    pc += 1
                case .assertEnd:
                    guard pos == n else { noteFailure(pc, pos); break thread }
                    pc += 1
                case .match:
                    if pos > best {
                        best = pos
                        bestSlots = slots
                    }
                    break thread
                }
            }
        }
        return best >= 0 ? best : nil
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
