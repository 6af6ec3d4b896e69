"""The words of security reporting that tell what a number counts, compiled once at import.

Patterns run on lower-cased sentence text unless they say otherwise.
"""
from __future__ import annotations

import re

# words that end a noun phrase: the head noun of "N <modifiers> <head>" comes before any of these
FUNCTION_WORDS = (
    r"in|of|and|or|were|was|are|is|be|been|by|to|from|with|which|that|who|whom|the|a|an|had|have|has|for|on|at|as"
    r"|per|while|but|than|when|where|during|since|after|before|including|across|into|against|out|each|it|its|their"
)

# the head noun of a counted phrase, by class
HEAD = re.compile(
    r"""(?:
    (?P<attacks>suicide\s+bombings|attacks?|incidents?|strikes|bombings|blasts|explosions|assaults|acts\s+of\s+terror(?:ism)?
        |(?:political\s+)?violence\s+events|violent\s+events|security\s+events|conflict\s+events)
    |(?P<operations>operations|actions|raids|offensives|ibos)
    |(?P<killed>deaths|fatalities|dead|killed|lives|martyred|died)
    |(?P<injured>injuries|injured|wounded|hurt)
    |(?P<casualties>casualties)
    |(?P<victim>civilians|non-combatants|soldiers|troops|policemen|police|personnel|officials|officers|levies
        |militants|terrorists|outlaws|insurgents|razakars|people|persons|individuals|others|victims|men)
    |(?P<fighters>fighters|jihadists|members|cadres|combatants|recruits|operatives)
    |(?P<other>groups|organi[sz]ations|outfits|countries|nations|provinces|districts|cities|towns|villages|months
        |weeks|days|hours|years|times|suspects|women|children|girls|boys|minors|students|journalists|schools
        |arrests|kidnappings|abductions|seats|votes|points|places|positions|cases|families|refugees|migrants
        |vehicles|weapons|kilograms|rockets|mortars|ieds|devices|security\s+check\s?posts|check\s?posts|posts)
    )\b
    """,
    re.VERBOSE,
)
NOUN_PHRASE = re.compile(
    rf"""^[\s"“”’'(]*(?P<mods>(?:(?!(?:{FUNCTION_WORDS})\b)[a-z][a-z-]*(?:\s+or|,|\s+and)\s+|(?!(?:{FUNCTION_WORDS})\b)[\w’'/.-]+\s+|\([a-z]{{1,6}}\)\s+){{0,5}}?)(?={HEAD.pattern})""",
    re.VERBOSE,
)

VICTIM = re.compile(
    r"""
    (?P<civilians>\bcivilians?\b|\bnon-combatants\b)
    |(?P<security>\bsecurity\s+(?:forces?\s*)?(?:/\s*\w+\s+)?(?:personnel|officials|men|officers)\b
        |\b(?:personnel|men|members)\s+of\s+(?:the\s+)?(?:security|law)\b|\bsoldiers\b|\btroops\b|\bpolice(?:men)?\b|\blevies\b
        |\bofficers\b|\bsfs?\b(?=\s+(?:personnel|fatalities|deaths|casualties|losses|men))|\blaw\s+enforce\w*(?:\s+(?:personnel|agencies))?|\bfc\s+personnel\b|\barmy\s+personnel\b
        |\bsecurity\s+forces(?=\s*(?:’s?|'s?)?\s*(?:casualties|fatalities|deaths|losses|members))
        |\b(?:among|of)\s+(?:the\s+)?security\s+forces\b|\bpersonnel\b)
    |(?P<militants>\bmilitants\b|\bterrorists\b|\boutlaws\b|\binsurgents\b|\bjihadists\b|\bfighters\b
        |\bmilitant\s+(?=deaths|fatalities|casualties)|\bsuspected\s+militants\b)
    |(?P<progov>\brazakars?\b|\bpro-government\s+militia\w*|\b(?:tribal\s+|peace\s+)?lashkars\b|\bpeace\s+committee\s+members?|\baman\s+lashkar)
    """,
    re.VERBOSE,
)

# a phrase that names what a change or an elliptical number counts
METRIC_NOUN = re.compile(
    r"""
    (?P<casualties>\bcasualt(?:y|ies)\b)
    |(?P<attacks>\b(?:attacks?|incidents?|strikes|bombings|blasts|acts\s+of\s+terror(?:ism)?)\b)
    |(?P<operations>\b(?:operations|actions|raids)\b)
    |(?P<killed>\b(?:deaths|fatalities|killed|dead|death\s+toll|toll|lives\s+lost|people\s+killed)\b)
    |(?P<injured>\b(?:injuries|injured|wounded)\b)
    """,
    re.VERBOSE,
)
SUICIDE = re.compile(r"\bsuicide\b")

UP_WORDS = (
    r"increase[sd]?|increasing|rise|rises|rose|risen|rising|surge[sd]?|surging|jump(?:ed|s|ing)?|hike|upsurge|spike[sd]?|spiking"
    r"|growth|grew|grow(?:s|ing)?|climb(?:ed|s|ing)?|soar(?:ed|s|ing)?|up|higher|more"
)
DOWN_WORDS = (
    r"decline[sd]?|declining|decrease[sd]?|decreasing|drop(?:ped|s|ping)?|fall|falls|falling|fell|fallen|reduction|reduced"
    r"|dip(?:ped|s|ping)?|plunge[sd]?|plunging|plummet(?:ed|s|ing)?|down|lower|fewer|less|slump(?:ed|s|ing)?"
)
CHANGE_BEFORE = re.compile(
    rf"\b(?P<word>{UP_WORDS}|{DOWN_WORDS}|went\s+up|went\s+down|came\s+down)\s*(?:\(|(?:,\s*(?:of|by)\b|(?:of|by|to)?)\s*(?:about|nearly|almost|over|around|roughly|more\s+than|some|at\s+least|just\s+over|approximately|a\s+staggering|only|just|an?\s+)?)\s*$"
)
CHANGE_AFTER = re.compile(
    rf"^\s*(?:(?:per\s*cent|percent|%)\s+)?(?:\w+\s+)?(?P<word>{UP_WORDS}|{DOWN_WORDS})\b"
)
GAPPED_CHANGE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?P<noun>(?:the\s+)?(?:number\s+of\s+)?[a-z\s-]{2,40}?)\s+(?:by\s*)?")
# "women and children made up 43 per cent": a share, not a rise
MADE_UP = re.compile(r"\b(?:made|make|makes|making|add|adds|added|adding|sum|sums|summed|took|take|takes|taking)\s+$")
CHANGE_WORD = re.compile(rf"\b(?P<word>{UP_WORDS}|{DOWN_WORDS})\b")
DOWN = re.compile(rf"^(?:{DOWN_WORDS}|went\s+down|came\s+down)$")
# "a 74 surge": a count with an article before it and a change noun after it is a percent written without its sign
BARE_PERCENT_BEFORE = re.compile(r"\b(?:a|an)\s+(?:\w+\s+)?$")
BARE_PERCENT_AFTER = re.compile(
    r"^\s+(?:surge|increase|rise|jump|hike|upsurge|spike|decline|decrease|drop|fall|reduction|dip|plunge)\b"
)
# a scale word the number parser did not fold into the number ("1 quadrillion", "3 thousand"): its value is unknown
SCALE_AFTER = re.compile(r"^\s*-?\s*(?:[a-z]*illions?|hundreds?|thousands?|lakhs?|crores?|bn|mn)\b")
SCALE_WORD = re.compile(r"(?:[a-z]*illions?|hundreds?|thousands?|lakhs?|crores?)")
PERCENT_LIST_AFTER = re.compile(r"^(?:\s*(?:,|and|,\s*and)\s*\d+(?:\.\d+)?)+\s?(?:%|per\s?cent\b|percent\b|pc\b)")

# what was done to the people counted: verbs after "N people" or before "N"
VERB_AFTER = re.compile(
    r"""^\s*(?:(?!(?:and|or|but|while|in|of|from|to|by|with|including|which|who|that)\b)[\w’'/-]+\s+){0,4}?(?:(?:were|was|have\s+been|had\s+been|are|got|been|being)\s+)?(?:reportedly\s+|also\s+)?
    (?:(?P<casualties>killed\s+(?:or|and)\s+(?:injured|wounded|maimed)|dead\s+(?:or|and)\s+(?:injured|wounded)|harmed)
      |(?P<killed>killed|dead|died|martyred|lost\s+their\s+lives|losing\s+their\s+lives|lost\s+lives|embraced\s+martyrdom
        |laid\s+down\s+their\s+lives|neutrali[sz]ed|eliminated|sent\s+to\s+hell|perished|slain|gunned\s+down|shot\s+dead|executed)
      |(?P<injured>injured|wounded|hurt|maimed|sustained\s+(?:\w+\s+)?injuries|received\s+(?:\w+\s+)?injuries|suffered\s+(?:\w+\s+)?injuries)
      |(?P<arrested>arrested|detained|apprehended|captured|held|taken\s+into\s+custody|nabbed)
      |(?P<kidnapped>abducted|kidnapped|missing|taken\s+hostage)
      |(?P<displaced>displaced|relocated|pushed|fled|evacuated|rescued|surrendered|released))\b""",
    re.VERBOSE,
)
VERB_BEFORE = re.compile(
    r"""\b(?:(?P<casualties>(?:killed|killing)\s+(?:or|and)\s+(?:injured|wounded|maimed)|(?:killed|killing)\s+or\s+injuring)
      |(?P<killed>killed|killing|kills|kill|claimed\s+the\s+lives\s+of|martyred|slew|took\s+the\s+lives\s+of|lost|losing
        |neutrali[sz]ed|neutrali[sz]ing|eliminated|eliminating)
      |(?P<injured>injured|injuring|injures|wounded|wounding|wounds|injure|maimed|maiming)
      |(?P<arrested>arrested|arresting|detained|detaining|apprehended|captured|nabbed)
      |(?P<kidnapped>abducted|kidnapped|abducting|kidnapping)
      |(?P<displaced>displaced|rescued|evacuated)
      |(?P<left>left|leaving))\s+(?:(?:another|other|at\s+least|about|around|nearly|over|some|more\s+than|almost|roughly|approximately|a\s+total\s+of|in\s+all|as\s+many\s+as|up\s+to|an\s+estimated|between)\s+)*[“"]?$""",
    re.VERBOSE,
)
SHARED_VERB_BEFORE = re.compile(
    r"\b(?:(?P<killed>killed|killing|kills|martyred|slew)|(?P<injured>injured|injuring|wounded|wounding))\s+(?:[\w-]+\s+){0,2}?"
    r"\d[\d,]*\s+(?:[\w-]+\s+){0,3}?[\w-]+\s*(?:,|,?\s+and)\s+(?:[\w-]+\s+){0,2}?$"
)
EVENT_VERB = re.compile(
    r"\b(?:(?P<killed>killed|killing|died|dead|martyred|lost\s+their\s+lives|deaths|fatalities|lives)"
    r"|(?P<injured>injured|injuring|wounded|wounding|injuries)"
    r"|(?P<arrested>arrested|detained|apprehended)|(?P<kidnapped>abducted|kidnapped))\b"
)
LIST_INTRO = re.compile(
    r"\b(?:including|includ\w+|comprising|comprised\s+of|among\s+(?:them|whom)|of\s+whom|such\s+as"
    r"|along\s+with|together\s+with|as\s+well\s+as|alongside|besides|in\s+addition\s+to)\b|[–—:]"
)
# a relative clause listing who a side is made of: "pro-government forces, which include Afghan troops and ..."
MEMBERS_CLAUSE_BEFORE = re.compile(
    r"\b(?:forces|groups|elements|factions|militias|coalition|alliance|organi[sz]ations|network|outfits)\s*,\s*(?:which|who)\s+$"
)
# a part of the people counted, said between them and their verb: ", including 927 children,", "(among them 60 women)"
PART_ASIDE_AFTER = re.compile(
    r"^\s*(?:,|\(|–|—)\s*(?:including|among\s+them|among\s+whom|of\s+whom|most\s+of\s+them|many\s+of\s+them|mostly|mainly)\b"
    r"[^,()–—;.]{0,80}(?:,|\)\s*,?|–|—)"
)
PART_INTRO_BEFORE = re.compile(r"[,(–—]\s*(?:including|among\s+them|among\s+whom|of\s+whom)\s+(?:about\s+|some\s+|nearly\s+|at\s+least\s+)?$")
JOINED_VICTIMS = re.compile(
    r"^\s+(?:and|or|as\s+well\s+as)\s+(?P<other>(?:[a-z-]+\s+){0,2}?(?:civilians|soldiers|troops|policemen|police\s+officers|officers|police"
    r"|personnel|officials|levies|militants|terrorists|outlaws|insurgents|fighters))\b"
)
LEFT_RESULT = re.compile(
    r"^\s*(?:[\w’'/-]+\s+){0,3}?(?P<casualties>dead\s+(?:or|and)\s+(?:injured|wounded))\b"
    r"|^\s*(?:[\w’'/-]+\s+){0,3}?(?P<killed>dead)\b|^\s*(?:[\w’'/-]+\s+){0,3}?(?P<injured>injured|wounded)\b")
LIVES_BEFORE = re.compile(r"\b(?:claimed|claiming|claim|cost|costing|took|taking|loss\s+of|lost|left|consumed)\s+(?:[\w-]+\s+){0,3}$")
LIVES_AFTER = re.compile(r"^\s*(?:were\s+)?lost\b")
FIGHTERS_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:are|were|is|remain|remained|operate|operating|present|active|based|believed|estimated|strong)\b")
FIGHTERS_BEFORE = re.compile(
    r"\b(?:strength\s+of|estimated|has|have|had|with|numbering|numbers|comprising|comprises|fields?|fielded|fielding"
    r"|commands?|commanded|musters?|mustered|retains?|retained|maintains?|maintained)\s+(?:\w+\s+){0,2}$"
    r"|\b(?:strength|numbers|ranks)\b[^.;:]{0,60}?\bat\s+(?:between\s+)?$"
)
# "The number of civilians killed in suicide attacks jumped to 450": the number is the subject's new value
TREND_TO = re.compile(
    r"\b(?:rose|jumped|increased|climbed|soared|surged|reached|stood\s+at|totall?ed|fell|dropped|declined|decreased|went\s+up|went\s+down|came\s+down|grew|shot\s+up"
    r"|doubled|tripled|trebled|halved|risen|fallen|grown|gone\s+(?:up|down)|come\s+down)"
    r"(?:\s+[\w-]+)?(?:(?:\s+by)?\s+[\d.]+\s*(?:%|per\s?cent|percent|pc))?(?:\s+(?:in\s+(?:19|20)\d\d|last\s+year|this\s+year|in\s+the\s+year))?,?\s+(?:to|from)\s+"
    # "have fallen from a peak of 3,300": the earlier value named as a peak
    r"(?:(?:a|an|the)\s+(?:[\w-]+\s+)?(?:peak|high|low|record(?:\s+high)?)\s+of\s+)?$"
    r"|\b(?:numbered|numbering|totall?ed|totall?ing|stood\s+at|amounted\s+to|reached)\s+$"
    # "the number of attacks held more or less steady at 1,821": unchanged, at that value
    r"|\b(?:held|holding|remained|remaining|stayed|staying|kept)\s+(?:(?:more\s+or\s+less|roughly|largely|broadly|almost|nearly)\s+)?(?:steady|stable|flat|unchanged)\s+at\s+$"
    # "deaths were down 37pc year-on-year at 815"
    r"|\b(?:up|down|higher|lower)\s+(?:by\s+)?[\d.]+\s*(?:%|per\s?cent|percent|pc)(?:\s+[\w-]+){0,2}?\s+at\s+$"
    r"|\b(?:number|count|tally|toll|total)\s+of\s+[\w\s-]{2,40}?\s+(?:was|were|is|are)\s+$"
    r"|\b(?:death\s+toll|toll|fatalities|deaths|casualties|injuries)\s+(?:was|were|is|are)\s+$"
    r"|\b(?:taking|bringing|pushing|raising|took|brought|pushed|raised)\s+(?:the\s+)?(?:overall\s+)?(?:number|total|toll|tally|count)\s+of\s+[\w\s-]{2,40}?\s+to\s+$"
    r"|\b(?:reached|hit|touched)\s+(?:a\s+(?:new\s+)?record(?:\s+high)?(?:\s+of)?|an?\s+(?:[\w-]+\s+)?(?:high|low|peak)\s+of)\s+$"
)
# "the report puts violence-related fatalities at 853": a reporting verb, what it counts, then "at N"
PUT_AT = re.compile(
    r"\b(?:puts?|putting|placed|places|placing|pegged|pegs|pegging|estimated|estimates|estimating|fixed|fixes|set|sets)"
    r"\s+(?P<phrase>[^.;:]{3,120}?)\s+at\s+$"
)
# whose fighters a strength belongs to: "<owner>'s strength", "the group's fighters"
STRENGTH_OWNER = re.compile(r"(?:’s|'s|’|')\s+(?:\w+\s+)?(?:strength|ranks|numbers|manpower|fighters|cadres|membership)\b")
GROUP_PRONOUN = re.compile(r"\bthe\s+(?:\w+\s+)?(?:group|outfit|organi[sz]ation|movement)$")
GROUP_PRONOUN_AFTER = re.compile(r"(?:(?:the|this|that)\s+)?(?:group|outfit|organi[sz]ation|movement)\b")
# "the group now has between 2,000 and 4,000 fighters": the strength of the group named before
GROUP_PRONOUN_HAD = re.compile(
    r"\b(?:the|this)\s+(?:\w+\s+)?(?:group|outfit|organi[sz]ation|movement)\s+(?:now\s+|still\s+|currently\s+|then\s+)?"
    r"(?:had|has|have|fielded|fields|commanded|commands|retains?|retained|maintains?|maintained|numbers?|numbered)\s+(?:[\w-]+\s+){0,3}$"
)
GROUP_PRONOUN_ANYWHERE = re.compile(r"\bthe\s+(?:\w+\s+)?(?:group|outfit|organi[sz]ation|movement)\b")
# a number's digits and inner separators are atomic (only trailing ',' or '.' can be given back to a following
# ", and 20"): with a plain \d[\d,.]* inside (...)* a run like "1,1,1,..." splits in exponentially many ways
RESPECTIVELY_AFTER = re.compile(r"^(?:\s*(?:,|and|,\s*and)\s*(?>\d(?:[\d,.]*\d)?)[,.]*)*(?:\s+of\s+(?:the\s+)?[\w\s-]{2,30}?)?\s*,?\s+respectively\b")
ELLIPTICAL_BEFORE = re.compile(
    r"\b(?:caused|carried\s+out|claimed|perpetrated|accounted\s+for|(?:was|were)\s+(?:responsible\s+for|behind)"
    r"|(?:was|were)\s+blamed\s+for|alone\s+responsible\s+for)\s+"
    # "Baloch insurgents were blamed for another 640": more of the same noun
    r"(?:(?:another|a\s+further|the\s+remaining)\s+)?$"
)
GAPPED_SUBJECT_BEFORE = re.compile(r"(?:,\s*|\s)(?:and|while|whereas)\s+(?P<who>(?:the\s+)?[^,;:.\d\s][^,;:.\d]{1,40}?)\s+$")
SHARE_OR_BEFORE = re.compile(
    r"\d[\d.]*\s*(?:%|per\s?cent|percent|pc)\s+of\s+(?:the\s+|all\s+)?(?P<noun>[\w\s-]{2,40}?)\s*,\s*or\s+(?:some\s+|about\s+|nearly\s+)?$"
)
GAPPED_FOR_BEFORE = re.compile(r"(?:,\s*|\s)(?:and|while|whereas)\s+(?P<who>[^,;:.\d]{2,50}?)\s+for\s+$")
RESPONSIBLE_FOR = re.compile(r"\b(?:responsible|accounted|accounting|blamed)\s+for\b")
# "Afghanistan recorded 4,502 deaths, while Pakistan recorded 1,081": a second subject that records the same noun
ELLIPTICAL_RECORD_BEFORE = re.compile(
    r"\b(?:while|whereas|and|but)\s+[^,;.]{2,40}?\s+(?:recorded|registered|saw|witnessed|suffered|logged|counted|documented|reported)\s+$"
)
IN_ATTACKS_BEFORE = re.compile(r"\b(?:in|by|during)\s+(?:\d[\d,]*\s+|the\s+|these\s+|those\s+)?$")
ATTACKS_AFTER_GROUP = re.compile(r"^\s*(?:[\w-]+\s+)?(?:attacks|bombings|blasts|strikes|raids)\b")
ELLIPTICAL_AFTER = re.compile(r"^\s*(?:(?:in|during)\s+(?:19|20)\d\d\s*)?(?:[.;)]|,\s|$)")
# "from 517 in 2023 to 1,099 last year": the second value of a from-to pair
FROM_TO = re.compile(r"\bfrom\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+)?(?:peak|high|low|record(?:\s+high)?)\s+of\s+)?\d[\d,.]*\s+(?:in\s+(?:19|20)\d\d\s+)?to\s+$")
UP_FROM = re.compile(
    # ("down from as many as 5,000 a year earlier": emphasis between 'from' and the number)
    r"\b(?:up|down|rising|falling|increasing|decreasing|dropping|climbing)\s+(?:by\s+)?(?:[\d.]+\s*(?:%|per\s?cent|percent|pc)\s+)?from\s+(?:the\s+)?(?:as\s+many\s+as\s+)?$"
    r"|\bto\s+\d[\d,]*\s+from\s+$"
)
PARTITIVE = re.compile(
    r"\b(?:out\s+of|of)\s+(?:the|these|those)?\s*(?:total\s+(?:of\s+)?)?(?:[\d][\d,\s]*\s+)?(?P<noun>(?:[\w-]+\s+){0,2}?(?:attacks|incidents|operations|actions|deaths|fatalities|casualties))(?:\s+[\w-]+){0,4}\s*,\s*$"
)
# a sentence that opens by taking part of what the previous one counted: "Of these, ...", "Of those killed, ..."
# ("The review said that of those killed ...": after the source's reporting verb; "the dead" names its own noun;
# "of those killed in militant attacks during 2017," the attacks the dead fell in)
PARTITIVE_OPENING = re.compile(
    r"^\W*(?:(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:said|says|noted|notes|added|showed|shows|found|finds)\s+(?:that\s+)?)?"
    r"(?:of|among|out\s+of)\s+(?:(?:these|those|them|the\s+(?:victims|total))"
    r"(?:\s+(?P<noun>(?:[\w-]+\s+){0,2}?(?:killed|dead|deaths|fatalities|injured|wounded|casualties|attacks|incidents|operations)))?"
    r"|(?P<dead>the\s+dead))"
    r"(?:\s+in\s+(?:[\w-]+\s+){0,2}?(?:attacks|incidents|violence|bombings))?"
    r"(?:\s+(?:(?:in|during)\s+(?:19|20)\d\d|(?:last|this|the\s+previous|the\s+past)\s+year))?\s*,"
)
# the preposition that ties a change to its metric noun, with at most a few words between them (run up to the noun)
CHANGE_METRIC_PREP = re.compile(
    r"\b(?:in|of|among|for|from\s+(?:those|the))\s+(?:(?:the|overall|total)\s+)?(?:(?:number|count|tally)\s+of\s+)?"
    r"(?:(?:the\s+)?[\w’'-]+\s+){0,4}$"
)
# "the fall in militant fatalities, which declined by 31 per cent": the noun a relative clause of change is about
RELATIVE_CHANGE_OF = re.compile(
    r"(?P<noun>\b(?:[\w-]+\s+){0,2}?(?:deaths|fatalities|casualties|injuries|attacks|incidents|operations))\s*,\s*(?:which|that)\s+(?:\w+\s+){0,2}$"
)
# a sentence whose subject is the previous figure: "They were 13 percent fewer", "This was a 9% rise", "The figure is ..."
ANAPHOR_OPENING = re.compile(
    r"^\W*(?:they|this|that|it|these|those|the\s+(?:figure|number|total|toll|tally|count)s?)\s+(?:\w+\s+){0,2}?"
    r"(?:is|was|were|are|represents?|represented|marks?|marked|means?|meant|amounts?|amounted|reflects?|reflected)\b"
)
# "Their number had since declined to 43 in 2012": the count of what the sentence before counted, at a new value
THEIR_NUMBER_OPENING = re.compile(
    r"^\W*(?:their|its)\s+(?:number|count|tally|total|toll)\s+(?:had\s+|has\s+)?(?:since\s+|then\s+|later\s+)?"
    r"(?:rose|risen|fell|fallen|declined|dropped|increased|decreased|climbed|grew|grown|reached|come\s+down|gone\s+(?:up|down))"
    r"\s+(?:to|at)\s+$"
)
# a sentence whose subject is a change of no named count: "The decrease between 2012 and 2013 amounts to 13.4 per cent"
CHANGE_OPENING = re.compile(
    r"^\W*(?:the|this|that)\s+(?:[\w-]+\s+)?(?:decrease|decline|increase|rise|drop|fall|reduction|surge|jump)\s+"
    r"(?:between|from|over|on|compared|since)\b"
)
# a change said of the previous sentence's figure by a pronoun: "a 13 percent decline in them", "they fell by 9%"
CHANGE_PRONOUN = re.compile(
    r"\b(?:in|of|among)\s+(?:them|these|those)\b"
    r"(?!\s+(?:\w+\s+)?(?:attacks?|incidents?|operations|actions|deaths|fatalities|casualties|injuries|people|civilians)\b)"
    rf"|\b(?:they|these|those)\s+(?:\w+\s+)?(?:{UP_WORDS}|{DOWN_WORDS}|went)\b"
)
OF_THEM_AFTER = re.compile(r"^\s+of\s+(?:them|these|those)\b(?!\s+(?:[\w-]+\s+){0,2}?(?:attacks|incidents|operations|actions|deaths|fatalities|casualties)\b)")
# "87 and 81 attacks respectively": the list's noun said once, after its last value
NOUN_RESPECTIVELY_AFTER = re.compile(r"^\s+(?P<noun>(?:[\w-]+\s+){0,2}?(?:attacks|incidents|deaths|fatalities|casualties|injuries|operations))\s*,?\s+respectively\b")
CLAIMED_BY_AFTER = re.compile(r"^\s+(?:were|was)\s+(?:\w+\s+)?(?:claimed|carried\s+out|perpetrated|staged|conducted)\s+by\s")
VICTIM_SUBJECT = re.compile(
    r"(?:^|[,;:]\s*|\b(?:while|whereas|and|but)\s+)(?P<subject>[^,;:.]{2,60}?)\s+(?:together\s+|also\s+)?"
    r"(?:(?:suffered|lost|sustained|bore)\s+(?:[\w-]+\s+){0,2}"
    # "Civilians remained the largest group of victims with 360 deaths"
    r"|(?:remained|were|was)\s+the\s+(?:largest|biggest|main|worst-hit|hardest-hit|most\s+affected)\s+[\w\s-]{0,30}?\bwith\s+"
    r"|accounted\s+for\s+)$"
    # "Police and security personnel bore the brunt in 2021, losing 320 men"
    r"|(?:^|[;:]\s*)(?P<hit>[^,;:.]{2,60}?)\s+(?:bore\s+the\s+brunt|were\s+(?:the\s+)?(?:hit\s+)?hardest(?:\s+hit)?|suffered\s+most)"
    r"[^,;:.]{0,30},\s+(?:losing|suffering|with)\s+$"
)
# "... of the attacks were suicide bombings": the complement says the part is suicide attacks
WERE_SUICIDE = re.compile(r"\s+(?:were|was)\s+(?:carried\s+out\s+by\s+)?(?:\w+\s+)?suicide\s+(?:attacks?|bombings?|blasts?|bombers)\b")
WERE_KIND = re.compile(r"^\s+(?:were|was)\s+(?:[\w-]+\s+){0,2}?(?:attacks|bombings|incidents|operations)\b")
ATTACK_VERB = re.compile(
    r"\b(?:claimed|carried\s+out|perpetrated|staged|conducted|launched|mounted|executed|behind|responsible\s+for"
    r"|took\s+place|occurred|targeted)\b"
)
WERE_VICTIM = re.compile(
    # ("were members of the national defence and security forces")
    r"^\s+(?:were|was)\s+(?:[\w-]+\s+){0,2}?(?:(?P<civilians>civilians)|(?P<security>soldiers|troops|policemen|police|personnel|security|levies"
    r"|members\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,5}?(?:security|defen[cs]e|armed|army|police)\b)"
    r"|(?P<militants>militants|terrorists|insurgents|outlaws|fighters))\b"
)
# "2,941 were members of ...": the complement says who the counted people were
WERE_SOMEONE = re.compile(r"^\s+(?:were|was)\s+(?!killed|injured|wounded|dead|martyred|hurt|among|in\b|during|from|by|of\b)[a-z]")
OF_THOSE_KILLED_AFTER = re.compile(r"\s+of\s+(?:them|these|those|the\s+dead)(?:\s+(?:killed|injured|wounded|dead|who\s+died))?(?=\s+(?:were|was)\b)")
OF_DEFINITE_AFTER = re.compile(r"^\s+of\s+(?:these|those|the)\s")
VICTIM_NOUN_AFTER = re.compile(
    r"^\s+(?:[a-z-]+\s+)?(?:(?P<civilians>civilians)|(?P<security>soldiers|troops|policemen|police|personnel|levies)"
    r"|(?P<militants>militants|terrorists|insurgents|outlaws|fighters))\b"
)
WERE_METRIC_AFTER = re.compile(r"^\s+(?:were|was)\s+(?P<noun>deaths|fatalities|injuries|casualties)\b")
OF_THESE_AFTER = re.compile(r"^\s+of\s+(?:these|those|the|them|its|their|all|all\s+the)\s+(?P<noun>(?:[\w’'-]+\s+){0,2}?(?:attacks|incidents|operations|actions|deaths|fatalities|casualties|dead))\b")
LABEL_BEFORE = re.compile(r"(?:^|[•\n;])\s*(?P<label>[\w\s’'/-]{2,40}?|[\w\s’'/-]{2,80}(?:,[\w\s’'/-]{2,80})?)(?:\s*\((?:19|20)\d\d\))?\s*:\s*$")
# "the highest number of civilian casualties from suicide attacks since 2009: 2,792": the count a colon introduces
NUMBER_OF_COLON = re.compile(
    r"\b(?:number|total|toll|tally|count)\s+of\s+(?P<phrase>[^:;]{2,80}?)(?:\s+(?:since|in)\s+(?:19|20)\d\d)?\s*:\s*$"
)
BY_AFTER = re.compile(r"^\s+by\s+(?!far\b|the\s+end\b)")
SERIES_AFTER = re.compile(r"^\s*(?:in|during)\s+(?:19|20)\d\d\b")
NUMBER_OF = re.compile(r"\bnumber\s+of\s+(?P<phrase>[\w\s’'-]{2,40}?)\s*\($")
TOTAL_BEFORE = re.compile(r"\b(?:a\s+total\s+of|the\s+total(?:\s+of)?|total\s+of|in\s+all|overall|altogether|all\s+told)\s+(?:[“\"]\s*)?$")
# ("45 major incidents": the incidents a monitor lists for their toll, a subset of all attacks)
SUBSET_OF_ATTACKS = re.compile(r"\b(?:high-profile|high-casualty|mass-casualty|large-scale|complex|spectacular|major)\b")
FOILED = re.compile(r"\b(?:foiled|thwarted|averted|prevented|pre-empted|preempted|foiling|thwarting|failed|attempted|attempts?\s+of)\s+(?:\w+\s+){0,3}$")

MONTHLY = re.compile(
    r"\bper\s+(?:month|day|week|year|attack|incident|annum)\b|\bmonthly\b|\baverage\b|\baveraged?\b|\bdaily\b|\bweekly\b"
    r"|\ba\s+(?:month|day|week)\b|\beach\s+(?:month|day|week)\b|\bevery\s+(?:month|day|week)\b"
)
SUB_ANNUAL = re.compile(
    r"\b(?:first|second|third|fourth|last|latter)\s+(?:half|quarter|six\s+months|three\s+months|nine\s+months)\b"
    r"|\b(?:first|last|past)\s+(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+(?:months|weeks|days)\b"
    r"|\b(?:first|last|past)\s+(?:two|three|2|3)\s+quarters\b"
    r"|\b(?:in|on|within)\s+(?:a\s+single|one\s+single|one|a)\s+day\b"  # "killed more than 50 people in a single day"
    r"|\b(?:h1|h2|q[1-4])\b|\bquarterly\b|\bhalf-year\w*\b|\bmid-year\b|\bso\s+far\s+this\s+year\b|\byear[- ]to[- ]date\b"
    r"|\bthe\s+month\s+of\b|\bthis\s+month\b|\blast\s+month\b|\bpast\s+(?:month|week)\b"
    r"|\b(?:in|during|over|for)\s+the\s+(?:month|week)\b|\bthe\s+same\s+month\b|\bprevious\s+month\b"
    r"|\b(?:deadliest|bloodiest|worst|most\s+violent|calmest|quietest|least\s+violent)\s+month\b"
)
_MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
# a period between two dates or months, run on the sentence as written: "from 1 January to 30 June 2021"
PERIOD = re.compile(
    rf"\b(?:[Bb]etween|[Ff]rom)\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<first>{_MONTHS})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?"
    rf"\s*(?:and|to|till|until|through|-|–)\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<last>{_MONTHS})\b"
)
# ", which ended its ceasefire in November,": a relative clause about something else than the number
RELATIVE_ASIDE = re.compile(r",\s*(?:which|who|whose|that)\b[^,;()]*(?:,|$)")
FOUNDING_APPOSITIVE = re.compile(
    r",\s*(?:the|a|an)\s+[^,;()]{0,40}?\b(?:formed|founded|set\s+up|created|established|launched|born)\s+in\b[^,;()]*(?:,|$)"
)
# a month without a year ("in December alone", "since January"); runs on the sentence as written, "may" is a verb
MONTH_PHRASE = re.compile(
    r"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Ff]rom|[Bb]etween|[Tt]hrough|[Uu]ntil|[Tt]ill|[Bb]y|[Oo]f|[Tt]han|[Oo]ver|[Aa]gainst"
    r"|[Cc]ompared\s+(?:to|with))\s+(?:early\s+|mid-|late\s+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
    # a month as the subject: "November alone saw 200 deaths", "December recorded nine attacks"
    r"|\b(?:January|February|March|April|June|July|August|September|October|November|December)\s+(?:alone\s+|also\s+)?"
    r"(?:was|saw|witnessed|recorded|registered|remained|proved|accounted)\b"
)
# a title about one month's violence, run on the title as written: "Attacks hit a nine-year high in August", "monthly report"
MONTHLY_TITLE = re.compile(
    r"\b(?:in|for|during|of)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d)"
    r"|\b[Mm]onthly\b|\b(?:January|February|March|April|June|July|August|September|October|November|December)\s+(?:report|review|security)"
)
ANNUAL_TITLE = re.compile(r"\b(?:[Aa]nnual|[Yy]early|(?<!-)[Yy]ear(?!-)|(?:19|20)\d\d)\b")  # not "a six-year high"
CUMULATIVE = re.compile(
    r"\bsince\s+(?:the\s+)?(?:operation|offensive|launch|start|beginning|inception|adoption|implementation|introduction|takeover)"
    r"|\bsince\s+the\s+[\w-]+(?:\s+[\w-]+){0,3}\s+(?:began|started|was\s+launched|was\s+adopted|came|took)\b"
    r"|\bafter\s+the\s+[\w\s-]{3,40}?\s+(?:was|were|had\s+been)\s+(?:adopted|launched|started|implemented|introduced|announced|signed)"
    r"|\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years|decade|decades)\b|\bcumulative\w*\b|\bto\s+date\b"
    # "compared with hundreds in previous years": several years, no one year's count
    r"|\b(?:over|in|during)\s+(?:the\s+)?(?:previous|earlier|prior|preceding)\s+years\b"
    r"|\bsince\s+(?:its|their)\s+inception\b|\b(?:in|during|throughout)\s+the\s+war\s+on\s+terror\b|\b(?:two|three|four|several|many|\d+)\s+(?:decades|years)\s+of\b"
)
RECORD_BEFORE_SINCE = re.compile(
    r"\b(?:any(?:\s+other)?\s+(?:single\s+)?year|highest|lowest|deadliest|bloodiest|worst|most\s+violent|record)\s+(?:[\w-]+\s+){0,4}?$"
)
# "the highest number of civilian casualties from suicide attacks since 2009": a record, not a running total or a baseline
RECORD_SINCE = re.compile(r"\b(?:highest|lowest|largest|biggest|worst|deadliest|bloodiest)\s+(?:number|level|toll|count|tally)\s+of\s+[^.;:]{2,60}?\s+since\s+$")
SINCE_CLAUSE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?[a-z][^,;:()\d]{0,60}\s(?:in|of)\s+$")
SINCE_YEAR = re.compile(
    r"(?<!highest\s)(?<!lowest\s)(?<!deadliest\s)(?<!worst\s)(?<!biggest\s)(?<!largest\s)(?<!fewest\s)(?<!toll\s)"
    r"(?<!level\s)(?<!figure\s)(?<!year\s)(?<!time\s)\bsince\s+(?:the\s+year\s+)?$"
)
# ("tens of thousands more part-time fighters", "50 more deaths": an addition to a figure, not the figure)
DIFFERENCE = re.compile(r"^\s*(?:\w+\s+)?(?:more|fewer|less|higher|lower)\s+than\b|^\s*(?:additional|extra|more)\b")
MULTIPLE = re.compile(r"\b(?:doubl\w+|tripl\w+|quadrupl\w+|twice|thrice|\w+-fold|times\s+(?:more|higher|as))\b")
SINGLE_INCIDENT = re.compile(
    r"\b(?:the|a|an|one|single|this|that)\s+(?:[\w-]+\s+){0,3}?(?:attack|bombing|bomb|blast|explosion|assault|strike|incident|raid)\b(?!s)"
    r"(?!\s+(?:on\s+average|per|attacks|blasts|explosions|strikes))"
    r"|\b(?:attack|bombing|bomb|blast|explosion|assault|ambush)\s+(?:that|which)\s+(?:killed|left|claimed|wounded|injured)\b"
)
# (one operation, siege or hijacking: "33 attackers were killed in a rescue operation", "died during the siege")
SINGLE_AFTER = re.compile(
    r"^[^,;.]{0,60}?\b(?:in|during|at)\s+(?:the|a|an|one|that|this)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:attack|bombing|blast|explosion|assault|incident|ambush|siege|hijacking|stand-?off|hostage\s+crisis|rescue\s+operation)\b(?!s)"
)
WEEKDAY = re.compile(
    r"(?<!said\s)(?<!says\s)(?<!reported\s)(?<!released\s)(?<!announced\s)"
    r"\bon\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"(?!\s+(?:said|says|told|released|announced|published|reported|issued|revealed|warned|noted|that)\b)|\b(?:yesterday|today|tonight|this\s+morning|last\s+night)\b")
NATIONWIDE = re.compile(r"\b(?:nationwide|countrywide|nation-wide|across\s+the\s+country|in\s+the\s+country|throughout\s+the\s+country|national(?:ly)?)\b", re.IGNORECASE)
TACTIC = re.compile(
    # ("cross-border shelling" names where attacks came from, a group of its own, not a tactic among others)
    r"(?<!cross-border\s)(?<!cross\sborder\s)\b(?:roadside\s+bombs?|ieds?|improvised\s+explosive\s+devices?|explosives|landmines?|land\s+mines|mines"
    r"|ground\s+engagements?|aerial\s+(?:operations|attacks|strikes|bombardments?)|air\s*strikes|airstrikes"
    r"|targeted\s+killings?|firearms|shelling|mortars?|rockets?|grenades?|bombings\s+and\s+explosions)\b"
)
# "552 civilians were killed in air strikes": the dead of one tactic, a part of the toll
BY_TACTIC_AFTER = re.compile(r"^[^,;.\d]{0,40}?\b(?:in|by|from)\s+(?:[\w-]+\s+){0,2}?" + TACTIC.pattern)
# a sentence that puts its toll in the attacks the previous one counted: "... were killed in such attacks"
IN_SUCH_ATTACKS = re.compile(r"\b(?:in|by|during)\s+(?:these|those|such)\s+(?:attacks|bombings|blasts)\b")
# a tactic that opens the clause as its subject: "Ground engagements between insurgents and security forces ... left 3,605
# casualties" is a breakdown by tactic whoever is named inside it
TACTIC_SUBJECT = re.compile(r"\W*(?:[^,;]{0,40},\s*)?(?:the\s+)?(?:[\w-]+\s+){0,2}?" + TACTIC.pattern)
# attacks on one kind of target (a place after 'on' is no target: "attacks on Pakistan", "on the country")
_TARGET = (
    r"(?:on|against|targeting|targeted|aimed\s+at)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:security|police|policemen|army|military|soldiers|troops|forces|civilians|polio|health|schools?|mosques?|shrines?|churches"
    r"|minorities|chinese|foreigners|nationals|workers|officials|politicians|checkposts?|posts|convoys|installations|infrastructure"
    r"|journalists|lawyers|judges|pilgrims|worshippers|hazaras|shias|christians|sikhs|hindus|ahmadis|tribal\s+elders|elders)\b"
)
TARGETED_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:attacks|incidents|strikes|bombings|blasts|assaults)\s+(?:that\s+|which\s+)?" + _TARGET)
TARGETED_SUBJECT = re.compile(r"\b(?:attacks|incidents|strikes|bombings|blasts|assaults)\s+" + _TARGET)
SUBGROUP = re.compile(
    r"\b(?:women|children|child|girls|boys|minors|juveniles|students|journalists|media\s+workers|health\s+workers"
    r"|polio\s+workers|teachers|lawyers|worshippers|pilgrims|aid\s+workers|doctors|elders|female|male|teenagers|boy|girl"
    # victims named by role or community: a part of the toll, not the toll
    r"|candidates|politicians|voters|clerics|hazaras|shias|christians|sikhs|hindus|ahmadis|tourists|engineers)\b"
)
# a sub-group as the clause's subject: "Children accounted for a third of the casualties, with 388 killed"
SUBGROUP_SUBJECT = re.compile(
    r"\W*(?:the\s+)?(?:[\w-]+\s+)?(?:" + SUBGROUP.pattern + r")(?:\s+(?:and|or)\s+(?:[\w-]+\s+)?(?:" + SUBGROUP.pattern + r"))?"
    r"\s+(?:alone\s+|also\s+)?(?:accounted|made\s+up|make\s+up|were|was|suffered|bore|comprised|represented|constituted|remained)\b"
)
OUT_OF_SCOPE = re.compile(
    r"\b(?:communal|criminal|crimes?|crime-related|accidents?|floods?|earthquakes?|tribal\s+(?:clashes|feuds?|disputes?)"
    r"|land\s+disputes?|honou?r\s+killings?|personal\s+enmity|road\s+accidents?|clashes\s+between\s+tribes)\b"
)
# countries the reference data does not list, named where figures of global reports are (run on the text as written)
OTHER_COUNTRY = re.compile(
    r"\b(?:Nigeria|Somalia|Yemen|Mali|Burkina\s+Faso|Niger|Cameroon|Chad|Mozambique|Kenya|Ethiopia|Sudan|South\s+Sudan"
    r"|Libya|Egypt|Algeria|Tunisia|Morocco|Democratic\s+Republic\s+of\s+(?:the\s+)?Congo|DRC|Congo|Central\s+African\s+Republic"
    r"|Uganda|Tanzania|Benin|Togo|Turkey|Israel|Palestine|Lebanon|Jordan|Saudi\s+Arabia|Ukraine|Russia|Philippines|Myanmar"
    r"|Thailand|Indonesia|Bangladesh|Sri\s+Lanka|Nepal|China|Colombia|Venezuela|Mexico|Chile|Peru|United\s+States|USA"
    r"|United\s+Kingdom|France|Germany|Belgium|Spain|Italy|Tajikistan|Uzbekistan|Turkmenistan|Kyrgyzstan|Kazakhstan"
    r"|New\s+Zealand|Australia|Canada)\b"
)
PLACE_LIST = re.compile(r"\s*(?:,|and|or|&|,\s*and)\s*")
GLOBAL = re.compile(
    r"\b(?:worldwide|world-wide|globally|around\s+the\s+world|across\s+the\s+world|in\s+the\s+world|global(?!\s+terrorism\s+index))\b"
    r"|(?:\b(?:south|central|southeast|south-east|west)\s+asia|\bsub-saharan\s+africa|\bmiddle\s+east|\bnorth\s+africa"
    r"|\bthe\s+sahel|\bmena|\bany\s+(?:other\s+)?region|\beurope|\bafrica|\blatin\s+america|\bnorth\s+america"
    r"|\bin\s+the\s+west|\bwestern\s+(?:countries|democracies|nations))\b"
    # a region in an organisation's name ("South Asia Terrorism Portal") is no place
    r"(?!\s+(?:terrorism|institute|portal|centre|center|programme|program|studies|desk|bureau|editor|correspondent))"
)
INDEX = re.compile(r"\b(?:score[ds]?|scoring|rank(?:s|ed|ing)?|index|out\s+of\s+(?:5|10|100|five|ten)|ranked)\b")  # not "out of 306 attacks"
# "the index logged 1,099 of them": the index named as the source that counted, not a score or rank
INDEX_AS_SOURCE = re.compile(r"index\s+(?:logged|recorded|counted|registered|documented|says|said|found|reports?|reported|shows|showed|notes|noted)\b")
# another monitor than the report's publisher, or a neighbour named as such, run on the sentence as written
OTHER_MONITOR = re.compile(
    r"\b(?:UN|U\.N\.|United\s+Nations|UNAMA|ACLED|SATP|[Nn]eighbou?ring\s+[A-Z]\w+|UN\s+mission|the\s+mission)\b"
)

# a perpetrator before the number: "<group> carried out / was responsible for / claimed / killed ..."
PERPETRATION = re.compile(
    r"\b(?:carried\s+out|conducted|perpetrated|claimed|claiming|was\s+responsible|were\s+responsible|is\s+responsible"
    r"|are\s+responsible|responsible\s+for|launched|staged|executed|mounted|committed|orchestrated|killed|caused|causing"
    r"|accounted\s+for|has\s+emerged|have\s+emerged|emerged|suffered|lost|inflicted|undertook|initiated|remained\s+responsible"
    r"|was\s+behind|were\s+behind|behind|led|saw|witnessed|recorded|registered|blamed\s+for|left|leaving|carrying\s+out"
    r"|(?:was|were)\s+linked\s+to|neutrali[sz]ed|eliminated)\b"
)
# what only state forces are said to do to militants: "960 terrorists were neutralised", "sent to hell"
STATE_KILL_VERB = re.compile(r"\b(?:neutrali[sz]ed|neutrali[sz]ing|eliminated|eliminating|sent\s+to\s+hell)\b")
# 'there' as a place ("deaths there fell"), not the existential "there were"
THERE = re.compile(
    r"\b(?!while\b|but\b|and\b|as\b|if\b|when\b|where\b|that\b|since\b|because\b|though\b|although\b)\w+\s+there\b"
    r"(?!\s+(?:is|are|was|were|have|has|had|will|would|could|may|might|must|should|seems?|appears?|remains?|being|been|be|exists?|existed)\b)"
)
# a line that points to another story ("Related: ...", "Also read: ..."): its figures are that story's
LINK_LINE = re.compile(r"^\W*(?:related(?:\s+stor(?:y|ies))?|also\s+read|read\s+more|read\s+also|see\s+also|more\s+on\s+this)\s*:")
# "suicide bombers struck 87 times", "drones fired missiles on 34 occasions": attacks counted as times
TIMES_AFTER = re.compile(r"^\s+(?:times|occasions)\b")
ATTACK_ACT = re.compile(r"\b(?:struck|strike|striking|attacked|hit|fired|bombed|raided|carried\s+out\s+(?:\w+\s+)?(?:attacks|strikes))\b")
# "PIPS attributed 89 of the attacks to the TTP, 79 to Baloch insurgents": whose they are comes after the number
ATTRIBUTED = re.compile(r"\battribut(?:ed|es|ing|e)\b")
ATTRIBUTED_TO = re.compile(r"^(?:\s+of\s+[^,;]{0,80}?)?\s+to\s+(?:(?:attacks|bombings)\s+(?:claimed|carried\s+out)\s+by\s+)?(?:the\s+)?(?![\d.,])")
# "attributed 7,594 civilian casualties, or 72 percent of the total, to anti-government elements": the counted noun and a
# share aside come between the number and whose it is
ATTRIBUTED_RIGHT_BEFORE = re.compile(r"\battribut(?:ed|es|ing|e)\s+(?:(?:about|around|nearly|over|some|almost|roughly|more\s+than|at\s+least)\s+)?$")
ATTRIBUTED_NOUN_TO = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?[\w-]+(?:\s*\([^()]{1,60}\))?(?:\s*,\s*(?:or\s+)?(?:about\s+|nearly\s+|some\s+|almost\s+)?[\d.]+\s*(?:%|per\s?cent|percent|pc)"
    r"(?:\s+of\s+(?:the\s+|all\s+)?[\w\s-]{0,30}?)?\s*,)?\s+to\s+(?:the\s+)?(?![\d.,])"
)
# a breakdown opened by its total's noun: "Among the fatalities were 282 soldiers, 229 civilians ..."
AMONG_WERE = re.compile(
    # ("among the 411 injured, there were 168 soldiers, ...": the total's number and 'there' may stand between)
    # ("among the 1,081 people killed in militant attacks were ...": the people and the attacks they fell in)
    r"\b(?:among|of)\s+(?:the|those)\s+(?:\d[\d,]*\s+)?(?:(?:people|persons)\s+)?"
    r"(?:(?P<killed>dead|killed|fatalities|deaths)|(?P<injured>injured|wounded|injuries)|(?P<casualties>casualties|victims))"
    r"(?:\s+(?:in|during)\s+(?:(?:19|20)\d\d|(?:the|these|those)\s+[\w-]+|(?:[\w-]+\s+)?(?:attacks|incidents|bombings|violence))){0,2}"
    r",?\s+(?:there\s+)?(?:were|was)\b"
)
# the same breakdown with the total's noun as the sentence's subject: "The dead of 2011 were 1,156 civilians, ...",
# "The fatalities were broken down in the report as ..." (only at the sentence's start: "... and the dead were" may
# be another toll's)
DEAD_WERE = re.compile(
    r"^\W*the\s+(?:(?P<killed>dead|fatalities|deaths)|(?P<injured>injured|wounded))(?:\s+of\s+(?:19|20)\d\d)?"
    r"\s+(?:were|included|comprised)(?:\s+broken\s+down(?:\s+(?:in|by)\s+(?:the|its)\s+[\w-]+)?\s+as)?\b"
)
# "fatalities among civilians, soldiers and security forces": the list of victims after 'among'
AMONG_LIST = re.compile(r"\bamong\s+(?P<list>[a-z-]+(?:\s+[a-z-]+)?(?:\s*,\s*[a-z-]+(?:\s+[a-z-]+)?){0,3}\s*,?\s+and\s+(?:the\s+)?[a-z-]+(?:\s+[a-z-]+)?)\b")
# "It carried out 482 attacks": a sentence whose subject is the group the text named last
IT_SUBJECT = re.compile(
    r"^\W*(?:it|the\s+group|the\s+outfit)\s+(?:and\s+its\s+(?:affiliates|allies|factions|splinter\s+groups)\s+)?(?:\w+\s+)?(?:carried\s+out|conducted|claimed|perpetrated|staged|launched|mounted|killed"
    r"|was\s+responsible|caused|was\s+(?:linked|tied)\s+to|was\s+blamed\s+for|was\s+behind)\b(?!\s+that\b)"  # "It claimed that ...": a report speaking
)
# whose fighters: "the Haqqani Network had some 3,000 fighters"
OWNER_HAD = re.compile(r"^(?:\s*,[^,;.]{2,60},)?\s+(?:had|has|have|fielded|fields|commanded|commands|retains?|retained|maintains?|maintained)\s+(?:\w+\s+){0,2}$")
# "the corresponding numbers for 2012 were 3 007, 732 and 2 472": the same metrics as the list before, another year
CORRESPONDING = re.compile(r"\bcorresponding\s+(?:numbers|figures|totals?|tolls?|counts?|tallies)\b")
AGAINST_MILITANTS = re.compile(r"\bagainst\s+(?:the\s+)?(?:suspected\s+)?(?:militants|terrorists|insurgents|outlaws)\b")
IN_OPERATIONS = re.compile(r"\bin\s+(?:those|these|the|such|its|their)\s+(?:[\w-]+\s+)?(?:operations|actions|raids)\b")
MILITANT_SUBJECT = re.compile(r"\b(?:militants|terrorists|insurgents|jihadists|separatists)\b(?:\s+[\w-]+){0,4}?\s+(?:staged|carried\s+out|launched|mounted|conducted)\s+(?:\w+\s+){0,2}$")
# a perpetrator's verb right before the number, and perpetrators that name no one group
PERPETRATOR_VERB_BEFORE = re.compile(
    r"\b(?:(?:was|were|is|are)\s+(?:held\s+)?(?:responsible|blamed)\s+for|caused|carried\s+out|claimed|perpetrated|staged|mounted)"
    r"\s+(?:(?:about|around|nearly|over|some|more\s+than|at\s+least|almost|roughly|a\s+total\s+of|the)\s+)?$"
)
GENERIC_PERPETRATOR = re.compile(
    r"\b(?:militants?|terrorists?|insurgents?|attackers|assailants|gunmen|bombers|jihadists|extremists|they"
    r"|attacks?|bombings?|blasts?|explosions?|incidents?|violence|terrorism|militancy|insurgency"
    r"|(?:militant|terrorist|armed|extremist|insurgent)\s+(?:groups?|outfits?|organi[sz]ations?|networks?))\b"
)
WITH_BEFORE = re.compile(r"\bwith\s+$")
SUBJECT_OPENING = re.compile(r"[\W]*(?:(?:the|its|their)\s+)?")
# state forces as the subject: their kills are of militants in operations
STATE_FORCE_SUBJECT = re.compile(
    r"\b(?:police|army|military|troops|soldiers|rangers|frontier\s+corps|fc|levies|counter[- ]terrorism\s+department|ctd"
    r"|law\s+enforcers|security\s+personnel|forces)\b(?:\s+[\w-]+){0,3}?\s+(?:killed|gunned\s+down|eliminated|neutrali[sz]ed"
    r"|conducted|carried\s+out|launched|staged|mounted)\b"
)
# a subject that lists every kind of perpetrator, opening with the generic one: all groups together
ALL_PERPETRATORS = re.compile(
    r"\W*(?:[\w\s]{0,40}?,\s*)?(?:the\s+)?(?:militants|terrorists|insurgents|(?:militant|terrorist|armed)\s+(?:groups|outfits|organi[sz]ations))\s*,"
    r"[^.;:]{0,120}?\band\s+(?:other\s+|violent\s+)?[\w\s-]{0,30}?(?:groups|militants|insurgents|outfits)\b"
)
# "militants, Baloch insurgents and sectarian outfits between them striking 2,148 times": every kind together
ALL_BETWEEN_THEM = re.compile(
    r"\b(?:militants|terrorists|insurgents)\s*,[^.;:]{0,80}?\band\s+[\w\s-]{0,30}?(?:groups|militants|insurgents|outfits)"
    r"\s+(?:between|among)\s+them\s+(?:[\w-]+\s+){0,2}$"
)
# a named group the vocabulary does not list, run on the text as written: "the Hafiz Gul Bahadur group"
UNKNOWN_GROUP = re.compile(r"\b[A-Z][a-z]+(?:[\s-](?:[A-Z][a-z]+|e|i|ul|al|ud|ut))*(?:’s|'s)?\s+(?:group|faction|outfit|network|movement)\b")
DETERMINER_GROUP = re.compile(r"(?:The|This|That|Its|Their|Each|Every|Another|Which|Either|Neither)\s+(?:group|faction|outfit|network|movement)\b")
# a proper name, run on the text as written: "Lashkar-e-Islam", "Ansar al-Hezbollah", "Jaish-e-Muhammad", "JeM"
PROPER_NAME = re.compile(
    r"\b(?:[A-Z][a-z]+|[A-Z]{2,}[a-z]?)(?:(?:\s|-)(?:[A-Z][a-z]+|[A-Z]{2,}[a-z]?|e|i|ul|al|ud|ut|ur|wal|bin|ibn)(?=[\s-]|\b))*\b"
)
# capitalised words that name no armed group: pronouns, determiners, generic perpetrators, state forces and authorities
NOT_A_GROUP_NAME = re.compile(
    r"\b(?:the|a|an|in|on|of|and|it|they|he|she|this|that|these|those|some|many|most|all|according|meanwhile|however|also"
    r"|militants?|terrorists?|insurgents?|attackers|gunmen|bombers?|jihadists|extremists|rebels|fighters|taliban|taleban"
    r"|army|police|corps|rangers|levies|forces?|department|agency|agencies|military|government|ministry|navy|air|frontier"
    r"|constabulary|guards?|command|ispr|ctd|fc|nato|isaf|us|u\.s|un|coalition|officials?|authorities|minister|spokesman"
    r"|spokesperson|report|index|institute|centre|center|portal|mission|monitor|project|data|survey|study|review|operations?"
    r"|january|february|march|april|may|june|july|august|september|october|november|december"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    # borders and frontiers: "along the Durand Line and the Line of Control, which killed 46"
    r"|line|control|border|frontier|pass|corridor|highway|road|motorway)\b",
    re.IGNORECASE,
)
# a name right before a perpetrator's verb and the number: "Lashkar-e-Islam carried out 12", "X, a banned outfit, claimed 9"
NAME_PERPETRATES = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:,[^,;]{0,80},\s*)?(?:,\s*(?:which|who)\s+)?(?:(?:also|alone|reportedly|allegedly|together|again)\s+)?"
    r"(?:(?:claimed|claims|said|says)\s+to\s+have\s+)?"
    r"(?:carried\s+out|conducted|perpetrated|claimed(?:\s+responsibility\s+for)?|(?:was|were|is|are)\s+(?:held\s+)?(?:responsible|blamed)\s+for"
    r"|(?:was|were)\s+behind|launched|staged|executed|mounted|committed|orchestrated|killed|caused|responsible\s+for)"
    r"\s+(?:(?:about|around|nearly|over|some|more\s+than|at\s+least|almost|roughly|a\s+total\s+of|as\s+many\s+as|the)\s+)*"
)
# a known group right before its verb and the number: "with the Taliban alone responsible for 4,387"
GROUP_PERPETRATES = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:(?:also|alone|reportedly|allegedly|again)\s+)?"
    r"(?:carried\s+out|conducted|perpetrated|claimed(?:\s+responsibility\s+for)?|(?:was|were|is|are)\s+(?:held\s+)?(?:responsible|blamed)\s+for"
    r"|(?:was|were)\s+behind|launched|staged|executed|mounted|committed|orchestrated|caused|responsible\s+for)"
    r"\s+(?:(?:about|around|nearly|over|some|more\s+than|at\s+least|almost|roughly|a\s+total\s+of|as\s+many\s+as)\s+)*"
)
# the last item of a list ("militant, nationalist and sectarian groups", "attacks and the military's operations")
LIST_ITEM_BEFORE = re.compile(r"(?:,|\band|\bor|/)\s*(?!(?:with|while|whereas|but|as|though|although)\b)(?:[\w’'-]+\s+){0,2}$")
# a name that owns the subject: "Lashkar-e-Islam's attacks rose to", "Jundullah fighters killed"
NAME_OWNS_AFTER = re.compile(
    r"(?:’s|'s)\s+(?:[\w-]+\s+){0,2}?(?:attacks|bombings|strikes|militants|fighters|cadres|violence)\b"
    r"|\s+(?:militants|fighters|insurgents|terrorists|members|cadres|operatives|gunmen)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:carried\s+out|conducted|perpetrated|claimed|killed|launched|staged|mounted|were\s+responsible|were\s+behind)\b"
)
# a name the subject's noun belongs to: "attacks by Lashkar-e-Islam numbered 40", "attacks claimed by Jundullah rose"
NAME_OWNED_BEFORE = re.compile(
    r"\b(?:attacks|bombings|strikes|deaths|killings|violence)\s+(?:[\w-]+\s+)?(?:by|of|from)\s+(?:the\s+)?$"
    r"|\b(?:claimed|carried\s+out|perpetrated|staged|conducted|launched|mounted|caused)\s+by\s+(?:the\s+)?$"
)
# "... 40 attacks were claimed by <name>", "12 attacks by <name>"
BY_NAME_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:(?:were|was|had\s+been|have\s+been)\s+)?(?:(?:claimed|carried\s+out|perpetrated|staged|conducted"
    r"|launched|mounted|caused)\s+)?by\s+(?:the\s+)?(?:banned\s+|outlawed\s+|proscribed\s+)?"
)
RELATIVE_AFTER_GROUP = re.compile(r"^\W{0,4}(?:which|that|who)\s+(?:\w+\s+){0,2}?(?:killed|carried|conducted|claimed|perpetrated|launched|caused|was|were|has|had)\b")
# ("responsibility lay with the TTP": whose the attacks were, not their target)
TARGET_BEFORE = re.compile(
    r"\b(?:on|against|targeting|targeted|target|at|(?<!\blay\s)(?<!\blies\s)(?<!\brests\s)(?<!\brested\s)with|from"
    r"|of\s+the\s+fight\s+against)\s+(?:the\s+)?(?:\w+\s+)?$"
)
MEMBER_OF = re.compile(r"\b(?:a|one|two|some|several|few|former)\s+(?:\w+\s+)?(?:members?|commanders?|leaders?|operatives?)\s+of\s+(?:the\s+)?$")
ASIDE_INTRO = re.compile(
    r"\b(?:including|covering|such\s+as|like|especially|particularly|mainly|namely|aka|incl\.)\b"
    r"|\b(?:most|many|some|all|half)\s+of\s+(?:them|which)\b"  # "Suicide attacks, most of them claimed by ISKP, left ..."
)
UNNAMED_PERPETRATOR = re.compile(r"\b(?:taliban|taleban)\b")
NATIONAL_MILITANTS = re.compile(
    r"\b(?:afghan|pakistani|foreign|indian|iranian|uzbek|arab|chechen|tajik|uighur|local)\s+(?:militants|fighters|nationals|terrorists|insurgents)\b"
)

# totals that combine militant attacks with operations or other violence
COMBINED = re.compile(
    # ("more than the previous three years combined" adds up years, not kinds of violence)
    r"(?<!years\s)(?<!months\s)\bcombin(?:ing|ed|ation|es?)\b|\bterror\s+and\s+counter[- ]?terror\w*|\bviolence[- ](?:related|linked)\b"
    # a monitor's "political violence events" and "security incidents" take in clashes, raids and airstrikes
    r"|\b(?:political\s+)?violence\s+events\b|\bviolent\s+events\b|\bsecurity\s+(?:incidents|events)\b"
    # ("killed in clashes, bombings, airstrikes and military operations": a list of every kind, ending in operations)
    r"|\b(?:anti-state\s+violence|violence|militant\s+attacks|terrorist\s+attacks|attacks|militancy|clashes|bombings|fighting)\b(?:\s+by\s+(?:the\s+)?militants)?"
    r"[^.;]{0,25}\b(?:and|with)\s+(?:from\s+|in\s+|during\s+)?(?:the\s+)?(?:[\w-]+(?:’s|'s)\s+)?(?:counter[- ]?\w+|security(?:\s+forces(?:’|')?)?|military)\s+(?:operations|actions)"
    r"|\boverall\s+violence\b|\ball\s+forms\s+of\s+violence\b|\bviolence\s+of\s+(?:every|all|any)\s+(?:description|kinds?|types?|sorts?)\b|\bviolent\s+incidents\b|\btoll\s+of\s+(?:all\s+)?violence\b"
    r"|\badded\s+to\s+the\s+(?:terrorist|militant)\s+attacks\b|\battacks\s*,\s*(?:security|military|counter[- ]?\w+)\s+operations\b"
    r"|\b(?:attacks|violence)\s+and\s+(?:the\s+)?(?:operations|actions)\s+(?:of|by)\s+(?:the\s+)?(?:security\s+forces|military|army|state)\b"
    # "a count that adds the militants killed in SF operations to the victims of attacks"
    r"|\b(?:takes\s+in|includes?|including|counts?|covers?|adds?|adding)\s+(?:both\s+)?(?:the\s+)?(?:terrorists|militants)\s+killed\s+(?:by|in)\b"
)
ALL_SCOPE = re.compile(
    r"\b(?:terror(?:ist|ism)?|militant|militancy|insurgent|anti-state|suicide)\s+(?:related\s+)?(?:attacks|incidents|violence|acts|bombings)\b"
    r"|\bterrorism\b|\ba\s+total\s+of\b|\bacross\s+the\s+country\b"
)
THEY_SUBJECT = re.compile(
    r"\bthey\s+(?:\w+\s+)?(?:killed|injured|wounded|harmed|carried\s+out|conducted|claimed|caused|perpetrated|launched|staged"
    r"|mounted|were\s+responsible)\b"
)
# a sentence that opens by pointing back at the previous one's figures
ANAPHOR_START = re.compile(
    r"^\W*(?:(?:in\s+)?(?:these|those|the|such)\s+(?:[\w-]+\s+)?(?:attacks|incidents|operations|bombings|blasts|actions)\b"
    r"|(?:in\s+)?(?:they|them|these|those)\b)"
)
# a sentence whose subject is the attacks just counted: "These bombings killed ...", "Last year's blasts left ..."
ATTACKS_ANAPHOR = re.compile(
    r"^\W*(?:(?:these|those|the|such)|(?:last|this|that)\s+year(?:’s|'s))\s+(?:[\w-]+\s+)?(?:attacks|bombings|blasts|explosions)"
    r"\s+(?:(?:in\s+(?:19|20)\d\d|alone|together|also)\s+)?(?:killed|claimed|left|caused|took|injured|wounded)\b"
)
BACK_REFERENCE = re.compile(
    r"\b(?:in|from|during|of|by)\s+(?:those|these|such|the\s+same)\s+(?:[\w-]+\s+)?(?:events|attacks|incidents|operations|strikes|bombings|clashes)\b"
)
ANAPHORA = re.compile(
    r"^[\W]*(?:these|those|such|the\s+said)\s+(?:\w+\s+)?(?:attacks|incidents|operations|actions|strikes)\b"
    # ("A year earlier the group had been blamed for ...": a time adverbial before the subject)
    r"|^[\W]*(?:(?:a\s+year\s+(?:earlier|before)|the\s+(?:year|previous\s+year)\s+before|in\s+(?:19|20)\d\d|last\s+year)\s*,?\s+)?"
    r"(?:they|the\s+group|the\s+outfit)\b"
)
OPERATION_CONTEXT = re.compile(r"\b(?:operations?|actions|raids|encounters|offensives?|crackdowns?)\b")

# clause punctuation; a clause also ends before a subordinate conjunction
CLAUSE_BREAK = re.compile(r"[;:()\[\]–—]|,\s|\s-\s|\b(?:while|whereas|but|although|though|because)\b")
STRONG_BREAK = re.compile(r";|\b(?:while|whereas|but|although|though)\b|(?<!\b[a-z])\.\s")  # "u.s. and nato forces" goes on
# where the subject of a change starts: "..., and the number of injured rose 53 percent"
SUBJECT_BREAK = re.compile(r"[;:(]|,\s+(?:and|while|whereas|but)\b|\b(?:while|whereas|but)\b")
CHANGE_CLAUSE_END = re.compile(r"[,;:()\[\]–—]|\s-\s|\b(?:as|while|whereas|but|because|although|though|which|leading|resulting|and\s+(?:the|a|an)\b)\b")
