/// The named sub-patterns of one rule file (its `patterns:` mapping), used in that file's
/// patterns, `unless` patterns and other definitions as `<name>`.
///
/// References are expanded textually before parsing: `<name>` becomes `(` + the definition
/// (itself expanded) + `)`, so it is one atom. Every byte of the expanded text keeps the file
/// position it came from, so an error inside a definition is reported in the definition and
/// an error after a reference at its own column. The parentheses added for a reference map
/// to the reference's `<`.
struct PatternDefinitions {
    struct Definition {
        var name: String
        var text: LocatedString
        /// Where the name is written (for the unused warning).
        var line: Int
        var column: Int
        /// Checked on its own and found faulty (the fault is reported once, there); patterns
        /// referring to it fail without a second report.
        var broken = false
        var used = false
    }

    private(set) var definitions: [Definition] = []
    /// Per definition, its text as a reference expands it (between the parentheses) and the
    /// definitions that expansion reaches (they are marked used with it), made at its first
    /// expansion without a mistake: the actor and addressee phrases are expanded into most
    /// of the position and recommendation patterns, and walking their bytes again each time
    /// was 17 M of a start's instructions. Used only while none of those it reaches is broken
    /// (else the walk finds and reports as before); no definition is added after the first
    /// expansion, and one that expanded once expands alike from any other (a reference cycle
    /// would have been a mistake there).
    private var expansions: [Int: (bytes: [UInt8], reached: [Int])] = [:]
    /// The definitions each reference expanded so far reached, itself included.
    private var reached: [Int] = []
    private var index: [String: Int] = [:]
    /// Names defined with a value that is no pattern (reported where defined).
    private var invalid: Set<String> = []

    var isEmpty: Bool { definitions.isEmpty }
    var names: [String] { definitions.map(\.name) }

    /// Adds a definition; false when the name is already defined (the caller reports it).
    mutating func add(_ def: Definition) -> Bool {
        guard index[def.name] == nil else { return false }
        index[def.name] = definitions.count
        definitions.append(def)
        expansions = [:]
        return true
    }

    /// A name whose definition is reported as faulty: references to it fail silently.
    mutating func addInvalid(_ name: String) {
        invalid.insert(name)
        expansions = [:]
    }

    mutating func markBroken(_ name: String) {
        if let k = index[name] { definitions[k].broken = true }
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy(isNameByte)
    }

    static func isNameByte(_ c: UInt8) -> Bool {
        (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x2D
    }

    /// A pattern after expansion: the text the parser reads, the file position of each of its
    /// bytes (made only when asked for: `positions(of:)`), and the offsets of the `(` opening
    /// each reference written in the pattern itself (not inside a definition it uses; see
    /// `PatternParser.parse(_:references:)`).
    struct Expanded {
        var text: String
        /// The text's bytes, when `expand` was asked not to decode them (`text` is then empty).
        var bytes: [UInt8] = []
        var positions: [(line: Int, column: Int)]
        var references: Set<Int>
        /// Per reference in `references`: the name it refers to and the offset after its `)`.
        var spans: [Int: (name: String, end: Int)] = [:]

        func position(_ byteOffset: Int) -> (line: Int, column: Int) {
            positions[min(max(0, byteOffset), positions.count - 1)]
        }
    }

    /// What was expanded: a pattern, or a definition on its own (`expandDefinition`).
    enum Source {
        case pattern(LocatedString)
        case definition(String)
    }

    /// `source` expanded again, with the file position of each byte: for a diagnostic, after
    /// `expand` or `expandDefinition` gave the same text without them (only a mistake needs
    /// them, and copying 16 bytes of position per byte of every expansion was 20 M of a
    /// start's instructions). The definitions must be as they were then (nothing marked
    /// broken in between); the used marks end as the first expansion left them.
    mutating func positions(of source: Source) -> [(line: Int, column: Int)] {
        switch source {
        case .pattern(let p): return (try? expand(p, tracking: true).positions) ?? []
        case .definition(let name): return (try? expandDefinition(name, tracking: true).positions) ?? []
        }
    }

    enum ExpansionError: Error {
        /// A mistake at a file position.
        case located(line: Int, column: Int, message: String)
        /// A reference to a definition whose own error is already reported.
        case brokenReference
    }

    /// `pattern` with every `<name>` replaced; marks the definitions reached as used.
    /// `tracking`: with the file position of each byte (`positions`), else with none.
    /// `decoding` off: the text is left as its bytes (`Expanded.bytes`), for a caller that may
    /// not need it as a String (`RuleLoader.compile`: a third of the patterns repeat one
    /// compiled already, found by their bytes).
    mutating func expand(_ pattern: LocatedString, tracking: Bool = false, decoding: Bool = true) throws(ExpansionError) -> Expanded {
        var out: [UInt8] = [], positions: [(line: Int, column: Int)] = [], refs = Set<Int>()
        out.reserveCapacity(4 * (pattern.text.utf8.count + 1))
        if tracking { positions.reserveCapacity(4 * (pattern.text.utf8.count + 1)) }
        var spans: [Int: (name: String, end: Int)] = [:]
        reached.removeAll(keepingCapacity: true)
        try expand(pattern, into: &out, &positions, tracking: tracking, top: &refs, spans: &spans, stack: [])
        if tracking { positions.append(pattern.positions.last ?? (1, 1)) }
        guard decoding else { return Expanded(text: "", bytes: out, positions: positions, references: refs, spans: spans) }
        return Expanded(text: String(decoding: out, as: UTF8.self), positions: positions, references: refs, spans: spans)
    }

    /// `definition` expanded on its own, to check it once where it is written.
    mutating func expandDefinition(_ name: String, tracking: Bool = false) throws(ExpansionError) -> Expanded {
        guard let k = index[name] else { throw .brokenReference }
        let text = definitions[k].text
        var out: [UInt8] = [], positions: [(line: Int, column: Int)] = [], refs = Set<Int>()
        let used = definitions.map(\.used)
        defer { for j in definitions.indices { definitions[j].used = used[j] } }
        var spans: [Int: (name: String, end: Int)] = [:]
        reached.removeAll(keepingCapacity: true)
        try expand(text, into: &out, &positions, tracking: tracking, top: &refs, spans: &spans, stack: [name])
        if tracking { positions.append(text.positions.last ?? (1, 1)) }
        return Expanded(text: String(decoding: out, as: UTF8.self), positions: positions, references: refs, spans: spans)
    }

    private mutating func expand(_ src: LocatedString, into out: inout [UInt8], _ positions: inout [(line: Int, column: Int)],
                                 tracking: Bool, top: inout Set<Int>, spans: inout [Int: (name: String, end: Int)],
                                 stack: [String]) throws(ExpansionError) {
        let s = Array(src.text.utf8)
        var i = 0
        // The source's positions, worked out once (only when tracking, or for a mistake).
        let srcPositions = tracking ? src.positions : []
        func position(_ k: Int) -> (line: Int, column: Int) {
            tracking ? srcPositions[min(max(0, k), srcPositions.count - 1)] : src.position(k)
        }
        // Bytes `k..<end` as they are, with their positions when tracking (`position(k)` is
        // `srcPositions[k]` below its last entry): a run at a time, not byte by byte,
        // as the definitions' thousands of bytes are copied into every pattern using them.
        func copy(_ k: Int, to end: Int) {
            out.append(contentsOf: s[k..<end])
            guard tracking else { return }
            if end < srcPositions.count {
                positions.append(contentsOf: srcPositions[k..<end])
            } else {
                for b in k..<end { positions.append(position(b)) }
            }
        }
        while i < s.count {
            let c = s[i]
            if c == UInt8(ascii: "\"") {
                // A quoted phrase is copied as it is: `"<"` is the token '<'.
                var j = i + 1
                while j < s.count, s[j] != UInt8(ascii: "\"") { j += 1 }
                if j < s.count { j += 1 }
                copy(i, to: j)
                i = j
                continue
            }
            guard c == UInt8(ascii: "<") else {
                var j = i + 1
                while j < s.count, s[j] != UInt8(ascii: "\""), s[j] != UInt8(ascii: "<") { j += 1 }
                copy(i, to: j)
                i = j
                continue
            }
            let i0 = i
            var at: (line: Int, column: Int) { position(i0) }
            var j = i + 1
            while j < s.count, Self.isNameByte(s[j]) { j += 1 }
            guard j > i + 1, j < s.count, s[j] == UInt8(ascii: ">") else {
                throw .located(line: at.line, column: at.column,
                               message: "'<' starts a reference to a named pattern: write <name> (letters, digits, '-', '_'), or quote it as \"<\"")
            }
            let name = String(decoding: s[(i + 1)..<j], as: UTF8.self)
            if invalid.contains(name) { throw .brokenReference }
            guard let k = index[name] else {
                let known = definitions.isEmpty ? "no 'patterns:' in this file"
                    : "defined in this file: " + definitions.map { "<\($0.name)>" }.joined(separator: " ")
                throw .located(line: at.line, column: at.column, message: "unknown pattern '<\(name)>' (\(known))")
            }
            if let first = stack.firstIndex(of: name) {
                let chain = (stack[first...] + [name]).map { "<\($0)>" }.joined(separator: " -> ")
                throw .located(line: at.line, column: at.column,
                               message: "pattern '<\(name)>' refers to itself (\(chain)): a definition cannot contain itself")
            }
            if definitions[k].broken { throw .brokenReference }
            definitions[k].used = true
            // The parentheses stand at the reference; the definition's bytes at their own place.
            let open = out.count
            top.insert(open)
            out.append(UInt8(ascii: "("))
            if tracking { positions.append(at) }
            if !tracking, let done = expansions[k], !done.reached.contains(where: { definitions[$0].broken }) {
                out.append(contentsOf: done.bytes)
                for r in done.reached { definitions[r].used = true }
                reached.append(contentsOf: done.reached)
            } else {
                let mark = reached.count
                var inner = Set<Int>(), innerSpans: [Int: (name: String, end: Int)] = [:]
                try expand(definitions[k].text, into: &out, &positions, tracking: tracking, top: &inner, spans: &innerSpans,
                           stack: stack + [name])
                if !tracking { expansions[k] = (Array(out[(open + 1)...]), Array(Set(reached[mark...]))) }
            }
            reached.append(k)
            out.append(UInt8(ascii: ")"))
            if tracking { positions.append(at) }
            spans[open] = (name, out.count)
            i = j + 1
        }
    }
}
