"""Figures out of tables of yearly counts (HTML and PDF).

Every data cell is read by combining three labels: its row's stub text, its column's header text and
the table's caption. Each label may name a year, a group, a metric, a victim type, a place or a total;
together they must give exactly one (year, country, group, metric), or the cell is dropped with a reason.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from transforms import prose_lexicon as lx
from transforms.model import Document, Figure, Table
from transforms.reference import Vocabulary
from transforms.years import explicit_years
from transforms.table_labels import (
    MARKER,
    MISSING,
    PEOPLE,
    YEAR,
    Label,
    compose_metric,
    open_ended,
    parse_label,
    parse_value,
    partial_markers,
    partial_years,
    strip_markers,
)

_MARKER_START = re.compile(rf"^\s*(?:{MARKER}|note|source)", re.IGNORECASE)
_MILITANT_WORDS = re.compile(r"\b(?:terror\w*|militant\w*|insurgen\w*|extremist\w*)", re.IGNORECASE)
_INDEX_HEADER = re.compile(
    r"^\s*(?:s\.?\s*no\.?|sr\.?(?:\s*no\.?)?|no\.?|#|serial(?: no\.?)?|sl\.?(?:\s*no\.?)?)\s*$", re.IGNORECASE
)
# a stub column headed "Province" or "District" lists places below the country
_PLACE_HEADER = re.compile(r"\b(?:provinces?|regions?|districts?|cit(?:y|ies)|areas?|agenc(?:y|ies))\b", re.IGNORECASE)
# a caption that promises one row or column per year
_YEARLY = re.compile(
    r"\b(?:year[- ]?wise|yearly|annual(?:ly)?|by year|per year|each year|over the years|year[- ]on[- ]year)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Context:
    """What the text around a table says: caption, the lines before it and the notes after it."""

    caption: Label
    around: str
    notes: str
    country: str | None
    partial_years: frozenset[int] = field(default_factory=frozenset)
    partial_markers: frozenset[str] = field(default_factory=frozenset)
    the_year: int | None = None  # "the picture for the year is summarised below" in a report on one year


def _blocks_before(text: str, start: int, count: int = 2) -> str:
    """The heading and paragraph just above a table."""
    return "\n\n".join(text[max(0, start - 1200) : start].split("\n\n")[-count - 1 :]).strip()


def _notes_after(text: str, end: int) -> str:
    """The block right after a table, and following blocks that look like footnotes."""
    blocks = text[end : end + 2000].split("\n\n")
    # a table written as text lines has its notes on the lines right under it, in its own block
    notes = [blocks[0].strip()] if blocks[0].strip() else []
    blocks = blocks[1:]
    for index, block in enumerate(blocks[:4]):
        stripped = block.strip()
        looks_like_note = re.match(rf"^(?:{MARKER}|note|source|data|figures|\d\s)", stripped, re.IGNORECASE)
        if (index == 0 and len(stripped) <= 400) or looks_like_note:
            notes.append(stripped)
        else:
            break
    return "\n".join(notes)


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
    if not counts and default_country is None:
        # a ministry's reply names no country, only its own provinces and cities ("Khyber Pakhtunkhwa ... Quetta"):
        # the country they all lie in, when they lie in one
        places = {vocabulary.region_country(m.target) for m in vocabulary.find_regions(document.text)}
        if len(places) == 1:
            return places.pop()
    return default_country


def _row_line(document: Document, table: Table, row: int) -> tuple[str, int, int]:
    """The rendered line of a table row and its span in the document text: the figure's evidence."""
    start = table.row_starts[row]
    end = document.text.find("\n", start, table.end)
    end = table.end if end < 0 else end
    return document.text[start:end], start, end


def _is_count(text: str) -> bool:
    """A cell holding a number that is not a year."""
    value = parse_value(text)
    return isinstance(value, tuple) and not YEAR.fullmatch(strip_markers(text.strip())[0])


def _is_year_cell(text: str) -> bool:
    return bool(YEAR.fullmatch(strip_markers(text.strip())[0].strip()))


@dataclass(frozen=True)
class _Layout:
    """Which rows are headers, notes, sections or data, and which columns are stubs or data."""

    header_rows: tuple[int, ...]
    data_rows: tuple[int, ...]
    sections: dict  # data row -> section label text
    notes: str
    stub_columns: tuple[int, ...]
    data_columns: tuple[int, ...]


def _spanning_rows(grid: list[tuple[str, ...]]) -> set[int]:
    """Rows of one cell spanning the width, or of a lone first cell: titles, section headings, notes."""
    width = len(grid[0])
    spanning = set()
    for index, row in enumerate(grid):
        filled = {cell for cell in row if cell}
        if len(grid) > 2 and len(filled) == 1 and (row.count(next(iter(filled))) == width or (row[0] and not any(row[1:]))):
            spanning.add(index)
    return spanning


def _stub_columns(grid: list[tuple[str, ...]], body: list[int]) -> tuple[int, list[int]]:
    """The first meaningful column (after serial numbers) and the stub columns that name the rows."""
    width = len(grid[0])
    first = 0
    while first < width - 1 and (_INDEX_HEADER.match(grid[body[0]][first]) or _serial(grid, body[1:], first)):
        first += 1
    data_body = body[1:] or body
    # the first column is a stub unless it holds counts
    if all(_is_count(grid[i][first]) for i in data_body if grid[i][first]):
        return first, []
    stubs = [first]
    for column in range(first + 1, min(first + 3, width - 1)):
        cells = [grid[i][column] for i in data_body if grid[i][column]]
        if cells and not any(_is_count(c) or _is_year_cell(c) or parse_value(c) == "no-value" for c in cells):
            stubs.append(column)
        else:
            break
    return first, stubs


def _header_rows(grid: list[tuple[str, ...]], body: list[int], stubs: list[int], data_columns: list[int]) -> list[int]:
    """The leading rows that name the columns: words and years, no counts."""
    headers: list[int] = []
    for position, index in enumerate(body):
        cells = [grid[index][c] for c in data_columns]
        counts = sum(_is_count(c) for c in cells)
        if position == 0:
            # a first row of counts means the table has no header row at all
            if counts and counts * 2 >= len([c for c in cells if c]):
                break
            headers.append(index)
            continue
        stub = " ".join(grid[index][c] for c in stubs)
        above = " ".join(grid[body[position - 1]][c] for c in stubs)
        words_only = all(c and not MISSING.match(c) for c in cells)
        stub_is_heading = not stub or stub == above or (not _is_year_cell(stub) and words_only)
        if counts or not any(cells) or not stub_is_heading:
            break
        headers.append(index)
    return headers


def _layout(rows: tuple[tuple[str, ...], ...]) -> _Layout | None:
    """Header rows, data rows, stub columns and data columns of a grid; None when it is no grid of figures."""
    width = max((len(r) for r in rows), default=0)
    if width < 2 or len(rows) < 2:
        return None
    grid = [tuple(r) + ("",) * (width - len(r)) for r in rows]
    spanning = _spanning_rows(grid)
    body = [i for i in range(len(grid)) if i not in spanning]
    if not body:
        return None
    first, stubs = _stub_columns(grid, body)
    data_columns = [c for c in range(first, width) if c not in stubs]
    if not data_columns:
        return None
    headers = _header_rows(grid, body, stubs, data_columns)
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


def _unfinished(year: int, published: str) -> bool:
    """A year that was not over when the report came out ('2024' in a report of March 2024)."""
    if year > int(published[:4]):
        return True
    return len(published) >= 7 and int(published[:4]) == year and int(published[5:7]) < 12


@dataclass(frozen=True)
class _Cell:
    """The labels that key one data cell, and what the labels of each axis mostly are."""

    row: Label
    column: Label
    section: Label
    axes: tuple[str, str]  # kinds of the row labels and of the column labels

    def total_on(self, *kinds: str) -> bool:
        """Whether the row or the column is a Total over labels of one of these kinds."""
        return any(label.total and axis in kinds for label, axis in zip((self.row, self.column), self.axes))


def _year(cell: _Cell, context: _Context, published: str | None) -> tuple[int, str]:
    """The year of a cell and the rule saying where it came from."""
    row, column, section = cell.row, cell.column, cell.section
    if row.span or column.span or cell.total_on("year"):
        raise _Drop("multi-year")
    years = {label.year for label in (row, column) if label.year is not None}
    if len(years) > 1:
        raise _Drop("conflict")
    if years:
        year = years.pop()
        source, rule = (row, "table:year-rows") if row.year == year else (column, "table:year-columns")
    elif section.year is not None:
        year, source, rule = section.year, section, "table:caption-year"
    elif context.caption.year is not None:
        year, source, rule = context.caption.year, context.caption, "table:caption-year"
    elif context.the_year is not None:
        year, source, rule = context.the_year, context.caption, "table:the-year"
    else:
        raise _Drop("no-year")
    if source.partial or year in context.partial_years or (source.marker and source.marker in context.partial_markers):
        raise _Drop("partial-year")
    if published and _unfinished(year, published):
        raise _Drop("partial-year")
    return year, rule


def _base(cell: _Cell, context: _Context) -> tuple[str, str | None]:
    """The counted thing (attacks, killed, ...) and the victim type of a cell."""
    row, column, section, axes = cell.row, cell.column, cell.section, cell.axes
    bases = [label.base for label in (column, row) if label.base]
    people = {b for b in bases if b in PEOPLE}
    if len(people) > 1:
        if not cell.total_on("people") or people - {"killed", "injured"}:
            raise _Drop("conflict")
        people = {"casualties"}  # the Total beside Killed and Injured columns
    counts = set(bases) - set(PEOPLE)
    if "operations" in counts:
        counts -= {"attacks", "incidents"}  # "operational attacks" counted under "No. of attacks" are operations
    if len(counts) > 1:
        raise _Drop("conflict")
    base = people.pop() if people else (counts.pop() if counts else None)
    if base is None and cell.total_on("people"):
        base = "casualties"
    victims = {label.victim for label in (column, row) if label.victim}
    if len(victims) > 1:
        raise _Drop("conflict")
    if victims:
        victim = victims.pop()
    elif "victim" in axes:
        victim = None  # the table names its victim types; this cell is none of them, or their total
    else:
        victim = section.victim or context.caption.victim
    base = base or section.base or context.caption.base
    if base is None and any(label.both_sides for label in (row, column)) and any(label.combined for label in (row, column)):
        base = "incidents"  # "Attacks / actions" of a row that combines attacks and actions: incidents of all violence
    if base is None and (victim or "victim" in axes):
        base = "killed"  # a table of victim types counts the dead unless it says otherwise
    if base is None:
        raise _Drop("no-metric")
    if base in ("attacks", "incidents", "operations") and victim == "militants":
        victim = None  # "militant attacks": the militants are the attackers
    if base == "operations":
        victim = None  # "security forces operations": the forces act
    return base, victim


def _group(cell: _Cell, context: _Context, base: str) -> str | None:
    """The group a cell names, or None when nothing names one."""
    if cell.total_on("group", "region"):
        return None
    groups = set(cell.row.groups | cell.column.groups)
    section = cell.section
    if len(groups) > 1:
        raise _Drop("conflict")
    if groups:
        return groups.pop()
    if len(section.groups) > 1:
        raise _Drop("ambiguous-group")
    if section.groups:
        return next(iter(section.groups))
    caption_groups = set(context.caption.groups) - {"all-violence"}
    if context.caption.combined or "operations" not in (context.caption.base, base):
        # "civilians and security forces killed" names victims; "attacks and security forces actions" both sides
        caption_groups.discard("security-forces")
    if len(caption_groups) > 1:
        raise _Drop("ambiguous-group")
    return caption_groups.pop() if caption_groups else None


def _merge_key(cell: _Cell, context: _Context, published: str | None) -> tuple[int, str, str, str, str]:
    """(year, country, group, metric, rule) of a data cell, or _Drop with the reason."""
    row, column, section = cell.row, cell.column, cell.section
    if any(label.derived for label in (row, column)):
        raise _Drop("derived")
    if any(label.out_of_scope for label in (row, column)):
        raise _Drop("unmapped-header")
    if any(label.region for label in (row, column, section)):
        raise _Drop("province")
    if row.month or column.month:
        raise _Drop("monthly")
    for label in (row, column):
        # "Not specified", "Others", "Rocket attacks": nothing the codebook counts
        nameless = label.kind == "other" or (label.unknown and not label.groups)
        if label.unmapped or (label.text and not label.total and nameless):
            raise _Drop("unmapped-header")
    if cell.total_on("country"):
        raise _Drop("conflict")  # a sum over countries
    year, rule = _year(cell, context, published)
    base, victim = _base(cell, context)
    metric = compose_metric(base, victim, any(label.suicide for label in (row, column, section, context.caption)))
    if metric is None:
        raise _Drop("unmapped-header")
    group = _group(cell, context, base)
    # a row or column of "terrorist attacks" is the militants' share even inside a table of all violence
    militant_attacks = any(
        label.base == "attacks" and (label.suicide or _MILITANT_WORDS.search(label.text)) for label in (row, column)
    )
    combined = (
        any(label.combined for label in (row, column, section))
        or (context.caption.combined and not militant_attacks)
        or group == "all-violence"
    )
    group = None if group == "all-violence" else group
    if metric == "incidents":
        metric, group = ("incidents", "all-violence") if combined and group is None else ("attacks", group)
    elif metric == "operations":
        if group not in (None, "security-forces"):
            raise _Drop("conflict")
        group = "security-forces"
    elif group is None and combined:
        group = "all-violence"
    countries = set(row.countries | column.countries) or set(section.countries)
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
    country = _pick_country(table.caption, vocabulary, fallback_country)
    country = country or _pick_country(around, vocabulary, fallback_country)
    if not caption.combined and _says_combined(_blocks_before(document.text, table.start, 1)):
        # "SATP's count adds the militants killed in operations to the victims of attacks", said right above its
        # data sheet: the table's totals are of all violence, as the paragraph's are
        caption = replace(caption, combined=True)
    return _Context(caption=caption, around=around, notes=notes, country=country or fallback_country,
                    the_year=_the_year(document, table.caption))


# "the overall picture for the year", "the year's figures": a caption about the one year the report is on
_THE_YEAR = re.compile(r"\b(?:for|of|during|over|in)\s+the\s+year\b(?!\s+(?:before|earlier|ago|to|of|(?:19|20)\d\d))|\bthe\s+year['’]s\b", re.IGNORECASE)


def _the_year(document: Document, caption: str) -> int | None:
    """The year a caption calls 'the year': the one year the title names, when the caption names no year itself."""
    if not _THE_YEAR.search(caption) or explicit_years(caption):
        return None
    years = set(explicit_years(document.title or ""))
    return years.pop() if len(years) == 1 else None


def _says_combined(text: str) -> bool:
    """Whether a text says its counts combine militant attacks with operations (a bare 'combined' says nothing of
    what: "more than the three years before combined")."""
    return any(not match.group(0).startswith("combin") for match in lx.COMBINED.finditer(text.lower()))


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


def _table_figures(
    document: Document, table: Table, layout: _Layout, vocabulary: Vocabulary, fallback_country: str | None, drops: Counter
) -> list[Figure]:
    """The figures of one table; dropped cells are added to drops."""
    width = max(len(row) for row in table.rows)
    rows = [tuple(row) + ("",) * (width - len(row)) for row in table.rows]
    numeric = [(r, c) for r in layout.data_rows for c in layout.data_columns if _is_count(rows[r][c])]
    if not numeric:
        return []
    context = _table_context(document, table, vocabulary, fallback_country)
    row_labels, column_labels, sections = _labels(layout, rows, vocabulary, context.country)
    stub_header = " ".join(rows[h][c] for h in layout.header_rows for c in layout.stub_columns)
    if stub_header and _PLACE_HEADER.search(stub_header):
        row_labels = {
            r: label if label.total or label.countries else replace(label, region=True) for r, label in row_labels.items()
        }
    by_place = any(label.region for label in list(row_labels.values()) + list(column_labels.values()))
    if context.caption.region and not (by_place and context.caption.countries):
        # "Fatalities in Balochistan": the whole table is below the country; "Pakistan by province" is not
        drops["table-province"] += len(numeric)
        return []
    all_labels = list(row_labels.values()) + list(column_labels.values()) + list(sections.values())
    has_year = any(label.year is not None or label.span for label in all_labels) or context.caption.year is not None
    promised = context.caption.span or _YEARLY.search(table.caption) or re.search(r"\byears?\b", stub_header, re.I)
    if not has_year and promised:
        # the caption promises yearly figures but no row or column names a year: the layout changed
        drops["table-layout"] += len(numeric)
        return []
    markers = {label.marker for label in all_labels if label.marker}
    notes = "\n".join((context.notes, layout.notes, table.caption))
    partial = partial_years(notes + "\n" + context.around)
    if open_ended(notes):
        # "Data till March 3": the latest year of the table is the one still running
        partial.add(max((label.year for label in all_labels if label.year is not None), default=0))
    context = replace(
        context,
        partial_years=frozenset(partial),
        partial_markers=frozenset(partial_markers(notes, markers)),
    )
    change_columns = _change_columns(column_labels)
    column_labels = {c: replace(label, year=change_columns[c], derived=False) if c in change_columns else label
                     for c, label in column_labels.items()}
    axes = (_axis_kind(list(row_labels.values())), _axis_kind(list(column_labels.values())))
    row_labels, column_labels = _total_of_one_victim(row_labels), _total_of_one_victim(column_labels)
    row_labels = {r: _settle(label, axes[0]) for r, label in row_labels.items()}
    column_labels = {c: _settle(label, axes[1]) for c, label in column_labels.items()}
    figures = []
    seen = set()
    for r in layout.data_rows:
        line, start, end = _row_line(document, table, r)
        for c in layout.data_columns:
            value = _percent(rows[r][c], column_labels[c].text) if c in change_columns else parse_value(rows[r][c])
            try:
                cell = _Cell(row_labels[r], column_labels[c], sections.get(r, Label()), axes)
                year, country, group, metric, rule = _merge_key(cell, context, document.published)
            except _Drop as drop:
                if isinstance(value, tuple):
                    drops[f"table-{drop.args[0]}"] += 1
                continue
            if not isinstance(value, tuple):
                drops[f"table-{value}"] += 1
                continue
            number, high, approx = value
            if c in change_columns:
                metric = f"{metric}_change_pct"
            if (year, country, group, metric, number) in seen:
                continue
            seen.add((year, country, group, metric, number))
            figures.append(
                Figure(year=year, country=country, group=group, metric=metric, value=number, evidence=line,
                       start=start, end=end, rule=rule, value_high=high, approx=approx)
            )
    return figures


def _total_of_one_victim(labels: dict[int, Label]) -> dict[int, Label]:
    """'Civilian deaths | Civilian injuries | Total': the Total sums the killed and injured of that one victim type,
    its casualties (beside columns of several victim types a Total is of none of them)."""
    parts = [label for label in labels.values() if label.text and not label.total]
    victims = {label.victim for label in parts}
    if len(victims) != 1 or None in victims or {label.base for label in parts} != {"killed", "injured"}:
        return labels
    victim = victims.pop()
    return {
        key: replace(label, victim=victim, base="casualties") if label.total and not label.victim and not label.base else label
        for key, label in labels.items()
    }


# a column headed "change" or "% change" beside year columns: each row's change from the year before to the last year
_CHANGE_HEADER = re.compile(r"^(?:%\s*)?(?:change|y-?o-?y(?:\s+change)?)(?:\s*\(?%\)?)?$", re.IGNORECASE)
_PERCENT_CELL = re.compile(r"^(?P<sign>[-+−–]?)\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<pct>%?)$")


def _change_columns(column_labels: dict[int, Label]) -> dict[int, int]:
    """Change columns and the year each states a change for: only when the other columns are years whose last two
    are consecutive ("2016 | 2017 | change"), else the change may be over any span and is dropped as derived."""
    changes = [c for c, label in column_labels.items() if _CHANGE_HEADER.match(label.text)]
    if len(changes) != 1:
        return {}
    years = sorted(label.year for c, label in column_labels.items() if c not in changes and label.year is not None)
    others = [c for c in column_labels if c not in changes]
    if len(years) < 2 or len(years) != len(others) or years[-1] - years[-2] != 1 or len(set(years)) != len(years):
        return {}
    if max(others) > changes[0]:
        return {}  # the change column follows the years it compares
    return {changes[0]: years[-1]}


def _percent(text: str, header: str) -> tuple[float, None, bool] | str:
    """A signed percent cell ("-25%", "+29%") of a change column; a decline is negative. A bare number is a percent
    only under a header that says so ("Change (%)"): under "Change" alone, "-71" may be the difference in counts."""
    match = _PERCENT_CELL.match(" ".join(text.split()))
    if not match or not (match["pct"] or "%" in header):
        return "derived"
    value = float(match["num"])
    return (-value if match["sign"] in "-−–" and match["sign"] else value), None, False


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
        if layout is not None and len(table.row_starts) != len(table.rows):
            # without the rows' places in the text a figure would have no evidence span
            drops["table-no-span"] += 1
            layout = None
        if layout is None:
            previous = None
            continue
        table, layout = _continued(document, table, layout, previous)
        figures.extend(_table_figures(document, table, layout, vocabulary, fallback, drops))
        previous = (table, layout)
    return figures, dict(drops)
