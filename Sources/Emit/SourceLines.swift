/// Line starts of a source file, for `line:column` of a byte offset.
struct SourceLines {
    private var starts: [Int] = [0]
    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        // LF, CRLF and lone CR all end a line. Eight bytes at a time past runs with neither.
        bytes.withUnsafeBufferPointer { p in
            let n = p.count
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            var i = 0
            while i < n {
                if i + 8 <= n {
                    let w = UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    let lf = w ^ (ones &* 0x0A), cr = w ^ (ones &* 0x0D)
                    if ((lf &- ones) & ~lf | (cr &- ones) & ~cr) & highs == 0 { i += 8; continue }
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
