"""Raw bytes of a report to a Document: decoding, the text header, HTML and PDF bodies."""
from __future__ import annotations

import re

from transforms.encoding import decode_text
from transforms.html import parse_html
from transforms.model import Document, DocumentTooLarge, EmptyDocument, UnsupportedFormat
from transforms.pdf import MAX_PAGES, parse_pdf
from transforms.text_tables import find_text_tables

# a report is text; anything bigger than this is a data dump or an attack on the parser
MAX_BYTES = 20 * 1024 * 1024
# about 700 pages: the extractor's time grows with the text, so a longer text (a 5 MB line, a dump of a
# database into a page) is refused rather than read for minutes
MAX_TEXT_CHARS = 2_000_000
# formats that are never a report's text, by their first bytes
_BINARY_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"), (b"PK\x03\x04", "a ZIP archive or Office file"), (b"\x1f\x8b", "gzip data"),
    (b"\xd0\xcf\x11\xe0", "an old Office file"), (b"\x7fELF", "a program"), (b"RIFF", "a RIFF media file"),
)
_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# control bytes no text encoding uses for text (tab, line feed, form feed, carriage return and escape aside)
_CONTROL_BYTES = bytes(set(range(32)) - {9, 10, 12, 13, 27}) + b"\x7f"
_SNIFF_BYTES = 8192

_HEADER_KEYS = ("url", "title", "published", "source_org")
_HEADER_LINE = re.compile(r"^(?P<key>[a-z_]+):[ \t]*(?P<value>.*)$")
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def parse_published(value: str | None) -> str | None:
    """The leading ISO date of a header value ('2018-01 (approx.)' -> '2018-01'), or None."""
    if not value:
        return None
    match = _DATE.match(value.strip())
    return match.group(0) if match else None


def parse_text_header(text: str) -> tuple[dict[str, str], int]:
    """The optional `key: value` header ended by a blank line, and where the body starts."""
    lines = text.split("\n")
    header: dict[str, str] = {}
    offset = 0
    for line in lines:
        match = _HEADER_LINE.match(line.rstrip("\r"))
        if not match or match["key"] not in _HEADER_KEYS:
            break
        header[match["key"]] = match["value"].strip()
        offset += len(line) + 1
    else:
        return header, offset
    if header and lines[len(header)].strip() == "":
        return header, offset + len(lines[len(header)]) + 1
    return {}, 0


def parse_text(raw: bytes, name: str) -> Document:
    """A plain-text report, with its optional header."""
    text = decode_text(raw, name).replace("\r\n", "\n").replace("\r", "\n")
    header, body_start = parse_text_header(text)
    body = text[body_start:]
    if not body.strip():
        raise EmptyDocument(name, "no text after the header")
    return Document(
        name=name,
        text=body,
        format="text",
        title=header.get("title") or None,
        url=header.get("url") if header.get("url") not in (None, "", "unknown") else None,
        published=parse_published(header.get("published")),
        source_org=header.get("source_org") or None,
        # a data sheet written as lines of cells ("2012 | 3007 | 732") is read as the table it is, not as prose
        tables=find_text_tables(body),
    )


def sniff_format(raw: bytes, name: str, content_type: str | None = None) -> str:
    """'text', 'html' or 'pdf' from the content type, the magic bytes and the file name."""
    head = raw[:1024].lstrip().lower()
    if head.startswith(b"%pdf") or (content_type or "").startswith("application/pdf"):
        return "pdf"
    if (content_type or "").startswith(("text/html", "application/xhtml")):
        return "html"
    if head.startswith((b"<!doctype html", b"<html")) or name.lower().endswith((".html", ".htm")):
        return "html"
    if name.lower().endswith(".pdf"):
        return "pdf"
    return "text"


def binary_kind(raw: bytes) -> str | None:
    """What kind of binary data the bytes are ('a PNG image', 'binary data'), or None when they may be text."""
    for magic, kind in _BINARY_MAGIC:
        if raw.startswith(magic):
            return kind
    if raw.startswith(_TEXT_BOMS):
        return None  # UTF-16 text is full of NUL bytes
    head = raw[:_SNIFF_BYTES]
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if b"\0" in head or controls * 10 > len(head):
        return f"binary data ({controls} control bytes in the first {len(head)})"
    return None


def parse_document(
    raw: bytes,
    *,
    name: str,
    format: str = "auto",
    content_type: str | None = None,
    max_bytes: int = MAX_BYTES,
    max_pages: int = MAX_PAGES,
    max_chars: int = MAX_TEXT_CHARS,
) -> Document:
    """Parse a report's raw bytes; raises a DocumentError subclass that names the document and the reason."""
    if len(raw) > max_bytes:
        raise DocumentTooLarge(name, f"{len(raw)} bytes, more than {max_bytes}")
    if not raw.strip():
        raise EmptyDocument(name, "no bytes")
    kind = sniff_format(raw, name, content_type) if format == "auto" else format
    binary = binary_kind(raw) if kind != "pdf" else None
    if binary:
        # decoded as cp1252, an image would be a text of noise: a document named .txt is not always text
        raise UnsupportedFormat(name, f"{binary}, not a text, HTML or PDF report")
    if kind == "text":
        document = parse_text(raw, name)
    elif kind == "html":
        document = parse_html(raw, name, content_type=content_type)
    elif kind == "pdf":
        document = parse_pdf(raw, name, max_pages=max_pages)
    else:
        raise UnsupportedFormat(name, f"format {kind!r} is not readable")
    if len(document.text) > max_chars:
        raise DocumentTooLarge(name, f"{len(document.text)} characters of text, more than {max_chars}")
    return document


# decode_text lives in transforms.encoding; it is imported here for the callers that know it from this module
__all__ = ["binary_kind", "decode_text", "parse_document", "parse_published", "parse_text", "parse_text_header", "sniff_format"]
