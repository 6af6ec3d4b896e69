"""Invariants of the prose extractor and the number parser, on generated input."""
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.reading import read_vocabulary
from transforms.extract import extract_figures
from transforms.model import Document
from transforms.numbers import find_numbers
from transforms.reference import Mention, _alias_pattern

VOCABULARY = read_vocabulary()

_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _words(n: int) -> str:
    """An int below a million in English words, the way reports spell them ('two hundred and six')."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _UNITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return _UNITS[n // 100] + " hundred" + (" and " + _words(rest) if rest else "")
    rest = n % 1000
    return _words(n // 1000) + " thousand" + ((" and " if rest < 100 else " ") + _words(rest) if rest else "")


_FRAGMENTS = st.sampled_from(
    [
        "attacks", "killed", "in 2019", "last year", "(", ")", "respectively", "by TTP", "percent", "%", "Balochistan",
        "security forces", "including", "civilians", "injured", "a total of", ",", ".", "\n", "–", "compared to 2018",
        "42pc", "1 395", "nearly", "per month", "the year", "Pakistan", "Afghanistan", "rose to", "up from", ":",
        "\nRelated:", "\nRead more:",
    ]
)
_TEXT = st.lists(st.one_of(_FRAGMENTS, st.integers(0, 100000).map(str), st.text(max_size=12)), max_size=40).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from([None, "2019", "2020-01-02", "2018-06"]))
def test_extraction_never_crashes_and_evidence_is_a_span_of_the_text(text, published):
    document = Document(name="x.txt", text=text, format="text", published=published)
    extraction = extract_figures(document, VOCABULARY, default_country="PAK")
    for figure in extraction.figures:
        assert 0 <= figure.start <= figure.end <= len(text)
        assert text[figure.start : figure.end] == figure.evidence
        assert figure.metric in VOCABULARY.metrics
        assert figure.group in VOCABULARY.groups
    assert all(count > 0 for _, count in extraction.drops)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_extraction_never_crashes_on_any_string(text):
    extract_figures(Document(name="x.txt", text=text, format="text", published="2020"), VOCABULARY)


def _counts(text):
    return [m.value for m in find_numbers(text) if m.kind == "count"]


@given(st.integers(0, 9_999_999).filter(lambda n: not 1900 <= n <= 2099))
def test_digits_round_trip_with_and_without_separators(n):
    assert _counts(f"they counted {n} attacks") == [n]
    assert _counts(f"they counted {n:,} attacks") == [n]
    if n >= 1000:
        assert _counts("they counted " + f"{n:,}".replace(",", " ") + " attacks") == [n]


@given(st.integers(1, 999_999))
def test_words_round_trip(n):
    assert _counts(f"they counted {_words(n)} attacks") == [n]


def _alternation_mentions(matcher, text, country):
    """What one alternation over every alias finds: the matcher's behaviour before its keyword prefilter."""
    found = []
    for match in _alias_pattern(matcher._ordered).finditer(text):
        alias = matcher._ordered[int(match.lastgroup[1:])]
        if alias.country and alias.country != country:
            continue
        found.append(Mention(match.start(), match.end(), alias.target, alias))
    return found


_ALIAS_TEXT = st.lists(
    st.one_of(
        st.sampled_from([a.text for m in (VOCABULARY.group_matcher, VOCABULARY.country_matcher) for a in m._ordered]),
        st.sampled_from(["-", " ", "  ", "\n", "s", "the", "Taleban", "e", "ISIS-K", "(", "’s", "IS,", "afghan"]),
        st.text(max_size=6),
    ),
    max_size=25,
).map(lambda parts: "".join(p if i % 3 else p.upper() if i % 5 == 0 else p for i, p in enumerate(parts)))


@settings(max_examples=400, deadline=None)
@given(_ALIAS_TEXT, st.sampled_from([None, "PAK", "AFG"]))
def test_alias_search_finds_what_one_alternation_finds(text, country):
    for matcher in (VOCABULARY.group_matcher, VOCABULARY.country_matcher, VOCABULARY.region_matcher):
        assert matcher.find(text, country) == _alternation_mentions(matcher, text, country)
