"""Write a `Draft` as a clean DOCX with real Word auto-numbering, optionally with pending
tracked changes in chosen provisions.

Layout of the body, which the DOCX reader and `structure` rely on:

* the title is a `Title` paragraph, each preamble item a `Normal` paragraph;
* a provision of a container kind (part, chapter, section, article, annex) or any
  provision with a heading gets a *heading paragraph* (style `Heading{depth+1}`) holding
  its number and its heading only: Word's number (`lvlText` "Article %1"), the level's
  tab suffix, then the heading text. A reader computing Word numbering therefore gets
  `auto_label="Article 3"` and text "Heading" — no dash or separator lands in either
  (the " — " of the plain-text form is a text convention, not part of label or heading).
  The provision's own text follows in unnumbered body paragraphs;
* any other provision (paragraph, subparagraph, point) without a heading is one numbered
  body paragraph holding its number and the first paragraph of its text; further
  paragraphs of its text ("\\n" in `Provision.text`) follow unnumbered, indented to the
  text position of its number.

Numbering: one multi-level abstractNum per family (the articles and everything under
them; the annexes and everything under them). Each distinct label form — literal prefix,
number format, literal suffix: "Article %1", "%2." decimal, "(%3)" lowerLetter, "(%4)"
lowerRoman, "%1.%2", "Section %1", "ANNEX %1" upperRoman, "%2)", "Стаття %1" … —
becomes one list level, shallowest form first (at most nine), with the number format
chosen per sibling list from the labels actually seen ("(i)" alone under "(a)" reads as
roman, "(a)…(i)" as letters; "01" is decimalZero). A level whose numbers continue across
its parents (articles numbered through chapters) gets `w:lvlRestart=0`; `w:start` is the
value the labels start at.

Every displayed label is exactly `num`. The writer runs Word's counting rules itself
while it assigns numbers. Where a label does not come out of the count (a gap, a repeat,
a restart Word would not make), the list continues in a fresh copy of the abstractNum
whose `w:start` values pick up the count and jump to the wanted number, so the label is
still Word's. Where Word cannot show the label at all — a form lvlText cannot express
("Article 3a", "6 bis", Cyrillic letters "а)", a "%"), a "4.1" under "3.", a tenth
form, edge spaces — it is typed: a run "label" + tab before the text (the label alone
when nothing follows), in a paragraph without `w:numPr`, indented like its level.

Output is deterministic: fixed part order and zip entries, zip timestamps and core
properties from `date`, revision ids sequential from 1, no `now()` anywhere.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import io
import os
import re
import tempfile
import zipfile
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, cast

from lxml import etree

from draftkit.errors import InputError, UsageError
from draftkit.model import Draft, Provision
from draftkit.model.numbering import format_number, letter_to_int, roman_to_int
from draftkit.render.wml import (
    NSMAP,
    OpKind,
    Revision,
    RevisionIds,
    add_run,
    children_xml,
    fill_paragraphs,
    make_paragraph,
    paragraph_xml,
    parse_body,
    ppr_xml,
    qn,
    run_xml,
)

__all__ = [
    "DraftDocument",
    "draft_document",
    "draft_docx_bytes",
    "write_draft_docx",
    "zip_package",
    "zip_time",
]

_CONTAINER_KINDS: Final = frozenset({"part", "chapter", "section", "article", "annex"})
_OP_KINDS: Final = frozenset({"equal", "insert", "delete"})
_DATE_RE: Final = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$")
_MAX_LEVELS: Final = 9
# A pathological draft (every number repeated) would otherwise get one list per
# provision; past this many lists the remaining irregular labels are typed.
_MAX_LISTS: Final = 1000
_TWIPS_PER_CHAR: Final = 120  # about one average character at 11 pt
_MIN_HANGING: Final = 567  # 1 cm

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
_DEFAULT_DATE: Final = "2026-01-01T00:00:00Z"


def write_draft_docx(
    draft: Draft,
    path: Path,
    *,
    date: str = _DEFAULT_DATE,
    author: str = "draftkit",
    pending: Mapping[str, Sequence[tuple[str, str]]] | None = None,
) -> None:
    """Write `draft` to `path` as a DOCX with Word auto-numbering, atomically."""
    data = draft_docx_bytes(draft, date=date, author=author, pending=pending)
    write_atomically(Path(path), data)


def draft_docx_bytes(
    draft: Draft,
    *,
    date: str = _DEFAULT_DATE,
    author: str = "draftkit",
    pending: Mapping[str, Sequence[tuple[str, str]]] | None = None,
) -> bytes:
    """The DOCX bytes `write_draft_docx` would write (same inputs give the same bytes).

    `pending` maps a provision's `eid` to word-level ops `[("equal"|"insert"|"delete",
    text), ...]` that replace its own text: it is written as pending tracked changes, so
    accepting all gives the ops' new text and rejecting all the old.
    """
    built = draft_document(draft, date=date, author=author, pending=pending)
    document = etree.tostring(built.document, xml_declaration=True, encoding="UTF-8", standalone=True)
    members = [(name, document if name == "word/document.xml" else data) for name, data in built.members]
    return zip_package(members, zip_time(date))


@dataclass(frozen=True, slots=True)
class DraftDocument:
    """A draft laid out as a DOCX, before zipping: the parsed `word/document.xml`, where
    each provision starts, and every other part of the package.

    Paragraph positions are 1-based indices into `body.iter(w:p)`, the counting the DOCX
    reader uses for `Location.paragraph`.
    """

    document: etree._Element
    provisions: tuple[int, ...]  # first paragraph of each provision, Draft.walk() order
    title: tuple[int, ...]  # the title's paragraphs
    preamble: tuple[int, ...]  # the preamble's paragraphs, in order
    members: tuple[tuple[str, bytes], ...]  # package order; word/document.xml holds b""


def zip_time(date: str) -> tuple[int, int, int, int, int, int]:
    """The zip timestamp for a `2026-01-01T00:00:00Z` date (a UsageError for anything else)."""
    match = _DATE_RE.match(date)
    if match is None:
        raise UsageError(f"date must look like 2026-01-01T00:00:00Z, not {date!r}")
    year, month, day, hour, minute, second = (int(g) for g in match.groups())
    return (min(max(year, 1980), 2107), month, day, hour, minute, second)


def draft_document(
    draft: Draft,
    *,
    date: str = _DEFAULT_DATE,
    author: str = "draftkit",
    pending: Mapping[str, Sequence[tuple[str, str]]] | None = None,
) -> DraftDocument:
    """Lay `draft` out as a DOCX without zipping it (see `draft_docx_bytes`)."""
    zip_time(date)  # checks the date
    checked = _check_pending(draft, pending or {})
    plan = _plan_numbering(draft)
    rev = Revision(author=author, date=date)
    document, places = _document_root(draft, plan, checked, rev)
    numbering = _numbering_xml(plan)
    members = _members(draft, b"", numbering, rev)
    return DraftDocument(
        document, tuple(places.provisions), tuple(places.title), tuple(places.preamble), tuple(members)
    )


# --------------------------------------------------------------------------- pending ops


def _check_pending(
    draft: Draft, pending: Mapping[str, Sequence[tuple[str, str]]]
) -> dict[str, tuple[tuple[OpKind, str], ...]]:
    known = {p.eid for p in draft.walk() if p.eid}
    checked: dict[str, tuple[tuple[OpKind, str], ...]] = {}
    for eid, ops in pending.items():
        if eid not in known:
            raise UsageError(f"pending changes name a provision the draft does not have: {eid!r}")
        out: list[tuple[OpKind, str]] = []
        for kind, text in ops:
            if kind in _OP_KINDS:
                out.append((cast(OpKind, kind), text))
            else:
                raise UsageError(f"{eid}: unknown change kind {kind!r} (equal, insert, delete)")
        checked[eid] = tuple(out)
    return checked


# --------------------------------------------------------------------------- numbering plan


@dataclass(frozen=True, slots=True)
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
        value = int(part) if part.isascii() and part.isdigit() else None
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
class _Level:
    """One list level of a family: how its number looks and counts, and where it sits."""

    ilvl: int
    fmt: str
    text: tuple[str | int, ...]  # literals and referenced 0-based levels
    heading: bool
    restart: bool = True
    start: int = 1
    number_pos: int = 0
    hanging: int = _MIN_HANGING

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
    levels: list[_Level]
    lists: list[list[int]] = field(default_factory=list)  # start value per level, per copy
    first_num_id: int = 1


@dataclass(frozen=True, slots=True)
class _Decision:
    """How one provision's label is written: a Word number, typed text, or nothing."""

    family: _Family | None = None
    list_index: int = 0
    level: _Level | None = None
    typed: str | None = None

    @property
    def num_id(self) -> int | None:
        """The `w:numId` of an automatic number (None for typed or no label)."""
        if self.family is None:
            return None
        return self.family.first_num_id + self.list_index


@dataclass(frozen=True, slots=True)
class _Plan:
    families: list[_Family]
    decisions: list[_Decision]  # per provision, in Draft.walk() order


def _plan_numbering(draft: Draft) -> _Plan:
    """Decide every label: list levels per family, then Word's counting run over the draft."""
    items, per_provision = _collect(draft)
    _choose_formats(items)
    _assign_forms(items)
    families: list[_Family] = []
    level_of: dict[_Form, _Level] = {}
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
    return _Plan(families, decisions)


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


def _make_levels(members: list[_Item], level_of: dict[_Form, _Level]) -> list[_Level]:
    """One list level per label form, shallowest forms first, at most nine."""
    depths: dict[_Form, list[int]] = {}
    heading: dict[_Form, bool] = {}
    for item in members:  # dicts keep first-seen order, the tie-break below
        assert item.form is not None
        depths.setdefault(item.form, []).append(item.depth)
        is_heading = item.provision.kind in _CONTAINER_KINDS or item.provision.heading is not None
        heading[item.form] = heading.get(item.form, False) or is_heading
    # Mean depth, not minimum: a point list that once sits directly under an article must
    # still come below the paragraph list it usually sits in, or Word would not restart it.
    order = sorted(depths, key=lambda f: sum(depths[f]) / len(depths[f]))
    levels: list[_Level] = []
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
            level = _Level(ilvl=ilvl, fmt=form.fmt, text=tuple(text), heading=heading[form])
            levels.append(level)
            level_of[form] = level
    return levels


def _choose_restarts(family: _Family, members: list[_Item], level_of: dict[_Form, _Level]) -> None:
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


def _place_levels(family: _Family, members: list[_Item], level_of: dict[_Form, _Level]) -> None:
    """Indents: heading levels flush left, body levels each one step in from the last."""
    widest: dict[int, int] = {}
    for item in members:
        level = level_of.get(item.form) if item.form is not None else None
        if level is not None and item.provision.num is not None:
            widest[level.ilvl] = max(widest.get(level.ilvl, 0), len(item.provision.num))
    text_pos = 0
    for level in family.levels:
        # Wide enough that the tab after the longest label still reaches the text position.
        level.hanging = max(_MIN_HANGING, _TWIPS_PER_CHAR * widest.get(level.ilvl, 1) + 227)
        if level.heading:
            level.number_pos = 0
        else:
            level.number_pos = text_pos
            text_pos = level.text_pos


def _display(level: _Level, own: int, counters: list[int | None], levels: list[_Level]) -> str | None:
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
    families: list[_Family], per_provision: list[_Item | None], level_of: dict[_Form, _Level]
) -> list[_Decision]:
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
    decisions: list[_Decision] = []
    for item in per_provision:
        if item is None:
            decisions.append(_Decision())
            continue
        num = item.provision.num
        assert num is not None
        level = level_of.get(item.form) if item.form is not None else None
        if level is None or item.value is None:
            decisions.append(_Decision(typed=num))
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
            decisions.append(_Decision(typed=num))
            continue
        decisions.append(_Decision(family=family, list_index=len(family.lists) - 1, level=level))
        state[lv] = item.value
        for k in range(lv + 1, len(levels)):
            if levels[k].restart:
                state[k] = None
    return decisions


# --------------------------------------------------------------------------- document.xml


_HEADING_STYLES: Final = tuple(f"Heading{n}" for n in range(1, 10))


@dataclass(slots=True)
class _Places:
    provisions: list[int] = field(default_factory=list)
    title: list[int] = field(default_factory=list)
    preamble: list[int] = field(default_factory=list)
    count: int = 0  # paragraphs written so far

    def take(self, n: int) -> list[int]:
        """The indices of the next n paragraphs."""
        start = self.count
        self.count += n
        return list(range(start + 1, start + n + 1))


def _document_root(
    draft: Draft,
    plan: _Plan,
    pending: Mapping[str, tuple[tuple[OpKind, str], ...]],
    rev: Revision,
) -> tuple[etree._Element, _Places]:
    places = _Places()
    ids = RevisionIds(0)  # a fresh package holds no other ids (bookmarks, comments)
    # Clean paragraphs are written as fragments (the bulk, and the fast path); paragraphs
    # with pending revisions are built as elements under `scratch`, then serialised in
    # place. `parse_body` turns the lot into one checked tree.
    fragments: list[str] = []
    scratch = etree.Element(qn("w:body"), nsmap=NSMAP)

    for line in (draft.title or "").split("\n") if draft.title else ():
        fragments.append(paragraph_xml(run_xml(line), style="Title"))
        places.title.extend(places.take(1))
    for item in draft.preamble:
        for line in item.split("\n"):
            fragments.append(paragraph_xml(run_xml(line)))
            places.preamble.extend(places.take(1))

    decisions = iter(plan.decisions)

    def emit(p: Provision, depth: int) -> None:
        decision = next(decisions)
        level = decision.level
        heading_para = p.kind in _CONTAINER_KINDS or p.heading is not None
        # A paragraph cannot hold a paragraph break; a heading is one line.
        heading = (p.heading or "").replace("\n", " ")
        style = _HEADING_STYLES[min(depth, 8)] if heading_para else None
        num_id = decision.num_id
        label = ""
        num: tuple[int, int] | None = None
        indent: tuple[int, int] | None = None
        if num_id is not None and level is not None:
            num = (num_id, level.ilvl)
        else:
            indent = _unnumbered_indent(depth, level, heading_para, decision)
            if decision.typed is not None:
                # Typed label + tab, as Word shows its own number + tab suffix; the label
                # alone when nothing follows on that line.
                nothing_follows = not heading if heading_para else not p.text and p.eid not in pending
                label = decision.typed if nothing_follows else decision.typed + "\t"
        # Text paragraphs after the first line up with the text after the number; under a
        # heading they start where the heading's number starts.
        if heading_para:
            cont = level.number_pos if level is not None else 0
        else:
            cont = level.text_pos if level is not None else _MIN_HANGING * depth
        cont_indent = (cont, 0) if cont else None

        places.provisions.append(places.count + 1)
        ops = pending.get(p.eid) if p.eid else None
        if ops is None:
            # Clean text, the common case.
            lines = p.text.split("\n") if p.text else []
            first_text = heading if heading_para else (lines.pop(0) if lines else "")
            ppr = ppr_xml(style=style, num=num, indent=indent)
            fragments.append(f"<w:p>{ppr}{run_xml(label)}{run_xml(first_text)}</w:p>")
            cont_ppr = ppr_xml(indent=cont_indent)
            fragments.extend(f"<w:p>{cont_ppr}{run_xml(line)}</w:p>" for line in lines)
            places.take(1 + len(lines))
        else:
            region: list[tuple[OpKind, str]] = list(ops)
            if heading_para:
                old = "".join(t for k, t in ops if k != "insert")
                new = "".join(t for k, t in ops if k != "delete")
                # Heading paragraph and text paragraphs are one op stream with a "\n"
                # between them; when only one version has text, that break is itself
                # inserted or deleted, so accept/reject add or remove the text paragraph.
                region = [("equal", heading)]
                if old or new:
                    region.append(("equal" if old and new else "insert" if new else "delete", "\n"))
                    region.extend(ops)
            first = make_paragraph(scratch, style=style, num=num, indent=indent)
            if label:
                add_run(first, label)

            def text_paragraph() -> etree._Element:
                return make_paragraph(scratch, indent=cont_indent)

            written = fill_paragraphs(region, first, text_paragraph, ids, rev)
            places.take(len(written))
            fragments.append(children_xml(scratch))
            scratch.clear()
        for child in p.children:
            emit(child, depth + 1)

    for top in draft.provisions:
        emit(top, 0)
    fragments.append(_SECTION)
    return parse_body(fragments), places


# A4, the page of international texts, with 2.5 cm margins.
_SECTION: Final = (
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"'
    ' w:header="708" w:footer="708" w:gutter="0"/>'
    '<w:cols w:space="708"/></w:sectPr>'
)


def _unnumbered_indent(
    depth: int, level: _Level | None, heading: bool, decision: _Decision
) -> tuple[int, int] | None:
    """Indent (left, hanging) of a first paragraph without a Word number."""
    if level is not None:  # typed because the count went wrong: sit where Word's would
        return (level.text_pos, level.hanging)
    if heading or depth == 0:
        return None
    if decision.typed is not None:
        return (_MIN_HANGING * depth, _MIN_HANGING)
    return (_MIN_HANGING * depth, 0)


# --------------------------------------------------------------------------- numbering.xml


def _numbering_xml(plan: _Plan) -> bytes:
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


def _lvl_xml(abstract: etree._Element, level: _Level, start: int) -> None:
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
    ind.set(qn("w:left"), str(_MIN_HANGING * (ilvl + 1)))
    ind.set(qn("w:hanging"), str(_MIN_HANGING))


# --------------------------------------------------------------------------- package


_CT_NS: Final = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_NS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_REL: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WML_CT: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml"

# Part name, content type; also the order of the zip members.
_PARTS: Final = (
    ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
    ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
    ("/word/document.xml", f"{_WML_CT}.document.main+xml"),
    ("/word/styles.xml", f"{_WML_CT}.styles+xml"),
    ("/word/numbering.xml", f"{_WML_CT}.numbering+xml"),
    ("/word/settings.xml", f"{_WML_CT}.settings+xml"),
    ("/word/fontTable.xml", f"{_WML_CT}.fontTable+xml"),
    ("/word/webSettings.xml", f"{_WML_CT}.webSettings+xml"),
    ("/word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
)
_DOCUMENT_RELS: Final = (
    ("rId1", "styles", "styles.xml"),
    ("rId2", "numbering", "numbering.xml"),
    ("rId3", "settings", "settings.xml"),
    ("rId4", "fontTable", "fontTable.xml"),
    ("rId5", "webSettings", "webSettings.xml"),
    ("rId6", "theme", "theme/theme1.xml"),
)


@functools.cache
def _template_parts() -> dict[str, bytes]:
    """Styles, settings, fonts and theme from python-docx's default template, read once."""
    # find_spec locates the package without importing it: importing python-docx would
    # cost more than writing a 1,000-provision draft, and only its template file is needed.
    spec = importlib.util.find_spec("docx")
    if spec is None or spec.origin is None:
        raise InputError("python-docx is not installed: its default template is needed to write DOCX")
    template = Path(spec.origin).parent / "templates" / "default.docx"
    with zipfile.ZipFile(template) as z:
        names = ("word/settings.xml", "word/fontTable.xml", "word/webSettings.xml", "word/theme/theme1.xml")
        parts = {name: z.read(name) for name in names}
        parts["word/styles.xml"] = _trim_styles(z.read("word/styles.xml"))
    return parts


def _trim_styles(data: bytes) -> bytes:
    """The template's styles without its 140 table styles and its numbered list styles.

    The list styles point at the template's numbering.xml, which this writer replaces, and
    the table styles are 400 kB of XML a draft never uses.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(data, parser)
    w_type, w_style_id = qn("w:type"), qn("w:styleId")
    for style in root.findall(qn("w:style")):
        unused_table = style.get(w_type) == "table" and style.get(w_style_id) != "TableNormal"
        if unused_table or style.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None:
            root.remove(style)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


_XML_DECLARATION: Final = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"


def _content_types() -> bytes:
    # Package plumbing with constant values only, so plain text is safe (and lxml-stubs
    # cannot type a default-namespace nsmap).
    rows = [
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
        '<Default Extension="xml" ContentType="application/xml"/>',
    ]
    rows += [f'<Override PartName="{name}" ContentType="{ctype}"/>' for name, ctype in _PARTS]
    return (_XML_DECLARATION + f'<Types xmlns="{_CT_NS}">' + "".join(rows) + "</Types>").encode()


def _relationships(rels: Sequence[tuple[str, str, str]]) -> bytes:
    rows = [f'<Relationship Id="{rid}" Type="{rtype}" Target="{target}"/>' for rid, rtype, target in rels]
    return (
        _XML_DECLARATION + f'<Relationships xmlns="{_REL_NS}">' + "".join(rows) + "</Relationships>"
    ).encode()


def _core_xml(title: str, rev: Revision) -> bytes:
    cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    dc = "http://purl.org/dc/elements/1.1/"
    dcterms = "http://purl.org/dc/terms/"
    xsi = "http://www.w3.org/2001/XMLSchema-instance"
    root = etree.Element(
        f"{{{cp}}}coreProperties", nsmap={"cp": cp, "dc": dc, "dcterms": dcterms, "xsi": xsi}
    )
    etree.SubElement(root, f"{{{dc}}}title").text = title
    etree.SubElement(root, f"{{{dc}}}creator").text = rev.author
    etree.SubElement(root, f"{{{cp}}}lastModifiedBy").text = rev.author
    etree.SubElement(root, f"{{{cp}}}revision").text = "1"
    for name in ("created", "modified"):
        stamp = etree.SubElement(root, f"{{{dcterms}}}{name}")
        stamp.set(f"{{{xsi}}}type", "dcterms:W3CDTF")
        stamp.text = rev.date
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _app_xml() -> bytes:
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    return (
        _XML_DECLARATION + f'<Properties xmlns="{ns}"><Application>draftkit</Application></Properties>'
    ).encode()


def _members(draft: Draft, document: bytes, numbering: bytes, rev: Revision) -> list[tuple[str, bytes]]:
    template = _template_parts()
    return [
        ("[Content_Types].xml", _content_types()),
        (
            "_rels/.rels",
            _relationships(
                (
                    ("rId1", f"{_OFFICE_REL}/officeDocument", "word/document.xml"),
                    ("rId2", f"{_REL_NS}/metadata/core-properties", "docProps/core.xml"),
                    ("rId3", f"{_OFFICE_REL}/extended-properties", "docProps/app.xml"),
                )
            ),
        ),
        ("docProps/core.xml", _core_xml(" ".join((draft.title or "").split()), rev)),
        ("docProps/app.xml", _app_xml()),
        ("word/document.xml", document),
        (
            "word/_rels/document.xml.rels",
            _relationships(
                [(rid, f"{_OFFICE_REL}/{rtype}", target) for rid, rtype, target in _DOCUMENT_RELS]
            ),
        ),
        ("word/styles.xml", template["word/styles.xml"]),
        ("word/numbering.xml", numbering),
        ("word/settings.xml", template["word/settings.xml"]),
        ("word/fontTable.xml", template["word/fontTable.xml"]),
        ("word/webSettings.xml", template["word/webSettings.xml"]),
        ("word/theme/theme1.xml", template["word/theme/theme1.xml"]),
    ]


def zip_package(members: Sequence[tuple[str, bytes]], stamp: tuple[int, int, int, int, int, int]) -> bytes:
    """Zip the parts in the given order with one fixed timestamp: same parts, same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # otherwise the host OS leaks into the bytes
            info.external_attr = 0
            # Level 1: a 3 MB document.xml deflates several times faster than at level 6
            # for a file about 10% larger.
            z.writestr(info, data, compresslevel=1)
    return buffer.getvalue()


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename over it: never a half file."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp creates the file 0600; a document is usually shared like any other.
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
