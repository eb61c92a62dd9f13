"""readers.kept (issue 18): while a DOCX redline is made, the main document the reader parsed
for the new draft is handed to the redline's base instead of being parsed again. The redline is
byte for byte the one made without it; only a tree a redline asked for, read from the very
file (path and SHA-256), never renamed by the reader, is handed over, once; none outlives the
redline."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from draftkit import api
from draftkit.readers import kept, read
from draftkit.render.redline import base
from tests.fixtures.docx import make_fixtures as fx

DRAFTS = Path(__file__).resolve().parents[2] / "drafts"
DATE = "2026-11-24T00:00:00Z"
PAIRS = [
    ("framework-v1.docx", "framework-v2.docx"),
    ("framework-v3.docx", "framework-v3-tracked.docx"),  # the base resolves its own revisions
    ("framework-v2.txt", "framework-v1.docx"),
]


def _parsed_by_base(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the parts the redline's base parses itself."""
    parsed: list[str] = []
    real = base.parse_xml

    def parse_xml(data: bytes, where: str) -> etree._Element:
        parsed.append(str(where))
        return real(data, where)

    monkeypatch.setattr(base, "parse_xml", parse_xml)
    return parsed


@pytest.mark.parametrize(("old", "new"), PAIRS)
@pytest.mark.parametrize("moves", [False, True])
def test_the_redline_is_the_one_made_without_the_kept_tree(
    old: str, new: str, moves: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = DRAFTS / old, DRAFTS / new
    alone = api.render_report(api.diff(a, b), "docx", date=DATE, moves=moves, generated=DATE)
    parsed = _parsed_by_base(monkeypatch)
    assert api.redline_bytes(a, b, "docx", date=DATE, moves=moves) == alone
    assert not any(where.endswith("word/document.xml") for where in parsed)  # taken, not parsed
    assert not kept._kept and not kept._wanted


def test_without_a_redline_nothing_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = DRAFTS / "framework-v1.docx", DRAFTS / "framework-v2.docx"
    api.diff(a, b)
    assert not kept._kept
    parsed = _parsed_by_base(monkeypatch)
    api.render_report(api.diff(a, b), "docx", date=DATE)
    assert any(where.endswith("word/document.xml") for where in parsed)  # the base parses it
    for fmt in ("html", "md", "json"):
        api.redline_bytes(a, b, fmt, date=DATE)
        assert not kept._kept and not kept._wanted


def test_taken_once_by_path_and_hash_and_dropped_when_the_redline_ends() -> None:
    path = DRAFTS / "framework-v2.docx"
    with kept.keeping(path):
        draft = read(path)
        assert draft.source is not None
        sha = draft.source.sha256
        assert kept.take(path, "0" * 64, "word/document.xml") is None  # another file's hash
        assert kept.take(path, sha, "word/other.xml") is None  # another part: dropped
        read(path)
        taken = kept.take(Path(str(path)), sha, "word/document.xml")
        assert taken is not None and etree.QName(taken[0]).localname == "document"
        with zipfile.ZipFile(path) as package:  # the bytes it was parsed from
            assert taken[1] == package.read("word/document.xml")
        assert kept.take(path, sha, "word/document.xml") is None  # handed over once
        read(path)
        with kept.keeping(path):  # nested: the outer one still wants it
            pass
        assert kept._kept
    assert not kept._kept and not kept._wanted
    read(path)
    assert not kept._kept


def test_a_tree_the_reader_renamed_is_not_kept(tmp_path: Path) -> None:
    """A Transitional file with Strict-namespace elements: the reader renames them; the base
    reads the file as it is, so it parses its own."""
    mixed = fx.build_docx(
        tmp_path / "mixed.docx",
        fx.p(fx.r("Article 1 Plain."))
        + f'<s:p xmlns:s="{fx.STRICT_W_NS}"><s:r><s:t>Article 2 Strict.</s:t></s:r></s:p>',
    )
    with kept.keeping(mixed):
        draft = read(mixed)
        assert [p.text for p in draft.walk()] == ["Plain.", "Strict."]  # read, once renamed
        assert not kept._kept
    plain = fx.build_docx(tmp_path / "plain.docx", fx.p(fx.r("Article 1 Plain.")))
    with kept.keeping(plain):
        read(plain)
        assert kept._kept


@pytest.mark.parametrize("seed", range(1, 9))
@pytest.mark.parametrize("moves", [False, True])
def test_the_kept_tree_gives_the_same_redline_on_generated_rounds(
    seed: int, moves: bool, tmp_path: Path
) -> None:
    """On Word-numbered rounds with every kind of edit (inserted, deleted, moved, split,
    merged, renumbered), the redline written into the tree kept from the reading (begun while
    the flags are made) is byte for byte the one written into the file parsed again."""
    from draftkit.render.docx_draft import write_draft_docx
    from tests.gen_pairs import make_pair

    pair = make_pair(seed)
    a, b = tmp_path / "old.docx", tmp_path / "new.docx"
    write_draft_docx(pair.old, a)
    write_draft_docx(pair.new, b)
    alone = api.render_report(api.diff(a, b), "docx", date=DATE, moves=moves, generated=DATE)
    assert api.redline_bytes(a, b, "docx", date=DATE, moves=moves) == alone
