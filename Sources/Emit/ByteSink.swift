/// A growable byte buffer written through a raw pointer, for the record printer: a record is
/// hundreds of small writes, and each `Array.append(contentsOf:)` costs a uniqueness and
/// capacity check plus a call, about a hundred instructions. Here a write is one capacity
/// compare and a copy. Noncopyable, so the memory has exactly one owner.
///
/// The memory is an array from the start, so `finish` hands the lines over without copying
/// them (a document's records are several times its size). While writing, the array's count
/// is its whole capacity (bytes need no initialising) and only this sink, its one owner,
/// writes into it through `base`; `finish` cuts it to what was written.
struct ByteSink: ~Copyable {
    private var storage: [UInt8]
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 256)
        storage = Self.uninitialized(self.capacity)
        base = storage.withUnsafeMutableBufferPointer { $0.baseAddress! }
    }

    private static func uninitialized(_ n: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: n) { _, initialized in initialized = n }
    }

    /// A copy of the bytes written so far.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The bytes written, without a copy. (The storage is swapped out first: cut while this
    /// sink still held it, the array was not unique and `removeLast` copied it whole, twice
    /// a document's output at once.)
    consuming func finish() -> [UInt8] {
        var out: [UInt8] = []
        swap(&out, &storage)
        out.removeLast(capacity - count)
        return out
    }

    /// The bytes written so far, without a copy; writing goes on, from empty, into a new
    /// buffer of `newCapacity` bytes.
    mutating func take(newCapacity: Int) -> [UInt8] {
        var out = Self.uninitialized(max(newCapacity, 256))
        swap(&out, &storage)
        out.removeLast(capacity - count)
        capacity = max(newCapacity, 256)
        base = storage.withUnsafeMutableBufferPointer { $0.baseAddress! }
        count = 0
        return out
    }

    /// Room for `n` more bytes.
    @inline(__always)
    mutating func reserve(_ n: Int) {
        if capacity - count < n { grow(n) }
    }

    private mutating func grow(_ n: Int) {
        let newCapacity = max(capacity * 2, count + n)
        var bigger = Self.uninitialized(newCapacity)
        let p = bigger.withUnsafeMutableBufferPointer { $0.baseAddress! }
        p.update(from: base, count: count)
        storage = bigger
        base = p
        capacity = newCapacity
    }

    @inline(__always)
    mutating func put(_ literal: StaticString) {
        put(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    @inline(__always)
    mutating func put(_ b: UnsafeBufferPointer<UInt8>) {
        reserve(b.count)
        if let p = b.baseAddress { (base + count).update(from: p, count: b.count) }
        count += b.count
    }

    @inline(__always)
    mutating func put(byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Copies bytes this sink already holds (a string written earlier in the record).
    mutating func repeatBytes(_ r: Range<Int>) {
        reserve(r.count)
        (base + count).update(from: base + r.lowerBound, count: r.count)
        count += r.count
    }

    mutating func put(_ v: Int) { write(reserving: 20) { $0.put(v) } }

    /// Several writes after one capacity check of `n` bytes, which they must not exceed.
    @inline(__always)
    mutating func write(reserving n: Int, _ body: (inout ByteCursor) -> Void) {
        reserve(n)
        var c = ByteCursor(p: base + count)
        body(&c)
        count = c.p - base
    }

    /// A field value: as `JSONWriter.put(_: Double)` writes it.
    mutating func put(_ v: Double) {
        if !v.isFinite {
            put("null")
        } else if v == v.rounded(), abs(v) < 1e15 {
            put(Int(v))
        } else {
            put(string: v.description, quoted: false)
        }
    }

    mutating func put(string s: String, quoted: Bool = true) {
        // Native strings lend their bytes as they are; only others need the copy `withUTF8` makes.
        if s.utf8.withContiguousStorageIfAvailable({ u in put(utf8: u, quoted: quoted) }) != nil { return }
        var s = s
        s.withUTF8 { u in put(utf8: u, quoted: quoted) }
    }

    @inline(__always)
    private mutating func put(utf8 u: UnsafeBufferPointer<UInt8>, quoted: Bool) {
        if quoted {
            _ = putEscaped(u)   // a String is valid UTF-8
        } else {
            put(u)
        }
    }

    /// A quoted, escaped JSON string of the bytes, which must be valid UTF-8 to be written
    /// as they are; returns false and writes nothing when they are not (the caller repairs
    /// them as `String(decoding:)` does).
    mutating func putEscaped(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = s.count
        reserve(6 * n + 2)   // at worst every byte becomes \u00XX
        let start = count
        var out = base + count
        out.pointee = UInt8(ascii: "\"")
        out += 1
        guard let src = s.baseAddress else {
            out.pointee = UInt8(ascii: "\"")
            count += 2
            return true
        }
        var i = 0
        while i < n {
            // Sixteen or eight bytes at a time: ASCII needing no escape is stored as it is.
            if i + 16 <= n, case let v = SWAR.load16(src + i), SWAR.none(v .< SWAR.splat(0x20) .| v .>= SWAR.splat(0x80) .| v .== SWAR.splat(0x22) .| v .== SWAR.splat(0x5C)) {
                UnsafeMutableRawPointer(out).storeBytes(of: v, as: SIMD16<UInt8>.self)
                out += 16
                i += 16
                continue
            }
            if i + 8 <= n, case let w = SWAR.load(s, i), Self.isPlain(w) {
                UnsafeMutableRawPointer(out).storeBytes(of: w, as: UInt64.self)
                out += 8
                i += 8
                continue
            }
            // The last few bytes: the word ending at the end, when it is plain, overlaps
            // bytes already copied as they are.
            if i > n - 8, n >= 8, case let w = SWAR.load(s, n - 8), Self.isPlain(w) {
                UnsafeMutableRawPointer(out - (i - (n - 8))).storeBytes(of: w, as: UInt64.self)
                out += n - i
                i = n
                break
            }
            let b = src[i]
            if b >= 0x80 {
                let len = Self.validSequence(s, i)
                guard len > 0 else { count = start; return false }
                out.update(from: src + i, count: len)
                out += len
                i += len
                continue
            }
            i += 1
            if b >= 0x20 && b != 0x22 && b != 0x5C { out.pointee = b; out += 1; continue }
            out.pointee = UInt8(ascii: "\\")
            switch b {
            case 0x22, 0x5C: out[1] = b; out += 2
            case 0x0A: out[1] = UInt8(ascii: "n"); out += 2
            case 0x0D: out[1] = UInt8(ascii: "r"); out += 2
            case 0x09: out[1] = UInt8(ascii: "t"); out += 2
            default:
                let hex: StaticString = "0123456789abcdef"
                out[1] = UInt8(ascii: "u"); out[2] = 0x30; out[3] = 0x30
                out[4] = hex.utf8Start[Int(b >> 4)]
                out[5] = hex.utf8Start[Int(b & 0xF)]
                out += 6
            }
        }
        out.pointee = UInt8(ascii: "\"")
        out += 1
        count = out - base
        return true
    }

    /// Eight ASCII bytes none of which needs an escape.
    @inline(__always)
    private static func isPlain(_ w: UInt64) -> Bool {
        SWAR.isASCII(w) && !SWAR.hasByte(w, below: 0x20) && !SWAR.hasByte(w, 0x22) && !SWAR.hasByte(w, 0x5C)
    }

    /// Length of the well-formed UTF-8 sequence at `i` (lead byte >= 0x80), 0 if ill-formed
    /// (Unicode table 3-7: no overlong forms, surrogates or values past U+10FFFF).
    private static func validSequence(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = s[i], n = s.count
        func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            i + k < n && s[i + k] >= lo && s[i + k] <= hi
        }
        switch b {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE, 0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }
}

/// Writes into space a `ByteSink` has reserved (`ByteSink.write(reserving:_:)`).
struct ByteCursor {
    var p: UnsafeMutablePointer<UInt8>

    @inline(__always)
    mutating func put(_ literal: StaticString) {
        p.update(from: literal.utf8Start, count: literal.utf8CodeUnitCount)
        p += literal.utf8CodeUnitCount
    }

    @inline(__always)
    mutating func put(byte: UInt8) { p.pointee = byte; p += 1 }

    /// Bytes written earlier (`from` lies before `p`).
    mutating func copy(_ from: UnsafeMutablePointer<UInt8>, count: Int) {
        p.update(from: from, count: count)
        p += count
    }

    /// Decimal digits (at most 20 bytes): the digit count first, then the digits backwards,
    /// two at a time from a table of "00"..."99".
    mutating func put(_ v: Int) {
        if v < 0 { put(byte: UInt8(ascii: "-")) }
        var m = v.magnitude
        var n = 1
        var t = m
        while t >= 10_000 { t /= 10_000; n += 4 }
        if t >= 100 { n += t >= 1_000 ? 3 : 2 } else if t >= 10 { n += 1 }
        var q = p + n
        Self.digitPairs.withUTF8Buffer { pairs in
            while m >= 100 {
                let r = Int(m % 100)
                m /= 100
                q -= 2
                q[0] = pairs[2 * r]
                q[1] = pairs[2 * r + 1]
            }
            if m >= 10 {
                q -= 2
                q[0] = pairs[2 * Int(m)]
                q[1] = pairs[2 * Int(m) + 1]
            } else {
                q -= 1
                q[0] = 0x30 + UInt8(truncatingIfNeeded: m)
            }
        }
        p += n
    }

    private static let digitPairs: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """

}
