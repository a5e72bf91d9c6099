#!/usr/bin/env python3
"""Generates the position paradigm set (h-pos21): holder phrases of each class crossed with
canonical stance frames, written as probes.tsv (label, class, frame, sentence).

Holders come from public lists: ISO 3166-1 country names (the iso-codes package,
/usr/share/iso-codes/json/iso_3166-1.json; common_name where given), and hand lists of
public knowledge written below (capitals, metonyms of seats of government, international
organisations and their acronyms, offices, economic actors, companies, collective nouns).
Labels are written from rules/TAGGING.md's "Decided calls" and half A's gold notes before
any run: every holder here is named or identifiable, so every stance frame is `+`;
"X's decision to" is `?` (the seeds' gold reads "Xi's decision to visit" as an act, half A's
"decided to withdraw" as a position); the control frames (an action or quantity of the
actor, no stance) are `-`.

    python3 eval/paradigm-position/generate.py > eval/paradigm-position/probes.tsv
"""
import json
import re

ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
# ISO entries that are territories, not states (no UN seat); kept out of the state class.
NOT_STATES = {"AX", "AS", "AI", "AQ", "AW", "BM", "BV", "IO", "KY", "CX", "CC", "CK", "CW", "FK", "FO",
              "GF", "PF", "TF", "GI", "GL", "GP", "GU", "GG", "HM", "VA", "HK", "IM", "JE", "MO", "MQ",
              "YT", "MS", "NC", "NU", "NF", "MP", "PS", "PN", "PR", "RE", "BL", "SH", "MF", "PM", "SX",
              "GS", "SJ", "TW", "TK", "TC", "UM", "VG", "VI", "WF", "EH", "BQ", "XK"}


def states():
    out = []
    for c in json.load(open(ISO))["3166-1"]:
        if c["alpha_2"] in NOT_STATES:
            continue
        name = c.get("common_name", c["name"])
        name = re.sub(r",.*", "", name)                     # "Korea, Republic of" -> "Korea" (rare)
        if c["alpha_2"] == "KR":
            name = "South Korea"
        if c["alpha_2"] == "KP":
            name = "North Korea"
        if c["alpha_2"] in ("US", "GB", "NL", "PH", "AE", "CF", "DO", "GM", "BS", "CD", "CG", "KM", "MV",
                            "MH", "SB", "CZ"):
            name = {"US": "the United States", "GB": "the United Kingdom", "NL": "the Netherlands",
                    "PH": "the Philippines", "AE": "the United Arab Emirates", "CF": "the Central African Republic",
                    "DO": "the Dominican Republic", "GM": "the Gambia", "BS": "the Bahamas",
                    "CD": "the Democratic Republic of the Congo", "CG": "the Republic of the Congo",
                    "KM": "the Comoros", "MV": "the Maldives", "MH": "the Marshall Islands",
                    "SB": "the Solomon Islands", "CZ": "the Czech Republic"}[c["alpha_2"]]
        out.append((name, False))
    return out


# Demonyms of states often in briefs (public knowledge), for "the X government" and the like.
DEMONYMS = ["German", "French", "British", "Italian", "Polish", "Spanish", "Dutch", "Swedish", "Finnish",
            "Norwegian", "Danish", "Estonian", "Latvian", "Lithuanian", "Czech", "Hungarian", "Romanian",
            "Greek", "Turkish", "Ukrainian", "Russian", "Chinese", "Japanese", "South Korean", "Indian",
            "Pakistani", "Iranian", "Israeli", "Saudi", "Emirati", "Qatari", "Egyptian", "Nigerian",
            "South African", "Brazilian", "Mexican", "Canadian", "Australian", "American", "US", "UK", "EU",
            "Malian", "Belgian", "Austrian", "Swiss", "Portuguese", "Slovak", "Bulgarian", "Georgian"]
INSTITUTIONS = ["government", "defence ministry", "Ministry of Defence", "finance ministry", "foreign ministry",
                "economy ministry", "administration", "parliament", "authorities", "armed forces", "military",
                "defence industry", "central bank", "treasury", "procurement agency", "cabinet", "leadership",
                "coalition government", "opposition", "business community", "regulator", "competition authority",
                "defence establishment", "navy"]
CAPITALS = ["Berlin", "Paris", "London", "Rome", "Warsaw", "Madrid", "The Hague", "Stockholm", "Helsinki", "Oslo",
            "Copenhagen", "Tallinn", "Riga", "Vilnius", "Prague", "Budapest", "Bucharest", "Athens", "Ankara",
            "Kyiv", "Moscow", "Beijing", "Tokyo", "Seoul", "New Delhi", "Islamabad", "Tehran", "Jerusalem",
            "Riyadh", "Abu Dhabi", "Doha", "Cairo", "Abuja", "Pretoria", "Brasília", "Mexico City", "Ottawa",
            "Canberra", "Washington", "Bamako", "Brussels", "Vienna", "Bern", "Lisbon", "Bratislava", "Sofia",
            "Tbilisi", "Minsk", "Pyongyang", "Taipei", "Hanoi", "Jakarta", "Canberra", "Wellington", "Addis Ababa"]
METONYMS = ["the Kremlin", "the White House", "Whitehall", "Downing Street", "the Pentagon", "the Elysée",
            "Zhongnanhai", "the Quai d'Orsay", "Foggy Bottom", "the Bundestag", "the Bundeswehr", "Capitol Hill",
            "the Chancellery", "the Berlaymont", "the State Department", "the Treasury", "the Élysée Palace",
            "Westminster", "the Oval Office", "Bercy", "the Blue House", "the Sejm"]
ORGS = ["NATO", "the EU", "the European Union", "the European Commission", "the Commission", "the Council",
        "the European Council", "the European Parliament", "the Eurogroup", "the European Central Bank", "the ECB",
        "the European Defence Agency", "the European Investment Bank", "the UN", "the United Nations",
        "the Security Council", "the IMF", "the International Monetary Fund", "the World Bank", "the WTO",
        "the OECD", "the G7", "the G20", "OPEC", "OPEC+", "ASEAN", "the African Union", "ECOWAS", "the OSCE",
        "the IAEA", "the Federal Reserve", "the Fed", "the Bank of England", "the Bundesbank",
        "the People's Bank of China", "the Bank of Japan", "the Central Bank of Russia", "OFAC",
        "the Office of Foreign Assets Control", "the Financial Action Task Force", "the FATF",
        "the Bank for International Settlements", "the Gulf Cooperation Council", "the Shanghai Cooperation Organisation",
        "the BRICS", "the Quad", "AUKUS", "the Nordic Council", "the Weimar Triangle", "the Ramstein group",
        "the Ukraine Defense Contact Group", "the European Peace Facility", "Frontex", "the NATO Support and Procurement Agency",
        "OCCAR", "the Defence Procurement Agency", "the DGA", "DE&S", "the Pentagon's acquisition office",
        "the Congressional Budget Office", "the Bundestag's budget committee", "the House Armed Services Committee"]
OFFICES = ["the president", "the prime minister", "the chancellor", "the defence minister", "the finance minister",
           "the foreign minister", "the economy minister", "the defence secretary", "the foreign secretary",
           "the Secretary-General", "the NATO Secretary General", "the High Representative",
           "the Commission President", "the ECB President", "the Fed chair", "the central bank governor",
           "the Treasury Secretary", "the Secretary of State", "the national security adviser", "the chief of defence",
           "the chief of the defence staff", "the trade commissioner", "the procurement chief",
           "President Macron", "Chancellor Scholz", "Chancellor Merz", "Defence Minister Boris Pistorius",
           "Prime Minister Keir Starmer", "President Zelensky", "President Putin", "Ursula von der Leyen",
           "Commission President Ursula von der Leyen", "Mark Rutte", "Secretary General Mark Rutte",
           "Kaja Kallas", "Christine Lagarde", "Jerome Powell", "Finance Minister Christian Lindner",
           "Defence Secretary John Healey", "Prime Minister Donald Tusk", "President Xi Jinping"]
ECONOMIC = [("the defence industry", False), ("European defence companies", True), ("arms manufacturers", True),
            ("defence firms", True), ("investors", True), ("foreign investors", True), ("markets", True),
            ("financial markets", True), ("the markets", True), ("banks", True), ("European banks", True),
            ("energy companies", True), ("oil majors", True), ("Western firms", True), ("Western companies", True),
            ("German industry", False), ("industry", False), ("the business community", False),
            ("business leaders", True), ("shipbuilders", True), ("defence contractors", True),
            ("the procurement agency", False), ("procurement agencies", True), ("private equity funds", True),
            ("ratings agencies", True), ("the automotive sector", False), ("employers", True), ("trade unions", True),
            ("the arms industry", False), ("defence executives", True), ("industry leaders", True),
            ("manufacturers", True), ("the European defence industry", False), ("insurers", True),
            ("shipping companies", True), ("European industry", False), ("the defence sector", False),
            ("lenders", True), ("the employers' federation", False), ("the industry association", False)]
COMPANIES = ["Rheinmetall", "BAE Systems", "Lockheed Martin", "Airbus", "Thales", "Leonardo", "Saab", "Gazprom",
             "Rosneft", "Huawei", "TSMC", "Raytheon", "Boeing", "Siemens", "Volkswagen", "Shell", "BP",
             "ExxonMobil", "Nvidia", "KNDS", "Naval Group", "MBDA", "Hanwha", "Dassault"]
COLLECTIVE = ["member states", "EU member states", "the member states", "the allies", "NATO allies",
              "Ukraine's partners", "Western governments", "European governments", "European capitals",
              "the Europeans", "the Baltic states", "the G7 countries", "donors", "the donors", "the coalition",
              "both sides", "the Nordic countries", "the Gulf states", "frontline states", "Western allies",
              "European allies", "the Allies", "partner countries", "the partners", "the Americans",
              "the Germans", "the French", "the British", "the Chinese", "the Russians", "the Ukrainians",
              "Eastern European members", "the new member states", "the eastern flank states", "like-minded partners"]
PLURAL_NAMES = {"the United States": False}


def poss(x, plural):
    if x.endswith("s") and (plural or x.endswith("ies") or x in ("the Netherlands", "the Philippines", "the Bahamas",
                                                                  "the Maldives", "the Comoros", "the Marshall Islands",
                                                                  "the Solomon Islands", "the Baltic states")):
        return x + "'"
    return x + "'s"


def cap(s):
    return s[0].upper() + s[1:]


TO = "to raise defence spending to 2 % of GDP by 2030"
THAT = "that sanctions on Russia must remain in place"
OBJ = "the proposed joint procurement scheme"
# (frame id, form, label, template): {X} subject, {P} possessive, {be}/{have}/{s} agreement.
VERBS = [("say", "said", "says", THAT), ("argue", "argued", "argues", THAT), ("insist", "insisted", "insists", THAT),
         ("believe", "believed", "believes", THAT), ("want", "wanted", "wants", TO), ("fear", "feared", "fears", "that the tariffs will hurt exports"),
         ("oppose", "opposed", "opposes", OBJ), ("reject", "rejected", "rejects", OBJ), ("support", "supported", "supports", OBJ),
         ("refuse", "refused", "refuses", "to join the joint procurement scheme"), ("plan", "planned", "plans", TO),
         ("pledge", "pledged", "pledges", TO), ("commit", "committed", "commits", "to raising defence spending to 2 % of GDP by 2030"),
         ("decide", "decided", "decides", TO), ("aim", "aimed", "aims", TO), ("seek", "sought", "seeks", TO),
         ("intend", "intended", "intends", TO), ("propose", "proposed", "proposes", "a joint fund for ammunition"),
         ("agree", "agreed", "agrees", TO), ("warn", "warned", "warns", "that the tariffs will hurt exports"),
         ("call", "called", "calls", "for a joint fund for ammunition"), ("expect", "expected", "expects", "the tariffs to hurt exports"),
         ("prefer", "preferred", "prefers", "domestic suppliers"), ("welcome", "welcomed", "welcomes", OBJ),
         ("promise", "promised", "promises", TO), ("vow", "vowed", "vows", TO), ("announce", "announced", "announces", "plans " + TO),
         ("urge", "urged", "urges", "the Commission to relax the fiscal rules"), ("demand", "demanded", "demands", "a joint fund for ammunition"),
         ("endorse", "endorsed", "endorses", OBJ), ("set", "set", "sets", "a target of 2 % of GDP for defence spending")]
PHRASES = [("made-clear", "{X} {have} made clear " + THAT), ("determined", "{X} {be} determined " + TO),
           ("committed-adj", "{X} {be} committed to raising defence spending"), ("keen", "{X} {be} keen " + TO),
           ("reluctant", "{X} {be} reluctant to join the joint procurement scheme"),
           ("opposed-adj", "{X} {be} opposed to " + OBJ), ("concerned", "{X} {be} concerned that the tariffs will hurt exports"),
           ("sceptical", "{X} {be} sceptical of " + OBJ), ("willing", "{X} {be} willing " + TO),
           ("ready", "{X} {be} ready " + TO), ("set-out-plans", "{X} {have} set out plans " + TO),
           ("unveiled-strategy", "{X} {have} unveiled a strategy to reduce dependence on Chinese suppliers"),
           ("took-decision", "{X} took the decision " + TO), ("is-pushing", "{X} {be} pushing for a joint fund for ammunition"),
           ("according", "According to {X}, sanctions on Russia must remain in place"),
           ("in-view", "In {P} view, sanctions on Russia must remain in place"),
           ("view-is", "{PC} view is " + THAT), ("position-on", "{PC} position on sanctions has hardened"),
           ("stance-on", "{PC} stance on " + OBJ + " has softened"), ("preference", "{PC} preference for domestic suppliers is well known"),
           ("call-for", "{PC} call for a joint fund for ammunition has gone unanswered"),
           ("plan-to", "{PC} plan " + TO + " was unveiled in March"), ("commitment-to", "{PC} commitment to raising defence spending remains firm"),
           ("pledge-to", "{PC} pledge " + TO + " was welcomed"), ("proposal-to", "{PC} proposal to create a joint fund for ammunition met resistance"),
           ("strategy-to", "{PC} strategy to reduce dependence on Chinese suppliers rests on subsidies"),
           ("refusal-to", "{PC} refusal to join the sanctions regime angered its neighbours"),
           ("insistence-that", "{PC} insistence " + THAT + " has not wavered"),
           ("target-of", "{PC} target of 2 % of GDP for defence spending looks out of reach"),
           ("n-target", "{PC} 2 % target looks out of reach"),
           ("goal-of", "{PC} goal of reducing dependence on Russian gas is within reach"),
           ("ambition-to", "{PC} ambition to build a European defence industry is clear"),
           ("priority", "{PC} priority is to rebuild its ammunition stocks"),
           ("decision-by", "The decision by {X} " + TO + " surprised observers"),
           ("plan-by", "A plan by {X} " + TO + " has stalled"),
           ("decision-to", "{PC} decision " + TO + " surprised observers"),
           # controls: an act or a quantity of the actor, no stance
           ("ctl-talks", "{X} held talks with its partners in March"),
           ("ctl-spending", "{PC} defence spending rose by 3 % last year"),
           ("ctl-signed", "{X} signed the contract in March"),
           ("ctl-output", "{PC} factories produced more shells last year"),
           ("ctl-budget", "{PC} budget was published in March")]


# Batch 2 (written after the first tally, labels before its run): the wording of decisions,
# plans, budgets and commitments in economic and institutional prose, on every third holder.
PHRASES2 = [("signalled-readiness", "+", "{X} {have} signalled {its} readiness " + TO),
            ("indicated-that", "+", "{X} {have} indicated " + THAT),
            ("ruled-out", "+", "{X} {have} ruled out a joint fund for ammunition"),
            ("backed", "+", "{X} {have} backed " + OBJ),
            ("called-on", "+", "{X} {have} called on the Commission to relax the fiscal rules"),
            ("voiced-concern", "+", "{X} {have} voiced concern about the tariffs"),
            ("resisted", "+", "{X} {have} resisted " + OBJ),
            ("blocked", "+", "{X} {have} blocked " + OBJ),
            ("pushed-back", "+", "{X} {have} pushed back against " + OBJ),
            ("lobbied-for", "+", "{X} {have} lobbied for a joint fund for ammunition"),
            ("balked-at", "+", "{X} {have} balked at " + OBJ),
            ("wary-of", "+", "{X} {be} wary of " + OBJ),
            ("unconvinced", "+", "{X} remain{s} unconvinced by " + OBJ),
            ("betting-on", "+", "{X} {be} betting on domestic suppliers"),
            ("prioritised", "+", "{X} {have} prioritised ammunition production"),
            ("opted-for", "+", "{X} {have} opted for domestic suppliers"),
            ("chose-to", "+", "{X} {have} chosen " + TO),
            ("resolved-to", "+", "{X} {have} resolved " + TO),
            ("doubled-down", "+", "{X} {have} doubled down on " + OBJ),
            ("adopted-strategy", "+", "{X} {have} adopted a strategy to reduce dependence on Chinese suppliers"),
            ("tabled-proposal", "+", "{X} {have} tabled a proposal to create a joint fund for ammunition"),
            ("set-itself-goal", "+", "{X} {have} set {itself} the goal of reducing dependence on Russian gas"),
            ("aiming-for", "+", "{X} {be} aiming for a joint fund for ammunition"),
            ("stated-aim", "+", "{PC} stated aim is " + TO),
            ("long-demand", "+", "{PC} long-standing demand for a joint fund for ammunition has been met"),
            ("under-plans", "+", "Under {P} plans, defence spending will rise to 2 % of GDP by 2030"),
            ("plans-envisage", "+", "{PC} plans envisage a joint fund for ammunition"),
            ("came-out-against", "+", "{X} {have} come out against " + OBJ),
            ("came-out-for", "+", "{X} {have} come out in favour of " + OBJ),
            ("signed-up", "+", "{X} {have} signed up to the pledge " + TO),
            ("held-firm", "+", "{X} {have} held firm on sanctions"),
            ("insisted-on", "+", "{X} {have} insisted on domestic suppliers"),
            ("made-priority", "+", "{X} {have} made it a priority " + TO),
            ("long-argued", "+", "{X} {have} long argued " + THAT),
            ("consistently-opposed", "+", "{X} {have} consistently opposed " + OBJ),
            ("approved-plan", "+", "{X} {have} approved a plan " + TO),
            ("sees-as", "+", "{X} see{s} the joint procurement scheme as a threat to its industry"),
            ("regards-as", "+", "{X} regard{s} the tariffs as unfair"),
            ("considers-that", "+", "{X} consider{s} " + THAT),
            ("support-for", "+", "{PC} support for " + OBJ + " is firm"),
            ("backed-plan", "?", "A plan backed by {X} " + TO + " has stalled"),
            ("led-initiative", "?", "An initiative led by {X} to create a joint fund for ammunition has stalled"),
            ("set-to", "?", "{X} {be} set " + TO),
            ("moved-to", "?", "{X} {have} moved " + TO),
            ("ctl-earmarked", "-", "{X} {have} earmarked EUR 2 billion for ammunition"),
            ("ctl-expected", "-", "{X} {be} expected to raise defence spending next year"),
            ("ctl-spent", "-", "{X} spent EUR 2 billion on ammunition last year"),
            ("ctl-ordered", "-", "{X} ordered 200 tanks in March")]


# Batch 3 (written after batch 2's tally, labels before its run): the glue between holder and
# predicate (fronted adverbials, asides, adverbs, coordination, trailing attribution, hedges,
# negation, officials of a holder), on every fifth holder, with a few verbs.
PHRASES3 = [("fronted-time", "+", "In March, {X} pledged " + TO),
            ("fronted-since", "+", "Since 2022, {X} {have} argued " + THAT),
            ("fronted-pp", "+", "At the summit in Vilnius, {X} agreed " + TO),
            ("apposition", "+", "{X}, a founding member of the alliance, {have} pledged " + TO),
            ("relative-aside", "+", "{X}, which holds the rotating presidency, {have} argued " + THAT),
            ("for-its-part", "+", "{X}, for {its} part, {have} pledged " + TO),
            ("however-aside", "+", "{X}, however, insist{s} " + THAT),
            ("adv-repeatedly", "+", "{X} {have} repeatedly argued " + THAT),
            ("adv-also", "+", "{X} also want{s} " + TO),
            ("adv-now", "+", "{X} now plan{s} " + TO),
            ("adv-so-far", "+", "{X} {have} so far refused to join the joint procurement scheme"),
            ("adv-reportedly", "+", "{X} reportedly want{s} " + TO),
            ("coord-commission", "+", "{X} and the Commission have agreed " + TO),
            ("coord-allies", "+", "{X} and {its} allies have pledged " + TO),
            ("both-and", "+", "Both {X} and the Commission oppose " + OBJ),
            ("trailing-said", "+", "Sanctions on Russia must remain in place, {X} said"),
            ("medial-argues", "+", "Sanctions on Russia, {X} argue{s}, must remain in place"),
            ("is-said-to", "+", "{X} {be} said to favour " + OBJ),
            ("appears-to", "+", "{X} appear{s} to believe " + THAT),
            ("would-like", "+", "{X} would like " + TO),
            ("neg-not-want", "+", "{X} do{es} not want to join the joint procurement scheme"),
            ("neg-not-ruled-out", "+", "{X} {have} not ruled out a joint fund for ammunition"),
            ("neg-never-agreed", "+", "{X} never agreed to join the joint procurement scheme"),
            ("officials-say", "+", "Officials in {X} say " + THAT),
            ("leaders-pledged", "+", "{PC} leaders have pledged " + TO),
            ("conditional-support", "+", "{X} {have} made {its} support conditional on a joint fund for ammunition"),
            ("what-wants", "+", "What {X} want{s} is a joint fund for ammunition"),
            ("passive-agreed-by", "+", "The plan " + TO + " was agreed by {X} in March"),
            ("passive-rejected-by", "+", "The proposed joint procurement scheme was rejected by {X}"),
            ("likely-to-oppose", "?", "{X} {be} likely to oppose " + OBJ)]


# Batch 4 (written after batch 3's tally, labels before its run): an actor's documents,
# programmes and decisions as the holder (TAGGING.md: "a lead-in that itself attributes a
# stance", half A's "the document reiterated", "the SDR recommends"): strategies, reviews,
# white papers, budgets, laws, communiqués, coalition agreements, named plans.
DOCUMENTS = ["the National Security Strategy", "Germany's National Security Strategy", "the Integrated Review",
             "the Strategic Defence Review", "the European Defence Industrial Strategy", "the Commission's White Paper",
             "the White Paper on European Defence", "the ReArm Europe plan", "NATO's Strategic Concept",
             "the Strategic Concept", "the Strategic Compass", "the 2025 defence budget", "the draft budget",
             "the coalition agreement", "the Inflation Reduction Act", "the CHIPS Act", "the sanctions package",
             "the G7 communiqué", "the summit declaration", "the Vilnius communiqué", "the joint statement",
             "the defence review", "the new defence law", "the Defence Investment Plan", "the government's programme",
             "the medium-term financial plan", "the Readiness 2030 plan", "the Commission's proposal",
             "the Council's conclusions", "the Bundestag resolution"]
PHRASES4 = [("calls-for", "+", "{X} calls for a joint fund for ammunition"),
            ("sets-target", "+", "{X} sets a target of 2 % of GDP for defence spending"),
            ("commits", "+", "{X} commits the government " + TO.replace("to raise", "to raising")),
            ("envisages", "+", "{X} envisages a joint fund for ammunition"),
            ("prioritises", "+", "{X} prioritises ammunition production"),
            ("aims-to", "+", "{X} aims " + TO),
            ("proposes", "+", "{X} proposes a joint fund for ammunition"),
            ("identifies", "+", "{X} identifies three priorities for the defence industry"),
            ("warns", "+", "{X} warns that the tariffs will hurt exports"),
            ("states", "+", "{X} states " + THAT),
            ("makes-clear", "+", "{X} makes clear " + THAT),
            ("recommends", "+", "{X} recommends that member states buy European"),
            ("reaffirms", "+", "{X} reaffirms the commitment " + TO),
            ("stresses", "+", "{X} stresses the need to rebuild ammunition stocks"),
            ("foresees", "+", "{X} foresees a joint fund for ammunition"),
            ("under", "+", "Under {X}, member states would " + TO[3:]),
            ("earmarks", "?", "{X} earmarks EUR 2 billion for ammunition"),
            ("ctl-adopted", "-", "{X} was adopted in March"),
            ("ctl-pages", "-", "{X} runs to 120 pages")]


# Batch 5 (written after batch 4's tally, labels before its run): more stance nouns after a
# possessive and verbs of pushing, approving, shifting and weighing, on every fourth holder.
NOUNS5 = [("push-for", "+", "push for a joint fund for ammunition"), ("drive-to", "+", "drive to build up ammunition stocks"),
          ("bid-to", "+", "bid to secure a joint fund for ammunition"), ("move-to", "?", "move to raise defence spending"),
          ("intention-to", "+", "intention to raise defence spending"), ("readiness-to", "+", "readiness to raise defence spending"),
          ("appetite-for", "+", "appetite for joint borrowing"), ("interest-in", "?", "interest in joint borrowing"),
          ("reluctance-to", "+", "reluctance to raise defence spending"), ("hesitancy", "+", "hesitancy over joint borrowing"),
          ("scepticism", "+", "scepticism about joint borrowing"), ("enthusiasm-for", "+", "enthusiasm for joint borrowing"),
          ("concerns-about", "+", "concerns about the tariffs"), ("demands-for", "+", "demands for a joint fund for ammunition"),
          ("red-lines", "+", "red lines on joint borrowing"), ("priorities", "+", "priorities for the defence budget"),
          ("backing-for", "+", "backing for joint borrowing"), ("endorsement-of", "+", "endorsement of joint borrowing"),
          ("veto-of", "+", "veto of joint borrowing"), ("objections-to", "+", "objections to joint borrowing"),
          ("resistance-to", "+", "resistance to joint borrowing"), ("embrace-of", "+", "embrace of joint borrowing"),
          ("shift-towards", "+", "shift towards joint borrowing"), ("pursuit-of", "+", "pursuit of strategic autonomy"),
          ("expectation-that", "+", "expectation that the tariffs will hurt exports"),
          ("assessment-that", "+", "assessment that the tariffs will hurt exports"),
          ("argument-that", "+", "argument that the tariffs will hurt exports"),
          ("warning-that", "+", "warning that the tariffs will hurt exports"), ("threat-to", "+", "threat to veto joint borrowing"),
          ("offer-to", "+", "offer to finance a joint fund for ammunition"), ("request-for", "+", "request for more air defence"),
          ("demand-that", "+", "demand that the fiscal rules be relaxed"), ("approval-of", "+", "approval of joint borrowing"),
          ("u-turn-on", "+", "U-turn on joint borrowing"), ("hard-line-on", "+", "hard line on joint borrowing"),
          ("efforts-to", "?", "efforts to build up ammunition stocks"), ("approach-to", "?", "approach to joint borrowing"),
          ("policy-of", "-", "policy of buying off the shelf")]
VERBS5 = [("pressing-for", "+", "{X} {be} pressing for joint borrowing"),
          ("pushing-ahead", "+", "{X} {be} pushing ahead with joint borrowing"),
          ("green-light", "+", "{X} {have} given the green light to joint borrowing"),
          ("signed-off", "+", "{X} {have} signed off on joint borrowing"),
          ("dropped-opposition", "+", "{X} {have} dropped {its} opposition to joint borrowing"),
          ("softened-stance", "+", "{X} {have} softened {its} stance on joint borrowing"),
          ("hardened-position", "+", "{X} {have} hardened {its} position on joint borrowing"),
          ("abandoned-plan", "+", "{X} {have} abandoned {its} plan " + TO),
          ("put-forward", "+", "{X} {have} put forward a plan " + TO),
          ("floated", "+", "{X} {have} floated the idea of joint borrowing"),
          ("championed", "+", "{X} {have} championed joint borrowing"),
          ("spearheaded", "+", "{X} {have} spearheaded the push for joint borrowing"),
          ("eyeing", "+", "{X} {be} eyeing joint borrowing"),
          ("considering", "+", "{X} {be} considering joint borrowing"),
          ("weighing", "+", "{X} {be} weighing joint borrowing"),
          ("open-to", "+", "{X} {be} open to joint borrowing"),
          ("lukewarm", "+", "{X} {be} lukewarm about joint borrowing"),
          ("at-odds", "+", "{X} {be} at odds with the Commission over joint borrowing"),
          ("embraced", "+", "{X} {have} embraced joint borrowing"),
          ("warmed-to", "+", "{X} {have} warmed to joint borrowing"),
          ("shelved", "?", "{X} {have} shelved {its} plan " + TO),
          ("divided-over", "?", "{X} {be} divided over joint borrowing"),
          ("exploring", "?", "{X} {be} exploring joint borrowing"),
          ("ctl-borrowed", "-", "{X} borrowed EUR 2 billion in March"),
          ("ctl-delivered", "-", "{X} delivered 20 tanks in March")]


def holders():
    out = []
    out += [("state", x, p) for x, p in states()]
    out += [("state-the-gov", f"the government of {x}", False) for x, _ in states()[::6]]
    out += [("capital", x, False) for x in dict.fromkeys(CAPITALS)]
    out += [("metonym", x, False) for x in METONYMS]
    out += [("org", x, False) for x in ORGS]
    out += [("office", x, False) for x in OFFICES]
    plural_inst = {"authorities", "armed forces"}
    for i, d in enumerate(DEMONYMS):
        for j, inst in enumerate(INSTITUTIONS):
            if (i + j) % 4 == 0:                  # a quarter of the cross, every institution with 12 or 13 demonyms
                out.append(("institution", f"the {d} {inst}", inst in plural_inst))
    out += [("economic", x, p) for x, p in ECONOMIC]
    out += [("company", x, False) for x in COMPANIES]
    out += [("collective", x, not x.startswith("the coalition")) for x in COLLECTIVE]
    return out


def sentences():
    rows = []
    for hi, (cls, x, plural) in enumerate(holders()):
        be, have = ("are", "have") if plural else ("is", "has")
        subs = {"X": x, "P": poss(x, plural), "PC": cap(poss(x, plural)), "be": be, "have": have}
        # verbs: one tense per holder in turn (present, past, perfect), every verb
        for vi, (lemma, past, pres3, comp) in enumerate(VERBS):
            tense = ("present", "past", "perfect")[(hi + vi) % 3]
            if tense == "present":
                v = pres3 if not plural else lemma
            elif tense == "past":
                v = past
            else:
                v = f"{have} " + {"seek": "sought", "set": "set"}.get(lemma, past)
            rows.append(("+", cls, f"v-{lemma}-{tense}", cap(f"{x} {v} {comp}.")))
        for fid, t in PHRASES:
            label = "-" if fid.startswith("ctl-") else ("?" if fid == "decision-to" else "+")
            s = t
            for k, val in subs.items():
                s = s.replace("{" + k + "}", val)
            rows.append((label, cls, fid, cap(s) + "."))
        if hi % 3 == 0:
            subs2 = dict(subs, its="their" if plural else "its", itself="themselves" if plural else "itself",
                         s="" if plural else "s")
            for fid, label, t in PHRASES2:
                s = t
                for k, val in subs2.items():
                    s = s.replace("{" + k + "}", val)
                rows.append((label, cls, "b2-" + fid, cap(s) + "."))
        if hi % 5 == 0:
            subs3 = dict(subs, its="their" if plural else "its", s="" if plural else "s",
                         es="" if plural else "es")
            for fid, label, t in PHRASES3:
                s = t
                for k in ("PC", "P", "X", "be", "have", "its", "es", "s"):
                    s = s.replace("{" + k + "}", subs3[k])
                rows.append((label, cls, "b3-" + fid, cap(s) + "."))
    for hi, (cls, x, plural) in enumerate(holders()):
        if hi % 4 != 1:
            continue
        be, have = ("are", "have") if plural else ("is", "has")
        pc = cap(poss(x, plural))
        for fid, label, tail in NOUNS5:
            rows.append((label, cls, "b5-n-" + fid, f"{pc} {tail} is clear."))
        for fid, label, t in VERBS5:
            t = t.replace("{X}", x).replace("{be}", be).replace("{have}", have).replace("{its}", "their" if plural else "its")
            rows.append((label, cls, "b5-v-" + fid, cap(t) + "."))
    for x in DOCUMENTS:
        for fid, label, t in PHRASES4:
            rows.append((label, "document", "b4-" + fid, cap(t.replace("{X}", x)) + "."))
    return rows


if __name__ == "__main__":
    print("# label\tclass\tframe\tsentence  (generated by generate.py; see README.md)")
    for r in sentences():
        print("\t".join(r))
