"""Invisible and look-alike characters are named as what they are (issue 13, item 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit import diff
from draftkit.risk.hygiene import skeleton


def _flags(tmp_path: Path, old: str, new: str) -> list[tuple[str, str]]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(f"T\n\n1. {old}\n2. Keep.\n", encoding="utf-8")
    b.write_text(f"T\n\n1. {new}\n2. Keep.\n", encoding="utf-8")
    return [(f.severity, f.message) for c in diff(a, b).changes for f in c.flags]


def test_zero_width_space_inside_a_number_is_named(tmp_path: Path) -> None:
    flags = _flags(tmp_path, "Troops shall not exceed 600,000.", "Troops shall not exceed 8\u200b00,000.")
    assert (
        "high",
        "Hidden or look-alike characters in the new text: zero-width space inside '8⟨U+200B⟩00,000.'",
    ) in flags


def test_a_cyrillic_letter_in_not_is_high_and_nothing_else(tmp_path: Path) -> None:
    flags = _flags(
        tmp_path, "The Parties shall not deploy forces.", "The Parties shall n\u043et deploy forces."
    )
    assert [s for s, _ in flags] == ["high", "high"]
    assert any("mixes Latin and Cyrillic letters (о U+043E)" in m for _, m in flags)
    assert any(m.startswith("The text looks unchanged on screen") for _, m in flags)


def test_the_same_characters_on_both_sides_are_not_this_changes_doing(tmp_path: Path) -> None:
    flags = _flags(tmp_path, "Caf\u00e9 n\u043et 30 days.", "Caf\u00e9 n\u043et 60 days.")
    assert not any(m.startswith("Hidden") for _, m in flags)


@pytest.mark.parametrize(
    ("text", "seen"),
    [("n\u043et", "not"), ("8\u200b00", "800"), ("\u202eabc", "abc"), ("\uff11", "1")],
)
def test_skeleton(text: str, seen: str) -> None:
    assert skeleton(text) == seen


def test_cyrillic_text_alone_is_not_suspicious(tmp_path: Path) -> None:
    flags = _flags(tmp_path, "Сторони не розгортають війська.", "Сторони не розміщують війська.")
    assert not any(m.startswith(("Hidden", "The text looks")) for _, m in flags)


def test_a_clause_is_not_cut_at_an_abbreviation(tmp_path: Path) -> None:
    """Issue 14 item 2: 'Moscow or St' was cut at the dot of 'St.'."""
    flags = _flags(
        tmp_path,
        "The security guarantee shall lapse if Ukraine launches missiles at Moscow or St. Petersburg.",
        "The security guarantee shall lapse.",
    )
    assert any("Moscow or St. Petersburg'" in m for _, m in flags), flags
