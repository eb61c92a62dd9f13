"""The rules a PDF page draws (readers.pdf_rules), as the PDF reader weighs them: a table's
border between two cells parts them, however their lines stand."""

from __future__ import annotations

from draftkit.readers.pdf import read_pdf_blocks
from tests.readers.test_pdf import Drawn, Placed, column, grid, raw_pdf

LONG = [
    "Video provides a powerful",
    "way to help you prove",
    "your point. When you",
    "click Online Video, you",
    "can paste in the embed",
    "code for the video you",
    "want to add to your work.",
]


def _texts(runs: list[Placed], drawn: list[Drawn]) -> list[str]:
    return [block.text for block in read_pdf_blocks(raw_pdf([runs], rules=[drawn]), source="t.pdf")]


def test_a_cell_whose_text_stands_higher_than_the_cell_before_is_its_own() -> None:
    """A row of three bordered cells: a long text in the first, 'Test' centred in the second
    (level with the first cell's middle line) and at the foot of the third (level with its
    last line). The stream gives each cell's lines in turn; the second cell's 'Test' stands
    above the line before it, and ran into the first cell's paragraph (Open-Xml-PowerTools'
    HC017). The border between them parts them."""
    runs = column(77.8, 709.3, LONG, step=12.8)
    runs += [(294.3, 670.9, "Test"), (511, 709.3 - 12.8 * 6, "Test")]
    drawn = grid(72.3, 720, [156, 156, 156], 1, 100)
    assert _texts(runs, drawn) == [" ".join(LONG), "Test", "Test"]


def test_a_cell_of_several_lines_goes_on_to_its_border() -> None:
    """A cell whose next cell of the row stands past an empty one: whether its line was full
    is judged against its own border, not against where the next text starts ('Report on
    Wind in' / 'the willows' read as two paragraphs: Open-Xml-PowerTools' Test-02)."""
    runs = [(56.2, 516.4, "English"), (159.2, 516.4, "Report on Wind in"), (159.2, 506.5, "the willows")]
    runs += [(363.2, 516.4, "Read Catcher in the"), (363.2, 506.5, "Rye")]
    drawn = grid(51, 528, [103, 102, 102, 102, 102], 1, 30)
    assert _texts(runs, drawn) == ["English", "Report on Wind in the willows", "Read Catcher in the Rye"]


# A table whose rows are ruled across and whose cells have no border between them
# (Open-Xml-PowerTools' DA254, as LibreOffice exports it): 'Quantity', 'Order Date' and
# 'Signature' stand some two ems apart, closer than the reader parts runs of a line at.
ACROSS = [(66.1, y, 545.9, y) for y in (578.2, 552.7, 513.7, 486.9)]
ROWS = [
    (72.1, 567.7, "Description "),
    (318.3, 567.7, "Quantity "),
    (392.3, 567.7, "Order Date "),
    (475.5, 567.7, "Signature"),
    (72.1, 542.2, "./ProductDescription"),
    (317.5, 542.2, "./Quantity "),
    (396.0, 542.2, "./OrderDate"),
    (72.1, 503.8, "Total"),
]


def test_cells_of_a_row_ruled_across_are_parted_by_their_gap() -> None:
    """A gap wider than an em (no space is that wide) between two runs of a line that stands
    in a table's row, under its border drawn across, parts them into cells: a paragraph each,
    as the DOCX reader reads a table's cells."""
    assert _texts(ROWS, ACROSS) == [
        "Description",
        "Quantity",
        "Order Date",
        "Signature",
        "./ProductDescription",
        "./Quantity",
        "./OrderDate",
        "Total",
    ]


def test_a_gap_outside_a_ruled_table_stays_in_its_line() -> None:
    """The same gap in a line not under a table's rows (a tab): one line. A paragraph's top
    and bottom border (two rules of one span, not a table's three or more) are no table."""
    runs = [(72.1, 567.7, "Article 10 "), (140.0, 567.7, "Withdrawal of forces")]
    assert _texts(runs, []) == ["Article 10 Withdrawal of forces"]
    bordered = [(66.1, 578.2, 545.9, 578.2), (66.1, 552.7, 545.9, 552.7)]
    assert _texts(runs, bordered) == ["Article 10 Withdrawal of forces"]
    assert _texts(runs, ACROSS) == ["Article 10", "Withdrawal of forces"]
