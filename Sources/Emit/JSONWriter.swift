/// A minimal JSON writer straight into bytes: keys in the order written, so output is
/// byte-for-byte deterministic, and no intermediate objects on the hot path.
public struct JSONWriter {
    public private(set) var bytes: [UInt8]
    private var needsComma = false

    public init(reservingCapacity n: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(n)
    }

    public mutating func beginObject() { separate(); bytes.append(UInt8(ascii: "{")); needsComma = false }
    public mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma = true }
    public mutating func beginArray() { separate(); bytes.append(UInt8(ascii: "[")); needsComma = false }
    public mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma = true }

    public mutating func key(_ k: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        k.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A key that is not known at compile time (capture and field names).
    public mutating func key(_ k: String) {
        string(k)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func string(_ s: String) {
        separate()
        var s = s
        s.withUTF8 { appendEscaped($0) }
        needsComma = true
    }

    /// A number already in JSON form (an input's numeric id), written as it is.
    public mutating func number(literal: String) {
        separate()
        bytes.append(contentsOf: literal.utf8)
        needsComma = true
    }

    public mutating func int(_ v: Int) {
        separate()
        appendDigits(v)
        needsComma = true
    }

    /// Decimal digits without a String in between (records carry dozens of offsets).
    private mutating func appendDigits(_ v: Int) {
        if v < 0 { bytes.append(UInt8(ascii: "-")) }
        var m = v.magnitude
        if m < 10 { bytes.append(0x30 + UInt8(m)); return }
        // Least significant first into a stack buffer (a division by the constant 10 is a
        // multiply), then one copy.
        var tmp: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &tmp) { raw in
            let digits = raw.bindMemory(to: UInt8.self)
            var n = digits.count
            while m > 0 {
                n -= 1
                digits[n] = 0x30 + UInt8(truncatingIfNeeded: m % 10)
                m /= 10
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[n...]))
        }
    }

    /// Bytes that are already valid JSON (a pre-encoded fragment).
    public mutating func raw(_ fragment: [UInt8]) {
        separate()
        bytes.append(contentsOf: fragment)
        needsComma = true
    }

    public mutating func double(_ v: Double) {
        separate()
        appendDouble(v)
        needsComma = true
    }

    private mutating func appendDouble(_ v: Double) {
        if !v.isFinite {
            bytes.append(contentsOf: "null".utf8)
        } else if v == v.rounded(), abs(v) < 1e15 {
            appendDigits(Int(v))
        } else {
            bytes.append(contentsOf: v.description.utf8)
        }
    }

    // MARK: - Fixed layouts

    // A printer of a fixed layout (a record) writes its punctuation and keys as literals,
    // `,"index":` in one append instead of five; these add no commas and change no state.

    /// Bytes of the layout, verbatim.
    public mutating func put(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Bytes that are already valid JSON, verbatim.
    public mutating func put(_ fragment: [UInt8]) { bytes.append(contentsOf: fragment) }

    public mutating func put(_ v: Int) { appendDigits(v) }

    /// A quoted, escaped string.
    public mutating func put(string s: String) {
        var s = s
        s.withUTF8 { appendEscaped($0) }
    }

    public mutating func put(_ v: Double) { appendDouble(v) }

    public mutating func bool(_ v: Bool) {
        separate()
        bytes.append(contentsOf: (v ? "true" : "false").utf8)
        needsComma = true
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
        needsComma = true
    }

    public mutating func newline() {
        bytes.append(0x0A)
        needsComma = false
    }

    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        needsComma = false
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func appendEscaped(_ s: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        var i = 0
        let n = s.count
        while i < n {
            // Eight bytes at a time past the (usual) bytes that need no escape.
            if i + 8 <= n, case let w = SWAR.load(s, i),
               !SWAR.hasByte(w, below: 0x20), !SWAR.hasByte(w, 0x22), !SWAR.hasByte(w, 0x5C) {
                i += 8
                continue
            }
            let b = s[i]
            i += 1
            guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
            let at = i - 1
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: s[runStart..<at]))
            runStart = at + 1
            bytes.append(UInt8(ascii: "\\"))
            switch b {
            case 0x22: bytes.append(0x22)
            case 0x5C: bytes.append(0x5C)
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                let hex: StaticString = "0123456789abcdef"
                bytes.append(contentsOf: "u00".utf8)
                bytes.append(hex.utf8Start[Int(b >> 4)])
                bytes.append(hex.utf8Start[Int(b & 0xF)])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: s[runStart..<s.count]))
        bytes.append(UInt8(ascii: "\""))
    }
}
