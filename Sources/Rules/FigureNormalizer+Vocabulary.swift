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
        ]
        for (code, names) in table { for n in names { m[n] = code } }
        return WordTable(m)
    }()

    /// The word before "dollars"/"pesos"/"rupees" that names another currency.
    static let currencyQualifiers = WordTable<String>([
        "us": "USD", "american": "USD", "canadian": "CAD", "australian": "AUD",
        "kong": "HKD", "singapore": "SGD", "zealand": "NZD", "taiwan": "TWD", "taiwanese": "TWD",
        "argentine": "ARS", "argentinian": "ARS", "chilean": "CLP", "colombian": "COP",
        "mexican": "MXN", "philippine": "PHP", "cuban": "CUP",
        "indian": "INR", "pakistani": "PKR", "sri": "LKR", "lankan": "LKR", "nepalese": "NPR",
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

    /// Hedges written as an abbreviation with a dot: "c. 200", "approx. 5".
    static let abbreviatedHedges = WordSet(["c", "ca", "approx"])

    /// Hedges that make a figure approximate when they end right before it.
    static let hedges = WordSet([
        "about", "around", "approximately", "approx", "nearly", "almost", "roughly", "some",
        "over", "under", "circa", "ca", "estimated", "an estimated", "estimated at",
        "more than", "less than", "fewer than", "up to", "at least", "at most", "close to",
        "upwards of", "in excess of", "just over", "just under", "well over", "above", "below",
        "just short of", "short of", "the order of", "order of", "nigh on", "almost exactly",
    ])

    static let riseWords = WordSet([
        "increase", "increased", "increases", "increasing", "rise", "rises", "rose", "risen",
        "rising", "grow", "grew", "grows", "grown", "growing", "growth", "up", "higher",
        "jump", "jumped", "jumps", "surge", "surged", "surges", "gained",
        "climb", "climbed", "climbs", "soar", "soared", "soars", "double", "doubled",
        "tripled", "trebled", "quadrupled", "expand", "expanded", "expands", "expansion",
        "boost", "boosted", "spike", "spiked", "rebound", "rebounded", "hike", "hiked", "upturn",
        "raise", "raised", "raises", "raising", "lifted",
    ])

    static let fallWords = WordSet([
        "fall", "fell", "falls", "fallen", "falling", "decline", "declined", "declines",
        "declining", "drop", "dropped", "drops", "dropping", "down", "decrease", "decreased",
        "decreases", "decreasing", "lower", "shrank", "shrunk", "shrink", "shrinks",
        "shrinking", "contracted", "contraction", "plunge", "plunged", "plummeted", "slump",
        "slumped", "dip", "dipped", "slid", "tumbled", "sank", "halved", "reduced",
        "reduction", "cut", "cuts", "downturn",
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
        "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "bc", "ad", "ce",
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
