"""A point whose label changes dress but not number ('1)' → '1.', 'Point 2 –' → '2.') is not
renumbered; a new number, numeral or keyword is."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit import api
from draftkit.compare.refs import same_number


def _compare(tmp_path: Path, old: str, new: str) -> list[tuple[str, bool]]:
    (tmp_path / "old.txt").write_text(old, encoding="utf-8")
    (tmp_path / "new.txt").write_text(new, encoding="utf-8")
    comparison = api.diff(tmp_path / "old.txt", tmp_path / "new.txt", flags=False)
    return [(c.kind, c.renumbered) for c in comparison.changes if c.old and c.new]


BODY = ("The guarantor states shall meet within a week.", "Observers shall report monthly.")


@pytest.mark.parametrize(
    ("old_labels", "new_labels"),
    [
        (("1)", "2)"), ("1.", "2.")),
        (("Point 1 –", "Point 2 –"), ("1.", "2.")),
        (("(1)", "(2)"), ("1)", "2)")),
    ],
)
def test_a_label_restyled_is_not_renumbered(
    tmp_path: Path, old_labels: tuple[str, ...], new_labels: tuple[str, ...]
) -> None:
    old = "Memorandum\n\n" + "\n\n".join(
        f"{label} {text}" for label, text in zip(old_labels, BODY, strict=True)
    )
    new = "Memorandum\n\n" + "\n\n".join(
        f"{label} {text}" for label, text in zip(new_labels, BODY, strict=True)
    )
    assert _compare(tmp_path, old + "\n", new + "\n")[-2:] == [("unchanged", False), ("unchanged", False)]


def test_a_new_number_is_still_renumbered(tmp_path: Path) -> None:
    old = "Memorandum\n\n1) Observers shall report monthly.\n\n2) The guarantor states shall meet within a week.\n"
    new = "Memorandum\n\n1. A new first point.\n\n2. Observers shall report monthly.\n\n3. The guarantor states shall meet within a week.\n"
    assert _compare(tmp_path, old, new)[-2:] == [("unchanged", True), ("unchanged", True)]


@pytest.mark.parametrize(
    ("old", "new", "same"),
    [
        ("1)", "1.", True),
        ("(b)", "b)", True),
        ("Point 3", "3.", True),
        ("§ 4", "4.", True),
        ("2.", "3.", False),
        ("I.", "1.", False),
        ("Article 2", "Section 2", False),
        ("1.", "1.1.", False),
        (None, "1.", False),
    ],
)
def test_same_number(old: str | None, new: str | None, same: bool) -> None:
    assert same_number(old, new) is same


def test_bullets_numbered_in_place_are_not_renumbered_and_one_moved_is(tmp_path: Path) -> None:
    """A list published with bullets, then numbered ('•' → '1.'): each point at its place is
    not renumbered; a point that changed place is."""
    lines = ("The zone is preserved.", "Heavy weapons are withdrawn.", "Patrols are coordinated.")
    old = "Memorandum\n\n" + "\n".join(f"• {line}" for line in lines) + "\n"
    new = "Memorandum\n\n" + "\n".join(f"{k}. {line}" for k, line in enumerate(lines, 1)) + "\n"
    assert _compare(tmp_path, old, new)[-3:] == [("unchanged", False)] * 3
    moved = (
        "Memorandum\n\n1. A new first point.\n"
        + "\n".join(f"{k}. {line}" for k, line in enumerate(lines, 2))
        + "\n"
    )
    assert _compare(tmp_path, old, moved)[-3:] == [("unchanged", True)] * 3
