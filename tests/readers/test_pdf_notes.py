"""PDF reading notes (readers.pdf_notes): what a PDF's layout does not show is said, located,
once per draft — where a paragraph ends after a short line, right-to-left text's order."""

from __future__ import annotations

from pathlib import Path

from draftkit.readers import pdf_notes, read
from tests.hostile.helpers import cli
from tests.readers.test_pdf import column, raw_pdf

TEMPLATE = [
    '<Repeat Select="./Orders/Order"/>',
    "The description for your first line item is the one you chose when you ordered it",
    "from us last month.",
]


def test_a_short_line_read_as_going_on_is_said(tmp_path: Path) -> None:
    """A one-line paragraph with no spacing after it and no full stop reads into the next
    line: the page shows it as it would a line break (Open-Xml-PowerTools' templates:
    '<Repeat …/>' then its text, said nowhere). The reader goes on guessing so, and says it."""
    path = tmp_path / "template.pdf"
    path.write_bytes(raw_pdf([[(72, 724.7, "Dear Customer,"), *column(72, 700, TEMPLATE, step=14.7)]]))
    draft = read(path)
    assert [p.text for p in draft.walk()][-1].startswith('<Repeat Select="./Orders/Order"/> The description')
    notes = [w for w in draft.warnings if w.code == "layout"]
    assert len(notes) == 1 and notes[0].location is not None and notes[0].location.line == 2
    assert "a PDF does not show whether a paragraph ends there" in notes[0].message
    assert "1 read as going on into the next line" in notes[0].message
    assert "'<Repeat Select=\"./Orders/Order\"/>'" in notes[0].message
    run = cli("parse", path)
    assert run.code == 0 and "template.pdf: line 2: 1 line(s) stop short of the margin" in run.err
    assert cli("parse", path, "--strict").code == 3


def test_wrapped_and_spaced_paragraphs_need_no_note(tmp_path: Path) -> None:
    """Lines that run on (the next word would not have fitted), lines that end a sentence,
    and paragraphs set apart by spacing are what the page shows: no note."""
    lines = [
        "1. The Parties shall withdraw all forces from the agreed line within",
        "thirty days of the signature of this Agreement.",
    ]
    page = column(72, 700, lines, step=13.4) + column(72, 660, ["2. Next", "Article 3"], step=24)
    path = tmp_path / "plain.pdf"
    path.write_bytes(raw_pdf([page]))
    assert not [w for w in read(path).warnings if w.code == "layout"]


def test_right_to_left_text_is_said() -> None:
    """Right-to-left text comes in the order the PDF holds its characters (Open-Xml-PowerTools'
    HtmlConverter Test-07: mirrored brackets, 'America of States United'): said, located at
    its first paragraph, once."""
    paragraphs = [(1, "Title"), (3, 'המונח "USA "מפנה לכאן.'), (5, "ארצות הברית")]
    notes = pdf_notes.notes([], [], paragraphs)
    assert len(notes) == 1 and notes[0].code == "layout"
    assert notes[0].location is not None and notes[0].location.line == 3
    assert notes[0].message.startswith("right-to-left text (2 paragraph(s), first: 'המונח")
    assert pdf_notes.notes([], [], [(1, "Only Latin text, and Кирилиця.")]) == []


def test_a_word_broken_at_a_narrow_cells_edge_is_said(tmp_path: Path) -> None:
    """A narrow bordered cell breaks 'This' for want of room, without a hyphen: 'Thi', then
    's' below (Open-Xml-PowerTools' HW002-Table05). Read as two words, as the page shows, and
    said: the page does not tell a broken word from two. A cell's word that leaves room, or
    a line of several words, says nothing."""
    from tests.readers.test_pdf import grid

    runs = [(77.8, 687.5, "Thi"), (77.8, 674.7, "s"), (104, 687.5, "is"), (135, 687.5, "a test of it")]
    drawn = grid(72.3, 700, [26, 31, 120], 1, 30)
    path = tmp_path / "narrow.pdf"
    path.write_bytes(raw_pdf([runs], rules=[drawn]))
    notes = [w for w in read(path).warnings if w.code == "layout"]
    assert len(notes) == 1 and notes[0].location is not None and notes[0].location.line == 1
    assert notes[0].message.startswith("1 line(s) of one word fill their table cell")
    assert "(first: 'Thi', then 's')" in notes[0].message
    roomy = [(77.8, 687.5, "Thi"), (77.8, 674.7, "s"), (114, 687.5, "is"), (145, 687.5, "a test of it")]
    path.write_bytes(raw_pdf([roomy], rules=[grid(72.3, 700, [36, 31, 120], 1, 30)]))
    assert not [w for w in read(path).warnings if "table cell" in w.message]


def test_a_text_of_a_few_lines_run_together_is_said(tmp_path: Path) -> None:
    """Five one-line paragraphs with spacing after each: the only line spacing to measure is
    theirs, and the widest line sets the right edge, so every line reads as running on into
    the next (Open-Xml-PowerTools' WC001: '12.34 12,4 Ab,cd st. .Test.123'). Said, located at
    the first line run on; lines read apart, or run on into lower case, say nothing."""
    path = tmp_path / "few.pdf"
    path.write_bytes(
        raw_pdf([column(72.1, 709.8, ["12.34", "12,4", "Ab,cd", "st.", ".Test.123"], step=21.8)])
    )
    notes = [w for w in read(path).warnings if w.code == "layout" and "only 5 line(s)" in w.message]
    assert len(notes) == 1 and notes[0].location is not None and notes[0].location.line == 1
    assert "(first: '12.34', then '12,4')" in notes[0].message
    apart = tmp_path / "apart.pdf"
    apart.write_bytes(raw_pdf([column(72, 700, ["First point.", "Second point."], step=30)]))
    assert not [w for w in read(apart).warnings if "only" in w.message]
