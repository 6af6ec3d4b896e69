"""Reading the project's bundled reference files from disk."""
from __future__ import annotations

from pathlib import Path

from flows.paths import REFERENCE_DIR
from transforms.reference import Vocabulary, parse_vocabulary
from transforms.series import Publishers, parse_publishers, parse_series_priority

REFERENCE_FILES = ("groups.csv", "metrics.csv", "countries.csv", "regions.csv")


def read_vocabulary(directory: Path = REFERENCE_DIR) -> Vocabulary:
    """The codebook vocabulary from the reference CSVs."""
    return parse_vocabulary(*((directory / name).read_text(encoding="utf-8") for name in REFERENCE_FILES))


def read_publishers(directory: Path = REFERENCE_DIR) -> Publishers:
    """The organisations whose figures form series."""
    return parse_publishers((directory / "publishers.csv").read_text(encoding="utf-8"))


def read_series_priority(directory: Path = REFERENCE_DIR) -> dict[str, list[str]]:
    """For each country, its series from most to least preferred."""
    return parse_series_priority((directory / "series_priority.csv").read_text(encoding="utf-8"))
