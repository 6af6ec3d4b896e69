"""The codebook's vocabulary (groups with aliases, metrics, countries, regions), parsed from its CSV text."""
from __future__ import annotations

import csv
import io
import re
from collections import OrderedDict
from dataclasses import dataclass


class ReferenceDataError(ValueError):
    """The reference CSVs break an assumption the pipeline relies on."""


@dataclass(frozen=True)
class Alias:
    """One name a report may use for a group, country or region."""

    text: str
    target: str  # group id, ISO3 code or region name
    case_sensitive: bool
    country: str | None = None  # the alias means this target only in a text about this country


@dataclass(frozen=True)
class Mention:
    """Where an alias occurs in a text."""

    start: int
    end: int
    target: str
    alias: Alias


@dataclass(frozen=True)
class Metric:
    id: str
    kind: str  # "count" or "change"
    base: str | None
    unit: str
    description: str


@dataclass(frozen=True)
class Group:
    id: str
    label: str
    description: str
    aliases: tuple[Alias, ...]


@dataclass(frozen=True)
class Region:
    name: str
    country: str
    kind: str


_COUNTRY_TAG = re.compile(r"^(?P<text>.*?)\s*\[(?P<country>[A-Z]{3})\]$")


def _rows(text: str, required: set[str], what: str) -> list[dict[str, str]]:
    rows = list(csv.DictReader(io.StringIO(text)))
    if not rows:
        raise ReferenceDataError(f"{what}: no rows")
    missing = required - set(rows[0])
    if missing:
        raise ReferenceDataError(f"{what}: missing columns {sorted(missing)}")
    return rows


def parse_alias(text: str, target: str) -> Alias:
    """An alias cell: all-capital acronyms match case-sensitively; 'Taliban [AFG]' only in AFG texts."""
    text = text.strip()
    country = None
    tagged = _COUNTRY_TAG.match(text)
    if tagged:
        text, country = tagged["text"], tagged["country"]
    letters = [c for c in text if c.isalpha()]
    case_sensitive = bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 5
    return Alias(text=text, target=target, case_sensitive=case_sensitive, country=country)


def _alias_pattern(aliases: list[Alias], names: list[str] | None = None) -> re.Pattern[str] | None:
    """One regex over all aliases, longest first, bounded by non-word characters.

    Without `names` the aliases are sorted longest first and named a0, a1 ... in that order; with
    `names` they are taken in the order given, already sorted, and named by it.
    """
    if not aliases:
        return None
    ordered = sorted(aliases, key=lambda a: -len(a.text)) if names is None else aliases
    names = names or [f"a{index}" for index in range(len(ordered))]
    parts = []
    for name, alias in zip(names, ordered):
        # a hyphen may be written as a space or dropped, a space as any run of spaces or a hyphen
        body = re.escape(alias.text).replace(r"\-", "\0").replace(r"\ ", r"[\s\-]+").replace("\0", r"[\s\-]?")
        flags = "" if alias.case_sensitive else "(?i:"
        body = f"{flags}{body})" if flags else body
        parts.append(f"(?P<{name}>{body})")
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")


def _keyword(alias: Alias) -> str:
    """The longest run of word characters of an alias: every match of the alias contains it verbatim
    (only the spaces and hyphens between runs may vary), lower-cased unless the alias is case-sensitive."""
    runs = re.findall(r"\w+", alias.text) or [""]
    longest = max(runs, key=len)
    return longest if alias.case_sensitive else longest.lower()


class _Matcher:
    """Finds aliases in text; ordered longest first so 'Afghan Taliban' wins over 'Taliban'.

    One alternation over every alias is slow on long texts (the engine tries each alias at each
    position), so a text is first searched for the aliases' keywords and only the aliases whose
    keyword occurs are matched, in the same order: the same matches, found faster.
    """

    _SUBSET_LIMIT = 24  # more candidate aliases than this (a whole document): the full pattern is as quick
    _KEPT = 512  # compiled subset patterns kept, least recently used dropped first

    def __init__(self, aliases: list[Alias]):
        self._ordered = sorted(aliases, key=lambda a: -len(a.text))
        self._pattern = _alias_pattern(aliases)
        by_keyword: dict[tuple[str, bool], list[int]] = {}
        for index, alias in enumerate(self._ordered):
            by_keyword.setdefault((_keyword(alias), alias.case_sensitive), []).append(index)
        self._keywords = tuple((keyword, sensitive, tuple(indexes)) for (keyword, sensitive), indexes in by_keyword.items())
        self._subsets: OrderedDict[tuple[int, ...], re.Pattern[str]] = OrderedDict()

    def _pattern_for(self, text: str) -> re.Pattern[str] | None:
        """A pattern over the aliases whose keyword occurs in the text, or None when none does."""
        lowered = text.lower()
        chosen: list[int] = []
        for keyword, sensitive, indexes in self._keywords:
            if keyword in (text if sensitive else lowered):
                chosen.extend(indexes)
        if not chosen:
            return None
        if len(chosen) > self._SUBSET_LIMIT:
            return self._pattern
        key = tuple(sorted(chosen))
        pattern = self._subsets.get(key)
        if pattern is None:
            pattern = _alias_pattern([self._ordered[i] for i in key], [f"a{i}" for i in key])
            self._subsets[key] = pattern
            if len(self._subsets) > self._KEPT:
                self._subsets.popitem(last=False)
        else:
            self._subsets.move_to_end(key)
        return pattern

    def find(self, text: str, country: str | None = None) -> list[Mention]:
        if self._pattern is None:
            return []
        pattern = self._pattern_for(text)
        if pattern is None:
            return []
        found = []
        for match in pattern.finditer(text):
            alias = self._ordered[int(match.lastgroup[1:])]
            if alias.country and country and alias.country != country:
                continue
            if alias.country and not country:
                continue
            found.append(Mention(match.start(), match.end(), alias.target, alias))
        return found


@dataclass(frozen=True)
class Vocabulary:
    groups: dict[str, Group]
    metrics: dict[str, Metric]
    countries: dict[str, str]  # ISO3 -> name
    regions: tuple[Region, ...]
    group_matcher: _Matcher
    country_matcher: _Matcher
    region_matcher: _Matcher

    @property
    def count_metrics(self) -> list[str]:
        return [m.id for m in self.metrics.values() if m.kind == "count"]

    @property
    def change_metrics(self) -> list[str]:
        return [m.id for m in self.metrics.values() if m.kind == "change"]

    def find_groups(self, text: str, country: str | None = None) -> list[Mention]:
        """Group aliases in a text; country-tagged aliases only count in that country's texts."""
        return self.group_matcher.find(text, country)

    def find_countries(self, text: str) -> list[Mention]:
        """Country names and adjectives in a text, as ISO3 codes."""
        return self.country_matcher.find(text)

    def find_regions(self, text: str) -> list[Mention]:
        """Sub-national places (provinces, districts, cities); target is the region name."""
        return self.region_matcher.find(text)

    def region_country(self, name: str) -> str:
        """The ISO3 country of a region named in regions.csv."""
        for region in self.regions:
            if region.name == name:
                return region.country
        raise KeyError(name)


def parse_vocabulary(groups_csv: str, metrics_csv: str, countries_csv: str, regions_csv: str) -> Vocabulary:
    """Build the vocabulary from the text of the four reference CSVs."""
    groups: dict[str, Group] = {}
    group_aliases: list[Alias] = []
    for row in _rows(groups_csv, {"id", "label", "aliases", "description"}, "groups.csv"):
        gid = row["id"].strip()
        if gid in groups:
            raise ReferenceDataError(f"groups.csv: duplicate group id {gid!r}")
        aliases = tuple(parse_alias(a, gid) for a in (row["aliases"] or "").split(";") if a.strip())
        groups[gid] = Group(gid, row["label"], row["description"], aliases)
        group_aliases.extend(aliases)
    seen: dict[tuple[str, str | None], str] = {}
    for alias in group_aliases:
        key = (alias.text if alias.case_sensitive else alias.text.lower(), alias.country)
        if key in seen and seen[key] != alias.target:
            raise ReferenceDataError(f"groups.csv: alias {alias.text!r} names both {seen[key]} and {alias.target}")
        seen[key] = alias.target

    metrics: dict[str, Metric] = {}
    for row in _rows(metrics_csv, {"id", "kind", "base", "unit", "description"}, "metrics.csv"):
        if row["kind"] not in ("count", "change"):
            raise ReferenceDataError(f"metrics.csv: {row['id']}: kind must be count or change")
        metrics[row["id"]] = Metric(row["id"], row["kind"], row["base"] or None, row["unit"], row["description"])
    for metric in metrics.values():
        if metric.kind == "change" and metric.base not in metrics:
            raise ReferenceDataError(f"metrics.csv: {metric.id}: unknown base metric {metric.base!r}")

    countries: dict[str, str] = {}
    country_aliases: list[Alias] = []
    for row in _rows(countries_csv, {"iso3", "name", "aliases"}, "countries.csv"):
        code = row["iso3"].strip()
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise ReferenceDataError(f"countries.csv: {code!r} is not an ISO3 code")
        countries[code] = row["name"]
        country_aliases.extend(parse_alias(a, code) for a in row["aliases"].split(";") if a.strip())

    regions = []
    for row in _rows(regions_csv, {"name", "country", "kind"}, "regions.csv"):
        if row["country"] not in countries:
            raise ReferenceDataError(f"regions.csv: {row['name']}: unknown country {row['country']}")
        regions.append(Region(row["name"], row["country"], row["kind"]))
    region_aliases = [parse_alias(r.name, r.name) for r in regions]

    return Vocabulary(
        groups=groups,
        metrics=metrics,
        countries=countries,
        regions=tuple(regions),
        group_matcher=_Matcher(group_aliases),
        country_matcher=_Matcher(country_aliases),
        region_matcher=_Matcher(region_aliases),
    )
