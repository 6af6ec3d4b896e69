"""Diffs between releases list exactly the cells that changed."""
from tests.factories import extraction, figure, info
from transforms.diff import diff_cells, summarize_diff
from transforms.normalize import figures_to_facts, reconcile_series


def series_of(*figures):
    facts = figures_to_facts([(info("a.txt"), extraction(*figures))])
    return reconcile_series(facts, {"PAK": ["PIPS"]})


def test_added_changed_removed_and_unchanged():
    old = series_of(figure(2016, "PAK", "all", "attacks", 441), figure(2017, "PAK", "all", "attacks", 370),
                    figure(2017, "PAK", "all", "killed", 815))
    new = series_of(figure(2016, "PAK", "all", "attacks", 441), figure(2017, "PAK", "all", "attacks", 371, evidence="revised: 371"),
                    figure(2018, "PAK", "all", "attacks", 262))
    changes = diff_cells(old, new)
    rows = changes[["change", "year", "metric", "old_value", "new_value"]].values.tolist()
    assert [r[:3] for r in rows] == [["changed", 2017, "attacks"], ["removed", 2017, "killed"], ["added", 2018, "attacks"]]
    assert changes.loc[0, "evidence"] == "revised: 371"
    text = summarize_diff(changes, "v1", "v2")
    assert "1 cells added, 1 changed, 1 removed" in text and "370 (PIPS) -> 371 (PIPS)" in text


def test_first_release_adds_everything():
    new = series_of(figure(2017, "PAK", "all", "attacks", 370))
    assert diff_cells(None, new)["change"].tolist() == ["added"]


def test_same_data_no_changes():
    s = series_of(figure(2017, "PAK", "all", "attacks", 370))
    assert diff_cells(s, s).empty
