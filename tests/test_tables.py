"""Yearly figures read from tables: orientation, header mapping, totals, footnotes, drops by reason."""
from __future__ import annotations

import dataclasses
from html import escape

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from transforms.html import parse_html_text
from transforms.model import Document, Table
from transforms.tables import extract_table_figures, parse_label, parse_value


def table_html(rows: list[str]) -> str:
    """'a | b | c' lines to a table; the first line is the header row."""
    out = []
    for index, line in enumerate(rows):
        tag = "th" if index == 0 else "td"
        out.append("<tr>" + "".join(f"<{tag}>{escape(c.strip())}</{tag}>" for c in line.split("|")) + "</tr>")
    return "<table>" + "".join(out) + "</table>"


def make_document(*blocks, published: str | None = None, title: str | None = None) -> Document:
    """Paragraph strings, tables as lists of row lines, or raw '<table' HTML, in order."""
    body = []
    for block in blocks:
        if isinstance(block, list):
            body.append(table_html(block))
        elif block.startswith("<"):
            body.append(block)
        else:
            body.append(f"<p>{escape(block)}</p>")
    document = parse_html_text("<html><body>" + "".join(body) + "</body></html>", "t.html")
    return dataclasses.replace(document, published=published, title=title)


SATP = [
    "Year | Incidents | Civilians | Security Forces (SF) | Terrorists/Insurgents/Extremists | Not Specified | Total",
    "2019 | 100 | 1,234* | 56 [2] | NA | 3 | 1,293",
    "2020 | 90 | 12 (a) | - | — |  | 250",
    "2024* | 9 | 1 | 2 | 3 | 0 | 6",
    "Total | 199 | 1,247 | 58 | 3 | 3 | 1,549",
]

CASES = [
    pytest.param(
        ["Fatalities in terrorist violence in Pakistan, 2019-2024", SATP, "*Data till March 17, 2024"],
        {},
        {
            (2019, "PAK", "all", "attacks", 100),
            (2019, "PAK", "all", "killed_civilians", 1234),
            (2019, "PAK", "all", "killed_security", 56),
            (2019, "PAK", "all", "killed", 1293),
            (2020, "PAK", "all", "attacks", 90),
            (2020, "PAK", "all", "killed_civilians", 12),
            (2020, "PAK", "all", "killed", 250),
        },
        # NA, "-" and "—"; the 2024 and Total rows; the "Not specified" counts, whatever their row
        {"table-no-value": 3, "table-partial-year": 5, "table-multi-year": 5, "table-unmapped-header": 3},
        id="satp-year-rows",
    ),
    pytest.param(
        [
            "Table 3: Attacks by perpetrator in Pakistan, 2017",
            [
                "Perpetrator | Attacks | Killed | Injured",
                "TTP and affiliates | 213 | 400 | 600",
                "Nationalist insurgents | ~120 | 140 | 200",
                "Islamic State | 6 | 100 | 150",
                "Others | 31 | 175 | 786",
                "Total | 370 | 815 | 1,736",
            ],
        ],
        {},
        {
            (2017, "PAK", "ttp", "attacks", 213),
            (2017, "PAK", "ttp", "killed", 400),
            (2017, "PAK", "ttp", "injured", 600),
            (2017, "PAK", "nationalist-insurgents", "attacks", 120),
            (2017, "PAK", "nationalist-insurgents", "killed", 140),
            (2017, "PAK", "nationalist-insurgents", "injured", 200),
            (2017, "PAK", "islamic-state", "attacks", 6),
            (2017, "PAK", "islamic-state", "killed", 100),
            (2017, "PAK", "islamic-state", "injured", 150),
            (2017, "PAK", "all", "attacks", 370),
            (2017, "PAK", "all", "killed", 815),
            (2017, "PAK", "all", "injured", 1736),
        },
        {"table-unmapped-header": 3},
        id="group-rows-caption-year",
    ),
    pytest.param(
        [
            "The table compares the two years.",
            ["Indicator | 2016 | 2017 | Change (%)", "Attacks | 441 | 370 | -16", "Suicide attacks | 19 | 24 | 26", "People killed | 908 | 815 | -10"],
        ],
        {"default_country": "PAK"},
        {
            (2016, "PAK", "all", "attacks", 441),
            (2017, "PAK", "all", "attacks", 370),
            (2016, "PAK", "all", "suicide_attacks", 19),
            (2017, "PAK", "all", "suicide_attacks", 24),
            (2016, "PAK", "all", "killed", 908),
            (2017, "PAK", "all", "killed", 815),
            # "Change (%)" beside two consecutive years: each row's percent change of the later year
            (2017, "PAK", "all", "attacks_change_pct", -16),
            (2017, "PAK", "all", "suicide_attacks_change_pct", 26),
            (2017, "PAK", "all", "killed_change_pct", -10),
        },
        {},
        id="metric-rows-year-columns",
    ),
    pytest.param(
        ["Attacks by group in Pakistan", ["Group | 2016 | 2017", "TTP | 100 | 110", "Daesh | 5 | 6", "Unidentified | 7 | 8", "Others | 1 | 2"]],
        {},
        {
            (2016, "PAK", "ttp", "attacks", 100),
            (2017, "PAK", "ttp", "attacks", 110),
            (2016, "PAK", "islamic-state", "attacks", 5),
            (2017, "PAK", "islamic-state", "attacks", 6),
            (2016, "PAK", "unknown-militants", "attacks", 7),
            (2017, "PAK", "unknown-militants", "attacks", 8),
        },
        {"table-unmapped-header": 2},
        id="group-rows-year-columns",
    ),
    pytest.param(
        [
            "Terror and counter-terror violence in Pakistan, combining militant attacks and security forces actions",
            ["Year | Incidents | Killed", "2022 | 600 | 900", "2023 | 1,016 | 1,500"],
        ],
        {},
        {
            (2022, "PAK", "all-violence", "incidents", 600),
            (2022, "PAK", "all-violence", "killed", 900),
            (2023, "PAK", "all-violence", "incidents", 1016),
            (2023, "PAK", "all-violence", "killed", 1500),
        },
        {},
        id="combined-incidents",
    ),
    pytest.param(
        ["Security forces actions in Pakistan", ["Year | Operations | Militants killed | Militants arrested", "2021 | 146 | 298 | 400"]],
        {},
        {(2021, "PAK", "security-forces", "operations", 146), (2021, "PAK", "security-forces", "killed_militants", 298)},
        {"table-unmapped-header": 1},
        id="operations",
    ),
    pytest.param(
        ["Attacks by province in Pakistan, 2018", ["Province | Attacks", "Khyber Pakhtunkhwa | 125", "Balochistan | 90", "Tribal areas | 20", "Total | 262"]],
        {},
        {(2018, "PAK", "all", "attacks", 262)},
        {"table-province": 3},
        id="province-rows-total-is-national",
    ),
    pytest.param(
        [
            "Attacks in Pakistan in 2018 by province: Balochistan and Khyber Pakhtunkhwa lead",
            ["Province | Attacks", "Khyber Pakhtunkhwa | 125", "Balochistan | 90", "Punjab | 20", "Total | 262"],
        ],
        {},
        {(2018, "PAK", "all", "attacks", 262)},
        {"table-province": 3},
        id="provinces-named-in-the-caption-too",
    ),
    pytest.param(
        ["Fatalities in Balochistan, 2010-2012", ["Year | Killed", "2010 | 71", "2011 | 26"]],
        {"default_country": "PAK"},
        set(),
        {"table-province": 2},
        id="province-caption",
    ),
    pytest.param(
        [["Country | Attacks in 2017", "Pakistan | 370", "Afghanistan | 1,000"]],
        {},
        {(2017, "PAK", "all", "attacks", 370), (2017, "AFG", "all", "attacks", 1000)},
        {},
        id="country-rows",
    ),
    pytest.param(
        [
            "<table><tr><td colspan=3>Suicide attacks in Pakistan</td></tr><tr><th>Year</th><th>Attacks</th><th>Killed</th></tr>"
            "<tr><td>2013</td><td>71</td><td>1,000</td></tr><tr><td>2014</td><td>26</td><td>300-350</td></tr></table>"
        ],
        {},
        {
            (2013, "PAK", "all", "suicide_attacks", 71),
            (2013, "PAK", "all", "suicide_killed", 1000),
            (2014, "PAK", "all", "suicide_attacks", 26),
            (2014, "PAK", "all", "suicide_killed", 300),
        },
        {},
        id="title-row-and-range",
    ),
    pytest.param(
        [
            "Civilian casualties in Afghanistan by party to the conflict, 2015",
            [
                "Party | Deaths | Injured | Total",
                "Anti-Government Elements | 2,315 | 4,278 | 6,593",
                "Pro-Government Forces | 1,000 | 2,000 | 3,000",
                "Attributed to neither party | 200 | 300 | 500",
                "Total | 3,545 | 7,457 | 11,002",
            ],
        ],
        {},
        {
            (2015, "AFG", group, metric, value)
            for group, values in (
                ("anti-government-elements", (2315, 4278, 6593)),
                ("pro-government-forces", (1000, 2000, 3000)),
                ("unattributed", (200, 300, 500)),
                ("all", (3545, 7457, 11002)),
            )
            for metric, value in zip(("killed_civilians", "injured_civilians", "casualties_civilians"), values)
        },
        {},
        id="unama-parties",
    ),
    pytest.param(
        [
            "Killed and injured by victim type in Pakistan",
            "<table><tr><th rowspan=2>Year</th><th colspan=3>Killed</th><th colspan=3>Injured</th></tr>"
            "<tr><th>Civilians</th><th>SF</th><th>Militants</th><th>Civilians</th><th>SF</th><th>Militants</th></tr>"
            "<tr><td>2021</td><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td></tr></table>",
        ],
        {},
        {
            (2021, "PAK", "all", "killed_civilians", 1),
            (2021, "PAK", "all", "killed_security", 2),
            (2021, "PAK", "all", "killed_militants", 3),
            (2021, "PAK", "all", "injured_civilians", 4),
            (2021, "PAK", "all", "injured_security", 5),
            (2021, "PAK", "all", "injured_militants", 6),
        },
        {},
        id="two-header-rows",
    ),
    pytest.param(
        ["Yearly totals", ["Year | Attacks", "2016 | 441"]],
        {},
        set(),
        {"table-no-country": 1},
        id="no-country",
    ),
    pytest.param(
        ["Yearly totals", ["Year | Attacks", "2016 | 441"]],
        {"default_country": "AFG"},
        {(2016, "AFG", "all", "attacks", 441)},
        {},
        id="default-country",
    ),
    pytest.param(
        ["Year-wise trend of militant attacks in Pakistan", ["Group | Attacks", "TTP | 125", "BLA | 90"]],
        {},
        set(),
        {"table-layout": 2},
        id="yearly-caption-without-years",
    ),
    pytest.param(
        ["Attacks in Pakistan", ["Period | Attacks | Killed", "Jan-Jun 2019 | 120 | 200", "2018 | 262 | 595", "2019 (till September) | 180 | 300"]],
        {},
        {(2018, "PAK", "all", "attacks", 262), (2018, "PAK", "all", "killed", 595)},
        {"table-partial-year": 4},
        id="partial-year-labels",
    ),
    pytest.param(
        ["Attacks in Pakistan", ["Year | Attacks", "2023 | 645", "2024 | 120"]],
        {},
        {(2023, "PAK", "all", "attacks", 645)},
        {"table-partial-year": 1},
        id="year-not-over-at-publication",
    ),
    pytest.param(
        ["Attacks in Pakistan", ["S.No | Year | Attacks", "1 | 2015 | 625", "2 | 2016 | 441"]],
        {},
        {(2015, "PAK", "all", "attacks", 625), (2016, "PAK", "all", "attacks", 441)},
        {},
        id="serial-column",
    ),
    pytest.param(
        ["Pakistan at a glance, 2017", ["Attacks | 370", "Killed | 815", "Injured | 1.736"]],
        {},
        {(2017, "PAK", "all", "attacks", 370), (2017, "PAK", "all", "killed", 815), (2017, "PAK", "all", "injured", 1736)},
        {},
        id="key-value-without-header",
    ),
    pytest.param(
        [
            "Targets of attacks in Pakistan, 2019",
            ["Target | Attacks | Average per month", "Attacks on security forces | 120 | 10", "Attacks on civilians | 40 | 3.3", "Total | 160 | 13.3"],
        ],
        {},
        {(2019, "PAK", "all", "attacks", 160)},
        {"table-unmapped-header": 2, "table-derived": 3},
        id="target-breakdown-and-averages",
    ),
    pytest.param(
        ["Attacks by the TTP and the BLA in Pakistan", ["Year | Attacks", "2019 | 45"]],
        {},
        set(),
        {"table-ambiguous-group": 1},
        id="two-groups-in-caption",
    ),
    pytest.param(
        ["Attacks by Jamaat-ul-Ahrar in Pakistan", ["Year | Attacks | Killed/Injured", "2019 | 45 | 12/30"]],
        {},
        {(2019, "PAK", "ttp", "attacks", 45)},
        {"table-unparsed-value": 1},
        id="caption-group-and-unparsed-cell",
    ),
    pytest.param(
        [
            "Deaths caused in Pakistan by each actor, 2020",
            ["Actor | Killed", "TTP | 300", "Security forces | 298", "Unknown | 12"],
        ],
        {},
        {(2020, "PAK", "ttp", "killed", 300), (2020, "PAK", "security-forces", "killed", 298), (2020, "PAK", "unknown-militants", "killed", 12)},
        {},
        id="security-forces-as-actor",
    ),
    pytest.param(
        [
            "Attacks by group in Pakistan",
            "<table><tr><th>Group</th><th>Attacks</th></tr><tr><td colspan=2>2016</td></tr><tr><td>TTP</td><td>100</td></tr>"
            "<tr><td>BLA</td><td>40</td></tr><tr><td colspan=2>2017</td></tr><tr><td>TTP</td><td>80</td></tr></table>",
        ],
        {},
        {(2016, "PAK", "ttp", "attacks", 100), (2016, "PAK", "nationalist-insurgents", "attacks", 40), (2017, "PAK", "ttp", "attacks", 80)},
        {},
        id="year-section-rows",
    ),
    pytest.param(
        [
            "Militant attacks in Pakistan in 2023, month by month",
            ["Month | Attacks | Killed", "January | 44 | 80", "February | 50 | 95", "March | 38 | 60", "Total | 132 | 235"],
        ],
        {},
        {(2023, "PAK", "all", "attacks", 132), (2023, "PAK", "all", "killed", 235)},
        {"table-monthly": 6},
        id="months-of-one-year",
    ),
    pytest.param(
        ["Militant attacks in Pakistan in the first half of 2023", ["Month | Attacks", "January | 44", "February | 50", "Total | 94"]],
        {},
        set(),
        {"table-monthly": 2, "table-partial-year": 1},
        id="months-of-half-a-year",
    ),
    pytest.param(
        ["Nothing to count here", ["Name | Role", "A | chair", "B | member"]],
        {"default_country": "PAK"},
        set(),
        {},
        id="no-numbers",
    ),
]


@pytest.mark.parametrize(("blocks", "options", "expected", "drops"), CASES)
def test_table_figures(vocabulary, blocks, options, expected, drops):
    published = "2024-03-20" if any("2024" in str(b) for b in blocks) else None
    document = make_document(*blocks, published=published)
    assert document.tables, "the fixture must make a table"
    figures, dropped = extract_table_figures(document, vocabulary, **options)
    assert {(f.year, f.country, f.group, f.metric, f.value) for f in figures} == expected
    assert dropped == drops
    for figure in figures:
        assert document.text[figure.start : figure.end] == figure.evidence
        assert any(t.start <= figure.start < figure.end <= t.end for t in document.tables)
        assert "\n" not in figure.evidence


def test_values_ranges_and_hedges_carry_over(vocabulary):
    document = make_document("Pakistan, 2014", ["Measure | Value", "Killed | 300-350", "Attacks | about 26", "Injured | 1,200+"])
    figures, _ = extract_table_figures(document, vocabulary)
    got = {f.metric: (f.value, f.value_high, f.approx, f.rule) for f in figures}
    assert got == {
        "killed": (300, 350, False, "table:caption-year"),
        "attacks": (26, None, True, "table:caption-year"),
        "injured": (1200, None, True, "table:caption-year"),
    }


def test_country_from_the_title_when_the_caption_has_none(vocabulary):
    document = make_document("Yearly totals", ["Year | Attacks", "2016 | 441"], title="Afghanistan: a decade of attacks")
    figures, _ = extract_table_figures(document, vocabulary, default_country="PAK")
    assert [(f.country, f.value) for f in figures] == [("AFG", 441)]


def test_partial_year_from_a_marker_note(vocabulary):
    document = make_document("Attacks in Pakistan", ["Year | Attacks", "2021 | 207", "2022** | 262"], "** January to June only")
    figures, drops = extract_table_figures(document, vocabulary)
    assert [(f.year, f.value) for f in figures] == [(2021, 207)]
    assert drops == {"table-partial-year": 1}


def test_a_marker_note_that_is_not_about_the_period_keeps_the_year(vocabulary):
    document = make_document("Attacks in Pakistan", ["Year | Attacks", "2021* | 207"], "* Includes two cross-border raids.")
    figures, drops = extract_table_figures(document, vocabulary)
    assert [(f.year, f.value) for f in figures] == [(2021, 207)]


def test_document_without_tables(vocabulary):
    document = Document(name="x", text="No tables at all.", format="text")
    assert extract_table_figures(document, vocabulary) == ([], {})


def test_tables_given_directly_use_the_text_spans(vocabulary):
    text = "Attacks in Pakistan\n\nYear | Attacks\n2019 | 229"
    table = Table(rows=(("Year", "Attacks"), ("2019", "229")), caption="Attacks in Pakistan", start=21, end=len(text), row_starts=(21, 36))
    document = Document(name="x", text=text, format="pdf", tables=(table,))
    (figure,) = extract_table_figures(document, vocabulary)[0]
    assert (figure.year, figure.value, figure.evidence, figure.start, figure.end) == (2019, 229, "2019 | 229", 36, len(text))


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("1,234", (1234, None, False)),
        ("1 234", (1234, None, False)),
        ("1.234", (1234, None, False)),
        ("26.5", (26.5, None, False)),
        ("1,234*", (1234, None, False)),
        ("56 [2]", (56, None, False)),
        ("12 (a)", (12, None, False)),
        ("370 (+12)", (370, None, False)),
        ("45†", (45, None, False)),
        ("~120", (120, None, True)),
        ("about 26", (26, None, True)),
        ("1,200+", (1200, None, True)),
        ("600-800", (600, 800, False)),
        ("600 to 800", (600, 800, False)),
        ("800-600", "unparsed-value"),
        ("NA", "no-value"),
        ("n/a", "no-value"),
        ("N.A.", "no-value"),
        ("-", "no-value"),
        ("—", "no-value"),
        ("", "no-value"),
        ("..", "no-value"),
        ("12%", "derived"),
        ("12/30", "unparsed-value"),
        ("twelve", "unparsed-value"),
    ],
)
def test_parse_value(cell, expected):
    assert parse_value(cell) == expected


@pytest.mark.parametrize(
    ("text", "facets"),
    [
        ("2017", {"year": 2017}),
        ("2024*", {"year": 2024, "marker": "*"}),
        ("2019 [1]", {"year": 2019, "marker": "[1]"}),
        ("2015-16", {"year": None, "span": True}),
        ("2000–2024", {"year": None, "span": True}),
        ("Since 2015", {"span": True}),
        ("Jan-Jun 2019", {"year": 2019, "partial": True}),
        ("2019 (January to December)", {"year": 2019, "partial": False}),
        ("Civilians", {"victim": "civilians", "base": None}),
        ("Security Forces (SF)", {"victim": "security", "ambiguous_security": True}),
        ("Terrorists/Insurgents/Extremists", {"victim": "militants"}),
        ("Terrorist attacks", {"victim": None, "base": "attacks"}),
        ("Militant deaths", {"victim": "militants", "base": "killed"}),
        ("Baloch insurgents", {"victim": None, "groups": frozenset({"nationalist-insurgents"})}),
        ("Killed in suicide attacks", {"base": "killed", "suicide": True}),
        ("Killed and injured", {"base": "casualties"}),
        ("Militants killed by security forces", {"victim": "militants", "groups": frozenset({"security-forces"}), "ambiguous_security": False}),
        ("Grand Total", {"total": True}),
        ("Total killed", {"total": True, "base": "killed"}),
        ("Share (%)", {"derived": True}),
        ("Militants arrested", {"out_of_scope": True}),
        ("Number", {"text": ""}),
        ("Khyber Pakhtunkhwa", {"region": True}),
        ("Not specified", {"unknown": True}),
        ("Balochistan Liberation Army", {"region": False, "groups": frozenset({"nationalist-insurgents"})}),
        ("Tehreek-e-Taliban Pakistan", {"countries": frozenset(), "groups": frozenset({"ttp"})}),
        ("Attacks in Balochistan", {"region": True}),
        ("March", {"month": True, "year": None}),
        ("Jan-Jun 2019", {"month": False, "partial": True}),
        ("Attacks that may be claimed", {"month": False, "base": "attacks"}),
    ],
)
def test_parse_label(vocabulary, text, facets):
    label = parse_label(text, vocabulary, "PAK")
    assert {key: getattr(label, key) for key in facets} == facets


CELL = st.one_of(
    st.sampled_from(["Year", "Attacks", "Killed", "Civilians", "SF", "Total", "TTP", "Balochistan", "NA", "-", "", "2017*", "Jan-Jun 2018", "%"]),
    st.integers(min_value=1990, max_value=2030).map(str),
    st.integers(min_value=0, max_value=99999).map(lambda n: f"{n:,}"),
)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(CELL, min_size=2, max_size=5), min_size=2, max_size=6), st.sampled_from(["", "Attacks in Pakistan, 2019", "Year-wise data"]))
def test_any_grid_gives_figures_inside_the_table_or_drops(vocabulary, grid, caption):
    assume(caption or any(cell.strip() for row in grid for cell in row))  # else no text at all: EmptyDocument
    blocks = ([caption] if caption else []) + ["<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in grid) + "</table>"]
    document = make_document(*blocks)
    figures, drops = extract_table_figures(document, vocabulary, default_country="PAK")
    assert all(count > 0 and reason.startswith("table-") for reason, count in drops.items())
    for figure in figures:
        assert document.text[figure.start : figure.end] == figure.evidence
        assert figure.metric in vocabulary.metrics and figure.group in vocabulary.groups
        assert 1970 <= figure.year <= 2100


def test_overview_of_incident_types(vocabulary):
    document = make_document(
        "Overview of violent incidents in Pakistan, 2017",
        [
            "Type | No. of attacks | Killed | Injured",
            "Terrorist attacks | 370 | 815 | 1,736",
            "Operational attacks by security forces | 75 | 207 | 30",
            "Clashes between security forces and militants | 68 | 180 | 60",
            "Rocket attacks | 12 | 3 | 9",
            "Target killings | 40 | 52 | 11",
            "Suicide attacks | 24 | 300 | 500",
        ],
    )
    figures, drops = extract_table_figures(document, vocabulary)
    assert {(f.group, f.metric, f.value) for f in figures} == {
        ("all", "attacks", 370),
        ("all", "killed", 815),
        ("all", "injured", 1736),
        ("security-forces", "operations", 75),
        ("security-forces", "killed", 207),
        ("security-forces", "injured", 30),
        ("all", "suicide_attacks", 24),
        ("all", "suicide_killed", 300),
        ("all", "suicide_injured", 500),
    }
    assert drops == {"table-unmapped-header": 9}


@pytest.mark.parametrize(
    ("between", "expected_years"),
    [(None, [2015, 2016, 2017, 2018]), ("A paragraph of commentary separates the two tables. " * 5, [2015, 2016])],
)
def test_a_header_less_table_right_after_another_continues_it(vocabulary, between, expected_years):
    first = ["Year | Attacks", "2015 | 625", "2016 | 441"]
    second = "<table><tr><td>2017</td><td>370</td></tr><tr><td>2018</td><td>262</td></tr></table>"
    blocks = ["Attacks in Pakistan", first] + ([between] if between else []) + [second]
    figures, _ = extract_table_figures(make_document(*blocks), vocabulary)
    assert sorted(f.year for f in figures) == expected_years


def test_bundled_html_samples_match_their_golden_table_rows(vocabulary):
    """The table rows of tests/golden for the HTML samples, read by parse_document and extract_table_figures."""
    import csv
    from pathlib import Path

    from transforms.documents import parse_document

    root = Path(__file__).resolve().parent.parent
    with open(root / "tests" / "golden" / "samples_figures.csv", encoding="utf-8") as handle:
        gold = [row for row in csv.DictReader(handle) if row["doc"].endswith(".html") and " | " in row["evidence"]]
    assert gold
    for path in sorted((root / "data" / "samples" / "html").glob("*.html")):
        document = parse_document(path.read_bytes(), name=path.name)
        figures, _ = extract_table_figures(document, vocabulary, default_country="PAK")
        got = {(f.year, f.country, f.group, f.metric, f.value, f.evidence) for f in figures}
        want = {
            (int(r["year"]), r["country"], r["group"], r["metric"], float(r["value"]), r["evidence"])
            for r in gold
            if r["doc"] == path.name
        }
        assert want <= got, path.name
        # beyond the golden rows only a Total row whose key the prose states too
        assert all(evidence.startswith("Total") for *_, evidence in got - want), path.name


def test_a_table_without_row_places_is_dropped_not_guessed(vocabulary):
    table = Table(rows=(("Year", "Attacks"), ("2019", "229")), caption="Attacks in Pakistan")
    document = Document(name="x", text="Attacks in Pakistan", format="pdf", tables=(table,))
    assert extract_table_figures(document, vocabulary) == ([], {"table-no-span": 1})


@pytest.mark.parametrize(
    ("note", "kept"),
    [
        ("<p><sup>*</sup> Data till March 3.</p>", [2023]),
        ("<p>Figures are compiled until 15 April.</p>", [2023]),
        ("<p>Figures are compiled until December 31.</p>", [2023, 2024]),
        ("<p>Figures are compiled from news reports.</p>", [2023, 2024]),
        ("<p>* Figures may change as reports come in.</p>", [2023, 2024]),
    ],
)
def test_notes_below_a_table_mark_the_running_year(vocabulary, note, kept):
    table = "<table><tr><th>Year</th><th>Attacks<sup>a</sup></th></tr><tr><td>2023</td><td>1,234<sup>12</sup></td></tr>"
    table += "<tr><td>2024<sup>*</sup></td><td>12</td></tr></table>"
    figures, _ = extract_table_figures(make_document("Attacks in Pakistan", table, note), vocabulary)
    assert [f.year for f in figures] == kept
