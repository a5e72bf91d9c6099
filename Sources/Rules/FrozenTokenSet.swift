/// A `TokenSet` copied into raw buffers owned by a `ProgramCode` (its id bitmap by the rule
/// set's `BitmapPool`), for the matcher's start filters and split guards. Copying it is
/// copying pointers: binding an `EntryFilter` or a `StartAnchor` in every `run` retained and
/// released their arrays, which both batch workers share, so the cores also fought over the
/// reference counts.
struct FrozenTokenSet: @unchecked Sendable {
    let classHas: UnsafeMutableBufferPointer<UInt32>
    let classNot: UnsafeMutableBufferPointer<UInt32>
    let bits: UnsafeBufferPointer<UInt64>

    init(_ s: TokenSet, _ pool: BitmapPool) {
        classHas = Self.copy(s.classHas.map(\.rawValue))
        classNot = Self.copy(s.classNot.map(\.rawValue))
        bits = pool.intern(s.bitWords)
    }

    /// A split guard's set made directly from its sorted ids and class tests: its bitmap
    /// written into `scratch` (kept by the caller from guard to guard) and interned from
    /// there, not made as an `IDBitmap` and a `TokenSet` of its own each. The same bits and
    /// class lists as `init(TokenSet(ids: IDBitmap(ids), ...), pool)` (`FrozenGuardsTests`).
    init(ids: [Int32], has: [UInt32], not: [UInt32], _ pool: BitmapPool, scratch: inout [UInt64]) {
        classHas = Self.copy(has)
        classNot = Self.copy(not)
        guard let top = ids.max(), top >= 0 else {
            bits = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        let n = Int(top) >> 6 + 1
        if scratch.count < n { scratch = Array(repeating: 0, count: n) }
        bits = scratch.withUnsafeMutableBufferPointer { w in
            let words = UnsafeMutableBufferPointer(rebasing: w[..<n])
            words.update(repeating: 0)
            for id in ids where id >= 0 { words[Int(id) >> 6] |= 1 << UInt64(id & 63) }
            return pool.intern(UnsafeBufferPointer(words))
        }
    }

    /// `list` in a buffer of its own; no allocation for an empty list (most guards and
    /// filters have no class test), whose buffer has no start (`deallocate` skips it).
    private static func copy(_ list: [UInt32]) -> UnsafeMutableBufferPointer<UInt32> {
        guard !list.isEmpty else { return UnsafeMutableBufferPointer(start: nil, count: 0) }
        let b = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: list.count)
        _ = b.initialize(from: list)
        return b
    }

    /// Only `ProgramCode.deinit` calls it (the bitmap is the pool's).
    func deallocate() { classHas.deallocate(); classNot.deallocate() }

    /// As `TokenSet.accepts`.
    @inline(__always)
    func accepts(_ t: Token) -> Bool {
        let c = t.classes.rawValue
        for k in 0..<classHas.count where c & classHas[k] == classHas[k] && c & classNot[k] == 0 { return true }
        guard t.id >= 0 else { return false }
        let word = Int(t.id) >> 6
        return word < bits.count && bits[word] & (1 << UInt64(t.id & 63)) != 0
    }
}

/// `EntryFilter`, frozen.
struct FrozenEntry: Sendable {
    let tokens: FrozenTokenSet
    let atStart: Bool

    init(_ e: EntryFilter, _ pool: BitmapPool) { tokens = FrozenTokenSet(e.tokens, pool); atStart = e.atStart }

    @inline(__always)
    func accepts(_ tokens: UnsafeBufferPointer<Token>, _ pos: Int) -> Bool {
        if atStart && pos == 0 { return true }
        return pos < tokens.count && self.tokens.accepts(tokens[pos])
    }
}

/// `StartAnchor`, frozen.
struct FrozenAnchor: Sendable {
    let tokens: FrozenTokenSet
    let minOffset: Int
    let maxOffset: Int
    let prefix: FrozenTokenSet?

    init(_ a: StartAnchor, _ pool: BitmapPool) {
        tokens = FrozenTokenSet(a.tokens, pool)
        minOffset = a.minOffset
        maxOffset = a.maxOffset
        prefix = a.prefix.map { FrozenTokenSet($0, pool) }
    }

    func deallocate() { tokens.deallocate(); prefix?.deallocate() }

    /// The earliest start whose match can have its anchor at token `p`: at most `maxOffset`
    /// tokens back, over tokens the elements before the anchor can consume. It may exceed
    /// `p - minOffset`, when no start can.
    @inline(__always)
    func earliestStart(before p: Int, _ tokens: UnsafeBufferPointer<Token>) -> Int {
        let floor = max(0, p - maxOffset)
        guard let prefix else { return floor }
        var s = p
        while s > floor && prefix.accepts(tokens[s - 1]) { s -= 1 }
        return s
    }
}
