/// Generates the inflected forms of an English base word at compile time, so `~support`
/// matches support, supports, supported, supporting by id compare (no stemming at match time).
/// Regular rules plus a table of irregular verbs; British -ise and American -ize spellings both.
enum WordFamily {
    static func forms(of base: String) -> [String] {
        var out: [String] = []
        func add(_ w: String) { if !out.contains(w) { out.append(w) } }
        for variant in spellings(of: base) {
            add(variant)
            if let irregular = irregulars[variant] { irregular.forEach(add) }
            regular(variant).forEach(add)
        }
        return out
    }

    private static func spellings(of base: String) -> [String] {
        if base.hasSuffix("ise") { return [base, String(base.dropLast(3)) + "ize"] }
        if base.hasSuffix("ize") { return [base, String(base.dropLast(3)) + "ise"] }
        return [base]
    }

    /// -s, -ed, -ing (and -er/-est is not generated: families are for verbs and nouns).
    private static func regular(_ w: String) -> [String] {
        let b = Array(w.utf8)
        guard let last = b.last, b.count >= 2 else { return [w + "s"] }
        let prev = b[b.count - 2]
        let vowels: Set<UInt8> = Set("aeiou".utf8)
        func isVowel(_ c: UInt8) -> Bool { vowels.contains(c) }
        let stem = String(w.dropLast())
        var third: String, past: String, ing: String
        // third person / plural
        if w.hasSuffix("s") || w.hasSuffix("x") || w.hasSuffix("z") || w.hasSuffix("ch") || w.hasSuffix("sh") {
            third = w + "es"
        } else if last == UInt8(ascii: "y"), !isVowel(prev) {
            third = stem + "ies"
        } else {
            third = w + "s"
        }
        // past and gerund
        if last == UInt8(ascii: "e") {
            past = w + "d"
            ing = w.hasSuffix("ee") || w.hasSuffix("ye") || w.hasSuffix("oe") ? w + "ing" : stem + "ing"
            if w.hasSuffix("ie") { ing = String(w.dropLast(2)) + "ying" }
        } else if last == UInt8(ascii: "y"), !isVowel(prev) {
            past = stem + "ied"
            ing = w + "ing"
        } else if doublesFinalConsonant(b) {
            past = w + String(UnicodeScalar(last)) + "ed"
            ing = w + String(UnicodeScalar(last)) + "ing"
        } else {
            past = w + "ed"
            ing = w + "ing"
        }
        return [third, past, ing]
    }

    /// One-syllable consonant-vowel-consonant words double their last letter (stop, stopped);
    /// longer words do not (visit, visited), a rule with exceptions an annotator can list.
    private static func doublesFinalConsonant(_ b: [UInt8]) -> Bool {
        guard b.count >= 3 else { return false }
        let vowels = Set("aeiou".utf8)
        let c3 = b[b.count - 1], v = b[b.count - 2], c1 = b[b.count - 3]
        guard !vowels.contains(c3), vowels.contains(v), !vowels.contains(c1),
              !"wxy".utf8.contains(c3) else { return false }
        let groups = zip(b, [UInt8(0)] + b).filter { vowels.contains($0.0) && !vowels.contains($0.1) }.count
        return groups == 1
    }

    static let irregulars: [String: [String]] = [
        "be": ["is", "are", "am", "was", "were", "been", "being"],
        "have": ["has", "had", "having"],
        "do": ["does", "did", "done", "doing"],
        "say": ["said"], "make": ["made"], "take": ["took", "taken"], "see": ["saw", "seen"],
        "seek": ["sought"], "hold": ["held"], "give": ["gave", "given"], "think": ["thought"],
        "know": ["knew", "known"], "tell": ["told"], "meet": ["met"], "begin": ["began", "begun"],
        "write": ["wrote", "written"], "speak": ["spoke", "spoken"], "lead": ["led"],
        "bring": ["brought"], "keep": ["kept"], "find": ["found"], "build": ["built"],
        "choose": ["chose", "chosen"], "show": ["shown"], "grow": ["grew", "grown"],
        "rise": ["rose", "risen"], "fall": ["fell", "fallen"], "go": ["went", "gone", "goes"],
        "get": ["got", "gotten", "getting"], "put": ["putting"], "set": ["setting"],
        "cut": ["cutting"], "mean": ["meant"], "feel": ["felt"], "stand": ["stood"],
        "understand": ["understood"], "undertake": ["undertook", "undertaken"],
        "withdraw": ["withdrew", "withdrawn"], "forbid": ["forbade", "forbidden"],
        "buy": ["bought"], "sell": ["sold"], "pay": ["paid"], "lose": ["lost"], "win": ["won", "winning"],
        "send": ["sent"], "spend": ["spent"], "lend": ["lent"], "leave": ["left"], "become": ["became"],
        "come": ["came"], "run": ["ran", "running"], "drive": ["drove", "driven"], "foresee": ["foresaw", "foreseen"],
        "strive": ["strove", "striven"], "swear": ["swore", "sworn"], "shake": ["shook", "shaken"],
        "draw": ["drew", "drawn"], "overtake": ["overtook", "overtaken"], "sign": ["signed"],
    ]
}
