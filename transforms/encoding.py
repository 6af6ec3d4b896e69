"""Bytes of a report to str: byte order marks, declared charsets and the usual fallbacks."""
from __future__ import annotations

import codecs
import re

from transforms.model import UndecodableDocument

_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_CONTENT_TYPE_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
# servers label pages ISO-8859-1 by default; browsers read every Latin-1 label as windows-1252
_LATIN_LABELS = frozenset({"iso8859-1", "ascii", "cp1252"})


def decode_text(raw: bytes, name: str) -> str:
    """Bytes to str: a BOM wins, then UTF-8, then cp1252 (the usual mislabelled Windows text)."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError as error:
                raise UndecodableDocument(name, f"{codec} byte order mark, but not {codec} ({error})") from error
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as error:
        raise UndecodableDocument(name, f"neither UTF-8 nor cp1252 ({error})") from error


def _codec(label: str | None) -> str | None:
    """The Python codec of a charset label, or None when the label is unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    if name in _LATIN_LABELS:
        return "cp1252"
    # a page cannot declare UTF-16 from inside itself; without a BOM the label is wrong
    if name.startswith(("utf-16", "utf-32")):
        return None
    return name


def decode_html(raw: bytes, name: str, content_type: str | None = None) -> str:
    """Bytes of a page to str: a BOM wins, then the content type's charset, then <meta charset>, then UTF-8/cp1252."""
    if raw.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(raw, name)
    header = _CONTENT_TYPE_CHARSET.search(content_type or "")
    meta = _META_CHARSET.search(raw[:4096])
    for label in (header[1] if header else None, meta[1].decode("ascii") if meta else None):
        codec = _codec(label)
        if codec is None:
            continue
        if codec == "cp1252" and _is_utf8(raw):
            # valid non-ASCII UTF-8 is practically never Windows text: the Latin-1 label is a server default
            return raw.decode("utf-8")
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            break
    return decode_text(raw, name)


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
