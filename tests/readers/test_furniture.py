"""readers.furniture: page headers, footers and comments are not compared; where the two Word
files of a pair differ there, a note says so (stderr, every report's warnings; --strict
refuses), so that "no changes" means no changes. What Word computes on the page (page
numbers, page counts, the file name) is not a difference."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest

from draftkit.readers.pair import read_pair
from tests.hostile.helpers import cli

BODY = (
    "1. The parties shall cease fire at 00:00 on the day after signature.",
    "2. Forces shall withdraw 15 km.",
)


def _word(
    path: Path,
    header: str = "",
    footer: str = "",
    comments: tuple[str, ...] = (),
    body: tuple[str, ...] = BODY,
) -> Path:
    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    paragraphs = [document.add_paragraph(text) for text in body]
    for text in comments:
        document.add_comment(paragraphs[0].runs[0], text=text, author="Party A")
    document.save(str(path))
    return path


def _notes(old: Path, new: Path) -> list[str]:
    return [w.message for w in read_pair(old, new)[1].warnings if w.code == "not-compared"]


def test_a_changed_page_header_is_said_where_the_body_has_no_change(tmp_path: Path) -> None:
    old = _word(tmp_path / "old.docx", header="DRAFT – Round 3 – CONFIDENTIAL", footer="Non-paper")
    new = _word(tmp_path / "new.docx", header="DRAFT – Round 4 – agreed ad referendum", footer="Non-paper")
    (note,) = _notes(old, new)
    assert (
        "page headers differ ('DRAFT – Round 3 – CONFIDENTIAL' → 'DRAFT – Round 4 – agreed ad referendum')"
        in note
    )
    assert "footers" not in note  # the same on both sides
    run = cli("diff", old, new)
    assert run.code == 0 and "no changes" in run.out
    assert "page headers differ" in run.err and str(new) in run.err  # on stderr, with the file
    report = json.loads(cli("diff", old, new, "--format", "json").out)
    assert [w["code"] for w in report["new"]["warnings"]] == ["not-compared"]
    assert cli("diff", old, new, "--strict").code == 3  # the comparison is not whole


def test_the_same_furniture_says_nothing(tmp_path: Path) -> None:
    old = _word(tmp_path / "old.docx", header="Draft", footer="Restricted", comments=("check with capital",))
    body = (BODY[0], BODY[1].replace("15", "20"))
    new = _word(
        tmp_path / "new.docx",
        header="Draft",
        footer="Restricted",
        comments=("check with capital",),
        body=body,
    )
    assert _notes(old, new) == []
    run = cli("diff", old, new)
    assert "15 km" in run.out and "warning" not in run.err


def test_comments_added_are_counted_and_quoted(tmp_path: Path) -> None:
    old = _word(tmp_path / "old.docx", comments=("Party B cannot accept 15 km",))
    new = _word(tmp_path / "new.docx", comments=("Party B cannot accept 15 km", "Party A proposes 10 km"))
    (note,) = _notes(old, new)
    assert "Word comments differ (1 in the old file, 2 in the new; new: 'Party A proposes 10 km')" in note


def _with_footer_xml(path: Path, source: Path, footer: bytes) -> Path:
    """`source` with its first footer part's paragraphs replaced by `footer` (WordprocessingML)."""
    shutil.copy(source, path)
    with zipfile.ZipFile(source) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    name = next(n for n in parts if re.fullmatch(r"word/footer\d*\.xml", n))
    parts[name] = re.sub(rb"<w:p[ >].*</w:p>", footer, parts[name], flags=re.S)
    with zipfile.ZipFile(path, "w") as package:
        for part, data in parts.items():
            package.writestr(part, data)
    return path


PAGE = (
    b'<w:p><w:r><w:t xml:space="preserve">Page </w:t></w:r>'
    b'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
    b'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>%d</w:t></w:r>'
    b'<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> of </w:t></w:r>'
    b'<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>%d</w:t></w:r></w:fldSimple></w:p>'
)


def test_what_word_computes_on_the_page_is_no_difference(tmp_path: Path) -> None:
    """Page numbers and counts are field results: another count of pages is not a change."""
    plain = _word(tmp_path / "plain.docx", footer="x")
    old = _with_footer_xml(tmp_path / "old.docx", plain, PAGE % (1, 5))
    new = _with_footer_xml(tmp_path / "new.docx", plain, PAGE % (1, 6))
    assert _notes(old, new) == []
    other = _with_footer_xml(tmp_path / "other.docx", plain, PAGE.replace(b"Page ", b"Seite ") % (1, 6))
    (note,) = _notes(old, other)
    assert "page footers differ ('Page of' → 'Seite of')" in note


def _field(instruction: str, result: str, simple: bool = False) -> bytes:
    if simple:
        return f'<w:fldSimple w:instr=" {instruction} "><w:r><w:t>{result}</w:t></w:r></w:fldSimple>'.encode()
    return (
        b'<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + f"<w:r><w:instrText> {instruction} </w:instrText></w:r>".encode()
        + b'<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + f"<w:r><w:t>{result}</w:t></w:r>".encode()
        + b'<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


@pytest.mark.parametrize("simple", [False, True])
def test_a_field_result_the_page_shows_is_compared(tmp_path: Path, simple: bool) -> None:
    """A status Word shows from a document property ('Agreed' → 'Rejected') is on the page
    (LibreOffice's PDF shows it): only fields computed on the page are left out. Before, every
    field result was, and the two drafts had "no changes"."""
    plain = _word(tmp_path / "plain.docx", footer="x")
    footer = b'<w:p><w:r><w:t xml:space="preserve">Status: </w:t></w:r>%s</w:p>'
    old = _with_footer_xml(
        tmp_path / "old.docx", plain, footer % _field("DOCPROPERTY Status", "Agreed", simple)
    )
    new = _with_footer_xml(
        tmp_path / "new.docx", plain, footer % _field("DOCPROPERTY Status", "Rejected", simple)
    )
    (note,) = _notes(old, new)
    assert "page footers differ ('Status: Agreed' → 'Status: Rejected')" in note
    # a page number computed from a page field, even inside a formula, is still no difference
    pages = [
        _with_footer_xml(
            tmp_path / f"page{n}.docx",
            plain,
            b"<w:p>"
            + _field("PAGE", str(n), simple)
            + b'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> = </w:instrText></w:r>'
            + _field("NUMPAGES", str(n))
            + b'<w:r><w:instrText> + 1 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            + f"<w:r><w:t>{n + 1}</w:t></w:r>".encode()
            + b'<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
        )
        for n in (1, 2)
    ]
    assert _notes(*pages) == []


def test_a_symbol_or_a_watermark_changed_is_said(tmp_path: Path) -> None:
    """A round number typed as a Symbol character and a watermark (a VML text path, the shape
    Word's Design › Watermark makes) are on every page: before, neither was read."""
    plain = _word(tmp_path / "plain.docx", footer="x")

    def footer(digit: str, mark: str) -> bytes:
        return (
            f'<w:p><w:r><w:t xml:space="preserve">Round </w:t></w:r><w:r><w:sym w:font="Symbol" w:char="F03{digit}"/></w:r>'
            f'<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" style="width:400pt;height:100pt">'
            f'<v:textpath string="{mark}"/></v:shape></w:pict></w:r></w:p>'
        ).encode()

    old = _with_footer_xml(tmp_path / "old.docx", plain, footer("3", "DRAFT"))
    assert _notes(old, _with_footer_xml(tmp_path / "same.docx", plain, footer("3", "DRAFT"))) == []
    (note,) = _notes(old, _with_footer_xml(tmp_path / "round.docx", plain, footer("4", "DRAFT")))
    assert "page footers differ ('Round 3 DRAFT' → 'Round 4 DRAFT')" in note
    (note,) = _notes(old, _with_footer_xml(tmp_path / "final.docx", plain, footer("3", "FINAL")))
    assert "page footers differ ('Round 3 DRAFT' → 'Round 3 FINAL')" in note


@pytest.mark.parametrize(("view", "shown"), [("accept", "Round 4"), ("original", "Round 3")])
def test_tracked_changes_in_a_header_are_read_in_the_view(tmp_path: Path, view: str, shown: str) -> None:
    plain = _word(tmp_path / "plain.docx", header="x")
    tracked = (
        b'<w:p><w:r><w:t xml:space="preserve">Draft, </w:t></w:r>'
        b'<w:del w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>Round 3</w:delText></w:r></w:del>'
        b'<w:ins w:id="2" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r><w:t>Round 4</w:t></w:r></w:ins></w:p>'
    )
    shutil.copy(plain, tmp_path / "src.docx")
    with zipfile.ZipFile(plain) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    name = next(n for n in parts if re.fullmatch(r"word/header\d*\.xml", n))
    parts[name] = re.sub(rb"<w:p[ >].*</w:p>", tracked, parts[name], flags=re.S)
    new = tmp_path / "new.docx"
    with zipfile.ZipFile(new, "w") as package:
        for part, data in parts.items():
            package.writestr(part, data)
    (note,) = [w.message for w in read_pair(plain, new, view=view)[1].warnings if w.code == "not-compared"]  # type: ignore[arg-type]
    assert f"'Draft, {shown}'" in note


def test_a_text_draft_against_a_word_file_says_nothing(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    old.write_text("\n".join(BODY), encoding="utf-8")
    new = _word(tmp_path / "new.docx", header="DRAFT")
    assert _notes(old, new) == []


def test_history_and_compare3_say_it_round_by_round(tmp_path: Path) -> None:
    r1 = _word(tmp_path / "r1.docx", header="Round 1")
    r2 = _word(tmp_path / "r2.docx", header="Round 2", body=(BODY[0], BODY[1].replace("15", "20")))
    r3 = _word(tmp_path / "r3.docx", header="Round 2", body=(BODY[0], BODY[1].replace("15", "25")))
    run = cli("history", r1, r2, r3)
    assert run.code == 0
    notes = [line for line in run.err.splitlines() if "page headers differ" in line]
    assert notes == [
        f"draftkit: warning: {r2}: the page headers differ ('Round 1' → 'Round 2'): draftkit"
        " compares the body's text, not these (docs/limits.md)"
    ]  # r3's are r2's
    run = cli("compare3", r1, r2, r3)
    assert run.code == 0
    noted = [line for line in run.err.splitlines() if "page headers differ ('Round 1' → 'Round 2')" in line]
    assert len(noted) == 2 and str(r2) in noted[0] and str(r3) in noted[1]  # A and B against the base


def _pdf(path: Path, header: str, footer: str, points: tuple[str, ...]) -> Path:
    """A three-page PDF: `header` and `footer` on every page, the page number below, a point a page."""
    from tests.readers.test_pdf import raw_pdf

    pages = [
        [(72.0, 760.0, header), (72.0, 700.0, point), (72.0, 40.0, footer), (300.0, 25.0, str(k))]
        for k, point in enumerate(points, 1)
    ]
    path.write_bytes(raw_pdf(pages))
    return path


PDF_POINTS = ("1. The parties cease fire.", "2. Forces withdraw 15 km.", "3. Observers report weekly.")


def test_a_pdfs_running_header_changed_is_said(tmp_path: Path) -> None:
    old = _pdf(tmp_path / "old.pdf", "DRAFT 12 March - CONFIDENTIAL", "Non-paper", PDF_POINTS)
    new = _pdf(tmp_path / "new.pdf", "DRAFT 20 March - agreed ad ref", "Non-paper", PDF_POINTS)
    assert read_pair(old, new)[1].source.running == ("DRAFT 20 March - agreed ad ref", "Non-paper")  # type: ignore[union-attr]
    (note,) = _notes(old, new)
    assert (
        "running page headers and footers differ ('DRAFT 12 March - CONFIDENTIAL' → 'DRAFT 20 March - agreed ad ref')"
        in note
    )
    run = cli("diff", old, new)
    assert "no changes" in run.out and "running page headers and footers differ" in run.err
    same = _pdf(tmp_path / "same.pdf", "DRAFT 12 March - CONFIDENTIAL", "Non-paper", PDF_POINTS)
    assert _notes(old, same) == []  # page numbers are no running text


def test_a_word_file_from_standard_input_says_its_furniture_was_not_compared(tmp_path: Path) -> None:
    """Standard input is held only while it is read: its headers, footers and comments cannot
    be read again, and the note says so rather than nothing."""
    import subprocess
    import sys

    old = _word(tmp_path / "old.docx", header="DRAFT v1")
    new = _word(tmp_path / "new.docx", header="DRAFT v2")
    run = subprocess.run(
        [sys.executable, "-m", "draftkit", "diff", "-", str(new)],
        stdin=old.open("rb"),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0 and "were not compared: a Word file read from standard input" in run.stderr


def test_a_word_file_against_a_pdf_says_what_the_pdf_shows_elsewhere(tmp_path: Path) -> None:
    """A Word file's footnotes are read at their references, a PDF's where it prints them;
    its pending tracked changes are read as accepted, and a PDF printed with the markup shows
    the deleted text too. Where a Word file and a PDF are compared, a note says which of these
    the Word file holds, whichever side it is on (benchmarks/docx_vs_pdf.py: the endnotes of
    mammoth's endnotes.docx and the deleted field of Open-Xml-PowerTools' RP019 were changes
    said by nothing); a Word file with neither says nothing."""
    from tests.fixtures.docx.make_fixtures import HERE as FIXTURES
    from tests.readers.test_docx_text import footnote_doc

    pdf = _pdf(tmp_path / "round.pdf", "Draft", "Non-paper", PDF_POINTS)
    noted = footnote_doc("Party A reserves its position.").build(tmp_path / "notes.docx")
    (note,) = _notes(noted, pdf)
    assert "notes.docx (Word) is compared with round.pdf (PDF): its footnotes are read in its text" in note
    assert "tracked" not in note
    (note,) = _notes(pdf, noted)  # the Word file the newer one
    assert "its footnotes are read" in note
    (note,) = _notes(FIXTURES / "tracked.docx", pdf)
    assert "pending tracked changes" in note and "footnotes" not in note
    # How many and in which view: the Word draft's own note says it (readers.docx_tracked), not this.
    assert "read as accepted" not in note and "shows the deleted text as well" in note
    old, _ = read_pair(FIXTURES / "tracked.docx", pdf)
    assert [w.code for w in old.warnings if "read as accepted" in w.message] == ["tracked-changes"]
    assert _notes(_word(tmp_path / "plain.docx"), pdf) == []
    assert cli("diff", noted, pdf, "--strict").code == 3  # the comparison is not whole


def test_a_word_files_equations_and_unreadable_numbers_against_a_pdf_are_said(tmp_path: Path) -> None:
    """A Word file's equations are read as their text; a PDF draws them, its text holding none
    of them (Open-Xml-PowerTools' WC021: two equations deleted, said by nothing). Its list
    numbers in a form no text shows as a number ('00001|', 'First.') are read as words of the
    PDF's text (LIR011, FormattingAssembler Test02). Each is one note, saying where the first
    stands, located there when the Word file is the newer draft; readable numbers say nothing."""
    from tests.fixtures.docx import make_fixtures as fx
    from tests.hostile.test_deception import Doc

    math = "<m:oMath><m:r><m:t>A=πr</m:t></m:r></m:oMath>"
    body = fx.np("Scope", 1, 0) + fx.p(fx.r("The area is ") + math + fx.r(".")) + fx.np("Withdrawal", 1, 0)
    word = Doc(body).build(tmp_path / "math.docx")
    pdf = _pdf(tmp_path / "round.pdf", "Draft", "Non-paper", PDF_POINTS)
    (note,) = _notes(word, pdf)
    assert "math.docx (Word) is compared with round.pdf (PDF): its equations (1 provision(s), first" in note
    assert "'⟦equation: A=πr⟧') are read as their text; a PDF draws them" in note
    located = [w for w in read_pair(pdf, word)[1].warnings if "equations" in w.message]
    assert len(located) == 1 and located[0].location is not None and located[0].location.paragraph == 1

    ordinal = tmp_path / "ordinal.docx"
    document = docx.Document()
    for text in ("First. Hello", "Second. Goodbye", "1. Readable", "(a) Readable too"):
        document.add_paragraph(text)
    document.save(str(ordinal))
    assert _notes(ordinal, pdf) == []  # typed numbers are the text's own, in both formats
    ordinals = fx.numbering_xml(fx.abstract(1, fx.lvl(0, "ordinalText", "%1.")) + fx.num(1, 1))
    body = fx.np("Hello", 1, 0) + fx.np("Goodbye", 1, 0)
    words = fx.build_docx(tmp_path / "words.docx", body, numbering=ordinals)
    (note,) = _notes(words, pdf)
    assert "its list numbers in forms no text shows as a number ('First.', 'Second.': 2 provision(s)" in note


def test_a_word_files_text_boxes_against_a_pdf_are_said(tmp_path: Path) -> None:
    """A Word file's text box is read as paragraphs after the paragraph holding it; a PDF
    shows its text where the box stands (Open-Xml-PowerTools' WC065: 'Inside text box.' on
    the paragraph's last line, WC047: after the paragraphs around it, said by nothing)."""
    from tests.fixtures.docx import make_fixtures as fx
    from tests.hostile.test_deception import Doc, textbox_vml

    boxed = Doc(fx.p(fx.r("See the box.") + textbox_vml("Inside text box."))).build(tmp_path / "boxed.docx")
    pdf = _pdf(tmp_path / "round.pdf", "Draft", "Non-paper", PDF_POINTS)
    (note,) = _notes(boxed, pdf)
    assert "boxed.docx (Word) is compared with round.pdf (PDF): its text boxes are read as paragraphs" in note
    assert "pending tracked changes" not in note


def test_a_word_files_headings_nested_by_level_against_a_pdf_are_said(tmp_path: Path) -> None:
    """Word nests an unnumbered Heading 2 under the Heading 1 before it; a PDF shows the two
    levels only by their look, and its reader sets them side by side (Open-Xml-PowerTools'
    ReferenceAdder Test01: 'Heading2 Some More' moved, said by nothing). Headings of one level
    say nothing."""
    nested = docx.Document()
    nested.add_heading("Agreement", 0)
    for text, level in (("Scope", 1), ("Purpose", 2), ("Withdrawal", 1)):
        nested.add_heading(text, level)
        nested.add_paragraph("The parties shall cease fire.")
    nested.save(str(tmp_path / "nested.docx"))
    pdf = _pdf(tmp_path / "round.pdf", "Draft", "Non-paper", PDF_POINTS)
    (note,) = _notes(tmp_path / "nested.docx", pdf)
    assert "headings nest by their Word heading levels (1 under another, first at paragraph 4" in note
    assert "'Purpose'); a PDF shows those levels only by the headings' look" in note
    flat = docx.Document()
    flat.add_heading("Agreement", 0)
    for text in ("Scope", "Withdrawal"):
        flat.add_heading(text, 1)
        flat.add_paragraph("The parties shall cease fire.")
    flat.save(str(tmp_path / "flat.docx"))
    assert _notes(tmp_path / "flat.docx", pdf) == []


def test_a_word_files_header_read_as_text_in_its_pdf_is_said(tmp_path: Path) -> None:
    """The PDF reader leaves out what repeats on most pages; a one-page PDF's header and
    footer repeat nowhere and are read as text, where the Word file's are not read: the
    note quotes them (Open-Xml-PowerTools' FooterContent-built: 'Name: Write name here' was
    an added paragraph said by nothing). Where the PDF left them out, nothing is said."""
    word = _word(tmp_path / "round.docx", header="DRAFT – Round 3", footer="Non-paper")
    one_page = _pdf(tmp_path / "one.pdf", "DRAFT – Round 3", "Non-paper", PDF_POINTS[:1])
    (note,) = _notes(word, one_page)
    assert "its page headers and footers ('DRAFT – Round 3', 'Non-paper') are not read" in note
    assert _notes(word, _pdf(tmp_path / "three.pdf", "DRAFT – Round 3", "Non-paper", PDF_POINTS)) == []


def _sections(
    path: Path,
    header: str,
    *,
    title_page: bool = False,
    first: str | None = None,
    keep_first_part: bool = False,
) -> Path:
    """A Word file whose one section shows `header`, and where `title_page` (w:titlePg) its
    first page shows `first` (None: no first-page header of its own, an empty one in Word).
    `keep_first_part`: the first-page header part is written, titlePg off."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = header
    if first is not None:
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = first
    section.different_first_page_header_footer = title_page
    for text in BODY:
        document.add_paragraph(text)
    document.save(str(path))
    if keep_first_part:
        assert first is not None and not title_page
    return path


def test_a_first_page_header_switched_on_or_off_is_said(tmp_path: Path) -> None:
    """w:titlePg gives the first page its own header — the section's first-page one, or none
    where it has none (Word then shows an empty header there). Switching it is a change of
    what the first page shows: said. The first-page part alone, titlePg off, is not shown."""
    plain = _sections(tmp_path / "plain.docx", "DRAFT – Round 3")
    blank_first = _sections(tmp_path / "blank.docx", "DRAFT – Round 3", title_page=True)
    (note,) = _notes(plain, blank_first)
    assert "page headers differ (none → 'first page: (none)')" in note
    cover = _sections(tmp_path / "cover.docx", "DRAFT – Round 3", title_page=True, first="Cover page")
    (note,) = _notes(plain, cover)
    assert "page headers differ (none → 'first page: Cover page')" in note
    unshown = _sections(
        tmp_path / "unshown.docx", "DRAFT – Round 3", first="Cover page", keep_first_part=True
    )
    with zipfile.ZipFile(unshown) as z:
        assert sum(n.startswith("word/header") for n in z.namelist()) == 2  # the part is there
    assert _notes(plain, unshown) == []  # and Word does not show it
    (note,) = _notes(unshown, cover)
    assert "'first page: Cover page'" in note


def test_a_first_page_header_like_the_others_is_no_difference(tmp_path: Path) -> None:
    plain = _sections(tmp_path / "plain.docx", "DRAFT")
    same = _sections(tmp_path / "same.docx", "DRAFT", title_page=True, first="DRAFT")
    assert _notes(plain, same) == []


def test_a_word_files_headings_read_as_text_in_a_pdf_are_said(tmp_path: Path) -> None:
    """A Word file's unnumbered heading that the PDF's reader reads as text (a heading alone
    on its page, one in brackets or Chinese, one ending in a stop: Open-Xml-PowerTools'
    RP037, TaskPlanTemplate, HC022, said by nothing) is said, located when the Word file
    is the newer draft; a heading the PDF does not hold at all is a change, not a note."""
    from tests.readers.test_pdf import column, raw_pdf

    word = docx.Document()
    word.add_heading("Agreement", 0)
    word.add_heading("Scope of the agreement.", 1)
    word.add_paragraph("The parties shall cease fire.")
    word.save(str(tmp_path / "heads.docx"))
    pdf = tmp_path / "heads.pdf"
    pdf.write_bytes(
        raw_pdf(
            [column(72, 700, ["Agreement", "Scope of the agreement.", "The parties shall cease fire."], 30)]
        )
    )
    (note,) = _notes(tmp_path / "heads.docx", pdf)
    assert (
        "its unnumbered headings (1, first at paragraph 2 of the Word file: 'Scope of the agreement.')"
        in note
    )
    located = [
        w for w in read_pair(pdf, tmp_path / "heads.docx")[1].warnings if "unnumbered headings" in w.message
    ]
    assert len(located) == 1 and located[0].location is not None and located[0].location.paragraph == 2
    other = _pdf(tmp_path / "round.pdf", "Draft", "Non-paper", PDF_POINTS)
    assert _notes(tmp_path / "heads.docx", other) == []


def test_a_word_files_cells_read_as_one_line_in_a_pdf_are_said(tmp_path: Path) -> None:
    """Cells of a table without borders stand close on the PDF's page, and its reader reads
    a row as one line ('NAME:' | 'Eric White' read 'NAME: Eric White': Open-Xml-PowerTools'
    HtmlConverter Test-02, python-docx's tbl-props): said; cells read apart say nothing."""
    from tests.readers.test_pdf import raw_pdf

    word = docx.Document()
    word.add_paragraph("Weekly assignments")
    row = word.add_table(rows=1, cols=2).rows[0]
    row.cells[0].text, row.cells[1].text = "NAME:", "Eric White"
    word.save(str(tmp_path / "cells.docx"))
    pdf = tmp_path / "cells.pdf"
    pdf.write_bytes(
        raw_pdf([[(72, 730, "Weekly assignments"), (72, 700, "NAME:"), (110, 700, "Eric White")]])
    )
    note = [n for n in _notes(tmp_path / "cells.docx", pdf) if "table cells" in n]
    assert "its table cells are paragraphs of their own" in note[-1]
    assert (
        len(note) == 1
        and "(1 pair(s) of cells, first at paragraph 2 of the Word file: 'NAME: Eric White')" in note[0]
    )
    apart = tmp_path / "apart.pdf"
    apart.write_bytes(
        raw_pdf([[(72, 730, "Weekly assignments"), (72, 700, "NAME:"), (72, 670, "Eric White")]])
    )
    assert not [n for n in _notes(tmp_path / "cells.docx", apart) if "table cells" in n]


def test_a_word_files_listnum_fields_against_a_pdf_are_said(tmp_path: Path) -> None:
    """A LISTNUM field is read as the number Word shows ('1)'); LibreOffice shows none, so its
    PDF has no number there (Open-Xml-PowerTools' HC048, RP026: silent). Said, with how many
    and where the first stands."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    word = docx.Document()
    word.add_paragraph("The parties met.")
    for text in ("The parties cease fire.", "Forces withdraw."):
        paragraph = word.add_paragraph()
        run = paragraph.add_run()._r
        begin, instruction, end = (
            OxmlElement("w:fldChar"),
            OxmlElement("w:instrText"),
            OxmlElement("w:fldChar"),
        )
        begin.set(qn("w:fldCharType"), "begin")
        end.set(qn("w:fldCharType"), "end")
        instruction.text = " LISTNUM "  # no result: Word computes the number as it shows the page
        run.extend((begin, instruction, end))
        paragraph.add_run(" " + text)
    word.save(str(tmp_path / "listnum.docx"))
    pdf = _pdf(tmp_path / "round.pdf", "Draft", "Non-paper", PDF_POINTS)
    (note,) = _notes(tmp_path / "listnum.docx", pdf)
    assert (
        "its LISTNUM fields (2, first at paragraph 2 of the Word file) are read as the numbers Word" in note
    )
    located = [w for w in read_pair(pdf, tmp_path / "listnum.docx")[1].warnings if "LISTNUM" in w.message]
    assert len(located) == 1 and located[0].location is not None and located[0].location.paragraph == 2
