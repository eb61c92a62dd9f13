"""compare.content.number_keys: its word test for ASCII texts (no scan of the two look-behind
patterns where no spelled number or "week" can match) gives what the three patterns give."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from draftkit.compare.content import _NUMBER, _NUMBER_WORDS, _SPELLED_NUMBER, _WEEKS, _value, number_keys

_PIECES = st.sampled_from(
    [
        " ",
        "\n",
        ",",
        ".",
        "-",
        "3",
        "21",
        "1,700",
        "one",
        "Four",
        "FOURTEEN",
        "fourteenth",
        "twenty",
        "week",
        "Weeks",
        "wEEk",
        "weeK",
        "é",
        "x",
        "_",
        "days",
        "three weeks",
    ]
)
_TEXT = st.lists(_PIECES, max_size=10).map("".join)


def _reference(text: str) -> list[str]:
    out = ["#" + re.sub(r"[,\u00a0\u202f ]", "", m.group(0)) for m in _NUMBER.finditer(text)]
    out += [f"#{_NUMBER_WORDS[m.group(1).lower()]}" for m in _SPELLED_NUMBER.finditer(text)]
    out += [f"#{7 * _value(m.group(1))}" for m in _WEEKS.finditer(text)]
    return out


@given(_TEXT)
def test_numbers_are_the_three_patterns_matches(text: str) -> None:
    assert number_keys(text) == _reference(text)


def test_numbers_of_a_period_in_weeks() -> None:
    assert number_keys("within three weeks or 2 Weeks") == ["#2", "#3", "#21", "#14"]
