"""A provision moved into a table, or out of one (issue 12; WmlComparer's WC-1190): its text
is the same, but the draft a negotiator signs is not — a provision now sits inside a schedule
table. The comparison calls it a move ("moved into a table (table 1, row 3, column 1)") in
every report, and the DOCX redline tracks it so that accept-all gives the new document and
reject-all the old one, the table's shape included: the old paragraph stands outside the
table, and a row that only the move filled is an inserted row.
"""

from __future__ import annotations

import copy
import io
import json
import time
import zipfile
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from draftkit.compare import compare
from draftkit.compare.changes import Change, Comparison
from draftkit.compare.pins import Pins
from draftkit.readers import read
from draftkit.readers.docx import read_docx_blocks
from draftkit.render.html import render_html
from draftkit.render.json_diff import render_json
from draftkit.render.markdown import render_markdown
from draftkit.render.redline import render_docx
from draftkit.render.redline.rows import _stood_outside
from draftkit.render.terminal import render_terminal
from draftkit.resources import schema_bytes
from tests.fixtures.docx import make_fixtures as fx
from tests.hostile.test_deception import Doc
from tests.lo_oracle import LibreOffice
from tests.render.test_docx_redline import check_views
from tests.wmlops import accept_all, read_part, reject_all, w

MOVED = "Phase one ends on 1 March."
LEAD = "(1) The Parties shall withdraw 600,000 troops from the Kessel Valley."


def _doc(inside: bool) -> Doc:
    """Article 1 with two points, Article 2 holding a table of phases; point (2) of Article 1
    stands after point (1), or (inside) in a third row of the table, as Article 2(2)."""
    rows = [[fx.p(fx.r(c)) for c in row] for row in (["Phase", "Days"], ["1", "30"])]
    if inside:
        rows.append([fx.p(fx.r(f"(2) {MOVED}")), fx.p()])
    return Doc(
        fx.np("Withdrawal of forces", 1)
        + fx.p(fx.r(LEAD))
        + ("" if inside else fx.p(fx.r(f"(2) {MOVED}")))
        + fx.np("Schedule of phases", 1)
        + fx.p(fx.r("The phases are as follows:"))
        + fx.tbl(rows)
        + fx.np("Final provisions", 1)
        + fx.p(fx.r("This Agreement enters into force on signature."))
    )


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[Path, Path]:
    """(outside, inside): the draft with point (2) in the text, and with it in the table."""
    return _doc(False).build(tmp_path / "outside.docx"), _doc(True).build(tmp_path / "inside.docx")


def _moved(comparison: Comparison) -> Change:
    (change,) = [c for c in comparison.changes if MOVED in (c.new_text or c.old_text)]
    return change


def test_the_reader_records_the_cell_of_each_table_paragraph(pair: tuple[Path, Path]) -> None:
    blocks = read_docx_blocks(pair[1], "accept").blocks
    cells = {b.text: b.location.cell for b in blocks}
    assert cells["Phase"] == (1, 1, 1) and cells["Days"] == (1, 1, 2) and cells["30"] == (1, 2, 2)
    assert cells[f"(2) {MOVED}"] == (1, 3, 1)
    assert cells[LEAD] is None and cells["The phases are as follows:"] is None


def test_a_nested_table_is_counted_and_its_cell_named(tmp_path: Path) -> None:
    inner = fx.tbl([[fx.p(fx.r("inner"))]])
    body = fx.tbl([[fx.p(fx.r("outer")), inner + fx.p()]]) + fx.tbl([[fx.p(fx.r("second"))]])
    blocks = read_docx_blocks(Doc(body).build(tmp_path / "nested.docx"), "accept").blocks
    assert {b.text: b.location.cell for b in blocks} == {
        "outer": (1, 1, 1),
        "inner": (2, 1, 1),
        "second": (3, 1, 1),
    }


def test_a_tracked_deleted_row_is_not_counted_in_the_view_without_it(tmp_path: Path) -> None:
    deleted = '<w:del w:id="9" w:author="a" w:date="2026-01-01T00:00:00Z"/>'
    body = fx.tbl([[fx.p(fx.r("gone"))], [fx.p(fx.r("kept"))]], row_props=[deleted, ""])
    path = Doc(body).build(tmp_path / "rows.docx")
    accept = {b.text: b.location.cell for b in read_docx_blocks(path, "accept").blocks}
    original = {b.text: b.location.cell for b in read_docx_blocks(path, "original").blocks}
    assert accept == {"kept": (1, 1, 1)}
    assert original == {"gone": (1, 1, 1), "kept": (1, 2, 1)}


@pytest.mark.parametrize("direction", ["into", "out of"])
def test_the_move_is_a_change_located_in_its_cell(direction: str, pair: tuple[Path, Path]) -> None:
    outside, inside = pair
    old, new = (outside, inside) if direction == "into" else (inside, outside)
    comparison = compare(read(old), read(new))
    change = _moved(comparison)
    assert change.table_move == direction and change.moved
    assert change.old_text == change.new_text == MOVED
    assert change.label == f"Moved {direction} a table (table 1, row 3, column 1)"
    assert comparison.summary()["moved"] >= 1
    # Nothing else moved in or out of a table.
    assert [c for c in comparison.changes if c.table_move] == [change]


def _repeated_pair(tmp_path: Path) -> tuple[Path, Path]:
    """WC-1450's shape: two paragraphs open the document and stand again in the first two rows
    of a table; the other draft lacks those two rows."""
    a, b = "Video provides a powerful way to help you prove your point.", "You can also type a keyword."

    def doc(rows: list[str]) -> Doc:
        return Doc(fx.p(fx.r(a)) + fx.p(fx.r(b)) + fx.tbl([[fx.p(fx.r(t))] for t in rows]) + fx.p())

    full = doc([a, b, "Phase one ends on 1 March."]).build(tmp_path / "full.docx")
    return full, doc(["Phase one ends on 1 March."]).build(tmp_path / "short.docx")


@pytest.mark.parametrize("direction", ["rows removed", "rows added"])
def test_a_repeated_paragraph_is_paired_on_its_own_side_of_the_table(direction: str, tmp_path: Path) -> None:
    """Alignment alone paired the opening paragraphs with the table's copies (a made-up move out
    of the table, the opening ones deleted); the engine gives the pair the twin on the same
    side, so the rows are what changed."""
    full, short = _repeated_pair(tmp_path)
    old, new = (full, short) if direction == "rows removed" else (short, full)
    comparison = compare(read(old), read(new))
    changed = [c for c in comparison.changes if c.is_change]
    kind = "deleted" if direction == "rows removed" else "added"
    assert [(c.kind, c.table_move) for c in changed] == [(kind, None), (kind, None)]
    side = [p for c in changed for p in (c.old if kind == "deleted" else c.new)]
    assert [p.location.cell for p in side if p.location] == [(1, 1, 1), (1, 2, 1)]
    check_views(comparison, render_docx(comparison), tmp_path)


def test_a_pair_the_user_pins_is_told_the_same(pair: tuple[Path, Path]) -> None:
    """With --pair the body is compared apart from the front matter: tables still count."""
    comparison = compare(read(pair[0]), read(pair[1]), Pins(pairs=(("Article 1(2)", "Article 2(2)"),)))
    change = _moved(comparison)
    assert change.pinned and change.table_move == "into"


def test_same_text_in_the_same_cell_is_no_move(pair: tuple[Path, Path]) -> None:
    comparison = compare(read(pair[1]), read(pair[1]))
    assert not any(c.is_change for c in comparison.changes)


def test_a_format_that_records_no_tables_moves_nothing_into_one(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    """A text draft cannot say whether a paragraph was in a table: against a DOCX, no move."""
    text = tmp_path / "inside.txt"
    text.write_text(
        "Article 1 Withdrawal of forces\n\n"
        f"{LEAD}\n\nArticle 2 Schedule of phases\n\nThe phases are as follows:\n\nPhase\n\nDays\n\n1\n\n30\n\n"
        f"(2) {MOVED}\n\nArticle 3 Final provisions\n\nThis Agreement enters into force on signature.\n",
        encoding="utf-8",
    )
    for old, new in ((text, pair[1]), (pair[1], text)):
        comparison = compare(read(old), read(new))
        assert not any(c.table_move for c in comparison.changes)


def test_every_report_says_where_it_moved(pair: tuple[Path, Path]) -> None:
    comparison = compare(read(pair[0]), read(pair[1]))
    said = "moved into a table (table 1, row 3, column 1)"
    assert said in render_terminal(comparison)
    assert "Moved into a table (table 1, row 3, column 1)" in render_markdown(comparison)
    assert '<span class="badge b-moved">Moved into a table (table 1, row 3, column 1)</span>' in render_html(
        comparison
    )
    data = json.loads(render_json(comparison))
    jsonschema.validate(data, json.loads(schema_bytes("diff.schema.json")))
    (entry,) = [c for c in data["changes"] if "table_move" in c]
    assert entry["table_move"] == {"direction": "into", "table": 1, "row": 3, "column": 1}
    assert (
        entry["moved"] is True and entry["new_cite"] == "Article 2(2)" and entry["old_cite"] == "Article 1(2)"
    )
    back = json.loads(render_json(compare(read(pair[1]), read(pair[0]))))
    jsonschema.validate(back, json.loads(schema_bytes("diff.schema.json")))
    (entry,) = [c for c in back["changes"] if "table_move" in c]
    assert entry["table_move"] == {"direction": "out of", "table": 1, "row": 3, "column": 1}


def test_the_schema_refuses_a_table_move_without_its_cell() -> None:
    schema = json.loads(schema_bytes("diff.schema.json"))
    change = schema["$defs"]["change"]["properties"]["table_move"]
    jsonschema.validate({"direction": "into", "table": 1, "row": 2, "column": 1}, change)
    for wrong in ({"direction": "into"}, {"direction": "sideways", "table": 1, "row": 1, "column": 1}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(wrong, change)


# ------------------------------------------------------------------------------- the redline


def _resolved(document: etree._Element, view: str) -> etree._Element:
    """accept_all / reject_all of tests.wmlops, with tracked rows resolved too (a row inserted
    goes on reject, a row deleted on accept; a table left without rows goes)."""
    doc = copy.deepcopy(document)
    gone = w("ins") if view == "reject" else w("del")
    for tr in list(doc.iter(w("tr"))):
        trpr = tr.find(w("trPr"))
        if trpr is not None and trpr.find(gone) is not None:
            tr.getparent().remove(tr)
    for table in list(doc.iter(w("tbl"))):
        if table.find(w("tr")) is None:
            table.getparent().remove(table)
    return accept_all(doc) if view == "accept" else reject_all(doc)


def _in_table(document: etree._Element, text: str) -> bool:
    (p,) = [p for p in document.iter(w("p")) if text in "".join(t.text or "" for t in p.iter(w("t")))]
    return next(p.iterancestors(w("tbl")), None) is not None


def _tables(document: etree._Element) -> int:
    return sum(1 for _ in document.iter(w("tbl")))


@pytest.mark.parametrize("moves", [False, True])
@pytest.mark.parametrize("direction", ["into", "out of"])
def test_the_redline_puts_it_back_where_it_stood(
    direction: str, moves: bool, pair: tuple[Path, Path], tmp_path: Path
) -> None:
    outside, inside = pair
    old, new = (outside, inside) if direction == "into" else (inside, outside)
    comparison = compare(read(old), read(new))
    data = render_docx(comparison, moves=moves)
    check_views(comparison, data, tmp_path)
    document = read_part(data, "word/document.xml")
    new_doc, old_doc = read_part(new, "word/document.xml"), read_part(old, "word/document.xml")
    for view, want in (("accept", new_doc), ("reject", old_doc)):
        shown = _resolved(document, view)
        assert _in_table(shown, MOVED) == _in_table(want, MOVED), f"{view}-all"
        assert _tables(shown) == _tables(want)
        rows = [len(list(t.iter(w("tr")))) for t in shown.iter(w("tbl"))]
        assert rows == [len(list(t.iter(w("tr")))) for t in want.iter(w("tbl"))], f"{view}-all rows"
    # The reader of the redline sees the same: the paragraph in its cell in one view only.
    redline = tmp_path / "redline.docx"
    redline.write_bytes(data)
    for view, cell in (("accept", direction == "into"), ("original", direction == "out of")):
        (block,) = [b for b in read_docx_blocks(redline, view).blocks if MOVED in b.text]
        assert (block.location.cell is not None) == cell, view


def _whole_table_pair(tmp_path: Path) -> tuple[Path, Path]:
    """WC-1190's shape: the only paragraph, then the same paragraph in a new 2x2 table whose
    other cells are empty."""
    text = "Video provides."
    table = fx.tbl([[fx.p(fx.r(text)), fx.p()], [fx.p(), fx.p()]])
    plain = Doc(fx.p(fx.r(text))).build(tmp_path / "plain.docx")
    return plain, Doc(table + fx.p()).build(tmp_path / "table.docx")


@pytest.mark.parametrize("moves", [False, True])
def test_a_table_made_around_the_text_comes_and_goes_whole(moves: bool, tmp_path: Path) -> None:
    plain, table = _whole_table_pair(tmp_path)
    for old, new in ((plain, table), (table, plain)):
        comparison = compare(read(old), read(new))
        (change,) = [c for c in comparison.changes if c.is_change]
        assert change.table_move == ("into" if new == table else "out of")
        data = render_docx(comparison, moves=moves)
        check_views(comparison, data, tmp_path)
        document = read_part(data, "word/document.xml")
        for view, want in (("accept", new), ("reject", old)):
            shown = _resolved(document, view)
            want_doc = read_part(want, "word/document.xml")
            assert _tables(shown) == _tables(want_doc), f"{view}-all"
            assert _in_table(shown, "Video provides.") == _in_table(want_doc, "Video provides.")


def _deleted_after_table_pair(tmp_path: Path) -> tuple[Path, Path]:
    """Article 1 ends with a table, Article 2 after it is deleted."""
    rows = [[fx.p(fx.r(c)) for c in row] for row in (["Phase", "Days"], ["1", "30"])]

    def doc(kept: bool) -> Doc:
        article_2 = fx.np("Monitoring", 1) + fx.p(fx.r("The monitors shall verify the withdrawal."))
        return Doc(
            fx.np("Withdrawal of forces", 1)
            + fx.p(fx.r("The phases are as follows:"))
            + fx.tbl(rows)
            + (article_2 if kept else "")
            + fx.np("Final provisions", 1)
            + fx.p(fx.r("This Agreement enters into force on signature."))
        )

    return doc(True).build(tmp_path / "with.docx"), doc(False).build(tmp_path / "without.docx")


def test_a_deleted_article_after_a_table_comes_back_after_it(tmp_path: Path) -> None:
    """The writer puts a deleted provision after the new provision before it, whose last
    paragraph is the table's last cell: reject-all gave the article inside that cell."""
    old, new = _deleted_after_table_pair(tmp_path)
    comparison = compare(read(old), read(new))
    data = render_docx(comparison)
    check_views(comparison, data, tmp_path)
    shown = _resolved(read_part(data, "word/document.xml"), "reject")
    assert not _in_table(shown, "The monitors shall verify") and not _in_table(shown, "Monitoring")
    assert _in_table(shown, "30")


@pytest.mark.office
def test_libreoffice_accepts_and_rejects_the_move(
    libreoffice: LibreOffice, pair: tuple[Path, Path], tmp_path: Path
) -> None:
    """LibreOffice's own Accept All / Reject All give the new and the old document's text
    (table cells inline), and leave no tracked change."""
    plain, table = _whole_table_pair(tmp_path)
    cases = {
        "article": pair,
        "whole-table": (plain, table),
        "after-table": _deleted_after_table_pair(tmp_path),
    }
    failures: list[str] = []
    for name, (a, b) in cases.items():
        for old, new in ((a, b), (b, a)):
            for moves in (False, True):
                redline = tmp_path / f"{name}-{old.stem}-{moves}.docx"
                redline.write_bytes(render_docx(compare(read(old), read(new)), moves=moves))
                for view, source in (("accept", new), ("reject", old)):
                    got, want = libreoffice.read(redline, view), libreoffice.read(source)  # type: ignore[arg-type]
                    if got.texts() != want.texts() or got.redlines:
                        failures.append(f"{redline.name} {view}-all: {got.texts()} vs {want.texts()}")
    assert not failures, "; ".join(failures)


def test_the_redline_keeps_no_old_bookmark(tmp_path: Path) -> None:
    """A row copied back from the old file leaves its bookmarks behind (their ids and names
    would collide with the new file's): WC-1190's files both hold `_GoBack` id 0."""
    text = "Video provides."
    mark = '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>'
    table = fx.tbl([[fx.p(fx.r(text) + mark), fx.p()], [fx.p(), fx.p()]])
    old = Doc(table + fx.p()).build(tmp_path / "old.docx")
    new = Doc(fx.p(fx.r(text) + mark)).build(tmp_path / "new.docx")
    data = render_docx(compare(read(old), read(new)))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        document = etree.fromstring(z.read("word/document.xml"))
    assert [b.get(w("name")) for b in document.iter(w("bookmarkStart"))] == ["_GoBack"]


def test_old_text_is_looked_up_not_scanned_for_each_provision_moved_into_a_table() -> None:
    """Whether a paragraph the redline put into a table stood outside tables in the old
    draft: '3.Text' written for an old auto-numbered 'Text' is found by the text's tails.
    It was a pass over every old text for each moved provision (20,000 provisions moved into
    a table: 400 million comparisons, 40 s); here 300 lookups among 200,000 old texts."""
    outside = {f"The Parties shall do thing {i}." for i in range(200_000)}
    inside = {"Schedule text."}
    started = time.process_time()
    for i in range(100):
        assert _stood_outside(f"1.{i} The Parties shall do thing {i}.", inside, outside)
        assert not _stood_outside(f"1.{i} Another thing {i}.", inside, outside)
        assert not _stood_outside(
            f"{'x' * 20}The Parties shall do thing {i}.", inside, outside
        )  # label too long
    assert time.process_time() - started < 1.0
    assert not _stood_outside(
        "3. Schedule text.", inside, outside | {"Schedule text."}
    )  # in both: inside wins
