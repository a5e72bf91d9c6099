/// One located problem in a rule or lexicon file, rendered compiler-style:
/// `file:line:column: error: message`, then the offending line and a caret under the column.
public struct RuleDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning, note }

    /// Path relative to the rules directory.
    public var file: String
    /// 1-based; column counts Unicode scalars, as editors and libyaml do.
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String
    /// The text of the offending line (empty when unknown).
    public var sourceLine: String

    public init(file: String, line: Int, column: Int, severity: Severity = .error, message: String, sourceLine: String = "") {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.sourceLine = sourceLine
    }

    public var location: String { "\(file):\(line):\(column)" }

    public var description: String {
        var out = "\(location): \(severity.rawValue): \(message)"
        guard !sourceLine.isEmpty else { return out }
        out += "\n" + sourceLine + "\n"
        // Keep tabs so the caret lines up under the same column in a terminal.
        var caret = ""
        var width = 0
        for u in sourceLine.unicodeScalars where width < column - 1 {
            caret.append(u == "\t" ? "\t" : " ")
            width += 1
        }
        // A column past the end of the line (an error found after its last character).
        if width < column - 1 { caret += String(repeating: " ", count: column - 1 - width) }
        return out + caret + "^"
    }
}

/// Every mistake found while loading a rules directory, all at once.
public struct RuleLoadError: Error, CustomStringConvertible, Sendable {
    public var diagnostics: [RuleDiagnostic]

    public init(diagnostics: [RuleDiagnostic]) { self.diagnostics = diagnostics }

    public var description: String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        return diagnostics.map(\.description).joined(separator: "\n")
            + "\n\(errors) error\(errors == 1 ? "" : "s") in rules"
    }
}
