/// `line:column` of byte offsets in a source file.
///
/// Records ask in increasing order, so this keeps a cursor and walks from it instead of
/// indexing every line start up front: a document costs one pass up to its last record,
/// and a column is not recounted from the line start (a paragraph is often one long line).
struct SourceLines {
    private let bytes: [UInt8]
    /// The location of byte `offset`, and where its line starts.
    private var offset = 0, line = 1, column = 1, lineStart = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// 1-based line, 1-based column in Unicode scalars. LF, CRLF and lone CR end a line.
    mutating func location(of target: Int) -> (line: Int, column: Int) {
        let target = min(target, bytes.count)
        if target < offset {
            // Behind the cursor: recount the column on the same line, else start over.
            if target >= lineStart { offset = lineStart; column = 1 } else { offset = 0; line = 1; column = 1; lineStart = 0 }
        }
        // The cursor in locals while walking: kept in `self`, every step was a load and a store.
        var (i, line, column, lineStart) = (offset, self.line, self.column, self.lineStart)
        bytes.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            let n = p.count
            while i < target {
                // Thirty-two, then eight bytes at a time past runs with no line end: a scalar per
                // byte that is not a continuation byte (10xxxxxx).
                if i + 32 <= target {
                    let v = SWAR.load16(base + i), w = SWAR.load16(base + i + 16)
                    let lo = unsafeBitCast(v .>= SWAR.splat(0x80) .| v .< SWAR.splat(0x0E), to: (UInt64, UInt64).self)
                    let hi = unsafeBitCast(w .>= SWAR.splat(0x80) .| w .< SWAR.splat(0x0E), to: (UInt64, UInt64).self)
                    if lo.0 | lo.1 | hi.0 | hi.1 == 0 {
                        column += 32
                        i += 32
                        continue
                    }
                    // The first byte that stopped it (lanes are 0xFF bytes): when an LF, the
                    // ASCII before it needs no counting, the line starts after it.
                    let f = lo.0 != 0 ? lo.0.trailingZeroBitCount / 8 : lo.1 != 0 ? 8 + lo.1.trailingZeroBitCount / 8
                        : hi.0 != 0 ? 16 + hi.0.trailingZeroBitCount / 8 : 24 + hi.1.trailingZeroBitCount / 8
                    if p[i + f] == 0x0A {
                        i += f + 1
                        line += 1; column = 1; lineStart = i
                        continue
                    }
                }
                if i + 8 <= target, case let w = SWAR.load(p, i), !SWAR.hasByte(w, 0x0A), !SWAR.hasByte(w, 0x0D) {
                    column += SWAR.isASCII(w) ? 8 : 8 - (w & ~(w << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                    i += 8
                    continue
                }
                let b = p[i]
                i += 1
                if b == 0x0A || (b == 0x0D && (i == n || p[i] != 0x0A)) {
                    line += 1; column = 1; lineStart = i
                } else if b & 0xC0 != 0x80 {
                    column += 1
                }
            }
        }
        (self.line, self.column, self.lineStart) = (line, column, lineStart)
        offset = target
        return (line, column)
    }
}
