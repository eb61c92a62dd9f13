"""The redline written into a draft whose text Word shows in capitals (`w:caps`,
`w:smallCaps`, from a style or set directly): the reader reads those runs in capitals, the
runs store another case, and the writer still finds each provision's words in them."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from draftkit.compare import compare
from draftkit.readers import read
from draftkit.render.docx_redline import render_docx
from tests.fixtures.docx import make_fixtures as fx
from tests.render.test_docx_redline import check_views
from tests.wmlops import body_paragraphs, paragraph_text, read_part, w

NUMBERING = fx.numbering_xml(fx.abstract(1, fx.lvl(0, "decimal", "Article %1")) + fx.num(1, 1))
STYLES = fx.styles_xml(
    fx.style("Normal", "Normal", default=True)
    + '<w:style w:type="paragraph" w:styleId="Caps"><w:name w:val="Caps"/><w:rPr><w:caps/></w:rPr></w:style>'
)


def _doc(path: Path, heading: str, point: str, other: str) -> Path:
    body = (
        fx.p(fx.r(heading), '<w:pStyle w:val="Caps"/>' + fx.num_pr(1, 0))
        + fx.p(fx.r("1. ") + fx.r(point, "<w:smallCaps/>"))
        + fx.p(fx.r("2. " + other), '<w:pStyle w:val="Caps"/>')
    )
    return fx.build_docx(path, body, numbering=NUMBERING, styles=STYLES)  # type: ignore[no-any-return]


def test_a_redline_into_capitals_marks_only_the_changed_words(tmp_path: Path) -> None:
    old = _doc(
        tmp_path / "old.docx", "General provisions", "The Parties shall withdraw.", "Monitors report weekly."
    )
    new = _doc(
        tmp_path / "new.docx", "General provisions", "The Parties may withdraw.", "Monitors report daily."
    )
    comparison = compare(read(old), read(new))
    assert [c.kind for c in comparison.changes].count("modified") == 2
    data = render_docx(comparison)
    check_views(comparison, data, tmp_path)
    document = read_part(data, "word/document.xml")

    def marked(text: str, tag: str) -> list[str]:
        (p,) = [p for p in body_paragraphs(document) if text in paragraph_text(p)]
        return ["".join(t.text or "" for t in r.iter(w("t"), w("delText"))) for r in p.iter(w(tag))
                if r.getparent().tag != w("rPr")]  # fmt: skip

    # Word-level revisions, found in runs that store another case than the reader reads.
    assert [s.upper() for s in marked("withdraw", "del")] == ["SHALL"]
    assert [s.upper() for s in marked("withdraw", "ins")] == ["MAY"]
    assert [s.upper() for s in marked("Monitors", "del")] == ["WEEKLY"]
    assert [s.upper() for s in marked("Monitors", "ins")] == ["DAILY"]
    assert etree.iselement(document)


def test_an_old_word_written_beside_capitals_reads_back_in_its_case(tmp_path: Path) -> None:
    """A deleted word the old draft showed in lower case, written into the runs of a
    paragraph shown in capitals (its properties copied from the run where it stands), is
    turned out of capitals: reject-all reads it as the old draft had it."""

    def doc(path: Path, words: str) -> Path:
        body = (
            fx.np("Article", 1, 0)
            + fx.p(fx.r(words) + fx.r("withdraw all forces.", "<w:smallCaps/>"))
            + fx.p(fx.r("Monitors report."), '<w:pStyle w:val="Caps"/>')
        )
        return fx.build_docx(path, body, numbering=NUMBERING, styles=STYLES)  # type: ignore[no-any-return]

    old = doc(tmp_path / "old.docx", "The Parties shall ")
    new = doc(tmp_path / "new.docx", "The Parties ")
    comparison = compare(read(old), read(new))
    assert next(p.text for p in comparison.old.walk()) == "The Parties shall WITHDRAW ALL FORCES."
    check_views(comparison, render_docx(comparison), tmp_path)
    # and a word deleted in a paragraph its style shows in capitals stays in capitals
    old = doc(tmp_path / "old2.docx", "The Parties ")
    new_body = fx.np("Article", 1, 0) + fx.p(
        fx.r("The Parties ") + fx.r("withdraw all forces.", "<w:smallCaps/>")
    )
    new_body += fx.p(fx.r("Monitors."), '<w:pStyle w:val="Caps"/>')
    new = fx.build_docx(tmp_path / "new2.docx", new_body, numbering=NUMBERING, styles=STYLES)
    comparison = compare(read(old), read(new))
    check_views(comparison, render_docx(comparison), tmp_path)


def test_a_title_shown_in_capitals_is_revised_in_place(tmp_path: Path) -> None:
    styles = STYLES.replace("</w:styles>", "") + (
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:rPr><w:caps/></w:rPr></w:style>'
        "</w:styles>"
    )

    def doc(path: Path, title: str) -> Path:
        body = (
            fx.p(fx.r(title), '<w:pStyle w:val="Title"/>') + fx.np("Article", 1, 0) + fx.p(fx.r("1. Text."))
        )
        return fx.build_docx(path, body, numbering=NUMBERING, styles=styles)  # type: ignore[no-any-return]

    comparison = compare(
        read(doc(tmp_path / "old.docx", "Weekly agreement")),
        read(doc(tmp_path / "new.docx", "Weekly agreement 2026")),
    )
    assert (comparison.old.title, comparison.new.title) == ("WEEKLY AGREEMENT", "WEEKLY AGREEMENT 2026")
    check_views(comparison, render_docx(comparison), tmp_path)
