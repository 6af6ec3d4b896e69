"""Published versions: list, show, diff, the version `latest` was on a date, pins and pruning."""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq

from flows.archive import write_replacing
from flows.publish import TMP_PREFIX, latest_version, read_manifest
from transforms.diff import diff_cells, summarize_diff

PINS = "PINNED"


class UnknownVersion(LookupError):
    """No published snapshot has this version."""


@dataclass(frozen=True)
class VersionInfo:
    version: str
    created_at: str
    rows: dict[str, int]
    changes: dict[str, int]
    latest: bool
    pinned: bool


def versions(published: Path) -> list[str]:
    """Complete snapshots, oldest first (a half-written one is never listed: it has no manifest yet)."""
    if not published.exists():
        return []
    return sorted(p.name for p in published.iterdir()
                  if p.is_dir() and not p.is_symlink() and not p.name.startswith(TMP_PREFIX)
                  and (p / "manifest.json").exists())


def pinned(published: Path) -> set[str]:
    path = published / PINS
    return set(path.read_text().split()) if path.exists() else set()


def _write_pins(published: Path, pins: set[str]) -> None:
    # its temporary is named with TMP_PREFIX, so a run killed while writing leaves nothing remove_partial keeps
    write_replacing(published / PINS, "".join(f"{v}\n" for v in sorted(pins)).encode())


def check_version(published: Path, version: str) -> Path:
    if version not in versions(published):
        raise UnknownVersion(f"no snapshot {version!r} under {published}")
    return published / version


def pin(published: Path, version: str, on: bool = True) -> None:
    """Mark a version as kept by prune (or release it)."""
    check_version(published, version)
    pins = pinned(published)
    _write_pins(published, pins | {version} if on else pins - {version})


def describe_versions(published: Path) -> list[VersionInfo]:
    current, pins = latest_version(published), pinned(published)
    out = []
    for version in versions(published):
        manifest = read_manifest(published / version)
        changes = manifest["tables"].get("changes")
        counts = {}
        if changes:
            frame = pq.read_table(published / version / changes["file"], columns=["change"]).to_pandas()
            counts = frame["change"].astype(str).value_counts().to_dict()
        out.append(VersionInfo(version, manifest["created_at"], {n: t["rows"] for n, t in manifest["tables"].items()},
                               counts, version == current, version in pins))
    return out


def as_of(published: Path, day: date) -> str:
    """The version that was `latest` at the end of a day (UTC): the newest one created by then."""
    end = datetime.combine(day, time.max, tzinfo=timezone.utc)
    found = [v for v in versions(published) if datetime.fromisoformat(read_manifest(published / v)["created_at"]) <= end]
    if not found:
        raise UnknownVersion(f"no snapshot existed yet on {day.isoformat()}")
    return found[-1]


def diff_versions(published: Path, old: str, new: str) -> tuple[pd.DataFrame, str]:
    """The cells that differ between two versions, and a readable summary."""
    frames = [pq.read_table(check_version(published, v) / "series.parquet").to_pandas() for v in (old, new)]
    for frame in frames:
        for column in frame.select_dtypes("category").columns:
            frame[column] = frame[column].astype(str)
    changes = diff_cells(*frames)
    return changes, summarize_diff(changes, old, new)


def prune(published: Path, keep: int) -> list[str]:
    """Remove all but the newest `keep` versions; never `latest`, never a pinned one. Returns the removed."""
    if keep < 1:
        raise ValueError("keep must be at least 1")
    protected = pinned(published) | {latest_version(published)}
    all_versions = versions(published)
    doomed = [v for v in all_versions[: max(len(all_versions) - keep, 0)] if v not in protected]
    for version in doomed:
        # rename first: a reader never sees a half-deleted snapshot listed
        trash = published / f"{TMP_PREFIX}prune-{version}"
        os.rename(published / version, trash)
        shutil.rmtree(trash)
    return doomed


def show(published: Path, version: str) -> dict[str, Any]:
    """The manifest of a version, without its long lists."""
    manifest = read_manifest(check_version(published, version))
    short = {k: v for k, v in manifest.items() if k not in ("documents", "recipe", "tables")}
    short["tables"] = {n: {"rows": t["rows"], "sha256": t["sha256"]} for n, t in manifest["tables"].items()}
    short["documents"] = len(manifest.get("documents", []))
    short["changes.md"] = (published / version / "changes.md").read_text() if (published / version / "changes.md").exists() else None
    return short


def dumps(data: Any) -> str:
    return json.dumps(data, indent=1, default=str)
