/// The JSON Lines files the tools export (doccano, Prodigy): each non-blank line parsed,
/// `body` called with it and a `warn` that names the file and line; a line that is not JSON
/// is one warning and is skipped.
enum JSONLines {
    static func forEach(_ bytes: [UInt8], path: String, warnings: inout [ExchangeError],
                        _ body: (JSONValue, (String) -> Void) -> Void) {
        var lineNo = 0
        for raw in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNo += 1
            if raw.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            var found: [ExchangeError] = []
            let at = lineNo
            let warn = { (m: String) in found.append(ExchangeError(path: path, line: at, message: m)) }
            do { body(try JSONValue.parse(Array(raw)), warn) } catch { warn("not JSON: \(error)") }
            warnings += found
        }
    }
}
