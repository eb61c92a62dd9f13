"""Two texts of one provision each (two renderings of a press paragraph, one clause pasted
from two rounds): the one is the other, however reworded. Before, with no number, neighbour
or shared rare word to pair them by, a paragraph rewritten this much read as one deleted and
another added, and its flags as 'Paragraph deleted' and 'Paragraph added' (HIGH) instead of
what changed inside it (risk_heldout4: two translations of one sentence)."""

from __future__ import annotations

from pathlib import Path

from draftkit.api import diff
from draftkit.compare.changes import Comparison

OLD = "The Implementation Monitoring Committee (IMC) shall be chaired by a representative of the United Nations.\n"
NEW = "A representative of the UN shall chair the IMC.\n"


def _diff(tmp_path: Path, old: str, new: str) -> Comparison:
    (tmp_path / "old.txt").write_text(old, encoding="utf-8")
    (tmp_path / "new.txt").write_text(new, encoding="utf-8")
    return diff(tmp_path / "old.txt", tmp_path / "new.txt")


def test_one_provision_reworded_on_each_side_is_one_modified_pair(tmp_path: Path) -> None:
    comparison = _diff(tmp_path, OLD, NEW)
    assert [c.kind for c in comparison.changes] == ["modified"]
    assert not any(f.rule == "provision" for c in comparison.changes for f in c.flags)


def test_two_provisions_a_side_are_still_aligned_by_content(tmp_path: Path) -> None:
    """The rule is for one provision a side only: with two, an unrelated pair stays apart."""
    old = OLD + "\nThe ceasefire shall enter into force at midnight.\n"
    new = "The ceasefire shall enter into force at midnight.\n\nAll prisoners shall be released by Friday.\n"
    kinds = sorted(c.kind for c in _diff(tmp_path, old, new).changes)
    assert kinds == ["added", "deleted", "unchanged"]


def test_a_title_and_a_recital_are_no_one_provision(tmp_path: Path) -> None:
    """The title and preamble are aligned apart from the body (compare.engine.front_units): a
    title on one side and a publisher's line on the other are one unit a side there, but not
    one provision reworded. Paired, the press title's '28 points' and parties read as 'Number
    reduced by 8' and 'Party removed' (MEDIUM) against the line (realtexts p3-us28-to-20pt)."""
    body = "\n\n1. The sovereignty of Ukraine will be confirmed.\n\n2. A ceasefire takes effect at once.\n"
    old = "Here is the US-Russia agreement: the future of Ukraine in 28 points" + body
    new = "Below is the full list of the 20 points as presented." + body
    changes = _diff(tmp_path, old, new).changes
    assert sorted(c.kind for c in changes) == ["added", "deleted", "unchanged", "unchanged"]
    assert not any(f.severity != "low" for c in changes for f in c.flags)
