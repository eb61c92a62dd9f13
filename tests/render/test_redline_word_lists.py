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


LISTNUM = " LISTNUM \\l 1 "
# A LISTNUM field as Word writes it (complex: its marks and instruction in runs of their own),
# as a simple field, and with the item's text in the run of its end mark.
FIELDS = {
    "complex": lambda text: fx.BEGIN + fx.instr(LISTNUM) + fx.END + "<w:r><w:tab/></w:r>" + fx.r(text),
    "simple": lambda text: f'<w:fldSimple w:instr="{LISTNUM}"/><w:r><w:tab/></w:r>' + fx.r(text),
    "shared-run": lambda text: (
        fx.BEGIN
        + fx.instr(LISTNUM)
        + f'<w:r><w:fldChar w:fldCharType="end"/><w:tab/><w:t xml:space="preserve">{text}</w:t></w:r>'
    ),
}


def _listnum_docx(path: Path, items: list[str], field: str = "complex") -> Path:
    """Items numbered by a LISTNUM field without a result ("1)", "2)"…: Word counts each
    where it is shown), each set off from its text by a tab; an item's later lines are
    paragraphs of their own, unnumbered."""
    body = ""
    for item in items:
        first, *rest = item.split("\n")
        body += fx.p(FIELDS[field](first)) + "".join(fx.p(fx.r(line)) for line in rest)
    return fx.build_docx(path, body)


@pytest.mark.parametrize("field", sorted(FIELDS))
@pytest.mark.parametrize("edit", ["delete", "insert", "move"])
def test_an_item_numbered_by_a_listnum_field_keeps_its_field_when_deleted_or_moved(
    edit: str, field: str, tmp_path: Path
) -> None:
    """A deleted or moved-away item numbered by a LISTNUM field is written with that field
    (deleted with it): its number is in no paragraph property, and without the field the
    reject view read its text as more of the item before (HC048-Excerpt). The field only:
    text in the run of its end mark is the relative's, not the deleted item's. An inserted
    item's simple field (w:fldSimple, which no revision may hold) is inserted as runs."""
    old = read(_listnum_docx(tmp_path / "old.docx", ITEMS[:6], field))
    new = read(_listnum_docx(tmp_path / "new.docx", _edited(ITEMS[:6], edit), field))
    assert [p.num for p in old.walk()] == ["1)", "2)", "3)", "4)", "5)", "6)"]
    comparison = compare(old, new)
    for moves in (False, True):
        check_views(comparison, render_docx(comparison, moves=moves), tmp_path, labels=True)


CEASE = "The parties shall cease all hostilities along the whole line of contact from 1 May."
WITHDRAW = "Heavy weapons shall be withdrawn thirty kilometres from the line of contact within fourteen days."
SITES = "The Joint Commission shall publish a list of storage sites for the withdrawn weapons."
PRISONERS = "Prisoners shall be exchanged on an all-for-all basis under the auspices of the Red Cross."
SIXTY = "The exchange shall be completed within sixty days of signature."
CORRIDORS = "Humanitarian corridors shall remain open for civilians at all times."
# Groups whose parts are items of several paragraphs, old items → new items, and the change.
GROUPS = {
    # The new item 2) starts where the old item 1) ran on: the old view has no number there.
    "split": (
        [f"{CEASE}\n{WITHDRAW}\n{SITES}", f"{PRISONERS}\n{SIXTY}", CORRIDORS],
        [CEASE, f"{WITHDRAW}\n{SITES}", f"{PRISONERS}\n{SIXTY}", CORRIDORS],
        ("split", "1)", "1) + 2)"),
    ),
    # The old item 2) now runs on in item 1): the old view lost its number.
    "merge": (
        [CEASE, f"{WITHDRAW}\n{SITES}", f"{PRISONERS}\n{SIXTY}", CORRIDORS],
        [f"{CEASE}\n{WITHDRAW}\n{SITES}", f"{PRISONERS}\n{SIXTY}", CORRIDORS],
        ("merged", "1) + 2)", "1)"),
    ),
    # The new text puts the second part's first paragraph between the first part's.
    "merge-interleaved": (
        [f"{CEASE}\n{WITHDRAW}", f"{PRISONERS}\n{SIXTY}", CORRIDORS],
        [f"{CEASE}\n{PRISONERS}\n{WITHDRAW}\n{SIXTY}", CORRIDORS],
        ("merged", "1) + 2)", "1)"),
    ),
}


@pytest.mark.parametrize("field", sorted(FIELDS))
@pytest.mark.parametrize("shape", sorted(GROUPS))
def test_a_split_or_merge_of_items_numbered_by_listnum_fields_keeps_both_numberings(
    shape: str, field: str, tmp_path: Path
) -> None:
    """A split or merge group in a list numbered by LISTNUM fields (no paragraph property
    numbers it): where a new item starts inside an old one's text, its field is inserted;
    where an old item started inside a new one's text, the field comes back deleted. Before,
    reject-all read the new field as an old number ("2)When you click …") or lost the old
    item's (benchmarks/real_edits seed 2, Open-Xml-PowerTools' RP026-NumberingChange-Rejected,
    with the absorbed merge taking several-paragraph points)."""
    old_items, new_items, group = GROUPS[shape]
    old = read(_listnum_docx(tmp_path / "old.docx", old_items, field))
    new = read(_listnum_docx(tmp_path / "new.docx", new_items, field))
    comparison = compare(old, new)
    assert [(c.kind, c.old_cite, c.new_cite) for c in comparison.changes if c.kind != "unchanged"] == [group]
    for moves in (False, True):
        check_views(comparison, render_docx(comparison, moves=moves), tmp_path, labels=True)
