"""The cadence of administrative acts: when a deadline or frequency weighs as wording.

Reporting, informing, meeting, consulting, naming contacts, circulating minutes: how often or
how soon such an act happens is an arrangement, not what a party gives up. Analysts of two
held-out sets (benchmarks/risk_heldout2, risk_heldout3) rate a shift in it low ("every 90
days" → "every 120 days" for a report); a threefold change or more keeps its weight, since
the first set (benchmarks/risk_heldout) rates "weekly" → "monthly" medium. Takes the findings of one pair of texts
(risk.rules.content_findings) and hands them on, such deadlines (and a qualifier or scope
word on their words) weighed as wording; never where the text is about a violation, an
attack, a withdrawal, a release or hostages.
"""

from __future__ import annotations

from dataclasses import replace

from draftkit.risk.features import Side, frequencies, quantities, urgent
from draftkit.risk.findings import Finding
from draftkit.risk.matching import Sides

_ADMINISTRATIVE_WORDS = """report inform meet meeting session consult consultation minute minutes
    designate appoint circulate publish звіт звітувати інформувати засідання консультація
    призначати призначити протокол доклад докладывать отчет отчёт информировать заседание
    консультация назначать назначить"""
_ADMINISTRATIVE = frozenset(_ADMINISTRATIVE_WORDS.split())
_SUBSTANTIVE = frozenset({"violation", "attack", "incident", "порушення", "нарушение", "напад", "нападение"})


def administrative(s: Sides, found: list[Finding]) -> list[Finding]:
    """The findings, with a deadline or frequency of an administrative act (and a qualifier or
    scope word on its words) weighed as wording — unless its period changed threefold or more
    ("weekly" → "monthly", "monthly" → "quarterly": one held-out set rates those medium)."""
    words = s.old.lemma_set | s.new.lemma_set
    if (
        words.isdisjoint(_ADMINISTRATIVE)
        or not words.isdisjoint(_SUBSTANTIVE)
        or urgent(s.old)
        or urgent(s.new)
    ):
        return found
    before, after = _periods(s.old), _periods(s.new)
    gone, come = [p for p in before if p not in after], [p for p in after if p not in before]
    if len(gone) == 1 and len(come) == 1 and max(gone[0], come[0]) >= 3 * min(gone[0], come[0]):
        return found
    timed = [f for f in found if f.rule == "deadline"]
    olds, news = [f.old for f in timed if f.old], [f.new for f in timed if f.new]

    def on_time(f: Finding) -> bool:  # the deadline's, or a qualifier or scope word on its words
        return f.rule == "deadline" or (
            f.rule in ("qualifier", "scope")
            and (any(t in f.old for t in olds) or any(t in f.new for t in news))
        )

    return [
        replace(f, significance=min(f.significance, s.sig.wording), heavy=0.0) if on_time(f) else f
        for f in found
    ]


def _periods(side: Side) -> list[float]:
    """The periods a text names, in hours ("90 days", "once a month")."""
    return [q.base for q in side.features(quantities) if q.cls == "time"] + [
        24.0 * f.days for f in side.features(frequencies)
    ]
