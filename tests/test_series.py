"""Which organisation's series a document belongs to."""
import pytest

from flows.reading import read_publishers, read_series_priority
from transforms.model import Document
from transforms.series import identify_series


@pytest.fixture(scope="module")
def publishers():
    return read_publishers()


@pytest.mark.parametrize(
    "source_publisher, source_org, text, expected",
    [
        # a source run by the organisation speaks for it, whatever the text quotes
        ("PICSS", None, "Unlike PIPS and PIPS again, the institute counted 645 attacks.", ("PICSS", True)),
        ("Pak Institute for Peace Studies (PIPS)", None, "A total of 262 attacks.", ("PIPS", True)),
        # a newspaper: the header names whose figures these are
        ("press", "CRSS via a daily newspaper", "Fatalities rose to 853.", ("CRSS", False)),
        # no header: the organisation the text credits most often
        ("press", None, "The Islamabad Policy Institute counted 230 incidents, IPI said; PIPS disagreed.", ("IPI", False)),
        ("press", None, "According to the Global Terrorism Index, deaths fell.", ("GTI", False)),
        # nobody credited: the newspaper's own reporting
        ("Dawn", None, "Police said 12 attacks took place.", ("Dawn", True)),
    ],
)
def test_series_of_a_document(publishers, source_publisher, source_org, text, expected):
    document = Document(name="d.txt", text=text, format="text", source_org=source_org)
    assert identify_series(document, publishers, source_publisher) == expected


def test_priority_lists_name_known_publishers(publishers, vocabulary):
    for country, series in read_series_priority().items():
        assert country in vocabulary.countries
        assert all(publishers.canonical(s) == s for s in series), series
