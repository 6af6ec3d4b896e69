"""Where the project's bundled files live, and the layout of a data directory."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_DIR = ROOT / "data" / "reference"
EXPECTATIONS_DIR = ROOT / "expectations"
DEFAULT_SOURCES = ROOT / "data" / "sources.toml"
DEFAULT_DATA_DIR = ROOT / "data"


class UnsafePath(ValueError):
    """A name from a registry, URL or document would lead outside the data directory."""


@dataclass(frozen=True)
class DataDir:
    """The outputs of the pipeline under one directory: raw archive, published snapshots, run state."""

    root: Path

    @property
    def raw(self) -> Path:
        return self.root / "raw"

    @property
    def published(self) -> Path:
        return self.root / "published"

    @property
    def latest(self) -> Path:
        return self.published / "latest"

    @property
    def state(self) -> Path:
        return self.root / "state"

    def inside(self, path: Path) -> Path:
        """The path itself, once checked to resolve inside the data directory."""
        resolved = path.resolve()
        if not resolved.is_relative_to(self.root.resolve()):
            raise UnsafePath(f"{path} is outside the data directory {self.root}")
        return resolved
