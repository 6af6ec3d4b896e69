"""What a table's row stubs, column headers, captions and cells say, in the codebook's terms."""
from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.reference import Vocabulary

PEOPLE = ("killed", "injured", "casualties")

MARKER = r"(?:\*+|[†‡§#¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\w{1,3}\]|\((?:[a-z]|\d{1,2}|i{1,3}|iv|vi{0,3})\))"
_TRAILING_MARKERS = re.compile(rf"(?:\s*{MARKER})+\s*$")
YEAR = re.compile(r"(?<!\d)(?<!\d[.,])(19[7-9]\d|20\d\d)(?!\d|[.,]\d)")
_YEAR_SPAN = re.compile(
    r"(?<!\d)(?:19|20)\d\d\s*(?:[-–—/]|\bto\b|\band\b|&)\s*(?:(?:19|20)\d\d|\d\d)(?!\d)"
    r"|\bsince\s+(?:19|20)\d\d|(?:19|20)\d\d\s+onwards?\b|\bfy\s*(?:19|20)?\d\d",
    re.IGNORECASE,
)
_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?"
)
_MONTH_WORD = re.compile(rf"\b({_MONTH})\b\.?", re.IGNORECASE)
_PERIOD_WORDS = re.compile(
    r"\b(?:so far|to date|till date|ytd|year[- ]to[- ]date|first half|second half|half[- ]year(?:ly)?|h[12]|q[1-4]"
    r"|quarter(?:ly)?|(?:first|last|past|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven) (?:months?|weeks?)"
    r"|partial)\b",
    re.IGNORECASE,
)
_UNTIL = re.compile(r"\b(?:till|until|up ?to|as of|as on|through|thru)\b", re.IGNORECASE)
# "till March 15, 2024", "January-June 2024": a year that the data does not cover in full
_PARTIAL_PHRASE = re.compile(
    rf"\b(?:till|until|up ?to|as of|as on|through|thru|to)\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
    rf"(?P<month>{_MONTH})\b\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?\s+(?P<year>(?:19|20)\d\d)"
    rf"|\b(?:{_MONTH})\.?\s*[-–—]\s*(?P<month2>{_MONTH})\b\.?,?\s+(?P<year2>(?:19|20)\d\d)",
    re.IGNORECASE,
)
_DERIVED = re.compile(
    r"%|\bper ?cent|\bpercentage\b|\bshare\b|\bproportion\b|\bchange\b|\bincrease\b|\bdecrease\b|\bdecline\b"
    r"|\bgrowth\b|\bratio\b|\brate\b|\baverage\b|\bavg\b|\bmean\b|\bper (?:month|day|week|attack|incident)\b"
    r"|\bmonthly\b|\bdaily\b|\brank(?:ing)?\b|\bscore\b|\bindex\b",
    re.IGNORECASE,
)
# counted things the codebook leaves out: arrests, kidnappings, displacement, seizures
_OUT_OF_SCOPE = re.compile(
    r"\b(?:arrest(?:ed|s)?|kidnap(?:ped|pings?|s)?|abduct(?:ed|ions?|s)?|displaced|surrender(?:ed|s)?|recovered"
    r"|seized|captured|apprehended|detained|detentions?|hostages?|missing)\b",
    re.IGNORECASE,
)
_BASES = (
    (
        "casualties",
        re.compile(r"\bcasualt(?:y|ies)\b|\b(?:killed|dead|deaths)\s*(?:and|&|/|\+)\s*(?:injured|wounded)\b", re.I),
    ),
    (
        "killed",
        re.compile(r"\b(?:killed|kills|killings?|deaths?|dead|fatalit(?:y|ies)|lives? lost|martyred|murdered)\b", re.I),
    ),
    ("injured", re.compile(r"\b(?:injured|injur(?:y|ies)|wounded|hurt)\b", re.I)),
    ("operations", re.compile(r"\b(?:operations?|operational|actions?|raids?)\b", re.I)),
    ("attacks", re.compile(r"\b(?:attacks?|strikes?|bombings?|blasts?|explosions?|assaults?)\b", re.I)),
    ("incidents", re.compile(r"\b(?:incidents?|events?)\b", re.I)),
    ("fighters", re.compile(r"\b(?:fighters|strength|cadres)\b", re.I)),
)
_SUICIDE = re.compile(r"\bsuicide\b", re.IGNORECASE)
_VICTIMS = (
    (
        "progov",
        re.compile(
            r"\b(?:pro-?government (?:militias?|militiamen|lashkars?)|razakars?|peace committees?|aman lashkars?"
            r"|militia(?:men)?|afghan local police|ALP)\b",
            re.IGNORECASE,
        ),
    ),
    ("civilians", re.compile(r"\b(?:civilians?|non-?combatants?|common people|citizens)\b", re.IGNORECASE)),
    (
        "security",
        re.compile(
            r"\b(?:security forces?|security personnel|SFs?|soldiers?|troops|army|military|police(?:men)?|personnel"
            r"|law enforcement(?: agencies| personnel)?|LEAs?|FC|frontier corps|levies|rangers|ANSF|ANDSF)\b",
            re.IGNORECASE,
        ),
    ),
    # the singular is usually the attacker's adjective ("militant attacks"), a victim only before a count of people
    (
        "militants",
        re.compile(
            r"\b(?:(?:militants|terrorists|insurgents|extremists|rebels|outlaws|miscreants|anti-state elements)\b"
            r"|(?:militant|terrorist|insurgent|extremist|rebel)\s+(?:deaths?|fatalit|casualt|killed|injured|wounded|dead))",
            re.IGNORECASE,
        ),
    ),
)
_TOTAL = re.compile(
    r"^\s*(?:grand\s+|overall\s+)?totals?\b|\btotals?\s*:?\s*$"
    r"|^\s*(?:overall|all|sum|combined|all (?:groups|perpetrators|parties|actors))\s*$",
    re.IGNORECASE,
)
# words that qualify a header without changing what it counts
_FILLER = frozenset(
    """a an the of in on at by for from to and or with within during per no nos number numbers count counts total totals
    grand overall all people persons person individuals reported recorded registered documented confirmed verified cases
    case terror terrorism terrorist militancy militant violence violent related acts act year years yearly annual data
    figures figure type types category categories combined including incl among which were was lives life lost members
    member affiliates affiliated factions faction splinter allies associates suspected alleged estimated estimate approx
    approximately est wise fatal nationwide national across whole entire country group groups perpetrators perpetrator
    parties party actors actor claimed responsibility attributed due caused resulting victims victim period s""".split()
)
_GENERIC = re.compile(r"^\s*(?:numbers?|no\.?|nos\.?|counts?|figures?|values?|#|quantity|frequency|data)\s*$", re.I)
_UNKNOWN = re.compile(r"^\s*(?:unknown|unidentified|unclaimed|not claimed|not specified|unattributed)\b", re.I)
_ATTACKS_OR_ACTIONS = re.compile(
    r"\b(?:attacks?|incidents?)\s*(?:/|\bor\b|\band\b)\s*(?:(?:security[- ]forces?|counter-terrorism|state)\s+)?(?:operations|actions|raids)\b"
    r"|\b(?:operations|actions|raids)\s*(?:/|\bor\b|\band\b)\s*(?:militant\s+|terrorist\s+)?(?:attacks?|incidents?)\b",
    re.IGNORECASE,
)
_COMBINED = re.compile(
    r"\bcombined\b|\bterror(?:ism)? and counter|\bmilitant attacks and (?:security|operations|counter)"
    r"|\bviolence[- ]related\b|\boverall violence\b|\ball (?:forms of )?violence\b|\bconflict[- ]related\b",
    re.IGNORECASE,
)
MISSING = re.compile(r"^(?:n\.?\s?a\.?|n/a|not available|nil|none|-+|–+|—+|\.{2,}|…|x|\?|)$", re.IGNORECASE)
_VALUE = re.compile(
    r"^(?P<hedge>~|≈|>|approx\.?|about|around|over|more than|at least|nearly|almost|roughly|some)?\s*"
    r"(?P<num>\d{1,3}(?:[, ]\d{3})+|\d+)(?P<dec>\.\d+)?\s*(?P<plus>\+)?"
    r"(?:\s*(?:[-–—]|to)\s*(?P<high>\d{1,3}(?:[, ]\d{3})+|\d+))?"
    rf"(?P<tail>(?:\s*(?:{MARKER}|\([^()]{{0,30}}\)|[a-z]))*)\s*$",
    re.IGNORECASE,
)
_EUROPEAN_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")


@dataclass(frozen=True)
class Label:
    """What one row stub, column header, section row or caption says about the cells it labels."""

    text: str = ""
    year: int | None = None
    span: bool = False  # several years: a range, "since 2015", a fiscal year
    partial: bool = False  # part of a year: months, a half, "so far"
    month: bool = False  # a month or months without a year: one row of a table of one year
    marker: str = ""  # footnote marker written after the year
    total: bool = False
    base: str | None = None
    suicide: bool = False
    victim: str | None = None
    groups: frozenset[str] = frozenset()
    # "Security forces" may be a victim type or the security-forces group; the table's other labels decide
    ambiguous_security: bool = False
    unknown: bool = False
    countries: frozenset[str] = frozenset()
    region: bool = False
    derived: bool = False
    out_of_scope: bool = False
    combined: bool = False
    both_sides: bool = False  # "Attacks / actions": counts attacks or operations, whichever the other label names
    # words of a row or column label that name nothing we know: "Rocket attacks", "Target killings"
    unmapped: frozenset[str] = frozenset()

    @property
    def kind(self) -> str:
        """The one dimension this label mostly speaks about, for telling what its siblings are."""
        if self.year is not None or self.span:
            return "year"
        if self.month:
            return "month"
        if self.region:
            return "region"
        if self.countries and not self.groups:
            return "country"
        if self.victim and not (self.groups - {"security-forces"}):
            return "victim"
        if self.groups or self.unknown:
            return "group"
        if self.base in PEOPLE:
            return "people"
        if self.base or self.both_sides:
            return "base"
        if self.combined:
            return "group"  # "Overall (attacks and actions combined)": the all-violence row
        return "other"


def strip_markers(text: str) -> tuple[str, str]:
    """The text without its trailing footnote markers ('1,234*', '56 [2]'), and the markers."""
    match = _TRAILING_MARKERS.search(text)
    if not match or match.start() == 0:
        return text, ""
    return text[: match.start()], match.group(0).strip()


def _months(text: str, start: int = 0) -> list[str]:
    """Month names in a text as three-letter keys; 'may' only capitalised, as a month is written."""
    return [m.group(1).lower()[:3] for m in _MONTH_WORD.finditer(text, start) if m.group(1) != "may"]


def _is_partial_text(text: str) -> bool:
    """Whether a label or note says the figures cover only part of a year."""
    if _PERIOD_WORDS.search(text):
        return True
    months = _months(text)
    # "till December 31" or "January-December" covers the year
    return bool(months) and months[-1] != "dec"


# "a question asked by a member from Karachi": where a speaker comes from, not where the figures happened
_PERSON_FROM_BEFORE = re.compile(
    r"\b(?:members?|lawmakers?|legislators?|senators?|MNAs?|MPAs?|parliamentarians?|representatives?)"
    r"\s+(?:of\s+(?:the\s+)?[\w-]+\s+)?from\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _consumed(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the recognised spans blanked out."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _within(mention, spans: list[tuple[int, int]]) -> bool:
    return any(start <= mention.start and mention.end <= end for start, end in spans)


def parse_label(text: str, vocabulary: Vocabulary, country: str | None = None) -> Label:
    """The facets a label names, read with the codebook vocabulary."""
    text = " ".join(text.split())
    if not text or _GENERIC.match(text):
        return Label()
    bare, marker = strip_markers(text)
    years = {int(y) for y in YEAR.findall(bare)}
    span = bool(_YEAR_SPAN.search(bare)) or len(years) > 1
    what, _, agent = bare.partition(" by ")
    base = next((name for name, pattern in _BASES if pattern.search(what)), None)
    # "Attacks / actions": a column of militants' attacks and of the forces' actions alike, each row says which; only
    # a row that combines both sides counts both ("incidents" of all violence)
    both_sides = base == "operations" and bool(_ATTACKS_OR_ACTIONS.search(what))
    if both_sides:
        base = None
    victims = {name for name, pattern in _VICTIMS if pattern.search(what)}
    # "Killed (civilians, SF and militants)" names every victim type: the sum, not one of them
    victim = victims.pop() if len(victims) == 1 else None
    group_mentions = vocabulary.find_groups(bare, country)
    # "Balochistan Liberation Army", "Tehreek-e-Taliban Pakistan": a place inside a group's name is the group
    inside = [(m.start, m.end) for m in group_mentions]
    country_mentions = [m for m in vocabulary.find_countries(bare) if not _within(m, inside)]
    region_mentions = [
        m for m in vocabulary.find_regions(bare) if not _within(m, inside) and not _PERSON_FROM_BEFORE.search(bare[: m.start])
    ]
    groups = {m.target for m in group_mentions}
    if groups - {"security-forces"}:
        victim = None  # "Baloch insurgents", "nationalist militants": a group's name, not its victims
    combined = bool(_COMBINED.search(bare)) or "all-violence" in groups
    if (base == "operations" or both_sides or combined) and victim == "security" and "security-forces" in groups:
        # "Security forces actions": the forces act, they are no victims; "militant attacks and security forces
        # actions combined": the forces are one side of the total, not its group
        victim = None
    if combined:
        groups.discard("security-forces")
    ambiguous = victim == "security" and "security-forces" in groups and not agent
    patterns = [YEAR, _YEAR_SPAN, _MONTH_WORD, _PERIOD_WORDS, _UNTIL, _TOTAL, _UNKNOWN, _SUICIDE, _DERIVED, _OUT_OF_SCOPE, _COMBINED]
    patterns += [pattern for _, pattern in _BASES + _VICTIMS]
    spans = [m.span() for pattern in patterns for m in pattern.finditer(bare)]
    spans += [(m.start, m.end) for m in group_mentions + country_mentions + region_mentions]
    leftover = {w.lower() for w in re.findall(r"[A-Za-z]+", _consumed(bare, spans))} - _FILLER
    months = _months(bare)
    partial = bool(years) and not span and (_is_partial_text(bare) or bool(_UNTIL.search(bare) and months))
    return Label(
        text=text,
        year=next(iter(years)) if len(years) == 1 and not span else None,
        span=span,
        partial=partial,
        month=bool(months) and not years,
        marker=marker if years else "",
        total=bool(_TOTAL.search(bare)),
        base=base,
        suicide=bool(_SUICIDE.search(bare)),
        victim=victim,
        groups=frozenset(groups),
        ambiguous_security=ambiguous,
        unknown=bool(_UNKNOWN.search(bare)),
        countries=frozenset(m.target for m in country_mentions),
        region=bool(region_mentions),
        derived=bool(_DERIVED.search(bare)),
        out_of_scope=bool(_OUT_OF_SCOPE.search(bare)),
        combined=combined,
        both_sides=both_sides,
        unmapped=frozenset(leftover),
    )


def parse_value(text: str) -> tuple[float, float | None, bool] | str:
    """(value, value_high, approx) of a cell, or the drop reason: 'no-value', 'derived' or 'unparsed-value'."""
    text = " ".join(text.split())
    if MISSING.match(strip_markers(text)[0].strip() if text else text):
        return "no-value"
    if "%" in text:
        return "derived"
    match = _VALUE.match(text)
    if not match:
        return "unparsed-value"
    number = match["num"]
    if match["dec"] and _EUROPEAN_THOUSANDS.match(number + match["dec"]):
        # counts are whole numbers: "1.234" is a thousands separator written the European way
        value = float(number + match["dec"].replace(".", ""))
    else:
        value = float(re.sub(r"[, ]", "", number) + (match["dec"] or ""))
    high = float(re.sub(r"[, ]", "", match["high"])) if match["high"] else None
    if high is not None and high <= value:
        return "unparsed-value"
    return value, high, bool(match["hedge"] or match["plus"])


def compose_metric(base: str, victim: str | None, suicide: bool) -> str | None:
    """The codebook metric of a base count, a victim type and the suicide modifier; None if it has none."""
    if suicide:
        if victim:
            return None
        return {"attacks": "suicide_attacks", "incidents": "suicide_attacks", "killed": "suicide_killed",
                "injured": "suicide_injured", "casualties": "suicide_casualties"}.get(base)
    if victim:
        if base in ("killed", "injured"):
            return f"{base}_{victim}"
        return "casualties_civilians" if (base, victim) == ("casualties", "civilians") else None
    return base


def partial_years(text: str) -> set[int]:
    years = set()
    for match in _PARTIAL_PHRASE.finditer(text):
        month = (match["month"] or match["month2"]).lower()[:3]
        if month != "dec":
            years.add(int(match["year"] or match["year2"]))
    return years


def partial_markers(notes: str, markers: set[str]) -> set[str]:
    """Footnote markers whose note says the year is covered only in part ("* till March 15")."""
    found = set()
    for marker in markers:
        for match in re.finditer(re.escape(marker) + r"(?![*])\s*([^\n*]{0,160})", notes):
            if _is_partial_text(match.group(1)) or (_UNTIL.search(match.group(1)) and not YEAR.search(match.group(1))):
                found.add(marker)
    return found


def open_ended(note: str) -> bool:
    """A note saying the data run only until some month, without naming the year ('Data till March 3')."""
    for sentence in re.split(r"(?<=[.;])\s+|\n", note):
        until = _UNTIL.search(sentence)
        if until and not YEAR.search(sentence):
            months = _months(sentence, until.end())
            if months and months[0] != "dec":
                return True
    return False
