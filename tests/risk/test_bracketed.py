"""Bracketed alternatives (risk/bracketed.py): a figure reopened, a bracket agreed on one
alternative, an alternative proposed or withdrawn, a bracketed clause dropped, and bracket
formatting that changes nothing; English, Ukrainian and Russian."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from draftkit.risk.rules import Finding
from tests.risk.helpers import findings, flags_for


def _said(old: str, new: str) -> list[tuple[str, str, str, str]]:
    return [(f.rule, f.headline, f.old, f.new) for f in findings(old, new)]


def _leaks(found: list[Finding]) -> list[str]:
    """Quotes holding a bracket without its partner ('800,000] units')."""
    out = []
    for f in found:
        for q in (f.old, f.new):
            depth = 0
            for ch in q:
                depth += {"[": 1, "]": -1}.get(ch, 0)
                if depth < 0:
                    break
            if depth != 0:
                out.append(q)
    return out


# (id, old, new, (rule, headline, old quote, new quote) expected among the findings, exactly)
REOPENED = [
    (
        "en-slash",
        "The Armed Forces shall not exceed 600,000 units.",
        "The Armed Forces shall not exceed [600,000] / [800,000] units.",
        ("brackets", "Figure reopened against an alternative", "600,000", "[600,000] / [800,000]"),
    ),
    (
        "en-glued",
        "The Armed Forces shall not exceed 600,000 units.",
        "The Armed Forces shall not exceed [600,000][800,000] units.",
        ("brackets", "Figure reopened against an alternative", "600,000", "[600,000][800,000]"),
    ),
    (
        "en-deadline",
        "The Guarantors shall convene consultations within 24 hours.",
        "The Guarantors shall convene consultations within [24 hours] [72 hours].",
        ("brackets", "Deadline reopened against an alternative", "24 hours", "[24 hours] [72 hours]"),
    ),
    (
        "en-modal",
        "The Parties shall withdraw heavy weapons.",
        "The Parties [shall][may] withdraw heavy weapons.",
        ("brackets", "Obligation reopened against an alternative", "shall", "[shall][may]"),
    ),
    (
        "uk-figure",
        "Чисельність Збройних сил України не перевищуватиме 600 000 осіб.",
        "Чисельність Збройних сил України не перевищуватиме [600 000] / [800 000] осіб.",
        ("brackets", "Figure reopened against an alternative", "600 000", "[600 000] / [800 000]"),
    ),
    (
        "ru-modal",
        "Стороны должны отвести тяжёлое вооружение.",
        "Стороны [должны] / [могут] отвести тяжёлое вооружение.",
        ("brackets", "Obligation reopened against an alternative", "должны", "[должны] / [могут]"),
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), [c[1:] for c in REOPENED], ids=[c[0] for c in REOPENED])
def test_a_figure_or_word_bracketed_against_an_alternative_is_reopened(
    old: str, new: str, expected: tuple[str, str, str, str]
) -> None:
    found = findings(old, new)
    assert [(f.rule, f.headline, f.old, f.new) for f in found] == [expected]
    assert not _leaks(found)


AGREED = [
    (
        "en-figure",
        "The Armed Forces shall not exceed [600,000] / [800,000] units.",
        "The Armed Forces shall not exceed 800,000 units.",
        ("brackets", "Agreed", "[600,000] / [800,000]", "800,000"),
    ),
    (
        "en-modal",
        "The Parties [shall][may] withdraw heavy weapons.",
        "The Parties may withdraw heavy weapons.",
        ("brackets", "Agreed", "[shall][may]", "may"),
    ),
    (
        "en-option-labels",
        "The response may include [Option 1: diplomatic and economic measures] [Option 2: diplomatic, "
        "economic and military measures], to restore the observance of this Agreement.",
        "The response may include diplomatic and economic measures, to restore the observance of this Agreement.",
        (
            "brackets",
            "Agreed",
            "[Option 1: diplomatic and economic measures] [Option 2: diplomatic, economic and military measures]",
            "diplomatic and economic measures",
        ),
    ),
    (
        "en-third-figure",
        "The Mission shall be composed of up to [1,200] / [2,000] unarmed civilian monitors.",
        "The Mission shall be composed of up to 1,500 unarmed civilian monitors.",
        ("brackets", "Agreed on another figure", "[1,200] / [2,000]", "1,500"),
    ),
    (
        "ru-figure",
        "Вооружённые силы Украины не будут превышать [600 000] / [800 000] человек.",
        "Вооружённые силы Украины не будут превышать 800 000 человек.",
        ("brackets", "Agreed", "[600 000] / [800 000]", "800 000"),
    ),
    (
        "uk-modal",
        "Сторони [зобов'язані][можуть] відвести важке озброєння.",
        "Сторони можуть відвести важке озброєння.",
        ("brackets", "Agreed", "[зобов'язані][можуть]", "можуть"),
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), [c[1:] for c in AGREED], ids=[c[0] for c in AGREED])
def test_a_bracket_closed_on_one_alternative_says_what_was_agreed(
    old: str, new: str, expected: tuple[str, str, str, str]
) -> None:
    found = findings(old, new)
    assert [(f.rule, f.headline, f.old, f.new) for f in found] == [expected]


ALTERNATIVES = [
    (
        "en-changed",
        "The Armed Forces shall not exceed [600,000] / [800,000] units.",
        "The Armed Forces shall not exceed [600,000] / [700,000] units.",
        ("brackets", "Bracketed alternative changed", "[600,000] / [800,000]", "[600,000] / [700,000]"),
    ),
    (
        "en-proposed",
        "The Armed Forces shall not exceed [600,000] units.",
        "The Armed Forces shall not exceed [600,000] / [800,000] units.",
        ("brackets", "Alternative proposed", "[600,000]", "[600,000] / [800,000]"),
    ),
    (
        "en-withdrawn",
        "The Parties shall withdraw within [30 days] / [60 days] / [90 days].",
        "The Parties shall withdraw within [30 days] / [60 days].",
        ("brackets", "Alternative withdrawn", "[30 days] / [60 days] / [90 days]", "[30 days] / [60 days]"),
    ),
    (
        "uk-changed",
        "Сторони відведуть війська на [15] / [30] км.",
        "Сторони відведуть війська на [15] / [20] км.",
        ("brackets", "Bracketed alternative changed", "[15] / [30]", "[15] / [20]"),
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "expected"), [c[1:] for c in ALTERNATIVES], ids=[c[0] for c in ALTERNATIVES]
)
def test_alternatives_are_compared_one_by_one(
    old: str, new: str, expected: tuple[str, str, str, str]
) -> None:
    found = findings(old, new)
    assert [(f.rule, f.headline, f.old, f.new) for f in found] == [expected]


def test_a_bracketed_clause_dropped_is_said_once_without_leaking_brackets() -> None:
    found = findings(
        "All prisoners shall be released[, except for those convicted of war crimes,] within 30 days.",
        "All prisoners shall be released within 30 days.",
    )
    assert [(f.rule, f.headline) for f in found] == [("brackets", "Bracketed clause dropped")]
    assert found[0].old == "[, except for those convicted of war crimes,]"
    # Alternatives dropped together.
    assert _said(
        "The Parties shall withdraw [within 30 days] / [within 60 days].", "The Parties shall withdraw."
    ) == [("brackets", "Bracketed alternatives dropped", "[within 30 days] / [within 60 days]", "")]
    # A short bracketed phrase is text, not a clause.
    assert _said(
        "shall not exceed 800,000 personnel [in peacetime].", "shall not exceed 800,000 personnel."
    ) == [("brackets", "Bracketed text dropped", "[in peacetime]", "")]
    # Ukrainian and Russian.
    assert [f.headline for f in findings("Усі полонені [, крім засуджених за воєнні злочини,] будуть звільнені.",
                                          "Усі полонені будуть звільнені.")] == ["Bracketed clause dropped"]  # fmt: skip
    assert [f.headline for f in findings("Все пленные [, за исключением осуждённых за военные преступления,] будут освобождены.",
                                          "Все пленные будут освобождены.")] == ["Bracketed clause dropped"]  # fmt: skip


def test_quotes_are_cut_at_bracket_boundaries() -> None:
    # An exception that runs past its bracket's end is quoted to it.
    found = findings(
        "The Parties shall grant an amnesty to all persons for acts committed in the hostilities.",
        "The Parties shall grant an amnesty to all persons for acts committed in the hostilities "
        "[, other than violations of humanitarian law,] other than war crimes.",
    )
    assert not _leaks(found)
    assert ("brackets", "Bracketed clause dropped") not in [(f.rule, f.headline) for f in found]


QUIET = [
    (
        "lenticular",
        "The Armed Forces shall not exceed [600,000] / [800,000] units.",
        "The Armed Forces shall not exceed 【600,000】 / 【800,000】 units.",
    ),
    (
        "spacing",
        "The Armed Forces shall not exceed [600,000] / [800,000] units.",
        "The Armed Forces shall not exceed [ 600,000 ]/[ 800,000 ] units.",
    ),
    (
        "glued",
        "The Armed Forces shall not exceed [600,000] / [800,000] units.",
        "The Armed Forces shall not exceed [600,000][800,000] units.",
    ),
    (
        "reordered",
        "The Armed Forces shall not exceed [600,000] / [800,000] units.",
        "The Armed Forces shall not exceed [800,000] / [600,000] units.",
    ),
    (
        "uk-lenticular",
        "Сторони [зобов'язані][можуть] відвести важке озброєння.",
        "Сторони 【зобов'язані】【можуть】 відвести важке озброєння.",
    ),
    (
        "ru-spacing",
        "Стороны отведут войска на [15] / [30] км.",
        "Стороны отведут войска на [15]/[30] км.",
    ),
]


@pytest.mark.parametrize(("old", "new"), [c[1:] for c in QUIET], ids=[c[0] for c in QUIET])
def test_bracket_formatting_is_quiet(old: str, new: str) -> None:
    assert findings(old, new) == []


UNRELATED = [
    (
        "en-name",
        "The Armed Forces shall not exceed [600,000] / [800,000] personnel.",
        "The Navy shall not exceed [600,000] / [800,000] personnel.",
        "name",
    ),
    (
        "en-modal-outside",
        "The Parties shall withdraw [15] / [30] km from the line.",
        "The Parties may withdraw [15] / [30] km from the line.",
        "obligation",
    ),
    (
        "uk-word",
        "Сторони [зобов'язані][можуть] відвести важке озброєння з Донецької області.",
        "Сторони [зобов'язані][можуть] відвести важке озброєння з Луганської області.",
        "name",
    ),
    (
        "ru-number-outside",
        "В течение [30] / [60] дней Стороны отведут 100 танков.",
        "В течение [30] / [60] дней Стороны отведут 200 танков.",
        "number",
    ),
]


@pytest.mark.parametrize(("old", "new", "rule"), [c[1:] for c in UNRELATED], ids=[c[0] for c in UNRELATED])
def test_unchanged_alternatives_add_no_noise_to_an_unrelated_change(old: str, new: str, rule: str) -> None:
    found = findings(old, new)
    assert {f.rule for f in found} == {rule}
    assert not _leaks(found)


def test_a_reopened_force_size_is_high_and_an_agreement_is_not(tmp_path: Path) -> None:
    old = "The armed forces of Ukraine shall not exceed 600,000 troops."
    new = "The armed forces of Ukraine shall not exceed [600,000] / [800,000] troops."
    flags = flags_for(tmp_path, old, new, heading="Armed Forces")
    assert [(f.rule, f.severity) for f in flags] == [("brackets", "high")]
    assert flags[0].message == "Figure reopened against an alternative: '600,000' → '[600,000] / [800,000]'"
    # Closed on one alternative: said, at the weight of a bracket lifted.
    flags = flags_for(
        tmp_path, new, "The armed forces of Ukraine shall not exceed 800,000 troops.", "Armed Forces"
    )
    assert [(f.rule, f.severity) for f in flags] == [("brackets", "medium")]
    assert flags[0].message == "Agreed: '[600,000] / [800,000]' → '800,000'"
    # A bracketed alternative that says the same as the text it brackets is a rewording.
    flags = flags_for(
        tmp_path,
        "The Parties shall withdraw their forces.",
        "The Parties shall withdraw [their forces] / [their troops].",
        heading="Armed Forces",
    )
    assert [f.severity for f in flags] == ["medium"]


def test_hundreds_of_bracketed_alternatives_are_read_in_linear_time() -> None:
    n = 400
    old = " ".join(f"Item {k} shall not exceed {k * 10} units." for k in range(n))
    new = " ".join(f"Item {k} shall not exceed [{k * 10}] / [{k * 10 + 5}] units." for k in range(n))
    start = time.process_time()
    found = findings(old, new)
    assert time.process_time() - start < 10  # CPU time: 0.5 s here; quadratic was 110 s
    assert len(found) == n
    assert {f.headline for f in found} == {"Figure reopened against an alternative"}
