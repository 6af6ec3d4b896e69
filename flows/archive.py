"""The raw archive: every document's bytes stored once under their sha256, with a record of each arrival."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Iterator


class ArchiveCorrupt(RuntimeError):
    """A stored body no longer matches the hash it is stored under."""


class MissingBody(LookupError):
    """A record was to point at a body the archive does not hold."""


@dataclass(frozen=True)
class Stored:
    sha256: str
    path: Path
    new: bool  # False when the same bytes were already in the archive


TMP_PREFIX = ".tmp-"  # every temporary beside a file we write; remove_partial clears leftovers in published/


def sha256_of(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def _temporary_beside(path: Path, body: bytes, durable: bool) -> str:
    """The body in a new temporary file in path's folder (created if needed), fsynced when durable; its name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TMP_PREFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(body)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
    except BaseException:
        os.unlink(tmp)
        raise
    return tmp


def write_once(path: Path, body: bytes, *, durable: bool = True) -> bool:
    """Write a file by a rename from a temporary beside it; never replace an existing one.

    durable=False skips the fsync (about 4 ms a file here): for caches, or when the caller flushes a whole batch.
    """
    if path.exists():
        return False
    tmp = _temporary_beside(path, body, durable)
    try:
        # link() refuses to replace: two writers of the same bytes cannot clobber each other
        try:
            os.link(tmp, path)
        except FileExistsError:
            return False
        return True
    finally:
        os.unlink(tmp)


def write_replacing(path: Path, body: bytes) -> None:
    """Write a file whole or not at all: a temporary beside it, fsynced, then renamed over whatever was there."""
    tmp = _temporary_beside(path, body, durable=True)
    try:
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


class Archive:
    """Content-addressed bodies under raw/<sha[:2]>/<sha>, provenance beside them, an append-only log."""

    def __init__(self, root: Path):
        self.root = root
        self.log = root / "records.jsonl"
        self._batch_log: IO[str] | None = None  # the log, open while a batch is

    @contextmanager
    def batch(self) -> Iterator["Archive"]:
        """Store many bodies and records, then wait for the disk once instead of an fsync for each.

        Bodies still appear only whole (by rename) and each record reaches the log as it comes, so a killed
        process loses nothing; only the wait for the disk is shared: one os.sync() when the batch ends. Reading
        10,000 files spent most of its time in fsyncs (three per file) without it.
        """
        if self._batch_log is not None:
            yield self
            return
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.log, "a", encoding="utf-8") as handle:
            handle.write(self._line_end())
            self._batch_log = handle
            try:
                yield self
            finally:
                self._batch_log = None
                handle.flush()
        os.sync()

    def path_of(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def put(self, body: bytes, record: dict[str, Any]) -> Stored:
        """Store a body (once) and append its record: source, url or path, time, and HTTP facts."""
        sha = sha256_of(body)
        path = self.path_of(sha)
        durable = self._batch_log is None
        new = write_once(path, body, durable=durable)
        full = {"sha256": sha, "size": len(body), **record}
        write_once(path.with_name(sha + ".json"), json.dumps(full, indent=1, sort_keys=True).encode(), durable=durable)
        self._append(full)
        return Stored(sha, path, new)

    def revisit(self, sha256: str, record: dict[str, Any]) -> Stored:
        """Append a record for bytes already stored (an HTTP 304 that reuses them); the body is not touched."""
        path = self.path_of(sha256)
        if not path.exists():
            raise MissingBody(f"raw/{sha256[:2]}/{sha256}: a revisit needs the body already stored")
        self._append({"sha256": sha256, "size": path.stat().st_size, **record})
        return Stored(sha256, path, False)

    def _append(self, record: dict[str, Any]) -> None:
        if self._batch_log is not None:
            self._batch_log.write(json.dumps(record, sort_keys=True) + "\n")
            self._batch_log.flush()  # one write per line: concurrent writers never interleave within a record
            return
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.log, "a", encoding="utf-8") as handle:
            handle.write(self._line_end() + json.dumps(record, sort_keys=True) + "\n")
            handle.flush()
            os.fsync(handle.fileno())

    def _line_end(self) -> str:
        """A newline when the log ends inside a line (torn by a killed writer): the next record must not join it."""
        try:
            with open(self.log, "rb") as handle:
                handle.seek(-1, os.SEEK_END)
                return "" if handle.read(1) == b"\n" else "\n"
        except OSError:  # no log yet, or an empty one
            return ""

    def get(self, sha256: str) -> bytes:
        """The stored bytes, checked against their hash."""
        body = self.path_of(sha256).read_bytes()
        if sha256_of(body) != sha256:
            raise ArchiveCorrupt(f"raw/{sha256[:2]}/{sha256}: content does not match its hash")
        return body

    def has(self, sha256: str) -> bool:
        return self.path_of(sha256).exists()

    def records(self) -> Iterator[dict[str, Any]]:
        """Every arrival ever recorded, oldest first; a torn last line (a killed run) is skipped."""
        if not self.log.exists():
            return
        with open(self.log, encoding="utf-8") as handle:
            for line in handle:
                try:
                    yield json.loads(line)
                except json.JSONDecodeError:
                    continue

    def latest_by_url(self, source_id: str | None = None) -> dict[str, dict[str, Any]]:
        """The newest record of each URL whose body is stored (a 200 or a 304), optionally of one source only."""
        latest: dict[str, dict[str, Any]] = {}
        for record in self.records():
            if "url" not in record or (source_id is not None and record.get("source_id") != source_id):
                continue
            if self.has(record["sha256"]):
                latest[record["url"]] = record
        return latest
