"""Arabic and Hebrew drafts written as Word files (a draft from text, and the clean base of
a redline of text inputs): their paragraphs are right to left (`w:bidi`), as Word and
LibreOffice show such text, with the label on the right; left-to-right ones stay as they are."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from lxml import etree

from draftkit import api
from draftkit.render.docx_draft import draft_docx_bytes
from draftkit.render.wml import right_to_left
from tests.wmlops import read_part, w

ARABIC = "خطة السلام\n\nالمادة 1\nوقف فوري لإطلاق النار.\n\nالمادة 2\nانسحاب القوات مسافة 15 كم.\n"
ENGLISH = "Peace Plan\n\nArticle 1\nAn immediate ceasefire.\n"


@pytest.mark.parametrize(
    ("text", "rtl"),
    [
        ("وقف فوري", True),
        ("«15» كم", True),
        ("שלום", True),
        ("15 km", False),
        ("ceasefire وقف", False),
        ("", False),
    ],
)
def test_direction_of_a_text_is_that_of_its_first_strong_letter(text: str, rtl: bool) -> None:
    assert right_to_left(text) is rtl


def _paragraphs(data: bytes) -> list[tuple[str, bool]]:
    document = read_part(data, "word/document.xml")
    return [
        ("".join(t.text or "" for t in p.iter(w("t"))), p.find(f"{w('pPr')}/{w('bidi')}") is not None)
        for p in document.iter(w("p"))
    ]


def test_arabic_paragraphs_are_right_to_left_and_english_ones_are_not(tmp_path: Path) -> None:
    (tmp_path / "ar.txt").write_text(ARABIC, encoding="utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    arabic = _paragraphs(draft_docx_bytes(api.parse(tmp_path / "ar.txt")))
    english = _paragraphs(draft_docx_bytes(api.parse(tmp_path / "en.txt")))
    assert arabic and all(bidi for _, bidi in arabic)
    assert english and not any(bidi for _, bidi in english)


def test_a_redline_of_arabic_texts_opens_right_to_left_in_libreoffice(soffice: str, tmp_path: Path) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(ARABIC, encoding="utf-8")
    new.write_text(ARABIC.replace("15", "5"), encoding="utf-8")
    redline = tmp_path / "r.docx"
    redline.write_bytes(api.redline_bytes(old, new, "docx"))
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to", "fodt",
         "--outdir", str(tmp_path), str(redline)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    root = etree.parse(str(tmp_path / "r.fodt")).getroot()
    ns = {
        "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
        "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    }
    modes = {
        s.get(f"{{{ns['style']}}}name"): s.find("style:paragraph-properties", ns)
        for s in root.iterfind(".//style:style", ns)
    }
    paragraph = next(p for p in root.iterfind(".//text:p", ns) if "انسحاب" in "".join(p.itertext()))
    properties = modes[paragraph.get(f"{{{ns['text']}}}style-name")]
    assert properties is not None and properties.get(f"{{{ns['style']}}}writing-mode") == "rl-tb"
