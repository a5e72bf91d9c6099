/// Text placed in HTML. Everything that comes from a brief, a rule file or a file name
/// passes through one of these: a brief may well contain `<script>`.
enum HTMLText {
    /// For element content and quoted attribute values.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// JSON bytes made safe inside `<script type="application/json">`: `<`, `>` and `&`
    /// only occur inside JSON strings, where `\u003c` means the same, so no `</script>` or
    /// `<!--` in the data can end the element early.
    static func scriptSafe(_ json: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(json.count + json.count / 16)
        for b in json {
            switch b {
            case UInt8(ascii: "<"): out += Array("\\u003c".utf8)
            case UInt8(ascii: ">"): out += Array("\\u003e".utf8)
            case UInt8(ascii: "&"): out += Array("\\u0026".utf8)
            default: out.append(b)
            }
        }
        return out
    }
}
