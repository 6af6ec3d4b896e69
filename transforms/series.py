"""Which organisation's series a document's figures belong to, and the per-country priority of series."""
from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass

from transforms.model import Document
from transforms.reference import ReferenceDataError, _Matcher, parse_alias


@dataclass(frozen=True)
class Publishers:
    """Organisations whose figures form a series (PIPS, PICSS, UNAMA ...), with the names reports use."""

    kinds: dict[str, str]  # id -> kind (think-tank, monitor, index)
    matcher: _Matcher

    def find(self, text: str) -> list[str]:
        """Ids of the organisations named in a text, in order of appearance."""
        return [m.target for m in self.matcher.find(text)]

    def canonical(self, name: str) -> str | None:
        """The organisation a registry's publisher string names, if any."""
        found = self.find(name)
        return found[0] if found else None


def parse_publishers(text: str) -> Publishers:
    """publishers.csv: id, name, kind and `;`-separated aliases."""
    kinds, aliases = {}, []
    for row in csv.DictReader(io.StringIO(text)):
        if row["id"] in kinds:
            raise ReferenceDataError(f"publishers.csv: duplicate id {row['id']!r}")
        kinds[row["id"]] = row["kind"]
        aliases += [parse_alias(a, row["id"]) for a in [row["id"], row["name"], *row["aliases"].split(";")] if a.strip()]
    return Publishers(kinds, _Matcher(aliases))


def parse_series_priority(text: str) -> dict[str, list[str]]:
    """series_priority.csv: for each country, its series from most to least preferred."""
    rows = sorted(csv.DictReader(io.StringIO(text)), key=lambda r: (r["country"], int(r["rank"])))
    priority: dict[str, list[str]] = {}
    for row in rows:
        priority.setdefault(row["country"], []).append(row["series"])
    return priority


def identify_series(document: Document, publishers: Publishers, source_publisher: str) -> tuple[str, bool]:
    """(series, primary): the organisation whose figures the document gives, and whether it is its own report.

    A source run by an organisation speaks for it; otherwise the header's source_org names the
    organisation behind the figures ("PICSS via The Nation"); otherwise the organisation the text
    credits most often; otherwise the registry's publisher (original reporting).
    """
    own = publishers.canonical(source_publisher)
    if own is not None:
        return own, True
    if document.source_org:
        named = publishers.find(document.source_org)
        if named:
            return named[0], False
    mentions = publishers.find(document.text)
    if mentions:
        counts = Counter(mentions)
        best = max(counts.values())
        return next(m for m in mentions if counts[m] == best), False
    return source_publisher, True
