import Yams

/// A rule or lexicon file's text split into lines, for diagnostics.
struct SourceFile: Sendable {
    var path: String
    var text: String
    var lines: [String]

    init(path: String, text: String) {
        self.path = path
        self.text = text
        // On bytes: a Character split is slow, and sees "\r\n" as one Character, not a break.
        self.lines = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false)
            .map { String(decoding: $0.last == 0x0D ? $0.dropLast() : $0, as: UTF8.self) }
    }

    func line(_ n: Int) -> String { n >= 1 && n <= lines.count ? lines[n - 1] : "" }

    func diagnostic(_ line: Int, _ column: Int, _ message: String, _ severity: RuleDiagnostic.Severity = .error) -> RuleDiagnostic {
        RuleDiagnostic(file: path, line: line, column: max(1, column), severity: severity, message: message, sourceLine: self.line(line))
    }

    func diagnostic(_ mark: Mark?, _ message: String, _ severity: RuleDiagnostic.Severity = .error) -> RuleDiagnostic {
        diagnostic(mark?.line ?? 1, mark?.column ?? 1, message, severity)
    }
}

/// A string value from a YAML file with the file position of each of its bytes, so an error
/// at byte k of a pattern is reported at the right line and column of the file, whatever
/// the quoting style (plain, '...', "...", | or > blocks).
struct LocatedString: Sendable {
    var text: String
    /// File (line, column) of each UTF-8 byte of `text`, plus one entry for the end.
    var positions: [(line: Int, column: Int)]

    init(scalar: Node.Scalar, in file: SourceFile) {
        text = scalar.string
        positions = []
        var line = scalar.mark?.line ?? 1
        var raw = Array(file.line(line).unicodeScalars)
        var pos = (scalar.mark?.column ?? 1) - 1
        let block = scalar.style == .literal || scalar.style == .folded
        var indent = 0
        if block { pos = raw.count } else if scalar.style == .singleQuoted || scalar.style == .doubleQuoted { pos += 1 }
        for v in text.unicodeScalars {
            if pos >= raw.count, line < file.lines.count {
                // The value continues on the next line (folded or block scalar).
                line += 1
                raw = Array(file.line(line).unicodeScalars)
                let lead = raw.prefix { $0 == " " || $0 == "\t" }.count
                if block && indent == 0 { indent = lead }
                pos = block ? min(indent, lead) : lead
                if v == "\n" || v == " " {
                    for _ in 0..<String(v).utf8.count { positions.append((line, pos + 1)) }
                    continue
                }
            }
            for _ in 0..<String(v).utf8.count { positions.append((line, pos + 1)) }
            if pos + 1 < raw.count {
                if scalar.style == .singleQuoted, raw[pos] == "'", raw[pos + 1] == "'" { pos += 2; continue }
                if scalar.style == .doubleQuoted, raw[pos] == "\\" { pos += 2; continue }
            }
            pos += 1
        }
        positions.append((line, pos + 1))
    }

    func position(_ byteOffset: Int) -> (line: Int, column: Int) {
        positions[min(max(0, byteOffset), positions.count - 1)]
    }
}
