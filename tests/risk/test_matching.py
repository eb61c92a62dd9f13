"""The matching mechanism the rules are declared over: split, pair, report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from draftkit.risk import load_taxonomy
from draftkit.risk.features import Reader, Side
from draftkit.risk.findings import Finding, Quote, Report, Span
from draftkit.risk.matching import FeatureRule, Sides, by, in_order, silent, split_matched, surplus, unpaired


def test_split_matched_keeps_the_unmatched_in_text_order() -> None:
    removed, added = split_matched(["a", "b", "a", "c"], ["a", "c", "d", "c"], key=str)
    assert (removed, added) == (["b", "a"], ["d", "c"])


def test_by_pairs_in_passes_then_leaves_the_rest() -> None:
    same_letter = by(lambda old, new: old[0] == new[0], lambda old, new: True)
    pairs, removed, added = same_letter(["a1", "b1", "c1"], ["x2", "b2"])
    assert pairs == [("b1", "b2"), ("a1", "x2")]
    assert (removed, added) == (["c1"], [])
    assert by()(["a"], ["b"]) == ([], ["a"], ["b"])


def test_in_order_unpaired_and_surplus() -> None:
    assert in_order(["a", "b"], ["x"]) == ([("a", "x")], ["b"], [])
    assert unpaired(["a"], ["x"]) == ([], ["a"], ["x"])
    # Only the surplus counts, and it is the first ones of the longer side.
    assert surplus(["a"], ["x", "y", "z"]) == ([("a", "z")], [], ["x", "y"])
    assert surplus(["a", "b"], ["x"]) == ([("b", "x")], ["a"], [])
    assert surplus(["a"], ["x"]) == ([("a", "x")], [], [])


@dataclass(frozen=True, slots=True)
class _Word:
    norm: str
    fragment: str
    spans: tuple[Span, ...]
    position: int


def _words(side: Side) -> Sequence[_Word]:
    text = side.text
    return [
        _Word(t.norm, text.span(k, k + 1), ((t.start, t.end),), t.start)
        for k, t in enumerate(text.tokens)
        if t.kind == "word"
    ]


def test_a_feature_rule_quotes_its_features() -> None:
    rule: FeatureRule[_Word] = FeatureRule(
        name="word",
        features=_words,
        key=lambda w: w.norm,
        pair=in_order,
        changed=lambda s, old, new: Report("Word changed", 0.5),
        removed=lambda s, old: Report(
            "Word removed", 0.1, counterpart=Quote("elsewhere", (), 0), position=99
        ),
        added=silent,
    )
    reader = Reader(load_taxonomy())
    sides = Sides(reader.side("alpha beta gamma"), reader.side("alpha delta"), reader.taxonomy)
    assert rule(sides) == [
        Finding("word", "Word changed", 0.5, "beta", "delta", ((6, 10),), ((6, 11),), 6),
        Finding("word", "Word removed", 0.1, "gamma", "elsewhere", ((11, 16),), (), 99),
    ]
    # Each side reads its features once.
    assert reader.side("alpha delta").features(_words) is sides.new.features(_words)
