"""The trend chart shipped in each snapshot: each country's series by group, for readers without code."""
from __future__ import annotations

import io

import pandas as pd

METRICS = ("attacks", "killed")


def render_chart(incidents: pd.DataFrame) -> bytes:
    """PNG bytes: one panel per (country, metric), one line per group with at least two years."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    countries = sorted(incidents["country"].unique())
    figure, axes = plt.subplots(len(countries) or 1, len(METRICS), figsize=(12, 3.6 * max(len(countries), 1)),
                                squeeze=False)
    for row, country in enumerate(countries):
        rows = incidents.loc[incidents["country"] == country]
        for col, metric in enumerate(METRICS):
            axis = axes[row][col]
            for group, lines in rows.groupby("group", sort=True):
                points = lines[["year", metric]].dropna().sort_values("year")
                if len(points) >= 2:
                    axis.plot(points["year"], points[metric].astype(float), marker="o", label=group)
            axis.set_title(f"{country}: {metric}")
            axis.grid(alpha=0.3)
            if axis.get_legend_handles_labels()[0]:
                axis.legend(fontsize=7)
    figure.tight_layout()
    buffer = io.BytesIO()
    # no creation date or software version in the file: the same data draws the same bytes
    figure.savefig(buffer, format="png", dpi=90, metadata={"Software": None})
    plt.close(figure)
    return buffer.getvalue()
