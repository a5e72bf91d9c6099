/// Converts UTF-8 byte offsets of a text into scalar and UTF-16 offsets.
///
/// Records ask in (mostly) increasing order, so the counter keeps a cursor and walks
/// from it: a whole document costs about one pass.
struct OffsetCounter {
    private let bytes: [UInt8]
    private var byte = 0, scalar = 0, utf16 = 0
    /// A range known to be all ASCII, and the offsets of its start: positions inside it
    /// are computed, not walked to.
    private var ascii = 0..<0, asciiScalar = 0, asciiUTF16 = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Offsets of a sentence, which the spans asked for next lie inside: the cursor stays
    /// at its start, and when it is all ASCII (most are) they cost no walk at all.
    mutating func enter(_ range: Range<Int>) -> Offsets {
        let s = position(of: range.lowerBound)
        let isASCII = bytes.withUnsafeBufferPointer { p in
            var i = range.lowerBound
            // The bytes ORed sixteen at a time, tested once: a sentence is rarely not ASCII.
            var seen = SIMD16<UInt8>()
            while i + 16 <= range.upperBound {
                seen |= SWAR.load16(p.baseAddress! + i)
                i += 16
            }
            if !SWAR.none(seen .>= SWAR.splat(0x80)) { return false }
            while i + 8 <= range.upperBound {
                if !SWAR.isASCII(SWAR.load(p, i)) { return false }
                i += 8
            }
            while i < range.upperBound { if p[i] >= 0x80 { return false }; i += 1 }
            return true
        }
        ascii = isASCII ? range : 0..<0
        asciiScalar = s.scalar
        asciiUTF16 = s.utf16
        if isASCII {
            // The next sentence is walked to from this one's end, not rescanned from its start.
            byte = range.upperBound; scalar = s.scalar + range.count; utf16 = s.utf16 + range.count
        }
        return offsets(range)
    }

    /// (scalar, utf16) offsets of byte offset `target`, which must start a scalar.
    /// Walks from the cursor in either direction: spans inside the last sentence are
    /// just behind it, so nothing is ever rescanned from the start of the text.
    mutating func position(of target: Int) -> (scalar: Int, utf16: Int) {
        if target >= ascii.lowerBound && target <= ascii.upperBound && !ascii.isEmpty {
            let d = target - ascii.lowerBound
            return (asciiScalar + d, asciiUTF16 + d)
        }
        guard !bytes.isEmpty else { return (0, 0) }
        bytes.withUnsafeBufferPointer { p in
            while byte > target {
                // Eight ASCII bytes at a time (one scalar and one UTF-16 unit each).
                if byte - 8 >= target, SWAR.isASCII(SWAR.load(p, byte - 8)) {
                    byte -= 8; scalar -= 8; utf16 -= 8
                    continue
                }
                byte -= 1
                let b = p[byte]
                if b & 0xC0 == 0x80 { continue }
                scalar -= 1
                utf16 -= b >= 0xF0 ? 2 : 1
            }
            while byte < target {
                if byte + 16 <= target, SWAR.isASCII(SWAR.load(p, byte) | SWAR.load(p, byte + 8)) {
                    byte += 16; scalar += 16; utf16 += 16
                    continue
                }
                if byte + 8 <= target, SWAR.isASCII(SWAR.load(p, byte)) {
                    byte += 8; scalar += 8; utf16 += 8
                    continue
                }
                let b = p[byte]
                if b < 0x80 { byte += 1; scalar += 1; utf16 += 1; continue }
                let len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                byte += len
                scalar += 1
                utf16 += len == 4 ? 2 : 1
            }
        }
        return (scalar, utf16)
    }

    mutating func offsets(_ range: Range<Int>) -> Offsets {
        let s = position(of: range.lowerBound)
        let e = position(of: range.upperBound)
        return Offsets(scalar: s.scalar..<e.scalar, utf16: s.utf16..<e.utf16, utf8: range)
    }
}
