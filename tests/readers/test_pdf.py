"""PDF reader: LibreOffice exports of the bundled drafts read as their .txt; running headers,
footers and page numbers dropped; two columns read column by column; hyphenation undone;
the engine's two ways of reading a page agree, and pages shared among engine processes keep
their order; scanned, encrypted, damaged, truncated and oversized PDFs, and an engine that
crashes, hangs or runs out of memory, refused with exit 3 and one line."""

from __future__ import annotations

import io
import itertools
import struct
import subprocess
import zlib
from collections.abc import Sequence
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches
from pypdf import PdfReader, PdfWriter

from draftkit.errors import InputError, LimitError
from draftkit.model import Draft
from draftkit.readers import pdf, pdf_engine, read, sniff
from draftkit.readers.pdf import read_pdf_blocks
from tests.conftest import DRAFTS
from tests.hostile.helpers import assert_fails, cli, cli_process

# ------------------------------------------------------------------ documents made here

_VOCABULARY = (
    "the parties shall ensure that all forces withdraw from the agreed line within thirty days of "
    "signature and that the joint commission verifies each stage of withdrawal in accordance with "
    "the annex on non-aggression guarantees humanitarian access and reconstruction funds"
)
_WORDS = _VOCABULARY.split()
HEADER = "CONFIDENTIAL — Draft 3"


def _sentence(seed: int, n: int) -> str:
    words = [_WORDS[(seed * 7 + k * 3) % len(_WORDS)] for k in range(n)]
    return " ".join(words).capitalize()


def layout_text(articles: int = 8) -> str:
    """A draft long enough to run over several pages in two columns: the expected tree."""
    lines = [
        "FRAMEWORK AGREEMENT ON THE CESSATION OF HOSTILITIES",
        "",
        "The Parties, reaffirming their commitment to a just and lasting peace, have agreed as follows:",
        "",
    ]
    for a in range(1, articles + 1):
        lines.append(f"Article {a} — Heading number {a}")
        lines.append(f"1. {_sentence(a + 1, 45)}. {_sentence(a * 2 + 1, 25)}.")
        lines.append(f"2. {_sentence(a + 2, 30)}:")
        lines.append(f"(a) {_sentence(a * 3 + 2, 18)};")
        lines.append(f"(b) {_sentence(a * 5 + 2, 22)}.")
        lines.append(f"3. {_sentence(a + 3, 45)}. {_sentence(a * 2 + 3, 25)}.")
        lines.append("")
    return "\n".join(lines)


def _field(paragraph: object, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) LibreOffice computes when it lays the page out."""
    run = paragraph.add_run()  # type: ignore[attr-defined]
    begin, separate, end = (OxmlElement("w:fldChar") for _ in range(3))
    begin.set(qn("w:fldCharType"), "begin")
    separate.set(qn("w:fldCharType"), "separate")
    end.set(qn("w:fldCharType"), "end")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    shown = OxmlElement("w:t")
    shown.text = "1"
    for element in (begin, instr, separate, shown, end):
        run._r.append(element)


def layout_docx(path: Path, text: str, *, columns: int = 1, footer: str = "page-of") -> Path:
    """`text` as a DOCX with a running header, a page-number footer and `columns` columns."""
    doc = Document()
    for line in text.split("\n"):
        if line:
            doc.add_paragraph(line)
    section = doc.sections[0]
    section.header.paragraphs[0].text = HEADER
    foot = section.footer.paragraphs[0]
    if footer == "page-of":
        foot.add_run("Page ")
        _field(foot, "PAGE")
        foot.add_run(" of ")
        _field(foot, "NUMPAGES")
    else:
        _field(foot, "PAGE")
    if columns > 1:
        cols = section._sectPr.find(qn("w:cols"))
        if cols is None:
            cols = OxmlElement("w:cols")
            section._sectPr.append(cols)
        cols.set(qn("w:num"), str(columns))
        cols.set(qn("w:space"), "720")
    doc.save(str(path))
    return path


def png(width: int, height: int) -> bytes:
    """A grey-scale PNG, written by hand (no imaging library needed)."""
    rows = b"".join(b"\x00" + bytes((x * 7 + y * 3) % 256 for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def scan_docx(path: Path) -> Path:
    """A page holding only a picture, as a scanner gives it."""
    doc = Document()
    doc.add_picture(io.BytesIO(png(240, 120)), width=Inches(6))
    doc.save(str(path))
    return path


Placed = (
    tuple[float, float, str] | tuple[float, float, str, float]
)  # x, baseline y, text (Helvetica 11 pt, or the size given)


Drawn = tuple[float, float, float, float]  # a line from (x0, y0) to (x1, y1), 1 pt wide


def raw_pdf(
    pages: Sequence[Sequence[Placed]], *, size: float = 11, width: float = 612,
    rules: Sequence[Sequence[Drawn]] = (), rule_width: float = 1, producer: str | None = None,
) -> bytes:  # fmt: skip
    """A minimal, valid PDF with one Helvetica text run per (x, y, text[, size]), in the given order
    (the content-stream order, which need not be the reading order), and on each page the
    lines of `rules` drawn (one path each, as LibreOffice draws a table's borders); `producer`:
    the Producer its Info dictionary names, if any."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    font_id = 3
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for number, runs in enumerate(pages):
        drawn = rules[number] if number < len(rules) else ()
        ops = [f"{rule_width} w {x0} {y0} m {x1} {y1} l S" for x0, y0, x1, y1 in drawn]
        for x, y, text, *sized in runs:
            escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"BT /F1 {sized[0] if sized else size} Tf 1 0 0 1 {x} {y} Tm ({escaped}) Tj ET")
        stream = "\n".join(ops).encode("cp1252")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content_id = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (width, content_id, font_id)
        )
        kids.append(len(objects))
    info = b""
    if producer is not None:
        objects.append(b"<< /Producer (%s) >>" % producer.encode("latin-1"))
        info = b" /Info %d 0 R" % len(objects)
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, info, xref)
    return bytes(out)


def column(x: float, top: float, lines: Sequence[str], step: float = 13.5) -> list[Placed]:
    return [(x, top - i * step, line) for i, line in enumerate(lines)]


def _texts(data: bytes, **kwargs: int) -> list[str]:
    return [block.text for block in read_pdf_blocks(data, source="t.pdf", **kwargs)]


def _rows(draft: Draft) -> list[tuple[str | None, str | None, str]]:
    return [(p.num, p.heading, p.text) for p in draft.walk()]


def _same_tree(pdf_draft: Draft, text_draft: Draft) -> None:
    assert pdf_draft.title == text_draft.title
    assert pdf_draft.preamble == text_draft.preamble
    assert _rows(pdf_draft) == _rows(text_draft)


# ------------------------------------------------------------------ LibreOffice exports


@pytest.fixture(scope="session")
def exported(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One LibreOffice run exports every document the office tests need, by stem."""
    folder = tmp_path_factory.mktemp("pdf")
    text = layout_text()
    (folder / "layout.txt").write_text(text, encoding="utf-8")
    sources = [DRAFTS / f"framework-v{n}.docx" for n in (1, 2, 3)] + [
        layout_docx(folder / "headed.docx", text),
        layout_docx(folder / "twocol.docx", text, columns=2, footer="number"),
        scan_docx(folder / "scan.docx"),
    ]
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{folder}/profile",
         "--convert-to", "pdf", "--outdir", str(folder), *map(str, sources)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    made = {p.stem: folder / f"{p.stem}.pdf" for p in sources}
    assert all(p.read_bytes().startswith(b"%PDF") for p in made.values())
    made["layout"] = folder / "layout.txt"
    return made


@pytest.mark.office
@pytest.mark.parametrize("round_", [1, 2, 3])
def test_bundled_draft_pdf_reads_as_its_text(exported: dict[str, Path], round_: int) -> None:
    from_pdf = read(exported[f"framework-v{round_}"])
    from_text = read(DRAFTS / f"framework-v{round_}.txt")
    assert from_pdf.source is not None and from_pdf.source.format == "pdf"
    _same_tree(from_pdf, from_text)
    assert from_pdf.count() == from_text.count() > 60


@pytest.mark.office
def test_running_header_and_page_footer_dropped(exported: dict[str, Path]) -> None:
    draft = read(exported["headed"])
    assert len(PdfReader(exported["headed"]).pages) >= 3  # the header repeats, so it is one
    _same_tree(draft, read(exported["layout"]))
    everything = " ".join([draft.title or "", *draft.preamble, *(p.text for p in draft.walk())])
    assert "CONFIDENTIAL" not in everything and "Page " not in everything


@pytest.mark.office
def test_two_columns_read_column_by_column(exported: dict[str, Path]) -> None:
    pages = PdfReader(exported["twocol"]).pages
    assert len(pages) >= 3
    draft = read(exported["twocol"])
    _same_tree(draft, read(exported["layout"]))
    # A word broken at its real hyphen at a column's line end keeps it.
    assert "non-aggression" in " ".join(p.text for p in draft.walk())
    assert "nonaggression" not in " ".join(p.text for p in draft.walk())


@pytest.mark.office
@pytest.mark.parametrize("stem", ["framework-v1", "headed", "twocol"])
def test_engine_paths_agree_on_office_exports(
    exported: dict[str, Path], stem: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert_both_engine_paths_agree(exported[stem].read_bytes(), monkeypatch)


@pytest.mark.office
def test_scanned_pdf_needs_ocr(exported: dict[str, Path]) -> None:
    assert_fails(cli("parse", exported["scan"]), 3, "needs OCR", exported["scan"])


@pytest.mark.office
def test_diff_docx_against_pdf_of_the_same_round(exported: dict[str, Path]) -> None:
    run = cli("diff", DRAFTS / "framework-v2.docx", exported["framework-v2"], "--format", "json")
    assert run.code == 0, run.err
    assert '"kind": "modified"' not in run.out and '"kind": "added"' not in run.out


# ------------------------------------------------------------------ layout, on PDFs made here


def test_characters_xml_cannot_hold_are_dropped(tmp_path: Path) -> None:
    """A font may map its codes to control characters (here WinAnsi's 0x01 and 0x1B): the
    draft's XML (parse --format xml, validate) failed on them with exit 70; they are dropped,
    as the text reader drops them."""
    path = tmp_path / "controls.pdf"
    path.write_bytes(raw_pdf([column(72, 700, ["Article 1", "1. Monitors shall verify \x01\x1b it."])]))
    assert _texts(path.read_bytes())[-1] == "1. Monitors shall verify it."
    assert cli("parse", path, "--format", "xml").code == 0
    assert cli("validate", path).code in (0, 1)


def test_sniff_says_pdf() -> None:
    assert sniff(b"%PDF-1.7\n", Path("x.txt")) == "pdf"


def test_row_by_row_content_is_read_column_by_column() -> None:
    left = [
        "Article 1 — Left",
        "1. The first column starts here and",
        "runs on down the page until it",
        "ends.",
    ]
    right = [
        "2. The second column comes after",
        "the whole first column has been",
        "read to the end.",
        "3. Last.",
    ]
    rows = [run for pair in zip(column(72, 700, left), column(320, 700, right), strict=True) for run in pair]
    assert _texts(raw_pdf([rows])) == [
        "Article 1 — Left",
        "1. The first column starts here and runs on down the page until it ends.",
        "2. The second column comes after the whole first column has been read to the end.",
        "3. Last.",
    ]


def test_table_rows_are_read_row_by_row_cell_by_cell() -> None:
    """A table as Word and LibreOffice write it: the content stream goes row by row, cell by
    cell, and the cells are short. Read as the DOCX reader reads the same table, each cell a
    paragraph in row order (Open-Xml-PowerTools' RP999-Table read as '4 7 A 3 5 6 8 9 B',
    column by column, with the top row's "1" and "2" and the bottom row's "C" dropped as page
    numbers; WC057's spanning title cell joined to the next row's first cell; WC033's cell
    under a vertically merged one joined to it; the text after the table to the last cell)."""
    rows = [["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"], ["Title"], ["A", "B", "C"]]
    runs: list[Placed] = []
    for number, row in enumerate(rows):
        runs += [(78 + 150 * k, 759 - 13.3 * number, cell) for k, cell in enumerate(row)]
    runs += [(228, 759 - 13.3 * 5, "bbb"), (228, 759 - 13.3 * 6, "ccc"), (378, 759 - 13.3 * 6, "ddd")]
    runs += [(72, 759 - 13.3 * 7, "This is the text after the table.")]
    assert _texts(raw_pdf([runs])) == [cell for row in rows for cell in row] + [
        "bbb", "ccc", "ddd", "This is the text after the table."
    ]  # fmt: skip


def test_table_cells_of_several_lines_are_read_cell_by_cell() -> None:
    """Cells that wrap fill their width like columns of text, but the stream goes up to the
    next cell of the row after a cell's last line: a table, read cell by cell (Open-Xml-
    PowerTools' ContentControlsNested: its cells were read as columns of text)."""
    cells = [
        ["Lorem ipsum dolor sit amet", "consectetuer"], ["Adipiscing elit maecenas", "porttitor"],
        ["Congue massa fusce posuere", "pulvinar."],
        ["100"], ["200"], ["300"],
    ]  # fmt: skip
    runs: list[Placed] = []
    for k, cell in enumerate(cells):
        top = 709 if k < 3 else 683
        runs += column(78 + 156 * (k % 3), top, cell, step=12.8)
    assert _texts(raw_pdf([runs])) == [" ".join(cell) for cell in cells]


def test_a_table_of_one_row_is_read_cell_by_cell() -> None:
    """A one-row table does not go back to the left: its stream goes up to the right at each
    next cell of several lines (Open-Xml-PowerTools' TextReplacer Test08: four cells of
    'Anything else to / do?' read as two columns of text)."""
    runs: list[Placed] = []
    for k in range(4):
        runs += column(72 + 120 * k, 669, ["Anything else to do", "now?"], step=12.8)
    runs += [(72, 630, "On the Insert tab, the galleries include items that are designed to coordinate.")]
    assert _texts(raw_pdf([runs])) == ["Anything else to do now?"] * 4 + [
        "On the Insert tab, the galleries include items that are designed to coordinate."
    ]


def grid(left: float, top: float, widths: Sequence[float], rows: int, height: float) -> list[Drawn]:
    """A table's borders as LibreOffice draws them: a line per row edge and per column edge."""
    edges = list(itertools.accumulate(widths, initial=left))
    across = [(left, top - height * k, edges[-1], top - height * k) for k in range(rows + 1)]
    return across + [(x, top, x, top - height * rows) for x in edges]


def test_cells_parted_by_a_table_border_are_read_cell_by_cell() -> None:
    """Table cells standing closer than a tab read as one line, unless the page draws the
    table's borders between them: a rule upright between two runs on one baseline parts
    them, and the lines it parts are cells, a paragraph each (Open-Xml-PowerTools' Test08:
    four cells of 'Now is the time.' a row read as one paragraph; RP032: the rows '1 2 3'
    and '4 5 6' read as numbers and dropped as page numbers). A number alone in a cell
    boxed by the borders is no page number either (RP034)."""
    rows = [["Now is the time."] * 4, ["1", "2", "3", "4"], ["A", "B", "C", "D"]]
    runs: list[Placed] = []
    for number, row in enumerate(rows):
        runs += [(78 + 100 * k, 759 - 13.3 * number, cell) for k, cell in enumerate(row)]
    runs += [(78, 759 - 13.3 * 3, "2")]
    runs += [(72, 600, "This is the text after the table, a sentence long enough to fill its line.")]
    drawn = grid(72.5, 770, [100] * 4, 3, 13.3) + grid(72.5, 770 - 13.3 * 3, [400], 1, 13.3)
    after = "This is the text after the table, a sentence long enough to fill its line."
    assert _texts(raw_pdf([runs], rules=[drawn])) == [*(cell for row in rows for cell in row), "2", after]
    # Word's thick borders (4.5 pt: Open-Xml-PowerTools' HW002-Table17) part them as well.
    assert _texts(raw_pdf([runs], rules=[drawn], rule_width=4.5))[:4] == ["Now is the time."] * 4
    # Without the borders the cells stand closer than a tab: one line a row (docs/limits.md).
    assert _texts(raw_pdf([runs]))[0] == "Now is the time. Now is the time. Now is the time. Now is the time."


def test_a_box_around_words_of_a_line_parts_nothing() -> None:
    """A run with a border (Word's w:bdr) is drawn boxed, its upright sides between the words
    of its line; no rule stands left of the line, so it is no table row (Open-Xml-PowerTools'
    HC033 read 'Video', 'provides' and the rest as three paragraphs)."""
    runs = [(72, 709.3, "Video "), (107.2, 709.3, "provides "), (155, 709.3, "a powerful way to help")]
    runs += [(72, 695, "you prove your point, and more words to fill a second line of this paragraph.")]
    box = [(106.8, 705.8, 106.8, 720.5), (154.6, 705.8, 154.6, 720.5), (106.1, 719.7, 155.4, 719.7)]
    box += [(106.1, 706.5, 155.4, 706.5)]
    assert _texts(raw_pdf([runs], rules=[box])) == [
        "Video provides a powerful way to help you prove your point, and more words to fill a second line"
        " of this paragraph."
    ]


def test_a_rule_across_between_two_lines_ends_a_paragraph() -> None:
    """Paragraphs with borders between them (Word's w:pBdr) and no spacing: the lines alone
    do not show where one ends when each fills the text's width (Open-Xml-PowerTools' HC051:
    three bordered paragraphs of one sentence read as one). The border drawn across between
    them, past the text of both, ends the paragraph; an underline, which runs no further than
    its words and stands just under its baseline, does not."""
    sentence = "Video provides a powerful way to help you prove your point to the readers of it."
    runs = column(78, 535, [sentence] * 3, step=13.3)
    borders = [(72, 535 - 13.3 * k + 10.6, 540, 535 - 13.3 * k + 10.6) for k in range(4)]
    assert _texts(raw_pdf([runs], rules=[borders])) == [sentence] * 3
    wrapped = ["The Parties shall withdraw their forces from the", "line within thirty days."]
    underlined = column(78, 700, wrapped)
    underline = [(78, 698.9, 380, 698.9)]
    assert _texts(raw_pdf([underlined], rules=[underline])) == [
        "The Parties shall withdraw their forces from the line within thirty days."
    ]


def test_a_line_in_a_bordered_cell_is_judged_full_against_its_cell() -> None:
    """Paragraphs without spacing in a cell of one bordered table: whether a line that ends a
    sentence was full is judged against the cell's right edge (its right border less its
    margin), not against the widest line of the page, which stops short of it (Open-Xml-
    PowerTools' CZ004: 'For example, … sidebar.' and 'Click Insert …', two paragraphs of the
    cell, read as one)."""
    lines = [
        "To make your document look professionally produced, Word provides a header,",
        "footer, cover page, and text box designs that complement each other too.",
        "For example, you can add a matching cover page, header, and a sidebar.",
        "Click Insert and then choose the elements you want from the different",
        "galleries.",
    ]
    runs = column(77.8, 695.2, lines, step=12.8)
    box = [(72.3, 706, 72.3, 630), (490, 706, 490, 630), (72, 706, 490, 706), (72, 630, 490, 630)]
    assert _texts(raw_pdf([runs], rules=[box])) == [" ".join(lines[:2]), lines[2], " ".join(lines[3:])]


def test_centred_text_in_a_bordered_cell_is_not_judged_against_the_cell() -> None:
    """The cell's own right edge is taken only for a line starting at the cell's left margin:
    text centred in a wide merged cell ('This is' in Open-Xml-PowerTools' HW002-Table17) would
    look full against an edge mirrored from its indent, and run into the next row's text."""
    runs = [(72.1, 709.8, "Video provides a powerful way to help you prove your point to them.")]
    runs += [(286.2, 687.5, "This is"), (106, 664.9, "Row"), (171.3, 672.4, "a conversion of")]
    drawn = [(72.3, 698.7, 72.3, 682.2), (540, 698.7, 540, 682.2), (72, 698, 540, 698)]
    texts = _texts(raw_pdf([runs], rules=[drawn]))
    assert texts[:3] == [runs[0][2], "This is", "Row"], texts


def test_a_bordered_table_row_is_no_second_column() -> None:
    """A table of one row with its borders drawn, under an indented letterhead: the page's
    side-by-side lines are the row's cells, not two columns of text (Open-Xml-PowerTools'
    DA228: the letterhead 'Contoso, Inc' read as the right column, after the table)."""
    wrapped = ["On the Insert tab, the galleries include items that are designed to coordinate well with",
               "the overall look of your document."]  # fmt: skip
    runs = [(288, 710, "Contoso, Inc"), (288, 685.3, "January 31, 2011"), (72, 660.6, "Dear Customer,")]
    runs += column(72, 635.9, wrapped, step=14.7)
    runs += [(78, 596.5, "Description"), (262, 596.5, "Quantity"), (466, 596.5, "Order Date")]
    runs += [(72, 568, "We really appreciate your business.")]
    drawn = grid(72.5, 608, [130, 160, 150], 1, 16)
    expected = ["Contoso, Inc", "January 31, 2011", "Dear Customer,", " ".join(wrapped)]
    expected += ["Description", "Quantity", "Order Date", "We really appreciate your business."]
    assert _texts(raw_pdf([runs], rules=[drawn])) == expected


def test_a_word_broken_after_a_slash_in_a_cell_stays_in_its_cell() -> None:
    """A narrow cell breaks './ProductDescription' after its slash; the line './' is short,
    but the word after it did not fit: one cell (Open-Xml-PowerTools' DA251 read two)."""
    runs = [(78, 542.2, "./"), (78, 529.4, "ProductDescription"), (210, 542.2, "./Quantity")]
    runs += [(320, 542.2, "./OrderDate")]
    drawn = grid(72.5, 556, [132, 110, 120], 1, 30)
    assert _texts(raw_pdf([runs], rules=[drawn])) == ["./ProductDescription", "./Quantity", "./OrderDate"]


def test_text_after_a_hanging_indents_tab_goes_on_with_its_line() -> None:
    """A number, a tab to a hanging indent, then the text, which wraps back under the number:
    the runs stand too far apart to be one line, but the paragraph is one, as Word's holds it
    ('4', a tab, 'a que colaboren…': Open-Xml-PowerTools' RP042 read '4' and '5' as
    paragraphs of their own); a label alone before the tab ('5.') is a paragraph the tree
    makes the provision's number (structure).
    Text after a tab that does not wrap back may be a table's cell where no border is drawn
    (a cell wraps inside its cell: HW002-Table17, TaskPlanTemplate's 任务 | 到期日 | 已完成),
    read as before; in another size of type it is another cell's (DB Footer's 'Page 1')."""
    first = "a que colaboren con los países participantes del sistema y con la"
    runs = [(72, 702.8, "4"), (128.8, 702.8, first), (72, 688.8, "UIT para resolver los casos notificados")]
    runs += [(72, 660, "5."), (128.8, 660, "Each Party shall report to the commission.")]
    runs += [(72, 632, "Name:"), (250, 632, "Kessel")]
    assert _texts(raw_pdf([runs])) == [
        f"4 {first} UIT para resolver los casos notificados",
        "5.",
        "Each Party shall report to the commission.",
        "Name:",
        "Kessel",
    ]
    footer = [pdf._Line(1, 56.9, 34.8, 6, "Legal Disclaimer", right=106.6)]
    footer.append(pdf._Line(1, 503, 34.1, 8, "Page 1", right=529.7))
    assert [text for _, text in pdf._paragraphs(footer, [595.3])] == ["Legal Disclaimer", "Page 1"]


def test_a_label_that_would_have_fitted_on_the_line_before_starts_a_paragraph() -> None:
    """A heading of a numbered outline, then its sub-points at the usual line spacing, none
    ending a sentence: '3.1. Engine' would have fitted after '3. Technical Details', so no
    line broke before it (Open-Xml-PowerTools' NumberedListTest read '3. Technical Details
    3.1. Engine' as one paragraph). A label that wraps to a line's start stays in its text."""
    outline = [(72, "1. Overview"), (90, "1.1. Dr. Johnson’s Vitae"), (126, "You can also type a keyword.")]
    outline += [(90, "1.2. Team List"), (126, "John"), (126, "Bob"), (126, "Bill"), (90, "1.3. Motivations")]
    outline += [(126, "Lorem ipsum dolor sit amet."), (72, "2. Synopsis"), (90, "2.1. Day 1 – Compression")]
    runs = [(72, 759.7, "Video provides a powerful way to help you prove your point, as it says.")]
    runs += [(x, 737.9 - 21.8 * k, text) for k, (x, text) in enumerate(outline)]
    runs += [(72, 480, "3. Technical Details"), (90, 466.2, "3.1. Engine"), (90, 452.4, "3.2. Passenger")]
    texts = _texts(raw_pdf([runs]))
    assert texts[-3:] == ["3. Technical Details", "3.1. Engine", "3.2. Passenger"], texts
    # A number further along the same line, after a tab, is no new paragraph for that
    # (python-docx's tab-stops: '-0.5', a tab, '0.5').
    tabbed = pdf._page_lines([[36.1, 660, 11, 56.5, "-0.5"], [108.1, 660, 11, 124.6, "0.5"]], 1)
    assert pdf._paragraphs(tabbed, [612]) == [(1, "-0.5 0.5")]
    # A label that a wrapped line starts with stays in its text.
    wrapped = ["4. The Parties shall withdraw their forces as set out in the schedule to the Article"]
    wrapped += ["5. of the Annex."]
    assert _texts(raw_pdf([column(72, 700, wrapped, step=13.8)])) == [" ".join(wrapped)]


def test_runs_placed_apart_on_a_line() -> None:
    """A narrow tab after a label gets a space; a run that continues a word (a font change
    mid-word, placed at the end of the run before) does not. Helvetica 11 pt: "Article 10"
    is 45.8 pt wide, "imple" 26.3 pt."""
    runs = [(72, 700, "Article 10"), (118.5, 700, "Withdrawal")]
    runs += [(72, 670, "1. The"), (72 + 32, 670, " imple"), (72 + 32 + 26.3, 670, "mentation starts.")]
    assert _texts(raw_pdf([runs])) == ["Article 10 Withdrawal", "1. The implementation starts."]


def test_a_page_whose_only_line_changes_number_keeps_it() -> None:
    """A section a page, each a single line at the same place: the lines differ only in their
    number, like a running head's "Page 3", but each is the only text of its page
    (python-docx's sct-section-props: pages 2 to 5 were dropped, said nowhere). A blank page
    holding only the running head seen on the others still loses it."""
    pages = [[(90, 700, f"Section {n} paragraph.")] for n in range(1, 6)]
    assert _texts(raw_pdf(pages)) == [f"Section {n} paragraph." for n in range(1, 6)]
    body = [[(72, 760, HEADER), (72, 700, f"{n}. Provision {n} of the agreement.")] for n in range(1, 4)]
    assert _texts(raw_pdf([*body, [(72, 760, HEADER)]])) == [
        f"{n}. Provision {n} of the agreement." for n in (1, 2, 3)
    ]


def test_lines_at_one_place_whose_numbers_do_not_follow_the_pages_are_text() -> None:
    """Lines at the same place on most pages that differ only in their numbers are a running
    head only where the numbers change as the pages do ('Page 3', 'Page 4'): python-docx's
    sct-inner-content, three short pages, lost 'P1', 'P6', 'P7' and 'P9' in silence."""
    body = [
        [(72, 708.8, "Clause 1 applies."), (72, 665.3, "Clause 3 applies.")],
        [(72, 708.3, "The second page opens here."), (72, 679.8, "Clause 6 applies.")],
        [(72, 708.8, "Clause 7 applies."), (72, 680.8, "Clause 9 applies.")],
    ]
    assert _texts(raw_pdf(body)) == [text for page in body for _, _, text in page]
    headed = [[(72, 760, f"Framework agreement, page {n + 1}"), *page] for n, page in enumerate(body)]
    assert _texts(raw_pdf(headed)) == [text for page in body for _, _, text in page]


def test_list_bullets_before_a_tab_are_left_out() -> None:
    """A Word list's bullet (Symbol's bullet, Courier New's "o" one level down) stands a tab
    before its text in the PDF; the DOCX reader shows no bullet, so neither does the PDF
    reader, and each bulleted line starts a paragraph (Open-Xml-PowerTools' BulletedText:
    '\uf0b7 Video provides … o When you click …' was one paragraph). A bullet typed with a
    space before the text stays, a bullet label."""
    runs = [
        (90, 700, "•"), (108, 700, "Video provides a powerful way to help you prove your point."),
        (126, 686.5, "o"), (144, 686.5, "When you click Online Video, you can paste in the embed code"),
        (144, 673, "for the video you want to add."),
        (126, 659.5, "o"), (144, 659.5, "You can also type a keyword to search online."),
        (72, 630, "• A typed bullet stays."),
    ]  # fmt: skip
    assert _texts(raw_pdf([runs])) == [
        "Video provides a powerful way to help you prove your point.",
        "When you click Online Video, you can paste in the embed code for the video you want to add.",
        "You can also type a keyword to search online.",
        "• A typed bullet stays.",
    ]


def test_a_symbol_fonts_glyph_before_a_tab_is_a_bullet() -> None:
    """Any glyph of a symbol font (Symbol, Wingdings: U+F020-U+F0FF in a PDF) alone before a
    tab is a list's bullet, and a tab may be under an em wide (Open-Xml-PowerTools' DocumentBuilder
    SolarOverview: its nine planets, bulleted by U+F0B2 0.86 em before the text, read as one
    paragraph ' Mercury  Venus …')."""
    runs = [[108.1, 499.9, 11, 116.6, "\uf0b2 "], [126.1, 499.9, 11, 170.5, "Mercury"]]
    runs += [[108.1, 487.1, 11, 116.6, "\uf0b2 "], [126.1, 487.1, 11, 159.5, "Venus"]]
    lines = pdf._page_lines(runs, 1)
    assert [(line.text, line.bullet) for line in lines] == [("Mercury", True), ("Venus", True)]
    assert [text for _, text in pdf._paragraphs(lines, [612])] == ["Mercury", "Venus"]


@pytest.mark.parametrize(
    ("runs", "text"),
    [
        # LibreOffice draws a hyperlink's runs twice, overlapping; PDFium ends each with a
        # space (Open-Xml-PowerTools' HC040: 'Video pro vid es a powerful way').
        ([(72, 103.1, "Video "), (106.7, 124.3, "pro "), (124.9, 140.4, "vid "), (124.8, 137.9, " "),
          (141.5, 153.4, "es "), (141.4, 150.4, " "), (154.0, 530.6, " a powerful way")],
         "Video provides a powerful way"),
        # Bold then roman with no gap: one word (HC039: 'VideoVideo' read 'Video Video').
        ([(72, 106.8, "Video"), (107.3, 137.7, "Video")], "VideoVideo"),
        # A space that is a run of its own, with its gap, stays; so does one after a label.
        ([(72, 98, "Video"), (98, 101, " "), (101.5, 140, "provides")], "Video provides"),
        ([(72, 117.8, "Article 10"), (118.5, 170, "Withdrawal")], "Article 10 Withdrawal"),
        # Runs an em or more apart with no space between them (python-docx's tbl-props: the
        # narrow cells of a table without borders read 'abcd').
        ([(90.1, 96.9, "a"), (115.1, 122.2, "b"), (140.1, 146.3, "c"), (165.1, 172.4, "d")], "a b c d"),
        # Right-to-left runs go leftwards: their spaces are kept as given (HtmlConverter Test-07).
        ([(502.3, 539.1, 'המונח "'), (477.4, 502.2, "USA "), (244.4, 476.1, ' "מפנה ראו '), (219.6, 244.4, "USA")],
         'המונח "USA "מפנה ראו USA'),
    ],
)  # fmt: skip
def test_spaces_between_runs_are_where_the_page_shows_a_gap(
    runs: list[tuple[float, float, str]], text: str
) -> None:
    assert [line.text for line in pdf._page_lines([[x, 700, 11, right, t] for x, right, t in runs], 1)] == [
        text
    ]


def test_page_numbers_and_repeated_lines_dropped() -> None:
    pages = []
    for n in range(1, 4):
        body = [f"{n}. Provision {n} of the agreement, with words enough to fill a line."]
        pages.append(
            [
                (72, 760, "Draft of 12 May — not for circulation"),
                (300, 740, str(n)),
                *column(72, 700, body),
                (250, 40, f"Page {n} of 3"),
            ]
        )
    assert _texts(raw_pdf(pages)) == [
        "1. Provision 1 of the agreement, with words enough to fill a line.",
        "2. Provision 2 of the agreement, with words enough to fill a line.",
        "3. Provision 3 of the agreement, with words enough to fill a line.",
    ]


def test_paragraphs_end_at_a_gap_a_label_or_a_short_sentence_end() -> None:
    runs = column(72, 700, ["The Parties, having met in Halvern over the spring and summer of this year,",
                            "agree as follows."])  # fmt: skip
    runs += column(72, 660, ["1. The first provision wraps over two lines of text in a paragraph that",
                             "goes on.", "2. The second starts with its label on the next line."])  # fmt: skip
    assert _texts(raw_pdf([runs])) == [
        "The Parties, having met in Halvern over the spring and summer of this year, agree as follows.",
        "1. The first provision wraps over two lines of text in a paragraph that goes on.",
        "2. The second starts with its label on the next line.",
    ]


def _spaced(
    x: float, top: float, paragraphs: Sequence[Sequence[str]], line: float, gap: float
) -> list[Placed]:
    """Paragraphs of lines `line` apart, each paragraph `gap` below the one before (Word's
    default: spacing after every paragraph)."""
    runs: list[Placed] = []
    y = top
    for lines in paragraphs:
        for text in lines:
            runs.append((x, y, text))
            y -= line
        y -= gap - line
    return runs


def test_paragraph_spacing_ends_paragraphs_that_are_one_line_each() -> None:
    """Word's default spacing after a paragraph, and no paragraph long enough to wrap: the
    only step on the page is the paragraph step, which is not the line spacing (benchmarks/
    docx_vs_pdf.py: Open-Xml-PowerTools' CA004-TwoParas read as one paragraph)."""
    paragraphs = [
        ["Video provides a powerful way to help you prove your point."],
        ["Here is a second paragraph."],
    ]
    assert _texts(raw_pdf([_spaced(72, 700, paragraphs, 13.5, 22)])) == [
        "Video provides a powerful way to help you prove your point.",
        "Here is a second paragraph.",
    ]


def test_paragraph_spacing_more_common_than_line_spacing() -> None:
    """More paragraph steps than wrapped lines on the page: the line spacing is read from the
    lines that run on, so the paragraph step is still a gap (Open-Xml-PowerTools'
    010-InsertedRun: one-line paragraphs joined to their neighbours)."""
    paragraphs = [
        ["Contoso, Inc"],
        ["The first paragraph of the letter is long enough to run on over the end of its",
         "line and onto the next one"],
        ["Terms of delivery"],
        ["The second paragraph is long enough too, so that it runs over the end of its",
         "line onto the next one"],
        ["Signed for the supplier"],
        ["Signed for the buyer"],
    ]  # fmt: skip
    assert _texts(raw_pdf([_spaced(72, 700, paragraphs, 13.5, 22)])) == [" ".join(p) for p in paragraphs]


def test_a_list_of_short_lines_is_a_paragraph_a_line() -> None:
    """Pages of short one-line paragraphs with no spacing between them and no full stop (a
    list of places, a register): no line of the text runs on, and none reaches near the
    right margin (the left one mirrored), so each line ended its paragraph, on the page and
    over the page break (Open-Xml-PowerTools' LIR011 and LIR008: 3,500 list items read as
    one paragraph, or joined in pairs over each page break). Not so for text on the same
    baseline after a tab (HC045: 'Video', a tab, 'Video'), nor for text that wraps in a
    column narrower than the page, its lines running on in lower case (WC041's one-column
    table)."""
    places = ["Kessel Valley", "Drava Corridor", "Lake Ostra", "Halvern Basin", "Port Ettria"]
    more = ["Sarmand Pass", "Lusvania Gate", "North Ridge", "Ostra Shore"]
    pages = [column(72, 700, places, step=15), column(72, 700, more, step=15)]
    assert _texts(raw_pdf(pages)) == [*places, *more]
    assert _texts(raw_pdf([[(72, 700, "Video"), (144, 700, "Video")]])) == ["Video Video"]
    narrow = ["Video provides a powerful way", "to help you prove your point.", "When you click Online Video,",
              "you can paste in the embed", "code for the video you want to", "add."]  # fmt: skip
    assert _texts(raw_pdf([column(78, 700, narrow, step=12.8)])) == [" ".join(narrow)]


def test_one_line_sentences_without_spacing_are_paragraphs() -> None:
    """python-docx's default template: no spacing between paragraphs, each one line, most
    ending a sentence. None of the lines is short beside the others, but none reaches near
    the margin: each ended where the next word would have fitted (par-hlink-frags: read as
    three paragraphs of nine)."""
    lines = ["One", "Two with link to bookmark.", "Three with link to https://foo.com.",
             "Four with link to https://foo.com?q=bar.", "Five with link to http://foo.com#introduction.",
             "Six with link to https://foo.com?q=bar#the-bar and more.", "Nine."]  # fmt: skip
    assert _texts(raw_pdf([column(72, 700, lines, step=14)])) == lines


def test_paragraph_runs_on_over_a_page_break() -> None:
    first = column(72, 700, ["1. A provision long enough to run from the bottom of one page onto",
                             "the top of the next page, where it carries on without a break"])  # fmt: skip
    second = column(72, 700, ["in the middle of its sentence.", "2. Next."])
    assert _texts(raw_pdf([first, second])) == [
        "1. A provision long enough to run from the bottom of one page onto the top of the next page,"
        " where it carries on without a break in the middle of its sentence.",
        "2. Next.",
    ]


def test_chinese_lines_ending_a_sentence_end_their_paragraph() -> None:
    """A short line ending in a full-width question mark, colon or full stop (and closing
    brackets) ends its paragraph as '?', ':' and '.' do (Open-Xml-PowerTools' HC001: five
    one-line paragraphs of a cell, '目的地：[您要去哪儿？]' …, read as one)."""
    texts = ["目的地：[您要去哪儿？]", "在哪里吃饭：[早餐吃什么？]", "抵达方式：", "待在哪里。"]
    lines = [
        pdf._Line(1, 136.7, 667 - 12.8 * k, 11, text, right=136.7 + 11 * len(text))
        for k, text in enumerate(texts)
    ]
    wrapped = ["[要替换任何占位符文本（例如此文本），只需选中一行或一段文本并开始键入。", "为达到最佳效果。"]
    lines.append(pdf._Line(1, 136.7, 560, 11, wrapped[0], right=540))
    lines.append(pdf._Line(1, 136.7, 547.2, 11, wrapped[1], right=224.7))
    assert [text for _, text in pdf._paragraphs(lines, [612])] == [*texts, "".join(wrapped)]


def test_hyphenation_joined_in_a_paragraph() -> None:
    runs = column(72, 700, ["1. The Joint Commission shall oversee the implemen-",
                            "tation of the non-", "aggression undertakings of the Parties."])  # fmt: skip
    assert _texts(raw_pdf([runs])) == [
        "1. The Joint Commission shall oversee the implementation of the non-aggression undertakings of the Parties."
    ]


def _engine_lines(data: bytes) -> list[list[tuple[float, float, float, str]]]:
    """Every page's lines as the engine's runs make them (the engine run in this process)."""
    answer = pdf_engine.extract(data, 0, 1, pdf.MAX_PAGES, 60.0, pdf.MAX_PAGE_CHARS)
    return [
        [(line.x, line.y, line.size, line.text) for line in pdf._page_lines(runs, number)]
        for number, runs in enumerate(answer["pages"], start=1)
    ]


def assert_both_engine_paths_agree(data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page of many text objects is read character by character: the lines must not
    depend on which way a page was read."""
    by_object = _engine_lines(data)
    monkeypatch.setattr(pdf_engine, "CHAR_PATH_OBJECTS", -1)
    by_char = _engine_lines(data)
    assert any(by_object)
    assert by_char == by_object


def test_engine_paths_agree_on_placed_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    runs = [(72, 700, "Article 10"), (118.5, 700, "Withdrawal")]
    runs += [(72, 670, "1. The"), (72 + 32, 670, " imple"), (72 + 32 + 26.3, 670, "mentation starts.")]
    runs += column(72, 640, ["2. The Joint Commission shall oversee the implemen-", "tation of the non-"])
    runs += [(320, 640, "3. A second column on the same row.")]
    assert_both_engine_paths_agree(
        raw_pdf([runs, column(72, 700, ["aggression undertakings."])]), monkeypatch
    )


def test_pages_shared_among_engine_processes_keep_their_order(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = [column(72, 700, [f"{n}. Provision {n} stands alone on page {n}."]) for n in range(1, 8)]
    pages[4] = column(72, 700, ["5. Provision 5 is the longest of them all, on page 5 of the seven."])
    data = raw_pdf(pages)
    one = _texts(data)
    assert len(one) == 7 and one[4].startswith("5. Provision 5 is")
    monkeypatch.setattr(pdf, "_processes", lambda size: 3)  # pages 1-2, 3-4, 5-7
    assert _texts(data) == one
    # A refusal names the page where it is, whichever process read it.
    monkeypatch.setattr(pdf, "MAX_PAGE_CHARS", 50)
    with pytest.raises(LimitError, match="page 5 holds over 50 characters"):
        _texts(data)


def test_location_is_the_running_line(tmp_path: Path) -> None:
    first = column(72, 700, ["Article 1 — Scope", "1. First, on line two."])
    second = column(72, 700, ["2. Second, on line three.", "3. Third, on line four."])
    path = tmp_path / "d.pdf"
    path.write_bytes(raw_pdf([first, second]))
    draft = read(path)
    assert [(p.num, p.location.line if p.location else None) for p in draft.walk()] == [
        ("Article 1", 1),
        ("1.", 2),
        ("2.", 3),
        ("3.", 4),
    ]


# ------------------------------------------------------------------ refusals: exit 3, one line


def _good(tmp_path: Path) -> bytes:
    data = raw_pdf([column(72, 700, ["Article 1 — Scope", "1. The Parties agree.", "2. They sign."])])
    assert cli("parse", _write(tmp_path / "good.pdf", data)).code == 0
    return data


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_encrypted_pdf(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_good(tmp_path))))
    writer.encrypt("secret", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    writer.write(path)
    assert_fails(cli("parse", path), 3, "encrypted PDF: remove the password first", path)


def test_pdf_with_only_an_owner_password_reads(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_good(tmp_path))))
    writer.encrypt("", owner_password="owner", algorithm="RC4-128")  # no password to open it
    path = tmp_path / "restricted.pdf"
    writer.write(path)
    run = cli("parse", path)
    assert run.code == 0 and "The Parties agree." in run.out, run.err


@pytest.mark.parametrize("keep", [0.3, 0.5, 0.9])
def test_truncated_pdf(tmp_path: Path, keep: float) -> None:
    data = _good(tmp_path)
    path = _write(tmp_path / "cut.pdf", data[: int(len(data) * keep)])
    assert_fails(cli("parse", path), 3, "truncated PDF", path)


@pytest.mark.parametrize(
    ("name", "damage"),
    [
        ("header-only", lambda d: b"%PDF-1.7\n%%EOF\n"),
        ("no-startxref", lambda d: d.replace(b"startxref", b"startxyz")),
        ("xref-points-nowhere", lambda d: d[: d.rindex(b"startxref")] + b"startxref\n999999\n%%EOF\n"),
        ("catalog-not-a-dict", lambda d: d.replace(b"<< /Type /Catalog /Pages 2 0 R >>", b"(just a string)")),
        ("pages-loop", lambda d: d.replace(b"/Kids [", b"/Kids [2 0 R ")),
        ("garbage-stream", lambda d: d.replace(b"BT /F1", b"\xff\xfe\x00BT ] >> /F1", 1)),
        ("binary-noise", lambda d: d[:15] + bytes(range(256)) * 40 + b"\n%%EOF\n"),
    ],
)
def test_damaged_pdf_is_one_line_exit_3(tmp_path: Path, name: str, damage: object) -> None:
    path = _write(tmp_path / f"{name}.pdf", damage(_good(tmp_path)))  # type: ignore[operator]
    run = cli("parse", path)
    if run.code == 0:  # pypdf recovered it: then it must have read the real text
        assert "The Parties agree." in run.out
        return
    assert_fails(run, 3, "PDF", path)


def test_page_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "long.pdf", raw_pdf([[(72, 700, f"{n}. Page {n}.")] for n in range(1, 6)]))
    monkeypatch.setattr(pdf, "MAX_PAGES", 4)
    assert_fails(cli("parse", path), 3, "PDF has 5 pages, over the limit of 4", path)
    monkeypatch.setattr(pdf, "MAX_PAGES", 5)
    assert cli("parse", path).code == 0


def test_time_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "slow.pdf", _good(tmp_path))
    monkeypatch.setattr(pdf, "TIME_LIMIT", 0.0)
    assert_fails(cli("parse", path), 3, "PDF text extraction took over 0 seconds", path)


def test_page_character_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "dense.pdf", _good(tmp_path))
    monkeypatch.setattr(pdf, "MAX_PAGE_CHARS", 20)
    assert_fails(cli("parse", path), 3, "page 1 holds over 20 characters of text", path)


def test_paragraph_limit() -> None:
    data = raw_pdf([column(72, 700, [f"{n}. Provision." for n in range(1, 8)], step=30)])
    assert len(_texts(data, max_paragraphs=7)) == 7
    with pytest.raises(LimitError, match="more than 6 paragraphs"):
        _texts(data, max_paragraphs=6)


def test_pdf_without_text_is_refused_in_the_library() -> None:
    with pytest.raises(InputError, match="no text layer") as info:
        read_pdf_blocks(raw_pdf([[]]), source="blank.pdf")
    assert info.value.exit_code == 3


# ------------------------------------------------------------------ hostile, in a real process


def _flate_bomb() -> bytes:
    """A page whose content stream inflates from ~100 KB to 100 MB of spaces."""
    data = raw_pdf([column(72, 700, ["1. Bomb."])])
    inflated = b" " * 100_000_000
    packed = zlib.compress(inflated, 9)
    start = data.index(b"<< /Length")
    end = data.index(b"endstream") + len(b"endstream")
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
    return data[:start] + stream + data[end:]  # offsets now wrong: pypdf rebuilds the xref


def _deep_nesting() -> bytes:
    return raw_pdf([column(72, 700, ["1. Deep."])]).replace(
        b"/Type /Catalog", b"/Deep " + b"[" * 50_000 + b"]" * 50_000 + b" /Type /Catalog"
    )


def _deflate_of_spaces(megabytes: int) -> bytes:
    """A zlib stream that inflates to `megabytes` MB of spaces, made in a fraction of a
    second: one fully flushed deflate segment of 1 MB, repeated (each starts afresh)."""
    chunk = b" " * (1 << 20)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    segment = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    checksum = 1
    for _ in range(megabytes):
        checksum = zlib.adler32(chunk, checksum)
    return b"\x78\xda" + segment * megabytes + packer.flush() + struct.pack(">I", checksum)


def _bomb(megabytes: int) -> bytes:
    """A one-page PDF whose content stream inflates to `megabytes` MB."""
    data = raw_pdf([column(72, 700, ["1. Bomb."])])
    packed = _deflate_of_spaces(megabytes)
    start = data.index(b"<< /Length")
    end = data.index(b"endstream") + len(b"endstream")
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
    return data[:start] + stream + data[end:]


def _empty_pages() -> bytes:
    return raw_pdf([[] for _ in range(3_000)])


def _too_many_pages() -> bytes:
    return raw_pdf([[] for _ in range(pdf.MAX_PAGES + 1)])


@pytest.mark.parametrize(
    "make", [_flate_bomb, _deep_nesting, _empty_pages, _too_many_pages], ids=lambda f: f.__name__
)
def test_hostile_pdf_in_a_bounded_process(tmp_path: Path, make: object) -> None:
    """Under 1 GB of address space and 10 s: exit 3 with one line, never a traceback or a
    hang — or, where PDFium reads past the damage (50,000 nested arrays in the catalog,
    which it stops parsing at its own depth bound), the real text."""
    path = _write(tmp_path / "hostile.pdf", make())  # type: ignore[operator]
    run = cli_process("parse", path)
    if run.code == 0 and make is _deep_nesting:
        assert "1. Deep." in run.out
        return
    assert_fails(run, 3, "PDF", path)


def test_decompression_bomb_stops_the_engine_not_the_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page inflating to 300 MB against a 200 MB engine: PDFium cannot allocate and aborts
    its process (no exception reaches Python); the reader says so in one line, exit 3."""
    path = _write(tmp_path / "bomb.pdf", _bomb(300))
    monkeypatch.setattr(pdf, "MAX_ENGINE_MEMORY", 200 * 2**20)
    assert_fails(cli("parse", path), 3, "the PDF engine stopped on it", path)
    assert "over 200 MB of memory" in cli("parse", path).err


def _fake_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: str) -> None:
    """Put a script of `code` where the PDF engine stands."""
    script = tmp_path / "engine.py"
    script.write_text(code, encoding="utf-8")
    monkeypatch.setattr(pdf, "_ENGINE", script)


def test_engine_crash_is_one_line_exit_3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No known PDF crashes PDFium, but a crash must not take the reader down with it."""
    path = _write(tmp_path / "good.pdf", _good(tmp_path))
    _fake_engine(tmp_path, monkeypatch, "import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)\n")
    assert_fails(cli("parse", path), 3, "the PDF engine stopped on it (SIGSEGV", path)


def test_engine_that_hangs_is_stopped_at_the_time_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stuck inside native code, the engine cannot check the clock: the reader kills it."""
    path = _write(tmp_path / "good.pdf", _good(tmp_path))
    _fake_engine(tmp_path, monkeypatch, "import time\ntime.sleep(60)\n")
    monkeypatch.setattr(pdf, "TIME_LIMIT", 0.2)
    monkeypatch.setattr(pdf, "_GRACE", 0.3)
    assert_fails(cli("parse", path), 3, "PDF text extraction took over 0.2 seconds", path)


def test_engine_that_cannot_run_is_an_internal_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pypdfium2 missing or broken is the installation's fault, not the input's: exit 70."""
    path = _write(tmp_path / "good.pdf", _good(tmp_path))
    _fake_engine(tmp_path, monkeypatch, "raise ImportError('no pypdfium2 here')\n")
    run = cli("parse", path)
    assert run.code == 70 and "the PDF engine failed" in run.err and "no pypdfium2 here" in run.err, run.err


def test_documented_pdf_bounds_are_the_code() -> None:
    docs = " ".join((DRAFTS.parent / "docs" / "limits.md").read_text(encoding="utf-8").split())
    readme = " ".join((DRAFTS.parent / "README.md").read_text(encoding="utf-8").split())
    for text in (docs, readme):
        assert f"{pdf.MAX_PAGES:,} pages" in text
        assert f"{pdf.TIME_LIMIT:g} seconds of text extraction" in text
    assert f"{pdf.MAX_PAGE_CHARS:,} characters of text on one page" in docs
    assert f"{pdf.MAX_ENGINE_MEMORY // 2**20:,} MB of address space" in docs
    assert f"up to {pdf.ENGINE_PROCESSES} processes" in docs


def test_crowded_baseline_in_a_bounded_process(tmp_path: Path) -> None:
    """Thousands of runs on one baseline, far apart: read within the 10 s bound, no n² blow-up."""
    runs = [(72 + (i % 2) * 300 + (i % 7), 700 - (i % 3) * 0.1, f"{i}. Item.") for i in range(12_000)]
    path = _write(tmp_path / "crowded.pdf", raw_pdf([runs]))
    run = cli_process("parse", path, "--format", "json")
    assert run.code in (0, 3) and "Traceback" not in run.err, run.err
