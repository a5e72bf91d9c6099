/// A named pattern (`<name>` in a file's `patterns:`), parsed once and shared by every
/// reference to it, with what the compiler derives from it kept for the next reference.
///
/// The position and recommendation rules write out the same actor and addressee phrases in
/// most of their patterns (`<actors>` is three `<actor>`s, each a few hundred instructions):
/// parsing, emitting and analysing each copy again was most of a start. A reference is
/// still expanded textually (`PatternDefinitions`), so offsets, error positions and the
/// compiled program are exactly those of the written-out pattern; only the work is shared.
///
/// `node` is the parse of `(` + the definition's expanded text + `)`, offsets counted from
/// that `(`: a reference whose `(` stands at offset `shift` of a pattern's expanded text is
/// `node` with every offset plus `shift`. Memos hold results that do not depend on offsets
/// (vocabulary ids, lexicon indices, lengths) and are valid for the one `PatternCompiler` of
/// the loader that made this object; the emitted `fragment` has offsets relative to `shift`.
/// Made and read by one loader on one thread; `@unchecked` only so `PatternNode` stays `Sendable`.
final class SharedPattern: @unchecked Sendable {
    let name: String
    let node: PatternNode

    var size: Int?
    var lengthBounds: (Int, Int?)?
    var requirements: [Requirement]?
    /// The groups of its alternations whole in a match when it is (`groupedRequirements`).
    var groups: [RequirementGroup]?
    var trigger: [Int32]??
    var first: TokenCollection?
    var alphabet: TokenCollection?
    var fragment: Fragment?
    /// Guards of the fragment's split branches whose walk stays inside it, by instruction
    /// (`SplitGuards.init(_:placed:)`); an inner nil: the branch has none.
    var guards: [Int32: SplitGuards.Guard?] = [:]
    var lexiconsChecked = false
    /// Parsed from `(` + text + `)` with that first `(` closed by the last `)`: the text
    /// alone then parses too, to the same nodes but for the group (`RuleLoader.checkDefinitions`).
    var wholeGroup = false
    /// The items a top-level reference to a sequence is joined into the pattern as.
    private var itemShares: [SharedPattern]?
    private var wraps: [Range<Int>: SharedPattern] = [:]

    init(name: String, node: PatternNode) {
        self.name = name
        self.node = node
    }

    /// What the parser puts where the reference's `(` stands at `shift` (its source ends at
    /// the reference's `)`): a leaf as a plain node, anything larger as a shared reference.
    static func reference(_ node: PatternNode, _ share: () -> SharedPattern, shift: Int) -> PatternNode {
        switch node {
        case .sequence, .alternatives, .repetition, .capture:
            return .reference(share(), shift: shift, node.source.shifted(shift))
        default:
            return node.shifted(by: shift)
        }
    }

    func reference(at shift: Int) -> PatternNode {
        Self.reference(node, { self }, shift: shift)
    }

    /// The node in a group of its own (`(<name>)`): a sequence or alternatives then takes the
    /// group's range (the parser's `wrap`), relative to the reference's `(` like `node`'s.
    /// nil for other nodes, which keep theirs. Made once per range.
    func wrapped(_ range: Range<Int>) -> SharedPattern? {
        let node: PatternNode
        switch self.node {
        case .sequence(let items, _): node = .sequence(items, range)
        case .alternatives(let items, _): node = .alternatives(items, range)
        default: return nil
        }
        if let known = wraps[range] { return known }
        let made = SharedPattern(name: name, node: node)
        wraps[range] = made
        return made
    }

    /// The items of a sequence `node`, for a reference joined into the pattern's top level.
    func items(at shift: Int) -> [PatternNode]? {
        guard case .sequence(let items, _) = node else { return nil }
        if itemShares == nil { itemShares = items.map { SharedPattern(name: name, node: $0) } }
        return zip(items, itemShares!).map { item, share in Self.reference(item, { share }, shift: shift) }
    }

    /// The token ids and class tests a walk of the compiler collected under this node, and
    /// whether it could bound them.
    struct TokenCollection {
        var ok: Bool
        var ids: IDBitmap
        var has: [TokenClasses]
        var not: [TokenClasses]
    }

    /// The node's instructions as `PatternCompiler.emit` writes them at instruction 0, test 0
    /// and capture 0; `PatternCompiler` relocates a copy to where it stands.
    struct Fragment {
        var insts: [Program.Inst]
        var tests: [TokenTest]
        var leaves: [Range<Int>]
        var usesTags: Bool
        var usesLemmas: Bool
    }
}

extension Range where Bound == Int {
    func shifted(_ by: Int) -> Range<Int> { (lowerBound + by)..<(upperBound + by) }
}

extension PatternNode {
    /// The node with every offset moved by `by`, written out (shared references included):
    /// for leaves and for error paths, which need the nodes themselves.
    func shifted(by: Int) -> PatternNode {
        switch self {
        case .token(let spec, let r): return .token(spec, r.shifted(by))
        case .lexicon(let name, let r): return .lexicon(name, r.shifted(by))
        case .sequence(let items, let r): return .sequence(items.map { $0.shifted(by: by) }, r.shifted(by))
        case .alternatives(let items, let r): return .alternatives(items.map { $0.shifted(by: by) }, r.shifted(by))
        case .repetition(let inner, let lo, let hi, let lazy, let r):
            return .repetition(inner.shifted(by: by), min: lo, max: hi, lazy: lazy, r.shifted(by))
        case .capture(let name, let inner, let r): return .capture(name, inner.shifted(by: by), r.shifted(by))
        case .sentenceStart(let r): return .sentenceStart(r.shifted(by))
        case .sentenceEnd(let r): return .sentenceEnd(r.shifted(by))
        case .matchStart(let r): return .matchStart(r.shifted(by))
        case .reference(let share, let shift, _): return share.node.shifted(by: shift + by)
        }
    }
}
