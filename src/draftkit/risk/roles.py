"""Roles and sequence: what a body does in a mechanism, and what happens with, before or after
what — read once per side, and the two rules over them.

Takes the two sides of one aligned pair of texts (risk.matching.Sides) and hands on reports
for risk.rules to run among its content rules. A role word ([roles] of the taxonomy: directs >
monitors > assists) in place of a stronger one's is the role weakened ("chaired by the United
Nations" → "assisted by the United Nations", "verified by the Mission" → "reported to the
Mission", "under the supervision of" → "in consultation with"); the stronger of two joined
roles dropped, no word left in its place, is too ("discussed and agreed" → "discussed",
"моніторинг і верифікацію" → "моніторинг"; not "моніторинг і перевірку"); a directing or
monitoring role gone with no role word as strong left and no other word in its place is the
role removed ("an internationally monitored referendum" → "a referendum"); one said of
another body after it (the parties themselves too) is the role given to it (`HOLDERS`:
"chaired by the United Nations" → "chaired by the Government"). "Lead to" and "the Chair"
are no roles. A sequence word ([sequence]: together, before, after) in place of another
group's is the sequence changed ("simultaneously with" → "followed by"); a bare "before" or "after"
against the other is the deadline rules' to read. Guarantees: only words the word diff puts
in one another's place, or said of the same words, are compared (`Sides.replaced`), so a role
said elsewhere in the text ("with the support of …" beside an unchanged "chaired by") is no
change; two said of the same words pair first, whatever their order in the text.
"""

from __future__ import annotations

from draftkit.records import record
from draftkit.risk.features import Side
from draftkit.risk.findings import Report, Span, span_of
from draftkit.risk.matching import FeatureRule, Sides, anything, by, silent
from draftkit.risk.names import Name, named_entities, same_body
from draftkit.risk.phrases import PhraseSet
from draftkit.risk.taxonomy import ROLE_GROUPS
from draftkit.risk.tokens import COORDINATORS


@record
class Act:
    """A role or sequence word of the taxonomy, with its group and what it is said of."""

    group: str
    norm: str
    first: int
    last: int
    fragment: str
    spans: tuple[Span, ...]
    position: int
    of: tuple[str, ...]  # the words right after it, up to a punctuation mark ("the", "osce")


_AFTER = 3  # words after a role or sequence word that say whom or what it is of


# "Lead to" is what causes ("shall not lead to an escalation"), not who leads.
_CAUSES = frozenset(["lead", "leads"])


def _acts(side: Side, phrases: PhraseSet) -> list[Act]:
    text = side.text
    tokens = text.tokens
    out: list[Act] = []
    for hit in phrases.find(text):
        if hit.norm in _CAUSES and hit.last < len(tokens) and tokens[hit.last].norm == "to":
            continue
        of: list[str] = []
        for token in tokens[hit.last : hit.last + _AFTER]:
            if token.kind == "punct":
                break
            of.append(token.norm)
        span = span_of(text, hit.first, hit.last)
        fragment = text.span(hit.first, hit.last)
        out.append(Act(hit.label, hit.norm, hit.first, hit.last, fragment, (span,), span[0], tuple(of)))
    return out


def roles(side: Side) -> list[Act]:
    """Role words of the taxonomy's [roles] table, not the words of a body's name ("the
    Monitoring Mission" → "the Verification Mission" is the name rule's: another body)."""
    named = {k for n in side.features(named_entities) for k in range(n.first, n.last)}
    tokens = side.text.tokens
    return [
        act
        for act in _acts(side, side.compiled.roles)
        if act.first not in named
        and not (act.norm in _AGENTS and act.first > 0 and tokens[act.first - 1].norm in _OWNERS)
    ]


# "The Chair", "its lead": who holds the post, not what a body does.
_AGENTS = frozenset(["chair", "chairs", "lead", "leads", "co chair", "co chairs", "co chairmen", "co chairman",
                     "co chairpersons", "joint chairmen", "joint chairs"])  # fmt: skip


# "The following measures", "the preceding paragraph": which text, not which comes first.
_WHICH = frozenset(["following", "preceding"])
_DETERMINERS = frozenset(["the", "these", "those", "this", "that"])
_OWNERS = _DETERMINERS | {"a", "an", "its", "their", "his", "her"}  # "the Chair", "its lead"


def sequences(side: Side) -> list[Act]:
    """Sequence words of the taxonomy's [sequence] table, not the adjective that points to a
    text ("the following measures", "the preceding paragraph")."""
    tokens = side.text.tokens
    return [
        act
        for act in _acts(side, side.compiled.sequence)
        if not (act.norm in _WHICH and act.first > 0 and tokens[act.first - 1].norm in _DETERMINERS)
    ]


def _rank(act: Act) -> int:
    return ROLE_GROUPS.index(act.group)


def _said_of_same(old: Act, new: Act) -> bool:
    """Whether both are said of the same words after them ("chaired by the United Nations" →
    "assisted by the United Nations")."""
    return bool(old.of) and old.of == new.of


def _in_place(s: Sides, old: Act, new: Act) -> bool:
    """Whether some word of `new` stands where a word of `old` stood ("shall chair" →
    "shall participate in": "chair" where "participate" is, "shall" kept), or both are said of
    the same words after them (where the word diff kept other words of a recast sentence)."""
    if any(s.replaced(i, j) for i in range(old.first, old.last) for j in range(new.first, new.last)):
        return True
    return _said_of_same(old, new)


_ARTICLES = frozenset({"a", "an", "the"})


def _said_otherwise(s: Sides, act: Act, old: bool) -> bool:
    """Whether a word of the other text that is no role word stands where `act` (of the old
    text if `old`) stands: the role said in words no table lists ("і верифікацію" → "і
    перевірку", "и согласовываться" → "и утверждаться"), not dropped or added. A role word
    there ("моніторинг і верифікацію" → "спостереження") is the weaker role left."""
    other = s.new if old else s.old
    acts = {k for r in other.features(roles) for k in range(r.first, r.last)}
    # an article in its place says no role ("an internationally monitored referendum" → "a referendum")
    words = [
        j
        for j, token in enumerate(other.text.tokens)
        if token.kind == "word" and j not in acts and token.norm not in _ARTICLES
    ]
    if old:
        return any(s.replaced(i, j) for i in range(act.first, act.last) for j in words)
    return any(s.replaced(i, j) for i in words for j in range(act.first, act.last))


def _role_changed(s: Sides, old: Act, new: Act) -> Report | None:
    if old.group == new.group:
        return None  # "oversee" → "supervise": one role said otherwise
    if not _in_place(s, old, new):
        # Paired in text order only, the new role said elsewhere: the old one is gone
        # ("моніторинг та верифікацію з боку ОБСЄ" → "моніторинг … за участі ОБСЄ").
        return _role_removed(s, old)
    if _rank(new) > _rank(old):
        return Report("Role weakened", s.sig.role_weakened)
    return Report("Role strengthened", s.sig.role_strengthened)


def _joined_to_weaker(this: Side, act: Act, other: Side) -> bool:
    """Whether `act` is joined by "and" / "or" to a weaker role word of its text whose group
    the other text has too ("discussed and agreed" → "discussed")."""
    tokens = this.text.tokens
    kept = {r.group for r in other.features(roles)}
    for partner in this.features(roles):
        if _rank(partner) <= _rank(act) or partner.group not in kept:
            continue
        between = (partner.last, act.first) if partner.last <= act.first else (act.last, partner.first)
        if between[1] - between[0] == 1 and tokens[between[0]].norm in COORDINATORS:
            return True
    return False


def _role_removed(s: Sides, old: Act) -> Report | None:
    if _joined_to_weaker(s.old, old, s.new) and not _said_otherwise(s, old, old=True):
        return Report("Role weakened", s.sig.role_weakened)
    if old.group != "assists" and not _kept_as_strong(s.new, old) and not _said_otherwise(s, old, old=True):
        # Who directs or monitors gone, and no one left to do it: "an internationally
        # monitored referendum" → "a referendum"; "shall verify" → "shall take note of".
        return Report("Role removed", s.sig.role_weakened)
    return None  # an assisting role gone alone: the wording's, the names' or the obligation's to say


def _kept_as_strong(other: Side, act: Act) -> bool:
    """Whether the other text has a role word as strong as `act` or stronger."""
    return any(_rank(r) <= _rank(act) for r in other.features(roles))


def _role_added(s: Sides, new: Act) -> Report | None:
    if _joined_to_weaker(s.new, new, s.old) and not _said_otherwise(s, new, old=False):
        return Report("Role strengthened", s.sig.role_strengthened)
    return None


ROLES: FeatureRule[Act] = FeatureRule(
    name="role",
    features=roles,
    # The same word on both sides first ("oversee" kept while "chaired by" became "assisted
    # by"), then two said of the same words, whatever their order, then any two in text order.
    key=lambda r: (r.group, r.norm),
    pair=by(_said_of_same, anything),
    changed=_role_changed,
    removed=_role_removed,
    added=_role_added,
)


@record
class Held:
    """A directing or monitoring role said with the body that holds it after it ("chaired by
    the United Nations", "under the supervision of the OSCE")."""

    group: str
    norm: str
    holder: str  # the body's key (names.named_entities)
    name: Name
    fragment: str  # the role word to the end of the body's name
    spans: tuple[Span, ...]
    position: int


# A role said with its holder after it: "chaired by", "under the supervision of", "під
# головуванням", "под контролем" (the body in the genitive right after).
_HOLDER_AFTER = frozenset(["by", "of"])
_HOLDER_UNDER = frozenset(["under", "під", "под"])


def held_roles(side: Side) -> list[Held]:
    """Directing and monitoring roles whose holder a name right after them says."""
    tokens = side.text.tokens
    names = {n.first: n for n in side.features(named_entities)}
    out: list[Held] = []
    for act in side.features(roles):
        words = act.norm.split()
        if act.group == "assists" or not (words[-1] in _HOLDER_AFTER or words[0] in _HOLDER_UNDER):
            continue
        k = act.last
        while k < len(tokens) and k < act.last + 2 and tokens[k].norm in _DETERMINERS:
            k += 1
        name = names.get(k) or _actors_at(side, k)
        if name is not None:
            span = span_of(side.text, act.first, name.last)
            fragment = side.text.span(act.first, name.last)
            out.append(Held(act.group, act.norm, name.key, name, fragment, (span,), span[0]))
    return out


# The parties themselves as a role's holder ("monitored by the Parties", "силами сторін"):
# an independent body replaced by them is the role given away.
_ACTORS = frozenset(["parties", "sides", "сторін", "сторон", "сторонами"])  # UK and RU share "сторонами"


def _actors_at(side: Side, k: int, actors: frozenset[str] = _ACTORS) -> Name | None:
    """The parties named at token `k`, as a name the holders' rule compares, else None."""
    tokens = side.text.tokens
    if k >= len(tokens) or tokens[k].norm not in actors:
        return None
    span = span_of(side.text, k, k + 1)
    return Name(
        "the parties",
        "party",
        tokens[k - 1].norm if k else "",
        k,
        k + 1,
        side.text.span(k, k + 1),
        (span,),
        span[0],
    )


def _holder_changed(s: Sides, old: Held, new: Held) -> Report | None:
    if old.holder == new.holder or same_body(s.old, old.name, s.new, new.name):
        return None  # "под руководством ЮНКТАД" → "… Конференции ООН по торговле и развитию (ЮНКТАД)"
    return Report(GIVEN, s.sig.name_changed)  # the body that holds it changed


GIVEN = "Role given to another body"


HOLDERS: FeatureRule[Held] = FeatureRule(
    name="role",
    features=held_roles,
    key=lambda h: (h.group, h.norm, h.holder),
    pair=by(lambda old, new: (old.group, old.norm) == (new.group, new.norm)),
    changed=_holder_changed,
    removed=silent,
    added=silent,
)


# Who decides: a verb of deciding with the decider right after it — "adopted by the Parties",
# "decisions … taken by the Commission", "ухвалюють Сторони", "принимаются Сторонами" — is
# a directing role too; another decider in its place is the role given to another body
# ("ухвалюють Сторони" → "ухвалює Спільна комісія"). ("decided by", "approved by" are the
# taxonomy's roles already.) Only verbs of deciding, never a role of their own: one added,
# dropped or reworded is the wording's or the obligation's to say.
_DECIDING_WORDS = """adopted taken made ухвалює ухвалюють ухвалюється ухвалюються приймає приймають
    приймається приймаються вирішує вирішують принимает принимают принимается принимаются
    решает решают"""
_DECIDING = frozenset(_DECIDING_WORDS.split())
_DECISIONS = frozenset({"decision", "decisions", "amendment", "amendments", "resolution", "resolutions"})
_ENGLISH_AGENT = frozenset({"adopted", "taken", "made"})  # … and "by" after them
_DECIDERS = _ACTORS | {"сторони", "стороны"}  # the parties as the subject after the verb


def decided(side: Side) -> list[Held]:
    """Verbs of deciding whose decider a name (or the parties) right after them says."""
    text = side.text
    if text.forms().isdisjoint(_DECIDING):
        return []
    tokens = text.tokens
    names = {n.first: n for n in side.features(named_entities)}
    out: list[Held] = []
    for k in text.positions(_DECIDING):
        at = k + 1
        if tokens[k].norm in _ENGLISH_AGENT:
            if at >= len(tokens) or tokens[at].norm != "by":
                continue
            if tokens[k].norm != "adopted" and not _a_decision_before(side, k):
                continue  # "measures taken by …": not a decision
            at += 1
        while at < len(tokens) and at < k + 4 and tokens[at].norm in _DETERMINERS:
            at += 1
        name = names.get(at) or _actors_at(side, at, _DECIDERS)
        if name is not None:
            span = span_of(text, k, name.last)
            out.append(Held("directs", "decides", name.key, name, text.span(k, name.last), (span,), span[0]))
    return out


def _a_decision_before(side: Side, k: int) -> bool:
    """Whether a noun of decision stands before token `k` in its sentence."""
    for tok in reversed(side.text.tokens[max(0, k - 12) : k]):
        if tok.norm in {".", ";"}:
            return False
        if tok.norm in _DECISIONS:
            return True
    return False


DECIDERS: FeatureRule[Held] = FeatureRule(
    name="role",
    features=decided,
    key=lambda h: h.holder,
    pair=by(anything),
    changed=_holder_changed,
    removed=silent,
    added=silent,
)


_BARE = frozenset({"before", "after", "перед", "після", "после", "прежде"})


def _sequence_changed(s: Sides, old: Act, new: Act) -> Report | None:
    if old.group == new.group or not _in_place(s, old, new):
        return None
    if {old.group, new.group} == {"before", "after"} and (old.norm in _BARE or new.norm in _BARE):
        return None  # "after the signing" → "before the signing": the deadline rules read it
    return Report("Sequence changed", s.sig.sequence_changed)


SEQUENCE: FeatureRule[Act] = FeatureRule(
    name="sequence",
    features=sequences,
    key=lambda q: (q.group, q.norm),
    pair=by(_said_of_same, anything),
    changed=_sequence_changed,
    removed=silent,
    added=silent,
)
