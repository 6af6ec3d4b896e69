"""Figures to the facts table, and facts reconciled into the year x country x group incidents table."""
from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from transforms.model import DocumentInfo, Extraction
from transforms.reference import Vocabulary
from transforms.schema import FACTS, FACTS_ORDER, KEY


class UnknownCode(ValueError):
    """A figure names a group, metric or country that the codebook does not know."""


FACT_COLUMNS = tuple(FACTS.names)
CELL = ("year", "country", "group", "metric")


def figures_to_facts(extractions: Iterable[tuple[DocumentInfo, Extraction]]) -> pd.DataFrame:
    """One row per extracted figure, with its document's provenance."""
    rows = []
    for info, extraction in extractions:
        for f in extraction.figures:
            rows.append(
                (info.source_id, info.publisher, info.trust, info.document_id, info.document, info.location,
                 info.published, f.year, f.country, f.group, f.metric, float(f.value),
                 None if f.value_high is None else float(f.value_high), bool(f.approx), f.evidence,
                 f.start, f.end, f.rule)
            )
    return normalize_facts(pd.DataFrame.from_records(rows, columns=list(FACT_COLUMNS)))


def normalize_facts(facts: pd.DataFrame) -> pd.DataFrame:
    """Typed, de-duplicated (same document, cell and value: the first evidence) and sorted facts."""
    frame = facts.astype(
        {"trust": "int16", "year": "int16", "value": "float64", "value_high": "float64", "approx": "bool",
         "evidence_start": "int32", "evidence_end": "int32"}
    )
    frame = frame.sort_values(list(FACTS_ORDER), kind="stable")
    frame = frame.drop_duplicates(subset=["document_id", *CELL, "value", "value_high"], keep="first")
    return frame.reset_index(drop=True)[list(FACT_COLUMNS)]


def check_codes(facts: pd.DataFrame, vocabulary: Vocabulary) -> None:
    """Raise UnknownCode naming the first document that uses an id the codebook lacks."""
    for column, known in (("group", vocabulary.groups), ("metric", vocabulary.metrics), ("country", vocabulary.countries)):
        unknown = facts.loc[~facts[column].isin(list(known))]
        if len(unknown):
            row = unknown.iloc[0]
            raise UnknownCode(f"{row['document']}: unknown {column} {row[column]!r} ({len(unknown)} rows)")


def _published_order(published: pd.Series) -> pd.Series:
    """Publication dates as sortable strings; unknown dates sort first (least recent)."""
    return published.fillna("")


def choose_candidates(facts: pd.DataFrame) -> pd.DataFrame:
    """One fact per cell: the most trusted source, then the latest publication, then the most precise."""
    ranked = facts.assign(
        _published=_published_order(facts["published"]),
        _not_exact=facts["approx"].astype(int),
    ).sort_values(
        [*CELL, "trust", "_published", "_not_exact", "document_id", "evidence_start"],
        ascending=[True, True, True, True, True, False, True, True, True],
        kind="stable",
    )
    return ranked.drop_duplicates(subset=list(CELL), keep="first").drop(columns=["_published", "_not_exact"])


def reconcile_cells(facts: pd.DataFrame, vocabulary: Vocabulary) -> pd.DataFrame:
    """The incidents table: one row per (year, country, group), one column per codebook metric."""
    count_metrics = vocabulary.count_metrics
    change_metrics = vocabulary.change_metrics
    chosen = choose_candidates(facts)
    wide = chosen.pivot(index=list(KEY), columns="metric", values="value")
    wide = wide.reindex(columns=[*count_metrics, *change_metrics])
    support = facts.groupby(list(KEY), sort=True).agg(
        n_documents=("document_id", "nunique"),
        sources=("source_id", lambda ids: sorted(set(ids))),
    )
    table = wide.join(support, how="left").reset_index()
    for metric in count_metrics:
        table[metric] = table[metric].round().astype("Int32")
    for metric in change_metrics:
        table[metric] = table[metric].astype("Float64")
    table["year"] = table["year"].astype("int16")
    table["n_documents"] = table["n_documents"].astype("int16")
    table.columns.name = None
    return table.sort_values(list(KEY), kind="stable").reset_index(drop=True)


def merge_backfill(
    previous: pd.DataFrame, fresh: pd.DataFrame, first_year: int, last_year: int, source_ids: Sequence[str]
) -> pd.DataFrame:
    """Previous facts with the backfilled years (of the given sources) replaced by fresh ones."""
    in_years = previous["year"].between(first_year, last_year)
    replaced = in_years & previous["source_id"].isin(list(source_ids))
    fresh_in_years = fresh.loc[fresh["year"].between(first_year, last_year) & fresh["source_id"].isin(list(source_ids))]
    return normalize_facts(pd.concat([previous.loc[~replaced], fresh_in_years], ignore_index=True))
