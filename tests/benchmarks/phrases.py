"""Sentences for the synthetic reports: figure sentences that record what they state, distractors and filler.

Each figure sentence is picked from several phrasings and writes every figure it states into the
Writer, so the benchmark knows what a perfect extractor would read. Sentences are written for this
benchmark; none is taken from a real report.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from tests.benchmarks.world import YearFigures, change_pct

WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
         "seventeen eighteen nineteen").split()
FLOOR_HEDGES = ("over", "more than", "at least")
CEIL_HEDGES = ("nearly", "almost")
NEAR_HEDGES = ("about", "around", "roughly", "some")

GROUP_NAMES = {
    "ttp": ("the TTP", "Tehreek-e-Taliban Pakistan (TTP)", "the Pakistani Taliban", "Tehrik-i-Taliban Pakistan",
            "the TTP and its affiliates"),
    "nationalist-insurgents": ("Baloch insurgents", "nationalist insurgent groups", "ethno-nationalist insurgents",
                               "Baloch and Sindhi nationalist insurgents"),
    "sectarian": ("sectarian groups", "sectarian militants"),
    "islamic-state": ("the Islamic State-Khorasan", "Daesh", "IS-K", "the Islamic State"),
    "anti-government-elements": ("Anti-Government Elements", "anti-government elements (AGEs)"),
    "pro-government-forces": ("Pro-Government Forces", "pro-government forces (PGFs)"),
}
ORG_NAMES = {
    "PIPS": ("the Pak Institute for Peace Studies (PIPS)", "PIPS"),
    "PICSS": ("the Pakistan Institute for Conflict and Security Studies (PICSS)", "PICSS"),
    "CRSS": ("the Centre for Research and Security Studies (CRSS)", "CRSS"),
    "UNAMA": ("the United Nations Assistance Mission in Afghanistan (UNAMA)", "UNAMA"),
    "GTI": ("the Global Terrorism Index (GTI) of the Institute for Economics and Peace", "the index"),
}
COUNTRY_NAMES = {"PAK": "Pakistan", "AFG": "Afghanistan"}
PROVINCES = {"PAK": ("Khyber Pakhtunkhwa", "Balochistan", "Sindh", "Punjab"),
             "AFG": ("Kandahar", "Nangarhar", "Helmand", "Kabul province")}
CITIES = {"PAK": ("ISLAMABAD", "PESHAWAR", "KARACHI", "LAHORE", "QUETTA"), "AFG": ("KABUL", "JALALABAD", "HERAT")}


@dataclass(frozen=True)
class Stated:
    """A figure the generator wrote into a document, in the codebook's columns."""

    doc: str
    year: int
    country: str
    group: str
    metric: str
    value: float
    value_high: float | None = None
    approx: bool = False


@dataclass
class Writer:
    """The state of one document being written: its topic year, dating, and the figures stated so far."""

    seed: int  # the world's seed, for figures of other years
    rng: random.Random
    doc: str
    figures: YearFigures
    previous: YearFigures
    relative: str  # "last" (published the year after), "this" (published in the topic year's last days) or ""
    stated: list[Stated] = field(default_factory=list)
    mentioned_org: bool = False

    @property
    def year(self) -> int:
        return self.figures.year

    @property
    def country(self) -> str:
        return self.figures.country

    def state(self, group: str, metric: str, value: float, approx: bool = False, year: int | None = None) -> None:
        self.stated.append(Stated(self.doc, year or self.year, self.country, group, metric, value, None, approx))

    def when(self, start: bool = False) -> str:
        """The topic year as a report would name it: the year itself, or relative to the publication date."""
        choices = [f"in {self.year}", f"in {self.year}", f"during {self.year}"]
        if self.relative == "last":
            choices += ["last year", "last year"]
        elif self.relative == "this":
            choices += ["this year", "in the outgoing year"]
        phrase = self.rng.choice(choices)
        return phrase[0].upper() + phrase[1:] if start else phrase

    def org(self) -> str:
        """The organisation's name: in full the first time, its short form afterwards."""
        full, short = ORG_NAMES[self.figures.organisation]
        name = short if self.mentioned_org else full
        self.mentioned_org = True
        return name

    def number(self, value: int, words: bool = True) -> str:
        """A count as reports write it: digits with thousands commas, sometimes a word for a small one."""
        if words and value < 20 and self.rng.random() < 0.7:
            return WORDS[value]
        return f"{value:,}"

    def hedged(self, value: int) -> tuple[str, int, bool]:
        """(text, value stated, approx): the exact count, or a rounded one behind a hedge."""
        if value < 60 or self.rng.random() < 0.7:
            return self.number(value), value, False
        step = 100 if value >= 2000 else 10
        kind = self.rng.random()
        if kind < 0.4:
            hedge, stated = self.rng.choice(FLOOR_HEDGES), value // step * step
        elif kind < 0.7:
            hedge, stated = self.rng.choice(CEIL_HEDGES), -(-value // step) * step
        else:
            hedge, stated = self.rng.choice(NEAR_HEDGES), round(value / step) * step
        if stated == value:
            return self.number(value), value, False
        return f"{hedge} {stated:,}", stated, True

    def count(self, group: str, metric: str, year: int | None = None) -> str:
        """A hedged or exact count of a figure, recorded as stated."""
        source = self.previous if year is not None and year != self.year else self.figures
        text, stated, approx = self.hedged(source.values[(group, metric)])
        self.state(group, metric, stated, approx, year)
        return text

    def exact(self, group: str, metric: str, words: bool = False) -> str:
        value = self.figures.values[(group, metric)]
        self.state(group, metric, value)
        return self.number(value, words)

    def change(self, group: str, metric: str) -> tuple[str, int] | None:
        """(direction word, absolute percent) of a figure against the year before, recorded; None when flat."""
        now, before = self.figures.get(group, metric), self.previous.get(group, metric)
        if not now or not before or change_pct(now, before) == 0:
            return None
        pct = change_pct(now, before)
        self.state(group, f"{metric}_change_pct", pct)
        return ("rise" if pct > 0 else "decline"), abs(pct)

    def percent(self, value: int) -> str:
        return self.rng.choice((f"{value} percent", f"{value} per cent", f"{value}%", f"{value}pc"))


def _capital(text: str) -> str:
    return text[0].upper() + text[1:]


def _pick(w: Writer, options: list) -> str:
    return w.rng.choice(options)()


# -- figure sentences, by the kind of figures an organisation publishes -------------------------------------------

def totals(w: Writer) -> str:
    """Attacks with their dead and injured."""
    c = COUNTRY_NAMES[w.country]
    return _pick(w, [
        lambda: f"{w.when(True)}, {c} suffered {w.count('all', 'attacks')} terrorist attacks, which killed "
                f"{w.count('all', 'killed')} people and injured {w.count('all', 'injured')} others.",
        lambda: f"According to {w.org()}, militants carried out {w.count('all', 'attacks')} attacks across the country "
                f"{w.when()}, claiming {w.count('all', 'killed')} lives and wounding {w.count('all', 'injured')} people.",
        lambda: f"The report counts {w.count('all', 'attacks')} terrorist attacks {w.when()}; they left "
                f"{w.count('all', 'killed')} people dead and {w.count('all', 'injured')} injured.",
        lambda: f"A total of {w.count('all', 'attacks')} militant attacks were recorded {w.when()}, in which "
                f"{w.count('all', 'killed')} people lost their lives and {w.count('all', 'injured')} were injured.",
    ])


def victims(w: Writer) -> str:
    """The killed, broken down by who they were."""
    return _pick(w, [
        lambda: f"{w.when(True)}, {w.exact('all', 'killed')} people were killed in terrorist attacks, including "
                f"{w.exact('all', 'killed_civilians')} civilians, {w.exact('all', 'killed_security')} security personnel "
                f"and {w.exact('all', 'killed_militants')} militants.",
        lambda: f"Of the {w.exact('all', 'killed')} people killed in attacks {w.when()}, {w.exact('all', 'killed_civilians')} "
                f"were civilians, {w.exact('all', 'killed_security')} were soldiers and policemen, and "
                f"{w.exact('all', 'killed_militants')} were militants.",
    ])


def changes(w: Writer) -> str:
    """Percent changes of attacks and deaths against the year before."""
    attacks, killed = w.change("all", "attacks"), w.change("all", "killed")
    parts = [f"a {w.percent(moved[1])} {moved[0]} in {what}"
             for moved, what in ((attacks, "attacks"), (killed, "fatalities")) if moved]
    if not parts:
        return ""
    return f"The report notes {' and '.join(parts)} {w.when()} compared with the previous year."


def before_after(w: Writer) -> str:
    """This year's attacks against last year's, both stated."""
    before = w.previous.year
    return _pick(w, [
        lambda: f"Terrorist attacks in the country numbered {w.count('all', 'attacks')} {w.when()}, against "
                f"{w.count('all', 'attacks', before)} in {before}.",
        lambda: f"The number of people killed in militant attacks went from {w.count('all', 'killed', before)} in {before} "
                f"to {w.count('all', 'killed')} in {w.year}.",
    ])


def suicide(w: Writer) -> str:
    return _pick(w, [
        lambda: f"{_capital(w.exact('all', 'suicide_attacks', words=True))} suicide attacks were recorded {w.when()}, "
                f"leaving {w.exact('all', 'suicide_killed')} people dead.",
        lambda: f"{w.when(True)}, the country saw {w.exact('all', 'suicide_attacks', words=True)} suicide bombings.",
    ])


def _groups(w: Writer) -> list[str]:
    return [g for g in ("ttp", "nationalist-insurgents", "sectarian", "islamic-state") if w.figures.get(g, "attacks")]


def group_attacks(w: Writer) -> str:
    """One group's attacks, sometimes with their toll."""
    g = w.rng.choice(_groups(w))
    first = _capital(w.rng.choice(GROUP_NAMES[g]))
    return _pick(w, [
        lambda: f"{first} carried out {w.exact(g, 'attacks')} attacks {w.when()}, which killed {w.exact(g, 'killed')} people.",
        lambda: f"{first} claimed responsibility for {w.exact(g, 'attacks')} attacks {w.when()}.",
    ])


def group_of_total(w: Writer) -> str:
    """A group's share of the attacks, with the total."""
    g = w.rng.choice(_groups(w))
    # "alone" keeps a name such as "IS-K" off the sentence's end: the extractor read "IS-K. In 2010, ..." as one
    # sentence and gave the next sentence's victims to the group (reported in BENCHMARKS.md)
    return (f"Of the {w.exact('all', 'attacks')} attacks reported {w.when()}, {w.exact(g, 'attacks')} were perpetrated "
            f"by {w.rng.choice(GROUP_NAMES[g])} alone.")


def group_respectively(w: Writer) -> str:
    """Three groups' attacks in one respectively-list."""
    trio = w.rng.sample(_groups(w), 3)
    names = [w.rng.choice(GROUP_NAMES[g]) for g in trio]
    counts = [w.exact(g, "attacks") for g in trio]
    return (f"{_capital(names[0])}, {names[1]} and {names[2]} were responsible for {counts[0]}, {counts[1]} and "
            f"{counts[2]} attacks respectively {w.when()}.")


def operations(w: Writer) -> str:
    return (f"{w.when(True)}, security forces conducted {w.exact('security-forces', 'operations')} operations and "
            f"killed {w.exact('security-forces', 'killed_militants')} militants.")


def incidents(w: Writer) -> str:
    return (f"Combining militant attacks and security forces actions, the country saw "
            f"{w.exact('all-violence', 'incidents')} violent incidents {w.when()}.")


def violence_toll(w: Writer) -> str:
    """Fatalities of all violence together, as a monitor of terror and counter-terror reports them."""
    return (f"Violence-related fatalities {w.when()} stood at {w.count('all-violence', 'killed')}, and "
            f"{w.count('all-violence', 'injured')} people were injured.")


def violence_operations(w: Writer) -> str:
    return (f"{w.when(True)}, security forces carried out {w.exact('security-forces', 'operations')} operations, "
            f"according to {w.org()}.")


def violence_suicide(w: Writer) -> str:
    return f"{_capital(w.exact('all', 'suicide_attacks', words=True))} suicide attacks took place {w.when()}."


def civilian_total(w: Writer) -> str:
    """Civilian harm, as the UN mission reports it."""
    return (f"The UN mission documented {w.count('all', 'casualties_civilians')} civilian casualties "
            f"({w.exact('all', 'killed_civilians')} deaths and {w.exact('all', 'injured_civilians')} injured) {w.when()}.")


def _party(party: str):
    def sentence(w: Writer) -> str:
        return (f"{_capital(w.rng.choice(GROUP_NAMES[party]))} caused {w.exact(party, 'casualties_civilians')} civilian "
                f"casualties {w.when()}.")
    return sentence


def unattributed(w: Writer) -> str:
    return (f"{w.when(True)}, {w.exact('unattributed', 'casualties_civilians')} civilian casualties were attributed "
            f"to neither party.")


def index_deaths(w: Writer) -> str:
    c = COUNTRY_NAMES[w.country]
    moved = w.change("all", "killed")
    if moved is None:
        return f"Deaths from terrorism in {c} stood at {w.exact('all', 'killed')} in {w.year}, the index says."
    direction, pct = moved
    verb = "rose" if direction == "rise" else "fell"
    return (f"Deaths from terrorism in {c} {verb} by {w.percent(pct)} to {w.exact('all', 'killed')} in {w.year}, "
            f"according to {w.org()}.")


# Sentences whose subject is the security forces: nothing about attacks follows them in their paragraph.
ENDS_PARAGRAPH = (operations, violence_operations)

# Each kind of organisation's facts, one sentence function per fact: a document uses each at most once.
SENTENCES = {
    "groups": (totals, victims, changes, before_after, suicide, group_attacks, group_of_total, group_respectively),
    "scopes": (totals, victims, changes, suicide, operations, incidents),
    "violence": (violence_toll, violence_operations, violence_suicide),
    "civilians": (civilian_total, _party("anti-government-elements"), _party("pro-government-forces"), unattributed),
    "index": (index_deaths,),
}


# -- distractors: numbers a reader must not take as yearly figures ------------------------------------------------

def distractor(w: Writer) -> str:
    p = w.rng.choice(PROVINCES[w.country])
    n = w.rng.randint(12, 240)
    return _pick(w, [
        lambda: f"{p} alone recorded {n} attacks {w.when()}.",
        lambda: f"On average there were {w.rng.randint(9, 60)} attacks per month {w.when()}.",
        lambda: f"Nearly {w.rng.randint(20, 70)} percent of all attacks took place in {p}.",
        lambda: f"Police arrested {w.rng.randint(300, 4000):,} suspects {w.when()}.",
        lambda: f"The deadliest single attack of the year killed {w.rng.randint(20, 90)} people.",
        lambda: f"Since {w.rng.randint(2001, 2009)}, more than {w.rng.randint(20, 80)},000 people have been killed "
                f"or injured in the conflict.",
        lambda: f"In the first half of {w.year}, {n} attacks were reported.",
        lambda: f"The death toll was {w.rng.randint(10, 60)} more than the year before.",
        lambda: f"In {p}, {n} people were killed in {w.rng.randint(8, 40)} attacks.",
        lambda: f"See the annual report of {w.year - w.rng.randint(1, 5)}, p. {w.rng.randint(3, 120)}.",
        lambda: f"The {'institute' if w.rng.random() < 0.5 else 'organisation'} has kept its database since "
                f"{w.rng.randint(1995, 2007)} and employs {w.rng.randint(8, 40)} researchers.",
    ])


# -- filler: prose without figures, to give articles their length -------------------------------------------------

SUBJECTS = ("Analysts", "Security officials", "Opposition lawmakers", "Researchers at the institute", "Diplomats",
            "Local elders", "Provincial authorities", "Human rights groups", "Former officials", "Trade bodies",
            "The interior ministry", "Aid agencies", "Police chiefs", "Residents of the border districts")
VERBS = ("warned that", "argued that", "said that", "noted that", "cautioned that", "insisted that", "suggested that",
         "acknowledged that", "doubted that", "expected that")
CLAUSES = ("the gains of recent years could be reversed", "dialogue with the militants had failed to deliver",
           "the police needed better equipment and training", "coordination between agencies remained weak",
           "the border remained porous despite the new fencing", "the economic cost of the violence was rising",
           "the victims' families had received little support", "intelligence sharing had improved",
           "the courts were slow to conclude terrorism cases", "militant propaganda online was spreading",
           "funding for counter-terrorism units had not kept pace", "displaced families were reluctant to return",
           "the national action plan was only partly implemented", "local peace committees had been weakened",
           "recruitment by banned outfits continued in poorer districts", "the trend would depend on regional politics")
TAILS = ("", " in the months ahead", " unless policy changed", " according to people familiar with the matter",
         " at a seminar in the capital", " in interviews this week", " in a statement", " without giving details")


def filler_sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(CLAUSES)}{rng.choice(TAILS)}."


def filler_paragraph(rng: random.Random) -> str:
    return " ".join(filler_sentence(rng) for _ in range(rng.randint(2, 5)))
