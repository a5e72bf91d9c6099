import Foundation
import XCTest
@testable import Rules

/// The figure tag end to end, with the repository's rules and unit registry: each written
/// form of a number (digits, separators, decimals, scale words, words, fractions, vague
/// quantities, multipliers, ranges, bounds), each unit dimension and compound, and each
/// field (value, low/high, unit, dimension, si_value, approx, bound, change), written as
/// the sentence, the text of the figure match and its fields in order.
final class FigureQuantityTests: XCTestCase {
    static let rules: RuleSet = {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules")
        do { return try RuleSet.load(directory: dir.path) } catch {
            XCTFail("rules: \(error)")
            return RuleSet.empty
        }
    }()

    struct Case { var sentence: String; var text: String; var expected: [String]; var line: UInt }
    func q(_ sentence: String, _ text: String, _ expected: [String], line: UInt = #line) -> Case {
        Case(sentence: sentence, text: text, expected: expected, line: line)
    }

    /// Figures: the match whose text is `text`, and its fields.
    var figures: [Case] {
        [
            q("The pipeline is 1,500,000 kilometres long.", "1,500,000 kilometres", ["value=1500000", "unit=km", "dimension=length", "si_value=1500000000", "si_unit=m"]),
            q("Troops advanced 4,000 km.", "4,000 km", ["value=4000", "unit=km", "dimension=length", "si_value=4000000", "si_unit=m"]),
            q("The estimated length is 30616.16 km.", "30616.16 km", ["value=30616.16", "unit=km", "dimension=length", "si_value=30616160", "si_unit=m"]),
            q("At least 1.200.000 people fled.", "At least 1.200.000", ["value=1200000", "unit=people", "dimension=count", "bound=min"]),
            q("Rates were cut by 0.25 percentage points.", "0.25 percentage points", ["value=0.25", "unit=percentage points", "dimension=ratio", "change=fall"]),
            q("The deficit reached 23.5 billion roubles.", "23.5 billion roubles", ["value=23500000000", "unit=RUB", "dimension=currency"]),
            q("The fund raised 1.2bn euros.", "1.2bn euros", ["value=1200000000", "unit=EUR", "dimension=currency", "change=rise"]),
            q("The debt stands at $3tn.", "$3tn", ["value=3000000000000", "unit=USD", "dimension=currency"]),
            q("Reserves fell to €10M.", "Reserves fell", ["change=fall"]),
            q("Reserves fell to €10M.", "€10M", ["value=10000000", "unit=EUR", "dimension=currency", "change=fall"]),
            q("GDP is $2.174T.", "$2.174T", ["value=2174000000000", "unit=USD", "dimension=currency"]),
            q("Some 5m people were displaced.", "5m people", ["value=5000000", "unit=people", "dimension=count", "approx=true"]),
            q("The bank lent £1,200 million.", "£1,200 million", ["value=1200000000", "unit=GBP", "dimension=currency"]),
            q("The budget allots 2 trillion roubles to defence.", "2 trillion roubles", ["value=2000000000000", "unit=RUB", "dimension=currency"]),
            q("Two hundred and fifty troops arrived.", "Two hundred and fifty troops", ["value=250", "unit=troops", "dimension=count"]),
            q("A dozen countries abstained.", "A dozen countries", ["value=12", "unit=countries", "dimension=count"]),
            q("Half a million refugees crossed the border.", "Half a million refugees", ["value=500000", "unit=refugees", "dimension=count"]),
            q("One and a half million people were displaced.", "One and a half million people", ["value=1500000", "unit=people", "dimension=count"]),
            q("Some two and a half thousand troops were sent.", "two and a half thousand troops", ["value=2500", "unit=troops", "dimension=count", "approx=true"]),
            q("The fund holds two and a half billion dollars.", "two and a half billion dollars", ["value=2500000000", "unit=USD", "dimension=currency"]),
            q("One hundred and twenty delegates attended.", "One hundred and twenty delegates", ["value=120", "unit=delegates", "dimension=count"]),
            q("The town lies two and a half miles to the east.", "two and a half miles", ["value=2.5", "unit=mi", "dimension=length", "si_value=4023.36", "si_unit=m"]),
            q("She needed six gallons of water.", "six gallons", ["value=6", "unit=gal", "dimension=volume", "si_value=0.022712470704", "si_unit=m3"]),
            q("They hired a hundred soldiers.", "a hundred soldiers", ["value=100", "unit=soldiers", "dimension=count"]),
            q("Tens of thousands of people fled.", "Tens of thousands", ["low=10000", "high=100000", "unit=people", "dimension=count", "approx=true"]),
            q("Hundreds of thousands of civilians were displaced.", "Hundreds of thousands", ["low=100000", "high=1000000", "unit=civilians", "dimension=count", "approx=true"]),
            q("Several hundred soldiers crossed the border.", "Several hundred", ["low=300", "high=900", "unit=soldiers", "dimension=count", "approx=true"]),
            q("A few thousand troops remain.", "A few thousand", ["low=2000", "high=5000", "unit=troops", "dimension=count", "approx=true"]),
            q("Scores of people were arrested.", "Scores of", ["low=40", "high=200", "unit=people", "dimension=count", "approx=true"]),
            q("The airport handles a few dozen flights a week.", "a few dozen", ["low=24", "high=60", "unit=flights", "dimension=count", "approx=true"]),
            q("Several dozen drones were launched.", "Several dozen", ["low=36", "high=108", "unit=drones", "dimension=count", "approx=true"]),
            q("Europe must spend trillions on defence.", "trillions", ["low=1000000000000", "high=10000000000000", "approx=true"]),
            // A vague plural standing alone counts no noun: the next word is a verb or an adverb.
            q("Thousands fled south.", "Thousands", ["low=1000", "high=10000", "approx=true"]),
            q("Tens of thousands remain displaced.", "Tens of thousands", ["low=10000", "high=100000", "approx=true"]),
            q("Russia massed two hundred thousand troops on the border.", "two hundred thousand troops", ["value=200000", "unit=troops", "dimension=count"]),
            q("One in three Afghan children is malnourished.", "One in three Afghan children", ["value=0.3333333333333333", "unit=fraction", "dimension=ratio"]),
            // A bare number as a level: the verb or the noun before it says what it measures.
            q("The death toll now exceeds 250,000.", "250,000", ["value=250000"]),
            q("At its height the contingent numbered about 5,000.", "about 5,000", ["value=5000", "approx=true"]),
            q("Russian casualties are estimated at 500,000.", "500,000", ["value=500000", "approx=true"]),
            q("A force of 5,000 was deployed to the border.", "5,000", ["value=5000"]),
            // Coordinated modifiers and acronyms before the counted noun.
            q("Norway contributes 1,500 military and civilian personnel.", "1,500 military and civilian personnel", ["value=1500", "unit=personnel", "dimension=count"]),
            q("The 14 IPEF partners met in Detroit.", "14 IPEF partners", ["value=14", "unit=partners", "dimension=count"]),
            q("Nine EU member states have reached the target.", "Nine EU member states", ["value=9", "unit=states", "dimension=count"]),
            q("The US share of the market fell to a third.", "a third", ["value=0.3333333333333333", "unit=fraction", "dimension=ratio", "change=fall"]),
            // An acronym that is a unit is a measure, not the modifier of a count.
            q("Seoul announced a 2.1 GW floating solar project.", "2.1 GW", ["value=2.1", "unit=GW", "dimension=power", "si_value=2100000000", "si_unit=W"]),
            // A fraction of a scale word is that share of it.
            q("A quarter of a million people fled.", "A quarter of a million", ["value=250000", "unit=people", "dimension=count"]),
            q("Three quarters of a billion dollars was lost.", "Three quarters of a billion", ["value=750000000", "unit=USD", "dimension=currency"]),
            q("Half a dozen ships were hit.", "Half a dozen ships", ["value=6", "unit=ships", "dimension=count"]),
            // The counted noun is not past a verb: "were" is no modifier.
            q("Eleven soldiers were wounded.", "Eleven soldiers", ["value=11", "unit=soldiers", "dimension=count"]),
            q("Only 14 of the 27 EU states meet the target.", "14 of the 27 EU states", ["value=14", "unit=states", "dimension=count"]),
            // Eighth round (UN speeches): a fraction after "the one"; a phrasal "up" is no
            // rise; fractions of a point are percentage points; "a couple of hundred"; a factor.
            q("Income for the one tenth of the population which lives there has fallen.", "one tenth of the", ["value=0.1", "unit=fraction", "dimension=ratio"]),
            q("Debt service takes up 40 per cent of export earnings.", "40 per cent", ["value=40", "unit=percent", "dimension=ratio"]),
            q("The committee is made up of 12 members.", "12 members", ["value=12", "unit=members", "dimension=count"]),
            q("Prices went up 12 per cent.", "12 per cent", ["value=12", "unit=percent", "dimension=ratio", "change=rise"]),
            q("The central bank cut its rate by a quarter-point in June.", "a quarter-point", ["value=0.25", "unit=percentage points", "dimension=ratio", "change=fall"]),
            q("The bank raised rates by half a percentage point.", "half a percentage point", ["value=0.5", "unit=percentage points", "dimension=ratio", "change=rise"]),
            q("The Fed lowered its rate by a quarter of a percentage point.", "a quarter of a percentage point", ["value=0.25", "unit=percentage points", "dimension=ratio", "change=fall"]),
            q("The bank cut rates by one percentage point.", "one percentage point", ["value=1", "unit=percentage points", "dimension=ratio", "change=fall"]),
            q("Africa produces only one per cent of the world's solar power.", "one per cent", ["value=1", "unit=percent", "dimension=ratio"]),
            q("A couple of hundred soldiers remain.", "A couple of hundred", ["low=200", "high=300", "unit=soldiers", "dimension=count", "approx=true"]),
            q("Military spending rose by a factor of three.", "three", ["value=3", "unit=times", "dimension=ratio", "change=rise"]),
            q("Russia's economy is about a tenth the size of the EU's.", "a tenth the size", ["value=0.1", "unit=fraction", "dimension=ratio", "approx=true"]),
            q("It took Russia eight months to capture the town.", "eight months", ["value=8", "unit=mo", "dimension=time", "si_value=21038400", "si_unit=s"]),
            // A degree sign apart from its letter is the symbol ("1.5° C", UN speeches).
            q("We must limit warming to 1.5° C above pre-industrial levels.", "1.5° C", ["value=1.5", "unit=degC", "dimension=temperature", "si_value=274.65", "si_unit=K"]),
            // An adverb of frequency after an amount or a measure makes it a rate.
            q("The mission costs $1.2bn annually.", "$1.2bn", ["value=1200000000", "unit=USD/yr", "dimension=currency/time"]),
            q("Russia exports 5 million barrels daily.", "5 million barrels daily", ["value=5000000", "unit=bbl/d", "dimension=volume/time", "si_value=9.20065364166", "si_unit=m3/s"]),
            q("The plant produces 300 tonnes weekly.", "300 tonnes weekly", ["value=300", "unit=t/wk", "dimension=mass/time", "si_value=0.496031746032", "si_unit=kg/s"]),
            q("Four-fifths of the budget goes to salaries.", "Four-fifths of the", ["value=0.8", "unit=fraction", "dimension=ratio"]),
            q("Twelve of the 27 member states backed the plan.", "Twelve of the 27 member states", ["value=12", "unit=states", "dimension=count"]),
            q("Thousands of people were arrested.", "Thousands", ["low=1000", "high=10000", "unit=people", "dimension=count", "approx=true"]),
            q("Millions of dollars were lost.", "Millions", ["low=1000000", "high=10000000", "unit=USD", "dimension=currency", "approx=true"]),
            q("The door is 2 1/2 inches thick.", "2 1/2 inches", ["value=2.5", "unit=in", "dimension=length", "si_value=0.0635", "si_unit=m"]),
            q("A mouse can get through a 1/4 inch gap.", "1/4 inch", ["value=0.25", "unit=in", "dimension=length", "si_value=0.00635", "si_unit=m"]),
            q("One third of the budget goes to defence.", "One third of the", ["value=0.3333333333333333", "unit=fraction", "dimension=ratio"]),
            q("Half of the population voted.", "Half of the", ["value=0.5", "unit=fraction", "dimension=ratio"]),
            q("Half the world's population votes this year.", "Half the", ["value=0.5", "unit=fraction", "dimension=ratio"]),
            q("Its members account for two-fifths of global GDP.", "two-fifths of global", ["value=0.4", "unit=fraction", "dimension=ratio"]),
            q("India allocated Rs 6.2 lakh crore to defence.", "Rs 6.2 lakh crore", ["value=6200000000000", "unit=INR", "dimension=currency"]),
            q("The junta spent 500 billion CFA francs on arms.", "500 billion CFA francs", ["value=500000000000", "unit=XOF", "dimension=currency"]),
            q("Mali's budget is FCFA 2,000 billion.", "FCFA 2,000 billion", ["value=2000000000000", "unit=XOF", "dimension=currency"]),
            q("The bank holds 5 billion Swiss francs.", "5 billion Swiss francs", ["value=5000000000", "unit=CHF", "dimension=currency"]),
            q("The central bank printed 10 billion afghanis.", "10 billion afghanis", ["value=10000000000", "unit=AFN", "dimension=currency"]),
            q("The deficit widened to 4.4pc of GDP.", "4.4pc", ["value=4.4", "unit=percent", "dimension=ratio"]),
            // A move with no unit written: the level reached, the start, the direction.
            q("Troop numbers grew from 4,500 to 13,000.", "grew from 4,500 to 13,000", ["value=13000", "from=4500", "change=rise"]),
            q("The number of attacks fell from 40 to 25.", "fell from 40 to 25", ["value=25", "from=40", "change=fall"]),
            q("The junta delayed the elections by two years.", "two years", ["value=2", "unit=yr", "dimension=time", "si_value=63115200", "si_unit=s"]),
            q("Two-thirds of its exports go to China.", "Two-thirds of its", ["value=0.6666666666666666", "unit=fraction", "dimension=ratio"]),
            q("Three quarters of the fleet is ready.", "Three quarters of the", ["value=0.75", "unit=fraction", "dimension=ratio"]),
            q("The ANC lost its two-thirds majority.", "two-thirds majority", ["value=0.6666666666666666", "unit=fraction", "dimension=ratio"]),
            q("One in five Ukrainians has left the country.", "One in five", ["value=0.2", "unit=fraction", "dimension=ratio"]),
            q("Two out of three respondents agreed.", "Two out of three respondents", ["value=0.6666666666666666", "unit=fraction", "dimension=ratio"]),
            q("China buys twice as much oil.", "twice as", ["value=2", "unit=times", "dimension=ratio"]),
            q("There was a threefold increase in attacks.", "threefold", ["value=3", "unit=times", "dimension=ratio", "change=rise"]),
            q("The grant is ~9x as cost-effective as cash.", "~9x as", ["value=9", "unit=times", "dimension=ratio", "approx=true"]),
            q("Exports rose 3-fold in a decade.", "Exports rose", ["change=rise"]),
            q("Exports rose 3-fold in a decade.", "3-fold", ["value=3", "unit=times", "dimension=ratio", "change=rise"]),
            q("Exports to Russia doubled.", "Exports to Russia doubled", ["value=2", "unit=times", "dimension=ratio", "change=rise"]),
            q("The budget was halved.", "budget was halved", ["value=0.5", "unit=times", "dimension=ratio", "change=fall"]),
            q("Production tripled.", "Production tripled", ["value=3", "unit=times", "dimension=ratio", "change=rise"]),
            q("Its budget is ten times larger.", "ten times larger", ["value=10", "unit=times", "dimension=ratio"]),
            q("The PRC holds exercises twice a year.", "twice a year", ["value=2", "unit=times/yr", "dimension=frequency", "si_value=6.33761756281e-08", "si_unit=Hz"]),
            q("The drill is held four times per week.", "four times per week", ["value=4", "unit=times/wk", "dimension=frequency", "si_value=6.61375661376e-06", "si_unit=Hz"]),
            q("They were given between 44 and 50 mg of ethanol.", "between 44 and 50 mg", ["low=44", "high=50", "unit=mg", "dimension=mass", "si_low=4.4e-05", "si_high=5e-05", "si_unit=kg"]),
            q("Google holds 10-15 exabytes of data.", "10-15 exabytes", ["low=10", "high=15", "unit=EB", "dimension=data", "si_low=1e+19", "si_high=1.5e+19", "si_unit=B"]),
            q("It could be wrong by up to 4,000 km.", "up to 4,000", ["value=4000", "unit=km", "dimension=length", "si_value=4000000", "si_unit=m", "bound=max"]),
            q("At least 10 people died.", "At least 10", ["value=10", "unit=people", "dimension=count", "bound=min"]),
            q("Trade rose to more than $190 billion.", "Trade rose", ["change=rise"]),
            q("Trade rose to more than $190 billion.", "$190 billion", ["value=190000000000", "unit=USD", "dimension=currency", "bound=min", "change=rise"]),
            q("Inflation is under 5%.", "5%", ["value=5", "unit=percent", "dimension=ratio", "bound=max"]),
            q("Fewer than 100 troops remain.", "Fewer than 100", ["value=100", "unit=troops", "dimension=count", "bound=max"]),
            q("Over 10,000 people protested.", "10,000 people", ["value=10000", "unit=people", "dimension=count", "bound=min"]),
            q("It costs no more than $30.", "$30", ["value=30", "unit=USD", "dimension=currency", "bound=max"]),
            q("The army has 10,000-plus drones.", "10,000-plus", ["value=10000", "bound=min"]),
            q("The deal is worth $5 billion or more.", "$5 billion", ["value=5000000000", "unit=USD", "dimension=currency", "bound=min"]),
            q("Nearly 40 of them were arrested.", "Nearly 40", ["value=40", "approx=true"]),
            q("About 300 billion USD of assets are frozen.", "300 billion USD", ["value=300000000000", "unit=USD", "dimension=currency", "approx=true"]),
            q("Inflation rose 5%.", "Inflation rose", ["change=rise"]),
            q("Inflation rose 5%.", "5%", ["value=5", "unit=percent", "dimension=ratio", "change=rise"]),
            q("Rates rose by 3 percentage points.", "3 percentage points", ["value=3", "unit=percentage points", "dimension=ratio", "change=rise"]),
            q("Turnout was 2.5 per cent lower.", "2.5 per cent", ["value=2.5", "unit=percent", "dimension=ratio", "change=fall"]),
            q("The bank raised rates by 50 bps.", "50 bps", ["value=50", "unit=basis points", "dimension=ratio", "change=rise"]),
            q("The span is 2 nautical miles.", "2 nautical miles", ["value=2", "unit=nmi", "dimension=length", "si_value=3704", "si_unit=m"]),
            q("The wall is 120 metres long.", "120 metres", ["value=120", "unit=m", "dimension=length", "si_value=120", "si_unit=m"]),
            q("Italy covers 301,338 km2.", "301,338 km2", ["value=301338", "unit=km2", "dimension=area", "si_value=301338000000", "si_unit=m2"]),
            q("The zone covers 116,347 sq mi.", "116,347 sq mi", ["value=116347", "unit=mi2", "dimension=area", "si_value=301337346673", "si_unit=m2"]),
            q("The reserve covers 500 square kilometres.", "500 square kilometres", ["value=500", "unit=km2", "dimension=area", "si_value=500000000", "si_unit=m2"]),
            q("The farm has 40 hectares.", "40 hectares", ["value=40", "unit=ha", "dimension=area", "si_value=400000", "si_unit=m2"]),
            q("The lake holds 4 km³ of water.", "4 km³", ["value=4", "unit=km3", "dimension=volume", "si_value=4000000000", "si_unit=m3"]),
            q("Russia shipped 20 bcm of gas.", "20 bcm", ["value=20", "unit=bcm", "dimension=volume", "si_value=20000000000", "si_unit=m3"]),
            q("The tank holds 5 litres.", "5 litres", ["value=5", "unit=l", "dimension=volume", "si_value=0.005", "si_unit=m3"]),
            q("The field produces 300,000 barrels per day.", "300,000 barrels per day", ["value=300000", "unit=bbl/d", "dimension=volume/time", "si_value=0.5520392185", "si_unit=m3/s"]),
            q("Output fell to 9.5 mb/d.", "Output fell", ["change=fall"]),
            q("Output fell to 9.5 mb/d.", "9.5 mb/d", ["value=9.5", "unit=Mbbl/d", "dimension=volume/time", "si_value=17.4812419192", "si_unit=m3/s", "change=fall"]),
            q("The plant uses 2 million tonnes of coal.", "2 million tonnes", ["value=2000000", "unit=t", "dimension=mass", "si_value=2000000000", "si_unit=kg"]),
            q("They emit 5 million tonnes of CO2 a year.", "5 million tonnes of CO2 a year", ["value=5000000", "unit=t/yr", "dimension=mass/time", "si_value=158.44043907", "si_unit=kg/s"]),
            q("The cargo weighs 10kg.", "10kg", ["value=10", "unit=kg", "dimension=mass", "si_value=10", "si_unit=kg"]),
            q("The dose is 14 mg.", "14 mg", ["value=14", "unit=mg", "dimension=mass", "si_value=1.4e-05", "si_unit=kg"]),
            q("The ship displaces 100,000 t.", "100,000 t", ["value=100000", "unit=t", "dimension=mass", "si_value=100000000", "si_unit=kg"]),
            q("The freighter carries 20 kt of ore.", "20 kt", ["value=20", "unit=kt", "dimension=mass", "si_value=20000000", "si_unit=kg"]),
            q("The war has lasted 3 years.", "3 years", ["value=3", "unit=yr", "dimension=time", "si_value=94672800", "si_unit=s"]),
            q("Talks took 16 hours.", "16 hours", ["value=16", "unit=h", "dimension=time", "si_value=57600", "si_unit=s"]),
            q("The siege lasted six months.", "six months", ["value=6", "unit=mo", "dimension=time", "si_value=15778800", "si_unit=s"]),
            q("The mission ran for 20 years.", "20 years", ["value=20", "unit=yr", "dimension=time", "si_value=631152000", "si_unit=s"]),
            q("Aircraft fly at 200 kilometres per hour.", "200 kilometres per hour", ["value=200", "unit=km/h", "dimension=speed", "si_value=55.5555555556", "si_unit=m/s"]),
            q("The frigate sails at 30 knots.", "30 knots", ["value=30", "unit=kn", "dimension=speed", "si_value=15.4333333333", "si_unit=m/s"]),
            q("Cars drive at 120 km/h.", "120 km/h", ["value=120", "unit=km/h", "dimension=speed", "si_value=33.3333333333", "si_unit=m/s"]),
            q("The trains run at 300 mph.", "300 mph", ["value=300", "unit=mph", "dimension=speed", "si_value=134.112", "si_unit=m/s"]),
            q("Wind farms produced 3 TWh a year.", "3 TWh a year", ["value=3", "unit=TWh/yr", "dimension=power", "si_value=342231348.392", "si_unit=J/s"]),
            q("The reactor produces 1.5 GW.", "1.5 GW", ["value=1.5", "unit=GW", "dimension=power", "si_value=1500000000", "si_unit=W"]),
            q("The plant has a 950 MW capacity.", "950 MW", ["value=950", "unit=MW", "dimension=power", "si_value=950000000", "si_unit=W"]),
            q("Households used 50 kWh.", "50 kWh", ["value=50", "unit=kWh", "dimension=energy", "si_value=180000000", "si_unit=J"]),
            q("The beam reached 3.5–4.0 TeV.", "3.5–4.0 TeV", ["low=3.5", "high=4", "unit=TeV", "dimension=energy", "si_low=5.607618219e-07", "si_high=6.408706536e-07", "si_unit=J"]),
            q("The leak exposed 2.5 TB of data.", "2.5 TB", ["value=2.5", "unit=TB", "dimension=data", "si_value=2500000000000", "si_unit=B"]),
            q("The link carries 100 Gbps.", "100 Gbps", ["value=100", "unit=Gbit/s", "dimension=data rate", "si_value=12500000000", "si_unit=B/s"]),
            q("The attackers stole 8 MB of files.", "8 MB", ["value=8", "unit=MB", "dimension=data", "si_value=8000000", "si_unit=B"]),
            q("Temperatures reached 45 degrees Celsius.", "45 degrees Celsius", ["value=45", "unit=degC", "dimension=temperature", "si_value=318.15", "si_unit=K"]),
            q("It was 114 degrees Fahrenheit.", "114 degrees Fahrenheit", ["value=114", "unit=degF", "dimension=temperature", "si_value=318.705555556", "si_unit=K"]),
            q("Water boils at 100 °C.", "100 °C", ["value=100", "unit=degC", "dimension=temperature", "si_value=373.15", "si_unit=K"]),
            q("The chip runs at 2.80 GHz.", "2.80 GHz", ["value=2.8", "unit=GHz", "dimension=frequency", "si_value=2800000000", "si_unit=Hz"]),
            q("Russia offered rebates of $30 per barrel.", "$30 per barrel", ["value=30", "unit=USD/bbl", "dimension=currency/volume"]),
            // After an amount of money "a"/"an" and any unit is a price, not only a unit of time.
            q("Brent traded at $80 a barrel.", "$80 a barrel", ["value=80", "unit=USD/bbl", "dimension=currency/volume"]),
            q("Diesel costs €2 a litre in Kyiv.", "€2 a litre", ["value=2", "unit=EUR/l", "dimension=currency/volume"]),
            q("Coal sold for $120 a tonne.", "$120 a tonne", ["value=120", "unit=USD/t", "dimension=currency/mass"]),
            q("Workers earn $15.4/hour.", "$15.4/hour", ["value=15.4", "unit=USD/h", "dimension=currency/time"]),
            q("GDP is $12,000 per capita.", "$12,000 per capita", ["value=12000", "unit=USD/capita", "dimension=currency/capita"]),
            q("Beijing spends $5 billion a year.", "$5 billion a year", ["value=5000000000", "unit=USD/yr", "dimension=currency/time"]),
            q("Gallium rose from $350 per kg to $680 per kg.", "from $350 per kg to $680 per kg", ["value=680", "from=350", "unit=USD/kg", "dimension=currency/mass", "change=rise"]),
            q("The annual revenue is -15€.", "-15€", ["value=-15", "unit=EUR", "dimension=currency"]),
            q("A ticket costs 15 € in Berlin.", "15 €", ["value=15", "unit=EUR", "dimension=currency"]),
            q("Temperatures ranged from -18 °C to -34 °C.", "from -18 °C to -34 °C", ["low=-34", "high=-18", "unit=degC", "dimension=temperature", "si_low=239.15", "si_high=255.15", "si_unit=K"]),
            q("Inflation fell to -2%.", "Inflation fell", ["change=fall"]),
            q("Inflation fell to -2%.", "2%", ["value=-2", "unit=percent", "dimension=ratio", "change=fall"]),
            q("Trade fell from $10 billion to $8 billion.", "Trade fell", ["change=fall"]),
            q("Trade fell from $10 billion to $8 billion.", "from $10 billion to $8 billion", ["value=8000000000", "from=10000000000", "unit=USD", "dimension=currency", "change=fall"]),
            q("Estimates range between $5 and $7 billion.", "between $5 and $7 billion", ["low=5000000000", "high=7000000000", "unit=USD", "dimension=currency"]),
            q("Moscow sent 10,000-12,000 troops.", "10,000-12,000 troops", ["low=10000", "high=12000", "unit=troops", "dimension=count"]),
            q("Between 10 and 20 million people have fled.", "Between 10 and 20 million people", ["low=10000000", "high=20000000", "unit=people", "dimension=count"]),
            q("Each side will send two to three brigades.", "two to three brigades", ["low=2", "high=3", "unit=brigades", "dimension=count"]),
            q("A telescope of 8- to 16-meter mirrors was planned.", "8- to 16-meter", ["low=8", "high=16", "unit=m", "dimension=length", "si_low=8", "si_high=16", "si_unit=m"]),
            q("The contingent rose from 100 to 150 troops.", "from 100 to 150 troops", ["value=150", "from=100", "unit=troops", "dimension=count", "change=rise"]),
            q("The commitments may take a year to come to fruition.", "a year", ["value=1", "unit=yr", "dimension=time", "si_value=31557600", "si_unit=s"]),
            q("A year and a half of occupation followed.", "A year and a half", ["value=1.5", "unit=yr", "dimension=time", "si_value=47336400", "si_unit=s"]),
            q("The two-day exercise ended.", "two-day", ["value=2", "unit=d", "dimension=time", "si_value=172800", "si_unit=s"]),
            q("The six-year period ended.", "six-year", ["value=6", "unit=yr", "dimension=time", "si_value=189345600", "si_unit=s"]),
            q("Xi made his first trip to Europe in over five years.", "five years", ["value=5", "unit=yr", "dimension=time", "si_value=157788000", "si_unit=s", "bound=min"]),
            q("More than two years have passed since the strategy.", "two years", ["value=2", "unit=yr", "dimension=time", "si_value=63115200", "si_unit=s", "bound=min"]),
            q("The war may last for two years.", "two years", ["value=2", "unit=yr", "dimension=time", "si_value=63115200", "si_unit=s"]),
            // "over" a duration after a noun or an amount is the period spanned, not a bound.
            q("The EU pledged €50bn over four years.", "four years", ["value=4", "unit=yr", "dimension=time", "si_value=126230400", "si_unit=s"]),
            q("The vote was held in seven phases over six weeks.", "six weeks", ["value=6", "unit=wk", "dimension=time", "si_value=3628800", "si_unit=s"]),
            q("Over two years have passed since the coup.", "two years", ["value=2", "unit=yr", "dimension=time", "si_value=63115200", "si_unit=s", "bound=min"]),
            q("The reform took over two years.", "two years", ["value=2", "unit=yr", "dimension=time", "si_value=63115200", "si_unit=s", "bound=min"]),
            q("The EU pledged one million 155mm artillery shells.", "one million 155mm artillery shells", ["value=1000000", "unit=shells", "dimension=count"]),
            q("Burkina Faso received two dozen combat drones.", "two dozen combat drones", ["value=24", "unit=drones", "dimension=count"]),
            q("Ukraine hosts four operational nuclear power plants.", "four operational nuclear power plants", ["value=4", "unit=plants", "dimension=count"]),
            q("The two firms signed a 30-year gas deal.", "30-year", ["value=30", "unit=yr", "dimension=time", "si_value=946728000", "si_unit=s"]),
            q("The lengthy 7000-word Joint Statement was published.", "7000-word", ["value=7000", "unit=word", "dimension=count"]),
            q("The ANC won 159 seats.", "159 seats", ["value=159", "unit=seats", "dimension=count"]),
            q("The army fields 3,000 Russian troops.", "3,000 Russian troops", ["value=3000", "unit=troops", "dimension=count"]),
            q("Only one deal was signed in 2023.", "Only one deal", ["value=1", "unit=deal", "dimension=count"]),
            // A definite count is one only with the clause that says which ("annexed in 2022");
            // "The four oblasts were annexed." refers to a known group (h-boot4, notFigures).
            q("The four oblasts annexed in 2022 remain occupied.", "The four oblasts annexed", ["value=4", "unit=oblasts", "dimension=count"]),
            q("Exports are worth 5 billion US dollars.", "5 billion US dollars", ["value=5000000000", "unit=USD", "dimension=currency"]),
            q("A loan of 2.5 million Canadian dollars was agreed.", "2.5 million Canadian dollars", ["value=2500000", "unit=CAD", "dimension=currency"]),
            q("Beijing lent ¥50 billion in yuan loans.", "¥50 billion in yuan loans", ["value=50000000000", "unit=CNY", "dimension=currency"]),
            q("The fund holds US$5bn.", "US$5bn", ["value=5000000000", "unit=USD", "dimension=currency"]),
            q("The bill is 3 dimes.", "3 dimes", ["value=3", "unit=dime", "dimension=currency"]),
            q("One hundred cents equal the basic unit.", "One hundred cents", ["value=100", "unit=cent", "dimension=currency"]),
            q("The farm sold 10 000 dollars of wheat.", "10 000 dollars", ["value=10000", "unit=USD", "dimension=currency"]),
            q("I want 3 to 4 L of wine.", "3 to 4 L of", ["low=3", "high=4", "unit=l", "dimension=volume", "si_low=0.003", "si_high=0.004", "si_unit=m3"]),
            q("There is a ⅓ cup of sauce.", "⅓ cup", ["value=0.3333333333333333", "unit=cup", "dimension=volume", "si_value=7.88627455e-05", "si_unit=m3"]),
            q("Workers are exposed to 20 J/m^2 per year.", "20 J", ["value=20", "unit=J/m2/yr", "dimension=energy/length2/time", "si_value=6.33761756281e-07", "si_unit=J/m2/s"]),
            // A move with a hedge after "from" and a rate on both levels is one figure.
            q("Cobalt rose from about $30 per kg to $50 per kg.", "from about $30 per kg to $50 per kg", ["value=50", "from=30", "unit=USD/kg", "dimension=currency/mass", "approx=true", "change=rise"]),
            q("Oil fell from nearly $120 a barrel to $80 a barrel.", "from nearly $120 a barrel to $80 a barrel", ["value=80", "from=120", "unit=USD/bbl", "dimension=currency/volume", "approx=true", "change=fall"]),
            q("Rent went up from around €900 per month to €1,200 per month.", "from around €900 per month to €1,200 per month", ["value=1200", "from=900", "unit=EUR/mo", "dimension=currency/time", "approx=true", "change=rise"]),
            // An amount alone in brackets after "be" is an accounting negative; a gloss is not.
            q("The annual revenue is ($99.99).", "$99.99", ["value=-99.99", "unit=USD", "dimension=currency"]),
            q("Net income was ($5.2 million) in 2023.", "$5.2 million", ["value=-5200000", "unit=USD", "dimension=currency"]),
            q("Operating losses were (€40m) last year.", "€40m", ["value=-40000000", "unit=EUR", "dimension=currency"]),
            q("Britain pledged £1bn ($1.3bn) in aid.", "$1.3bn", ["value=1300000000", "unit=USD", "dimension=currency"]),
            q("The aid package ($61 billion) passed.", "$61 billion", ["value=61000000000", "unit=USD", "dimension=currency"]),
            q("The cost is $5bn (about €4.6bn).", "€4.6bn", ["value=4600000000", "unit=EUR", "dimension=currency", "approx=true"]),
            q("The price was $350 to $680 per kg.", "$350 to $680 per kg", ["low=350", "high=680", "unit=USD/kg", "dimension=currency/mass"]),
            q("They ordered a gross of pencils.", "a gross of pencils", ["value=144", "unit=pencils", "dimension=count"]),
            q("A baker's dozen is 13 units whilst a gross is 144.", "a gross is", ["value=144", "dimension=count"]),
            q("Treatment was reduced from 44 mg to 50 mg ethanol.", "from 44 mg to 50 mg", ["value=50", "from=44", "unit=mg", "dimension=mass", "si_value=5e-05", "si_from=4.4e-05", "si_unit=kg", "change=rise"]),
            // Two quantities in one match: a figure each (FigureNormalizer.parts).
            q("They were changed from 44 ml to 50 mg ethanol.", "44 ml", ["value=44", "unit=ml", "dimension=volume", "si_value=4.4e-05", "si_unit=m3"]),
            q("They were changed from 44 ml to 50 mg ethanol.", "50 mg", ["value=50", "unit=mg", "dimension=mass", "si_value=5e-05", "si_unit=kg"]),
            q("They were given 45 and 50 mg ethanol.", "45", ["value=45", "unit=mg", "dimension=mass", "si_value=4.5e-05", "si_unit=kg"]),
            q("They were given 45 and 50 mg ethanol.", "50 mg", ["value=50", "unit=mg", "dimension=mass", "si_value=5e-05", "si_unit=kg"]),
            q("The patrols covered about 10 or 12 km a day.", "10", ["value=10", "unit=km/d", "dimension=speed", "si_value=0.115740740741", "si_unit=m/s", "approx=true"]),
            q("The patrols covered about 10 or 12 km a day.", "12 km a day", ["value=12", "unit=km/d", "dimension=speed", "si_value=0.138888888889", "si_unit=m/s"]),
            q("Exports to China and India grew by 3 and 5 percent respectively.", "3", ["value=3", "unit=percent", "dimension=ratio", "change=rise"]),
            q("Exports to China and India grew by 3 and 5 percent respectively.", "5 percent", ["value=5", "unit=percent", "dimension=ratio", "change=rise"]),
            q("They were given between 44 and 50 mg ethanol.", "between 44 and 50 mg", ["low=44", "high=50", "unit=mg", "dimension=mass", "si_low=4.4e-05", "si_high=5e-05", "si_unit=kg"]),
            q("Japan will double its defence spending.", "double", ["value=2", "unit=times", "dimension=ratio", "change=rise"]),
            q("Attacks rose by a quarter in 2024.", "a quarter", ["value=0.25", "unit=fraction", "dimension=ratio", "change=rise"]),
            q("China conducted 153 incursions into the ADIZ.", "153 incursions", ["value=153", "unit=incursions", "dimension=count"]),
            q("The rally drew 50,000 people.", "50,000 people", ["value=50000", "unit=people", "dimension=count"]),
            q("Some 30,000 troops massed at the border.", "30,000 troops", ["value=30000", "unit=troops", "dimension=count", "approx=true"]),
            q("Around 2 million barrels of oil were shipped.", "2 million barrels of oil", ["value=2000000", "unit=bbl", "dimension=volume", "si_value=317974.589856", "si_unit=m3", "approx=true"]),
            q("The fund is worth roughly €800m.", "€800m", ["value=800000000", "unit=EUR", "dimension=currency", "approx=true"]),
            q("Russia lost about 3,000 tanks.", "3,000 tanks", ["value=3000", "unit=tanks", "dimension=count", "approx=true"]),
            q("Roughly half of the budget was spent.", "half of the", ["value=0.5", "unit=fraction", "dimension=ratio", "approx=true"]),
            q("The contract covers 24 F-16 jets.", "24 F-16 jets", ["value=24", "unit=jets", "dimension=count"]),
            q("China operates 370 warships.", "370 warships", ["value=370", "unit=warships", "dimension=count"]),
            q("The strike killed 120 civilians.", "120 civilians", ["value=120", "unit=civilians", "dimension=count"]),
            q("Turnout reached 58 percent.", "58 percent", ["value=58", "unit=percent", "dimension=ratio"]),
            q("The index fell 3.2 pct.", "3.2 pct", ["value=3.2", "unit=percent", "dimension=ratio", "change=fall"]),
            q("Output grew by 1.5%.", "Output grew", ["change=rise"]),
            q("Output grew by 1.5%.", "1.5%", ["value=1.5", "unit=percent", "dimension=ratio", "change=rise"]),
            q("A 12-point plan was announced.", "12-point", ["value=12", "unit=point", "dimension=count"]),
            q("The 18-month programme started.", "18-month", ["value=18", "unit=mo", "dimension=time", "si_value=47336400", "si_unit=s"]),
            q("Gas flows fell to 15 bcm a year.", "15 bcm a year", ["value=15", "unit=bcm/yr", "dimension=volume/time", "si_value=475.32131721", "si_unit=m3/s", "change=fall"]),
            q("The border is 1,200 miles long.", "1,200 miles", ["value=1200", "unit=mi", "dimension=length", "si_value=1931212.8", "si_unit=m"]),
            q("The grid lost 9 GW of capacity.", "9 GW", ["value=9", "unit=GW", "dimension=power", "si_value=9000000000", "si_unit=W"]),
            q("Depots hold 40,000 tonnes of grain.", "40,000 tonnes", ["value=40000", "unit=t", "dimension=mass", "si_value=40000000", "si_unit=kg"]),
            q("The pipeline runs 3,000 kilometres.", "3,000 kilometres", ["value=3000", "unit=km", "dimension=length", "si_value=3000000", "si_unit=m"]),
            q("Russia spends 6% of GDP on defence.", "6%", ["value=6", "unit=percent", "dimension=ratio"]),
            // Scientific notation is one token for the rules ("4e14", "1e-3", "1.5E+3").
            q("Violet light oscillates at 4e14 s-1.", "4e14 s-1", ["value=400000000000000", "unit=s-1", "dimension=frequency", "si_value=400000000000000", "si_unit=Hz"]),
            q("Give me -1e-3 W/min, now!", "-1e-3 W/min", ["value=-0.001", "unit=W/min", "dimension=power/time", "si_value=-1.66666666667e-05", "si_unit=W/s"]),
            q("The probe measured 1.5E+3 kg of dust.", "1.5E+3 kg", ["value=1500", "unit=kg", "dimension=mass", "si_value=1500", "si_unit=kg"]),
            q("The plan took 3e5 hours.", "3e5 hours", ["value=300000", "unit=h", "dimension=time", "si_value=1080000000", "si_unit=s"]),
            // A product with a power of a whole base; "m/s" is a speed, not "343 m(illion)" per second.
            q("A kibibyte is exactly 8x2^10 bits.", "8x2^10 bits", ["value=8192", "unit=bit", "dimension=data", "si_value=1024", "si_unit=B"]),
            q("Light travels at 3 × 10^8 m/s.", "3 × 10^8 m/s", ["value=300000000", "unit=m/s", "dimension=speed", "si_value=300000000", "si_unit=m/s"]),
            q("The dose was 5 × 10^-3 kg.", "5 × 10^-3 kg", ["value=0.005", "unit=kg", "dimension=mass", "si_value=0.005", "si_unit=kg"]),
            q("Sound travels at 343 m/s.", "343 m/s", ["value=343", "unit=m/s", "dimension=speed", "si_value=343", "si_unit=m/s"]),
            // An uncertainty is passed over; "s" as a rate's denominator is the second.
            q("The drift was 9.83e-3 +/- 1e-5 km/s2 in the test.", "9.83e-3 +/- 1e-5 km", ["value=0.00983", "unit=km/s2", "dimension=acceleration", "si_value=9.83", "si_unit=m/s2"]),
            q("The constant is 45 Js.", "45 Js", ["value=45", "unit=J·s", "dimension=action", "si_value=45", "si_unit=J·s"]),
            q("I want 1cds in this room!", "1cds", ["value=1", "unit=cd·s", "dimension=luminous intensity·time", "si_value=1", "si_unit=cd·s"]),
            q("The lamp gives 800 cd.", "800 cd", ["value=800", "unit=cd", "dimension=luminous intensity", "si_value=800", "si_unit=cd"]),
            // "a"/"one" as the number before a unit, "a dozen", "a baker's dozen", "one-half".
            q("I want a gallon of beer.", "a gallon of", ["value=1", "unit=gal", "dimension=volume", "si_value=0.003785411784", "si_unit=m3"]),
            q("A kibibyte is exactly 1024 bytes.", "A kibibyte is", ["value=1", "unit=KiB", "dimension=data", "si_value=1024", "si_unit=B"]),
            q("Oh look, a penny!", "a penny!", ["value=1", "unit=penny", "dimension=currency"]),
            q("Oil costs $80 a barrel.", "$80 a barrel", ["value=80", "unit=USD/bbl", "dimension=currency/volume"]),
            q("I bought a dozen eggs recently.", "a dozen eggs", ["value=12", "unit=eggs", "dimension=count"]),
            q("A baker's dozen is exactly thirteen.", "A baker's dozen", ["value=13", "dimension=count"]),
            q("They sold a dozen.", "a dozen", ["value=12", "dimension=count"]),
            // "pm"/"am" are lengths only after a number that cannot be a time of day.
            q("This nano grid has a size of 2.1 pm.", "2.1 pm.", ["value=2.1", "unit=pm", "dimension=length", "si_value=2.1e-12", "si_unit=m"]),
            q("This nano grid has a size of 2.123 am.", "2.123 am.", ["value=2.123", "unit=am", "dimension=length", "si_value=2.123e-18", "si_unit=m"]),
            q("The town is approximately one-half miles east.", "one-half miles", ["value=0.5", "unit=mi", "dimension=length", "si_value=804.672", "si_unit=m", "approx=true"]),
            // Durations measured after "after", and in two parts (the first part's value).
            q("The battery failed after three days, ending the mission.", "three days", ["value=3", "unit=d", "dimension=time", "si_value=259200", "si_unit=s"]),
            // Currency symbols of the whole Unicode block, and the rand's glued letter.
            q("It has launched a R1 trillion health scheme.", "R1 trillion", ["value=1000000000000", "unit=ZAR", "dimension=currency"]),
            q("Ukraine spent ₴5 billion on drones.", "₴5 billion on drones", ["value=5000000000", "unit=UAH", "dimension=currency"]),
            q("The fee is 200 ₴.", "200 ₴", ["value=200", "unit=UAH", "dimension=currency"]),
            // A spelled count of a plural noun the counted-noun list lacks (by part of speech).
            q("Russia flew twelve sorties over the region.", "twelve sorties", ["value=12", "unit=sorties", "dimension=count"]),
            // A duration in two parts is one figure: the second part converted and added.
            q("How will I look twenty-one years and six months from now?", "twenty-one years and six months", ["value=21.5", "unit=yr", "dimension=time", "si_value=678488400", "si_unit=s"]),
            q("The talks lasted two hours and ten minutes.", "two hours and ten minutes", ["value=2.1666666666666665", "unit=h", "dimension=time", "si_value=7800", "si_unit=s"]),
            q("The talks lasted 2 hours 30 minutes.", "2 hours 30 minutes", ["value=2.5", "unit=h", "dimension=time", "si_value=9000", "si_unit=s"]),
            q("The siege lasted 3 years, 2 months, 14 days, and 16 hours.", "3 years, 2 months, 14 days, and 16 hours", ["value=3.206821811544604", "unit=yr", "dimension=time", "si_value=101199600", "si_unit=s"]),
            q("The crossing took 1 day and 6 hours.", "1 day and 6 hours", ["value=1.25", "unit=d", "dimension=time", "si_value=108000", "si_unit=s"]),
            q("The pilot is 5 feet 11 inches tall.", "5 feet 11 inches", ["value=5.916666666666666", "unit=ft", "dimension=length", "si_value=1.8034", "si_unit=m"]),
            q("The parcel weighed 6 lb 4 oz.", "6 lb 4 oz", ["value=6.25", "unit=lb", "dimension=mass", "si_value=2.8349523125", "si_unit=kg"]),
            // Parts that are not one measure (same or larger unit, other dimension): a figure each.
            q("Sentences of 2 years and 3 years were handed down.", "2 years", ["value=2", "unit=yr", "dimension=time", "si_value=63115200", "si_unit=s"]),
            q("Sentences of 2 years and 3 years were handed down.", "3 years", ["value=3", "unit=yr", "dimension=time", "si_value=94672800", "si_unit=s"]),
            q("The chip runs at 2.80 GHz 8 MB cache.", "8 MB", ["value=8", "unit=MB", "dimension=data", "si_value=8000000", "si_unit=B"]),
            // Ninth round (probe sentences): model names before a counted noun, the noun as
            // the first word after the number, ranges after a verb of ranging, ratios and
            // multipliers, levels passed, restricted durations, counts per unit of time, and
            // a difference of temperature (no offset).
            q("The brigade received 31 Abrams tanks.", "31 Abrams tanks", ["value=31", "unit=tanks", "dimension=count"]),
            q("Ukraine received 18 M777 howitzers from Canada.", "18 M777 howitzers", ["value=18", "unit=howitzers", "dimension=count"]),
            q("Germany has 225 Leopard 2 tanks in service.", "225 Leopard 2 tanks", ["value=225", "unit=tanks", "dimension=count"]),
            q("The United States deployed two B-52 bombers to the region.", "two B-52 bombers", ["value=2", "unit=bombers", "dimension=count"]),
            q("About 10 people were injured in the blast.", "10 people", ["value=10", "unit=people", "dimension=count", "approx=true"]),
            q("The strike killed at least 45 people and wounded 120.", "at least 45", ["value=45", "unit=people", "dimension=count", "bound=min"]),
            q("The navy operates 370 ships and submarines.", "370 ships", ["value=370", "unit=ships", "dimension=count"]),
            q("Estimates of casualties range from 30,000 to 50,000.", "30,000 to 50,000", ["low=30000", "high=50000"]),
            q("Russia enjoys a 3:1 advantage in artillery.", "3:1 advantage", ["value=3", "unit=times", "dimension=ratio"]),
            q("Europe produces half as much ammunition as it needs.", "half as much", ["value=0.5", "unit=times", "dimension=ratio"]),
            q("Russia fires three times as many shells as Ukraine.", "three times as", ["value=3", "unit=times", "dimension=ratio"]),
            q("Shell output increased by 2.5 times in a year.", "by 2.5 times", ["value=2.5", "unit=times", "dimension=ratio", "change=rise"]),
            q("The occupied area shrank by one-third.", "one-third", ["value=0.3333333333333333", "unit=fraction", "dimension=ratio", "change=fall"]),
            q("The death toll passed 30,000 in February.", "30,000", ["value=30000"]),
            q("The ceasefire lasted only three days.", "three days", ["value=3", "unit=d", "dimension=time", "si_value=259200", "si_unit=s"]),
            q("Russian guns fire roughly 10,000 shells a day.", "10,000 shells", ["value=10000", "unit=shells/d", "dimension=count/time", "approx=true"]),
            q("Ammunition output reached 2 million rounds per month.", "2 million rounds", ["value=2000000", "unit=rounds/mo", "dimension=count/time"]),
            q("Global temperatures have risen by 1.5°C since pre-industrial times.", "1.5°C", ["value=1.5", "unit=degC", "dimension=temperature", "si_value=1.5", "si_unit=K", "change=rise"]),
            q("Temperatures reached 45°C in July.", "45°C", ["value=45", "unit=degC", "dimension=temperature", "si_value=318.15", "si_unit=K"]),
            q("The contingent grew to 5,000 by the summer.", "5,000 by", ["value=5000", "change=rise"]),
            q("The figure was 4,500 at the end of the year.", "4,500 at", ["value=4500"]),
            q("Attacks rose from 2,000 in 2022 to 4,000 in 2024.", "rose from 2,000 in 2022 to 4,000", ["value=4000", "from=2000", "change=rise"]),
            q("The army will need 1,000 or more drones a day.", "1,000 or more drones", ["value=1000", "unit=drones/d", "dimension=count/time", "bound=min"]),
            q("Leaders from 20 or so countries will meet.", "20 or so countries", ["value=20", "unit=countries", "dimension=count", "approx=true"]),
            q("Drone use quintupled in a year.", "quintupled", ["value=5", "unit=times", "dimension=ratio", "change=rise"]),
            q("The deal freed 109 of the detainees in Gaza.", "109 of the detainees", ["value=109", "unit=detainees", "dimension=count"]),
            q("They cut forces by a third within one year.", "a third", ["value=0.3333333333333333", "unit=fraction", "dimension=ratio", "change=fall"]),
            q("Malaria takes two lives every minute.", "two lives", ["value=2", "unit=lives/min", "dimension=count/time"]),
            q("Counterfeit medicines lead to 800,000 deaths a year.", "800,000 deaths", ["value=800000", "unit=deaths/yr", "dimension=count/time"]),
            q("Daily losses varied between 200 and 300 in the spring.", "200 and 300", ["low=200", "high=300"]),
            q("Britain will send a 1,000-strong force to Estonia.", "1,000-strong", ["value=1000", "unit=force", "dimension=count"]),
            q("A 700,000-strong Indian occupation army is deployed.", "700,000-strong", ["value=700000", "unit=army", "dimension=count"]),
            q("The number of attacks rose to 300 last year.", "300 last", ["value=300", "change=rise"]),
            // Tenth round (probe sentences): counts with three or four modifiers, plural
            // demonyms, vote counts, table lines, hedges of scale, spelled durations as a
            // predicate or a range, fractions in sixths and eighths.
            q("Kyiv has received 12 newly delivered long-range air-defence systems since March.", "12 newly delivered long-range air-defence systems", ["value=12", "unit=systems", "dimension=count"]),
            q("Germany pledged three additional Patriot air defence batteries.", "three additional Patriot air defence batteries", ["value=3", "unit=batteries", "dimension=count"]),
            q("The navy commissioned four new Type 26 anti-submarine frigates.", "four new Type 26 anti-submarine frigates", ["value=4", "unit=frigates", "dimension=count"]),
            q("Pakistan deported 500,000 Afghans last year.", "500,000 Afghans", ["value=500000", "unit=afghans", "dimension=count"]),
            q("Only three voted against and four abstained.", "four abstained", ["value=4"]),
            q("Fatalities in 2023: 8,419.", "8,419.", ["value=8419", "unit=fatalities", "dimension=count"]),
            q("Casualties are in the region of 20,000.", "in the region of 20,000", ["value=20000", "approx=true"]),
            q("Training a pilot takes three to five years.", "three to five years", ["low=3", "high=5", "unit=yr", "dimension=time", "si_low=94672800", "si_high=157788000", "si_unit=s"]),
            q("The presidential term is five years.", "five years", ["value=5", "unit=yr", "dimension=time", "si_value=157788000", "si_unit=s"]),
            q("Nine-tenths of the budget goes on salaries.", "Nine-tenths of the", ["value=0.9", "unit=fraction", "dimension=ratio"]),
            q("A sixth of the population has fled abroad.", "A sixth of the", ["value=0.16666666666666666", "unit=fraction", "dimension=ratio"]),
            q("Output was cut by an eighth.", "an eighth", ["value=0.125", "unit=fraction", "dimension=ratio", "change=fall"]),
            // Eleventh round (h-fig8): forms found with probe sentences.
            q("The clerics declared three days of mourning.", "three days of mourning", ["value=3", "unit=d", "dimension=time", "si_value=259200", "si_unit=s"]),
            q("The mandate was extended by a year.", "a year", ["value=1", "unit=yr", "dimension=time", "si_value=31557600", "si_unit=s"]),
            q("The mission's mandate runs for another two years.", "another two years", ["value=2", "unit=yr", "dimension=time", "si_value=63115200", "si_unit=s"]),
            q("Hypersonic missiles fly at Mach 5.", "Mach 5", ["value=5", "unit=mach", "dimension=speed", "si_value=1701.5", "si_unit=m/s"]),
            q("Estimates put the death toll between 8,000 and 12,000.", "8,000 and 12,000", ["low=8000", "high=12000"]),
            q("Estimates put the death toll at 8,000.", "8,000.", ["value=8000"]),
            q("The smaller parties won seats (14 in total).", "14 in total", ["value=14"]),
            q("The US sent 300,000 rounds of 155 mm ammunition.", "300,000 rounds", ["value=300000", "unit=rounds", "dimension=count"]),
            q("Ukraine has lost 40 F-16 pilots.", "40 F-16 pilots", ["value=40", "unit=pilots", "dimension=count"]),
            q("The islands have hundreds of miles of unguarded shoreline.", "hundreds", ["low=100", "high=1000", "unit=mi", "dimension=length", "si_low=160934.4", "si_high=1609344", "si_unit=m", "approx=true"]),
        ]
    }

    /// Not figures (TAGGING.md): years, dates, ordinals, document, footnote and phone
    /// numbers, calibres ("122 mm rockets" names a kind of ammunition), model names, "the
    /// two countries", durations that place an event in time, and the words "twice",
    /// "one", "doubled" where they count nothing. No figure match overlaps `text`.
    struct NotCase { var sentence: String; var text: String; var line: UInt }
    func n(_ sentence: String, _ text: String, line: UInt = #line) -> NotCase {
        NotCase(sentence: sentence, text: text, line: line)
    }

    var notFigures: [NotCase] {
        [
            n("In 2023 the war entered its second year.", "2023"),
            n("The summit took place on 16 May 2024.", "16"),
            n("The deadline is 16/05/2024.", "16/05/2024"),
            n("The 21st century began.", "21st"),
            n("Xi began his fifth term.", "fifth"),
            n("Resolution 2231 was adopted by the council.", "2231"),
            n("Article 5 states that an attack on one is an attack on all.", "5"),
            n("See footnote 12 for the source.", "12"),
            n("Call +44 20 7946 0958 for details.", "7946"),
            n("Russia fired 122 mm rockets at the town.", "122 mm"),
            n("Ukraine needs 155-mm shells.", "155-mm"),
            n("The air force flies F-16 fighters.", "F-16"),
            n("Turkey bought S-400 systems.", "S-400"),
            n("The two countries signed a treaty.", "two countries"),
            n("The four oblasts were annexed.", "four oblasts"),
            n("Cooperation between the three sides deepened.", "three sides"),
            n("Two years later, the review was updated.", "Two years"),
            n("It has grown over the last 30 years.", "30 years"),
            n("Three days earlier, the minister resigned.", "Three days"),
            n("He spent 22 years as a diplomat.", "22 years"),
            n("She has more than 15 years of experience in defence policy.", "15 years"),
            n("He brings 20 years of experience in intelligence.", "20 years"),
            n("She holds a PhD and has taught for 12 years.", "12 years"),
            n("He visited Moscow twice.", "twice"),
            n("One in Kabul said so.", "One"),
            n("Moscow doubled down on its demands.", "doubled"),
            n("Voyager 2 in 1979 took the picture.", "2 in"),
            n("The class is English 101.", "101"),
            n("Russia will not cede an inch of territory.", "an inch"),
            n("The plan sits in a gray area.", "a gray"),
            n("Model 3e is a car.", "3e"),
            n("The R2 road runs north.", "R2"),
            n("The talks began at 6.30 pm.", "6.30 pm"),
            n("The talks began at 11 am.", "11 am"),
            n("The talks began at 6:30 pm.", "30 pm"),
            n("The ceasefire was extended to 12 May.", "12"),
            n("This paper is composed of three chapters.", "three chapters"),
            n("It overlooked Africa's two largest democracies.", "two largest democracies"),
            n("Two days after the vote, he resigned.", "Two days"),
            n("In 2022 and 2023 years passed quickly.", "2022"),
            n("Russia fired 122 and 152 mm shells.", "122 and 152 mm"),
            n("It was a gross violation of the memorandum.", "a gross"),
            n("The plan runs in three broad phases: a defence, a pause and a counter-offensive.", "three broad phases"),
            n("Gross domestic product fell by a gross amount.", "gross"),
            n("Half the battle is showing up.", "Half"),
            n("Spending rose from 2014 to 2022.", "2014"),
            n("The firm sold 10 PCs.", "10 PCs"),
            n("The RS 28 Sarmat is a heavy missile.", "28"),
            n("Two factors explain the decline.", "Two factors"),
            // Eighth round: references, windows, idioms and questions of the UN speeches.
            n("The friendship between our two countries is long standing.", "two countries"),
            n("The five permanent members bear a special responsibility.", "five permanent members"),
            n("At the past four sessions the Assembly adopted such resolutions.", "four sessions"),
            n("At its last three sessions the Assembly adopted resolutions.", "three sessions"),
            n("Help came from the four quarters of the globe.", "four quarters"),
            n("Would $100 billion a year really be enough to meet the need?", "$100 billion"),
            n("Articles 33 and 51 which give Member States the right of defence remain valid.", "51"),
            n("Inflation hit a 40-year high in October.", "40-year"),
            // Ninth round (probe sentences): document numbers before a verb, idioms, a plan's
            // name, a date before a demonym, a time of day.
            n("UN Security Council Resolution 1325 calls for women's participation.", "1325"),
            n("Table 2 lists the programmes by cost.", "2"),
            n("The 24-hour news cycle rewards outrage.", "24-hour"),
            n("We are 100% behind Ukraine.", "100%"),
            n("The government is 100 percent committed to the reform.", "100 percent"),
            n("The alliance adopted a 360-degree approach to security.", "360-degree"),
            n("China's 14th Five-Year Plan prioritises chips.", "Five-Year"),
            n("On 24 February Russian tanks crossed the border.", "24"),
            n("The meeting starts at 10:30 with a briefing.", "10:30"),
            n("TSMC makes 3nm chips in Taiwan.", "3nm"),
            // Tenth round (probe sentences): a capitalised noun before the number labels it,
            // year ranges, formats named by their members, a rank, a date range's dash, a
            // development goal, a date's ordinal, the first days of a period.
            n("Executive Order 14024 targets Russian entities.", "14024"),
            n("The AUKUS Pillar 2 projects are slow.", "2"),
            n("The research drew on 61 interviews (see Table 1).", "Table 1"),
            n("In 2022-23 imports fell.", "23"),
            n("India and the US held their 2+2 talks.", "2 talks"),
            n("The P5+1 negotiators reached a deal.", "1"),
            n("India is among the top five arms importers.", "five"),
            n("The summit takes place on 9–11 July.", "9"),
            n("The 9/11 attacks changed US policy.", "11"),
            n("Let us be reminded that SDG 16.4 aims at reducing illicit arms flows.", "16.4"),
            n("The vote is on the twenty sixth of June.", "sixth"),
            n("The first 100 days set the tone.", "100"),
            n("That was seven and a half decades ago.", "seven"),
            // Eleventh round (h-fig8): idioms, structures, names, ranks, times of day.
            n("I have told them dozens of times that the plan will fail.", "dozens"),
            n("The war feels thousands of miles away for most Americans.", "thousands"),
            n("Hundreds of years ago the city was a trading hub.", "Hundreds"),
            n("For thousands of years the people of Lebanon have traded.", "thousands"),
            n("The problem is twofold: money and time.", "twofold"),
            n("Musharraf risked war with India twice that year.", "twice"),
            n("The Group of 20 meets in Rio.", "20"),
            n("The Minsk 2 agreement was never implemented.", "2"),
            n("Mali ranks 186th of 191 countries in the index.", "191"),
            n("The strike happened around 2 o'clock in the morning.", "2"),
            n("For the first time in 30 years, the budget is balanced.", "30"),
            n("Europe faces a shortage of 155 mm shells.", "155"),
        ]
    }

    func testFigureTable() {
        XCTAssertGreaterThanOrEqual(figures.count, 150)
        for t in figures {
            let found = figureMatches(t.sentence)
            guard let m = found.first(where: { $0.text == t.text }) else {
                XCTFail("no figure '\(t.text)' in: \(t.sentence); got \(found.map(\.text))", line: t.line)
                continue
            }
            XCTAssertEqual(m.fields, t.expected, t.sentence, line: t.line)
        }
    }

    func testNotFigures() {
        for t in notFigures {
            guard let r = t.sentence.range(of: t.text) else { XCTFail("\(t.text) not in \(t.sentence)"); continue }
            let a = t.sentence.utf8.distance(from: t.sentence.startIndex, to: r.lowerBound)
            let span = a..<(a + t.text.utf8.count)
            let hits = figureMatches(t.sentence).filter { $0.range.overlaps(span) }
            XCTAssertEqual(hits.map(\.text), [], t.sentence, line: t.line)
        }
    }

    /// A match with two quantities is two figure tags, each with the captures inside it;
    /// the rule's examples still see the whole match.
    func testTwoQuantitiesInOneMatchAreTwoTags() {
        let s = "They were given 45 and 50 mg ethanol."
        let found = Self.rules.matches(s).filter { $0.tag == .figure }
        XCTAssertEqual(found.map { text(s, $0.range) }, ["45", "50 mg"])
        XCTAssertEqual(found.map { $0.captures.map(\.name) }, [["value"], ["also", "unit"]])
        XCTAssertEqual(found.map(\.ruleID), ["figure.measure-coordinated", "figure.measure-coordinated"])
    }

    func figureMatches(_ sentence: String) -> [(text: String, range: Range<Int>, fields: [String])] {
        Self.rules.matches(sentence).filter { $0.tag == .figure }.map { m in
            (text(sentence, m.range), m.range, m.fields.map(render))
        }
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
