"""Tables written as plain text: rows of cells separated by '|' or tabs, or aligned with runs of spaces.

Monitors' pages copied as text keep their data sheets as lines such as "2012 | 3007 | 732 | 2472 | 6211".
Read as prose, such a line is a run of bare numbers with no noun; read as a table, each number has a row
label (the year) and a column header (the victim type). A block of such lines becomes a Table with the
same spans an HTML or PDF table gets, so the table extractor reads it and the prose reader skips it.
"""
from __future__ import annotations

import re

from transforms.layout import preceding_caption
from transforms.model import Table

# a table needs a header and two data rows; a data row needs two numbers (a year and a count at least), so that a
# navigation bar ("Home | Countries | Pakistan") or a by-line with a separator is never one
MIN_ROWS = 3
MIN_DATA_ROWS = 2
MIN_NUMBERS_PER_ROW = 2
MAX_CELL_CHARS = 80
MAX_CAPTION_CHARS = 300

_PIPE = re.compile(r"\s*\|\s*")
_TAB = re.compile(r"\s*\t\s*")
# aligned columns: two or more spaces between cells (a single space is the space inside a cell's words)
_ALIGNED = re.compile(r" {2,}")
# a markdown rule under a header: "---|:---:|---"
_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_NUMBER = re.compile(r"^[~≈<>]?\s*\d[\d,.\s]*[*†‡%]*$|^[-–—]$|^n\.?a\.?$", re.IGNORECASE)


def _cells(line: str) -> tuple[tuple[str, ...], str] | None:
    """The cells of a line that looks like a table row, with the separator kind, or None."""
    stripped = line.strip()
    if not stripped:
        return None
    if "|" in stripped:
        cells = _PIPE.split(stripped.strip("|").strip())
        kind = "pipe"
    elif "\t" in stripped:
        cells = _TAB.split(stripped)
        kind = "tab"
    elif len(_ALIGNED.findall(stripped)) >= 2:
        cells = _ALIGNED.split(stripped)
        kind = "aligned"
    else:
        return None
    if len(cells) < 2 or any(len(cell) > MAX_CELL_CHARS for cell in cells):
        return None
    return tuple(cell.strip() for cell in cells), kind


def _indented_header(line: str, following: str) -> tuple[tuple[str, ...], str] | None:
    """A header line pushed right past the row labels' column ("            2016     2017     change") above rows
    that start with their label ("Militant attacks   513   386   -25%"): its first cell is the empty corner."""
    if not line.startswith("  ") or line[: len(line) - len(line.lstrip())].strip(" "):
        return None
    header, below = _cells(line), _cells(following)
    if header is None or below is None or header[1] != "aligned" or below[1] != "aligned" or following.startswith(" "):
        return None
    if len(below[0]) != len(header[0]) + 1 or _NUMBER.match(below[0][0]):
        return None
    return ("",) + header[0], "aligned"


def _numbers(cells: tuple[str, ...]) -> int:
    """Numeric cells of a row, its label included ("2018 | 262": a year and a count)."""
    return sum(1 for cell in cells if _NUMBER.match(cell))


def _caption(text: str, start: int) -> str:
    """The heading or the introducing sentence right above a table: its own line, else the block before."""
    before = text[:start].rstrip("\n")
    if not before.strip():
        return ""
    blocks = re.split(r"\n[^\S\n]*\n", before)
    return preceding_caption([blocks[-1].strip()])[-MAX_CAPTION_CHARS:]


def _table(text: str, lines: list[tuple[int, int, tuple[str, ...]]]) -> Table | None:
    data = [cells for _, _, cells in lines if _numbers(cells) >= MIN_NUMBERS_PER_ROW]
    if len(lines) < MIN_ROWS or len(data) < MIN_DATA_ROWS:
        return None
    width = max(len(cells) for _, _, cells in lines)
    rows = tuple(tuple(cells) + ("",) * (width - len(cells)) for _, _, cells in lines)
    start, end = lines[0][0], lines[-1][1]
    return Table(rows=rows, caption=_caption(text, start), start=start, end=end, row_starts=tuple(s for s, _, _ in lines))


def find_text_tables(text: str) -> tuple[Table, ...]:
    """The tables of a plain text: blocks of consecutive lines with the same separator and number of cells."""
    tables: list[Table] = []
    run: list[tuple[int, int, tuple[str, ...]]] = []
    run_kind: tuple[str, int] | None = None
    position = 0

    def close() -> None:
        table = _table(text, run)
        if table is not None:
            tables.append(table)

    lines = text.split("\n")
    for number, line in enumerate(lines):
        start, end = position, position + len(line)
        position = end + 1
        if run and _RULE.match(line):
            continue  # the rule under a markdown header belongs to the table but is no row
        found = _indented_header(line, lines[number + 1] if number + 1 < len(lines) else "") or _cells(line)
        kind = (found[1], len(found[0])) if found else None
        if found and run and kind == run_kind:
            run.append((start + len(line) - len(line.lstrip()), end, found[0]))
            continue
        close()
        run, run_kind = ([(start + len(line) - len(line.lstrip()), end, found[0])], kind) if found else ([], None)
    close()
    return tuple(tables)
