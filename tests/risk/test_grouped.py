"""A split or a merge is flagged for what it changes, not for what its parts repeated: a number
or an obligation both parts said is said once in the joined text (risk.matching `grouped`)."""

from __future__ import annotations

from pathlib import Path

from tests.risk.helpers import compare_texts

CEASE = "1. The parties shall cease all hostilities from 1 May.\n"


def _group_flags(tmp_path: Path, old: str, new: str) -> list[str]:
    comparison = compare_texts(tmp_path, CEASE + old, CEASE + new)
    groups = [c for c in comparison.changes if c.kind in ("merged", "split")]
    assert len(groups) == 1, [(c.kind, c.old_cite, c.new_cite) for c in comparison.changes]
    return [f"{f.severity} {f.message}" for f in groups[0].flags if f.severity != "low"]


def test_a_number_both_merged_points_said_is_not_removed(tmp_path: Path) -> None:
    old = (
        "2. The upstream Party shall release no less than 40 cubic metres per second at the gauge.\n"
        "3. When the flow at the gauge falls below 40 cubic metres per second, the shortfall shall"
        " be shared equally.\n"
    )
    new = (
        "2. The upstream Party shall release no less than 40 cubic metres per second at the gauge,"
        " and when the flow there falls below that rate, the shortfall shall be shared equally.\n"
    )
    assert _group_flags(tmp_path, old, new) == []
    # … and split again: nothing added either.
    assert _group_flags(tmp_path, new, old) == []


def test_an_obligation_three_points_repeated_is_not_removed_twice(tmp_path: Path) -> None:
    old = (
        "2. Artillery above 100 mm shall be withdrawn 25 km from the line of contact.\n"
        "3. Rocket launchers shall be withdrawn 40 km from the line of contact.\n"
        "4. Tanks and armoured vehicles shall be withdrawn 15 km from the line of contact.\n"
    )
    new = (
        "2. Artillery above 100 mm, rocket launchers, and tanks and armoured vehicles shall be"
        " pulled back 25 km, 40 km and 15 km respectively from the line of contact.\n"
    )
    assert _group_flags(tmp_path, old, new) == []


def test_what_a_merge_drops_is_still_flagged(tmp_path: Path) -> None:
    old = (
        "2. Artillery above 100 mm shall be withdrawn 25 km from the line of contact.\n"
        "3. Multiple rocket launchers shall be withdrawn 40 km from the line of contact within 14 days.\n"
    )
    new = (
        "2. Artillery above 100 mm and multiple rocket launchers shall be withdrawn 25 km from the"
        " line of contact.\n"
    )
    flags = _group_flags(tmp_path, old, new)
    assert any("40" in f for f in flags), flags
    assert any("14 days" in f for f in flags), flags
