"""compare.align's best-first pass reuses a row's hits from its previous call (all pairs
compared, the free only shrunk since): the pairs it makes are those a fresh pass makes."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from draftkit.compare.align import LEFTOVER_THRESHOLD, _Aligner
from draftkit.model import Draft, Provision

_WORDS = ("shall", "withdraw", "forces", "within", "days")


def _draft(texts: list[str]) -> Draft:
    return Draft(None, (), tuple(Provision("point", f"{k + 1}.", None, None, t) for k, t in enumerate(texts)))


def _texts(rng: random.Random, n: int) -> list[str]:
    # Few words, so that many pairs score alike (ties broken by document order).
    return [" ".join(rng.choice(_WORDS) for _ in range(rng.randint(2, 4))) for _ in range(n)]


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.integers(2, 30), st.integers(2, 30), st.data())
def test_second_call_equals_a_fresh_one(seed: int, n: int, m: int, data: st.DataObject) -> None:
    rng = random.Random(seed)
    old, new = _draft(_texts(rng, n)), _draft(_texts(rng, m))
    kept = _Aligner(old, new)
    kept._best_first(list(range(n)), list(range(m)), LEFTOVER_THRESHOLD)
    # The hits depend on the texts only: whatever was paired since, a later call over fewer
    # free provisions (here: any subsets, nothing paired) gives what a fresh pass gives.
    for table in (kept.a2b, kept.b2a, kept.similarity):
        table.clear()
    later_a = sorted(data.draw(st.sets(st.integers(0, n - 1), min_size=1)))
    later_b = sorted(data.draw(st.sets(st.integers(0, m - 1), min_size=1)))
    fresh = _Aligner(old, new)
    assert kept._best_first(later_a, later_b, LEFTOVER_THRESHOLD) == fresh._best_first(
        later_a, later_b, LEFTOVER_THRESHOLD
    )
    assert kept.similarity == fresh.similarity
