"""HTML pages to Documents: body blocks, chrome removal, tables in place, meta data, encodings, caps."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.encoding import decode_html
from transforms.html import MAX_TABLE_DEPTH, parse_date_value, parse_html
from transforms.layout import render_row
from transforms.model import EmptyDocument, UndecodableDocument

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def page(body: str, head: str = "") -> bytes:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>".encode()


def spans_match(document) -> bool:
    """Every table row's rendering sits in the text where its row_starts say."""
    for table in document.tables:
        for row, start in zip(table.rows, table.row_starts):
            line = render_row(row)
            if document.text[start : start + len(line)] != line:
                return False
        if document.text[table.start : table.end] != "\n".join(render_row(r) for r in table.rows):
            return False
    return True


def test_full_page_fixture():
    document = parse_html((FIXTURES / "annual-review.html").read_bytes(), "annual-review.html")
    assert document.format == "html"
    assert document.title == "Violence fell again last year, monitor says"
    assert document.url == "https://daily.example.org/news/violence-fell-again"
    assert document.published == "2019-01-02"
    for chrome in ("999 attacks", "font-weight", "Archive 2014", "Search archives", "founded in 2006", "Copyright", "Hidden teaser"):
        assert chrome not in document.text
    blocks = document.text.split("\n\n")
    assert blocks[0] == "An independent monitoring group has released its yearly review of militant violence in Pakistan."
    assert blocks[1] == "Its researchers logged fewer attacks than in the year before,\nand fewer deaths as well."
    assert "Year by year" in blocks
    assert "Table 1: Militant attacks and deaths in Pakistan" in blocks
    (table,) = document.tables
    assert table.caption == "Table 1: Militant attacks and deaths in Pakistan"
    assert table.rows == (
        ("Year", "Attacks", "Killed", "Killed"),
        ("Year", "Attacks", "Civilians", "Security forces"),
        ("2017", "370", "410", "180"),
        ("2018", "262", "NA", "151*"),
    )
    assert spans_match(document)
    assert blocks[-1] == "* Figure revised after the report's first release."


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        ('<meta property="article:published_time" content="2021-01-04T10:15:00+05:00">', "", "2021-01-04"),
        ('<meta property="og:published_time" content="2020-12-31">', "", "2020-12-31"),
        ('<meta itemprop="datePublished" content="2016-12-31">', "", "2016-12-31"),
        ('<meta name="date" content="2014/03/05">', "", "2014-03-05"),
        ('<meta name="DC.date" content="2012-02">', "", "2012-02"),
        ('<meta name="dcterms.created" content="20190101">', "", "2019-01-01"),
        ('<meta name="pubdate" content="Tue, 01 Jan 2019 09:00:00 GMT">', "", "2019-01-01"),
        ('<meta name="citation_publication_date" content="2015">', "", "2015"),
        ('<script type="application/ld+json">{"datePublished": "2023-01-02T00:00:00Z"}</script>', "", "2023-01-02"),
        ('<script type="application/ld+json">[{"@graph": [{"datePublished": "2022-06-30"}]}]</script>', "", "2022-06-30"),
        ('<script type="application/ld+json">{broken json</script>', '<p>x<time datetime="2018-05-06">May</time></p>', "2018-05-06"),
        ("", '<p>Posted <time datetime="2017-02-03T04:05">3 Feb</time></p>', "2017-02-03"),
        ("", "<p>Posted <time>January 4, 2021</time></p>", "2021-01-04"),
        ("", '<div><time datetime="2010-01-01">x</time></div><article><time datetime="2011-02-02">y</time></article>', "2011-02-02"),
        ("", '<time datetime="2010-01-01">a</time><time pubdate datetime="2012-03-03">b</time>', "2012-03-03"),
        ("", '<aside><time datetime="2009-09-09">old story</time></aside><p>x</p><footer><time>2010-01-01</time></footer>', None),
        ("", '<header><time datetime="2016-06-06">June 6</time></header><p>x</p>', "2016-06-06"),
        ('<meta name="date" content="not a date">', "<p>no date anywhere</p>", None),
        ("", "<p>no date anywhere</p>", None),
    ],
)
def test_published_date(head, body, expected):
    assert parse_html(page(body or "<p>text</p>", head), "p.html").published == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-01-02T10:00:00Z", "2019-01-02"),
        ("2019-1-2", "2019-01-02"),
        ("2019.01.02", "2019-01-02"),
        ("2019-13-01", None),
        ("2019-02-30", None),
        ("20190102T1000", "2019-01-02"),
        ("2019", "2019"),
        ("1776", None),
        ("March 5th, 2018", "2018-03-05"),
        ("Sept. 9, 2016", "2016-09-09"),
        ("5 March 2018", "2018-03-05"),
        ("Mon, 02 Jan 2017 08:00:00 +0000", "2017-01-02"),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date_value(value, expected):
    assert parse_date_value(value) == expected


@pytest.mark.parametrize(
    ("head", "body", "title", "url"),
    [
        ("<title> Site | Story </title>", "<h1>Head</h1>", "Site | Story", None),
        ('<title>Site | Story</title><meta property="og:title" content="Story">', "", "Story", None),
        ("", "<h1>  Only   a heading </h1>", "Only a heading", None),
        ('<meta property="og:url" content="https://x.example/a">', "", None, "https://x.example/a"),
        ('<link rel="canonical" href="https://x.example/b"><meta property="og:url" content="https://x.example/a">', "", None, "https://x.example/b"),
    ],
)
def test_title_and_url(head, body, title, url):
    document = parse_html(page(body + "<p>text</p>", head), "p.html")
    assert (document.title, document.url) == (title, url)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<p>One <b>bold</b>word and <a href='#'>a link</a>.</p>", "One boldword and a link."),
        ("<h2>Heading</h2><p>Para   one\n  continues.</p><p>Para two.</p>", "Heading\n\nPara one continues.\n\nPara two."),
        ("<ul><li>first</li><li>second <i>item</i></li></ul>", "first\n\nsecond item"),
        ("<div>outer <div>inner</div> tail</div>", "outer\n\ninner\n\ntail"),
        ("<p>line<br>break<br/><br>again</p>", "line\nbreak\nagain"),
        ("<p>a<script>var s = 'x';</script>b<style>p{}</style>c<noscript>enable js</noscript></p>", "abc"),
        ("<p>keep</p><div hidden>gone</div><span style='display: none'>gone too</span>", "keep"),
        ("<p>tab\tand&nbsp;nbsp &amp; entity</p>", "tab and nbsp & entity"),
        ("<p>before<!-- a comment -->after</p>", "beforeafter"),
        ("<p>soft\u00adhyphen and \ufb01ligature</p>", "softhyphen and filigature"),
        ("<p>It counted 370<sup>1</sup> attacks, the 2<sup>nd</sup> drop; see note<sup>[12]</sup>.</p>", "It counted 370 attacks, the 2nd drop; see note."),
        ("<p>Area of 5 km<sup>squared</sup></p>", "Area of 5 kmsquared"),
        # a footnote inside a footnote that goes: nothing of either is read (the BeautifulSoup reader crashed)
        ("<p>It counted 370<sup><sup>1</sup></sup> attacks.</p>", "It counted 370 attacks."),
        # characters lxml's tree cannot hold are read like any other
        ("<p>form\x0cfeed and \x01 control</p>", "form feed and \x01 control"),
        ("<p>an <fb:like a:b='1' c\"d='2'>odd</fb:like> tag</p>", "an odd tag"),
        ("<p>read</p><table><tr><td style='display:none'>gone</td></tr></table>", "read"),
    ],
)
def test_body_blocks(body, expected):
    assert parse_html(page(body), "p.html").text == expected


def test_form_wrapping_the_whole_page_is_kept():
    body = "<form id='aspnetForm'><div><h1>Report</h1><p>The article text.</p></div></form>"
    assert parse_html(page(body), "p.html").text == "Report\n\nThe article text."


@pytest.mark.parametrize(
    "raw",
    [
        b"<html><body><p>Cut off in the mid",
        b"<p>No html element at all <b>bold never closed",
        b"<html><body><table><tr><td>2017</td><td>370",
        b'<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Cut off in the mid</p>',
    ],
)
def test_truncated_html_still_parses(raw):
    document = parse_html(raw, "cut.html")
    assert document.text.split()[0] in ("Cut", "No", "2017")


def test_page_without_text_is_empty():
    with pytest.raises(EmptyDocument, match="blank.html"):
        parse_html(page("<script>only()</script><nav>menu</nav>"), "blank.html")


@pytest.mark.parametrize(
    ("raw", "content_type", "expected"),
    [
        ('<meta charset="windows-1252"><p>caf\xe9 \x96 na\xefve</p>'.encode("latin-1"), None, "café – naïve"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>caf\xe9</p>'.encode("latin-1"), None, "café"),
        ("<p>caf\xe9 \x93quoted\x94</p>".encode("latin-1"), None, "café “quoted”"),
        ("<p>café</p>".encode("cp1252"), "text/html; charset=windows-1252", "café"),
        # a server's Latin-1 default label on a UTF-8 page
        ("<p>café – ok</p>".encode("utf-8"), "text/html; charset=ISO-8859-1", "café – ok"),
        ('<meta charset="latin1"><p>café – ok</p>'.encode("utf-8"), None, "café – ok"),
        ("<p>café</p>".encode("utf-8"), "text/html; charset=no-such-codec", "café"),
        ("\ufeff<p>café</p>".encode("utf-8"), "text/html; charset=windows-1252", "café"),
        ("<p>café – ok</p>".encode("utf-16"), None, "café – ok"),
        ("<p>café – ok</p>".encode("utf-16-be").join([b"\xfe\xff", b""]), None, "café – ok"),
        ('<meta charset="koi8-r"><p>\u0442\u0435\u0440\u0430\u043a\u0442</p>'.encode("koi8-r"), None, "теракт"),
    ],
)
def test_encodings(raw, content_type, expected):
    assert parse_html(raw, "p.html", content_type=content_type).text == expected


def test_undecodable_bytes_name_the_document():
    with pytest.raises(UndecodableDocument, match="bad.html"):
        decode_html(b"<p>\x81\x8d\x8f\x90\x9d</p>", "bad.html")
    with pytest.raises(UndecodableDocument, match="odd.html"):
        decode_html(b"\xff\xfe<\x00p", "odd.html")


@pytest.mark.parametrize(
    ("table", "rows"),
    [
        (
            "<table><tr><th>Year</th><th colspan=2>Killed</th></tr><tr><td>2017</td><td>1</td><td>2</td></tr></table>",
            (("Year", "Killed", "Killed"), ("2017", "1", "2")),
        ),
        (
            "<table><tr><td rowspan=3>2017</td><td>a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr><tr><td>c</td><td>3</td></tr></table>",
            (("2017", "a", "1"), ("2017", "b", "2"), ("2017", "c", "3")),
        ),
        (
            "<table><tr><td>x</td><td rowspan=2 colspan=2>big</td><td>y</td></tr><tr><td>p</td><td>q</td></tr></table>",
            (("x", "big", "big", "y"), ("p", "big", "big", "q")),
        ),
        (
            "<table><tr><td>a</td><td rowspan=9>tall</td></tr><tr><td>b</td></tr></table>",
            (("a", "tall"), ("b", "tall")),
        ),
        (
            "<table><tr><td colspan=100000>wide</td></tr><tr><td>a</td><td>b</td></tr></table>",
            (("wide",) * 100, ("a", "b") + ("",) * 98),
        ),
        (
            "<table><tr><td colspan=x>a</td><td>b</td></tr><tr><td>c</td><td>d | e</td></tr></table>",
            (("a", "b"), ("c", "d / e")),
        ),
        (
            "<table><tr><th>Year</th><th>Attacks<sup>a</sup></th></tr><tr><td>2024<sup>*</sup></td><td>1,234<sup>12</sup></td></tr></table>",
            (("Year", "Attacks [a]"), ("2024 *", "1,234 [12]")),
        ),
        (
            # strings apart stay apart in a cell: an ordinal suffix, a comment, a removed script
            "<table><tr><td>2<sup>nd</sup></td><td>12<!-- x -->34</td></tr><tr><td>5<script>x</script>7</td><td>a\n \n<b>b</b></td></tr></table>",
            (("2 nd", "12 34"), ("5 7", "a b")),
        ),
        (
            "<table><thead><tr><th>h1</th><th>h2</th></tr></thead><tbody><tr><td><p>para</p><p>two</p></td><td>1<br>2</td></tr></tbody>"
            "<tfoot><tr><td></td><td></td></tr></tfoot></table>",
            (("h1", "h2"), ("para two", "1 2")),
        ),
    ],
)
def test_table_grids(table, rows):
    document = parse_html(page("<p>Intro.</p>" + table), "t.html")
    (parsed,) = document.tables
    assert parsed.rows == rows
    assert parsed.caption == "Intro."
    assert spans_match(document)


@pytest.mark.parametrize(
    "table",
    [
        "<table><tr><td>only one cell</td></tr></table>",
        "<table><tr><td>a</td><td>b</td></tr></table>",
        "<table><tr><td>one column</td></tr><tr><td>two rows</td></tr></table>",
        f"<table><tr><td>{'Long prose in a layout cell. ' * 30}</td><td>side</td></tr><tr><td>x</td><td>y</td></tr></table>",
    ],
)
def test_layout_tables_are_text(table):
    document = parse_html(page(table), "t.html")
    assert document.tables == ()
    assert document.text


def test_nested_layout_table_keeps_the_inner_data_table():
    inner = "<table><tr><th>Year</th><th>Attacks</th></tr><tr><td>2016</td><td>441</td></tr></table>"
    html = f"<table><tr><td><p>Site menu</p></td><td><h2>Yearly attacks</h2>{inner}</td></tr></table>"
    document = parse_html(page(html), "t.html")
    (table,) = document.tables
    assert table.rows == (("Year", "Attacks"), ("2016", "441"))
    assert table.caption == "Yearly attacks"
    assert document.text.startswith("Site menu\n\nYearly attacks\n\n")


def test_deeply_nested_tables_are_flattened_beyond_the_cap():
    depth = 60
    html = "".join(f"<table><tr><td>level{i}</td><td>" for i in range(depth)) + "core" + "</td></tr></table>" * depth
    document = parse_html(page(html), "deep.html")
    assert document.tables == ()
    words = document.text.split()
    assert words[:MAX_TABLE_DEPTH] == [f"level{i}" for i in range(MAX_TABLE_DEPTH)]
    assert words[-1] == "core" and len(words) == depth + 1


def test_deeply_nested_blocks_do_not_recurse():
    html = "<div>" * 3000 + "bottom" + "</div>" * 3000
    assert parse_html(page(html), "deep.html").text == "bottom"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.text(alphabet="ab 1|<>&\u00a0\n", max_size=6), min_size=2, max_size=4),
        min_size=2,
        max_size=5,
    )
)
def test_rendered_rows_sit_at_their_spans(grid):
    from html import escape

    rows = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in grid)
    document = parse_html(page(f"<p>before</p><table>{rows}</table><p>after</p>"), "h.html")
    assert spans_match(document)
    for table in document.tables:
        assert len(table.rows) == len(table.row_starts)
        assert len({len(row) for row in table.rows}) == 1
