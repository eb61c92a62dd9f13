"""risk.choices: which of two times a deadline runs to, the earlier or the later."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.risk.helpers import findings, flags_for

EXTENDED = [
    (
        "en",
        "The observer mission shall stay until 1 July 2029 or the end of demobilisation, whichever is earlier.",
        "The observer mission shall stay until 1 July 2029 or the end of demobilisation, whichever is later.",
    ),
    (
        "en",
        "Artillery shall be pulled back by 1 March or ten days after the exchange of maps, whichever comes first.",
        "Artillery shall be pulled back by 1 March or ten days after the exchange of maps, whichever comes last.",
    ),
    (
        "en",
        "The curfew ends on the earlier of the two dates named in Annex 2.",
        "The curfew ends on the later of the two dates named in Annex 2.",
    ),
    (
        "uk",
        "Артилерію відводять до 1 березня або через десять днів після обміну картами, залежно від того, "
        "що настане раніше.",
        "Артилерію відводять до 1 березня або через десять днів після обміну картами, залежно від того, "
        "що настане пізніше.",
    ),
    (
        "ru",
        "Артиллерия отводится до 1 марта или через десять дней после обмена картами, в зависимости от того, "
        "что наступит раньше.",
        "Артиллерия отводится до 1 марта или через десять дней после обмена картами, в зависимости от того, "
        "что наступит позже.",
    ),
]


@pytest.mark.parametrize(
    ("lang", "old", "new"), EXTENDED, ids=[f"{c[0]}-{k}" for k, c in enumerate(EXTENDED)]
)
def test_the_earlier_of_two_times_made_the_later_extends_the_deadline(lang: str, old: str, new: str) -> None:
    [extended] = [f for f in findings(old, new) if f.rule == "deadline"]
    assert extended.headline == "Deadline extended"
    [shortened] = [f for f in findings(new, old) if f.rule == "deadline"]
    assert shortened.headline == "Deadline shortened"


@pytest.mark.parametrize(("lang", "old", "new"), EXTENDED[:1] + EXTENDED[3:])
def test_a_deadline_extended_so_is_high_in_a_military_provision(
    tmp_path: Path, lang: str, old: str, new: str
) -> None:
    flags = flags_for(tmp_path, old, new, heading={"en": "Withdrawal of Heavy Weapons",
                      "uk": "Відведення важкого озброєння", "ru": "Отвод тяжелых вооружений"}[lang], lang=lang)  # fmt: skip
    assert [f.severity for f in flags if f.rule == "deadline"] == ["high"]


def test_a_deadline_extended_so_is_at_least_medium_anywhere(tmp_path: Path) -> None:
    old = "The new tariff enters into force on 1 May or on the adoption of the budget law, whichever is earlier."
    flags = flags_for(tmp_path, old, old.replace("earlier", "later"), heading="Miscellaneous")
    assert [f.severity for f in flags if f.rule == "deadline"] in (["medium"], ["high"])


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Prisoners shall be exchanged by 1 May or at the end of talks, whichever comes first.",
            "Prisoners shall be exchanged by 1 May or at the end of talks, whichever is earlier.",
        ),
        (
            "Рішення ухвалюють не пізніше ніж через місяць.",
            "Рішення ухвалюють не пізніше ніж через місяць, що раніше.",
        ),
        ("The first of the two teams arrives on Monday.", "The first of the two teams arrives on Tuesday."),
    ],
)
def test_a_choice_in_other_words_or_added_says_nothing(old: str, new: str) -> None:
    """The same direction in other words is no change; a choice added or dropped alone is
    left to the other rules (and the rewording)."""
    assert not [f for f in findings(old, new) if f.headline.startswith("Deadline ")]
