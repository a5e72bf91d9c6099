/// A rule file's `examples:` blocks blanked out, for a load that runs no examples (`extract`,
/// `eval`, `explain`): each line of a block is left empty, so every other line keeps its
/// number and its columns, and the YAML tree composed from the result is the whole file's
/// tree without the rules' `examples` keys (`ExampleBlocksTests` compares the two on every
/// rule file of the repository and on hard cases). The examples are about a third of the
/// default rule files' bytes and most of their YAML nodes.
///
/// A line scanner, not a YAML parser: it blanks a block only where it follows the file for
/// certain, and gives up (nil: the file is composed whole) at anything it does not, such as
/// a flow collection left open at a line's end, a tab or a carriage return, an anchor,
/// alias or tag, or a directive. A quoted scalar may run on over lines, at any column. A block is cut only when it is a key of
/// a rule, an item of the top-level `rules:` list, written on a line of its own
/// (`examples:` with nothing after it but a comment) at the column of that rule's keys; the
/// block runs over the blank and comment lines and the lines indented deeper than it.
enum ExampleBlocks {
    static func blanked(_ text: String) -> String? {
        let utf8 = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var scanner = Scanner()
        var lineStart = 0
        var cut = false
        while true {
            var lineEnd = lineStart
            while lineEnd < utf8.count && utf8[lineEnd] != 0x0A { lineEnd += 1 }
            switch scanner.line(utf8[lineStart..<lineEnd]) {
            case .keep: out.append(contentsOf: utf8[lineStart..<lineEnd])
            case .blank: cut = true
            case .giveUp: return nil
            }
            if lineEnd >= utf8.count { break }
            out.append(0x0A)
            lineStart = lineEnd + 1
        }
        // An empty line is a blank line to YAML wherever it stands: a block never begins
        // inside a block scalar, and one that keeps its trailing blank lines (`|+`) before it
        // makes the scanner give up.
        return cut ? String(decoding: out, as: UTF8.self) : text
    }

    enum Verdict { case keep, blank, giveUp }

    /// What the scanner knows at the start of a line.
    struct Scanner {
        /// Inside a block scalar (`|`, `>`): lines deeper than this column, or blank, are its text.
        var blockScalarParent: Int?
        /// Inside a quoted scalar that runs on over lines: its quote.
        var openQuote: UInt8?
        /// Inside an `examples:` block at this column.
        var examplesColumn: Int?
        /// The top-level key the line falls under.
        var topKey: [UInt8] = []
        /// The column of the dashes of `rules:`'s items, and of the current item's keys.
        var ruleDashColumn: Int?
        var ruleKeyColumn: Int?

        mutating func line(_ line: ArraySlice<UInt8>) -> Verdict {
            if line.contains(0x0D) || line.contains(0x09) { return .giveUp }
            if let q = openQuote {
                // A quoted scalar's next line, at whatever column: its text, up to its quote.
                if let end = closingQuote(line, from: line.startIndex, quote: q) {
                    openQuote = nil
                    var k = end + 1
                    while k < line.endIndex && line[k] == 0x20 { k += 1 }
                    if k < line.endIndex && line[k] != 0x23 { return .giveUp }
                }
                return examplesColumn == nil ? .keep : .blank
            }
            var i = line.startIndex
            while i < line.endIndex && line[i] == 0x20 { i += 1 }
            let indent = i - line.startIndex
            let blank = i == line.endIndex
            let comment = !blank && line[i] == 0x23  // '#'
            if let p = blockScalarParent {
                if blank || indent > p { return examplesColumn == nil ? .keep : .blank }
                blockScalarParent = nil
            }
            if let c = examplesColumn, !(blank || comment || indent > c) { examplesColumn = nil }
            let inBlock = examplesColumn != nil
            if blank || comment { return inBlock ? .blank : .keep }
            if indent == 0 && (line[i] == 0x25 || line[i...].starts(with: "---".utf8) || line[i...].starts(with: "...".utf8)) {
                return .giveUp  // a directive or another document
            }
            // Sequence indicators: "- " (or a lone "-"), each opening an item further on.
            var column = indent
            var dashed = false
            var dashColumn = indent
            while i < line.endIndex && line[i] == 0x2D && (i + 1 == line.endIndex || line[i + 1] == 0x20) {
                dashed = true
                dashColumn = i - line.startIndex
                i += 1
                while i < line.endIndex && line[i] == 0x20 { i += 1 }
                column = i - line.startIndex
            }
            // A plain key ("name:" then a space or the line's end), then its value.
            var j = i
            while j < line.endIndex, isKeyByte(line[j]) { j += 1 }
            var value = i
            var key: ArraySlice<UInt8>?
            if j > i, j < line.endIndex, line[j] == 0x3A, j + 1 == line.endIndex || line[j + 1] == 0x20 {
                key = line[i..<j]
                value = j + 1
                while value < line.endIndex && line[value] == 0x20 { value += 1 }
            }
            // A block scalar's text is deeper than its key, or than its item's dash.
            if self.value(line[value...], parentColumn: key != nil ? column : dashColumn) == .giveUp { return .giveUp }
            if inBlock { return .blank }
            if indent == 0 && !dashed {
                topKey = Array(key ?? [])
                ruleDashColumn = nil
                ruleKeyColumn = nil
            } else if dashed && topKey.elementsEqual("rules".utf8) && (ruleDashColumn ?? indent) == indent {
                ruleDashColumn = indent
                ruleKeyColumn = column
            } else if let key, !dashed, key.elementsEqual("examples".utf8), column == ruleKeyColumn,
                      value == line.endIndex || line[value] == 0x23 {
                examplesColumn = column
                return .blank
            }
            return .keep
        }

        /// Follows a value to its line's end: a quoted scalar must close there, a flow
        /// collection must balance, a block scalar's header opens its text.
        mutating func value(_ v: ArraySlice<UInt8>, parentColumn: Int) -> Verdict {
            guard let first = v.first else { return .keep }
            switch first {
            case 0x7C, 0x3E:  // '|' '>': the header, then nothing but a comment
                // Keeping its trailing blank lines, it would take a blanked block's lines.
                if v.prefix(3).contains(0x2B) { return .giveUp }  // '+'
                blockScalarParent = parentColumn
                return .keep
            case 0x22, 0x27:  // a quoted scalar, which may be a key ("k": v)
                guard let end = closingQuote(v, from: v.startIndex + 1, quote: first) else {
                    openQuote = first
                    return .keep
                }
                var k = end + 1
                while k < v.endIndex && v[k] == 0x20 { k += 1 }
                if k < v.endIndex && v[k] == 0x3A {
                    k += 1
                    while k < v.endIndex && v[k] == 0x20 { k += 1 }
                    return value(v[k...], parentColumn: parentColumn)
                }
                return .keep
            case 0x5B, 0x7B:  // '[' '{'
                return balanced(v) ? .keep : .giveUp
            case 0x26, 0x2A, 0x21, 0x3F, 0x40, 0x60:  // & * ! ? @ `
                return .giveUp
            default:
                return .keep  // a plain scalar: it ends where the next line is not deeper
            }
        }

        /// The index of the quote `q` that closes a quoted scalar, from `k` on in this line.
        func closingQuote(_ v: ArraySlice<UInt8>, from start: Int, quote q: UInt8) -> Int? {
            var k = start
            while k < v.endIndex {
                if q == 0x22 && v[k] == 0x5C { k += 2; continue }  // "\x"
                if v[k] == q {
                    if q == 0x27 && k + 1 < v.endIndex && v[k + 1] == 0x27 { k += 2; continue }  // ''
                    return k
                }
                k += 1
            }
            return nil
        }

        /// Whether the flow collection `v` opens closes on this line. A quote opens a quoted
        /// scalar only where a scalar starts (after `[`, `{`, `,` or `: `): "China's" is plain.
        func balanced(_ v: ArraySlice<UInt8>) -> Bool {
            var depth = 0
            var scalarStart = true
            var k = v.startIndex
            while k < v.endIndex {
                switch v[k] {
                case 0x5B, 0x7B:
                    depth += 1
                    scalarStart = true
                case 0x5D, 0x7D:
                    depth -= 1
                    if depth == 0 { return true }
                    scalarStart = false
                case 0x2C:
                    scalarStart = true
                case 0x3A:
                    scalarStart = k + 1 < v.endIndex && v[k + 1] == 0x20
                case 0x20:
                    break
                case 0x22, 0x27 where scalarStart:
                    guard let end = closingQuote(v, from: k + 1, quote: v[k]) else { return false }
                    k = end
                    scalarStart = false
                default:
                    scalarStart = false
                }
                k += 1
            }
            return false
        }

        func isKeyByte(_ b: UInt8) -> Bool {
            (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F
        }
    }
}
