"""Pending tracked changes in a Word file: read in one defined view (accept-all by default,
reject-all with --view original) and said, once per draft, located at the first paragraph
holding one, counted by kind, with their authors (readers.docx_tracked).

Whoever opens the new file in Word sees the markup (deletions struck through); draftkit
compares the accepted text. Where the accepted text of the new file equals the old text,
draftkit finds no change and Word shows an edit: the note says why. It is no guess (the view
is defined), so --strict does not refuse the draft for it (readers.INFORMATIONAL)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from draftkit.api import diff
from draftkit.readers import read
from draftkit.resources import schema_bytes
from tests.fixtures.docx import make_fixtures as fx
from tests.fixtures.docx.word_probes import Doc, article
from tests.hostile.helpers import cli

CODE = "tracked-changes"
ACCEPTED = "read as accepted (the accept-all view; --view original reads them rejected)"
PLAIN = fx.r("The Parties shall withdraw.")
# Accepted, the same text as PLAIN; in Word, 'may' struck through and 'shall' inserted.
EDITED = fx.r("The Parties ") + fx.ins(fx.r("shall")) + fx.dele(fx.dr("may")) + fx.r(" withdraw.")


def _rev(tag: str, author: str = "Fixture", rev: int = 5, content: str = "") -> str:
    return f'<w:{tag} w:id="{rev}" w:author="{author}" w:date="2026-01-01T00:00:00Z">{content}</w:{tag}>'


def _notes(path: Path, view: str = "accept") -> list[tuple[int | None, str]]:
    draft = read(path, view="original" if view == "original" else "accept")
    return [
        (w.location.paragraph if w.location else None, w.message) for w in draft.warnings if w.code == CODE
    ]


def _pair(tmp_path: Path) -> tuple[Path, Path]:
    return (
        Doc(article(PLAIN)).build(tmp_path / "old.docx"),
        Doc(article(EDITED)).build(tmp_path / "new.docx"),
    )


def test_a_new_file_whose_accepted_text_is_the_old_says_its_pending_changes(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    comparison = diff(old, new)
    assert not [c for c in comparison.changes if c.is_change]  # the accepted texts are one
    assert _notes(new) == [
        (2, f"2 pending tracked changes (1 insertion, 1 deletion) by 'Fixture', {ACCEPTED}")
    ]  # the heading is paragraph 1
    assert [w for w in comparison.new.warnings if w.code == CODE]
    assert not [w for w in comparison.old.warnings if w.code == CODE]
    run = cli("diff", old, new)
    assert run.code == 0
    line = (
        f"new.docx: paragraph 2: 2 pending tracked changes (1 insertion, 1 deletion) by 'Fixture', {ACCEPTED}"
    )
    assert run.err.count("pending tracked changes") == 1 and line in run.err
    # The text compared is whole: not 'no changes in the text compared' (which says text
    # was left out), but the report says the note too, and what 'no changes' is of.
    assert line in run.out
    assert run.out.rstrip().endswith("no changes in the text as read (pending tracked changes: see above)")
    assert "no changes in the text compared" not in run.out


def test_strict_does_not_refuse_a_tracked_draft_and_json_carries_the_note(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    run = cli("diff", old, new, "--strict")
    assert run.code == 0, run.err
    assert "pending tracked changes" in run.err
    diffed = json.loads(cli("diff", old, new, "--format", "json").out)
    (note,) = [w for w in diffed["new"]["warnings"] if w["code"] == CODE]
    assert note["paragraph"] == 2 and "1 insertion, 1 deletion" in note["message"]
    jsonschema.validate(diffed, json.loads(schema_bytes("diff.schema.json")))
    parsed = json.loads(cli("parse", new, "--format", "json").out)
    jsonschema.validate(parsed, json.loads(schema_bytes("draft.schema.json")))
    assert cli("parse", new, "--strict").code == 0


def test_markdown_and_html_reports_carry_the_note(tmp_path: Path) -> None:
    old, new = _pair(tmp_path)
    for name in ("changes.md", "report.html"):
        out = tmp_path / name
        assert cli("redline", old, new, "-o", out, "--date", "2026-01-01").code == 0
        assert "pending tracked changes (1 insertion, 1 deletion)" in out.read_text(encoding="utf-8")


def test_the_original_view_says_it_reads_them_rejected(tmp_path: Path) -> None:
    _, new = _pair(tmp_path)
    assert _notes(new, "original") == [
        (
            2,
            "2 pending tracked changes (1 insertion, 1 deletion) by 'Fixture', read as rejected (the original view)",
        )
    ]
    run = cli("diff", tmp_path / "old.docx", new, "--view", "original")
    assert "read as rejected (the original view)" in run.err


def test_formatting_changes_alone_are_said_too(tmp_path: Path) -> None:
    bold = fx.r("The Parties shall withdraw.", "<w:b/>" + _rev("rPrChange", content="<w:rPr/>"))
    heading = fx.np("Withdrawal of forces", 1, 0)
    body = heading + fx.p(bold, _rev("pPrChange", rev=6, content="<w:pPr/>"))
    old = Doc(article(PLAIN)).build(tmp_path / "old.docx")
    new = Doc(body).build(tmp_path / "new.docx")
    assert _notes(new) == [(2, f"2 pending tracked changes (2 formatting changes) by 'Fixture', {ACCEPTED}")]
    assert not [c for c in diff(old, new).changes if c.is_change]


def test_located_at_the_first_paragraph_holding_one_and_authors_at_most_three(tmp_path: Path) -> None:
    body = (
        article(PLAIN)
        + fx.p(fx.r("Second. ") + _rev("ins", "Author A", 7, fx.r("added")))
        + fx.p(_rev("del", "Author B", 8, fx.dr("gone")) + fx.r("Third."))
        + fx.p(_rev("ins", "Author C", 9, fx.r("more")) + _rev("ins", "Author D", 10, fx.r(" and more")))
        + fx.p(_rev("ins", "Author A", 11, fx.r("again")))
    )
    path = Doc(body).build(tmp_path / "authors.docx")
    assert _notes(path) == [
        (
            3,
            "5 pending tracked changes (4 insertions, 1 deletion) by 'Author A', 'Author B', 'Author C'"
            f" and 1 other, {ACCEPTED}",
        )
    ]


def test_a_paragraph_inserted_whole_a_move_and_table_rows_are_counted_as_word_shows_them(
    tmp_path: Path,
) -> None:
    """An inserted paragraph is one insertion (its text and its mark); a move is one move
    (from and to); a row inserted or deleted is one insertion or deletion."""
    body = fx.tracked_body()
    path = fx.build_docx(tmp_path / "tracked.docx", body, numbering=fx.TRACKED_NUMBERING)
    ((where, message),) = _notes(path)
    assert where == 1
    assert message == (
        "11 pending tracked changes (4 insertions, 5 deletions, 1 move, 1 formatting change)"
        f" by 'Fixture', {ACCEPTED}"
    )


def test_a_change_in_a_footnote_is_counted_at_its_reference(tmp_path: Path) -> None:
    from tests.readers.test_docx_text import footnote_doc

    doc = footnote_doc("Party A reserves its position.")
    assert doc.footnotes is not None
    footnotes = doc.footnotes.replace(
        fx.r(" Party A reserves its position."),
        fx.r(" Party A ") + fx.ins(fx.r("fully ")) + fx.r("reserves."),
    )
    path = Doc(doc.body, footnotes=footnotes).build(tmp_path / "noted.docx")
    assert _notes(path) == [(2, f"1 pending tracked change (1 insertion) by 'Fixture', {ACCEPTED}")]


def test_a_text_box_read_once_is_counted_once(tmp_path: Path) -> None:
    """A text box stands in mc:Choice (DrawingML) and mc:Fallback (VML): Word shows one,
    and its changes are counted once."""
    inner = fx.p(fx.r("Boxed ") + fx.ins(fx.r("text")))
    choice = f'<w:drawing><wp:inline xmlns:wp="{WP}"><a:graphic xmlns:a="{A}"><a:graphicData uri="{WPS}"><wps:wsp xmlns:wps="{WPS}"><wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing>'
    fallback = f'<w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict>'
    run = (
        f'<w:r><mc:AlternateContent xmlns:mc="{MC}"><mc:Choice xmlns:wps="{WPS}" Requires="wps">'
        f"{choice}</mc:Choice><mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>"
    )
    path = Doc(article(PLAIN) + fx.p(fx.r("Anchor.") + run)).build(tmp_path / "box.docx")
    assert _notes(path) == [(3, f"1 pending tracked change (1 insertion) by 'Fixture', {ACCEPTED}")]


def test_a_change_to_the_section_alone_is_said_at_the_last_paragraph(tmp_path: Path) -> None:
    sect = _rev("sectPrChange", content="<w:sectPr/>")
    path = Doc(article(PLAIN) + fx.p(fx.r("Done at Geneva.")), sect=sect).build(tmp_path / "sect.docx")
    assert _notes(path) == [(3, f"1 pending tracked change (1 formatting change) by 'Fixture', {ACCEPTED}")]


def test_a_file_without_pending_changes_says_nothing(tmp_path: Path) -> None:
    assert _notes(Doc(article(PLAIN)).build(tmp_path / "plain.docx")) == []


WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
