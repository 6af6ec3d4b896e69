"""What each number of a sentence counts: its metric, victim type, change sign and the phrase it belongs to.

A Reading is built per number mention by a chain of named rules; the first rule that recognises the
number's phrase wins. Group, year and country are resolved afterwards (transforms.prose_context).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from transforms import prose_lexicon as lx
from transforms.numbers import NumberMention
from transforms.years import baseline_spans


@dataclass
class Reading:
    """A number of a sentence and what it counts; offsets are relative to the sentence."""

    mention: NumberMention
    value: float
    value_high: float | None = None
    base: str | None = None  # attacks, operations, killed, injured, casualties, fighters
    victim: str | None = None  # civilians, security, militants, progov
    suicide: bool = False
    change: bool = False
    sign: int = 1
    rule: str = ""
    drop: str | None = None
    phrase: tuple[int, int] = (0, 0)  # the words that say what is counted (for group aliases in them)
    link: int | None = None  # index of the reading this one takes its metric and group from
    link_kind: str = ""  # apposition, breakdown, baseline, partitive, series, respectively
    in_parens: int = 0  # depth of parentheses around the number
    referent: int | None = None  # which figure of the previous sentence it counts part of or changes ("Of these, ...")
    group: str | None = None
    group_rule: str = ""
    metric: str | None = None
    year: int | None = None
    stated_year: int | None = None  # a year paired with the number by the sentence ("for 2010 and 2011 ... respectively")
    country: str | None = None
    notes: list[str] = field(default_factory=list)


# the prefix of drop reasons for numbers that never were candidate figures, apart from counts dropped by a rule
NOT_A_FIGURE = "not-a-figure:"
_BRACKET = re.compile(r"[()]")
_SUCH = re.compile(r"\s+(?:such|similar)\b")
_SHARE_WORD = re.compile(r"\b(?:share|part|portion|bulk|majority|most)\b")
_DEMONSTRATIVE_BEFORE = re.compile(r"\b(?:these|those)\s+$")
_NUMBER_WORD = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen)\b"
)
_ANOTHER_BEFORE = re.compile(r"\band\s+(?:another|a\s+further)\s+$")
_AND_BEFORE = re.compile(r"\band\s+$")
_EVENTS_AFTER = re.compile(r"\s+events\b")
_KIND_EVENTS_AFTER = re.compile(r"\s+(?:[\w-]+\s+){1,2}events\b")


def paren_depths(text: str) -> list[int]:
    """Depth of round brackets at each character."""
    if "(" not in text:
        return [0] * len(text)  # the usual sentence: no brackets, nothing to walk
    depths: list[int] = []
    depth = 0
    last = 0
    for bracket in _BRACKET.finditer(text):
        index = bracket.start()
        depths.extend([depth] * (index - last))
        if text[index] == "(":
            depth += 1
            depths.append(depth)
        else:
            depths.append(depth)
            depth = max(0, depth - 1)
        last = index + 1
    depths.extend([depth] * (len(text) - last))
    return depths


def blank_parens(text: str) -> str:
    """The text with bracketed parts replaced by spaces (offsets kept)."""
    if "(" not in text:
        return text
    pieces = []
    depth = 0
    last = 0
    for bracket in _BRACKET.finditer(text):
        index = bracket.start()
        pieces.append(" " * (index - last) if depth else text[last:index])
        if text[index] == "(":
            depth += 1
            pieces.append(" ")
        else:
            pieces.append(" " if depth else ")")
            depth = max(0, depth - 1)
        last = index + 1
    pieces.append(" " * (len(text) - last) if depth else text[last:])
    return "".join(pieces)


def clause_start(low: str, position: int, pattern: re.Pattern[str] = lx.CLAUSE_BREAK) -> int:
    """Where the clause containing `position` starts."""
    start = 0
    for match in pattern.finditer(low, 0, position):
        start = match.end()
    return start


def clause_end(low: str, position: int, pattern: re.Pattern[str] = lx.CLAUSE_BREAK) -> int:
    match = pattern.search(low, position)
    return match.start() if match else len(low)


def metric_of_phrase(phrase: str) -> tuple[str, str | None, bool, int, int] | None:
    """The first metric noun of a phrase, with the victim type and suicide flag around it and its span."""
    match = lx.METRIC_NOUN.search(phrase)
    if not match:
        return None
    base = match.lastgroup
    around = phrase[max(0, match.start() - 40) : match.end() + 45]
    local = phrase[max(0, match.start() - 40) : match.start()]
    victim_match = lx.VICTIM.search(around)
    victim = victim_match.lastgroup if victim_match and base in ("killed", "injured", "casualties") else None
    if base in ("killed", "injured", "casualties") and re.search(r"\bcivilian\b", local[-25:]):
        victim = "civilians"
    suicide = bool(lx.SUICIDE.search(phrase[max(0, match.start() - 25) : match.end() + 30]))
    return base, victim, suicide, match.start(), match.end()


def _count_from_head(low: str, mention: NumberMention, reading: Reading) -> bool:
    """Rules on the noun phrase right after the number: 'N <modifiers> <head>'."""
    after = low[mention.end :]
    parts = re.match(r"^\s*\(\s*(\d[^()]*)\)", after)
    if parts:
        # "blamed for 2,181 (681 deaths and 1,500 injured)": the deaths and injuries are its parts
        if re.search(r"\b(?:deaths|dead|killed)\b", parts.group(1)) and re.search(r"\b(?:injured|wounded|injuries)\b", parts.group(1)):
            reading.base, reading.rule = "casualties", "casualties-by-parts"
            reading.phrase = (mention.end, min(len(low), mention.end + parts.end() + 60))
            return True
        return False
    phrase = lx.NOUN_PHRASE.match(after)
    if not phrase:
        return False
    head = lx.HEAD.match(after, phrase.end())
    if not head:
        return False
    kind = head.lastgroup
    mods = phrase.group("mods")
    head_end = mention.end + head.end()
    reading.phrase = (mention.end, min(len(low), head_end + 60))
    before = low[: mention.hedge_start if mention.hedge_start is not None else mention.start]
    tail = low[head_end:]
    if kind == "attacks":
        reading.base = "attacks"
        reading.suicide = "suicide" in mods or "suicide" in head.group(0)
        reading.rule = "count-attacks"
        if lx.FOILED.search(before):
            reading.drop = "foiled"
        elif lx.SUBSET_OF_ATTACKS.search(mods):
            reading.drop = "subgroup"  # "12 high-profile attacks": a subset of the attacks ("major" is also a monitor's name for all of them)
        return True
    if kind == "operations":
        subject = before[clause_start(before, len(before), lx.STRONG_BREAK) :]
        if lx.MILITANT_SUBJECT.search(subject) and not lx.STATE_FORCE_SUBJECT.search(subject + " conducted"):
            reading.base, reading.rule = "attacks", "militant-raids"  # "militants staged 60 raids": their attacks
            return True
        reading.base, reading.rule = "operations", "count-operations"
        return True
    if kind in ("killed", "injured", "casualties"):
        word = head.group(0)
        if word == "lives" and not (lx.LIVES_BEFORE.search(before) or lx.LIVES_AFTER.match(tail)):
            return False
        reading.base = kind
        reading.rule = f"count-{kind}"
        victim = lx.VICTIM.search(mods)
        if victim:
            reading.victim = victim.lastgroup
        elif re.search(r"\bcivilian\b", mods):
            reading.victim = "civilians"
        return True
    if kind == "victim":
        return _count_from_verb(low, mention, reading, head_end, head.group(0))
    if kind == "fighters":
        if _count_from_verb(low, mention, reading, head_end, head.group(0)):
            return True
        if lx.FIGHTERS_AFTER.match(tail) or lx.FIGHTERS_BEFORE.search(before):
            reading.base, reading.rule = "fighters", "count-fighters"
            return True
        reading.drop = "no-metric"
        return True
    if head.group(0) == "times" and not mods.strip():
        return False  # "struck 41 times": how often, read from the verb before it
    reading.drop = "subgroup" if lx.SUBGROUP.fullmatch(head.group(0)) else "not-a-count"
    reading.rule = f"noun-{head.group(0)}"
    return True


def _victim_of(word: str) -> str | None:
    match = lx.VICTIM.search(re.sub(r"\s*\([a-z]{1,6}\)", "", word))  # "security force (sf) personnel"
    return match.lastgroup if match else None


def _apply_verb(reading: Reading, verb: str, rule: str) -> None:
    if verb in ("killed", "injured", "casualties"):
        reading.base = verb
        reading.rule = rule
    elif verb in ("arrested", "kidnapped", "displaced"):
        reading.drop = {"arrested": "arrests", "kidnapped": "kidnappings", "displaced": "displacement"}[verb]
        reading.rule = rule


def _count_from_verb(low: str, mention: NumberMention, reading: Reading, head_end: int, head: str) -> bool:
    """People counted: what happened to them comes from a verb after the phrase or right before the number."""
    full = low[mention.end : head_end]
    reading.victim = _victim_of(full) if head not in ("people", "persons", "individuals", "others", "victims", "men") else None
    # "62 members of pro-government tribal lashkars", "531 men of the security forces": the owner names the victims
    of_whom = re.match(r"\s+of\s+(?:the\s+)?([\w\s-]{2,40})", low[head_end:]) if head in ("members", "personnel", "men") else None
    if reading.victim is None and of_whom:
        reading.victim = _victim_of("of " + of_whom.group(1))
    owner = re.match(r"\s+of\s+(?:the\s+)?(?:[\w-]+\s+){1,4}?(?=(?:were|was|had\s+been|have\s+been)\s)", low[head_end:]) if of_whom else None
    if owner:
        head_end += owner.end() - 1  # "282 personnel of law enforcement agencies were martyred": the verb is past the owner
    if lx.SUBGROUP.search(low[mention.end : head_end + 12]):
        reading.drop = "subgroup"
    tail = low[head_end:]
    before = low[: mention.hedge_start if mention.hedge_start is not None else mention.start]
    before_verb = lx.VERB_BEFORE.search(before)
    if before_verb:
        if before_verb.lastgroup == "left":
            result = lx.LEFT_RESULT.match(tail)
            if result:
                _apply_verb(reading, result.lastgroup, "people-left-result")
                return True
            return False
        _apply_verb(reading, before_verb.lastgroup, "people-verb-before")
        return True
    aside = lx.PART_ASIDE_AFTER.match(tail)
    if aside:
        tail = tail[aside.end() :]  # "3,804 people, among them 927 children, lost their lives": the verb is past the part
    # "500 soldiers and police officers were killed": a second noun of victims before the verb
    joined = lx.JOINED_VICTIMS.match(tail) if head not in ("people", "persons", "individuals", "others", "victims", "men") else None
    if joined and _NUMBER_WORD.search(joined.group("other")):
        joined = None  # "232 civilians and eleven militants": the next item of a list with its own number, not a second noun
    if joined:
        tail = tail[joined.end() :]
    after_verb = lx.VERB_AFTER.match(tail)
    if after_verb and not re.search(r"\d", tail[: after_verb.start(after_verb.lastgroup)]):
        _apply_verb(reading, after_verb.lastgroup, "people-verb-after")
        if joined and _victim_of(joined.group("other")) != reading.victim:
            reading.drop = "mixed-victims"  # "civilians and soldiers were killed": two victim types in one number
        return True
    if joined:
        return False
    # "1,030 people, including 500 civilians, lost their lives": the part shares the verb after the aside
    if lx.PART_INTRO_BEFORE.search(before):
        closing = re.match(r"\s*[,)–—]", tail)
        after_aside = lx.VERB_AFTER.match(tail[closing.end() :]) if closing else None
        if after_aside and after_aside.start(after_aside.lastgroup) < 12:
            _apply_verb(reading, after_aside.lastgroup, "part-verb-after")
            reading.link_kind = "breakdown"
            return True
    # objects of one verb: "militants killed 386 civilians and 297 security personnel"
    shared = lx.SHARED_VERB_BEFORE.search(before)
    if shared:
        _apply_verb(reading, shared.lastgroup, "people-shared-verb")
        return True
    among = None
    for among in lx.AMONG_WERE.finditer(before):
        pass
    among = among or lx.DEAD_WERE.match(before)
    if among is not None and not re.search(r"[;.]", before[among.end() :]):
        _apply_verb(reading, among.lastgroup, "among-the-dead-were")
        reading.link_kind = "breakdown"
        return True
    # a breakdown list: "577 people were killed including 356 civilians, 152 soldiers and 67 militants"
    verbs = list(lx.EVENT_VERB.finditer(before))
    intro = lx.LIST_INTRO.search(before, verbs[-1].end()) if verbs else None
    if intro and lx.MEMBERS_CLAUSE_BEFORE.search(before[: intro.start()]):
        intro = None  # "pro-government forces, which include ... 100,000 foreign soldiers": who the forces are, no toll
    if intro:
        _apply_verb(reading, verbs[-1].lastgroup, "breakdown-list")
        reading.link_kind = "breakdown"
        return True
    return False


def _count_without_head(low: str, mention: NumberMention, reading: Reading, spans: list[tuple[int, int]]) -> bool:
    """Numbers with no noun of their own: verbs around them, or a phrase they refer back to."""
    before = low[: mention.hedge_start if mention.hedge_start is not None else mention.start]
    after = low[mention.end :]
    if lx.RESPECTIVELY_AFTER.match(after):
        # "the civilians they killed and injured were 841 and 1,390 respectively": paired with the nouns
        reading.link_kind, reading.rule = "respectively", "count-respectively"
        return True
    after_verb = lx.VERB_AFTER.match(after)
    if after_verb and after_verb.start(after_verb.lastgroup) < 25 and not re.search(r"\d", after[: after_verb.start(after_verb.lastgroup)]):
        _apply_verb(reading, after_verb.lastgroup, "number-verb-after")
        if reading.base or reading.drop:
            return True
    before_verb = lx.VERB_BEFORE.search(before)
    if before_verb and before_verb.lastgroup != "left":
        _apply_verb(reading, before_verb.lastgroup, "number-verb-before")
        return True
    complement = lx.WERE_METRIC_AFTER.match(after)
    if complement:
        # "10,000 casualties, of which 3,035 were deaths and 5,785 injuries": the noun after the verb says what it counts
        found = metric_of_phrase(complement.group("noun"))
        reading.base, reading.victim, reading.suicide = found[:3]
        reading.rule = "were-metric"
        return True
    of_them = lx.OF_THEM_AFTER.match(after)
    verb = lx.VERB_AFTER.match(after[of_them.end() :]) if of_them else None
    victims = list(lx.VICTIM.finditer(before, clause_start(before, len(before), lx.STRONG_BREAK)))
    if verb and len({v.lastgroup for v in victims}) == 1:
        # "Security personnel bore the brunt: 685 of them were martyred": the victims the clause opened with
        _apply_verb(reading, verb.lastgroup, "victims-of-them")
        reading.victim = victims[0].lastgroup if reading.base else None
        return True
    if lx.FROM_TO.search(before):
        reading.link_kind, reading.rule = "series", "from-to"
        return True
    if lx.ATTRIBUTED_TO.match(after) and lx.ATTRIBUTED.search(before) and not lx.OF_THESE_AFTER.match(after):
        # "... 79 to Baloch insurgent groups and 16 to ISKP": items of the attribution said before
        reading.link_kind, reading.rule = "series", "attributed-to"
        reading.phrase = (mention.end, min(len(low), mention.end + 60))
        return True
    if lx.TIMES_AFTER.match(after):
        subject_from = clause_start(before, len(before), lx.STRONG_BREAK)
        if lx.ATTACK_ACT.search(before, subject_from):
            reading.base, reading.rule = "attacks", "struck-times"
            reading.suicide = bool(lx.SUICIDE.search(before, subject_from))
            reading.phrase = (subject_from, len(before))  # the attackers are named before: "American drones fired ..."
            return True
    trend = lx.TREND_TO.search(before)
    if trend:
        subject = before[clause_start(before, len(before), lx.STRONG_BREAK) :]
        # "Combining militant attacks and operations, the overall death toll reached 1,524": the noun of the verb's own
        # clause before the nouns of an opening phrase
        own = before[clause_start(before, len(before)) :]
        found = metric_of_phrase(trend.group(0)) or metric_of_phrase(own) or metric_of_phrase(subject)  # "taking the number of casualties to"
        if found:
            reading.base, reading.victim, reading.suicide = found[:3]
            reading.rule = "trend-to"
            # the whole subject, for a group named in it: "Attacks launched from across the border numbered 74"
            reading.phrase = (len(before) - len(subject), len(before))
            return True
    put_at = lx.PUT_AT.search(before)
    if put_at:
        found = metric_of_phrase(put_at.group("phrase"))
        if found:
            reading.base, reading.victim, reading.suicide = found[:3]
            reading.rule, reading.phrase = "put-at", (put_at.start("phrase"), put_at.end("phrase"))
            return True
    of_these = lx.OF_THESE_AFTER.match(after)
    if of_these:
        found = metric_of_phrase(of_these.group("noun"))
        reading.base, reading.victim, reading.suicide = found[:3]
        were = re.match(r"\s+(?:were|was)\s+[\w-]+", after[of_these.end() :])  # "97 of the attacks were sectarian"
        reading.rule, reading.phrase = "n-of-these", (mention.end, mention.end + of_these.end() + (were.end() if were else 0))
        if found[0] == "attacks" and lx.WERE_SUICIDE.match(after, of_these.end()):
            reading.suicide = True  # "six of the attacks were suicide bombings": the part that is suicide attacks
        return True
    record = lx.NUMBER_OF_COLON.search(before)
    found = metric_of_phrase(record.group("phrase")) if record else None
    if found:
        reading.base, reading.victim, reading.suicide = found[:3]
        reading.rule, reading.phrase = "number-of-colon", (record.start("phrase"), record.end("phrase"))
        return True
    label = lx.LABEL_BEFORE.search(before)
    if label:
        found = metric_of_phrase(label.group("label"))
        if found:
            reading.base, reading.victim, reading.suicide = found[:3]
            reading.rule, reading.phrase = "labelled-value", (label.start("label"), label.end("label"))
            if found[0] in ("killed", "injured", "casualties") and _SHARE_WORD.search(label.group("label")):
                # "Militants and insurgents made up the largest share of the dead: 1,380": the part of the toll its
                # subject names; a part whose subject names no one victim type is no metric
                kinds = {m.lastgroup for m in lx.VICTIM.finditer(label.group("label"))}
                if len(kinds) == 1:
                    reading.victim = kinds.pop()
                else:
                    reading.drop = "subgroup"
            return True
    if lx.UP_FROM.search(before):
        reading.link_kind, reading.rule = "baseline", "up-from"
        return True
    partitive = lx.PARTITIVE.search(before)
    if partitive:
        found = metric_of_phrase(partitive.group("noun"))
        if found:
            reading.base, reading.victim, reading.suicide = found[:3]
            reading.rule, reading.link_kind = "partitive", "partitive"
            if found[0] == "attacks" and lx.WERE_SUICIDE.match(after):
                reading.suicide = True  # "Out of 306 attacks, 20 were suicide bombings"
            reading.phrase = (mention.end, min(len(low), mention.end + 60))
            return True
    if lx.BY_AFTER.match(after):
        # "208 were claimed by TTP, 78 by Baloch insurgents": an item of a list, the verb and noun said once
        reading.link_kind, reading.rule = "series", "gapped-by"
        reading.phrase = (mention.end, min(len(low), mention.end + 50))
        return True
    if lx.SERIES_AFTER.match(after):
        reading.link_kind, reading.rule = "series", "year-series"
        return True
    share = lx.SHARE_OR_BEFORE.search(before)
    if share:
        found = metric_of_phrase(share.group("noun"))
        if found:
            # "caused 4 percent of the deaths, or 210 people": the count the share restates, of the share's noun
            reading.base, reading.victim, reading.suicide = found[:3]
            reading.rule = "count-beside-share"
            return True
    gapped = lx.GAPPED_FOR_BEFORE.search(before)
    if gapped and lx.ELLIPTICAL_AFTER.match(after) and lx.RESPONSIBLE_FOR.search(before, 0, gapped.start()):
        # "civilians accounted for 908 deaths and security personnel for 325", "the Taliban were responsible for 1,283
        # of the deaths, ... and government forces for 731": the verb and noun said once, the item names its own subject
        nouns = list(lx.METRIC_NOUN.finditer(before, 0, gapped.start()))
        if nouns:
            window = max(nouns[-2].end() if len(nouns) > 1 else 0, nouns[-1].start() - 40)
            found = metric_of_phrase(before[window : nouns[-1].end()])
            own = {m.lastgroup for m in lx.VICTIM.finditer(gapped.group("who"))}
            reading.base, reading.suicide = found[0], found[2]
            reading.victim = (own.pop() if len(own) == 1 else found[1]) if found[0] in ("killed", "injured", "casualties") else None
            reading.rule, reading.phrase = "gapped-for", gapped.span("who")
            return True
    if (lx.ELLIPTICAL_BEFORE.search(before) or lx.ELLIPTICAL_RECORD_BEFORE.search(before)) and lx.ELLIPTICAL_AFTER.match(after):
        # "the Taliban caused 4,800 casualties, while IS caused about 1,250": the noun said once, earlier
        nouns = list(lx.METRIC_NOUN.finditer(before, 0, clause_start(before, len(before))))
        if nouns:
            window = max(nouns[-2].end() if len(nouns) > 1 else 0, nouns[-1].start() - 40)
            found = metric_of_phrase(before[window : nouns[-1].end()])  # its victim is said before it, not after
            reading.base, reading.victim, reading.suicide = found[:3]
            reading.rule = "elliptical"
            return True
    subject = lx.GAPPED_SUBJECT_BEFORE.search(before)
    if subject and lx.ELLIPTICAL_AFTER.match(after):
        clause_from = clause_start(before, subject.start(), lx.STRONG_BREAK)
        counted = list(lx.METRIC_NOUN.finditer(before, clause_from, subject.start()))
        if counted and lx.PERPETRATION.search(before, clause_from, counted[-1].start()):
            # "IS-K claimed 22 attacks, and the BLF nearly 40": a second subject and number, the verb and noun said once
            found = metric_of_phrase(before[max(clause_from, counted[-1].start() - 40) : counted[-1].end()])
            reading.base, reading.victim, reading.suicide = found[:3]
            reading.rule, reading.phrase = "gapped-for", subject.span("who")
            return True
    if any(start <= mention.start < end for start, end in spans):
        # "against four the year before", "when the mission recorded 10,993": the earlier year's value
        reading.link_kind, reading.rule = "baseline", "bare-in-comparison"
        return True
    return False


def _parenthesised(low: str, mention: NumberMention, reading: Reading) -> bool:
    """'(99)' after 'number of militant attacks', '(213)' after a share: the count of that phrase."""
    before = low[: mention.start]
    number_of = lx.NUMBER_OF.search(before)
    if number_of and not re.match(r"\)\s*\.?\s*$", low[mention.end :]):
        found = metric_of_phrase(number_of.group("phrase"))
        if found:
            reading.base, reading.victim, reading.suicide = found[:3]
            reading.rule = "parenthesised-number-of"
            return True
    if re.search(r"(?:%|per\s?cent|percent|pc)\s*\($", before):
        after = low[mention.end :]
        of_total = re.match(r"^\)\s*of\s+(?:the\s+)?(?:total\s+)?(?:[\d,\s]+)?(?P<noun>[\w\s-]{0,40})", after)
        found = metric_of_phrase(of_total.group("noun")) if of_total else None
        if found:
            reading.base, reading.victim, reading.suicide = found[:3]
            reading.rule = "count-beside-share"
            return True
    return False


def _beside_share_again(low: str, mention: NumberMention, reading: Reading, readings: list[Reading]) -> bool:
    """'the Taliban caused 45 percent (3,960) of civilian casualties, while Daesh caused 8 percent (706)': a count
    beside a share with no noun of its own counts what the sentence's earlier one did."""
    if not re.search(r"(?:%|per\s?cent|percent|pc)\s*\($", low[: mention.start]) or re.match(r"^\)\s*of\b", low[mention.end :]):
        return False
    earlier = next((r for r in reversed(readings) if r.rule == "count-beside-share"), None)
    if earlier is None:
        return False
    reading.base, reading.victim, reading.suicide = earlier.base, earlier.victim, earlier.suicide
    reading.rule = "count-beside-share"
    return True


def _victims_in_parens(low: str, mention: NumberMention, reading: Reading, readings: list[Reading]) -> bool:
    """'Civilians were the largest group with 360 deaths, followed by militants (265) and security personnel (232)':
    a bracketed count after one kind of victims in a list counts what the sentence's toll did, for them."""
    listed = re.search(r"(?:\bfollowed\s+by|\band|,)\s+(?P<who>(?:[a-z-]+\s+){0,5}?[a-z-]+)\s*\($", low[: mention.start])
    if listed and re.search(r"\b(?:were|was|are|is|been|killed|died|dead|injured|wounded|in|which|who)\b", listed.group("who")):
        listed = None  # "... in which 398 militants were killed (100)": a clause with its verb, then a footnote
    if not listed or not re.match(r"^\s*\)", low[mention.end :]):
        return False
    kinds = {m.lastgroup for m in lx.VICTIM.finditer(listed.group("who"))}
    toll = next((r for r in reversed(readings) if r.base in ("killed", "injured", "casualties") and not r.change), None)
    if len(kinds) != 1 or toll is None:
        return False
    reading.base, reading.victim, reading.suicide = toll.base, kinds.pop(), toll.suicide
    reading.rule = "victims-in-parens"
    return True


def _change_cue(low: str, mention: NumberMention, previous: Reading | None) -> tuple[str, int, int] | None:
    """The change word of a percentage ('a 16% decline', 'declined by 45%', 'surge (131pc)'), with its span."""
    start = mention.hedge_start if mention.hedge_start is not None else mention.start
    before = low[:start]
    after = low[mention.end :]
    match = lx.CHANGE_AFTER.match(after)
    if match:
        return match.group("word"), mention.end + match.start("word"), mention.end + match.end("word")
    match = lx.CHANGE_BEFORE.search(before)
    if match and re.search(r"\bto\s+(?:about\s+|nearly\s+|almost\s+|around\s+|over\s+|some\s+)?$", before):
        return None  # "the TTP's share rose to 60 percent": the new level, not the change
    if match and not (match.group("word") == "up" and lx.MADE_UP.search(before, 0, match.start("word"))):
        return match.group("word"), match.start("word"), match.end("word")
    # "a decline in number of terrorist attacks by nearly 13%": the change noun opens the clause
    # ... or is said to amount to it: "the decrease between 2012 and 2013 amounts to 13.4 per cent"
    if previous is not None and not previous.change and re.search(r",\s*or\s+by\s+$", before):
        # "injured fell to 1,871 from 2,409, or by 22 per cent": the sentence's verb of change, restated as a percentage
        words = list(lx.CHANGE_WORD.finditer(before, 0, previous.mention.start))
        if words:
            return words[-1].group("word"), words[-1].start(), words[-1].end()
    if re.search(r"\b(?:by|amount(?:ed|s)?\s+to|stood\s+at|stands\s+at|came\s+to|comes\s+to)\s*$", before):
        clause = before[clause_start(before, len(before)) :]
        offset = len(before) - len(clause)
        # "deaths went up by 25 percent and injuries by 21 percent": a change word before the previous number is its
        # own; the gapped item below shares it
        floor = previous.mention.end if previous is not None and previous.change else 0
        words = [w for w in lx.CHANGE_WORD.finditer(clause) if offset + w.start() >= floor]
        if words:
            return words[-1].group("word"), offset + words[-1].start(), offset + words[-1].end()
    # "declined by 45 percent, 37 percent and 49 percent": later items of a list share the first one's word
    if previous is not None and previous.change and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", low[previous.mention.end : start]):
        word = "down" if previous.sign < 0 else "up"
        return word, previous.mention.start, previous.mention.start
    # "attacks grew by 70 percent, deaths by 81 percent": the verb is said once, each item names its metric
    if previous is not None and previous.change:
        gap = lx.GAPPED_CHANGE.fullmatch(low, previous.mention.end, start)
        if gap and lx.METRIC_NOUN.search(gap.group("noun")):
            return ("down" if previous.sign < 0 else "up"), start, start
    return None


def _read_change(low: str, mention: NumberMention, reading: Reading, previous: Reading | None) -> None:
    """A percentage: a change against the previous year when a change word goes with it, else a share."""
    cue = _change_cue(low, mention, previous)
    if cue is None:
        reading.drop, reading.rule = "share", "percent-without-change"
        return
    word, cue_start, cue_end = cue
    reading.change = True
    reading.sign = -1 if lx.DOWN.match(word) else 1
    reading.rule = "change"
    after_start = cue_end if cue_end <= mention.start else mention.end
    end = clause_end(low, max(after_start, mention.end), lx.CHANGE_CLAUSE_END)
    window = low[after_start:end]
    found = metric_of_phrase(window)
    # the 'of' of "a decline of 13 per cent" is the change's, not its metric's: the preposition is looked for past the number
    own = max(0, mention.end - after_start)
    # the metric of a change follows 'in', 'of', 'among': "a 16% decline in attacks", "a rise of 9% in the number of
    # suicide attacks"; a noun further on belongs to another clause ("a decline of 13% in 2013 hides that civilian deaths ...")
    if found and not lx.CHANGE_METRIC_PREP.search(window, own if found[3] >= own else 0, found[3]):
        found = None
    if found and not re.match(r"\s*(?:respectively)", window):
        reading.base, reading.victim, reading.suicide = found[:3]
        reading.phrase = (after_start, after_start + found[4] + 10)
        reading.rule = "change-in-phrase"
        if reading.victim is None:
            reading.victim = _subject_victim(low, cue_start)
        return
    if re.search(r"\brespectively\b", low[mention.end : mention.end + 60]) or (
        previous is not None and previous.link_kind == "respectively" and not found
        and not re.search(r"\brespectively\b", low[previous.mention.end : mention.start])  # a list ends at 'respectively'
    ):
        reading.link_kind = "respectively"
        reading.rule = "change-respectively"
        return
    lead = min(cue_start, mention.hedge_start if mention.hedge_start is not None else mention.start)
    if previous is not None and cue_start < previous.mention.start and re.search(r",\s*or\s+by\s+$", low[: mention.start]):
        # "the number of people injured fell to 1,871 from 2,409, or by 22 per cent": the subject of the verb's change
        found = metric_of_phrase(blank_parens(low[clause_start(low, cue_start, lx.SUBJECT_BREAK) : cue_start]))
        if found:
            reading.base, reading.victim, reading.suicide = found[:3]
            reading.rule = "change-restated"
            return
    opener = low[clause_start(low, lead) : lead]
    relative = lx.RELATIVE_CHANGE_OF.search(low, 0, lead)
    if relative and re.fullmatch(r"(?:which|that)\s+(?:\w+\s+){0,2}", opener):
        # "militant fatalities, which declined by 31 per cent": the relative clause changes the noun right before it
        found = metric_of_phrase(relative.group("noun"))
        reading.base, reading.victim, reading.suicide = found[:3]
        reading.phrase = (relative.start("noun"), relative.end("noun"))
        reading.rule = "change-of-relative"
        return
    if (
        previous is not None  # with no number before, ", falling by 13 percent" is said of the sentence's subject
        and re.fullmatch(r"\s*(?:\w+\s+){0,3}", opener)
        and metric_of_phrase(opener) is None
        and re.search(r"(?:,|–|—|\(|;|\s-)\s*(?:\w+\s+){0,3}$", low[:lead])
    ):
        reading.link_kind = "apposition"
        reading.rule = "change-apposition"
        return
    subject_from = max(clause_start(low, cue_start, lx.SUBJECT_BREAK), previous.mention.end if previous else 0)
    subject = blank_parens(low[subject_from:cue_start])
    nouns = list(lx.METRIC_NOUN.finditer(subject))
    if nouns:
        found = metric_of_phrase(subject)
        reading.base, reading.victim, reading.suicide = found[:3]
        offset = cue_start - len(subject)
        reading.phrase = (max(0, offset), cue_start)
        reading.rule = "change-subject"
        if reading.victim is None:
            reading.victim = _subject_victim(low, cue_start)
        return
    reading.link_kind = "following"
    reading.rule = "change-following"


def _victims_as_subject(low: str, mention: NumberMention, reading: Reading) -> None:
    """"Outlaws lost 934": the subject that suffered the deaths is their victim type; "civilians and security
    personnel together suffered 1,612 fatalities" counts two victim types at once, which no metric is."""
    lead = mention.hedge_start if mention.hedge_start is not None else mention.start
    suffered = lx.VICTIM_SUBJECT.search(low, 0, lead)
    complement = re.match(r"\s+(?:were|was)\s+([^,;.()\d]{2,60})", low[mention.end :])
    if complement and (re.search(r"\b(?:killed|injured|wounded|dead|hurt|including)\b", complement.group(1))
                       or not lx.VICTIM.match(complement.group(1))):
        complement = None  # "1 965 were injured including ...": a verb, not the victims' names
    if not suffered and not complement:
        return
    # "1,612 were civilians and security personnel": two victim types at once, like a subject that suffered them
    named = (suffered.group("subject") or suffered.group("hit")) if suffered else complement.group(1)
    kinds = {m.lastgroup for m in lx.VICTIM.finditer(named)}
    if len(kinds) > 1:
        reading.drop = "mixed-victims"
    elif kinds and reading.victim is None:
        reading.victim = kinds.pop()


def _subject_victim(low: str, position: int) -> str | None:
    """The victim type a clause's subject names ('Outlaws ... suffered a 26.5pc increase in fatalities').

    A subject 'their ...' points to the sentence's subject ("Security personnel were hit hardest: their
    fatalities climbed 41pc"); a perpetrator subject of an earlier clause is not the victim ("Militants carried
    out 412 attacks, and the deaths in them fell 8 percent").
    """
    subject = blank_parens(low[clause_start(low, position, lx.SUBJECT_BREAK) : position])
    if re.match(r"\W*their\b", subject):
        subject = blank_parens(low[clause_start(low, position, lx.STRONG_BREAK) : position])
    match = re.match(r"\W*(?:the\s+)?(\w+(?:\s+\w+)?)", subject)
    if not match:
        return None
    return _victim_of(match.group(1))


def read_numbers(
    low: str, mentions: list[NumberMention], spans: list[tuple[int, int]] | None = None
) -> tuple[list[Reading], dict[str, int]]:
    """Readings of the count and percent mentions of a lower-cased sentence; other kinds counted as drops.

    `spans` are the sentence's comparison phrases (`baseline_spans`), found here when not given.
    """
    spans = baseline_spans(low) if spans is None else spans
    readings: list[Reading] = []
    drops: dict[str, int] = {}
    depths = paren_depths(low)
    for mention in mentions:
        kind = mention.kind
        if kind == "count" and lx.BARE_PERCENT_BEFORE.search(low[: mention.start]) and lx.BARE_PERCENT_AFTER.match(low[mention.end :]):
            kind = "percent"
        if kind == "count" and lx.PERCENT_LIST_AFTER.match(low[mention.end :]):
            kind = "percent"  # "by 15, 21 and 9 percent": the sign written once for the list
        if kind in ("count", "percent") and (
            lx.SCALE_AFTER.match(low[mention.end :])
            or (lx.SCALE_WORD.fullmatch(low[mention.start : mention.end]) and re.search(r"\d\s*$", low[: mention.start]))
        ):
            drops["unknown-scale"] = drops.get("unknown-scale", 0) + 1  # never read "1 quadrillion" as 1
            continue
        if kind not in ("count", "percent", "parenthesised"):
            reason = f"{NOT_A_FIGURE}{kind}"  # years, dates, ordinals ... were never candidate figures
            drops[reason] = drops.get(reason, 0) + 1
            continue
        if kind == "count" and mention.value == 1 and mention.approx:
            drops["not-a-count"] = drops.get("not-a-count", 0) + 1  # "at least one attack": a threshold, not a count
            continue
        reading = Reading(mention, mention.value, mention.value_high, in_parens=depths[mention.start] if mention.start < len(depths) else 0)
        previous = readings[-1] if readings else None
        if kind == "percent":
            _read_change(low, mention, reading, previous)
        elif _beside_share_again(low, mention, reading, readings) or _victims_in_parens(low, mention, reading, readings):
            pass
        elif kind == "parenthesised":
            if not _parenthesised(low, mention, reading):
                reading.drop, reading.rule = f"{NOT_A_FIGURE}footnote", "parenthesised-number"
        elif not _parenthesised(low, mention, reading):
            if not _count_from_head(low, mention, reading) and not _count_without_head(low, mention, reading, spans):
                reading.drop, reading.rule = "no-metric", "unrecognised"
        if reading.base and not reading.change and not reading.drop and _DEMONSTRATIVE_BEFORE.search(low, 0, mention.start):
            reading.drop = "restated"  # "These four attacks killed 11 people": the count said before, pointed at again
        if reading.rule == "unrecognised" and _EVENTS_AFTER.match(low, mention.end):
            # "3,100 political violence events, up from the 2,400 events of 2024": bare 'events' are the kind named before
            earlier = next((r for r in reversed(readings) if r.base and not r.change and _KIND_EVENTS_AFTER.match(low, r.mention.end)), None)
            if earlier is not None:
                reading.base, reading.suicide, reading.drop, reading.rule = earlier.base, earlier.suicide, None, "events-again"
                reading.phrase = earlier.phrase
        if reading.rule == "were-metric" and re.search(r"\b(?:of|among)\s+(?:which|whom|them|these|those)\s*,?\s*$", low[: mention.start]):
            toll = next((r for r in reversed(readings) if r.base in ("killed", "injured", "casualties") and not r.change), None)
            reading.victim = toll.victim if toll is not None else None  # "civilian casualties, of which 2,400 were deaths"
        if reading.base in ("killed", "injured", "casualties") and not reading.drop:
            _victims_as_subject(low, mention, reading)
        if reading.base in ("killed", "injured") and reading.victim is None and previous is not None and previous.victim \
                and previous.base in ("killed", "injured") and (
                    _ANOTHER_BEFORE.search(low, 0, mention.start)
                    # "2,817 civilians were killed and 5,673 were wounded": a bare number continues the same victims
                    or (reading.rule == "number-verb-after" and _AND_BEFORE.search(low, 0, mention.start))):
            reading.victim = previous.victim  # "15,000 insurgents were killed and another 6,000 wounded": more of them
        if reading.base and _SUCH.match(low, mention.end):
            # "two such attacks", "three similar bombings": the kind of an earlier figure of the sentence
            earlier = next((r for r in reversed(readings) if r.base == reading.base and not r.change), None)
            if earlier is not None:
                reading.suicide, reading.victim = earlier.suicide, earlier.victim
            elif reading.base == "attacks" and re.search(r"\bsuicide\s+(?:attacks|bombings|blasts)\b", low[: mention.start]):
                reading.suicide = True  # "The number of suicide attacks fell, with eight such attacks in 2019"
        elif (
            reading.base in ("killed", "injured", "casualties") and previous is not None and previous.suicide
            and _SUCH.match(low, previous.mention.end) and re.fullmatch(r"\s+(?:such|similar)\s+[\w-]+\s+and\s+", low[previous.mention.end : mention.start])
        ):
            # "43 suicide attacks and 758 deaths, up from 39 such attacks and 365 deaths": the toll paired with the
            # 'such' suicide attacks is theirs
            reading.suicide = True
        readings.append(reading)
    return readings, drops
