"""The matching mechanism the rules are declared over: split, pair, report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pytest

from draftkit.risk import load_taxonomy
from draftkit.risk.features import Reader, Side
from draftkit.risk.findings import Finding, Quote, Report, Span
from draftkit.risk.matching import FeatureRule, Sides, by, in_order, silent, split_matched, surplus, unpaired
from tests.risk.helpers import findings


def test_split_matched_keeps_the_unmatched_in_text_order() -> None:
    removed, added = split_matched(["a", "b", "a", "c"], ["a", "c", "d", "c"], key=str)
    assert (removed, added) == (["b", "a"], ["d", "c"])


def test_split_matched_matches_aligned_items_of_an_uneven_key_first() -> None:
    # Two "a" before, one after: the one the diff aligns with it ("a2" ~ "a2") is matched,
    # so the first is the one removed; without `aligned`, the first is matched.
    def same_place(old: str, new: str) -> bool:
        return old[1] == new[1]

    def letter(item: str) -> str:
        return item[0]

    assert split_matched(["a1", "b1", "a2"], ["b1", "a2"], letter, aligned=same_place) == (["a1"], [])
    assert split_matched(["a1", "b1", "a2"], ["b1", "a2"], letter) == (["a2"], [])
    # Neither aligned: the first ones matched, as before; even keys are not asked about.
    assert split_matched(["a1", "a2"], ["a9"], letter, aligned=same_place) == (["a2"], [])
    assert split_matched(["a1", "c1"], ["c2", "a2"], letter, aligned=same_place) == ([], [])


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


# One long paragraph, several sentences, several modals: two of them bind the same verb
# ("shall withdraw", "must withdraw"), so their features are equal until one changes.
LONG = (
    "The Parties must cease all hostilities within 24 hours of signature. Each Party shall withdraw its "
    "heavy weapons from the line of contact within 30 days. The Monitoring Mission will verify the "
    "withdrawal and may request access to any site. Each Party must withdraw its foreign fighters within "
    "60 days, and the Guarantors shall report to the Parties every month."
)


@pytest.mark.parametrize(
    ("written", "rewritten", "headline"),
    [
        ("Party shall withdraw", "Party may withdraw", "Obligation weakened"),
        ("Party must withdraw", "Party may withdraw", "Obligation weakened"),
        ("Party shall withdraw", "Party should withdraw", "Obligation weakened"),
        ("Parties must cease", "Parties may cease", "Obligation weakened"),
        ("Mission will verify", "Mission must verify", ""),  # one binding class: no finding
        ("and may request", "and shall request", "Obligation strengthened"),
    ],
)
def test_the_modal_that_changed_is_the_one_reported(written: str, rewritten: str, headline: str) -> None:
    new = LONG.replace(written, rewritten)
    found = [f for f in findings(LONG, new) if f.rule == "obligation"]
    if not headline:
        assert found == []
        return
    at = LONG.index(written) + written.index(" ") + 1  # where the modal changed
    old_modal, new_modal = written.split()[1], rewritten.split()[1]
    assert [(f.headline, f.old.split()[0], f.new.split()[0]) for f in found] == [
        (headline, old_modal, new_modal)
    ]
    assert found[0].old_spans[0][0] == at and found[0].new_spans[0][0] == new.index(
        rewritten
    ) + at - LONG.index(written)


# The same in Ukrainian: "повинна відвести" twice, "зобов'язана" once, "може" once.
LONG_UK = (
    "Сторони повинні припинити всі бойові дії протягом 24 годин після підписання. Кожна Сторона "
    "повинна відвести важке озброєння від лінії зіткнення протягом 30 днів. Місія спостерігачів "
    "перевірятиме відведення і може вимагати доступу до будь-якого об'єкта. Кожна Сторона повинна "
    "відвести іноземних бійців протягом 60 днів, а Гаранти щомісяця звітуватимуть Сторонам."
)


def test_the_modal_that_changed_is_the_one_reported_in_ukrainian() -> None:
    written = "Сторона повинна відвести важке"
    new = LONG_UK.replace(written, "Сторона може відвести важке")
    [finding] = [f for f in findings(LONG_UK, new) if f.rule == "obligation"]
    assert (finding.headline, finding.old.split()[0], finding.new.split()[0]) == (
        "Obligation weakened",
        "повинна",
        "може",
    )
    assert finding.old_spans[0][0] == LONG_UK.index(written) + len("Сторона ")


def test_of_equal_features_the_one_the_word_diff_leaves_unmatched_is_removed() -> None:
    # "40 km" twice: the second stays, the first became "20 km" (so the first is removed).
    old = "The zone is 40 km wide in the north. It is 40 km wide in the south."
    new = "The zone is 20 km wide in the north. It is 40 km wide in the south."
    [finding] = [f for f in findings(old, new) if f.rule == "number"]
    assert (finding.old, finding.new) == ("40 km", "20 km")
    assert finding.old_spans[0][0] == old.index("40 km")
