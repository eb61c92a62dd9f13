"""render.redline.inert: fields frozen to their results (nested, inside revisions, simple),
local fields kept, links unwrapped, parts and content types cleaned, and the documented
list of kept fields is the code's. (The whole redline of an active draft, and LibreOffice
opening it: tests/hostile/test_active_content.py.)"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from draftkit.render.redline.inert import _INERT_FIELDS, strip_active
from tests.wmlops import paragraph_text, reject_all, w

ROOT = Path(__file__).resolve().parents[2]
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


def _document(body: str) -> etree._Element:
    return etree.fromstring(
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}</w:body></w:document>'
    )


DATE_FIELD = "date \\@ yyyy"
PAGEREF_FIELD = "PAGEREF _Toc1 \\h"


def _field(instruction: str, result: str, *, dirty: bool = False) -> str:
    flag = ' w:dirty="true"' if dirty else ""
    runs = [
        f'<w:r><w:fldChar w:fldCharType="begin"{flag}/></w:r>',
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r><w:t>{result}</w:t></w:r>" if result else "",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ]
    return "".join(runs)


def _package(
    document: etree._Element, rels: str = "", extra: dict[str, bytes] | None = None
) -> dict[str, bytes]:
    parts = {
        "[Content_Types].xml": (
            f'<Types xmlns="{CT_NS}"><Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
            '<Override PartName="/word/document.xml" '
            'ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/>'
            '<Override PartName="/word/vbaData.xml" ContentType="application/vnd.ms-word.vbaData+xml"/></Types>'
        ).encode(),
        "_rels/.rels": (
            f'<Relationships xmlns="{REL_NS}"><Relationship Id="rId1" Type="{R_NS}/officeDocument" '
            'Target="word/document.xml"/></Relationships>'
        ).encode(),
        "word/document.xml": b"",
        "word/_rels/document.xml.rels": f'<Relationships xmlns="{REL_NS}">{rels}</Relationships>'.encode(),
        **(extra or {}),
    }
    strip_active(parts, "word/document.xml", document)
    return parts


def _texts(document: etree._Element) -> list[str]:
    return [paragraph_text(p) for p in document.iter(w("p"))]


def _instructions(document: etree._Element) -> list[str]:
    return [(t.text or "").strip() for t in document.iter(w("instrText"), w("delInstrText"))]


def test_active_fields_become_their_results_and_local_fields_stay() -> None:
    document = _document(
        f"<w:p><w:r><w:t>A </w:t></w:r>{_field('INCLUDETEXT &quot;http://x/a.docx&quot;', 'included')}</w:p>"
        f"<w:p><w:r><w:t>Page </w:t></w:r>{_field('PAGE', '3')}</w:p>"
        f"<w:p>{_field('DDEAUTO cmd &quot;/c calc&quot;', '')}<w:r><w:t>after</w:t></w:r></w:p>"
        f"<w:p>{_field('= 2 + 2', '4')}{_field(DATE_FIELD, '2020')}</w:p>"
    )
    _package(document)
    assert _texts(document) == ["A included", "Page 3", "after", "42020"]
    assert _instructions(document) == ["PAGE", "= 2 + 2"]
    assert len(list(document.iter(w("fldChar")))) == 6  # two kept fields, three marks each
    # No empty run is left where the field's marks were.
    assert all(len([c for c in r if c.tag != w("rPr")]) for r in document.iter(w("r")))


def test_nested_fields() -> None:
    # An IF (frozen) whose code holds a MERGEFIELD: all of the code goes, the result stays.
    if_field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> IF </w:instrText></w:r>'
        f"{_field('MERGEFIELD Party', 'Alpha')}"
        '<w:r><w:instrText> = "Alpha" "Yes" "No" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Yes</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    # A TOC (kept) whose result holds a HYPERLINK field (frozen) and a PAGEREF (kept).
    toc = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{_field('HYPERLINK &quot;http://x/&quot;', 'Article 1')}{_field(PAGEREF_FIELD, '2')}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    document = _document(f"<w:p><w:r><w:t>Answer: </w:t></w:r>{if_field}</w:p><w:p>{toc}</w:p>")
    _package(document)
    assert _texts(document) == ["Answer: Yes", "Article 12"]
    assert _instructions(document) == ['TOC \\o "1-3"', "PAGEREF _Toc1 \\h"]


def test_a_deleted_field_keeps_its_result_in_the_old_view() -> None:
    deleted = (
        '<w:del w:id="1" w:author="a" w:date="2026-01-01T00:00:00Z">'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:delInstrText> INCLUDEPICTURE "http://x/p.png" </w:delInstrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:delText>old picture</w:delText></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:del>'
    )
    document = _document(f"<w:p><w:r><w:t>Kept </w:t></w:r>{deleted}</w:p>")
    _package(document)
    assert _instructions(document) == [] and not list(document.iter(w("fldChar")))
    assert _texts(reject_all(document)) == ["Kept old picture"]
    assert len(list(document.iter(w("del")))) == 1


def test_simple_fields_and_dirty_flags() -> None:
    document = _document(
        '<w:p><w:fldSimple w:instr=" LINK Excel.Sheet.12 &quot;http://x/b.xlsx&quot; " w:dirty="true">'
        "<w:r><w:t>linked</w:t></w:r></w:fldSimple>"
        '<w:fldSimple w:instr=" SEQ Table " w:dirty="true"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>'
        f"<w:p>{_field('PAGE', '1', dirty=True)}</w:p>"
    )
    _package(document)
    simple = list(document.iter(w("fldSimple")))
    assert [s.get(w("instr")) for s in simple] == [" SEQ Table "]
    assert _texts(document) == ["linked1", "1"]
    assert all(e.get(w("dirty")) is None for e in document.iter(w("fldSimple"), w("fldChar")))


def test_links_parts_and_content_types() -> None:
    document = _document(
        '<w:p><w:hyperlink r:id="rId5"><w:r><w:t>remote</w:t></w:r></w:hyperlink>'
        '<w:hyperlink w:anchor="art_1"><w:r><w:t>inside</w:t></w:r></w:hyperlink></w:p>'
    )
    rels = (
        f'<Relationship Id="rId5" Type="{R_NS}/hyperlink" Target="http://x/" TargetMode="External"/>'
        f'<Relationship Id="rId6" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
        'Target="vbaProject.bin"/>'
        f'<Relationship Id="rId7" Type="{R_NS}/styles" Target="styles.xml"/>'
    )
    parts = _package(
        document,
        rels,
        {
            "word/vbaProject.bin": b"\xd0\xcf",
            "word/_rels/vbaProject.bin.rels": (
                f'<Relationships xmlns="{REL_NS}"><Relationship Id="rId1" '
                'Type="http://schemas.microsoft.com/office/2006/relationships/wordVbaData" '
                'Target="vbaData.xml"/></Relationships>'
            ).encode(),
            "word/vbaData.xml": b"<x/>",
            "word/styles.xml": b"<x/>",
            "word/orphan.xml": b"<x/>",
        },
    )
    assert _texts(document) == ["remoteinside"]
    assert [h.get(w("anchor")) for h in document.iter(w("hyperlink"))] == ["art_1"]
    assert sorted(parts) == [
        "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/document.xml",
        "word/styles.xml",
    ]  # fmt: skip
    rels_left = etree.fromstring(parts["word/_rels/document.xml.rels"])
    assert [r.get("Id") for r in rels_left] == ["rId7"]
    types = parts["[Content_Types].xml"].decode()
    assert "vbaProject" not in types and "vbaData" not in types and "macroEnabled" not in types
    assert "wordprocessingml.document.main+xml" in types


def test_an_inert_package_is_left_as_it_was() -> None:
    document = _document(f"<w:p><w:r><w:t>Page </w:t></w:r>{_field('PAGE', '1')}</w:p>")
    before = etree.tostring(document)
    rels = f'<Relationship Id="rId7" Type="{R_NS}/styles" Target="styles.xml"/>'
    parts = _package(document, rels, {"word/styles.xml": b"<x/>"})
    assert etree.tostring(document) == before
    assert parts["word/_rels/document.xml.rels"] == (
        f'<Relationships xmlns="{REL_NS}">{rels}</Relationships>'.encode()
    )


def test_the_documented_local_fields_are_the_code_s() -> None:
    text = (ROOT / "docs" / "limits.md").read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| local fields:"))
    documented = set(re.findall(r"`([A-Z]+)(?:…)?`", row.split("|")[1]))
    autonum = {"AUTONUM", "AUTONUMLGL", "AUTONUMOUT"}
    assert documented | autonum == set(_INERT_FIELDS) | {"AUTONUM"}
