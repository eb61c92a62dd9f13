"""Echelons: a size of military unit as a threshold ("movements of more than a platoon size
require prior notification", "units larger than a battalion", "не более роты").

Takes the two sides of one aligned pair of texts (risk.matching.Sides) and hands on findings
for risk.rules to run among its content rules. An echelon is a unit of a standing size —
platoon < company < battalion < regiment < brigade < division < corps (взвод, рота,
батальйон / батальон, полк, бригада, дивізія / дивизия, корпус), in its case forms — so one put
in another's place says a number no figure writes: a platoon is some thirty soldiers, a
company three or four times as many. Guarantees: an echelon in another's place (the word diff
puts it there) is "Unit size raised" or "Unit size lowered", weighed as a number changed by
threefold a step (at `number_base` plus the relative change, as the number rule weighs it);
one added, dropped, or standing elsewhere says nothing here (a company that is a firm is
never compared: the word is a size only after a bound, "more than a platoon", "понад роту",
or before a word of size, "a platoon size", "company strength"; nor a capitalised "Division";
a text with none of the words is not read further.
"""

from __future__ import annotations

from draftkit.records import record
from draftkit.risk.features import Side
from draftkit.risk.findings import Report, Span, span_of
from draftkit.risk.matching import FeatureRule, Sides, by, silent

# Each echelon's forms as written (the lemmatiser reads "роту" as "рот", a mouth).
_FORMS = {
    1: """platoon platoons взвод взводу взвода взводом взводі взводе взводи взводів взводы взводов""",
    2: """company companies рота роти роту ротою роті роты роте ротой""",
    3: """battalion battalions батальйон батальйону батальйоном батальйоні батальйони батальйонів
        батальон батальона батальону батальоном батальоне батальоны батальонов""",
    4: """regiment regiments полк полку полка полком полці полки полків полков полке""",
    5: """brigade brigades бригада бригади бригаду бригадою бригаді бригады бригаде бригадой""",
    6: """division divisions дивізія дивізії дивізію дивізією дивизия дивизии дивизию дивизией""",
    7: """corps корпус корпусу корпуса корпусом""",
}
_LEVELS = {form: level for level, forms in _FORMS.items() for form in forms.split()}
_WORDS = frozenset(_LEVELS)
_STEP = 3.0  # how many of the echelon below one echelon holds, roughly
# What makes the word a size: a bound before it ("more than a platoon", "не более роты",
# "понад батальйон") or a word of size after it ("a platoon size", "company strength").
_BOUND_WORDS = """more larger bigger greater than exceeding above over up beyond понад більше більш
    свыше более больше до"""
_BOUNDS = frozenset(_BOUND_WORDS.split())
_SIZE_WORDS = """size sized strength level levels розміру рівня численністю чисельністю размера уровня
    численностью состава"""
_SIZES = frozenset(_SIZE_WORDS.split())


@record
class Echelon:
    """An echelon word: its level (1 platoon … 7 corps) and where it stands."""

    level: int
    fragment: str
    spans: tuple[Span, ...]
    position: int


def echelons(side: Side) -> list[Echelon]:
    """The echelon words of a text said as a size, in text order: in lower case (not "Division
    2"), a bound within three words before or a word of size within two after."""
    text = side.text
    if text.forms().isdisjoint(_WORDS):
        return []
    tokens = text.tokens
    out: list[Echelon] = []
    for k in text.positions(_WORDS):
        if tokens[k].cap:
            continue
        before = {t.norm for t in tokens[max(0, k - 3) : k]}
        after = {t.norm for t in tokens[k + 1 : k + 3]}
        if before.isdisjoint(_BOUNDS) and after.isdisjoint(_SIZES):
            continue  # "the company shall pay": a firm, or a unit named, no size
        span = span_of(text, k, k + 1)
        out.append(Echelon(_LEVELS[tokens[k].norm], text.span(k, k + 1), (span,), span[0]))
    return out


def _resized(s: Sides, old: Echelon, new: Echelon) -> Report | None:
    if not s.in_place(old, new):
        return None
    steps = new.level - old.level
    change = _STEP**steps - 1 if steps > 0 else 1 - _STEP**steps  # relative to the old size
    value = min(1.0, s.sig.number_base + change)
    return Report("Unit size raised" if steps > 0 else "Unit size lowered", value)


ECHELONS: FeatureRule[Echelon] = FeatureRule(
    name="number",
    features=echelons,
    key=lambda e: e.level,
    pair=by(lambda old, new: True),
    changed=_resized,
    removed=silent,
    added=silent,
)
