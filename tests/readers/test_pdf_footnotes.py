"""The PDF reader's footnotes and endnotes set back at their calls (readers/pdf_footnotes.py),
as the DOCX reader reads a Word file's: on PDFs made here, and on a Word file with a footnote
against LibreOffice's PDF export of it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from draftkit.readers.pdf_footnotes import set_back
from tests.hostile.helpers import cli
from tests.readers.test_pdf import _texts, raw_pdf

BODY = [(72, 700, "One"), (72, 680, "Tw"), (86, 684, "1", 6.4), (90, 680, "o words."), (72, 660, "Three.")]
SEPARATOR = (72, 90, 190, 90)  # a short rule from the left margin: the footnote separator
NOTE = [(72, 78, "1", 5.8), (76, 74, " Test footnote", 10)]


def test_a_footnote_is_set_back_at_its_call() -> None:
    """Open-Xml-PowerTools' RC005: 'Tw', a raised '1', 'o1', and at the page's foot below the
    separator '1 Test footnote' read 'Tw1o1' and a paragraph of its own; the Word file reads
    'Tw ⟦Footnote: Test footnote⟧ o1'. A page number far below the notes stays a page number."""
    data = raw_pdf([[*BODY, *NOTE, (300, 40, "1")]], rules=[[SEPARATOR]])
    assert _texts(data) == ["One", "Tw ⟦Footnote: Test footnote⟧ o words.", "Three."]


def test_a_call_at_a_sentences_end_still_ends_it() -> None:
    """'words.' then its call: the line still ends a sentence (the next paragraph is its own)."""
    body = [(72, 700, "Short words."), (140, 704, "1", 6.4), (72, 686, "Next paragraph.")]
    data = raw_pdf([[*body, *NOTE]], rules=[[SEPARATOR]])
    assert _texts(data) == ["Short words. ⟦Footnote: Test footnote⟧", "Next paragraph."]


def test_without_a_note_answering_it_a_superscript_is_text() -> None:
    """A raised small '2' with no note under a separator ('km' then '2'), or a note whose
    marker answers no call, is read as before: nothing is set back or lost."""
    data = raw_pdf([[(72, 700, "Area of 5 km"), (140, 704, "2", 6.4), (150, 700, " in all.")]])
    (text,) = _texts(data)
    assert text.replace(" ", "") == "Areaof5km2inall."
    other = [(72, 78, "7", 5.8), (76, 74, " Another note", 10)]
    data = raw_pdf([[*BODY, *other]], rules=[[SEPARATOR]])
    texts = _texts(data)
    assert "⟦" not in " ".join(texts) and "7 Another note" in texts


def test_endnotes_on_the_last_page_are_set_back_in_order() -> None:
    """LibreOffice prints a Word file's endnotes ('i', 'ii' …) on a page of their own at the
    end (mammoth's endnotes.docx, RC007): each goes back to its call, in order."""
    page = [(72, 700, "Ouch"), (100, 704.5, "i", 7), (103, 700, "."), (107, 704.5, "ii", 7)]
    notes = [(57, 730, "i ", 10), (74, 730, "A tachyon walks into a bar.", 10)]
    notes += [(57, 718, "ii ", 10), (74, 718, "Fin.", 10), (74, 706, "Second paragraph.", 10)]
    data = raw_pdf([page, notes], size=12)
    assert _texts(data) == ["Ouch ⟦Endnote: A tachyon walks into a bar.⟧ . ⟦Endnote: Fin. Second paragraph.⟧"]


def test_set_back_spaces_a_note_as_the_docx_reader_does() -> None:
    notes = ["⟦Footnote: a⟧", "⟦Footnote: b⟧"]
    assert set_back("Tw\U000f0000o", notes) == "Tw ⟦Footnote: a⟧ o"
    assert set_back("\U000f0000Text \U000f0001", notes) == "⟦Footnote: a⟧ Text ⟦Footnote: b⟧"
    assert set_back("no calls", notes) == "no calls"


@pytest.mark.office
def test_a_word_file_with_a_footnote_reads_as_its_pdf(soffice: str, tmp_path: Path) -> None:
    """The Word file and LibreOffice's PDF of it: the same text, notes and all, and no note
    saying the footnotes were read elsewhere."""
    from tests.readers.test_docx_text import footnote_doc

    word = footnote_doc("[Party A proposes: 90 days]", "Second note.").build(tmp_path / "notes.docx")
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(word)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    run = cli("diff", word, tmp_path / "notes.pdf")
    assert run.code == 0, run.err
    assert "no changes" in run.out and "footnotes are read" not in run.err


def test_an_exponent_takes_no_numbered_points_of_a_later_page_as_an_endnote() -> None:
    """'km' and a raised '2' answer no note: a later page whose first run is the number '2' of
    a point (then '3') holds points, not endnotes; nothing is moved."""
    first = [(72, 700, "The zone covers 5 km"), (185, 704, "2", 6.4), (192, 700, " in all.")]
    first += [(72, 680, "1"), (90, 680, "First point here.")]
    second = [(72, 700, "2"), (90, 700, "The Parties agree to withdraw."), (72, 680, "3"), (90, 680, "Done.")]
    texts = _texts(raw_pdf([first, second]))
    assert "⟦" not in " ".join(texts)
    assert "2 The Parties agree to withdraw." in texts and "3 Done." in texts


def test_a_tables_border_above_numbered_rows_is_no_footnote_separator() -> None:
    """A call in a table's header and the table's rows numbered '1', '2' under a short border:
    the note is the one under the separator at the page's foot, the rows stay where they are."""
    header = [(72, 700, "Site"), (94, 704, "1", 6.4), (200, 700, "Forces")]
    rows = [
        (72, 670, "1"),
        (200, 670, "Battalion at Marren."),
        (72, 650, "2"),
        (200, 650, "Brigade at Dunmar."),
    ]
    foot = [(72, 78, "1", 5.8), (76, 74, " Sites as agreed.", 10)]
    data = raw_pdf([[*header, *rows, *foot]], rules=[[(72, 690, 250, 690), SEPARATOR]])
    texts = _texts(data)
    assert texts[0] == "Site ⟦Footnote: Sites as agreed.⟧"
    assert "Battalion at Marren." in texts and "Brigade at Dunmar." in texts
    data = raw_pdf([[*header, *rows]], rules=[[(72, 690, 250, 690)]])  # no footnote: as text
    assert "⟦" not in " ".join(_texts(data))


def test_footnotes_and_endnotes_in_one_document_are_both_set_back() -> None:
    """A footnote's own raised marker, gone with its note, is no call waiting for an endnote."""
    page = [
        (72, 700, "Tw"),
        (86, 704, "1", 6.4),
        (90, 700, "o words"),
        (130, 704, "i", 6.4),
        (134, 700, " end."),
    ]
    page += [(72, 78, "1", 5.8), (76, 74, " Foot.", 10)]
    data = raw_pdf([page, [(57, 730, "i ", 10), (74, 730, "Endnote text.", 10)]], rules=[[SEPARATOR]])
    assert _texts(data) == ["Tw ⟦Footnote: Foot.⟧ o words ⟦Endnote: Endnote text.⟧ end."]


def test_a_thousandth_footnote_is_set_back_at_its_own_call() -> None:
    """Calls '999' and '1000' on one page: each note goes back to its own call (a four-digit
    marker is a marker), not '1000 …' into note 999's text."""
    from draftkit.readers.pdf_footnotes import find

    runs: list[list[object]] = [[72, 700, 11, 0, "Tw"], [86, 704, 6.4, 0, "999"], [100, 700, 11, 0, "o and"]]
    runs += [[130, 704, 6.4, 0, "1000"], [150, 700, 11, 0, " more."]]
    runs += [
        [72, 80, 5.8, 0, "999"],
        [86, 76, 10, 0, " First."],
        [72, 68, 5.8, 0, "1000"],
        [90, 64, 10, 0, " Second."],
    ]
    assert find([runs], [[[72, 90, 190, 90]]], [612.0]) == ["⟦Footnote: First.⟧", "⟦Footnote: Second.⟧"]
