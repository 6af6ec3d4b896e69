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
                (info.source_id, info.publisher, info.trust, info.series or info.publisher, info.primary,
                 info.document_id, info.document, info.location,
                 info.published, f.year, f.country, f.group, f.metric, float(f.value),
                 None if f.value_high is None else float(f.value_high), bool(f.approx), f.evidence,
                 f.start, f.end, f.rule)
            )
    return normalize_facts(pd.DataFrame.from_records(rows, columns=list(FACT_COLUMNS)))


def normalize_facts(facts: pd.DataFrame) -> pd.DataFrame:
    """Typed, de-duplicated (same document, cell and value: the first evidence) and sorted facts."""
    frame = facts.astype(
        {"trust": "int16", "primary": "bool", "year": "int16", "value": "float64", "value_high": "float64", "approx": "bool",
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


def _series_rank(series: pd.DataFrame, priority: dict[str, list[str]]) -> pd.Series:
    """Position of each row's series in its country's priority list; unlisted series come after, by trust."""
    def rank(row: pd.Series) -> tuple[int, int, str]:
        listed = priority.get(row["country"], [])
        position = listed.index(row["series"]) if row["series"] in listed else len(listed)
        return (position, int(row["trust"]), row["series"])

    return series.apply(rank, axis=1)


def reconcile_series(facts: pd.DataFrame, priority: dict[str, list[str]]) -> pd.DataFrame:
    """One row per (cell, series): the series' best figure, its spread across documents, and which is selected.

    Within a series the best figure comes from the most trusted source, then the organisation's own
    report over coverage of it, then the latest publication, then an exact figure over a hedged one.
    Across series nothing is averaged or compared: the country's priority list picks one series per cell.
    """
    ranked = facts.assign(
        _published=facts["published"].fillna(""), _hedged=facts["approx"].astype(int), _secondary=~facts["primary"]
    ).sort_values(
        [*CELL, "series", "trust", "_secondary", "_published", "_hedged", "document_id", "evidence_start"],
        ascending=[True] * 5 + [True, True, False, True, True, True],
        kind="stable",
    )
    best = ranked.drop_duplicates(subset=[*CELL, "series"], keep="first")
    spread = facts.groupby([*CELL, "series"], sort=False).agg(
        n_documents=("document_id", "nunique"), value_min=("value", "min"), value_max=("value", "max")
    )
    series = best.merge(spread.reset_index(), on=[*CELL, "series"], how="left")
    series["conflict"] = series["value_min"] != series["value_max"]
    if len(series):
        order = _series_rank(series, priority)
        chosen = series.assign(_rank=order).sort_values([*CELL, "_rank"], kind="stable").drop_duplicates(list(CELL))
        series["selected"] = series.index.isin(chosen.index)
    else:
        series["selected"] = pd.Series(dtype=bool)
    columns = ["year", "country", "group", "metric", "series", "value", "value_high", "approx", "n_documents",
               "value_min", "value_max", "conflict", "selected", "source_id", "document_id", "published", "evidence"]
    series = series[columns].astype({"n_documents": "int16", "year": "int16"})
    return series.sort_values([*CELL, "series"], kind="stable").reset_index(drop=True)


def reconcile_cells(series: pd.DataFrame, facts: pd.DataFrame, vocabulary: Vocabulary) -> pd.DataFrame:
    """The incidents table: one row per (year, country, group), each metric from its selected series."""
    count_metrics = vocabulary.count_metrics
    change_metrics = vocabulary.change_metrics
    chosen = series.loc[series["selected"]]
    wide = chosen.pivot(index=list(KEY), columns="metric", values="value")
    wide = wide.reindex(columns=[*count_metrics, *change_metrics])
    per_row = chosen.sort_values("metric").groupby(list(KEY), sort=True)
    provenance = pd.DataFrame({
        "cell_series": per_row.apply(lambda rows: list(zip(rows["metric"], rows["series"])), include_groups=False),
        "conflicts": per_row.apply(lambda rows: sorted(rows.loc[rows["conflict"], "metric"]), include_groups=False),
    })
    support = facts.groupby(list(KEY), sort=True).agg(
        n_documents=("document_id", "nunique"),
        sources=("source_id", lambda ids: sorted(set(ids))),
    )
    table = wide.join(provenance, how="left").join(support, how="left").reset_index()
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
