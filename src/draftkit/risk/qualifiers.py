"""Qualifiers: when, on what condition, how far a provision holds ('in peacetime', 'once all
hostages are returned', 'under its command', issue 14) — the phrases of the taxonomy's
[qualifiers] table, an open one with the clause it takes, and the anchor of a duration
("within 72 hours after Israel accepts", "within 72 hours of Israel accepting"). Read once per
side; risk.rules compares them (QUALIFIERS). Moved out of risk.features, at its size limit.
"""

from __future__ import annotations

from draftkit.records import record
from draftkit.risk.features import CLAUSE_STOP, Side, quantities
from draftkit.risk.findings import Span, span_of
from draftkit.risk.frequency import frequencies
from draftkit.risk.senses import a_unit_of_forces, an_envoy, not_urgent, soft_urgency


@record
class Qualifier:
    """'in peacetime', 'once all hostages are returned', 'under its command' (issue 14)."""

    group: str  # temporal / urgency / conditional / scope / pace
    marker: str  # the phrase's lemmas
    content: tuple[str, ...]  # lemmas of the clause an open phrase takes ('' for a closed one)
    fragment: str
    spans: tuple[Span, ...]
    position: int
    # It follows a duration ("72 hours after …": the deadline's) or is an urgency in the loose
    # sense ("невідкладні"): matched, never reported alone.
    anchor: bool = False


_CLAUSE_WORDS = 12  # an open qualifier takes at most this many words after it


_CORRELATIVE = {"того", "тому", "тем"}
_CONJUNCTIONS = {"как", "як", "что", "що", "чтобы", "щоб"}


def _after_duration(side: Side, index: int) -> bool:
    """Whether token `index` follows a duration ("72 hours", "100 днів", "протягом року")."""
    if index < 1:
        return False
    end = side.text.tokens[index - 1].end
    return any(q.cls == "time" and q.spans[0][1] == end for q in side.features(quantities))


def qualifiers(side: Side) -> list[Qualifier]:
    """Qualifier phrases of the taxonomy's [qualifiers] table, an open one with its clause; a
    phrase that opens a duration ('until 31 December', 'after 5 years') is left to the
    deadline rules, one after a duration is its anchor (matched, never reported alone), and
    one inside a condition or exception clause is left to theirs."""
    text = side.text
    tokens = text.tokens
    lemmas = side.lemmas
    out: list[Qualifier] = []
    modal = {k for m in side.compiled.obligation.find(text) for k in range(m.first, m.last)}
    for hit in side.compiled.qualifiers.find(lemmas):
        group, kind = hit.label.split("|")
        if any(c.first <= hit.first < c.last for c in (*side.analysis.conditions, *side.analysis.exceptions)):
            continue
        if hit.first in modal:
            continue  # the "upon" of "calls upon" (a modal phrase) opens no condition
        if group == "conditional" and any(f.first == hit.first for f in side.features(frequencies)):
            continue  # the "once" of "once a month": how often (risk.numbers), not when
        if not_urgent(tokens, hit.norm, hit.last):
            continue  # "the immediate vicinity", "their immediate family"
        if a_unit_of_forces(tokens, hit.norm, hit.first) or an_envoy(tokens, hit.norm, hit.first):
            continue  # "воинские части": units, no part of anything; "Посол …": an ambassador
        # The anchor of a duration ("within 72 hours after Israel accepts") and an urgency word
        # in the loose sense ("невідкладні заходи") are matched, never reported alone.
        anchor = _after_duration(side, hit.first) or (group == "urgency" and soft_urgency(hit.norm))
        last = hit.last
        if kind == "open":
            if last < len(tokens) and tokens[last].kind in {"number", "date"}:
                continue
            if (
                last + 2 < len(tokens)
                and tokens[last].norm in _CORRELATIVE
                and tokens[last + 1].norm == ","
                and tokens[last + 2].norm in _CONJUNCTIONS
            ):
                last += 3  # "после того, как …", "після того, як …": one clause across the comma
            while (
                last < len(tokens)
                and tokens[last].norm not in CLAUSE_STOP
                and last - hit.last < _CLAUSE_WORDS
            ):
                last += 1
            if last == hit.last:
                continue
        content = tuple(t.norm for t in lemmas.tokens[hit.last : last] if t.kind != "punct")
        span = span_of(text, hit.first, last)
        out.append(Qualifier(group, hit.norm, content, text.span(hit.first, last), (span,), span[0], anchor))
    return out + _anchors(side, {q.position for q in out})


# What a duration counts from, said without a qualifier word: "within 72 hours of Israel
# accepting", "протягом 72 годин з моменту підписання", "в течение 72 часов с момента …".
_FROM = {
    ("of",): 1,
    ("from",): 1,
    ("з", "моменту"): 2,
    ("с", "момента"): 2,
    ("від", "дня"): 2,
    ("со", "дня"): 2,
}


# "within 30 days of each other", "from one another": a gap between two events, not the event
# a deadline counts from.
_RECIPROCAL = frozenset([("each", "other"), ("one", "another")])


def _anchors(side: Side, taken: set[int]) -> list[Qualifier]:
    """The anchors of durations written with 'of', 'from', 'з моменту', 'с момента': read as
    the 'after …' anchor they stand for (matched with one, never reported alone), so that the
    event a deadline counts from, changed, is 'Condition changed' as with 'after'."""
    ends = {q.spans[0][1] for q in side.features(quantities) if q.cls == "time"}
    if not ends:
        return []  # no duration (most texts): no anchor
    text = side.text
    tokens = text.tokens
    out: list[Qualifier] = []
    for k in range(1, len(tokens)):
        token = tokens[k]
        if tokens[k - 1].end not in ends:
            continue
        width = _FROM.get((token.norm,)) or _FROM.get(tuple(t.norm for t in tokens[k : k + 2]), 0)
        if not width:
            continue
        last = k + width
        if tuple(t.norm for t in tokens[last : last + 2]) in _RECIPROCAL:
            continue  # "within 30 days of each other": two events' gap, no anchor
        while (
            last < len(tokens) and tokens[last].norm not in CLAUSE_STOP and last - k - width < _CLAUSE_WORDS
        ):
            last += 1
        span = span_of(text, k, last)
        if last == k + width or span[0] in taken:
            continue
        content = tuple(t.norm for t in side.lemmas.tokens[k + width : last] if t.kind != "punct")
        out.append(Qualifier("conditional", "after", content, text.span(k, last), (span,), span[0], True))
    return out
