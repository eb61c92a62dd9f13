"""How the PDF reader joins a line to the paragraph before it (readers.pdf_joins): a space,
or none where the page shows a word or a run of text broken at the line's end — so that a
Word round and a PDF round of the same text read the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit.readers import pdf, read
from draftkit.readers.pdf import read_pdf_blocks
from draftkit.readers.pdf_hyphens import Hyphens
from draftkit.readers.pdf_joins import join
from tests.readers.test_pdf import Placed, raw_pdf


@pytest.mark.parametrize(
    ("text", "line", "vocabulary", "joined"),
    [
        ("the implemen-", "tation of it", set(), "the implementation of it"),
        ("a non-", "aggression pact", set(), "a non-aggression pact"),  # a prefix's hyphen
        ("the cease-", "fire line", {"cease-fire"}, "the cease-fire line"),  # written so elsewhere
        ("the co-", "operation", {"cooperation"}, "the cooperation"),  # the document joins it
        ("COVID-", "19 rules", set(), "COVID-19 rules"),
        ("Franco-", "German border", set(), "Franco-German border"),
        ("soft\u00ad", "ware", set(), "software"),
        ("the date —", "and more", set(), "the date — and more"),
        ("ends here.", "Next", set(), "ends here. Next"),
        # A word broken after a slash (Open-Xml-PowerTools' DA251: './ProductDescription' in a
        # narrow cell read './ ProductDescription'); a slash standing alone keeps its space.
        ("./", "ProductDescription", set(), "./ProductDescription"),
        ("and/", "or", set(), "and/or"),
        ("a /", "b", set(), "a / b"),
        # Chinese and Japanese break anywhere, with no space (HC001: '为达到最佳 效果').
        ("为达到最佳", "效果，请勿", set(), "为达到最佳效果，请勿"),
        ("请删除它，", "然后", set(), "请删除它，然后"),
        ("GPS", "自驾", set(), "GPS 自驾"),
        # A line breaks before or after an em dash set close to its words, and after an en
        # dash so set (Open-Xml-PowerTools' DocumentBuilder01: 'at first' / '—you have' read
        # 'at first —you have'); a dash set apart from them keeps its space.
        ("simple at first", "—you have", set(), "simple at first—you have"),
        ("simple at first—", "you have", set(), "simple at first—you have"),
        ("from 1990–", "2000 on", set(), "from 1990–2000 on"),
        ("simple at first —", "you have", set(), "simple at first — you have"),
        ("simple at first", "— you have", set(), "simple at first — you have"),
        ("a list:", "–item", set(), "a list: –item"),
    ],
)
def test_end_of_line_hyphens(text: str, line: str, vocabulary: set[str], joined: str) -> None:
    assert join(text, line, Hyphens(vocabulary)) == joined


def test_a_space_the_pdf_holds_stays_beside_a_dash() -> None:
    """A line that ends with a space the PDF holds broke at that space: 'first ' then '—you'
    was written 'first —you'."""
    assert join("at first", "—you", Hyphens(), spaced=True) == "at first —you"
    assert join("at first", "—you", Hyphens()) == "at first—you"


def _texts(pages: list[list[Placed]]) -> list[str]:
    return [block.text for block in read_pdf_blocks(raw_pdf(pages), source="t.pdf")]


WRAPPED = [
    "Processing text in Open XML word-processing documents seems very simple at first",
    "—you have the body of the document, paragraphs and tables in the body, and rows ",
    "and cells in tables, exactly like HTML, right? Then it seems very hard.",
]


def test_an_em_dash_starting_a_line_joins_without_a_space() -> None:
    """LibreOffice breaks 'first—you' before the dash; the PDF holds no space at the line's
    end there, as it does after 'rows ' (Open-Xml-PowerTools' DocumentBuilder01 Source1)."""
    runs = [(72, 700 - 14.7 * k, line) for k, line in enumerate(WRAPPED)]
    assert _texts([runs]) == [" ".join(line.strip() for line in WRAPPED).replace("first —", "first—")]
    spaced = [(72, 700, WRAPPED[0] + " "), *runs[1:]]
    assert _texts([spaced]) == [" ".join(line.strip() for line in WRAPPED)]


# A narrow cell's word broken for want of room, without a hyphen (Open-Xml-PowerTools'
# DA253, DA254: 'Select="./TotalQuanti' / 'ty"/>', 'ProductDescriptio' / 'n'), the document
# writing the word whole elsewhere ('Quantity', 'Description').
HEADER = [(72.1, 567.7, "Description "), (255.5, 567.7, "Quantity "), (459.3, 567.7, "Signature")]


def test_a_word_a_narrow_cell_broke_is_read_whole(tmp_path: Path) -> None:
    cells = [
        (72.1, 542.2, "ProductDescriptio"),
        (72.1, 529.4, "n"),
        (254.7, 542.2, "./Quantity "),
        (459.3, 542.2, "Signed"),
        (189.6, 488.3, "This is the sum: "),
        (189.6, 475.5, "<Content "),
        (189.6, 462.7, 'Select="./TotalQuanti'),
        (189.6, 449.9, 'ty"/>'),
    ]
    assert _texts([[*HEADER, *cells]]) == [
        "Description",
        "Quantity",
        "Signature",
        "ProductDescription",
        "./Quantity",
        "Signed",
        'This is the sum: <Content Select="./TotalQuantity"/>',
    ]
    path = tmp_path / "cells.pdf"
    path.write_bytes(raw_pdf([[*HEADER, *cells]]))
    assert not [w for w in read(path).warnings if "for want of room" in w.message]


def test_a_cell_break_the_document_does_not_confirm_stays_two_words(tmp_path: Path) -> None:
    """Pieces the document does not write whole elsewhere ('Thi' + 's'), a space the PDF holds
    after the first ('Descriptio ' + 'n': the line broke at a space), two words the document
    writes apart inside lines ('in' + 'to', though it writes 'into'): two words, and where
    the line fills its cell, the note says the reading."""
    # Open-Xml-PowerTools' HW002-Table05 as LibreOffice exports it.
    video = "Video provides a powerful way to help you prove your point."
    row = [(72.1, 709.8, video), (77.8, 687.5, "Thi"), (77.8, 674.7, "s"), (177.1, 687.5, "is ")]
    row += [(264.7, 687.5, "a "), (298.1, 687.5, "test "), (343.0, 687.5, "of "), (466.9, 687.5, "Numbers")]
    row += [(77.8, 635.3, "a "), (151.5, 635.3, "conversion "), (264.7, 635.3, "of "), (298.1, 635.3, "a ")]
    row += [(343.0, 635.3, "table "), (492.3, 635.3, "1.23"), (77.8, 622.0, "to "), (164.5, 622.0, "HTML. ")]
    row += [(492.3, 622.0, "4.56"), (72.1, 600.7, video)]
    across = [(71.6, 619.2, 522.8, 619.2), (71.6, 698.0, 522.8, 698.0), (72.1, 632.5, 522.3, 632.5)]
    rules = [[*across, *[(x, 618.9, x, 698.2) for x in (72.3, 102.0, 259.2, 292.6, 337.5, 382.6, 522.1)]]]
    data = raw_pdf([row], rules=rules)
    assert [block.text for block in read_pdf_blocks(data, source="t.pdf")][1:3] == ["Thi s", "is"]
    path = tmp_path / "thi.pdf"
    path.write_bytes(data)
    notes = [w for w in read(path).warnings if "for want of room" in w.message]
    assert len(notes) == 1 and "(first: 'Thi', then 's')" in notes[0].message
    spaced = [(72.1, 542.2, "./"), (72.1, 529.4, "ProductDescriptio "), (72.1, 516.6, "n")]
    spaced += [(317.5, 542.2, "./Quantity "), (396.0, 542.2, "./OrderDate")]
    assert _texts([[*HEADER, *spaced]])[3] == "./ProductDescriptio n"
    words = [(72.1, 542.2, "./"), (72.1, 529.4, "in"), (72.1, 516.6, "to")]
    words += [(317.5, 542.2, "./Quantity "), (396.0, 542.2, "./OrderDate")]
    into = (72.1, 600, "The Description went into the house and in to the garden after it.")
    assert _texts([[into, *HEADER, *words]])[4] == "./in to"


# A narrow cell's paragraph over a page break, the table's top border drawn again under the
# running head of the next page (Open-Xml-PowerTools' DocumentBuilder01 Source1: 'Namespace:'
# at the foot of page 2, 'DocumentFormat.OpenXml.Wordprocessing' at the top of page 3).
HEAD = (72.1, 745.8, "MSDN Article: Mastering Text in Open XML")
BODY = [
    "In the main body part of a document all text is contained in paragraphs. We find",
    "paragraphs in three locations: as a child of the body element (w:body), as a child of",
    "a cell in a table (w:tc), and as a child of text box content (w:txbxContent).",
]


def test_a_narrow_cells_paragraph_goes_on_over_a_page_break() -> None:
    first = [HEAD, *[(72.1, 600 - 14.7 * k, line) for k, line in enumerate(BODY)]]
    first += [
        (72.1, 99.0, "Element"),
        (200.6, 99.0, "Element Name"),
        (337.0, 99.0, "Open XML SDK 2.0 Class Name "),
        (337.0, 86.2, "Namespace: "),
    ]
    second = [HEAD, (337.0, 708.8, "DocumentFormat.OpenXml.Wordprocessing"), (72.1, 682.2, "Body ")]
    second += [(200.6, 682.2, "w:body "), (337.0, 682.2, "Body")]
    rules: list[list[tuple[float, float, float, float]]] = [[], [(65.1, 719.5, 546.9, 719.5)]]
    texts = [block.text for block in read_pdf_blocks(raw_pdf([first, second], rules=rules), source="t.pdf")]
    assert "Open XML SDK 2.0 Class Name Namespace: DocumentFormat.OpenXml.Wordprocessing" in texts
    assert texts[-3:] == ["Body", "w:body", "Body"]


def test_a_space_typed_after_a_paragraphs_last_sentence_ends_it_still() -> None:
    """A paragraph's last line ending in a full stop and a space the PDF holds (typed after
    it), the next word too long for its block: a paragraph's end, as before (Open-Xml-
    PowerTools' RA001 as LibreOffice exports it: 'and mix well. ' then 'Adjust the pH')."""
    placed = [
        (698.9, 531.8, "Transfer 2.0 mL of triethylamine into a 1000 mL of water, and mix well.", True),
        (677.9, 177.8, "Adjust the pH", True),
        (
            656.9,
            556.3,
            "8 ± 0.05 with diluted orthophosphoric acid solution. Filter it through 0.45 µ",
            False,
        ),
        (635.9, 349.8, "filter paper [Make: Millipore] and degas.", True),
    ]
    lines = [pdf._Line(1, 93.7, y, 12, text, right=right, spaced=spaced) for y, right, text, spaced in placed]
    wide = "Transfer about 350 mL of buffer and 650 mL of Acetonitrile into a suitable container, and more."
    lines += [pdf._Line(1, 93.7, 600 - 21 * k, 12, wide, right=556) for k in range(6)]
    assert [text for _, text in pdf._paragraphs(lines, [612])][:2] == [
        placed[0][2],
        " ".join(text for _, _, text, _ in placed[1:]),
    ]


def test_a_list_of_items_of_one_width_is_no_wrapped_text() -> None:
    """Items each as wide as the widest of their block, a space after each (PDFium puts one
    after a run in another font: Open-Xml-PowerTools' LIR017, '⑪| 11 ', '⑫| 12 ' …): the next
    item would not have fitted, but no line stops short of the block's edge: each its own."""
    items = [f"{chr(0x246A + k)}| {11 + k}" for k in range(6)]
    lines = [
        pdf._Line(1, 72.1, 522.4 - 18.35 * k, 13, t, right=116.3, spaced=True) for k, t in enumerate(items)
    ]
    assert [text for _, text in pdf._paragraphs(lines, [612])] == items
