"""risk.names, one body in two spellings: an acronym and the words it stands for are one body
to every rule that asks (the name rule, the role rule, the renderings' names), and are no
change; another body with the acronym's initials, where the gazetteer knows whose the acronym
is, is another body, and stays loud."""

from __future__ import annotations

from pathlib import Path

import pytest

from draftkit.risk.names import named_entities, named_otherwise, same_body, spelt_out
from draftkit.risk.renderings import differences
from draftkit.risk.rules import Reader
from tests.risk.helpers import TAXONOMY, compare_texts, rules_of

RANK = {"none": 0, "low": 1, "medium": 2, "high": 3}


def top(tmp_path: Path, old: str, new: str) -> str:
    """The highest severity of the flags of a one-point edit ('none' without a flag)."""
    comparison = compare_texts(tmp_path, f"1. {old}\n", f"1. {new}\n")
    flags = [f for change in comparison.changes for f in change.flags]
    return max((f.severity for f in flags), key=RANK.__getitem__, default="none")


# ---------------------------------------------------------------------------------------------
# An acronym spelt out, in a language whose names keep their inner words in lower case
# (moved from tests/risk/test_quiet.py: risk.names decides it now, not a pass after the rules)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Стороны подтверждают свое обязательство в соответствии с принципами Заключительного акта СБСЕ"
            " уважать существующие границы.",
            "Стороны подтверждают свое обязательство в соответствии с принципами Заключительного акта"
            " Совещания по безопасности и сотрудничеству в Европе уважать существующие границы.",
        ),
        (
            "Беженцы возвращаются под контролем Управления Верховного комиссара ООН по делам беженцев.",
            "Беженцы возвращаются под контролем УВКБ ООН.",
        ),
        (
            "Постановляет продлить мандат МООНПСХ до 14 июля 2025 года.",
            "Постановляет продлить до 14 июля 2025 года мандат Миссии Организации Объединенных Наций"
            " в поддержку Соглашения по Ходейде.",
        ),
        (
            "Сторони співпрацюють з Організацією з безпеки і співробітництва в Європі.",
            "Сторони співпрацюють з ОБСЄ.",
        ),
    ],
)
def test_an_acronym_spelt_out_in_lower_case_words_is_quiet(tmp_path: Path, old: str, new: str) -> None:
    assert RANK[top(tmp_path, old, new)] <= RANK["low"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Стороны сотрудничают с ОБСЕ.", "Стороны сотрудничают с Организацией Объединенных Наций."),
        (
            "Мониторинг осуществляет СММ ОБСЕ.",
            "Мониторинг осуществляет Совместный центр контроля и координации.",
        ),
        (
            "Сторони співпрацюють з ОБСЄ.",
            "Сторони співпрацюють з Організацією Північноатлантичного договору.",
        ),
        (
            "A mechanism chaired by the United States and including France and UNIFIL shall monitor the ceasefire.",
            "A mechanism chaired by the US and including France shall monitor the ceasefire.",
        ),
    ],
)
def test_an_acronym_replaced_by_another_body_stays_loud(tmp_path: Path, old: str, new: str) -> None:
    assert RANK[top(tmp_path, old, new)] >= RANK["medium"]


# ---------------------------------------------------------------------------------------------
# One body, no finding at all (before: a name finding raised, then weighed down by risk.quiet,
# or not found the same body at all)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        pytest.param(
            "Стороны подтверждают принципы Заключительного акта СБСЕ.",
            "Стороны подтверждают принципы Заключительного акта Совещания по безопасности и сотрудничеству"
            " в Европе.",
            id="ru-lower-case-inner-words",
        ),
        pytest.param(
            "Беженцы возвращаются под контролем УВКБ ООН.",
            "Беженцы возвращаются под контролем Управления Верховного комиссара ООН по делам беженцев.",
            id="ru-a-word-left-out",
        ),
        pytest.param(
            "Рішення ухвалює СЦКК.",
            "Рішення ухвалює Спільний центр контролю та координації.",
            id="uk-lower-case-inner-words",
        ),
        pytest.param(
            "Моніторинг здійснює СММ.",
            "Моніторинг здійснює Спеціальна моніторингова місія.",
            id="uk-known-acronym-in-its-own-words",
        ),
        pytest.param(
            "Monitoring shall be carried out by the SMM.",
            "Monitoring shall be carried out by the Special Monitoring Mission.",
            id="en-known-acronym-in-its-own-words",
        ),
        pytest.param(
            "Decides to extend the mandate of UNMHA until 14 July 2025.",
            "Decides to extend the mandate of the United Nations Mission to support the Hodeidah Agreement"
            " until 14 July 2025.",
            id="en-unbracketed-a-word-left-out",
        ),
        pytest.param(
            "The exchange shall be chaired by the JCC.",
            "The exchange shall be chaired by the Joint Co-ordination Committee.",
            id="en-hyphenated-word",
        ),
    ],
)
def test_an_acronym_spelt_out_is_no_name_finding(old: str, new: str) -> None:
    assert [f for f in rules_of(old, new) if f[0] in ("name", "role")] == []
    assert [f for f in rules_of(new, old) if f[0] in ("name", "role")] == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "The Joint Commission shall be chaired by the GON.",
            "The Joint Commission shall be chaired by the Government of Nepal.",
        ),
        (
            "The exchange shall take place under the supervision of UNTAG.",
            "The exchange shall take place under the supervision of the United Nations Transition Assistance"
            " Group.",
        ),
    ],
)
def test_a_role_s_holder_spelt_out_holds_it_still(old: str, new: str) -> None:
    """The role rule asks the name rule's question: 'chaired by the GON' → 'chaired by the
    Government of Nepal' read 'Role given to another body' (HIGH), the name rule knowing the
    two for one body."""
    assert rules_of(old, new) == []
    assert rules_of(new, old) == []


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Моніторинг здійснює СММ.", "Моніторинг здійснює Спеціальна моніторингова місія ОБСЄ."),
        ("Моніторинг здійснює СММ.", "Моніторинг здійснює СММ ОБСЄ."),
        ("Моніторинг здійснює СММ.", "Моніторинг здійснює SMM."),
        ("Мониторинг осуществляет СММ.", "Мониторинг осуществляет Специальная мониторинговая миссия ОБСЕ."),
    ],
)
def test_an_acronym_the_gazetteer_knows_is_its_body_in_any_alphabet(old: str, new: str) -> None:
    """'СММ' is the OSCE's mission (the gazetteer's 'СММ ОБСЄ', 'SMM'): 'СММ' → 'Спеціальна
    моніторингова місія ОБСЄ' read 'Name changed' and 'Organisation added' (HIGH)."""
    assert [f for f in rules_of(old, new) if f[0] in ("name", "role")] == []
    assert [f for f in rules_of(new, old) if f[0] in ("name", "role")] == []


# ---------------------------------------------------------------------------------------------
# Another body with the acronym's initials


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # The OSCE's mission (СММ: the gazetteer's "СММ ОБСЄ", "SMM") replaced by a mission of
        # Moldova: its initials, not its words.
        ("Моніторинг здійснює СММ.", "Моніторинг здійснює Спеціальна місія Молдови."),
        ("Мониторинг осуществляет СММ.", "Мониторинг осуществляет Специальная миссия Молдовы."),
        (
            "Monitoring shall be carried out by the SMM.",
            "Monitoring shall be carried out by the Special Mission of Moldova.",
        ),
        (
            "Обмін здійснюється під контролем СММ.",
            "Обмін здійснюється під контролем Спеціальної місії Молдови.",
        ),
        # The ICRC (МККК) replaced by a committee on borders.
        ("Моніторинг здійснює МККК.", "Моніторинг здійснює Міжнародний комітет контролю кордонів."),
    ],
)
def test_another_body_with_a_known_acronym_s_initials_stays_loud(tmp_path: Path, old: str, new: str) -> None:
    """Initials alone read 'СММ' → 'Спеціальна місія Молдови' as the acronym spelt out (risk.quiet
    weighed it low); the gazetteer says whose 'СММ' is, and the Moldovan mission is not it."""
    assert RANK[top(tmp_path, old, new)] >= RANK["medium"]
    assert RANK[top(tmp_path, new, old)] >= RANK["medium"]


# ---------------------------------------------------------------------------------------------
# The renderings' names ask the same question


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Observers of the JCC shall patrol the zone.",
            "Observers of the Joint Co-ordination Committee shall patrol the zone.",
        ),
        (
            "Зону патрулюють спостерігачі СБСЄ.",
            "Зону патрулируют наблюдатели Совещания по безопасности и сотрудничеству в Европе.",
        ),
    ],
)
def test_renderings_name_one_body_in_two_spellings(old: str, new: str) -> None:
    reader = Reader(TAXONOMY)
    assert "names" not in differences(reader.side(old), reader.side(new))


def test_renderings_tell_the_osce_mission_from_another_with_its_initials() -> None:
    reader = Reader(TAXONOMY)
    old = reader.side("Зону патрулируют наблюдатели СММ.")
    same = reader.side("Зону патрулируют наблюдатели Специальной мониторинговой миссии.")
    other = reader.side("Зону патрулируют наблюдатели Специальной миссии Молдовы.")
    assert "names" not in differences(old, same)
    assert "names" in differences(old, other)


# ---------------------------------------------------------------------------------------------
# The questions themselves


def _one(text: str, fragment: str, reader: Reader) -> object:
    side = reader.side(text)
    return side, next(n for n in named_entities(side) if n.fragment == fragment)


def test_ukrainian_and_russian_letters_of_one_sound_are_one_acronym() -> None:
    """'ЄЕК' (Ukrainian) and 'ЕЭК' (Russian) write one acronym (UNECE)."""
    reader = Reader(TAXONOMY)
    this, name = _one("Допомогу надає ЄЕК.", "ЄЕК", reader)
    other, there = _one("Помощь оказывает ЕЭК.", "ЕЭК", reader)
    assert named_otherwise(this, name, other)  # type: ignore[arg-type]
    assert same_body(other, there, this, name)  # type: ignore[arg-type]


def test_spelt_out_reads_the_text_s_names() -> None:
    side = Reader(TAXONOMY).side("Помощь оказывает Управление Верховного комиссара ООН по делам беженцев.")
    assert spelt_out(side, "увкб")
    assert not spelt_out(side, "увкбп")
    assert not spelt_out(Reader(TAXONOMY).side("Помощь оказывает Специальная миссия Молдовы."), "смм")
