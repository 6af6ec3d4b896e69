"""Invariants on generated input beyond test_extract_properties.py: any bytes to parse, encodings, layout, redaction."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from flows.redaction import REDACTED, redact
from flows.reading import read_vocabulary
from tests.factories import extraction, figure
from transforms.documents import MAX_TEXT_CHARS, binary_kind, parse_document
from transforms.encoding import decode_html, decode_text
from transforms.extract import extract_figures
from transforms.layout import (TableBlock, assemble, collapse_lines, collapse_whitespace, normalize_grid,
                               render_row)
from transforms.model import Document, DocumentError
from transforms.numbers import find_numbers
from transforms.plausibility import FIRST_YEAR, MAX_COUNT, implausible

VOCABULARY = read_vocabulary()
MAX_YEAR = 2026

# bytes that look like the start of each format, so that the generated rest reaches each parser's insides
_HEADS = st.sampled_from([b"", b"%PDF-1.4\n", b"<!DOCTYPE html><html><body>", b"<table><tr><td>", b"\xef\xbb\xbf",
                          b"\xff\xfe", b"\xfe\xff", b"title: x\npublished: 2019\n\n", b"\x89PNG\r\n\x1a\n"])
_HTMLISH = st.lists(st.sampled_from(["<p>", "</p>", "<table>", "<tr>", "<td>", "</td>", "<th colspan=3>", "<td rowspan=99>",
                                     "</table>", "<script>", "</script>", "<br>", "<sup>1</sup>", "&amp;", "&#0;", "\u00a0",
                                     "2019", "1,215", "attacks", "killed", "TTP", "Pakistan", " ", "\n", "<!--", "-->",
                                     "<div hidden>", "</div>", "<meta charset=utf-16>", "\x00", "é"]), max_size=60).map("".join)


def _check_document(document: Document) -> None:
    """What every parsed document promises: some text, within the cap, tables at their spans."""
    assert document.text.strip() and len(document.text) <= MAX_TEXT_CHARS
    for table in document.tables:
        assert 0 <= table.start <= table.end <= len(document.text)
        assert document.text[table.start : table.end] == "\n".join(render_row(row) for row in table.rows)
        assert [document.text.startswith(render_row(row), start) for row, start in zip(table.rows, table.row_starts)] == [True] * len(table.rows)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(head=_HEADS, body=st.binary(max_size=3000), name=st.sampled_from(["r.txt", "r.html", "r.pdf", "r"]),
       format=st.sampled_from(["auto", "text", "html", "pdf"]),
       content_type=st.sampled_from([None, "text/html; charset=utf-16", "text/plain", "application/pdf", "image/png"]))
def test_any_bytes_give_a_document_or_a_document_error(head, body, name, format, content_type):
    try:
        document = parse_document(head + body, name=name, format=format, content_type=content_type)
    except DocumentError as error:
        assert error.document == name and error.reason and str(error).startswith(f"{name}: {error.reason}: ")
        event(f"error: {error.reason}")
        return
    event(f"parsed: {document.format}")
    _check_document(document)


@settings(max_examples=200, deadline=None)
@given(html=_HTMLISH, charset=st.sampled_from(["", "utf-8", "windows-1252", "latin-1", "utf-16", "x-unknown"]))
def test_any_html_gives_a_document_whose_figures_sit_in_its_text(html, charset):
    meta = f'<meta charset="{charset}">' if charset else ""
    try:
        document = parse_document(f"<html><head>{meta}</head><body>{html}</body></html>".encode("utf-8", "surrogatepass"),
                                  name="p.html")
    except DocumentError:
        return
    _check_document(document)
    for found in extract_figures(document, VOCABULARY, default_country="PAK").figures:
        assert document.text[found.start : found.end] == found.evidence


# text without the control characters that mark bytes as binary (tab, line breaks and escape are text)
_TEXT = st.text(st.characters(exclude_categories=["Cs", "Cc"]) | st.sampled_from("\t\n\r"), min_size=1, max_size=200)


@given(text=_TEXT, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom"]))
def test_unicode_encodings_with_a_mark_round_trip(text, encoding):
    boms = {"utf-16-le-bom": (b"\xff\xfe", "utf-16-le"), "utf-16-be-bom": (b"\xfe\xff", "utf-16-be")}
    bom, codec = boms.get(encoding, (b"", encoding))
    raw = bom + text.encode(codec)
    assume(not (encoding == "utf-8" and text.startswith("\ufeff")))  # that would be a byte order mark
    assert decode_text(raw, "t") == text
    assert decode_html(raw, "t", "text/html; charset=iso-8859-1") == text
    assert binary_kind(raw) is None


@given(text=st.text(st.characters(codec="cp1252", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=200))
def test_windows_text_reads_back_unless_its_bytes_are_utf8(text):
    raw = text.encode("cp1252")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        assert decode_text(raw, "t") == text
        assert decode_html(raw, "t", "text/html; charset=ISO-8859-1") == text
        assert decode_html(b'<meta charset="windows-1252">' + raw, "t") == '<meta charset="windows-1252">' + text
    else:
        assert decode_text(raw, "t") == raw.decode("utf-8")  # pure ASCII, or cp1252 that spells valid UTF-8
    assert binary_kind(raw) is None


_SPACED = st.text(st.sampled_from(["a", "b", "1", " ", "\t", "\n", "\u00a0", "\u2009", "\ufb01", "\u00ad", "\r", "|"]), max_size=80)


@given(_SPACED)
def test_collapsing_whitespace_is_idempotent_and_leaves_no_runs(text):
    once = collapse_whitespace(text)
    assert collapse_whitespace(once) == once
    assert once == once.strip() and "  " not in once and "\n" not in once


@given(_SPACED)
def test_collapsing_lines_is_idempotent_and_keeps_the_words(text):
    once = collapse_lines(text)
    assert collapse_lines(once) == once
    assert "\n\n" not in once and all(line == line.strip() and line for line in once.split("\n") if once)
    assert collapse_whitespace(once) == collapse_whitespace(text)


_GRID = st.lists(st.lists(_SPACED, max_size=5), max_size=6)


@given(_GRID)
def test_normalizing_a_grid_is_idempotent_and_gives_a_rectangle(rows):
    grid = normalize_grid(rows)
    assert normalize_grid([list(row) for row in grid]) == grid
    assert len({len(row) for row in grid}) <= 1
    assert all(any(row) and "|" not in "".join(row) for row in grid)


_BLOCKS = st.lists(st.one_of(st.text(st.sampled_from("ab1 \n."), max_size=20).map(collapse_lines),
                             _GRID.map(lambda rows: TableBlock(normalize_grid(rows), "caption"))), max_size=8)


@given(_BLOCKS)
def test_assembled_tables_sit_at_their_spans(blocks):
    text, tables = assemble(blocks)
    assert [t.rows for t in tables] == [b.rows for b in blocks if isinstance(b, TableBlock) and b.rows]
    for table in tables:
        assert text[table.start : table.end] == "\n".join(render_row(row) for row in table.rows)
        assert [text[start : start + len(render_row(row))] for row, start in zip(table.rows, table.row_starts)] == [
            render_row(row) for row in table.rows]


@settings(max_examples=300)
@given(st.text(max_size=300))
def test_numbers_sit_in_the_text_and_are_never_negative(text):
    for mention in find_numbers(text):
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.value >= 0 and (mention.value_high is None or mention.value_high >= mention.value)
        if mention.hedge_start is not None:
            assert 0 <= mention.hedge_start <= mention.start


_FIGURES = st.lists(st.builds(
    lambda year, metric, value: figure(year, "PAK", "all", metric, value),
    st.integers(1900, 2100), st.sampled_from(["attacks", "killed", "attacks_change_pct"]),
    st.floats(-1e16, 1e16, allow_nan=False) | st.sampled_from([float("inf"), -1.0, 0.0, MAX_COUNT, MAX_COUNT + 1]),
), max_size=6)


@given(_FIGURES)
def test_a_document_is_implausible_exactly_when_one_figure_is(figures):
    def possible(f) -> bool:
        bounds = (-100, 10_000) if f.metric.endswith("_change_pct") else (0, MAX_COUNT)
        return FIRST_YEAR <= f.year <= MAX_YEAR and bounds[0] <= f.value <= bounds[1]

    reason = implausible(extraction(*figures), max_year=MAX_YEAR)
    assert (reason is None) == all(possible(f) for f in figures)
    if reason:
        first = next(f for f in figures if not possible(f))
        assert reason.endswith(f"{first.year} PAK all {first.metric} = {first.value:g}")


_NAME = st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True)
_SECRET = st.from_regex(r"[A-Za-z0-9._~-]{4,24}", fullmatch=True)
_SECRET_PARAMETER = st.sampled_from(["token", "access_token", "api_key", "apikey", "key", "secret", "client_secret",
                                     "password", "sig", "X-Amz-Signature", "auth", "sessionid"])


@given(user=_NAME, password=_SECRET, host=_NAME, path=st.lists(_NAME, max_size=3), parameter=_SECRET_PARAMETER,
       secret=_SECRET, plain=st.dictionaries(_NAME.filter(lambda n: not re.search(
           r"(?:^|[_-])(?:token|key|apikey|secret|password|passwd|pwd|pass|sig|signature|auth|authorization|session|"
           r"sessionid|sid|credential|credentials)$", n)), _NAME, max_size=3))
def test_redacted_urls_keep_no_secret_and_everything_else(user, password, host, path, parameter, secret, plain):
    query = "&".join([*(f"{k}={v}" for k, v in plain.items()), f"{parameter}={secret}"])
    url = f"https://{user}:{password}@{host}.example/{'/'.join(path)}?{query}"
    cleaned = redact(url)
    assert cleaned == f"https://{REDACTED}@{host}.example/{'/'.join(path)}?" + "&".join(
        [*(f"{k}={v}" for k, v in plain.items()), f"{parameter}={REDACTED}"])
    assert redact(cleaned) == cleaned
    plain_url = f"https://{host}.example/{'/'.join(path)}" + ("?" + "&".join(f"{k}={v}" for k, v in plain.items()) if plain else "")
    assert redact(plain_url) == plain_url


@pytest.mark.parametrize("text", ["In 2019, militants carried out 250 terrorist attacks in Pakistan."])
@given(noise=st.text(st.characters(exclude_categories=["Cs"]), max_size=50))
def test_noise_after_a_sentence_never_changes_its_figure(text, noise):
    """Whatever follows a finished paragraph, the sentence before it reads the same."""
    document = Document(name="x.txt", text=f"{text}\n\n{noise}", format="text", published="2020")
    found = {(f.year, f.metric, f.value) for f in extract_figures(document, VOCABULARY, default_country="PAK").figures
             if f.end <= len(text)}
    assert found == {(2019, "attacks", 250)}
