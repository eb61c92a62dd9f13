"""Modifiers: a word put before (or taken from before) the forces or weapons a text is about.

Takes the two sides of one aligned pair of texts (risk.matching.Sides) and hands on findings
for risk.rules to run among its content rules. "NATO agrees not to station troops in
Ukraine" → "… not to station combat troops": the ban now leaves every other kind of troops
free; "withdraw heavy weapons" → "withdraw weapons" the other way round. A modifier is one
or two words of lower case that the word diff adds (or drops) right before a noun of forces,
personnel or weapons it keeps, itself kept after the same word as before ("station troops" →
"station combat troops"): "Scope narrowed: 'troops' → 'combat troops'" (or widened).
Guarantees: a modifier replaced by another ("military personnel" → "armed personnel"), a
number, a name (the name rule's), a determiner, possessive or word pointing back ("its troops",
"the said troops", "ці війська", "указанные войска"), a preposition,
and a noun spelt out as its kinds
("artillery" → "towed artillery and self-propelled artillery": the list rule's) are no
modifier; nothing is said where no such noun is kept.
"""

from __future__ import annotations

from itertools import pairwise

from draftkit.risk.features import Side
from draftkit.risk.findings import Finding, span_of
from draftkit.risk.lists import FILLER, STOP_WORDS
from draftkit.risk.matching import Sides
from draftkit.risk.tokens import COORDINATORS

# Forces, personnel and weapons, as written (the personnel unit words of the taxonomy too).
_NOUN_TEXT = """troops troop forces force personnel soldiers servicemen units formations contingent
    contingents weapons weapon arms armaments equipment aircraft vehicles missiles rockets
    tanks artillery munitions ammunition drones ships vessels bases
    війська військ військам військами сили сил силам силами підрозділи підрозділів формування
    зброя зброї зброю озброєння техніка техніки техніку літаки літаків ракети ракет танки
    танків артилерія артилерії боєприпаси боєприпасів дрони дронів бази баз
    войска войск войскам войсками силы сил силам силами подразделения подразделений
    формирования формирований оружие оружия вооружения вооружение техника техники технику
    самолеты самолетов самолёты самолётов ракеты ракет танки танков артиллерия артиллерии
    боеприпасы боеприпасов беспилотники беспилотников базы баз"""
_NOUNS = frozenset(_NOUN_TEXT.split())
FORCES = _NOUNS  # read by risk/cadence.py too


# Forces as written or as lemmas ("units" is read "unit"), and the words of a military or police
# body ("the headquarters of the brigade", "штаб бригади", "командование полка"), by their stems.
_ARMED_STEM_WORDS = """militar army armies armed brigad battalion regiment garrison corps command militia
    police військ збройн бригад батальйон полк гарнізон командуван міліці поліці военн вооруж
    батальон гарнизон командован милици полиц"""
_ARMED_STEMS = tuple(_ARMED_STEM_WORDS.split())


def armed(side: Side) -> bool:
    """Whether a text names forces, weapons or a military or police body: where they are based
    or commanded from is a matter of security, not a body's seat (risk.names.seat)."""
    words = side.text.forms() | side.lemma_set
    if not FORCES.isdisjoint(words) or not FORCES.isdisjoint(w + "s" for w in words):
        return True
    return any(w.startswith(_ARMED_STEMS) for w in words)


_MOST = 2  # words of a modifier at most
# Words that point back or share out rather than narrow ("the said troops", "their respective
# forces", "ці війська", "указанные войска"): the demonstratives the list rule's filler words
# leave out in Ukrainian and Russian, and anaphoric adjectives.
_POINTING_TEXT = """said aforementioned aforesaid abovementioned respective same ці цих цим цими цей
    ця цю цієї цього такі таких такий така таке зазначені зазначених вказані вказаних
    відповідні відповідних ті тих эти тех такие таких такой такая такое указанные указанных
    вышеуказанные вышеуказанных данные данных соответствующие соответствующих"""
_POINTING = frozenset(_POINTING_TEXT.split())


class _Modifiers:
    """The rule (risk.matching.ContentRule): `MODIFIERS(sides)`."""

    name = "scope"

    def __call__(self, sides: Sides) -> list[Finding]:
        return modifiers(sides)


def modifiers(s: Sides) -> list[Finding]:
    """'Scope narrowed' where a modifier is put before a kept noun of forces or weapons,
    'Scope widened' where one is taken away."""
    forms = s.old.text.forms() & s.new.text.forms()
    shared = (forms & _NOUNS) | (forms & s.new.compiled.personnel)
    if not shared:
        return []
    tokens = s.new.text.tokens
    out: list[Finding] = []
    for (i0, j0), (i1, j1) in pairwise(sorted(s.kept_words().items())):
        if tokens[j1].norm not in shared:
            continue
        added, dropped = j1 - j0 - 1, i1 - i0 - 1
        if added and not dropped and _modifier(s.new, j0 + 1, j1, s.old):
            out.append(_finding(s, "Scope narrowed", (i1, i1 + 1), (j0 + 1, j1 + 1)))
        elif dropped and not added and _modifier(s.old, i0 + 1, i1, s.new):
            out.append(_finding(s, "Scope widened", (i0 + 1, i1 + 1), (j1, j1 + 1)))
    return out


def _modifier(side: Side, first: int, last: int, other: Side) -> bool:
    """Whether tokens [first, last) of `side` are a modifier of the noun at `last` (not one
    of the kinds the noun is spelt out as, which `side` says more often than `other`)."""
    tokens = side.text.tokens
    if not 0 < last - first <= _MOST:
        return False
    words = tokens[first:last]
    if any(
        t.kind != "word"
        or t.cap
        or not t.norm.isalpha()
        or t.norm in FILLER
        or t.norm in STOP_WORDS
        or t.norm in COORDINATORS
        or t.norm in _POINTING
        for t in words
    ):
        return False
    noun = tokens[last].norm
    # Spelt out as its kinds: "artillery" → "towed artillery and self-propelled artillery".
    return sum(t.norm == noun for t in tokens) <= sum(t.norm == noun for t in other.text.tokens)


def _finding(s: Sides, headline: str, old: tuple[int, int], new: tuple[int, int]) -> Finding:
    old_span = span_of(s.old_text, *old)
    new_span = span_of(s.new_text, *new)
    return Finding(
        "scope",
        headline,
        s.sig.object_scope,
        s.old_text.span(*old),
        s.new_text.span(*new),
        (old_span,),
        (new_span,),
        new_span[0],
    )


MODIFIERS = _Modifiers()
