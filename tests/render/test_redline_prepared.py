"""render.redline.prepare (issue 18): what a redline needs of the two drafts alone, made
while the flags are made (api.diff), gives the very bytes the render makes without it;
it is taken once, and only by a comparison of those drafts."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit import api
from draftkit.compare import compare
from draftkit.readers import read
from draftkit.render.redline import prepare, render_docx
from draftkit.risk import flag

DRAFTS = Path(__file__).resolve().parents[2] / "drafts"
DATE = "2026-11-24T00:00:00Z"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("framework-v1.docx", "framework-v2.docx"),
        ("framework-v3.docx", "framework-v3-tracked.docx"),
        ("framework-v2.txt", "framework-v1.docx"),
    ],
)
def test_a_prepared_redline_is_the_redline(old: str, new: str) -> None:
    old_draft, new_draft = read(DRAFTS / old), read(DRAFTS / new)
    comparison = flag(compare(old_draft, new_draft))
    alone = render_docx(comparison, date=DATE)
    prepared = prepare(old_draft, new_draft)
    assert prepared is not None
    assert render_docx(comparison, date=DATE, prepared=prepared) == alone
    assert prepared.take(comparison) is None  # taken once: the base was written into
    assert render_docx(comparison, date=DATE, prepared=prepared) == alone


def test_prepared_for_other_drafts_is_not_taken() -> None:
    old_draft, new_draft = read(DRAFTS / "framework-v1.docx"), read(DRAFTS / "framework-v2.docx")
    prepared = prepare(old_draft, new_draft)
    other = compare(read(DRAFTS / "framework-v1.docx"), new_draft)  # equal drafts, not these
    assert prepared is not None and prepared.take(other) is None
    assert prepared.take(compare(old_draft, new_draft)) is not None


def test_nothing_is_prepared_for_a_new_draft_not_read_from_docx() -> None:
    assert prepare(read(DRAFTS / "framework-v1.docx"), read(DRAFTS / "framework-v2.txt")) is None


def test_redline_bytes_makes_it_while_flagging_and_gives_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """api.redline_bytes prepares the redline during the flags; the bytes are the render's
    own from the same comparison."""
    from draftkit.render import redline

    taken: list[bool] = []
    original = redline.Prepared.take

    def recording(self: redline.Prepared, comparison: object) -> object:
        made = original(self, comparison)  # type: ignore[arg-type]
        taken.append(made is not None)
        return made

    monkeypatch.setattr(redline.Prepared, "take", recording)
    old, new = DRAFTS / "framework-v1.docx", DRAFTS / "framework-v2.docx"
    data = api.redline_bytes(old, new, "docx", date=DATE)
    assert taken == [True]
    assert data == api.render_report(api.diff(old, new), "docx", date=DATE)


def test_a_file_changed_after_it_was_prepared_is_refused_at_render(tmp_path: Path) -> None:
    """The files are checked when the prepared base is taken, as the render checks them."""
    import shutil

    from draftkit.errors import InputError

    for changed in ("old", "new"):
        old_path, new_path = tmp_path / "old.docx", tmp_path / "new.docx"
        shutil.copy(DRAFTS / "framework-v1.docx", old_path)
        shutil.copy(DRAFTS / "framework-v2.docx", new_path)
        old_draft, new_draft = read(old_path), read(new_path)
        comparison = compare(old_draft, new_draft)
        prepared = prepare(old_draft, new_draft)
        shutil.copy(DRAFTS / "framework-v3.docx", old_path if changed == "old" else new_path)
        with pytest.raises(InputError, match="changed after it was read"):
            render_docx(comparison, date=DATE, prepared=prepared)
