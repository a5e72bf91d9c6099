import Crypto
import Foundation
import Yams

extension RuleSet {
    /// Loads and compiles every `*.yaml`/`*.yml` rule file and `lexicons/*.txt` lexicon under
    /// `directory`. Every mistake of every file is collected and thrown together.
    ///
    /// `examples` false: the rules' `examples:` are neither read nor checked (`ExampleBlocks`),
    /// for commands that run no examples; `claimex test` reads them.
    ///
    /// `leaves` false: the compiled programs keep no element and source range per
    /// instruction, which only `explain` and the examples' failure messages (`runExamples`)
    /// read; matching never does. Neither may be called on such a set. Making them was 16 M
    /// of a start's 506 M instructions on the loading thread.
    public static func load(directory: String, examples: Bool = true, leaves: Bool = true) throws(RuleLoadError) -> RuleSet {
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDir), isDir.boolValue else {
            throw RuleLoadError(diagnostics: [RuleDiagnostic(file: directory, line: 1, column: 1,
                                                              message: "rules directory not found")])
        }
        var files: [(path: String, data: Data)] = []
        let paths = (FileManager.default.subpaths(atPath: root.path) ?? []).sorted()
        for rel in paths {
            let parts = rel.split(separator: "/")
            guard !parts.contains(where: { $0.hasPrefix(".") }) else { continue }
            let isRule = rel.hasSuffix(".yaml") || rel.hasSuffix(".yml")
            let isLexicon = parts.count == 2 && parts[0] == "lexicons" && rel.hasSuffix(".txt")
            guard isRule || isLexicon || rel == UnitRegistry.fileName else { continue }
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(rel).path) else {
                throw RuleLoadError(diagnostics: [RuleDiagnostic(file: rel, line: 1, column: 1, message: "cannot read file")])
            }
            files.append((rel, data))
        }
        return try load(files: files, examples: examples, leaves: leaves)
    }

    /// Loads from in-memory files (relative path, contents); the directory loader's core.
    public static func load(files: [(path: String, data: Data)], examples: Bool = true,
                            leaves: Bool = true) throws(RuleLoadError) -> RuleSet {
        try load(files: files, sharingPatterns: true, examples: examples, leaves: leaves)
    }

    /// `sharingPatterns` off: each reference to a named pattern is parsed and compiled where
    /// it stands (`SharedPattern`); `freezingAside` off: each program is frozen as it is
    /// compiled, not on the `Freezer`'s thread. For tests that compare the ways.
    static func load(files: [(path: String, data: Data)], sharingPatterns: Bool,
                     freezingAside: Bool = true, examples: Bool = true, leaves: Bool = true) throws(RuleLoadError) -> RuleSet {
        let sorted = files.sorted { $0.path < $1.path }
        // The rule files' YAML trees and the hash need nothing else loaded, so a thread of
        // their own makes them while this one reads the lexicons and units (a start runs
        // before the batch's workers have anything to do: a core is free then).
        let ahead = YAMLAhead(sorted.filter { isRuleFile($0.path) }, hashing: sorted, examples: examples)
        var loader = RuleLoader()
        loader.readsExamples = examples
        loader.keepsLeaves = leaves
        loader.sharesPatterns = sharingPatterns
        loader.freezesAside = freezingAside
        var sources: [SourceFile] = []
        // The rule files are decoded by `ahead` (it composes them from that text), the others
        // here, first, while it does.
        let others = sorted.map { isRuleFile($0.path) ? nil : String(data: $0.data, encoding: .utf8) }
        for (f, other) in zip(sorted, others) {
            guard let text = isRuleFile(f.path) ? ahead.text(f.path) : other else {
                let (line, column, byte) = firstInvalidUTF8(f.data)
                loader.diagnostics.append(RuleDiagnostic(file: f.path, line: line, column: column,
                                                         message: String(format: "file is not valid UTF-8 (byte 0x%02X)", byte),
                                                         sourceLine: lossyLine(f.data, line)))
                continue
            }
            sources.append(SourceFile(path: f.path, text: text))
        }
        // The unit registry is parsed on a thread of its own while the lexicons load.
        let units = sources.first { $0.path == UnitRegistry.fileName }.map { UnitsAside($0.text) }
        for src in sources where src.path.hasPrefix("lexicons/") { loader.loadLexicon(src) }
        // The unit registry is data for the figure normaliser, and two lexicons for patterns.
        for src in sources where src.path == UnitRegistry.fileName { loader.loadUnits(src, parsed: units?.parsed) }
        loader.makeTriesAside()
        for src in sources where isRuleFile(src.path) {
            loader.loadRules(src, tree: ahead.tree(src.path) ?? Result { try composeRuleFile(src.text, examples: examples) })
        }
        var set = loader.finish(sha256: ahead.sha256())
        let diagnostics = loader.diagnostics
        releaseAside(Spent(loader: consume loader, ahead: consume ahead))
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw RuleLoadError(diagnostics: diagnostics)
        }
        set.warnings = diagnostics + set.warnings
        return set
    }
}

/// What loading leaves behind: the YAML trees, the parsed patterns and the loader's tables.
/// Freed node by node on the main thread they cost 25 M of a start's 565 M instructions
/// there (callgrind, the default rules), 3-4 ms of its median (`releaseAside`).
private final class Spent: @unchecked Sendable {
    var loader: RuleLoader?
    var ahead: YAMLAhead?
    init(loader: consuming RuleLoader, ahead: consuming YAMLAhead) {
        self.loader = loader
        self.ahead = ahead
    }
}

/// Frees `spent` on a thread of its own, so a start does not wait for it: nothing else holds
/// what it holds but for values the rule set shares (released there as a count, not freed).
/// A plain thread, as for `YAMLAhead`.
private func releaseAside(_ spent: Spent) {
    Thread {
        spent.loader = nil
        spent.ahead = nil
    }.start()
}

/// A rule file's YAML tree; without its rules' `examples:` blocks when `examples` is false
/// (the file whole when `ExampleBlocks` cannot cut it for certain: `parseRule` then skips them).
private func composeRuleFile(_ text: String, examples: Bool) throws -> Node? {
    try Yams.compose(yaml: examples ? text : ExampleBlocks.blanked(text) ?? text, .basic)
}

/// A rule file: neither a lexicon nor the unit registry (the directory loader reads only
/// these three kinds).
private func isRuleFile(_ path: String) -> Bool {
    !path.hasPrefix("lexicons/") && path != UnitRegistry.fileName
}

/// The YAML trees of the rule files (by path; files that are not UTF-8 are left out, the
/// loader reports them) and the rule set's sha256, made on a thread of its own from `init`
/// on, in that order: each tree is handed over as soon as it is composed, so the loader
/// compiles the first file while the next are composed, and the hash, needed only when the
/// rule set is made, comes last. A plain thread, not a dispatch queue: the batch's workers
/// can hold every thread of the global queues while they wait for the rules, and the rules
/// would then wait for them.
private final class YAMLAhead: @unchecked Sendable {
    private let index: [String: Int]
    /// Per rule file, its tree (nil: not UTF-8), written once before its semaphore's signal.
    private let trees: UnsafeMutableBufferPointer<Result<Node?, Error>?>
    private let composed: [DispatchSemaphore]
    /// Per rule file, its text (nil: not UTF-8), written before `decoded` is signalled.
    private let texts: UnsafeMutableBufferPointer<String?>
    private let decoded = DispatchSemaphore(value: 0)
    private let hashed = DispatchSemaphore(value: 0)
    private var digest = ""

    init(_ ruleFiles: [(path: String, data: Data)], hashing all: [(path: String, data: Data)], examples: Bool) {
        var index: [String: Int] = [:]
        for (k, f) in ruleFiles.enumerated() { index[f.path] = k }
        self.index = index
        trees = .allocate(capacity: ruleFiles.count)
        trees.initialize(repeating: nil)
        texts = .allocate(capacity: ruleFiles.count)
        texts.initialize(repeating: nil)
        composed = ruleFiles.map { _ in DispatchSemaphore(value: 0) }
        let thread = Thread { [self] in
            ThreadHeap.adviseHugePages()
            // Decoded first, for the loader too (`text`): decoding (checking UTF-8) every file
            // on the loading thread as well was 5 M of a start's instructions there.
            for (k, f) in ruleFiles.enumerated() { texts[k] = String(data: f.data, encoding: .utf8) }
            decoded.signal()
            for k in ruleFiles.indices {
                if let text = texts[k] {
                    // Every value is read as its text (`scalar.string`), so no scalar needs a
                    // tag: the default resolver's regular expressions per scalar (and per
                    // mapping key, for the duplicate-key check) were a quarter of loading
                    // the default rules.
                    trees[k] = Result { try composeRuleFile(text, examples: examples) }
                }
                composed[k].signal()
            }
            digest = Self.sha256(all)
            hashed.signal()
        }
        thread.start()
    }

    deinit {
        trees.deinitialize()
        trees.deallocate()
        texts.deinitialize()
        texts.deallocate()
    }

    /// The text of rule file `path` (nil: not UTF-8, or not a rule file), once decoded.
    func text(_ path: String) -> String? {
        guard let k = index[path] else { return nil }
        decoded.wait()
        defer { decoded.signal() }
        return texts[k]
    }

    /// The tree of rule file `path`, once composed; nil when the file is not UTF-8 or not
    /// a rule file. Call at most once per file.
    func tree(_ path: String) -> Result<Node?, Error>? {
        guard let k = index[path] else { return nil }
        composed[k].wait()
        return trees[k]
    }

    /// The sha256 of every file, once made; call once.
    func sha256() -> String {
        hashed.wait()
        return digest
    }

    /// sha256 over the files' paths and contents, in path order.
    static func sha256(_ sorted: [(path: String, data: Data)]) -> String {
        var hasher = SHA256()
        for f in sorted {
            hasher.update(data: Data(f.path.utf8))
            hasher.update(data: Data([0]))
            hasher.update(data: f.data)
            hasher.update(data: Data([0]))
        }
        let hex = Array("0123456789abcdef".utf8)
        return String(decoding: hasher.finalize().flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 15)]] }, as: UTF8.self)
    }
}

/// Line and column (in scalars) of the first byte that is not UTF-8, and that byte.
private func firstInvalidUTF8(_ data: Data) -> (line: Int, column: Int, byte: UInt8) {
    var parser = Unicode.UTF8.ForwardParser()
    var bytes = data.makeIterator()
    var offset = 0, line = 1, column = 1
    while case .valid(let scalar) = parser.parseScalar(from: &bytes) {
        offset += scalar.count
        if scalar.count == 1 && scalar.first == 0x0A { line += 1; column = 1 } else { column += 1 }
    }
    return (line, column, offset < data.count ? data[data.startIndex + offset] : 0)
}

/// Line `n` (1-based) of `data`, invalid bytes shown as U+FFFD: the caret of an encoding
/// error then sits under the replacement character.
private func lossyLine(_ data: Data, _ n: Int) -> String {
    let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
    guard n >= 1, n <= lines.count else { return "" }
    let line = lines[n - 1]
    return String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
}

/// The unit registry parsed, and the lexicons written from it, on a plain thread (as for
/// `YAMLAhead`): they depend on the registry's text alone, and parsing it was 10 M of a
/// start's instructions on the loading thread.
final class UnitsAside: @unchecked Sendable {
    typealias Parsed = (registry: UnitRegistry, problems: [(line: Int, column: Int, message: String)],
                        generated: [(name: String, text: String)])
    private var made: Parsed?
    private let done = DispatchSemaphore(value: 0)

    init(_ text: String) {
        Thread { [self] in
            ThreadHeap.adviseHugePages()
            made = Self.parse(text)
            done.signal()
        }.start()
    }

    /// The registry, its problems and the lexicons `@units`, `@units-ambiguous`,
    /// `@units-time`, `@units-clock` and `@unit-adjectives` as lexicon text.
    static func parse(_ text: String) -> Parsed {
        let (registry, problems) = UnitRegistry.parse(text)
        return (registry, problems, [("units", registry.lexiconText(ambiguous: false)),
                                     ("units-ambiguous", registry.lexiconText(ambiguous: true)),
                                     ("units-time", registry.timeLexiconText()),
                                     ("units-clock", registry.clockLexiconText()),
                                     ("unit-adjectives", registry.adjectiveLexiconText())])
    }

    /// What `parse` gives, once made.
    var parsed: Parsed {
        done.wait()
        defer { done.signal() }
        return made!
    }
}

/// `LexiconTries` of a set of lexicons, made on a plain thread (as for `YAMLAhead`).
private final class TriesAside: @unchecked Sendable {
    private var made: LexiconTries?
    private let done = DispatchSemaphore(value: 0)

    init(_ lexicons: [Lexicon]) {
        Thread { [self] in
            ThreadHeap.adviseHugePages()
            made = LexiconTries(lexicons)
            done.signal()
        }.start()
    }

    /// The tries, once made.
    var tries: LexiconTries {
        done.wait()
        defer { done.signal() }
        return made!
    }
}

/// A String keyed by its UTF-8 bytes (`RuleLoader.finish`): equal when the bytes are, hashed
/// on its length and its first and last 32 bytes. The vetoes' sources run to thousands of
/// bytes, and most look-ups find the very same storage (a veto compiled once, shared).
private struct SourceBytes: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: SourceBytes, b: SourceBytes) -> Bool {
        var x = a.text, y = b.text
        return x.withUTF8 { p in
            y.withUTF8 { q in
                guard p.count == q.count else { return false }
                guard let pa = p.baseAddress, let qa = q.baseAddress, pa != qa else { return true }
                return memcmp(pa, qa, p.count) == 0
            }
        }
    }

    func hash(into h: inout Hasher) {
        var t = text
        t.withUTF8 { p in
            h.combine(p.count)
            h.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: p.prefix(32))))
            h.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: p.suffix(32))))
        }
    }
}

/// Reads rule files through Yams' node API (keeping line/column marks), validates every key,
/// and compiles patterns. Problems become diagnostics; loading goes on to find them all.
struct RuleLoader {
    var diagnostics: [RuleDiagnostic] = []
    private var vocab = Vocabulary()
    private var lexicons: [Lexicon] = []
    /// Compiles every rule, made at the first rule (the lexicons are all loaded by then) and
    /// kept: it owns the vocabulary from then on, and its caches. Moved out while it compiles a
    /// rule, so no other copy of the vocabulary exists (a copy left here made the first new
    /// word of every rule copy the whole vocabulary).
    private var compiler: PatternCompiler?
    private var phrases = PatternParser.Phrases()
    /// Compiled patterns by their expanded text and the offsets of their references (all
    /// that parsing and compiling read): a third of the default rules' patterns and vetoes
    /// repeat one already compiled (`"?" $`, `<metadiscourse>` ...), and compiling is most
    /// of a start.
    private var compiled: [CompileKey: (Program, [Int32]?)] = [:]
    /// The text as its UTF-8 bytes, hashed in one piece: hashing the `String` normalised it
    /// first (the Unicode canonical form, one scalar at a time once a pattern holds a
    /// non-ASCII character, as many do), and that made a twentieth of a start.
    ///
    /// Hashed on the text's length and its first and last 64 bytes, and the number of
    /// references, and compared whole (bytes with `memcmp`): the expanded texts run to
    /// thousands of bytes, and hashing each whole (and each reference's offset with a hasher
    /// of its own, as a `Set` hashes) cost 8 M of a start's instructions.
    private struct CompileKey: Hashable {
        var text: [UInt8]
        var references: Set<Int>

        func hash(into h: inout Hasher) {
            text.withUnsafeBytes { b in
                h.combine(b.count)
                h.combine(bytes: UnsafeRawBufferPointer(rebasing: b.prefix(64)))
                h.combine(bytes: UnsafeRawBufferPointer(rebasing: b.suffix(64)))
            }
            h.combine(references.count)
        }

        static func == (a: CompileKey, b: CompileKey) -> Bool {
            guard a.text.count == b.text.count, a.references.count == b.references.count else { return false }
            let same = a.text.withUnsafeBytes { x in
                b.text.withUnsafeBytes { y in
                    guard let xa = x.baseAddress, let ya = y.baseAddress, xa != ya else { return true }
                    return memcmp(xa, ya, x.count) == 0
                }
            }
            return same && a.references == b.references
        }
    }
    /// The current file's named patterns, parsed once for all their references (nil: one that
    /// cannot be shared, parsed with each pattern as before).
    private var shares: [String: SharedPattern?] = [:]
    /// The parse trees, shared patterns, YAML trees and definitions loading is done with, kept
    /// until the loader is released on a thread of its own (`releaseAside`).
    private var spentNodes: [PatternNode] = []
    private var spentShares: [[String: SharedPattern?]] = []
    private var spentFiles: [(Node, PatternDefinitions)] = []
    /// Off: every reference parsed and compiled where it stands (for the tests that compare).
    var sharesPatterns = true
    /// Programs frozen on a thread of their own (`Freezer`) while the next ones compile.
    var freezesAside = true
    /// Off: `examples:` are skipped (`RuleSet.load(directory:examples:)`).
    var readsExamples = true
    /// Off: programs keep no per-instruction element and leaf (`RuleSet.load(directory:leaves:)`).
    var keepsLeaves = true
    private var rules: [CompiledRule] = []
    private var units = UnitRegistry.empty
    /// The lexicons' tries, made on a thread of its own once every lexicon is loaded.
    private var triesAside: TriesAside?
    private var seenIDs: [String: String] = [:]

    static let ruleKeys = ["id", "tag", "description", "pattern", "unless", "unless-in-match", "priority", "examples", "normalize"]
    static let defaultKeys = ["tag", "priority", "normalize"]

    // MARK: - Lexicons

    /// `units.tsv`: the registry, and the lexicons `@units`, `@units-ambiguous`, `@units-time`, `@units-clock`
    /// and `@unit-adjectives` written from it (a lexicon file of the same name is an error:
    /// one list, not two).
    /// `parsed`: `UnitsAside.parse(src.text)`, made already (on a thread of its own).
    mutating func loadUnits(_ src: SourceFile, parsed: UnitsAside.Parsed? = nil) {
        let (registry, problems, generated) = parsed ?? UnitsAside.parse(src.text)
        for p in problems { diagnostics.append(src.diagnostic(p.line, p.column, p.message)) }
        units = registry
        for (name, text) in generated {
            if let clash = lexicons.first(where: { $0.name == name }) {
                diagnostics.append(src.diagnostic(1, 1, "lexicon '@\(name)' is written from \(src.path); remove \(clash.file)"))
                continue
            }
            loadLexicon(SourceFile(path: src.path, text: text), name: name)
        }
    }

    mutating func loadLexicon(_ src: SourceFile, name given: String? = nil) {
        let name = given ?? String(src.path.dropFirst("lexicons/".count).dropLast(".txt".count))
        guard !name.isEmpty, name.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2D }) else {
            diagnostics.append(src.diagnostic(1, 1, "lexicon file name '\(name)' must use only letters, digits, '_' and '-'"))
            return
        }
        var lexicon = Lexicon(name: name, file: src.path)
        // Bytes, not Strings: the lexicons are thousands of lines read at every start.
        let bytes = Array(src.text.utf8)
        var scratch = Tokenizer.LineScratch()
        // One entry's ids, the storage kept from line to line (an array per line before).
        var ids: [Int32] = []
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            guard lineEnd > lineStart else { continue }
            // A comment starts at a '#' that begins the line or follows a space or tab.
            // (A plain loop: `first(where:)` over the slice's indices, a closure call a byte,
            // was a sixth of loading the lexicons.)
            var end = lineEnd
            var k = lineStart
            while k < lineEnd {
                if bytes[k] == 0x23 && (k == lineStart || bytes[k - 1] == 0x20 || bytes[k - 1] == 0x09) { end = k; break }
                k += 1
            }
            // `=US`: this entry matches only in exactly this case (not the pronoun "us").
            var start = lineStart
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            let exact = start < end && bytes[start] == UInt8(ascii: "=")
            if exact { start += 1 }
            let count = bytes.withUnsafeBufferPointer {
                Tokenizer.tokenize(UnsafeBufferPointer(rebasing: $0[start..<end]), scratch: &scratch)
            }
            let form = exact ? Array(scratch.tokens[..<count].map { bytes[(start + Int($0.start))..<(start + Int($0.end))] }
                .joined(separator: [0x20])) : nil
            ids.removeAll(keepingCapacity: true)
            for r in scratch.ranges[..<count] { ids.append(vocab.intern(scratch.norm[r])) }
            lexicon.add(ids, exact: form)
        }
        if lexicon.entryCount == 0, given == nil {   // a registry without time units is fine
            diagnostics.append(src.diagnostic(1, 1, "lexicon '@\(name)' has no entries"))
        }
        lexicon.sealFirstIDs()
        lexicon.anchorIDs = PatternCompiler.anchorIDs(lexicon, vocab)
        lexicons.append(lexicon)
    }

    /// Starts making the matcher's tries of the lexicons (`LexiconTries`) on a thread of its
    /// own: they depend on the lexicons alone, which are all loaded now and stay as they are,
    /// and making them was 10 M of a start's instructions on this thread, in `finish`.
    mutating func makeTriesAside() {
        triesAside = TriesAside(lexicons)
    }

    // MARK: - Rule files

    /// `tree`: the file's YAML, composed with `Yams.compose(yaml:_:)` and the `.basic` resolver.
    mutating func loadRules(_ src: SourceFile, tree: Result<Node?, Error>) {
        let root: Node?
        do {
            root = try tree.get()
        } catch let error as YamlError {
            diagnostics.append(yamlDiagnostic(error, src))
            return
        } catch {
            diagnostics.append(src.diagnostic(1, 1, "YAML error: \(error)"))
            return
        }
        guard let root else { return }
        guard let top = root.mapping else {
            diagnostics.append(src.diagnostic(root.mark, "a rule file is a mapping with 'rules:' (a list of rules) and optional 'defaults:'"))
            return
        }
        var defaults = RuleDefaults()
        var ruleNodes: [Node] = []
        var sawRules = false
        var definitions = PatternDefinitions()
        for (key, value) in top {
            switch key.string ?? "" {
            case "defaults": defaults = parseDefaults(value, src)
            case "patterns": definitions = parsePatterns(value, src)
            case "rules":
                sawRules = true
                guard let seq = value.sequence else {
                    diagnostics.append(src.diagnostic(value.mark, "'rules' must be a list of rules"))
                    continue
                }
                ruleNodes = Array(seq)
            default:
                diagnostics.append(src.diagnostic(key.mark, "unknown key '\(key.string ?? "?")' at file level (expected: defaults, patterns, rules)"))
            }
        }
        if !sawRules { diagnostics.append(src.diagnostic(root.mark, "missing required key 'rules'")) }
        spentShares.append(shares)  // the previous file's (the last file's stay in `shares`)
        shares = [:]
        // The shared parses the check makes are this file's rules' too; after a faulty
        // definition they are made again once the faults are marked, as they were before.
        if !checkDefinitions(&definitions, src) {
            spentShares.append(shares)
            shares = [:]
        }
        for node in ruleNodes { parseRule(node, defaults, &definitions, src) }
        for def in definitions.definitions where !def.used && !def.broken {
            diagnostics.append(src.diagnostic(def.line, def.column, "pattern '<\(def.name)>' is defined but no rule of this file uses it", .warning))
        }
        spentFiles.append((root, definitions))
    }

    /// The file's `patterns:` mapping: name -> pattern text.
    private mutating func parsePatterns(_ node: Node, _ src: SourceFile) -> PatternDefinitions {
        var defs = PatternDefinitions()
        guard let map = node.mapping else {
            diagnostics.append(src.diagnostic(node.mark, "'patterns' must be a mapping of names to patterns (name: 'pattern')"))
            return defs
        }
        for (key, value) in map {
            guard let name = key.scalar?.string, PatternDefinitions.isValidName(name) else {
                diagnostics.append(src.diagnostic(key.mark, "a pattern name must be letters, digits, '-' and '_' (used as <name>)"))
                continue
            }
            guard let scalar = value.scalar else {
                diagnostics.append(src.diagnostic(value.mark, "pattern '<\(name)>' must be a string (quote it: '...')"))
                defs.addInvalid(name)
                continue
            }
            let def = PatternDefinitions.Definition(name: name, text: patternText(scalar, src),
                                                    line: key.mark?.line ?? 1, column: key.mark?.column ?? 1)
            if !defs.add(def) {
                diagnostics.append(src.diagnostic(key.mark, "duplicate pattern name '<\(name)>'"))
            }
        }
        return defs
    }

    /// Parses and compiles every definition on its own, so a mistake in one is reported once,
    /// in the definition, whether or not a rule uses it. The vocabulary is left as it was.
    /// False when a definition is faulty.
    ///
    /// A definition's references stand as their shared parses (`share`), as in a rule's
    /// pattern, so each definition's own text is parsed once: parsing every definition
    /// written out (`<actors>` is three `<actor>`s, each a few hundred elements) was 26 M
    /// of a start's 560 M instructions on the main thread. A definition that fails that way
    /// is checked again written out, and that check alone decides and reports, as before.
    private mutating func checkDefinitions(_ defs: inout PatternDefinitions, _ src: SourceFile) -> Bool {
        var allGood = true
        for name in defs.names {
            let expanded: PatternDefinitions.Expanded
            do {
                expanded = try defs.expandDefinition(name)
            } catch {
                if case .located(let line, let column, let message) = error { report(src.diagnostic(line, column, message)) }
                defs.markBroken(name)
                allGood = false
                continue
            }
            // The definition's own shared parse, when its first `(` closes at its last `)`:
            // the text then parses alone as inside that group (the parser's state differs only
            // in its depth, which joins top-level references into the sequence and reports
            // nothing; its end is the group's `)`), with the same references, so it passes
            // the parse, and the same lexicons and size, exactly when the shared parse does.
            // It has no `>>` (`share`). Parsing the text again to check it was 23 M of a
            // start's 602 M instructions; the shared parse is made for its references anyway.
            if sharesPatterns, let own = share(name, &defs, expanded: expanded), own.wholeGroup {
                do {
                    try PatternCompiler.checkLexicons(own.node, lexicons)
                    try PatternCompiler.checkSize(own.node)
                    continue
                } catch {}
            } else if sharesPatterns {
                var shared: PatternParser.Shared = [:]
                for (at, span) in expanded.spans {
                    if let share = share(span.name, &defs) { shared[at] = (share, span.end) }
                }
                do {
                    let node = try PatternParser.parse(expanded.text, references: expanded.references, phrases: &phrases, shared: shared)
                    try PatternCompiler.checkLexicons(node, lexicons)
                    try PatternCompiler.checkSize(node)
                    spentNodes.append(node)
                    continue
                } catch {}
            }
            do {
                let node = try PatternParser.parse(expanded.text, references: expanded.references, phrases: &phrases)
                try PatternCompiler.checkLexicons(node, lexicons)
                try PatternCompiler.checkSize(node)
                spentNodes.append(node)
            } catch {
                var located = expanded
                located.positions = defs.positions(of: .definition(name))
                let at = located.position(error.offset)
                report(src.diagnostic(at.line, at.column, error.message))
                defs.markBroken(name)
                allGood = false
            }
        }
        return allGood
    }

    /// Adds `d` unless the same diagnostic is already there (a definition's mistake found
    /// again through another definition that uses it).
    private mutating func report(_ d: RuleDiagnostic) {
        guard !diagnostics.contains(where: { $0.file == d.file && $0.line == d.line && $0.column == d.column && $0.message == d.message }) else { return }
        diagnostics.append(d)
    }

    private struct RuleDefaults {
        var tag: Tag?
        var priority = 0
        var normalize = false
    }

    private mutating func parseDefaults(_ node: Node, _ src: SourceFile) -> RuleDefaults {
        var d = RuleDefaults()
        guard let map = node.mapping else {
            diagnostics.append(src.diagnostic(node.mark, "'defaults' must be a mapping (tag, priority, normalize)"))
            return d
        }
        for (key, value) in map {
            switch key.string ?? "" {
            case "tag": d.tag = parseTag(value, src)
            case "priority": d.priority = parsePriority(value, src) ?? 0
            case "normalize": d.normalize = parseNormalize(value, src)
            default:
                diagnostics.append(src.diagnostic(key.mark, "unknown key '\(key.string ?? "?")' in defaults (expected: \(Self.defaultKeys.joined(separator: ", ")))"))
            }
        }
        return d
    }

    private mutating func parseRule(_ node: Node, _ defaults: RuleDefaults, _ definitions: inout PatternDefinitions, _ src: SourceFile) {
        guard let map = node.mapping else {
            diagnostics.append(src.diagnostic(node.mark, "a rule must be a mapping with id, tag, description, pattern"))
            return
        }
        let mark = (line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        var id: String?, idMark: Mark?, tag = defaults.tag, tagSeen = false, description: String?
        var pattern: LocatedString?, unless: [LocatedString] = [], inMatch: [LocatedString] = [], priority = defaults.priority
        var normalize = defaults.normalize, examples: [RuleExample] = []
        var ok = true
        for (key, value) in map {
            let name = key.string ?? ""
            switch name {
            case "id":
                idMark = value.mark
                // ASCII letters, digits and "._-" first (every id of the default rules): a
                // scalar's Unicode properties are a table look-up each.
                guard let s = value.scalar?.string, !s.isEmpty,
                      s.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D })
                        || s.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }) else {
                    diagnostics.append(src.diagnostic(value.mark, "rule 'id' must be a non-empty name of letters, digits, '.', '_' and '-'"))
                    ok = false
                    continue
                }
                id = s
            case "tag":
                tagSeen = true
                tag = parseTag(value, src)
                if tag == nil { ok = false }
            case "description":
                guard let s = value.scalar?.string else {
                    diagnostics.append(src.diagnostic(value.mark, "'description' must be a string"))
                    continue
                }
                description = s
            case "pattern":
                guard let scalar = value.scalar else {
                    diagnostics.append(src.diagnostic(value.mark, "'pattern' must be a string (quote it: '...')"))
                    ok = false
                    continue
                }
                pattern = patternText(scalar, src)
            case "unless", "unless-in-match":
                let items = value.sequence.map(Array.init) ?? [value]
                for item in items {
                    guard let scalar = item.scalar else {
                        diagnostics.append(src.diagnostic(item.mark, "'\(name)' must be a pattern string or a list of pattern strings"))
                        ok = false
                        continue
                    }
                    if name == "unless" { unless.append(patternText(scalar, src)) } else { inMatch.append(patternText(scalar, src)) }
                }
            case "priority":
                if let p = parsePriority(value, src) { priority = p } else { ok = false }
            case "normalize":
                normalize = parseNormalize(value, src)
            case "examples":
                if readsExamples { examples = parseExamples(value, src) }
            default:
                diagnostics.append(src.diagnostic(key.mark, "unknown key '\(name)' in rule (expected: \(Self.ruleKeys.joined(separator: ", ")))"))
            }
        }
        for (key, present) in [("id", id != nil || idMark != nil), ("pattern", pattern != nil || map["pattern"] != nil),
                               ("description", description != nil || map["description"] != nil),
                               ("tag", tag != nil || tagSeen)] where !present {
            diagnostics.append(src.diagnostic(mark.line, mark.column, "missing required key '\(key)' in rule" + (key == "tag" ? " (or set it in 'defaults')" : "")))
            ok = false
        }
        if let id {
            let here = "\(src.path):\(idMark?.line ?? mark.line):\(idMark?.column ?? mark.column)"
            if let first = seenIDs[id] {
                diagnostics.append(src.diagnostic(idMark, "duplicate rule id '\(id)' (first defined at \(first))"))
                ok = false
            } else {
                seenIDs[id] = here
            }
        }
        var compiler = takeCompiler()
        var program: Program?, trigger: [Int32]?
        if let pattern, let compiled = compile(pattern, &compiler, &definitions, src) { (program, trigger) = compiled }
        var vetoes: [Program] = []
        for u in unless + inMatch { if let compiled = compile(u, &compiler, &definitions, src) { vetoes.append(compiled.0) } else { ok = false } }
        self.compiler = compiler
        guard ok, let id, let tag, let program else { return }
        rules.append(CompiledRule(id: id, tag: tag, description: description ?? "", file: src.path,
                                  line: mark.line, column: mark.column, priority: priority, order: rules.count,
                                  normalizeFigure: normalize, program: program, unless: vetoes, inMatchFrom: unless.count,
                                  trigger: trigger, examples: examples))
    }

    /// The rule compiler, moved out of `compiler` (made, taking over the vocabulary, at the first rule).
    private mutating func takeCompiler() -> PatternCompiler {
        if let c = compiler.take() { return c }
        defer { vocab = Vocabulary() }
        var c = PatternCompiler(vocab: vocab, lexicons: lexicons)
        c.keepsLeaves = keepsLeaves
        if freezesAside { c.freezer = Freezer(c.bitmaps) }  // `finish` collects what it froze
        return c
    }

    /// `pattern` with its `<name>` references expanded, parsed and compiled; nil after
    /// reporting a mistake (or silently when it uses a definition whose mistake is reported).
    private mutating func compile(_ pattern: LocatedString, _ compiler: inout PatternCompiler,
                                  _ definitions: inout PatternDefinitions, _ src: SourceFile) -> (Program, [Int32]?)? {
        var expanded: PatternDefinitions.Expanded
        do {
            expanded = try definitions.expand(pattern, decoding: false)
        } catch {
            if case .located(let line, let column, let message) = error { report(src.diagnostic(line, column, message)) }
            return nil
        }
        // Looked up by the expansion's bytes, made a String only when new: decoding (checking)
        // the bytes of every expansion, and copying them back out of the String for the key,
        // was 3 M of a start's instructions for the third of the patterns compiled already.
        let key = CompileKey(text: expanded.bytes, references: expanded.references)
        if let done = compiled[key] { return done }
        expanded.text = String(decoding: expanded.bytes, as: UTF8.self)
        expanded.bytes = []
        var shared: PatternParser.Shared = [:]
        if sharesPatterns {
            for (at, span) in expanded.spans {
                if let share = share(span.name, &definitions) { shared[at] = (share, span.end) }
            }
        }
        do {
            let node = try PatternParser.parse(expanded.text, references: expanded.references, phrases: &phrases, shared: shared)
            let (program, trigger) = try compiler.compile(node, source: expanded.text)
            spentNodes.append(node)
            compiled[key] = (program, trigger)
            return (program, trigger)
        } catch {
            var located = expanded
            located.positions = definitions.positions(of: .pattern(pattern))
            let at = located.position(error.offset)
            report(src.diagnostic(at.line, at.column, error.message))
            return nil
        }
    }

    /// The shared parse of definition `name` (`SharedPattern`), made at its first reference:
    /// `(` + its expanded text + `)` as a reference's group parses, its own references shared
    /// in turn. nil when that parse fails or holds a `>>` (a reference then parses where it
    /// stands and reports what it finds there, as before).
    /// `expanded`: `definitions.expandDefinition(name)`, made already.
    private mutating func share(_ name: String, _ definitions: inout PatternDefinitions,
                                expanded given: PatternDefinitions.Expanded? = nil) -> SharedPattern? {
        if let known = shares[name] { return known }
        shares[name] = .some(nil)
        guard let expanded = given ?? (try? definitions.expandDefinition(name)) else { return nil }
        var nested: PatternParser.Shared = [:]
        for (at, span) in expanded.spans {
            if let share = share(span.name, &definitions) { nested[at + 1] = (share, span.end + 1) }
        }
        var whole = false
        guard let node = try? PatternParser.parse("(" + expanded.text + ")", references: [], phrases: &phrases, shared: nested,
                                                  wholeGroup: &whole),
              PatternParser.nestedMatchStart(node) == nil else { return nil }
        let made = SharedPattern(name: name, node: node)
        made.wholeGroup = whole
        shares[name] = made
        return made
    }

    /// A pattern's text with its file positions. In a block scalar (`>-`, `|`) YAML keeps
    /// `''` as two quotes, where a quoted value means one: `"''s"` copied from a quoted
    /// pattern into a block then matches no text, without a word of complaint (the
    /// recommendation rules once had 65 of them). Warned at the first `''`.
    private mutating func patternText(_ scalar: Node.Scalar, _ src: SourceFile) -> LocatedString {
        let text = LocatedString(scalar: scalar, in: src)
        guard scalar.style == .folded || scalar.style == .literal else { return text }
        let bytes = Array(text.text.utf8)
        if let k = bytes.indices.dropLast().first(where: { bytes[$0] == 0x27 && bytes[$0 + 1] == 0x27 }) {
            let at = text.position(k)
            diagnostics.append(src.diagnostic(at.line, at.column,
                "'' in a block scalar (>- or |) stays two quotes (YAML reads '' as one ' only inside '...'): write one ' here, as in \"'s\"",
                .warning))
        }
        return text
    }

    // MARK: - Values

    private mutating func parseTag(_ node: Node, _ src: SourceFile) -> Tag? {
        let expected = "(expected one of: \(Tag.allCases.map(\.rawValue).joined(separator: ", ")))"
        guard let s = node.scalar?.string else {
            diagnostics.append(src.diagnostic(node.mark, "'tag' takes one tag, not a \(node.sequence != nil ? "list" : "mapping") \(expected)"))
            return nil
        }
        guard let tag = Tag(rawValue: s) else {
            diagnostics.append(src.diagnostic(node.mark, "unknown tag '\(s)' \(expected)"))
            return nil
        }
        return tag
    }

    private mutating func parsePriority(_ node: Node, _ src: SourceFile) -> Int? {
        guard let s = node.scalar?.string, let p = Int(s) else {
            diagnostics.append(src.diagnostic(node.mark, "'priority' must be an integer"))
            return nil
        }
        return p
    }

    private mutating func parseNormalize(_ node: Node, _ src: SourceFile) -> Bool {
        guard node.scalar?.string == "figure" else {
            diagnostics.append(src.diagnostic(node.mark, "unknown normalizer '\(node.scalar?.string ?? "?")' (expected: figure)"))
            return false
        }
        return true
    }

    private mutating func parseExamples(_ node: Node, _ src: SourceFile) -> [RuleExample] {
        guard let map = node.mapping else {
            diagnostics.append(src.diagnostic(node.mark, "'examples' must be a mapping with 'match:' and/or 'no-match:' lists"))
            return []
        }
        var out: [RuleExample] = []
        for (key, value) in map {
            let kind = key.string ?? ""
            guard kind == "match" || kind == "no-match" else {
                diagnostics.append(src.diagnostic(key.mark, "unknown key '\(kind)' in examples (expected: match, no-match)"))
                continue
            }
            guard let list = value.sequence else {
                diagnostics.append(src.diagnostic(value.mark, "'\(kind)' must be a list of sentences"))
                continue
            }
            for item in list {
                let line = item.mark?.line ?? 1
                if let s = item.scalar?.string {
                    out.append(RuleExample(text: s, shouldMatch: kind == "match", captures: [], file: src.path, line: line))
                } else if kind == "match", let m = item.mapping {
                    var text: String?, captures: [(String, String)] = []
                    for (k, v) in m {
                        switch k.string ?? "" {
                        case "text": text = v.scalar?.string
                        case "captures":
                            guard let cm = v.mapping else {
                                diagnostics.append(src.diagnostic(v.mark, "'captures' must map capture names to expected text"))
                                continue
                            }
                            for (ck, cv) in cm { captures.append((ck.string ?? "", cv.scalar?.string ?? "")) }
                        default:
                            diagnostics.append(src.diagnostic(k.mark, "unknown key '\(k.string ?? "?")' in example (expected: text, captures)"))
                        }
                    }
                    guard let text else {
                        diagnostics.append(src.diagnostic(item.mark, "missing required key 'text' in example"))
                        continue
                    }
                    out.append(RuleExample(text: text, shouldMatch: true, captures: captures, file: src.path, line: line))
                } else {
                    diagnostics.append(src.diagnostic(item.mark, kind == "match"
                        ? "an example is a sentence or a mapping {text, captures}"
                        : "a no-match example is a sentence"))
                }
            }
        }
        return out
    }

    private func yamlDiagnostic(_ error: YamlError, _ src: SourceFile) -> RuleDiagnostic {
        let d: RuleDiagnostic
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let ctx = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            d = src.diagnostic(mark, "YAML syntax: \(problem)\(ctx)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams marks the first occurrence and puts the whole file in `context.text`:
            // point at the repeat instead, in one line.
            let key = duplicates.first ?? "?", first = context.mark
            let (line, column) = Self.repeatOfKey(key, after: first, src) ?? (first.line, first.column)
            d = src.diagnostic(line, column, "YAML: duplicate key \(key) (first at line \(first.line)); a key appears once per mapping")
        default:
            d = src.diagnostic(1, 1, "YAML error: \(error)")
        }
        return Self.onVisibleLine(d, src)
    }

    /// The next line after `first` with `key:` at the same column: the repeated key.
    static func repeatOfKey(_ key: String, after first: Mark, _ src: SourceFile) -> (Int, Int)? {
        guard first.line >= 1, first.line < src.lineCount else { return nil }
        let want = Array((key + ":").unicodeScalars)
        for n in first.line + 1...src.lineCount {
            let text = Array(src.line(n).unicodeScalars), at = first.column - 1
            if at >= 0, text.count >= at + want.count, Array(text[at..<at + want.count]) == want { return (n, first.column) }
        }
        return nil
    }

    /// `d` moved off a line with no text to just after the end of the last line with text
    /// before it, so that line and a caret are shown. libyaml reports what it finds at the end
    /// of the file (an unclosed `{`, `[` or quote) on the line after the last one, which is
    /// empty; a line that has text is kept as named.
    static func onVisibleLine(_ d: RuleDiagnostic, _ src: SourceFile) -> RuleDiagnostic {
        func blank(_ s: String) -> Bool { s.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" } }
        guard blank(d.sourceLine) else { return d }
        var n = min(d.line, src.lineCount)
        while n >= 1, blank(src.line(n)) { n -= 1 }
        guard n >= 1 else { return d }
        var out = d
        let text = src.line(n)
        out.line = n
        out.column = text.unicodeScalars.count - text.unicodeScalars.reversed().prefix { $0 == " " || $0 == "\t" }.count + 1
        out.sourceLine = text
        return out
    }

    // MARK: - Index

    /// True when every scalar of `s` is below U+0300 (ASCII, Latin-1, Latin Extended-A and -B,
    /// IPA, spacing modifiers), general punctuation U+2010-U+2027 (dashes, quotes, bullet),
    /// a currency sign U+20A0-U+20BF or a vulgar fraction U+2150-U+215F. None of these has a
    /// canonical decomposition that composition does not undo, a non-zero combining class, or
    /// is the second of a canonical composition pair (checked against Unicode's data), so such
    /// a string is its own NFC, and two of them are canonically equal only when equal bytes.
    static func isNFCByScalars(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { b in
            // Valid UTF-8: a lead byte C2-CB starts U+0080-U+02FF; E2 80 90-A7 is
            // U+2010-U+2027, E2 82 A0-BF U+20A0-U+20BF, E2 85 90-9F U+2150-U+215F.
            var k = 0
            while k < b.count {
                let c = b[k]
                if c < 0x80 { k += 1; continue }
                if c >= 0xC2 && c <= 0xCB { k += 2; continue }
                guard c == 0xE2, k + 2 < b.count else { return false }
                let (x, y) = (b[k + 1], b[k + 2])
                guard (x == 0x80 && y >= 0x90 && y <= 0xA7) || (x == 0x82 && y >= 0xA0 && y <= 0xBF)
                        || (x == 0x85 && y >= 0x90 && y <= 0x9F) else { return false }
                k += 3
            }
            return true
        }
    }

    func finish(sha256: String) -> RuleSet {
        let vocab = compiler?.vocab ?? self.vocab
        var rules = self.rules
        if let frozen = compiler?.freezer?.finish(), !frozen.isEmpty {
            func install(_ p: inout Program) {
                guard p.freezeID >= 0 else { return }
                (p.guards, p.code) = frozen[Int(p.freezeID)]
            }
            for r in rules.indices {
                install(&rules[r].program)
                for k in rules[r].unless.indices { install(&rules[r].unless[k]) }
            }
        }
        var set = RuleSet(sha256: sha256)
        set.hasLeaves = keepsLeaves
        set.rules = rules
        set.codeRefs = rules.map { Unmanaged.passUnretained($0.program.code) }
        set.names = RuleNames(ids: rules.map(\.id), files: rules.map(\.file), captures: rules.map(\.program.captureNames),
                              units: units)
        set.vocab = vocab
        set.lexicons = lexicons
        set.units = units
        set.tries = triesAside?.tries ?? LexiconTries(lexicons)
        var warnings: [RuleDiagnostic] = []
        for (k, rule) in rules.enumerated() where rule.trigger == nil {
            set.alwaysRules.append(Int32(k))
            warnings.append(RuleDiagnostic(file: rule.file, line: rule.line, column: rule.column, severity: .warning,
                message: "rule '\(rule.id)' has no trigger (a word, family, lexicon or rare class every match contains), so it runs on every sentence"))
        }
        set.ruleTagRank = rules.map { UInt8(Tag.allCases.firstIndex(of: $0.tag)!) }
        set.rulePriority = rules.map(\.priority)
        set.ruleMatchStart = rules.map(\.program.matchStartSlot)
        // A veto's id by its source, canonically equal Strings alike; looked up by its bytes
        // first (equal bytes are equal Strings): hashing a String normalises it, and the
        // vetoes' sources (named patterns written out) cost 8 M instructions so.
        //
        // While every source is in NFC by its scalars alone (`isNFCByScalars`: all of the
        // default rules' are), two sources are canonically equal only when their bytes are,
        // so a source new by its bytes is new: the String table is made, from the sources so
        // far, at the first source that is not so (its hashing, a normalisation of each new
        // source, cost 7.7 M of a start's 602 M instructions).
        var unlessID: [String: Int32] = [:], byBytes: [SourceBytes: Int32] = [:]
        var distinct: [String] = [], nfcOnly = true
        let vetoCount = rules.reduce(0) { $0 + $1.unless.count }
        byBytes.reserveCapacity(vetoCount)
        set.unlessIDs = rules.map { rule in
            rule.unless.map { u in
                let bytes = SourceBytes(u.source)
                if let id = byBytes[bytes] { return id }
                let id: Int32
                if nfcOnly, Self.isNFCByScalars(u.source) {
                    id = Int32(distinct.count)
                    distinct.append(u.source)
                } else {
                    if nfcOnly {
                        nfcOnly = false
                        unlessID.reserveCapacity(vetoCount)
                        for (k, source) in distinct.enumerated() { unlessID[source] = Int32(k) }
                    }
                    if let known = unlessID[u.source] {
                        id = known
                    } else {
                        id = Int32(unlessID.count)
                        unlessID[u.source] = id
                    }
                }
                byBytes[bytes] = id
                return id
            }
        }
        set.unlessCount = nfcOnly ? distinct.count : unlessID.count
        // Each id's code, from its first rule (vetoes with one id have the same pattern text).
        var unlessCodes = [Unmanaged<ProgramCode>?](repeating: nil, count: set.unlessCount)
        for (r, rule) in rules.enumerated() {
            for (k, u) in rule.unless.enumerated() where unlessCodes[Int(set.unlessIDs[r][k])] == nil {
                unlessCodes[Int(set.unlessIDs[r][k])] = Unmanaged.passUnretained(u.code)
            }
        }
        set.unlessCodeRefs = unlessCodes.map { $0! }
        var vetoes = [Program?](repeating: nil, count: set.unlessCount)
        for (r, rule) in rules.enumerated() {
            for (k, u) in rule.unless.enumerated() where vetoes[Int(set.unlessIDs[r][k])] == nil { vetoes[Int(set.unlessIDs[r][k])] = u }
        }
        set.startIndex = StartIndex(rules: rules, vetoes: vetoes.map { $0! }, vocabCount: vocab.count)
        set.ruleNeedsTags = rules.map(\.needsTags)
        set.ruleNeedsLemmas = rules.map(\.needsLemmas)
        set.anyNeedsTags = set.ruleNeedsTags.contains(true)
        set.warnings = warnings
        return set
    }
}
