import XCTest
@testable import Rules

/// The compiler's walks, made cheaper (h-perf10), give what the plain walks gave.
final class CompilerWalkTests: XCTestCase {
    let patterns = [
        "(said | says | ~argue | \"EU\" | %num | &claim | ~note) that",
        "we (believe | think | %VERB&hold) (that | (the | a)? %NOUN)+ (must | should)? ..3 (act | ~respond)",
        "(a | b (c | d | _) | ~hold e?) ((x | y) z | w)",
        "(%num-year | %currency | the) {what: (one | two)} (again | $)",
        "^ ((it | this) is (clear | %ADJ&evident) | %cap-PROPN (said | told))",
    ]

    /// The requirements walk with an accumulator and the word-branch shortcut equals the
    /// walk that built an array per node and mapped each alternation's branches.
    func testRequirementsEqualThePlainWalk() throws {
        for pattern in patterns {
            let node = try PatternParser.parse(pattern)
            var fast = PatternCompiler(vocab: Vocabulary(), lexicons: [])
            var plain = PatternCompiler(vocab: Vocabulary(), lexicons: [])
            let got = fast.requirements(node)
            let want = Self.plainRequirements(node, &plain)
            XCTAssertEqual(got, want, pattern)
            XCTAssertFalse(got.isEmpty, pattern)
            XCTAssertEqual(fast.vocab.count, plain.vocab.count, pattern)
        }
    }

    /// `PatternCompiler.requirements` as it was before h-perf10.
    static func plainRequirements(_ node: PatternNode, _ c: inout PatternCompiler) -> [Requirement] {
        func classes(_ has: TokenClasses) -> [Requirement] {
            (0..<32).compactMap { bit in
                has.rawValue & (1 << UInt32(bit)) != 0 && !TriggerKey.commonClasses.contains(bit)
                    ? Requirement(classBits: 1 << UInt32(bit)) : nil
            }
        }
        switch node {
        case .token(let spec, _):
            switch spec {
            case .word, .exact, .family:
                switch c.testFor(spec).kind {
                case .id(let id), .exact(let id, _): return [Requirement(ids: [id])]
                case .ids(let ids): return [Requirement(ids: ids)]
                default: return []
                }
            case .classes(let has, _): return classes(has)
            case .tagged(let has, _, let upos, let xpos, let lemma):
                guard let lemma, let ids = c.formIDs(lemma, upos: upos, xpos: xpos) else { return classes(has) }
                return classes(has) + [Requirement(ids: ids)]
            case .any, .not: return []
            }
        case .lexicon: return []
        case .sequence(let items, _):
            return items.flatMap { plainRequirements($0, &c) }
        case .alternatives(let branches, _):
            let each = branches.map { plainRequirements($0, &c) }
            return c.alternation(each)
        case .repetition(let inner, let min, _, _, _):
            return min > 0 ? plainRequirements(inner, &c) : []
        case .capture(_, let inner, _):
            return plainRequirements(inner, &c)
        case .sentenceStart, .sentenceEnd, .matchStart, .reference:
            return []
        }
    }

    /// The parser's node stack (h-perf10) gives the trees the grown arrays gave: one-item
    /// sequences and alternatives stand as their item, nested lists keep their own items.
    func testParserStackGivesTheTrees() throws {
        let cases: [(String, String)] = [
            ("a", "a@0-1"),
            ("a b | c", "alt[seq[a@0-1 b@2-3]@0-3 c@6-7]@0-7"),
            ("(a | (b c | d) e) f", "seq[alt[a@1-2 seq[alt[seq[b@6-7 c@8-9]@6-9 d@12-13]@5-14 e@15-16]@5-16]@0-17 f@18-19]@0-19"),
            ("x (\"New York\" | y)? z", "seq[x@0-1 rep0-1(alt[seq[new@3-13 york@3-13]@3-13 y@16-17]@2-18)@2-19 z@20-21]@0-21"),
            ("{who: a | b c} ..2 d", "seq[cap(alt[a@6-7 seq[b@10-11 c@12-13]@10-13]@5-13) rep0-2(_)@15-18 d@19-20]@0-20"),
        ]
        for (pattern, want) in cases {
            XCTAssertEqual(Self.dump(try PatternParser.parse(pattern)), want, pattern)
        }
    }

    static func dump(_ node: PatternNode) -> String {
        func at(_ r: Range<Int>) -> String { "@\(r.lowerBound)-\(r.upperBound)" }
        switch node {
        case .token(let spec, let r):
            switch spec {
            case .word(let w), .exact(let w): return String(decoding: w, as: UTF8.self) + at(r)
            case .any: return "_"
            default: return "t" + at(r)
            }
        case .sequence(let items, let r): return "seq[" + items.map(dump).joined(separator: " ") + "]" + at(r)
        case .alternatives(let items, let r): return "alt[" + items.map(dump).joined(separator: " ") + "]" + at(r)
        case .repetition(let inner, let lo, let hi, _, let r): return "rep\(lo)-\(hi.map(String.init) ?? "")(" + dump(inner) + ")" + at(r)
        case .capture(_, let inner, _): return "cap(" + dump(inner) + ")"
        default: return "?"
        }
    }
}
