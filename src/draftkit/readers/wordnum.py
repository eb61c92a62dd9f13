"""Word numbering engine: numbering.xml + styles.xml in, the labels Word displays out.

Stages: `parse_numbering` and `parse_styles` turn the XML into frozen definitions;
`NumberingState` then counts paragraphs in document order (`label_for`) the way
ECMA-376 §17.9 and Word's documented deviations ([MS-OI29500]) describe:

- counters belong to the resolved abstractNum, so numIds sharing one continue each other;
- a `startOverride` resets its level the first time its numId is used, and is also the
  value that level restarts to for that numId;
- after level L is counted, a deeper level M restarts when L < `lvlRestart` of M
  (default M, i.e. any shallower level; 0 = never), and Word ignores `lvlRestart` inside
  a `lvlOverride`;
- `%k` in `lvlText` is level k-1's counter in level k-1's `numFmt` (decimal under `isLgl`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Any, NamedTuple

from lxml import etree

from draftkit.model import Location, ReadWarning
from draftkit.readers.limits import MAX_LABEL_CHARS
from draftkit.readers.wordfmt import MAX_PAD, MAX_SPELLED, digits_note, format_number, spell
from draftkit.records import record

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_W_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WORD_NAMESPACES = (W_NS, STRICT_W_NS)
MAX_LEVELS = 9
# The records below are NamedTuples, immutable like the model's frozen dataclasses: a fresh
# process (every `draftkit diff`) makes the classes on import, and a frozen dataclass costs
# ~1 ms there, a NamedTuple a sixth of that (issue 18). The two read for every paragraph
# (ResolvedStyle, _NumInfo) keep slots, which are read faster than a NamedTuple's fields.

_PLACEHOLDER = re.compile(r"%([1-9])")
_HEADING = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)


class Names(NamedTuple):
    """Clark names of the WordprocessingML elements and attributes used by the readers."""

    ns: str

    def __call__(self, local: str) -> str:
        """The Clark name `{ns}local`."""
        return f"{{{self.ns}}}{local}"


@lru_cache(maxsize=4)
def names_for(ns: str) -> Names:
    """The (cached) name maker for one WordprocessingML namespace."""
    return Names(ns)


def namespace_of(root: etree._Element) -> str:
    """The WordprocessingML namespace of a part's root (transitional or strict)."""
    tag = root.tag
    if isinstance(tag, str) and tag.startswith("{"):
        ns = tag[1 : tag.index("}")]
        if ns in WORD_NAMESPACES:
            return ns
    return W_NS


# ------------------------------------------------------------------------- definitions

_NOTHING: Mapping[Any, Any] = MappingProxyType({})  # an empty mapping no one can fill


class Level(NamedTuple):
    """One `w:lvl`; None fields were absent (an override inherits them from the base)."""

    start: int | None = None
    num_fmt: str | None = None
    custom_format: str | None = None
    lvl_text: str | None = None
    restart: int | None = None
    is_lgl: bool | None = None
    p_style: str | None = None

    def over(self, base: Level) -> Level:
        """This level with its absent fields taken from `base`."""
        return Level(
            start=self.start if self.start is not None else base.start,
            num_fmt=self.num_fmt if self.num_fmt is not None else base.num_fmt,
            custom_format=(self.custom_format if self.num_fmt is not None else base.custom_format),
            lvl_text=self.lvl_text if self.lvl_text is not None else base.lvl_text,
            # Word ignores lvlRestart inside a lvlOverride ([MS-OI29500] 2.1.262).
            restart=base.restart,
            is_lgl=self.is_lgl if self.is_lgl is not None else base.is_lgl,
            p_style=self.p_style if self.p_style is not None else base.p_style,
        )

    @property
    def fmt(self) -> str:
        """The number format, 'decimal' when absent (the schema default)."""
        return self.num_fmt or "decimal"


class AbstractNum(NamedTuple):
    """One `w:abstractNum`: its levels, or a `numStyleLink` to a numbering style."""

    abstract_id: int
    levels: Mapping[int, Level]
    num_style_link: str | None = None
    style_link: str | None = None


class Num(NamedTuple):
    """One `w:num` (a list instance): its abstractNum and its level overrides."""

    num_id: int
    abstract_id: int
    start_overrides: Mapping[int, int] = _NOTHING
    level_overrides: Mapping[int, Level] = _NOTHING


class NumberingDefs(NamedTuple):
    """Everything numbering.xml defines."""

    abstracts: Mapping[int, AbstractNum] = _NOTHING
    nums: Mapping[int, Num] = _NOTHING


class Style(NamedTuple):
    """The numbering- and heading-relevant parts of one `w:style`."""

    style_id: str
    kind: str = "paragraph"
    name: str | None = None
    based_on: str | None = None
    num_id: int | None = None
    ilvl: int | None = None
    outline_lvl: int | None = None


@record  # read for every paragraph: a slot is read fastest
class ResolvedStyle:
    """A paragraph style with its `basedOn` chain folded in."""

    style_id: str | None
    chain: tuple[str, ...] = ()
    num_id: int | None = None
    ilvl: int | None = None
    heading_level: int | None = None
    title: bool = False


def _int(value: str | None) -> int | None:
    # ST_DecimalNumber is a 32-bit integer: anything else is damaged markup, not a number.
    if value is None:
        return None
    try:
        number = int(value.strip())
    except ValueError:
        return None
    return number if -(2**31) <= number < 2**31 else None


def decimal_number(value: str | None) -> int | None:
    """`_int` for the reader's walk: a document repeats a handful of values (numIds, levels)
    on every paragraph, each read once into `DECIMALS` (bounded: a hostile file cannot grow
    it without end); a caller may look there first, without a call."""
    if value is None:
        return None
    try:
        return DECIMALS[value]
    except KeyError:
        pass
    number = _int(value)
    if len(DECIMALS) < 4096:
        DECIMALS[value] = number
    return number


DECIMALS: dict[str, int | None] = {}


def _on(el: etree._Element, val: str) -> bool:
    # An on/off property is on unless its w:val says false.
    return (el.get(val) or "true").lower() not in ("false", "0", "off")


def _parse_level(lvl: etree._Element, w: Names) -> Level:
    val = w("val")
    start = restart = None
    num_fmt = custom = lvl_text = p_style = None
    is_lgl: bool | None = None
    for child in lvl:
        tag = child.tag
        if tag == w("start"):
            start = _int(child.get(val))
        elif tag == w("numFmt"):
            num_fmt, custom = child.get(val), child.get(w("format"))
        elif tag == f"{{{MC_NS}}}AlternateContent" and num_fmt is None:
            # Word 2010 wraps custom formats: the Choice holds numFmt="custom" with a
            # w:format pattern ("001, 002, 003, ..."), the Fallback an older equivalent.
            for fmt in child.iter(w("numFmt")):
                num_fmt, custom = fmt.get(val), fmt.get(w("format"))
                break
        elif tag == w("lvlText"):
            lvl_text = child.get(val, "")[:MAX_LABEL_CHARS]
        elif tag == w("lvlRestart"):
            restart = _int(child.get(val))
        elif tag == w("isLgl"):
            is_lgl = _on(child, val)
        elif tag == w("pStyle"):
            p_style = child.get(val)
    return Level(start, num_fmt, custom, lvl_text, restart, is_lgl, p_style)


def parse_numbering(root: etree._Element | None) -> NumberingDefs:
    """Read `w:abstractNum` and `w:num` definitions from a numbering.xml root."""
    if root is None:
        return NumberingDefs()
    w = names_for(namespace_of(root))
    val = w("val")
    abstracts: dict[int, AbstractNum] = {}
    nums: dict[int, Num] = {}
    for el in root:
        if el.tag == w("abstractNum"):
            abstract_id = _int(el.get(w("abstractNumId")))
            if abstract_id is None:
                continue
            levels: dict[int, Level] = {}
            link = style_link = None
            for child in el:
                if child.tag == w("lvl"):
                    ilvl = _int(child.get(w("ilvl")))
                    if ilvl is not None and 0 <= ilvl < MAX_LEVELS:
                        levels.setdefault(ilvl, _parse_level(child, w))
                elif child.tag == w("numStyleLink"):
                    link = child.get(val)
                elif child.tag == w("styleLink"):
                    style_link = child.get(val)
            abstracts.setdefault(abstract_id, AbstractNum(abstract_id, levels, link, style_link))
        elif el.tag == w("num"):
            num_id = _int(el.get(w("numId")))
            ref = el.find(w("abstractNumId"))
            target = _int(ref.get(val)) if ref is not None else None
            if num_id is None or target is None:
                continue
            starts: dict[int, int] = {}
            overrides: dict[int, Level] = {}
            for override in el.iterfind(w("lvlOverride")):
                ilvl = _int(override.get(w("ilvl")))
                if ilvl is None or not 0 <= ilvl < MAX_LEVELS:
                    continue
                for child in override:
                    if child.tag == w("startOverride"):
                        start = _int(child.get(val))
                        if start is not None:
                            starts[ilvl] = start
                    elif child.tag == w("lvl"):
                        overrides[ilvl] = _parse_level(child, w)
            nums.setdefault(num_id, Num(num_id, target, starts, overrides))
    return NumberingDefs(abstracts, nums)


class StyleSheet:
    """Paragraph and numbering styles from styles.xml, resolved along `basedOn` on demand."""

    __slots__ = ("_cache", "default_paragraph", "styles")

    def __init__(self, styles: Mapping[str, Style], default_paragraph: str | None) -> None:
        self.styles = styles
        self.default_paragraph = default_paragraph
        self._cache: dict[str | None, ResolvedStyle] = {}

    def resolve(self, style_id: str | None) -> ResolvedStyle:
        """The style folded with its `basedOn` ancestors (the default style if None)."""
        cached = self._cache.get(style_id)
        if cached is None:
            cached = self._resolve(style_id)
            self._cache[style_id] = cached
        return cached

    def _resolve(self, style_id: str | None) -> ResolvedStyle:
        own_id = style_id if style_id is not None else self.default_paragraph
        chain: list[Style] = []
        current = own_id
        while current is not None and len(chain) < 32:  # cycles happen in the wild
            style = self.styles.get(current)
            if style is None or style in chain:
                break
            chain.append(style)
            current = style.based_on
        num_id = next((s.num_id for s in chain if s.num_id is not None), None)
        ilvl = next((s.ilvl for s in chain if s.ilvl is not None), None)
        heading: int | None = None
        for style in chain:
            match = _HEADING.match(style.name or "") or _HEADING.match(style.style_id)
            if match:
                heading = int(match.group(1))
                break
            if style.outline_lvl is not None:
                heading = style.outline_lvl + 1 if 0 <= style.outline_lvl < 9 else None
                break
        own = chain[0] if chain else None
        title = own is not None and (own.style_id.lower() == "title" or (own.name or "").lower() == "title")
        return ResolvedStyle(
            style_id=own_id,
            chain=tuple(s.style_id for s in chain),
            num_id=num_id,
            ilvl=ilvl,
            heading_level=heading,
            title=title,
        )


def parse_styles(root: etree._Element | None) -> StyleSheet:
    """Read paragraph and numbering styles from a styles.xml root."""
    if root is None:
        return StyleSheet({}, None)
    w = names_for(namespace_of(root))
    val = w("val")
    styles: dict[str, Style] = {}
    default: str | None = None
    for el in root.iterfind(w("style")):
        style_id = el.get(w("styleId"))
        kind = el.get(w("type")) or "paragraph"
        if style_id is None or kind not in ("paragraph", "numbering"):
            continue
        name = based_on = None
        num_id = ilvl = outline = None
        for child in el:
            tag = child.tag
            if tag == w("name"):
                name = child.get(val)
            elif tag == w("basedOn"):
                based_on = child.get(val)
            elif tag == w("pPr"):
                for prop in child:
                    if prop.tag == w("numPr"):
                        for part in prop:
                            if part.tag == w("numId"):
                                num_id = _int(part.get(val))
                            elif part.tag == w("ilvl"):
                                ilvl = _int(part.get(val))
                    elif prop.tag == w("outlineLvl"):
                        outline = _int(prop.get(val))
        if kind == "paragraph" and default is None and _on_attr(el.get(w("default"))):
            default = style_id
        styles.setdefault(style_id, Style(style_id, kind, name, based_on, num_id, ilvl, outline))
    return StyleSheet(styles, default)


def _on_attr(value: str | None) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")


# ---------------------------------------------------------------------------- counting


# A compiled lvlText: the literal text before the first placeholder, then per placeholder
# (level index, numFmt, custom format, the literal text after it).
_Template = tuple[str, tuple[tuple[int, str, str | None, str], ...]]
# What a level's counters are cleared to when every deeper level restarts (the common case).
_CLEARED = tuple((None,) * (MAX_LEVELS - 1 - ilvl) for ilvl in range(MAX_LEVELS))


class _NumInfo:
    """One numId as counting reads it, for every numbered paragraph: plain slots (read
    faster than a NamedTuple's fields, made faster on import than a dataclass)."""

    __slots__ = (
        "all_restart",
        "key",
        "labels",
        "levels",
        "restarts",
        "start_overrides",
        "starts",
        "templates",
    )

    def __init__(
        self,
        key: int,
        levels: tuple[Level | None, ...],
        starts: tuple[int, ...],
        start_overrides: tuple[int, ...],
        templates: tuple[_Template | None, ...],
        restarts: tuple[tuple[int, ...], ...],
    ) -> None:
        self.key = key  # the abstractNum whose counters this numId advances
        self.levels = levels
        self.starts = starts  # what each level starts and restarts at for this numId
        self.start_overrides = start_overrides
        self.templates = templates  # None: the level shows no label
        self.restarts = restarts  # deeper levels reset when each level counts
        # Whether every deeper level resets when this one counts (the usual lvlRestart).
        self.all_restart = tuple(
            deeper == tuple(range(ilvl + 1, MAX_LEVELS)) for ilvl, deeper in enumerate(restarts)
        )
        # A level whose label shows one number ("(%3)", "Article %1."): what `count` returns
        # by that number, each label formatted once (a long list repeats a few hundred).
        self.labels: tuple[dict[int, tuple[str, int] | None] | None, ...] = tuple(
            {} if template is not None and len(template[1]) == 1 else None for template in templates
        )


def _compile(level: Level, levels: list[Level | None]) -> _Template | None:
    """Split lvlText once, so counting a paragraph is a join, not a regex."""
    if level.fmt == "bullet" or not level.lvl_text:
        return None
    text = level.lvl_text
    literals: list[str] = []  # around the placeholders: one more than there are placeholders
    placeholders: list[tuple[int, str, str | None]] = []
    position = 0
    for match in _PLACEHOLDER.finditer(text):
        literals.append(text[position : match.start()])
        k = int(match.group(1)) - 1
        ref = levels[k] or level
        fmt = ref.fmt
        if level.is_lgl and fmt not in ("none", "bullet", "decimalZero"):
            fmt = "decimal"  # arabic numerals; Word keeps decimalZero's leading zero ("Section 1.01")
        placeholders.append((k, fmt, ref.custom_format))
        position = match.end()
    literals.append(text[position:])
    return literals[0], tuple((*p, after) for p, after in zip(placeholders, literals[1:], strict=True))


def _restarts(levels: list[Level | None]) -> tuple[tuple[int, ...], ...]:
    """For each level L, the deeper levels M that restart after L counts: L < lvlRestart(M)."""
    out: list[tuple[int, ...]] = []
    for ilvl in range(MAX_LEVELS):
        deeper: list[int] = []
        for m in range(ilvl + 1, MAX_LEVELS):
            level = levels[m]
            threshold = level.restart if level is not None and level.restart is not None else m
            if ilvl < threshold:
                deeper.append(m)
        out.append(tuple(deeper))
    return tuple(out)


class NumberingState:
    """Counters for one pass over a document: call `label_for` per numbered paragraph, in order.
    Given a list of `warnings`, a label shown in digits where Word shows its format's labels
    adds one there, at the first paragraph showing it, once per format."""

    __slots__ = ("_counters", "_defs", "_digits_said", "_info", "_styles", "_used", "_warnings")

    def __init__(
        self, defs: NumberingDefs, styles: StyleSheet | None = None, warnings: list[ReadWarning] | None = None
    ) -> None:
        self._defs = defs
        self._styles = styles if styles is not None else StyleSheet({}, None)
        self._info: dict[int, _NumInfo | None] = {}
        self._counters: dict[int, list[int | None]] = {}
        self._used: set[int] = set()
        self._warnings = warnings
        self._digits_said: set[tuple[str, str | None]] = set()

    def _abstract(self, abstract_id: int) -> AbstractNum | None:
        abstract = self._defs.abstracts.get(abstract_id)
        seen: set[int] = set()
        # numStyleLink → numbering style → its numId → the abstractNum holding the levels.
        while abstract is not None and abstract.num_style_link and not abstract.levels:
            if abstract.abstract_id in seen:
                return None
            seen.add(abstract.abstract_id)
            link = abstract.num_style_link
            style = self._styles.styles.get(link)
            num = self._defs.nums.get(style.num_id) if style and style.num_id else None
            if num is not None:
                abstract = self._defs.abstracts.get(num.abstract_id)
            else:
                abstract = next((a for a in self._defs.abstracts.values() if a.style_link == link), None)
        return abstract

    def _num_info(self, num_id: int) -> _NumInfo | None:
        if num_id in self._info:
            return self._info[num_id]
        info: _NumInfo | None = None
        num = self._defs.nums.get(num_id)
        abstract = self._abstract(num.abstract_id) if num is not None else None
        if num is not None and abstract is not None:
            levels: list[Level | None] = []
            for ilvl in range(MAX_LEVELS):
                base = abstract.levels.get(ilvl)
                override = num.level_overrides.get(ilvl)
                if override is not None:
                    levels.append(override.over(base if base is not None else Level()))
                else:
                    levels.append(base)
            starts = tuple(
                num.start_overrides.get(i, (lvl.start if lvl and lvl.start is not None else 0))
                for i, lvl in enumerate(levels)
            )
            info = _NumInfo(
                key=abstract.abstract_id,
                levels=tuple(levels),
                starts=starts,
                start_overrides=tuple(num.start_overrides),
                templates=tuple(_compile(lvl, levels) if lvl is not None else None for lvl in levels),
                restarts=_restarts(levels),
            )
        self._info[num_id] = info
        return info

    def ilvl_for_style(self, num_id: int, style_ids: Iterable[str]) -> int | None:
        """The level whose `w:pStyle` names one of these styles (style-linked headings)."""
        info = self._num_info(num_id)
        if info is None:
            return None
        for style_id in style_ids:
            for ilvl, lvl in enumerate(info.levels):
                if lvl is not None and lvl.p_style == style_id:
                    return ilvl
        return None

    def list_of(self, num_id: int) -> int | None:
        """The list a numId belongs to: numIds sharing an abstractNum count as one list."""
        info = self._num_info(num_id) if num_id else None
        return None if info is None else info.key

    def label_for(self, num_id: int, ilvl: int) -> str | None:
        """Count one paragraph at (numId, ilvl) and return its label; None if no visible number."""
        counted = self.count(num_id, ilvl)
        return None if counted is None else counted[0]

    def count_showing(self, num_id: int, ilvl: int, label: str | None) -> bool:
        """Count one paragraph at (numId, ilvl) unless it would show a number other than
        `label`; then nothing is counted (the DOCX redline's old view types that label
        instead). Whether it was counted (also where no number shows)."""
        info = self._num_info(num_id) if num_id else None
        if info is None:
            return True  # `count` counts nothing
        counters = self._counters.get(info.key)
        saved = None if counters is None else list(counters)
        used = num_id in self._used
        counted = self.count(num_id, ilvl)
        if counted is None or counted[0] == label:
            return True
        if saved is None:
            del self._counters[info.key]
        else:
            self._counters[info.key][:] = saved
        if not used:
            self._used.discard(num_id)
        return False

    def count(self, num_id: int, ilvl: int, at: int = 0) -> tuple[str, int] | None:
        """Count one paragraph at (numId, ilvl): its label and its list (`list_of`), or None
        if it shows no number. One call per numbered paragraph of a long document; `at`, the
        paragraph's index, locates a warning about its label."""
        if num_id == 0 or not 0 <= ilvl < MAX_LEVELS:
            return None
        info = self._info[num_id] if num_id in self._info else self._num_info(num_id)
        if info is None or info.levels[ilvl] is None:
            return None
        counters = self._counters.get(info.key)
        if counters is None:
            counters = self._counters[info.key] = [None] * MAX_LEVELS
        if num_id not in self._used:
            self._used.add(num_id)
            for overridden in info.start_overrides:
                counters[overridden] = None
        current = counters[ilvl]
        counters[ilvl] = info.starts[ilvl] if current is None else current + 1
        if info.all_restart[ilvl]:
            counters[ilvl + 1 :] = _CLEARED[ilvl]
        else:
            for deeper in info.restarts[ilvl]:
                counters[deeper] = None
        template = info.templates[ilvl]
        if template is None:
            return None
        head, placeholders = template
        memo = info.labels[ilvl]
        shown = 0
        if memo is not None:  # one placeholder: the label is a function of its number alone
            k = placeholders[0][0]
            value = counters[k]
            shown = info.starts[k] if value is None else value
            if shown in memo:
                return memo[shown]
        out = [head]
        for k, fmt, custom, after in placeholders:
            value = counters[k]
            # A level never reached shows its start value, as in "1.1" opening a list.
            if value is None:
                value = info.starts[k]
            if fmt == "decimal":
                out.append(str(value))
            else:
                spelled = spell(value, fmt, custom)
                if spelled is None:
                    spelled = str(value)
                    self._in_digits(value, fmt, custom, at)
                out.append(spelled)
            out.append(after)
        label = "".join(out).strip()[:MAX_LABEL_CHARS]
        counted = (label, info.key) if label else None
        if memo is not None and len(memo) < 4096:  # bounded: numbers come from the input
            memo[shown] = counted
        return counted

    def _in_digits(self, value: int, fmt: str, custom: str | None, at: int) -> None:
        """Say once per format that its labels are read with digits (off the memo's path)."""
        key = (fmt, custom if fmt == "custom" else None)
        if self._warnings is not None and key not in self._digits_said:
            self._digits_said.add(key)
            where = Location(paragraph=max(at, 1))
            self._warnings.append(ReadWarning("number-format", digits_note(value, fmt, custom), where))


# ---------------------------------------------------------------------------- LISTNUM

# Word's three built-in LISTNUM lists, level by level.
_LISTNUM_LISTS: dict[str, tuple[tuple[str, str], ...]] = {
    "numberdefault": (
        ("decimal", "%1)"), ("lowerLetter", "%2)"), ("lowerRoman", "%3)"),
        ("decimal", "(%4)"), ("lowerLetter", "(%5)"), ("lowerRoman", "(%6)"),
        ("decimal", "%7."), ("lowerLetter", "%8."), ("lowerRoman", "%9."),
    ),
    "outlinedefault": (
        ("upperRoman", "%1."), ("upperLetter", "%2."), ("decimal", "%3."),
        ("lowerLetter", "%4)"), ("decimal", "(%5)"), ("lowerLetter", "(%6)"),
        ("lowerRoman", "(%7)"), ("lowerLetter", "(%8)"), ("lowerRoman", "(%9)"),
    ),
    "legaldefault": tuple(
        ("decimal", ".".join(f"%{k}" for k in range(1, n + 1)) + ".") for n in range(1, 10)
    ),
}  # fmt: skip
_SWITCH = re.compile(r"\\([ls])\s*(\d+)", re.IGNORECASE)


class ListNumState:
    """Counters of LISTNUM fields (built-in lists NumberDefault, OutlineDefault, LegalDefault)."""

    __slots__ = ("_counters",)

    def __init__(self) -> None:
        self._counters: dict[str, list[int]] = {}

    def label_for(self, instruction: str) -> str | None:
        """Count one `LISTNUM [name] [\\l n] [\\s n]` field and return the text Word shows."""
        words = instruction.split()
        if not words or words[0].upper() != "LISTNUM":
            return None
        name = "numberdefault"
        if len(words) > 1 and not words[1].startswith("\\"):
            name = words[1].strip('"').lower()
        levels = _LISTNUM_LISTS.get(name, _LISTNUM_LISTS["numberdefault"])
        ilvl, start = 0, None
        for switch, number in _SWITCH.findall(instruction):
            value = _int(number) if len(number) <= 10 else None  # int() refuses 5,000 digits
            if value is None:
                continue
            if switch.lower() == "l":
                ilvl = min(max(value, 1), MAX_LEVELS) - 1
            else:
                start = value
        counters = self._counters.setdefault(name, [0] * MAX_LEVELS)
        counters[ilvl] = start if start is not None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            counters[deeper] = 0
        fmt, text = levels[ilvl]

        def substitute(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            return format_number(max(counters[k], 1), levels[k][0] if k != ilvl else fmt)

        return _PLACEHOLDER.sub(substitute, text)


__all__ = [
    "DECIMALS",
    "MAX_PAD",
    "MAX_SPELLED",
    "AbstractNum",
    "Level",
    "ListNumState",
    "Names",
    "Num",
    "NumberingDefs",
    "NumberingState",
    "ResolvedStyle",
    "Style",
    "StyleSheet",
    "decimal_number",
    "format_number",
    "names_for",
    "namespace_of",
    "parse_numbering",
    "parse_styles",
]
