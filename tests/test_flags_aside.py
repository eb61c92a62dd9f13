"""draftkit.flags_aside (issue 18): beside a long DOCX redline the child that read the old
draft flags the comparison, given it as plain values; the comparison it rebuilds is the very
comparison (field by field), and the redline is byte for byte the one made in order — also
when that child fails, where this process flags it itself."""

from __future__ import annotations

import marshal
import os
from dataclasses import replace
from pathlib import Path

import pytest

from draftkit import flags_aside
from draftkit.compare import compare
from draftkit.compare.changes import Comparison, Flag, Pin
from draftkit.readers import read
from tests.fresh import run_fresh

DRAFTS = Path(__file__).resolve().parents[1] / "drafts"
PAIRS = [
    ("framework-v1.docx", "framework-v2.docx"),
    ("framework-v2.docx", "framework-v3-tracked.docx"),
    ("framework-v2.txt", "framework-v1.docx"),
    ("framework-v3-press.txt", "framework-v4-brackets.txt"),
    ("framework-v4-brackets.txt", "framework-v5-merged.txt"),
    ("framework-v2.pdf", "framework-v3.docx"),
]


def _again(comparison: Comparison) -> Comparison | None:
    sent = marshal.loads(
        marshal.dumps(flags_aside.plain_comparison(comparison, comparison.old, comparison.new))
    )
    old = read(Path(comparison.old.source.path)) if comparison.old.source else comparison.old
    new = read(Path(comparison.new.source.path)) if comparison.new.source else comparison.new
    return flags_aside.comparison_from_plain(sent, old, new)  # of the drafts as the child reads them


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_a_comparison_made_plain_is_made_again_equal(a: str, b: str) -> None:
    comparison = compare(read(DRAFTS / a), read(DRAFTS / b))
    kinds = {c.kind for c in comparison.changes}
    assert len(kinds) > 1, kinds
    again = _again(comparison)
    assert again is not None
    assert again == comparison
    assert again.new.warnings == comparison.new.warnings  # (not compared by Draft's equality)
    # Flags, categories, pins and a lens, and a text that is not its provision's own object.
    change = comparison.changes[-1]
    edited = replace(
        comparison,
        changes=(
            *comparison.changes[:-1],
            replace(
                change,
                flags=(Flag("wording", "general", "low", "Reworded.", "a", "b"),),
                old_category=("general",),
                old_text="".join(change.old_text),
            ),
        ),
        pins=(Pin("art_1", None, "Article 1", None),),
        lens="translation",
    )
    assert _again(edited) == edited


def test_a_comparison_of_other_drafts_is_not_made_plain() -> None:
    comparison = compare(read(DRAFTS / "framework-v1.docx"), read(DRAFTS / "framework-v2.docx"))
    other = read(DRAFTS / "framework-v2.docx")
    assert flags_aside.plain_comparison(comparison, comparison.old, other) is None
    assert flags_aside.comparison_from_plain(("shape", None), comparison.old, comparison.new) is None


_REDLINE = """
import os, sys
from draftkit import api, flags_aside, forked
from draftkit.readers import pair
assert forked.can_fork()
pair._MIN_BYTES = 0  # side by side, short drafts too
came = []
flagged = flags_aside.flagged
flags_aside.flagged = lambda comparison, pieces: came.append(len(pieces)) or flagged(comparison, pieces)
if sys.argv[3] == "failing":  # the child fails: this process flags the comparison itself
    flags_aside._flags = lambda *args: 1 / 0
aside = api.redline_bytes(sys.argv[1], sys.argv[2], "docx", date="2026-11-24", summary=True)
if sys.argv[3] == "failing":
    assert came == [0], came
else:
    assert came == [1], came  # the reading child's flags
    assert "draftkit.risk.annotate" not in sys.modules  # no rule loaded in this process
os.environ["DRAFTKIT_SEQUENTIAL"] = "1"
assert api.redline_bytes(sys.argv[1], sys.argv[2], "docx", date="2026-11-24", summary=True) == aside
print("ok")
"""


@pytest.mark.skipif(
    not hasattr(os, "fork") or len(os.sched_getaffinity(0)) < 2, reason="needs fork and two cores"
)
@pytest.mark.parametrize("child", ["flagging", "failing"])
@pytest.mark.parametrize(
    ("a", "b"),
    [("framework-v1.docx", "framework-v2.docx"), ("framework-v2.txt", "framework-v3-tracked.docx")],
)
def test_a_redline_flagged_by_the_reading_child_is_the_redline_made_in_order(
    a: str, b: str, child: str
) -> None:
    said = run_fresh(_REDLINE, DRAFTS / a, DRAFTS / b, child, without="DRAFTKIT_SEQUENTIAL", timeout=300)
    assert said.strip() == "ok"
