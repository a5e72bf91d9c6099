import XCTest
@testable import Rules

final class FigureNormalizerTests: XCTestCase {
    /// One case: a sentence, the matched part (whole sentence when nil), captures given as
    /// (name, substring), and the expected fields written as "name=value" in order.
    struct Case {
        var sentence: String
        var match: String?
        var captures: [(String, String)] = []
        var expected: [String]
        var line: UInt
    }

    func c(_ sentence: String, match: String? = nil, captures: [(String, String)] = [],
           _ expected: [String], line: UInt = #line) -> Case {
        Case(sentence: sentence, match: match, captures: captures, expected: expected, line: line)
    }

    var cases: [Case] {
        [
            // Money: symbols, codes, names, scale words, Markdown-escaped dollars.
            c("bilateral trade in goods increased by 30% to more than $190 billion.",
              match: "$190 billion", ["value=190000000000", "unit=USD", "dimension=currency", "bound=min", "change=rise"]),
            c("bilateral trade in goods increased by 30% to more than \\$190 billion.",
              match: "30%", ["value=30", "unit=percent", "dimension=ratio", "change=rise"]),
            c("a budget deficit (RUB 1.776 trillion, or about $23.5 billion)",
              match: "RUB 1.776 trillion", ["value=1776000000000", "unit=RUB", "dimension=currency"]),
            c("a budget deficit (RUB 1.776 trillion, or about \\$23.5 billion)",
              match: "$23.5 billion", ["value=23500000000", "unit=USD", "dimension=currency", "approx=true"]),
            c("to seize the approximately 300 billion USD of frozen Russian assets",
              match: "300 billion USD", ["value=300000000000", "unit=USD", "dimension=currency", "approx=true"]),
            c("rebates of $30 per barrel of oil", match: "$30 per barrel", ["value=30", "unit=USD", "dimension=currency"]),
            c("The fund holds €2.5bn in reserves.", ["value=2500000000", "unit=EUR", "dimension=currency"]),
            c("Exports reached £1,200 million last year.", ["value=1200000000", "unit=GBP", "dimension=currency"]),
            c("Beijing lent ¥50 billion in yuan-denominated loans.", ["value=50000000000", "unit=CNY", "dimension=currency"]),
            c("Tokyo pledged ¥50 billion.", ["value=50000000000", "unit=JPY", "dimension=currency"]),
            c("the budget allots 5 trillion roubles to defence", ["value=5000000000000", "unit=RUB", "dimension=currency"]),
            c("a loan of 2.5 million Canadian dollars", ["value=2500000", "unit=CAD", "dimension=currency"]),
            c("worth US$ 12m", ["value=12000000", "unit=USD", "dimension=currency"]),
            c("Kyiv received ₴40bn", ["value=40000000000", "unit=UAH", "dimension=currency"]),
            // Percentages and percentage points.
            c("Chinese exports to Russia in 2023 were up 47 percent compared to 2022",
              match: "up 47 percent", ["value=47", "unit=percent", "dimension=ratio", "change=rise"]),
            c("representing 45 percent of total bilateral trade turnover",
              ["value=45", "unit=percent", "dimension=ratio"]),
            c("exports were up 47 percent compared to 2022, representing 45 percent of trade",
              match: "45 percent", ["value=45", "unit=percent", "dimension=ratio"]),
            c("inflation fell to 7.5 per cent", ["value=7.5", "unit=percent", "dimension=ratio", "change=fall"]),
            c("rates were cut by 0.25 percentage points", ["value=0.25", "unit=percentage points", "dimension=ratio", "change=fall"]),
            c("the central bank raised rates by 50 bps", ["value=50", "unit=basis points", "dimension=ratio", "change=rise"]),
            // Counts with the counted noun.
            c("the two sides released a list of 10 jointly signed agreements, as well as",
              match: "10 jointly signed agreements", ["value=10", "unit=agreements", "dimension=count"]),
            c("their closest associates, about 10 people, gathered", match: "about 10 people",
              ["value=10", "unit=people", "dimension=count", "approx=true"]),
            c("and as many as three cooperation agreements between Chinese and Russian media",
              match: "three cooperation agreements", ["value=3", "unit=agreements", "dimension=count"]),
            c("saw no BRI investments in 2022, and only one deal in 2023.", match: "one deal in 2023",
              ["value=1", "unit=deal", "dimension=count"]),
            c("the lengthy 7000-word Joint Statement", ["value=7000", "unit=word", "dimension=count"]),
            c("his first in over five years", match: "over five years",
              ["value=5", "unit=years", "dimension=count", "bound=min"]),
            c("some 3,000 troops were deployed", ["value=3000", "unit=troops", "dimension=count", "approx=true"]),
            c("twenty-five member states signed", ["value=25", "unit=states", "dimension=count"]),
            c("a dozen countries abstained", ["value=12", "unit=countries", "dimension=count"]),
            c("two million people fled", ["value=2000000", "unit=people", "dimension=count"]),
            c("one hundred and twenty delegates attended", ["value=120", "unit=delegates", "dimension=count"]),
            c("half a million refugees", ["value=500000", "unit=refugees", "dimension=count"]),
            c("one and a half million refugees", ["value=1500000", "unit=refugees", "dimension=count"]),
            c("two and a half thousand troops", ["value=2500", "unit=troops", "dimension=count"]),
            c("three and a half hundred soldiers", ["value=350", "unit=soldiers", "dimension=count"]),
            c("two-thirds of voters", ["value=0.6666666666666666", "unit=fraction", "dimension=ratio"]),
            c("at least 1.200.000 people", ["value=1200000", "unit=people", "dimension=count", "bound=min"]),
            c("more than 10,000-plus casualties", match: "10,000", ["value=10000", "bound=min"]),
            // Ranges: low and high, no value.
            c("between 10-20 million barrels", match: "10-20 million barrels",
              ["low=10000000", "high=20000000", "unit=barrels", "dimension=count"]),
            c("growth of between 5 and 7 percent", ["low=5", "high=7", "unit=percent", "dimension=ratio", "change=rise"]),
            c("from $5 to $7 billion", ["low=5000000000", "high=7000000000", "unit=USD", "dimension=currency"]),
            c("two to three brigades", ["low=2", "high=3", "unit=brigades", "dimension=count"]),
            // "from X to Y" with a rise or fall word is a move: the value is the level reached,
            // `from` the level it started at.
            c("the external debt has risen, from $20,800 million to $310,000 million",
              match: "$20,800 million to $310,000 million",
              ["value=310000000000", "from=20800000000", "unit=USD", "dimension=currency", "change=rise"]),
            c("unemployment dropped from 39 to 12 percent", match: "39 to 12 percent",
              ["value=12", "from=39", "unit=percent", "dimension=ratio", "change=fall"]),
            // Every number is read inside the match (issue 5): a range end, the level of a
            // move or a scale word past the match's last token belongs to another figure.
            c("Trade fell from $10 billion to $8 billion.", match: "$10 billion",
              captures: [("unit", "$"), ("value", "10 billion")], ["value=10000000000", "unit=USD", "dimension=currency"]),
            c("Trade fell from $10 billion to $8 billion.", match: "$8 billion",
              captures: [("unit", "$"), ("value", "8 billion")], ["value=8000000000", "unit=USD", "dimension=currency", "change=fall"]),
            c("The plan costs $10-12 billion.", match: "$10", captures: [("unit", "$"), ("value", "10")],
              ["value=10", "unit=USD", "dimension=currency"]),
            c("Moscow sent 10,000-12,000 troops.", match: "12,000 troops",
              captures: [("value", "12,000"), ("unit", "troops")], ["value=12000", "unit=troops", "dimension=count"]),
            c("The fund raised $5 mln in May.", match: "$5", ["value=5", "unit=USD", "dimension=currency", "change=rise"]),
            // A move "from X to Y" is one figure: the level reached, and the direction as the
            // change, whether the rule captures from/to or not.
            c("Trade fell from $10 billion to $8 billion.", match: "from $10 billion to $8 billion",
              captures: [("unit", "$"), ("from", "10 billion"), ("to", "8 billion")],
              ["value=8000000000", "from=10000000000", "unit=USD", "dimension=currency", "change=fall"]),
            c("Trade fell from $10 billion to $8 billion.", ["value=8000000000", "from=10000000000", "unit=USD", "dimension=currency", "change=fall"]),
            c("The contingent rose from 100 to 150 troops.", match: "from 100 to 150 troops",
              captures: [("from", "100"), ("to", "150"), ("unit", "troops")],
              ["value=150", "from=100", "unit=troops", "dimension=count", "change=rise"]),
            c("The contingent rose from 100 to 150 troops.", ["value=150", "from=100", "unit=troops", "dimension=count", "change=rise"]),
            c("Refugees fell from 1.2 million to 900,000 people.", match: "from 1.2 million to 900,000 people",
              captures: [("from", "1.2 million"), ("to", "900,000"), ("unit", "people")],
              ["value=900000", "from=1200000", "unit=people", "dimension=count", "change=fall"]),
            // A low end without a scale word takes the high end's only where that reads
            // as written: a rise goes up, a range reads upwards, a fall goes down.
            c("Refugee numbers rose from 500 to 1.2 million.", ["value=1200000", "from=500", "change=rise"]),
            c("Output grew from 800 to 1.5 million tonnes.", match: "from 800 to 1.5 million tonnes",
              ["value=1500000", "from=800", "unit=tonnes", "dimension=count", "change=rise"]),
            c("Trade fell from 1.5 to 1.2 billion dollars.", match: "from 1.5 to 1.2 billion dollars",
              ["value=1200000000", "from=1500000000", "unit=USD", "dimension=currency", "change=fall"]),
            c("Between 300 and 5 million people fled.", match: "Between 300 and 5 million people",
              ["low=300", "high=5000000", "unit=people", "dimension=count"]),
            c("exports of 300-5 million tonnes", match: "300-5 million tonnes",
              ["low=300", "high=5000000", "unit=tonnes", "dimension=count"]),
            c("Aid went from 1.5 to 1.2 billion dollars.", match: "from 1.5 to 1.2 billion dollars",
              ["value=1200000000", "from=1500000000", "unit=USD", "dimension=currency", "change=fall"]),
            c("The share rose from 2% to 3.5%.", match: "from 2% to 3.5%",
              captures: [("from", "2"), ("to", "3.5"), ("unit", "%")], ["value=3.5", "from=2", "unit=percent", "dimension=ratio", "change=rise"]),
            c("The central bank cut the rate from 16% to 15%.", ["value=15", "from=16", "unit=percent", "dimension=ratio", "change=fall"]),
            c("The deficit was cut $5 billion to $3 billion.", ["value=3000000000", "from=5000000000", "unit=USD", "dimension=currency", "change=fall"]),
            // Ranges of money, counts and percentages: one figure, low and high.
            c("The plan costs $10-12 billion.", match: "$10-12 billion",
              captures: [("unit", "$"), ("low", "10"), ("high", "12 billion")],
              ["low=10000000000", "high=12000000000", "unit=USD", "dimension=currency"]),
            c("The plan costs $10-12 billion.", ["low=10000000000", "high=12000000000", "unit=USD", "dimension=currency"]),
            c("Rebates of $20-30 per barrel were offered.", match: "$20-30 per barrel",
              captures: [("unit", "$"), ("low", "20"), ("high", "30")], ["low=20", "high=30", "unit=USD", "dimension=currency"]),
            c("Between 10 and 20 million people fled.", match: "Between 10 and 20 million people",
              captures: [("low", "10"), ("high", "20 million"), ("unit", "people")],
              ["low=10000000", "high=20000000", "unit=people", "dimension=count"]),
            c("Between 10 and 20 million people fled.", ["low=10000000", "high=20000000", "unit=people", "dimension=count"]),
            c("Moscow sent 10,000-12,000 troops.", match: "10,000-12,000 troops",
              captures: [("low", "10,000"), ("high", "12,000"), ("unit", "troops")],
              ["low=10000", "high=12000", "unit=troops", "dimension=count"]),
            c("Moscow sent 10,000-12,000 troops.", ["low=10000", "high=12000", "unit=troops", "dimension=count"]),
            c("Some 10,000-12,000 troops were deployed on 16-17 May.", match: "10,000-12,000 troops",
              ["low=10000", "high=12000", "unit=troops", "dimension=count", "approx=true"]),
            c("Each side will send between two and three brigades.", match: "between two and three brigades",
              ["low=2", "high=3", "unit=brigades", "dimension=count"]),
            c("Inflation is expected between 3% and 5%.", match: "between 3% and 5%",
              captures: [("low", "3"), ("high", "5"), ("unit", "%")], ["low=3", "high=5", "unit=percent", "dimension=ratio"]),
            c("Inflation is expected between 3% and 5%.", ["low=3", "high=5", "unit=percent", "dimension=ratio"]),
            c("The share ranges from 2% to 3.5%.", match: "from 2% to 3.5%",
              captures: [("from", "2"), ("to", "3.5"), ("unit", "%")], ["low=2", "high=3.5", "unit=percent", "dimension=ratio"]),
            c("The share ranges from 2% to 3.5%.", ["low=2", "high=3.5", "unit=percent", "dimension=ratio"]),
            c("Tariffs range from 2 per cent to 4 per cent.", ["low=2", "high=4", "unit=percent", "dimension=ratio"]),
            c("Trade grew 26% to $240 billion in 2023.", ["value=26", "unit=percent", "dimension=ratio", "change=rise"]),
            // Captures narrow the figure down.
            c("Trade grew 26% to $240 billion in 2023.", match: "Trade grew 26% to $240 billion",
              captures: [("value", "$240 billion")], ["value=240000000000", "unit=USD", "dimension=currency", "change=rise"]),
            c("It sold 40 Su-35 fighter jets.", captures: [("value", "40"), ("unit", "fighter jets")],
              ["value=40", "unit=fighter jets", "dimension=count"]),
            c("roughly 5 to 6 thousand soldiers", captures: [("low", "5"), ("high", "6 thousand")],
              ["low=5000", "high=6000", "unit=soldiers", "dimension=count", "approx=true"]),
            // With no captures, years and days of the month are passed over.
            c("Chinese exports to Russia in 2023 were up 47 percent compared to 2022",
              ["value=47", "unit=percent", "dimension=ratio", "change=rise"]),
            c("On 16-17 May, about 10 people met in Beijing.", ["value=10", "unit=people", "dimension=count", "approx=true"]),
            c("Russia entered 2023 with a budget deficit.", []),
            c("on Thursday, May 16, the two sides released a list of 10 jointly signed agreements",
              ["value=10", "unit=agreements", "dimension=count"]),
            c("the four oblasts annexed after territorial gains", ["value=4", "unit=oblasts", "dimension=count"]),
            // A change with no number, and no figure at all.
            c("Chinese exports to Russia declined compared to the same months the year before.",
              ["change=fall"]),
            c("The summit was a success.", []),
        ]
    }

    func testTable() {
        XCTAssertGreaterThanOrEqual(cases.count, 30)
        for t in cases {
            let bytes = Array(t.sentence.utf8)
            let match = t.match.map { byteRange(of: $0, in: t.sentence) } ?? 0..<bytes.count
            let caps = t.captures.map { Capture(name: $0.0, range: byteRange(of: $0.1, in: t.sentence)) }
            let fields = bytes.withUnsafeBufferPointer {
                FigureNormalizer.fields(sentence: $0, match: match, captures: caps)
            }
            XCTAssertEqual(fields.map(render), t.expected, t.sentence, line: t.line)
        }
    }

    func testFieldOrderIsFixed() {
        let s = Array("about 10-20 million tonnes fell".utf8)
        let names = s.withUnsafeBufferPointer {
            FigureNormalizer.fields(sentence: $0, match: 0..<s.count, captures: []).map(\.name)
        }
        XCTAssertEqual(names, ["low", "high", "unit", "dimension", "approx", "change"])
    }

    func testOutOfBoundsRangesDoNotCrash() {
        let s = Array("5 million".utf8)
        let f = s.withUnsafeBufferPointer {
            FigureNormalizer.fields(sentence: $0, match: 0..<500,
                                    captures: [Capture(name: "value", range: 40..<90)])
        }
        // The match is clamped to the sentence; the capture, outside it, is ignored.
        XCTAssertEqual(f.map(render), ["value=5000000"])
    }

    func testNumberLexing() {
        let cases: [(String, UInt64, Int)] = [
            ("1,200", 1200, 0), ("23.5", 235, 1), ("1.776", 1776, 3), ("1.200.000", 1200000, 0),
            ("12,34", 12, 0), ("0.25", 25, 2),
        ]
        for (text, mantissa, fraction) in cases {
            let toks = Array(text.utf8).withUnsafeBufferPointer { FigureLexer.tokens($0) }
            XCTAssertEqual(toks.first?.mantissa, mantissa, text)
            XCTAssertEqual(toks.first?.fraction, fraction, text)
        }
    }

    private func byteRange(of needle: String, in haystack: String) -> Range<Int> {
        guard let r = haystack.range(of: needle) else {
            XCTFail("\(needle) not in \(haystack)")
            return 0..<0
        }
        let a = haystack.utf8.distance(from: haystack.startIndex, to: r.lowerBound)
        return a..<(a + needle.utf8.count)
    }

    private func render(_ f: (name: String, value: FieldValue)) -> String {
        switch f.value {
        case .number(let d):
            return "\(f.name)=\(d == d.rounded() && abs(d) < 1e18 ? String(Int64(d)) : String(d))"
        case .string(let s): return "\(f.name)=\(s)"
        case .bool(let b): return "\(f.name)=\(b)"
        }
    }
}
