/// Converts UTF-8 byte offsets of a text into scalar and UTF-16 offsets.
///
/// Records ask in (mostly) increasing order, so the counter keeps a cursor and walks
/// forward from it: a whole document costs one pass, never a rescan from the start.
struct OffsetCounter {
    private let bytes: [UInt8]
    private var byte = 0, scalar = 0, utf16 = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// (scalar, utf16) offsets of byte offset `target`, which must start a scalar.
    mutating func position(of target: Int) -> (scalar: Int, utf16: Int) {
        if target < byte { byte = 0; scalar = 0; utf16 = 0 }
        while byte < target {
            let b = bytes[byte]
            if b < 0x80 { byte += 1; scalar += 1; utf16 += 1; continue }
            let len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            byte += len
            scalar += 1
            utf16 += len == 4 ? 2 : 1
        }
        return (scalar, utf16)
    }

    mutating func offsets(_ range: Range<Int>) -> Offsets {
        let s = position(of: range.lowerBound)
        let e = position(of: range.upperBound)
        return Offsets(scalar: s.scalar..<e.scalar, utf16: s.utf16..<e.utf16, utf8: range)
    }
}
