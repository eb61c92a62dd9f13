"""render.redline.begin (issue 18): a redline written while the changes are flagged (api.diff),
each comment waiting for its change's flags, gives the very bytes the render makes of the
flagged comparison without it; where the flags would have changed the plan (a change with
nothing to show that is flagged after all) or the comparison changed otherwise, the redline
is written again, whole. Taken once, only with the same drafts and options."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from draftkit import api
from draftkit.compare import compare
from draftkit.compare.changes import Comparison, Flag
from draftkit.model import FRONT_KINDS
from draftkit.readers import read
from draftkit.render import redline
from draftkit.render.redline import begin, render_docx
from draftkit.risk import flag

DRAFTS = Path(__file__).resolve().parents[2] / "drafts"
DATE = "2026-11-24T00:00:00Z"
PAIRS = [
    ("framework-v1.docx", "framework-v2.docx"),
    ("framework-v3.docx", "framework-v3-tracked.docx"),
    ("framework-v2.txt", "framework-v1.docx"),
    ("framework-v3-press.txt", "framework-v4-brackets.txt"),
]


def _pair(old: str, new: str) -> tuple[Comparison, Comparison]:
    planned = compare(read(DRAFTS / old), read(DRAFTS / new))
    return planned, flag(planned)


@pytest.mark.parametrize(("old", "new"), PAIRS)
@pytest.mark.parametrize("moves", [False, True])
def test_a_redline_begun_before_the_flags_is_the_redline(old: str, new: str, moves: bool) -> None:
    planned, flagged = _pair(old, new)
    alone = render_docx(flagged, date=DATE, moves=moves, summary=moves)
    begun = begin(planned, author="draftkit", date=DATE, moves=moves)
    assert begun.take(flagged, "draftkit", DATE, moves) is not None
    begun = begin(planned, author="draftkit", date=DATE, moves=moves)
    assert render_docx(flagged, date=DATE, moves=moves, summary=moves, begun=begun) == alone
    assert begun.take(flagged, "draftkit", DATE, moves) is None  # taken once: its base was written into
    assert render_docx(flagged, date=DATE, moves=moves, summary=moves, begun=begun) == alone


def test_other_options_or_drafts_are_written_whole() -> None:
    planned, flagged = _pair("framework-v1.docx", "framework-v2.docx")
    assert (
        begin(planned, author="someone", date=DATE, moves=False).take(flagged, "draftkit", DATE, False)
        is None
    )
    assert (
        begin(planned, author="draftkit", date=DATE, moves=True).take(flagged, "draftkit", DATE, False)
        is None
    )
    other = flag(compare(read(DRAFTS / "framework-v1.docx"), planned.new))  # equal drafts, not these
    assert (
        begin(planned, author="draftkit", date=DATE, moves=False).take(other, "draftkit", DATE, False) is None
    )


def test_a_quiet_change_flagged_after_all_has_the_redline_written_again() -> None:
    """A change with nothing to show has no place in the plan; given a flag later (hygiene
    does, for a text that only looks unchanged) the plan was not the flagged comparison's:
    the redline is made whole, and is what it is without `begin`."""
    planned, flagged = _pair("framework-v1.docx", "framework-v2.docx")
    assert any(change.flags for change in flagged.changes)
    quiet = [
        k
        for k, c in enumerate(flagged.changes)
        if c.kind == "unchanged" and not c.moved and not c.flags and c.old[0].num == c.new[0].num
    ]
    front = [k for k in quiet if _kind(flagged, k) in FRONT_KINDS]
    body = [k for k in quiet if _kind(flagged, k) not in FRONT_KINDS]
    assert front and body
    for k, rewritten in ((body[0], True), (front[0], False)):  # a front unit always has its place
        changes = list(flagged.changes)
        changes[k] = replace(changes[k], flags=(Flag("hygiene", "hygiene", "low", "looks unchanged"),))
        later = replace(flagged, changes=tuple(changes))
        begun = begin(planned, author="draftkit", date=DATE, moves=False)
        assert (begun.take(later, "draftkit", DATE, False) is None) == rewritten
        begun = begin(planned, author="draftkit", date=DATE, moves=False)
        data = render_docx(later, date=DATE, begun=begun)
        assert data == render_docx(later, date=DATE)
        assert data != render_docx(flagged, date=DATE)  # the flag is there: one more comment


def _kind(comparison: Comparison, k: int) -> str:
    return comparison.changes[k].new[0].kind


def test_a_comparison_changed_otherwise_has_the_redline_written_again() -> None:
    planned, flagged = _pair("framework-v1.docx", "framework-v2.docx")
    k = next(k for k, c in enumerate(flagged.changes) if c.kind == "modified")
    changes = list(flagged.changes)
    changes[k] = replace(changes[k], renumbered=not changes[k].renumbered)
    assert (
        begin(planned, author="draftkit", date=DATE, moves=False).take(
            replace(flagged, changes=tuple(changes)), "draftkit", DATE, False
        )
        is None
    )


def test_a_file_changed_after_it_was_read_is_refused_at_render(tmp_path: Path) -> None:
    """The files are checked when the begun redline is taken, as the render checks them."""
    import shutil

    from draftkit.errors import InputError

    for changed in ("old", "new"):
        old_path, new_path = tmp_path / "old.docx", tmp_path / "new.docx"
        shutil.copy(DRAFTS / "framework-v1.docx", old_path)
        shutil.copy(DRAFTS / "framework-v2.docx", new_path)
        planned = compare(read(old_path), read(new_path))
        begun = begin(planned, author="draftkit", date=DATE, moves=False)
        shutil.copy(DRAFTS / "framework-v3.docx", old_path if changed == "old" else new_path)
        with pytest.raises(InputError, match="changed after it was read"):
            render_docx(flag(planned), date=DATE, begun=begun)


def test_redline_bytes_begins_it_while_flagging_and_gives_the_same_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    taken: list[bool] = []
    original = redline.Begun.take

    def recording(self: redline.Begun, *args: object) -> object:
        made = original(self, *args)  # type: ignore[arg-type]
        taken.append(made is not None)
        return made

    monkeypatch.setattr(redline.Begun, "take", recording)
    for old, new in PAIRS:
        data = api.redline_bytes(DRAFTS / old, DRAFTS / new, "docx", date=DATE, moves=True)
        assert data == api.render_report(api.diff(DRAFTS / old, DRAFTS / new), "docx", date=DATE, moves=True)
    assert taken == [True] * len(PAIRS)
