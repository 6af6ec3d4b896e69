"""Immutable, versioned snapshots: written beside, then made `latest` by an atomic pointer switch."""
from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from flows.archive import TMP_PREFIX, sha256_of
from transforms.datapackage import render_datapackage
from transforms.schema import describe

# Fixed writer settings: the same rows give the same bytes with the same pyarrow.
PARQUET_OPTIONS = dict(compression="zstd", compression_level=9, use_dictionary=True, write_statistics=True,
                       version="2.6", data_page_version="1.0", store_schema=True)


class SchemaMismatch(ValueError):
    """A frame does not fit its table's schema (a missing column, a value of the wrong type)."""


@dataclass(frozen=True)
class Published:
    version: str
    path: Path
    new: bool  # False when the data equalled `latest` and nothing was written


def to_arrow(frame: pd.DataFrame, schema: pa.Schema, name: str) -> pa.Table:
    """The frame as an Arrow table of exactly the schema, column descriptions in the field metadata."""
    missing = [f.name for f in schema if f.name not in frame.columns]
    if missing:
        raise SchemaMismatch(f"{name}: missing columns {missing}")
    try:
        table = pa.Table.from_pandas(frame[schema.names], schema=schema, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError) as error:
        raise SchemaMismatch(f"{name}: {error}") from error
    # pandas' own metadata stays: pd.read_parquet then restores nullable Int32 counts instead of floats
    return table.replace_schema_metadata({**(table.schema.metadata or {}), b"table": name.encode()})


def logical_hash(table: pa.Table) -> str:
    """sha256 of the rows as canonical JSON lines: survives a pyarrow upgrade that changes Parquet bytes."""
    encode = json.JSONEncoder(sort_keys=True, separators=(",", ":"), default=str).encode
    names = table.column_names
    digest = hashlib.sha256()
    # column lists zipped into rows, a batch at a time: Table.to_pylist() row dicts were most of the time
    for batch in table.to_batches(max_chunksize=16_384):
        columns = [column.to_pylist() for column in batch.columns]
        digest.update("".join(encode(dict(zip(names, row))) + "\n" for row in zip(*columns)).encode())
    return digest.hexdigest()


def parquet_bytes(table: pa.Table) -> bytes:
    buffer = io.BytesIO()
    pq.write_table(table, buffer, row_group_size=max(len(table), 1), **PARQUET_OPTIONS)
    return buffer.getvalue()


def content_hash(hashes: dict[str, str]) -> str:
    return hashlib.sha256(json.dumps(hashes, sort_keys=True).encode()).hexdigest()


def read_manifest(snapshot: Path) -> dict[str, Any]:
    return json.loads((snapshot / "manifest.json").read_text(encoding="utf-8"))


def latest_version(published: Path) -> str | None:
    """The version `latest` points at, or None before the first publication."""
    latest = published / "latest"
    return os.readlink(latest) if latest.is_symlink() else None


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_file(path: Path, body: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(body)
        handle.flush()
        os.fsync(handle.fileno())


def remove_partial(published: Path) -> list[str]:
    """Remove what killed runs left half-written (temporary snapshot dirs and pointers)."""
    removed = []
    if published.exists():
        for path in published.iterdir():
            if path.name.startswith(TMP_PREFIX):
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path)
                else:
                    path.unlink()
                removed.append(path.name)
    return removed


def switch_latest(published: Path, version: str) -> None:
    """Point `latest` at a version with one rename, so readers see the old or the new, never neither."""
    pointer = published / f"{TMP_PREFIX}latest-{os.getpid()}"
    if pointer.is_symlink() or pointer.exists():
        pointer.unlink()
    os.symlink(version, pointer)
    os.replace(pointer, published / "latest")
    _fsync_dir(published)


def unchanged_version(published: Path, tables: dict[str, tuple[pd.DataFrame, pa.Schema]]) -> str | None:
    """The `latest` version when these tables hold exactly its rows, else None."""
    current = latest_version(published)
    if current is None:
        return None
    digest = content_hash({name: logical_hash(to_arrow(frame, schema, name)) for name, (frame, schema) in tables.items()})
    return current if read_manifest(published / current).get("content_hash") == digest else None


def publish_snapshot(
    published: Path,
    tables: dict[str, tuple[pd.DataFrame, pa.Schema]],
    manifest: dict[str, Any],
    validation: dict[str, Any],
    now: datetime,
    *,
    companions: dict[str, tuple[pd.DataFrame, pa.Schema]] | None = None,
    files: dict[str, bytes] | None = None,
) -> Published:
    """Write a new snapshot beside the others and switch `latest` to it; nothing when the data is unchanged.

    `tables` are the data (their rows decide whether anything changed); `companions` are tables about
    the release (its changes) and `files` other documents (chart, summaries), written alongside.
    """
    arrow = {name: to_arrow(frame, schema, name) for name, (frame, schema) in tables.items()}
    hashes = {name: logical_hash(table) for name, table in arrow.items()}
    digest = content_hash(hashes)
    published.mkdir(parents=True, exist_ok=True)
    current = latest_version(published)
    if current and read_manifest(published / current).get("content_hash") == digest:
        return Published(current, published / current, new=False)
    arrow.update({name: to_arrow(frame, schema, name) for name, (frame, schema) in (companions or {}).items()})

    version = f"{now:%Y%m%dT%H%M%SZ}-{digest[:8]}"
    staging = published / f"{TMP_PREFIX}{version}-{os.getpid()}"
    staging.mkdir()
    described = {}
    for name, table in arrow.items():
        body = parquet_bytes(table)
        _write_file(staging / f"{name}.parquet", body)
        described[name] = {
            "file": f"{name}.parquet",
            "rows": table.num_rows,
            "bytes": len(body),
            "sha256": sha256_of(body),
            "logical_sha256": logical_hash(table) if name not in hashes else hashes[name],
            "columns": [dict(zip(("name", "type", "description", "nullable"), c)) for c in describe(table.schema)],
        }
    others = {"validation.json": json.dumps(validation, indent=1, sort_keys=True, default=str).encode(), **(files or {})}
    package = render_datapackage(version, now.isoformat(), described, {n: t.schema for n, t in arrow.items()})
    others["datapackage.json"] = json.dumps(package, indent=1).encode()
    for name, body in others.items():
        _write_file(staging / name, body)
    full = {
        "version": version,
        "created_at": now.isoformat(),
        "previous": current,
        "content_hash": digest,
        "tables": described,
        "files": {**{f["file"]: f["sha256"] for f in described.values()},
                  **{name: sha256_of(body) for name, body in others.items()}},
        **manifest,
    }
    _write_file(staging / "manifest.json", json.dumps(full, indent=1, sort_keys=True, default=str).encode())
    _fsync_dir(staging)
    target = published / version
    os.rename(staging, target)
    _fsync_dir(published)
    switch_latest(published, version)
    return Published(version, target, new=True)


def read_latest_table(published: Path, name: str) -> pd.DataFrame | None:
    """A table of the `latest` snapshot, or None before the first publication."""
    version = latest_version(published)
    if version is None:
        return None
    frame = pq.read_table(published / version / f"{name}.parquet").to_pandas()
    # dictionary columns come back as categoricals; the pipeline works on plain strings
    for column in frame.select_dtypes("category").columns:
        frame[column] = frame[column].astype(str)
    return frame
