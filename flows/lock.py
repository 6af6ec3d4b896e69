"""One run at a time per data directory: an exclusive lock the kernel drops if the process dies."""
from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


class RunInProgress(RuntimeError):
    """Another run holds the data directory's lock."""


@contextmanager
def run_lock(state_dir: Path, wait: bool = False) -> Iterator[None]:
    """Hold the data directory's run lock; refuse at once (or wait) when another run has it."""
    state_dir.mkdir(parents=True, exist_ok=True)
    path = state_dir / "run.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "unknown"
            raise RunInProgress(f"another run (pid {holder}) is using {state_dir.parent}; try again when it ends") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)
