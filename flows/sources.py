"""Documents of a source: local files read into the raw archive (HTTP sources live in flows.fetch)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from flows.archive import Archive
from flows.registry import Source

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
    for path in paths:
        relative = path.resolve().relative_to(base).as_posix() if path.resolve().is_relative_to(base) else None
        if relative is None:
            refused.append((str(path), "outside the registry's directory"))
            continue
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            refused.append((relative, f"too-large: {size} bytes > {MAX_FILE_BYTES}"))
            continue
        body = path.read_bytes()
        stored = archive.put(body, {"source_id": source.id, "kind": "file", "path": relative, "read_at": now.isoformat()})
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
