"""How a snapshot's facts were made, kept in its manifest so that the version can be rebuilt from the archive."""
from __future__ import annotations

from typing import Any

from flows.registry import Source
from flows.sources import DocumentRef
from transforms.model import Extraction, Figure

SOURCE_SETTINGS = ("id", "kind", "publisher", "trust", "format", "country")


def source_settings(source: Source) -> dict[str, Any]:
    """What extraction and reconciliation read from a registry entry."""
    return {key: getattr(source, key) for key in SOURCE_SETTINGS}


def recipe_entry(ref: DocumentRef, source: Source, years: tuple[int, int] | None) -> dict[str, Any]:
    """One archived document, the settings of its source, and the years of its figures the snapshot keeps."""
    return {"sha256": ref.sha256, "name": ref.name, "location": ref.location, "content_type": ref.content_type,
            "source": source_settings(source), "years": list(years) if years else None, "exclude": []}


def carry_over(previous: list[dict[str, Any]], years: tuple[int, int], source_ids: list[str]) -> list[dict[str, Any]]:
    """The previous recipe after a backfill of `years` from `source_ids`: those sources' figures of those years go."""
    kept = []
    for entry in previous:
        if entry["source"]["id"] in source_ids:
            entry = {**entry, "exclude": [*entry["exclude"], list(years)]}
        kept.append(entry)
    return kept


def keeps(entry: dict[str, Any], figure: Figure) -> bool:
    """Whether the snapshot keeps this figure of the entry's document."""
    if entry["years"] and not entry["years"][0] <= figure.year <= entry["years"][1]:
        return False
    return not any(first <= figure.year <= last for first, last in entry["exclude"])


def filter_extraction(entry: dict[str, Any], extraction: Extraction) -> Extraction:
    """The extraction with only the figures the recipe keeps."""
    return Extraction(tuple(f for f in extraction.figures if keeps(entry, f)), extraction.drops)
