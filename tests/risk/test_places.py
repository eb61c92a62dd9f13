"""Places named in a coordinated list that shares one place word: "Запорізької та Херсонської
областей", "Запорожской и Херсонской областей", "the Donetsk and Luhansk oblasts" name two
places, each with that word (risk.analysis `coordinated`, risk.features names)."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit.risk.names import named_entities
from draftkit.risk.rules import Reader
from tests.risk.helpers import TAXONOMY, compare_texts, findings, flags_for, rules_of

HEADING = {"en": "Territorial Arrangements", "uk": "Територіальні питання", "ru": "Территориальные вопросы"}


def _names(text: str) -> list[tuple[str, str]]:
    """(key, kind) of every name the text holds."""
    return [(n.key, n.kind) for n in named_entities(Reader(TAXONOMY).side(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Listed in the gazetteer (as "Запорізька область", "Херсонська область", …).
        (
            "Україна зберігає контроль над частинами Запорізької та Херсонської областей.",
            [("Zaporizhzhia Oblast", "place"), ("Kherson Oblast", "place")],
        ),
        (
            "Украина сохраняет контроль над частями Запорожской и Херсонской областей.",
            [("Zaporizhzhia Oblast", "place"), ("Kherson Oblast", "place")],
        ),
        (
            "Ukraine retains control over parts of the Donetsk and Luhansk oblasts.",
            [("Donetsk Oblast", "place"), ("Luhansk Oblast", "place")],
        ),
        (
            "Ukraine retains control over parts of the Kherson, Zaporizhzhia and Donetsk regions.",
            [("Kherson Oblast", "place"), ("Zaporizhzhia Oblast", "place"), ("Donetsk Oblast", "place")],
        ),
        # Not listed: each adjective with the shared word, read by its lemma in any case.
        (
            "Патрулі діють у Сумській та Чернігівській областях.",
            [("сумський область", "place"), ("чернігівський область", "place")],
        ),
    ],
)
def test_each_adjective_of_a_coordinated_list_is_a_place(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(key, kind) for key, kind in _names(text) if kind == "place"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Not one head shared: the word before the conjunction does not agree with the one
        # before the place word (Ukrainian, Russian), or the place word is singular (English).
        ("Угоду підписали Росія та Херсонська область.", [("Russia", "party"), ("Kherson Oblast", "place")]),
        (
            "The talks between Russia and Kherson region will resume.",
            [("Russia", "party"), ("Kherson Oblast", "place")],
        ),
        (
            "The talks between Russia and the Kherson and Zaporizhzhia regions will resume.",
            [("Russia", "party"), ("Kherson Oblast", "place"), ("Zaporizhzhia Oblast", "place")],
        ),
    ],
)
def test_a_name_before_a_conjunction_takes_the_place_word_only_in_a_list(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    ("lang", "old", "new", "removed"),
    [
        (
            "uk",
            "Україна зберігає контроль над частинами Запорізької та Херсонської областей.",
            "Україна зберігає контроль над частинами Херсонської області.",
            "Запорізької",
        ),
        (
            "uk",
            "Україна зберігає контроль над частинами Запорізької та Херсонської областей.",
            "Україна зберігає контроль над частинами Запорізької області.",
            "Херсонської",
        ),
        (
            "ru",
            "Украина сохраняет контроль над частями Запорожской и Херсонской областей.",
            "Украина сохраняет контроль над частью Херсонской области.",
            "Запорожской",
        ),
        (
            "en",
            "Ukraine retains control over parts of the Donetsk and Luhansk oblasts.",
            "Ukraine retains control over parts of the Donetsk oblast.",
            "Luhansk",
        ),
        (
            "uk",
            "Лінія розмежування проходить через території Донецької, Луганської та Запорізької областей.",
            "Лінія розмежування проходить через території Донецької та Запорізької областей.",
            "Луганської",
        ),
        (
            "uk",
            "Патрулі діють у Сумській та Чернігівській областях.",
            "Патрулі діють у Чернігівській області.",
            "Сумській",
        ),
    ],
)
def test_a_place_dropped_from_a_coordinated_list_is_a_place_removed(
    tmp_path: Path, lang: str, old: str, new: str, removed: str
) -> None:
    flags = flags_for(tmp_path, old, new, HEADING[lang], lang)
    names = [f for f in flags if f.rule == "name"]
    assert [(f.severity, f.category) for f in names] == [("high", "territory")]
    assert names[0].message.startswith("Place removed") and removed in names[0].message


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Україна зберігає контроль над частинами Запорізької та Херсонської областей.",
            "Україна зберігає контроль над частинами Херсонської та Запорізької областей.",
        ),
        (
            "Украина сохраняет контроль над частями Запорожской и Херсонской областей.",
            "Украина сохраняет контроль над частями Херсонской и Запорожской областей.",
        ),
        (
            "Ukraine retains control over parts of the Donetsk and Luhansk oblasts.",
            "Ukraine retains control over parts of the Luhansk and Donetsk oblasts.",
        ),
        (
            "Патрулі діють у Сумській та Чернігівській областях.",
            "Патрулі діють у Чернігівській та Сумській областях.",
        ),
        # The same places in another case: a translator's choice, not a place changed.
        (
            "Війська залишаються в Запорізькій та Херсонській областях.",
            "Війська залишаються на території Запорізької та Херсонської областей.",
        ),
        (
            "Войска остаются в Запорожской и Херсонской областях.",
            "Войска остаются на территории Запорожской и Херсонской областей.",
        ),
        # A Russian place adjective simplemma does not know, in two cases (read by its ending).
        (
            "Херсонская область остается под контролем Украины.",
            "Контроль Украины над Херсонской областью сохраняется.",
        ),
    ],
)
def test_the_places_of_a_list_reordered_or_declined_are_no_place_change(old: str, new: str) -> None:
    assert [rule for rule, _ in rules_of(old, new) if rule == "name"] == []


def test_a_name_next_to_a_listed_one_is_read_apart() -> None:
    """'Sumy and Kharkiv', Kharkiv in the gazetteer: Sumy is a name of its own, not dropped
    with the run the two made (a reordered list then read 'Name changed')."""
    text = "Humanitarian corridors shall be opened from Mariupol, Volnovakha, Sumy and Kharkiv."
    assert [key for key, _ in _names(text)] == ["Mariupol", "volnovakha", "sumy", "Kharkiv"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Elections shall be organised by the Kherson Regional Military Administration.",
            "Elections shall be organised by the Kherson Regional Administration.",
        ),
        ("The Kyiv Security Compact shall apply.", "The Kyiv Security Pact shall apply."),
    ],
)
def test_the_words_that_carry_a_listed_name_on_are_no_name_of_their_own(old: str, new: str) -> None:
    """'Kherson Regional Military Administration': the words after the listed Kherson are its
    name carried on, not a name 'Regional Military Administration' that could change."""
    assert [kind for _, kind in _names(old)] == [kind for _, kind in _names(new)] != ["name"]
    assert [rule for rule, _ in rules_of(old, new) if rule == "name"] == []


def test_a_reordered_list_of_places_is_no_change() -> None:
    old = "Humanitarian corridors shall be opened from Mariupol, Volnovakha, Sumy and Kharkiv."
    new = "Humanitarian corridors shall be opened from Kharkiv, Sumy, Mariupol and Volnovakha."
    assert [rule for rule, _ in rules_of(old, new) if rule == "name"] == []


def test_a_body_of_an_organisation_names_the_organisation_too() -> None:
    """ "OSCE SMM" and the mission spelt out "of the Organization for Security and
    Co-operation in Europe (OSCE)" name the same two: no organisation added."""
    old = "Monitoring shall be carried out by the OSCE SMM."
    new = (
        "Monitoring shall be carried out by the Special Monitoring Mission of the Organization for Security"
        " and Co-operation in Europe (OSCE)."
    )
    assert sorted(key for key, _ in _names(old)) == ["OSCE", "OSCE Special Monitoring Mission"]
    assert [rule for rule, _ in rules_of(old, new) if rule == "name"] == []


def test_odihr_is_an_organisation_of_the_osce() -> None:
    """The OSCE's election observers (ODIHR, БДІПЛ) dropped is an organisation removed; the
    acronym and the spelt-out name are one."""
    old = "Місцеві вибори проводяться відповідно до стандартів ОБСЄ та під моніторингом БДІПЛ ОБСЄ."
    assert ("name", "Organisation removed") in rules_of(
        old, "Місцеві вибори проводяться відповідно до стандартів ОБСЄ."
    )
    spelt = "Elections shall be observed by the OSCE Office for Democratic Institutions and Human Rights."
    assert rules_of("Elections shall be observed by the OSCE/ODIHR.", spelt) == []


def test_a_body_named_beside_its_organisation_is_a_low_narrowing() -> None:
    """'the OSCE' → 'the OSCE SMM' names the OSCE's own mission: not an organisation added
    (HIGH), as it read once the mission was a listed name of the OSCE."""
    broad, narrow = (
        "Monitoring shall be carried out by the OSCE.",
        "Monitoring shall be carried out by the OSCE SMM.",
    )
    assert [(f.headline, f.significance) for f in findings(broad, narrow) if f.rule == "name"] == [
        ("Organisation named more narrowly", 0.25)
    ]
    assert [f.headline for f in findings(narrow, broad) if f.rule == "name"] == [
        "Organisation named more broadly"
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The Regional Council shall have its office at Marren.",
            "The Regional Council shall have its office at Dunmar.",
        ),
        (
            "The Commission shall have its headquarters in Marren.",
            "The Commission shall have its headquarters in Dunmar.",
        ),
        ("The Commission shall have its seat in Kyiv.", "The Commission shall have its seat in Moscow."),
        (
            "Місцем перебування Комісії визначено місто Бендери.",
            "Місцем перебування Комісії визначено місто Тирасполь.",
        ),
        ("Штаб-квартира Комісії розміщується в Ханої.", "Штаб-квартира Комісії розміщується в Сайгоні."),
        (
            "Местопребыванием Комиссии является город Бендеры.",
            "Местопребыванием Комиссии является город Тирасполь.",
        ),
        ("Штаб-квартира Комиссии находится в Ханое.", "Штаб-квартира Комиссии находится в Сайгоне."),
    ],
)
def test_a_seat_moved_is_an_arrangement(old: str, new: str) -> None:
    """Where a body has its seat, headquarters or office is low, as a venue is."""
    assert rules_of(old, new) == [("name", "Seat moved")]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # A listed place is at stake wherever a body sits.
        (
            "The mission shall have its headquarters in Donetsk.",
            "The mission shall have its headquarters in Kherson.",
        ),
        # A place the seat is not: what the body monitors.
        (
            "The Commission shall have its seat in Kyiv and monitor the Marrow Valley.",
            "The Commission shall have its seat in Kyiv and monitor the Dunmar Valley.",
        ),
    ],
)
def test_a_place_beside_a_seat_is_still_a_place(old: str, new: str) -> None:
    assert ("name", "Place changed") in rules_of(old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("The troops shall be based in Marren.", "The troops shall be based in Dunmar."),
        (
            "Війська розміщуються в місті Марен, де перебуває штаб.",
            "Війська розміщуються в місті Дунмар, де перебуває штаб.",
        ),
    ],
)
def test_where_forces_are_based_is_no_seat(old: str, new: str) -> None:
    assert "Seat moved" not in [h for _, h in rules_of(old, new)]
    assert rules_of(old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The armed units shall be stationed at their headquarters in Marren.",
            "The armed units shall be stationed at their headquarters in Dunmar.",
        ),
        (
            "The command post and headquarters of the brigade shall be in Marren.",
            "The command post and headquarters of the brigade shall be in Dunmar.",
        ),
        ("Штаб бригади розміщується в місті Марен.", "Штаб бригади розміщується в місті Дунмар."),
    ],
)
def test_a_headquarters_of_forces_or_of_a_military_body_moved_is_no_seat_moved(
    tmp_path: Path, old: str, new: str
) -> None:
    """Forces written as the lemmatiser does not list them ('units' read 'unit') or a military
    body ('brigade', 'бригади'): where it is commanded from is a matter of security."""
    comparison = compare_texts(tmp_path, f"1. {old}\n", f"1. {new}\n")
    flags = [f for change in comparison.changes for f in change.flags]
    assert flags and all(f.message.split(":")[0] != "Seat moved" for f in flags)
    assert any(f.severity in ("medium", "high") for f in flags)
