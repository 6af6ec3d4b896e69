"""Documents of a source, whatever its kind: files read or pages fetched into the raw archive."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from flows.archive import Archive
from flows.registry import Source

if TYPE_CHECKING:
    from flows import fetch as http_fetch

MAX_FILE_BYTES = 50_000_000


@dataclass(frozen=True)
class DocumentRef:
    """A document waiting in the raw archive to be parsed."""

    source_id: str
    sha256: str
    name: str
    location: str | None
    content_type: str | None = None
    origin: str = "file"  # "file", "http" or "archive" (re-used when its source failed)


@dataclass(frozen=True)
class SourceResult:
    """What one source gave a run: its documents, the ones it refused, or why it failed as a whole."""

    source_id: str
    documents: tuple[DocumentRef, ...] = ()
    refused: tuple[tuple[str, str], ...] = ()  # (location, reason)
    error: str | None = None
    from_archive: bool = False


def read_file_source(source: Source, archive: Archive, now: datetime | None = None) -> SourceResult:
    """Read every file the source's glob matches into the archive; refuse files over the size cap."""
    now = now or datetime.now(timezone.utc)
    base = source.base_dir.resolve()
    paths = sorted(p for p in base.glob(source.url) if p.is_file())
    if not paths:
        return SourceResult(source.id, error=f"no file matches {source.url!r} under {base}")
    documents, refused = [], []
    with archive.batch():
        for path in paths:
            # a symlink is followed only when it stays inside; the document keeps the name it was found under
            if not path.resolve().is_relative_to(base):
                refused.append((str(path), "outside the registry's directory"))
                continue
            relative = path.relative_to(base).as_posix()
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                refused.append((relative, f"too-large: {size} bytes > {MAX_FILE_BYTES}"))
                continue
            body = path.read_bytes()
            stored = archive.put(body, {"source_id": source.id, "kind": "file", "path": relative,
                                        "read_at": now.isoformat()})
            documents.append(DocumentRef(source.id, stored.sha256, path.name, relative))
    return SourceResult(source.id, tuple(documents), tuple(refused))


def read_archived_files(source: Source, archive: Archive) -> SourceResult:
    """A file source's documents as last archived, for offline runs and for sources that fail."""
    latest: dict[str, dict] = {}
    for record in archive.records():
        if record.get("source_id") == source.id and record.get("path"):
            latest[record["path"]] = record
    documents = tuple(
        DocumentRef(source.id, r["sha256"], Path(r["path"]).name, r["path"], origin="archive")
        for path, r in sorted(latest.items())
        if archive.has(r["sha256"])
    )
    if not documents:
        return SourceResult(source.id, error="nothing archived for this source", from_archive=True)
    return SourceResult(source.id, documents, from_archive=True)


def _ref(document: http_fetch.FetchedDocument, origin: str) -> DocumentRef:
    return DocumentRef(document.source_id, document.sha256, document.name, document.final_url or document.url,
                       document.content_type or None, origin)


def from_http(result: http_fetch.SourceResult, archived: http_fetch.SourceResult) -> SourceResult:
    """An http source's run: what it fetched, plus every report archived before that it did not fetch again.

    A report that fell off the listing's last page, or failed tonight, keeps its figures.
    """
    fetched = {d.url for d in result.documents}
    documents = [_ref(d, "http") for d in result.documents]
    documents += [_ref(d, "archive") for d in archived.documents if d.url not in fetched]
    return SourceResult(
        result.source_id, tuple(documents), tuple((r.url, f"{r.reason}: {r.detail}" if r.detail else r.reason)
                                                  for r in result.refused),
        error=str(result.error) if result.error else None, from_archive=result.error is not None,
    )


def read_source(source: Source, archive: Archive, offline: bool) -> SourceResult:
    """A source's documents into the archive: files read or pages fetched; the archive alone when offline."""
    if source.kind == "http":
        from flows import fetch as http_fetch  # requests, protego, soupsieve: only http sources pay their import

        archived = http_fetch.read_archived_source(archive, source)
        if offline:
            return from_http(archived, archived)
        with http_fetch.Fetcher(archive) as fetcher:
            return from_http(fetcher.fetch_source(source), archived)
    return read_archived_files(source, archive) if offline else read_file_source(source, archive)


def read_archived(source: Source, archive: Archive) -> SourceResult:
    """What the archive holds for a source, whatever its kind."""
    if source.kind == "http":
        from flows import fetch as http_fetch

        archived = http_fetch.read_archived_source(archive, source)
        return from_http(archived, archived)
    return read_archived_files(source, archive)
