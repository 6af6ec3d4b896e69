"""Bad documents, written at test time: broken, binary, huge, nested, absurd, and good text in awkward encodings."""
from __future__ import annotations

import random
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from fpdf import FPDF

FUTURE = 5  # years after the run's own year

# Our own sentences (never a corpus's): each reads one figure with the current extractor.
UTF8_REPORT = (
    "title: Notes on militant violence – a yearly review\n"
    "published: 2012-02-01\n\n"
    "The monitor’s review says that in 2011, militants carried out 1,966 terrorist attacks in Pakistan.\n"
    "According to the review’s “café” annex, the figure for 2011 excludes sectarian clashes.\n"
)


@dataclass(frozen=True)
class Hostile:
    """One bad document: its file name, how to write it, and what the pipeline must say about it."""

    name: str
    write: Callable[[Path], None]
    reason: str | None  # the start of its quarantine reason; None: read, but no figure comes out of it


def _bytes(body: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(body)


def _chunks(chunk: bytes, total: int) -> Callable[[Path], None]:
    """A large file written piece by piece, never held whole in memory."""

    def write(path: Path) -> None:
        with open(path, "wb") as handle:
            for _ in range(total // len(chunk)):
                handle.write(chunk)
            handle.write(chunk[: total % len(chunk)])

    return write


def _sparse(size: int) -> Callable[[Path], None]:
    """A file of `size` bytes that takes no disk space: a header, then a hole."""

    def write(path: Path) -> None:
        with open(path, "wb") as handle:
            handle.write(b"In 2019, militants carried out 250 terrorist attacks in Pakistan.\n")
            handle.truncate(size)

    return write


def png() -> bytes:
    """A real 16x16 grey PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\0" + bytes(range(100, 116)) for _ in range(16))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def pdf(text: str | None = None, *, drawing: bool = False, password: str | None = None) -> bytes:
    """A one-page PDF: with a text layer, with only a drawing (a scan has no text either), or encrypted."""
    document = FPDF()
    document.add_page()
    if password:
        document.set_encryption(owner_password="owner", user_password=password)
    if text:
        document.set_font("helvetica", size=12)
        document.multi_cell(w=0, text=text)
    if drawing:
        document.rect(20, 20, 100, 60, style="F")
        document.line(10, 10, 200, 280)
    return bytes(document.output())


def pdf_with_stream(content: bytes) -> bytes:
    """A one-page PDF whose page content is one Flate stream (a few kB that may inflate to gigabytes)."""
    data = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream" % (len(data), data),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def flate_bomb() -> bytes:
    """300 MB of spaces after one line of text, deflated to about 300 kB."""
    return pdf_with_stream(b"BT /F1 12 Tf 72 700 Td (In 2019 there were 250 attacks in Pakistan.) Tj ET\n" + b" " * 300_000_000)


def nested(open_tag: str, close_tag: str, depth: int, inner: str) -> bytes:
    return f"<html><body>{open_tag * depth}{inner}{close_tag * depth}</body></html>".encode()


def sentence_doc(sentence: str) -> bytes:
    return f"title: A yearly review\npublished: 2020-01-15\n\n{sentence}\n".encode()


def hostile_documents(year: int) -> list[Hostile]:
    """Every bad document, for a run in `year` (which decides what is a future year)."""
    noise = random.Random(7).randbytes(4096)
    good_pdf = pdf("In 2019, militants carried out 250 terrorist attacks in Pakistan.")
    return [
        Hostile("empty.txt", _bytes(b""), "empty: no bytes"),
        Hostile("blank.html", _bytes(b" \n\t\r\n "), "empty: no bytes"),
        Hostile("header-only.txt", _bytes(b"title: Nothing follows\npublished: 2020\n\n  \n"), "empty: no text after the header"),
        Hostile("image.txt", _bytes(png()), "unsupported-format: a PNG image"),
        Hostile("noise.html", _bytes(noise), "unsupported-format: binary data"),
        Hostile("noise.txt", _bytes(b"\x00\x01\x02" * 2000), "unsupported-format: binary data"),
        Hostile("bad-bom.txt", _bytes(b"\xef\xbb\xbf" + b"\xff\xfe\xfa" * 10), "undecodable: utf-8-sig byte order mark"),
        Hostile("cut-in-head.html", _bytes(b"<html><head><title>Annual report</title><meta name=\"description\" cont"),
                "empty: no readable text in the HTML body"),
        Hostile("scripts-only.html", _bytes(b"<html><body><script>var killed = 900;</script><nav>Home</nav></body></html>"),
                "empty: no readable text in the HTML body"),
        Hostile("scanned.pdf", _bytes(pdf(drawing=True)), "no-text-layer: 1 page(s) without text characters"),
        Hostile("cut.pdf", _bytes(good_pdf[: len(good_pdf) // 2]), "unreadable-pdf: "),
        Hostile("not-really.pdf", _bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20), "unreadable-pdf: "),
        Hostile("locked.pdf", _bytes(pdf("In 2019, militants carried out 250 terrorist attacks in Pakistan.", password="pw")),
                "unreadable-pdf: encrypted: it needs a password"),
        Hostile("bomb.pdf", _bytes(flate_bomb()), "too-large: its compressed streams inflate to more than"),
        Hostile("over-the-parse-cap.txt", _chunks(b"The review lists no figure in this part of the text. " * 1000, 21_000_000),
                "too-large: 21000000 bytes, more than"),
        Hostile("many-tags.html", _bytes(b"<html><body>" + b"<b>x</b>" * 250_000 + b"</body></html>"),
                "too-large: 500004 tags, more than"),
        Hostile("one-line.txt", _chunks(b"word " * 1000, 5_000_000), "too-large: 5000000 characters of text, more than"),
        Hostile("absurd.txt", _bytes(sentence_doc("In 2019, militants killed 1,000,000,000,000,000 people in Pakistan.")),
                "implausible: impossible count: 2019 PAK all killed = 1e+15"),
        # 1,000 digits overflow a float; the sentence stays under MAX_SENTENCE_CHARS, so the rules read it
        Hostile("thousand-digits.txt", _bytes(b"In 2019, militants killed " + b"7" * 1_000 + b" people in Pakistan.\n"),
                "implausible: impossible count: 2019 PAK all killed = inf"),
        Hostile("future.txt", _bytes(sentence_doc(f"In {year + FUTURE}, militants carried out 120 attacks in Pakistan.")),
                f"implausible: year outside 1970-{year}: {year + FUTURE} PAK all attacks = 120"),
        Hostile("ancient.txt", _bytes(sentence_doc("In 1965, militants carried out 120 attacks in Pakistan.")),
                f"implausible: year outside 1970-{year}: 1965 PAK all attacks = 120"),
        # read, but nothing comes out of them: the numbers are dropped with a reason, nested layout is flattened
        Hostile("negative.html", _bytes(
            b"<html><body><h2>Terrorist attacks in Pakistan by year</h2><table><tr><th>Year</th><th>Attacks</th>"
            b"<th>Killed</th></tr><tr><td>2018</td><td>-45</td><td>-3</td></tr><tr><td>2017</td><td>-1</td><td>-9</td>"
            b"</tr></table><p>In 2018, militants killed -45 people in Pakistan.</p></body></html>"), None),
        Hostile("unknown-group.html", _bytes(
            b"<html><body><h2>Attacks in Pakistan in 2019 by group</h2><table><tr><th>Group</th><th>Attacks</th>"
            b"<th>Killed</th></tr><tr><td>Black Banner Front</td><td>35</td><td>80</td></tr><tr><td>Crimson Hand</td>"
            b"<td>12</td><td>7</td></tr></table></body></html>"), None),
        Hostile("deep-tables.html", _bytes(nested("<table><tr><td>", "</td></tr></table>", 10_000, "Layout cell.")), None),
        Hostile("deep-divs.html", _bytes(nested("<div>", "</div>", 100_000, "A deeply nested note.")), None),
        Hostile("unclosed.html", _bytes(b"<b><i><div>" * 30_000 + b"An unclosed note."), None),
        Hostile("paragraphs.txt", _bytes(b"Note.\n\n" * 100_000), None),
        Hostile("letters.txt", _bytes(b"a" * 100_000), None),
        # a million-character sentence is over MAX_SENTENCE_CHARS: dropped unread ("over-long-sentence")
        Hostile("million-digits.txt", _bytes(b"In 2019, militants killed " + b"7" * 1_000_000 + b" people in Pakistan.\n"), None),
    ]


def oversized_file() -> Hostile:
    """Beyond the file reader's cap (200 MB, sparse): refused by the source, never read or archived."""
    return Hostile("dump.txt", _sparse(200_000_000), None)


def encoded_reports() -> dict[str, tuple[str, bytes]]:
    """One good report in the encodings reports come in: name -> (its text, its bytes); each reads as its text.

    Each copy names itself in words, so that no two have the same bytes in UTF-8 either.
    """
    ascii_quotes = str.maketrans({"’": "'", "“": '"', "”": '"', "–": "-"})
    copies = {
        "review-cp1252.txt": ("alpha", "cp1252"),
        "review-latin1.txt": ("bravo", "latin-1"),
        "review-utf16.txt": ("charlie", "utf-16"),  # with its byte order mark
        "review-utf16-be.txt": ("delta", "utf-16-be"),
        "review-utf8-bom.txt": ("echo", "utf-8-sig"),
        "review-cp1252.html": ("foxtrot", "cp1252"),
    }
    reports = {}
    for name, (word, encoding) in copies.items():
        text = UTF8_REPORT + f"This is the {word} copy.\n"
        if encoding == "latin-1":
            text = text.translate(ascii_quotes)
        if name.endswith(".html"):
            body = "".join(f"<p>{line}</p>" for line in text.split("\n\n", 1)[1].splitlines())
            text = f'<html><head><meta charset="{encoding}"><title>Review</title></head><body>{body}</body></html>'
        raw = (b"\xfe\xff" if encoding == "utf-16-be" else b"") + text.encode(encoding)
        reports[name] = (text, raw)
    return reports


def write_all(folder: Path, documents: list[Hostile]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for document in documents:
        document.write(folder / document.name)
