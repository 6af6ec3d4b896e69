"""Which year a figure is about: explicit years, relative years, comparison baselines, the document's topic year.

A year mention has a role:
- "scope": the year the statement is about ("in 2017", "during the year", "the year 2022 witnessed").
- "baseline": inside a comparison ("compared to 2016", "over the previous year", "up from 600 last year");
  numbers inside a baseline phrase are the earlier year's figures.
- "span": several years together ("from 2015 to 2019", "2012-13", "since 2015" for an older year):
  a figure about a span is cumulative, not yearly.
- "month": a month of a year ("in June 2014"): figures under it are sub-annual.
- "founding": when the publisher was set up ("established 1997").
- "dateline": the date a story was filed ("Islamabad, January 2, 2020 – ..."): says nothing about its figures.
- "title": part of a publication's name ("Global Terrorism Index 2019"), which may be a year later than its data.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+dozen)(?:-\w+)?"
)
# a comparison phrase runs from its marker to the end of its clause; numbers inside it belong to the earlier year
BASELINE = re.compile(
    # a quick test of where a marker can start: the first letters below, or the digits and the thousands comma of
    # "fell to 1,871 from 2,409" (whose marker starts right after the new value's first digit)
    r"(?=\b[acdfhijlorstuv]|\d|,\d)"
    r"(?:\b(?:as\s+)?compared\s+(?:to|with)\b|\bin\s+comparison\s+(?:to|with)\b|\brelative\s+to\b"
    r"|\bagainst\s+(?:the\s+)?(?:figures?|numbers?|totals?|levels?|count)\b|\bversus\b|\bvs\.?(?=\s)"
    r"|\b(?:up|down|rising|falling|increasing|decreasing|dropping|climbing)\s+from\b"
    # "up 12% from 366 the year before": the number after 'from' is the earlier year's
    r"|\bfrom\s+(?:the\s+)?(?=(?:as\s+many\s+as\s+)?\d[\d,.]*\s+(?:(?:recorded|reported|registered|documented|seen)\s+)?(?:the\s+year\s+before|the\s+(?:previous|preceding|prior)\s+year|a\s+year\s+(?:earlier|before|ago)|last\s+year)\b)"
    r"|\b(?:over|from|than|on)\s+(?:in\s+)?(?:the\s+)?(?:previous|preceding|prior|last|past)\s+year\b"
    r"|\b(?:over|from|than|on)\s+(?:in\s+)?(?:the\s+year\s+(?:before|earlier)|a\s+year\s+(?:earlier|ago|before))\b"
    r"|\bagainst\s+(?=(?:(?:only|just|some|about|around|nearly|almost|over)\s+)?(?:\d[\d,.]*|" + _NUMBER_WORD + r")\s+(?:[\w-]+\s+){0,2}?(?:in\s+(?:19|20)\d\d|(?:in\s+)?the\s+(?:previous|preceding|prior)\s+year|the\s+year\s+before|a\s+year\s+(?:earlier|before)|last\s+year)\b)"
    r"|\b(?:increase|rise|jump|surge|decline|decrease|drop|fall|reduction|up|down|higher|lower)\s+on\s+(?=(?:19|20)\d\d\b)"
    r"|\b(?:from|than|over|since)\s+(?:those|that|the\s+figures?|the\s+number)\b"
    r"|\b(?:from|over|since|than)\s+(?:in\s+)?(?:the\s+year\s+)?(?=(?:19|20)\d\d\b(?!\s*(?:-|–|to\b|and\b)))"
    r"|\bfrom\s+(?=[\d,.]+\s+(?:[\w-]+\s+){0,3}?in\s+(?:19|20)\d\d\b)"
    r"|(?<=\bto\s\d)\d*(?:,\d{3})*\s+from\b(?=\s+\d))",
    re.IGNORECASE,
)
# the end of a comparison phrase: clause punctuation or a new clause ("as 16 suicide attacks ...")
# ("compared with 369 to 725 the year before": the 'to' of a range goes on; "from 500 in 2019 to 700" ends at 'to';
# "as many as 5,000" is emphasis inside the comparison, not a new clause)
BASELINE_END = re.compile(r",(?!\d)(?!\s*when\b)|[;:()\[\]–—]|\s-\s|\.\s|(?:(?<!\d\s)|(?<=(?:19|20)\d\d\s))\bto\s+(?=[\d,.]+\s)|\b(?:(?<!many\s)as(?!\s+many\s+as\b)|while|whereas|but|because|although|though|and\s+(?=the\b|in\b|\w+ed\b))\b")

_YEAR = re.compile(r"(?<![\d,.\-/])(?:19[5-9]\d|20\d\d)(?!\d|,\d|\.\d|-\d\d-)")
_SPAN = re.compile(
    r"(?=\b[fbptu]|\d)"  # a quick test of where a span can start
    r"(?:\b(?:from|between)\s+(?:19|20)\d\d\s+(?:to|and|until|till|through)\s+(?:19|20)\d\d\b"
    # ("2018 - 63 per cent more": a year, a dash and a percentage, not the span 2018-63)
    r"|(?<!\d)(?:19|20)\d\d\s*(?:-|–|/)\s*(?:(?:19|20)?\d\d)(?!\d|[.,]\d|\s*(?:%|per\s?cent\b|percent\b|pc\b))"
    r"|\b(?:pre|post)-(?:19|20)\d\d\b|\b(?:19|20)\d\d\s+onwards\b|\buntil\s+(?:19|20)\d\d\b)",
    re.IGNORECASE,
)
_FOUNDED = re.compile(r"\b(?:established|founded|set\s+up|formed|incorporated|working\s+since|operating\s+since|active\s+since)\s+(?:in\s+)?$", re.IGNORECASE)
_DATELINE_AFTER = re.compile(r"\s*(?:[–—:]|-\s|\(\w+\)\s*[–—:-])")
_MONTH_YEAR = re.compile(
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+(?:of\s+)?$"
    r"|\b(?:first|second|third|fourth|last)\s+(?:half|quarter|six\s+months|three\s+months|nine\s+months)\s+(?:of\s+)?(?:the\s+year\s+)?$"
    r"|\b(?:H1|H2|Q[1-4])\s+$|\b\d{1,2}(?:st|nd|rd|th)?\s+(?-i:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\s+$",
    re.IGNORECASE,
)
# relative years and their offset from the anchor; "the year" alone means the topic year
_RELATIVE = re.compile(
    r"(?=\b[lptancdifo])"  # a quick test of where a relative year can start: the first letters below
    r"(?:(?P<last>\b(?:last|past)\s+(?:one\s+)?year\b(?!s))"
    r"|(?P<previous>\bthe\s+(?:previous|preceding|prior)\s+year\b|\bthe\s+year\s+(?:before|earlier)\b(?!\s+last)"
    r"|\ba\s+year\s+(?:earlier|ago|before)\b)"
    r"|(?P<same>\bthe\s+same\s+year\b)"
    r"|(?P<this>\b(?:this|the\s+current|the\s+outgoing|the\s+ending|the\s+present)\s+year\b"
    r"|\bthe\s+year\s+under\s+review\b|\b(?:now|currently|presently|at\s+present)\b"
    r"|\b(?:during|in|for|throughout|over|across)\s+the\s+year\b(?!\s+(?:19|20)\d\d|\s+before|\s+earlier)"
    r"|\bin\s+a\s+year\b))",
    re.IGNORECASE,
)
_TITLE_YEAR = re.compile(
    r"\b(?:Report|Index|Review|Survey|Yearbook|Outlook|Assessment|GTI)[”\"']?\s+$"
    r"|\b(?:published|released|issued|launched|dated|updated)\s+(?:in\s+|on\s+)?$",
    re.IGNORECASE,
)
_TOPIC_TITLE_WEIGHT = 3


@dataclass(frozen=True)
class YearMention:
    """A year stated in a sentence: explicit or relative, with its role."""

    start: int
    end: int
    role: str  # scope, baseline, span, month
    year: int | None  # explicit year; None for relative ones until resolved
    relative: str | None = None  # last, previous, same, this


def baseline_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the comparison phrases of a sentence, from their marker to their clause end."""
    spans = []
    for match in BASELINE.finditer(text):
        end = BASELINE_END.search(text, match.end() + 1)
        spans.append((match.start(), end.start() if end else len(text)))
    return spans


def _inside_any(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether a position lies in one of the spans (which may overlap).

    A body has hundreds of years and comparison phrases: the union of the spans, searched with bisect,
    keeps topic_year linear where a scan of every span for every year was quadratic.
    """
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if start >= end:
            continue
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)

    def inside(position: int) -> bool:
        index = bisect_right(starts, position) - 1
        return index >= 0 and position < ends[index]

    return inside


def find_years(sentence: str, baselines: list[tuple[int, int]] | None = None) -> list[YearMention]:
    """The years a sentence states, explicit and relative, with their roles (`baselines`: its `baseline_spans`)."""
    in_baseline = _inside_any(baseline_spans(sentence) if baselines is None else baselines)
    in_span = _inside_any([(m.start(), m.end()) for m in _SPAN.finditer(sentence)])
    mentions = []
    for match in _YEAR.finditer(sentence):
        before = sentence[max(0, match.start() - 30) : match.start()]
        if in_span(match.start()):
            role = "span"
        elif _FOUNDED.search(before):
            role = "founding"  # "established 1997", "working since 2011": about the publisher, not the figures
        elif _MONTH_YEAR.search(before) and _DATELINE_AFTER.match(sentence, match.end()) and re.search(r"\d", before):
            role = "dateline"  # "Islamabad, January 2, 2020 – Pakistan recorded ...": when the story was filed
        elif _MONTH_YEAR.search(before):
            role = "month"
        elif _TITLE_YEAR.search(before):
            role = "title"  # "Global Terrorism Index 2019", "Security Report 2022": a publication's name
        elif in_baseline(match.start()):
            role = "baseline"
        else:
            role = "scope"
        mentions.append(YearMention(match.start(), match.end(), role, int(match.group(0))))
    for match in _RELATIVE.finditer(sentence):
        kind = match.lastgroup
        role = "baseline" if in_baseline(match.start()) else "scope"
        mentions.append(YearMention(match.start(), match.end(), role, None, kind))
    return sorted(mentions, key=lambda m: m.start)


def explicit_years(text: str) -> list[int]:
    """Explicit years of a text, leaving out dates, months and year spans."""
    years = []
    for mention in find_years(text):
        if mention.year is not None and mention.role == "scope":
            years.append(mention.year)
    return years


def topic_year(title: str | None, body: str, published: str | None) -> int | None:
    """The year a document is mainly about: its most stated year, near its publication date when known.

    Annual reports come out in the following weeks, so with a publication date only that year and the
    one before compete; a tie goes to the year before.
    """
    counts: Counter[int] = Counter(explicit_years(body))
    for year in explicit_years(title or ""):
        counts[year] += _TOPIC_TITLE_WEIGHT
    published_year = int(published[:4]) if published and published[:4].isdigit() else None
    if published_year is None:
        return max(counts, key=lambda y: (counts[y], y)) if counts else None
    previous, current = published_year - 1, published_year
    if counts[current] > counts[previous]:
        return current
    if counts[previous] or not published or len(published) == 4:
        return previous
    month = int(published[5:7])
    return previous if month <= 3 else current


def resolve_relative(relative: str, *, anchor: int, published_year: int | None, in_baseline: bool) -> int:
    """The year a relative expression means. Inside a comparison, 'last year' is the year before the figure's."""
    if relative in ("previous", "last") and in_baseline:
        return anchor - 1
    if relative == "previous":
        return anchor - 1
    if relative == "last":
        return published_year - 1 if published_year is not None else anchor
    return anchor
