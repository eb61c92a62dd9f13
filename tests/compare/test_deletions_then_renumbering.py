"""A successor text in the style of a ceasefire protocol's "package of measures": points
deleted, later points renumbered up and edited, one moved ahead of others. Each edited point
is paired with its old self (modified + renumbered), never reported deleted and added.

The Minsk Protocol → Package of Measures pair (benchmarks/heldout) also has old 8 → new 7 and
old 11 → new 8, but rewritten so that each pair shares one content word: those stay deleted +
added (docs/alignment.md, "Successor texts rewritten point by point"). This case keeps the
renumbering cascade with the edits a revision usually makes, and must keep pairing it.
"""

from __future__ import annotations

from pathlib import Path

from draftkit.compare import compare
from draftkit.readers import read

OLD = """MEMORANDUM ON THE ORAVA VALLEY

1. The sides shall stop all firing along the Orava line at once.
2. The Observer Mission shall verify that no weapons are fired along the Orava line.
3. The Assembly shall pass a statute devolving powers to the councils of the upper valley.
4. The Observer Mission shall watch the northern frontier and keep a buffer strip along it.
5. All captives held by either side shall be set free within ten days.
6. The Assembly shall pass a statute barring prosecution for acts linked to the fighting.
7. The sides shall keep up a dialogue open to every community.
8. The sides shall take steps to ease the humanitarian hardship of the upper valley.
9. Council elections shall be held early under the devolution statute.
10. Irregular fighters and their heavy equipment shall leave the upper valley.
11. The Assembly shall adopt a plan for the economic recovery of the upper valley and the return of normal life there.
12. The sides shall guarantee the safety of the delegates to these talks.
"""

NEW = """AGREED MEASURES FOR THE ORAVA VALLEY

1. The sides shall stop all firing along the Orava line at midnight on 1 March.
2. The Observer Mission shall verify with drones that no weapons are fired along the Orava line.
3. The Assembly shall pass a permanent statute devolving powers to the councils of the upper valley.
4. The Observer Mission shall watch the northern frontier.
5. All captives held by either side shall be exchanged all for all within five days.
6. The Assembly shall pass a statute granting pardon and barring prosecution for acts linked to the fighting.
7. The sides shall take steps to ease the humanitarian hardship of the upper valley, including safe access for aid.
8. The Assembly shall adopt a plan for the economic recovery of the upper valley and the return of pension payments there.
9. Council elections shall be held under the devolution statute and observed by the Mission.
10. Foreign fighters and their heavy equipment shall leave the upper valley.
"""


def test_points_deleted_then_later_points_renumbered_and_edited(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.txt").write_text(NEW, encoding="utf-8")
    comparison = compare(read(str(tmp_path / "old.txt")), read(str(tmp_path / "new.txt")))
    got = {(c.old_num, c.new_num, c.kind) for c in comparison.changes if c.old_num or c.new_num}
    assert ("8.", "7.", "modified") in got
    assert ("11.", "8.", "modified") in got  # moved ahead of old 9 and 10, renumbered
    assert ("9.", "9.", "modified") in got and ("10.", "10.", "modified") in got
    assert ("7.", None, "deleted") in got and ("12.", None, "deleted") in got
    assert not [c for c in comparison.changes if c.kind == "added" and c.new and c.new[0].num]
    moved = {c.old_num: c for c in comparison.changes}
    assert moved["8."].renumbered and moved["11."].renumbered


# A successor text that rewrites its first point and puts a long new point after it (a
# weapons pull-back in the setting's words: "both sides", "the Orava line"). The new point's
# best content candidate is the old first point, but it is new content, not a part of it: a
# group whose joined text reads less like the whole than its closer part alone is no group
# (compare.regroup.content_groups). Before, 1 → 1 + 2 was reported split (and, the drafts
# swapped, 1 + 2 → 1 merged).
NEW_WITH_PULLBACK = """AGREED MEASURES FOR THE ORAVA VALLEY

1. An immediate and complete cessation of fire along the Orava line, strictly kept from midnight on 1 March.
2. Withdrawal of all heavy guns by both sides from the Orava line by equal distances, to create a buffer strip 30 km wide, beginning on day 2 of the cessation of fire and ending within ten days.
3. The Observer Mission shall verify the cessation of fire and the withdrawal of heavy guns from day 1, using drones and radar.
4. The Assembly shall pass a permanent statute devolving powers to the councils of the upper valley.
5. Full control of the northern frontier returns to the government after the council elections.
6. All captives held by either side shall be exchanged all for all within five days.
7. The Assembly shall pass a statute granting pardon and barring prosecution for acts linked to the fighting.
8. Safe access and delivery of humanitarian aid to those in need in the upper valley.
9. Modalities for the full resumption of economic ties, including pension payments.
10. Council elections shall be held under the devolution statute and observed by the Mission.
11. Withdrawal of all foreign fighters and their heavy equipment from the valley.
"""


def _changes(tmp_path: Path, old: str, new: str) -> set[tuple[str | None, str | None, str]]:
    (tmp_path / "old.txt").write_text(old, encoding="utf-8")
    (tmp_path / "new.txt").write_text(new, encoding="utf-8")
    comparison = compare(read(str(tmp_path / "old.txt")), read(str(tmp_path / "new.txt")))
    return {(c.old_num, c.new_num, c.kind) for c in comparison.changes if c.old_num or c.new_num}


def test_a_new_point_after_a_rewritten_one_is_added_not_split_off(tmp_path: Path) -> None:
    got = _changes(tmp_path, OLD, NEW_WITH_PULLBACK)
    assert not [c for c in got if c[2] in ("split", "merged")], got
    assert ("1.", "1.", "modified") in got and (None, "2.", "added") in got
    assert ("2.", "3.", "modified") in got and ("3.", "4.", "modified") in got


def test_the_same_point_deleted_is_not_merged_into_its_neighbour(tmp_path: Path) -> None:
    got = _changes(tmp_path, NEW_WITH_PULLBACK, OLD)
    assert not [c for c in got if c[2] in ("split", "merged")], got
    assert ("1.", "1.", "modified") in got and ("2.", None, "deleted") in got


# Old 2 (short) is what new 3 extends: the same verification, now also of the pull-back. The
# character ratio of old 2 and new 3 is 0.52, of old 4 (the frontier point, which shares
# "ensure … verification by the Observer Mission") and new 3 0.57: the sibling DP took 4 → 3,
# a weak pair (under 0.66), and old 2 was left deleted. The content (0.63 for 2 → 3, 0.34 for
# 4 → 3) says otherwise: a weak pair that a sibling's content contests is weighed again in the
# window pass (compare.regroup.contested), and paired back only if the window leaves it free.
OLD_VERIFY = """MEMORANDUM ON THE ORAVA VALLEY

1. The sides shall stop all firing along the Orava line at once.
2. Ensure verification by the Observer Mission of the halt in firing.
3. The Assembly shall pass a statute devolving powers to the councils of the upper valley.
4. Ensure permanent observation of the northern frontier and verification by the Observer Mission, with a buffer strip along the frontier on both sides.
5. All captives held by either side shall be set free within ten days.
6. The Assembly shall pass a statute barring prosecution for acts linked to the fighting.
7. The sides shall keep up a dialogue open to every community.
"""

NEW_VERIFY = """MEASURES FOR THE ORAVA VALLEY

1. A complete cessation of fire along the Orava line from midnight on 1 March.
2. Withdrawal of all heavy guns by both sides to create a buffer strip at least 30 km wide.
3. Ensure effective verification of the halt in firing and of the withdrawal of heavy guns by the Observer Mission from day 1, with drones and radar.
4. Launch a dialogue on the modalities of council elections under the devolution statute.
5. The Assembly shall pass a statute granting pardon and barring prosecution for acts linked to the fighting.
6. All captives held by either side shall be exchanged all for all within five days.
7. Full control of the northern frontier returns to the government after the council elections.
"""


def test_a_weak_pair_gives_way_to_the_point_its_content_names(tmp_path: Path) -> None:
    got = _changes(tmp_path, OLD_VERIFY, NEW_VERIFY)
    assert ("2.", "3.", "modified") in got, got
    assert ("4.", "3.", "modified") not in got
    assert ("1.", "1.", "modified") in got and ("6.", "5.", "modified") in got
