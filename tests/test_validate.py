"""The Great Expectations suites refuse tables that break the codebook's rules."""
import json

import pandas as pd
import pytest

from flows.paths import EXPECTATIONS_DIR
from flows.validate import SuiteError, validate_tables
from tests.factories import extraction, figure, info, tables_of
from transforms.normalize import figures_to_facts


def parameters(vocabulary):
    return {"max_year": 2026, "countries": sorted(vocabulary.countries), "groups": sorted(vocabulary.groups),
            "metrics": sorted(vocabulary.metrics), "source_ids": ["src-a"]}


def good_tables(vocabulary):
    facts = figures_to_facts([(info("a.txt"), extraction(
        figure(2017, "PAK", "all", "attacks", 370), figure(2017, "PAK", "all", "attacks_change_pct", -16),
        figure(2017, "AFG", "islamic-state", "fighters", 600, value_high=800))),
        (info("b.txt", source_id="src-a", publisher="PICSS"), extraction(figure(2017, "PAK", "all", "attacks", 645)))])
    series, incidents = tables_of(facts, vocabulary)
    return facts, series, incidents


def test_good_tables_pass(vocabulary):
    facts, series, incidents = good_tables(vocabulary)
    report = validate_tables({"facts": facts, "series": series, "incidents": incidents}, parameters(vocabulary))
    assert report.success, report.failure_lines()
    written = sum(len(json.loads((EXPECTATIONS_DIR / f"{n}.json").read_text())["expectations"])
                  for n in ("facts", "series", "incidents"))
    assert report.evaluated == written


def _break(table, column, value, row=0):
    broken = table.copy()
    broken[column] = broken[column].astype(object)
    broken.loc[row, column] = value
    return broken


@pytest.mark.parametrize(
    "table, column, value, expected",
    [
        ("facts", "year", 2031, "facts: expect_column_values_to_be_between(year)"),
        ("facts", "year", 1950, "facts: expect_column_values_to_be_between(year)"),
        ("facts", "group", "martians", "facts: expect_column_values_to_be_in_set(group)"),
        ("facts", "metric", "arrests", "facts: expect_column_values_to_be_in_set(metric)"),
        ("facts", "value", -5.0, "counts are never negative"),
        ("facts", "value", 1e15, "a count above a million"),
        ("facts", "document_id", "not-a-hash", "expect_column_values_to_match_regex(document_id)"),
        ("incidents", "attacks", -3, "incidents: expect_column_values_to_be_between(attacks)"),
        ("incidents", "country", "XXX", "incidents: expect_column_values_to_be_in_set(country)"),
        ("series", "value", 1e9, "the chosen value lies within the documents' spread"),
    ],
)
def test_a_broken_value_fails_the_named_expectation(vocabulary, table, column, value, expected):
    facts, series, incidents = good_tables(vocabulary)
    tables = {"facts": facts, "series": series, "incidents": incidents}
    tables[table] = _break(tables[table], column, value)
    report = validate_tables(tables, parameters(vocabulary))
    assert not report.success
    assert any(expected in line for line in report.failure_lines()), report.failure_lines()


def test_two_selected_series_for_one_cell_fail(vocabulary):
    facts, series, incidents = good_tables(vocabulary)
    both = series.assign(selected=True)
    assert both.duplicated(["year", "country", "group", "metric"]).any()
    report = validate_tables({"series": both}, parameters(vocabulary))
    assert any("exactly one selected series per cell" in line for line in report.failure_lines())


def test_duplicate_cells_fail_uniqueness(vocabulary):
    facts, _, incidents = good_tables(vocabulary)
    report = validate_tables({"facts": facts, "incidents": pd.concat([incidents, incidents.iloc[:1]])}, parameters(vocabulary))
    assert "incidents: expect_compound_columns_to_be_unique(year,country,group)" in " ".join(report.failure_lines())


def test_a_suite_that_loses_an_expectation_is_an_error(vocabulary, tmp_path):
    suite = json.loads((EXPECTATIONS_DIR / "facts.json").read_text())
    suite["expectations"].append({"type": "expect_column_values_to_be_purple", "kwargs": {"column": "year"}})
    (tmp_path / "facts.json").write_text(json.dumps(suite))
    facts, _, _ = good_tables(vocabulary)
    # Great Expectations only logs an unknown expectation and drops it: the count catches that
    with pytest.raises(SuiteError, match="18 expectations written, 17 loaded"):
        validate_tables({"facts": facts}, parameters(vocabulary), directory=tmp_path)
