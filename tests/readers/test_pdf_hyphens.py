"""A word broken after a hyphen at a PDF line's end (readers.pdf_hyphens): the hyphen kept
where it is the word's own, dropped where a typesetter hyphenated the word, and a note where
nothing tells which — so that a Word round and its PDF, or two PDFs whose lines break
elsewhere, read the same words."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Inches, Pt

from draftkit.readers import pdf, pdf_notes, read
from draftkit.readers.pdf_hyphens import Hyphens, hyphens
from draftkit.readers.pdf_joins import join
from tests.readers.test_pdf import raw_pdf


def _line(text: str, y: float = 700, *, apart: bool = False) -> pdf._Line:
    return pdf._Line(1, 72, y, 11, text, right=72 + 5.5 * len(text), apart=apart)


@pytest.mark.parametrize(
    ("text", "line", "joined"),
    [
        # A hyphen of the word: a compound or prefix that keeps it, a name or number after it.
        ("the cease-", "fire line", "the cease-fire line"),
        ("the so-", "called zone", "the so-called zone"),
        ("two-", "thirds of the seats", "two-thirds of the seats"),
        ("twenty-", "five monitors", "twenty-five monitors"),
        ("a non-", "State actor", "a non-State actor"),
        ("the COVID-", "19 rules", "the COVID-19 rules"),
        ("the right of self-", "determination", "the right of self-determination"),
        ("a follow-", "up meeting", "a follow-up meeting"),
        ("community-", "based reintegration", "community-based reintegration"),
        ("the віце-", "прем'єр", "the віце-прем'єр"),
        ('"YYMMDDhhmm-', 'hh’mm’"', '"YYMMDDhhmm-hh’mm’"'),  # no syllable: no hyphenation
        ("an e-", "mail", "an e-mail"),
        # A typesetter's hyphenation: the rest is only a suffix.
        ("the implemen-", "tation of it", "the implementation of it"),
        ("the Par-", "ties agree", "the Parties agree"),
        ("безпе-", "ки та", "безпеки та"),
        ("безопас-", "ности и", "безопасности и"),
    ],
)
def test_the_word_tells_its_hyphen(text: str, line: str, joined: str) -> None:
    """'cease-' + 'fire', 'so-' + 'called', 'two-' + 'thirds' lost their hyphen: a hyphen was
    kept only after a short list of prefixes or before a capital or digit."""
    found = Hyphens()
    assert join(text, line, found) == joined
    assert found.guessed == []


def test_the_document_tells_before_the_word() -> None:
    """The word written elsewhere inside a line decides, capitals or not: 'ELE-' + 'MENT'
    (pdfTeX's libtasn1 manual) is 'ELEMENT' where the document writes 'element'."""
    assert join("if ELE-", "MENT is NULL", Hyphens({"element"})) == "if ELEMENT is NULL"
    assert join("the co-", "operation", Hyphens({"cooperation"})) == "the cooperation"
    assert join("the cease-", "fire line", Hyphens({"ceasefire"})) == "the ceasefire line"
    assert join("the de-", "escalation", Hyphens({"de-escalation"})) == "the de-escalation"


def test_where_nothing_tells_the_page_is_read_as_shown_and_said() -> None:
    """'de-' + 'escalation' read 'deescalation' in silence, a word in neither document."""
    found = Hyphens()
    assert join("the de-", "escalation of", found) == "the de-escalation of"
    assert join("військово-", "технічний", found) == "військово-технічний"
    assert [word for _, word in found.guessed] == ["de-escalation", "військово-технічний"]


def test_a_document_that_hyphenates_drops_a_hyphen_between_no_words() -> None:
    """Where the document's typesetter hyphenates, a piece that is no word of it is a
    hyphenation's ('manip-' + 'ulation', pdfTeX); after a prefix hyphenation splits off too
    ('pre-' + 'vent', 'de-' + 'escalation') the second piece decides, and it is a guess."""
    found = Hyphens({"the", "escalation", "peace", "keeping"}, hyphenates=True)
    assert join("the manip-", "ulation", found) == "the manipulation"
    assert found.guessed == []
    assert join("to pre-", "vent it", found) == "to prevent it"
    assert join("the de-", "escalation", found) == "the de-escalation"
    assert join("the peace-", "keeping force", found) == "the peace-keeping force"
    assert [word for _, word in found.guessed] == ["prevent", "de-escalation", "peace-keeping"]


def test_a_document_judged_on_all_its_line_ends() -> None:
    """One hyphenation anywhere (a suffix after the line's end) shows the typesetter
    hyphenates; many lines with a rare line-end hyphen, none a hyphenation, show it does not."""
    text = ["The Parties shall ensure the implemen-", "tation of the agreement.", "On the de-", "escalation."]
    assert hyphens([_line(t, 700 - 14 * k) for k, t in enumerate(text)]).hyphenates is True
    filler = [_line(f"Line {k} of the text with words.", 700 - 7 * k) for k in range(100)]
    quiet = hyphens([*filler, _line("On the de-", 10), _line("escalation.", 0)])
    assert quiet.hyphenates is False
    assert quiet.keep("On the de-", "escalation.") is True
    assert quiet.guessed == []
    assert hyphens([_line("On the de-", 10), _line("escalation.", 0)]).hyphenates is None


def test_a_marking_producers_page_tells_every_hyphen() -> None:
    """LibreOffice draws its hyphenation's hyphen as a text object of its own, and a hyphen
    typed in the text inside its word's: in its PDFs the page decides, before any list."""
    found = Hyphens(marked=True)
    assert join("the cease-", "fire", found, at=_line("the cease-", apart=True)) == "the ceasefire"
    assert join("the imple-", "mentation", found, at=_line("the imple-")) == "the imple-mentation"
    assert join("the de-", "escalation", found, at=_line("the de-")) == "the de-escalation"
    assert found.guessed == []


def test_the_guesses_are_one_located_note() -> None:
    lines = [
        _line("Filler text.", 720),
        _line("the de-", 706),
        _line("escalation and pre-", 692),
        _line("vent", 678),
    ]
    found = hyphens(lines)
    text = join(join(lines[1].text, lines[2].text, found, at=lines[1]), lines[3].text, found, at=lines[2])
    assert text == "the de-escalation and pre-vent"
    notes = pdf_notes.notes([], lines, [(1, "Filler text."), (2, text)], found.guessed)
    said = [note for note in notes if "hyphen" in note.message]
    assert len(said) == 1 and said[0].code == "layout" and said[0].location is not None
    assert said[0].location.line == 2
    assert "2 word(s)" in said[0].message and "'de-escalation', 'pre-vent'" in said[0].message


# A PDF as LibreOffice writes it: its hyphenation's hyphen a run of its own after the word's
# (the right edge of '…the imple' at 11 pt Helvetica is 234.2), a typed hyphen inside its run.
RUNS = [
    (72, 700, "1. The Parties agree on the imple"),
    (234.2, 700, "-"),
    (72, 686.5, "mentation of the de-"),
    (72, 673, "escalation and of the cease-"),
    (72, 659.5, "fire."),
]


def test_a_libreoffice_pdf_read_as_its_page_shows(tmp_path: Path) -> None:
    path = tmp_path / "marked.pdf"
    path.write_bytes(raw_pdf([RUNS], producer="LibreOffice 7.4"))
    draft = read(path)
    assert [p.text for p in draft.walk()] == [
        "The Parties agree on the implementation of the de-escalation and of the cease-fire."
    ]
    assert not [w for w in draft.warnings if "hyphen" in w.message]
    # Without the producer the page's hyphens say nothing: the words decide ('imple-' +
    # 'mentation' shows the typesetter hyphenates), and where they do not ('de-' +
    # 'escalation'), a note says what was read.
    path.write_bytes(raw_pdf([RUNS]))
    other = read(path)
    assert [p.text for p in other.walk()] == [
        "The Parties agree on the implementation of the deescalation and of the cease-fire."
    ]
    notes = [w for w in other.warnings if "hyphen" in w.message]
    assert len(notes) == 1 and "read 'deescalation'" in notes[0].message


# Compounds a line may break at their hyphen, each once in a document (so that nothing but
# the page tells its hyphen), and a filler that moves where the lines break.
COMPOUNDS = [
    "de-escalation", "cease-fire", "non-State", "COVID-19", "so-called", "two-thirds",
    "self-determination", "co-operation", "ex-combatants", "re-deployment", "long-term",
    "post-conflict", "well-being", "carry-on", "military-technical", "power-sharing",
    "peace-keeping", "військово-технічний", "северо-восток",
]  # fmt: skip


@pytest.mark.office
def test_libreoffice_exports_keep_the_hyphens_typed(soffice: str, tmp_path: Path) -> None:
    """LibreOffice's PDF of a Word file breaks lines after the hyphens typed in it; the PDF
    reads as the Word file does ('de-' + 'escalation' read 'deescalation', 'cease-' + 'fire'
    'ceasefire', a word in neither)."""
    sources = []
    for k in range(12):
        doc = Document()
        section = doc.sections[0]
        section.page_width, section.left_margin, section.right_margin = Inches(4.2), Inches(1), Inches(1)
        section.page_height = Inches(30)  # one page: no paragraph's end at a page's foot to guess
        doc.styles["Normal"].paragraph_format.space_after = Pt(8)  # paragraphs the page parts
        for n, word in enumerate(COMPOUNDS):  # 'i's move the line's end; no running header
            doc.add_paragraph(
                f"{'Both' if n % 2 else 'The'} Parties agree{' i' * ((k + n) % 12)} on {word} here."
            )
        sources.append(tmp_path / f"k{k:02d}.docx")
        doc.save(str(sources[-1]))
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, sources)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    broke = set()
    for source in sources:
        made = source.with_suffix(".pdf")
        pages = pdf._extract(made.read_bytes(), made.name)[0]
        broke |= {line.text.rsplit(" ", 1)[-1] for page in pages for line in page if line.text.endswith("-")}
        from_pdf, from_word = read(made), read(source)
        assert [p.text for p in from_pdf.walk()] == [p.text for p in from_word.walk()]
        assert not [w for w in from_pdf.warnings if "hyphen" in w.message]
    assert len(broke) >= 8, broke  # the lines broke at the hyphens of most of the compounds


def test_two_pdfs_whose_lines_break_elsewhere_read_the_same(tmp_path: Path) -> None:
    """The same text set in two widths: 'de-escalation' and 'so-called' broken at a line's
    end in one, whole inside a line in the other ('deescalation' against 'de-escalation',
    one word differing that neither PDF shows)."""
    narrow = ["1. The Parties commit to de-", "escalation in the so-", "called buffer zone."]
    wide = ["1. The Parties commit to de-escalation in the so-called buffer zone."]
    texts = []
    for k, lines in enumerate((narrow, wide)):
        path = tmp_path / f"{k}.pdf"
        path.write_bytes(raw_pdf([[(72, 700 - 13.5 * n, line) for n, line in enumerate(lines)]]))
        texts.append([p.text for p in read(path).walk()])
    assert texts[0] == texts[1] == ["The Parties commit to de-escalation in the so-called buffer zone."]
