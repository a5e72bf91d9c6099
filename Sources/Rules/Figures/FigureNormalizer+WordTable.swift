/// Words (or short phrases) looked up by their UTF-8 bytes, for the normaliser's word
/// lists: a figure match asks a few dozen times whether a token is a hedge, a rise word,
/// a scale word..., and making a String of the token and hashing it for a `Set<String>`
/// costs about a thousand instructions each time. Open addressing on an FNV-1a hash of the
/// bytes, compared byte for byte.
///
/// Byte equality is what `String` equality gives here: the tokens are compared with
/// lists of ASCII words (and "złoty", currency symbols), and no character a token can hold
/// is canonically equivalent to one of those but written with other bytes.
struct WordTable<Value: Sendable>: Sendable {
    /// The keys' bytes end to end; key k is `bytes[ends[k - 1]..<ends[k]]`.
    private let bytes: [UInt8]
    private let ends: [Int]
    private let values: [Value]
    /// Slot -> key index, or -1; a power of two, at most half full.
    private let slots: [Int32]

    init(_ pairs: [(String, Value)]) {
        var size = 8
        while size < 2 * pairs.count { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        var keys: [[UInt8]] = []
        var values: [Value] = []
        for (word, value) in pairs {
            let k = Array(word.utf8)
            var s = Int(truncatingIfNeeded: k.withUnsafeBufferPointer(Self.hash)) & (size - 1)
            var duplicate = false
            while slots[s] >= 0 {
                if keys[Int(slots[s])] == k { duplicate = true; break }   // the first entry wins
                s = (s + 1) & (size - 1)
            }
            if duplicate { continue }
            slots[s] = Int32(keys.count)
            keys.append(k)
            values.append(value)
        }
        bytes = keys.flatMap { $0 }
        var ends: [Int] = []
        for k in keys { ends.append((ends.last ?? 0) + k.count) }
        self.ends = ends
        self.values = values
        self.slots = slots
    }

    /// The same table in arrays of its own (`UnitRegistry.copied`).
    func copied() -> WordTable {
        WordTable(bytes: bytes.map { $0 }, ends: ends.map { $0 }, values: values.map { $0 }, slots: slots.map { $0 })
    }

    private init(bytes: [UInt8], ends: [Int], values: [Value], slots: [Int32]) {
        (self.bytes, self.ends, self.values, self.slots) = (bytes, ends, values, slots)
    }

    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in b { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        return h ^ (h >> 29)
    }

    subscript(_ w: UnsafeBufferPointer<UInt8>) -> Value? {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: Self.hash(w)) & mask
        return bytes.withUnsafeBufferPointer { b in
            while case let k = Int(slots[s]), k >= 0 {
                let start = k == 0 ? 0 : ends[k - 1]
                if ends[k] - start == w.count, Self.equal(b, start, w) { return values[k] }
                s = (s + 1) & mask
            }
            return nil
        }
    }

    private static func equal(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ w: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < w.count { if b[start + i] != w[i] { return false }; i += 1 }
        return true
    }

    func contains(_ w: UnsafeBufferPointer<UInt8>) -> Bool { self[w] != nil }
}

typealias WordSet = WordTable<Void>

extension WordTable where Value == Void {
    init(_ words: [String]) { self.init(words.map { ($0, ()) }) }
}

extension WordTable {
    init(_ map: [String: Value]) { self.init(map.map { ($0.key, $0.value) }) }
}

extension UnsafeBufferPointer<UInt8> {
    /// The bytes are exactly those of `s`.
    func spells(_ s: StaticString) -> Bool {
        guard count == s.utf8CodeUnitCount else { return false }
        let p = s.utf8Start
        var i = 0
        while i < count { if self[i] != p[i] { return false }; i += 1 }
        return true
    }
}
