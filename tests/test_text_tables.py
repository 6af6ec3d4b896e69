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


# the year header is pushed right, past the column of row labels, and a last column gives the change
COMPARISON = (
    "The monitor set this year against the last one:\n\n"
    "                        2018      2019     {change}\n"
    "Terrorist attacks        262       229       -13%\n"
    "People killed            595       357       +40%\n"
)


@pytest.mark.parametrize("header, years, expected", [
    ("change", "2018      2019", {(2018, "all", "attacks", 262), (2019, "all", "attacks", 229), (2019, "all", "attacks_change_pct", -13),
                                   (2018, "all", "killed", 595), (2019, "all", "killed", 357), (2019, "all", "killed_change_pct", 40)}),
    ("% change", "2018      2019", {(2018, "all", "attacks", 262), (2019, "all", "attacks", 229), (2019, "all", "attacks_change_pct", -13),
                                     (2018, "all", "killed", 595), (2019, "all", "killed", 357), (2019, "all", "killed_change_pct", 40)}),
    # years apart: the change spans several years, no codebook figure
    ("change", "2015      2019", {(2015, "all", "attacks", 262), (2019, "all", "attacks", 229),
                                   (2015, "all", "killed", 595), (2019, "all", "killed", 357)}),
    # a column of shares is no change against the year before
    ("share", "2018      2019", {(2018, "all", "attacks", 262), (2019, "all", "attacks", 229),
                                  (2018, "all", "killed", 595), (2019, "all", "killed", 357)}),
])
def test_an_indented_year_header_and_a_change_column(vocabulary, header, years, expected):
    body = COMPARISON.replace("2018      2019", years).format(change=header)
    assert _figures(body, vocabulary, "2020-01-10") == expected


def test_an_indented_line_above_rows_of_its_own_width_is_no_header():
    # every line indented alike: the first is a data row of the same table, not a header missing its corner
    body = "Year     Attacks     Killed\n  2017     370     815\n  2018     262     595\n"
    assert all(row[0] != "" for table in find_text_tables(body) for row in table.rows)


@pytest.mark.parametrize("caption, expected", [
    # where the member who asked comes from is not where the figures are
    ("Answering a lawmaker from Quetta, the ministry gave these year-wise figures for the whole country:", ATTACKS),
    ("Replying to members from the Khyber Pakhtunkhwa assembly, the ministry listed attacks by year:", ATTACKS),
    # the table's own place: figures below the country
    ("The ministry gave these year-wise figures for Quetta:", set()),
])
def test_a_speaker_from_a_city_does_not_make_a_table_provincial(vocabulary, caption, expected):
    body = f"{caption}\nYear | Attacks | Killed\n2017 | 370 | 815\n2018 | 262 | 595\n\nThe session was adjourned."
    assert _figures(body, vocabulary) == expected


def _figures_without_country(body: str, vocabulary):
    document = _document(body)
    return {(f.country, f.year, f.metric, f.value) for f in extract_figures(document, vocabulary).figures}


def test_a_table_in_a_text_naming_only_one_countrys_places_is_of_that_country(vocabulary):
    body = ("The ministry listed the attacks of each year.\nYear | Attacks\n2017 | 370\n2018 | 262\n\n"
            "Most of them were in Khyber Pakhtunkhwa and Balochistan, the reply said.")
    assert _figures_without_country(body, vocabulary) == {("PAK", 2017, "attacks", 370), ("PAK", 2018, "attacks", 262)}
    # places of two countries: no country for the table
    mixed = body.replace("Balochistan", "Nangarhar")
    assert _figures_without_country(mixed, vocabulary) == set()


@pytest.mark.parametrize("header, cell, expected", [
    ("Change (%)", "-13", {(2019, "all", "attacks_change_pct", -13)}),
    # a bare number under a plain "Change" is the difference in counts (262 - 229), no percent
    ("Change", "-33", set()),
])
def test_a_change_column_is_a_percent_only_when_it_says_so(vocabulary, header, cell, expected):
    body = f"Attacks in Pakistan compared\nIndicator | 2018 | 2019 | {header}\nAttacks | 262 | 229 | {cell}\nKilled | 595 | 357 | x\n"
    assert {f for f in _figures(body, vocabulary) if f[2].endswith("_change_pct")} == expected


@pytest.mark.parametrize("header, total", [
    # the Total beside the dead and the injured of one victim type: that type's casualties
    ("Year | Civilian deaths | Civilian injuries | Total", (2019, "all", "casualties_civilians", 1100)),
    # beside two victim types killed, the Total is of the killed, of no one type
    ("Year | Civilians killed | Soldiers killed | Total", (2019, "all", "killed", 1100)),
])
def test_the_total_of_one_victim_types_killed_and_injured(vocabulary, header, total):
    body = f"Civilian harm by year\n{header}\n2018 | 350 | 640 | 990\n2019 | 400 | 700 | 1100\n"
    assert total in _figures(body, vocabulary, "2020-02-01")


SIDES = ("| Kind | Attacks / actions | Killed |\n|---|---|---|\n| Terrorist attacks | 700 | 900 |\n"
         "| Security forces actions | 300 | 850 |\n| Total (terrorist attacks and security forces actions combined) | 1,000 | 1,750 |")


@pytest.mark.parametrize("title, caption, expected", [
    # 'the year' of a caption is the one year the report's title names; each row says whose attacks or actions
    ("2021: a review", "The figures for the year are set out below.", {
        (2021, "all", "attacks", 700), (2021, "all", "killed", 900), (2021, "security-forces", "operations", 300),
        (2021, "security-forces", "killed", 850), (2021, "all-violence", "incidents", 1000), (2021, "all-violence", "killed", 1750)}),
    # a title of two years, or a caption about the year before: no year for the table
    ("2020 and 2021 compared", "The figures for the year are set out below.", set()),
    ("2021: a review", "The figures for the year before are set out below.", set()),
])
def test_a_table_of_the_year_with_both_sides_in_its_rows(vocabulary, title, caption, expected):
    document = parse_text(f"title: {title}\npublished: 2022-01-03\n\n{caption}\n\n{SIDES}\n\nThe report ends here.".encode(), "t.txt")
    figures = extract_figures(document, vocabulary, default_country="PAK").figures
    assert {(f.year, f.group, f.metric, f.value) for f in figures} == expected
