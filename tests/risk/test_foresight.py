"""risk.foresight (issue 18): the texts scored ahead while the drafts are compared are the
ones the flags score, and flags made with them are the flags made without."""

from __future__ import annotations

import marshal
import os
from pathlib import Path

import pytest

from draftkit.compare import compare
from draftkit.model import Draft, Provision
from draftkit.readers import read
from draftkit.risk import annotate, flag, load_taxonomy
from draftkit.risk.classify import text_scores
from draftkit.risk.foresight import likely_texts
from tests.fresh import run_fresh

DRAFTS = Path(__file__).resolve().parents[2] / "drafts"
PAIRS = [
    ("framework-v1.docx", "framework-v2.docx"),
    ("framework-v2.txt", "framework-v3-press.txt"),
    ("framework-v3.txt", "framework-v4-brackets.txt"),
    ("framework-v4-brackets.txt", "framework-v5-merged.txt"),
]


def _p(eid: str, text: str, *children: Provision, heading: str | None = None) -> Provision:
    return Provision("point", None, None, heading, text, tuple(children), eid=eid)


def test_a_changed_provision_brings_its_ancestors_and_descendants_and_nothing_unchanged() -> None:
    old = Draft(None, (), (_p("a", "Article one.", _p("a_1", "Kept."), _p("a_2", "Troops: 600,000.")),))
    new = Draft(
        None,
        (),
        (
            _p(
                "a",
                "Article one.",
                _p("a_1", "Kept."),
                _p("a_2", "Troops: 800,000.", _p("a_2_a", "Sub."), heading="Forces"),
            ),
        ),
    )
    texts = likely_texts(old, new)
    assert texts == ["Article one.", "Troops: 600,000.", "Troops: 800,000.", "Forces", "Sub."]
    assert "Kept." not in texts
    assert likely_texts(old, old) == []


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_flags_with_texts_scored_ahead_are_the_flags_without(a: str, b: str) -> None:
    rules = load_taxonomy(None)
    comparison = compare(read(DRAFTS / a), read(DRAFTS / b))
    # As the child sends them: through marshal.
    known = marshal.loads(
        marshal.dumps({t: text_scores(t, rules) for t in likely_texts(comparison.old, comparison.new)})
    )
    assert flag(comparison, rules, known=dict(known)) == flag(comparison, rules)
    assert flag(comparison, rules, known={}) == flag(comparison, rules)


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_the_likely_texts_are_the_texts_the_flags_score(
    a: str, b: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What makes it pay: the flags find nearly every text they score already made."""
    rules = load_taxonomy(None)
    comparison = compare(read(DRAFTS / a), read(DRAFTS / b))
    caches: list[dict[str, object]] = []
    made = annotate._Context.__init__

    def keep(self: annotate._Context, *args: object, **kwargs: object) -> None:
        made(self, *args, **kwargs)  # type: ignore[arg-type]
        caches.append(self.cache)  # type: ignore[arg-type]

    monkeypatch.setattr(annotate._Context, "__init__", keep)
    monkeypatch.setenv("DRAFTKIT_SEQUENTIAL", "1")
    flag(comparison, rules)
    scored = set(caches[-1])
    likely = set(likely_texts(comparison.old, comparison.new))
    assert scored, "nothing scored: the pair has no change"
    assert len(scored & likely) >= 0.75 * len(scored)  # the rest: moves, which are not foreseen


@pytest.mark.skipif(
    not hasattr(os, "fork") or len(os.sched_getaffinity(0)) < 2, reason="needs fork and two cores"
)
def test_a_diff_with_scores_made_ahead_in_a_child_is_the_diff_without() -> None:
    code = """
import os, sys
from draftkit import api, forked
from draftkit.risk import foresight
from draftkit.render.json_diff import render_json
assert forked.can_fork()
foresight.AT_LEAST = 0
taken = []
take = foresight.Foresight.take
def counted(self):
    known = take(self)
    taken.append(len(known))
    return known
foresight.Foresight.take = counted
ahead = render_json(api.diff(sys.argv[1], sys.argv[2]))
assert taken and taken[0] > 0, taken
os.environ["DRAFTKIT_SEQUENTIAL"] = "1"
assert render_json(api.diff(sys.argv[1], sys.argv[2])) == ahead
print("ok")
"""
    said = run_fresh(
        code,
        DRAFTS / "framework-v1.docx",
        DRAFTS / "framework-v2.docx",
        without="DRAFTKIT_SEQUENTIAL",
        timeout=300,
    )
    assert said.strip() == "ok"
