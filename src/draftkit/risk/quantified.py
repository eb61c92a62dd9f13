"""What "all" covers: universally quantified phrases, read once per side, and the rule that
compares them.

Takes one text (a `Side`) and hands on `Quantified` features: "all" (every; усі, всі, всіх …;
все, всех …) and the words after it up to a stop — punctuation, a preposition, a verb of
being or a modal (risk.lists' `STOP_WORDS`) — each by its lemma, fillers ("the", "of") left
out, the last word its head. The rule `COVERED` compares two phrases with the same head: a
word added narrows what "all" covers ("all hostages" → "all living hostages": all of fewer),
a word taken away widens it ("all foreign forces" → "all forces"). Guarantees: a phrase
reordered, re-cased or in another case form says nothing (its lemmas are the same); two
phrases neither of which holds the other's words (a rewording) say nothing either; in a
hostage, prisoner or withdrawal provision a narrowing weighs as "all" dropped does
(`scope_urgent`).
"""

from __future__ import annotations

from draftkit.records import record
from draftkit.risk.features import Side, urgent
from draftkit.risk.findings import Report, Span, span_of
from draftkit.risk.lists import FILLER, STOP_WORDS
from draftkit.risk.matching import FeatureRule, Sides, by

_ALL = frozenset(
    {"all", "every", "усі", "всі", "усіх", "всіх", "усім", "всім", "все", "всех", "всем", "всеми"}
)
_WORDS = 4  # words after "all" at most: "all heavy weapons of the Parties" stops at "of"


@record
class Quantified:
    """'all' and what it covers: tokens [first, last), the lemmas after it (fillers left out)
    and the last of them, its head."""

    head: str
    words: frozenset[str]
    fragment: str
    spans: tuple[Span, ...]
    position: int


def quantified(side: Side) -> list[Quantified]:
    """Each "all" of the text with the words it covers, in text order."""
    text = side.text
    tokens = text.tokens
    lemmas = side.lemmas.tokens
    out: list[Quantified] = []
    for q, tok in enumerate(tokens):
        if tok.norm not in _ALL:
            continue
        k, words, head = q + 1, set(), ""
        while k < len(tokens) and k - q <= _WORDS:
            word = tokens[k]
            if word.kind != "word" or word.norm in STOP_WORDS or word.norm in _ALL:
                break
            if word.norm not in FILLER:
                head = lemmas[k].norm
                words.add(head)
            k += 1
        if head:
            span = span_of(text, q, k)
            out.append(Quantified(head, frozenset(words), text.span(q, k), (span,), span[0]))
    return out


def _covered(s: Sides, old: Quantified, new: Quantified) -> Report | None:
    if old.words < new.words:
        value = s.sig.scope_urgent if urgent(s.old) or urgent(s.new) else s.sig.scope_restrictive
        return Report("Scope narrowed", max(value, s.sig.scope_restrictive))
    if new.words < old.words:
        return Report("Scope widened", s.sig.scope_universal)
    return None  # reworded: neither holds the other


COVERED: FeatureRule[Quantified] = FeatureRule(
    name="scope",
    features=quantified,
    key=lambda x: (x.head, x.words),
    pair=by(lambda old, new: old.head == new.head),
    changed=_covered,
    removed=lambda s, old: None,  # "all" dropped or added: the scope rule's
    added=lambda s, new: None,
)
