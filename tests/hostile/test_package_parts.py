"""DOCX packages whose parts are missing or damaged where the reader lets them pass: the
DOCX redline is written from them (or, where the package cannot carry it, as a clean draft)
and never exits 70.

A missing `[Content_Types].xml` (or one under another case) is read, as LibreOffice reads
such a file; a `w:id` that is no 32-bit number ('²', 5,000 digits) is damaged markup, not
the largest revision id; tracked changes where Word never writes them (a deleted row
straight in the body, a paragraph's recorded properties outside any properties) resolve to
a document that still has its body.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from draftkit.render.wml import resolve_revisions
from tests.conftest import DRAFTS
from tests.fixtures.docx import make_fixtures as fx
from tests.hostile.test_deception import Doc, _image_doc, article, sentence

from .files import good_docx
from .helpers import DATE, cli

V1, V2 = DRAFTS / "framework-v1.docx", DRAFTS / "framework-v2.docx"
TYPES = "[Content_Types].xml"
W_ID = f"{{{fx.W_NS}}}id"


def _rezip(source: Path, target: Path, rename: dict[str, str | None], document: bytes | None = None) -> Path:
    """`source` rewritten as `target`: parts renamed (to None: left out), the main document
    replaced by `document` when given."""
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            name = rename.get(info.filename, info.filename)
            if name is not None:
                data = archive.read(info)
                out.writestr(name, document if document is not None and name == "word/document.xml" else data)
    return target


def _redline(old: Path, new: Path, out: Path) -> zipfile.ZipFile:
    run = cli("redline", old, new, "-o", out, "--date", DATE)
    assert run.code == 0, run.err[-400:]
    return zipfile.ZipFile(out)


@pytest.mark.parametrize("types", [None, "[CONTENT_TYPES].XML"], ids=["missing", "other-case"])
def test_a_package_without_its_content_types_part_under_that_name(types: str | None, tmp_path: Path) -> None:
    damaged = _rezip(V2, tmp_path / "v2.docx", {TYPES: types})
    text = tmp_path / "v1.txt"
    text.write_text("FRAMEWORK\n\nArticle 1\n1. The Parties shall cease fire.\n", encoding="utf-8")
    for old, new in ((V1, damaged), (damaged, V1), (text, damaged), (damaged, text)):
        with _redline(old, new, tmp_path / "r.docx") as redline:
            names = redline.namelist()
            assert names.count(TYPES) == 1 and not {n for n in names if n.lower() == TYPES.lower()} - {TYPES}
            etree.fromstring(redline.read("word/document.xml"))


def test_parts_stored_under_another_case_than_their_relationships_give(tmp_path: Path) -> None:
    """'WORD/DOCUMENT.XML' is word/document.xml to OPC, and read so; the redline, which looks
    parts up by name, wrote from it 'internal error (KeyError: 'word/document.xml')'."""
    with zipfile.ZipFile(V2) as archive:
        upper = {name: name.upper() for name in archive.namelist()}
    damaged = _rezip(V2, tmp_path / "v2.docx", dict(upper))
    for old, new in ((V1, damaged), (damaged, V1)):
        with _redline(old, new, tmp_path / "r.docx") as redline:
            etree.fromstring(redline.read("word/document.xml"))
    # An old draft so stored whose image the new one lacks: nothing is carried from it.
    image = _image_doc((200, 30, 30)).build(tmp_path / "image.docx")
    with zipfile.ZipFile(image) as archive:
        upper = {name: name.upper() for name in archive.namelist()}
    old = _rezip(image, tmp_path / "old.docx", dict(upper))
    with _redline(old, Doc(article(fx.r(sentence("may")))).build(tmp_path / "new.docx"), tmp_path / "r.docx"):
        pass


def test_an_old_image_is_not_carried_from_a_package_without_content_types(tmp_path: Path) -> None:
    """The carrier copies a deleted image's part from the old package with its content type;
    from a package without any, it carries nothing (the comment names the image instead)."""
    old = _rezip(
        _image_doc((200, 30, 30)).build(tmp_path / "built.docx"), tmp_path / "old.docx", {TYPES: None}
    )
    new = Doc(article(fx.r(sentence("may")))).build(tmp_path / "new.docx")
    with _redline(old, new, tmp_path / "r.docx") as redline:
        assert not [n for n in redline.namelist() if n.startswith("word/media/")]


@pytest.mark.parametrize("value", ["²", "7" * 5000, "9" * 20], ids=["superscript", "5000-digits", "64-bit"])
def test_revision_ids_that_are_no_32_bit_numbers(value: str, tmp_path: Path) -> None:
    with zipfile.ZipFile(V2) as archive:
        document = archive.read("word/document.xml")
    marks = f'<w:p><w:bookmarkStart w:id="{value}" w:name="x"/><w:bookmarkEnd w:id="{value}"/></w:p>'
    document = document.replace(b"<w:body>", b"<w:body>" + marks.encode(), 1)
    damaged = _rezip(V2, tmp_path / "v2.docx", {}, document)
    with _redline(V1, damaged, tmp_path / "r.docx") as redline:
        root = etree.parse(io.BytesIO(redline.read("word/document.xml"))).getroot()
    written = [int(e.get(W_ID, "0")) for e in root.iter(f"{{{fx.W_NS}}}ins", f"{{{fx.W_NS}}}del")]
    assert written and max(written) < 2**31
    assert cli("redline", damaged, V1, "-o", tmp_path / "q.docx", "--date", DATE).code == 0


@pytest.mark.parametrize("view", ["accept", "original"])
def test_a_tracked_row_outside_any_table(view: str, tmp_path: Path) -> None:
    """A w:tr straight in the body whose trPr records its deletion: resolving it took the
    body for its table and removed it (AssertionError, exit 70)."""
    row = (
        '<w:tr><w:trPr><w:del w:id="90" w:author="x"/></w:trPr><w:tc>'
        + fx.p(fx.r("Row text"))
        + "</w:tc></w:tr>"
    )
    old = good_docx(tmp_path, "old.docx", fx.np("Scope", 1, 0) + fx.np("The Parties may cease fire.", 1, 1))
    new = good_docx(
        tmp_path, "new.docx", fx.np("Scope", 1, 0) + fx.np("The Parties shall cease fire.", 1, 1) + row
    )
    run = cli("redline", old, new, "-o", tmp_path / "r.docx", "--date", DATE, "--view", view)
    assert run.code == 0, run.err[-300:]


def test_a_formatting_change_outside_properties_replaces_nothing() -> None:
    """Rejected, a pPrChange replaces the properties it stands in; one straight in the body
    emptied the body."""
    document = etree.fromstring(
        fx.document_xml(fx.p(fx.r("First.")) + '<w:pPrChange w:id="1" w:author="x"><w:pPr/></w:pPrChange>'
                        + fx.p(fx.r("Second."))).encode("utf-8")
    )  # fmt: skip
    resolve_revisions(document, "original")
    assert "".join(document.itertext()) == "First.Second."
