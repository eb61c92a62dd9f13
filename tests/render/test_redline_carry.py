"""The redline's look at the old file for tables (`Carrier.may_hold_tables`, issue 18): the
old package is parsed for `restore_rows` only where the old body may hold a table (or a
loose paragraph stands in one). The look must never say "no table" where there is one,
and skipping the old file must not change the redline."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import cast

import pytest
from lxml import etree

import draftkit.render.redline.carry as carry
from draftkit.compare import compare
from draftkit.readers import read
from draftkit.readers.docx_text import may_hold_ids
from draftkit.render.docx_redline import render_docx
from draftkit.render.redline.base import Base, docx_base
from draftkit.render.redline.carry import Carrier
from draftkit.render.wml import max_revision_id

ROOT = Path(__file__).resolve().parents[2]
FRAMEWORK = ROOT / "drafts" / "framework-v1.docx"  # no table
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _with_document(tmp_path: Path, name: str, document: bytes) -> Path:
    """framework-v1.docx with its main part replaced by `document` (not parsed here)."""
    out = tmp_path / name
    buffer = io.BytesIO()
    with zipfile.ZipFile(FRAMEWORK) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            data = document if info.filename == "word/document.xml" else source.read(info)
            target.writestr(info, data)
    out.write_bytes(buffer.getvalue())
    return out


def _carrier(path: Path, tables: bool | None = None) -> Carrier:
    return Carrier(cast(Base, None), path, tables=tables)


def _document(body: str, prefix: str = "w") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><{prefix}:document xmlns:{prefix}="{W}">'
        f"<{prefix}:body>{body}</{prefix}:body></{prefix}:document>"
    )


TABLE = "<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p/>"


@pytest.mark.parametrize(
    ("body", "prefix", "expected"),
    [
        ("<w:p><w:r><w:t>tblGrid tbl w:tblPr</w:t></w:r></w:p>", "w", False),  # the word in text only
        (TABLE, "w", True),
        (TABLE.replace("w:", "wx:"), "wx", True),  # another prefix
        ("<w:tbl\n><w:tr/></w:tbl>", "w", True),  # a newline before the end of the tag
        ("<w:tbl/>", "w", True),
    ],
)
def test_table_start_tags_are_found(tmp_path: Path, body: str, prefix: str, expected: bool) -> None:
    path = _with_document(tmp_path, "doc.docx", _document(body, prefix).encode("utf-8"))
    assert _carrier(path).may_hold_tables() is expected


def test_a_default_namespace_table_is_found(tmp_path: Path) -> None:
    document = f'<?xml version="1.0"?><document xmlns="{W}"><body><tbl><tr/></tbl></body></document>'
    path = _with_document(tmp_path, "doc.docx", document.encode("utf-8"))
    assert _carrier(path).may_hold_tables()


def test_a_part_not_in_an_ascii_superset_may_hold_one(tmp_path: Path) -> None:
    """UTF-16 bytes cannot be searched for ASCII tags: the answer is "maybe"."""
    document = _document("<w:p/>").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    path = _with_document(tmp_path, "doc.docx", document.encode("utf-16"))
    assert _carrier(path).may_hold_tables()


def test_the_readers_word_is_taken_and_a_loaded_carrier_is_not_second_guessed(tmp_path: Path) -> None:
    with_table = _with_document(tmp_path, "t.docx", _document(TABLE).encode("utf-8"))
    assert _carrier(FRAMEWORK, tables=True).may_hold_tables()
    assert not _carrier(with_table, tables=False).may_hold_tables()
    loaded = _carrier(FRAMEWORK)
    loaded.loaded = True
    assert loaded.may_hold_tables()


@pytest.mark.parametrize(
    "path",
    sorted((ROOT / "tests" / "cases" / "loose").glob("*.docx"))
    + sorted((ROOT / "drafts").glob("*.docx"))
    + [ROOT / "tests" / "fixtures" / "docx" / n for n in ("content.docx", "lo_rich.docx", "tracked.docx")],
    ids=lambda p: p.name,
)
def test_no_table_found_means_none_in_the_old_body(path: Path) -> None:
    """Whenever the bytes say no table, the parsed old body has none (the look errs one way)."""
    if _carrier(path).may_hold_tables():
        return
    base = docx_base(read(path))
    assert base is not None
    carrier = Carrier(base, path)
    carrier.load()
    tc = f"{{{W}}}tc"
    assert not any(p.getparent() is not None and p.getparent().tag == tc for p in carrier.paragraphs)


def test_some_fixture_holds_a_table() -> None:
    """The property above is not vacuous: a fixture with a table answers True."""
    assert _carrier(ROOT / "tests" / "cases" / "loose" / "docx-numbers-tables.docx").may_hold_tables()


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("drafts/framework-v1.docx", "drafts/framework-v2.docx"),
        ("drafts/framework-v2.docx", "drafts/framework-v3.docx"),
        ("tests/cases/loose/docx-numbers-tables.docx", "tests/cases/loose/docx-nested-ilvl.docx"),
    ],
)
def test_skipping_the_old_file_does_not_change_the_redline(
    old: str, new: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    comparison = compare(read(ROOT / old), read(ROOT / new))
    for moves in (False, True):
        quick = render_docx(comparison, date="2026-11-24T00:00:00Z", moves=moves)
        with monkeypatch.context() as patch:
            patch.setattr(carry.Carrier, "may_hold_tables", lambda self: True)
            slow = render_docx(comparison, date="2026-11-24T00:00:00Z", moves=moves)
        assert quick == slow


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        (_document("<w:p/>").encode(), False),
        (_document('<w:bookmarkStart w:id="7" w:name="x"/>').encode(), True),
        (_document('<w:ins w:id = "7"/>').encode(), True),  # a space before "="
        (
            _document('<w:bookmarkStart w:id="7"/>')
            .replace('encoding="UTF-8"', 'encoding="UTF-16"')
            .encode("utf-16"),
            True,
        ),
    ],
)
def test_a_part_without_any_id_is_told_from_its_bytes(part: bytes, expected: bool) -> None:
    """base.docx_base searches a part for its largest w:id only where one may stand."""
    assert may_hold_ids(part) is expected
    if not expected:
        assert max_revision_id(etree.fromstring(part)) == 0
