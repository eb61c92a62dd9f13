"""Objects and table rows named in the findings (issue 12, item 4): "Image added in Article 1",
"Row added to the table in Article 1", "Chart changed … (content hash …)" — on DOCX built
here, through `api.diff` as every report reads it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from draftkit import api
from draftkit.compare.changes import Comparison, Flag
from draftkit.risk import load_taxonomy
from draftkit.risk.objects import check_objects, placeholders, table_rows
from tests.fixtures.docx import make_fixtures as fx
from tests.hostile.test_deception import (
    HEADING,
    REL,
    Doc,
    _footnote_doc,
    _image_doc,
    article,
    image_run,
    png,
    sentence,
)
from tests.render.test_redline_objects import _math_doc
from tests.render.test_redline_tables import PHASES, _table


def _diff(old: Doc, new: Doc, tmp: Path) -> Comparison:
    return api.diff(old.build(tmp / "old.docx"), new.build(tmp / "new.docx"))


def _ours(comparison: Comparison) -> list[Flag]:
    return [f for c in comparison.changes for f in c.flags if f.rule in ("object", "table-row")]


def _messages(comparison: Comparison) -> list[str]:
    return [f.message for f in _ours(comparison)]


# ------------------------------------------------------------------------------ table rows


def test_a_row_added_is_named_with_its_cells(tmp_path: Path) -> None:
    comparison = _diff(_table(PHASES[:3]), _table(PHASES), tmp_path)
    [flag] = _ours(comparison)
    assert flag.message == "Row added to the table in Article 1"
    assert (flag.old, flag.new) == (
        "",
        "Phase 4 | Port of Varn | Handover of the port authority within 120 days.",
    )
    assert flag.severity == "medium"  # a withdrawal schedule: a heavy category


def test_a_row_removed_is_named(tmp_path: Path) -> None:
    comparison = _diff(_table(PHASES), _table([PHASES[0], PHASES[2], PHASES[3]]), tmp_path)
    assert [(f.message, f.old) for f in _ours(comparison)] == [
        (
            "Row removed from the table in Article 1",
            "Phase 2 | Drava Corridor | Withdrawal of heavy weapons within 60 days.",
        )
    ]


def test_a_cell_reworded_is_a_row_changed(tmp_path: Path) -> None:
    changed = [*PHASES[:3], ("Phase 4", "Port of Varn", "Handover of the port authority within 180 days.")]
    [flag] = _ours(_diff(_table(PHASES), _table(changed), tmp_path))
    assert flag.message == "Row changed in the table in Article 1"
    assert flag.old.endswith("within 120 days.") and flag.new.endswith("within 180 days.")


def test_rows_moved_as_they_are_are_no_row_change(tmp_path: Path) -> None:
    comparison = _diff(_table(PHASES), _table([PHASES[1], PHASES[0], PHASES[2], PHASES[3]]), tmp_path)
    assert _messages(comparison) == []


def test_table_rows_are_read_as_the_reader_shows_them(tmp_path: Path) -> None:
    draft = api.parse(_table(PHASES[:2]).build(tmp_path / "t.docx"))
    assert table_rows(draft) == [tuple(PHASES[0]), tuple(PHASES[1])]


def test_a_source_changed_since_reading_gives_no_rows(tmp_path: Path) -> None:
    path = _table(PHASES[:2]).build(tmp_path / "t.docx")
    draft = api.parse(path)
    _table(PHASES).build(path)
    assert table_rows(draft) == []


def test_a_draft_without_a_table_is_not_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import draftkit.readers.safezip as safezip

    draft = api.parse(Doc(HEADING + fx.p(fx.r(sentence()))).build(tmp_path / "plain.docx"))
    parsed: list[str] = []
    real = safezip.parse_xml

    def counted(data: bytes, where: object) -> object:
        parsed.append(str(where))
        return real(data, where)  # type: ignore[arg-type]

    monkeypatch.setattr(safezip, "parse_xml", counted)
    assert table_rows(draft) == []
    assert not [w for w in parsed if w.endswith("document.xml")]  # only the relationships


def test_table_rows_are_found_in_a_utf16_part(tmp_path: Path) -> None:
    import zipfile

    path = _table(PHASES[:2]).build(tmp_path / "t8.docx")
    wide = tmp_path / "t16.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(wide, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"', 1)
                data = text.encode("utf-16")
                assert b"tbl" not in data  # the bytes alone cannot tell
            out.writestr(info, data)
    assert table_rows(api.parse(wide)) == [tuple(PHASES[0]), tuple(PHASES[1])]


def test_paragraphs_outside_tables_are_no_rows(tmp_path: Path) -> None:
    old = Doc(HEADING + fx.p(fx.r(sentence())))
    new = Doc(HEADING + fx.p(fx.r(sentence())) + fx.p(fx.r("Phase 4")) + fx.p(fx.r("Port of Varn")))
    assert _messages(_diff(old, new, tmp_path)) == []


# ------------------------------------------------------------------------------ objects


def test_an_image_added_is_named(tmp_path: Path) -> None:
    comparison = _diff(Doc(article(fx.r(sentence()))), _image_doc((10, 120, 30)), tmp_path)
    [flag] = _ours(comparison)
    assert flag.message == "Image added in Article 1"
    assert flag.new.startswith("⟦image sha256:") and flag.severity == "medium"


def test_an_image_removed_is_named(tmp_path: Path) -> None:
    [flag] = _ours(_diff(_image_doc((10, 120, 30)), Doc(article(fx.r(sentence()))), tmp_path))
    assert flag.message == "Image removed from Article 1" and flag.old.startswith("⟦image sha256:")


def test_an_image_replaced_is_named_by_content_hash_and_its_digits_are_no_numbers(tmp_path: Path) -> None:
    comparison = _diff(_image_doc((200, 30, 30)), _image_doc((30, 30, 200)), tmp_path)
    [change] = [c for c in comparison.changes if c.is_change]
    old_hash = change.old_text.split("sha256:")[1][:8]
    new_hash = change.new_text.split("sha256:")[1][:8]
    assert _messages(comparison) == [f"Image changed in Article 1 (content hash {old_hash} → {new_hash})"]
    # The rules read hex digits of the hash as numbers ('3fd', '6'): artefacts, taken off.
    assert [f.rule for f in change.flags] == ["object"]


def test_an_image_that_only_moves_in_its_provision_is_no_object_change(tmp_path: Path) -> None:
    related = (("rIdImg", f"{REL}/image", "media/map.png", png((1, 2, 3))),)
    before = Doc(article(image_run("rIdImg") + fx.r(sentence())), related=related)
    after = Doc(article(fx.r(sentence()) + image_run("rIdImg")), related=related)
    assert _messages(_diff(before, after, tmp_path)) == []


def test_an_equation_added_and_changed(tmp_path: Path) -> None:
    added = _diff(_math_doc(), _math_doc("A=", "π"), tmp_path)
    assert [(f.message, f.new) for f in _ours(added)] == [("Equation added in Article 1", "A=πr^(2)")]
    changed = _diff(_math_doc("A=", "π"), _math_doc("A=", "2π"), tmp_path)
    assert [(f.message, f.old, f.new) for f in _ours(changed)] == [
        ("Equation changed in Article 1", "A=πr^(2)", "A=2πr^(2)")
    ]


def test_a_footnote_changed_is_named_with_its_text(tmp_path: Path) -> None:
    comparison = _diff(
        _footnote_doc("Party A agrees."), _footnote_doc("[Party A proposes deletion.]"), tmp_path
    )
    assert [(f.message, f.old, f.new) for f in _ours(comparison)] == [
        ("Footnote changed in Article 1", "Party A agrees.", "[Party A proposes deletion.]")
    ]


def test_a_light_category_gives_low_severity(tmp_path: Path) -> None:
    text = "The secretariat shall keep the minutes."
    old = Doc(HEADING.replace("Withdrawal of forces", "Minutes") + fx.p(fx.r(text)))
    related = (("rIdImg", f"{REL}/image", "media/map.png", png((4, 5, 6))),)
    new = Doc(
        HEADING.replace("Withdrawal of forces", "Minutes") + fx.p(fx.r(text) + image_run("rIdImg")),
        related=related,
    )
    comparison = _diff(old, new, tmp_path)
    [flag] = _ours(comparison)
    assert flag.severity == "low", flag.category


# ------------------------------------------------------------------------------ placeholders

_PLAIN = st.text(alphabet=st.characters(blacklist_characters="⟦⟧", blacklist_categories=("Cs",)), max_size=12)


@given(st.lists(st.tuples(_PLAIN, _PLAIN), max_size=5), _PLAIN)
def test_placeholders_are_found_in_order_between_any_text(pieces: list[tuple[str, str]], tail: str) -> None:
    text = "".join(f"{before}⟦{inside}⟧" for before, inside in pieces) + tail
    assert placeholders(text) == [inside for _, inside in pieces]


def test_a_note_holding_an_image_is_one_placeholder() -> None:
    assert placeholders("x ⟦Footnote: see ⟦image sha256:0a1b2c3d⟧ here⟧ y ⟦object⟧") == [
        "Footnote: see ⟦image sha256:0a1b2c3d⟧ here",
        "object",
    ]


def _loose_table(rows: list[tuple[str, str, str]]) -> Doc:
    """No headings, no numbers: each cell's paragraph is a provision of its own."""
    cells = [[fx.p(fx.r(cell)) for cell in row] for row in rows]
    return Doc(fx.p(fx.r("The Parties shall follow the schedule below.")) + fx.tbl(cells))


def test_a_row_of_provisions_of_their_own_is_named_across_them(tmp_path: Path) -> None:
    comparison = _diff(_loose_table(PHASES), _loose_table([PHASES[0], PHASES[1], PHASES[3]]), tmp_path)
    assert [c.kind for c in comparison.changes if c.kind != "unchanged"] == ["deleted"] * 3
    [flag] = _ours(comparison)
    # The row spans three provisions ("Drava Corridor, paragraph 2 to Northern Lakes, paragraph 1").
    assert flag.message.startswith("Row removed from the table in ") and " to " in flag.message
    assert flag.old == "Phase 3 | Northern Lakes | Demining of the lake shore within 90 days."
    added = _diff(_loose_table([PHASES[0], PHASES[1], PHASES[3]]), _loose_table(PHASES), tmp_path)
    assert [f.message.split(" in ")[0] for f in _ours(added)] == ["Row added to the table"]


def test_rows_swapped_across_provisions_are_no_row_change(tmp_path: Path) -> None:
    swapped = [PHASES[1], PHASES[0], PHASES[2], PHASES[3]]
    assert _messages(_diff(_loose_table(PHASES), _loose_table(swapped), tmp_path)) == []


def test_a_paragraph_that_is_only_an_image_is_named_once(tmp_path: Path) -> None:
    related = (("rIdImg", f"{REL}/image", "media/map.png", png((7, 8, 9))),)
    old = Doc(fx.p(fx.r(sentence())) + fx.p(image_run("rIdImg")), related=related)
    comparison = _diff(old, Doc(fx.p(fx.r(sentence()))), tmp_path)
    [change] = [c for c in comparison.changes if c.is_change]
    assert change.kind == "deleted" and _ours(comparison) == []
    assert any("⟦image sha256:" in f.message for f in change.flags)


def test_a_draft_is_read_again_only_where_a_change_touches_a_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import draftkit.readers.docx as docx_reader

    end = fx.np("Final provisions", 1, 0) + fx.p(fx.r("This Agreement {} into force."))
    table_changed = api.diff(
        _table(PHASES).build(tmp_path / "old.docx"),
        Doc(HEADING + fx.p(fx.r("The Parties may follow the schedule below."))).build(tmp_path / "new.docx"),
    )
    end_changed = api.diff(
        Doc(_table(PHASES).body + end.format("enters")).build(tmp_path / "a.docx"),
        Doc(_table(PHASES).body + end.format("may enter")).build(tmp_path / "b.docx"),
    )
    reads: list[Path] = []
    real = docx_reader.read_docx_blocks

    def counted(path: Path, view: str = "accept") -> docx_reader.DocxContent:
        reads.append(path)
        return real(path, view)  # type: ignore[arg-type]

    monkeypatch.setattr(docx_reader, "read_docx_blocks", counted)
    check_objects(table_changed, load_taxonomy())
    assert reads == [tmp_path / "old.docx"]  # its changed provision holds the table; the new has none
    reads.clear()
    check_objects(end_changed, load_taxonomy())
    assert reads == []


def test_a_row_whose_text_went_but_which_stays_is_emptied_not_removed(tmp_path: Path) -> None:
    emptied = [PHASES[0], PHASES[1], ("", "", ""), PHASES[3]]
    assert [f.message for f in _ours(_diff(_table(PHASES), _table(emptied), tmp_path))] == [
        "Row emptied in the table in Article 1"
    ]
    assert [f.message for f in _ours(_diff(_table(emptied), _table(PHASES), tmp_path))] == [
        "Row filled in (it was empty) in the table in Article 1"
    ]
    loose = [f.message for f in _ours(_diff(_loose_table(PHASES), _loose_table(emptied), tmp_path))]
    assert len(loose) == 1 and loose[0].startswith("Row emptied in the table in ")


def test_a_line_break_in_a_cell_reads_as_in_the_provision(tmp_path: Path) -> None:
    cell = fx.p(fx.r("Withdrawal of heavy weapons") + "<w:r><w:br/></w:r>" + fx.r("within 60 days."))
    table = fx.tbl([[fx.p(fx.r("Phase 2")), fx.p(fx.r("Drava Corridor")), cell]])
    draft = api.parse(Doc(HEADING + fx.p(fx.r("The schedule:")) + table).build(tmp_path / "t.docx"))
    [row] = table_rows(draft)
    lines = [" ".join(line.split()) for line in draft.provisions[0].text.split("\n")]
    assert len(row) == 3 and all(line in lines for line in row)


# ------------------------------------------------------------------------------ cost bounds


def test_rows_across_provisions_are_looked_for_by_their_first_line_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A long table read as runs of deleted provisions (thousands of rows, hundreds of runs):
    each run is checked against the rows whose first line it holds, not against every row
    (runs × rows: check_objects took most of a 10,000-row table's diff)."""
    from collections import Counter

    from draftkit.compare.changes import Change
    from draftkit.risk import objects

    rows = [(f"{k}", f"Cell text of row {k}.") for k in range(2000)]
    changes = []
    for k, row in enumerate(rows[:400]):
        text = "\n".join(row)
        changes.append(Change("deleted", (), (), f"Article {k}", "", False, False, 0.0, text, "", ()))
        changes.append(Change("unchanged", (), (), f"x{k}", f"x{k}", False, False, 1.0, "x", "x", ()))
    made = 0

    class Counted(Counter):  # type: ignore[type-arg]
        def __init__(self, *args: object) -> None:
            nonlocal made
            made += 1
            super().__init__(*args)

    monkeypatch.setattr(objects, "Counter", Counted)
    found = objects._spanning(tuple(changes), "deleted", rows, Counter(), Counter())
    assert found == {}  # each row within one provision: `_row_findings` names it
    assert made <= 2 * 400


def test_long_text_quotes_are_found_from_where_their_rarest_word_stands() -> None:
    """words_in over one long text for each of its features: found from an index of where
    each word stands (the rarest of the quote's), not by a scan of every token each time (quadratic on a 10,000-row table)."""
    from draftkit.risk.features import words_in
    from draftkit.risk.tokens import Text

    class Counting(list):  # type: ignore[type-arg]
        reads = 0

        def __iter__(self):  # type: ignore[no-untyped-def]
            Counting.reads += len(self)
            return super().__iter__()

        def __getitem__(self, k):  # type: ignore[no-untyped-def]
            Counting.reads += 1
            return super().__getitem__(k)

    text = Text(" ".join(f"Row {k}: the parties shall act within {k} days." for k in range(3000)))
    text.tokens = Counting(text.tokens)
    quote = words_in(text, ("within", "2999", "days"))
    assert quote is not None and quote.fragment == "within 2999 days"
    assert words_in(text, ("shall", "act", "within", "3000")) is None
    assert words_in(text, ("2999", "days", "row")) is None  # punctuation skipped, words in a row
    for k in range(0, 3000, 10):
        assert words_in(text, ("within", str(k), "days")) is not None
    assert Counting.reads < 10 * len(text.tokens)  # a scan each: 300 × 30,000 tokens
