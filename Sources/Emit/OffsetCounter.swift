/// Converts UTF-8 byte offsets of a text into scalar and UTF-16 offsets.
///
/// Records ask in (mostly) increasing order, so the counter keeps a cursor and walks
/// from it: a whole document costs about one pass.
struct OffsetCounter {
    private let bytes: [UInt8]
    private var byte = 0, scalar = 0, utf16 = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// (scalar, utf16) offsets of byte offset `target`, which must start a scalar.
    /// Walks from the cursor in either direction: spans inside the last sentence are
    /// just behind it, so nothing is ever rescanned from the start of the text.
    mutating func position(of target: Int) -> (scalar: Int, utf16: Int) {
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
