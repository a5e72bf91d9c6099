#!/usr/bin/env python3
"""Generates the figure paradigm (eval/paradigm-figure/paradigm.tsv): brief-like sentences that
cross the quantity forms rules/TAGGING.md names (figure) with sentence frames, and the
counterparts TAGGING.md says are no figure. Labels are written here, by construction, before
any output is seen: every sentence of a positive form reports a quantity (`+`), every sentence
of a negative form reports none (`-`). No sentence is drawn from a document.

    python3 eval/paradigm-figure/generate.py > eval/paradigm-figure/paradigm.tsv

Columns (tab-separated): label, class, form, frame, quantity (the words that must be tagged, or
the counterpart that must not), sentence. Deterministic (no randomness).
"""

# ---------------------------------------------------------------- quantity forms
# (class, quantity phrase). Noun-phrase forms, grouped by what they measure, so that each
# group is crossed with frames whose grammar fits it.

COUNT_NOUNS = ["troops", "soldiers", "tanks", "drones", "missiles", "refugees", "casualties",
               "people", "agreements", "companies", "countries", "members"]

# numbers that count (each is crossed with a few nouns, cycling, so every noun meets every class)
COUNT_NUMBERS = [
    ("digits", "40"), ("digits-sep", "1,200"), ("digits-sep", "12,500"), ("digits-sep", "1,234,567"),
    ("decimal-scale", "1.2 million"), ("decimal-scale", "3.5m"), ("scale-word", "two million"),
    ("scale-word", "2 million"), ("spelled", "twenty-five"), ("spelled", "seventeen"),
    ("spelled", "three hundred"), ("dozen", "a dozen"), ("dozen", "two dozen"),
    ("half-scale", "half a million"), ("hedge", "about 300"), ("hedge", "nearly 4,000"),
    ("hedge", "more than 40"), ("hedge", "up to 150"), ("hedge", "at least 17"),
    ("hedge", "some 250"), ("hedge", "roughly 2,000"), ("hedge", "an estimated 30,000"),
    ("hedge", "almost 900"), ("hedge", "over 5,000"), ("hedge", "fewer than 100"),
    ("hedge", "around 60"), ("hedge", "approximately 8,000"),
    ("range", "10-20"), ("range", "between 50 and 70"), ("range", "200 to 300"),
    ("range", "5,000-7,000"), ("vague", "tens of thousands of"), ("vague", "hundreds of"),
    ("vague", "thousands of"), ("vague", "dozens of"),
]

MONEY = [
    ("cur-symbol", "$3.4bn"), ("cur-symbol", "$1tn"), ("cur-symbol", "$500 million"),
    ("cur-symbol", "$1.2 billion"), ("cur-symbol", "€500m"), ("cur-symbol", "€2 billion"),
    ("cur-symbol", "£2.3 billion"), ("cur-symbol", "£750,000"), ("cur-symbol", "$12,000"),
    ("cur-us", "US$1.2 billion"), ("cur-us", "US$ 40 million"), ("cur-us", "US$3bn"),
    ("cur-code", "RUB 1.776 trillion"), ("cur-code", "EUR 300 million"), ("cur-code", "USD 2.5bn"),
    ("cur-code", "300 billion USD"), ("cur-code", "CNY 80 billion"), ("cur-code", "GBP 45m"),
    ("cur-name", "12 billion yuan"), ("cur-name", "40 million euros"), ("cur-name", "1.5 trillion roubles"),
    ("cur-name", "600 million dollars"), ("cur-name", "3 billion pounds"), ("cur-name", "250 million rubles"),
    ("cur-name", "two billion dollars"), ("cur-name", "five million euros"),
    ("cur-hedge", "about $5bn"), ("cur-hedge", "more than €20m"), ("cur-hedge", "nearly £1 billion"),
    ("cur-hedge", "up to $300 million"), ("cur-hedge", "an estimated $40 billion"),
    ("cur-hedge", "roughly 2 trillion yuan"),
    ("cur-range", "$10-20 billion"), ("cur-range", "between $5 and $7 billion"),
    ("cur-range", "€3-4bn"), ("cur-range", "between 5 and 7 billion euros"),
    ("cur-scale-word", "1.2 trillion"), ("cur-scale-word", "$2.174T"),
]

PERCENT = [
    ("pct-sign", "12%"), ("pct-sign", "12.5%"), ("pct-sign", "0.7%"), ("pct-per-cent", "12 per cent"),
    ("pct-percent", "12 percent"), ("pct-spelled", "twelve per cent"), ("pct-spelled", "forty percent"),
    ("pct-hedge", "about 40%"), ("pct-hedge", "nearly 60 per cent"), ("pct-hedge", "more than 70 percent"),
    ("pct-hedge", "less than 5%"), ("pct-hedge", "almost a quarter"), ("pct-range", "10-20%"),
    ("pct-range", "between 5 and 7 per cent"), ("pct-range", "10 to 15 percent"),
]

# shares used as a subject with "of respondents"
FRACTIONS = [
    ("fraction", "a third of"), ("fraction", "half of"), ("fraction", "two-thirds of"),
    ("fraction", "three-quarters of"), ("fraction", "a quarter of"), ("fraction", "one in five"),
    ("fraction", "nearly half of"), ("fraction", "more than a third of"),
    ("pct-sign", "45% of"), ("pct-per-cent", "45 per cent of"), ("pct-percent", "45 percent of"),
]

MEASURES = [
    ("unit-km", "1,200 km"), ("unit-km", "500 kilometres"), ("unit-km", "about 80 km"),
    ("unit-tonnes", "2 million tonnes"), ("unit-tonnes", "40,000 tonnes"), ("unit-tonnes", "3.5m tonnes"),
    ("unit-bpd", "1.5 million barrels per day"), ("unit-bpd", "500,000 barrels a day"), ("unit-bpd", "2.3m b/d"),
    ("unit-bcm", "50 bcm"), ("unit-bcm", "15 billion cubic metres"), ("unit-mw", "300 MW"),
    ("unit-mw", "2.5 GW"), ("unit-mw", "1,100 megawatts"), ("unit-mw", "12 gigawatts"),
    ("unit-area", "4,000 square kilometres"), ("unit-area", "1,000 km2"), ("unit-ha", "20,000 hectares"),
]

RATES = [
    ("rate", "$50 per barrel"), ("rate", "$12,000 per capita"), ("rate", "500 refugees a day"),
    ("rate", "2 million tonnes a year"), ("rate", "3% per year"), ("rate", "€100 per person"),
    ("rate", "$30bn a year"), ("rate", "40 bcm per year"), ("rate", "200 drones a week"),
    ("rate", "1,000 people per month"),
]

DURATIONS = [
    ("duration", "for three years"), ("duration", "for six months"), ("duration", "for 18 months"),
    ("duration", "for nearly a decade"), ("duration", "for two weeks"), ("duration", "for more than 40 days"),
    ("duration", "for about a year"), ("duration", "for 30 years"),
]

MOVES = [  # past-tense predicates of "Defence spending ..." and "The number of refugees ..."
    ("move-by-pct", "rose by 12%"), ("move-by-pct", "fell by 3.5 per cent"), ("move-by-pct", "grew 7 percent"),
    ("move-to", "fell to 3.2 per cent"), ("move-to", "rose to $90bn"), ("move-to", "climbed to 1.1 million"),
    ("move-from-to", "rose from 40,000 to 65,000"), ("move-from-to", "fell from 8% to 5%"),
    ("move-from-to", "grew from $2bn to $3bn"), ("move-pp", "rose by 3 percentage points"),
    ("move-pp", "fell by 2.5 pp"), ("move-pp", "dropped 4 points"), ("multiplier", "doubled"),
    ("multiplier", "tripled"), ("multiplier", "halved"), ("multiplier", "quadrupled"),
    ("multiplier", "saw a twofold increase"), ("multiplier", "saw a threefold rise"),
    ("multiplier", "increased fivefold"), ("move-share", "fell by a third"), ("move-share", "rose by half"),
    ("move-by-cur", "increased by €4bn"), ("move-by-cur", "declined by $300 million"),
    ("move-by-count", "increased by 2,000"), ("move-hedge", "rose by about 15%"),
    ("move-hedge", "fell by more than a quarter"),
]

# ---------------------------------------------------------------- frames
COUNT_FRAMES = [
    ("colon", "The toll so far: {Q}."),
    ("dash", "The force – {Q} in all – is exhausted."),
    ("quote", "\u201cWe have {Q},\u201d the minister said."),
    ("subject", "{Q} were reported in the region last month."),
    ("object", "The report counts {Q} across the region."),
    ("after-prep", "The ministry's plan concerns {Q} in the eastern provinces."),
    ("paren", "The border district (home to {Q}) remains tense."),
    ("list", "The agreement covers training, {Q} and ammunition stocks."),
    ("there-are", "In the north alone there are now {Q}."),
]
MONEY_FRAMES = [
    ("colon", "The cost of the war so far: {Q}."),
    ("dash", "The aid – {Q} in all – arrived late."),
    ("quote", "\u201cWe need {Q},\u201d the minister said."),
    ("object", "The government allocated {Q} to reconstruction."),
    ("subject", "{Q} was pledged at the donor conference."),
    ("paren", "The fund (worth {Q}) was launched in May."),
    ("after-prep", "Kyiv asked for {Q} in budget support."),
    ("list", "Donors offered loans, grants and {Q} in guarantees."),
    ("deficit", "The deficit reached {Q}, the ministry said."),
]
PERCENT_FRAMES = [
    ("predicate", "Turnout reached {Q} in the capital."),
    ("stands-at", "Support for the deal stands at {Q}, the poll shows."),
    ("paren", "The ruling party's share ({Q}) was its lowest since independence."),
    ("after-prep", "Inflation eased to {Q} in the autumn."),
]
FRACTION_FRAMES = [
    ("subject", "{Q} respondents backed the plan."),
    ("after-prep", "The survey found support among {Q} voters."),
    ("object", "The tariff affects {Q} the country's exports."),
]
MEASURE_FRAMES = [
    ("object", "The pipeline can carry {Q}."),
    ("subject", "{Q} of capacity were added last year."),
    ("paren", "The new line ({Q}) opened in March."),
    ("after-prep", "Exports grew to {Q} under the deal."),
]
RATE_FRAMES = [
    ("predicate", "The cost was put at {Q}, officials said."),
    ("paren", "The scheme (at {Q}) was approved by parliament."),
]
DURATION_FRAMES = [
    ("after-verb", "The ceasefire held {Q}."),
    ("perfect", "The sanctions have been in force {Q}."),
    ("clause", "Talks were suspended {Q} after the coup."),
]
MOVE_FRAMES = [
    ("spending", "Defence spending {Q} last year."),
    ("refugees", "The number of refugees {Q} after the offensive."),
    ("exports", "Russian oil exports to India {Q} in 2023."),
]

# written as a negative (a calibre) at first, but it counts the rounds: relabelled `+` after
# the first run (README.md), and its negative rewritten without the count
RELABELLED = [("count-calibre", "a million 155mm rounds", "Europe promised a million 155mm rounds.")]

# sentence-initial spelled numerals (capitalised)
INITIAL = [
    "Twenty soldiers were killed in the attack.",
    "Twenty-five companies signed the charter.",
    "Three hundred refugees crossed the border on Tuesday.",
    "Fifteen per cent of the budget goes to defence.",
    "Forty countries joined the coalition.",
    "Two thousand troops will rotate out in June.",
    "Seventeen agreements were signed during the visit.",
    "Half of the respondents oppose the reform.",
    "A third of the fleet is under repair.",
    "A dozen drones were shot down overnight.",
    "Two-thirds of voters backed the referendum.",
    "Nine members of parliament resigned.",
    "Thousands of people fled the city.",
    "Dozens of missiles struck the port.",
    "Hundreds of casualties were reported.",
    "Six months of talks produced no agreement.",
    "Three years of war have cost the economy dearly.",
    "Ten tanks and 40 armoured vehicles were delivered.",
]

# ---------------------------------------------------------------- batch 2: harder forms
# counts with modifiers between the number and the noun, nouns outside the count lexicon
MODIFIED_COUNTS = [
    ("count-modified", "1,200 Russian troops"), ("count-modified", "40 new companies"),
    ("count-modified", "seventeen bilateral agreements"), ("count-modified", "10 jointly signed agreements"),
    ("count-modified", "6,000 nuclear warheads"), ("count-modified", "30,000 contract soldiers"),
    ("count-modified", "three cooperation agreements"), ("count-modified", "twenty-five member states"),
    ("count-modified", "some 500 foreign fighters"), ("count-modified", "about 2,000 civilian casualties"),
    ("count-other-noun", "20 vessels"), ("count-other-noun", "300 tankers"), ("count-other-noun", "60 satellites"),
    ("count-other-noun", "12 journalists"), ("count-other-noun", "45 banks"), ("count-other-noun", "80 projects"),
    ("count-other-noun", "14 sanctions packages"), ("count-other-noun", "400 detainees"),
    ("count-other-noun", "nine warships"), ("count-other-noun", "eleven hostages"),
    ("count-further", "a further 5,000 troops"), ("count-further", "another 3,000 refugees"),
    ("count-further", "an additional 200 drones"), ("count-further", "a record 3.2 million people"),
    ("count-spelled-big", "one hundred and twenty soldiers"), ("count-spelled-big", "two and a half million people"),
    ("count-spelled-big", "a hundred soldiers"), ("count-spelled-big", "a million refugees"),
    ("count-spelled-big", "several thousand troops"), ("count-spelled-big", "a few hundred protesters"),
]
MODIFIED_FRAMES = [
    ("subject", "{Q} were involved, officials said."),
    ("object", "The report lists {Q}."),
    ("with", "The mission, with {Q}, was extended."),
    ("including", "The deal, including {Q}, was approved."),
]
NOMINAL_MOVES = [
    ("move-nominal", "a 12% increase"), ("move-nominal", "a drop of 3 per cent"),
    ("move-nominal", "an increase of $4bn"), ("move-nominal", "a rise of 40,000"),
    ("move-nominal", "a fall of 15 percent"), ("move-nominal", "a 5% cut"),
    ("move-nominal", "a decline of 2.5 percentage points"), ("move-nominal", "a $2bn rise"),
    ("move-nominal", "a threefold increase"), ("move-nominal", "a jump of 300,000"),
]
NOMINAL_FRAMES = [
    ("subject", "{Q} was recorded in the first quarter."),
    ("after-prep", "The ministry reported {Q} in arrivals."),
]
COMPOUND_ADJ = [
    ("compound-adj", "a 30-day ceasefire"), ("compound-adj", "a 2,000-strong force"),
    ("compound-adj", "the 1,000-km front line"), ("compound-adj", "a $1bn loan"),
    ("compound-adj", "a 20% stake"), ("compound-adj", "a 30-year gas deal"),
    ("compound-adj", "a two-year programme"), ("compound-adj", "a 7,000-word statement"),
    ("compound-adj", "a 500-kilometre pipeline"), ("compound-adj", "a six-month extension"),
    ("compound-adj", "a 10-point plan"), ("compound-adj", "a 40,000-strong army"),
]
COMPOUND_FRAMES = [
    ("object", "The parties agreed {Q}."),
    ("subject", "{Q} was announced on Monday."),
]
MOVE_COUNTS = [
    ("move-by-count", "increased by 2,000"), ("move-by-count", "fell by 200,000"),
    ("move-by-count", "grew by some 40,000"), ("move-by-count", "dropped by nearly 3,000"),
    ("move-to", "reached 1.2 million"), ("move-to", "hit a record 9.1%"),
]
DURATIONS2 = [
    ("duration-hedged", "for nearly a decade"), ("duration-hedged", "for about a year"),
    ("duration-hedged", "for more than a decade"), ("duration-hedged", "for almost two years"),
    ("duration-hedged", "for over a month"), ("duration-hedged", "for at least six months"),
    ("duration-spelled", "for twenty years"), ("duration-spelled", "for a decade"),
]
DURATION_FRAMES2 = [
    ("suspended", "Talks were suspended {Q} after the coup."),
    ("lasted", "The siege lasted {Q}."),
    ("ruled", "The junta has ruled the country {Q}."),
]

# ---------------------------------------------------------------- batch 3 (after the first mends)
# written after the first run, to test the classes the first run showed (durations after
# any verb, time served or waited, shares with the whole left out) in more frames
DURATIONS3 = [
    ("duration-verb", "served six months"), ("duration-verb", "served more than a year"),
    ("duration-verb", "waited three years"), ("duration-verb", "spent nearly a decade"),
    ("duration-verb", "lasted a quarter-century"), ("duration-verb", "lasted nearly half a century"),
    ("duration-verb", "stayed for about a year"), ("duration-verb", "governed for over a decade"),
]
DURATION_FRAMES3 = [
    ("subject", "The opposition leader {Q} before the amnesty."),
    ("relative", "The envoy, who {Q} in Kabul, resigned."),
]
SHARES3 = [
    ("share-elided", "accounts for nearly a third"), ("share-elided", "makes up half"),
    ("share-elided", "won two-thirds"), ("share-elided", "controls roughly a fifth"),
]
SHARE_FRAMES3 = [
    ("clause-end", "China {Q}."), ("before-comma", "By most estimates, the region {Q}, officials say."),
]
NEG3 = [
    ("model", "Leopard 2", "Germany sent Leopard 2 tanks to Ukraine."),
    ("model", "Challenger 2", "Britain supplied Challenger 2 tanks."),
    ("model", "Type 055", "China launched Type 055 destroyers."),
    ("named-group", "Group of 77", "The Group of 77 and China supports the proposal."),
    ("named-group", "the Twelve", "The Twelve have adopted a common position."),
    ("ordinal", "fifty-ninth session", "The fifty-ninth session of the General Assembly opened today."),
    ("ordinal", "Sixth Committee", "The Sixth Committee considered the draft."),
    ("ordinal", "twenty-first century", "The twenty-first century must be one of peace."),
    ("decade", "the eighties", "In the eighties the debt crisis hit Latin America."),
    ("document", "resolutions 242 (1967) and 338 (1973)", "Security Council resolutions 242 (1967) and 338 (1973) must be implemented."),
    ("document", "Chapter VII", "Chapter VII of the Charter allows the use of force."),
    ("document", "S/2023/456", "The report (S/2023/456) was circulated."),
    ("document", "agenda item 12", "The item was discussed under agenda item 12."),
    ("named-group", "9/11", "The 9/11 attacks changed US strategy."),
    ("named-group", "MH17", "Flight MH17 was shot down over Donbas."),
    ("named-group", "2030 Agenda", "The 2030 Agenda sets the development goals."),
    ("named-group", "Six-Party Talks", "The Six-Party Talks collapsed long ago."),
    ("reference", "two-state solution", "The two-state solution remains the only option."),
    ("reference", "one-China policy", "The one-China policy guides Washington's approach."),
    ("reference", "the two Germanys", "The two Germanys were reunited."),
    ("reference", "number one priority", "Security is the number one priority."),
    ("reference", "No. 1", "China is Russia's No. 1 trading partner."),
    ("idiom", "24/7", "The operation runs 24/7."),
    ("idiom", "50-50", "There is a 50-50 chance of a deal."),
    ("idiom", "one-off", "It was a one-off payment."),
    ("idiom", "a thousand times that", "They have proclaimed a thousand times that they will continue."),
    ("idiom", "time and again", "We have said so time and again."),
    ("year", "1967 borders", "Israel should return to the 1967 borders."),
    ("year", "2022 invasion", "The 2022 invasion changed everything."),
    ("date", "7 October", "The Hamas attack of 7 October shocked Israel."),
    ("anchor", "Ten years ago", "Ten years ago, the deal seemed impossible."),
    ("anchor", "Three years after", "Three years after the coup, no elections have been held."),
    ("anchor", "the past two decades", "In the past two decades, China has risen."),
    ("anchor", "first time in 20 years", "For the first time in 20 years, the parties met."),
    ("anchor", "60th anniversary", "The 60th anniversary of the treaty was marked."),
    ("clock", "5 am", "At 5 am the shelling resumed."),
    ("unit", "Phase 1", "Phase 1 of the ceasefire ended."),
    ("unit", "3rd Assault Brigade", "The 3rd Assault Brigade took the village."),
    ("unit", "6th Fleet", "The 6th Fleet is based in Italy."),
    ("reference", "one of the main", "One of the main risks is escalation."),
]

# ---------------------------------------------------------------- batch 4: a quantity beside a counterpart
# A positive form and a counterpart in one sentence: a veto written for the counterpart must
# not silence the quantity. The question frame is a negative: a question carries no tag
# (rules/figure.yaml, <in-question>), and the sentence after it holds no quantity.
MIX_QUANTITIES = ["1,200 troops", "300 drones", "some 40 companies", "17 agreements", "twenty-five members", "$3.4bn",
                  "\u20ac500m", "RUB 1.776 trillion", "12 billion yuan", "12%", "40 per cent of voters",
                  "a third of the budget", "2 million tonnes", "50 bcm", "300 MW", "1.5 million barrels per day",
                  "thousands of refugees", "two dozen missiles", "between 50 and 70 soldiers", "nearly 4,000 casualties",
                  "up to 150 tanks", "an estimated 30,000 people", "a 30-day ceasefire", "three cooperation agreements",
                  "10 jointly signed agreements"]
MIX_FRAMES = [
    ("resolution", "Under Resolution 2231, the plan covers {Q}."), ("article", "Citing Article 5, NATO sent {Q}."),
    ("g7-year", "At the G7 summit in 2023, leaders discussed {Q}."), ("decade", "Since the 1990s, the two countries have shared {Q}."),
    ("date", "On 16-17 May, both sides agreed on {Q}."), ("ordinal", "In its fifth term, the government approved {Q}."),
    ("model", "The F-16 deal includes {Q}."), ("model2", "After the S-400 purchase, Turkey received {Q}."),
    ("one-of", "As one of the largest donors, Japan offered {Q}."), ("calibre", "Besides 155mm shells, the package includes {Q}."),
    ("cop", "At COP28, states pledged {Q}."), ("page", "The report (p. 14) cites {Q}."),
    ("anchor", "Three years ago, the region had {Q}."), ("window", "In the past two decades, the country gained {Q}."),
    ("year-range", "The 2022-23 budget allocated {Q}."), ("two-leaders", "The two leaders said {Q} would be needed."),
    ("list-number", "Point 4 of the plan mentions {Q}."), ("first-time", "For the first time in 20 years, officials counted {Q}."),
    ("anniversary", "The 75th anniversary summit agreed on {Q}."),
]
# batch 5: the counterparts that the count rules' own vetoes are written for
MIX_FRAMES_5 = [
    ("permanent-five", "Of the five permanent members, France sent {Q}."), ("pair-between", "Between two rival blocs, the region received {Q}."),
    ("list-parts", "The plan has three priorities: first, {Q}; second, training."), ("window-count", "At the past four sessions, states pledged {Q}."),
    ("rank", "Among the top five donors, Japan gave {Q}."), ("the-two", "The two countries agreed on {Q}."),
    ("selector", "The first two rounds produced {Q}."), ("group-of-n", "The Group of 20 countries discussed {Q}."),
    ("format", "Under the 2+2 format, the sides agreed on {Q}."), ("slash-date", "The 9/11 attacks led to {Q}."),
    ("plan-parts", "Two examples stand out: {Q} and a new treaty."), ("pair-apposition", "Iran and Iraq, two neighbours, exchanged {Q}."),
    ("p5", "The P5+1 talks produced {Q}."), ("label", "Executive Order 14024 sanctions affected {Q}."),
    ("since-year", "Since 2022, the EU has provided {Q}."), ("member-states", "We, the 193 Member States, pledged {Q}."),
    ("idiom", "The 24-hour news cycle ignored {Q}."), ("resolutions", "Resolutions 242 and 338 did not prevent {Q}."),
    ("paragraph", "Paragraph 12 notes {Q}."), ("second-time", "The second time, Russia sent {Q}."),
]
MIX_QUANTITIES_5 = ["1,200 troops", "twenty-five members", "three cooperation agreements", "seventeen new companies", "$3.4bn",
                    "12%", "50 bcm", "a third of the budget", "thousands of refugees", "two dozen missiles",
                    "nearly 4,000 casualties", "a 30-day ceasefire", "a truce that held for six months", "exports that doubled"]
MIX_QUESTION = ("question", "Is it true that the army has {Q}? Officials say yes.")

# ---------------------------------------------------------------- counterparts (no figure)
NEGATIVE = [
    # years and dates alone
    ("year", "2023", "In 2023 the alliance admitted a new member."),
    ("year", "2030", "The plan remains in force until 2030."),
    ("year", "1991", "The treaty of 1991 still governs the border."),
    ("year", "2014", "Since 2014 the conflict has shaped Ukraine's politics."),
    ("year", "2022", "The elections (held in 2022) were disputed."),
    ("year", "2024", "Relations improved in 2024, after the summit."),
    ("year", "2019", "By 2019, the government had changed course."),
    ("date", "16-17 May", "On 16-17 May the leaders met in Beijing."),
    ("date", "24 February", "The invasion began on 24 February."),
    ("date", "March 3", "The ministers will meet again on March 3 in Geneva."),
    ("date", "12 June 2024", "The communiqué of 12 June 2024 repeated the demand."),
    ("date", "2022-23", "During the 2022-23 winter the grid came under attack."),
    ("decade", "the 1990s", "In the 1990s the region was unstable."),
    ("decade", "the 1980s", "The policy dates back to the 1980s."),
    ("decade", "the 2010s", "Trade with China grew throughout the 2010s."),
    # ordinals
    ("ordinal", "fifth term", "The president began his fifth term in May."),
    ("ordinal", "75th anniversary", "The alliance marked its 75th anniversary."),
    ("ordinal", "first foreign trip", "It was the leader's first foreign trip since the election."),
    ("ordinal", "21st century", "Energy security is a central issue of the 21st century."),
    ("ordinal", "third round", "The third round of talks ended without a statement."),
    ("ordinal", "second-largest", "China is Russia's second-largest trading partner."),
    ("ordinal", "14th five-year plan", "The 14th five-year plan stresses self-reliance."),
    # references
    ("reference", "the two countries", "The two countries signed a joint statement."),
    ("reference", "both sides", "Both sides agreed to continue the dialogue."),
    ("reference", "the two leaders", "The two leaders discussed energy cooperation."),
    ("reference", "the three Baltic states", "The three Baltic states called for more air defence."),
    ("reference", "one of the", "Russia is one of the largest exporters of grain."),
    ("reference", "one of its", "The port is one of its main outlets to the sea."),
    ("reference", "one another", "The parties accused one another of violating the truce."),
    ("reference", "no one", "No one expects a quick settlement."),
    ("reference", "one day", "One day the sanctions will be lifted, Moscow hopes."),
    ("reference", "at one point", "At one point the talks nearly collapsed."),
    ("reference", "one side", "Neither side can win, and one side will have to concede."),
    ("reference", "the two sides", "The two sides differ on the sequencing of steps."),
    # document, list and page numbers
    ("document", "NO. 1, 2024", "The findings appear in Working Paper NO. 1, 2024."),
    ("document", "section 3.2", "See section 3.2 for the methodology."),
    ("document", "Paragraph 14", "Paragraph 14 of the communiqué addresses Taiwan."),
    ("document", "Point 4", "Point 4 of the peace plan concerns prisoners."),
    ("document", "Chapter 7", "Chapter 7 discusses the implications for Europe."),
    ("document", "Annex II", "The list of goods is given in Annex II."),
    ("document", "Resolution 2231", "Resolution 2231 endorsed the nuclear deal."),
    ("document", "Resolution 1325", "The mission is guided by Security Council resolution 1325."),
    ("document", "Article 5", "Article 5 of the Washington Treaty is the core of the alliance."),
    ("document", "Article 51", "Moscow invoked Article 51 of the UN Charter."),
    ("document", "footnote 12", "The source is given in footnote 12."),
    ("page", "p. 14", "The claim is repeated in the annual report (p. 14)."),
    ("page", "page 23", "See page 23 of the strategy."),
    ("page", "pp. 45-47", "The figures are discussed in the review (pp. 45-47)."),
    # calibres and model names
    ("calibre", "155mm shells", "The plant produces 155mm shells for the front."),
    ("calibre", "122 mm rockets", "The battery fired 122 mm rockets at the bridge."),
    ("calibre", "155-mm howitzers", "The army relies on 155-mm howitzers."),
    ("calibre", "7.62mm ammunition", "The factory makes 7.62mm ammunition."),
    ("model", "F-16", "The first F-16 jets arrived in the summer."),
    ("model", "S-400", "Turkey bought the S-400 system from Russia."),
    ("model", "T-72", "The brigade still fields T-72 tanks."),
    ("model", "Su-35", "Iran wants Su-35 fighters."),
    ("model", "MiG-29", "Poland transferred MiG-29 aircraft to Ukraine."),
    ("model", "Shahed-136", "Russia launched Shahed-136 drones at Kyiv."),
    ("model", "Iskander-M", "The Iskander-M system was moved to Belarus."),
    ("model", "Patriot PAC-3", "Germany supplied a Patriot PAC-3 battery."),
    ("named-group", "G7", "The G7 agreed a price cap on Russian oil."),
    ("named-group", "G20", "India hosted the G20 summit."),
    ("named-group", "COP28", "COP28 ended with a call to transition away from fossil fuels."),
    ("named-group", "COP 29", "Finance dominated the agenda at COP 29."),
    ("named-group", "P5+1", "The P5+1 negotiated with Iran for years."),
    ("named-group", "Minsk II", "Minsk II was never implemented."),
    ("named-group", "Covid-19", "The Covid-19 pandemic disrupted supply chains."),
    ("named-group", "5G", "Huawei's role in 5G networks worries Washington."),
    ("named-group", "Nord Stream 2", "The Nord Stream 2 pipeline was never certified."),
    # idioms
    ("idiom", "dozens of times", "The envoy has visited the region dozens of times."),
    ("idiom", "hundreds of years ago", "The border was drawn hundreds of years ago."),
    ("idiom", "thousands of miles away", "The war seems thousands of miles away to many voters."),
    ("idiom", "a thousand times", "Officials have repeated the warning a thousand times."),
    ("idiom", "for thousands of years", "The two peoples have lived side by side for thousands of years."),
    ("idiom", "once or twice", "The minister mentioned the issue once or twice."),
    ("idiom", "24-hour news cycle", "The 24-hour news cycle rewards bold claims."),
    ("idiom", "one-on-one", "The leaders held a one-on-one meeting."),
    ("idiom", "two-way", "Trade is a two-way street."),
    ("idiom", "third parties", "Third parties may be drawn into the dispute."),
    # time of day
    ("clock", "10:30", "The vote began at 10:30 on Friday."),
    ("clock", "9 a.m.", "The strike hit the port at 9 a.m. local time."),
    ("clock", "3pm", "Talks resumed at 3pm in Doha."),
    ("clock", "6.30 pm", "The curfew starts at 6.30 pm."),
    ("clock", "midnight", "The ceasefire took effect at midnight."),
]

# counterparts in frames: the same positions as the positives
NEG_FRAMED = [
    ("year", "2022", "The mission (launched in 2022) was extended."),
    ("year", "2014", "The report covers Crimea, 2014 and the Donbas war."),
    ("year", "2008", "After 2008, Georgia sought NATO membership."),
    ("year", "1945", "The order built after 1945 is under strain."),
    ("date", "9 May", "Putin spoke on 9 May, as every year."),
    ("date", "July 2023", "The deal expired in July 2023."),
    ("ordinal", "the second time", "It was the second time the talks failed."),
    ("ordinal", "the first", "Poland was the first to send tanks."),
    ("ordinal", "12th package", "The EU adopted its 12th package of sanctions."),
    ("reference", "the two governments", "The deal was signed by the two governments."),
    ("reference", "both countries", "Trade between both countries is growing."),
    ("reference", "all three", "All three parties rejected the plan."),
    ("reference", "the three countries", "The three countries issued a joint statement."),
    ("reference", "one of the few", "Hungary is one of the few EU states to oppose the plan."),
    ("reference", "a one-sided", "Moscow called the report a one-sided account."),
    ("document", "Resolution 2231", "Under Resolution 2231, the embargo expired."),
    ("document", "Article 5", "The alliance has invoked Article 5 only once."),
    ("document", "Section 232", "The tariffs were imposed under Section 232."),
    ("document", "Protocol 1", "Protocol 1 of the convention applies."),
    ("document", "Phase 2", "Phase 2 of the programme begins next year."),
    ("calibre", "155mm", "Europe cannot make enough 155mm rounds."),
    ("calibre", "152-mm", "Russia fires 152-mm shells from old stocks."),
    ("model", "Kh-101", "The Kh-101 missile struck the plant."),
    ("model", "HIMARS M142", "The HIMARS M142 launcher changed the war."),
    ("model", "A-50", "Ukraine downed an A-50 radar plane."),
    ("model", "Tu-95", "Tu-95 bombers launched the missiles."),
    ("named-group", "G7", "The G7 and the EU agreed on the loan."),
    ("named-group", "BRICS+", "The BRICS+ format now includes Iran."),
    ("named-group", "Formula 1", "Saudi Arabia hosts a Formula 1 race."),
    ("named-group", "Vision 2030", "Vision 2030 aims to diversify the economy."),
    ("named-group", "Agenda 2063", "The African Union's Agenda 2063 sets the goals."),
    ("named-group", "H5N1", "The H5N1 outbreak spread to cattle."),
    ("idiom", "dozens of times", "Russia has violated the truce dozens of times."),
    ("idiom", "a thousand times", "The point has been made a thousand times."),
    ("idiom", "hundreds of years ago", "The dispute began hundreds of years ago."),
    ("idiom", "one or two", "One or two diplomats hinted at a deal."),
    ("idiom", "zero-sum", "Beijing rejects zero-sum thinking."),
    ("idiom", "second to none", "The navy's reach is second to none."),
    ("clock", "11:00", "The session opened at 11:00 GMT."),
    ("clock", "8 pm", "The address was broadcast at 8 pm."),
    ("page", "page 5", "The aim is set out on page 5."),
    ("page", "p. 112", "The quote (p. 112) is taken from his memoir."),
]


def rows():
    out = []
    def add(label, cls, form, frame, q, s):
        s = s[0].upper() + s[1:]
        out.append((label, cls, form, frame, q, s))

    for i, (cls, num) in enumerate(COUNT_NUMBERS):
        for j, (fname, frame) in enumerate(COUNT_FRAMES):
            noun = COUNT_NOUNS[(i * len(COUNT_FRAMES) + j) % len(COUNT_NOUNS)]
            q = f"{num} {noun}"
            add("+", "count-" + cls, num, fname, q, frame.format(Q=q))
    for cls, q in MONEY:
        for fname, frame in MONEY_FRAMES:
            add("+", cls, q, fname, q, frame.format(Q=q))
    for cls, q in PERCENT:
        for fname, frame in PERCENT_FRAMES:
            add("+", cls, q, fname, q, frame.format(Q=q))
    for cls, q in FRACTIONS:
        for fname, frame in FRACTION_FRAMES:
            add("+", cls, q, fname, q.removesuffix(" of"), frame.format(Q=q))
    for cls, q in MEASURES:
        for fname, frame in MEASURE_FRAMES:
            add("+", cls, q, fname, q, frame.format(Q=q))
    for cls, q in RATES:
        for fname, frame in RATE_FRAMES:
            add("+", cls, q, fname, q, frame.format(Q=q))
    for cls, q in DURATIONS:
        for fname, frame in DURATION_FRAMES:
            add("+", cls, q, fname, q.removeprefix("for "), frame.format(Q=q))
    for cls, q in MOVES:
        for fname, frame in MOVE_FRAMES:
            add("+", cls, q, fname, q, frame.format(Q=q))
    for group, frames in ((MODIFIED_COUNTS, MODIFIED_FRAMES), (NOMINAL_MOVES, NOMINAL_FRAMES),
                          (COMPOUND_ADJ, COMPOUND_FRAMES), (MOVE_COUNTS, MOVE_FRAMES)):
        for cls, q in group:
            for fname, frame in frames:
                add("+", cls, q, fname, q, frame.format(Q=q))
    for cls, q in DURATIONS2:
        for fname, frame in DURATION_FRAMES2:
            add("+", cls, q, fname, q.removeprefix("for "), frame.format(Q=q))
    for cls, q in DURATIONS3:
        for fname, frame in DURATION_FRAMES3:
            add("+", cls, q, fname, q.split(" ", 1)[1].removeprefix("for "), frame.format(Q=q))
    for cls, q in SHARES3:
        for fname, frame in SHARE_FRAMES3:
            add("+", cls, q, fname, q.split(" ", 1)[1] if not q.startswith("accounts") else "nearly a third", frame.format(Q=q))
    for fname, frame in MIX_FRAMES:
        for q in MIX_QUANTITIES:
            mark = q.removesuffix(" of voters").removesuffix(" of the budget")
            add("+", "mixed-" + fname, q, fname, mark, frame.format(Q=q))
    for fname, frame in MIX_FRAMES_5:
        for q in MIX_QUANTITIES_5:
            mark = {"a third of the budget": "a third", "a truce that held for six months": "six months",
                    "exports that doubled": "doubled"}.get(q, q)
            add("+", "mixed-" + fname, q, fname, mark, frame.format(Q=q))
    for q in MIX_QUANTITIES:
        add("-", "neg-question", q, MIX_QUESTION[0], q, MIX_QUESTION[1].format(Q=q))
    for cls, q, s in RELABELLED:
        add("+", cls, q, "object", q, s)
    for s in INITIAL:
        add("+", "initial-spelled", s.split()[0], "initial", " ".join(s.split()[:2]), s)
    for cls, q, s in NEGATIVE + NEG_FRAMED + NEG3:
        add("-", "neg-" + cls, q, "-", q, s)
    return out


if __name__ == "__main__":
    print("# label\tclass\tform\tframe\tquantity\tsentence  (generated by generate.py; see README.md)")
    for r in rows():
        print("\t".join(r))
