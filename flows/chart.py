"""The trend chart shipped in each snapshot: each country's series by group, for readers without code."""
from __future__ import annotations

import io

import pandas as pd

PANELS_PER_COUNTRY = 2
# the metrics a reader looks for first; a country whose reports count other things (UNAMA's
# civilian casualties) gets its own best-covered metrics instead
PREFERRED = ("attacks", "killed", "casualties_civilians", "killed_civilians", "incidents", "injured")


def chart_metrics(rows: pd.DataFrame) -> list[str]:
    """The metrics with the most (year, group) values for one country, preferred ones first on ties."""
    counts = {m: int(rows[m].notna().sum()) for m in PREFERRED if m in rows}
    ranked = sorted((m for m in counts if counts[m] > 0), key=lambda m: (-counts[m], PREFERRED.index(m)))
    return ranked[:PANELS_PER_COUNTRY]


def render_chart(incidents: pd.DataFrame) -> bytes:
    """PNG bytes: one panel per (country, metric), one line per group with at least two years."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.ticker import MaxNLocator

    countries = sorted(incidents["country"].unique())
    figure, axes = plt.subplots(max(len(countries), 1), PANELS_PER_COUNTRY,
                                figsize=(12, 3.6 * max(len(countries), 1)), squeeze=False)
    for row, country in enumerate(countries):
        rows = incidents.loc[incidents["country"] == country]
        metrics = chart_metrics(rows)
        for col in range(PANELS_PER_COUNTRY):
            axis = axes[row][col]
            if col >= len(metrics):
                axis.set_axis_off()
                continue
            metric = metrics[col]
            for group, lines in rows.groupby("group", sort=True):
                points = lines[["year", metric]].dropna().sort_values("year")
                if len(points):
                    axis.plot(points["year"], points[metric].astype(float), marker="o", label=group)
            axis.set_title(f"{country}: {metric}")
            axis.xaxis.set_major_locator(MaxNLocator(integer=True))
            axis.grid(alpha=0.3)
            if axis.get_legend_handles_labels()[0]:
                axis.legend(fontsize=7)
    figure.tight_layout()
    buffer = io.BytesIO()
    # no creation date or software version in the file: the same data draws the same bytes
    figure.savefig(buffer, format="png", dpi=90, metadata={"Software": None})
    plt.close(figure)
    return buffer.getvalue()
