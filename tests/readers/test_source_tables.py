"""The DOCX reader records whether the body holds a table (Source.tables), so that the flags
need not open the file again to find none (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit import api
from draftkit.risk.objects import table_rows
from tests.fixtures.docx import make_fixtures as fx
from tests.hostile.test_deception import HEADING, Doc, sentence
from tests.render.test_redline_tables import PHASES, _table

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "docx"


@pytest.mark.parametrize("name", ["content.docx", "numbering.docx", "tracked.docx"])
def test_a_docx_with_a_table_says_so(name: str) -> None:
    draft = api.parse(FIXTURES / name)
    assert draft.source is not None and draft.source.tables is True


def test_other_formats_do_not_know(tmp_path: Path) -> None:
    text = tmp_path / "d.txt"
    text.write_text("1. One.\n2. Two.\n", encoding="utf-8")
    draft = api.parse(text)
    assert draft.source is not None and draft.source.tables is None


def test_a_draft_without_a_table_is_not_opened_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import draftkit.readers.safezip as safezip

    draft = api.parse(Doc(HEADING + fx.p(fx.r(sentence()))).build(tmp_path / "plain.docx"))
    assert draft.source is not None and draft.source.tables is False

    def refused(*args: object, **kwargs: object) -> object:
        raise AssertionError("the file was opened again")

    monkeypatch.setattr(safezip, "open_package", refused)
    assert table_rows(draft) == []


def test_a_table_recorded_still_gives_its_rows(tmp_path: Path) -> None:
    draft = api.parse(_table(PHASES[:2]).build(tmp_path / "t.docx"))
    assert draft.source is not None and draft.source.tables is True
    assert table_rows(draft) == [tuple(PHASES[0]), tuple(PHASES[1])]
