"""The DOCX redline in the reader's text model (issue 12 items 1, 2, 4, writing side):
footnotes revised inside their part, note references and images inserted as tracked runs,
text-box edits tracked in the box (both mc branches), and no placeholder ever written as
text. DOCX pairs built from raw XML with the deception suite's builders."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from draftkit.compare import compare
from draftkit.readers import read
from draftkit.render.docx_redline import render_docx
from draftkit.render.wml import paragraph_text as wml_text
from tests.fixtures.docx import make_fixtures as fx
from tests.hostile.test_deception import (
    HEADING,
    Doc,
    _footnote_doc,
    _image_doc,
    article,
    sentence,
    textbox_dml,
    textbox_vml,
)
from tests.render.test_docx_redline import check_no_placeholder_text, check_views
from tests.wmlops import accept_all, paragraph_text, read_part, reject_all, w

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def _redline(old: Doc, new: Doc, tmp: Path) -> tuple[bytes, object]:
    comparison = compare(read(old.build(tmp / "old.docx")), read(new.build(tmp / "new.docx")))
    assert any(c.is_change for c in comparison.changes)
    return render_docx(comparison), comparison


def _note_texts(data: bytes, view: object) -> list[str]:
    root = view(read_part(data, "word/footnotes.xml"))  # type: ignore[operator]
    return [paragraph_text(p).strip() for p in root.iter(w("footnote")) if p.get(w("id")) == "1"]


def test_a_changed_footnote_is_revised_inside_footnotes_xml(tmp_path: Path) -> None:
    old = _footnote_doc("Party A reserves its position on the Kessel Valley.")
    new = _footnote_doc("Party B reserves its position on the Drava Corridor.")
    data, comparison = _redline(old, new, tmp_path)
    check_views(comparison, data, tmp_path)  # type: ignore[arg-type]
    notes = read_part(data, "word/footnotes.xml")
    assert notes.find(f".//{w('ins')}") is not None and notes.find(f".//{w('del')}") is not None
    assert _note_texts(data, reject_all) == ["Party A reserves its position on the Kessel Valley."]
    assert _note_texts(data, accept_all) == ["Party B reserves its position on the Drava Corridor."]
    # The reference itself is untouched: the note stays where it was.
    body = read_part(data, "word/document.xml")
    ref = next(body.iter(w("footnoteReference")))
    assert all(a.tag not in (w("ins"), w("del")) for a in ref.iterancestors())


def test_an_inserted_footnote_reference_is_a_tracked_insertion(tmp_path: Path) -> None:
    old = Doc(article(fx.r(sentence())))
    new = _footnote_doc("Party A reserves its position.")
    data, comparison = _redline(old, new, tmp_path)
    check_views(comparison, data, tmp_path)  # type: ignore[arg-type]
    ref = next(read_part(data, "word/document.xml").iter(w("footnoteReference")))
    assert any(a.tag == w("ins") for a in ref.iterancestors())


def test_an_inserted_image_is_a_tracked_insertion(tmp_path: Path) -> None:
    old = Doc(article(fx.r(sentence())))
    new = _image_doc((200, 30, 30))
    data, comparison = _redline(old, new, tmp_path)
    check_views(comparison, data, tmp_path)  # type: ignore[arg-type]
    drawing = next(read_part(data, "word/document.xml").iter(w("drawing")))
    assert any(a.tag == w("ins") for a in drawing.iterancestors())


def test_a_deleted_image_is_a_tracked_deletion_never_text(tmp_path: Path) -> None:
    """The base (the new file) has no run for an old image: the old package's is copied into
    a deletion (see tests/render/test_redline_objects.py), never written as text."""
    old = _image_doc((200, 30, 30))
    new = Doc(article(fx.r(sentence("may"))))
    data, comparison = _redline(old, new, tmp_path)
    check_views(comparison, data, tmp_path)  # type: ignore[arg-type]
    check_no_placeholder_text(data)
    drawing = next(read_part(data, "word/document.xml").iter(w("drawing")))
    assert any(a.tag == w("del") for a in drawing.iterancestors())


def test_a_text_box_edit_is_tracked_in_the_box_in_both_branches(tmp_path: Path) -> None:
    def doc(modal: str) -> Doc:
        return Doc(article(fx.r("See the box.") + textbox_dml(sentence(modal), sentence(modal))))

    data, comparison = _redline(doc("shall"), doc("may"), tmp_path)
    check_views(comparison, data, tmp_path)  # type: ignore[arg-type]
    body = read_part(data, "word/document.xml")
    for branch in ("Choice", "Fallback"):
        box = next(next(body.iter(f"{MC}{branch}")).iter(w("txbxContent")))
        assert box.find(f".//{w('ins')}") is not None and box.find(f".//{w('del')}") is not None, branch
        rejected = reject_all(box)
        assert [paragraph_text(p) for p in rejected.iter(w("p"))] == [sentence("shall")]
    # The anchor paragraph's text is its own: the box is not part of it.
    anchor = next(p for p in body.iter(w("p")) if "See the box." in wml_text(p))
    assert wml_text(anchor) == "See the box."
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert "draftkit-shown" not in z.read("word/document.xml").decode()


def _boxed(text: str, box: str) -> str:
    """A paragraph of `text` anchoring a text box that holds `box` (in both branches)."""
    return fx.p(textbox_dml(box, box) + fx.r(text))


def _views(comparison: object, tmp: Path, moves: bool = False) -> bytes:
    data = render_docx(comparison, moves=moves)  # type: ignore[arg-type]
    check_views(comparison, data, tmp)  # type: ignore[arg-type]
    return data


def test_a_copied_paragraph_with_its_text_box_keeps_the_box_text_in_both_views(tmp_path: Path) -> None:
    """WC065, WC046 in real_edits: a paragraph copied with its text box. The old box's text is
    the same as both new boxes': the comparison may keep it in the copy's box and call the
    first box's new. The copy is inserted, but its box's run is not (nor the copy's mark):
    rejected, the box text was lost with it."""
    old = Doc(_boxed(sentence(), "Inside the text box.") + fx.p(fx.r("Para after.")))
    new = Doc(
        _boxed(sentence(), "Inside the text box.")
        + _boxed(sentence("may"), "Inside the text box.")
        + fx.p(fx.r("Para after."))
    )
    comparison = compare(read(old.build(tmp_path / "old.docx")), read(new.build(tmp_path / "new.docx")))
    for moves in (False, True):
        _views(comparison, tmp_path, moves)


def test_a_new_title_anchoring_a_text_box_leaves_the_box_text_in_the_reject_view(tmp_path: Path) -> None:
    """WC046 in real_edits: the first paragraph deleted, the anchor of a text box is the new
    draft's title and the box's text its first provision. The title's insertion took the box
    along. The deleted paragraphs go before that provision, into the box: in the reject view
    they read after the anchor's text and before the box's, as the old draft's did."""
    box = _boxed("Text1 Text2 Text3", "Textbox2")
    after = fx.p(fx.r("Para after")) + fx.p(fx.r("Another para after"))
    old = Doc(fx.p(fx.r("Para before.")) + box + after)
    new = Doc(box + after)
    comparison = compare(read(old.build(tmp_path / "old.docx")), read(new.build(tmp_path / "new.docx")))
    _views(comparison, tmp_path)


def test_a_move_into_a_text_box_is_copied_into_its_fallback_as_plain_revisions(tmp_path: Path) -> None:
    """WC044, WC050, WC051 in real_edits: text moved into a text box. The VML fallback's copy
    of the box repeated the move's ranges, named as the move and with the moveToRangeEnd's
    id unchanged (unpaired ranges). Its copy is a plain insertion now."""
    moved = sentence("shall", "600,000", "Drava Corridor")
    old = Doc(_boxed("See the box.", "Box text.") + fx.p(fx.r("Para after.")) + fx.p(fx.r(moved)))

    def boxed_two() -> str:
        inner = fx.p(fx.r(moved)) + fx.p(fx.r("Box text."))
        return textbox_dml("", "").replace(fx.p(fx.r("")), inner)

    new = Doc(fx.p(boxed_two() + fx.r("See the box.")) + fx.p(fx.r("Para after.")))
    comparison = compare(read(old.build(tmp_path / "old.docx")), read(new.build(tmp_path / "new.docx")))
    assert any(c.moved for c in comparison.changes)
    data = _views(comparison, tmp_path, moves=True)
    fallback = next(read_part(data, "word/document.xml").iter(f"{MC}Fallback"))
    assert next(fallback.iter(w("moveTo"), w("moveToRangeStart"), w("moveToRangeEnd")), None) is None
    assert next(fallback.iter(w("ins")), None) is not None


def test_text_moved_into_a_paragraph_anchoring_a_kept_text_box_leaves_the_box(tmp_path: Path) -> None:
    """WC048, WC051 in real_edits with moves: the paragraph anchoring a text box takes moved
    text while the box's text stays where it was. The move's new place was wrapped whole,
    box and all, so the reject view lost the box text."""
    a, b, c, d, e, g = (
        sentence("shall", n, place)
        for n, place in (
            ("100", "Kessel Valley"),
            ("500", "Lake District"),
            ("200", "Drava Corridor"),
            ("300", "Northern Plains"),
            ("400", "Eastern Hills"),
            ("600", "Western Shore"),
        )
    )
    old = Doc(fx.p(fx.r(a)) + _boxed(b, "Box text stays.") + "".join(fx.p(fx.r(t)) for t in (g, c, d, e)))
    new = Doc(fx.p(fx.r(a)) + _boxed(c, "Box text stays.") + "".join(fx.p(fx.r(t)) for t in (g, d, e, b)))
    comparison = compare(read(old.build(tmp_path / "old.docx")), read(new.build(tmp_path / "new.docx")))
    assert sum(change.moved for change in comparison.changes) == 2
    _views(comparison, tmp_path, moves=True)


def test_the_oracle_joins_a_paragraph_anchoring_a_text_box_with_the_next_of_its_story() -> None:
    """tests/wmlops.py: a paragraph whose inserted mark goes joins the next paragraph of the
    body, not the first of the text box it anchors (real_edits seed 2, WC044: "cannot append
    parent to itself")."""
    inserted = '<w:pPr><w:rPr><w:ins w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr>'
    xml = (
        f"<w:document {fx.NS_DECLS.format(w=fx.W_NS)}><w:body>"
        + fx.p(inserted + textbox_vml("Box text.") + fx.r("Anchor."))
        + fx.p(fx.r("Next."))
        + "</w:body></w:document>"
    )
    for view in (reject_all, accept_all):
        body = view(etree.fromstring(xml)).find(w("body"))
        assert body is not None
        outer = [p for p in body if p.tag == w("p")]
        expected = ["Box text.Anchor.Next."] if view is reject_all else ["Box text.Anchor.", "Next."]
        assert [paragraph_text(p) for p in outer] == expected


def test_old_text_between_a_title_and_the_text_box_its_successor_anchors_stays_there(tmp_path: Path) -> None:
    """WC051 in real_edits: the old title deleted, the next paragraph (a text box's anchor)
    is the new title, revised from the old one; the old text of that paragraph is deleted.
    In the reject view it must read after the title and before the box's text: it goes into
    the box, before the first provision, not before the anchor (then it read first)."""
    after = fx.p(fx.r("Para after")) + fx.p(fx.r("Another para after"))
    old = Doc(
        fx.p(fx.r("Video provides a powerful way to help you prove your point!!!"))
        + _boxed("When you click Online Video, you can paste the embed code.", "This is a test.")
        + after
    )
    new = Doc(
        _boxed("When you click Online Video, you can paste the embed code. 600,000", "This is a test.")
        + after
    )
    comparison = compare(read(old.build(tmp_path / "old.docx")), read(new.build(tmp_path / "new.docx")))
    assert comparison.old.title and comparison.new.title
    for moves in (False, True):
        _views(comparison, tmp_path, moves)


def test_old_text_before_a_new_title_anchoring_a_text_box_table_goes_before_the_anchor(
    tmp_path: Path,
) -> None:
    """WC050, WC051 in real_edits: as above, but the new title is all new and the box's first
    provision stands in a table. Old text went into the box before that provision: into its
    table cell, and the rows' placement took part of it after the table. Before an anchor
    that shows no old text it reads in the same order, in the body."""
    texts = (
        ("This is a test", "This is another test."),
        ("Video provides a powerful way to help you prove your point.", "You can also type a keyword."),
        ("make your document look professionally produced", "designs that complement"),
        ("for the video that best fits", "footer, cover page"),
        ("complement each other", ""),
    )
    cells = fx.tbl([[fx.p(fx.r(a)), fx.p(fx.r(b) if b else "")] for a, b in texts]) + fx.p("")
    box = textbox_dml("", "").replace(fx.p(fx.r("")), cells)
    after = fx.p(fx.r("You can also type a keyword to search online."))
    last = fx.p(fx.r("To make your document look professionally produced, Word provides headers."))
    old = Doc(
        fx.p(fx.r("Video provides a powerful way to help you prove your point."))
        + fx.p(box + fx.r("When you click Online Video, you can paste the embed code."))
        + after
        + last
    )
    new = Doc(fx.p(box + fx.r("When you click Online Video, you can paste the embed code. 600,000")) + after)
    comparison = compare(read(old.build(tmp_path / "old.docx")), read(new.build(tmp_path / "new.docx")))
    assert not comparison.old.title and comparison.new.title
    for moves in (False, True):
        _views(comparison, tmp_path, moves)


def test_the_empty_paragraph_after_a_revised_last_one_joins_it_alike_in_both_ways(tmp_path: Path) -> None:
    """WC044 in real_edits (seed 3, moves): the last paragraph anchors a text box and takes
    moved text, so its mark is moved there; the empty paragraph put after it (a revised
    paragraph never ends the body) had no properties. Rejected, the anchor (its box's text
    stays) joins that empty paragraph, which then had the anchor's mark properties or none,
    as the word processor keeps the first's or the last's: it has the anchor's now."""
    mark = '<w:rPr><w:lang w:val="en-US"/></w:rPr>'

    def doc(first: str, last: str) -> Doc:
        return Doc(fx.p(fx.r(first), mark) + fx.p(textbox_dml("Textbox.", "Textbox.") + fx.r(last), mark))

    comparison = compare(
        read(doc("Test 1.", "Test 2.").build(tmp_path / "old.docx")),
        read(doc("Test 2.", "Test 3.").build(tmp_path / "new.docx")),
    )
    assert any(c.moved for c in comparison.changes)
    _views(comparison, tmp_path, moves=True)


def _split(mark: str, second_mark: str, second_ppr_attrs: str = "") -> tuple[Doc, Doc]:
    """Old: an article whose paragraph the new draft splits in two, each with its own mark (and
    a word changed: a split alone is no change)."""
    whole = "The Parties shall withdraw. Monitoring begins at once."
    old = Doc(HEADING + fx.p(fx.r(whole), mark))
    second = f"<w:p><w:pPr{second_ppr_attrs}>{second_mark}</w:pPr>{fx.r('Monitoring begins at once.')}</w:p>"
    new = Doc(HEADING + fx.p(fx.r("The Parties shall withdraw all forces."), mark) + second)
    return old, new


def test_a_split_whose_marks_differ_rejects_alike_in_both_ways(tmp_path: Path) -> None:
    """Open-Xml-PowerTools' DocumentBuilder01 Source3 in real_edits (seed 1): a preamble line
    added after one whose mark is in other run properties (9 pt Calibri, 5 pt Arial). The
    first's mark is marked inserted; rejected, it joins the second, whose mark stays, and
    the joined paragraph's mark had the first's properties or the second's, as the word
    processor keeps the first's or the last's. The second records the first's as its own
    before the revision now (w:rPrChange on its mark)."""
    old, new = _split('<w:rPr><w:sz w:val="18"/></w:rPr>', '<w:rPr><w:sz w:val="10"/></w:rPr>')
    data, comparison = _redline(old, new, tmp_path)
    check_views(comparison, data, tmp_path)  # type: ignore[arg-type]
    assert next(read_part(data, "word/document.xml").iter(w("rPrChange"))).getparent().getparent().tag == w(
        "pPr"
    )


def test_a_join_that_differs_only_in_ignorable_attributes_is_no_difference(tmp_path: Path) -> None:
    """Open-Xml-PowerTools' RP051-Arabic in real_edits (seed 2): every element of that test
    file carries a pt14:Unid, in a namespace the document declares ignorable (mc:Ignorable);
    a word processor that does not know it drops it on opening. The two paragraphs of a
    split had other ids on their w:pPr, and check_views took the join that keeps one or the
    other for two documents. It compares them without such attributes now."""
    mark = '<w:rPr><w:sz w:val="18"/></w:rPr>'
    old, new = _split(mark, mark, ' w14:paraId="0A1B2C3D"')
    data, comparison = _redline(old, new, tmp_path)
    check_views(comparison, data, tmp_path)  # type: ignore[arg-type]


def test_a_split_before_a_paragraph_opening_with_a_tab_marks_the_tab_inserted(tmp_path: Path) -> None:
    """Open-Xml-PowerTools' RP038 in real_edits (seed 4): a paragraph that opens with a tab
    copied before itself with a word added. The words from the added one up to the same
    place in the copy are inserted across the break, and the original paragraph's tab,
    which the reader does not count, was left out of the insertion: rejected, it stood in
    the middle of the joined paragraph. It is inserted with the break."""
    tab = "<w:r><w:tab/></w:r>"
    text = "The Parties shall withdraw all forces from the Kessel Valley."
    old = Doc(HEADING + fx.p(tab + fx.r(text)))
    copy = "The Parties shall withdraw guarantee all forces from the Kessel Valley."
    new = Doc(HEADING + fx.p(tab + fx.r(copy)) + fx.p(tab + fx.r(text)))
    data, comparison = _redline(old, new, tmp_path)
    check_views(comparison, data, tmp_path)  # type: ignore[arg-type]
    rejected = reject_all(read_part(data, "word/document.xml"))
    assert [paragraph_text(p) for p in rejected.iter(w("p")) if "Parties" in paragraph_text(p)] == [
        "\t" + text
    ]


def test_a_moved_paragraph_anchoring_a_kept_table_box_keeps_its_mark(tmp_path: Path) -> None:
    """Open-Xml-PowerTools' WC051 in real_edits (seed 4, moves): a paragraph anchoring a text
    box that holds a table is moved (a copy of a later boxed paragraph put before it) and
    gets a word; the box's text stays where it is. The move's stream gave the anchor a moved
    mark: rejected, the anchor joined the paragraph after it, whose text then read before the
    box's. As for an insertion, the box stays and so does the anchor's mark."""
    rows = [
        [fx.p(fx.r("This is a test")), fx.p(fx.r("This is another test."))],
        [fx.p(fx.r("Video provides a way.")), fx.p(fx.r("You can also type a keyword."))],
    ]

    def tabled(text: str) -> str:
        return fx.p(textbox_dml("", "").replace(fx.p(fx.r("")), fx.tbl(rows) + fx.p(), 1) + fx.r(text))

    video = fx.p(fx.r("Video provides a powerful way to help you prove your point!!!"))
    click = "When you click Online Video, you can paste the embed code."
    also = fx.p(fx.r("You can also type a keyword to search online for the video."))
    make = _boxed("To make your document look professionally produced.", "Test456")
    old = Doc(video + tabled(click) + also + make)
    new = Doc(video + make + tabled(click + " 600,000") + also + make)
    comparison = compare(read(old.build(tmp_path / "old.docx")), read(new.build(tmp_path / "new.docx")))
    assert any(c.moved for c in comparison.changes)
    _views(comparison, tmp_path, moves=True)
