"""Numbers as security reports write them: digits, words, ranges, percentages, hedges and vague quantities.

`find_numbers(text)` returns every number mention of a text with its span, value and kind. Only
kinds "count" and "percent" can become figures; the other kinds (year, date, time, money, ordinal,
fraction, reference, measure) are recognised so that they are never mistaken for counts.

Conventions:
- Thousands separators are commas or (thin) spaces: "1,815" and "1 395" are 1815 and 1395.
- A range ("600 to 800", "between 50 and 60", "50-60") is one mention with value and value_high.
  "from N to M" is not a range but a before/after pair: two mentions.
- A hedge right before a number ("nearly", "over", "at least", "around", "more than", "almost",
  "roughly", "some", "about", ...) sets approx on that number only. "As many as" is emphasis, not a hedge.
- Vague quantities follow ACLED's convention: "tens" -> 10, "dozens" -> 12, "hundreds" -> 100
  (and "thousands" -> 1000, "hundreds of thousands" -> 100000), always approx. "a dozen" is 12, "two dozen" 24.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_ORDINALS = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|twentieth|hundredth"
)
_FRACTIONS = {
    "half": 50.0, "third": 100 / 3, "thirds": 100 / 3, "quarter": 25.0, "quarters": 25.0,
    "fourth": 25.0, "fourths": 25.0, "fifth": 20.0, "fifths": 20.0,
}
_VAGUE = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000}

_WORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True))
# a run of number words: "two hundred and fifty", "twenty-five", "a dozen", "one thousand two hundred"
_WORD_NUMBER = rf"\b(?:(?:{_WORD})(?:(?:[\s-]+|\s+and\s+)(?:{_WORD}))*(?:\s+dozen)?|a\s+dozen|a\s+hundred|a\s+thousand)\b"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]\d)|\d+(?:\.\d+)?"
_AMOUNT = rf"(?:{_DIGITS})(?:\s+(?:million|billion))?|{_WORD_NUMBER}"
_PERCENT_SIGN = r"\s?(?:%|per\s?cent\b|percent\b|pc\b|pct\b|percentage points\b)"
_MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)



def _trie(words: set[str]) -> str:
    """An alternation of words as a trie: re tries the alternatives of a group one by one, a trie one letter at a time."""
    tree: dict = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}  # a word ends here

    def branch(node: dict) -> str:
        parts = [re.escape(letter) + branch(child) for letter, child in sorted(node.items()) if letter]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return f"(?:{body})?" if "" in node else body

    return branch(tree)


# the words a mention can start with (number words, ordinals, vague quantities, 'between', months, currencies and
# reference words below), each ending at a word boundary; currencies can be glued to their amount ("Rs500")
_FIRST_WORDS = {
    *_UNITS, *_TENS, *_SCALES, *_ORDINALS.split("|"), *_VAGUE, "half", "between",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "us",
    "p", "pp", "page", "pages", "para", "paras", "paragraph", "section", "article", "chapter", "no", "vol", "fig",
    "figure", "table",
}
_GLUED_CURRENCIES = "usd|pkr|rs|afs"

# Ordered alternatives: dates, times, money and references before plain numbers, ranges before single numbers.
_MENTION = re.compile(
    rf"""
    # a mention starts with a digit, a currency sign or bracket, "a " ("a dozen", "a half") or one of _FIRST_WORDS:
    # this quick test, a trie, is what re tries at every position of the text, so it decides the speed of the scan
    # (and it stops "others 500" reading as rupees)
    (?=[\d$€£+(\[]|\b(?:a[\s-]|{_GLUED_CURRENCIES}|{_trie(_FIRST_WORDS)}\b))
    (?:(?P<date>\d{{4}}-\d{{2}}-\d{{2}}(?:T[\d:.]+Z?)?
        |\d{{1,2}}/\d{{1,2}}/\d{{2,4}}
        |\d{{1,2}}-(?:{_MONTH})-\d{{2,4}}
        |(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?(?!\d)
        |\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})(?:,?\s+\d{{4}})?)
    |(?P<time>\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*[AaPp]\.?[Mm]\.?)?)
    |(?P<phone>\+\d[\d\s()-]{{7,}}\d|\(0\d{{2,4}}\)\s?\d{{5,8}}|\b0\d{{2,4}}-\d{{6,8}})
    |(?P<money>(?:US\$|\$|Rs\.?\s?|PKR\s?|USD\s?|€|£|Afs\.?\s?)\s?(?:{_AMOUNT})(?:\s?(?:million|billion|bn|mn|m|crore|lakh)\b)?
        |(?:{_AMOUNT})\s+(?:dollars|rupees|afghanis|euros)\b)
    |(?P<reference>\b(?:pp?|pages?|para|paras|paragraph|section|article|chapter|no|vol|fig|figure|table)\.?\s+\d+(?:[.-]\d+)*
        |\[\d+(?:[,-]\d+)*\])
    |(?P<ordinal>\b\d+(?:st|nd|rd|th)\b|\b(?:{_ORDINALS})\b)
    |(?P<range>(?P<between>\bbetween\s+)?(?P<low>{_DIGITS}|{_WORD_NUMBER})(?P<lowpct>{_PERCENT_SIGN})?
        (?(between)\s+and\s+|\s*(?:-|–|—|to)\s*)
        (?P<high>{_DIGITS}|{_WORD_NUMBER})(?P<highpct>{_PERCENT_SIGN})?)
    |(?P<fraction>\b(?:a|one|two|three)[\s-]+(?:half|thirds?|quarters?|fourths?|fifths?)\b|\bhalf\b)
    |(?P<vague>\b(?:(?:tens|dozens|scores|hundreds|thousands)(?:\s+of\s+(?:thousands|millions))?)\b)
    |(?P<number>(?:{_DIGITS})(?:\s+(?:million|billion)\b)?(?:{_PERCENT_SIGN})?
        |(?:{_WORD_NUMBER})(?:{_PERCENT_SIGN})?))
    """,
    re.VERBOSE | re.IGNORECASE,
)

_HEDGE = re.compile(
    r"(?:\b(?:nearly|almost|over|just\s+over|just\s+under|around|about|roughly|approximately|approx\.?|some"
    r"|circa|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|upwards\s+of|in\s+excess\s+of"
    r"|close\s+to|an\s+estimated|estimated|below|above|under|nearly\s+over)|~)\s*[“\"']?\s*$",
    re.IGNORECASE,
)
_ADDED_UP = re.compile(r"\b(?:add|adds|added|adding|sum|sums|summed|summing)\s+$", re.IGNORECASE)
_AS_MANY_AS = re.compile(r"\bas\s+(?:many|much|high)\s+as\s*$", re.IGNORECASE)
_PERCENT_TAIL = re.compile(_PERCENT_SIGN + r"\s*$", re.IGNORECASE)
_AGE = re.compile(r"(?:\baged?\s+(?:of\s+)?|\bages\s+)$", re.IGNORECASE)
_MEASURE_AFTER = re.compile(
    r"^(?:-|\s)?(?:strong\b|year-old|years?\s+old|-years?-old|km\b|kilometres?\b|kilometers?\b|kg\b|kilograms?\b"
    r"|miles?\b|metres?\b|meters?\b|hours?\b|minutes?\b|seconds?\b|a\.m\.|p\.m\.|am\b|pm\b)",
    re.IGNORECASE,
)
_LIST_NUMBER = re.compile(r"(?:^|\n)[ \t]*(?:•[ \t]*)?$")
_LIST_TAIL = re.compile(r"^(?:\.\d+)*[.)](?:\s|$)")
_FROM = re.compile(r"\bfrom\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


@dataclass(frozen=True)
class NumberMention:
    """One number in a text: its span (hedge excluded), value, optional upper bound, kind and hedge."""

    start: int
    end: int
    value: float
    kind: str  # count, percent, year, date, time, phone, money, reference, ordinal, fraction, measure
    value_high: float | None = None
    approx: bool = False
    hedge_start: int | None = None  # where the hedge begins, when there is one
    words: bool = False  # written in words ("six") rather than digits


def parse_digits(text: str) -> float:
    """'1,815' -> 1815, '1 395' -> 1395, '26.5' -> 26.5, '1.5 million' -> 1500000."""
    scale = 1
    lowered = text.lower()
    for name, factor in (("million", 1_000_000), ("billion", 1_000_000_000)):
        if lowered.rstrip().endswith(name):
            scale = factor
            lowered = lowered.rstrip()[: -len(name)]
    cleaned = re.sub(r"[,\s\u00a0\u202f]", "", lowered)
    value = float(cleaned) * scale
    return value


def parse_number_words(text: str) -> int | None:
    """'two hundred and fifty' -> 250, 'twenty-five' -> 25, 'a dozen' -> 12; None when not a number."""
    words = [w for w in re.split(r"[\s-]+", text.lower().strip()) if w and w != "and"]
    if words[:2] in (["a", "dozen"],):
        return 12 if len(words) == 2 else None
    if len(words) > 1 and words[-1] == "dozen":  # "two dozen" -> 24
        dozens = parse_number_words(" ".join(words[:-1]))
        return dozens * 12 if dozens is not None else None
    if words and words[0] == "a":
        words = ["one", *words[1:]]
    if not words:
        return None
    total = 0
    current = 0
    seen = False
    for word in words:
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _amount(text: str) -> tuple[float, bool]:
    """The value of a digits-or-words amount, and whether it was written in words."""
    stripped = _PERCENT_TAIL.sub("", text).strip()
    if stripped and stripped[0].isdigit():
        return parse_digits(stripped), False
    value = parse_number_words(stripped)
    if value is None:
        raise ValueError(f"not a number: {text!r}")
    return float(value), True


def _hedge(text: str, start: int) -> int | None:
    """Where a hedge ends right before `start`, if the number is hedged."""
    window = text[max(0, start - 40) : start]
    if _AS_MANY_AS.search(window):
        return None
    found = _HEDGE.search(window)
    if not found:
        return None
    if window[found.start() :].lower().startswith("up") and _ADDED_UP.search(window, 0, found.start()):
        return None  # "added up to 442" states the sum, it does not bound it
    return start - (len(window) - found.start())


def _is_year(value: float, raw: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1900 <= value <= 2099


def _year_or_count(text: str, match: re.Match[str], value: float) -> str:
    """A bare four-digit number between 1900 and 2099 is a year unless a count noun follows it directly."""
    after = text[match.end() : match.end() + 40].lower()
    before = text[max(0, match.start() - 12) : match.start()].lower()
    counted = re.match(
        r"\s+(?:people|persons|civilians|attacks|incidents|militants|deaths|fatalities|casualties"
        r"|injured|killed|wounded|injuries|operations|actions|soldiers|terrorists|fighters|security)\b",
        after,
    )
    if counted and not re.search(r"(?:\bthe|\bof|\bin|\bsince|\bduring|\bfor|\bfrom|\bto|\band|’s|'s)\s+$", before):
        return "count"
    return "year"


def _kind(text: str, match: re.Match[str]) -> str:
    """The kind of a plain number from its form and its immediate context."""
    raw = match.group("number")
    before = text[max(0, match.start() - 20) : match.start()]
    after = text[match.end() : match.end() + 20]
    if _PERCENT_TAIL.search(raw):
        return "percent"
    if _AGE.search(before) or _MEASURE_AFTER.match(after):
        return "measure"
    if before.endswith("(") and after.startswith(")") and not re.search(r"%|per\s?cent|pc\)", before, re.I):
        # "(257)" after a word is a footnote call unless it follows a share or a "number of" phrase;
        # the prose rules decide those cases, so mark it and let them look
        return "parenthesised"
    if raw[0].isdigit() and _LIST_NUMBER.search(before) and _LIST_TAIL.match(after):
        return "reference"
    if re.fullmatch(r"\d+\.\d+\.\d+", raw):
        return "reference"
    if raw.isdigit() and _is_year(float(raw), raw):
        return "year"
    return "count"


def find_numbers(text: str) -> list[NumberMention]:
    """Every number mention of a text, in order, with its kind, value and hedge."""
    return find_numbers_in(text, 0, len(text))


def find_numbers_in(text: str, start: int, end: int) -> list[NumberMention]:
    """The number mentions inside text[start:end], reading the context around the span."""
    found: list[NumberMention] = []
    for match in _MENTION.finditer(text, start, end):
        kind = match.lastgroup
        start, end = match.start(), match.end()
        if kind in ("date", "time", "phone", "money", "reference", "ordinal"):
            found.append(NumberMention(start, end, 0.0, "reference" if kind == "phone" else kind))
            continue
        # a number glued to letters on either side is part of a word or a code ("G7", "F-16", "3rd")
        if start > 0 and (text[start - 1].isalnum() and not match.group(0)[0].isalpha()):
            if not re.match(r"[A-Za-z]{3,}$", text[max(0, start - 3) : start]) or text[start - 1].isdigit():
                continue
        if end < len(text) and text[end].isalnum() and text[end - 1].isdigit():
            continue
        hedge_start = _hedge(text, start)
        approx = hedge_start is not None
        # "fell by 38% to 564" is a change then a count; "in 2012 to 1,650" a year then a count
        split = (match.group("lowpct") and not match.group("highpct")) or (
            kind == "range" and match.group("low").strip().isdigit() and match.group("low").strip()[:2] in ("19", "20")
            and len(match.group("low").strip()) == 4 and not re.fullmatch(r"(?:19|20)\d\d", match.group("high").strip())
        )
        if kind == "range" and (split or (not match.group("between") and _FROM.search(text, max(0, start - 30), start))):
            # "from 980 to 679" is a before/after pair, not a range: read the two numbers apart
            found.extend(find_numbers_in(text, match.start("low"), match.end("lowpct") if match.group("lowpct") else match.end("low")))
            # ("in 2018 - 63 per cent more": the second number keeps its percent sign)
            found.extend(find_numbers_in(text, match.start("high"), match.end("highpct") if match.group("highpct") else match.end("high")))
            continue
        if kind == "range":
            try:
                low, low_words = _amount(match.group("low"))
                high, _ = _amount(match.group("high"))
            except ValueError:
                continue
            low_raw = match.group("low").strip()
            high_raw = match.group("high").strip()
            hyphened = text[match.end("low") : match.start("high")] == "-"
            joined = parse_number_words(match.group(0)) if low_words else None
            if joined is not None and (high <= low or hyphened):
                # "thirty-two" is one number, not a range from thirty to two
                found.append(NumberMention(start, end, float(joined), "count", None, approx, hedge_start, True))
                continue
            if _is_year(low, low_raw) or _is_year(high, high_raw) or high <= low:
                # "2015-2019" or "2012-13" are year spans; "10-5" is not a range
                found.append(NumberMention(start, end, low, "year" if _is_year(low, low_raw) else "reference"))
                continue
            is_percent = bool(match.group("highpct") or match.group("lowpct"))
            found.append(
                NumberMention(
                    start + (len(match.group("between")) if match.group("between") else 0),
                    end, low, "percent" if is_percent else "count", high, approx, hedge_start, low_words,
                )
            )
            continue
        if kind == "fraction":
            phrase = match.group(0).lower()
            parts = re.split(r"[\s-]+", phrase)
            share = _FRACTIONS[parts[-1]]
            count = 1 if parts[0] in ("a", "one", "half") else _UNITS.get(parts[0], 1)
            found.append(NumberMention(start, end, round(share * count, 1), "fraction", None, approx, hedge_start, True))
            continue
        if kind == "vague":
            phrase = match.group(0).lower().split()
            value = float(_VAGUE[phrase[0]])
            if len(phrase) == 3:
                value *= 1000 if phrase[2] == "thousands" else 1_000_000
            found.append(NumberMention(start, end, value, "count", None, True, hedge_start, True))
            continue
        try:
            value, words = _amount(match.group("number"))
        except ValueError:
            continue
        number_kind = _kind(text, match)
        if number_kind == "year":
            number_kind = _year_or_count(text, match, value)
        found.append(NumberMention(start, end, value, number_kind, None, approx, hedge_start, words))
    return found
