"""Checks across cells of one series: parts above their whole, and changes that contradict the counts."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

# Groups whose figures are not a part of the `all` total: the total itself, totals that add
# operations to attacks, and the security forces' own operations.
NOT_PARTS_OF_ALL = ("all", "all-violence", "security-forces")
# (part, whole) metrics of one cell: a part can never exceed its whole.
PART_OF = (
    ("killed", "casualties"), ("injured", "casualties"),
    ("killed_civilians", "killed"), ("killed_security", "killed"), ("killed_militants", "killed"),
    ("killed_progov", "killed"),
    ("injured_civilians", "injured"), ("injured_security", "injured"), ("injured_militants", "injured"),
    ("killed_civilians", "casualties_civilians"), ("injured_civilians", "casualties_civilians"),
    ("suicide_killed", "suicide_casualties"), ("suicide_injured", "suicide_casualties"),
    ("suicide_attacks", "attacks"), ("suicide_killed", "killed"),
)
# A stated change may be rounded, or computed from provisional counts: beyond this many percentage
# points from the change the two years' counts give, the figures contradict each other.
CHANGE_TOLERANCE = 5.0


@dataclass(frozen=True)
class Inconsistency:
    """Two figures of one series that cannot both be right."""

    check: str
    severity: str  # "error" blocks publication; "warning" is reported
    series: str
    year: int
    country: str
    cell: str
    detail: str
    documents: tuple[str, ...]

    def line(self) -> str:
        return (f"{self.check}: {self.series} {self.country} {self.year} {self.cell}: {self.detail} "
                f"(documents {', '.join(d[:12] for d in self.documents)})")


def _lookup(series: pd.DataFrame) -> dict[tuple, tuple[float, str]]:
    return {(r.series, r.year, r.country, r.group, r.metric): (r.value, r.document_id)
            for r in series.itertuples(index=False)}


def check_consistency(series: pd.DataFrame) -> list[Inconsistency]:
    """Every inconsistency between cells of one series (never across series: they count different things)."""
    values = _lookup(series)
    found: list[Inconsistency] = []
    for (name, year, country, group, metric), (value, doc) in sorted(values.items()):
        if group not in NOT_PARTS_OF_ALL and not metric.endswith("_change_pct"):
            total = values.get((name, year, country, "all", metric))
            if total and value > total[0]:
                found.append(Inconsistency("group-above-total", "error", name, year, country, f"{group}/{metric}",
                                           f"{value:g} above the total {total[0]:g}", (doc, total[1])))
        for part, whole in PART_OF:
            if metric == part:
                other = values.get((name, year, country, group, whole))
                if other and value > other[0]:
                    found.append(Inconsistency("part-above-whole", "error", name, year, country, f"{group}/{metric}",
                                               f"{part} {value:g} above {whole} {other[0]:g}", (doc, other[1])))
        if metric.endswith("_change_pct"):
            base = metric.removesuffix("_change_pct")
            now, before = values.get((name, year, country, group, base)), values.get((name, year - 1, country, group, base))
            if now and before and before[0] > 0:
                computed = (now[0] - before[0]) / before[0] * 100
                if abs(computed - value) > CHANGE_TOLERANCE:
                    found.append(Inconsistency(
                        "change-contradicts-counts", "warning", name, year, country, f"{group}/{metric}",
                        f"states {value:+g}% but {before[0]:g} -> {now[0]:g} is {computed:+.1f}%", (doc, now[1], before[1])))
    return found
