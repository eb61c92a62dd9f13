"""Choices between times: which of two dates or events a deadline runs to.

Takes the two sides of one aligned pair of texts (risk.matching.Sides) and hands on findings
for risk.rules to run among its content rules. "until 2030 or the completion of
disarmament, whichever is earlier" → "…, whichever is later": the same two events, but the
limit now holds until the later of them — a deadline extended by as long as the later one
takes, which no number says. A choice is "whichever" before an earlier or later word
("whichever is earlier", "whichever comes first", "whichever is the later"), "the earlier of"
/ "the later of", and in Ukrainian and Russian "що" / "что" before one within three words
("залежно від того, що настане раніше", "в зависимости от того, что наступит позже").
Guarantees: a choice of one direction in place of the other is "Deadline extended" (earlier
→ later) or "Deadline shortened", weighed as a deadline added (a hostage, prisoner or
withdrawal provision's as urgent); a choice added, dropped or said in other words of the same
direction ("whichever comes first" = "whichever is earlier") says nothing here; a text
without any of the choice words is not read further.
"""

from __future__ import annotations

from collections.abc import Sequence

from draftkit.records import record
from draftkit.risk.features import Side, urgent
from draftkit.risk.findings import Report, Span, span_of
from draftkit.risk.matching import FeatureRule, Sides, anything, by, silent
from draftkit.risk.tokens import Text, Token

_EARLY = frozenset(
    [
        "earlier",
        "earliest",
        "sooner",
        "soonest",
        "first",
        "раніше",
        "раньше",
        "ранее",
        "першим",
        "першою",
        "первым",
        "первой",
    ]
)
_LATE = frozenset(
    [
        "later",
        "latest",
        "last",
        "пізніше",
        "позже",
        "позднее",
        "останнім",
        "останньою",
        "последним",
        "последней",
    ]
)
# The word that opens a choice, and how many words may stand between it and its direction
# ("whichever of the two is earlier", "що з них настане раніше").
_CHOOSERS = frozenset({"whichever", "що", "что"})
_OPENERS = _CHOOSERS | {"the"}  # "the earlier of"
_DIRECTED = _EARLY | _LATE | {"1"}  # "first" is the number 1 to the tokeniser
_REACH = 4
_NEGATIONS = frozenset({"not", "не"})  # "что не позднее": a deadline's words, no choice


@record
class Choice:
    """A choice between times: its direction (-1 the earlier, +1 the later) and its words."""

    direction: int
    fragment: str
    spans: tuple[Span, ...]
    position: int


def choices(side: Side) -> list[Choice]:
    """The choices between times of a text, in text order."""
    text = side.text
    forms = text.forms()
    if forms.isdisjoint(_OPENERS) or forms.isdisjoint(_DIRECTED):
        return []
    tokens = text.tokens
    out: list[Choice] = []
    for k in text.positions(_DIRECTED):
        direction = _direction(text, tokens[k])
        if not direction or (k and tokens[k - 1].norm in _NEGATIONS):
            continue
        start = _opener(tokens, k)
        if start is None:
            continue
        span = span_of(text, start, k + 1)
        out.append(Choice(direction, text.span(start, k + 1), (span,), span[0]))
    return out


def _direction(text: Text, tok: Token) -> int:
    """-1 for a word of the earlier, +1 of the later, else 0 ("first" is read as the number 1:
    only the word written so counts)."""
    if tok.norm in _EARLY:
        return -1
    if tok.norm in _LATE:
        return 1
    return -1 if tok.spelled and text.original[tok.start : tok.end].lower() == "first" else 0


def _opener(tokens: Sequence[Token], k: int) -> int | None:
    """The token that makes the direction word at `k` a choice: "whichever" or "що" / "что"
    within `_REACH` words before it, in its clause, or "the" right before "earlier of"."""
    if k + 1 < len(tokens) and tokens[k + 1].norm == "of" and k and tokens[k - 1].norm == "the":
        return k - 1
    for j in range(k - 1, max(-1, k - 1 - _REACH), -1):
        if tokens[j].kind == "punct":
            return None
        if tokens[j].norm in _CHOOSERS:
            return j
    return None


def _swapped(s: Sides, old: Choice, new: Choice) -> Report | None:
    if old.direction == new.direction:
        return None
    value = s.sig.deadline_urgent if urgent(s.old) or urgent(s.new) else s.sig.deadline_added
    return Report("Deadline extended" if new.direction > old.direction else "Deadline shortened", value)


CHOICES: FeatureRule[Choice] = FeatureRule(
    name="deadline",
    features=choices,
    key=lambda c: c.direction,
    # One choice for another, in text order: "whichever is earlier" → "whichever is later".
    pair=by(anything),
    changed=_swapped,
    removed=silent,
    added=silent,
)
