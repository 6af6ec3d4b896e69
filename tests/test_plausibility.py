"""Figures no report can mean quarantine their document."""
import pytest

from tests.factories import extraction, figure
from transforms.model import ImplausibleDocument
from transforms.plausibility import check_plausible, implausible


@pytest.mark.parametrize(
    "fig, reason",
    [
        (figure(2017, "PAK", "all", "killed", 815), None),
        (figure(2017, "PAK", "all", "attacks_change_pct", -16), None),
        (figure(2031, "PAK", "all", "killed", 815), "year outside 1970-2026: 2031 PAK all killed = 815"),
        (figure(1950, "PAK", "all", "killed", 815), "year outside 1970-2026"),
        (figure(2017, "PAK", "all", "killed", 1e15), "impossible count: 2017 PAK all killed = 1e+15"),
        (figure(2017, "PAK", "all", "killed", -4), "impossible count"),
        (figure(2017, "AFG", "islamic-state", "fighters", 600, value_high=5e6), "impossible count"),
        (figure(2017, "PAK", "all", "killed_change_pct", -140), "impossible change"),
    ],
)
def test_implausible_figures(fig, reason):
    found = implausible(extraction(fig), max_year=2026)
    assert (found is None) if reason is None else reason in found


def test_the_error_names_the_document():
    with pytest.raises(ImplausibleDocument, match="bad.txt: implausible: year outside"):
        check_plausible("bad.txt", extraction(figure(2099, "PAK", "all", "killed", 1)), max_year=2026)
