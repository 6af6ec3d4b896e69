"""What code produced a snapshot: package version, git commit and a fingerprint of the pure core."""
from __future__ import annotations

import hashlib
import subprocess
from importlib import metadata

from flows.paths import REFERENCE_DIR, ROOT


def code_fingerprint() -> str:
    """sha256 over transforms/*.py and the reference CSVs: changes exactly when extraction may change."""
    digest = hashlib.sha256()
    files = sorted((ROOT / "transforms").glob("*.py")) + sorted(REFERENCE_DIR.glob("*.csv"))
    for path in files:
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def git_commit() -> str | None:
    """The checked-out commit, when the code runs from a git clone."""
    try:
        done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() or None if done.returncode == 0 else None


def code_version() -> dict[str, str | None]:
    try:
        package = metadata.version("incidents")
    except metadata.PackageNotFoundError:
        package = None
    return {"package": package, "git_commit": git_commit(), "transforms_sha256": code_fingerprint()}
