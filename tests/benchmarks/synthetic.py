"""A seeded corpus of synthetic reports for the benchmark: press articles, think-tank pages and plain-text reports.

Document i depends only on (seed, i): the first 1,000 documents of the 10,000-document corpus are the
1,000-document corpus. Sizes follow real reports: press articles of 2-8 KB of prose with a few figures,
think-tank HTML pages of 20-80 KB (navigation, sidebars, scripts, 1-3 tables) and plain-text reports.
"""
from __future__ import annotations

import csv
import html
import random
from dataclasses import dataclass
from pathlib import Path

from tests.benchmarks import phrases
from tests.benchmarks.phrases import Stated, Writer
from tests.benchmarks.world import FIRST_YEAR, LAST_YEAR, ORGANISATIONS, YearFigures, year_figures

PAPERS = ("The Daily Ledger", "The Frontier Courier", "The Evening Chronicle", "The Capital Post", "The Valley Herald",
          "The Morning Dispatch")
KINDS = (("press", 0.55), ("html", 0.25), ("text", 0.20))
TRUTH_COLUMNS = ("doc", "year", "country", "group", "metric", "value", "value_high", "approx")
REGISTRY_HEAD = "# Synthetic benchmark corpus (generated, never committed)\n"


@dataclass(frozen=True)
class SyntheticDocument:
    """One generated report: where it goes under the corpus root, its bytes, and the figures it states."""

    path: str
    body: bytes
    stated: tuple[Stated, ...]


@dataclass(frozen=True)
class Corpus:
    root: Path
    registry: Path
    truth: Path
    documents: int
    bytes: int
    by_kind: dict[str, tuple[int, int]]  # kind -> (documents, bytes)


def _choose(rng: random.Random, weighted) -> str:
    names, weights = zip(*weighted)
    return rng.choices(names, weights)[0]


def _dating(rng: random.Random, year: int) -> tuple[str, str]:
    """(published date, relative-year style): mostly early the next year, sometimes the topic year's last days."""
    roll = rng.random()
    if roll < 0.65:
        return f"{year + 1}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}", "last"
    if roll < 0.8 and year < LAST_YEAR:
        return f"{year}-12-{rng.randint(28, 31)}", "this"
    return f"{year + 1}-{rng.randint(4, 11):02d}-{rng.randint(1, 28):02d}", ""


def _deck(rng: random.Random, kind: str) -> list:
    """The figure sentences a document will use, each once, in a random order."""
    deck = list(phrases.SENTENCES[kind])
    rng.shuffle(deck)
    return deck


def _figure_paragraphs(w: Writer, deck: list, count: int) -> list[str]:
    """Up to `count` paragraphs of one or two figure sentences from the deck, now and then with a distractor.

    A sentence about the security forces' operations ends its paragraph: the extractor carries a paragraph's
    scope to its next sentence, and "Of the N people killed in attacks" after it was read as killed by the
    security forces, a part-above-whole error that fails validation (reported in BENCHMARKS.md).
    """
    paragraphs = []
    for _ in range(count):
        sentences = []
        for _ in range(min(len(deck), w.rng.randint(1, 2))):
            sentence = deck.pop()
            sentences.append(sentence(w))
            if sentence in phrases.ENDS_PARAGRAPH:
                break
        if w.rng.random() < 0.5:
            sentences.insert(w.rng.randint(0, max(0, len(sentences) - 1)), phrases.distractor(w))
        text = " ".join(s for s in sentences if s)
        if text:
            paragraphs.append(text)
    return paragraphs


def _pad(rng: random.Random, paragraphs: list[str], target: int) -> list[str]:
    """Filler paragraphs spliced in after the lead until the prose reaches `target` characters."""
    out = list(paragraphs)
    while sum(len(p) + 2 for p in out) < target:
        out.insert(rng.randint(1, len(out)), phrases.filler_paragraph(rng))
    return out


def _writer(seed: int, rng: random.Random, doc: str, organisation: str, year: int, relative: str) -> Writer:
    return Writer(seed, rng, doc, year_figures(seed, organisation, year), year_figures(seed, organisation, year - 1),
                  relative)


def _press(seed: int, rng: random.Random, index: int, organisation: str, year: int) -> SyntheticDocument:
    published, relative = _dating(rng, year)
    country = ORGANISATIONS[organisation][0]
    name = f"{country.lower()}-{year}-{organisation.lower()}-press-{index:05d}.txt"
    w = _writer(seed, rng, name, organisation, year, relative)
    paper = rng.choice(PAPERS)
    city = rng.choice(phrases.CITIES[country])
    deck = _deck(rng, ORGANISATIONS[organisation][2])
    lead = f"{city}: {deck.pop()(w) or phrases.filler_sentence(rng)}"
    body = _pad(rng, [lead, *_figure_paragraphs(w, deck, rng.randint(2, 4))],
                rng.randint(1800, 7600))
    body.append(f"The full report is available on the website of {w.org()}.")
    header = (f"url: https://{paper.lower().replace(' ', '-')}.example.com/{year + 1}/{organisation.lower()}-{index}\n"
              f"title: {organisation} annual figures on militant violence in {phrases.COUNTRY_NAMES[country]}\n"
              f"published: {published}\nsource_org: {organisation} via {paper} (synthetic)\n\n")
    return SyntheticDocument(f"press/{country.lower()}/{name}", (header + "\n\n".join(body) + "\n").encode(),
                             tuple(w.stated))


def _report_text(seed: int, rng: random.Random, index: int, organisation: str, year: int) -> SyntheticDocument:
    published, relative = _dating(rng, year)
    country = ORGANISATIONS[organisation][0]
    name = f"{country.lower()}-{year}-{organisation.lower()}-report-{index:05d}.txt"
    w = _writer(seed, rng, name, organisation, year, relative)
    deck = _deck(rng, ORGANISATIONS[organisation][2])
    sections = []
    for title in ("Overview", "Perpetrators and victims", "Trends", "Methodology"):
        paragraphs = _figure_paragraphs(w, deck, rng.randint(1, 3)) if title != "Methodology" else []
        sections.append(title + "\n\n" + "\n\n".join(_pad(rng, paragraphs or [phrases.filler_paragraph(rng)],
                                                          rng.randint(800, 3000))))
    header = (f"url: https://{organisation.lower()}.example.org/reports/{year}/{index}\n"
              f"title: {organisation} security report {year}\npublished: {published}\n"
              f"source_org: {organisation} (synthetic)\n\n")
    return SyntheticDocument(f"reports/{organisation.lower()}/{name}", (header + "\n\n".join(sections) + "\n").encode(),
                             tuple(w.stated))


# -- think-tank pages -----------------------------------------------------------------------------------------------

NAV_TOPICS = ("Security", "Conflict", "Governance", "Economy", "Education", "Media", "Human rights", "Religion",
              "Border regions", "Elections", "Climate", "Health", "Gender", "Migration", "Policing", "Courts")
SCRIPT = ("window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());"
          "gtag('config','G-SYNTHETIC');document.addEventListener('DOMContentLoaded',function(){var m=document."
          "querySelector('.menu-toggle');if(m){m.addEventListener('click',function(){document.body.classList.toggle("
          "'menu-open');});}});")


def _nav(rng: random.Random, organisation: str) -> str:
    items = []
    for topic in rng.sample(NAV_TOPICS, rng.randint(8, len(NAV_TOPICS))):
        sub = "".join(f'<li class="menu-item"><a class="menu-link" href="/{organisation.lower()}/topics/'
                      f'{topic.lower().replace(" ", "-")}/{k}">{topic} brief {k}</a></li>' for k in range(rng.randint(3, 9)))
        items.append(f'<li class="menu-item has-children"><a href="/topics/{topic.lower().replace(" ", "-")}">{topic}</a>'
                     f'<ul class="sub-menu">{sub}</ul></li>')
    return f'<nav class="main-navigation" role="navigation"><ul class="menu">{"".join(items)}</ul></nav>'


def _sidebar(rng: random.Random, organisation: str, year: int) -> str:
    items = "".join(
        f'<li><a href="/{organisation.lower()}/publications/{k}">{rng.choice(NAV_TOPICS)} brief: '
        f'{rng.choice(phrases.CLAUSES)}</a> <span class="date">{rng.randint(1, 28)} '
        f'{rng.choice(("January", "March", "June", "October"))} {year - rng.randint(0, 6)}</span></li>'
        for k in range(rng.randint(10, 40)))
    return f'<aside class="sidebar"><section class="widget"><h3>Recent publications</h3><ul>{items}</ul></section></aside>'


def _footer(rng: random.Random, organisation: str) -> str:
    links = "".join(f'<li><a href="/{organisation.lower()}/{t.lower().replace(" ", "-")}">{t}</a></li>'
                    for t in ("About us", "Our team", "Careers", "Contact", "Privacy policy", "Terms of use", "Donate"))
    return (f'<footer class="site-footer"><ul class="footer-links">{links}</ul><p>Copyright {organisation} '
            f'(synthetic site). All rights reserved.</p></footer>')


def _cell(value: int) -> str:
    return f"{value:,}"


def _group_table(w: Writer) -> str:
    """Attacks, killed and injured by perpetrator, with the total row."""
    label = {"ttp": "TTP and affiliates", "nationalist-insurgents": "Baloch nationalist insurgents",
             "sectarian": "Sectarian", "islamic-state": "Islamic State-Khorasan"}
    rows = []
    for group in (*phrases_groups(w), "all"):
        cells = [w.figures.values[(group, m)] for m in ("attacks", "killed", "injured")]
        for metric, value in zip(("attacks", "killed", "injured"), cells):
            w.state(group, metric, value)
        rows.append(f"<tr><td>{label.get(group, 'Total')}</td>" + "".join(f"<td>{_cell(v)}</td>" for v in cells) + "</tr>")
    return (f"<table class=\"data\"><caption>Terrorist attacks in {phrases.COUNTRY_NAMES[w.country]} by perpetrator, "
            f"{w.year}</caption><tr><th>Perpetrator</th><th>Attacks</th><th>Killed</th><th>Injured</th></tr>"
            + "".join(rows) + "</table>")


def phrases_groups(w: Writer) -> tuple[str, ...]:
    return tuple(g for g in ("ttp", "nationalist-insurgents", "sectarian", "islamic-state") if w.figures.get(g, "attacks"))


def _years_table(w: Writer) -> str:
    """Attacks, killed and injured over the last few years, one row a year."""
    rows = []
    for year in range(max(FIRST_YEAR, w.year - w.rng.randint(2, 5)), w.year + 1):
        figures = year_figures(w.seed, w.figures.organisation, year)
        cells = [figures.values[("all", m)] for m in ("attacks", "killed", "injured")]
        for metric, value in zip(("attacks", "killed", "injured"), cells):
            w.state("all", metric, value, year=year)
        rows.append(f"<tr><td>{year}</td>" + "".join(f"<td>{_cell(v)}</td>" for v in cells) + "</tr>")
    return (f"<table class=\"data\"><caption>Terrorist attacks in {phrases.COUNTRY_NAMES[w.country]}, by year</caption>"
            "<tr><th>Year</th><th>Attacks</th><th>Killed</th><th>Injured</th></tr>" + "".join(rows) + "</table>")


def _parties_table(w: Writer) -> str:
    """Civilian casualties by party (the UN mission's table)."""
    label = {"anti-government-elements": "Anti-Government Elements", "pro-government-forces": "Pro-Government Forces",
             "unattributed": "Attributed to neither party", "all": "Total"}
    rows = []
    for party in label:
        value = w.figures.values[(party, "casualties_civilians")]
        w.state(party, "casualties_civilians", value)
        rows.append(f"<tr><td>{label[party]}</td><td>{_cell(value)}</td></tr>")
    return (f"<table class=\"data\"><caption>Civilian casualties in Afghanistan by party, {w.year}</caption>"
            "<tr><th>Party</th><th>Civilian casualties</th></tr>" + "".join(rows) + "</table>")


def _province_table(w: Writer) -> str:
    """A distractor: attacks by province, which is not a national figure."""
    rows = "".join(f"<tr><td>{p}</td><td>{w.rng.randint(10, 300)}</td></tr>" for p in phrases.PROVINCES[w.country])
    return (f"<table class=\"data\"><caption>Attacks by province, {w.year}</caption>"
            f"<tr><th>Province</th><th>Attacks</th></tr>{rows}</table>")


def _tables(w: Writer) -> list[str]:
    kind = ORGANISATIONS[w.figures.organisation][2]
    if kind == "civilians":
        choices = [_parties_table]
    elif kind == "groups":
        choices = [_group_table, _years_table, _province_table]
    elif kind == "scopes":
        choices = [_years_table, _province_table]
    else:
        choices = [_province_table]
    picked = w.rng.sample(choices, w.rng.randint(1, len(choices)))
    return [table(w) for table in picked]


def _report_html(seed: int, rng: random.Random, index: int, organisation: str, year: int) -> SyntheticDocument:
    published, relative = _dating(rng, year)
    country = ORGANISATIONS[organisation][0]
    name = f"{country.lower()}-{year}-{organisation.lower()}-page-{index:05d}.html"
    w = _writer(seed, rng, name, organisation, year, relative)
    paragraphs = _pad(rng, _figure_paragraphs(w, _deck(rng, ORGANISATIONS[organisation][2]), rng.randint(2, 5)),
                      rng.randint(4000, 16000))
    blocks = [f"<p>{html.escape(p)}</p>" for p in paragraphs]
    for table in _tables(w):
        blocks.insert(rng.randint(1, len(blocks)), table)
    title = f"{organisation} security report {year}: key findings"
    head = (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title} | {organisation}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<link rel="canonical" href="https://{organisation.lower()}.example.org/reports/{year}/{index}">'
            f'<link rel="stylesheet" href="/static/site.css"><script>{SCRIPT}</script></head>\n')
    page = [head, '<body class="single-post">', f'<header class="site-header"><a class="logo" href="/">{organisation}</a>',
            _nav(rng, organisation), "</header>", '<main class="content">',
            f'<article class="post"><h1 class="entry-title">{title}</h1>'
            f'<p class="entry-meta">Published <time datetime="{published}">{published}</time></p>',
            "\n".join(blocks), "</article>"]
    target = rng.randint(20_000, 80_000)
    page += [_sidebar(rng, organisation, year)]
    while sum(map(len, page)) < target - 2000:
        page.append(_sidebar(rng, organisation, year))
    page += ["</main>", _footer(rng, organisation), "</body></html>\n"]
    return SyntheticDocument(f"web/{organisation.lower()}/{name}", "\n".join(page).encode(), tuple(w.stated))


def generate_document(seed: int, index: int) -> SyntheticDocument:
    """Document `index` of the corpus of `seed`: its kind, organisation and year drawn from (seed, index) alone."""
    rng = random.Random(f"{seed}:{index}")
    organisation = _choose(rng, [(o, spec[1]) for o, spec in ORGANISATIONS.items()])
    year = rng.randint(FIRST_YEAR + 1, LAST_YEAR)
    kind = "press" if organisation == "GTI" else _choose(rng, KINDS)
    make = {"press": _press, "html": _report_html, "text": _report_text}[kind]
    return make(seed, rng, index, organisation, year)


SOURCES = (
    # id, glob, publisher, trust, country
    ("press-pak", "press/pak/*.txt", "press", 3, "PAK"),
    ("press-afg", "press/afg/*.txt", "press", 3, "AFG"),
    *((f"{o.lower()}-reports", f"reports/{o.lower()}/*.txt", o, 1, spec[0]) for o, spec in ORGANISATIONS.items()
      if spec[2] != "index"),
    *((f"{o.lower()}-web", f"web/{o.lower()}/*.html", o, 1, spec[0]) for o, spec in ORGANISATIONS.items()
      if spec[2] != "index"),
)


def registry_text() -> str:
    entries = [
        f'[[source]]\nid = "{sid}"\nkind = "file"\nurl = "{glob}"\nformat = "auto"\ncountry = "{country}"\n'
        f'publisher = "{publisher}"\ntrust = {trust}\n'
        for sid, glob, publisher, trust, country in SOURCES
    ]
    return REGISTRY_HEAD + "\n".join(entries)


def write_corpus(root: Path, size: int, seed: int) -> Corpus:
    """Write `size` documents, their registry (sources.toml) and the figures they state (truth.csv) under root."""
    root.mkdir(parents=True, exist_ok=True)
    total, by_kind = 0, {}
    with open(root / "truth.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(TRUTH_COLUMNS)
        for index in range(size):
            document = generate_document(seed, index)
            path = root / document.path
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(document.body)
            kind = document.path.split("/")[0]
            count, size_bytes = by_kind.get(kind, (0, 0))
            by_kind[kind] = (count + 1, size_bytes + len(document.body))
            total += len(document.body)
            writer.writerows((s.doc, s.year, s.country, s.group, s.metric, _num(s.value), "", int(s.approx))
                             for s in annotated(document.stated))
    (root / "sources.toml").write_text(registry_text(), encoding="utf-8")
    return Corpus(root, root / "sources.toml", root / "truth.csv", size, total, by_kind)


def annotated(stated: tuple[Stated, ...]) -> list[Stated]:
    """One figure per (year, country, group, metric), the precise statement over a hedged one (the gold rule)."""
    best: dict[tuple, Stated] = {}
    for s in stated:
        key = (s.year, s.country, s.group, s.metric)
        if key not in best or (best[key].approx and not s.approx):
            best[key] = s
    return list(best.values())


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))
