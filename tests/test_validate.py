"""The Great Expectations suites refuse tables that break the codebook's rules."""
import json

import pandas as pd
import pytest

from flows.paths import EXPECTATIONS_DIR
from flows.validate import SuiteError, validate_tables
from tests.factories import extraction, figure, info
from transforms.normalize import figures_to_facts, reconcile_cells


def parameters(vocabulary):
    return {"max_year": 2026, "countries": sorted(vocabulary.countries), "groups": sorted(vocabulary.groups),
            "metrics": sorted(vocabulary.metrics), "source_ids": ["src-a"]}


def good_tables(vocabulary):
    facts = figures_to_facts([(info("a.txt"), extraction(
        figure(2017, "PAK", "all", "attacks", 370), figure(2017, "PAK", "all", "attacks_change_pct", -16),
        figure(2017, "AFG", "islamic-state", "fighters", 600, value_high=800)))])
    return facts, reconcile_cells(facts, vocabulary)


def test_good_tables_pass(vocabulary):
    facts, incidents = good_tables(vocabulary)
    report = validate_tables({"facts": facts, "incidents": incidents}, parameters(vocabulary))
    assert report.success, report.failure_lines()
    written = sum(len(json.loads((EXPECTATIONS_DIR / f"{n}.json").read_text())["expectations"]) for n in ("facts", "incidents"))
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
    ],
)
def test_a_broken_value_fails_the_named_expectation(vocabulary, table, column, value, expected):
    facts, incidents = good_tables(vocabulary)
    tables = {"facts": facts, "incidents": incidents}
    tables[table] = _break(tables[table], column, value)
    report = validate_tables(tables, parameters(vocabulary))
    assert not report.success
    assert any(expected in line for line in report.failure_lines()), report.failure_lines()


def test_duplicate_cells_fail_uniqueness(vocabulary):
    facts, incidents = good_tables(vocabulary)
    report = validate_tables({"facts": facts, "incidents": pd.concat([incidents, incidents.iloc[:1]])}, parameters(vocabulary))
    assert "incidents: expect_compound_columns_to_be_unique(year,country,group)" in " ".join(report.failure_lines())


def test_a_suite_that_loses_an_expectation_is_an_error(vocabulary, tmp_path):
    suite = json.loads((EXPECTATIONS_DIR / "facts.json").read_text())
    suite["expectations"].append({"type": "expect_column_values_to_be_purple", "kwargs": {"column": "year"}})
    (tmp_path / "facts.json").write_text(json.dumps(suite))
    facts, _ = good_tables(vocabulary)
    # Great Expectations only logs an unknown expectation and drops it: the count catches that
    with pytest.raises(SuiteError, match="17 expectations written, 16 loaded"):
        validate_tables({"facts": facts}, parameters(vocabulary), directory=tmp_path)
