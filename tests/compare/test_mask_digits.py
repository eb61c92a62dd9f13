"""The quick digit mask (measures.mask_digits, the alignment anchor pass) equals the regex it stands for."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from draftkit.compare.measures import mask_digits

_DIGITS = re.compile(r"\d+")


@given(st.text())
def test_mask_equals_the_unicode_regex(text: str) -> None:
    assert mask_digits(text) == _DIGITS.sub("#", text)


def test_mask_cases() -> None:
    assert mask_digits("article 12 and 3(b)") == "article # and #(b)"
    assert mask_digits("no digits here") == "no digits here"
    assert mask_digits("arabic-indic ٣٤ digits") == "arabic-indic # digits"
