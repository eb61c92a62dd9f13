"""Significance rules: what changed inside one aligned pair of texts, and how much it matters.

Takes two texts (old and new) and a `Reader` (the taxonomy, and each text read once), and
hands on `Finding`s (risk/findings.py) for annotate.py to weigh by category. Each rule here
is a declaration over one mechanism (risk/matching.py): which features it reads in each
text (risk/features.py), the key under which two features are the same, how what is left
over is paired, and what it says about a pair, a removed feature and an added one. Rules
run in the order of `CONTENT_RULES`; `RULES` names every rule a finding may carry, in the
order flags are listed. Guarantees: matching on normalised features instead of character
positions keeps cosmetic edits silent — "recognise" and "recognize", "600,000" and
"600 000", "five years" and "5 years", a moved comma all give the same features — and two
texts equal but for cosmetics give no finding at all.
"""

from __future__ import annotations

from collections.abc import Hashable

from draftkit.limits import WEIGH_CHARS
from draftkit.risk.bracketed import BRACKETS, settle
from draftkit.risk.cadence import addressed, administrative, clerical, requested
from draftkit.risk.choices import CHOICES
from draftkit.risk.consent import CONSENT, restated
from draftkit.risk.echelons import ECHELONS
from draftkit.risk.features import (
    ClauseFeature,
    Grouped,
    Modal,
    Negation,
    Reader,
    Recognition,
    Reference,
    Scope,
    Side,
    commitments,
    conditions,
    counterpart,
    exceptions,
    mentions,
    modals,
    negations,
    recognitions,
    references,
    remedies,
    scopes,
    urgent,
    words_in,
)
from draftkit.risk.findings import Finding, Quote, Report, inside, overlaps, token_index, unexplained
from draftkit.risk.lemmas import same_stem
from draftkit.risk.lists import ITEMS, JOINERS
from draftkit.risk.matching import (
    ContentRule,
    FeatureRule,
    Sides,
    anything,
    by,
    in_order,
    silent,
    split_matched,
    surplus,
)
from draftkit.risk.modifiers import MODIFIERS, armed
from draftkit.risk.names import (
    Name,
    at_sentence_start_in,
    listed_acronym,
    named_entities,
    named_otherwise,
    parents,
    same_body,
    same_place_but_words,
    seat,
    venue,
)
from draftkit.risk.numbers import CLOCKS, DATES, FREQUENCY, NUMBERS, TIME_BOUNDS
from draftkit.risk.proof import lowered
from draftkit.risk.qualifiers import Qualifier, qualifiers
from draftkit.risk.quantified import COVERED
from draftkit.risk.quiet import quieten
from draftkit.risk.roles import DECIDERS, GIVEN, HOLDERS, ROLES, SEQUENCE
from draftkit.risk.taxonomy import COMMITMENT_GROUPS, Significance
from draftkit.risk.tokens import Text, content_key

__all__ = [
    "CONTENT_RULES",
    "RULES",
    "Finding",
    "Reader",
    "Sides",
    "content_findings",
    "split_matched",
    "unexplained",
]

RULES: tuple[str, ...] = (
    "obligation",
    "negation",
    "recognition",
    "number",
    "deadline",
    "name",
    "condition",
    "qualifier",
    "exception",
    "scope",
    "remedy",
    "commitment",
    "role",
    "sequence",
    "list",
    "brackets",
    "provision",
    "reference",
    "heading",
    "wording",
)


# ---------------------------------------------------------------------------------------------
# Obligation strength: shall → may, added or removed

_LEVEL_NAMES = {4: "binding", 3: "binding", 2: "best effort", 1: "permissive"}
PLAIN = 4  # a plain statement in a framework ("Russia withdraws", "Росія виведе") binds


def _step(s: Sides, old: int, new: int, old_frag: str, new_frag: str) -> Report | None:
    if _LEVEL_NAMES[old] == _LEVEL_NAMES[new]:
        return None
    steps = abs(old - new)
    value = (s.sig.obligation_step_1, s.sig.obligation_step_2, s.sig.obligation_step_3)[min(steps, 3) - 1]
    weaker = new < old
    return Report(f"Obligation {'weakened' if weaker else 'strengthened'}", value)


def _strength_changed(s: Sides, old: Modal, new: Modal) -> Report | None:
    if old.negated != new.negated:
        return None  # a negation change, which its own rule reports
    return _step(s, old.level, new.level, old.fragment, new.fragment)


def _obligation_removed(s: Sides, old: Modal) -> Report | None:
    if not old.verb:
        return None
    if old.lemma and mentions(s.new, old.lemma):
        # "повинні відвести" → "відведуть": the verb stays, as a plain (binding) statement.
        return _step(s, old.level, PLAIN, old.fragment, "")
    if old.level >= 3:
        return Report("Obligation removed", s.sig.obligation_removed)
    return Report("Discretion removed", s.sig.obligation_removed * 0.75)


def _obligation_added(s: Sides, new: Modal) -> Report | None:
    if not new.verb:
        return None
    if new.lemma and mentions(s.old, new.lemma):
        # "Gaza to become" → "Gaza will become"; "Russia will return" → "… will use its best
        # efforts to return": the verb was there, as a plain (binding) statement.
        return _step(s, PLAIN, new.level, "", new.fragment)
    if new.level >= 3:
        return Report("Obligation added", s.sig.obligation_added)
    return Report("Discretion added", s.sig.obligation_added * 0.75)


def _same_verb(old: Modal, new: Modal) -> bool:
    return old.lemma == new.lemma or same_stem(old.lemma, new.lemma)


OBLIGATION: FeatureRule[Modal] = FeatureRule(
    name="obligation",
    features=modals,
    key=lambda m: (m.lemma, _LEVEL_NAMES[m.level], m.negated),
    # The same governed verb first ("shall withdraw" → "may withdraw"), then a verb-less
    # chapeau modal ("The Parties shall:" → "may:") with another, then in text order.
    pair=by(_same_verb, lambda old, new: not old.verb and not new.verb, anything),
    changed=_strength_changed,
    removed=_obligation_removed,
    added=_obligation_added,
)


# ---------------------------------------------------------------------------------------------
# Negation: "shall withdraw" → "shall not withdraw"; "не"


_PRIVATIVE = {"without", "без"}  # "a state without nuclear weapons" negates its object
_NEGATED_WORDS = 4  # content words after a negation that say what it negates


def _content_after(side: Side, index: int, limit: int) -> list[str]:
    """Lemmas of the content words (over 3 letters) after token `index`, up to the clause end."""
    tokens = side.text.tokens
    words: list[str] = []
    k = index
    while k < len(tokens) and len(words) < limit and tokens[k].kind != "punct":
        if tokens[k].kind == "word" and len(side.lemmas.tokens[k].norm) > 3:
            words.append(side.lemmas.tokens[k].norm)
        k += 1
    return words


def _turned_privative(side: Side, other: Side, negation: Negation) -> bool:
    """Whether the other text negates the same thing with "without" ("will not acquire
    nuclear weapons" / "a state without nuclear weapons"): the negation moved, not gone."""
    negated = set(_content_after(side, negation.last, _NEGATED_WORDS))
    own = _privative_objects(side)
    return any(
        objects and set(objects) <= negated and objects not in own for objects in _privative_objects(other)
    )


def _privative_objects(side: Side) -> list[list[str]]:
    """What each "without" of a text negates: the content words after it (two at most)."""
    return [
        _content_after(side, k + 1, 2) for k, tok in enumerate(side.text.tokens) if tok.norm in _PRIVATIVE
    ]


# A negated verb of refusal says what its positive counterpart says: "shall not be denied
# access" is "shall be granted access" (lemmas; among the three content words after the
# negation, the counterpart standing where the refusal stood).
_REFUSAL_WORDS = """deny refuse prevent prohibit forbid obstruct hinder impede block restrict
    відмовити відмовляти перешкоджати заборонити забороняти обмежувати отказать отказывать
    препятствовать запретить запрещать ограничивать отказано запобігати запобігти
    предотвращать предотвратить"""
_REFUSALS = frozenset(_REFUSAL_WORDS.split())
_GRANT_WORDS = """grant allow permit provide ensure enable facilitate give afford
    надати надавати дозволити дозволяти забезпечити забезпечувати предоставить предоставлять
    разрешить разрешать обеспечить обеспечивать допускати допустити допускать допустить"""
_GRANTS = frozenset(_GRANT_WORDS.split())


def _refusal(side: Side, index: int, verbs: frozenset[str] = _REFUSALS) -> int | None:
    """The token of a verb of refusal (or of `verbs`) among the three content words (over 3
    letters) after token `index`, in its clause, or None."""
    tokens, lemmas = side.text.tokens, side.lemmas.tokens
    seen = 0
    for k in range(index, len(tokens)):
        if tokens[k].kind == "punct" or seen == 3:
            return None
        if tokens[k].kind == "word" and len(lemmas[k].norm) > 3:
            if lemmas[k].norm in verbs:
                return k
            seen += 1
    return None


def _double_negative(s: Sides, negation: Negation, removed: bool) -> bool:
    """Whether the negation (of the old text if `removed`, else of the new) negates a verb of
    refusal and the other text says its counterpart in its place ("not be denied" → "be
    granted"): the same polarity, reworded. A grant said elsewhere ("shall not restrict" →
    "shall limit … and provide escorts") keeps nothing."""
    side, other = (s.old, s.new) if removed else (s.new, s.old)
    counterparts = _GRANTS
    k = _refusal(side, negation.last)
    if k is None:  # a negated grant, its refusal in its place: "не допускати" → "запобігати"
        k, counterparts = _refusal(side, negation.last, _GRANTS), _REFUSALS
    if k is None or side.lemmas.tokens[k].norm in other.lemma_set:  # "не може бути відмовлено"
        return False
    found = [
        j
        for j, w in enumerate(other.lemmas.tokens)
        if w.norm in counterparts and w.norm not in side.lemma_set
    ]
    return any(s.replaced(k, j) if removed else s.replaced(j, k) for j in found)


def _negation_removed(s: Sides, old: Negation) -> Report | None:
    if _turned_privative(s.old, s.new, old) or _double_negative(s, old, removed=True):
        return None
    where = counterpart(s.new_text, s.old_text, old.first, old.last)
    return Report("Negation removed", s.sig.negation, counterpart=where)


def _negation_added(s: Sides, new: Negation) -> Report | None:
    if _turned_privative(s.new, s.old, new) or _double_negative(s, new, removed=False):
        return None
    where = counterpart(s.old_text, s.new_text, new.first, new.last)
    return Report("Negation added", s.sig.negation, counterpart=where)


NEGATION: FeatureRule[Negation] = FeatureRule(
    name="negation",
    features=negations,
    key=lambda n: n.key,
    # As many negations on both sides: words around them changed, not the polarity.
    pair=surplus,
    changed=silent,
    removed=_negation_removed,
    added=_negation_added,
)


# ---------------------------------------------------------------------------------------------
# Recognition wording: de jure ↔ de facto, sovereignty, status

RECOGNITION: FeatureRule[Recognition] = FeatureRule(
    name="recognition",
    features=recognitions,
    key=lambda r: r.norm,
    pair=in_order,
    changed=lambda s, old, new: Report("Recognition wording changed", s.sig.recognition),
    removed=lambda s, old: (
        None
        if _parity_restated(s.new, s.old, old)
        else Report("Recognition wording removed", s.sig.recognition)
    ),
    added=lambda s, new: (
        None
        if _sovereignty_restated(s, new) or _parity_restated(s.old, s.new, new)
        else Report("Recognition wording added", s.sig.recognition)
    ),
)

# Words of parity: "two equal constituent states" → "two constituent states of equal status"
# says the same equality, as a status (lemmas; Ukrainian and Russian stems by their start).
_PARITY = ("equal", "same", "identical", "рівн", "однаков", "равн", "одинаков")


def _parity_restated(other: Side, side: Side, status: Recognition) -> bool:
    """Whether a status of one text (`side`) is a parity word's ("of equal status", "рівного
    статусу") that the other text says without it: the same equality restated."""
    if not status.norm.startswith(("status", "статус")):
        return False
    k = token_index(side.text, status.position)
    if k == 0:
        return False
    before = side.lemmas.tokens[k - 1].norm
    return before.startswith(_PARITY) and any(w.startswith(before[:4]) for w in other.lemma_set)


def _sovereignty_restated(s: Sides, new: Recognition) -> bool:
    """Whether "X is recognised as a sovereign state", added, says again what the old text says
    of the same X ("X's sovereignty will be confirmed": ../shared/realtexts, the 20-point plan's
    first point against the 28-point plan's)."""
    if "sovereign" not in new.norm.split():
        return False
    subject = _name_before(s.new_text, new.position)
    if subject is None:
        return False
    tokens = s.old_text.tokens
    return any(
        tok.norm == "sovereignty" and k > 0 and _bare_name(tokens[k - 1].norm) == subject
        for k, tok in enumerate(tokens)
    )


def _name_before(text: Text, at: int) -> str | None:
    """The capitalised word nearest before character `at`, within three words (its possessive
    ending left off), else None."""
    tokens = text.tokens
    k = token_index(text, at)
    for j in range(k - 1, max(-1, k - 4), -1):
        if tokens[j].cap and tokens[j].kind == "word":
            return _bare_name(tokens[j].norm)
    return None


def _bare_name(norm: str) -> str:
    return norm.removesuffix("'s").removesuffix("’s")


# ---------------------------------------------------------------------------------------------
# Names of places, parties, organisations: replaced, added or removed

_KIND_WORD = {"place": "Place", "party": "Party", "organisation": "Organisation"}


def _same_kind(old: Name, new: Name) -> bool:
    return old.kind == new.kind and old.kind != "name"


def _same_place(old: Name, new: Name) -> bool:
    # A name no gazetteer lists, and that reads as neither a place nor a body, counts only
    # when it replaces another name in the same place ("the Guarantors" → "the Joint
    # Commission"): one merely added or removed is usually a defined term moving about.
    return "name" in (old.kind, new.kind) and new.before == old.before and bool(old.before)


def _name_changed(s: Sides, old: Name, new: Name) -> Report | None:
    if same_body(s.old, old, s.new, new) or same_place_but_words(s.old, old, s.new, new):
        return None  # spelt otherwise ("the GOI" → "the Government of Israel"): the wording's to say
    if named_otherwise(s.old, old, s.new) or named_otherwise(s.new, new, s.old):
        return None  # either named in the other text too, in another spelling ("as follows: SPLM …")
    if venue(s.old, s.new, old, new):
        return Report("Venue changed", s.sig.wording)
    if seat(s.old, s.new, old, new) and not (armed(s.old) or armed(s.new)):
        return Report("Seat moved", s.sig.wording)
    if _same_kind(old, new):
        return Report(f"{_KIND_WORD[old.kind]} changed", s.sig.name_changed)
    kind = "Place" if "place" in (old.kind, new.kind) else "Name"
    return Report(f"{kind} changed", s.sig.name_changed)


def _name_removed(s: Sides, old: Name) -> Report | None:
    if old.kind == "name" and listed_acronym(s.old, old):  # "France and UNIFIL" → "France"
        return None if _still_there(s.old, s.new, old) else Report("Organisation removed", s.sig.name_removed)
    if old.kind == "name" or _still_there(s.old, s.new, old):
        return None
    if _within(s.new, s.old, old):  # "the OSCE SMM" → "the OSCE": named more broadly, still there
        return Report(f"{_KIND_WORD[old.kind]} named more broadly", s.sig.wording)
    return Report(f"{_KIND_WORD[old.kind]} removed", s.sig.name_removed)


def _name_added(s: Sides, new: Name) -> Report | None:
    if new.kind == "name" and listed_acronym(s.new, new):
        return None if _still_there(s.new, s.old, new) else Report("Organisation added", s.sig.name_added)
    if new.kind == "name" or _still_there(s.new, s.old, new):
        return None
    if _within(s.old, s.new, new):  # "the OSCE" → "the OSCE SMM": its body named, the same organisation
        return Report(f"{_KIND_WORD[new.kind]} named more narrowly", s.sig.wording)
    return Report(f"{_KIND_WORD[new.kind]} added", s.sig.name_added)


def _still_there(this: Side, other: Side, name: Name) -> bool:
    """Whether the other text names it too, though not as a name read there: at a sentence's
    start, in another spelling (risk.names.named_otherwise: "the United Nations Transition
    Assistance Group" = "UNTAG", "the AMM" → "the Aceh Monitoring Mission (AMM)", "Европе" of
    "Совещания по безопасности и сотрудничеству в Европе" = "СБСЕ"), or as the same place with
    another place word."""
    if at_sentence_start_in(other, name, this) or named_otherwise(this, name, other):
        return True
    return any(same_place_but_words(this, name, other, n) for n in other.features(named_entities))


def _within(other: Side, this: Side, name: Name) -> bool:
    """Whether the other text names the organisation this name's body belongs to, which this
    text names only through the body ("OSCE SMM"): the one named for the other. Where this text
    names it apart too ("OSCE standards … ODIHR monitoring"), the body is dropped or added."""
    held = {n.key for n in other.features(named_entities)}
    apart = {n.key for n in this.features(named_entities) if (n.first, n.last) != (name.first, name.last)}
    return any(p in held and p not in apart for p in parents(name.key, other.compiled.entity_kind))


NAMES: FeatureRule[Name] = FeatureRule(
    name="name",
    features=named_entities,
    key=lambda n: n.key,
    pair=by(_same_kind, _same_place),
    changed=_name_changed,
    removed=_name_removed,
    added=_name_added,
)


# ---------------------------------------------------------------------------------------------
# Conditions and exceptions


def _numbers_masked(words: tuple[str, ...]) -> tuple[str, ...]:
    """A clause's words with numbers and dates as '#' (the number rule reads those) and without
    articles and relative pronouns ("persons who committed" = "persons that committed", "осіб,
    які вчинили" = "осіб, що вчинили")."""
    return tuple("#" if w[:1].isdigit() or w.startswith("date:") else w for w in words if w not in _GLUE)


_GLUE = frozenset(
    {
        *("the", "a", "an", "which", "that", "who", "whom"),
        *("який", "яка", "яке", "які", "що", "котрі"),
        *("который", "которая", "которое", "которые", "что"),
    }
)


def _condition_changed(s: Sides, old: ClauseFeature, new: ClauseFeature) -> Report | None:
    if old.label != new.label:
        return Report("Condition reversed", s.sig.condition_added)
    if _numbers_masked(old.content) == _numbers_masked(new.content):
        return None  # only a number or date inside changed: the number rule says which
    return Report("Condition changed", s.sig.condition_changed)


CONDITIONS: FeatureRule[ClauseFeature] = FeatureRule(
    name="condition",
    features=conditions,
    key=lambda c: (c.label, c.content),
    pair=in_order,
    changed=_condition_changed,
    removed=lambda s, old: Report("Condition removed", s.sig.condition_removed),
    added=lambda s, new: Report("Condition added", s.sig.condition_added),
)


def _exception_changed(s: Sides, old: ClauseFeature, new: ClauseFeature) -> Report | None:
    if _numbers_masked(old.content) == _numbers_masked(new.content):
        return None
    proof = lowered(old.content, new.content)  # "except those convicted" → "… suspected"
    if proof is not None:  # a weaker standard excepts more people: the exception widened
        wider = ("Exception widened", s.sig.exception_added)
        return Report(*wider) if proof else Report("Exception narrowed", s.sig.exception_removed)
    old_items, new_items = set(old.items), set(new.items)
    # An item dropped from an exception is no longer excepted: for it, the exception is removed
    # ("excluding … and war crimes" → "excluding …"); an item added is an exception added for it.
    if old_items < new_items:
        return Report("Exception widened", s.sig.exception_added)
    if old_items <= new_items and len(new.content) > len(old.content):
        return Report("Exception widened", s.sig.exception_changed)
    if new_items < old_items:
        return Report("Exception narrowed", s.sig.exception_removed)
    return Report("Exception changed", s.sig.exception_changed)


# The marker's wording is not the point: "shall not apply to war crimes" and "other than war
# crimes" are one exclusion, so exceptions are keyed by their body alone.
EXCEPTIONS: FeatureRule[ClauseFeature] = FeatureRule(
    name="exception",
    features=exceptions,
    key=lambda c: c.content,
    pair=in_order,
    changed=_exception_changed,
    removed=lambda s, old: Report("Exception removed", s.sig.exception_removed),
    added=lambda s, new: Report("Exception added", s.sig.exception_added),
)


# ---------------------------------------------------------------------------------------------
# Qualifiers: in peacetime, once all hostages are returned, under its command (issue 14)

_QUALIFIER_WORDS = {
    "temporal": "Time qualifier",
    "urgency": "Urgency",
    "conditional": "Condition",
    "scope": "Scope qualifier",
    "pace": "Pace qualifier",
}


def _qualifier_key(q: Qualifier) -> Hashable:
    if q.group in ("urgency", "pace"):
        return (q.group,)  # "immediately" = "at once" = "without delay"; "in stages" = "gradually"
    return (q.group, q.marker, q.content)


_FILLER = {
    "that",
    "the",
    "are",
    "is",
    "be",
    "will",
    "того",
    "бути",
    "быть",
    "будут",
    "будуть",
    "буде",
    "будет",
}


def _overlap(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Share of the shorter clause's words (stem-matched, fillers left out) in the other."""
    sa = {w for w in a if len(w) > 3 and w not in _FILLER}
    sb = {w for w in b if len(w) > 3 and w not in _FILLER}
    if not sa or not sb:
        return 1.0 if sa == sb else 0.0
    small, big = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return sum(1 for w in small if any(same_stem(w, x) for x in big)) / len(small)


def _qualifier_changed(s: Sides, old: Qualifier, new: Qualifier) -> Report | None:
    if _overlap(old.content, new.content) >= 0.5:
        return None  # the same qualifier, reworded
    return Report(f"{_QUALIFIER_WORDS[new.group]} changed", s.sig.qualifier_changed)


QUALIFIERS: FeatureRule[Qualifier] = FeatureRule(
    name="qualifier",
    features=qualifiers,
    key=_qualifier_key,
    # One marker in another form ("voluntary return" → "return voluntarily") is that marker.
    pair=by(
        lambda old, new: (
            old.marker == new.marker or (old.group == new.group and same_stem(old.marker, new.marker))
        ),
        lambda old, new: old.group == new.group != "scope",
    ),
    changed=_qualifier_changed,
    # A duration's anchor ("one year after the elections") stands in for the qualifier it was
    # ("after the elections"): matched, so that neither reads as removed, never reported alone.
    removed=lambda s, old: (
        None if old.anchor else Report(f"{_QUALIFIER_WORDS[old.group]} removed", s.sig.qualifier_removed)
    ),
    added=lambda s, new: (
        None if new.anchor else Report(f"{_QUALIFIER_WORDS[new.group]} added", s.sig.qualifier_added)
    ),
)


# ---------------------------------------------------------------------------------------------
# Scope words: all, only, permanently, temporarily, not less than ↔ up to

_PARTNERS = {
    "universal": "restrictive",
    "restrictive": "universal",
    "permanent": "temporary",
    "temporary": "permanent",
    "lower_bound": "upper_bound",
    "upper_bound": "lower_bound",
    "unanimity": "majority",
    "majority": "unanimity",
    "equal_votes": "weighted_votes",
    "weighted_votes": "equal_votes",
    "elected": "appointed",
    "appointed": "elected",
}
_SCOPE_ADDED = {
    "universal": "Scope widened",
    "restrictive": "Scope narrowed",
    "permanent": "Made permanent",
    "temporary": "Made temporary",
    "lower_bound": "Minimum added",
    "upper_bound": "Maximum added",
    "unanimity": "Consensus required",
    "majority": "Decision by majority",
    "equal_votes": "Equal votes set",
    "weighted_votes": "Weighted voting set",
}
# How a holder is chosen says something only against the other way: "elected by direct
# universal suffrage" → "designated by the Government"; said or dropped alone, it describes.
_CHOSEN = frozenset({"elected", "appointed"})
_SCOPE_REMOVED = {
    "universal": "Scope narrowed",
    "restrictive": "Scope widened",
    "permanent": "No longer permanent",
    "temporary": "No longer temporary",
    "lower_bound": "Minimum removed",
    "upper_bound": "Maximum removed",
    "unanimity": "Consensus no longer required",
    "majority": "Majority vote removed",
    "equal_votes": "Equal votes no longer set",
    "weighted_votes": "Weighted voting removed",
}
_SCOPE_SWAPPED = {
    "universal": "Scope narrowed",
    "restrictive": "Scope widened",
    "permanent": "Made temporary",
    "temporary": "Made permanent",
    "lower_bound": "Limit reversed",
    "upper_bound": "Limit reversed",
    "unanimity": "Consensus replaced by a majority vote",  # each member's veto gone
    "majority": "Majority vote replaced by consensus",
    "equal_votes": "Equal votes replaced by weighted voting",  # who carries a decision changes
    "weighted_votes": "Weighted voting replaced by equal votes",
    "elected": "Election replaced by appointment",  # who chooses the holder changes
    "appointed": "Appointment replaced by election",
}


def _scope_value(sig: Significance, group: str) -> float:
    match group:
        case "permanent" | "temporary":
            return sig.scope_duration
        case "lower_bound" | "upper_bound":
            return sig.scope_restrictive
        case "unanimity" | "majority" | "equal_votes" | "weighted_votes" | "elected" | "appointed":
            return sig.scope_bound
        case "restrictive":
            return sig.scope_restrictive
        case _:
            return sig.scope_universal


def _scope_swapped(s: Sides, old: Scope, new: Scope) -> Report | None:
    if old.group == new.group:
        return None  # words of one list are interchangeable ("each" for "every")
    value = s.sig.scope_bound if old.group.endswith("bound") else _scope_value(s.sig, old.group)
    # (a decision rule swapped: scope_bound too, from _scope_value)
    if old.group == "universal" and new.group == "restrictive":  # "all" → "where possible"
        value = max(value, _narrowed_release(s, "universal", removed=True))
    return Report(_SCOPE_SWAPPED[old.group], value)


def _context(found: Quote | None) -> Quote | None:
    """The scope word's context on the other side, quoted but not claimed as explained."""
    return Quote(found.fragment, (), found.position) if found is not None else None


def _narrowed_release(s: Sides, group: str, removed: bool) -> float:
    """The analyst's reading of a release or withdrawal made partial: "all" dropped, or
    "only" / "where possible" added, in a hostage, prisoner or withdrawal provision."""
    narrowing = (group == "universal") if removed else (group == "restrictive")
    return s.sig.scope_urgent if narrowing and (urgent(s.old) or urgent(s.new)) else 0.0


def _scope_removed(s: Sides, old: Scope) -> Report | None:
    if old.group in _CHOSEN:
        return None
    where = _context(words_in(s.new_text, old.context))
    value = max(_scope_value(s.sig, old.group), _narrowed_release(s, old.group, removed=True))
    return Report(_SCOPE_REMOVED[old.group], value, counterpart=where)


def _scope_added(s: Sides, new: Scope) -> Report | None:
    if new.group in _CHOSEN:
        return None
    where = _context(words_in(s.old_text, new.context))
    value = max(_scope_value(s.sig, new.group), _narrowed_release(s, new.group, removed=False))
    return Report(_SCOPE_ADDED[new.group], value, counterpart=where)


SCOPE: FeatureRule[Scope] = FeatureRule(
    name="scope",
    features=scopes,
    key=lambda x: (x.group, x.norm),
    # Another word of the same group first (silent), then a word of the opposite group.
    pair=by(lambda old, new: new.group == old.group, lambda old, new: new.group == _PARTNERS[old.group]),
    changed=_scope_swapped,
    removed=_scope_removed,
    added=_scope_added,
)


# ---------------------------------------------------------------------------------------------
# Remedies: compensation, assistance, a waiver of claims — what a party gets for a harm

_REMEDY_WORDS = {"compensation": "Compensation", "assistance": "Assistance", "waiver": "Waiver of claims"}

REMEDIES: FeatureRule[Grouped] = FeatureRule(
    name="remedy",
    features=remedies,
    key=lambda r: r.group,
    # Words of one group are one remedy ("reparations" for "compensation"); another group
    # in its place is the remedy changed ("compensation" → "funds for reconstruction").
    pair=by(anything),
    changed=lambda s, old, new: Report(
        f"{_REMEDY_WORDS[old.group]} replaced by {_REMEDY_WORDS[new.group].lower()}", s.sig.remedy_changed
    ),
    removed=lambda s, old: Report(f"{_REMEDY_WORDS[old.group]} removed", s.sig.remedy_removed),
    added=lambda s, new: Report(f"{_REMEDY_WORDS[new.group]} added", s.sig.remedy_added),
)


# ---------------------------------------------------------------------------------------------
# Commitments: a guarantee, an assurance, support — what kind of promise is given

_COMMITMENT_WORDS = {"guarantee": ("Guarantee", "a guarantee"), "assurance": ("Assurance", "an assurance"),
                     "support": ("Support", "support")}  # fmt: skip


def _commitment_changed(s: Sides, old: Grouped, new: Grouped) -> Report | None:
    if not s.in_place(old, new):
        return None  # "guarantee safe passage" → "ensure safe passage with the support of the UN"
    weaker = COMMITMENT_GROUPS.index(new.group) > COMMITMENT_GROUPS.index(old.group)
    verb, significance = (
        ("weakened", s.sig.commitment_weakened) if weaker else ("strengthened", s.sig.commitment_strengthened)
    )
    return Report(
        f"{_COMMITMENT_WORDS[old.group][0]} {verb} to {_COMMITMENT_WORDS[new.group][1]}", significance
    )


COMMITMENTS: FeatureRule[Grouped] = FeatureRule(
    name="commitment",
    features=commitments,
    key=lambda c: c.group,
    # One group's word in another's place: "security guarantees" → "security assurances"
    # (in place: `Sides.in_place`). Added or removed alone, or one removed here and another
    # added elsewhere, it is the wording's, the obligation's or the category's to say.
    pair=by(anything),
    changed=_commitment_changed,
    removed=lambda s, old: None,
    added=lambda s, new: None,
)


# ---------------------------------------------------------------------------------------------
# Cross-references (low: most follow a renumbering)

REFERENCES: FeatureRule[Reference] = FeatureRule(
    name="reference",
    features=references,
    key=lambda r: r.key,
    pair=in_order,
    changed=lambda s, old, new: Report("Cross-reference changed", s.sig.reference),
    removed=lambda s, old: Report("Cross-reference removed", s.sig.reference),
    added=lambda s, new: Report("Cross-reference added", s.sig.reference),
)


# ---------------------------------------------------------------------------------------------
# All content rules on one pair of texts

CONTENT_RULES: tuple[ContentRule, ...] = (
    OBLIGATION,
    NEGATION,
    RECOGNITION,
    NUMBERS,
    DATES,
    CLOCKS,
    TIME_BOUNDS,
    CHOICES,
    FREQUENCY,
    ECHELONS,
    NAMES,
    CONDITIONS,
    CONSENT,
    QUALIFIERS,
    EXCEPTIONS,
    SCOPE,
    MODIFIERS,
    COVERED,
    REMEDIES,
    COMMITMENTS,
    ROLES,
    HOLDERS,
    DECIDERS,
    SEQUENCE,
    ITEMS,
    JOINERS,
    BRACKETS,
    REFERENCES,
)


NOT_WEIGHED = "Not weighed: too long for the risk rules (read the redline)"
_CLAUSE_RULES = {"condition", "exception", "qualifier"}


def _one_scope_each(out: list[Finding], modified: list[Finding]) -> list[Finding]:
    """The findings without a modifier's ("troops" → "additional troops") where a scope or
    qualifier finding already quotes the same words ("Scope qualifier added: 'additional'",
    "all troops" → "all remaining troops": what "all" covers narrowed)."""
    mine = {id(f) for f in modified}
    others = [f for f in out if f.rule in ("scope", "qualifier") and id(f) not in mine]
    old_spans = [sp for f in others for sp in f.old_spans]
    new_spans = [sp for f in others for sp in f.new_spans]
    return [
        f
        for f in out
        if id(f) not in mine
        or not (
            any(overlaps(new_spans, *sp) for sp in f.new_spans if f.headline == "Scope narrowed")
            or any(overlaps(old_spans, *sp) for sp in f.old_spans if f.headline == "Scope widened")
        )
    ]


def _changed_inside(name: Finding, role: Finding) -> bool:
    """Whether a name's finding says a body changed within a role's quotes."""
    return bool(name.old and name.new) and inside(name, role.old_spans, role.new_spans)


_ATOM_RULES = {"name", "number", "deadline"}


def content_findings(
    old: str, new: str, reader: Reader, grouped: bool = False, *, brackets: bool = True
) -> list[Finding]:
    """What every content rule finds between two texts (nothing when only cosmetics differ);
    `grouped`: the texts of a split or a merge (matching.Sides); `brackets=False`: brackets
    not read as alternatives (the texts an alternative is weighed on)."""
    if len(old) + len(new) > WEIGH_CHARS:  # said too, located (compare.engine's note)
        return [Finding("wording", NOT_WEIGHED, reader.taxonomy.significance.not_weighed)]
    if content_key(old) == content_key(new):
        return []
    sides = Sides(reader.side(old), reader.side(new), reader.taxonomy, grouped)
    out: list[Finding] = []
    modified: list[Finding] = []
    for rule in CONTENT_RULES:
        found = rule(sides)
        if rule is MODIFIERS:
            modified = found
        out.extend(found)
    if modified:
        out = _one_scope_each(out, modified)
    # A cross-reference inside an added condition (or any other finding) is part of it.
    others = [f for f in out if f.rule != "reference"]
    old_spans = [sp for f in others for sp in f.old_spans]
    new_spans = [sp for f in others for sp in f.new_spans]
    out = [
        f
        for f in out
        if f.rule != "reference"
        or not (
            any(overlaps(old_spans, *sp) for sp in f.old_spans)
            or any(overlaps(new_spans, *sp) for sp in f.new_spans)
        )
    ]
    # A name inside an added, removed or changed condition, exception or qualifier is part of
    # it ("subject to verification by the Monitoring Mission"): the clause's flag quotes it.
    # An item of a list that is a name, a number or a date is that rule's: "Place removed:
    # 'Kharkiv'" says more than "Item removed from a list".
    atoms = [f for f in out if f.rule in _ATOM_RULES]
    if atoms and any(f.rule == "list" for f in out):
        atom_old = [sp for f in atoms for sp in f.old_spans]
        atom_new = [sp for f in atoms for sp in f.new_spans]
        out = [
            f
            for f in out
            if f.rule != "list"
            or not (
                any(overlaps(atom_old, *sp) for sp in f.old_spans[:1] if f.old)
                or any(overlaps(atom_new, *sp) for sp in f.new_spans[:1] if f.new)
            )
        ]
    if any(f.rule in ("condition", "negation") for f in out):
        out = restated(sides, out)  # "without the consent of X" / "unless X consents"
    clauses = [f for f in out if f.rule in _CLAUSE_RULES]
    clause_old = [sp for f in clauses for sp in f.old_spans]
    clause_new = [sp for f in clauses for sp in f.new_spans]
    out = [f for f in out if f.rule != "name" or not inside(f, clause_old, clause_new)]
    # … and a body that a role is given away from or to ("chaired by the United Nations" →
    # "chaired by the Government"): the role's flag quotes both.
    # A name changed there says it already ("verified by the OSCE" → "verified by the Joint
    # Verification Commission": 'Organisation changed').
    given = [f for f in out if f.headline == GIVEN]
    if given:
        names = [f for f in out if f.rule == "name"]
        out = [f for f in out if f.headline != GIVEN or not any(_changed_inside(n, f) for n in names)]
        given_old = [sp for f in out if f.headline == GIVEN for sp in f.old_spans]
        given_new = [sp for f in out if f.headline == GIVEN for sp in f.new_spans]
        out = [f for f in out if f.rule != "name" or not inside(f, given_old, given_new)]
    if brackets:  # bracketed alternatives, read one by one (risk/bracketed.py)
        out = settle(sides, out, lambda o, n: content_findings(o, n, reader, grouped, brackets=False))
    if any(f.rule == "obligation" for f in out):
        out = clerical(sides, out)
    if any(f.rule in ("qualifier", "scope") for f in out):
        out = requested(sides, out)
    if any(f.rule in ("name", "list") for f in out):
        out = addressed(sides, out)
    return quieten(sides, administrative(sides, out) if any(f.rule == "deadline" for f in out) else out)
