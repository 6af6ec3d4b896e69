"""Yearly figures out of a document's prose: sentences, readings of their numbers, then who/where/when.

Country principle: a report is about the country its publisher monitors. When the source
organisation is named after a country ("Pakistan Institute for Peace Studies (PIPS)"), its counts of
attacks, deaths and injuries belong to that country even when a news copy writes "attacks in
Afghanistan"; estimates of fighters keep the place the sentence names. Without such a publisher,
the country named nearest to the number wins, else the caller's default, else the document's most
named country. A province, district or city nearest to the number makes it a sub-national figure,
which is dropped.

Civilian scope: UNAMA (and any report whose title is about civilians) counts civilian harm only, so
its unqualified deaths, injuries and casualties are the civilian metrics.

Across sentences: a sentence may take part of the previous sentence's figure ("Of these, 356 were
civilians", "87 of them") or change it ("They were 13 percent fewer"); such numbers take that figure's
metric, year and group. A heading's year holds until the next heading. A country outside the reference
data ("Nigeria recorded ...") keeps its figures out of the document's country.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from transforms import prose_lexicon as lx
from transforms.model import Document, Figure
from transforms.numbers import find_numbers
from transforms.prose_context import (
    CATEGORY_SCOPES,
    GroupMention,
    find_places,
    mark_group_mentions,
    nearest_place,
    phrase_group,
    subject_group,
    unknown_group_names,
)
from transforms.prose_readings import Reading, blank_parens, clause_end, clause_start, metric_of_phrase, read_numbers
from transforms.prose_text import MAX_SENTENCE_CHARS, Sentence, split_sentences
from transforms.reference import Vocabulary
from transforms.years import YearMention, baseline_spans, find_years, resolve_relative, topic_year

_ORIGIN_AFTER = re.compile(
    r"[-\s]+(?:based\s+)?(?:militants|fighters|nationals|refugees|borders?|soil|territory|side|insurgents|terrorists|jihadists|sanctuaries|havens)\b",
    re.IGNORECASE,
)
# "cross-border attacks from Afghanistan, Iran and India": where attackers came from
_ORIGIN_BEFORE = re.compile(r"\b(?:from|across)\s+(?:the\s+)?(?:neighbouring\s+|neighboring\s+)?(?:[A-Z]\w+,\s+)*$")
_ACRONYM = re.compile(r"^\s*([A-Z][A-Za-z-]{1,9})\b")


@dataclass(frozen=True)
class DocumentContext:
    """What the whole document says about its figures' defaults."""

    topic_year: int | None
    published_year: int | None
    country: str | None
    publisher_country: str | None
    civilian_scope: bool
    monthly: bool = False  # the title is about a month ("Militant attacks hit high in August"): figures without a year are its


@dataclass(frozen=True)
class Counted:
    """What a figure counted, for the next sentence to refer back to."""

    base: str
    victim: str | None
    suicide: bool
    year: int
    group: str


# drops that say the figures are not of a country and a year: a sentence pointing back at them inherits them
_SCOPE_DROPS = ("province", "sub-annual", "monthly", "cumulative", "global", "other-country", "several-countries", "single-incident")


@dataclass(frozen=True)
class _Named:
    """The groups around a sentence: its aliases, the named groups the vocabulary lacks, the group named before it."""

    mentions: list[GroupMention]
    unknown: list[tuple[int, int]]
    before: str | None  # for "the group's strength"; looked up only when a sentence needs it
    names: list[tuple[int, int]] = field(default_factory=list)  # proper names that may be groups the vocabulary lacks


@dataclass
class _Carry:
    """What one sentence hands to the next: scopes by paragraph, the last group, the section year."""

    headline: str | None = None
    paragraph: int = -1
    paragraph_scope: str | None = None
    last_group: str | None = None
    last_counts: tuple[Counted, ...] = ()  # the count figures of the last sentence with numbers, for references back
    last_scope_drop: str | None = None  # why that sentence's figures were not national and yearly ("province")
    last_unread_group: bool = False  # that sentence named a group but gave no figure ("ISKP was involved in 198 events")
    section_year: int | None = None
    section_country: str | None = None  # a heading that is a country's name ("Afghanistan") holds until another one
    drops: Counter[str] = field(default_factory=Counter)


def publisher_country(document: Document, vocabulary: Vocabulary) -> str | None:
    """The country in the expanded name of the source organisation ('Pakistan Institute ... (PIPS)')."""
    acronym = _ACRONYM.match(document.source_org or "")
    if not acronym:
        return None
    name = re.search(
        r"((?:[A-Z][\w’'-]*\s+(?:(?:for|of|on|and|in|the)\s+)*){1,8})\(\s*" + re.escape(acronym.group(1)) + r"\s*\)",
        document.text,
    )
    expanded = name.group(1) if name else _spelled_out(acronym.group(1), document.text)
    if not expanded:
        return None
    # "Pak Institute for Peace Studies": organisations write their country's name short
    countries = {m.target for m in vocabulary.find_countries(re.sub(r"\bPak\b(?!-)", "Pakistan", expanded))}
    return countries.pop() if len(countries) == 1 else None


def _spelled_out(acronym: str, text: str) -> str | None:
    """The name whose initials are the acronym, when a news copy spells it out without the acronym in brackets
    ("a report by the Pak Institute for Peace Studies" for PIPS)."""
    if not acronym.isupper() or len(acronym) < 3:
        return None
    for match in re.finditer(r"(?:[A-Z][\w’'-]*(?:\s+(?:(?:for|of|on|and|in|the)\s+)*)?){3,8}", text):
        words = [w for w in re.findall(r"[A-Z][\w’'-]*", match.group(0))]
        for start in range(len(words)):
            if "".join(w[0] for w in words[start : start + len(acronym)]) == acronym:
                return " ".join(words[start : start + len(acronym)])
    return None


def most_named_country(document: Document, vocabulary: Vocabulary) -> str | None:
    """The country a document names most, with its provinces and cities (title counted three times), leaving out
    names inside group aliases."""
    counts: Counter[str] = Counter()
    for text, weight in ((document.title or "", 3), (document.text, 1)):
        for mention in vocabulary.find_countries(text):
            # a group alias around the name ("Tehreek-e-Taliban Pakistan"): looked for near the name only
            start = text.rfind(" ", 0, max(0, mention.start - 60)) + 1
            end = text.find(" ", mention.end + 60)
            end = len(text) if end < 0 else end
            aliases = [(m.start + start, m.end + start) for m in vocabulary.find_groups(text[start:end])]
            # "Afghan militants", "the Afghan border": where attackers came from, not what the report is about
            origin = _ORIGIN_AFTER.match(text, mention.end) or _ORIGIN_BEFORE.search(text[max(0, mention.start - 40) : mention.start])
            if not origin and not any(a <= mention.start and mention.end <= b for a, b in aliases):
                counts[mention.target] += weight
    # a report names its own country's provinces and cities ("violence in the country ... in Balochistan"),
    # while a neighbour is often named only as where attackers came from
    for text, weight in ((document.title or "", 3), (document.text, 1)):
        for mention in vocabulary.find_regions(text):
            counts[vocabulary.region_country(mention.target)] += weight
    return max(counts, key=lambda c: (counts[c], c)) if counts else None


def document_context(document: Document, vocabulary: Vocabulary, default_country: str | None) -> DocumentContext:
    publisher = publisher_country(document, vocabulary)
    country = default_country or publisher or most_named_country(document, vocabulary)
    civilian = bool(re.search(r"\bcivilian", document.title or "", re.IGNORECASE)) or "UNAMA" in (document.source_org or "")
    monthly = bool(lx.MONTHLY_TITLE.search(document.title or "")) and not lx.ANNUAL_TITLE.search(document.title or "")
    return DocumentContext(
        topic_year(document.title, document.text, document.published),
        document.published_year,
        country,
        publisher,
        civilian,
        monthly,
    )


def _link(low: str, readings: list[Reading]) -> None:
    """Point each reading that refers to another (apposition, breakdown, baseline, series) at it."""
    for index, reading in enumerate(readings):
        kind = reading.link_kind
        earlier = [
            i for i in range(index - 1, -1, -1)
            if not readings[i].change and readings[i].drop != "share" and readings[i].mention.kind != "percent"
        ]
        if reading.in_parens and not reading.change and kind in ("", "breakdown"):
            parents = [i for i in earlier if readings[i].in_parens < reading.in_parens]
            if parents and readings[parents[0]].base in ("casualties", "killed", "injured", None):
                reading.link, reading.link_kind = parents[0], "parens"
            continue
        # with no count before it, a change or a baseline refers to an earlier change: "their deaths rose
        # 41pc, after an 18pc decline the previous year", "deaths rose by 56pc, up from 980 in 2022"
        changes = [i for i in range(index - 1, -1, -1) if readings[i].change and readings[i].base]
        if kind == "apposition":
            same = [i for i in earlier if readings[i].in_parens <= reading.in_parens and readings[i].base]
            same = same or [i for i in changes if readings[i].in_parens <= reading.in_parens]
            reading.link = same[0] if same else None
        elif kind in ("baseline", "series"):
            reading.link = next(
                (i for i in [*earlier, *changes] if readings[i].base and readings[i].in_parens <= reading.in_parens), None
            )
            clause_from = clause_start(low, reading.mention.start, lx.STRONG_BREAK)
            kinds = {
                readings[i].base for i in earlier
                if readings[i].base and readings[i].in_parens <= reading.in_parens and readings[i].mention.start >= clause_from
            }
            if kind == "baseline" and reading.base is None and len(kinds) > 1 and reading.link in earlier:
                reading.link = None  # "29 bombings, which killed 329 people, up from 14": bombings or deaths?
        elif kind == "breakdown":
            reading.link = next((i for i in earlier if readings[i].base == reading.base and not readings[i].victim), None)
        elif kind == "following":
            reading.link = next(
                (i for i in range(index + 1, len(readings)) if not readings[i].change and readings[i].base), None
            )


def _referent(low: str, position: int, counts: tuple[Counted, ...]) -> int | None:
    """Which figure of the previous sentence a number refers to: an attack count when its clause says who carried
    it out ("120 were claimed by the TTP"), a count of people when it names victims ("210 were civilians"), else the last."""
    if not counts:
        return None
    clause = low[clause_start(low, position, lx.STRONG_BREAK) : clause_end(low, position, lx.STRONG_BREAK)]
    wanted: tuple[str, ...] = ()
    if lx.ATTACK_VERB.search(clause):
        wanted = ("attacks", "operations")
    elif lx.VICTIM.search(clause) or lx.EVENT_VERB.search(clause):
        wanted = ("killed", "injured", "casualties")
    preferred = [i for i, c in enumerate(counts) if c.base in wanted]
    # "41 suicide attacks, down from 68 a year earlier. The TTP carried out 1,178 of the attacks": the part is of
    # the year the sentence reports, not of the baseline it compared with
    latest = max((counts[i].year or 0 for i in preferred), default=None)
    preferred = [i for i in preferred if (counts[i].year or 0) == latest]
    return preferred[-1] if preferred else len(counts) - 1


def _refer_back(low: str, readings: list[Reading], counts: tuple[Counted, ...]) -> None:
    """Numbers that count what the previous sentence counted: "Of those killed, 177 were soldiers",
    "Of these, 356 were civilians", "The TTP alone carried out 87 of them", "They were 13 percent fewer"."""
    opening = lx.PARTITIVE_OPENING.match(low)
    for reading in readings:
        after = low[reading.mention.end :]
        lead = reading.mention.hedge_start if reading.mention.hedge_start is not None else reading.mention.start
        # (only with the new value's own year: "had since declined to 43" alone says no year)
        if (reading.base is None and not reading.change and counts and lx.THEIR_NUMBER_OPENING.fullmatch(low, 0, lead)
                and re.match(r"\s+(?:in|by|during)\s+(?:19|20)\d\d\b", after)):
            referent = _referent(low, reading.mention.start, counts)
            chosen = counts[referent]
            reading.base, reading.victim, reading.suicide = chosen.base, chosen.victim, chosen.suicide
            reading.drop, reading.rule, reading.referent = None, "their-number", referent
            reading.link, reading.link_kind = None, ""
            continue
        if reading.change and reading.base is None and reading.link_kind in ("following", "apposition"):
            own = any(r.base and not r.change for r in readings)
            if not counts or own or not (lx.ANAPHOR_OPENING.match(low) or lx.CHANGE_PRONOUN.search(low) or lx.CHANGE_OPENING.match(low)):
                continue
            reading.referent = len(counts) - 1
            last = counts[-1]
            reading.base, reading.victim, reading.suicide = last.base, last.victim, last.suicide
            reading.link_kind, reading.rule = "", "change-refers-back"
            continue
        if reading.rule == "n-of-these" and counts and lx.OF_DEFINITE_AFTER.match(after):
            # ("179 of the 281 attacks": the whole is stated right here, not referred back to)
            whole_here = re.match(r"\s*(?:about\s+|some\s+|nearly\s+)?\d", after[lx.OF_DEFINITE_AFTER.match(after).end() :])
            if not whole_here and not any(r.base and r.mention.start < reading.mention.start for r in readings):
                # "Seven of the attacks were suicide bombings": part of what the sentence before counted, and of its year
                reading.referent = _referent(low, reading.mention.start, counts)
            continue
        if reading.rule != "unrecognised":
            continue
        own = [r for r in readings if r.base and not r.change and r.mention.end <= reading.mention.start]
        if own and lx.OF_THEM_AFTER.match(after) and not opening:
            # "deaths rose to 7,379, and the Taliban were responsible for 6,103 of them": part of the sentence's own count
            reading.base, reading.victim, reading.suicide = own[-1].base, own[-1].victim, own[-1].suicide
            were = lx.WERE_VICTIM.match(after[lx.OF_THEM_AFTER.match(after).end() :])
            if were and reading.base in ("killed", "injured", "casualties"):
                reading.victim = were.lastgroup
            reading.drop, reading.rule = None, "part-of-earlier"
            continue
        tolls = [r for r in own if r.base in ("killed", "injured", "casualties")]
        were = lx.WERE_VICTIM.match(after)
        if tolls and were and not opening:
            # "Civilians accounted for 540 of the dead, while 484 were militants": the sentence's toll, for other victims
            reading.base, reading.victim, reading.suicide = tolls[-1].base, were.lastgroup, tolls[-1].suicide
            reading.drop, reading.rule = None, "part-of-earlier"
            continue
        lead = reading.mention.hedge_start if reading.mention.hedge_start is not None else reading.mention.start
        elliptical = lx.ELLIPTICAL_BEFORE.search(low, 0, lead)
        elliptical = elliptical and lx.ELLIPTICAL_AFTER.match(after)  # "IS-K claimed 14.": the noun of the sentence before
        if not (opening and reading.mention.start >= opening.end()) and not lx.OF_THEM_AFTER.match(after) and not elliptical:
            continue
        kind = lx.WERE_KIND.match(after)  # "Of these, 20 were suicide attacks": its own noun
        named = metric_of_phrase(kind.group(0)) if kind else None
        opened = opening and (opening.group("noun") or opening.group("dead"))
        named = named or (metric_of_phrase(opened) if opened else None)
        if named is None and not opening and lx.OF_THEM_AFTER.match(after):
            # "Suicide bombings barely moved: the monitor records 68 of them": 'them' are the sentence's own noun
            named = metric_of_phrase(blank_parens(low[:lead]))
        referent = _referent(low, reading.mention.start, counts)
        if named:
            reading.base, reading.victim, reading.suicide = named[:3]
        elif referent is not None:
            chosen = counts[referent]
            reading.base, reading.victim, reading.suicide = chosen.base, chosen.victim, chosen.suicide
        else:
            continue
        # "282 of those killed were security personnel": the complement after the partitive names the victims
        partitive = lx.OF_THOSE_KILLED_AFTER.match(after)
        were = lx.WERE_VICTIM.match(after[partitive.end() :] if partitive else after)
        noun = lx.VICTIM_NOUN_AFTER.match(after)  # "Of those killed, ... 320 soldiers and policemen": its own victims
        if (were or noun) and reading.base in ("killed", "injured", "casualties"):
            reading.victim = (were or noun).lastgroup
        elif reading.base in ("killed", "injured", "casualties") and lx.WERE_SOMEONE.match(after[partitive.end() :] if partitive else after):
            reading.drop, reading.rule = "unknown-victim", "refers-back"  # "..., 40 were journalists": victims no metric names
            continue
        reading.drop, reading.rule, reading.referent = None, "refers-back", referent
        by = lx.CLAIMED_BY_AFTER.match(after)
        if by:  # "120 were claimed by the TTP": the group of this part
            reading.phrase = (reading.mention.end + by.end(), min(len(low), reading.mention.end + by.end() + 40))


def _noun_respectively(low: str, readings: list[Reading], mentions: list[GroupMention]) -> None:
    """'the TTP and Baloch insurgents carried out 87 and 81 attacks respectively', 'civilians, soldiers and militants
    accounted for 120, 180 and 35 deaths respectively': the noun after the last value is every value's; the groups
    named before them, one per value, are theirs in order (the victims are paired by _respectively)."""
    last = next((r for r in reversed(readings) if lx.NOUN_RESPECTIVELY_AFTER.match(low[r.mention.end :])), None)
    if last is None or last.change:
        return
    index = readings.index(last)
    run = [last]
    while index and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", low[readings[index - 1].mention.end : readings[index].mention.start]):
        index -= 1
        run.insert(0, readings[index])
    found = metric_of_phrase(lx.NOUN_RESPECTIVELY_AFTER.match(low[last.mention.end :]).group("noun"))
    if len(run) < 2 or found is None or any(r.change for r in run):
        return
    subject_from = clause_start(low, run[0].mention.start, lx.STRONG_BREAK)
    named = [m for m in mentions if subject_from <= m.start < run[0].mention.start and not m.target and not m.aside]
    for position, reading in enumerate(run):
        reading.base, reading.suicide, reading.drop = found[0], found[2], None
        reading.victim = found[1]
        if len(named) == len(run) and len({m.group for m in named}) == len(run):
            reading.phrase, reading.rule = (named[position].start, named[position].end), "groups-respectively"
        else:
            reading.link_kind, reading.rule = "respectively", "count-respectively"


def _respectively(low: str, readings: list[Reading], years: list[YearMention]) -> None:
    """'attacks, deaths and injured declined by 45, 37 and 49 percent respectively': pair them in order."""
    run = [r for r in readings if r.link_kind == "respectively"]
    if not run:
        return
    index = readings.index(run[0])
    while index and readings[index - 1].rule == "unrecognised" and re.fullmatch(
        r"\s*(?:,|and|,\s*and)\s*", low[readings[index - 1].mention.end : readings[index].mention.start]
    ):
        index -= 1  # "7 435 and 6 303 respectively": an item the list pattern did not reach
        readings[index].link_kind, readings[index].rule, readings[index].drop = "respectively", "count-respectively", None
        run.insert(0, readings[index])
    first = run[0].mention.start
    subject_from = clause_start(low, first, lx.STRONG_BREAK)
    subject = blank_parens(low[subject_from:first])
    nouns = [m for m in lx.METRIC_NOUN.finditer(subject) if not re.search(r"\bin\s+(?:\w+\s+)?$", subject[: m.start()])]
    stated = [y for y in years if y.year is not None and subject_from <= y.start < first and y.role != "month"]
    if len(stated) == len(run) > 1 and len(nouns) <= 1 and not any(r.change for r in run):
        # "the totals for 2010 and 2011 were 7 435 and 6 303 respectively": one value per year, of the sentence's noun
        found = metric_of_phrase(subject) if nouns else None
        earlier = next((r for r in reversed(readings[:index]) if r.base and not r.change), None)
        base = found[:3] if found else ((earlier.base, earlier.victim, earlier.suicide) if earlier else None)
        for reading, year in zip(run, stated):
            if base is None:
                reading.drop = "no-metric"
                continue
            reading.base, reading.victim, reading.suicide = base
            reading.stated_year, reading.rule = year.year, "years-respectively"
            reading.link = readings.index(earlier) if earlier is not None and not found else None
            reading.link_kind = "series" if reading.link is not None else ""
        return
    victims = list(lx.VICTIM.finditer(subject, nouns[0].end())) if len(nouns) == 1 else []
    if len(nouns) == 1 and len(victims) != len(run):
        # "civilian and police deaths rose by ...": victims before the noun (searched past it, for lookaheads)
        victims = [m for m in lx.VICTIM.finditer(subject) if m.start() < nouns[0].start()]
    kinds = [v.lastgroup for v in victims]
    listed = lx.AMONG_LIST.search(subject, nouns[0].end()) if len(nouns) == 1 else None
    if listed:
        # "fatalities among civilians and security forces dropped by 38pc and 35pc respectively": the victims listed after
        # 'among', one per value, "security forces" among them; a list of another length pairs with nothing
        items = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", listed.group("list"))
        found_kinds = [_listed_victim(item) for item in items]
        ok = len(found_kinds) == len(run) and all(found_kinds) and len(set(found_kinds)) == len(found_kinds)
        kinds = found_kinds if ok else []
    if len(nouns) == 1 and len(kinds) == len(run) > 1:
        # one metric, a list of victims: "the fatalities among civilians and soldiers were 463 and 500 respectively"
        found = metric_of_phrase(subject[nouns[0].start() :])
        for reading, victim in zip(run, kinds):
            reading.base, reading.suicide = found[0], found[2]
            reading.victim = victim if found[0] in ("killed", "injured", "casualties") else None
            reading.rule = reading.rule or "victims-respectively"
        return
    if not nouns:
        victims = list(lx.VICTIM.finditer(subject))
        tail = low[run[-1].mention.end : run[-1].mention.end + 60]
        found = metric_of_phrase(tail.split("respectively")[0])
        if found and found[0] in ("killed", "injured", "casualties") and len(victims) == len(run) > 1:
            for reading, victim in zip(run, victims):
                reading.base, reading.victim, reading.suicide = found[0], victim.lastgroup, found[2]
                reading.rule = reading.rule or "victims-respectively"
            return
    if len(nouns) < len(run):
        for reading in run:
            reading.drop = "no-metric"
        return
    items = nouns[-len(run) :]
    # a victim named before the list holds for every item: "the civilians they killed and injured"
    shared = lx.VICTIM.search(subject, max(0, items[0].start() - 40), items[0].start())
    for position, (reading, noun) in enumerate(zip(run, items)):
        item_start = items[position - 1].end() if position else max(0, noun.start() - 25)
        found = metric_of_phrase(subject[item_start:])
        reading.base, reading.victim, reading.suicide = found[0], found[1] or (shared.lastgroup if shared else None), found[2]
        reading.rule = reading.rule or "change-respectively"


def _listed_victim(item: str) -> str | None:
    """The victim type one item of a list names ("civilians", "security forces" as the ones who suffered)."""
    kinds = {m.lastgroup for m in lx.VICTIM.finditer(item)}
    if not kinds and re.fullmatch(r"(?:the\s+)?(?:security|armed|state)\s+forces", item.strip()):
        kinds = {"security"}
    return kinds.pop() if len(kinds) == 1 else None


def _corresponding(low: str, readings: list[Reading], counts_before: tuple[Counted, ...], years: list[YearMention]) -> None:
    """'3 001 were civilians, 676 soldiers ...; the corresponding numbers for 2012 were 3 007 and 732': the same
    metrics in the same order; a change said beside them is of an unclear year and dropped."""
    marker = lx.CORRESPONDING.search(low)
    if not marker:
        return
    earlier = [i for i, r in enumerate(readings) if r.mention.start < marker.start() and r.base and not r.change]
    later = [r for r in readings if r.mention.start > marker.end()]
    stated = [y.year for y in years if y.year is not None and marker.end() <= y.start < (later[0].mention.start if later else 0)]
    totals = [i for i, c in enumerate(counts_before) if c.victim is None and not c.suicide]
    single = [r for r in later if not r.change]
    if not earlier and len(single) == 1 and len(stated) == 1 and totals and single[0].base is None:
        # "Fatalities in 2011 totalled 6,303. The corresponding total for 2010 stood at 7,435, a decline of 15 per cent":
        # the previous sentence's total in the year named; the change runs from that year to the total's
        total = counts_before[totals[0]]
        reading = single[0]
        reading.base, reading.victim, reading.suicide = total.base, None, False
        reading.stated_year, reading.referent, reading.rule, reading.drop = stated[0], totals[0], "corresponding-total", None
        for change in (r for r in later if r.change):
            change.stated_year = total.year if total.year == stated[0] + 1 else None
            change.drop = None if change.stated_year else "ambiguous-year"
        return
    own = [r for r in later if not r.change]
    if not earlier and own and len(stated) == 1 and all(r.base for r in own):
        # "... 303 violent incidents in 2020 in which 429 people were killed. The corresponding figures for 2019 were 292
        # incidents and 455 deaths": each names its noun; the previous sentence's count of that noun gives the group
        matches = [next((i for i, c in enumerate(counts_before) if c.base == r.base and c.victim == r.victim and c.suicide == r.suicide), None)
                   for r in own]
        if all(m is not None for m in matches) and len(set(matches)) == len(matches):
            for reading, match in zip(own, matches):
                reading.stated_year, reading.referent, reading.rule, reading.drop = stated[0], match, "corresponding-own-noun", None
            for change in (r for r in later if r.change):
                change.drop = "ambiguous-year"
            return
    for reading in later:
        if reading.change:
            reading.drop = "ambiguous-year"
    counts = [r for r in later if not r.change]
    if len(earlier) != len(counts):
        for reading in counts:
            reading.drop = reading.drop or "ambiguous-metric"
        return
    for parent, reading in zip(earlier, counts):
        first = readings[parent]
        reading.base, reading.victim, reading.suicide = first.base, first.victim, first.suicide
        reading.link, reading.link_kind, reading.rule, reading.referent, reading.drop = parent, "corresponding", "corresponding", None, None


def _inherit(readings: list[Reading]) -> None:
    """Readings that refer to another take its metric (and its drop, when it was dropped)."""
    for reading in readings:
        if reading.link is None:
            if reading.link_kind in ("apposition", "following", "baseline", "series") and not reading.drop:
                reading.drop = "no-metric"
            continue
        parent = readings[reading.link]
        if reading.link_kind == "parens":
            if reading.victim is None and parent.victim:
                reading.victim = parent.victim
            if parent.drop and not reading.drop:
                reading.drop = parent.drop
            continue
        if reading.link_kind in ("apposition", "following", "baseline", "series") and reading.base is None:
            reading.base, reading.victim, reading.suicide = parent.base, parent.victim, parent.suicide
            if reading.phrase[1] <= reading.phrase[0]:
                reading.phrase = parent.phrase
            if parent.drop and not reading.drop:
                reading.drop = parent.drop


def _suicide_context(low: str, reading: Reading) -> bool:
    """Deaths or injuries of suicide attacks: 'N suicide attacks ... killed M', 'M killed in suicide attacks'."""
    start = reading.mention.start
    after = low[reading.mention.end : reading.mention.end + 70]
    if re.match(r"^\s*(?:[\w’'-]+\s+){0,5}?(?:in|by|from)\s+(?:the\s+)?(?:\w+\s+)?suicide\s+(?:attacks|bombings|blasts|attack|bombing)", after):
        return True
    before = low[:start]
    before = re.sub(r"(?:–|—|,)\s*(?:including|includ\w+|such\s+as)[^–—,]*(?:–|—|,)?", lambda m: " " * len(m.group(0)), before)
    before = blank_parens(before)
    attacks = list(re.finditer(r"(?:[\w-]+\s+){0,2}(?:attacks|bombings|blasts|incidents|bombers)\b", before))
    # "41 suicide attacks, down from 68 such attacks a year earlier, but they killed ...": 'such attacks' repeats the
    # kind named before it, so that kind decides
    attacks = [m for m in attacks if not re.search(r"\bsuch\s+\S+$", m.group(0))]
    return bool(attacks) and "suicide" in attacks[-1].group(0)


def _clause(low: str, position: int) -> str:
    blank = blank_parens(low)
    return blank[clause_start(blank, position) : clause_end(blank, position)]


def _sub_annual(text: str, low: str, position: int, clause: str, before: str, years: list[YearMention]) -> bool:
    """Whether a number counts part of a year: a half, a quarter, months, a period short of January to December.

    A month before the number, or in its clause, makes it a month's figure, unless the month sits in a
    relative clause about something else ("The TTP, which ended its ceasefire in November, claimed 89").
    """
    if lx.SUB_ANNUAL.search(clause) or lx.SUB_ANNUAL.search(before):
        return True
    strong_from, strong_to = clause_start(low, position, lx.STRONG_BREAK), clause_end(low, position, lx.STRONG_BREAK)
    whole_years = []
    for period in lx.PERIOD.finditer(text, strong_from, strong_to):
        if (period.group("first"), period.group("last")) != ("January", "December"):
            return True  # "between 1 January and 30 June 2021"
        whole_years.append((period.start(), period.end() + 6))  # January to December, its year included
    clause_from, clause_to = clause_start(low, position), clause_end(low, position)
    asides = [m.span() for m in lx.RELATIVE_ASIDE.finditer(low) if not m.start() <= position < m.end()]
    # "The TTP, the umbrella formed in December 2007, ...": when a group was founded says nothing of the figure's period
    asides += [m.span() for m in lx.FOUNDING_APPOSITIVE.finditer(low) if not m.start() <= position < m.end()]
    months = [(y.start, y.end) for y in years if y.role == "month"] + [m.span() for m in lx.MONTH_PHRASE.finditer(text)]
    for start, end in months:
        if any(a <= start < b for a, b in asides + whole_years):
            continue
        # a month before a colon or semicolon sets the scene of another clause: "since the takeover in August 2021: attacks fell"
        if clause_from <= start < clause_to or (end <= position and not re.search(r"[:;]", low[end:position])):
            return True
    return False


def _filter(text: str, low: str, reading: Reading, readings: list[Reading], years: list[YearMention], group_named: bool) -> str | None:
    """Why a reading is not a yearly national figure, if it is not."""
    position = reading.mention.start
    clause = _clause(low, position)
    before = low[:position]
    after = low[reading.mention.end :]
    clause_from = clause_start(low, position)
    clause_to = clause_end(low, position)
    if lx.MONTHLY.search(clause):
        return "monthly"
    # a strength is a stock, not a count over a period: "estimated in July that the group has 2,000 fighters"
    if reading.base != "fighters" and _sub_annual(text, low, position, clause, before, years):
        return "sub-annual"
    spanned = any(y.role == "span" and clause_from <= y.start < clause_to for y in years)
    scene = max(low.rfind(":", 0, position), low.rfind(";", 0, position))
    if scene >= 0 and any(y.role == "scope" and y.year is not None and y.start > scene for y in years):
        # "since the takeover in August 2021: attacks declined by 75% in 2022": the scene before the colon is not the
        # period of a figure whose own clause states its year
        period_before = low[scene:position]
    else:
        period_before = before
    period = period_before + clause
    # "more civilians were killed than in any year since the UN began keeping records": a record, not a running total
    cumulative = any(not lx.RECORD_BEFORE_SINCE.search(period, 0, m.start()) for m in lx.CUMULATIVE.finditer(period))
    if (spanned and not (reading.change and _year_on_year_span(years))) or cumulative:
        return "cumulative"
    if lx.GLOBAL.search(clause) or lx.GLOBAL.search(before):
        return "global"
    if not reading.change and any(
        y.role == "baseline" and clause_start(low, position, lx.STRONG_BREAK) <= y.start < clause_to
        and lx.SINCE_YEAR.search(low, 0, y.start) and not lx.RECORD_SINCE.search(low, 0, y.start) for y in years
    ):
        return "cumulative"  # "killed since 2009": a running total, not a year's count ("the highest since 2015" is not)
    # an index score or rank near the number, in its clause ("the index says" only names the source)
    window = range(max(clause_from, position - 30), min(clause_to, reading.mention.end + 20))
    if any(not lx.INDEX_AS_SOURCE.match(low, m.start()) for m in lx.INDEX.finditer(low, window.start, window.stop)):
        return "index"
    if lx.OUT_OF_SCOPE.search(clause):
        return "out-of-scope"
    if not lx.COMBINED.search(low) and lx.OUT_OF_SCOPE.search(low, clause_start(low, position, lx.STRONG_BREAK), position):
        return "out-of-scope"  # "18 incidents of communal violence, which left 17 dead" (a combined toll lists them as parts)
    if lx.SUBGROUP.search(clause) and not reading.change:
        return "subgroup"
    if lx.SUBGROUP_SUBJECT.match(low, clause_start(low, position, lx.STRONG_BREAK)):
        return "subgroup"
    start, end = reading.phrase
    if reading.change and end > start and lx.SUBGROUP.search(low, start, min(end + 20, clause_end(low, end, lx.CHANGE_CLAUSE_END))):
        return "subgroup"  # "casualties among children rose 40 percent": the change of a victim sub-group
    if not reading.change and lx.DIFFERENCE.match(after):
        return "difference"
    if reading.change and lx.MULTIPLE.search(clause):
        return "multiplicative"
    subject = blank_parens(low[clause_start(low, position, lx.STRONG_BREAK) : position])
    if reading.base in ("killed", "injured", "casualties"):
        # a tactic inside the list of every kind a combined toll adds up ("killed in clashes, bombings, airstrikes and
        # military operations") is no breakdown: the list is blanked out for the tactic test
        masked = low
        for match in lx.COMBINED.finditer(low):
            masked = masked[: match.start()] + " " * (match.end() - match.start()) + masked[match.end() :]
        tactic_subject = blank_parens(masked[clause_start(low, position, lx.STRONG_BREAK) : position])
        own_clause = blank_parens(masked[clause_start(low, position) : position])
        if (not group_named and (lx.TACTIC.search(tactic_subject) or lx.BY_TACTIC_AFTER.match(masked[reading.mention.end :]))) \
                or lx.TACTIC.search(own_clause) or lx.TACTIC_SUBJECT.match(tactic_subject):
            return "tactic"  # "..., with air strikes alone accounting for 1,015 of them", "casualties from IEDs rose 20%"
    if reading.base in ("killed", "injured", "casualties") and not reading.change:
        earlier_attacks = any(r.base == "attacks" and r.mention.start < position for r in readings)
        if not earlier_attacks and (lx.SINGLE_INCIDENT.search(subject) or lx.SINGLE_AFTER.match(after)):
            return "single-incident"
    if lx.WEEKDAY.search(clause):
        return "single-incident"  # news of one day's events
    return None


def _targeted(low: str, reading: Reading) -> bool:
    """Whether the attacks counted are those on one kind of target: "300 attacks on security forces", "attacks
    against Chinese nationals numbered 5", "300 attacks targeted security forces"."""
    start, end = reading.phrase
    if end <= start:
        return False
    if reading.mention.start <= start:  # the noun follows the number: "N <mods> attacks on X"
        found = lx.TARGETED_AFTER.match(low, reading.mention.end, min(len(low), end))
    else:  # the noun is the subject: "Attacks on X rose to N"
        found = lx.TARGETED_SUBJECT.search(low, start, end)
    # "645 attacks on security forces and civilians": every kind of target, the total
    return bool(found) and not re.match(r"\s*(?:[\w-]+\s+)?(?:,|and|or)\s", low[found.end() :])


def _year_on_year_span(years: list[YearMention]) -> int | None:
    """The later year of a sentence's span of two consecutive years ("the decrease between 2012 and 2013"), if that is its span."""
    spanned = sorted({y.year for y in years if y.role == "span" and y.year is not None})
    return spanned[1] if len(spanned) == 2 and spanned[1] == spanned[0] + 1 else None


def _scope_year(low: str, mentions: list[YearMention], position: int, context: DocumentContext, carry: _Carry) -> int | None:
    """The year a number outside any comparison is about.

    A year stated before the number holds for it; a year after it only inside its own clause: in "four
    attacks left 20 dead, while there had been two such attacks the year before" the year is the two's.
    """
    blank = blank_parens(low)
    # "than in any year since the UN began keeping records in 2009": a year inside a 'since' clause dates its start
    scoped = [m for m in mentions if m.role == "scope" and not lx.SINCE_CLAUSE_BEFORE.search(blank, 0, m.start)]
    # "Suicide bombings, which had become rare after 2017, are back: 32 last year": a relative clause's year is its own
    asides = [a.span() for a in lx.RELATIVE_ASIDE.finditer(low) if not a.start() <= position < a.end()]
    scoped = [m for m in scoped if not any(a <= m.start < b for a, b in asides)]
    preceding = [m for m in scoped if m.end <= position]
    following = [m for m in scoped if m.start >= position and not lx.CLAUSE_BREAK.search(blank, position, m.start)]
    chosen = preceding[-1] if preceding else (following[0] if following else None)
    anchor = carry.section_year or context.topic_year
    if chosen is None:
        return anchor
    if chosen.year is not None:
        return chosen.year
    if anchor is None:
        return None
    return resolve_relative(chosen.relative, anchor=anchor, published_year=context.published_year, in_baseline=False)


_BY_THE_GROUP = re.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:carried\s+out\s+|claimed\s+|staged\s+)?by\s+(?:the|this|that)\s+(?:group|outfit|movement|organi[sz]ation|faction)\b")
_WHOLE_OF_PART = re.compile(r"\s+(?:out\s+of|of)\s+(?:the|all|all\s+the|a\s+total\s+of|the\s+total)\s+")


def _year(
    low: str, reading: Reading, readings: list[Reading], mentions: list[YearMention], spans: list[tuple[int, int]],
    context: DocumentContext, carry: _Carry,
) -> int | None:
    position = reading.mention.start
    if reading.stated_year is not None:
        return reading.stated_year
    dated = [m.year for m in mentions if m.role == "month" and m.year is not None]
    if reading.base == "fighters" and dated and not any(m.role == "scope" for m in mentions):
        return dated[-1]  # "estimated in June 2021 that the group has 4,000 fighters": a strength as of that month
    if reading.change and _year_on_year_span(mentions):
        return _year_on_year_span(mentions)
    inside = next(((a, b) for a, b in spans if a <= position < b), None)
    if inside is not None:
        main = _scope_year(low, mentions, inside[0], context, carry)
        if main is None:
            return None
        stated = [m for m in mentions if inside[0] <= m.start < inside[1]]
        if stated and stated[0].year is not None:
            return stated[0].year
        lead = reading.mention.hedge_start if reading.mention.hedge_start is not None else position
        if not stated and not reading.change and lx.FROM_TO.search(low, inside[0], lead):
            return main  # "came down from 1,702 to 1,229": the value it came down to is the year reported, not the one before
        return main - 1
    # "63 in 2008, 87 in 2009", "killed 153 people in 2017": a year right after the number binds it
    stop = clause_end(low, reading.mention.end)
    others = [r.mention.start for r in readings if r.mention.start > position]
    limit = min([stop, *others])
    for mention in mentions:
        if position < mention.start < limit and mention.role == "scope" and mention.year is not None:
            if re.match(r"^\s*(?:[\w’'-]+\s+){0,6}?(?:in|during|for|of)\s+(?:the\s+year\s+)?$", low[reading.mention.end : mention.start]):
                return mention.year
    scope = _scope_year(low, mentions, position, context, carry)
    lead = reading.mention.hedge_start if reading.mention.hedge_start is not None else position
    if scope is not None and not reading.change and re.search(r"\bfrom\s+$", low[:lead]) and re.match(r"\s+to\s+(?:about\s+|around\s+|nearly\s+|some\s+)?\d", low[reading.mention.end :]):
        return scope - 1  # "SF fatalities declined from 533 to 325" in a report on 2015: 533 is the year before
    return scope


def _relative_year_of_a_later_change(reading: Reading, readings: list[Reading], years: list[YearMention], year: int) -> bool:
    """"Last year, the monitor had recorded 2,985 deaths, meaning that deaths fell by 5.6 percent in 2019": 'last year'
    and the change's stated year name the same year, yet the count is the change's starting point; which year it is
    cannot be told."""
    before = [m for m in years if m.role == "scope" and m.end <= reading.mention.start]
    if not before or any(m.year is not None for m in before) or not any(m.relative == "last" for m in before):
        return False
    stated_later = any(m.role == "scope" and m.year == year and m.start > reading.mention.end for m in years)
    change_later = any(r.change and r.base == reading.base and r.mention.start > reading.mention.end for r in readings)
    return stated_later and change_later


def _metric(reading: Reading, group: str, vocabulary: Vocabulary) -> str | None:
    base = reading.base
    if base is None:
        return None
    if base == "attacks" and group == "security-forces" and not reading.suicide:
        metric = "operations"  # what state forces carry out ("94 strikes", "raids") are operations, not attacks
    elif base == "attacks":
        metric = "suicide_attacks" if reading.suicide else ("incidents" if group == "all-violence" else "attacks")
    elif base in ("killed", "injured", "casualties") and reading.suicide:
        metric = f"suicide_{base}"
    elif base in ("killed", "injured", "casualties") and reading.victim:
        metric = f"{base}_{reading.victim}"
    else:
        metric = base
    if reading.change:
        metric = f"{metric}_change_pct"
    return metric if metric in vocabulary.metrics else None


def _country_there(document: Document, sentence: Sentence, low: str, vocabulary: Vocabulary) -> str | None:
    """The country a locative 'there' points back to: the one the text named last ("Pakistan ranked fifth.
    Deaths from terrorism there fell to 537")."""
    if not lx.THERE.search(low):
        return None
    before = document.text[max(0, sentence.start - 600) : sentence.start]
    aliases = [(m.start, m.end) for m in vocabulary.find_groups(before)]
    named = [m for m in vocabulary.find_countries(before) if not any(a <= m.start and m.end <= b for a, b in aliases)]
    if not named:
        return None
    # of the sentence that named countries last, its first: "Afghanistan overtook Iraq as ... . Deaths there ..." is Afghanistan
    opening = max(before.rfind(". ", 0, named[-1].start), before.rfind("\n", 0, named[-1].start)) + 1
    return next(m for m in named if m.start >= opening).target


def _sentence_country(
    document: Document, sentence: Sentence, low: str, vocabulary: Vocabulary, context: DocumentContext
) -> str | None:
    """The country a sentence is about, for aliases that name a group only there ("the Taliban" in Afghanistan): the
    one its 'there' points to or the only one it names after 'in', else the document's."""
    if context.publisher_country:
        return context.country
    there = _country_there(document, sentence, low, vocabulary)
    if there:
        return there
    text = document.text[sentence.start : sentence.end]
    named = {m.target for m in vocabulary.find_countries(text) if re.search(r"\bin\s+$", low[: m.start])}
    return named.pop() if len(named) == 1 else context.country


def _owner(low: str, position: int, named: _Named) -> str | None:
    """Whose fighters: "the TTP's strength ... at 5,000", "the group's fighters" (the group named before)."""
    clause_from = clause_start(low, position, lx.STRONG_BREAK)
    owner = None
    for match in lx.STRENGTH_OWNER.finditer(low, clause_from, position):
        aliases = [m for m in named.mentions if m.end == match.start()]
        if aliases:
            owner = aliases[-1].group
        elif lx.GROUP_PRONOUN.search(low, clause_from, match.start()):
            owner = named.before
    return owner


def _group(low: str, index: int, readings: list[Reading], named: _Named, carry: _Carry, sentence_paragraph: int) -> tuple[str | None, str]:
    """The group of one reading and the rule that gave it, or (None, reason) when it cannot be told."""
    mentions = named.mentions
    reading = readings[index]
    position = reading.mention.hedge_start if reading.mention.hedge_start is not None else reading.mention.start
    start, end = reading.phrase
    if end > start and lx.COMBINED.search(low, start, min(len(low), end + 40)):
        return "all-violence", "combined-in-phrase"
    following = [r for r in readings[index + 1 :] if r.mention.start > reading.mention.end and r.in_parens <= reading.in_parens]
    limit = None
    if following:
        limit = following[0].mention.hedge_start if following[0].mention.hedge_start is not None else following[0].mention.start
    if lx.ATTRIBUTED.search(low, 0, position):
        to = lx.ATTRIBUTED_TO.match(low[reading.mention.end :])
        if to is None and lx.ATTRIBUTED_RIGHT_BEFORE.search(low, 0, position):
            to = lx.ATTRIBUTED_NOUN_TO.match(low[reading.mention.end :])
        if to:
            to_end = reading.mention.end + to.end()
            named_to = [m for m in mentions if to_end <= m.start <= to_end + 12 and not m.target]
            if not named_to and named.before and lx.GROUP_PRONOUN_AFTER.match(low, to_end):
                return named.before, "attributed-to-group-named-before"  # "attributes 1,000 attacks to the group"
            return (named_to[0].group, "attributed-to") if named_to else (None, "ambiguous-group")
    later = [m for m in mentions if m.group == "unattributed" and m.start >= reading.mention.end and (limit is None or m.start < limit)]
    if later and not lx.STRONG_BREAK.search(low, reading.mention.end, later[0].start):
        # "1,360 civilian casualties ... could not be attributed to either party": the predicate says whose they are not
        return "unattributed", "unattributed-after"
    if reading.base == "fighters":
        owner = next((m for m in reversed(mentions) if m.end <= position and lx.OWNER_HAD.match(low[m.end : position])), None)
        if owner is not None:
            return owner.group, "owner-had"
        if named.before and lx.GROUP_PRONOUN_HAD.search(low, 0, position):
            return named.before, "group-pronoun-had"  # "Officials estimate the group has fewer than 2,000 fighters"
    in_phrase = phrase_group(low, reading, mentions, limit)
    if reading.rule == "gapped-for" and not in_phrase and not (
        reading.base in ("killed", "injured", "casualties") and lx.VICTIM.search(low, start, end)
    ):
        return None, "unknown-group"  # "..., and the militias for 40": the item's own subject, a group we do not know
    if in_phrase == "sectarian":
        # "LeJ was behind 12 sectarian attacks": sectarian is the attacks' kind, the group before the verb their author
        author = [m for m in mentions if m.end <= position and not m.aside and not m.member and not m.target
                  and m.group != "sectarian" and lx.GROUP_PERPETRATES.fullmatch(low, m.end, position)]
        if author:
            return author[-1].group, "author-of-kind"
    if in_phrase:
        partitive = re.search(r"\bof\s+(?:these|those|the)\b", low[reading.mention.end : end])
        subject, _ = subject_group(low, position, mentions) if partitive else (None, False)
        if subject:
            return subject, "subject"  # "The LeJ claimed 23 of these sectarian attacks": the claimant's share
        return in_phrase, "group-in-phrase"
    # (", with the Taliban alone responsible": 'with' opens a clause whose subject it is, not a target)
    adjacent = [m for m in mentions if m.end <= position and not m.aside and not m.member
                and (not m.target or re.search(r"[,;]\s*with\s+(?:the\s+)?$", low[: m.start]))
                and lx.GROUP_PERPETRATES.fullmatch(low, m.end, position) and not lx.LIST_ITEM_BEFORE.search(low, 0, m.start)]
    if adjacent:
        # "anti-government elements caused 62 per cent, with the Taliban alone responsible for 4,387": the group right
        # before the verb, not the umbrella named earlier
        return adjacent[-1].group, "adjacent-perpetrator"
    if reading.base in ("killed", "injured", "casualties") and not reading.change:
        # "75 people were killed and 110 injured in 26 cross-border attacks": the group of the attacks they died in
        clause_to = clause_end(low, reading.mention.end, lx.STRONG_BREAK)
        attacks = [m for m in mentions if reading.mention.end < m.start < clause_to and not m.target and not m.aside
                   and lx.IN_ATTACKS_BEFORE.search(low, reading.mention.end, m.start) and (lx.ATTACKS_AFTER_GROUP.match(low[m.end :]) or re.search(r"(?:attacks?|raids)$", low[m.start : m.end]))]
        if len({m.group for m in attacks}) == 1:
            return attacks[0].group, "in-group-attacks"
    if lx.IT_SUBJECT.match(low):
        return (named.before, "pronoun-subject") if named.before else (None, "ambiguous-group")
    strong_from = clause_start(low, position, lx.STRONG_BREAK)
    semicolon = low.find(";", start)
    for unknown_start, unknown_end in named.unknown:
        if semicolon >= 0 and unknown_start > semicolon > reading.mention.end:
            continue  # "... behind 482 attacks; the Hafiz Gul Bahadur group claimed 40": another clause's group
        # a group the vocabulary does not know ("the Hafiz Gul Bahadur group claimed 12 attacks") is no one we count
        inside = start <= unknown_start < (limit if limit is not None and limit > start else end)
        as_subject = strong_from <= unknown_start and unknown_end <= position and lx.PERPETRATION.search(low, unknown_end, position)
        if inside or as_subject:
            return None, "unknown-group"
    for name_start, name_end in named.names:
        # "Lashkar-e-Islam carried out 12 attacks", "40 attacks were claimed by Jundullah": a group we do not know is
        # no one we count, and not everyone either
        if (name_end <= position and lx.NAME_PERPETRATES.fullmatch(low, name_end, position)) or (
            name_start >= reading.mention.end and lx.BY_NAME_AFTER.fullmatch(low, reading.mention.end, name_start)
        ):
            return None, "unknown-group"
        # "40 Lashkar-e-Islam attacks", "Lashkar-e-Islam's attacks rose to 40", "attacks by Lashkar-e-Islam numbered 40",
        # "Jundullah fighters killed 30 people": the name modifies the counted noun or its subject
        modifies = name_start >= reading.mention.end and re.fullmatch(r"\s+(?:[\w-]+\s+)?", low[reading.mention.end : name_start]) \
            and lx.ATTACKS_AFTER_GROUP.match(low[name_end:])
        in_subject = strong_from <= name_start and name_end <= position and not lx.STRONG_BREAK.search(low, name_end, position) and (
            lx.NAME_OWNS_AFTER.match(low[name_end:position]) or lx.NAME_OWNED_BEFORE.search(low, strong_from, name_start)
        )
        if modifies or in_subject:
            return None, "unknown-group"
    if reading.base == "fighters":
        owner = _owner(low, position, named)
        if owner:
            return owner, "owner-of-strength"
        # "Al-Qaeda's regional branch, AQIS, was assessed to have 180 to 400 fighters": fighters are always someone's,
        # and the one group the clause names before them is whose
        owners = {m.group for m in mentions if strong_from <= m.start and m.end <= position and not m.target}
        if len(owners) == 1:
            return owners.pop(), "only-group-named"
    if reading.victim == "militants" and reading.base == "killed" and lx.STATE_KILL_VERB.search(_clause(low, position)):
        if not any(not m.target and not m.aside and m.group != "security-forces" for m in mentions):
            return "security-forces", "militants-neutralised"  # "a total of 1,000 terrorists were neutralised"
    if not reading.change and lx.TOTAL_BEFORE.search(low[:position]):
        return ("all-violence", "combined-total") if lx.COMBINED.search(low) else ("all", "stated-total")
    if lx.WITH_BEFORE.search(low, 0, position):
        # "<group> remained the main source of violence with 208 attacks": the sentence's subject
        first = next((m for m in mentions if not m.aside), None)
        if first is not None and not first.target and lx.SUBJECT_OPENING.fullmatch(low, 0, first.start):
            return first.group, "subject-with"
    if reading.link is not None and readings[reading.link].group:
        parent = readings[reading.link]
        if reading.link_kind in ("series", "baseline"):
            # "the TTP carried out 150 attacks, while nationalist insurgents perpetrated 80": a new subject
            own, _ = subject_group(low, position, mentions, parent.mention.end)
            if own:
                return own, "subject"
        return parent.group, f"group-of-{reading.link_kind}"
    previous = next((r for r in reversed(readings[:index]) if r.group), None)
    floor = previous.mention.end if previous else 0
    subject, ambiguous = subject_group(low, position, mentions, floor)
    if subject and lx.COMBINED.search(low, strong_from, position):
        return "all-violence", "combined-subject"  # "Militant attacks and the military's operations killed 1,524"
    if subject:
        return subject, "subject"
    if reading.rule == "part-of-earlier" and lx.ELLIPTICAL_BEFORE.search(low, 0, position):
        return None, "ambiguous-group"  # "... and <someone> was responsible for 6,103 of them": a part with a perpetrator we cannot name
    lead = reading.mention.hedge_start if reading.mention.hedge_start is not None else position
    if previous and not reading.change and _WHOLE_OF_PART.fullmatch(low, previous.mention.end, lead):
        # "the TTP was responsible for 179 of the 281 attacks": the whole the part was taken from, everyone's
        return "all", "whole-of-part"
    if previous and not lx.STRONG_BREAK.search(low, previous.mention.end, position):
        return previous.group, "previous-figure"
    if previous and lx.ANAPHORA.match(low[strong_from:]) and previous.base == "attacks" and not previous.change:
        # "... carried out 681 attacks; those attacks killed 283 people": the clause points back at the attacks just counted
        return previous.group, "clause-anaphora"
    if previous is None:
        subject, ambiguous = subject_group(low, position, mentions, 0)
        if subject:
            return subject, "subject"
    if ambiguous and (lx.ALL_PERPETRATORS.match(low, strong_from) or lx.ALL_BETWEEN_THEM.search(low, 0, position)):
        return "all", "all-perpetrators"  # "Militants, nationalist insurgents and sectarian groups carried out 229 attacks"
    if ambiguous and lx.COMBINED.search(low):
        return "all-violence", "combined-scope"  # "Violence of every description — bombings, operations, drone strikes ..."
    if ambiguous and reading.victim == "militants" and lx.OPERATION_CONTEXT.search(low, strong_from, clause_end(low, position, lx.STRONG_BREAK)):
        if {m.group for m in mentions} <= {"security-forces"}:
            return "security-forces", "militants-killed-in-operations"  # "Security forces ...: 2,970 militants died in operations"
    # a perpetrator named before a colon or semicolon belongs to another clause ("since the Taliban took power: attacks fell")
    scene = max(low.rfind(":", 0, position), low.rfind(";", 0, position)) + 1
    taliban = lx.UNNAMED_PERPETRATOR.search(low, scene, position)
    unnamed = taliban and not any(m.start <= taliban.start() < m.end for m in mentions)
    victims_listed = [m.span("list") for m in lx.AMONG_LIST.finditer(low)]
    if ambiguous and mentions and {m.group for m in mentions} <= {"security-forces"} and (
        reading.victim == "security" or all(any(a <= m.start < b for a, b in victims_listed) for m in mentions)
    ):
        # "the deadliest year for the security forces, with 685 soldiers killed", "fatalities among civilians and security
        # forces": the forces are among the dead, not who killed them
        ambiguous = False
    if ambiguous or unnamed or lx.NATIONAL_MILITANTS.search(low, scene, position):
        return None, "ambiguous-group"
    if reading.referent is not None:
        return carry.last_counts[reading.referent].group, "refers-back"
    if lx.COMBINED.search(low):
        return "all-violence", "combined-scope"
    if (reading.victim == "militants" or reading.base == "operations") and lx.STATE_FORCE_SUBJECT.search(low, strong_from, position):
        return "security-forces", "state-force-subject"  # "police killed 85 terrorists", "the CTD conducted 40 raids"
    if reading.victim == "security" and lx.IN_OPERATIONS.search(low, reading.mention.end, clause_end(low, reading.mention.end)):
        return "security-forces", "losses-in-operations"  # "383 soldiers were killed in those operations"
    if reading.victim == "militants" and lx.OPERATION_CONTEXT.search(_clause(low, position)):
        return "security-forces", "militants-killed-in-operations"
    if reading.base == "operations":
        return "security-forces", "operations"
    if (lx.ANAPHORA.match(low) or lx.THEY_SUBJECT.search(low, 0, position)) and carry.last_group:
        return carry.last_group, "anaphora"
    if carry.last_unread_group and (lx.ANAPHOR_START.match(low) or lx.BACK_REFERENCE.search(low, 0, position)):
        # "Fatalities in those events fell to 1,100" after a sentence whose group's count we could not read: that group's
        return None, "ambiguous-group"
    if _BY_THE_GROUP.match(low, reading.mention.end):
        # "only 11 attacks by the group in 2022" with no group named to refer to: one group's, not everyone's
        return None, "ambiguous-group"
    verb = lx.PERPETRATOR_VERB_BEFORE.search(low, 0, position)
    if verb and not lx.GENERIC_PERPETRATOR.search(low, strong_from, verb.start()):
        # "International military forces were responsible for 120 casualties": a perpetrator we cannot name is not everyone
        return None, "unknown-perpetrator"
    if lx.ALL_SCOPE.search(low):
        return "all", "attack-scope"
    # suicide attacks are militants' whatever the scope of the totals around them
    militant_only = (
        reading.suicide or (reading.base == "attacks" and lx.SUICIDE.search(low))
        or re.search(r"\b(?:in|by|from)\s+(?:the|these|those|such)\s+(?:terrorist\s+|militant\s+)?attacks\b", low)
    )
    if carry.paragraph == sentence_paragraph and carry.paragraph_scope:
        if militant_only and carry.paragraph_scope == "all-violence":
            return "all", "suicide-of-militants"
        return carry.paragraph_scope, "paragraph-scope"
    if carry.headline:
        if militant_only and carry.headline == "all-violence":
            return "all", "suicide-of-militants"
        return carry.headline, "headline-scope"
    return "all", "default-all"


def read_sentence(
    document: Document, sentence: Sentence, vocabulary: Vocabulary, context: DocumentContext, carry: _Carry
) -> list[Figure]:
    """The figures of one sentence; updates the carry and counts the drops in it."""
    text = document.text[sentence.start : sentence.end]
    low = text.lower()
    mentions = find_numbers(text)
    candidates = any(m.kind in ("count", "percent", "parenthesised") for m in mentions)
    spans = baseline_spans(low) if candidates or sentence.heading else []
    years = find_years(text, spans) if candidates or sentence.heading else []
    if sentence.heading:
        # a heading's year holds for its section; the next heading without a number ends that section
        stated = {m.year for m in years if m.year is not None and m.role == "scope"}
        if len(stated) == 1:
            carry.section_year = stated.pop()
        elif not any(char.isdigit() for char in text):
            carry.section_year = None
        named = vocabulary.find_countries(text)
        if len(named) == 1 and not text.replace(text[named[0].start : named[0].end], "").strip(" \t:-–—"):
            carry.section_country = named[0].target
    readings, drops = read_numbers(low, mentions, spans)
    carry.drops.update(drops)
    if lx.LINK_LINE.match(low):
        if readings:  # a drop reason is counted only when something was dropped
            carry.drops["link-to-other-story"] += len(readings)
        return []
    if carry.paragraph != sentence.paragraph:
        carry.paragraph, carry.paragraph_scope = sentence.paragraph, None
    if not readings and lx.COMBINED.search(low):
        carry.paragraph_scope = "all-violence"  # "SATP counts fatalities of attacks and of operations alike. ..."
    if not readings:
        return []
    _refer_back(low, readings, carry.last_counts)
    last = carry.last_counts
    if last and all(c.suicide and c.base == "attacks" for c in last) and (lx.ATTACKS_ANAPHOR.match(low) or lx.IN_SUCH_ATTACKS.search(low)):
        # "Suicide attacks numbered 68 last year. The bombings killed 1,167 people": the toll of those suicide attacks
        for reading in readings:
            if reading.base in ("killed", "injured", "casualties") and not reading.change:
                reading.suicide = True
    aliases = vocabulary.find_groups(text, _sentence_country(document, sentence, low, vocabulary, context))
    group_mentions = mark_group_mentions(text, aliases)
    _noun_respectively(low, readings, group_mentions)
    _respectively(low, readings, years)
    _link(low, readings)
    _corresponding(low, readings, carry.last_counts, years)
    _inherit(readings)
    unknown = [
        m.span() for m in lx.UNKNOWN_GROUP.finditer(text) if not any(a.start < m.end() and m.start() < a.end for a in aliases)
        and not lx.DETERMINER_GROUP.match(m.group(0))  # "The group and its affiliates": the group named before, not a new one
    ]
    before = None
    if (lx.GROUP_PRONOUN_ANYWHERE.search(low) and (any(r.base == "fighters" for r in readings) or lx.ATTRIBUTED.search(low))) or lx.IT_SUBJECT.match(low):
        window = document.text[max(0, sentence.start - 1000) : sentence.start]
        earlier = vocabulary.find_groups(window, context.country)
        before = earlier[-1].target if earlier else None
        # "The TTP, an alliance ... allied to the Afghan Taliban. The group ...": when the sentence before names two
        # groups, which one 'the group' is cannot be told
        last_sentence = max(window.rstrip().rfind(". "), window.rstrip().rfind("\n")) + 1
        if len({m.target for m in earlier if m.start >= last_sentence}) > 1:
            before = None
    names = unknown_group_names(text, vocabulary, [(m.start, m.end) for m in aliases], document.source_org)
    named = _Named(group_mentions, unknown, before, names)
    places = find_places(text, vocabulary, [(m.start, m.end) for m in aliases])
    figures = []
    for index, reading in enumerate(readings):
        if reading.drop is None and reading.base is None:
            reading.drop = "no-metric"
        if reading.drop is None and reading.link is not None and reading.link < index and readings[reading.link].drop:
            reading.drop = readings[reading.link].drop  # "..., 1,246 were women, an increase of 37 per cent": the women's
        if reading.drop:
            continue
        group, rule = _group(low, index, readings, named, carry, sentence.paragraph)
        if group is None:
            reading.drop = rule
            continue
        if reading.base == "fighters" and group in ("all", "all-violence"):
            reading.drop = "ambiguous-group"  # fighters are always one group's: a scope carried from elsewhere names none
            continue
        reading.group = group
        group_named = rule in ("group-in-phrase", "subject", "previous-figure") or rule.startswith("group-of-")
        if not reading.suicide and reading.base in ("killed", "injured", "casualties") and not reading.change and group != "all-violence":
            reading.suicide = _suicide_context(low, reading)
        reason = _filter(text, low, reading, readings, years, group_named)
        place = nearest_place(places, reading.mention.start, low)
        if reason is None and place is not None and place.region:
            reason = "province"
        if reason is None and place is None and carry.last_scope_drop and lx.ANAPHOR_START.match(low):
            reason = carry.last_scope_drop  # "Balochistan saw 120 attacks. These attacks killed 210 people."
        if reason is None and reading.base == "attacks" and group in ("all", "all-violence") and _targeted(low, reading):
            reason = "target"  # "300 attacks on security forces": a breakdown by target, whoever carried them out
        if reason is None and context.monthly and not any(m.role == "scope" for m in years) and carry.section_year is None:
            reason = "monthly"  # a report on one month: a figure that states no year is the month's
        if reason:
            reading.drop = reason
            continue
        if context.civilian_scope and reading.base in ("killed", "injured", "casualties") and reading.victim is None:
            reading.victim = "civilians"
        if group == "security-forces" and reading.base == "killed" and reading.victim is None and lx.AGAINST_MILITANTS.search(low, 0, reading.mention.start):
            reading.victim = "militants"  # "731 actions against militants, killing 1,706 of them"
        metric = _metric(reading, group, vocabulary)
        if metric is None:
            reading.drop = "no-metric"
            continue
        year = _year(low, reading, readings, years, spans, context, carry)
        if reading.referent is not None and not any(m.role == "scope" for m in years) and not (reading.change and _year_on_year_span(years)):
            referred = carry.last_counts[reading.referent]
            # "Of the total, 26 were suicide attacks" after a sentence about deaths: the total is not that sentence's
            same_kind = referred.base == reading.base or referred.base is None
            year = referred.year if same_kind else year  # "Of these, ..." is about the previous figure's year
        reading.year = year
        if year is None:
            reading.drop = "no-year"
            continue
        if not reading.change and _relative_year_of_a_later_change(reading, readings, years, year):
            reading.drop = "ambiguous-year"
            continue
        # "the most violent year since 2014" measures a record, not the change's baseline
        if reading.change and any(
            m.role == "baseline" and m.year is not None and m.year != year - 1
            and not re.search(r"\b(?:year|highest|lowest|deadliest|bloodiest|worst|biggest|largest|level|toll|figure)\s+since\s+$", low[: m.start])
            and not lx.RECORD_SINCE.search(low, 0, m.start)
            for m in years
        ):
            reading.drop = "not-year-on-year"
            continue
        countries = [p for p in places if not p.region and (p.country or p.foreign)]
        # "in neighbouring Afghanistan, the UN mission documented ...": another monitor's figure keeps its place
        if context.publisher_country and reading.base != "fighters" and not lx.OTHER_MONITOR.search(text):
            country = context.publisher_country
        else:
            near = nearest_place(countries, reading.mention.start, low)
            if near is not None and near.foreign:
                reading.drop = "other-country"
                continue
            if near is not None and any(
                p is not near and lx.PLACE_LIST.fullmatch(low, min(p.end, near.end), max(p.start, near.start)) for p in countries
            ):
                reading.drop = "several-countries"  # "in Iraq and Syria": one figure for two countries
                continue
            country = near.country if near else (
                _country_there(document, sentence, low, vocabulary) or carry.section_country or context.country
            )
        if country is None:
            reading.drop = "no-country"
            continue
        value = reading.value * (reading.sign if reading.change else 1)
        figures.append(
            Figure(
                year=year,
                country=country,
                group=group,
                metric=metric,
                value=value,
                evidence=text,
                start=sentence.start,
                end=sentence.end,
                rule=f"{reading.rule}+{rule}",
                value_high=reading.value_high,
                approx=reading.mention.approx,
            )
        )
    for reading in readings:
        if reading.drop:
            carry.drops[reading.drop] += 1
    kept = [r for r in readings if not r.drop and r.group]
    counts = [r for r in kept if not r.change and r.year is not None and r.link_kind != "baseline"]
    # a sentence whose numbers were all dropped ("Balochistan saw 120 attacks") leaves nothing to refer back to
    carry.last_counts = tuple(Counted(r.base, r.victim, r.suicide, r.year, r.group) for r in counts)
    carry.last_unread_group = not kept and any(not m.target and not m.aside for m in group_mentions)
    scope_drops = [r.drop for r in readings if r.drop in _SCOPE_DROPS]
    carry.last_scope_drop = scope_drops[0] if scope_drops and not kept else None
    if kept:
        carry.last_group = kept[-1].group
        scopes = [r.group for r in kept if r.group in CATEGORY_SCOPES]
        if scopes:
            carry.paragraph_scope = scopes[-1]
            headline = [g for g in scopes if g != "security-forces"]
            carry.headline = carry.headline or (headline[0] if headline else None)
    return figures


def _precise_only(figures: list[Figure], drops: Counter[str]) -> list[Figure]:
    """One figure per key and value; of rounded and precise values for one key, the precise ones."""
    seen = set()
    unique = []
    for figure in figures:
        key = (figure.year, figure.country, figure.group, figure.metric, figure.value, figure.value_high)
        if key in seen:
            continue
        seen.add(key)
        unique.append(figure)
    exact = {}
    for f in unique:
        if not f.approx:
            exact.setdefault((f.year, f.country, f.group, f.metric), []).append(f.value)
    kept = []
    for figure in unique:
        values = exact.get((figure.year, figure.country, figure.group, figure.metric), [])
        if figure.approx and any(abs(v - figure.value) <= 0.1 * max(abs(v), abs(figure.value)) for v in values):
            drops["less-precise"] += 1
            continue
        kept.append(figure)
    return kept


def extract_prose_figures(
    document: Document, vocabulary: Vocabulary, *, default_country: str | None = None
) -> tuple[list[Figure], dict[str, int]]:
    """Figures of the document's prose (tables left out), and the numbers dropped, counted by reason."""
    context = document_context(document, vocabulary, default_country)
    carry = _Carry()
    figures: list[Figure] = []
    skip = tuple((t.start, t.end) for t in document.tables)
    for sentence in split_sentences(document.text, skip):
        if sentence.end - sentence.start > MAX_SENTENCE_CHARS:
            carry.drops["over-long-sentence"] += 1  # one per sentence, not per number: see MAX_SENTENCE_CHARS
            continue
        figures.extend(read_sentence(document, sentence, vocabulary, context, carry))
    figures = _precise_only(figures, carry.drops)
    return figures, dict(carry.drops)
