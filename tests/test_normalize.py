"""Facts from figures, and one value per cell in the incidents table."""
import pandas as pd
import pytest

from tests.factories import extraction, figure, info, tables_of
from transforms.normalize import UnknownCode, check_codes, figures_to_facts, merge_backfill


def test_facts_keep_provenance_and_drop_repeats_within_a_document():
    doc = info("a.txt")
    facts = figures_to_facts([(doc, extraction(
        figure(2017, "PAK", "all", "attacks", 370, evidence="first"),
        figure(2017, "PAK", "all", "attacks", 370, evidence="again"),
        figure(2017, "PAK", "ttp", "attacks", 213),
    ))])
    assert len(facts) == 2
    row = facts.loc[facts["group"] == "all"].iloc[0]
    assert (row["source_id"], row["document"], row["evidence"], row["published"]) == ("src-a", "a.txt", "first", "2018-01-05")


def test_incidents_pivot_metrics_into_columns(vocabulary):
    facts = figures_to_facts([(info("a.txt"), extraction(
        figure(2017, "PAK", "all", "attacks", 370),
        figure(2017, "PAK", "all", "killed", 815),
        figure(2017, "PAK", "all", "attacks_change_pct", -16),
        figure(2016, "PAK", "all", "attacks", 441),
    ))])
    table = tables_of(facts, vocabulary)[1]
    assert list(table[["year", "country", "group"]].itertuples(index=False, name=None)) == [(2016, "PAK", "all"), (2017, "PAK", "all")]
    row = table.iloc[1]
    assert (row["attacks"], row["killed"], row["attacks_change_pct"]) == (370, 815, -16.0)
    assert pd.isna(row["injured"]) and row["n_documents"] == 1 and list(row["sources"]) == ["src-a"]
    assert str(table["attacks"].dtype) == "Int32"


@pytest.mark.parametrize(
    "candidates, expected",
    [
        # (trust, published, approx, value) per document; the chosen value
        ([(1, "2018-01-05", False, 370), (3, "2018-01-09", False, 372)], 370),  # more trusted source wins
        ([(2, "2018-01-05", False, 370), (2, "2019-02-01", False, 375)], 375),  # then the later publication
        ([(2, "2018-01-05", True, 400), (2, "2018-01-05", False, 391)], 391),  # then the exact over the hedged
    ],
)
def test_one_value_per_cell(vocabulary, candidates, expected):
    pairs = [
        (info(f"d{i}.txt", source_id=f"s{i}", trust=trust, published=published),
         extraction(figure(2017, "PAK", "all", "attacks", value, approx=approx)))
        for i, (trust, published, approx, value) in enumerate(candidates)
    ]
    table = tables_of(figures_to_facts(pairs), vocabulary)[1]
    assert table["attacks"].tolist() == [expected]
    assert table["n_documents"].tolist() == [len(candidates)]


def test_unknown_codes_are_refused_with_the_document(vocabulary):
    facts = figures_to_facts([(info("odd.txt"), extraction(figure(2017, "PAK", "martians", "attacks", 3)))])
    with pytest.raises(UnknownCode, match="odd.txt: unknown group 'martians'"):
        check_codes(facts, vocabulary)


def test_backfill_replaces_only_the_years_and_sources_it_rebuilt():
    old = figures_to_facts([(info("a.txt"), extraction(
        figure(2015, "PAK", "all", "attacks", 100), figure(2016, "PAK", "all", "attacks", 200),
        figure(2018, "PAK", "all", "attacks", 400)))])
    other = figures_to_facts([(info("b.txt", source_id="src-b"), extraction(figure(2016, "PAK", "ttp", "attacks", 50)))])
    previous = pd.concat([old, other], ignore_index=True)
    fresh = figures_to_facts([(info("a2.txt"), extraction(
        figure(2016, "PAK", "all", "attacks", 210), figure(2018, "PAK", "all", "attacks", 999)))])
    merged = merge_backfill(previous, fresh, 2015, 2016, ["src-a"])
    cells = sorted(merged[["year", "group", "value", "source_id"]].itertuples(index=False, name=None))
    # 2015 from src-a is gone (not found again), 2016 replaced, 2018 untouched, src-b kept
    assert cells == [(2016, "all", 210.0, "src-a"), (2016, "ttp", 50.0, "src-b"), (2018, "all", 400.0, "src-a")]


def test_normalizing_never_mutates_its_input():
    facts = figures_to_facts([(info("a.txt"), extraction(figure(2017, "PAK", "all", "attacks", 1)))])
    before = facts.copy()
    merge_backfill(facts, facts, 2017, 2017, ["src-a"])
    pd.testing.assert_frame_equal(facts, before)


def test_two_publishers_make_two_series_not_a_conflict(vocabulary):
    facts = figures_to_facts([
        (info("pips.txt", publisher="PIPS"), extraction(figure(2024, "PAK", "all", "killed", 852))),
        (info("crss.txt", publisher="CRSS", source_id="src-c"), extraction(figure(2024, "PAK", "all", "killed", 2546))),
    ])
    series, incidents = tables_of(facts, vocabulary)
    rows = series[["series", "value", "conflict", "selected"]].itertuples(index=False, name=None)
    assert sorted(rows) == [("CRSS", 2546.0, False, False), ("PIPS", 852.0, False, True)]
    assert incidents["killed"].tolist() == [852]
    assert dict(incidents["cell_series"][0]) == {"killed": "PIPS"} and list(incidents["conflicts"][0]) == []


def test_documents_of_one_series_that_disagree_mark_the_cell(vocabulary):
    facts = figures_to_facts([
        (info("report.txt", publisher="PICSS", trust=1), extraction(figure(2023, "PAK", "all", "killed", 976))),
        (info("paper.txt", publisher="press", series="PICSS", primary=False, trust=3, source_id="press"),
         extraction(figure(2023, "PAK", "all", "killed", 1000, approx=True))),
    ])
    assert len(facts) == 2  # every candidate stays in facts
    series, incidents = tables_of(facts, vocabulary)
    row = series.iloc[0]
    assert (len(series), row["value"], row["n_documents"], row["value_min"], row["value_max"], row["conflict"]) == (
        1, 976.0, 2, 976.0, 1000.0, True)
    assert list(incidents["conflicts"][0]) == ["killed"]


def test_identical_figures_from_several_documents_are_agreement(vocabulary):
    facts = figures_to_facts([
        (info(f"d{i}.txt", source_id=f"s{i}"), extraction(figure(2017, "PAK", "all", "attacks", 370))) for i in range(3)
    ])
    series, _ = tables_of(facts, vocabulary)
    assert series[["n_documents", "conflict"]].values.tolist() == [[3, False]]


def test_the_own_report_wins_over_coverage_of_it_at_equal_trust(vocabulary):
    facts = figures_to_facts([
        (info("coverage.txt", publisher="press", series="PIPS", primary=False, trust=1, published="2019-01-09",
              source_id="press"), extraction(figure(2018, "PAK", "all", "attacks", 260))),
        (info("own.txt", publisher="PIPS", trust=1, published="2019-01-02"), extraction(figure(2018, "PAK", "all", "attacks", 262))),
    ])
    series, _ = tables_of(facts, vocabulary)
    assert series[["value", "source_id"]].values.tolist() == [[262.0, "src-a"]]


def test_a_country_line_stays_in_its_preferred_series_across_years(vocabulary):
    facts = figures_to_facts([
        (info("crss.txt", publisher="CRSS", source_id="c"), extraction(
            figure(2020, "PAK", "all", "attacks", 400), figure(2021, "PAK", "all", "attacks", 500))),
        (info("pips.txt", publisher="PIPS"), extraction(
            figure(2020, "PAK", "all", "attacks", 146), figure(2021, "PAK", "all", "attacks", 207))),
        (info("other.txt", publisher="Nobody", source_id="n"), extraction(figure(2019, "PAK", "all", "attacks", 229))),
    ])
    _, incidents = tables_of(facts, vocabulary)
    lines = [(y, dict(s)["attacks"]) for y, s in zip(incidents["year"], incidents["cell_series"])]
    assert lines == [(2019, "Nobody"), (2020, "PIPS"), (2021, "PIPS")]
