"""Facts from figures, and one value per cell in the incidents table."""
import pandas as pd
import pytest

from tests.factories import extraction, figure, info
from transforms.normalize import UnknownCode, check_codes, figures_to_facts, merge_backfill, reconcile_cells


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
    table = reconcile_cells(facts, vocabulary)
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
    table = reconcile_cells(figures_to_facts(pairs), vocabulary)
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
