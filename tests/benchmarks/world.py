"""The synthetic world behind the benchmark's reports: each organisation's yearly figures, consistent by construction.

Every (organisation, country, year) gets its own figures from a seeded generator, so the same seed gives the
same world whatever the corpus size. Parts never exceed their whole (victim types within the killed, groups
within the total, suicide attacks within attacks), so validation's consistency checks can pass.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

FIRST_YEAR, LAST_YEAR = 2008, 2025

# organisation -> (country, weight among documents, the kind of figures it publishes)
ORGANISATIONS = {
    "PIPS": ("PAK", 0.28, "groups"),
    "PICSS": ("PAK", 0.20, "scopes"),
    "CRSS": ("PAK", 0.14, "violence"),
    "UNAMA": ("AFG", 0.22, "civilians"),
    "GTI": ("PAK", 0.16, "index"),
}
PAK_GROUPS = ("ttp", "nationalist-insurgents", "sectarian", "islamic-state")
AFG_PARTIES = ("anti-government-elements", "pro-government-forces", "unattributed")


@dataclass(frozen=True)
class YearFigures:
    """One organisation's figures for one country and year: (group, metric) -> value."""

    organisation: str
    country: str
    year: int
    values: dict[tuple[str, str], int]

    def get(self, group: str, metric: str) -> int | None:
        return self.values.get((group, metric))


def _split(rng: random.Random, total: int, parts: int, share: float) -> list[int]:
    """`parts` values that add up to at most share * total, none of them zero."""
    weights = [rng.uniform(0.3, 1.0) for _ in range(parts)]
    scale = share * total / sum(weights)
    return [max(1, int(w * scale)) for w in weights]


def _groups(rng: random.Random, values: dict, total_attacks: int, killed: int, injured: int) -> None:
    shares = _split(rng, 1000, len(PAK_GROUPS), rng.uniform(0.7, 0.95))
    for group, share in zip(PAK_GROUPS, shares):
        values[(group, "attacks")] = max(1, total_attacks * share // 1000)
        values[(group, "killed")] = max(1, killed * share // 1000)
        values[(group, "injured")] = max(1, injured * share // 1000)


def year_figures(seed: int, organisation: str, year: int) -> YearFigures:
    """The figures an organisation reports for a year; the same (seed, organisation, year) always gives the same."""
    country, _, kind = ORGANISATIONS[organisation]
    rng = random.Random(f"{seed}/{organisation}/{year}")
    values: dict[tuple[str, str], int] = {}
    if kind == "civilians":
        casualties = rng.randint(7000, 11500)
        killed = int(casualties * rng.uniform(0.28, 0.36))
        values[("all", "casualties_civilians")] = casualties
        values[("all", "killed_civilians")] = killed
        values[("all", "injured_civilians")] = casualties - killed
        for party, part in zip(AFG_PARTIES, _split(rng, casualties, 3, rng.uniform(0.85, 0.98))):
            values[(party, "casualties_civilians")] = part
        return YearFigures(organisation, country, year, values)
    attacks = rng.randint(180, 1400)
    killed = int(attacks * rng.uniform(1.1, 2.6))
    injured = int(killed * rng.uniform(1.2, 2.1))
    if kind == "index":
        values[("all", "killed")] = killed
        return YearFigures(organisation, country, year, values)
    if kind == "violence":
        values[("all-violence", "killed")] = killed + rng.randint(150, 600)
        values[("all-violence", "injured")] = injured + rng.randint(100, 500)
        values[("security-forces", "operations")] = rng.randint(60, 400)
        values[("all", "suicide_attacks")] = rng.randint(2, 30)
        return YearFigures(organisation, country, year, values)
    values[("all", "attacks")] = attacks
    values[("all", "killed")] = killed
    values[("all", "injured")] = injured
    civilians, security, militants = _split(rng, killed, 3, 1.0)
    values[("all", "killed_civilians")] = civilians
    values[("all", "killed_security")] = security
    values[("all", "killed_militants")] = militants
    suicide = rng.randint(2, max(3, attacks // 25))
    values[("all", "suicide_attacks")] = suicide
    values[("all", "suicide_killed")] = min(killed // 2, suicide * rng.randint(4, 12))
    if kind == "groups":
        _groups(rng, values, attacks, killed, injured)
    else:  # scopes: militant attacks, security-force actions, and the two together
        operations = rng.randint(100, 700)
        values[("security-forces", "operations")] = operations
        values[("security-forces", "killed_militants")] = rng.randint(150, 1500)
        values[("all-violence", "incidents")] = attacks + operations
    return YearFigures(organisation, country, year, values)


def change_pct(now: int, before: int) -> int:
    """The whole-percent change a report would state between two years' counts."""
    return round((now - before) / before * 100)
