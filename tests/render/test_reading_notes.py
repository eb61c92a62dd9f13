"""What the reader guessed or could not read is said in the report, not only on stderr
(the brief's 'never silent'): reading warnings in the HTML and Markdown reports."""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

from draftkit import api
from draftkit.model import Location, ReadWarning
from draftkit.render.draft_out import READING_NOTES_MAX, reading_notes
from draftkit.render.html import render_html
from draftkit.render.markdown import render_markdown

DRAFTS = Path(__file__).resolve().parents[2] / "drafts"
PRESS = "no numbering: 37 paragraph(s) read as unnumbered provisions"


def _press() -> api.Comparison:
    return api.diff(DRAFTS / "framework-v2.txt", DRAFTS / "framework-v3-press.txt")


def test_the_html_report_lists_the_reading_warnings() -> None:
    page = render_html(_press())
    assert f"framework-v3-press.txt: line 5: {PRESS}" in html.unescape(page)


def test_the_markdown_report_lists_the_reading_warnings() -> None:
    assert f"framework-v3-press.txt: line 5: {PRESS}" in render_markdown(_press())


def test_no_section_without_warnings() -> None:
    comparison = api.diff(DRAFTS / "framework-v1.txt", DRAFTS / "framework-v2.txt")
    assert not comparison.old.warnings and not comparison.new.warnings
    assert "reading warnings" not in render_markdown(comparison)
    assert "reading warnings" not in render_html(comparison)


def test_many_warnings_are_counted_not_all_listed() -> None:
    comparison = _press()
    many = tuple(ReadWarning("x", f"guess {k}", Location(line=k)) for k in range(1, READING_NOTES_MAX + 8))
    old = replace(comparison.old, warnings=many)
    lines = reading_notes(old)
    assert len(lines) == READING_NOTES_MAX + 1
    assert lines[-1].endswith("7 more reading warning(s) (see the JSON)")


def test_a_warning_is_escaped_in_html() -> None:
    comparison = _press()
    hostile = (ReadWarning("x", "<script>alert(1)</script>", Location(line=1)),)
    page = render_html(replace(comparison, old=replace(comparison.old, warnings=hostile)))
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_the_docx_summary_lists_the_reading_warnings(tmp_path: Path) -> None:
    """The DOCX redline's --summary page says them too (the redline itself stays the draft)."""
    from draftkit.render.redline import render_docx
    from tests.wmlops import read_part

    comparison = _press()
    with_summary = read_part(render_docx(comparison, summary=True), "word/document.xml")
    text = "".join(with_summary.itertext())
    assert f"framework-v3-press.txt: line 5: {PRESS}" in text
    without = read_part(render_docx(comparison), "word/document.xml")
    assert PRESS not in "".join(without.itertext())


def test_a_docx_redline_without_summary_says_them_in_a_comment() -> None:
    """Without the summary page the reading notes are a comment on the first paragraph: the
    redline alone, passed on, still says what was guessed or not compared; the draft's text
    (either view) is untouched by it."""
    from draftkit.render.redline import render_docx
    from draftkit.render.redline.package import READING_COMMENT_HEADING
    from tests.wmlops import read_part

    comparison = _press()
    data = render_docx(comparison)
    comments = read_part(data, "word/comments.xml")
    said = ["".join(c.itertext()) for c in comments]
    notes = [text for text in said if text.startswith(READING_COMMENT_HEADING)]
    assert len(notes) == 1 and f"framework-v3-press.txt: line 5: {PRESS}" in notes[0]
    document = read_part(data, "word/document.xml")
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    first = next(document.iter(f"{w}p"))
    ids = {e.get(f"{w}id") for e in first.iter(f"{w}commentRangeStart")}
    note_id = next(
        c.get(f"{w}id") for c in comments if "".join(c.itertext()).startswith(READING_COMMENT_HEADING)
    )
    assert note_id in ids


def test_no_reading_comment_without_warnings() -> None:
    from draftkit.render.redline import render_docx
    from draftkit.render.redline.package import READING_COMMENT_HEADING

    comparison = api.diff(DRAFTS / "framework-v1.txt", DRAFTS / "framework-v2.txt")
    assert READING_COMMENT_HEADING.encode() not in _unzipped(render_docx(comparison))


def _unzipped(data: bytes) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return b"".join(z.read(name) for name in z.namelist())
