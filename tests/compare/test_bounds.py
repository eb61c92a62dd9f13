"""Cost bounds of alignment and word diff (issues 12 item 7, 13 item 5): the shapes that once
took tens of seconds finish quickly, and the coarser fallbacks stay exact."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from draftkit.compare import compare
from draftkit.compare.textdiff import diff_words, new_text, old_text

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from compare_shapes import megaparagraph, near_repeats, repeats, reworded

# Generous limits (CI machines are shared): the shapes took 8–60 s before the bounds.
LIMIT_S = 5.0


@pytest.mark.parametrize(
    "build",
    [lambda: repeats(479), lambda: near_repeats(500), lambda: reworded(24_000)],
    ids=["repeats-479", "near-repeats-500", "reworded-24k"],
)
def test_pathological_shapes_compare_quickly(build: object) -> None:
    old, new = build()  # type: ignore[operator]
    started = time.perf_counter()
    comparison = compare(old, new)
    assert time.perf_counter() - started < LIMIT_S
    assert sum(len(c.old) for c in comparison.changes) == old.count()
    assert sum(len(c.new) for c in comparison.changes) == new.count()


def test_two_different_long_paragraphs_diff_exactly_and_quickly() -> None:
    old, new = megaparagraph(300_000)
    a = old.provisions[0].children[0].text
    b = new.provisions[0].children[0].text
    started = time.perf_counter()
    ops = diff_words(a, b)
    assert time.perf_counter() - started < LIMIT_S
    assert (old_text(ops), new_text(ops)) == (a, b)


@pytest.mark.parametrize("where", [0, 1000, 30_000])
def test_a_small_edit_in_a_long_paragraph_is_shown_as_words(where: int) -> None:
    old, _ = megaparagraph(200_000)
    a = old.provisions[0].children[0].text
    cut = a.index(" ", where) + 1
    b = a[:cut] + "not " + a[cut:]
    ops = diff_words(a, b)
    assert (old_text(ops), new_text(ops)) == (a, b)
    assert [op for op in ops if op[0] != "equal"] == [("insert", "not ")]


def test_long_texts_diffed_by_sentences_stay_exact() -> None:
    sentences_a = [f"Point {k} shall apply to zone {k % 7}." for k in range(30_000)]
    sentences_b = [f"Point {k} shall apply to zone {k % 5}." for k in range(30_000)]
    a, b = " ".join(sentences_a), " ".join(sentences_b)
    ops = diff_words(a, b)
    assert (old_text(ops), new_text(ops)) == (a, b)


def test_content_candidates_stay_linear_when_everything_shares_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two long drafts with little in common but a small vocabulary (every text holds words
    hundreds of others hold): each old text is scored against at most CANDIDATE_HITS new
    ones, not all of them (a 13,200-provision pair took minutes)."""
    import random

    from draftkit.compare import content

    rng = random.Random(7)
    vocabulary = [f"term{k}" for k in range(150)]
    olds, news = ([" ".join(rng.choices(vocabulary, k=14)) + "." for _ in range(1200)] for _ in range(2))
    similarity = content.ContentSimilarity(olds, news, lang="en")
    calls = 0
    score = content.ContentSimilarity.score

    def counted(self: content.ContentSimilarity, x: int, y: int) -> float:
        nonlocal calls
        calls += 1
        return score(self, x, y)

    monkeypatch.setattr(content.ContentSimilarity, "score", counted)
    found = similarity.candidates()
    assert calls <= content.CANDIDATE_HITS * len(olds)
    assert len(found) == 5 * len(olds)  # still up to five candidates each


def test_a_text_citing_thousands_of_paragraphs_is_read_in_linear_time() -> None:
    """One provision citing 10,000 paragraphs ("in accordance with paragraph N, …"): its
    citations are found, and masked in its risk tokens, without checking each against all
    the others (quadratic: a diff of such a provision took 34 s, now 1 s)."""
    from draftkit.compare.refs import find_references
    from draftkit.risk.tokens import Text

    text = "The Parties shall act " + " ".join(
        f"in accordance with paragraph {k % 50 + 1}," for k in range(10_000)
    )
    started = time.perf_counter()
    refs = find_references(text)
    masked = Text(text, masked=[(r.start, r.end) for r in refs])
    assert time.perf_counter() - started < LIMIT_S
    assert len(refs) == 10_000
    assert sum(1 for t in masked.tokens if t.norm == "#ref") == 10_000
