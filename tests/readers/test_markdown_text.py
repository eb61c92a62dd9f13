"""Markdown drafts: the emphasis a writer puts on a point's label is not part of the text,
and does not hide the label ("*3. Monitoring.*" was read as text of point 2)."""

from __future__ import annotations

from pathlib import Path

from draftkit import api


def test_italic_and_bold_labels_start_their_points(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(
        "FRAMEWORK AGREEMENT\n\n**1. Ceasefire.** The Parties shall cease all hostilities.\n\n"
        "__2. Withdrawal.__ Forces shall withdraw 15 km.\n\n*3. Monitoring.* A mission shall verify.\n\n"
        "_4. Review._ The plan is reviewed.\n",
        encoding="utf-8",
    )
    draft = api.parse(path)
    assert [(p.num, p.text) for p in draft.provisions] == [
        ("1.", "Ceasefire. The Parties shall cease all hostilities."),
        ("2.", "Withdrawal. Forces shall withdraw 15 km."),
        ("3.", "Monitoring. A mission shall verify."),
        ("4.", "Review. The plan is reviewed."),
    ]


def test_bullets_products_and_names_with_underscores_keep_their_characters(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(
        "Notes\n\n* The ceiling is 2 * 3 * 100 troops.\n* The file draft_v2_final is the base.\n",
        encoding="utf-8",
    )
    texts = [p.text for p in api.parse(path).provisions]
    assert texts == ["The ceiling is 2 * 3 * 100 troops.", "The file draft_v2_final is the base."]


def test_every_titled_roman_group_is_a_section_not_only_the_first(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "FRAMEWORK\n\nI. SECURITY\n1. The Parties shall cease all hostilities.\n2. Forces shall withdraw 15 km.\n"
        "II. TERRITORY\n1. The line of contact is the boundary.\n",
        encoding="utf-8",
    )
    draft = api.parse(path)
    assert [(p.kind, p.num, p.heading, len(p.children)) for p in draft.provisions] == [
        ("section", "I.", "SECURITY", 2),
        ("section", "II.", "TERRITORY", 1),
    ]
