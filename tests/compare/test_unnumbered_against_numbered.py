"""One text published unnumbered (a press summary, one line a point) against another rendering
of it numbered 1, 2, 3 … (a back-translation): the points stand in the same order, rewritten.
Position is evidence here as between two unnumbered texts: the k-th line of a window between
paired points and the k-th numbered point of a window of the same size take the slot prior
(compare.align's window pass). Before, the prior asked both sides to be unnumbered, and only
the points whose words survived were paired (2 of 6 in the real Gaza renderings of
../shared/realtexts/p5-gaza-21-to-20; compare3 read the other four as conflicts).
"""

from __future__ import annotations

from pathlib import Path

from draftkit.compare import compare
from draftkit.history import compare3
from draftkit.readers import read

SUMMARY = """Lorvania to become a demilitarised, weapons-free zone.

Valley to undergo reconstruction to improve the lives of its inhabitants.

Fighting to stop at once when both parties accept the plan; Velmar forces to begin a staged pull-out.

Within 48 hours of Velmar's acceptance, all detainees – alive or dead – to be handed over.

Velmar to free several hundred prisoners, over 900 Lorvanians held since the war, and the bodies of the fallen.

Pardon for militia members who pledge to live in peace; safe passage abroad for those who do not.
"""

BULLETS = """The Lorvania Plan
- Lorvania will become a demilitarised zone free of weapons that threatens none of its neighbours.
- The valley will be reconstructed for the benefit of its inhabitants, who have suffered for years.
- If both parties agree, the fighting will stop at once. Velmar forces will withdraw to an agreed line to prepare the handover of detainees, and the front lines will stay frozen until the conditions for a full pull-out are met.
- Within 72 hours of Velmar's public acceptance, all detainees, alive and dead, will be handed over.
- Once the detainees are handed over, Velmar will free 200 prisoners serving life terms and 1,400 Lorvanians held since 3 May 2024, including all women and minors.
- Militia members who commit to peaceful coexistence and give up their weapons will be pardoned. Those wishing to leave will be given safe passage to third countries.
"""

NUMBERED = """This is the text as the mediators released it:
1. Lorvania will be a zone free of weapons that is no danger to the states around it.
2. Lorvania will be restored for the good of its people, who have suffered long enough.
3. If both sides accept this proposal, the fighting will end at once. The Velmar forces will pull back to the agreed line to prepare the handover of detainees. Meanwhile all military operations will be halted and the front lines will stay frozen until the conditions for a full pull-out are met.
4. Within 72 hours after Velmar publicly accepts this agreement, all detainees, alive and dead, will be handed over.
5. Once all detainees are handed over, Velmar will free 200 prisoners serving life terms and 1,400 Lorvanians held after 3 May 2024, including all women and minors. For each Velmar detainee whose remains are handed over, Velmar will hand over the remains of 12 dead Lorvanians.
6. Once all detainees are handed over, militia members who commit to live in peace and give up their weapons will receive a pardon. Members who wish to leave Lorvania will be given safe passage to receiving countries.
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_unnumbered_lines_pair_with_numbered_points_in_their_slots(tmp_path: Path) -> None:
    old, new = _write(tmp_path, "summary.txt", SUMMARY), _write(tmp_path, "numbered.txt", NUMBERED)
    comparison = compare(read(str(old)), read(str(new)))
    paired = {
        (c.old[0].eid, c.new[0].num) for c in comparison.changes if c.kind == "modified" and c.old and c.new
    }
    # The rewritten hostilities and prisoners points too, not only those whose words survived.
    assert {
        ("para_1", "1."),
        ("para_3", "3."),
        ("para_4", "4."),
        ("para_5", "5."),
        ("para_6", "6."),
    } <= paired
    assert not [c for c in comparison.changes if c.kind in ("split", "merged")]


def test_compare3_of_two_renderings_pairs_them_before_reading_conflicts(tmp_path: Path) -> None:
    base = _write(tmp_path, "summary.txt", SUMMARY)
    a, b = _write(tmp_path, "bullets.txt", BULLETS), _write(tmp_path, "numbered.txt", NUMBERED)
    three = compare3(base, a, b, flags=False)
    deleted_in_b = [e for e in three.entries if e.kind == "conflict" and "deleted in B" in e.reason]
    assert len(deleted_in_b) <= 1, [e.reason for e in deleted_in_b]


def test_a_point_in_its_place_in_an_unnumbered_rendering_is_not_renumbered(tmp_path: Path) -> None:
    """'1.' against the first paragraph of a rendering without numbers: the number was not
    changed, the rendering has none; a point is renumbered only where its place changed."""
    old = _write(
        tmp_path,
        "numbered.txt",
        "1. The ceasefire in Lorvania enters into force on signature.\n\n"
        "2. Velmar forces withdraw from the valley within ten days.\n\n"
        "3. All detainees are released within a month.\n",
    )
    new = _write(
        tmp_path,
        "rendering.txt",
        "A ceasefire takes effect in Lorvania once the text is signed.\n\n"
        "Velmar forces withdraw from the valley within ten days.\n\n"
        "Every detainee goes free within a month.\n",
    )
    changes = {c.old_cite: c for c in compare(read(str(old)), read(str(new))).changes if c.old}
    assert {cite: (c.kind, c.new_cite, c.renumbered) for cite, c in changes.items()} == {
        "1": ("modified", "paragraph 1", False),
        "2": ("unchanged", "paragraph 2", False),
        "3": ("modified", "paragraph 3", False),
    }
