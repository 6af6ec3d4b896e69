"""Tables written as plain text lines: found in a .txt report, read by the table extractor, skipped by prose."""
from __future__ import annotations

import pytest

from transforms.documents import parse_text
from transforms.extract import extract_figures
from transforms.text_tables import find_text_tables


def _document(body: str, published: str = "2020-01-10"):
    return parse_text(f"title: A yearly review\npublished: {published}\n\n{body}".encode(), "t.txt")


def _figures(body: str, vocabulary, published: str = "2020-01-10"):
    document = _document(body, published)
    extraction = extract_figures(document, vocabulary, default_country="PAK")
    for figure in extraction.figures:
        assert document.text[figure.start : figure.end] == figure.evidence
    return {(f.year, f.group, f.metric, f.value) for f in extraction.figures}


ATTACKS = {(2017, "all", "attacks", 370), (2017, "all", "killed", 815), (2018, "all", "attacks", 262), (2018, "all", "killed", 595)}


@pytest.mark.parametrize("sheet", [
    "Year | Attacks | Killed\n2017 | 370 | 815\n2018 | 262 | 595",
    "| Year | Attacks | Killed |\n|---|---|---|\n| 2017 | 370 | 815 |\n| 2018 | 262 | 595 |",
    "Year\tAttacks\tKilled\n2017\t370\t815\n2018\t262\t595",
    "Year      Attacks    Killed\n2017      370        815\n2018      262        595",
])
def test_a_data_sheet_in_text_gives_its_cells(vocabulary, sheet):
    body = f"Militant attacks in Pakistan by year\n{sheet}\n\nThe monitor compiles its data from news reports."
    assert _figures(body, vocabulary) == ATTACKS


@pytest.mark.parametrize("body", [
    # a navigation bar and a by-line with separators: no numbers, no table
    "Home | Countries | Pakistan | Data Sheets\nReports | Analysis | About\n\nThe monitor counted 120 attacks in 2019.",
    # two numbered lines are not a table with a header
    "Year | Attacks\n2017 | 370",
    # prose with wide spaces but no columns of numbers
    "The review  was released  on Monday.\nIt covers  the whole  country.\nIts authors  are  named below.",
])
def test_lines_that_are_no_table(body):
    assert find_text_tables(body) == ()


def test_a_partial_year_marked_in_the_note_under_the_sheet_is_dropped(vocabulary):
    body = "Attacks in Pakistan\nYear | Attacks\n2018 | 262\n2019* | 20\n*Data till February 2, 2019"
    assert _figures(body, vocabulary, "2019-02-05") == {(2018, "all", "attacks", 262)}


def test_a_sheet_under_a_paragraph_that_says_it_combines_operations_is_all_violence(vocabulary):
    combined = ("The portal's count adds the militants killed in army operations to the victims of attacks.\n\n"
                "Fatalities in Pakistan\nYear | Civilians | Militants | Total\n2017 | 540 | 912 | 1452\n2018 | 370 | 610 | 980")
    assert _figures(combined, vocabulary, "2019-01-10") == {
        (2017, "all-violence", "killed_civilians", 540), (2017, "all-violence", "killed_militants", 912),
        (2017, "all-violence", "killed", 1452), (2018, "all-violence", "killed_civilians", 370),
        (2018, "all-violence", "killed_militants", 610), (2018, "all-violence", "killed", 980)}
    plain = combined.replace("adds the militants killed in army operations to the victims of attacks", "comes from press reports")
    assert {g for _, g, _, _ in _figures(plain, vocabulary, "2019-01-10")} == {"all"}


def test_the_rows_of_a_sheet_are_not_read_as_prose_headings(vocabulary):
    # a data row's year would otherwise become the year of every later sentence
    body = ("Attacks in Pakistan\nYear | Attacks\n2018 | 262\n2019 | 229\n\n"
            "Sectarian violence\n\nThe monitor recorded 31 sectarian attacks, against 24 in 2017.")
    assert (2018, "sectarian", "attacks", 31) in _figures(body, vocabulary, "2019")
