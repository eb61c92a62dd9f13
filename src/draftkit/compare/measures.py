"""Similarity measures and sequence helpers of the alignment passes (compare.align,
compare.regroup): each bounded in cost whatever the texts' length."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise

from rapidfuzz import fuzz

from draftkit.compare.lemmas import STOP_WORDS

SIM_MAX_CHARS = 4_000  # longer texts are compared as bags of words (linear), not by ratio


def lis(values: Sequence[int]) -> set[int]:
    """Positions (into `values`) of one longest strictly increasing subsequence."""
    if all(a < b for a, b in pairwise(values)):
        return set(range(len(values)))  # already increasing (most sibling lists): all of it
    tails: list[int] = []
    tails_at: list[int] = []
    back = [-1] * len(values)
    for i, v in enumerate(values):
        k = bisect.bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
            tails_at.append(i)
        else:
            tails[k] = v
            tails_at[k] = i
        back[i] = tails_at[k - 1] if k > 0 else -1
    keep: set[int] = set()
    i = tails_at[-1] if tails_at else -1
    while i != -1:
        keep.add(i)
        i = back[i]
    return keep


_DIGITS = re.compile(r"\d+")


def mask_digits(text: str) -> str:
    """`text` with each run of digits as '#' (as `\\d+` finds them, any script's digits).
    An ASCII text without 0-9, most keys, is told by ten substring scans: four times
    quicker than the regex on a 13,000-provision draft's keys."""
    if text.isascii() and not (
        "0" in text
        or "1" in text
        or "2" in text
        or "3" in text
        or "4" in text
        or "5" in text
        or "6" in text
        or "7" in text
        or "8" in text
        or "9" in text
    ):
        return text
    return _DIGITS.sub("#", text)


def may_reach(len_a: int, len_b: int, threshold: float) -> bool:
    """Whether two texts of these lengths can reach `threshold` in fuzz.ratio (an Indel
    similarity: at most 2·min / (len_a + len_b))."""
    total = len_a + len_b
    return total == 0 or 2 * min(len_a, len_b) >= threshold * total


def contained(part: Counter[str], whole: Counter[str]) -> float:
    """The share of `part`'s words (with multiplicity) that `whole` holds."""
    size = sum(part.values())
    if not size:
        return 1.0
    return sum(min(count, whole[word]) for word, count in part.items()) / size


def dice(a: Counter[str], b: Counter[str]) -> float:
    """Dice coefficient of two bags of words."""
    size = sum(a.values()) + sum(b.values())
    if not size:
        return 1.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return 2 * sum(min(count, large[word]) for word, count in small.items()) / size


def ratio(ka: str, kb: str, bag_a: Callable[[], Counter[str]], bag_b: Callable[[], Counter[str]]) -> float:
    """fuzz.ratio / 100 for texts short enough (bit-parallel, ~len_a·len_b/64 steps), else
    the Dice coefficient of their words, which is linear: a bounded cost for any shape."""
    if len(ka) + len(kb) <= SIM_MAX_CHARS:
        return float(fuzz.ratio(ka, kb)) / 100.0
    return dice(bag_a(), bag_b())


SPLIT_PART_MIN = 0.8  # each part of a split must be found (its words) in the whole


def joined_ratio(
    whole: str, whole_bag: Counter[str], parts: tuple[str, ...], part_bags: tuple[Counter[str], ...]
) -> float:
    """`ratio` of a whole and its parts joined (a split's or a merge's), 0 unless each part is
    found in the whole: most of its words are there (SPLIT_PART_MIN; a linear check, where
    partial_ratio was quadratic or worse on long texts)."""
    if not whole or not all(parts):
        return 0.0
    if any(contained(bag, whole_bag) < SPLIT_PART_MIN for bag in part_bags):
        return 0.0
    joined = " ".join(parts)
    return ratio(whole, joined, lambda: whole_bag, lambda: sum(part_bags, Counter()))


_WORD = re.compile(r"\w+")


def text_ratio(x: str, y: str) -> float:
    """`ratio` of two texts with their word bags made on demand."""
    return ratio(x, y, lambda: Counter(_WORD.findall(x)), lambda: Counter(_WORD.findall(y)))


_LETTERS = re.compile(r"[^\W\d_]{3,}")
_STOP = frozenset().union(*STOP_WORDS.values())
RARE_DF = 3  # a word in at most this many texts of the context is distinctive


def _words(text: str) -> set[str]:
    return {w.lower().rstrip("s") for w in _LETTERS.findall(text)} - _STOP


def word_frequencies(texts: Iterable[str]) -> Counter[str]:
    """In how many of `texts` each word (3+ letters, no stop word, plural "s" dropped) is."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update(_words(text))
    return df


def share_rare_word(a: str, b: str, df: Counter[str]) -> bool:
    """Whether `a` and `b` share a word that at most RARE_DF texts of their context hold
    (`df` from word_frequencies): two texts in one formula ("… shall … within N days")
    share only the formula's words."""
    return any(df[w] <= RARE_DF for w in _words(a) & _words(b))
