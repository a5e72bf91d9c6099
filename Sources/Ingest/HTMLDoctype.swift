/// The internal subset of a DOCTYPE (`<!DOCTYPE html [ <!ENTITY b "..."> ]>`) is not HTML:
/// libxml2's HTML parser ends the DOCTYPE at the first `>` and reads the rest of the subset
/// as text. It is blanked before parsing (newlines kept, so element lines do not move):
/// nothing declared there reaches the text and no entity declared there is ever expanded
/// (`&b;` stays as written, as in a browser).
enum HTMLDoctype {
    /// Blanks the internal subset of the DOCTYPE in the prolog (after a byte-order mark,
    /// whitespace, comments and processing instructions), if there is one.
    static func blankInternalSubset(_ bytes: inout [UInt8]) {
        guard let open = subsetStart(bytes) else { return }
        let end = subsetEnd(bytes, from: open + 1)
        for i in open..<end where bytes[i] != 0x0A && bytes[i] != 0x0D {
            bytes[i] = 0x20
        }
    }

    /// Index of the `[` that opens the internal subset of the prolog's DOCTYPE.
    static func subsetStart(_ b: [UInt8]) -> Int? {
        let n = b.count
        var i = b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while true {
            while i < n, isSpace(b[i]) { i += 1 }
            if has(b, at: i, "<!--") {
                guard let close = find(b, "-->", from: i + 4) else { return nil }
                i = close + 3
            } else if has(b, at: i, "<?") {
                guard let close = find(b, ">", from: i + 2) else { return nil }
                i = close + 1
            } else {
                break
            }
        }
        guard hasCaseless(b, at: i, "<!doctype") else { return nil }
        var j = i + 9
        while j < n {
            switch b[j] {
            case UInt8(ascii: ">"): return nil
            case UInt8(ascii: "["): return j
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                guard let close = b[(j + 1)...].firstIndex(of: b[j]) else { return nil }
                j = close + 1
            default: j += 1
            }
        }
        return nil
    }

    /// End (exclusive) of the blanked range: through the `]` that a `>` follows (quoted
    /// strings and comments inside skipped); when the subset never closes, up to the first
    /// `>`, where a browser ends the DOCTYPE.
    static func subsetEnd(_ b: [UInt8], from start: Int) -> Int {
        let n = b.count
        var k = start
        scan: while k < n {
            switch b[k] {
            case UInt8(ascii: "]"):
                var m = k + 1
                while m < n, isSpace(b[m]) { m += 1 }
                if m < n, b[m] == UInt8(ascii: ">") { return k + 1 }
                k += 1
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                guard let close = b[(k + 1)...].firstIndex(of: b[k]) else { break scan }
                k = close + 1
            case UInt8(ascii: "<") where has(b, at: k, "<!--"):
                guard let close = find(b, "-->", from: k + 4) else { break scan }
                k = close + 3
            default:
                k += 1
            }
        }
        return b[start...].firstIndex(of: UInt8(ascii: ">")) ?? n
    }

    private static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C
    }

    private static func has(_ b: [UInt8], at i: Int, _ s: StaticString) -> Bool {
        let count = s.utf8CodeUnitCount
        guard i + count <= b.count else { return false }
        return s.withUTF8Buffer { p in (0..<count).allSatisfy { b[i + $0] == p[$0] } }
    }

    private static func hasCaseless(_ b: [UInt8], at i: Int, _ s: StaticString) -> Bool {
        let count = s.utf8CodeUnitCount
        guard i + count <= b.count else { return false }
        return s.withUTF8Buffer { p in (0..<count).allSatisfy { HTMLEncoding.lower(b[i + $0]) == p[$0] } }
    }

    private static func find(_ b: [UInt8], _ s: StaticString, from start: Int) -> Int? {
        var i = start
        while i < b.count {
            guard let lt = b[i...].firstIndex(of: s.utf8Start.pointee) else { return nil }
            if has(b, at: lt, s) { return lt }
            i = lt + 1
        }
        return nil
    }
}
