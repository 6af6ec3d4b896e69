"""The values that pass between the pure steps: documents, tables and figures."""
from __future__ import annotations

from dataclasses import dataclass, field


class DocumentError(ValueError):
    """A document cannot be read; the message names the document and the reason."""

    reason = "unreadable"

    def __init__(self, document: str, detail: str):
        self.document = document
        self.detail = detail
        super().__init__(f"{document}: {self.reason}: {detail}")


class EmptyDocument(DocumentError):
    reason = "empty"


class UnsupportedFormat(DocumentError):
    reason = "unsupported-format"


class UndecodableDocument(DocumentError):
    reason = "undecodable"


class DocumentTooLarge(DocumentError):
    reason = "too-large"


class NoTextLayer(DocumentError):
    reason = "no-text-layer"


class ImplausibleDocument(DocumentError):
    """A document yields a figure no report can mean (a year in the future, a billion killed)."""

    reason = "implausible"


class UnreadableDocument(DocumentError):
    """The file is broken or encrypted: the PDF library could not read it."""

    reason = "unreadable-pdf"


@dataclass(frozen=True)
class Table:
    """A table as a grid of cell texts, with where its rendering sits in the document text."""

    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    # character span of the rendered table inside Document.text
    start: int = 0
    end: int = 0
    # character offset of each row's rendering inside Document.text
    row_starts: tuple[int, ...] = ()


@dataclass(frozen=True)
class Document:
    """A parsed report: body text (tables rendered into it) plus what its header or meta tags say."""

    name: str
    text: str
    format: str  # "text", "html" or "pdf"
    title: str | None = None
    url: str | None = None
    # ISO 8601, possibly reduced precision: "2019-01-01", "2018-01" or "2014"
    published: str | None = None
    source_org: str | None = None
    tables: tuple[Table, ...] = ()

    @property
    def published_year(self) -> int | None:
        """The year of publication, when the document gives one."""
        if self.published and self.published[:4].isdigit():
            return int(self.published[:4])
        return None


@dataclass(frozen=True)
class Figure:
    """One yearly figure read from a document, with the evidence it came from."""

    year: int
    country: str
    group: str
    metric: str
    value: float
    evidence: str
    start: int  # span of the evidence inside Document.text
    end: int
    rule: str  # which rule produced it
    value_high: float | None = None
    approx: bool = False


@dataclass(frozen=True)
class Extraction:
    """The figures of one document and the numbers dropped, counted by reason."""

    figures: tuple[Figure, ...]
    drops: tuple[tuple[str, int], ...] = field(default=())

    @property
    def drop_counts(self) -> dict[str, int]:
        return dict(self.drops)


@dataclass(frozen=True)
class DocumentInfo:
    """Where a parsed document came from: its source in the registry and its raw bytes' hash."""

    source_id: str
    publisher: str
    trust: int
    document_id: str  # sha256 of the raw bytes
    document: str  # file name
    location: str | None  # url, or path relative to the registry
    published: str | None
    series: str = ""  # the organisation whose figures these are (PIPS, UNAMA ...)
    primary: bool = True  # the organisation's own report, not coverage of it
