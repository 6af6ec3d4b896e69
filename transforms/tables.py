"""Figures out of tables of yearly counts (HTML and PDF).

Every data cell is read by combining three labels: its row's stub text, its column's header text and
the table's caption. Each label may name a year, a group, a metric, a victim type, a place or a total;
together they must give exactly one (year, country, group, metric), or the cell is dropped with a reason.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from transforms.model import Document, Figure, Table
from transforms.reference import Vocabulary

PEOPLE = ("killed", "injured", "casualties")

_MARKER = r"(?:\*+|[†‡§#¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\w{1,3}\]|\((?:[a-z]|\d{1,2}|i{1,3}|iv|vi{0,3})\))"
_TRAILING_MARKERS = re.compile(rf"(?:\s*{_MARKER})+\s*$")
_YEAR = re.compile(r"(?<!\d)(?<!\d[.,])(19[7-9]\d|20\d\d)(?!\d|[.,]\d)")
_YEAR_SPAN = re.compile(
    r"(?<!\d)(?:19|20)\d\d\s*(?:[-–—/]|\bto\b|\band\b|&)\s*(?:(?:19|20)\d\d|\d\d)(?!\d)"
    r"|\bsince\s+(?:19|20)\d\d|(?:19|20)\d\d\s+onwards?\b|\bfy\s*(?:19|20)?\d\d",
    re.IGNORECASE,
)
_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?"
)
_MONTH_WORD = re.compile(rf"\b({_MONTH})\b\.?", re.IGNORECASE)
_PERIOD_WORDS = re.compile(
    r"\b(?:so far|to date|till date|ytd|year[- ]to[- ]date|first half|second half|half[- ]year(?:ly)?|h[12]|q[1-4]"
    r"|quarter(?:ly)?|months?|weeks?|provisional|partial)\b",
    re.IGNORECASE,
)
_UNTIL = re.compile(r"\b(?:till|until|up ?to|as of|as on|through|thru)\b", re.IGNORECASE)
# "till March 15, 2024", "January-June 2024": a year that the data does not cover in full
_PARTIAL_PHRASE = re.compile(
    rf"\b(?:till|until|up ?to|as of|as on|through|thru|to)\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
    rf"(?P<month>{_MONTH})\b\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?\s+(?P<year>(?:19|20)\d\d)"
    rf"|\b(?:{_MONTH})\.?\s*[-–—]\s*(?P<month2>{_MONTH})\b\.?,?\s+(?P<year2>(?:19|20)\d\d)",
    re.IGNORECASE,
)
_DERIVED = re.compile(
    r"%|\bper ?cent|\bpercentage\b|\bshare\b|\bproportion\b|\bchange\b|\bincrease\b|\bdecrease\b|\bdecline\b"
    r"|\bgrowth\b|\bratio\b|\brate\b|\baverage\b|\bavg\b|\bmean\b|\bper (?:month|day|week|attack|incident)\b"
    r"|\bmonthly\b|\bdaily\b|\brank(?:ing)?\b|\bscore\b|\bindex\b",
    re.IGNORECASE,
)
# counted things the codebook leaves out: arrests, kidnappings, displacement, seizures
_OUT_OF_SCOPE = re.compile(
    r"\b(?:arrest(?:ed|s)?|kidnap(?:ped|pings?|s)?|abduct(?:ed|ions?|s)?|displaced|surrender(?:ed|s)?|recovered"
    r"|seized|captured|apprehended|detained|detentions?|hostages?|missing)\b",
    re.IGNORECASE,
)
_BASES = (
    ("casualties", re.compile(r"\bcasualt(?:y|ies)\b|\b(?:killed|dead|deaths)\s*(?:and|&|/|\+)\s*(?:injured|wounded)\b", re.I)),
    ("killed", re.compile(r"\b(?:killed|kills|killings?|deaths?|dead|fatalit(?:y|ies)|lives? lost|martyred|murdered)\b", re.I)),
    ("injured", re.compile(r"\b(?:injured|injur(?:y|ies)|wounded|hurt)\b", re.I)),
    ("operations", re.compile(r"\b(?:operations?|operational|actions?|raids?)\b", re.I)),
    ("attacks", re.compile(r"\b(?:attacks?|strikes?|bombings?|blasts?|explosions?|assaults?)\b", re.I)),
    ("incidents", re.compile(r"\b(?:incidents?|events?)\b", re.I)),
    ("fighters", re.compile(r"\b(?:fighters|strength|cadres)\b", re.I)),
)
_SUICIDE = re.compile(r"\bsuicide\b", re.IGNORECASE)
_VICTIMS = (
    ("progov", re.compile(r"\b(?:pro-?government (?:militias?|militiamen|lashkars?)|razakars?|peace committees?|aman lashkars?|militia(?:men)?|afghan local police|ALP)\b", re.I)),
    ("civilians", re.compile(r"\b(?:civilians?|non-?combatants?|common people|citizens)\b", re.I)),
    ("security", re.compile(r"\b(?:security forces?|security personnel|SFs?|soldiers?|troops|army|military|police(?:men)?|personnel|law enforcement(?: agencies| personnel)?|LEAs?|FC|frontier corps|levies|rangers|ANSF|ANDSF)\b", re.I)),
    # the singular is usually the attacker's adjective ("militant attacks"), a victim only before a count of people
    ("militants", re.compile(r"\b(?:(?:militants|terrorists|insurgents|extremists|rebels|outlaws|miscreants|anti-state elements)\b|(?:militant|terrorist|insurgent|extremist|rebel)\s+(?:deaths?|fatalit|casualt|killed|injured|wounded|dead))", re.I)),
)
_TOTAL = re.compile(r"^\s*(?:grand\s+|overall\s+)?totals?\b|\btotals?\s*:?\s*$|^\s*(?:overall|all|sum|combined|all (?:groups|perpetrators|parties|actors))\s*$", re.I)
# words that qualify a header without changing what it counts
_FILLER = frozenset(
    """a an the of in on at by for from to and or with within during per no nos number numbers count counts total totals
    grand overall all people persons person individuals reported recorded registered documented confirmed verified cases
    case terror terrorism terrorist militancy militant violence violent related acts act year years yearly annual data
    figures figure type types category categories combined including incl among which were was lives life lost members
    member affiliates affiliated factions faction splinter allies associates suspected alleged estimated estimate approx
    approximately est wise fatal nationwide national across whole entire country group groups perpetrators perpetrator
    parties party actors actor claimed responsibility attributed due caused resulting victims victim period s""".split()
)
_GENERIC = re.compile(r"^\s*(?:numbers?|no\.?|nos\.?|counts?|figures?|values?|#|quantity|frequency|data)\s*$", re.I)
_UNKNOWN = re.compile(r"^\s*(?:unknown|unidentified|unclaimed|not claimed|not specified|unattributed)\b", re.I)
_COMBINED = re.compile(
    r"\bcombined\b|\bterror(?:ism)? and counter|\bmilitant attacks and (?:security|operations|counter)"
    r"|\bviolence[- ]related\b|\boverall violence\b|\ball (?:forms of )?violence\b|\bconflict[- ]related\b",
    re.IGNORECASE,
)
_MILITANT_WORDS = re.compile(r"\b(?:terror\w*|militant\w*|insurgen\w*|extremist\w*)", re.IGNORECASE)
_INDEX_HEADER = re.compile(r"^\s*(?:s\.?\s*no\.?|sr\.?(?:\s*no\.?)?|no\.?|#|serial(?: no\.?)?|sl\.?(?:\s*no\.?)?)\s*$", re.I)
_PLACE_HEADER = re.compile(r"\b(?:provinces?|regions?|districts?|cit(?:y|ies)|areas?|agenc(?:y|ies)|states?)\b", re.I)
_YEARLY = re.compile(r"\b(?:year[- ]?wise|yearly|annual(?:ly)?|by year|per year|each year|over the years|years?)\b", re.I)
_MISSING = re.compile(r"^(?:n\.?\s?a\.?|n/a|not available|nil|none|-+|–+|—+|\.{2,}|…|x|\?|)$", re.IGNORECASE)
_VALUE = re.compile(
    r"^(?P<hedge>~|≈|>|approx\.?|about|around|over|more than|at least|nearly|almost|roughly|some)?\s*"
    r"(?P<num>\d{1,3}(?:[, ]\d{3})+|\d+)(?P<dec>\.\d+)?\s*(?P<plus>\+)?"
    r"(?:\s*(?:[-–—]|to)\s*(?P<high>\d{1,3}(?:[, ]\d{3})+|\d+))?"
    rf"(?P<tail>(?:\s*(?:{_MARKER}|\([^()]{{0,30}}\)|[a-z]))*)\s*$",
    re.IGNORECASE,
)
_EUROPEAN_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")


@dataclass(frozen=True)
class Label:
    """What one row stub, column header, section row or caption says about the cells it labels."""

    text: str = ""
    year: int | None = None
    span: bool = False  # several years: a range, "since 2015", a fiscal year
    partial: bool = False  # part of a year: months, a half, "so far"
    marker: str = ""  # footnote marker written after the year
    total: bool = False
    base: str | None = None
    suicide: bool = False
    victim: str | None = None
    groups: frozenset[str] = frozenset()
    # "Security forces" may be a victim type or the security-forces group; the table's other labels decide
    ambiguous_security: bool = False
    unknown: bool = False
    countries: frozenset[str] = frozenset()
    region: bool = False
    derived: bool = False
    out_of_scope: bool = False
    combined: bool = False
    # words of a row or column label that name nothing we know: "Rocket attacks", "Target killings"
    unmapped: frozenset[str] = frozenset()

    @property
    def kind(self) -> str:
        """The one dimension this label mostly speaks about, for telling what its siblings are."""
        if self.year is not None or self.span:
            return "year"
        if self.region:
            return "region"
        if self.countries and not self.groups:
            return "country"
        if self.victim and not (self.groups - {"security-forces"}):
            return "victim"
        if self.groups or self.unknown:
            return "group"
        if self.base in PEOPLE:
            return "people"
        if self.base:
            return "base"
        return "other"


def _strip_markers(text: str) -> tuple[str, str]:
    match = _TRAILING_MARKERS.search(text)
    if not match or match.start() == 0:
        return text, ""
    return text[: match.start()], match.group(0).strip()


def _is_partial_text(text: str) -> bool:
    """Whether a label or note says the figures cover only part of a year."""
    if _PERIOD_WORDS.search(text):
        return True
    months = [m.group(1).lower()[:3] for m in _MONTH_WORD.finditer(text)]
    # "till December 31" or "January-December" covers the year
    return bool(months) and months[-1] != "dec"


def _consumed(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the recognised spans blanked out."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def parse_label(text: str, vocabulary: Vocabulary, country: str | None = None) -> Label:
    """The facets a label names, read with the codebook vocabulary."""
    text = " ".join(text.split())
    if not text or _GENERIC.match(text):
        return Label()
    bare, marker = _strip_markers(text)
    years = {int(y) for y in _YEAR.findall(bare)}
    span = bool(_YEAR_SPAN.search(bare)) or len(years) > 1
    what, _, agent = bare.partition(" by ")
    base = next((name for name, pattern in _BASES if pattern.search(what)), None)
    victims = {name for name, pattern in _VICTIMS if pattern.search(what)}
    # "Killed (civilians, SF and militants)" names every victim type: the sum, not one of them
    victim = victims.pop() if len(victims) == 1 else None
    group_mentions = vocabulary.find_groups(bare, country)
    country_mentions = vocabulary.find_countries(bare)
    region_mentions = vocabulary.find_regions(bare)
    groups = {m.target for m in group_mentions}
    if groups - {"security-forces"}:
        victim = None  # "Baloch insurgents", "nationalist militants": a group's name, not its victims
    ambiguous = victim == "security" and "security-forces" in groups and not agent
    patterns = [_YEAR, _YEAR_SPAN, _MONTH_WORD, _PERIOD_WORDS, _UNTIL, _TOTAL, _UNKNOWN, _SUICIDE, _DERIVED, _OUT_OF_SCOPE, _COMBINED]
    patterns += [pattern for _, pattern in _BASES + _VICTIMS]
    spans = [m.span() for pattern in patterns for m in pattern.finditer(bare)]
    spans += [(m.start, m.end) for m in group_mentions + country_mentions + region_mentions]
    leftover = {w.lower() for w in re.findall(r"[A-Za-z]+", _consumed(bare, spans))} - _FILLER
    partial = bool(years) and not span and (_is_partial_text(bare) or bool(_UNTIL.search(bare) and _MONTH_WORD.search(bare)))
    return Label(
        text=text,
        year=next(iter(years)) if len(years) == 1 and not span else None,
        span=span,
        partial=partial,
        marker=marker if years else "",
        total=bool(_TOTAL.search(bare)),
        base=base,
        suicide=bool(_SUICIDE.search(bare)),
        victim=victim,
        groups=frozenset(groups),
        ambiguous_security=ambiguous,
        unknown=bool(_UNKNOWN.search(bare)),
        countries=frozenset(m.target for m in country_mentions),
        region=bool(region_mentions),
        derived=bool(_DERIVED.search(bare)),
        out_of_scope=bool(_OUT_OF_SCOPE.search(bare)),
        combined=bool(_COMBINED.search(bare)) or "all-violence" in groups,
        unmapped=frozenset(leftover),
    )


def parse_value(text: str) -> tuple[float, float | None, bool] | str:
    """(value, value_high, approx) of a cell, or the drop reason: 'no-value', 'derived' or 'unparsed-value'."""
    text = " ".join(text.split())
    if _MISSING.match(_strip_markers(text)[0].strip() if text else text):
        return "no-value"
    if "%" in text:
        return "derived"
    match = _VALUE.match(text)
    if not match:
        return "unparsed-value"
    number = match["num"]
    if match["dec"] and _EUROPEAN_THOUSANDS.match(number + match["dec"]):
        # counts are whole numbers: "1.234" is a thousands separator written the European way
        value = float(number + match["dec"].replace(".", ""))
    else:
        value = float(re.sub(r"[, ]", "", number) + (match["dec"] or ""))
    high = float(re.sub(r"[, ]", "", match["high"])) if match["high"] else None
    if high is not None and high <= value:
        return "unparsed-value"
    return value, high, bool(match["hedge"] or match["plus"])


def _compose(base: str, victim: str | None, suicide: bool) -> str | None:
    """The codebook metric of a base count, a victim type and the suicide modifier; None if it has none."""
    if suicide:
        if victim:
            return None
        return {"attacks": "suicide_attacks", "incidents": "suicide_attacks", "killed": "suicide_killed",
                "injured": "suicide_injured", "casualties": "suicide_casualties"}.get(base)
    if victim:
        if base in ("killed", "injured"):
            return f"{base}_{victim}"
        return "casualties_civilians" if (base, victim) == ("casualties", "civilians") else None
    return base


@dataclass
class _Context:
    """What the text around a table says: caption, the lines before it and the notes after it."""

    caption: Label
    around: str
    notes: str
    country: str | None
    partial_years: frozenset[int] = field(default_factory=frozenset)
    partial_markers: frozenset[str] = field(default_factory=frozenset)


def _blocks_before(text: str, start: int, count: int = 2) -> str:
    return "\n\n".join(text[max(0, start - 1200) : start].split("\n\n")[-count - 1 :]).strip()


def _notes_after(text: str, end: int) -> str:
    """The block right after a table, and following blocks that look like footnotes."""
    blocks = text[end : end + 2000].split("\n\n")[1:]
    notes = []
    for index, block in enumerate(blocks[:4]):
        stripped = block.strip()
        looks_like_note = re.match(rf"^(?:{_MARKER}|note|source|data|figures|\d\s)", stripped, re.IGNORECASE)
        if (index == 0 and len(stripped) <= 400) or looks_like_note:
            notes.append(stripped)
        else:
            break
    return "\n".join(notes)


def _partial_years(text: str) -> set[int]:
    years = set()
    for match in _PARTIAL_PHRASE.finditer(text):
        month = (match["month"] or match["month2"]).lower()[:3]
        if month != "dec":
            years.add(int(match["year"] or match["year2"]))
    return years


def _partial_markers(notes: str, markers: set[str]) -> set[str]:
    """Footnote markers whose note says the year is covered only in part ("* till March 15")."""
    found = set()
    for marker in markers:
        for match in re.finditer(re.escape(marker) + r"(?![*])\s*([^\n*]{0,160})", notes):
            if _is_partial_text(match.group(1)) or (_UNTIL.search(match.group(1)) and not _YEAR.search(match.group(1))):
                found.add(marker)
    return found


def _pick_country(text: str, vocabulary: Vocabulary, preferred: str | None) -> str | None:
    """The one country a caption or heading names; with several, the one after 'in', else the preferred one."""
    mentions = vocabulary.find_countries(text)
    codes = {m.target for m in mentions}
    if len(codes) == 1:
        return codes.pop()
    if not codes:
        return None
    located = {m.target for m in mentions if re.search(r"\bin\s+(?:the\s+)?$", text[max(0, m.start - 8) : m.start])}
    if len(located) == 1:
        return located.pop()
    return preferred if preferred in codes else None


def document_country(document: Document, vocabulary: Vocabulary, default_country: str | None) -> str | None:
    """The country a document is about: its title's, else a clear majority of its mentions, else the default."""
    if document.title:
        country = _pick_country(document.title, vocabulary, default_country)
        if country:
            return country
    counts = Counter(m.target for m in vocabulary.find_countries(document.text)).most_common(2)
    if counts and counts[0][1] >= 3 and (len(counts) == 1 or counts[0][1] >= 2 * counts[1][1]):
        return counts[0][0]
    return default_country


def _row_line(document: Document, table: Table, row: int) -> tuple[str, int, int]:
    start = table.row_starts[row]
    end = document.text.find("\n", start, table.end)
    end = table.end if end < 0 else end
    return document.text[start:end], start, end


def _is_count(text: str) -> bool:
    value = parse_value(text)
    return isinstance(value, tuple) and not _YEAR.fullmatch(_strip_markers(text.strip())[0])


def _is_year_cell(text: str) -> bool:
    return bool(_YEAR.fullmatch(_strip_markers(text.strip())[0].strip()))


@dataclass(frozen=True)
class _Layout:
    """Which rows are headers, notes, sections or data, and which columns are stubs or data."""

    header_rows: tuple[int, ...]
    data_rows: tuple[int, ...]
    sections: dict  # data row -> section label text
    notes: str
    stub_columns: tuple[int, ...]
    data_columns: tuple[int, ...]


def _layout(rows: tuple[tuple[str, ...], ...]) -> _Layout | None:
    width = max((len(r) for r in rows), default=0)
    if width < 2 or len(rows) < 2:
        return None
    grid = [tuple(r) + ("",) * (width - len(r)) for r in rows]
    spanning = set()
    for index, row in enumerate(grid):
        filled = {cell for cell in row if cell}
        if len(rows) > 2 and (len(filled) == 1 and (row.count(next(iter(filled))) == width or row[0] and not any(row[1:]))):
            spanning.add(index)
    body = [i for i in range(len(grid)) if i not in spanning]
    if not body:
        return None
    # index columns ("S.No") carry no meaning
    first = 0
    while first < width - 1 and (_INDEX_HEADER.match(grid[body[0]][first]) or _serial(grid, body[1:], first)):
        first += 1
    # the first column is a stub unless it holds counts
    data_body = body[1:] or body
    if all(_is_count(grid[i][first]) for i in data_body if grid[i][first]):
        stubs = []
    else:
        stubs = [first]
        for column in range(first + 1, min(first + 3, width - 1)):
            cells = [grid[i][column] for i in data_body if grid[i][column]]
            if cells and not any(_is_count(c) or _is_year_cell(c) or parse_value(c) == "no-value" for c in cells):
                stubs.append(column)
            else:
                break
    data_columns = [c for c in range(first, width) if c not in stubs]
    if not data_columns:
        return None
    headers = []
    for position, index in enumerate(body):
        cells = [grid[index][c] for c in data_columns]
        stub = " ".join(grid[index][c] for c in stubs)
        has_count = any(_is_count(c) for c in cells)
        if position == 0:
            if has_count and sum(_is_count(c) for c in cells) * 2 >= len([c for c in cells if c]):
                break
            headers.append(index)
            continue
        above = " ".join(grid[body[position - 1]][c] for c in stubs)
        words_only = all(c and not _MISSING.match(c) for c in cells)
        stub_is_heading = not stub or stub == above or (not _is_year_cell(stub) and words_only)
        if has_count or not any(cells) or not stub_is_heading:
            break
        headers.append(index)
    data_rows = [i for i in body if i not in headers]
    sections: dict[int, str] = {}
    notes = []
    current = ""
    for index in range(len(grid)):
        if index in spanning:
            text = next(cell for cell in grid[index] if cell)
            if len(text) <= 80 and not _MARKER_START.match(text):
                current = text
            else:
                notes.append(text)
        elif index in data_rows:
            sections[index] = current
    return _Layout(tuple(headers), tuple(data_rows), sections, "\n".join(notes), tuple(stubs), tuple(data_columns))


_MARKER_START = re.compile(rf"^\s*(?:{_MARKER}|note|source)", re.IGNORECASE)


def _serial(grid: list, rows: list[int], column: int) -> bool:
    """A column numbering the rows 1, 2, 3, ..."""
    values = [grid[i][column].rstrip(".") for i in rows]
    return len(values) >= 2 and values == [str(n) for n in range(1, len(values) + 1)]


def _joined(cells: list[str]) -> str:
    """Header cells stacked in one column, repeated spans said once."""
    out: list[str] = []
    for cell in cells:
        if cell and cell not in out:
            out.append(cell)
    return " ".join(out)


def _axis_kind(labels: list[Label]) -> str:
    kinds = Counter(label.kind for label in labels if not label.total and label.text)
    kinds.pop("other", None)
    return kinds.most_common(1)[0][0] if kinds else "other"


def _settle(label: Label, axis: str) -> Label:
    """Resolve what a label means from what its siblings are: 'Total', 'Security forces', 'Unknown'."""
    if label.ambiguous_security:
        if axis == "group":
            label = replace(label, victim=None, ambiguous_security=False)
        else:
            label = replace(label, groups=label.groups - {"security-forces"}, ambiguous_security=False)
    if label.unknown and axis == "group" and not label.groups:
        label = replace(label, groups=frozenset({"unknown-militants"}))
    return label


class _Drop(Exception):
    """A cell that gives no codebook figure; the argument is the reason."""


def _merge_key(row: Label, column: Label, section: Label, axes: tuple[str, str], context: _Context, published: str | None):
    """(year, country, group, metric, rule) of a data cell, or _Drop with the reason."""
    labels = (column, row, section)
    if any(label.derived for label in (row, column)):
        raise _Drop("derived")
    if any(label.out_of_scope for label in (row, column)):
        raise _Drop("unmapped-header")
    if any(label.region for label in labels):
        raise _Drop("province")
    if any(label.unmapped or label.text and (label.kind == "other" or label.unknown and not label.groups) and not label.total for label in (row, column)):
        raise _Drop("unmapped-header")  # "Not specified", "Others", "Remarks": nothing the codebook counts
    # years
    if row.span or column.span:
        raise _Drop("multi-year")
    for label, axis in ((row, axes[0]), (column, axes[1])):
        if label.total and axis == "year":
            raise _Drop("multi-year")
    years = {label.year for label in (row, column) if label.year is not None}
    if len(years) > 1:
        raise _Drop("conflict")
    if years:
        year = years.pop()
        source = row if row.year == year else column
        rule = "table:year-rows" if source is row else "table:year-columns"
    elif section.year is not None:
        year, source, rule = section.year, section, "table:caption-year"
    elif context.caption.year is not None:
        year, source, rule = context.caption.year, context.caption, "table:caption-year"
    else:
        raise _Drop("no-year")
    if source.partial or year in context.partial_years or (source.marker and source.marker in context.partial_markers):
        raise _Drop("partial-year")
    if published and len(published) >= 7 and int(published[:4]) == year and int(published[5:7]) < 12:
        raise _Drop("partial-year")  # a year not over when the report came out
    if published and year > int(published[:4]):
        raise _Drop("partial-year")
    # what is counted
    totals = [(label, axis) for label, axis in ((row, axes[0]), (column, axes[1])) if label.total]
    drop_victim = any(axis == "victim" for _, axis in totals)
    group_total = any(axis in ("group", "region") for _, axis in totals)
    if any(axis == "country" for _, axis in totals):
        raise _Drop("conflict")
    bases = [label.base for label in (column, row) if label.base]
    people = {b for b in bases if b in PEOPLE}
    if len(people) > 1:
        if any(axis == "people" for _, axis in totals) and not (people - {"killed", "injured"}):
            people = {"casualties"}
        else:
            raise _Drop("conflict")
    counts = set(bases) - set(PEOPLE)
    if "operations" in counts:
        counts -= {"attacks", "incidents"}  # "operational attacks" counted under "No. of attacks" are operations
    if len(counts) > 1:
        raise _Drop("conflict")
    base = people.pop() if people else (counts.pop() if counts else None)
    if base is None and any(axis == "people" for _, axis in totals):
        base = "casualties"
    victims = {label.victim for label in (column, row) if label.victim}
    if len(victims) > 1:
        raise _Drop("conflict")
    if victims:
        victim = victims.pop()
    elif "victim" in axes:
        victim = None  # the table names its victim types; this cell is none of them
    else:
        victim = section.victim or context.caption.victim
    if drop_victim:
        victim = None
    if base is None:
        base = section.base or context.caption.base
    if base is None and (victim or "victim" in axes or drop_victim):
        base = "killed"  # a table of victim types counts the dead unless it says otherwise
    if base is None:
        raise _Drop("no-metric")
    if base in ("attacks", "incidents", "operations") and victim == "militants":
        victim = None  # "militant attacks": the militants are the attackers
    if base == "operations":
        victim = None  # "security forces operations": the forces act
    suicide = any(label.suicide for label in labels + (context.caption,))
    # a row or column of "terrorist attacks" is the militants' share even inside a table of all violence
    militant_attacks = any(
        label.base == "attacks" and (label.suicide or _MILITANT_WORDS.search(label.text)) for label in (row, column)
    )
    combined = any(label.combined for label in labels) or (context.caption.combined and not militant_attacks)
    metric = _compose(base, victim, suicide)
    if metric is None:
        raise _Drop("unmapped-header")
    # who
    groups = set()
    for label in (row, column):
        groups |= label.groups
    if group_total:
        groups = set()
    if len(groups) > 1:
        raise _Drop("conflict")
    if not groups and not group_total:
        groups = set(section.groups)
        caption_groups = set(context.caption.groups) - {"all-violence"}
        if context.caption.combined or (context.caption.base != "operations" and base != "operations"):
            # "civilians and security forces killed" names victims; "attacks and security forces actions" both sides
            caption_groups.discard("security-forces")
        if not groups and len(caption_groups) > 1:
            raise _Drop("ambiguous-group")
        groups = groups or caption_groups
    group = groups.pop() if groups else None
    if group == "all-violence":
        combined = True
        group = None
    if metric == "incidents":
        metric, group = ("incidents", "all-violence") if combined and group is None else ("attacks", group)
    elif metric == "operations":
        if group not in (None, "security-forces"):
            raise _Drop("conflict")
        group = "security-forces"
    elif group is None and combined:
        group = "all-violence"
    # where
    countries = set()
    for label in (row, column):
        countries |= label.countries
    countries = countries or set(section.countries)
    if len(countries) > 1:
        raise _Drop("conflict")
    country = countries.pop() if countries else context.country
    if country is None:
        raise _Drop("no-country")
    return year, country, group or "all", metric, rule


def _table_context(document: Document, table: Table, vocabulary: Vocabulary, fallback_country: str | None) -> _Context:
    around = _blocks_before(document.text, table.start)
    caption = parse_label(table.caption, vocabulary, fallback_country)
    notes = _notes_after(document.text, table.end)
    country = _pick_country(table.caption, vocabulary, fallback_country) or _pick_country(around, vocabulary, fallback_country)
    return _Context(caption=caption, around=around, notes=notes, country=country or fallback_country)


def _labels(layout: _Layout, rows, vocabulary: Vocabulary, country: str | None):
    """Row, column and section labels of a table; each distinct text is parsed once."""
    parsed: dict[str, Label] = {}

    def label(text: str) -> Label:
        if text not in parsed:
            parsed[text] = parse_label(text, vocabulary, country)
        return parsed[text]

    row_labels = {r: label(_joined([rows[r][c] for c in layout.stub_columns])) for r in layout.data_rows}
    column_labels = {c: label(_joined([rows[h][c] for h in layout.header_rows])) for c in layout.data_columns}
    sections = {r: label(text) for r, text in layout.sections.items()}
    return row_labels, column_labels, sections


def _table_figures(document: Document, table: Table, layout: _Layout, vocabulary: Vocabulary, fallback_country: str | None, drops: Counter):
    """The figures of one table; dropped cells are added to drops."""
    rows = table.rows
    numeric = [(r, c) for r in layout.data_rows for c in layout.data_columns if c < len(rows[r]) and _is_count(rows[r][c])]
    if not numeric:
        return []
    context = _table_context(document, table, vocabulary, fallback_country)
    if context.caption.region:
        drops["table-province"] += len(numeric)
        return []
    row_labels, column_labels, sections = _labels(layout, rows, vocabulary, context.country)
    stub_header = " ".join(rows[h][c] for h in layout.header_rows for c in layout.stub_columns)
    if stub_header and _PLACE_HEADER.search(stub_header):
        row_labels = {r: label if label.total or label.countries else replace(label, region=True) for r, label in row_labels.items()}
    all_labels = list(row_labels.values()) + list(column_labels.values()) + list(sections.values())
    has_year = any(label.year is not None or label.span for label in all_labels) or context.caption.year is not None
    if not has_year and (context.caption.span or _YEARLY.search(table.caption) or re.search(r"\byears?\b", stub_header, re.I)):
        # the caption promises yearly figures but no row or column names a year: the layout changed
        drops["table-layout"] += len(numeric)
        return []
    markers = {label.marker for label in all_labels if label.marker}
    notes = "\n".join((context.notes, layout.notes, table.caption))
    context = replace(
        context,
        partial_years=frozenset(_partial_years(notes + "\n" + context.around)),
        partial_markers=frozenset(_partial_markers(notes, markers)),
    )
    axes = (_axis_kind(list(row_labels.values())), _axis_kind(list(column_labels.values())))
    row_labels = {r: _settle(label, axes[0]) for r, label in row_labels.items()}
    column_labels = {c: _settle(label, axes[1]) for c, label in column_labels.items()}
    figures = []
    seen = set()
    for r in layout.data_rows:
        line, start, end = _row_line(document, table, r)
        for c in layout.data_columns:
            value = parse_value(rows[r][c] if c < len(rows[r]) else "")
            try:
                year, country, group, metric, rule = _merge_key(
                    row_labels[r], column_labels[c], sections.get(r, Label()), axes, context, document.published
                )
            except _Drop as drop:
                if isinstance(value, tuple):
                    drops[f"table-{drop.args[0]}"] += 1
                continue
            if not isinstance(value, tuple):
                drops[f"table-{value}"] += 1
                continue
            number, high, approx = value
            if (year, country, group, metric, number) in seen:
                continue
            seen.add((year, country, group, metric, number))
            figures.append(
                Figure(year=year, country=country, group=group, metric=metric, value=number, evidence=line,
                       start=start, end=end, rule=rule, value_high=high, approx=approx)
            )
    return figures


# a table continued on the next page sits right after its first part, with only page furniture between
MAX_CONTINUATION_GAP = 200


def _continued(document: Document, table: Table, layout: _Layout, previous: tuple[Table, _Layout] | None):
    """A header-less table right after one of the same width continues it: it takes that table's header and caption."""
    if previous is None or layout.header_rows:
        return table, layout
    before, before_layout = previous
    if not before_layout.header_rows or len(before.rows[0]) != len(table.rows[0]):
        return table, layout
    if len(document.text[before.end : table.start].strip()) > MAX_CONTINUATION_GAP:
        return table, layout
    header = tuple(before.rows[i] for i in before_layout.header_rows)
    joined = Table(
        rows=header + table.rows,
        caption=before.caption,
        start=table.start,
        end=table.end,
        row_starts=(table.start,) * len(header) + table.row_starts,
    )
    joined_layout = _layout(joined.rows)
    return (joined, joined_layout) if joined_layout is not None else (table, layout)


def extract_table_figures(
    document: Document, vocabulary: Vocabulary, *, default_country: str | None = None
) -> tuple[list[Figure], dict[str, int]]:
    """Figures of every table of the document, and the cells dropped, counted by reason."""
    drops: Counter[str] = Counter()
    figures: list[Figure] = []
    if not document.tables:
        return figures, {}
    fallback = document_country(document, vocabulary, default_country)
    previous = None
    for table in document.tables:
        layout = _layout(table.rows)
        if layout is None:
            previous = None
            continue
        table, layout = _continued(document, table, layout, previous)
        figures.extend(_table_figures(document, table, layout, vocabulary, fallback, drops))
        previous = (table, layout)
    return figures, dict(drops)
