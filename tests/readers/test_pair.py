"""Two drafts read side by side (readers/pair.py, issue 18): the same drafts, warnings and
errors, in the same order, as reading one after the other."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from draftkit.errors import DraftkitError
from draftkit.readers import Limits, read, reporting
from draftkit.readers import pair as pair_module
from draftkit.readers.pair import read_pair

DRAFTS = Path(__file__).resolve().parents[2] / "drafts"

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or len(os.sched_getaffinity(0)) < 2, reason="side by side needs fork and two cores"
)


@pytest.fixture(autouse=True)
def _always_side_by_side(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundled drafts are small: read them side by side all the same."""
    monkeypatch.setattr(pair_module, "_MIN_BYTES", 0)
    monkeypatch.delenv("DRAFTKIT_SEQUENTIAL_READ", raising=False)


def _lines(old: Path | str, new: Path | str, side_by_side: bool) -> tuple[object, list[str]]:
    lines: list[str] = []
    with reporting(lines.append):
        if side_by_side:
            result: object = read_pair(old, new)
        else:
            result = (read(old), read(new))
    return result, lines


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("framework-v1.docx", "framework-v2.docx"),
        ("framework-v2.txt", "framework-v3-press.txt"),
        ("framework-v1.docx", "framework-v2.pdf"),
        ("framework-v3.docx", "framework-v3-tracked.docx"),
    ],
)
def test_same_drafts_and_warnings_in_the_same_order(old: str, new: str) -> None:
    assert pair_module._side_by_side(DRAFTS / old, DRAFTS / new)
    sequential, seq_lines = _lines(DRAFTS / old, DRAFTS / new, side_by_side=False)
    parallel, par_lines = _lines(DRAFTS / old, DRAFTS / new, side_by_side=True)
    assert parallel == sequential
    assert [d.warnings for d in parallel] == [d.warnings for d in sequential]  # type: ignore[attr-defined]
    assert par_lines == seq_lines


def test_press_text_warnings_come_out(tmp_path: Path) -> None:
    """A draft read in the child still sends its warnings (the old side of the pair)."""
    _, lines = _lines(DRAFTS / "framework-v3-press.txt", DRAFTS / "framework-v2.txt", side_by_side=True)
    assert lines and all(line.startswith(str(DRAFTS / "framework-v3-press.txt")) for line in lines)


def _error(old: Path, new: Path, side_by_side: bool) -> str:
    with pytest.raises(DraftkitError) as caught:
        if side_by_side:
            read_pair(old, new)
        else:
            read(old), read(new)
    return str(caught.value)


@pytest.mark.parametrize("broken_side", ["old", "new", "both"])
def test_the_same_error_as_reading_in_order(tmp_path: Path, broken_side: str) -> None:
    bad_old, bad_new = tmp_path / "bad-old.docx", tmp_path / "bad-new.docx"
    bad_old.write_bytes(b"PK\x03\x04 not really a zip")
    bad_new.write_bytes(b"%PDF-1.4 named .docx but nothing inside")
    good = DRAFTS / "framework-v1.docx"
    old = bad_old if broken_side in ("old", "both") else good
    new = bad_new if broken_side in ("new", "both") else good
    assert _error(old, new, side_by_side=True) == _error(old, new, side_by_side=False)


def test_strict_refuses_the_old_draft_first() -> None:
    old, new = DRAFTS / "framework-v3-press.txt", DRAFTS / "framework-v3-press.txt"
    with pytest.raises(DraftkitError) as caught:
        read_pair(old, new, limits=Limits(strict=True))
    assert "--strict" in str(caught.value)


def test_a_child_that_fails_leaves_the_reading_to_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """A child that dies before sending anything: the old draft is read here, same result."""
    monkeypatch.setattr(pair_module, "_encode", lambda draft: 1 / 0)
    old, new = DRAFTS / "framework-v1.docx", DRAFTS / "framework-v2.docx"
    assert read_pair(old, new) == (read(old), read(new))


def test_not_side_by_side_for_stdin_or_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = DRAFTS / "framework-v1.docx", DRAFTS / "framework-v2.docx"
    assert not pair_module._side_by_side("-", new)
    monkeypatch.setenv("DRAFTKIT_SEQUENTIAL_READ", "1")
    assert not pair_module._side_by_side(old, new)


def test_a_large_pair_is_read_side_by_side_and_small_ones_are_not(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pair_module, "_MIN_BYTES", 256 * 1024)
    assert not pair_module._side_by_side(DRAFTS / "framework-v1.docx", DRAFTS / "framework-v2.docx")
