"""PDF reports to Documents: real PDFs written with fpdf2, read back with pdfplumber."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from fpdf import FPDF
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from transforms.documents import parse_document
from transforms.layout import render_row
from transforms.model import DocumentError, DocumentTooLarge, NoTextLayer, UnreadableDocument
from transforms.pdf import parse_pdf_date
from transforms.tables import extract_table_figures

INTRO = (
    "This review follows militant violence through the year. The monitor compiles its counts from "
    "daily newspapers and its own field notes, and it revises earlier numbers when better reports "
    "arrive."
)


def new_pdf(title: str | None = None, created: datetime | None = None) -> FPDF:
    pdf = FPDF()
    if title:
        pdf.set_title(title)
    pdf.set_creation_date(created or datetime(2019, 1, 3, tzinfo=timezone.utc))
    pdf.set_font("Helvetica", size=11)
    return pdf


def add_table(pdf: FPDF, rows: list[tuple[str, ...]], **options) -> None:
    with pdf.table(**options) as table:
        for values in rows:
            row = table.row()
            for value in values:
                row.cell(value)


def report_pdf() -> bytes:
    pdf = new_pdf(title="Security review 2018")
    pdf.add_page()
    pdf.multi_cell(0, 6, INTRO)
    pdf.ln(8)
    pdf.multi_cell(0, 6, "Table 2: Attacks and deaths in Pakistan by year")
    pdf.ln(2)
    add_table(pdf, [("Year", "Attacks", "Killed", "Injured"), ("2017", "370", "815", "1,736"), ("2018", "262", "595*", "1,030")])
    pdf.ln(6)
    pdf.multi_cell(0, 6, "* The monitor revised this count in its later update.")
    return bytes(pdf.output())


def spans_match(document) -> bool:
    return all(
        document.text[start : start + len(render_row(row))] == render_row(row)
        for table in document.tables
        for row, start in zip(table.rows, table.row_starts)
    )


def test_report_with_text_and_a_ruled_table(vocabulary):
    document = parse_document(report_pdf(), name="review.pdf")
    assert document.format == "pdf"
    assert document.title == "Security review 2018"
    assert document.published == "2019-01-03"
    blocks = document.text.split("\n\n")
    # the wrapped paragraph keeps its line breaks but stays one block
    assert " ".join(blocks[0].split()) == INTRO and "\n" in blocks[0]
    assert blocks[1] == "Table 2: Attacks and deaths in Pakistan by year"
    (table,) = document.tables
    assert table.caption == "Table 2: Attacks and deaths in Pakistan by year"
    assert table.rows == (("Year", "Attacks", "Killed", "Injured"), ("2017", "370", "815", "1,736"), ("2018", "262", "595*", "1,030"))
    assert spans_match(document)
    assert blocks[-1] == "* The monitor revised this count in its later update."

    figures, drops = extract_table_figures(document, vocabulary)
    got = {(f.year, f.country, f.group, f.metric, f.value, f.rule) for f in figures}
    assert got == {
        (2017, "PAK", "all", "attacks", 370, "table:year-rows"),
        (2017, "PAK", "all", "killed", 815, "table:year-rows"),
        (2017, "PAK", "all", "injured", 1736, "table:year-rows"),
        (2018, "PAK", "all", "attacks", 262, "table:year-rows"),
        (2018, "PAK", "all", "killed", 595, "table:year-rows"),
        (2018, "PAK", "all", "injured", 1030, "table:year-rows"),
    }
    assert drops == {}
    for figure in figures:
        assert document.text[figure.start : figure.end] == figure.evidence
        assert figure.evidence.startswith(str(figure.year))


def test_merged_header_cells_are_repeated_over_their_span():
    pdf = new_pdf()
    pdf.add_page()
    with pdf.table(num_heading_rows=2) as table:
        row = table.row()
        row.cell("Year", rowspan=2)
        row.cell("Killed", colspan=2)
        row = table.row()
        row.cell("Civilians")
        row.cell("Security forces")
        row = table.row()
        for value in ("2019", "100", "50"):
            row.cell(value)
    document = parse_document(bytes(pdf.output()), name="merged.pdf")
    assert document.tables[0].rows == (
        ("Year", "Killed", "Killed"),
        ("Year", "Civilians", "Security forces"),
        ("2019", "100", "50"),
    )


def test_running_heads_page_numbers_and_hyphenation():
    pdf = new_pdf()
    pdf.set_auto_page_break(False)
    for number in range(1, 4):
        pdf.add_page()
        pdf.set_xy(10, 8)
        pdf.cell(0, 6, "Quarterly Monitor of Violence")
        pdf.set_xy(10, 30)
        pdf.cell(0, 6, f"Page {number} body starts with a counter-")
        pdf.set_xy(10, 36)
        pdf.cell(0, 6, "terrorism phrase broken over two lines.")
        pdf.set_xy(10, 280)
        pdf.cell(0, 6, f"{number}")
    document = parse_document(bytes(pdf.output()), name="pages.pdf")
    assert document.text.split("\n\n") == [
        f"Page {n} body starts with a counterterrorism phrase broken over two lines." for n in range(1, 4)
    ]


@pytest.mark.parametrize("content", ["blank", "image", "drawing"])
def test_pdf_without_text_layer(content):
    pdf = new_pdf()
    pdf.add_page()
    if content == "image":
        pdf.image(Image.new("RGB", (80, 40), "gray"), x=10, y=10, w=80)
    elif content == "drawing":
        pdf.rect(10, 10, 100, 50)
        pdf.line(10, 80, 150, 80)
    with pytest.raises(NoTextLayer, match="scan.pdf"):
        parse_document(bytes(pdf.output()), name="scan.pdf")


@pytest.mark.parametrize("cut", [9, 40, 200, 0.5])
def test_truncated_pdf_is_a_named_error(cut):
    raw = report_pdf()
    end = int(len(raw) * cut) if isinstance(cut, float) else cut
    with pytest.raises(UnreadableDocument, match=r"cut\.pdf: unreadable-pdf"):
        parse_document(raw[:end], name="cut.pdf")


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_any_damage_gives_a_document_or_a_document_error(data):
    raw = bytearray(report_pdf())
    position = data.draw(st.integers(min_value=0, max_value=len(raw) - 1))
    if data.draw(st.booleans()):
        del raw[position:]
    else:
        raw[position : position + 8] = data.draw(st.binary(min_size=8, max_size=8))
    try:
        parse_document(bytes(raw), name="damaged.pdf", format="pdf")
    except DocumentError as error:
        assert error.document == "damaged.pdf"


@pytest.mark.parametrize(
    "raw",
    [b"%PDF-1.7\nthis is not a pdf body", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"],
)
def test_garbage_pdf_is_a_named_error(raw):
    with pytest.raises(UnreadableDocument, match="junk.pdf"):
        parse_document(raw, name="junk.pdf")


def test_encrypted_pdf_is_a_named_error():
    pdf = new_pdf()
    pdf.set_encryption(owner_password="owner", user_password="reader")
    pdf.add_page()
    pdf.cell(text="Only for readers with the password")
    with pytest.raises(UnreadableDocument, match="locked.pdf: unreadable-pdf: encrypted"):
        parse_document(bytes(pdf.output()), name="locked.pdf")


def test_page_cap():
    pdf = new_pdf()
    for _ in range(3):
        pdf.add_page()
        pdf.cell(text="A page of text")
    raw = bytes(pdf.output())
    assert parse_document(raw, name="ok.pdf", max_pages=3).text.count("A page of text") == 3
    with pytest.raises(DocumentTooLarge, match="long.pdf"):
        parse_document(raw, name="long.pdf", max_pages=2)


@pytest.mark.parametrize(
    ("title", "expected"),
    [("Annual review", "Annual review"), ("Microsoft Word - draft7.docx", None), ("report_final.pdf", None)],
)
def test_metadata_title(title, expected):
    pdf = new_pdf(title=title)
    pdf.add_page()
    pdf.cell(text="Body")
    assert parse_document(bytes(pdf.output()), name="t.pdf").title == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("D:20190102000000Z", "2019-01-02"),
        ("D:20190102093000+05'00'", "2019-01-02"),
        ("D:201901", "2019-01"),
        ("D:2019", "2019"),
        ("20181231", "2018-12-31"),
        (b"D:20170405", "2017-04-05"),
        ("D:20191301", "2019"),
        ("D:18991231", None),
        ("yesterday", None),
        (None, None),
        (12345, None),
    ],
)
def test_parse_pdf_date(value, expected):
    assert parse_pdf_date(value) == expected


def test_table_continued_on_the_next_page_keeps_its_header(vocabulary):
    pdf = new_pdf(created=datetime(2025, 1, 5, tzinfo=timezone.utc))
    pdf.add_page()
    pdf.multi_cell(0, 6, "Table 4: Militant attacks in Pakistan by year")
    rows = [("Year", "Attacks")] + [(str(year), str(100 + year - 1990)) for year in range(1990, 2024)]
    # too many rows for one page; the part on the second page gets no header row of its own
    add_table(pdf, rows, repeat_headings=0, line_height=9)
    document = parse_document(bytes(pdf.output()), name="long.pdf")
    assert len(document.tables) == 2
    assert document.tables[1].rows[0] != ("Year", "Attacks")
    figures, drops = extract_table_figures(document, vocabulary)
    assert sorted((f.year, f.value) for f in figures) == [(year, 100 + year - 1990) for year in range(1990, 2024)]
    assert drops == {}


def test_a_sentence_broken_by_the_page_end_stays_one_paragraph():
    pdf = new_pdf()
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_xy(10, 270)
    pdf.cell(0, 6, "The count rose to 370 attacks across the")
    pdf.add_page()
    pdf.set_xy(10, 20)
    pdf.cell(0, 6, "country in the year under review.")
    pdf.set_xy(10, 40)
    pdf.multi_cell(0, 6, INTRO)
    document = parse_document(bytes(pdf.output()), name="break.pdf")
    blocks = document.text.split("\n\n")
    assert blocks[0] == "The count rose to 370 attacks across the\ncountry in the year under review."
    assert [" ".join(block.split()) for block in blocks[1:]] == [INTRO]
