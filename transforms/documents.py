"""Raw bytes of a report to a Document: decoding, the text header, HTML and PDF bodies."""
from __future__ import annotations

import re

from transforms.encoding import decode_text
from transforms.html import parse_html
from transforms.model import Document, DocumentTooLarge, EmptyDocument, UnsupportedFormat
from transforms.pdf import MAX_PAGES, parse_pdf

# a report is text; anything bigger than this is a data dump or an attack on the parser
MAX_BYTES = 20 * 1024 * 1024

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


def parse_document(
    raw: bytes,
    *,
    name: str,
    format: str = "auto",
    content_type: str | None = None,
    max_bytes: int = MAX_BYTES,
    max_pages: int = MAX_PAGES,
) -> Document:
    """Parse a report's raw bytes; raises a DocumentError subclass that names the document and the reason."""
    if len(raw) > max_bytes:
        raise DocumentTooLarge(name, f"{len(raw)} bytes, more than {max_bytes}")
    if not raw.strip():
        raise EmptyDocument(name, "no bytes")
    kind = sniff_format(raw, name, content_type) if format == "auto" else format
    if kind == "text":
        return parse_text(raw, name)
    if kind == "html":
        return parse_html(raw, name, content_type=content_type)
    if kind == "pdf":
        return parse_pdf(raw, name, max_pages=max_pages)
    raise UnsupportedFormat(name, f"format {kind!r} is not readable")


# decode_text lives in transforms.encoding; it is imported here for the callers that know it from this module
__all__ = ["decode_text", "parse_document", "parse_published", "parse_text", "parse_text_header", "sniff_format"]
