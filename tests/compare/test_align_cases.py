"""Alignment on the labelled paraphrase cases of tests/cases/align (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path

from draftkit.compare import compare
from draftkit.readers import read

CASES = Path(__file__).resolve().parents[1] / "cases" / "align"
# Measured floor (first 4 cases — HEAD before the content pass: F1 0.585; content pass 0.711;
# with the stand-out and window tiers, aliases and demonyms 0.885; names opening a sentence,
# numbers in words, weeks as days and runners-up among free provisions only 0.906). With the
# 6 cases helper F added (untuned on them: F1 0.844 over all 10, 0.812 on the 6), after the
# gap splits in both directions, the weak-pair veto, content merges/splits and the lexicon's
# concepts, one-to-one to the end (same slot only): 0.911 over all 10 (precision 1.0,
# recall 0.837). Target 0.9.
MIN_F1 = 0.9


def _links(case: Path) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    comparison = compare(read(case / "old.txt"), read(case / "new.txt"))
    found = {
        ((o.num or "").rstrip("."), (n.num or "").rstrip("."))
        for change in comparison.changes
        for o in change.old
        for n in change.new
        if o.kind not in ("preface", "recital")
    }
    return found, {(a, b) for a, b in expected["pairs"]}


def test_paraphrase_cases_f1_and_no_wrong_pair() -> None:
    common = found_n = true_n = 0
    wrong: list[str] = []
    for case in sorted(p for p in CASES.iterdir() if (p / "expected.json").exists()):
        found, truth = _links(case)
        common += len(found & truth)
        found_n += len(found)
        true_n += len(truth)
        wrong += [f"{case.name}: {a} → {b}" for a, b in sorted(found - truth)]
    precision = common / found_n if found_n else 1.0
    recall = common / true_n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    assert not wrong, wrong
    assert f1 >= MIN_F1, f"F1 {f1:.3f} (precision {precision:.3f}, recall {recall:.3f})"


def test_a_rewritten_point_is_modified_with_confidence() -> None:
    case = CASES / "counter-ceasefire"
    comparison = compare(read(case / "old.txt"), read(case / "new.txt"))
    (change,) = [c for c in comparison.changes if c.old_cite == "6"]
    assert (change.kind, change.new_cite, change.rewritten) == ("modified", "6", True)
    assert change.confidence is not None and 0 < change.confidence <= 1


def test_a_deletion_names_its_plausible_replacement() -> None:
    """successor-plan: old 6 (safe corridor for mercenaries) has too little evidence to pair
    with new 10 (withdraw fighters and mercenaries), but the report names it."""
    case = CASES / "successor-plan"
    comparison = compare(read(case / "old.txt"), read(case / "new.txt"))
    (change,) = [c for c in comparison.changes if c.old_cite == "6"]
    assert (change.kind, change.possibly_replaced_by) == ("deleted", "10")
    # A suggestion is mutual: no added provision is suggested for two deletions.
    suggested = [c.possibly_replaced_by for c in comparison.changes if c.possibly_replaced_by]
    assert len(suggested) == len(set(suggested))


def test_unnumbered_points_pair_by_slot_and_content(tmp_path: Path) -> None:
    """Two texts published unnumbered (one line, one bullet per point), rewritten in
    between: the window pass pairs points in the same slot when their content agrees."""
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(
        "Velmar to become a demilitarised zone under international monitoring.\n\n"
        "Corridor to undergo redevelopment for the return of residents.\n\n"
        "Within 48 hours of signature, all detainees to be released.\n\n"
        "Fighters handing in their weapons to receive an amnesty.\n",
        encoding="utf-8",
    )
    new.write_text(
        "Plan for the Velmar Corridor\n"
        "- Velmar will become a demilitarised zone under international monitoring.\n"
        "- The Corridor will be redeveloped so that its people can come home.\n"
        "- Within 72 hours of signature, all detainees will be released.\n"
        "- Those who lay down their weapons will be granted an amnesty and safe passage.\n",
        encoding="utf-8",
    )
    comparison = compare(read(old), read(new))
    pairs = {(c.old_cite, c.new_cite) for c in comparison.changes if c.old and c.new}
    for k in range(1, 5):
        assert (f"paragraph {k}", f"point {k}") in pairs, pairs


def test_a_point_rewritten_in_its_place_is_named_as_its_possible_replacement(tmp_path: Path) -> None:
    """Point 4 deleted and a point 4 added in its place, no word in common: nothing to pair
    them on, but the deletion names the point that stands where it stood ("Point 4 –" and
    "4." being one number in another dress)."""
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    points = (
        "A cessation of hostilities begins at 04:00 on 27 November.",
        "Lebanon shall prevent armed groups from carrying out any operations against Israel.",
        "Israel shall not carry out offensive military operations against Lebanese targets.",
    )
    last = "The army deploys 10,000 troops south of the Litani river."
    old.write_text(
        "\n".join(f"Point {k} – {p}" for k, p in enumerate(points, 1))
        + "\nPoint 4 – Israel keeps the freedom to strike threats where the army fails to act."
        + f"\nPoint 5 – {last}\n",
        encoding="utf-8",
    )
    new.write_text(
        "\n".join(f"{k}. {p}" for k, p in enumerate(points, 1))
        + "\n4. These commitments do not preclude either side from exercising its inherent right of self-defence."
        + f"\n5. {last}\n",
        encoding="utf-8",
    )
    comparison = compare(read(old), read(new))
    (deleted,) = [c for c in comparison.changes if c.kind == "deleted"]
    assert (deleted.old_cite, deleted.possibly_replaced_by) == ("Point 4", "4")
    assert [c.new_cite for c in comparison.changes if c.kind == "added"] == ["4"]


def test_a_restyled_list_keeps_its_slots(tmp_path: Path) -> None:
    """'Point 4 –' → '4.': the numbering is kept in another dress, so a point rewritten in its
    slot, with a word or two in common, is paired there as it is when the dress is kept."""
    points = (
        "A cessation of hostilities begins at 04:00 on 27 November.",
        "Lebanon shall prevent armed groups from carrying out any operations against Israel.",
        "Israel shall not carry out offensive military operations against Lebanese targets.",
    )
    old4 = "Israel retains the right to act against threats from the south by strikes where the army fails to act."
    new4 = "These commitments do not preclude either side from exercising its inherent right of self-defence."
    last = (
        "The army deploys 10,000 troops south of the Litani river and removes all unauthorized weapons there.",
    )
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(
        "\n".join(f"Point {k} – {p}" for k, p in enumerate((*points, old4, *last), 1)) + "\n",
        encoding="utf-8",
    )
    new.write_text(
        "\n".join(f"{k}. {p}" for k, p in enumerate((*points, new4, *last), 1)) + "\n", encoding="utf-8"
    )
    comparison = compare(read(old), read(new))
    (fourth,) = [c for c in comparison.changes if c.old_cite == "Point 4"]
    assert (fourth.kind, fourth.new_cite, fourth.rewritten) == ("modified", "4", True)
