/// Line starts of a source file, for `line:column` of a byte offset.
struct SourceLines {
    private var starts: [Int] = [0]
    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        // LF, CRLF and lone CR all end a line. Eight bytes at a time past runs with neither.
        bytes.withUnsafeBufferPointer { p in
            let n = p.count
            var i = 0
            while i < n {
                if i + 8 <= n, case let w = SWAR.load(p, i), !SWAR.hasByte(w, 0x0A), !SWAR.hasByte(w, 0x0D) {
                    i += 8
                    continue
                }
                let b = p[i]
                if b == 0x0A || (b == 0x0D && (i + 1 == n || p[i + 1] != 0x0A)) { starts.append(i + 1) }
                i += 1
            }
        }
    }

    /// 1-based line, 1-based column in Unicode scalars.
    func location(of offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] <= offset { lo = mid + 1 } else { hi = mid }
        }
        let start = starts[lo - 1]
        var column = 1
        for i in start..<min(offset, bytes.count) where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return (lo, column)
    }
}
