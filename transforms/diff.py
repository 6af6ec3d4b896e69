"""What changed between two releases: cells added, removed and changed, with the evidence of the new value."""
from __future__ import annotations

import pandas as pd

CELL = ["year", "country", "group", "metric"]
CHANGE_COLUMNS = ["change", *CELL, "old_value", "new_value", "old_series", "new_series", "document_id", "evidence"]


def selected_cells(series: pd.DataFrame) -> pd.DataFrame:
    """The cells of the incidents table in long form: the selected series' value for each cell."""
    return series.loc[series["selected"], [*CELL, "series", "value", "document_id", "evidence"]]


def diff_cells(old: pd.DataFrame | None, new: pd.DataFrame) -> pd.DataFrame:
    """Rows of (change, cell, old and new value and series, evidence of the new value); `old` None = all added."""
    new_cells = selected_cells(new)
    if old is None:
        old_cells = new_cells.iloc[0:0]
    else:
        old_cells = selected_cells(old)
    merged = old_cells.merge(new_cells, on=CELL, how="outer", suffixes=("_old", "_new"), indicator=True)
    change = pd.Series("changed", index=merged.index)
    change[merged["_merge"] == "left_only"] = "removed"
    change[merged["_merge"] == "right_only"] = "added"
    same = (merged["_merge"] == "both") & (merged["value_old"] == merged["value_new"]) & (
        merged["series_old"] == merged["series_new"])
    out = pd.DataFrame({
        "change": change, **{c: merged[c] for c in CELL},
        "old_value": merged["value_old"], "new_value": merged["value_new"],
        "old_series": merged["series_old"], "new_series": merged["series_new"],
        "document_id": merged["document_id_new"], "evidence": merged["evidence_new"],
    }).loc[~same]
    out["year"] = out["year"].astype("int16")
    return out.sort_values([*CELL], kind="stable").reset_index(drop=True)[CHANGE_COLUMNS]


def _value(value: float) -> str:
    return f"{value:g}" if pd.notna(value) else "—"


def summarize_diff(changes: pd.DataFrame, old_version: str | None, new_version: str, limit: int = 30) -> str:
    """A short readable account of a diff (markdown)."""
    counts = changes["change"].value_counts()
    head = (f"# Changes in {new_version}" + (f" since {old_version}" if old_version else " (first release)") + "\n\n"
            f"{counts.get('added', 0)} cells added, {counts.get('changed', 0)} changed, {counts.get('removed', 0)} removed.\n")
    lines = []
    for row in changes.head(limit).itertuples(index=False):
        cell = f"{row.year} {row.country} {row.group} {row.metric}"
        if row.change == "added":
            lines.append(f"- added {cell} = {_value(row.new_value)} ({row.new_series})")
        elif row.change == "removed":
            lines.append(f"- removed {cell} (was {_value(row.old_value)}, {row.old_series})")
        else:
            lines.append(f"- changed {cell}: {_value(row.old_value)} ({row.old_series}) -> {_value(row.new_value)} "
                         f"({row.new_series}): \"{row.evidence}\"")
    more = len(changes) - limit
    return head + ("\n" + "\n".join(lines) + "\n" if lines else "") + (f"\n... and {more} more (changes.parquet)\n" if more > 0 else "")
