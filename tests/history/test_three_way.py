"""Three-way: one side only, both the same way, conflict, delete/modify; compare3(B, B, T)
is diff(B, T) with every change "only B"."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from draftkit.compare import compare
from draftkit.history import ThreeWay, compare3
from draftkit.history.lineage import units
from tests.conftest import CASES
from tests.gen_pairs import make_pair

CASE = CASES / "history" / "three_way"


@pytest.fixture(scope="module")
def three() -> ThreeWay:
    return compare3(
        CASE / "base.txt",
        CASE / "veloria.txt",
        CASE / "astria.txt",
        flags=False,
        labels=("Veloria", "Astria"),
    )


def _kinds(three: ThreeWay) -> dict[str, str]:
    return {entry.cite: entry.kind for entry in three.entries}


def test_each_outcome(three: ThreeWay) -> None:
    kinds = _kinds(three)
    assert kinds["Article 1(1)"] == "unchanged"
    assert kinds["Article 1(2)"] == "conflict"  # 25 km vs 10 km / 60 days
    assert kinds["Article 1(3)"] == "same"  # both added the Drava Corridor
    assert kinds["Article 1(4)"] == "conflict"  # Veloria changed it, Astria deleted it
    assert kinds["Article 1(5)"] == "only_b"
    assert kinds["Article 1(7)"] == "only_a"  # added by Veloria
    by_cite = {e.cite: e for e in three.entries}
    assert by_cite["Article 1(2)"].reason == "changed differently in Veloria and Astria"
    assert by_cite["Article 1(4)"].reason == "deleted in Astria, changed in Veloria"
    assert three.summary()["conflict"] == 2


def test_conflict_keeps_both_wordings(three: ThreeWay) -> None:
    entry = next(e for e in three.entries if e.cite == "Article 1(2)")
    assert entry.a is not None and "25 km" in entry.a.new_text
    assert entry.b is not None and "10 km" in entry.b.new_text and "60 days" in entry.b.new_text


def test_every_base_unit_in_exactly_one_entry(three: ThreeWay) -> None:
    counted = Counter(e.base_eid for e in three.entries if e.base_eid is not None)
    assert counted == Counter(p.eid for p in units(three.base))


def _only_b(three: ThreeWay) -> Counter[tuple[tuple[str, ...], tuple[str, ...], str]]:
    out: Counter[tuple[tuple[str, ...], tuple[str, ...], str]] = Counter()
    seen: set[int] = set()
    for entry in three.entries:
        assert entry.kind in ("unchanged", "only_b"), entry
        if entry.kind == "only_b" and entry.b is not None and id(entry.b) not in seen:
            seen.add(id(entry.b))
            out[(tuple(p.eid for p in entry.b.old), tuple(p.eid for p in entry.b.new), entry.b.kind)] += 1
    return out


def test_base_against_itself_is_the_diff() -> None:
    three = compare3(CASE / "base.txt", CASE / "base.txt", CASE / "astria.txt", flags=False)
    diff = compare(three.base, three.b)
    assert _only_b(three) == Counter(
        (tuple(p.eid for p in c.old), tuple(p.eid for p in c.new), c.kind)
        for c in diff.changes
        if c.is_change
    )


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 10))
def test_property_base_against_itself_is_the_diff(seed: int, n: int) -> None:
    pair = make_pair(seed, n)
    three = compare3(pair.old, pair.old, pair.new, flags=False)
    assert _only_b(three) == Counter(
        (tuple(p.eid for p in c.old), tuple(p.eid for p in c.new), c.kind)
        for c in compare(pair.old, pair.new).changes
        if c.is_change
    )


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 10))
def test_property_same_proposal_twice_has_no_conflict(seed: int, n: int) -> None:
    pair = make_pair(seed, n)
    three = compare3(pair.old, pair.new, pair.new, flags=False)
    assert three.summary()["conflict"] == 0
    assert {e.kind for e in three.entries} <= {"unchanged", "same"}
