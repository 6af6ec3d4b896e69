"""Reading the project's bundled reference files from disk."""
from __future__ import annotations

from pathlib import Path

from flows.paths import REFERENCE_DIR
from transforms.reference import Vocabulary, parse_vocabulary

REFERENCE_FILES = ("groups.csv", "metrics.csv", "countries.csv", "regions.csv")


def read_vocabulary(directory: Path = REFERENCE_DIR) -> Vocabulary:
    """The codebook vocabulary from the reference CSVs."""
    return parse_vocabulary(*((directory / name).read_text(encoding="utf-8") for name in REFERENCE_FILES))
