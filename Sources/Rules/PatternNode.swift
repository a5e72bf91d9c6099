/// The parsed form of a pattern string, before words become vocabulary ids. Every node keeps
/// its byte range in the pattern source so errors and `explain` can point back at it.
indirect enum PatternNode: Sendable {
    /// One token satisfying a test.
    case token(TokenSpec, Range<Int>)
    /// Longest-first match of any entry of a lexicon (`@name`).
    case lexicon(String, Range<Int>)
    case sequence([PatternNode], Range<Int>)
    case alternatives([PatternNode], Range<Int>)
    /// `max == nil` is unbounded; `lazy` prefers fewer repetitions (gaps).
    case repetition(PatternNode, min: Int, max: Int?, lazy: Bool, Range<Int>)
    case capture(String, PatternNode, Range<Int>)
    case sentenceStart(Range<Int>)
    case sentenceEnd(Range<Int>)
    /// `>>`: the reported match starts here; the elements before it must match but are
    /// context (a look-behind), outside the match's span and text.
    case matchStart(Range<Int>)
    /// A named pattern's parse shared by its references (`SharedPattern`): `share.node` with
    /// every offset plus `shift`; the range is that node's, moved.
    case reference(SharedPattern, shift: Int, Range<Int>)

    var source: Range<Int> {
        switch self {
        case .token(_, let r), .lexicon(_, let r), .sequence(_, let r), .alternatives(_, let r),
             .repetition(_, _, _, _, let r), .capture(_, _, let r), .sentenceStart(let r), .sentenceEnd(let r),
             .matchStart(let r), .reference(_, _, let r):
            return r
        }
    }
}

/// A single-token test as written. Only `not` is boxed: a box for every word of every
/// pattern (an `indirect enum`) was an allocation more per token atom parsed.
enum TokenSpec: Sendable {
    /// Case-insensitive word (normalised form).
    case word([UInt8])
    /// Case-sensitive word (exact bytes).
    case exact([UInt8])
    /// Every inflected form of a base word (`~support`).
    case family(String)
    /// Token classes that must all be present, and classes that must be absent (`%num-year`).
    case classes(has: TokenClasses, not: TokenClasses)
    /// Classes with part-of-speech tests (`%NOUN`, `%cap-PROPN`, `%VBD`) and an optional lemma
    /// (`&defend`, `%VERB&defend`): the token's UPOS must be in `upos`, its Penn tag in
    /// `xpos` (bit sets over `TagSet`'s indices), its lemma `lemma` when given.
    case tagged(has: TokenClasses, not: TokenClasses, upos: UInt32, xpos: UInt64, lemma: [UInt8]?)
    case any
    indirect case not(TokenSpec)
}

/// A mistake in a pattern string, at a byte offset into it.
struct PatternError: Error {
    var offset: Int
    var message: String
}
