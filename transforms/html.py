"""HTML reports to Documents: readable body text, tables as grids, and the title, date and address of meta tags."""
from __future__ import annotations

import json
import re
from datetime import date
from email.utils import parsedate

from lxml import etree

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
# a page of millions of tiny tags would take gigabytes and minutes to read; report pages, even long ones, have
# tens of thousands
MAX_TAGS = 400_000

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# The page is read the way BeautifulSoup (over the same lxml parser) read it until this module used lxml alone
# (its tree building was a third of extraction time), so that every document reads as before:
# - a string is a run of text between tags, comments or processing instructions (an element's .text or a
#   node's .tail); get_text(" ") puts a space between strings ("12<sup>nd</sup>" in a cell reads "12 nd");
# - a string of ASCII whitespace alone reads as one newline, or one space when it has none, outside <pre>;
# - text inside these elements is their own kind: left out of the text of the elements around them;
_OWN_TEXT = frozenset("rt rp style script template".split())
_KEEPS_WHITESPACE = frozenset(("pre", "textarea"))
_ASCII_SPACES = frozenset(" \n\t\f\r")
# - a removed element leaves an empty comment in its place, which keeps the strings around it apart, and
#   a footnote marker put in place of a <sup> is the tail of a comment marked so.
_MARKER = "incidents: text put in place of an element"
_DOCUMENT = "incidents-document"  # the element that holds the page, as BeautifulSoup's object held it
_UNNAMED = "incidents-unnamed"  # an element whose name lxml cannot hold
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
# characters XML (so lxml) cannot hold travel as private-use characters of plane 16 and are put back when read
# (a page that uses U+100000-U+10001F itself would read them as control characters)
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_STAND_IN = {code: chr(0x100000 + code % 0x10000) for code in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)}
_ORIGINAL = {ord(stand_in): chr(code) for code, stand_in in _STAND_IN.items()}
_STOOD_IN = re.compile("[\U00100000-\U0010001f\U0010fffe\U0010ffff]")


def _xml_safe(text: str) -> str:
    return text.translate(_STAND_IN) if _INVALID_XML.search(text) else text


def _original(text: str) -> str:
    return text.translate(_ORIGINAL) if _STOOD_IN.search(text) else text


def _get(element, attribute: str) -> str | None:
    value = element.get(attribute)
    return _original(value) if value is not None else None


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


def _is_element(node) -> bool:
    return isinstance(node.tag, str)  # not a comment or processing instruction


def _string(text: str, keep_whitespace: bool) -> str:
    """A string as the page's reader sees it: whitespace alone collapses to one newline or space."""
    text = _original(text)
    if keep_whitespace or not _ASCII_SPACES.issuperset(text):
        return text
    return "\n" if "\n" in text else " "


def _context(element) -> tuple[str | None, bool]:
    """The kind of the text directly inside an element and whether it keeps whitespace, from its ancestors."""
    own, keep = None, False
    for node in (element, *element.iterancestors()):
        if own is None and node.tag in _OWN_TEXT:
            own = node.tag
        keep = keep or node.tag in _KEEPS_WHITESPACE
    return own, keep


def get_text(element) -> str:
    """The element's strings of its own kind joined by spaces."""
    wanted = element.tag if element.tag in _OWN_TEXT else None
    own, keep = _context(element)
    parts: list[str] = []
    pending: list = [element]
    kinds = {element: (own, keep)}  # the kind of text directly inside each element, and whether it keeps whitespace
    while pending:
        node = pending.pop()
        if isinstance(node, str):
            parts.append(node)
            continue
        kind, keep = kinds.pop(node)
        if node.text and kind == wanted:
            parts.append(_string(node.text, keep))
        later: list = []
        for child in node:
            if _is_element(child):
                kinds[child] = (child.tag if child.tag in _OWN_TEXT else kind, keep or child.tag in _KEEPS_WHITESPACE)
                later.append(child)
            if child.tail:
                # a marker put in place of a <sup> is a plain string wherever it is
                marked = child.tag is etree.Comment and child.text == _MARKER
                if (wanted is None) if marked else (kind == wanted):
                    later.append(child.tail if marked else _string(child.tail, keep))
        pending.extend(reversed(later))
    return " ".join(parts)


def _ancestor(element, names: tuple[str, ...]):
    return next(element.iterancestors(*names), None)


def _remove(element, *texts: str) -> None:
    """Take an element out, leaving comments that keep its neighbours' strings apart (and carry `texts` as strings)."""
    parent = element.getparent()
    index = parent.index(element)
    replacement = []
    for text in texts:
        marker = etree.Comment(_MARKER)
        marker.tail = text
        replacement.append(marker)
    gap = etree.Comment()
    gap.tail = element.tail
    replacement.append(gap)
    parent[index : index + 1] = replacement


def _unwrap(element) -> None:
    """Put an element's contents in its place, each of its strings still a string of its own."""
    parent = element.getparent()
    index = parent.index(element)
    head = etree.Comment()
    head.tail = element.text
    gap = etree.Comment()
    gap.tail = element.tail
    parent[index : index + 1] = [head, *element, gap]


def _is_hidden(tag) -> bool:
    return "hidden" in tag.attrib or bool(_HIDDEN_STYLE.search(_get(tag, "style") or ""))


def _meta_values(root) -> dict[str, str]:
    """Meta tag contents keyed by their lower-case property, name, itemprop or http-equiv; first one wins."""
    values: dict[str, str] = {}
    for meta in root.iter("meta"):
        content = _get(meta, "content") or _get(meta, "datetime")
        if not content:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = _get(meta, attribute)
            if isinstance(key, str):
                values.setdefault(key.strip().lower(), content.strip())
    return values


def _json_ld_dates(root) -> list[str]:
    found = []
    for script in root.iter("script"):
        if _get(script, "type") != "application/ld+json":
            continue
        try:
            data = json.loads(_string(script.text, False) if script.text else "")
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


def _time_value(tag) -> str | None:
    return parse_date_value(_get(tag, "datetime") or get_text(tag))


def _published(root, meta: dict[str, str]) -> str | None:
    for key in _DATE_META_KEYS:
        value = parse_date_value(meta.get(key))
        if value:
            return value
    for value in _json_ld_dates(root):
        if parse_date_value(value):
            return parse_date_value(value)
    times = list(root.iter("time"))
    marked = [t for t in times if "pubdate" in t.attrib or (_get(t, "itemprop") or "").lower() == "datepublished"]
    in_article = [t for t in times if _ancestor(t, ("article",)) is not None]
    # dates in menus, sidebars and footers belong to other pages (related stories, archives)
    elsewhere = [t for t in times if _ancestor(t, ("nav", "aside", "footer")) is None]
    for tag in marked + in_article + elsewhere:
        value = _time_value(tag)
        if value:
            return value
    return None


def _title(root, meta: dict[str, str]) -> str | None:
    title = next(root.iter("title"), None)
    h1 = next(root.iter("h1"), None)
    candidates = [meta.get("og:title"), get_text(title) if title is not None else None, get_text(h1) if h1 is not None else None]
    for candidate in candidates:
        if candidate and collapse_whitespace(candidate):
            return collapse_whitespace(candidate)
    return None


def _url(root, meta: dict[str, str]) -> str | None:
    for link in root.iter("link"):
        href = _get(link, "href")
        if href is None:
            continue
        if "canonical" in [r.lower() for r in (_get(link, "rel") or "").split()]:
            return href.strip() or None
    return meta.get("og:url") or None


def _detached(element, root) -> bool:
    """Whether an element was taken out of the tree (with an ancestor)."""
    top = element
    for top in element.iterancestors():
        pass
    return top is not root


def _remove_chrome(root) -> None:
    """Drop scripts, navigation, site chrome and hidden parts before the body is read."""
    for tag in list(root.iter(*_DROPPED)):
        if tag is root or _detached(tag, root):
            continue
        # some sites wrap the whole page in one <form> (ASP.NET): keep a form that holds the article
        if tag.tag == "form" and next(tag.iterdescendants("p", "article", "table", "h1", "h2"), None) is not None:
            continue
        _remove(tag)
    for tag in [t for t in root.iter(etree.Element) if _is_hidden(t)]:
        if tag is not root and not _detached(tag, root):
            _remove(tag)


def _mark_footnotes(root) -> None:
    """Footnote references in <sup> would glue onto numbers ('370<sup>1</sup>' reads 370 as 3701).

    In a table cell they become a marker the table reader strips ('2024 [1]'); in prose they go.
    Symbol markers ('*') stay everywhere, and ordinal suffixes ('2<sup>nd</sup>') stay part of their word.
    """
    for sup in list(root.iter("sup")):
        if sup is root or _detached(sup, root):
            continue  # inside a <sup> already taken out: nothing of it is read
        text = collapse_whitespace(get_text(sup))
        reference = text.strip("[]()")
        if text and all(ch in "*†‡§#" for ch in text):
            _remove(sup, text)  # markers that notes below the table refer to
        elif len(reference) > _MAX_FOOTNOTE_REFERENCE or not reference.isalnum() or text.lower() in ("st", "nd", "rd", "th"):
            _unwrap(sup)
        elif _ancestor(sup, ("td", "th")) is not None:
            _remove(sup, f"[{reference}]")
        else:
            _remove(sup)


def _children(element, names: tuple[str, ...]) -> list:
    return [child for child in element if _is_element(child) and child.tag in names]


def _own_rows(table) -> list:
    """The <tr> of this table, not of tables nested in it."""
    rows = []
    for child in _children(table, ("tr", "thead", "tbody", "tfoot")):
        rows.extend([child] if child.tag == "tr" else _children(child, ("tr",)))
    return rows


def _span(cell, attribute: str, cap: int) -> int:
    value = str(_get(cell, attribute) or "1").strip()
    return min(max(int(value), 1), cap) if value.isdigit() else 1


def table_grid(table) -> list[list[str]] | None:
    """The cell texts of a table with colspan and rowspan expanded, or None when it is not a data table."""
    carried: dict[int, list] = {}  # column -> [rows left, text] of a rowspan reaching down from above
    grid: list[list[str]] = []
    cells = 0
    for tr in _own_rows(table):
        row: dict[int, str] = {}
        starting: dict[int, list] = {}
        column = 0
        for cell in _children(tr, ("td", "th")):
            text = collapse_whitespace(get_text(cell))
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


def _caption(table, blocks: list) -> tuple[str | None, str]:
    """The <caption> text if any (it becomes a block of its own), and the caption to record."""
    captions = _children(table, ("caption",))
    if captions:
        text = collapse_whitespace(get_text(captions[0]))
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

    def read(self, root) -> list[str | TableBlock]:
        """Text blocks and tables under root, in document order."""
        stack: list[tuple[object, bool, int, bool]] = [(root, False, 0, _context(root)[1])]
        while stack:
            node, leaving, depth, keep = stack.pop()
            if leaving:
                self.flush()
                continue
            if isinstance(node, str):
                # a line break in the source is only whitespace; <br> makes the real line breaks
                self.buffer.append(" ".join(_string(node, keep).split("\n")))
                continue
            if not _is_element(node):
                continue
            if node.tag == "br":
                self.buffer.append("\n")
                continue
            if node.tag == "table":
                if self._table(node, depth):
                    continue
                depth += 1
            if node.tag in _BLOCKS:
                self.flush()
                stack.append((node, True, depth, keep))
            inner = keep or node.tag in _KEEPS_WHITESPACE
            contents: list[tuple[object, bool, int, bool]] = [(node.text, False, depth, inner)] if node.text else []
            for child in node:
                contents.append((child, False, depth, inner))
                if child.tail:
                    contents.append((child.tail, False, depth, inner))
            stack.extend(reversed(contents))
        self.flush()
        return self.blocks

    def _table(self, table, depth: int) -> bool:
        """Read a data table, or flatten one nested too deep; False when it is layout to walk into."""
        self.flush()
        if depth >= MAX_TABLE_DEPTH:
            text = collapse_whitespace(get_text(table))
            if text:
                self.blocks.append(text)
            return True
        if next(table.iterdescendants("table"), None) is not None:
            return False
        grid = table_grid(table)
        if not _is_data_grid(grid):
            return False
        caption_block, caption = _caption(table, self.blocks)
        if caption_block:
            self.blocks.append(caption_block)
        self.blocks.append(TableBlock(rows=normalize_grid(grid), caption=caption))
        return True


class _Builder:
    """The parser's events, the ones BeautifulSoup built its tree from, as an lxml tree under one document element.

    lxml's own tree building differs from them on a few pages (content after </html>, misplaced <html> tags, nesting
    deeper than 256) and cannot hold some names and characters: those are mapped here.
    """

    def __init__(self) -> None:
        self._builder = etree.TreeBuilder()
        self._open: list[str] = []
        self._builder.start(_DOCUMENT, {})

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        try:
            self._builder.start(tag, attrib)
        except ValueError:  # a name lxml refuses ('fb:like', 'foo"bar'; never one read here) or a control character
            tag = tag if _NAME.fullmatch(tag) else _UNNAMED
            self._builder.start(tag, {key: _xml_safe(value) for key, value in attrib.items() if _NAME.fullmatch(key)})
        self._open.append(tag)

    def end(self, tag: str) -> None:
        self._builder.end(self._open.pop())

    def data(self, data: str) -> None:
        self._builder.data(_xml_safe(data))

    def comment(self, text: str) -> None:
        self._builder.comment("")  # never read; it only keeps the strings around it apart

    def pi(self, target: str, data: str | None = None) -> None:
        self._builder.comment("")

    def doctype(self, *_: object) -> None:
        self._builder.comment("")

    def close(self):
        self._builder.end(_DOCUMENT)
        return self._builder.close()


def _parse_tree(html: str):
    """The page as one document element holding everything the parser found."""
    html = html.removeprefix("\ufeff")
    if not html:  # lxml's parser, fed nothing, fails to close ("no element found")
        return etree.Element(_DOCUMENT)
    parser = etree.HTMLParser(target=_Builder(), recover=True)
    parser.feed(html)
    return parser.close()


def parse_html_text(html: str, name: str) -> Document:
    """A Document from the text of an HTML page."""
    tags = html.count("<")  # an upper bound, counted before anything is built
    if tags > MAX_TAGS:
        raise DocumentTooLarge(name, f"{tags} tags, more than {MAX_TAGS}")
    root = _parse_tree(_XML_DECLARATION.sub("", html, count=1))
    meta = _meta_values(root)
    title, url, published = _title(root, meta), _url(root, meta), _published(root, meta)
    _remove_chrome(root)
    _mark_footnotes(root)
    body = next(root.iter("body"), None)
    text, tables = assemble(_Reader().read(root if body is None else body))
    if not text.strip():
        raise EmptyDocument(name, "no readable text in the HTML body")
    return Document(name=name, text=text, format="html", title=title, url=url, published=published, tables=tables)


def parse_html(raw: bytes, name: str, *, content_type: str | None = None) -> Document:
    """A Document from the bytes of an HTML page; never runs its scripts."""
    return parse_html_text(decode_html(raw, name, content_type), name)
