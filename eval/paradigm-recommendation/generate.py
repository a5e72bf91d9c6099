#!/usr/bin/env python3
"""Generates the recommendation paradigm (h-rec15): the prescriptive forms rules/TAGGING.md
names, crossed with subjects, negation, inserted adverbs, voice, inversion and sentence
position, and epistemic / predictive / conditional / reported counterparts that must not be
tagged. Every sentence is written here, from the forms, not drawn from any text; its label is
set here, before the rules' output is seen (TAGGING.md, recommendation, with the briefs' gold
conventions in /work/HELPERS.md).

    python3 eval/paradigm-recommendation/generate.py > eval/paradigm-recommendation/paradigm.tsv

Output, tab-separated: label (+ carries recommendation, - does not, ? left open), class,
dims (form|subject|polarity|adverb|voice|position), doc, sentence. Sentences sharing a doc
are one document (a recommendation list); in the sentence column a literal \\n stands for
the paragraph break the runner puts back.
"""
import itertools

SG = ["the EU", "Washington", "the international community", "the UN Security Council", "Kyiv", "industry"]
PL = ["Western governments", "policymakers", "we", "NATO allies", "donors", "European capitals"]
SUBJECTS = [(s, "sg") for s in SG] + [(s, "pl") for s in PL]
# interleave so that any prefix of SUBJECTS mixes number
SUBJECTS = [x for pair in zip(SUBJECTS[:6], SUBJECTS[6:]) for x in pair]

ACTIONS = [
    ("step up military support for Ukraine", "stepping up military support for Ukraine"),
    ("impose tougher sanctions on Moscow", "imposing tougher sanctions on Moscow"),
    ("invest more in air defence", "investing more in air defence"),
    ("engage with the junta in Bamako", "engaging with the junta in Bamako"),
    ("reconsider the export ban", "reconsidering the export ban"),
    ("fund the reconstruction of the power grid", "funding the reconstruction of the power grid"),
    ("close the loopholes in the sanctions regime", "closing the loopholes in the sanctions regime"),
    ("prepare for a protracted war", "preparing for a protracted war"),
    ("press Beijing to stop supplying drone parts", "pressing Beijing to stop supplying drone parts"),
    ("open talks with the new authorities in Niamey", "opening talks with the new authorities in Niamey"),
    ("phase out Russian gas imports", "phasing out Russian gas imports"),
    ("commit to multi-year funding for the mission", "committing to multi-year funding for the mission"),
]
NOUNS = ["a firmer response", "tougher sanctions", "more air defence systems", "an immediate ceasefire",
         "sustained funding", "a new strategy towards the Sahel"]
PASSIVES = [  # (sg/pl subject, past participle phrase)
    ("Military support for Ukraine", "sg", "stepped up"),
    ("Sanctions on Moscow", "pl", "tightened"),
    ("Air defences", "pl", "strengthened"),
    ("The loopholes in the sanctions regime", "pl", "closed"),
    ("The reconstruction of the power grid", "sg", "funded"),
    ("The export ban", "sg", "reconsidered"),
    ("The humanitarian crisis in Sudan", "sg", "addressed"),
]

rows = []
doc_n = [0]


def obj(s):
    """The object form of a subject after "for" or "of" ("for us", not "for we")."""
    return "us" if s == "we" else s


def poss(s):
    """The possessive: "Kyiv's", "donors'"."""
    return s + "'" if s.endswith("s") else s + "'s"


def cap(s):
    return s[0].upper() + s[1:]


def add(label, cls, dims, sentence, doc=None):
    if doc is None:
        doc_n[0] += 1
        doc = f"d{doc_n[0]}"
    rows.append((label, cls, dims, doc, sentence))


def dims(form, subj="-", pol="pos", adv="-", voice="active", pos="initial"):
    return "|".join([form, subj, pol, adv, voice, pos])


def agree(form, num):
    """The modal phrase for a subject of number num."""
    table = {
        "need to": ("needs to", "need to"),
        "have to": ("has to", "have to"),
    }
    if form in table:
        return table[form][0] if num == "sg" else table[form][1]
    return form


# 1. modal and semi-modal forms x 12 subjects (one action each, rotating)
MODALS = ["should", "must", "need to", "ought to", "have to", "should consider", "cannot afford to",
          "would do well to", "would be wise to", "will need to", "should seriously consider"]
for f_i, form in enumerate(MODALS):
    for s_i, (subj, num) in enumerate(SUBJECTS):
        base, ger = ACTIONS[(f_i + s_i) % len(ACTIONS)]
        vp = ger if "consider" in form else base
        if form == "cannot afford to":
            vp = {"step": "delay support for Ukraine", "impo": "ignore the sanctions loopholes",
                  "inve": "neglect air defence", "enga": "ignore the junta in Bamako",
                  "reco": "wait any longer on the export ban", "fund": "abandon the power grid plan",
                  "clos": "leave the sanctions loopholes open", "prep": "be unprepared for a protracted war",
                  "pres": "let Beijing off the hook", "open": "shun the new authorities in Niamey",
                  "phas": "keep importing Russian gas", "comm": "walk away from the mission"}[base[:4]]
        label = "?" if form == "will need to" else "+"
        add(label, "modal:" + form, dims(form, subj), f"{cap(subj)} {agree(form, num)} {vp}.")

# 2. negation x subjects
NEG = [("should not", "+"), ("must never", "+"), ("must not", "+"), ("ought not to", "+"),
       ("should never", "+"), ("need not", "?"), ("cannot be allowed to", "?")]
for f_i, (form, label) in enumerate(NEG):
    for s_i, (subj, num) in enumerate(SUBJECTS[:8]):
        base, _ = ACTIONS[(f_i * 3 + s_i) % len(ACTIONS)]
        vp = base if form != "cannot be allowed to" else "drift into a protracted war"
        add(label, "neg:" + form, dims(form, subj, "neg"), f"{cap(subj)} {form} {vp}.")

# 3. inserted adverbs x forms x two subjects
ADVERBS = ["also", "therefore", "urgently", "instead", "at least", "now", "rather", "clearly", "first"]
for a_i, adv in enumerate(ADVERBS):
    for f_i, form in enumerate(["should", "must", "need to", "ought to", "have to"]):
        for s_i in range(2):
            subj, num = SUBJECTS[(a_i + f_i + s_i * 5) % 12]
            base, _ = ACTIONS[(a_i * 2 + f_i + s_i) % len(ACTIONS)]
            m = agree(form, num)
            if form in ("should", "must"):
                phrase = f"{m} {adv} {base}"
            elif form == "ought to":
                phrase = f"ought {adv} to {base}" if s_i else f"ought to {adv} {base}"
            else:  # need to / have to: adverb before the semi-modal
                phrase = f"{adv} {m} {base}" if adv not in ("instead", "at least", "rather", "first") else f"{m} {adv} {base}"
            add("+", "adverb:" + form, dims(form, subj, "pos", adv), f"{cap(subj)} {phrase}.")

# 4. inversion
INV = [("Nor should {s} {v}.", "+"), ("Nor must {s} {v}.", "+"), ("Only then should {s} {v}.", "+"),
       ("Never again must {s} {v}.", "+"), ("Under no circumstances should {s} {v}.", "+"),
       ("Not only should {s} {v}, it should also explain why.", "+")]
for t_i, (tmpl, label) in enumerate(INV):
    for s_i, (subj, num) in enumerate(SUBJECTS[:6]):
        base, _ = ACTIONS[(t_i + s_i * 2) % len(ACTIONS)]
        add(label, "inversion", dims(tmpl.split()[0] + " " + tmpl.split()[1], subj, "pos", "-", "active", "inverted"),
            tmpl.format(s=subj, v=base))

# 5. sentence position x forms
OPENERS = ["To do so,", "In the short term,", "Above all,", "Second,", "For this reason,", "At the same time,",
           "In this context,", "Finally,"]
POSFORMS = ["{s} should {v}", "{s} must {v}", "{s} {need} {v}", "it is crucial that {s} {v}",
            "it is essential for {o} to {v}", "{s} would do well to {v}"]
for o_i, op in enumerate(OPENERS):
    for p_i, pf in enumerate(POSFORMS):
        subj, num = SUBJECTS[(o_i + p_i) % 12]
        base, _ = ACTIONS[(o_i * 3 + p_i) % len(ACTIONS)]
        body = pf.format(s=subj, o=obj(subj), v=base, need=agree("need to", num))
        add("+", "opener", dims(pf.split()[1] if pf.startswith("{s}") else "it is ADJ", subj, "pos", "-", "active", op),
            f"{op} {body}.")

# 6. passive voice
PMODALS = ["should be", "must be", "need to be", "has to be", "ought to be", "should urgently be",
           "must now be", "should not be"]
for m_i, pm in enumerate(PMODALS):
    for p_i, (np, num, pp) in enumerate(PASSIVES):
        if (m_i + p_i) % 2:
            continue
        m = pm
        if pm == "need to be":
            m = "needs to be" if num == "sg" else "need to be"
        if pm == "has to be":
            m = "has to be" if num == "sg" else "have to be"
        if pm == "should not be" and pp in ("stepped up", "strengthened", "funded", "addressed", "closed"):
            pp = {"stepped up": "scaled back", "strengthened": "neglected", "funded": "delayed",
                  "addressed": "ignored", "closed": "left open"}[pp]
        add("+", "passive:" + pm, dims(pm, np, "neg" if "not" in pm else "pos", "-", "passive"), f"{np} {m} {pp}.")

# 7. impersonal "it is ADJ to / for X to / that X"
ADJS = ["crucial", "essential", "vital", "imperative", "important", "necessary", "urgent", "advisable",
        "high time", "time", "better", "wiser", "prudent", "critical", "paramount"]
for a_i, adj in enumerate(ADJS):
    base, _ = ACTIONS[a_i % len(ACTIONS)]
    subj, num = SUBJECTS[a_i % 12]
    if adj in ("better", "wiser"):
        add("+", "it-would-be:" + adj, dims("it would be " + adj), f"It would be {adj} to {base}.")
        add("+", "it-would-be:" + adj, dims("it would be " + adj + " for", subj), f"It would be {adj} for {obj(subj)} to {base}.")
        continue
    add("+", "it-is:" + adj, dims("it is " + adj + " to"), f"It is {adj} to {base}.")
    if adj not in ("time", "high time"):
        add("+", "it-is:" + adj, dims("it is " + adj + " for", subj), f"It is {adj} for {obj(subj)} to {base}.")
        base2, _ = ACTIONS[(a_i + 5) % len(ACTIONS)]
        subj2, num2 = SUBJECTS[(a_i + 3) % 12]
        add("+", "it-is:" + adj, dims("it is " + adj + " that", subj2), f"It is {adj} that {subj2} {base2}.")
    else:
        add("+", "it-is:" + adj, dims("it is " + adj + " for", subj), f"It is {adj} for {obj(subj)} to {base}.")

# 8. other named forms, each with several subjects / objects
OTHER = []
for i, (subj, num) in enumerate([x for x in SUBJECTS if x[0] != "we"][:6]):
    base, ger = ACTIONS[(i + 4) % len(ACTIONS)]
    noun = NOUNS[i % len(NOUNS)]
    S = cap(subj)
    OTHER += [
        ("+", "requires", f"Deterring Moscow requires {noun}."),
        ("+", "requires", f"Ending the war requires {subj} to {base}."),
        ("+", "calls-for", f"The situation calls for {noun}."),
        ("+", "calls-for", f"{S} {'calls' if num == 'sg' else 'call'} for {noun}."),
        ("+", "the-need", f"This underlines the need for {noun}."),
        ("+", "the-need", f"{S} {'has' if num == 'sg' else 'have'} stressed the need to {base}."),
        ("+", "there-is-need", f"There is a need for {obj(subj)} to {base}."),
        ("+", "there-is-need", f"There is an urgent need to {base}."),
        ("+", "what-is-needed", f"What is needed is {noun}."),
        ("+", "what-is-needed", f"What {subj} {'needs' if num == 'sg' else 'need'} is {noun}."),
        ("+", "priority", f"Priority should be given to {ger}."),
        ("+", "priority", f"{S} should give priority to {ger}."),
        ("+", "best-option", f"The best option would be to {base}."),
        ("+", "best-option", f"The best option for {obj(subj)} would be to {base}."),
        ("+", "makes-sense", f"It makes sense for {obj(subj)} to {base}."),
        ("+", "makes-sense", f"It would make sense to {base}."),
        ("+", "recommend", f"We recommend that {subj} {base}."),
        ("+", "recommend", f"We recommend {ger}."),
        ("+", "urge", f"We urge {obj(subj)} to {base}."),
        ("+", "propose", f"We propose that {subj} {base}."),
        ("+", "recommended", f"{cap(ger)} is recommended."),
        ("+", "recommended", f"It is recommended that {subj} {base}."),
        ("+", "way-forward", f"The way forward is to {base}."),
        ("+", "way-forward", f"The way forward lies in {ger}."),
        ("+", "efforts-focus", f"Efforts should focus on {ger}."),
        ("+", "efforts-focus", f"{S}'s efforts should focus on {ger}." if num == "sg" else f"Their efforts should focus on {ger}."),
        ("+", "deserves", f"The proposal deserves the support of {obj(subj)}."),
        ("+", "deserves", f"This option deserves serious consideration by {obj(subj)}."),
        ("+", "is-key", f"The key is to {base}."),
        ("+", "must-be-priority", f"{cap(ger)} must be a priority for {obj(subj)}."),
    ]
for label, cls, s in OTHER:
    add(label, "other:" + cls, dims(cls), s)

# 9. recommendation lists: a heading, then imperative items (each its own sentence)
for l_i in range(3):
    doc_n[0] += 1
    doc = f"d{doc_n[0]}"
    head = ["Recommendations:", "Policy recommendations", "What the EU should do:"][l_i]
    add("?", "list:heading", dims("heading"), head, doc)
    for k in range(5):
        base, _ = ACTIONS[(l_i * 5 + k) % len(ACTIONS)]
        mark = [f"{k + 1}. ", "- ", "• "][l_i]
        add("+", "list:imperative", dims("imperative", "-", "pos", "-", "active", "list-item"), mark + cap(base) + ".", doc)
# imperatives standing alone, with a subject-free opener
for k, op in enumerate(["", "First, ", "Above all, ", "In the short term, "]):
    for j in range(3):
        base, _ = ACTIONS[(k * 3 + j) % len(ACTIONS)]
        text = op + (base if op else cap(base)) + "."
        add("+", "imperative", dims("imperative", "-", "pos", "-", "active", op.strip(", ") or "initial"), text)
for j in range(3):
    base, _ = ACTIONS[(j + 7) % len(ACTIONS)]
    add("+", "imperative-neg", dims("imperative", "-", "neg"), f"Do not {base}.")
    add("+", "imperative-neg", dims("imperative", "-", "neg"), f"Never {base}.")

# 10. counterparts that must not be tagged
NEGATIVE = {
    "predictive-should": [
        "The shipment should arrive by Friday.",
        "The talks should resume next week.",
        "Prices should fall as supply recovers.",
        "The new air defence systems should be operational by the spring.",
        "The report should be published later this month.",
        "Kyiv's counter-offensive should slow as winter sets in.",
        "Inflation in the euro area should ease in the second half of the year.",
        "With the new pipeline, gas deliveries to Europe should double.",
    ],
    "epistemic-must": [
        "Washington must have been aware of the risks.",
        "The UN Security Council must have known about the convoy.",
        "There must be a mistake in the figures.",
        "This must be why Kyiv hesitated.",
        "The donors must be disappointed by the result.",
        "Policymakers in Brussels must have expected the veto.",
    ],
    "need-not-state": [
        "The deal need not be a problem for Europe.",
        "Higher defence spending need not mean higher taxes.",
        "A ceasefire need not be a defeat for Kyiv.",
    ],
    "conditional-should": [
        "Should Putin escalate, NATO would respond.",
        "Should the talks fail, the EU would impose new sanctions.",
        "If Moscow should attack again, the allies would respond.",
        "Should Washington withdraw its support, Kyiv would struggle.",
        "In case the donors should hesitate, the fund would run dry.",
    ],
    "has-to-do-with": [
        "The dispute has to do with grain exports.",
        "Much of the delay has to do with the procurement rules.",
    ],
    "question": [
        "Should the EU impose tougher sanctions on Moscow?",
        "Must NATO allies invest more in air defence?",
        "Does Washington need to reconsider the export ban?",
        "What should donors do about the power grid?",
        "Is it crucial to engage with the junta in Bamako?",
        "Why should industry invest more in air defence?",
    ],
    "reported-past-obligation": [
        "Kyiv had to withdraw from Avdiivka in February.",
        "The government needed to borrow heavily last year.",
        "Ukrainian troops had to retreat after the dam was destroyed.",
        "European capitals had to find new gas suppliers in 2022.",
        "The mission had to be suspended after the coup.",
        "Donors were obliged to cut their contributions after the audit.",
    ],
    "fact-requires": [
        "The procedure requires a two-thirds majority.",
        "The treaty requires ratification by all member states.",
        "The F-16 requires long runways.",
    ],
    "calls-for-nonaction": [
        "The recipe calls for three cups of sugar.",
        "The forecast calls for rain in Kyiv on Friday.",
    ],
    "emotive-should": [
        "It is strange that Washington should hesitate now.",
        "It is no surprise that Kyiv should feel betrayed.",
        "I should like to thank the chair for his work.",
    ],
    "fact-cannot-afford": [
        "Many families in Kharkiv cannot afford to heat their homes.",
    ],
    "fact-deserves": [
        "Kyiv deserves credit for the reforms it has made.",
    ],
    "concession": [
        "We have to admit that the plan failed.",
        "We must admit that the sanctions did not work.",
    ],
    "discourse-it-is": [
        "It is important to note that the figures are provisional.",
        "It is necessary to recall that the mission began in 2013.",
        "It is worth noting that the talks have stalled.",
    ],
    "makes-sense-fact": [
        "It makes sense that prices rose after the embargo.",
    ],
    "need-noun-fact": [
        "The need for spare parts grew as the war dragged on.",
        "Ukraine's need for artillery shells is well documented.",
    ],
    "predicted-necessity": [
        "Kyiv will have to decide by the end of the year.",
    ],
}
for cls, sents in NEGATIVE.items():
    for s in sents:
        label = "?" if cls in ("predicted-necessity", "need-noun-fact") else "-"
        add(label, "not:" + cls, dims(cls), s)


# 11. batch 2 (written after batch 1's run, before its own): what stands between the
# subject and the modal or after it, copular and nominal prescriptions, hedged advice,
# and their non-prescriptive counterparts.
B2 = []
for i, (subj, num) in enumerate([x for x in SUBJECTS if x[0] != "we"]):
    base, ger = ACTIONS[(i + 7) % len(ACTIONS)]
    noun = NOUNS[(i + 2) % len(NOUNS)]
    S = cap(subj)
    be = "is" if num == "sg" else "are"
    has = "has" if num == "sg" else "have"
    B2 += [
        ("+", "b2:relative-subject", f"{S}, which {has} so far hesitated, should {base}."),
        ("+", "b2:apposition-subject", f"{S}, the largest contributor, must {base}." if num == "sg" else f"{S}, the largest contributors, must {base}."),
        ("+", "b2:aside-after-modal", f"{S} should, as a matter of priority, {base}."),
        ("+", "b2:aside-after-modal", f"{S} must, in close coordination with Kyiv, {base}."),
        ("+", "b2:should-be-adj", f"{S} should be more assertive in its dealings with Beijing." if num == "sg" else f"{S} should be more assertive in their dealings with Beijing."),
        ("+", "b2:must-be-ready", f"{S} must be ready to {base}."),
        ("+", "b2:more-must-be-done", f"More must be done to {base}."),
        ("+", "b2:more-must-be-done", f"More needs to be done by {obj(subj)} to {base}."),
        ("+", "b2:in-interest", f"It is in {poss(subj)} interest to {base}." if not subj.startswith("the ") else f"It is in the interest of {subj} to {base}."),
        ("+", "b2:well-advised", f"{S} {be} well advised to {base}."),
        ("+", "b2:encouraged", f"{S} should be encouraged to {base}."),
        ("+", "b2:encouraged", f"{S} {be} encouraged to {base}."),
        ("+", "b2:actor-needs", f"{S} {'needs' if num == 'sg' else 'need'} {noun}."),
        ("+", "b2:time-has-come", f"The time has come for {obj(subj)} to {base}."),
        ("+", "b2:now-is-time", f"Now is the time for {obj(subj)} to {base}."),
        ("+", "b2:incumbent", f"It is incumbent on {subj} to {base}."),
        ("+", "b2:only-way", f"The only way to end the war is to {base}."),
        ("+", "b2:priority-noun", f"{cap(ger)} should be a priority."),
        ("+", "b2:top-of-agenda", f"{cap(ger)} should be at the top of the agenda."),
        ("+", "b2:goal-should-be", f"The goal should be to {base}."),
        ("+", "b2:focus-should-be", f"The focus should be on {ger}."),
        ("+", "b2:aim-must-be", f"The aim must be to {base}."),
        ("+", "b2:better-approach", f"A better approach would be to {base}."),
        ("+", "b2:could-consider", f"{S} could consider {ger}."),
        ("+", "b2:might-consider", f"{S} might consider {ger}."),
        ("+", "b2:could-do-more", f"{S} could do more to {base}."),
        ("+", "b2:may-want", f"{S} may want to {base}."),
        ("+", "b2:rather-than", f"Rather than waiting for Washington, {subj} should {base}."),
        ("+", "b2:instead-of", f"Instead of issuing statements, {subj} must {base}."),
        ("+", "b2:refrain", f"{S} should refrain from {ger}."),
        ("+", "b2:must-stop", f"{S} must stop {ger}."),
        ("+", "b2:no-alternative", f"There is no alternative to {ger}."),
        ("+", "b2:worth", f"It is worth {ger}."),
        ("+", "b2:let", f"Let {subj} {base}."),
        ("+", "b2:need-is", f"The need now is to {base}."),
        ("+", "b2:essential-noun", f"{cap(ger)} is essential."),
        ("+", "b2:key-noun", f"{cap(ger)} will be key."),
        ("+", "b2:should-have-counterfactual", f"{S} should have acted sooner to {base}."),
        ("+", "b2:reported-should", f"The report argues that {subj} should {base}."),
        ("+", "b2:reported-must", f"Analysts say {subj} must {base}."),
        ("+", "b2:reported-call", f"Kyiv has asked {obj(subj)} to {base}."),
        ("+", "b2:reported-call", f"Zelensky urged {obj(subj)} to {base}."),
        ("+", "b2:reported-call", f"Brussels wants {obj(subj)} to {base}."),
        ("-", "b2:not-past-decision", f"In 2022 {subj} decided to {base}."),
        ("-", "b2:not-ability", f"{S} can {base} within weeks."),
        ("-", "b2:not-will-fact", f"{S} will {base} next year, officials said."),
        ("-", "b2:not-ready-fact", f"{S} {be} ready to talk, the spokesman said."),
        ("-", "b2:not-plan", f"{S} plans to {base} by 2026."),
        ("-", "b2:not-hypothetical", f"If {subj} were to {base}, Moscow would respond."),
    ]
for label, cls, s in B2:
    # "should have acted" is a counterfactual reproach: left open
    if cls == "b2:should-have-counterfactual":
        label = "?"
    # an actor's hope ("wants X to") is a position; whether it prescribes is left open
    if cls == "b2:reported-call" and s.startswith("Brussels wants"):
        label = "?"
    add(label, cls, dims(cls.split(":")[1]), s)
B2_NEG = {
    "b2:not-need-of-thing": ["The engine needs regular maintenance.", "The report needs more data to be convincing."],
    "b2:not-must-inference": ["Kyiv must be wondering whether the aid will come.", "It must be said that the figures are incomplete."],
    "b2:not-should-expectation": ["The new line should be finished by 2025.", "Allies should receive the first jets in the summer.",
                                  "Talks should start on Monday in Geneva.", "The vote should take place after the summer recess."],
    "b2:not-important-fact": ["It is important to remember that the war began in 2014.", "It is essential reading for anyone in Brussels."],
    "b2:not-necessary-descr": ["The necessary funds were approved in March.", "Washington took the necessary steps last year."],
}
for cls, sents in B2_NEG.items():
    for s in sents:
        add("-", cls, dims(cls.split(":")[1]), s)


# 12. batch 3 (written after batch 2's run, before its own): the formats of a brief's
# recommendation section: a lead-in ending in a colon, then items that are lower-case
# imperatives, gerunds or noun phrases, with ";" or "." ends; a heading phrase.
LEADS = ["The EU should:", "To that end, Western governments should:", "We recommend that donors:",
         "Policymakers in Washington need to:", "Recommendations for NATO allies:", "Kyiv's partners must:"]
for l_i, lead in enumerate(LEADS):
    doc_n[0] += 1
    doc = f"d{doc_n[0]}"
    add("?", "b3:lead-in", dims("lead-in"), lead, doc)
    for k in range(4):
        base, ger = ACTIONS[(l_i * 4 + k) % len(ACTIONS)]
        mark = ["- ", "• ", f"{k + 1}. ", f"({chr(97 + k)}) "][k % 4]
        end = ";" if k < 3 else "."
        if l_i % 3 == 0:
            item, cls = base, "b3:item-lower-imperative"
        elif l_i % 3 == 1:
            item, cls = cap(base), "b3:item-cap-imperative"
        else:
            item, cls = ger, "b3:item-gerund"
        add("+", cls, dims(cls.split(":")[1], "-", "pos", "-", "active", "list-item"), mark + item + end, doc)
# gerund and noun-phrase items under a heading of recommendations
for l_i, head in enumerate(["Policy recommendations", "What should be done", "Priorities for the EU"]):
    doc_n[0] += 1
    doc = f"d{doc_n[0]}"
    add("?", "b3:heading", dims("heading"), head, doc)
    for k in range(3):
        base, ger = ACTIONS[(l_i * 3 + k + 2) % len(ACTIONS)]
        noun = NOUNS[(l_i + k) % len(NOUNS)]
        add("+", "b3:item-gerund-cap", dims("gerund-item", "-", "pos", "-", "active", "list-item"), "- " + cap(ger) + ".", doc)
        add("?", "b3:item-noun", dims("noun-item", "-", "pos", "-", "active", "list-item"), "- " + cap(noun) + ".", doc)
# headline forms
for k in range(4):
    base, _ = ACTIONS[(k + 3) % len(ACTIONS)]
    add("+", "b3:time-headline", dims("time-headline"), f"Time to {base}.")
    add("+", "b3:time-headline", dims("time-headline"), f"Time for Europe to {base}")
    add("?", "b3:why-headline", dims("why-headline"), f"Why Europe must {base}")
# items and leads that are no recommendation
for t in ["The EU has three options:", "Key findings:", "- Russia has lost about 300,000 troops;",
          "- prices rose by 12 per cent in 2023;", "1. Background to the crisis.", "• The junta took power in 2021."]:
    add("-", "b3:not-list", dims("not-list"), t)


# 13. batch 4 (written after batch 3's run, before its own): the forms whose rule reads the
# subject, crossed with 24 more subjects (states, capitals, blocs, officials, groups,
# quantified and possessive holders).
SUBJ4 = [("Europeans", "pl"), ("the Biden administration", "sg"), ("Berlin and Paris", "pl"), ("the G7", "sg"),
         ("African leaders", "pl"), ("the junta", "sg"), ("Beijing", "sg"), ("Turkey", "sg"), ("the African Union", "sg"),
         ("Gulf states", "pl"), ("the West", "sg"), ("the Commission", "sg"), ("member states", "pl"),
         ("governments in the region", "pl"), ("Ukraine's allies", "pl"), ("the next government", "sg"),
         ("the authorities", "pl"), ("both sides", "pl"), ("all parties to the conflict", "pl"), ("each member state", "sg"),
         ("the Sahel states", "pl"), ("ECOWAS", "sg"), ("the German government", "sg"), ("Western donors", "pl")]
F4 = [
    ("b4:needs-noun", lambda S, s, n, b, g, o: f"{S} {'needs' if n == 'sg' else 'need'} a clear strategy for the Sahel."),
    ("b4:cannot-afford", lambda S, s, n, b, g, o: f"{S} cannot afford to ignore the warning signs."),
    ("b4:would-do-well", lambda S, s, n, b, g, o: f"{S} would do well to {b}."),
    ("b4:well-advised", lambda S, s, n, b, g, o: f"{S} {'is' if n == 'sg' else 'are'} well advised to {b}."),
    ("b4:essential-for", lambda S, s, n, b, g, o: f"It is essential for {o} to {b}."),
    ("b4:important-for", lambda S, s, n, b, g, o: f"It is important for {o} to {b}."),
    ("b4:we-urge", lambda S, s, n, b, g, o: f"We urge {o} to {b}."),
    ("b4:what-needs", lambda S, s, n, b, g, o: f"What {s} {'needs' if n == 'sg' else 'need'} is a clear strategy for the Sahel."),
    ("b4:time-for", lambda S, s, n, b, g, o: f"It is time for {o} to {b}."),
    ("b4:cannot-allow", lambda S, s, n, b, g, o: f"{S} cannot allow the situation to deteriorate further."),
    ("b4:must", lambda S, s, n, b, g, o: f"{S} must {b}."),
    ("b4:would-be-wise", lambda S, s, n, b, g, o: f"{S} would be wise to {b}."),
]
for s_i, (subj, num) in enumerate(SUBJ4):
    for f_i, (cls, f) in enumerate(F4):
        base, ger = ACTIONS[(s_i + f_i) % len(ACTIONS)]
        add("+", cls, dims(cls.split(":")[1], subj), f(cap(subj), subj, num, base, ger, obj(subj)))

print("# label\tclass\tdims (form|subject|polarity|adverb|voice|position)\tdoc\tsentence")
for r in rows:
    print("\t".join(r))
