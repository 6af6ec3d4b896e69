"""PDF reports to Documents: the text layer in reading order, ruled tables as grids, the creation date."""
from __future__ import annotations

import io
import re
import zlib
from collections import Counter

import pdfplumber

from transforms.layout import TableBlock, assemble, collapse_lines, collapse_whitespace, normalize_grid, preceding_caption
from transforms.model import Document, DocumentError, DocumentTooLarge, NoTextLayer, UnreadableDocument

MAX_PAGES = 500
# what all of a PDF's compressed streams may inflate to: pdfminer inflates a stream whole, in memory, so a
# few hundred kB of zeros deflated would otherwise become gigabytes (a compression bomb)
MAX_INFLATED_BYTES = 256 * 1024 * 1024
_INFLATE_CHUNK = 1 << 16
_STREAM_START = re.compile(rb"(?<!end)stream\r?\n")
# pdfplumber's None cells are positions covered by a merged cell; finding the cover is quadratic, so only in small tables
MAX_FILL_CELLS = 5_000
_PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?$", re.IGNORECASE)
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")
_HYPHENATED = re.compile(r"[A-Za-z]-$")
_DIGITS = re.compile(r"\d+")
_FILE_TITLE = re.compile(r"^microsoft (?:word|powerpoint|excel)\b|\.(?:docx?|pdf|indd|pptx?|xlsx?)$", re.IGNORECASE)


def parse_pdf_date(value: object) -> str | None:
    """'D:20190102000000Z' to '2019-01-02' (shorter when the date is shorter); None when it is no date."""
    if isinstance(value, bytes):
        value = value.decode("latin-1", "replace")
    if not isinstance(value, str):
        return None
    match = _PDF_DATE.match(value.strip())
    if not match or not 1900 <= int(match[1]) <= 2100:
        return None
    year, month, day = match[1], match[2], match[3]
    if month and not 1 <= int(month) <= 12:
        return year
    if month and day and 1 <= int(day) <= 31:
        return f"{year}-{month}-{day}"
    return f"{year}-{month}" if month else year


def _metadata_title(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("latin-1", "replace")
    if not isinstance(value, str):
        return None
    title = collapse_whitespace(value)
    # authoring tools fill the title with the source file's name
    return title if title and not _FILE_TITLE.search(title) else None


def _table_grid(table) -> list[list[str]]:
    """Cell texts of a pdfplumber table; a merged cell's text is repeated over the positions it covers."""
    grid = [[cell or "" for cell in row] for row in table.extract()]
    boxes = [row.cells for row in table.rows]
    if sum(len(row) for row in boxes) > MAX_FILL_CELLS:
        return grid
    xs = [(column.bbox[0] + column.bbox[2]) / 2 for column in table.columns]
    ys = [(row.bbox[1] + row.bbox[3]) / 2 for row in table.rows]
    for i, row in enumerate(boxes):
        for j, box in enumerate(row):
            if box is not None or j >= len(xs):
                continue
            for ii in range(i, -1, -1):
                source = next(
                    (
                        jj
                        for jj in range(min(j, len(boxes[ii]) - 1), -1, -1)
                        if boxes[ii][jj] is not None
                        and boxes[ii][jj][0] <= xs[j] <= boxes[ii][jj][2]
                        and boxes[ii][jj][1] <= ys[i] <= boxes[ii][jj][3]
                    ),
                    None,
                )
                if source is not None:
                    grid[i][j] = grid[ii][source]
                    break
    return grid


def _is_grid(grid: list[list[str]]) -> bool:
    """A frame around a paragraph is a one-cell 'table'; only a real grid is read as a table."""
    rows = [row for row in grid if any(cell.strip() for cell in row)]
    return len(rows) >= 2 and max(sum(1 for cell in row if cell.strip()) for row in rows) >= 2


def _page_items(page) -> list[tuple[float, object]]:
    """The page's text lines (dicts) and table grids, each with its top coordinate."""
    tables = []
    for table in page.find_tables():
        grid = _table_grid(table)
        if _is_grid(grid):
            tables.append((table.bbox, grid))
    boxes = [bbox for bbox, _ in tables]

    def outside_tables(obj: dict) -> bool:
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside_tables) if boxes else page
    items: list[tuple[float, object]] = [(line["top"], line) for line in text_page.extract_text_lines(return_chars=False)]
    items.extend((bbox[1], grid) for bbox, grid in tables)
    items.sort(key=lambda item: item[0])
    return items


def _chrome_lines(pages: list[list[tuple[float, object]]]) -> set[str]:
    """Running heads and feet: first or last lines repeated (up to their numbers) on at least half the pages."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for items in pages:
        lines = [item for _, item in items if isinstance(item, dict)]
        # on a page of one or two lines the edge lines are the content
        edge = {_DIGITS.sub("#", lines[k]["text"].strip().lower()) for k in (0, -1)} if len(lines) >= 3 else set()
        counts.update(edge)
    return {text for text, count in counts.items() if count * 2 >= len(pages)}


def _is_chrome(line: dict, position: int, count: int, chrome: set[str]) -> bool:
    if position not in (0, count - 1):
        return False
    text = line["text"].strip()
    return bool(_PAGE_NUMBER.match(text)) or (count >= 3 and _DIGITS.sub("#", text.lower()) in chrome)


def _paragraphs(lines: list[dict]) -> list[str]:
    """Consecutive lines grouped into paragraphs by vertical gaps and indents; hyphenated breaks joined."""
    if not lines:
        return []
    gaps = sorted(b["top"] - a["bottom"] for a, b in zip(lines, lines[1:]) if b["top"] >= a["bottom"])
    # the lower quartile is the line spacing even when a page has as many paragraph gaps as line gaps
    threshold = 1.5 * gaps[len(gaps) // 4] + 2 if gaps else 0.0
    right = max(line["x1"] for line in lines)
    width = right - min(line["x0"] for line in lines)
    paragraphs: list[list[str]] = [[lines[0]["text"]]]
    for previous, line in zip(lines, lines[1:]):
        ended = previous["text"].rstrip().endswith((".", "?", "!", ":"))
        new_paragraph = (
            line["top"] - previous["bottom"] > threshold
            or (ended and line["x0"] - previous["x0"] > 8)
            or (ended and previous["x1"] < right - 0.2 * width)
        )
        if new_paragraph:
            paragraphs.append([line["text"]])
        elif _HYPHENATED.search(paragraphs[-1][-1]) and line["text"][:1].islower():
            paragraphs[-1][-1] = paragraphs[-1][-1][:-1] + line["text"]
        else:
            paragraphs[-1].append(line["text"])
    return [text for text in (collapse_lines("\n".join(p)) for p in paragraphs) if text]


def _add_paragraphs(blocks: list, paragraphs: list[str], page_start: bool) -> None:
    """Append paragraphs; a sentence broken by the page end continues the previous page's last paragraph."""
    if page_start and paragraphs and blocks and isinstance(blocks[-1], str):
        previous, first = blocks[-1], paragraphs[0]
        if not previous.rstrip().endswith((".", "?", "!", ":")) and first[:1].islower():
            joined = previous[:-1] + first if _HYPHENATED.search(previous) else previous + "\n" + first
            blocks[-1] = joined
            paragraphs = paragraphs[1:]
    blocks.extend(paragraphs)


def _page_blocks(items: list[tuple[float, object]], chrome: set[str], blocks: list) -> None:
    """Append one page's paragraphs and tables to the document's blocks."""
    lines = [item for _, item in items if isinstance(item, dict)]
    count = len(lines)
    pending: list[dict] = []
    position = 0
    page_start = True
    for _, item in items:
        if isinstance(item, dict):
            if not _is_chrome(item, position, count, chrome):
                pending.append(item)
            position += 1
            continue
        _add_paragraphs(blocks, _paragraphs(pending), page_start)
        pending, page_start = [], False
        blocks.append(TableBlock(rows=normalize_grid(item), caption=preceding_caption(blocks)))
    _add_paragraphs(blocks, _paragraphs(pending), page_start)


def _describe(error: Exception) -> str:
    """pdfplumber wraps pdfminer's exception, often one without a message (PDFPasswordIncorrect())."""
    inner = error.args[0] if error.args and isinstance(error.args[0], Exception) else error
    if type(inner).__name__ == "PDFPasswordIncorrect":
        return "encrypted: it needs a password"
    return f"{type(inner).__name__}: {inner}" if str(inner) else type(inner).__name__


def _inflated_size(data: memoryview, start: int, budget: int) -> int:
    """Bytes the zlib stream at `start` inflates to, counted chunk by chunk; stops a byte past the budget."""
    inflater = zlib.decompressobj()
    size, position = 0, start
    pending = data[position : position + _INFLATE_CHUNK]
    try:
        while True:
            size += len(inflater.decompress(pending, min(budget - size + 1, _INFLATE_CHUNK)))
            if size > budget or inflater.eof:
                return size
            pending = inflater.unconsumed_tail
            if not pending:
                position += _INFLATE_CHUNK
                if position >= len(data):
                    return size
                pending = data[position : position + _INFLATE_CHUNK]
    except zlib.error:  # not Flate data (an image, a broken stream): pdfminer reads what it can of it
        return size


def inflated_size(raw: bytes, limit: int = MAX_INFLATED_BYTES) -> int:
    """What the Flate streams of a PDF inflate to in all, without holding it; counting stops once past limit."""
    data = memoryview(raw)
    total = 0
    for match in _STREAM_START.finditer(raw):
        total += _inflated_size(data, match.end(), limit - total)
        if total > limit:
            break
    return total


def parse_pdf(raw: bytes, name: str, *, max_pages: int = MAX_PAGES, max_inflated: int = MAX_INFLATED_BYTES) -> Document:
    """A Document from the bytes of a PDF with a text layer; every failure is a DocumentError naming the file."""
    if inflated_size(raw, max_inflated) > max_inflated:
        raise DocumentTooLarge(name, f"its compressed streams inflate to more than {max_inflated} bytes")
    try:
        with pdfplumber.open(io.BytesIO(raw)) as pdf:
            if not pdf.pages:
                raise UnreadableDocument(name, "the PDF has no pages")
            if len(pdf.pages) > max_pages:
                raise DocumentTooLarge(name, f"{len(pdf.pages)} pages, more than {max_pages}")
            metadata = dict(pdf.metadata or {})
            pages = []
            for page in pdf.pages:
                pages.append(_page_items(page))
                page.close()  # pdfplumber caches every layout object of a page otherwise
    except DocumentError:
        raise
    except MemoryError:
        raise
    except Exception as error:  # pdfminer raises many unrelated types on broken files
        raise UnreadableDocument(name, _describe(error)) from error
    chrome = _chrome_lines(pages)
    blocks: list = []
    for items in pages:
        _page_blocks(items, chrome, blocks)
    text, tables = assemble(blocks)
    if not any(ch.isalnum() for ch in text):
        raise NoTextLayer(name, f"{len(pages)} page(s) without text characters (scanned images?)")
    return Document(
        name=name,
        text=text,
        format="pdf",
        title=_metadata_title(metadata.get("Title")),
        published=parse_pdf_date(metadata.get("CreationDate")),
        tables=tables,
    )
