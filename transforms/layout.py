"""Blocks of text and table grids assembled into one document text, with each table's span recorded."""
from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.model import Table

BLOCK_SEPARATOR = "\n\n"
MAX_CAPTION_CHARS = 500
CELL_SEPARATOR = " | "

_SPACES = re.compile(r"[^\S\n]+")
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\u00ad": None})


def collapse_whitespace(text: str) -> str:
    """Runs of whitespace to one space, trimmed; ligatures spelled out and soft hyphens removed."""
    return " ".join(text.translate(_LIGATURES).split())


def collapse_lines(text: str) -> str:
    """Like collapse_whitespace, but single line breaks survive and blank lines disappear."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.translate(_LIGATURES).split("\n"))
    return "\n".join(line for line in lines if line)


@dataclass(frozen=True)
class TableBlock:
    """A table grid waiting for its place in the text."""

    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


def normalize_grid(rows: list[list[str]]) -> tuple[tuple[str, ...], ...]:
    """Cells cleaned, rows padded to one width, empty rows and a cell separator inside cells removed."""
    # a "|" inside a cell would make the rendered row ambiguous to read back
    cleaned = [[collapse_whitespace(cell).replace("|", "/") for cell in row] for row in rows]
    cleaned = [row for row in cleaned if any(row)]
    width = max((len(row) for row in cleaned), default=0)
    return tuple(tuple(row + [""] * (width - len(row))) for row in cleaned)


def preceding_caption(blocks: list) -> str:
    """The text block right before a table (its heading or introducing sentence), or '' after another table."""
    if not blocks or not isinstance(blocks[-1], str):
        return ""
    previous = blocks[-1]
    if len(previous) > MAX_CAPTION_CHARS:
        # a long paragraph: its last sentence is what introduces the table
        tail = previous[-MAX_CAPTION_CHARS:]
        cut = max(tail.rfind(". "), tail.rfind("\n"))
        previous = tail[cut + 1 :].strip() if cut >= 0 else tail
    return previous


def render_row(row: tuple[str, ...]) -> str:
    """One table row as one line of text."""
    return CELL_SEPARATOR.join(row)


def assemble(blocks: list[str | TableBlock]) -> tuple[str, tuple[Table, ...]]:
    """The document text (blocks separated by blank lines) and its tables with their spans."""
    parts: list[str] = []
    tables: list[Table] = []
    offset = 0
    for block in blocks:
        if isinstance(block, TableBlock):
            if not block.rows:
                continue
            if parts:
                offset += len(BLOCK_SEPARATOR)
            start = offset
            row_starts = []
            lines = []
            for row in block.rows:
                row_starts.append(offset)
                line = render_row(row)
                lines.append(line)
                offset += len(line) + 1
            offset -= 1
            parts.append("\n".join(lines))
            tables.append(Table(rows=block.rows, caption=block.caption, start=start, end=offset, row_starts=tuple(row_starts)))
        elif block:
            if parts:
                offset += len(BLOCK_SEPARATOR)
            parts.append(block)
            offset += len(block)
    return BLOCK_SEPARATOR.join(parts), tuple(tables)
