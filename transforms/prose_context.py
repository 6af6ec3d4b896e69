"""Who, where and when for the readings of a sentence: group, place and year.

Group, in order: an alias inside the counted phrase ("171 cross-border attacks", "44 attacks by BLA"),
a stated total ("a total of"), the reading it refers to, the perpetrator subject of the clause
("<group> carried out / was responsible for / killed ..."), the previous figure of the sentence,
the sentence's scope words (combined totals, operations, terrorist attacks), the paragraph's scope.
An umbrella category named with its members (PIPS' "TTP ... and other terrorists with similar
objectives", UNAMA's "Anti-Government Elements (... Taliban, Daesh ...)") is the group.

Place: the place named nearest to the number in a locative frame ("in X", "across X", "X saw ...");
a province, district or city there makes the figure sub-national.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from transforms import prose_lexicon as lx
from transforms.prose_readings import Reading, blank_parens, clause_end, clause_start, paren_depths
from transforms.reference import Mention, Vocabulary

UMBRELLAS = ("religious-militants", "anti-government-elements", "pro-government-forces", "unattributed", "all-violence")
CATEGORY_SCOPES = ("all", "security-forces", "all-violence")

_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|across|throughout|within|inside|of|hit|rocked|struck)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE
)
# "most of them in Khyber Pakhtunkhwa", "mainly in Balochistan": where part of the figure happened, not the figure's place
_DISTRIBUTION_BEFORE = re.compile(
    # ("most of them on checkposts and convoys in Helmand", "mostly in Nangarhar and Kabul": the list goes on)
    r"\b(?:(?:most|many|much|half|majority|bulk|some|all)\s+of\s+(?:them|which|these|those|whom|it)\b[^.;:\d]{0,80}?"
    r"|(?:mostly|mainly|largely|chiefly|primarily|predominantly|particularly|especially|notably)\s+(?:\w+\s+){0,2}?)"
    r"\b(?:in|across)\s+(?:the\s+)?(?:[\w’'-]+(?:\s*,\s*|\s+(?:and|or)\s+)){0,6}$",
    re.IGNORECASE,
)
_PLACE_VERB_AFTER = re.compile(
    r"^(?:\s*\([^)]{1,40}\))?(?:\s*,\s*in\s+particular\s*,)?\s*(?:alone\s+)?(?:saw|witnessed|recorded|remained|suffered|experienced"
    r"|accounted|accounting|registered|topped|faced|bore|continued|reported|lost"
    r"|(?:was|were|had|remained)\s+(?:again\s+|also\s+|still\s+|once\s+again\s+)?the)\b",
    re.IGNORECASE,
)
# where a report was presented, not where its figures happened: "Speaking in Islamabad, ...", "told reporters in Lahore"
_SPEECH_PLACE_BEFORE = re.compile(
    r"\b(?:speaking|told\s+(?:reporters|journalists|the\s+media)|(?:news|press)\s+conference|briefing"
    r"|launch(?:ed|ing)?(?:\s+(?:the|its|their|a|this|annual|yearly|security|report|review|study|survey|findings)){0,4}"
    # "a think tank in Islamabad said ...": where the monitor sits
    r"|think[- ]tanks?|institutes?|centre|center|organi[sz]ations?|monitors?|offices?|headquarters|(?:head)?quartered|based)"
    r"\s+(?:held\s+)?(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_NEW_SUBJECT_BEFORE = re.compile(r"(?:[,;]\s*|\b(?:and|while|whereas|but)\s+)(?:the\s+)?$")
_OWN_VERB_BEFORE_NUMBER = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:also\s+|alone\s+|itself\s+)?(?:claimed|carried\s+out|conducted|perpetrated|staged|launched|mounted|killed"
    r"|caused|(?:was|were)\s+(?:responsible|blamed)\s+for|(?:was|were)\s+behind|accounted\s+for)"
    r"\s+(?:(?:only|just|another|about|around|nearly|some|over|more\s+than|at\s+least|almost)\s+)*"
)
_CONCENTRATED_ASIDE = re.compile(
    r",\s*(?:concentrated|centred|centered)\s+(?:mostly\s+|mainly\s+|largely\s+)?in\s+[^,;:.()\d]{2,40}(?:,\s*[^,;:.()\d]{2,40}){0,4},(?!\s*(?:which|where)\b)"
    # "carried out 148 attacks that killed 310 people, mostly in Balochistan province, the report said": where most were
    # ("..., mostly targeted killings and bombings in the Bajaur and Peshawar areas": what kind they were, and where)
    r"|,\s*(?:mostly|mainly|largely|chiefly|predominantly)\s+(?:(?:[\w-]+\s+){0,4}?(?:attacks|bombings|killings|blasts|ambushes|raids)\s+)?"
    r"in\s+[^,;:.()\d]{2,50}(?=,(?!\s*(?:which|where)\b)|\.?\s*$)",
    re.IGNORECASE,
)
# "The Islamabad think tank said": a city naming where an organisation sits
_INSTITUTION_AFTER = re.compile(r"\s+(?:think[- ]tanks?|institutes?|office|bureau|headquarters|correspondents?|press\s+club)\b", re.IGNORECASE)
_ORIGIN_NOUN_AFTER = re.compile(r"^\s+(?:territory|soil|side|borders?|sanctuaries|havens)\b", re.IGNORECASE)
_ADJECTIVE_PLACE = re.compile(r"^\s+(?:provinces?|civilians|territory|soil|cities|districts|people|side|areas?)\b", re.IGNORECASE)
# a place that opens a dateline: "KABUL (AP) —", "Peshawar, January 4, 2021 –", "QUETTA:"
_GENERIC_SUBNATIONAL = re.compile(
    r"\b[Tt]he\s+(?:province|district|city|town|valley|provincial\s+capital|(?:federal\s+)?capital"
    # "the southern region recorded 2,700 casualties": a part of the country (or a region of several countries)
    r"|(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?region)\b(?!\s+of\b)"
)
_DATELINE_AFTER = re.compile(r"^\s*(?:\([A-Za-z]+\)\s*)?(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}\s*)?[:\-–—]")
_KINDS_LIST_BEFORE = re.compile(r"\b(?:terrorist|militant|insurgent|terror)\s*,[\w\s,-]{0,30}?\band\s+$")
# "militants based across the border in Afghanistan": where attackers come from, not where the figure happened
# ("6,000 fighters are based in Afghanistan" is where the fighters are)
_BASED_IN_BEFORE = re.compile(r"(?<!are\s)(?<!is\s)(?<!were\s)(?<!was\s)(?<!remain\s)\b(?:based|hiding|sheltering|operating)\s+(?:across\s+the\s+border\s+)?in\s+(?:neighbouring\s+|neighboring\s+)?$", re.IGNORECASE)
_BASED = re.compile(r"^-?\s*based\b", re.IGNORECASE)
_VICTIM_ALIAS_AFTER = re.compile(r"^\s*(?:’s?|'s?)?\s*(?:/\s*\w+\s*)?(?:personnel|officials|men|members|casualties|fatalities|deaths|losses)\b", re.IGNORECASE)
_VICTIM_VERB_AFTER = re.compile(r"^\s*(?:\w+\s+)?(?:suffered|sustained|lost|bore|took\s+the\s+(?:heaviest|brunt))\b", re.IGNORECASE)
_VICTIM_ALIAS_BEFORE = re.compile(r"\b(?:personnel|members|men|fatalities|deaths|casualties|losses)\s+(?:of|among)\s+(?:the\s+)?$", re.IGNORECASE)
_LABEL_AFTER = re.compile(r"^[^.;:\d]{0,40}:\s*$")


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    country: str
    region: bool
    foreign: bool = False  # a country outside the reference data ("Nigeria"): its figures are not ours


@dataclass(frozen=True)
class GroupMention:
    start: int
    end: int
    group: str
    aside: bool  # inside brackets or an "including ..." aside
    target: bool  # named as a target ("attacks on security forces")
    member: bool  # "a member of <group>": an individual, not the group


def find_places(sentence: str, vocabulary: Vocabulary, alias_spans: list[tuple[int, int]]) -> list[Place]:
    """Countries and regions named as where something happened."""
    places = []

    def inside_alias(start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in alias_spans)

    for mention in vocabulary.find_regions(sentence):
        if inside_alias(mention.start, mention.end) or _BASED.match(sentence[mention.end :]):
            continue
        before = sentence[: mention.start]
        if _DISTRIBUTION_BEFORE.search(before) or _SPEECH_PLACE_BEFORE.search(before) or _INSTITUTION_AFTER.match(sentence, mention.end):
            continue
        at_start = before.strip(" \t\"“‘'").lower() in ("", "the")
        followed = _PLACE_VERB_AFTER.match(sentence[mention.end :])
        if _LOCATIVE_BEFORE.search(before) or followed or (at_start and not _DATELINE_AFTER.match(sentence[mention.end :])):
            places.append(Place(mention.start, mention.end, vocabulary.region_country(mention.target), True))
    country_mentions = vocabulary.find_countries(sentence)
    for mention in country_mentions:
        if inside_alias(mention.start, mention.end) or _BASED.match(sentence[mention.end :]):
            continue
        before = sentence[: mention.start]
        after = sentence[mention.end :]
        if _DISTRIBUTION_BEFORE.search(before) or _BASED_IN_BEFORE.search(before):
            continue
        # the subject that opens the sentence ("Afghanistan, which topped the index, ...") is where too
        # ("Pakistan climbed to sixth place on the index, with deaths ...": a country whose standing the sentence reports)
        opens = not before.strip(" \t\"“‘'") and re.match(
            r"^\s*(?:,|\s(?:which|has|had|was|is|saw|witnessed|climbed|rose|fell|dropped|slipped|ranked|remained|recorded|suffered|experienced)\b)", after
        )
        if _LOCATIVE_BEFORE.search(before) or _PLACE_VERB_AFTER.match(after) or _ADJECTIVE_PLACE.match(after) or opens:
            if re.search(r"\bborders?\b", after[:30], re.IGNORECASE) and re.search(r"\bacross\b", before[-40:], re.IGNORECASE):
                continue  # "from across Afghan, Indian and Iranian borders": an origin, not where it happened
            if re.search(r"\bfrom\s+(?:the\s+)?$", before, re.IGNORECASE) and _ORIGIN_NOUN_AFTER.match(after):
                continue  # "attacks from Afghan territory on Pakistani posts": where the attackers came from
            places.append(Place(mention.start, mention.end, mention.target, False))
    for match in lx.NATIONWIDE.finditer(sentence):
        places.append(Place(match.start(), match.end(), "", False))  # the whole country, whichever it is
    for match in lx.OTHER_COUNTRY.finditer(sentence):
        before, after = sentence[: match.start()], sentence[match.end() :]
        if inside_alias(match.start(), match.end()) or _DISTRIBUTION_BEFORE.search(before):
            continue
        if _LOCATIVE_BEFORE.search(before) or _PLACE_VERB_AFTER.match(after) or not before.strip(" \t\"“‘'"):
            places.append(Place(match.start(), match.end(), "", False, foreign=True))
    for match in _GENERIC_SUBNATIONAL.finditer(sentence):
        before = sentence[: match.start()]
        # "the province's police had lost 134 officers": what a province owns is counted for the province
        owner = re.match(r"['’]s?\b", sentence[match.end() :])
        if _LOCATIVE_BEFORE.search(before) or _PLACE_VERB_AFTER.match(sentence[match.end() :]) or owner or not before.strip(" \t\"“‘'"):
            places.append(Place(match.start(), match.end(), "", True))  # "the province recorded 350 attacks"
    known = [(p.start, p.end) for p in places]
    countries = [(m.start, m.end) for m in country_mentions]
    for match in (m for pattern in _LOCAL_PLACES for m in pattern.finditer(sentence)):
        start, end = match.span("name")
        if _MONTH_OR_DAY.match(match.group("name")) or any(a < end and start < b for a, b in [*known, *countries, *alias_spans]):
            continue
        places.append(Place(start, end, "", True))  # a district or town the reference data does not list
    # "Sectarian violence, concentrated in Kurram, Hangu and D.I. Khan, accounted for 97 attacks": places in an aside
    # about where the subject was concentrated are not the figure's ("..., concentrated in KP, which saw 111" is)
    asides = [m.span() for m in _CONCENTRATED_ASIDE.finditer(sentence)]
    # "Lashkar-e-Jhangvi, the outfit blamed for bombings in Quetta, claimed 14 attacks": where the group's past deeds were
    low = sentence.lower()
    asides += [m.span() for m in (_APPOSITION_AFTER.match(low, end) for _, end in alias_spans) if m]
    return sorted((p for p in places if not (p.region and any(a <= p.start < b for a, b in asides))), key=lambda p: p.start)


# a place the reference data may not list: "took place in Loralai", "in Kurram district"
_EXAMPLE_BEFORE = re.compile(
    r"\b(?:including|such\s+as|like|especially|particularly|mainly|namely|notably|chiefly)\s+(?:the\s+)?"
    r"(?:[A-Za-z-]+(?:\s+[A-Za-z-]+)?\s*(?:,|and|or)\s+(?:the\s+)?)*$",
    re.IGNORECASE,
)
_LOCAL_PLACES = (
    re.compile(
        r"\b(?:took\s+place|occurred|happened|(?:were|was)\s+(?:recorded|reported|registered))\s+in\s+"
        r"(?P<name>[A-Z][a-z][\w-]*(?:\s+[A-Z][\w-]*)?)"
    ),
    re.compile(r"\b(?P<name>[A-Z][a-z][\w-]*(?:\s+[A-Z][a-z][\w-]*)?)\s+(?:district|agency|tehsil|valley)\b"),
)
_MONTH_OR_DAY = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
# ("..., the report said, adding that Daesh carried out most suicide attacks in Kabul": a further statement of the source)
_NEW_CLAUSE = re.compile(r";|\b(?:with|while|whereas|but|followed\s+by)\b|,\s+and\b|\b(?:adding|saying|noting)\s+that\b")


def nearest_place(places: list[Place], position: int, low: str | None = None) -> Place | None:
    """The place a number is about: one in its own clause, else the nearest before it, else the nearest after.

    With the sentence (`low`), a place inside an aside the number is not in ("..., including a bombing
    in Bajaur that left 63 dead") is that aside's place only.
    """
    if low is not None:
        asides = [(a, b) for a, b in _aside_spans(low) if not a <= position < b]
        places = [p for p in places if not any(a <= p.start < b for a, b in asides)]
    if not places:
        return None
    if low is not None:
        blank = blank_parens(low)
        start, end = clause_start(blank, position), clause_end(blank, position)
        own = [p for p in places if start <= p.start < end]
        before = [p for p in places if p.end <= position]
        # a later clause with its own subject ("..., with Khyber Pakhtunkhwa accounting for 1,000 of them") is not the number's
        after = [p for p in places if p.start >= position and not _NEW_CLAUSE.search(low, position, p.start)]
        places = own or before[-1:] or after
        if not places:
            return None
    return min(places, key=lambda p: min(abs(p.start - position), abs(p.end - position)))


def _aside_spans(low: str) -> list[tuple[int, int]]:
    """Brackets, and asides opened by 'including', 'covering', 'such as' ... up to the next clause mark."""
    spans = []
    depths = paren_depths(low)
    start = None
    for index, depth in enumerate(depths):
        if depth and start is None:
            start = index
        elif not depth and start is not None:
            spans.append((start, index))
            start = None
    if start is not None:
        spans.append((start, len(low)))
    for match in lx.ASIDE_INTRO.finditer(low):
        end = re.compile(r"[,;:()–—]|\s-\s").search(low, match.end())
        spans.append((match.start(), end.start() if end else len(low)))
    return spans


_APPOSITION_AFTER = re.compile(
    r"\s*,\s*(?:the|a|an)\s+[^,;:()\d]{0,60}?\b(?:outfit|group|organi[sz]ation|faction|network|movement|militia)\b[^,;:()\d]{0,80},"
)


def mark_group_mentions(sentence: str, mentions: list[Mention]) -> list[GroupMention]:
    """The group aliases found in a sentence, marked when they are asides, targets, victims or single members."""
    low = sentence.lower()
    asides = _aside_spans(low)
    for mention in mentions:
        # "Lashkar-e-Jhangvi, the sectarian outfit blamed for ..., claimed 14 attacks": an apposition describing the
        # group just named; a category named inside it is no second perpetrator
        apposition = _APPOSITION_AFTER.match(low, mention.end)
        if apposition:
            asides.append((apposition.start() + 1, apposition.end()))
    found = []
    for mention in mentions:
        before = low[: mention.start]
        after = low[mention.end :]
        if mention.target in ("security-forces", "pro-government-forces", "us-forces") and (
            _VICTIM_ALIAS_AFTER.match(after) or _VICTIM_ALIAS_BEFORE.search(before) or _VICTIM_VERB_AFTER.match(after)
        ):
            continue  # "security forces personnel", "security forces suffered ...": victims, not a perpetrator
        aside = any(a <= mention.start < b for a, b in asides)
        target = bool(lx.TARGET_BEFORE.search(before)) and mention.target not in ("cross-border", "unattributed")
        member = bool(lx.MEMBER_OF.search(before))
        found.append(GroupMention(mention.start, mention.end, mention.target, aside, target, member))
    return found


def _pick(groups: list[GroupMention]) -> str | None:
    """One group out of a subject's mentions: an umbrella category wins over its members."""
    ids = {g.group for g in groups}
    for umbrella in UMBRELLAS:
        if umbrella in ids:
            return umbrella
    return ids.pop() if len(ids) == 1 else None


_SHARE_ASIDE = re.compile(
    r",\s*(?:or\s+)?(?:about\s+|nearly\s+|some\s+|almost\s+|roughly\s+)?\d[\d.]*\s*(?:%|per\s?cent|percent|pc)"
    r"(?:\s+of\s+(?:the\s+|all\s+)?(?:total|[\w-]+(?:\s+[\w-]+)?))?\s*,"
)


def phrase_group(low: str, reading: Reading, mentions: list[GroupMention], limit: int | None = None) -> str | None:
    """A group alias inside the counted phrase, or 'by <group>' / 'were <group>' right after it.

    The phrase ends before the next number (`limit`): in "73 attacks, and six attacks were sectarian" the
    group belongs to the six.
    """
    start, end = reading.phrase
    if end <= start:
        return None
    # ("596 deaths, or 25 percent, were attributed to pro-government forces": a share aside does not end the phrase)
    text = _SHARE_ASIDE.sub(lambda m: " " * len(m.group(0)), blank_parens(low))
    if limit is not None and limit > start and not text[limit:limit + 1].strip():
        limit = None  # the next number is the share's own, blanked above
    stop = re.compile(r"[;:]|\d|,\s+(?!and\b)").search(text, start + 1)
    end = min(end, stop.start() if stop else end, limit if limit is not None and limit > start else end)
    inside = [m for m in mentions if start <= m.start < end and not m.target and not m.member]
    if limit is not None and limit > start:
        # "IS-K claimed 22 attacks, and the BLF nearly 40": a name right before the next number is that number's subject
        # ... and so is a name with its own verb: "claimed 26 attacks, and Daesh claimed only two"
        inside = [m for m in inside if not re.fullmatch(r"\s*(?:also\s+|another\s+|a\s+further\s+)?", low[m.end : limit])
                  and not (_NEW_SUBJECT_BEFORE.search(low, 0, m.start) and _OWN_VERB_BEFORE_NUMBER.fullmatch(low, m.end, limit))]
    # "2,148 terrorist, insurgent and sectarian attacks": one kind in a list of every kind is not the group
    inside = [m for m in inside if not _KINDS_LIST_BEFORE.search(low, max(start, m.start - 50), m.start)]
    if reading.victim == "militants" and reading.base in ("killed", "injured", "casualties"):
        # "killed 11,000 Taliban fighters": the group names the dead, not who killed them
        inside = [m for m in inside if not re.match(r"\s+(?:[\w-]+\s+)?(?:fighters|militants|insurgents|members|terrorists|cadres)\b", low[m.end :])]
    return _pick(inside) if inside else None


def subject_group(low: str, position: int, mentions: list[GroupMention], floor: int = 0) -> tuple[str | None, bool]:
    """The perpetrator subject before `position`: (group, ambiguous)."""
    candidates = [m for m in mentions if floor <= m.end <= position and not m.aside and not m.target]
    if not candidates:
        return None, False
    nearest = candidates[-1]
    between = low[nearest.end : position]
    relative = lx.RELATIVE_AFTER_GROUP.match(re.sub(r"\([^()]*\)", "", between))
    if relative and not re.search(r"[;]|\d", between):
        return (None, True) if nearest.member else (nearest.group, False)
    if _LABEL_AFTER.match(between):
        return nearest.group, False
    strong = None
    for strong in lx.STRONG_BREAK.finditer(low, 0, nearest.start):
        pass
    clause_from = strong.end() if strong else 0
    if not lx.PERPETRATION.search(between) or lx.STRONG_BREAK.search(between):
        return None, True
    subject = [m for m in candidates if m.start >= clause_from]
    if any(m.member for m in subject):
        return None, True
    picked = _pick(subject)
    return picked, picked is None


def unknown_group_names(sentence: str, vocabulary: Vocabulary, alias_spans: list[tuple[int, int]], source_org: str | None) -> list[tuple[int, int]]:
    """Proper names that could be an armed group the vocabulary lacks ("Lashkar-e-Islam", "Jundullah"): not a known
    alias, place, month, authority or the report's own source, and not the first word of the sentence when it stands
    alone (an ordinary word capitalised)."""
    words = sentence.split()
    if len(words) > 3 and sum(w[:1].isupper() for w in words) > 0.6 * len(words):
        return []  # a title-case headline capitalises every word
    known = [*alias_spans, *((m.start, m.end) for m in vocabulary.find_regions(sentence))]
    countries = [(m.start, m.end) for m in vocabulary.find_countries(sentence)]
    source = set(re.findall(r"[A-Za-z]{2,}", source_org or ""))
    names = []
    for match in lx.PROPER_NAME.finditer(sentence):
        start, end = match.span()
        lead = re.match(r"(?:The|A|An)\s+", match.group(0))  # "The Jaish-e-Muhammad claimed ...": the name after the article
        start += lead.end() if lead else 0
        name = sentence[start:end]
        tokens = re.split(r"[\s-]+", name)
        if any(a < end and start < b for a, b in known) or any(t in source for t in tokens):
            continue
        inside = [(a, b) for a, b in countries if a < end and start < b]
        if inside and len(tokens) - len(inside) < 2:
            continue  # "Pakistan", "Afghan Taliban": a country's name, not "Tehreek-e-Jihad Pakistan"
        if not name or lx.NOT_A_GROUP_NAME.search(name):
            continue
        if len(tokens) == 1 and not sentence[: match.start()].strip(" \t\"“‘'"):
            continue
        if _EXAMPLE_BEFORE.search(sentence, 0, start) and not re.match(r"\s*,\s*(?:which|who)\b", sentence[end:]):
            continue  # "militant groups including Lashkar-e-Islam carried out 300 attacks": an example of the total's authors
        names.append((start, end))
    return names
