/// A rule file's `examples:` blocks blanked out, for a load that runs no examples (`extract`,
/// `eval`, `explain`): each line of a block is left empty, so every other line keeps its
/// number and its columns, and the YAML tree composed from the result is the whole file's
/// tree without the rules' `examples` keys (`ExampleBlocksTests` compares the two on every
/// rule file of the repository, on hard cases and on a differential fuzz). The examples are
/// about a third of the default rule files' bytes and most of their YAML nodes.
///
/// A line scanner, not a YAML parser: it blanks a block only where it follows the file for
/// certain, and gives up (nil: the file is composed whole) at anything it does not, such as
/// a flow collection left open at a line's end or holding a comment, an anchor, alias, tag
/// or explicit key, a tab, a carriage return or another of libyaml's line breaks (NEL, LS,
/// PS), a directive or document marker, a block scalar that keeps its trailing lines, a line
/// deeper than a plain scalar that a comment ended, or a scalar with no key or dash to hang
/// it on. It follows the lines that are a scalar's text rather than structure: a quoted
/// scalar's next lines (at any column), a block scalar's, and a plain scalar's (the lines
/// deeper than its key or dash). A block is cut only when it is a key of a rule, a
/// mapping item of the top-level `rules:` list written as `- key: ...`, on a line of its own
/// (`examples:` with nothing after it but a comment) at the column of that rule's keys; the
/// block runs over the blank and comment lines and the lines indented deeper than it (not a
/// sequence at the key's own column: the scanner gives up there).
enum ExampleBlocks {
    static func blanked(_ text: String) -> String? {
        let utf8 = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var scanner = Scanner()
        var lineStart = 0
        var cut = false
        while true {
            guard let lineEnd = lineEnd(utf8, from: lineStart) else { return nil }
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

    /// The end of the line from `start` on (its '\n' or the text's end), or nil at a tab or
    /// another of libyaml's line breaks ("\r", NEL, LS, PS): the scanner counts lines and
    /// columns as libyaml does only without them.
    static func lineEnd(_ utf8: [UInt8], from start: Int) -> Int? {
        utf8.withUnsafeBufferPointer { b in
            var k = start
            while k < b.count {
                let c = b[k]
                if c == 0x0A { break }
                if c == 0x09 || c == 0x0D { return nil }
                if c >= 0x85 && c <= 0xA9 {  // NEL is C2 85, LS and PS E2 80 A8/A9
                    if c == 0x85 && k >= 1 && b[k - 1] == 0xC2 { return nil }
                    if (c == 0xA8 || c == 0xA9) && k >= 2 && b[k - 1] == 0x80 && b[k - 2] == 0xE2 { return nil }
                }
                k += 1
            }
            return k
        }
    }

    enum Verdict { case keep, blank, giveUp }

    /// What the scanner knows at the start of a line.
    struct Scanner {
        /// Inside a block scalar (`|`, `>`): lines deeper than this column, or blank, are its
        /// text, as long as they are as deep as its text's column (`blockScalarIndent`, from
        /// its header's indentation indicator or its first line; `blockScalarBlanks`: the
        /// longest all-space line before that).
        var blockScalarParent: Int?
        var blockScalarIndent: Int?
        var blockScalarBlanks = 0
        /// Inside a quoted scalar that runs on over lines: its quote.
        var openQuote: UInt8?
        /// After a plain scalar whose key or dash is at this column: deeper lines go on with
        /// its text (while `plainOpen`; after a comment they would be an error).
        var plainParent: Int?
        var plainOpen = false
        /// After `key:` or `-` with nothing after it, at this column: a deeper line is its value.
        var pendingParent: Int?
        /// Inside an `examples:` block at this column; `examplesStart`: before its first line.
        var examplesColumn: Int?
        var examplesStart = false
        /// The top-level key the line falls under; `rulesStart`: `rules:` with nothing after
        /// it, before its first line.
        var topKey: [UInt8] = []
        var rulesStart = false
        /// The column of the dashes of `rules:`'s items (-1: `rules:` is no block sequence),
        /// and of the current item's keys (nil: the item is no `- key: ...` mapping).
        var ruleDashColumn: Int?
        var ruleKeyColumn: Int?

        mutating func line(_ line: ArraySlice<UInt8>) -> Verdict {
            if let q = openQuote {
                // A quoted scalar's next line, at whatever column: its text, up to its quote.
                if let end = closingQuote(line, from: line.startIndex, quote: q) {
                    openQuote = nil
                    if !endsLine(line[(end + 1)...]) { return .giveUp }
                }
                return examplesColumn == nil ? .keep : .blank
            }
            var i = line.startIndex
            while i < line.endIndex && line[i] == 0x20 { i += 1 }
            let indent = i - line.startIndex
            let blank = i == line.endIndex
            let comment = !blank && line[i] == 0x23  // '#'
            let text: Verdict = examplesColumn == nil ? .keep : .blank
            if let p = blockScalarParent {
                if blank {
                    if blockScalarIndent == nil { blockScalarBlanks = max(blockScalarBlanks, indent) }
                    return text
                }
                let m = blockScalarIndent ?? max(indent, blockScalarBlanks)
                if indent >= m && indent > p {
                    blockScalarIndent = m
                    return text
                }
                // Less deep than its text: the scalar ends here, and the line is an error
                // unless a comment or not deeper than the parent.
                blockScalarParent = nil
                if indent > p && !comment { return .giveUp }
            }
            if let p = plainParent, !blank {
                if comment {
                    plainOpen = false
                } else if indent > p {
                    // A plain scalar's next line; one a comment ended can have none.
                    guard plainOpen else { return .giveUp }
                    if hasComment(line[i...]) { plainOpen = false }
                    return text
                } else {
                    plainParent = nil
                }
            }
            if examplesStart && !(blank || comment) {
                // `examples:` then a sequence at its own column: the block would end early.
                examplesStart = false
                if indent == examplesColumn && line[i] == 0x2D && (i + 1 == line.endIndex || line[i + 1] == 0x20) { return .giveUp }
            }
            if let c = examplesColumn, !(blank || comment || indent > c) { examplesColumn = nil }
            let inBlock = examplesColumn != nil
            if blank || comment { return inBlock ? .blank : .keep }
            let pending = pendingParent
            pendingParent = nil
            if indent == 0 && (line[i] == 0x25 || line[i...].starts(with: "---".utf8) || line[i...].starts(with: "...".utf8)) {
                return .giveUp  // a directive or another document
            }
            // Sequence indicators: "- " (or a lone "-"), each opening an item further on.
            var column = indent
            var dashes = 0
            var dashColumn = indent
            while i < line.endIndex && line[i] == 0x2D && (i + 1 == line.endIndex || line[i + 1] == 0x20) {
                dashes += 1
                dashColumn = i - line.startIndex
                i += 1
                while i < line.endIndex && line[i] == 0x20 { i += 1 }
                column = i - line.startIndex
            }
            // A plain key (up to ": " or a ':' that ends the line), then its value.
            let key = plainKey(line[i...])
            var value = i
            if let key {
                value = key.endIndex + 1
                while value < line.endIndex && line[value] == 0x20 { value += 1 }
            }
            // A value's parent: its key, else its dash, else the key or dash above it (nil:
            // none, a document's root or an error). A block scalar's text, a plain scalar's
            // next lines are deeper than the parent.
            var parent: Int?
            if key != nil {
                parent = column
            } else if dashes > 0 {
                parent = dashColumn
            } else if let pending, indent > pending {
                parent = pending
            }
            if self.value(line[value...], parent: parent, keyColumn: column) == .giveUp { return .giveUp }

            let top = indent == 0 && dashes == 0
            let rulesFirst = rulesStart
            rulesStart = false
            if top {
                topKey = Array(key ?? [])
                ruleDashColumn = nil
                ruleKeyColumn = nil
                rulesStart = key.map { $0.elementsEqual("rules".utf8) } == true && pendingParent != nil
            } else if rulesFirst {
                // `rules:`'s first line: its items' dash column, or none when it is no sequence.
                ruleDashColumn = dashes > 0 ? indent : -1
            }
            if inBlock { return .blank }
            if dashes > 0 && !top && topKey.elementsEqual("rules".utf8) && indent == ruleDashColumn {
                // An item of `rules:`: a mapping whose keys are at `column` when a key follows
                // its one dash.
                ruleKeyColumn = dashes == 1 && key != nil ? column : nil
            } else if let key, dashes == 0, key.elementsEqual("examples".utf8), column == ruleKeyColumn,
                      pendingParent != nil {
                examplesColumn = column
                examplesStart = true
                return .blank
            }
            return .keep
        }

        /// Follows a value to its line's end: a quoted scalar must close there (or runs on
        /// over the next lines), a flow collection must close there, a block scalar's header
        /// opens its text, a plain scalar may run on; nothing at all leaves the value pending.
        mutating func value(_ v: ArraySlice<UInt8>, parent: Int?, keyColumn: Int) -> Verdict {
            guard let first = v.first, first != 0x23 else {  // nothing, or a comment
                pendingParent = parent
                return .keep
            }
            switch first {
            case 0x7C, 0x3E:  // '|' '>': the header, then nothing but a comment
                // Keeping its trailing blank lines, it would take a blanked block's lines.
                guard let parent, !v.prefix(3).contains(0x2B) else { return .giveUp }  // '+'
                blockScalarParent = parent
                blockScalarBlanks = 0
                // An indentation indicator (a digit next to the chomping one) sets the column.
                let digit = v.dropFirst().prefix(2).first { $0 >= 0x31 && $0 <= 0x39 }
                blockScalarIndent = digit.map { parent + Int($0 - 0x30) }
                return .keep
            case 0x22, 0x27:  // a quoted scalar, which may be a key ("k": v)
                guard let end = closingQuote(v, from: v.startIndex + 1, quote: first) else {
                    openQuote = first
                    return .keep
                }
                var k = end + 1
                while k < v.endIndex && v[k] == 0x20 { k += 1 }
                if k < v.endIndex && v[k] == 0x3A && (k + 1 == v.endIndex || v[k + 1] == 0x20) {
                    k += 1
                    while k < v.endIndex && v[k] == 0x20 { k += 1 }
                    return value(v[k...], parent: keyColumn, keyColumn: keyColumn)
                }
                return endsLine(v[(end + 1)...]) ? .keep : .giveUp
            case 0x5B, 0x7B:  // '[' '{'
                guard let end = flowEnd(v), endsLine(v[end...]) else { return .giveUp }
                return .keep
            case 0x26, 0x2A, 0x21, 0x3F, 0x40, 0x60, 0x25, 0x2C, 0x5D, 0x7D:  // & * ! ? @ ` % , ] }
                return .giveUp
            case 0x2D, 0x3A:  // "- ", ": " after a key; else a plain scalar
                if v.count == 1 || v[v.startIndex + 1] == 0x20 { return .giveUp }
                fallthrough
            default:
                // A plain scalar: it runs on over the lines deeper than its parent, unless a
                // comment ends it here.
                guard let parent else { return .giveUp }
                plainParent = parent
                plainOpen = !hasComment(v)
                return .keep
            }
        }

        /// The plain key that opens `v`: its text up to ": " (or a ':' ending the line), when
        /// `v` starts a plain scalar and no comment comes first.
        func plainKey(_ v: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
            guard let first = v.first else { return nil }
            switch first {
            case 0x2D, 0x3F, 0x3A:  // '-' '?' ':' start a plain scalar only before a non-space
                if v.count == 1 || v[v.startIndex + 1] == 0x20 { return nil }
            case 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25, 0x40, 0x60:
                return nil  // , [ ] { } # & * ! | > ' " % @ `
            default: break
            }
            var k = v.startIndex
            while k < v.endIndex {
                if v[k] == 0x3A && (k + 1 == v.endIndex || v[k + 1] == 0x20) {
                    var end = k
                    while end > v.startIndex && v[end - 1] == 0x20 { end -= 1 }
                    return v[v.startIndex..<end]
                }
                if v[k] == 0x23 && v[k - 1] == 0x20 { return nil }  // " #": a comment
                k += 1
            }
            return nil
        }

        /// Whether a plain scalar's text `v` ends in a comment (" #").
        func hasComment(_ v: ArraySlice<UInt8>) -> Bool {
            var k = v.startIndex
            while k + 1 < v.endIndex {
                if v[k] == 0x20 && v[k + 1] == 0x23 { return true }
                k += 1
            }
            return false
        }

        /// Whether only spaces, then maybe a comment, follow.
        func endsLine(_ v: ArraySlice<UInt8>) -> Bool {
            var k = v.startIndex
            while k < v.endIndex && v[k] == 0x20 { k += 1 }
            return k == v.endIndex || v[k] == 0x23
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

        /// The index after the bracket that closes the flow collection `v` opens, when it
        /// closes on this line with nothing the scanner does not follow inside. A quote opens
        /// a quoted scalar only where a scalar starts (after `[`, `{`, `,` or `: `): "China's"
        /// is plain. A comment, an anchor, alias, tag or explicit key, or a ':' right before
        /// a quote: nil.
        func flowEnd(_ v: ArraySlice<UInt8>) -> Int? {
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
                    if depth == 0 { return k + 1 }
                    scalarStart = false
                case 0x2C:
                    scalarStart = true
                case 0x3A:
                    if k + 1 < v.endIndex && (v[k + 1] == 0x22 || v[k + 1] == 0x27) { return nil }
                    scalarStart = k + 1 < v.endIndex && v[k + 1] == 0x20
                case 0x20:
                    break
                case 0x23:
                    return nil
                case 0x26, 0x2A, 0x21, 0x3F, 0x7C, 0x3E, 0x25, 0x40, 0x60:  // & * ! ? | > % @ `
                    if scalarStart { return nil }
                case 0x22, 0x27:
                    if scalarStart {
                        guard let end = closingQuote(v, from: k + 1, quote: v[k]) else { return nil }
                        k = end
                    }
                    scalarStart = false
                default:
                    scalarStart = false
                }
                k += 1
            }
            return nil
        }
    }
}
