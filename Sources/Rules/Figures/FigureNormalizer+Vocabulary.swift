/// The fixed word lists FigureNormalizer reads figures with. They mirror
/// `rules/lexicons/{scale-words,currencies,currency-symbols}.txt`; the normaliser keeps its
/// own copy because it maps each word to a value (a multiplier, an ISO code), which a
/// lexicon line cannot say.
enum FigureVocabulary {
    /// The multiplier of a scale word. Single letters ("m", "k", "b") and short forms
    /// count only when glued to the digits ("5m", "3k", "$190bn") or as "M"/"K"/"B".
    /// `w` is the lowercased word, `raw` the word as written.
    static func scale(_ w: UnsafeBufferPointer<UInt8>, attached: Bool, raw: UnsafeBufferPointer<UInt8>) -> UInt64? {
        if let f = scaleWords[w] { return f }
        if w.spells("k") { return attached || raw.spells("K") ? 1_000 : nil }
        if w.spells("m") || w.spells("mil") { return attached || raw.spells("M") ? 1_000_000 : nil }
        if w.spells("b") { return attached || raw.spells("B") ? 1_000_000_000 : nil }
        if w.spells("tr") { return attached ? 1_000_000_000_000 : nil }
        if raw.spells("T") { return attached ? 1_000_000_000_000 : nil }   // "$2.174T"; "278,000 t" is tonnes
        return nil
    }

    private static let scaleWords = WordTable<UInt64>([
        ("hundred", 100), ("thousand", 1_000), ("lakh", 100_000), ("lakhs", 100_000),
        ("million", 1_000_000), ("mln", 1_000_000), ("mn", 1_000_000),
        ("crore", 10_000_000), ("crores", 10_000_000),
        ("billion", 1_000_000_000), ("bln", 1_000_000_000), ("bn", 1_000_000_000),
        ("trillion", 1_000_000_000_000), ("trn", 1_000_000_000_000), ("tn", 1_000_000_000_000),
        ("dozen", 12),
    ])

    /// Currency symbols to ISO 4217 codes (¥ turns into CNY when the sentence is about yuan).
    static let symbols = WordTable<String>([
        "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB", "₹": "INR", "₴": "UAH",
        "₩": "KRW", "₺": "TRY", "₪": "ILS", "₸": "KZT", "₼": "AZN", "₾": "GEL", "₦": "NGN",
        "₱": "PHP", "฿": "THB", "₫": "VND",
    ])

    /// Letters glued before "$": "US$", "HK$", "C$" ...
    static let symbolQualifiers = WordTable<String>([
        "US": "USD", "U": "USD", "C": "CAD", "CA": "CAD", "A": "AUD", "AU": "AUD", "HK": "HKD",
        "S": "SGD", "SG": "SGD", "NZ": "NZD", "R": "BRL", "NT": "TWD", "MX": "MXN",
    ])

    /// Abbreviations written before an amount that are not ISO codes: "Rs 500 crore" (the
    /// rupee, INR as for the name "rupees").
    /// "FCFA 2,000 billion", "CFA 500 billion": the CFA franc of the West African union (the
    /// Sahel's; XAF, Central Africa's, is written with its code).
    static let codeAbbreviations = WordTable<String>(["Rs": "INR", "FCFA": "XOF", "CFA": "XOF"])

    /// Currency names (lowercased) to codes; dollars, pesos and rupees default to the
    /// most common one unless a qualifier names another (`currencyQualifiers`).
    static let currencyNames: WordTable<String> = {
        var m: [String: String] = [:]
        let table: [(String, [String])] = [
            ("USD", ["dollar", "dollars"]),
            ("EUR", ["euro", "euros"]),
            ("RUB", ["rouble", "roubles", "ruble", "rubles"]),
            ("CNY", ["yuan", "renminbi", "rmb"]),
            ("JPY", ["yen"]),
            ("GBP", ["pound", "pounds", "sterling"]),
            ("INR", ["rupee", "rupees"]),
            ("UAH", ["hryvnia", "hryvnias", "hryvnya", "hryvnyas"]),
            ("KRW", ["won"]),
            ("CHF", ["franc", "francs"]),
            ("ZAR", ["rand", "rands"]),
            ("BRL", ["real", "reais"]),
            ("TRY", ["lira", "liras", "lire"]),
            ("PLN", ["zloty", "zlotys", "złoty", "złotych", "zł"]),
            ("HUF", ["forint", "forints"]),
            ("CZK", ["koruna", "korunas"]),
            ("SEK", ["krona", "kronor"]),
            ("NOK", ["krone", "kroner"]),
            ("RON", ["leu", "lei"]),
            ("SAR", ["riyal", "riyals"]),
            ("IRR", ["rial", "rials"]),
            ("AED", ["dirham", "dirhams"]),
            ("ILS", ["shekel", "shekels"]),
            ("KZT", ["tenge"]),
            ("MXN", ["peso", "pesos"]),
            ("NGN", ["naira"]),
            ("IDR", ["rupiah"]),
            ("THB", ["baht"]),
            ("MYR", ["ringgit"]),
            ("XDR", ["sdr", "sdrs"]),
            ("AFN", ["afghani", "afghanis"]),
        ]
        for (code, names) in table { for n in names { m[n] = code } }
        return WordTable(m)
    }()

    /// The word before "dollars"/"pesos"/"rupees"/"francs" that names another currency.
    static let currencyQualifiers = WordTable<String>([
        "us": "USD", "american": "USD", "canadian": "CAD", "australian": "AUD",
        "kong": "HKD", "singapore": "SGD", "zealand": "NZD", "taiwan": "TWD", "taiwanese": "TWD",
        "argentine": "ARS", "argentinian": "ARS", "chilean": "CLP", "colombian": "COP",
        "mexican": "MXN", "philippine": "PHP", "cuban": "CUP",
        "indian": "INR", "pakistani": "PKR", "sri": "LKR", "lankan": "LKR", "nepalese": "NPR",
        // francs: Swiss by default, the CFA franc of the Sahel and West Africa when named
        "cfa": "XOF", "swiss": "CHF", "congolese": "CDF", "guinean": "GNF", "rwandan": "RWF",
        "burundian": "BIF", "djiboutian": "DJF",
    ])

    /// ISO 4217 codes, upper case as written ("RUB 1.776 trillion", "300 billion USD").
    static func isISOCode(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        s.count == 3 && isoCodes.contains(s)
    }

    static let isoCodes = WordSet("""
        AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD
        BTN BWP BYN BZD CAD CDF CHF CLP CNH CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN
        ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR
        ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL
        MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN
        PGK PHP PKR PLN PYG QAR RON RSD RUB RUR RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS
        SRD SSP STN SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND
        VUV WST XAF XCD XDR XOF XPF YER ZAR ZMW ZWL
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Words that make a ¥ the yuan's.
    static let yuanWords = WordSet(["yuan", "renminbi", "rmb", "cny", "chinese"])
    /// "half as much / many / large ...": what makes "half" a multiplier (unit "times").
    static let asComparatives = WordSet(["much", "many", "large", "big", "high", "long", "fast", "often",
                                         "great", "strong", "expensive"])

    /// Hedges written as an abbreviation with a dot: "c. 200", "approx. 5".
    static let abbreviatedHedges = WordSet(["c", "ca", "approx"])

    enum Hedge: Sendable { case approx, min, max }

    /// Hedges that end right before a figure: approximate, a lower bound or an upper one.
    static let hedges = WordTable<Hedge>([
        ("about", .approx), ("around", .approx), ("approximately", .approx), ("approx", .approx),
        ("nearly", .approx), ("almost", .approx), ("roughly", .approx), ("some", .approx),
        ("circa", .approx), ("ca", .approx), ("estimated", .approx), ("an estimated", .approx),
        ("estimated at", .approx), ("close to", .approx), ("the order of", .approx),
        ("order of", .approx), ("the region of", .approx), ("region of", .approx), ("nigh on", .approx), ("almost exactly", .approx),
        ("just short of", .approx), ("somewhere around", .approx), ("an average of", .approx),
        ("more than", .min), ("over", .min), ("above", .min), ("at least", .min),
        ("upwards of", .min), ("in excess of", .min), ("just over", .min), ("well over", .min),
        ("no fewer than", .min), ("no less than", .min), ("exceeding", .min), ("a minimum of", .min), ("not less than", .min),
        ("less than", .max), ("fewer than", .max), ("under", .max), ("up to", .max),
        ("at most", .max), ("below", .max), ("just under", .max), ("no more than", .max),
        ("not more than", .max), ("a maximum of", .max), ("well under", .max), ("well below", .max),
    ])

    /// Verbs before "from X to Y" that make it a range, not a move.
    static let rangeVerbs = WordSet(["range", "ranges", "ranged", "ranging", "vary", "varies", "varied",
                                     "varying", "spanning", "spans", "spanned"])

    /// Words before "over" and a duration that make it "more than" ("in over five years",
    /// "it took over a decade"); after other words "over" names the period spanned.
    static let durationHeads = WordSet(["in", "for", "of", "after", "within", "lasting", "lasted", "lasts",
                                        "last", "take", "takes", "took", "taken", "taking", "spent", "spend",
                                        "spends", "spanning", "just", "well", "than", "is", "was", "are", "were",
                                        "been", "be"])

    /// Forms of "be" before a bracketed amount that is the clause's complement ("revenue was
    /// ($5.2 million)"): the brackets are an accounting negative, not a gloss.
    static let copulas = WordSet(["is", "was", "are", "were", "be", "been", "being"])

    /// Words that make an ambiguous unit symbol ("in", "m", "s") a unit when they follow it.
    static let measureWords = WordSet([
        "long", "wide", "high", "tall", "deep", "thick", "across", "away", "ago", "of",
        "apart", "off", "distant", "diameter", "radius", "length", "width", "height",
        "depth", "thickness", "per", "each",
    ])

    /// Vulgar fractions ("½ tbsp", "2½ miles"): numerator and denominator.
    static let vulgarFractions = WordTable<(UInt64, UInt64)>([
        ("½", (1, 2)), ("⅓", (1, 3)), ("⅔", (2, 3)), ("¼", (1, 4)), ("¾", (3, 4)), ("⅕", (1, 5)),
        ("⅖", (2, 5)), ("⅗", (3, 5)), ("⅘", (4, 5)), ("⅙", (1, 6)), ("⅚", (5, 6)), ("⅛", (1, 8)),
        ("⅜", (3, 8)), ("⅝", (5, 8)), ("⅞", (7, 8)), ("⅒", (1, 10)),
    ])

    /// The denominators of a per-person rate ("$12,000 per capita", "per head").
    static let perCapita = WordSet(["capita", "head", "person", "inhabitant", "resident"])

    /// "twice", "threefold", "doubled": multipliers (the verbs also give the change).
    static let multipliers = WordTable<(Double, String?)>([
        ("once", (1, nil)), ("twice", (2, nil)), ("thrice", (3, nil)), ("twofold", (2, nil)), ("threefold", (3, nil)),
        ("fourfold", (4, nil)), ("fivefold", (5, nil)), ("sixfold", (6, nil)), ("sevenfold", (7, nil)),
        ("eightfold", (8, nil)), ("ninefold", (9, nil)), ("tenfold", (10, nil)), ("hundredfold", (100, nil)),
        ("double", (2, "rise")), ("triple", (3, "rise")), ("treble", (3, "rise")), ("quadruple", (4, "rise")),
        ("halve", (0.5, "fall")), ("doubled", (2, "rise")), ("doubling", (2, "rise")), ("tripled", (3, "rise")), ("trebled", (3, "rise")),
        ("tripling", (3, "rise")), ("quadrupled", (4, "rise")), ("halved", (0.5, "fall")), ("halving", (0.5, "fall")),
        ("quadrupling", (4, "rise")), ("quintuple", (5, "rise")), ("quintupled", (5, "rise")), ("quintupling", (5, "rise")),
        ("sextupled", (6, "rise")), ("twentyfold", (20, nil)), ("fiftyfold", (50, nil)), ("thousandfold", (1000, nil)),
    ])

    static let riseWords = WordSet([
        "increase", "increased", "increases", "increasing", "rise", "rises", "rose", "risen",
        "rising", "grow", "grew", "grows", "grown", "growing", "growth", "up", "higher",
        "jump", "jumped", "jumps", "surge", "surged", "surges", "gained",
        "climb", "climbed", "climbs", "soar", "soared", "soars", "double", "doubled",
        "tripled", "trebled", "quadrupled", "quintupled", "sextupled", "expand", "expanded", "expands", "expansion",
        "boost", "boosted", "spike", "spiked", "rebound", "rebounded", "hike", "hiked", "upturn",
        "raise", "raised", "raises", "raising", "lifted",
    ])

    /// Adverbs of frequency that make an amount or a measure a rate ("$1.2bn annually"):
    /// the registry's id of the period.
    static let rateAdverbs = WordTable<String>([
        ("annually", "yr"), ("yearly", "yr"), ("monthly", "mo"), ("weekly", "wk"), ("daily", "d"), ("hourly", "h"),
    ])

    /// Verbs whose "up" is a particle, not a rise ("takes up 40 per cent of earnings",
    /// "made up of", "set up"); "raised", "driven", "pushed" up are rises and stay out.
    static let upParticleVerbs = WordSet([
        "take", "takes", "took", "taken", "taking", "make", "makes", "made", "making", "set", "sets",
        "setting", "sum", "sums", "summed", "add", "adds", "added", "end", "ends", "ended", "give",
        "gives", "gave", "given", "giving", "sign", "signs", "signed", "pick", "picks", "picked",
        "open", "opens", "opened", "show", "shows", "showed", "line", "lined", "use", "used", "uses",
        "using", "bring", "brought", "call", "called", "draw", "drew", "drawn",
    ])

    static let fallWords = WordSet([
        "fall", "fell", "falls", "fallen", "falling", "decline", "declined", "declines",
        "declining", "drop", "dropped", "drops", "dropping", "down", "decrease", "decreased",
        "decreases", "decreasing", "lower", "shrank", "shrunk", "shrink", "shrinks",
        "shrinking", "contracted", "contraction", "plunge", "plunged", "plummeted", "slump",
        "slumped", "dip", "dipped", "slid", "tumbled", "sank", "halved", "reduced",
        "reduction", "cut", "cuts", "downturn", "lowered", "lowers", "lowering",
    ])

    /// Words that end the noun run after a number: function words, auxiliaries, months,
    /// scale and percent words handled elsewhere.
    static let stopWords = WordSet([
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "without",
        "into", "onto", "over", "under", "between", "among", "and", "or", "but", "nor", "than",
        "as", "per", "while", "whereas", "which", "who", "whom", "whose", "that", "this",
        "these", "those", "it", "its", "their", "his", "her", "our", "your", "my", "they", "we",
        "he", "she", "i", "you", "is", "are", "was", "were", "be", "been", "being", "has",
        "have", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could",
        "may", "might", "must", "not", "no", "also", "only", "just", "more", "less", "most",
        "least", "about", "around", "nearly", "almost", "compared", "since", "until", "till",
        "after", "before", "during", "against", "through", "across", "toward", "towards",
        "via", "each", "every", "all", "both", "either", "neither", "so", "such", "very", "too",
        "then", "there", "here", "when", "where", "why", "how", "what", "if", "whether",
        "because", "although", "though", "despite", "amid", "including", "according", "ago",
        "later", "earlier", "respectively", "plus", "odd", "alone", "again", "up", "down", "out", "off",
        "last", "next",
        "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "bc", "ad", "ce", "majority", "majorities",
    ])

    /// Nouns that make "the two ..." a reference to actors rather than a count.
    static let referenceNouns = WordSet([
        "countries", "sides", "states", "leaders", "presidents", "parties", "nations",
        "governments", "capitals", "powers", "partners", "neighbours", "neighbors", "allies",
        "delegations", "men", "women", "heads",
    ])

    static let months = WordSet([
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec",
    ])

    /// Nouns that are plural without an "s", and "-s" words that are not plurals.
    static let irregularPlurals: Set<String> = [
        "people", "children", "men", "women", "personnel", "staff", "police", "aircraft",
        "cattle", "livestock", "sheep", "fish", "equipment", "media", "data", "criteria",
        "memoranda", "crew", "infantry", "artillery",
    ]
    static let singularS: Set<String> = [
        "news", "gas", "bus", "status", "analysis", "crisis", "basis", "thesis", "virus",
        "consensus", "census", "campus", "bonus", "focus", "process", "progress", "access",
        "success", "address", "congress", "class", "glass", "mass", "loss", "business",
        "this", "his", "its", "plus", "thus", "is", "was", "has", "does",
    ]

    static func looksPlural(_ w: String) -> Bool {
        if irregularPlurals.contains(w) { return true }
        if singularS.contains(w) || w.utf8.count < 3 { return false }
        return w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("us") && !w.hasSuffix("is")
    }
}
