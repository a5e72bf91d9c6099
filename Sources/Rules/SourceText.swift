import Foundation
import Yams

/// A rule or lexicon file's text and where its lines start, for diagnostics.
struct SourceFile: Sendable {
    var path: String
    var text: String
    /// The text's bytes and where its lines start, made at the first diagnostic or pattern
    /// position that reads a line: a start with no mistake reads none, and making them for
    /// every file (a megabyte of rules and lexicons) was 6 M of its instructions.
    private let table: LineTable

    init(path: String, text: String) {
        self.path = path
        self.text = text
        table = LineTable(text)
    }

    /// The text's bytes, and the offset of each line's first byte in them. A line becomes a
    /// String only when read: diagnostics and pattern positions read few of the thousands.
    private var bytes: [UInt8] { table.made.bytes }
    private var lineStarts: [Int] { table.made.starts }

    /// Lines of the text, the last one after the last line break (empty when the text ends with one).
    var lineCount: Int { lineStarts.count }

    /// Line `n` (1-based) without its line break (nor a `\r` before it), or "" when there is none.
    func line(_ n: Int) -> String {
        let bytes = self.bytes, lineStarts = self.lineStarts
        guard n >= 1 && n <= lineStarts.count else { return "" }
        var end = n < lineStarts.count ? lineStarts[n] - 1 : bytes.count
        if end > lineStarts[n - 1], bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[lineStarts[n - 1]..<end], as: UTF8.self)
    }

    /// `Array(line(n).unicodeScalars)`, decoded from the bytes without making the String:
    /// `LocatedString` reads a pattern's lines as scalars, and making each line a String
    /// and then an array cost 9 M instructions a start (2,000 lines). The text is a String,
    /// so its bytes are valid UTF-8 and a line, cut at line breaks, decodes with no repair.
    func lineScalars(_ n: Int) -> [Unicode.Scalar] {
        let bytes = self.bytes, lineStarts = self.lineStarts
        guard n >= 1 && n <= lineStarts.count else { return [] }
        var end = n < lineStarts.count ? lineStarts[n] - 1 : bytes.count
        if end > lineStarts[n - 1], bytes[end - 1] == 0x0D { end -= 1 }
        let slice = bytes[lineStarts[n - 1]..<end]
        if !slice.contains(where: { $0 >= 0x80 }) { return slice.map { Unicode.Scalar($0) } }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(slice.count)
        var it = slice.makeIterator()
        var utf8 = UTF8()
        while true {
            switch utf8.decode(&it) {
            case .scalarValue(let v): out.append(v)
            case .emptyInput: return out
            case .error: out.append("\u{FFFD}")
            }
        }
    }

    func diagnostic(_ line: Int, _ column: Int, _ message: String, _ severity: RuleDiagnostic.Severity = .error) -> RuleDiagnostic {
        RuleDiagnostic(file: path, line: line, column: max(1, column), severity: severity, message: message, sourceLine: self.line(line))
    }

    func diagnostic(_ mark: Mark?, _ message: String, _ severity: RuleDiagnostic.Severity = .error) -> RuleDiagnostic {
        diagnostic(mark?.line ?? 1, mark?.column ?? 1, message, severity)
    }
}

/// A `SourceFile`'s bytes and line starts, made once, when first read (under a lock: a
/// `SourceFile` is `Sendable`).
private final class LineTable: @unchecked Sendable {
    private let text: String
    private let lock = NSLock()
    private var table: (bytes: [UInt8], starts: [Int])?

    init(_ text: String) { self.text = text }

    var made: (bytes: [UInt8], starts: [Int]) {
        lock.lock()
        defer { lock.unlock() }
        if let table { return table }
        // On bytes: a Character split is slow, and sees "\r\n" as one Character, not a break.
        let bytes = Array(text.utf8)
        var starts = [0]
        for (k, b) in bytes.enumerated() where b == 0x0A { starts.append(k + 1) }
        table = (bytes, starts)
        return (bytes, starts)
    }
}

/// A string value from a YAML file with the file position of each of its bytes, so an error
/// at byte k of a pattern is reported at the right line and column of the file, whatever
/// the quoting style (plain, '...', "...", | or > blocks).
///
/// The positions are worked out when asked for (`positions`, `position(_:)`): only a
/// diagnostic reads them, and making them for every pattern and definition of the default
/// rules (an array of 16 bytes per byte of text) was 20 M of a start's 567 M instructions on
/// the main thread.
struct LocatedString: Sendable {
    var text: String
    /// What `positions` is worked out from: the file, where the value starts and its style.
    private let file: SourceFile
    private let line: Int
    private let column: Int
    private let block: Bool
    private let singleQuoted: Bool
    private let doubleQuoted: Bool

    init(scalar: Node.Scalar, in file: SourceFile) {
        text = scalar.string
        self.file = file
        line = scalar.mark?.line ?? 1
        column = scalar.mark?.column ?? 1
        block = scalar.style == .literal || scalar.style == .folded
        singleQuoted = scalar.style == .singleQuoted
        doubleQuoted = scalar.style == .doubleQuoted
    }

    /// File (line, column) of each UTF-8 byte of `text`, plus one entry for the end.
    var positions: [(line: Int, column: Int)] {
        var positions: [(line: Int, column: Int)] = []
        positions.reserveCapacity(text.utf8.count + 1)
        var line = self.line
        var raw = file.lineScalars(line)
        var pos = column - 1
        var indent = 0
        if block { pos = raw.count } else if singleQuoted || doubleQuoted { pos += 1 }
        for v in text.unicodeScalars {
            if pos >= raw.count, line < file.lineCount {
                // The value continues on the next line (folded or block scalar).
                line += 1
                raw = file.lineScalars(line)
                let lead = raw.prefix { $0 == " " || $0 == "\t" }.count
                if block && indent == 0 { indent = lead }
                pos = block ? min(indent, lead) : lead
                if v == "\n" || v == " " {
                    positions.append((line, pos + 1))
                    continue
                }
            }
            for _ in 0..<UTF8.width(v) { positions.append((line, pos + 1)) }
            if pos + 1 < raw.count {
                if singleQuoted, raw[pos] == "'", raw[pos + 1] == "'" { pos += 2; continue }
                if doubleQuoted, raw[pos] == "\\" { pos += 2; continue }
            }
            pos += 1
        }
        positions.append((line, pos + 1))
        return positions
    }

    func position(_ byteOffset: Int) -> (line: Int, column: Int) {
        let positions = self.positions
        return positions[min(max(0, byteOffset), positions.count - 1)]
    }
}
