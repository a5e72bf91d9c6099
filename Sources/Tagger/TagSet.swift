/// The two tag sets the layer predicts: Universal POS tags (UPOS) and the Penn Treebank tags
/// of the English Web Treebank (XPOS). Indices are stable: the model file and the rules'
/// compiled tests store them.
public enum TagSet {
    /// The 17 UPOS tags, in the order of the UD guidelines.
    public static let upos: [String] = [
        "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
        "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
    ]

    /// The 49 Penn tags of EWT, sorted by their bytes (punctuation tags first).
    public static let xpos: [String] = [
        "$", "''", ",", "-LRB-", "-RRB-", ".", ":", "ADD", "AFX", "CC", "CD", "DT", "EX", "FW",
        "GW", "HYPH", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NFP", "NN", "NNP", "NNPS", "NNS",
        "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD",
        "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB", "``",
    ]

    public static func uposIndex(_ name: String) -> Int? { upos.firstIndex(of: name) }
    public static func xposIndex(_ name: String) -> Int? { xpos.firstIndex(of: name) }
}
