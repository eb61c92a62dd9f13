"""Words of the taxonomy in another sense, told by the words beside them: "immediate" of a
place or of kin ("the immediate vicinity") is no urgency, "shall consider" of a report is a
duty to examine it, "maximum" with no number is no bound ("maximum restraint"), and "стане
можливо" (becomes possible) is no "можливо" (perhaps), "in any case" no "any".

Used by risk.features as it reads qualifiers, modals and scope words; each test takes the
text's tokens and the taxonomy hit's first and last token.
"""

from __future__ import annotations

from collections.abc import Sequence

from draftkit.risk.tokens import MODALS, RELATIVES, Token

# "Immediate" of a place or of kin: "in the immediate vicinity of the line of contact",
# "members of their immediate family".
_NEAR = frozenset(
    ["vicinity", "proximity", "neighbourhood", "neighborhood", "surroundings", "environs", "area",
     "areas", "family", "families", "relatives", "neighbours", "neighbors", "superior", "superiors"]
)  # fmt: skip

# "Shall consider" weighs what is to be done ("shall consider launching a framework"), but of a
# report, a complaint or a request it is a duty to examine it ("the Council shall consider the
# report of the Secretary-General", "shall consider any alleged violation").
_MATTERS = frozenset(
    ["report", "reports", "complaint", "complaints", "request", "requests", "application",
     "applications", "allegation", "allegations", "alleged", "violation", "violations", "case",
     "cases", "matter", "matters", "communication", "communications", "petition", "petitions",
     "appeal", "appeals", "dispute", "disputes", "recommendation", "recommendations", "situation"]
)  # fmt: skip

# A bound said by a noun bounds a number: "мінімум 50 км", "a period of 30 days maximum", not
# "maximum restraint", "приложить максимум усилий".
_BOUND_NOUNS = frozenset(["minimum", "maximum", "мінімум", "минимум", "максимум"])
_BOUND_REACH = 3  # tokens either side where its number stands

# "Можливо", "возможно" hedge as "possibly" ("і, можливо, буде створено"), not as what a
# thing becomes or is ("коли це стане можливо", "когда это станет возможно": when it can be).
_PERHAPS = frozenset(["можливо", "возможно"])
_BECOMES = frozenset(
    ["стане", "стануть", "стало", "стає", "буде", "було", "є", "станет", "станут", "становится",
     "будет", "было", "является"]
)  # fmt: skip


# "Невідкладні заходи", "безотлагательные меры": urgent, not immediate — one urgency with
# "негайне" where the other text has it, no urgency added or removed alone.
_SOFT_URGENCY = ("невідкладн", "безотлагательн")


def soft_urgency(norm: str) -> bool:
    """Whether an urgency word is one of urgency in the loose sense (`_SOFT_URGENCY`)."""
    return norm.startswith(_SOFT_URGENCY)


# A sentence suspended is a penalty's kind ("persons given suspended sentences"), no measure
# made temporary.
_PENALTIES = frozenset(["sentence", "sentences", "вирок", "вироку", "приговор", "приговора", "приговору"])


def not_suspension(tokens: Sequence[Token], norm: str, last: int) -> bool:
    """Whether a 'suspend*' scope word ending before `last` qualifies a penalty."""
    return (
        norm.startswith(("suspend", "призупин", "приостанов"))
        and last < len(tokens)
        and tokens[last].norm in _PENALTIES
    )


def not_urgent(tokens: Sequence[Token], norm: str, last: int) -> bool:
    """Whether an urgency word ending before `last` is "immediate" of a place or of kin."""
    return norm == "immediate" and last < len(tokens) and tokens[last].norm in _NEAR


def examines(tokens: Sequence[Token], norm: str, last: int) -> bool:
    """Whether a modal ending before `last` is "shall consider" of a report, a complaint … (a
    duty to examine it: binding)."""
    return norm == "shall consider" and any(t.norm in _MATTERS for t in tokens[last : last + 3])


def no_number_bounded(tokens: Sequence[Token], norm: str, first: int, last: int) -> bool:
    """Whether a bound word is a noun with no number beside it ("maximum restraint")."""
    if norm not in _BOUND_NOUNS:
        return False
    near = tokens[max(0, first - _BOUND_REACH) : last + _BOUND_REACH]
    return not any(t.kind == "number" for t in near)


def no_hedge(tokens: Sequence[Token], norm: str, first: int) -> bool:
    """Whether "можливо" / "возможно" at `first` is what something becomes, not "perhaps"."""
    return norm in _PERHAPS and first > 0 and tokens[first - 1].norm in _BECOMES


def in_any_case(tokens: Sequence[Token], norm: str, first: int) -> bool:
    """Whether the scope word "any" at `first` is that of "in any case" / "in any event"
    (whatever happens), not "any" of what is covered."""
    return (
        norm == "any"
        and 0 < first < len(tokens) - 1
        and tokens[first - 1].norm == "in"
        and tokens[first + 1].norm in {"case", "event"}
    )


# "All efforts", "every effort", "усіх можливих зусиль", "всех усилий": how hard a party tries,
# not what a commitment covers (a best effort stays a best effort).
_EFFORT_WORDS = (
    "effort efforts endeavour endeavours endeavor endeavors зусиль зусилля зусиллями усилий усилия усилиями"
)
_EFFORTS = frozenset(_EFFORT_WORDS.split())
_EFFORT_REACH = 3  # words between "all" and the effort, at most ("all possible and necessary efforts")


def of_effort(tokens: Sequence[Token], last: int) -> bool:
    """Whether the words right after a scope word ending before token `last` name an effort
    ("all possible efforts")."""
    return any(t.norm in _EFFORTS for t in tokens[last : last + _EFFORT_REACH])


# A relative clause that says what something is, not what anyone does: "a zone that poses no
# threat", "which does not represent a danger" (../shared/realtexts: a summary's clause the
# published plan kept, read as a negation added).
_STATE_VERBS = frozenset({"pose", "poses", "posed", "represent", "represents", "constitute", "constitutes"})


def describes(tokens: Sequence[Token], first: int) -> bool:
    """Whether the negation at `first` stands in a relative clause of a state verb, with no
    modal, within a few words ("that poses no threat", "that does not represent a threat")."""
    words = [t.norm for t in tokens[max(0, first - 4) : first + 3]]
    if not _STATE_VERBS.intersection(words) or MODALS.intersection(words):
        return False
    return any(tokens[k].norm in RELATIVES for k in range(max(0, first - 4), first))


# "All signatories confirm this", "all Parties reaffirm …": each of the actors declares it — a
# statement of who says so, not a commitment's reach (../shared/realtexts: "all signatories
# confirm this with their signatures" added was 'Scope widened'). Not "all Parties shall …".
_ACTOR_WORDS = """parties signatories sides states guarantors participants сторони учасники держави
    стороны участники государства"""
_ACTORS = frozenset(_ACTOR_WORDS.split())
_DECLARE_WORDS = """confirm reaffirm acknowledge recognise recognize welcome note agree declare
    підтверджують визнають погоджуються заявляють подтверждают признают соглашаются заявляют"""
_DECLARES = frozenset(_DECLARE_WORDS.split())


def actors_declare(tokens: Sequence[Token], last: int) -> bool:
    """Whether a universal word ending before token `last` quantifies the actors of a
    declaration ("all signatories confirm")."""
    return last + 1 < len(tokens) and tokens[last].norm in _ACTORS and tokens[last + 1].norm in _DECLARES


# "Часть" of forces is a unit ("воинские части", "військові частини"), no share of anything.
_PARTS = frozenset(["часть", "частина", "частину", "части", "частини"])
_OF_FORCES = ("воинск", "военн", "войсков", "армейск", "військов", "армійськ")


def a_unit_of_forces(tokens: Sequence[Token], norm: str, first: int) -> bool:
    """Whether the "part" word at token `first` names a military unit: a word of the forces
    right before it ("воинские части", "військові частини")."""
    return norm in _PARTS and first > 0 and tokens[first - 1].norm.startswith(_OF_FORCES)


def an_envoy(tokens: Sequence[Token], norm: str, first: int) -> bool:
    """Whether a marker read as "после" (after) is an ambassador: the Ukrainian dictionary
    gives "после" the lemma "посол", so "Посол Російської Федерації" read as "after …"."""
    return norm == "посол" and tokens[first].norm != "после"
