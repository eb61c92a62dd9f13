"""Word numbering for a draft written as a clean DOCX: which label becomes which list level
of which abstractNum, and `word/numbering.xml` that says so.

Takes a `Draft`; hands on a `NumberingPlan` (list families, and per provision in
`Draft.walk()` order a `Decision`: a Word number at a level of a list, typed text, or
nothing) and the numbering part for it. Guarantees that every displayed label is exactly
`num`: the plan runs Word's counting rules itself, starts fresh list copies where the
count would go wrong, and types the labels Word cannot show (see `docx_draft`).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Final

from lxml import etree

from draftkit.model import Draft, Provision
from draftkit.model.numbering import digits_value, format_number, letter_to_int, roman_to_int
from draftkit.records import record
from draftkit.render.wml import NSMAP, qn

__all__ = [
    "CONTAINER_KINDS",
    "MIN_HANGING",
    "Decision",
    "Level",
    "NumberingPlan",
    "numbering_xml",
    "plan_numbering",
]

CONTAINER_KINDS: Final = frozenset({"part", "chapter", "section", "article", "annex"})
_MAX_LEVELS: Final = 9
# A pathological draft (every number repeated) would otherwise get one list per
# provision; past this many lists the remaining irregular labels are typed.
_MAX_LISTS: Final = 1000
_TWIPS_PER_CHAR: Final = 120  # about one average character at 11 pt
MIN_HANGING: Final = 567  # 1 cm

# Label = literal prefix, number parts joined by ".", literal suffix. The prefix must end
# in a character that is neither alphanumeric nor a dot, so "Article 3" splits as
# "Article " + "3" and "3.2" is two parts, not a prefix "3." and a number.
_SHAPE_RE: Final = re.compile(
    r"^(?P<prefix>(?:.*[^0-9A-Za-z.])?)"
    r"(?P<parts>(?:[0-9]+|[A-Za-z]+)(?:\.(?:[0-9]+|[A-Za-z]+))*)"
    r"(?P<suffix>[^0-9A-Za-z]*)$",
    re.DOTALL,
)
_FORMATS_BY_CLASS: Final[dict[str, tuple[str, ...]]] = {
    "digit": ("decimal", "decimalZero"),
    "lower": ("lowerLetter", "lowerRoman"),
    "upper": ("upperLetter", "upperRoman"),
}

# --------------------------------------------------------------------------- numbering plan


@record
class _Shape:
    """A label cut into its literal prefix, its number parts and its literal suffix."""

    prefix: str
    parts: tuple[str, ...]
    suffix: str


@functools.lru_cache(maxsize=4096)
def _shape(num: str) -> _Shape | None:
    # Readers strip the label Word computes, so edge spaces can only be shown as typed text.
    if num != num.strip():
        return None
    m = _SHAPE_RE.match(num)
    if m is None:
        return None
    prefix, suffix = m.group("prefix"), m.group("suffix")
    # "%" starts a placeholder in lvlText; typed text is the honest way to show it.
    if "%" in prefix or "%" in suffix:
        return None
    return _Shape(prefix, tuple(m.group("parts").split(".")), suffix)


def _char_class(part: str) -> str | None:
    if part.isdigit():
        return "digit"
    if part.islower():
        return "lower"
    if part.isupper():
        return "upper"
    return None


@functools.lru_cache(maxsize=4096)
def _value(part: str, fmt: str) -> int | None:
    """The counter value that Word's `fmt` displays as `part`, or None."""
    if fmt in ("decimal", "decimalZero"):
        value = digits_value(part) if part.isascii() and part.isdigit() else None
    elif fmt in ("lowerLetter", "upperLetter"):
        value = letter_to_int(part)
    else:
        value = roman_to_int(part)
    # Round-trip through the shared formatter so writer and reader agree on every form
    # ("01" is decimalZero only, "I" is upperRoman only, "iiii" is nothing).
    if value is None or format_number(value, fmt) != part:
        return None
    return value


@dataclass(frozen=True, slots=True, eq=False)
class _Form:
    """A label form: one list level. `refs` are the forms of the ancestors whose numbers
    the label repeats ("3.2" under "Article 3" refers to the "Article #" form).

    Forms are interned (`_assign_forms`), so identity is equality and hashing is cheap.
    """

    family: str
    prefix: str
    suffix: str
    fmt: str
    refs: tuple[_Form, ...]


@dataclass(eq=False, slots=True)
class _Item:
    """One numbered provision while its number is being planned."""

    index: int  # position in Draft.walk() order
    provision: Provision
    depth: int
    family: str
    parent: _Item | None  # nearest numbered ancestor
    shape: _Shape | None
    fmt: str | None = None
    value: int | None = None
    form: _Form | None = None


@dataclass(slots=True)
class Level:
    """One list level of a family: how its number looks and counts, and where it sits."""

    ilvl: int
    fmt: str
    text: tuple[str | int, ...]  # literals and referenced 0-based levels
    heading: bool
    restart: bool = True
    start: int = 1
    number_pos: int = 0
    hanging: int = MIN_HANGING

    @property
    def simple(self) -> bool:
        """True when the number shows only this level's counter ("(%3)", not "%1.%2")."""
        return all(p == self.ilvl for p in self.text if isinstance(p, int))

    @property
    def lvl_text(self) -> str:
        """The `w:lvlText` value ("Article %1", "(%3)", "%1.%2")."""
        return "".join(p if isinstance(p, str) else f"%{p + 1}" for p in self.text)

    @property
    def text_pos(self) -> int:
        """Where the text after the number starts (twips from the margin)."""
        return self.number_pos + self.hanging


@dataclass(slots=True)
class _Family:
    """One abstractNum's worth of levels, and the copies of it (start values) the draft needs."""

    name: str
    levels: list[Level]
    lists: list[list[int]] = field(default_factory=list)  # start value per level, per copy
    first_num_id: int = 1


@record
class Decision:
    """How one provision's label is written: a Word number, typed text, or nothing."""

    family: _Family | None = None
    list_index: int = 0
    level: Level | None = None
    typed: str | None = None

    @property
    def num_id(self) -> int | None:
        """The `w:numId` of an automatic number (None for typed or no label)."""
        if self.family is None:
            return None
        return self.family.first_num_id + self.list_index


@record
class NumberingPlan:
    families: list[_Family]
    decisions: list[Decision]  # per provision, in Draft.walk() order


def plan_numbering(draft: Draft) -> NumberingPlan:
    """Decide every label: list levels per family, then Word's counting run over the draft."""
    items, per_provision = _collect(draft)
    _choose_formats(items)
    _assign_forms(items)
    families: list[_Family] = []
    level_of: dict[_Form, Level] = {}
    for name in ("main", "annex"):
        members = [i for i in items if i.family == name and i.form is not None]
        if not members:
            continue
        family = _Family(name, _make_levels(members, level_of))
        _choose_restarts(family, members, level_of)
        _place_levels(family, members, level_of)
        families.append(family)
    decisions = _simulate(families, per_provision, level_of)
    # numIds are global and the lists of each family are only known after the run.
    next_id = 1
    for family in families:
        family.first_num_id = next_id
        next_id += len(family.lists)
    return NumberingPlan(families, decisions)


def _collect(draft: Draft) -> tuple[list[_Item], list[_Item | None]]:
    """Numbered provisions as items, plus a per-provision (walk order) item or None."""
    items: list[_Item] = []
    per_provision: list[_Item | None] = []

    def visit(p: Provision, depth: int, family: str, parent: _Item | None) -> None:
        item: _Item | None = None
        if p.num:
            item = _Item(len(per_provision), p, depth, family, parent, _shape(p.num))
            items.append(item)
        per_provision.append(item)
        for child in p.children:
            visit(child, depth + 1, family, item or parent)

    for top in draft.provisions:
        # Annexes count apart from articles: their own list, so "Annex II" never depends
        # on how many articles came before.
        visit(top, 0, "annex" if top.kind == "annex" else "main", None)
    return items, per_provision


def _choose_formats(items: list[_Item]) -> None:
    """Give each item a number format, chosen per sibling series from all its labels."""
    series: dict[tuple[str, int, str, str, int, str], list[_Item]] = {}
    for item in items:
        if item.shape is None:
            continue
        cls = _char_class(item.shape.parts[-1])
        if cls is None:
            continue
        parent_id = item.parent.index if item.parent is not None else -1
        key = (item.family, parent_id, item.shape.prefix, item.shape.suffix, len(item.shape.parts), cls)
        series.setdefault(key, []).append(item)
    for (*_, cls), members in series.items():
        best: tuple[int, int, int] | None = None
        best_fmt = ""
        for rank, fmt in enumerate(_preferred_formats(cls, members[0])):
            values = [_value(_last_part(m), fmt) for m in members]
            parsed = sum(v is not None for v in values)
            # Count the steps a list would take on its own: the first at 1, then +1.
            regular = 0
            previous: int | None = None
            for v in values:
                if v is not None and v == (1 if previous is None else previous + 1):
                    regular += 1
                previous = v
            score = (parsed, regular, -rank)
            if best is None or score > best:
                best, best_fmt = score, fmt
            if parsed == regular == len(members):
                break  # nothing can beat a series that parses and counts perfectly
        for m in members:
            m.fmt = best_fmt
            m.value = _value(_last_part(m), best_fmt)


def _last_part(item: _Item) -> str:
    return item.shape.parts[-1] if item.shape is not None else ""


def _preferred_formats(cls: str, first: _Item) -> tuple[str, ...]:
    """Formats to try for a series, the tie-break favourite first."""
    formats = _FORMATS_BY_CLASS[cls]
    parent = first.parent
    # "(v)" alone is as good a letter as a roman numeral; inside an "(a)" list the nested
    # list is roman in every drafting manual, so prefer that there.
    if (
        cls != "digit"
        and parent is not None
        and parent.fmt == formats[0]
        and parent.shape is not None
        and first.shape is not None
        and (parent.shape.prefix, parent.shape.suffix) == (first.shape.prefix, first.shape.suffix)
    ):
        return formats[::-1]
    return formats


def _assign_forms(items: list[_Item]) -> None:
    """Give each parsed item its label form; a "3.2" needs a formed ancestor per extra part."""
    interned: dict[tuple[object, ...], _Form] = {}
    for item in items:  # document order: ancestors are formed first
        if item.shape is None or item.fmt is None or item.value is None:
            continue
        refs: list[_Form] = []
        ancestor = item.parent
        for _ in range(len(item.shape.parts) - 1):
            if ancestor is None or ancestor.form is None:
                break
            refs.append(ancestor.form)
            ancestor = ancestor.parent
        else:
            key = (item.family, item.shape.prefix, item.shape.suffix, item.fmt, *map(id, reversed(refs)))
            form = interned.get(key)
            if form is None:
                form = _Form(
                    item.family, item.shape.prefix, item.shape.suffix, item.fmt, tuple(reversed(refs))
                )
                interned[key] = form
            item.form = form


def _make_levels(members: list[_Item], level_of: dict[_Form, Level]) -> list[Level]:
    """One list level per label form, shallowest forms first, at most nine."""
    depths: dict[_Form, list[int]] = {}
    heading: dict[_Form, bool] = {}
    for item in members:  # dicts keep first-seen order, the tie-break below
        assert item.form is not None
        depths.setdefault(item.form, []).append(item.depth)
        is_heading = item.provision.kind in CONTAINER_KINDS or item.provision.heading is not None
        heading[item.form] = heading.get(item.form, False) or is_heading
    # Mean depth, not minimum: a point list that once sits directly under an article must
    # still come below the paragraph list it usually sits in, or Word would not restart it.
    order = sorted(depths, key=lambda f: sum(depths[f]) / len(depths[f]))
    levels: list[Level] = []
    for form in order:
        if len(levels) == _MAX_LEVELS:
            break
        ilvl = len(levels)
        text: list[str | int] = [form.prefix] if form.prefix else []
        for ref in form.refs:
            ref_level = level_of.get(ref)
            if ref_level is None or ref_level.ilvl >= ilvl:
                break
            text.extend((ref_level.ilvl, "."))
        else:
            text.append(ilvl)
            if form.suffix:
                text.append(form.suffix)
            level = Level(ilvl=ilvl, fmt=form.fmt, text=tuple(text), heading=heading[form])
            levels.append(level)
            level_of[form] = level
    return levels


def _choose_restarts(family: _Family, members: list[_Item], level_of: dict[_Form, Level]) -> None:
    """Per level: restart after shallower levels, or never (articles numbered through chapters)?"""
    last: dict[int, int] = {}
    dirty: set[int] = set()
    starts: dict[int, list[int]] = {}
    votes: dict[int, list[int]] = {}  # ilvl -> [continues, restarts]
    for item in members:
        level = level_of.get(item.form) if item.form is not None else None
        if level is None or item.value is None:
            continue
        lv, v = level.ilvl, item.value
        tally = votes.setdefault(lv, [0, 0])
        if lv not in last:
            starts.setdefault(lv, []).append(v)
        elif lv in dirty:
            if v == last[lv] + 1:
                tally[0] += 1
            else:
                tally[1] += 1
                starts.setdefault(lv, []).append(v)
        last[lv] = v
        dirty.discard(lv)
        dirty.update(range(lv + 1, _MAX_LEVELS))
    for level in family.levels:
        continues, restarts = votes.get(level.ilvl, [0, 0])
        level.restart = continues <= restarts
        seen = starts.get(level.ilvl, [1])
        if level.restart:
            counts = Counter(seen)
            level.start = max(counts, key=lambda v: (counts[v], -v))
        else:
            level.start = seen[0]


def _place_levels(family: _Family, members: list[_Item], level_of: dict[_Form, Level]) -> None:
    """Indents: heading levels flush left, body levels each one step in from the last."""
    widest: dict[int, int] = {}
    for item in members:
        level = level_of.get(item.form) if item.form is not None else None
        if level is not None and item.provision.num is not None:
            widest[level.ilvl] = max(widest.get(level.ilvl, 0), len(item.provision.num))
    text_pos = 0
    for level in family.levels:
        # Wide enough that the tab after the longest label still reaches the text position.
        level.hanging = max(MIN_HANGING, _TWIPS_PER_CHAR * widest.get(level.ilvl, 1) + 227)
        if level.heading:
            level.number_pos = 0
        else:
            level.number_pos = text_pos
            text_pos = level.text_pos


def _display(level: Level, own: int, counters: list[int | None], levels: list[Level]) -> str | None:
    """The label Word shows for `level` counted to `own`; None if it shows an unset level."""
    out: list[str] = []
    for piece in level.text:
        if isinstance(piece, str):
            out.append(piece)
        elif piece == level.ilvl:
            out.append(format_number(own, level.fmt))
        else:
            value = counters[piece]
            if value is None:
                return None
            out.append(format_number(value, levels[piece].fmt))
    return "".join(out)


def _simulate(
    families: list[_Family], per_provision: list[_Item | None], level_of: dict[_Form, Level]
) -> list[Decision]:
    """Run Word's counting over the document, giving each label a list or typed text.

    Counters belong to a list (abstractNum): counting level L sets it and resets every
    deeper level that restarts; a reset or unused level next shows its `w:start`.
    """
    by_name = {f.name: f for f in families}
    simple_levels = {id(lv): lv.simple for f in families for lv in f.levels}
    counters: dict[str, list[int | None]] = {}
    for family in families:
        family.lists.append([lv.start for lv in family.levels])
        counters[family.name] = [None] * len(family.levels)
    decisions: list[Decision] = []
    for item in per_provision:
        if item is None:
            decisions.append(Decision())
            continue
        num = item.provision.num
        assert num is not None
        level = level_of.get(item.form) if item.form is not None else None
        if level is None or item.value is None:
            decisions.append(Decision(typed=num))
            continue
        family = by_name[item.family]
        levels = family.levels
        state = counters[family.name]
        starts = family.lists[-1]
        lv = level.ilvl
        current = state[lv]
        expected = current + 1 if current is not None else starts[lv]
        # A simple level shows prefix + formatted value + suffix, and `value` was read from
        # `num` in exactly that form, so only the count needs checking.
        simple = simple_levels[id(level)]
        if expected == item.value and (simple or _display(level, expected, state, levels) == num):
            pass
        elif len(family.lists) < _MAX_LISTS and (
            simple or _display(level, item.value, [None] * len(levels), levels) == num
        ):
            # A gap, a repeat or a restart Word would not make: continue in a fresh copy of
            # the list whose levels start where the count would go on, except this level,
            # which starts at the wanted number. (A "3.2" cannot go there: in a fresh copy
            # its "3" would be a level never counted.)
            fresh: list[int] = []
            for k, other in enumerate(levels):
                if k == lv:
                    fresh.append(item.value)
                elif k > lv and other.restart:
                    fresh.append(other.start)
                else:
                    value = state[k]
                    fresh.append(value + 1 if value is not None else starts[k])
            family.lists.append(fresh)
            state = [None] * len(levels)
            counters[family.name] = state
        else:
            decisions.append(Decision(typed=num))
            continue
        decisions.append(Decision(family=family, list_index=len(family.lists) - 1, level=level))
        state[lv] = item.value
        for k in range(lv + 1, len(levels)):
            if levels[k].restart:
                state[k] = None
    return decisions


# --------------------------------------------------------------------------- numbering.xml


def numbering_xml(plan: NumberingPlan) -> bytes:
    root = etree.Element(qn("w:numbering"), nsmap=NSMAP)
    abstract_id = 0
    nums: list[tuple[int, int]] = []
    for family in plan.families:
        for offset, starts in enumerate(family.lists):
            abstract = etree.SubElement(root, qn("w:abstractNum"))
            abstract.set(qn("w:abstractNumId"), str(abstract_id))
            etree.SubElement(abstract, qn("w:multiLevelType")).set(qn("w:val"), "multilevel")
            for ilvl in range(_MAX_LEVELS):
                if ilvl < len(family.levels):
                    _lvl_xml(abstract, family.levels[ilvl], starts[ilvl])
                else:
                    _filler_lvl_xml(abstract, ilvl)
            nums.append((family.first_num_id + offset, abstract_id))
            abstract_id += 1
    # The schema puts every w:num after every w:abstractNum.
    for num_id, target in nums:
        num = etree.SubElement(root, qn("w:num"))
        num.set(qn("w:numId"), str(num_id))
        etree.SubElement(num, qn("w:abstractNumId")).set(qn("w:val"), str(target))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _lvl_xml(abstract: etree._Element, level: Level, start: int) -> None:
    lvl = etree.SubElement(abstract, qn("w:lvl"))
    lvl.set(qn("w:ilvl"), str(level.ilvl))
    etree.SubElement(lvl, qn("w:start")).set(qn("w:val"), str(start))
    etree.SubElement(lvl, qn("w:numFmt")).set(qn("w:val"), level.fmt)
    if not level.restart:
        etree.SubElement(lvl, qn("w:lvlRestart")).set(qn("w:val"), "0")
    etree.SubElement(lvl, qn("w:suff")).set(qn("w:val"), "tab")
    etree.SubElement(lvl, qn("w:lvlText")).set(qn("w:val"), level.lvl_text)
    etree.SubElement(lvl, qn("w:lvlJc")).set(qn("w:val"), "left")
    ppr = etree.SubElement(lvl, qn("w:pPr"))
    ind = etree.SubElement(ppr, qn("w:ind"))
    ind.set(qn("w:left"), str(level.number_pos + level.hanging))
    ind.set(qn("w:hanging"), str(level.hanging))


def _filler_lvl_xml(abstract: etree._Element, ilvl: int) -> None:
    # Unused levels still get a plain definition: Word expects all nine in a multilevel list.
    lvl = etree.SubElement(abstract, qn("w:lvl"))
    lvl.set(qn("w:ilvl"), str(ilvl))
    etree.SubElement(lvl, qn("w:start")).set(qn("w:val"), "1")
    etree.SubElement(lvl, qn("w:numFmt")).set(qn("w:val"), "decimal")
    etree.SubElement(lvl, qn("w:lvlText")).set(qn("w:val"), f"%{ilvl + 1}.")
    etree.SubElement(lvl, qn("w:lvlJc")).set(qn("w:val"), "left")
    ppr = etree.SubElement(lvl, qn("w:pPr"))
    ind = etree.SubElement(ppr, qn("w:ind"))
    ind.set(qn("w:left"), str(MIN_HANGING * (ilvl + 1)))
    ind.set(qn("w:hanging"), str(MIN_HANGING))
