"""Deleted objects, notes and equations in the DOCX redline (issue 12 item 4): an image or a
footnote the new draft no longer has comes back from the old package as a deleted run, its
parts copied under fresh names, so that reject-all restores the old draft exactly; an
equation is one unit (`⟦equation: …⟧`), tracked inside its math runs as Word does."""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from draftkit.compare import compare
from draftkit.errors import InputError
from draftkit.model import Draft
from draftkit.readers import read
from draftkit.render import redline
from draftkit.render.docx_redline import render_docx
from draftkit.render.wml import Revision, RevisionIds, mark_math, resolve_revisions
from tests.fixtures.docx import make_fixtures as fx
from tests.hostile.test_deception import (
    REL,
    Doc,
    _image_doc,
    article,
    form_field,
    image_run,
    notes,
    png,
    sentence,
)
from tests.render.test_docx_redline import check_views
from tests.wmlops import read_part, reject_all, w


def _redline(old: Doc, new: Doc, tmp: Path) -> tuple[bytes, object]:
    comparison = compare(read(old.build(tmp / "old.docx")), read(new.build(tmp / "new.docx")))
    assert any(c.is_change for c in comparison.changes)
    data = render_docx(comparison)
    check_views(comparison, data, tmp)  # type: ignore[arg-type]
    return data, comparison


def _names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.namelist()


def _part(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name)


def _comments(data: bytes) -> str:
    if "word/comments.xml" not in _names(data):
        return ""
    return " ".join(t.text or "" for t in read_part(data, "word/comments.xml").iter(w("t")))


def _deleted(element_tag: str, data: bytes) -> list[object]:
    body = read_part(data, "word/document.xml")
    return [e for e in body.iter(w(element_tag)) if any(a.tag == w("del") for a in e.iterancestors())]


def test_a_deleted_image_comes_back_on_reject(tmp_path: Path) -> None:
    old = _image_doc((200, 30, 30))
    new = Doc(article(fx.r(sentence("may"))))
    data, _ = _redline(old, new, tmp_path)
    assert len(_deleted("drawing", data)) == 1
    # The image's bytes, copied from the old package, under the name it had (free here).
    assert _part(data, "word/media/map.png") == png((200, 30, 30))
    assert "not shown as a tracked deletion" not in _comments(data)


def test_a_changed_image_keeps_both_parts_apart(tmp_path: Path) -> None:
    """The new draft's image holds the old one's part name: the old one is copied beside it."""
    data, _ = _redline(_image_doc((200, 30, 30)), _image_doc((30, 200, 30)), tmp_path)
    assert _part(data, "word/media/map.png") == png((30, 200, 30))
    assert _part(data, "word/media/map-old1.png") == png((200, 30, 30))
    (drawing,) = _deleted("drawing", data)
    blip = next(drawing.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip"))  # type: ignore[attr-defined]
    rels = _part(data, "word/_rels/document.xml.rels").decode()
    rel_id = blip.get(f"{{{REL}}}embed")
    assert f'Id="{rel_id}"' in rels and "media/map-old1.png" in rels


def test_the_same_image_deleted_in_one_place_is_shared_not_copied(tmp_path: Path) -> None:
    """Old: the image twice; new: once. The deleted one refers to the part already there."""
    twice = article(fx.r(sentence()) + image_run("rIdImg")) + fx.p(fx.r("See the map.") + image_run("rIdImg"))
    related = (("rIdImg", f"{REL}/image", "media/map.png", png((200, 30, 30))),)
    once = article(fx.r(sentence()) + image_run("rIdImg")) + fx.p(fx.r("See the map."))
    data, _ = _redline(Doc(twice, related=related), Doc(once, related=related), tmp_path)
    assert [n for n in _names(data) if n.startswith("word/media/")] == ["word/media/map.png"]
    assert len(_deleted("drawing", data)) == 1


def _two_notes(first: str, second: str | None) -> Doc:
    ref = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{}"/></w:r>'
    body = article(fx.r(sentence()) + ref.format(1))
    xml = notes("footnotes", first)
    if second is not None:
        body += fx.p(fx.r("The Parties shall report monthly.") + ref.format(2))
        extra = (
            f'<w:footnote w:id="2">{fx.p("<w:r><w:footnoteRef/></w:r>" + fx.r(" " + second))}</w:footnote>'
        )
        xml = xml.replace("</w:footnotes>", extra + "</w:footnotes>")
    else:
        body += fx.p(fx.r("The Parties shall report monthly."))
    return Doc(body, footnotes=xml)


def test_a_deleted_footnote_comes_back_on_reject(tmp_path: Path) -> None:
    old = _two_notes("Party A reserves its position.", "Party B reserves the Drava Corridor.")
    new = _two_notes("Party A reserves its position.", None)
    data, _ = _redline(old, new, tmp_path)
    (ref,) = _deleted("footnoteReference", data)
    footnotes = read_part(data, "word/footnotes.xml")
    note = next(n for n in footnotes.iter(w("footnote")) if n.get(w("id")) == ref.get(w("id")))  # type: ignore[attr-defined]
    assert "Drava Corridor" in "".join(t.text or "" for t in note.iter(w("t")))
    # Rejected, the deleted reference refers to the copied note; the kept one to its own.
    refs = [
        r.get(w("id")) for r in reject_all(read_part(data, "word/document.xml")).iter(w("footnoteReference"))
    ]
    assert refs == ["1", ref.get(w("id"))]  # type: ignore[attr-defined]


def test_a_footnote_deleted_where_the_new_draft_has_none_makes_the_part(tmp_path: Path) -> None:
    old = _two_notes("Party A reserves its position.", None)
    new = Doc(article(fx.r(sentence())) + fx.p(fx.r("The Parties shall report monthly.")))
    data, _ = _redline(old, new, tmp_path)
    assert "word/footnotes.xml" in _names(data)
    assert "footnotes+xml" in _part(data, "[Content_Types].xml").decode()
    assert "relationships/footnotes" in _part(data, "word/_rels/document.xml.rels").decode()
    types = [n.get(w("type")) for n in read_part(data, "word/footnotes.xml").iter(w("footnote"))]
    assert types == ["separator", "continuationSeparator", None]
    assert len(_deleted("footnoteReference", data)) == 1


def test_an_old_draft_changed_after_reading_is_refused(tmp_path: Path) -> None:
    comparison = compare(
        read(_image_doc((200, 30, 30)).build(tmp_path / "old.docx")),
        read(Doc(article(fx.r(sentence("may")))).build(tmp_path / "new.docx")),
    )
    _image_doc((30, 30, 200)).build(tmp_path / "old.docx")
    with pytest.raises(InputError, match="changed"):
        render_docx(comparison)


def test_an_object_that_cannot_be_carried_is_named_never_written_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the old package (no carrier), a deleted image is left out and a comment
    names it — a limit, said where the reader looks."""

    def nothing(old: Draft, base: object) -> None:
        return None

    monkeypatch.setattr(redline.Carrier, "of", nothing)
    comparison = compare(
        read(_image_doc((200, 30, 30)).build(tmp_path / "old.docx")),
        read(Doc(article(fx.r(sentence("may")))).build(tmp_path / "new.docx")),
    )
    data = render_docx(comparison)
    said = _comments(data)
    assert "image sha256:" in said and "not shown as a tracked deletion" in said
    assert not _deleted("drawing", data)


# ------------------------------------------------------------------------------ form fields


def test_another_entry_of_a_drop_down_is_a_word_revision(tmp_path: Path) -> None:
    """The redline shows the entry a drop-down form field shows as text (the inert pass would
    leave the field empty: it keeps no result), so its change is a word-level revision."""

    def doc(chosen: int) -> Doc:
        return Doc(article(fx.r("The Parties ") + form_field(("shall", "may"), chosen) + fx.r(" withdraw.")))

    data, _ = _redline(doc(0), doc(1), tmp_path)
    body = read_part(data, "word/document.xml")
    assert [t.text for t in body.iter(w("delText"))] == ["shall"]
    assert [t.text for e in body.iter(w("ins")) for t in e.iter(w("t"))] == ["may"]
    assert next(body.iter(w("ffData")), None) is None


def test_a_macro_button_shows_its_display_text_in_the_redline(tmp_path: Path) -> None:
    """A MACROBUTTON field's display text is what the reader reads; the inert pass takes the
    field out (it could run a macro) and keeps its result, which it has none of: the redline
    shows the display text as a plain run, so a changed one is a word revision."""

    def doc(modal: str, simple: bool) -> Doc:
        code = f" MACROBUTTON NoMacro {modal} "
        field = f'<w:fldSimple w:instr="{code}"/>' if simple else fx.BEGIN + fx.instr(code) + fx.END
        return Doc(article(fx.r("The Parties ") + field + fx.r(" withdraw.")))

    for simple in (False, True):
        data, _ = _redline(doc("shall", simple), doc("may", simple), tmp_path)
        body = read_part(data, "word/document.xml")
        assert [t.text for t in body.iter(w("delText"))] == ["shall"]
        assert [t.text for e in body.iter(w("ins")) for t in e.iter(w("t"))] == ["may"]
        assert next(body.iter(w("instrText")), None) is None and next(body.iter(w("fldSimple")), None) is None


# ------------------------------------------------------------------------------ equations

M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"


def _equation(*runs: str) -> str:
    """An equation paragraph: m:oMathPara with one m:oMath of plain runs and a superscript."""
    body = "".join(f"<m:r><m:t>{text}</m:t></m:r>" for text in runs)
    sup = "<m:sSup><m:sSupPr><m:ctrlPr><w:rPr><w:i/></w:rPr></m:ctrlPr></m:sSupPr>"
    sup += "<m:e><m:r><m:t>r</m:t></m:r></m:e><m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup>"
    return fx.p(f"<m:oMathPara><m:oMath>{body}{sup}</m:oMath></m:oMathPara>")


def _math_doc(*runs: str) -> Doc:
    return Doc(
        article(fx.r(sentence())) + (_equation(*runs) if runs else "") + fx.p(fx.r("Paragraph after."))
    )


def _tracked_runs(data: bytes) -> dict[str, list[str]]:
    """Per revision kind, the math text tracked inside math runs (Word's form)."""
    out: dict[str, list[str]] = {"ins": [], "del": []}
    for run in read_part(data, "word/document.xml").iter(f"{M}r"):
        for mark in run:
            if mark.tag in (w("ins"), w("del")):
                out[mark.tag.split("}")[1]].append("".join(t.text or "" for t in mark.iter(f"{M}t")))
    return out


def test_an_inserted_equation_is_tracked_inside_as_word_does(tmp_path: Path) -> None:
    data, comparison = _redline(_math_doc(), _math_doc("A=", "π"), tmp_path)
    assert "⟦equation: A=πr^(2)⟧" in " ".join(p.text for p in comparison.new.walk())  # type: ignore[attr-defined]
    assert _tracked_runs(data) == {"ins": ["A=", "π", "r", "2"], "del": []}
    body = read_part(data, "word/document.xml")
    # Never a revision around the equation itself; its control character marked in m:ctrlPr.
    assert all(e.getparent().tag not in (w("ins"), w("del")) for e in body.iter(f"{M}oMathPara"))
    assert next(body.iter(f"{M}ctrlPr")).find(w("ins")) is not None


def test_a_deleted_equation_comes_back_on_reject(tmp_path: Path) -> None:
    data, _ = _redline(_math_doc("A=", "π"), _math_doc(), tmp_path)
    assert _tracked_runs(data) == {"ins": [], "del": ["A=", "π", "r", "2"]}


def test_a_changed_equation_is_the_old_deleted_and_the_new_inserted(tmp_path: Path) -> None:
    data, _ = _redline(_math_doc("A=", "π"), _math_doc("A=", "2", "π"), tmp_path)
    tracked = _tracked_runs(data)
    assert tracked == {"ins": ["A=", "2", "π", "r", "2"], "del": ["A=", "π", "r", "2"]}


def test_the_reader_reads_an_equation_word_tracked_in_each_view(tmp_path: Path) -> None:
    inserted = '<m:r><w:ins w:id="7" w:author="A" w:date="2026-01-01T00:00:00Z"><m:t>2</m:t></w:ins></m:r>'
    paragraph = fx.p(f"<m:oMath><m:r><m:t>A=</m:t></m:r>{inserted}<m:r><m:t>πr</m:t></m:r></m:oMath>")
    path = Doc(article(fx.r(sentence())) + paragraph).build(tmp_path / "tracked.docx")
    texts = {view: " ".join(p.text for p in read(path, view=view).walk()) for view in ("accept", "original")}  # type: ignore[arg-type]
    assert "⟦equation: A=2πr⟧" in texts["accept"] and "⟦equation: A=πr⟧" in texts["original"]


def test_an_equation_inserted_whole_and_rejected_is_gone() -> None:
    root = etree.fromstring(
        f'<w:body xmlns:w="{w("x")[1:-2]}" xmlns:m="{M[1:-1]}"><w:p><m:oMath><m:r><m:t>x</m:t></m:r>'
        "</m:oMath></w:p></w:body>"
    )
    math = next(root.iter(f"{M}oMath"))
    mark_math(math, "ins", RevisionIds(), Revision("t", "2026-01-01T00:00:00Z"))
    rejected = copy.deepcopy(root)
    resolve_revisions(rejected, "original")
    assert next(rejected.iter(f"{M}oMath"), None) is None
    accepted = copy.deepcopy(root)
    resolve_revisions(accepted, "accept")
    assert [t.text for t in accepted.iter(f"{M}t")] == ["x"] and not list(accepted.iter(w("ins")))


def test_a_diagram_is_identified_by_its_data_not_its_drawing_id() -> None:
    """The relationship id by which a diagram's data names its cached drawing is plumbing:
    a diagram carried into a redline beside another gets a new one and is the same diagram."""
    from draftkit.readers.docx_text import diagram_digest

    data = (
        b'<dgm:dataModel xmlns:dgm="urn:d"><dgm:ptLst/><dgm:extLst><a:ext xmlns:a="urn:a" uri="x">'
        b'<dsp:dataModelExt xmlns:dsp="urn:s" relId="rId8" minVer="urn:v"/></a:ext></dgm:extLst></dgm:dataModel>'
    )
    assert diagram_digest(data) == diagram_digest(data.replace(b"rId8", b"rId11"))
    assert diagram_digest(data) != diagram_digest(
        data.replace(b"<dgm:ptLst/>", b"<dgm:ptLst><dgm:pt/></dgm:ptLst>")
    )


def test_note_ids_ascend_in_reference_order_when_the_first_is_deleted(tmp_path: Path) -> None:
    """LibreOffice gives notes' contents to references in ascending id order: the carried
    note's id is put in its reference's place, the kept note's follows."""
    old = _two_notes("Party A reserves its position.", "Party B reserves the Drava Corridor.")
    body = article(fx.r(sentence())) + fx.p(
        fx.r("The Parties shall report monthly.")
        + '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
    )
    new = Doc(body, footnotes=notes("footnotes", "Party B reserves the Drava Corridor."))
    data, _ = _redline(old, new, tmp_path)
    refs = [
        int(r.get(w("id")) or 0) for r in read_part(data, "word/document.xml").iter(w("footnoteReference"))
    ]
    assert len(refs) == 2 and refs == sorted(refs)
    listed = [int(n.get(w("id")) or 0) for n in read_part(data, "word/footnotes.xml").iter(w("footnote"))]
    assert listed == sorted(listed)


def test_a_word_inserted_before_a_note_reference_leaves_the_reference_alone(tmp_path: Path) -> None:
    """Found editing mammoth's endnotes.docx (benchmarks/real_edits.py): a number typed before
    a note reference, in the run before it ("." → ". 600,000"). The insertion took the
    reader's padding space before the note's placeholder, and with it the reference: rejected,
    the old draft lost its note."""
    ref = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
    old = Doc(article(fx.r("The Parties shall withdraw.") + ref), footnotes=notes("footnotes", "As agreed."))
    new = Doc(
        article(fx.r("The Parties shall withdraw. 600,000") + ref), footnotes=notes("footnotes", "As agreed.")
    )
    data, _ = _redline(old, new, tmp_path)
    assert _deleted("footnoteReference", data) == []
    inserted = [e for e in read_part(data, "word/document.xml").iter(w("footnoteReference"))
                if any(a.tag == w("ins") for a in e.iterancestors())]  # fmt: skip
    assert inserted == []


def test_a_deleted_heading_with_no_relative_keeps_its_heading_style(tmp_path: Path) -> None:
    """Found editing Open-Xml-PowerTools' RP037-Changed-Style-Para-Props.docx
    (benchmarks/real_edits.py): the document's one unnumbered heading deleted. With no other
    heading to copy the layout of, it came back as a plain paragraph, and reject-all read
    it as text, not as the heading it was. Its old paragraph's properties are taken now."""
    styles = fx.styles_xml(
        fx.style("Normal", "Normal", default=True)
        + fx.style("Heading1", "heading 1", '<w:outlineLvl w:val="0"/>', based_on="Normal")
    )
    text = fx.p(fx.r("The Parties agree.")) + fx.p(fx.r("The Parties shall report monthly."))
    old = Doc(text + fx.sp("Final provisions", "Heading1"), styles=styles)
    new = Doc(text, styles=styles)
    _redline(old, new, tmp_path)  # check_views: reject-all reads back the heading as a heading


@pytest.mark.parametrize("old_title", ["Framework draft 3", None])
def test_a_title_only_in_the_document_properties_is_said_not_dropped(
    old_title: str | None, tmp_path: Path
) -> None:
    """Word tracks no change to the document properties: a title that stands only there and
    changed is named in a comment (it was left out of the redline in silence)."""
    body = fx.p(fx.r("1. The Parties shall withdraw.")) + fx.p(fx.r("2. Monitoring begins."))
    old = read(fx.build_docx(tmp_path / "old.docx", body, title=old_title))
    new = read(fx.build_docx(tmp_path / "new.docx", body, title="Framework draft 4 (final)"))
    assert (old.title, new.title) == (old_title, "Framework draft 4 (final)")
    comparison = compare(old, new)
    said = _comments(render_docx(comparison))
    assert "The title changed where the redline cannot mark it" in said
    assert f"“{old_title or 'none'}” → “Framework draft 4 (final)”" in said
    assert _comments(render_docx(compare(new, new))) == ""  # no change: nothing said


def test_a_preamble_line_added_before_a_section_break_is_marked_inserted(tmp_path: Path) -> None:
    """Found editing Open-Xml-PowerTools' RA001-Tracked-Revisions-01.docx
    (benchmarks/real_edits.py): a line moved into the preamble, before a section break and
    the preamble's one line. Its inserted mark was planned as joining it to that line, which
    cannot be done across the break, so nothing was marked and reject-all read the new
    preamble. A wholly new paragraph goes whole when rejected: it joins nothing."""
    section = fx.p(ppr='<w:sectPr><w:pgSz w:w="11909" w:h="16834"/></w:sectPr>')
    clauses = fx.p(fx.r("1. The Parties shall withdraw.")) + fx.p(fx.r("2. Monitoring begins."))
    old = read(fx.build_docx(tmp_path / "old.docx", section + fx.p(fx.r("Agreed:")) + clauses))
    body = fx.p(fx.r("Reference documents:")) + section + fx.p(fx.r("Agreed:")) + clauses
    new = read(fx.build_docx(tmp_path / "new.docx", body))
    assert (old.preamble, new.preamble) == (("Agreed:",), ("Reference documents:", "Agreed:"))
    comparison = compare(old, new)
    for moves in (False, True):
        check_views(comparison, render_docx(comparison, moves=moves), tmp_path)


def test_a_preamble_change_that_cannot_be_lined_up_is_said_not_dropped(tmp_path: Path) -> None:
    """A preamble line split in two across a section break: rejecting the new paragraph
    mark would join paragraphs a section break stands between, so no revision is planned;
    it was left out in silence, and is now named in a comment like a preamble not found."""
    section = fx.p(ppr='<w:sectPr><w:pgSz w:w="11909" w:h="16834"/></w:sectPr>')
    clauses = fx.p(fx.r("1. The Parties shall withdraw.")) + fx.p(fx.r("2. Monitoring begins."))
    title = fx.p(fx.r("FRAMEWORK AGREEMENT"))
    old = read(fx.build_docx(tmp_path / "old.docx", title + fx.p(fx.r("Agreed by the Parties:")) + clauses))
    new_body = title + fx.p(fx.r("Agreed")) + section + fx.p(fx.r("by the Parties:")) + clauses
    new = read(fx.build_docx(tmp_path / "new.docx", new_body))
    assert (old.preamble, new.preamble) == (("Agreed by the Parties:",), ("Agreed", "by the Parties:"))
    said = _comments(render_docx(compare(old, new)))
    assert "The preamble changed where the redline cannot mark it" in said


def test_an_old_equation_carried_into_a_deletion_leaves_its_bookmarks_behind(tmp_path: Path) -> None:
    """Found editing Open-Xml-PowerTools' WC012-Math-After.docx: a bookmark inside the
    equation. The old equation copied into the deletion kept it, and its w:id was also the
    new equation's bookmark's: ids repeated. The old file's range markers name nothing in
    the redline and are left out of the copy."""

    def doc(*runs: str) -> Doc:
        marked = (
            _equation(*runs)
            .replace("<m:oMath>", '<m:oMath><w:bookmarkStart w:id="1" w:name="formula"/>')
            .replace("</m:oMath>", '<w:bookmarkEnd w:id="1"/></m:oMath>')
        )
        return Doc(article(fx.r(sentence())) + marked + fx.p(fx.r("Paragraph after.")))

    data, _ = _redline(doc("A=", "π"), doc("A=", "2", "π"), tmp_path)  # check_markup: ids unique
    assert _tracked_runs(data) == {"ins": ["A=", "2", "π", "r", "2"], "del": ["A=", "π", "r", "2"]}


def test_text_laid_out_after_a_heading_by_outline_level_is_no_heading(tmp_path: Path) -> None:
    """Found editing Open-Xml-PowerTools' DB006-Source3.docx: headings by an outline level
    of their own (no heading style), the nearest relative of a deleted heading with its text
    a heading without text. Its text paragraph copied the heading's properties less the
    style and numbering, the outline level kept: reject-all read the text as a heading."""
    heading = '<w:outlineLvl w:val="1"/>'
    intro = fx.p(fx.r("1. The Parties shall withdraw.")) + fx.p(fx.r("2. Monitoring begins."))
    kept = fx.p(fx.r("Create an Item"), heading) + fx.p(fx.r("Delete an Item"), heading)
    gone = fx.p(fx.r("Query a List"), heading) + fx.p(fx.r("using System; query the list."))
    old = read(fx.build_docx(tmp_path / "old.docx", intro + gone + kept))
    new = read(fx.build_docx(tmp_path / "new.docx", intro + kept))
    assert [(p.heading, p.text) for p in old.walk()][2] == ("Query a List", "using System; query the list.")
    comparison = compare(old, new)
    for moves in (False, True):
        check_views(comparison, render_docx(comparison, moves=moves), tmp_path)


def test_a_moved_paragraph_with_words_added_is_moved_whole(tmp_path: Path) -> None:
    """Found editing DB006-Source3.docx: a paragraph moved with words added, ending in a
    line break and a no-break space outside its text. Only its text was marked moved, so
    rejecting left the no-break space there, joined to the next paragraph, whose
    properties then depended on the word processor. Every run of it is marked moved now."""
    tail, centred = "<w:r><w:br/><w:t>\u00a0</w:t></w:r>", '<w:jc w:val="center"/>'
    a, c, d = (
        fx.p(fx.r(t)) for t in ("The Parties shall withdraw.", "Monitoring begins.", "The ceasefire holds.")
    )
    moved_old = fx.p(fx.r("The monitors shall report monthly.") + tail, centred)
    moved_new = fx.p(fx.r("The monitors shall report monthly to the Parties.") + tail, centred)
    end = fx.p(ppr='<w:spacing w:after="0"/>')
    old = read(fx.build_docx(tmp_path / "old.docx", a + moved_old + c + d + end))
    new = read(fx.build_docx(tmp_path / "new.docx", a + c + d + moved_new + end))
    comparison = compare(old, new)
    assert [change.moved for change in comparison.changes] == [False, False, False, True]
    check_views(comparison, render_docx(comparison, moves=True), tmp_path)


def test_a_preamble_line_numbered_by_a_listnum_field_is_found_to_insert(tmp_path: Path) -> None:
    """Found moving a paragraph in Open-Xml-PowerTools' RP026-NumberingChange.docx: a
    LISTNUM field numbers a line the reader reads as preamble ("1)You can…", no space after
    the number). The field's number is no text of the paragraph, so the line was not found,
    and the new preamble stood in both views (said in a comment). The paragraph is found
    whole now, and inserted whole."""
    field = fx.BEGIN + fx.instr(" LISTNUM \\l 1 ") + fx.END
    clauses = fx.p(fx.r("1. The Parties shall withdraw.")) + fx.p(fx.r("2. Monitoring begins."))
    old = read(fx.build_docx(tmp_path / "old.docx", clauses))
    new = read(
        fx.build_docx(tmp_path / "new.docx", fx.p(field + fx.r("You can also type a keyword.")) + clauses)
    )
    assert (old.preamble, new.preamble) == ((), ("1)You can also type a keyword.",))
    comparison = compare(old, new)
    data = render_docx(comparison)
    check_views(comparison, data, tmp_path)
    assert _comments(data) == ""


def test_spaces_after_a_line_go_on_with_its_end_when_a_paragraph_after_it_goes(tmp_path: Path) -> None:
    """Found editing Open-Xml-PowerTools' RP038-Inserted-Paras-at-End.docx: a provision's
    first line ends with a run of spaces (not text to the reader); the paragraph after it
    deleted and a number added at the line's end. The new words follow the deleted
    paragraph in the op stream, so they moved on into a paragraph after it, and the spaces,
    left behind, stood inside the joined line on accepting ('service.   600,000')."""

    def doc(edited: bool) -> Doc:
        line = "z)\tUntil 1 January 2019, the band is shared with the maritime service."
        first = fx.p(fx.r(line + (" 600,000" if edited else "")) + fx.r("  "))
        second = "" if edited else fx.p(fx.r("From that date the channels are split into two parts."))
        last = fx.p(fx.r("The band plan is in Recommendation M.1084."))
        return Doc(fx.p(fx.r("y)\tThe Conference decides as follows.")) + first + second + last + fx.p())

    _redline(doc(False), doc(True), tmp_path)


BAND = "Until 1 January 2019, the band is shared with the maritime service."
CHANNELS = "From that date the channels are split into two parts [VDES]."
# Old and new paragraphs (text, trailing spaces) of a split whose new break stands after a line
# ending in a run of spaces (not text to the reader).
SPACES_BEFORE_A_NEW_BREAK = {
    # One line cut in two within a point: the spaces end the first half.
    "line": ([(f"y)\t{BAND} {CHANNELS}", "")], [(f"y)\t{BAND}", "  "), (CHANNELS, "")]),
    # A point split into two points.
    "point": ([(f"y)\t{BAND} {CHANNELS}", "")], [(f"y)\t{BAND}", "  "), (f"z)\t{CHANNELS}", "")]),
    # Real_edits' shape (seed 5): the point's second paragraph deleted, its first copied after
    # it with a word added; the old second paragraph's last '.' is the copy's.
    "copied": (
        [(f"y)\t{BAND}", "  "), (CHANNELS, "")],
        [(f"y)\t{BAND} guarantee", "  "), (f"z)\t{BAND}", "  ")],
    ),
}


@pytest.mark.parametrize("shape", sorted(SPACES_BEFORE_A_NEW_BREAK))
def test_spaces_after_a_line_before_a_new_break_are_new_text(shape: str, tmp_path: Path) -> None:
    """Open-Xml-PowerTools' RP038-Inserted-Paras-at-End-Accepted in real_edits (seed 5): a
    line ending in a run of spaces, and a paragraph break after it that the old text did not
    have. Rejecting joins the line's paragraph to the next, and the spaces, untracked, stood
    inside the old line ('[VDES]  .'). They are inserted now: the old view has no break there."""
    last = fx.p(fx.r("x)\tThe band plan is in Recommendation M.1084.")) + fx.p()

    def doc(paragraphs: list[tuple[str, str]]) -> Doc:
        return Doc(
            "".join(fx.p(fx.r(text) + (fx.r(spaces) if spaces else "")) for text, spaces in paragraphs) + last
        )

    old_paragraphs, new_paragraphs = SPACES_BEFORE_A_NEW_BREAK[shape]
    comparison = compare(
        read(doc(old_paragraphs).build(tmp_path / "old.docx")),
        read(doc(new_paragraphs).build(tmp_path / "new.docx")),
    )
    for moves in (False, True):
        check_views(comparison, render_docx(comparison, moves=moves), tmp_path)


def test_an_emptied_numbered_paragraph_at_the_end_of_the_new_file_goes(tmp_path: Path) -> None:
    """Found editing Open-Xml-PowerTools' FA/RevTracking/002-DeletedNumberedParagraphs.docx:
    its numbered paragraphs are tracked as deleted, marks too; the paragraph after them
    deleted, they end the body. The reader drops such a paragraph (nothing to join it to,
    nothing shown), but resolving the new file's changes kept the last one, empty with its
    number: accept-all read an empty numbered provision, reject-all lost the text before it."""
    gone = '<w:rPr><w:del w:id="{}" w:author="e" w:date="2020-02-06T11:21:00Z"/></w:rPr>'

    def deleted(text: str, n: int) -> str:
        return fx.p(fx.dele(fx.dr(text), rev=n + 1), fx.num_pr(1) + gone.format(n))

    items = deleted("When you click Online Video, paste the code.", 20) + deleted(
        "For example, add a cover page.", 30
    )
    old = Doc(fx.p(fx.r("This is text before.")) + items + fx.p(fx.r("This is text after.")))
    new = Doc(fx.p(fx.r("This is text before.")) + items)
    _redline(old, new, tmp_path)


@pytest.mark.parametrize("in_table", [False, True])
def test_a_deleted_heading_keeps_its_own_style_not_its_relatives(in_table: bool, tmp_path: Path) -> None:
    """Found editing Open-Xml-PowerTools' HtmlConverter01 Test-05.docx and RP052 (real_edits,
    seeds 1 and 2): a résumé laid out in a table cell, an unnumbered heading deleted. It came
    back laid out like the nearest heading (another style: there a 'Location' line, read back
    as text), not as the heading it was: its old paragraph was not looked for in a cell, and
    a relative's layout took the place of its own heading style."""
    styles = fx.styles_xml(
        fx.style("Normal", "Normal", default=True)
        + fx.style("Heading1", "heading 1", '<w:outlineLvl w:val="0"/>', based_on="Normal")
        + fx.style("Heading2", "heading 2", '<w:outlineLvl w:val="1"/>', based_on="Normal")
    )

    def doc(dropped: str) -> Doc:
        content = (
            fx.sp("Corporate Systems Management", "Heading2")
            + fx.p(fx.r("Systems Manager, 1987 to 1989"))
            + fx.sp("Telephone Company Positions", "Heading2")
            + fx.p(fx.r("Student Director, Computer Science Lab, 1981 to 1984"))
            + dropped
            + fx.p(fx.r("International Reading Association"))
        )
        return Doc(
            fx.p(fx.r("Diane White")) + (fx.tbl([[content]]) if in_table else content) + fx.p(), styles=styles
        )

    data, _ = _redline(doc(fx.sp("Professional Affiliations", "Heading1")), doc(""), tmp_path)
    deleted = [
        p for p in read_part(data, "word/document.xml").iter(w("p"))
        if "".join(t.text or "" for t in p.iter(w("delText"))) == "Professional Affiliations"
    ]  # fmt: skip
    assert [p.find(f"{w('pPr')}/{w('pStyle')}").get(w("val")) for p in deleted] == ["Heading1"]


def test_many_deleted_footnotes_are_carried_in_linear_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each deleted note is found by its id, and the redline's largest note id kept as notes
    are added: 300 deleted notes read each old note id a bounded number of times (it was
    once per note carried: n × n, 95 s for 10,000 footnotes)."""
    from draftkit.render.redline import carry

    ref = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{}"/></w:r>'
    n = 300
    body = article(fx.r(sentence()))
    xml = notes("footnotes", "Kept note.")
    extra = ""
    for k in range(2, n + 2):
        body += fx.p(fx.r(f"The Parties shall report on sector {k} monthly.") + ref.format(k))
        extra += (
            f'<w:footnote w:id="{k}">{fx.p("<w:r><w:footnoteRef/></w:r>" + fx.r(f" Note {k}."))}</w:footnote>'
        )
    old = Doc(body, footnotes=xml.replace("</w:footnotes>", extra + "</w:footnotes>"))
    new = Doc(article(fx.r(sentence())), footnotes=xml)
    comparison = compare(read(old.build(tmp_path / "old.docx")), read(new.build(tmp_path / "new.docx")))
    calls = 0
    count = carry._int

    def counted(value: str | None) -> int:
        nonlocal calls
        calls += 1
        return count(value)

    monkeypatch.setattr(carry, "_int", counted)
    data = render_docx(comparison)
    assert len(_deleted("footnoteReference", data)) == n
    ids = [n.get(w("id")) for n in read_part(data, "word/footnotes.xml").iter(w("footnote"))]
    assert len(ids) == len(set(ids))
    assert calls < 20 * n, calls


def test_an_equation_deleted_from_a_paragraph_that_stays_is_gone_on_accept(tmp_path: Path) -> None:
    """A fraction deleted from inside a paragraph whose words stay: Word tracks its runs as
    deleted and keeps its structure; accept-all shows no equation, and draftkit reads none
    (its linear form once read the bare structure as '()/()': accept-all was not the new
    draft; Open-Xml-PowerTools' WC021-Math files, benchmarks/real_edits seed 1)."""
    fraction = "<m:f><m:num><m:r><m:t>1</m:t></m:r></m:num><m:den><m:r><m:t>2</m:t></m:r></m:den></m:f>"
    old = Doc(article(fx.r(sentence())) + fx.p(f"<m:oMath>{fraction}</m:oMath>" + fx.r("The share stays.")))
    new = Doc(article(fx.r(sentence())) + fx.p(fx.r("The share stays.")))
    data, _ = _redline(old, new, tmp_path)
    assert _tracked_runs(data) == {"ins": [], "del": ["1", "2"]}
