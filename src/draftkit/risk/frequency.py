"""Frequencies said in words: 'weekly', 'once a month', 'twice a month', 'every year',
'три рази на тиждень', 'дважды в месяц' — how often something is done, as a period in days over
the times in it. Read per side (risk.features.Side) for the rules that compare them
(risk.numbers FREQUENCY, risk.cadence, risk.quiet, risk.qualifiers, risk.renderings); moved
out of risk.features, at its size limit.
"""

from __future__ import annotations

from draftkit.records import record
from draftkit.risk.features import _EVERY, _PERIOD_ADVERBS, _PERIOD_NOUNS, Side
from draftkit.risk.findings import Span, span_of


@record
class Frequency:
    """How often, in words: 'weekly', 'once a month', 'every year', 'щомісяця', 'раз в год'."""

    days: float  # the period (1, 7, 30, 91 or 365) over the times in it: "twice a month" 15
    first: int
    last: int
    fragment: str
    spans: tuple[Span, ...]
    position: int


_ONCE = {"once", "раз", "time"}  # "once a week", "two times a month", "раз на тиждень", "раз в год"
_ONCE_PER = {"a", "per", "на", "в"}
_EVERY_OR_ONCE = _EVERY | _ONCE
_TWICE = {"twice": 2, "thrice": 3, "двічі": 2, "тричі": 3, "дважды": 2, "трижды": 3}  # "twice a month"


def _times(side: Side, k: int) -> tuple[int, float]:
    """The first token and the count of 'once', 'twice', 'three times', 'два раза' at token `k`."""
    tokens = side.text.tokens
    if (count := _TWICE.get(tokens[k].norm)) is not None:
        return k, count
    before = tokens[k - 1] if k > 0 and side.lemmas.tokens[k].norm != "once" else None
    if (
        before is not None
        and before.kind == "number"
        and before.value is not None
        and 1 <= before.value <= 100
    ):
        return k - 1, before.value  # "three times a week", "два раза в месяц"
    return k, 1


def frequencies(side: Side) -> list[Frequency]:
    """Frequencies said in words (a number of days or weeks is a quantity, not read here)."""
    text = side.text
    lemma_set = side.lemma_set
    if text.forms().isdisjoint(_PERIOD_ADVERBS) and (
        lemma_set.isdisjoint(_PERIOD_NOUNS)
        or (lemma_set.isdisjoint(_EVERY_OR_ONCE) and text.forms().isdisjoint(_TWICE))
    ):
        return []  # most texts say no period, or only "within 30 days" (a quantity, not read here)
    words = side.lemmas.tokens
    out: list[Frequency] = []
    for k, tok in enumerate(words):
        first = k
        days: float | None = _PERIOD_ADVERBS.get(text.tokens[k].norm)
        if days is None and (days := _PERIOD_NOUNS.get(tok.norm)) is not None:
            if k > 0 and words[k - 1].norm in _EVERY:
                first = k - 1
            elif (
                k > 1
                and words[k - 1].norm in _ONCE_PER
                and (words[k - 2].norm in _ONCE or text.tokens[k - 2].norm in _TWICE)
            ):
                first, times = _times(side, k - 2)
                days /= times
            else:
                continue
        if days is not None:
            span = span_of(text, first, k + 1)
            out.append(Frequency(days, first, k + 1, text.span(first, k + 1), (span,), span[0]))
    return out
