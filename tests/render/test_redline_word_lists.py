"""Redlines of Word lists whose labels the label grammar does not read ("IV|", "fourth|",
"Four|": Open-Xml-PowerTools' LIR test files): the items of one such list are one list to the
redline, so a deleted, inserted or moved item leaves the others numbered by Word, not typed
one by one (which the reject view then read as text). And items numbered by a LISTNUM field:
a deleted or moved one keeps its field."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit.compare import compare
from draftkit.readers import read
from draftkit.render.docx_redline import render_docx
from tests.fixtures.docx import make_fixtures as fx
from tests.render.test_docx_redline import check_views
from tests.wmlops import read_part, w

ITEMS = [f"Item text {n} of the list." for n in range(1, 13)]


def _list_docx(path: Path, fmt: str, items: list[str]) -> Path:
    numbering = fx.numbering_xml(fx.abstract(1, fx.lvl(0, fmt, "%1|")) + fx.num(1, 1))
    return fx.build_docx(path, "".join(fx.np(text, 1) for text in items), numbering=numbering)


def _edited(items: list[str], edit: str) -> list[str]:
    out = list(items)
    if edit == "delete":
        del out[4]
    elif edit == "insert":
        out.insert(4, "A new item inserted into the list.")
    elif edit == "move":
        out.insert(9, out.pop(2))
    return out


@pytest.mark.parametrize("edit", ["delete", "insert", "move"])
@pytest.mark.parametrize("fmt", ["upperRoman", "ordinalText", "cardinalText", "upperLetter"])
def test_an_item_of_a_list_the_grammar_cannot_read_keeps_the_others_counted(
    fmt: str, edit: str, tmp_path: Path
) -> None:
    old = read(_list_docx(tmp_path / "old.docx", fmt, ITEMS))
    new = read(_list_docx(tmp_path / "new.docx", fmt, _edited(ITEMS, edit)))
    first = old.provisions[0]
    if fmt in ("ordinalText", "cardinalText"):
        assert first.ordinal == 1  # numbers in words ("First|", "One|") are read as the numbers they are
    else:
        assert first.num is not None and first.ordinal is None  # a label it cannot read
    comparison = compare(old, new)
    for moves in (False, True):
        data = render_docx(comparison, moves=moves)
        check_views(comparison, data, tmp_path)
        document = read_part(data, "word/document.xml")
        typed = [t.text for t in document.iter(w("delText")) if t.text and t.text.endswith("|")]
        assert typed == []  # every label is Word's own, in both views


def _listnum_docx(path: Path, items: list[str]) -> Path:
    """Items numbered by a LISTNUM field without a result ("1)", "2)"…: Word counts each
    where it is shown), each set off from its text by a tab."""
    field = fx.BEGIN + fx.instr(" LISTNUM \\l 1 ") + fx.END + "<w:r><w:tab/></w:r>"
    return fx.build_docx(path, "".join(fx.p(field + fx.r(text)) for text in items))


@pytest.mark.parametrize("edit", ["delete", "move"])
def test_an_item_numbered_by_a_listnum_field_keeps_its_field_when_deleted_or_moved(
    edit: str, tmp_path: Path
) -> None:
    """A deleted or moved-away item numbered by a LISTNUM field is written with that field
    (deleted with it): its number is in no paragraph property, and without the field the
    reject view read its text as more of the item before (HC048-Excerpt)."""
    old = read(_listnum_docx(tmp_path / "old.docx", ITEMS[:6]))
    new = read(_listnum_docx(tmp_path / "new.docx", _edited(ITEMS[:6], edit)))
    assert [p.num for p in old.walk()] == ["1)", "2)", "3)", "4)", "5)", "6)"]
    comparison = compare(old, new)
    for moves in (False, True):
        check_views(comparison, render_docx(comparison, moves=moves), tmp_path, labels=True)
