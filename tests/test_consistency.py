"""Checks across cells of one series."""
import pytest

from tests.factories import extraction, figure, info
from transforms.consistency import check_consistency
from transforms.normalize import figures_to_facts, reconcile_series


def series_of(*figures, publisher="PIPS"):
    facts = figures_to_facts([(info("a.txt", publisher=publisher), extraction(*figures))])
    return reconcile_series(facts, {"PAK": ["PIPS"]})


@pytest.mark.parametrize(
    "figures, expected",
    [
        ([figure(2017, "PAK", "ttp", "attacks", 213), figure(2017, "PAK", "all", "attacks", 370)], []),
        ([figure(2017, "PAK", "ttp", "attacks", 400), figure(2017, "PAK", "all", "attacks", 370)],
         [("group-above-total", "error", "ttp/attacks")]),
        # combined totals and operations are not parts of the attacks total
        ([figure(2017, "PAK", "all-violence", "killed", 1395), figure(2017, "PAK", "all", "killed", 815)], []),
        ([figure(2017, "PAK", "all", "killed", 300), figure(2017, "PAK", "all", "casualties", 250)],
         [("part-above-whole", "error", "all/killed")]),
        ([figure(2018, "PAK", "all", "killed_civilians", 356), figure(2018, "PAK", "all", "killed", 577)], []),
        ([figure(2016, "PAK", "all", "attacks", 441), figure(2017, "PAK", "all", "attacks", 370),
          figure(2017, "PAK", "all", "attacks_change_pct", -16)], []),
        ([figure(2016, "PAK", "all", "attacks", 441), figure(2017, "PAK", "all", "attacks", 370),
          figure(2017, "PAK", "all", "attacks_change_pct", 16)],
         [("change-contradicts-counts", "warning", "all/attacks_change_pct")]),
    ],
)
def test_checks(figures, expected):
    found = check_consistency(series_of(*figures))
    assert [(i.check, i.severity, i.cell) for i in found] == expected


def test_different_series_are_never_compared():
    facts = figures_to_facts([
        (info("a.txt", publisher="PIPS"), extraction(figure(2017, "PAK", "all", "attacks", 370))),
        (info("b.txt", publisher="CRSS", source_id="b"), extraction(figure(2017, "PAK", "ttp", "attacks", 400))),
    ])
    assert check_consistency(reconcile_series(facts, {"PAK": ["PIPS"]})) == []


def test_an_inconsistency_names_both_documents():
    (issue,) = check_consistency(series_of(figure(2017, "PAK", "ttp", "attacks", 400), figure(2017, "PAK", "all", "attacks", 370)))
    assert "400 above the total 370" in issue.line() and issue.documents[0] == issue.documents[1]
