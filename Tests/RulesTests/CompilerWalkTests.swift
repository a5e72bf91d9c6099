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
}
