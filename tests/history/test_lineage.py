"""Lineages over N rounds: every provision in exactly one, unchanged ones span every round,
a two-round history is the diff, R, R, R has no events, deleted-then-back is "restored"."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from draftkit.compare import compare
from draftkit.history import History, Round, build
from draftkit.history.lineage import units
from draftkit.model import Draft
from tests.gen_pairs import make_draft, make_pair
from tests.history.conftest import ROUND_FILES

seeds = st.integers(0, 2**32 - 1)


def _rounds(*drafts: Draft) -> list[Round]:
    return [Round(f"R{i + 1}", d) for i, d in enumerate(drafts)]


def assert_partition(history: History) -> None:
    """Each unit of each round in exactly one lineage, at its own round."""
    for r, round_ in enumerate(history.rounds):
        expected = Counter(p.eid for p in units(round_.draft))
        found = Counter(lin.eids[r] for lin in history.lineages if lin.eids[r] is not None)
        assert found == expected, f"round {r + 1}"


def test_every_provision_of_every_round_in_exactly_one_lineage(five_rounds: History) -> None:
    assert len(five_rounds.rounds) == len(ROUND_FILES) == 5
    assert_partition(five_rounds)


def test_an_unchanged_provision_spans_every_round(five_rounds: History) -> None:
    title = next(lin for lin in five_rounds.lineages if lin.eids[0] == "preface")
    assert title.eids == ("preface",) * 5 and title.events == ()
    definition_a = next(lin for lin in five_rounds.lineages if lin.eids[0] == "art_1__para_1__point_a")
    assert definition_a.eids == ("art_1__para_1__point_a",) * 5 and not definition_a.events


def test_events_of_the_bundled_rounds(five_rounds: History) -> None:
    by_first = {lin.eids[0]: lin for lin in five_rounds.lineages if lin.eids[0]}
    # v1 → v2: Article 8(1) split in two; Article 10(3) and (4) merged.
    split = by_first["art_8__para_1"]
    assert [(e.round, e.kind, e.related) for e in split.events] == [(1, "split", ("art_9__para_2",))]
    other_part = next(lin for lin in five_rounds.lineages if lin.eids[1] == "art_9__para_2")
    assert other_part.eids[0] is None and other_part.events[0].kind == "split"
    merged_away = by_first["art_10__para_4"]
    assert merged_away.eids == ("art_10__para_4", None, None, None, None)
    assert merged_away.events[0].kind == "merged" and merged_away.events[0].related == ("art_11__para_3",)
    # v1 → v2: Article 3(4) moved to Article 10(2), its text edited.
    moved = by_first["art_3__para_4"]
    assert {e.kind for e in moved.events} == {"modified", "moved", "renumbered"}
    # Round 3 deleted "exchange the mortal remains …"; round 4 brings it back.
    restored = by_first["art_9__para_1__point_c"]
    assert restored.eids[2] is None and restored.eids[3] == "art_10__para_1__point_c"
    assert [e.kind for e in restored.events] == ["deleted", "restored"]
    assert restored.events[1].related == ("art_10__para_1__point_c",)
    # Article 11(1) changed in every step.
    assert by_first["art_10__para_1"].change_count == 4


def test_lineages_are_in_document_order(five_rounds: History) -> None:
    first_round = [lin.eids[0] for lin in five_rounds.lineages if lin.eids[0] is not None]
    assert first_round == [p.eid for p in units(five_rounds.rounds[0].draft)]
    added = [i for i, lin in enumerate(five_rounds.lineages) if lin.eids[2] == "art_1__para_1__point_d"]
    after = [i for i, lin in enumerate(five_rounds.lineages) if lin.eids[2] == "art_1__para_1__point_c"]
    assert added[0] == after[0] + 1  # the new definition (d) stands right after (c)


def _as_diff(history: History) -> Counter[tuple[tuple[str, ...], tuple[str, ...], str, bool, bool]]:
    """The two-round history read back as changes: (old eids, new eids, kind, moved, renumbered)."""
    (step,) = history.steps
    out: Counter[tuple[tuple[str, ...], tuple[str, ...], str, bool, bool]] = Counter()
    seen: set[int] = set()
    for lin in history.lineages:
        for event in lin.events:
            if event.change in seen:
                continue
            seen.add(event.change)
            change = step.changes[event.change]
            kinds = {e.kind for e in lin.events if e.change == event.change}
            kind = (
                "modified"
                if "modified" in kinds
                else next((k for k in ("added", "deleted", "split", "merged") if k in kinds), "unchanged")
            )
            out[
                (
                    tuple(p.eid for p in change.old),
                    tuple(p.eid for p in change.new),
                    kind,
                    "moved" in kinds,
                    "renumbered" in kinds,
                )
            ] += 1
    return out


def _diff(old: Draft, new: Draft) -> Counter[tuple[tuple[str, ...], tuple[str, ...], str, bool, bool]]:
    return Counter(
        (tuple(p.eid for p in c.old), tuple(p.eid for p in c.new), c.kind, c.moved, c.renumbered)
        for c in compare(old, new).changes
        if c.is_change
    )


def test_two_round_history_is_the_diff(five_rounds: History) -> None:
    for k in range(4):
        a, b = five_rounds.rounds[k].draft, five_rounds.rounds[k + 1].draft
        assert _as_diff(build(_rounds(a, b), flags=False)) == _diff(a, b)


@settings(max_examples=15, deadline=None)
@given(seeds, st.integers(1, 10))
def test_property_two_round_history_is_the_diff(seed: int, n: int) -> None:
    pair = make_pair(seed, n)
    history = build(_rounds(pair.old, pair.new), flags=False)
    assert_partition(history)
    assert _as_diff(history) == _diff(pair.old, pair.new)


@settings(max_examples=15, deadline=None)
@given(seeds, st.integers(1, 10))
def test_property_same_draft_three_times_has_no_events(seed: int, n: int) -> None:
    draft = make_draft(seed, n)
    history = build(_rounds(draft, draft, draft), flags=False)
    assert all(not lin.events for lin in history.lineages)
    assert all(None not in lin.eids for lin in history.lineages)
    assert len(history.lineages) == len(list(units(draft)))


@settings(max_examples=10, deadline=None)
@given(seeds, st.integers(2, 10))
def test_property_chains_keep_the_partition(seed: int, n: int) -> None:
    """Four rounds, two of them an unrelated draft: still a partition, and each event names
    a change of its own step."""
    first, second = make_pair(seed, n), make_pair(seed ^ 0x5A5A, n)
    history = build(_rounds(first.new, first.old, second.new, first.new), flags=False)
    assert_partition(history)
    for lin in history.lineages:
        for event in lin.events:
            assert 0 <= event.change < len(history.steps[event.round - 1].changes)
