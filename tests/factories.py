"""Small builders of figures and documents for tests."""
from __future__ import annotations

from transforms.model import DocumentInfo, Extraction, Figure


def figure(year, country, group, metric, value, *, approx=False, value_high=None, evidence=None, rule="test"):
    evidence = evidence or f"{group} {metric} {value} in {year}"
    return Figure(year=year, country=country, group=group, metric=metric, value=value, evidence=evidence,
                  start=0, end=len(evidence), rule=rule, value_high=value_high, approx=approx)


def info(document, *, source_id="src-a", publisher="PIPS", trust=1, published="2018-01-05", sha=None,
         series=None, primary=True):
    sha = sha or (document.encode().hex() * 64)[:64]
    return DocumentInfo(source_id, publisher, trust, sha, document, f"samples/{document}", published,
                        series or publisher, primary)


PRIORITY = {"PAK": ["PIPS", "PICSS", "CRSS"], "AFG": ["UNAMA"]}


def tables_of(facts, vocabulary, priority=None):
    """(series, incidents) of facts, reconciled with a small priority list."""
    from transforms.normalize import reconcile_cells, reconcile_series

    series = reconcile_series(facts, PRIORITY if priority is None else priority)
    return series, reconcile_cells(series, facts, vocabulary)


def extraction(*figures):
    return Extraction(figures=tuple(figures))
