"""Hostile inputs to the day's new reading code that changed a text, or said too little or
too much about it: what draftkit reads is what the file holds, and what it cannot read as
the file's name says is said, once, in one line."""

from __future__ import annotations

import io
from pathlib import Path

from draftkit.readers import read
from tests.readers.test_pdf import _texts, raw_pdf

# A ToUnicode map giving '~' the first character of plane 15 (U+F0000, private use), the
# plane the PDF reader's note calls stand in while it reads.
_PLANE_15 = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def
1 begincodespacerange <00> <FF> endcodespacerange
1 beginbfchar <7E> <DB80DC00> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end"""


def _with_plane_15(data: bytes) -> bytes:
    import pypdf
    from pypdf.generic import DecodedStreamObject, NameObject

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    cmap = DecodedStreamObject()
    cmap.set_data(_PLANE_15)
    ref = writer._add_object(cmap)
    for page in writer.pages:
        page["/Resources"]["/Font"]["/F1"].get_object()[NameObject("/ToUnicode")] = ref
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_character_of_the_note_calls_plane_is_not_replaced_by_a_note() -> None:
    """A PDF whose text holds U+F0000 (a symbol font's private character) and a footnote:
    the character was read as the first note's call and replaced by a second copy of the
    note ('… days ⟦Footnote: Secret⟧ of signature ⟦Footnote: Secret⟧'). Now the PDF's own
    character stays, and the note is read as text where it stands, as before notes were set
    back."""
    body = [
        (72, 700, "Article 1"),
        (72, 680, "1. The Parties shall withdraw within 30 days"),
        (320, 684, "1", 6.4),
        (326, 680, " of signature ~."),
    ]
    note = [(72, 78, "1", 5.8), (76, 74, " Secret note", 10)]
    texts = _texts(_with_plane_15(raw_pdf([[*body, *note]], rules=[[(72, 90, 190, 90)]])))
    assert sum(text.count("Secret note") for text in texts) == 1, texts
    assert any("\U000f0000" in text for text in texts), texts


def _field(code: str, result: str) -> str:
    from tests.fixtures.docx import make_fixtures as fx

    return fx.BEGIN + fx.instr(f" {code} ") + fx.SEPARATE + fx.r(result) + fx.END


def test_a_field_storing_a_long_text_is_named_in_one_short_line(tmp_path: Path) -> None:
    """A PAGE, SAVEDATE or DATE field whose stored result is 200 KB of text: its note
    quoted all of it, a 195 KB line on stderr and in every report; now a short quotation,
    as other notes quote."""
    from tests.fixtures.docx import make_fixtures as fx
    from tests.fixtures.docx.word_probes import Doc, article

    long = "The Parties shall withdraw all forces. " * 5_000
    body = article(fx.r("See page ") + _field("PAGE", long) + fx.r(" and ") + _field("DATE", long))
    body += article(fx.r("Saved ") + _field("SAVEDATE", long))
    notes = [w.message for w in read(Doc(body).build(tmp_path / "fields.docx")).warnings]
    assert len(notes) == 3 and all(len(note) < 500 for note in notes), [len(n) for n in notes]
    assert [note.split(" ", 2)[1] for note in notes] == ["DATE", "PAGE", "SAVEDATE"]


def test_a_file_named_as_one_format_holding_another_says_so(tmp_path: Path) -> None:
    """A PDF renamed .docx (or a Word file renamed .pdf, an ODT renamed .docx, a draftkit XML
    draft renamed .docx) was read as what it holds with nothing said, where the same file
    holding plain text says so: the reader chose a Word file, and what was compared is what
    a PDF shows. Each now says what it holds and how it was read, as the text case does."""
    from tests.conftest import ROOT

    word = (ROOT / "drafts" / "framework-v2.docx").read_bytes()
    pdf = (ROOT / "drafts" / "framework-v2.pdf").read_bytes()
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><draft xmlns="https://draftkit.dev/ns/draft/1"><title>T</title>'
        '<body><article eId="art_1"><num>Article 1</num><paragraph eId="art_1__para_1"><num>1.</num>'
        "<content><p>The Parties shall withdraw.</p></content></paragraph></article></body></draft>"
    )
    cases = [
        ("pdf.docx", pdf, "named .docx but holds a PDF, not a Word document (.docx): read as a PDF"),
        ("word.pdf", word, "named .pdf but holds a Word document, not a PDF: read as a Word document"),
        ("draft.docx", xml.encode(), "named .docx but holds a draftkit XML draft, not a Word document"),
        (
            "text.odt",
            b"1. The Parties shall withdraw.\n",
            "named .odt but holds plain text, not an OpenDocument",
        ),
    ]
    for name, data, said in cases:
        path = tmp_path / name
        path.write_bytes(data)
        notes = [w.message for w in read(path).warnings if w.code == "layout" and "named" in w.message]
        assert len(notes) == 1 and notes[0].startswith(said), (name, notes)
    same = tmp_path / "word.docx"
    same.write_bytes(word)
    assert not [w for w in read(same).warnings if "named" in w.message]
