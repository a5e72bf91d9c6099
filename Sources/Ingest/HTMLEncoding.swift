import CLibXML2

/// Decides a page's character encoding before libxml2 sees it, the way a browser does:
/// byte-order mark, then a `<meta charset>` / `http-equiv` label near the top, then UTF-8
/// when the bytes are valid UTF-8, else windows-1252. The parser is then told the answer and
/// asked to ignore in-document hints, so one decision holds for the whole page.
enum HTMLEncoding {
    /// How many leading bytes are searched for a `<meta>` charset (browsers use 1024; pages
    /// with long `<head>` scripts put it later, so look a little further).
    static let prescanLimit = 4096

    struct Decision: Equatable {
        /// Name libxml2 knows (`UTF-8`, `windows-1252`, ...).
        var name: String
        /// Bytes of a byte-order mark to skip.
        var bomLength: Int
    }

    static func decide(_ bytes: [UInt8]) -> Decision {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Decision(name: "UTF-8", bomLength: 3) }
        if bytes.starts(with: [0xFE, 0xFF]) { return Decision(name: "UTF-16BE", bomLength: 2) }
        if bytes.starts(with: [0xFF, 0xFE]) { return Decision(name: "UTF-16LE", bomLength: 2) }
        if let label = metaCharset(bytes), let name = canonicalName(label) {
            return Decision(name: name, bomLength: 0)
        }
        let valid = bytes.withUnsafeBufferPointer(UTF8Check.firstInvalidOffset) == nil
        return Decision(name: valid ? "UTF-8" : "windows-1252", bomLength: 0)
    }

    /// The charset label of the first `<meta>` tag that declares one, lowercased.
    static func metaCharset(_ bytes: [UInt8]) -> String? {
        let n = min(bytes.count, prescanLimit)
        var i = 0
        while i + 5 < n {
            if bytes[i] == UInt8(ascii: "<"), lower(bytes[i + 1]) == UInt8(ascii: "m"),
               lower(bytes[i + 2]) == UInt8(ascii: "e"), lower(bytes[i + 3]) == UInt8(ascii: "t"),
               lower(bytes[i + 4]) == UInt8(ascii: "a") {
                var end = i + 5
                while end < bytes.count, end < i + 1024, bytes[end] != UInt8(ascii: ">") { end += 1 }
                if let label = charsetLabel(bytes[(i + 5)..<end]) { return label }
                i = end
            }
            i += 1
        }
        return nil
    }

    /// Finds `charset` `=` value inside one tag's bytes; covers both `charset="x"` and
    /// `content="text/html; charset=x"`.
    static func charsetLabel(_ tag: ArraySlice<UInt8>) -> String? {
        let key = Array("charset".utf8)
        var i = tag.startIndex
        while i + key.count <= tag.endIndex {
            var match = true
            for k in 0..<key.count where lower(tag[i + k]) != key[k] { match = false; break }
            if match {
                var j = i + key.count
                while j < tag.endIndex, tag[j] == 0x20 || tag[j] == 0x09 { j += 1 }
                guard j < tag.endIndex, tag[j] == UInt8(ascii: "=") else { i += 1; continue }
                j += 1
                while j < tag.endIndex, tag[j] == 0x20 || tag[j] == 0x09 || tag[j] == 0x22 || tag[j] == 0x27 { j += 1 }
                var label = [UInt8]()
                while j < tag.endIndex, label.count < 40 {
                    let b = lower(tag[j])
                    let isLabel = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
                        || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: ":") || b == UInt8(ascii: ".")
                    guard isLabel else { break }
                    label.append(b)
                    j += 1
                }
                if !label.isEmpty { return String(decoding: label, as: UTF8.self) }
            }
            i += 1
        }
        return nil
    }

    /// WHATWG label -> encoding name; nil when neither the label nor libxml2 knows it.
    /// Latin-1 and ASCII labels mean windows-1252 in browsers (0x80-0x9F are curly quotes,
    /// dashes, the euro sign), so they get the same table here. A UTF-16 label inside an
    /// ASCII-readable page is a lie and means UTF-8.
    static func canonicalName(_ label: String) -> String? {
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be", "unicode":
            return "UTF-8"
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "cp819", "ibm819",
             "us-ascii", "ascii", "ansi_x3.4-1968", "windows-1252", "cp1252", "x-cp1252":
            return "windows-1252"
        default:
            guard let handler = xmlFindCharEncodingHandler(label) else { return nil }
            xmlCharEncCloseFunc(handler)
            return label
        }
    }

    /// Valid UTF-8 with every malformed sequence replaced by U+FFFD, as a browser shows it.
    static func repairedUTF8(_ bytes: [UInt8], from start: Int) -> [UInt8] {
        bytes.withUnsafeBufferPointer { buf in
            var out = [UInt8]()
            out.reserveCapacity(buf.count - start + 16)
            var i = start
            while i < buf.count {
                let rest = UnsafeBufferPointer(rebasing: buf[i...])
                guard let bad = UTF8Check.firstInvalidOffset(rest) else {
                    out.append(contentsOf: rest)
                    break
                }
                out.append(contentsOf: rest[..<bad])
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                i += bad + 1
            }
            return out
        }
    }

    /// True for big-endian, false for little-endian when the bytes start with a UTF-16
    /// byte-order mark (FE FF / FF FE); nil otherwise.
    static func utf16ByteOrder(_ bytes: ArraySlice<UInt8>) -> Bool? {
        guard bytes.count >= 2 else { return nil }
        let a = bytes[bytes.startIndex], b = bytes[bytes.startIndex + 1]
        if a == 0xFE && b == 0xFF { return true }
        if a == 0xFF && b == 0xFE { return false }
        return nil
    }

    /// Byte offset of the first U+0000 code unit of UTF-16 text after the byte-order mark.
    static func firstNULUnit(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + 1 < bytes.count {
            if bytes[i] == 0 && bytes[i + 1] == 0 { return i }
            i += 2
        }
        return nil
    }

    /// UTF-16 (from `start`, after the byte-order mark) -> UTF-8; unpaired surrogates and
    /// an odd last byte become U+FFFD, as a browser shows them.
    static func utf8FromUTF16(_ bytes: [UInt8], from start: Int, bigEndian: Bool) -> [UInt8] {
        var units = [UInt16]()
        units.reserveCapacity((bytes.count - start) / 2)
        var i = start
        while i + 1 < bytes.count {
            let hi = bigEndian ? bytes[i] : bytes[i + 1]
            let lo = bigEndian ? bytes[i + 1] : bytes[i]
            units.append(UInt16(hi) << 8 | UInt16(lo))
            i += 2
        }
        var out = [UInt8]()
        out.reserveCapacity(units.count + units.count / 2)
        var decoder = UTF16()
        var iterator = units.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): UTF8.encode(s) { out.append($0) }
            case .error: out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            case .emptyInput: break loop
            }
        }
        if i < bytes.count { out.append(contentsOf: [0xEF, 0xBF, 0xBD]) }
        return out
    }

    /// windows-1252 -> UTF-8 by table. Done here rather than by iconv, which stops at the
    /// five bytes the code page leaves undefined; browsers map those to C1 controls.
    static func utf8FromWindows1252(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 { out.append(b); continue }
            let scalar = b < 0xA0 ? windows1252High[Int(b - 0x80)] : UInt32(b)
            if scalar < 0x800 {
                out.append(UInt8(0xC0 | (scalar >> 6)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (scalar >> 12)))
                out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (scalar & 0x3F)))
            }
        }
        return out
    }

    /// Code points of bytes 0x80-0x9F in windows-1252.
    static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }
}
