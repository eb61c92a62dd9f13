"""Notes of several paragraphs in the DOCX redline (redline/write.py, `_revise_note`): where
the paragraph breaks of a revised note go, read in the redline's own XML. LibreOffice's
accept/reject of the same pairs: tests/render/test_lo_oracle.py (`_objects`)."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from draftkit.compare import compare
from draftkit.readers import read
from draftkit.render.docx_redline import render_docx
from tests.render.test_lo_oracle import _objects
from tests.wmlops import accept_all, read_part, reject_all, w


def _note_paragraphs(name: str, tmp_path: Path) -> tuple[list[etree._Element], etree._Element]:
    """The paragraphs of the revised note of pair `name`, and its notes part."""
    old_doc, new_doc = _objects()[name]
    old = old_doc.build(tmp_path / "old.docx")
    new = new_doc.build(tmp_path / "new.docx")
    data = render_docx(compare(read(old), read(new)))
    part = "word/endnotes.xml" if new_doc.endnotes is not None else "word/footnotes.xml"
    root = read_part(data, part)
    notes = [n for n in root if n.get(w("type")) is None]
    return list(notes[-1].iter(w("p"))), root


def _shown(p: etree._Element, kinds: tuple[str, ...]) -> str:
    """The text of `p` inside revisions of `kinds` ('' for none: outside any revision)."""
    out = []
    for t in p.iter(w("t"), w("delText")):
        revision = next(
            (a for a in t.iterancestors(w("ins"), w("del")) if a.getparent().tag != w("rPr")), None
        )
        kind = "" if revision is None else etree.QName(revision).localname
        if kind in kinds:
            out.append(t.text or "")
    return "".join(out)


def test_a_paragraph_added_to_a_note_is_inserted_whole(tmp_path: Path) -> None:
    """'X.' → 'X on the line.' + 'Y.': the old '.' stays unrevised in the first paragraph,
    the second is inserted whole (it read 'Y' inserted before the old '.', and LibreOffice
    7.4, rejecting that join inside a note, dropped the '.')."""
    paragraphs, _ = _note_paragraphs("endnote-paragraph-added", tmp_path)
    assert len(paragraphs) == 2
    assert _shown(paragraphs[0], ("",)).endswith("position.")
    assert _shown(paragraphs[1], ("",)) == ""
    assert _shown(paragraphs[1], ("ins",)) == "It may revisit the line of contact."


def test_a_word_changed_in_a_two_paragraph_note_keeps_the_break(tmp_path: Path) -> None:
    """No paragraph mark of the note is revised, no space deleted: rejected, still two."""
    paragraphs, root = _note_paragraphs("footnote-two-paragraphs-edited", tmp_path)
    assert len(paragraphs) == 2
    for p in paragraphs:
        assert p.find(f"{w('pPr')}/{w('rPr')}/{w('ins')}") is None
        assert _shown(p, ("del",)) == ""
    for view in (accept_all, reject_all):
        resolved = [n for n in view(root) if n.get(w("type")) is None][-1]
        assert len([p for p in resolved.iter(w("p"))]) == 2
