"""What "all" covers: universally quantified phrases, read once per side, and the rule that
compares them.

Takes one text (a `Side`) and hands on `Quantified` features: "all" (every; усі, всі, всіх …;
все, всех …) and the words after it up to a stop — punctuation, a preposition, a verb of
being or a modal (risk.lists' `STOP_WORDS`) — each by its lemma, fillers ("the", "of") left
out, the last word its head. A verb ends the phrase too, where its form shows it: an English
adverb in -ly before it ("Every Party solemnly undertakes"; not before a participle: "all
internally displaced persons"), a Ukrainian or Russian verb by its lemma and ending ("Все заложники освобождаются"); "все ещё", "все ще" (still) are no
"all". The rule `COVERED` compares two phrases with the same head that stand in one place (the
word diff keeps the one "all" as the other, or both lie in one stretch it changed): a word
added narrows what "all" covers ("all hostages" → "all living hostages": all of fewer), a
word taken away widens it ("all foreign forces" → "all forces"); a relative clause reached
over prepositional phrases, not over a verb, is part of what it covers ("all prisoners of war
in its custody who insist on repatriation"). Guarantees: a phrase
reordered, re-cased or in another case form says nothing (its lemmas are the same); two
phrases neither of which holds the other's words (a rewording) say nothing either, nor do two
in different places ("every hostage" of one sentence, "all hostages" added to another); in a
hostage, prisoner or withdrawal provision a narrowing weighs as "all" dropped does
(`scope_urgent`).
"""

from __future__ import annotations

from draftkit.records import record
from draftkit.risk.features import Side, urgent
from draftkit.risk.findings import Report, Span, span_of
from draftkit.risk.lists import FILLER, STOP_WORDS
from draftkit.risk.matching import FeatureRule, Sides, by
from draftkit.risk.tokens import MODALS, RELATIVES

_ALL_WORDS = """all every усі всі усіх всіх усім всім все всех всем всеми кожен кожна кожне кожні кожного
    кожної кожному кожній кожних каждый каждая каждое каждые каждого каждой каждому каждых"""
_ALL = frozenset(_ALL_WORDS.split())
_WORDS = 4  # words after "all" at most: "all heavy weapons of the Parties" stops at "of"
# "все ещё", "все ще", "всё же", "все одно": an adverb (still, yet, anyway), not "all".
_NOT_ALL_AFTER = frozenset({"еще", "ще", "же", "ж", "равно", "одно", "таки"})
# Words in -ly that are no adverbs: "all elderly persons", "all supply routes".
_NOT_ADVERBS = frozenset(
    {"elderly", "early", "daily", "weekly", "monthly", "yearly", "family", "supply", "assembly", "ally"}
)
# A Ukrainian or Russian finite verb: its lemma an infinitive (-ть, -ти, -чь, reflexive -ся;
# not a noun in -сть: "область", "частість"), its own ending a verb's ("освобождаются",
# "звільняють", "мають"; not the participle "удерживаемые", whose lemma simplemma gives as
# the verb's), and not its own lemma ("діти" is a noun whose lemma ends so; an infinitive
# after "all" follows a modal, a stop word already).
_PARTICIPLE = ("ed", "ing", "en")
_INFINITIVE = ("ть", "ти", "чь", "ться", "тися", "тись", "чься")
_VERB_ENDINGS = ("т", "ть", "ти", "ся", "сь", "є", "чь")


def _ends_phrase(norm: str, lemma: str, following: str) -> bool:
    """Whether a word ends what "all" covers: an English adverb before a verb ("All Parties
    solemnly undertake"; not before a participle, which it qualifies with the words after
    it: "all internally displaced persons", `following` the word after it), or a Ukrainian or
    Russian verb."""
    if norm.isascii():
        return norm.endswith("ly") and norm not in _NOT_ADVERBS and not following.endswith(_PARTICIPLE)
    return (
        lemma != norm
        and lemma.endswith(_INFINITIVE)
        and not lemma.endswith("сть")
        and norm.endswith(_VERB_ENDINGS)
    )


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
        if tok.norm not in _ALL or (q + 1 < len(tokens) and tokens[q + 1].norm in _NOT_ALL_AFTER):
            continue
        k, words, head = q + 1, set(), ""
        while k < len(tokens) and k - q <= _WORDS:
            word = tokens[k]
            if word.kind != "word" or word.norm in STOP_WORDS or word.norm in _ALL:
                break
            following = tokens[k + 1].norm if k + 1 < len(tokens) else ""
            if _ends_phrase(word.norm, lemmas[k].norm, following):
                break
            if word.norm not in FILLER:
                head = lemmas[k].norm
                words.add(head)
            k += 1
        if head:
            k = _relative_clause(side, k, words)
            span = span_of(text, q, k)
            out.append(Quantified(head, frozenset(words), text.span(q, k), (span,), span[0]))
    return out


# A relative clause after what "all" covers restricts it ("all prisoners of war in its custody
# who insist on repatriation"): reached over prepositional phrases, not over a verb.
_BEING_TEXT = "is are was were be been have has had do does не є является"
_VERBS = MODALS | frozenset(_BEING_TEXT.split())
_REACH = 6  # words between the phrase and the relative pronoun at most
_CLAUSE_WORDS = 8  # words of the relative clause read at most


def _relative_clause(side: Side, k: int, words: set[str]) -> int:
    """The end of a relative clause that restricts the phrase ending before token `k` (its
    words added to `words`), else `k`."""
    tokens, lemmas = side.text.tokens, side.lemmas.tokens
    j = k
    while j < len(tokens) and j - k <= _REACH:
        tok = tokens[j]
        if tok.norm in RELATIVES:
            break
        if tok.kind != "word" and not (
            tok.norm == "," and j + 1 < len(tokens) and tokens[j + 1].norm in RELATIVES
        ):
            return k
        if tok.norm in _VERBS or tok.norm in _ALL:
            return k
        j += 1
    else:
        return k
    end, said = j + 1, 0
    while end < len(tokens) and end - j <= _CLAUSE_WORDS and tokens[end].kind == "word":
        norm = tokens[end].norm
        if norm in STOP_WORDS and said >= 2:
            break  # "who insist on repatriation | to the side …"
        if norm not in FILLER and norm not in STOP_WORDS:
            words.add(lemmas[end].norm)
            said += 1
        end += 1
    return end


def _covered(s: Sides, old: Quantified, new: Quantified) -> Report | None:
    if not s.in_place(old, new):
        return None  # "every hostage" of one sentence, "all hostages" of another
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
