"""HTML reports to Documents: readable body text, tables as grids, and the title, date and address of meta tags."""
from __future__ import annotations

import json
import re
from datetime import date
from email.utils import parsedate

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PreformattedString

from transforms.encoding import decode_html
from transforms.layout import TableBlock, assemble, collapse_lines, collapse_whitespace, normalize_grid, preceding_caption
from transforms.model import Document, DocumentTooLarge, EmptyDocument

# parts of a page that are never the report: code, navigation, site chrome, forms
_DROPPED = frozenset(
    "script style nav header footer aside form noscript head template svg math iframe object embed canvas "
    "button select textarea input".split()
)
_BLOCKS = frozenset(
    "address article blockquote body center dd details dialog dir div dl dt fieldset figcaption figure "
    "h1 h2 h3 h4 h5 h6 hgroup hr html legend li main menu ol p pre section summary ul "
    "table caption thead tbody tfoot tr td th".split()
)
# a data table is a grid of short cells; beyond these it is page layout or something we do not read as a table
MAX_TABLE_DEPTH = 5
MAX_TABLE_CELLS = 20_000
MAX_CELL_CHARS = 500
MAX_COLSPAN = 100
MAX_ROWSPAN = 1000
_MAX_FOOTNOTE_REFERENCE = 4
# the parsed tree costs about 1 kB of memory and 25 us per element: a page of millions of tiny tags would take
# gigabytes; report pages, even long ones, have tens of thousands
MAX_TAGS = 400_000

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_DATE_META_KEYS = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "citation_publication_date",
    "citation_date",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
)
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_ISO_DATE = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?=$|[T\s])")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})(?=$|T)")
_MONTH_FIRST = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DAY_FIRST = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")


def parse_date_value(value: str | None) -> str | None:
    """An ISO date ('2019-01-01', '2019-01' or '2019') from the usual ways pages write a date, or None."""
    if not value:
        return None
    value = value.strip()
    match = _ISO_DATE.match(value) or _COMPACT_DATE.match(value)
    if match:
        return _iso(*(int(part) if part else None for part in match.groups()))
    match = _MONTH_FIRST.search(value)
    if match and match[1][:3].lower() in _MONTHS:
        return _iso(int(match[3]), _MONTHS[match[1][:3].lower()], int(match[2]))
    match = _DAY_FIRST.search(value)
    if match and match[2][:3].lower() in _MONTHS:
        return _iso(int(match[3]), _MONTHS[match[2][:3].lower()], int(match[1]))
    parsed = parsedate(value)
    if parsed:
        return _iso(parsed[0], parsed[1], parsed[2])
    return None


def _iso(year: int, month: int | None, day: int | None) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}" if 1 <= month <= 12 else None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _is_hidden(tag: Tag) -> bool:
    return tag.has_attr("hidden") or bool(_HIDDEN_STYLE.search(tag.get("style") or ""))


def _meta_values(soup: BeautifulSoup) -> dict[str, str]:
    """Meta tag contents keyed by their lower-case property, name, itemprop or http-equiv; first one wins."""
    values: dict[str, str] = {}
    for meta in soup.find_all("meta"):
        content = meta.get("content") or meta.get("datetime")
        if not content:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attribute)
            if isinstance(key, str):
                values.setdefault(key.strip().lower(), content.strip())
    return values


def _json_ld_dates(soup: BeautifulSoup) -> list[str]:
    found = []
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        pending = [data]
        while pending:
            item = pending.pop()
            if isinstance(item, dict):
                if isinstance(item.get("datePublished"), str):
                    found.append(item["datePublished"])
                pending.extend(item.values())
            elif isinstance(item, list):
                pending.extend(item)
    return found


def _time_value(tag: Tag) -> str | None:
    return parse_date_value(tag.get("datetime") or tag.get_text(" "))


def _published(soup: BeautifulSoup, meta: dict[str, str]) -> str | None:
    for key in _DATE_META_KEYS:
        value = parse_date_value(meta.get(key))
        if value:
            return value
    for value in _json_ld_dates(soup):
        if parse_date_value(value):
            return parse_date_value(value)
    times = soup.find_all("time")
    marked = [t for t in times if t.has_attr("pubdate") or (t.get("itemprop") or "").lower() == "datepublished"]
    in_article = [t for t in times if t.find_parent("article") is not None]
    # dates in menus, sidebars and footers belong to other pages (related stories, archives)
    elsewhere = [t for t in times if t.find_parent(["nav", "aside", "footer"]) is None]
    for tag in marked + in_article + elsewhere:
        value = _time_value(tag)
        if value:
            return value
    return None


def _title(soup: BeautifulSoup, meta: dict[str, str]) -> str | None:
    candidates = [meta.get("og:title"), soup.title.get_text(" ") if soup.title else None]
    h1 = soup.find("h1")
    candidates.append(h1.get_text(" ") if h1 else None)
    for candidate in candidates:
        if candidate and collapse_whitespace(candidate):
            return collapse_whitespace(candidate)
    return None


def _url(soup: BeautifulSoup, meta: dict[str, str]) -> str | None:
    for link in soup.find_all("link", href=True):
        rel = link.get("rel") or []
        if "canonical" in [r.lower() for r in (rel if isinstance(rel, list) else [rel])]:
            return link["href"].strip() or None
    return meta.get("og:url") or None


def _remove_chrome(soup: BeautifulSoup) -> None:
    """Drop scripts, navigation, site chrome and hidden parts before the body is read."""
    for tag in soup.find_all(_DROPPED):
        if tag.decomposed:
            continue
        # some sites wrap the whole page in one <form> (ASP.NET): keep a form that holds the article
        if tag.name == "form" and tag.find(["p", "article", "table", "h1", "h2"]) is not None:
            continue
        tag.decompose()
    for tag in soup.find_all(_is_hidden):
        if not tag.decomposed:
            tag.decompose()


def _mark_footnotes(soup: BeautifulSoup) -> None:
    """Footnote references in <sup> would glue onto numbers ('370<sup>1</sup>' reads 370 as 3701).

    In a table cell they become a marker the table reader strips ('2024 [1]'); in prose they go.
    Symbol markers ('*') stay everywhere, and ordinal suffixes ('2<sup>nd</sup>') stay part of their word.
    """
    for sup in soup.find_all("sup"):
        text = collapse_whitespace(sup.get_text(" "))
        reference = text.strip("[]()")
        if text and all(ch in "*†‡§#" for ch in text):
            sup.replace_with(text)  # markers that notes below the table refer to
        elif len(reference) > _MAX_FOOTNOTE_REFERENCE or not reference.isalnum() or text.lower() in ("st", "nd", "rd", "th"):
            sup.unwrap()
        elif sup.find_parent(["td", "th"]) is not None:
            sup.replace_with(f"[{reference}]")
        else:
            sup.decompose()


def _own_rows(table: Tag) -> list[Tag]:
    """The <tr> of this table, not of tables nested in it."""
    rows = []
    for child in table.children:
        if not isinstance(child, Tag):
            continue
        if child.name == "tr":
            rows.append(child)
        elif child.name in ("thead", "tbody", "tfoot"):
            rows.extend(c for c in child.children if isinstance(c, Tag) and c.name == "tr")
    return rows


def _span(cell: Tag, attribute: str, cap: int) -> int:
    value = str(cell.get(attribute) or "1").strip()
    return min(max(int(value), 1), cap) if value.isdigit() else 1


def table_grid(table: Tag) -> list[list[str]] | None:
    """The cell texts of a table with colspan and rowspan expanded, or None when it is not a data table."""
    carried: dict[int, list] = {}  # column -> [rows left, text] of a rowspan reaching down from above
    grid: list[list[str]] = []
    cells = 0
    for tr in _own_rows(table):
        row: dict[int, str] = {}
        starting: dict[int, list] = {}
        column = 0
        for cell in tr.children:
            if not isinstance(cell, Tag) or cell.name not in ("td", "th"):
                continue
            text = collapse_whitespace(cell.get_text(" "))
            if len(text) > MAX_CELL_CHARS:
                return None
            rowspan = _span(cell, "rowspan", MAX_ROWSPAN)
            for _ in range(_span(cell, "colspan", MAX_COLSPAN)):
                while column in carried:
                    row[column] = carried[column][1]
                    column += 1
                row[column] = text
                if rowspan > 1:
                    starting[column] = [rowspan - 1, text]
                column += 1
        for key in list(carried):
            row.setdefault(key, carried[key][1])
            carried[key][0] -= 1
            if carried[key][0] <= 0:
                del carried[key]
        carried.update(starting)
        cells += len(row)
        if cells > MAX_TABLE_CELLS:
            return None
        grid.append([row.get(c, "") for c in range(max(row, default=-1) + 1)])
    return grid


def _is_data_grid(grid: list[list[str]] | None) -> bool:
    """At least two rows and two columns: one row or one column is text laid out in a box."""
    if not grid:
        return False
    rows = [r for r in grid if any(r)]
    return len(rows) >= 2 and max(len(r) for r in rows) >= 2


def _caption(table: Tag, blocks: list) -> tuple[str | None, str]:
    """The <caption> text if any (it becomes a block of its own), and the caption to record."""
    caption = table.find("caption", recursive=False)
    if caption is not None:
        text = collapse_whitespace(caption.get_text(" "))
        if text:
            return text, text
    return None, preceding_caption(blocks)


class _Reader:
    """Walks the tree once, without recursion, collecting text blocks and tables in reading order."""

    def __init__(self) -> None:
        self.blocks: list[str | TableBlock] = []
        self.buffer: list[str] = []

    def flush(self) -> None:
        """End the current block."""
        if self.buffer:
            text = collapse_lines("".join(self.buffer))
            if text:
                self.blocks.append(text)
            self.buffer = []

    def read(self, root: Tag) -> list[str | TableBlock]:
        """Text blocks and tables under root, in document order."""
        stack: list[tuple[object, bool, int]] = [(root, False, 0)]
        while stack:
            node, leaving, depth = stack.pop()
            if leaving:
                self.flush()
                continue
            if isinstance(node, NavigableString):
                if not isinstance(node, PreformattedString):
                    # a line break in the source is only whitespace; <br> makes the real line breaks
                    self.buffer.append(" ".join(node.split("\n")))
                continue
            if not isinstance(node, Tag):
                continue
            if node.name == "br":
                self.buffer.append("\n")
                continue
            if node.name == "table":
                if self._table(node, depth):
                    continue
                depth += 1
            if node.name in _BLOCKS:
                self.flush()
                stack.append((node, True, depth))
            stack.extend((child, False, depth) for child in reversed(node.contents))
        self.flush()
        return self.blocks

    def _table(self, table: Tag, depth: int) -> bool:
        """Read a data table, or flatten one nested too deep; False when it is layout to walk into."""
        self.flush()
        if depth >= MAX_TABLE_DEPTH:
            text = collapse_whitespace(table.get_text(" "))
            if text:
                self.blocks.append(text)
            return True
        if table.find("table") is not None:
            return False
        grid = table_grid(table)
        if not _is_data_grid(grid):
            return False
        caption_block, caption = _caption(table, self.blocks)
        if caption_block:
            self.blocks.append(caption_block)
        self.blocks.append(TableBlock(rows=normalize_grid(grid), caption=caption))
        return True


def parse_html_text(html: str, name: str) -> Document:
    """A Document from the text of an HTML page."""
    tags = html.count("<")  # an upper bound, counted before anything is built
    if tags > MAX_TAGS:
        raise DocumentTooLarge(name, f"{tags} tags, more than {MAX_TAGS}")
    soup = BeautifulSoup(_XML_DECLARATION.sub("", html, count=1), "lxml")
    meta = _meta_values(soup)
    title, url, published = _title(soup, meta), _url(soup, meta), _published(soup, meta)
    _remove_chrome(soup)
    _mark_footnotes(soup)
    root = soup.body or soup
    text, tables = assemble(_Reader().read(root))
    if not text.strip():
        raise EmptyDocument(name, "no readable text in the HTML body")
    return Document(name=name, text=text, format="html", title=title, url=url, published=published, tables=tables)


def parse_html(raw: bytes, name: str, *, content_type: str | None = None) -> Document:
    """A Document from the bytes of an HTML page; never runs its scripts."""
    return parse_html_text(decode_html(raw, name, content_type), name)

