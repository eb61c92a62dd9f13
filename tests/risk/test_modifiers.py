"""A modifier put before, or taken from before, the forces or weapons a text is about
(risk/modifiers.py). Cases from the misses of the held-out sets (risk_heldout5: 'troops' →
'combat troops'), shortened."""

from __future__ import annotations

import pytest

from tests.risk.helpers import findings


def _scope(old: str, new: str) -> list[tuple[str, str, str]]:
    return [(f.headline, f.old, f.new) for f in findings(old, new) if f.rule == "scope"]


@pytest.mark.parametrize(
    ("old", "new", "old_words", "new_words"),
    [
        (
            "NATO agrees not to station troops in Ukraine.",
            "NATO agrees not to station combat troops in Ukraine.",
            "troops",
            "combat troops",
        ),
        (
            "Сторони не розміщують війська в зоні безпеки.",
            "Сторони не розміщують бойові війська в зоні безпеки.",
            "війська",
            "бойові війська",
        ),
        (
            "Стороны не размещают войска в зоне безопасности.",
            "Стороны не размещают боевые войска в зоне безопасности.",
            "войска",
            "боевые войска",
        ),
    ],
)
def test_a_modifier_put_before_the_forces_narrows_what_the_text_covers(
    old: str, new: str, old_words: str, new_words: str
) -> None:
    """risk_heldout5: 'not to station troops' → 'not to station combat troops' was 'Words
    added', low — every other kind of troops may now be stationed. Taken away, it widens."""
    assert _scope(old, new) == [("Scope narrowed", old_words, new_words)]
    assert _scope(new, old) == [("Scope widened", new_words, old_words)]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # spelt out as its kinds: the list rule's
        (
            "Tanks and artillery shall be withdrawn.",
            "Tanks, towed artillery and self-propelled artillery shall be withdrawn.",
        ),
        # one modifier for another: the wording's
        ("The military personnel shall leave the zone.", "The armed personnel shall leave the zone."),
        # a name, a number, a possessive
        ("The troops shall leave the zone.", "The Russian troops shall leave the zone."),
        ("The troops shall leave the zone.", "The 1,000 troops shall leave the zone."),
        ("The Parties shall withdraw troops.", "The Parties shall withdraw their troops."),
    ],
)
def test_no_modifier(old: str, new: str) -> None:
    assert _scope(old, new) == []
    assert _scope(new, old) == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Сторони виводять війська із зони.", "Сторони виводять ці війська із зони."),
        ("Сторони виводять війська із зони.", "Сторони виводять зазначені війська із зони."),
        ("Стороны выводят войска из зоны.", "Стороны выводят указанные войска из зоны."),
        ("Стороны выводят войска из зоны.", "Стороны выводят соответствующие войска из зоны."),
        (
            "The Parties shall withdraw forces from the zone.",
            "The Parties shall withdraw respective forces from the zone.",
        ),
        (
            "The Parties shall withdraw forces from the zone.",
            "The Parties shall withdraw aforementioned forces from the zone.",
        ),
    ],
)
def test_a_word_pointing_back_is_no_modifier(old: str, new: str) -> None:
    """'ці війська' (these troops), 'указанные войска' (the said troops), 'respective forces'
    cover the same forces: they were 'Scope narrowed', MEDIUM ('these troops' was not)."""
    assert _scope(old, new) == []


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (
            "The Parties shall withdraw 500 troops.",
            "The Parties shall withdraw 500 additional troops.",
            "qualifier",
        ),
        (
            "The Parties shall withdraw all troops.",
            "The Parties shall withdraw all remaining troops.",
            "scope",
        ),
    ],
)
def test_a_modifier_another_rule_quotes_is_said_once(old: str, new: str, said: str) -> None:
    """The review of 7 December: 'additional' before 'troops' was 'Scope qualifier added' and
    'Scope narrowed'; 'all remaining troops' two 'Scope narrowed'. The other rule's flag
    quotes it; the modifier's is dropped."""
    found = [f for f in findings(old, new) if f.rule in ("scope", "qualifier")]
    assert len(found) == 1 and found[0].rule == said
