"""Word lists numbered in Arabic, Hebrew, Chinese and Japanese formats: draftkit's labels are
the ones LibreOffice shows (the oracle: tests/lo_oracle.py), not digits in their place."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit import api
from tests.fixtures.docx import make_fixtures as fx
from tests.lo_oracle import LibreOffice

FORMATS = [
    "arabicAlpha",
    "arabicAbjad",
    "hebrew1",
    "hebrew2",
    "chineseCounting",
    "chineseCountingThousand",
    "japaneseCounting",
    "ideographTraditional",
]


@pytest.mark.parametrize("fmt", FORMATS)
def test_list_labels_are_what_libreoffice_shows(libreoffice: LibreOffice, fmt: str, tmp_path: Path) -> None:
    numbering = fx.numbering_xml(fx.abstract(1, fx.lvl(0, fmt, "%1.")) + fx.num(1, 1))
    # 1 to 130: past the last letter of each alphabet (28, 22), the teens of Hebrew numerals
    # (15 and 16 are not י+ה, י+ו), the hundreds.
    items = [f"Item {k} of the list." for k in range(1, 131)]
    path = fx.build_docx(tmp_path / f"{fmt}.docx", "".join(fx.np(text, 1) for text in items), numbering=numbering)
    shown = libreoffice.read(path).labels()
    read = [p.num or "" for p in api.parse(path).walk()]
    assert read == shown
