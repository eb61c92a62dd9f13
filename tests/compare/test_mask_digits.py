"""Quick paths of compare.measures (the digit mask, the longest increasing subsequence) agree with
what they stand for."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from draftkit.compare.measures import lis, mask_digits

_DIGITS = re.compile(r"\d+")


@given(st.text())
def test_mask_equals_the_unicode_regex(text: str) -> None:
    assert mask_digits(text) == _DIGITS.sub("#", text)


def test_mask_cases() -> None:
    assert mask_digits("article 12 and 3(b)") == "article # and #(b)"
    assert mask_digits("no digits here") == "no digits here"
    assert mask_digits("arabic-indic ٣٤ digits") == "arabic-indic # digits"


@given(st.lists(st.integers(0, 30), max_size=40))
def test_lis_is_a_longest_increasing_subsequence(values: list[int]) -> None:
    keep = sorted(lis(values))
    chosen = [values[k] for k in keep]
    assert all(a < b for a, b in pairwise(chosen))
    longest = [1] * len(values)  # the quadratic reference: longest ending at each position
    for i in range(len(values)):
        for k in range(i):
            if values[k] < values[i]:
                longest[i] = max(longest[i], longest[k] + 1)
    assert len(keep) == max(longest, default=0)
