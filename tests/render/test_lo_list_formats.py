"""Word lists numbered in Arabic, Hebrew, Thai, Chinese, Japanese and Korean formats:
draftkit's labels are the ones LibreOffice shows (the oracle: tests/lo_oracle.py), not digits
in their place. Formats LibreOffice shows in digits (thaiNumbers, hindiNumbers,
vietnameseCounting …), or with another format's labels (ideographEnclosedCircle as ①,
ideographDigital and japaneseLegal past 9 counted as 十 and 壱零), are not guessed: draftkit reads them with digits and says so (tests/readers/test_wordfmt.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit import api
from tests.fixtures.docx import make_fixtures as fx
from tests.lo_oracle import LibreOffice

# Each format with how many items of a list from 1 draftkit writes as LibreOffice shows them:
# 130 (past the last letter of each alphabet, the teens of Hebrew numerals — 15 and 16 are
# not י+ה, י+ו —, the hundreds), or up to the end of the range draftkit writes.
FORMATS = [
    ("arabicAlpha", 130),
    ("arabicAbjad", 130),
    ("hebrew1", 130),
    ("hebrew2", 130),
    ("chineseCounting", 130),
    ("chineseCountingThousand", 130),
    ("japaneseCounting", 130),
    ("ideographTraditional", 130),  # 甲 … 癸, then digits in both
    ("decimalHalfWidth", 130),
    ("thaiLetters", 130),
    ("hindiVowels", 130),  # consonants, in Word too (the name is Word's)
    ("koreanDigital", 130),
    ("koreanDigital2", 130),
    ("koreanCounting", 130),
    ("koreanLegal", 130),
    ("ganada", 130),
    ("chosung", 130),
    ("aiueo", 130),
    ("aiueoFullWidth", 130),
    ("iroha", 130),
    ("irohaFullWidth", 130),
    ("ideographZodiac", 130),  # 子 … 亥, then digits in both
    ("ideographLegalTraditional", 130),
    ("chineseLegalSimplified", 130),
    ("taiwaneseCounting", 130),
    ("taiwaneseCountingThousand", 130),
    ("decimalEnclosedCircle", 20),  # LibreOffice goes on to ㊿, draftkit says it shows 21
    ("decimalEnclosedCircleChinese", 20),
    ("ideographDigital", 9),
    ("japaneseLegal", 9),
]
# Formats with thousands and ten thousands of their own: lists starting far on.
FAR = ["thaiLetters", "koreanDigital", "koreanDigital2", "koreanCounting", "koreanLegal", "ganada",
       "aiueo", "iroha", "ideographLegalTraditional", "chineseLegalSimplified"]  # fmt: skip
STARTS = (998, 1009, 9998, 10_000, 10_099, 32_765)


@pytest.mark.parametrize(("fmt", "items"), FORMATS)
def test_list_labels_are_what_libreoffice_shows(
    libreoffice: LibreOffice, fmt: str, items: int, tmp_path: Path
) -> None:
    numbering = fx.numbering_xml(fx.abstract(1, fx.lvl(0, fmt, "%1.")) + fx.num(1, 1))
    texts = [f"Item {k} of the list." for k in range(1, items + 1)]
    path = fx.build_docx(
        tmp_path / f"{fmt}.docx", "".join(fx.np(text, 1) for text in texts), numbering=numbering
    )
    shown = libreoffice.read(path).labels()
    read = [p.num or "" for p in api.parse(path).walk()]
    assert read == shown


@pytest.mark.parametrize("fmt", FAR)
def test_lists_starting_far_on_are_what_libreoffice_shows(
    libreoffice: LibreOffice, fmt: str, tmp_path: Path
) -> None:
    numbering = "".join(
        fx.abstract(k, fx.lvl(0, fmt, "%1.", start=start)) + fx.num(k, k) for k, start in enumerate(STARTS, 1)
    )
    body = "".join(fx.np(f"Item {i} of list {k}.", k) for k in range(1, len(STARTS) + 1) for i in range(3))
    path = fx.build_docx(tmp_path / f"{fmt}.docx", body, numbering=fx.numbering_xml(numbering))
    shown = libreoffice.read(path).labels()
    read = [p.num or "" for p in api.parse(path).walk()]
    assert read == shown
