/// The closed word lists behind `%spelled`, `%scale` and the word form of `%percent`, stored
/// as hashes of their lowercase forms so the tokenizer classifies a word with one set probe.
enum WordClasses {
    static let spelledWords = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        "hundred", "thousand", "dozen", "dozens", "hundreds", "thousands",
    ]
    static let scaleWords = ["thousand", "million", "billion", "trillion", "bn", "mn", "m", "tn", "trn", "k"]
    static let percentWordList = ["percent", "per-cent", "pct"]

    static let spelled = Set(spelledWords.map { Tokenizer.fnv(Array($0.utf8)) })
    static let scale = Set(scaleWords.map { Tokenizer.fnv(Array($0.utf8)) })
    static let percentWords = Set(percentWordList.map { Tokenizer.fnv(Array($0.utf8)) })

    /// "twenty-five": every hyphen-separated part is a spelled number.
    static func spelledCompound(_ norm: [UInt8], _ a: Int, _ b: Int) -> Bool {
        var partStart = a
        for k in a...b where k == b || norm[k] == UInt8(ascii: "-") {
            if !spelled.contains(Tokenizer.fnv(norm, partStart, k)) { return false }
            partStart = k + 1
        }
        return true
    }
}
