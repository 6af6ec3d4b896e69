"""Numbers as reports write them: digits, words, ranges, percentages, hedges, vague quantities."""
import pytest

from transforms.numbers import find_numbers, parse_digits, parse_number_words


def _one(text):
    found = [m for m in find_numbers(text) if m.kind in ("count", "percent")]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, value, value_high, kind, approx",
    [
        ("officials counted 2,315 dead", 2315, None, "count", False),
        ("the monitor logged 2 461 attacks", 2461, None, "count", False),
        ("some 12,004 people", 12004, None, "count", True),
        ("eight bombings", 8, None, "count", False),
        ("three hundred and forty militants", 340, None, "count", False),
        ("thirty-two soldiers", 32, None, "count", False),
        ("a dozen policemen", 12, None, "count", False),
        ("two dozen bombings", 24, None, "count", False),
        ("dozens of civilians", 12, None, "count", True),
        ("Hundreds of thousands fled", 100_000, None, "count", True),
        ("Between forty and fifty", 40, 50, "count", False),
        ("a dozen", 12, None, "count", False),
        ("SIXTEEN", 16, None, "count", False),
        ("tens of villagers", 10, None, "count", True),
        ("hundreds of fighters", 100, None, "count", True),
        ("between 40 and 45 fighters", 40, 45, "count", False),
        ("a force of 300 to 450 men", 300, 450, "count", False),
        ("a 22% fall", 22, None, "percent", False),
        ("a 57pc jump", 57, None, "percent", False),
        ("up 12.5pc on the year", 12.5, None, "percent", False),
        ("fell by 19 %", 19, None, "percent", False),
        ("rose by nine per cent", 9, None, "percent", False),
        ("nearly 700 deaths", 700, None, "count", True),
        ("more than 210 attacks", 210, None, "count", True),
        ("at least 35 people", 35, None, "count", True),
        ("almost 90 people", 90, None, "count", True),
        ("roughly 48 percent", 48, None, "percent", True),
        ("around 5,000 fighters", 5000, None, "count", True),
        ("as many as 64 people", 64, None, "count", False),
        ("up to 70 people", 70, None, "count", True),
        ("incidents added up to 510", 510, None, "count", False),
        ("killed 2000 people", 2000, None, "count", False),
    ],
)
def test_number_mentions(text, value, value_high, kind, approx):
    mention = _one(text)
    assert (mention.value, mention.value_high, mention.kind, mention.approx) == (value, value_high, kind, approx)


def test_a_word_that_ends_in_letters_before_a_number_is_not_a_currency():
    assert [(m.kind, m.value) for m in find_numbers("the others 500 were wounded; Rs 500 was paid")] == [("count", 500), ("money", 0)]


def test_a_hedge_counts_only_for_its_number():
    found = find_numbers("over 400 were killed and 1,210 wounded")
    assert [(m.value, m.approx) for m in found] == [(400, True), (1210, False)]


def test_from_to_is_a_pair_not_a_range():
    found = find_numbers("attacks fell from 410 to 305")
    assert [(m.value, m.value_high) for m in found] == [(410, None), (305, None)]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("in 2019 the", "year"),
        ("on 14 March 2020,", "date"),
        ("on March 14, 2020", "date"),
        ("dated 2020-03-14", "date"),
        ("posted 3/14/2020", "date"),
        ("at 10:45 am", "time"),
        ("a $2 billion package", "money"),
        ("Rs 500 million", "money"),
        ("see p. 41", "reference"),
        ("[12]", "reference"),
        ("the 60,000-strong force", "measure"),
        ("a boy aged 12", "measure"),
        ("the fourth year", "ordinal"),
        ("the 3rd time", "ordinal"),
        ("two-thirds of", "fraction"),
        ("call +92 51 1234567", "reference"),
        # currencies glued to their amount, and the words the scan's quick test must let a mention start with
        ("paid PKR500 each", "money"),
        ("paid Rs500 each", "money"),
        ("USD500 in aid", "money"),
        ("Afs.500 in aid", "money"),
        ("US$ 20 million", "money"),
        ("forty dollars", "money"),
        ("Sept. 4, 2019", "date"),
        ("para. 12", "reference"),
        ("Table 3", "reference"),
        ("no. 7", "reference"),
        ("the twelfth day", "ordinal"),
        ("A half of", "fraction"),
    ],
)
def test_numbers_that_are_not_counts(text, kind):
    assert [m.kind for m in find_numbers(text)] == [kind]


def test_list_numbering_is_not_a_count():
    assert [m.kind for m in find_numbers("2.4. Militant violence")] == ["reference"]


def test_footnote_call_is_marked():
    assert [m.kind for m in find_numbers("the survey (118) found")] == ["parenthesised"]


@pytest.mark.parametrize(
    "words, value",
    [("seven", 7), ("nineteen", 19), ("forty-four", 44), ("two hundred and six", 206), ("one thousand and one", 1001),
     ("a hundred", 100), ("a dozen", 12), ("three thousand four hundred", 3400), ("attacks", None)],
)
def test_parse_number_words(words, value):
    assert parse_number_words(words) == value


@pytest.mark.parametrize("text, value", [("1,815", 1815), ("1 395", 1395), ("26.5", 26.5), ("2.5 million", 2_500_000)])
def test_parse_digits(text, value):
    assert parse_digits(text) == value
