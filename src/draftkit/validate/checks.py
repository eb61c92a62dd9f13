"""Check a draft against a clause schema: structure (RelaxNG over the draft's XML, then the
schema's nesting rules), numbering, cross-references, required provisions, forbidden
leftovers and the schema's own XPath assertions. The result is a `Report` of `Finding`s.

The rules run in Python over the provision tree rather than as Schematron: they need regular
expressions (XPath 1.0 has none), the reference grammar of `refs.py`, the risk classifier and
human citations ("Article 4(2)(b)"), and their messages must say what is missing in a
drafter's words. lxml does the part it is best at: RelaxNG for the XML structure and XPath for
the schema author's own `[[assert]]` rules (Schematron's context/test model, without XSLT).

Library code: it never prints or exits; the CLI maps `Report.ok(strict)` to exit 1.
"""

from __future__ import annotations

import importlib
import math
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from draftkit.compare.citations import cite
from draftkit.compare.refs import Reference, find_references, label_value
from draftkit.errors import SchemaError, Where
from draftkit.model import Draft, Location, Provision, Source
from draftkit.model.numbering import NumFmt, format_number, parse_exact, roman_to_int
from draftkit.readers import Limits, View, read
from draftkit.validate.clause_schema import Assertion, ClauseSchema, Level, Requirement, load_schema

Severity = Literal["error", "warning"]

_PLURAL: dict[str, str] = {
    "part": "parts",
    "chapter": "chapters",
    "section": "sections",
    "article": "articles",
    "paragraph": "paragraphs",
    "subparagraph": "subparagraphs",
    "point": "points",
    "annex": "annexes",
}
_TOP_KINDS: frozenset[str] = frozenset({"article", "annex", "section", "chapter", "part"})
# What kind of provision a relative reference word may point to: drafts call "12." a point,
# a paragraph or an item depending on the tradition.
_RELATIVE_KINDS: dict[str, frozenset[str]] = {
    "paragraph": frozenset({"paragraph", "subparagraph"}),
    "paragraphs": frozenset({"paragraph", "subparagraph"}),
    "para.": frozenset({"paragraph", "subparagraph"}),
    "subparagraph": frozenset({"subparagraph", "point", "paragraph"}),
    "sub-paragraph": frozenset({"subparagraph", "point", "paragraph"}),
    "point": frozenset({"point", "paragraph", "subparagraph"}),
    "points": frozenset({"point", "paragraph", "subparagraph"}),
    "item": frozenset({"point", "paragraph", "subparagraph"}),
    "items": frozenset({"point", "paragraph", "subparagraph"}),
}
# "point 12", "item 3": numbered points without parentheses (refs.py knows only "point (b)").
_POINT_NUMBER = re.compile(r"\b(?P<kw>[Pp]oints?|[Ii]tems?)\s+(?P<p>\d{1,4})\b(?P<sub>(?:\s?\(\w{1,5}\))*)")
_SUB = re.compile(r"\((\w{1,5})\)")
# "Article 51 of the Charter of the United Nations", "Annex 2 to the Minsk Protocol",
# "paragraph 2 of Security Council resolution 2202": citations of another instrument. The
# instrument word may follow a few capitalised words (its name), which `qual` captures.
_INSTRUMENTS = (
    r"Charter|Conventions?|Protocols?|Treaty|Treaties|Statute|Covenant|[Rr]esolutions?|Accords?|Agreements?"
    r"|Memorandum|Declaration|Constitution|Code|Act|Law|Package|Decision|Directive|Regulation|Arrangements?"
)
_EXTERNAL = re.compile(
    r"\s*(?:of|to|in)\s+(?:the\s+)?(?P<qual>(?:[A-Z][\w'’-]*\s+){0,5})(?P<w>" + _INSTRUMENTS + r")\b"
)
_SELF_NAME = re.compile(r"\b(?:this|present)\s+(?P<w>[A-Z][\w-]*)")
_SINGULAR: dict[str, str] = {
    "para.": "paragraph",
    "paragraphs": "paragraph",
    "points": "point",
    "items": "item",
}
_CHAIN_GAP = re.compile(r"^\s*,?\s*of\s+(?:the\s+)?$")
_WS = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: how bad, which rule, what is wrong, and where it stands.

    `citation` is how a drafter names the place ("Article 4(2)(b)", "Preamble, recital 3");
    `eid` the provision's eId; `location` the source paragraph (DOCX) or line (text); `text`
    the words at fault (the citation as written, the bracketed text), when there are any.
    Findings about the draft as a whole (a missing provision) have no place.
    """

    severity: Severity
    rule: str
    message: str
    citation: str | None = None
    eid: str | None = None
    location: Location | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """The findings of one validation, in document order, and what they were checked against."""

    findings: tuple[Finding, ...]
    schema: str
    schema_source: str
    source: Source | None = None
    notes: tuple[str, ...] = ()

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity 'error'."""
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity 'warning'."""
        return tuple(f for f in self.findings if f.severity == "warning")

    def ok(self, strict: bool = False) -> bool:
        """True when there are no errors (and, if `strict`, no warnings)."""
        return not self.errors and not (strict and self.warnings)


@dataclass(frozen=True, slots=True)
class _Entry:
    """A provision with its chain of ancestors (root → itself) and its place in document order."""

    provision: Provision
    path: tuple[Provision, ...]
    index: int
    annex: str  # eid of the annex it stands in ("" outside annexes)

    @property
    def parent(self) -> Provision | None:
        return self.path[-2] if len(self.path) > 1 else None

    def citation(self) -> str:
        return cite(self.path)


@dataclass
class _Collector:
    findings: list[tuple[tuple[int, int, int], Finding]] = field(default_factory=list)

    def add(
        self,
        level: Level,
        rule: str,
        message: str,
        entry: _Entry | None = None,
        *,
        text: str | None = None,
        citation: str | None = None,
        order: tuple[int, int, int] | None = None,
    ) -> None:
        if level == "off":
            return
        if entry is not None:
            provision = entry.provision
            finding = Finding(
                level, rule, message, entry.citation(), provision.eid or None, provision.location, text
            )
            key = order or (1, entry.index, 0)
        else:
            finding = Finding(level, rule, message, citation, None, None, text)
            key = order or (2, 0, 0)
        self.findings.append((key, finding))

    def sorted(self) -> tuple[Finding, ...]:
        ordered = sorted(
            self.findings, key=lambda item: (item[0], item[1].rule, item[1].message, item[1].text or "")
        )
        out: list[Finding] = []
        for _, finding in ordered:
            if not out or out[-1] != finding:
                out.append(finding)
        return tuple(out)


def _entries(draft: Draft) -> list[_Entry]:
    out: list[_Entry] = []

    def visit(provision: Provision, path: tuple[Provision, ...], annex: str) -> None:
        chain = (*path, provision)
        out.append(_Entry(provision, chain, len(out), annex))
        inner = provision.eid if provision.kind == "annex" else annex
        for child in provision.children:
            visit(child, chain, inner)

    for provision in draft.provisions:
        visit(provision, (), "")
    return out


def _a(kind: str) -> str:
    return f"an {kind}" if kind[:1] in "aeiou" else f"a {kind}"


def _quote(text: str, limit: int = 80) -> str:
    flat = _WS.sub(" ", text).strip()
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return f'"{flat}"'


def _normal(text: str) -> str:
    return _WS.sub(" ", text).strip()


# -- structure ---------------------------------------------------------------------------------


def _check_relaxng(draft: Draft, schema: ClauseSchema, entries: list[_Entry], out: _Collector) -> None:
    from draftkit.model.xmlio import to_xml_element

    root = to_xml_element(draft)
    grammar = schema.structure.relaxng
    if grammar.validate(root):
        return
    # RelaxNG reports one fault and then every ancestor that "failed to validate content":
    # the first message is the fault, the rest are its echo.
    errors = list(grammar.error_log)
    if not errors:
        out.add(
            "error",
            "structure.relaxng",
            f"the draft's XML does not match {_grammar_name(schema)}",
            order=(0, 0, 0),
        )
        return
    first = errors[0]
    element: etree._Element | None = None
    if first.path:
        try:
            found = root.getroottree().xpath(first.path)
        except etree.XPathError:
            found = []
        if isinstance(found, list) and found and isinstance(found[0], etree._Element):
            element = found[0]
    by_eid = {entry.provision.eid: entry for entry in entries if entry.provision.eid}
    entry = _entry_of(element, by_eid)
    more = f" (and {len(errors) - 1} more messages)" if len(errors) > 1 else ""
    message = f"the draft's XML does not match {_grammar_name(schema)}: {first.message}{more}"
    if entry is not None:
        out.add("error", "structure.relaxng", message, entry)
    else:
        out.add("error", "structure.relaxng", message, order=(0, 0, 0))


def _grammar_name(schema: ClauseSchema) -> str:
    """The file name of the schema's RelaxNG grammar, for messages."""
    return schema.structure.relaxng_path.name


def _entry_of(element: etree._Element | None, by_eid: dict[str, _Entry]) -> _Entry | None:
    while element is not None:
        eid = element.get("eId")
        if eid and eid in by_eid:
            return by_eid[eid]
        element = element.getparent()
    return None


def _check_nesting(schema: ClauseSchema, entries: list[_Entry], out: _Collector) -> None:
    rules = schema.structure
    for entry in entries:
        provision, parent = entry.provision, entry.parent
        name = (
            _quote(provision.num)
            if provision.num
            else (_quote(provision.heading) if provision.heading else "")
        )
        what = f"{name} ({_a(provision.kind)})" if name else _a(provision.kind)
        if parent is None:
            if provision.kind not in rules.top:
                out.add(
                    rules.nesting,
                    "structure.nesting",
                    f"{what} may not stand at the top of the draft; the top may hold "
                    f"{_or(_PLURAL[k] for k in rules.top) or 'nothing'}",
                    entry,
                )
            continue
        allowed = rules.allowed_in(parent.kind)
        if provision.kind not in allowed:
            holder = cite(entry.path[:-1])
            may = _or(_PLURAL[k] for k in allowed)
            out.add(
                rules.nesting,
                "structure.nesting",
                f"{what} may not stand directly in {_a(parent.kind)} ({holder}); "
                + (
                    f"{_a(parent.kind)} may contain {may}"
                    if may
                    else f"{_a(parent.kind)} may contain nothing"
                ),
                entry,
            )


def _or(words: Iterable[str]) -> str:
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def _and(words: Sequence[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


# -- numbering ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Numbered:
    entry: _Entry
    ordinal: int
    fmt: NumFmt
    style: str  # the label with its number masked, case-folded: "(#)", "article #"
    value: str


def _numbered(entry: _Entry) -> _Numbered | None:
    provision = entry.provision
    if not provision.num or not provision.num.strip():
        return None
    label = parse_exact(provision.num)
    if label.fmt == "other":
        return None  # "5bis", "A-1": drafters' own schemes, not checked for sequence
    chosen = label
    ordinal = provision.ordinal
    if label.alt is not None and ordinal is not None and ordinal == label.alt.ordinal:
        chosen = label.alt
        ordinal = label.alt.ordinal
    if ordinal is None:
        ordinal = chosen.ordinal
    if ordinal is None:
        return None
    value = chosen.value
    num = _normal(provision.num)
    at = num.casefold().rfind(value.casefold())
    style = (num[:at] + "#" + num[at + len(value) :]).casefold() if at >= 0 else num.casefold()
    return _Numbered(entry, ordinal, chosen.fmt, style, value)




def _relabel(example: _Numbered, ordinal: int) -> str:
    """The label `ordinal` would have in the list `example` belongs to: '(c)', 'Article 4'."""
    num = _normal(example.entry.provision.num or "")
    value = format_number(ordinal, example.fmt)
    at = num.rfind(example.value)
    return num[:at] + value + num[at + len(example.value) :] if at >= 0 else value


def _labels(items: Sequence[str]) -> str:
    return _and([f'"{item}"' for item in items])


def _missing_text(example: _Numbered, missing: list[int]) -> str:
    if len(missing) > 2 and missing == list(range(missing[0], missing[-1] + 1)):
        return f'"{_relabel(example, missing[0])}" to "{_relabel(example, missing[-1])}" are missing'
    labels = [_relabel(example, k) for k in missing]
    return f"{_labels(labels)} {'is' if len(labels) == 1 else 'are'} missing"


def _groups(schema: ClauseSchema, entries: list[_Entry]) -> dict[tuple[str, str], list[_Numbered]]:
    groups: dict[tuple[str, str], list[_Numbered]] = {}
    continuous = set(schema.numbering.continuous)
    for entry in entries:
        numbered = _numbered(entry)
        if numbered is None:
            continue
        kind = entry.provision.kind
        parent = entry.parent
        key: tuple[str, str]
        if kind in continuous:
            key = (f"annex:{entry.annex}", kind)
        else:
            key = (f"parent:{id(parent)}" if parent is not None else "parent:root", kind)
        groups.setdefault(key, []).append(numbered)
    return groups


def _check_numbering(schema: ClauseSchema, entries: list[_Entry], out: _Collector) -> None:
    rules = schema.numbering
    for (_, kind), items in _groups(schema, entries).items():
        plural = _PLURAL[kind]
        present = {item.ordinal for item in items}
        first_at: dict[int, _Numbered] = {}
        highest = rules.start - 1
        previous: _Numbered | None = None
        for item in items:
            label = _normal(item.entry.provision.num or "")
            if item.ordinal in first_at:
                other = first_at[item.ordinal]
                where = (
                    other.entry.provision.location.describe()
                    if other.entry.provision.location is not None
                    else other.entry.provision.eid or other.entry.citation()
                )
                out.add(
                    rules.duplicates,
                    "numbering.duplicates",
                    f'"{label}" is used twice among these {plural} (the first is at {where})',
                    item.entry,
                    text=label,
                )
            elif item.ordinal < highest:
                after = _normal(previous.entry.provision.num or "") if previous else ""
                out.add(
                    rules.contiguous,
                    "numbering.contiguous",
                    f'"{label}" comes after "{after}": the {plural} are out of order',
                    item.entry,
                    text=label,
                )
            elif item.ordinal > highest + 1:
                missing = [k for k in range(highest + 1, item.ordinal) if k not in present]
                if missing:
                    lead = (
                        f'"{label}" follows "{_normal(previous.entry.provision.num or "")}"'
                        if previous
                        else (f'"{label}" is the first of these {plural}')
                    )
                    out.add(
                        rules.contiguous,
                        "numbering.contiguous",
                        f"{lead}: {_missing_text(item, missing)}",
                        item.entry,
                        text=label,
                    )
            first_at.setdefault(item.ordinal, item)
            highest = max(highest, item.ordinal)
            previous = item
        _check_format(rules.one_format, plural, items, out)


def _check_format(level: Level, plural: str, items: list[_Numbered], out: _Collector) -> None:
    styles = Counter((item.style, item.fmt) for item in items)
    if len(styles) <= 1:
        return
    order = [(item.style, item.fmt) for item in items]
    best = max(styles, key=lambda key: (styles[key], -order.index(key)))
    example = next(item for item in items if (item.style, item.fmt) == best)
    example_label = _normal(example.entry.provision.num or "")
    for item in items:
        if (item.style, item.fmt) != best:
            label = _normal(item.entry.provision.num or "")
            out.add(
                level,
                "numbering.one_format",
                f'"{label}" is numbered in another format than the other {plural} here '
                f'(like "{example_label}")',
                item.entry,
                text=label,
            )


# -- cross-references --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Ref:
    """A reference found in a text: refs.py's, or one of the extra forms ("point 12")."""

    start: int
    end: int
    text: str
    top_kind: str | None
    path: tuple[str, ...]
    word: str  # the keyword as written, lower case: "article", "paragraph", "point"


def _references(text: str) -> list[_Ref]:
    found = [_from_refs(ref) for ref in find_references(text)]
    taken = [(ref.start, ref.end) for ref in found]
    for m in _POINT_NUMBER.finditer(text):
        if all(m.end() <= a or m.start() >= b for a, b in taken):
            subs = tuple(s.group(1) for s in _SUB.finditer(m.group("sub")))
            found.append(
                _Ref(m.start(), m.end(), m.group(0), None, (m.group("p"), *subs), m.group("kw").lower())
            )
    found.sort(key=lambda ref: ref.start)
    return found


def _from_refs(ref: Reference) -> _Ref:
    word = ref.text.split()[0].lower() if ref.text.split() else ""
    return _Ref(ref.start, ref.end, ref.text, None if ref.relative else ref.top_kind, ref.path, word)


def _value(num: str | None) -> str:
    """The number a citation uses for a label ('Article 5' → '5'); '' for a blank label."""
    if num is None or not num.strip():
        return ""  # refs.label_value fails on whitespace-only labels
    return label_value(num) or ""


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def _ordinal_of(value: str) -> int | None:
    if value.isascii() and value.isdigit():
        return int(value)
    return roman_to_int(value)


class _Resolver:
    def __init__(self, draft: Draft, entries: list[_Entry]) -> None:
        self.by_id = {id(entry.provision): entry for entry in entries}
        self.tops: dict[str, list[_Entry]] = {}
        # (kind, value) and (kind, ordinal) → entries: "Annex 1" finds "ANNEX I" too.
        self.by_value: dict[tuple[str, str], list[_Entry]] = {}
        self.by_ordinal: dict[tuple[str, int], list[_Entry]] = {}
        for entry in entries:
            if entry.provision.kind in _TOP_KINDS and entry.provision.num:
                kind = entry.provision.kind
                value = _value(entry.provision.num)
                self.tops.setdefault(kind, []).append(entry)
                self.by_value.setdefault((kind, value.casefold()), []).append(entry)
                ordinal = _ordinal_of(value)
                if ordinal is not None:
                    self.by_ordinal.setdefault((kind, ordinal), []).append(entry)
        self.roots = tuple(e.provision for e in entries if len(e.path) == 1)
        texts = [*draft.preamble, *(e.provision.text for e in entries)]
        self.self_names = {m.group("w") for text in texts for m in _SELF_NAME.finditer(text)}

    def external(self, text: str, end: int) -> bool:
        """Whether the citation ending at `end` cites another instrument. "of the Agreement" is
        this draft when it calls itself "this Agreement"; "of the Minsk Agreement" is not."""
        m = _EXTERNAL.match(text, end)
        if m is None:
            return False
        return bool(m.group("qual").strip()) or m.group("w") not in self.self_names

    # resolution returns (target, None) or (None, why)
    def top(self, kind: str, value: str, here: _Entry) -> tuple[Provision | None, str | None]:
        candidates = self.tops.get(kind, [])
        matches = self.by_value.get((kind, value.casefold()), [])
        if not matches:
            wanted = _ordinal_of(value)
            matches = self.by_ordinal.get((kind, wanted), []) if wanted is not None else []
        if matches:
            same_scope = [e for e in matches if e.annex == here.annex]
            return (same_scope or matches)[0].provision, None
        name = f"{kind.capitalize()} {value}"
        nums = [_normal(e.provision.num or "") for e in candidates]
        if not nums:
            return None, f"there is no {name} (the draft has no {_PLURAL[kind]})"
        if len(nums) == 1:
            return None, f"there is no {name} (the only {kind} is {nums[0]})"
        return None, f"there is no {name} (the {_PLURAL[kind]} run from {nums[0]} to {nums[-1]})"

    def descend(self, target: Provision, values: Sequence[str]) -> tuple[Provision | None, str | None]:
        for value in values:
            child = _child(target, value, None)
            if child is None:
                return None, (
                    f"{self.cite(target)} has no {_kind_word(target)} {_display_value(value)}{_holds(target)}"
                )
            target = child
        return target, None

    def relative(self, here: _Entry, word: str, value: str) -> tuple[Provision | None, str | None]:
        kinds = _RELATIVE_KINDS.get(word, frozenset({"point", "paragraph", "subparagraph"}))
        scopes: list[Provision | None] = []
        for provision in reversed(here.path):
            scopes.append(provision)
            if provision.kind in ("article", "annex"):
                break
        else:
            scopes.append(None)  # no enclosing article: the draft's top level
        for scope in scopes:
            children = scope.children if scope is not None else self.roots
            found = _find_in(children, value, kinds)
            if found is not None:
                return found, None
        outer = scopes[-1]
        where = self.cite(outer) if outer is not None else "the draft"
        return None, f"there is no {_SINGULAR.get(word, word)} {_display_value(value)} in {where}"

    def within(self, target: Provision, word: str, value: str) -> tuple[Provision | None, str | None]:
        kinds = _RELATIVE_KINDS.get(word, frozenset({"point", "paragraph", "subparagraph"}))
        queue = list(target.children)
        while queue:
            found = _find_in(queue, value, kinds)
            if found is not None:
                return found, None
            queue = [child for provision in queue for child in provision.children]
        return None, f"{self.cite(target)} has no {_SINGULAR.get(word, word)} {_display_value(value)}"

    def cite(self, provision: Provision) -> str:
        entry = self.by_id.get(id(provision))
        return entry.citation() if entry is not None else cite([provision])


def _display_value(value: str) -> str:
    """How a message shows a cited number: 4, (b), (iv)."""
    return value if value.isascii() and value.isdigit() else f"({value})"


def _child(parent: Provision, value: str, kinds: frozenset[str] | None) -> Provision | None:
    """The child labelled `value` (looking through unnumbered children)."""
    return _find_in(parent.children, value, kinds)


def _find_in(children: Sequence[Provision], value: str, kinds: frozenset[str] | None) -> Provision | None:
    for child in children:
        if child.num is None or not child.num.strip():
            found = _find_in(child.children, value, kinds)
            if found is not None:
                return found
            continue
        if (kinds is None or child.kind in kinds) and _same(_value(child.num), value):
            return child
    return None


def _kind_word(target: Provision) -> str:
    kinds = Counter(child.kind for child in target.children if child.num)
    return kinds.most_common(1)[0][0] if kinds else "provision numbered"


def _holds(target: Provision) -> str:
    nums = [_normal(child.num) for child in target.children if child.num]
    if not nums:
        return " (it has no numbered parts)"
    if len(nums) == 1:
        return f" (it has only {nums[0]})"
    return f" (it has {nums[0]} to {nums[-1]})"


def _chains(refs: list[_Ref], text: str) -> list[list[_Ref]]:
    """Group "point (b) of paragraph 2 of Article 4" into one chain, innermost first."""
    chains: list[list[_Ref]] = []
    for ref in refs:
        if (
            chains
            and _CHAIN_GAP.match(text[chains[-1][-1].end : ref.start])
            and chains[-1][-1].top_kind is None
        ):
            chains[-1].append(ref)
        else:
            chains.append([ref])
    return chains


def _resolve_chain(resolver: _Resolver, here: _Entry, chain: list[_Ref]) -> str | None:
    """None when the chain resolves, else why not."""
    outer = chain[-1]
    if outer.top_kind is not None:
        target, why = resolver.top(outer.top_kind, outer.path[0], here)
        if target is not None:
            target, why = resolver.descend(target, outer.path[1:])
    else:
        target, why = resolver.relative(here, outer.word, outer.path[0])
        if target is not None:
            target, why = resolver.descend(target, outer.path[1:])
    for ref in reversed(chain[:-1]):
        if target is None:
            break
        target, why = resolver.within(target, ref.word, ref.path[0])
        if target is not None:
            target, why = resolver.descend(target, ref.path[1:])
    return why if target is None else None


def _check_references(draft: Draft, schema: ClauseSchema, entries: list[_Entry], out: _Collector) -> None:
    level = schema.references.dangling
    if level == "off":
        return
    resolver = _Resolver(draft, entries)
    for entry in entries:
        for text in (entry.provision.heading or "", entry.provision.text):
            if not text:
                continue
            for chain in _chains(_references(text), text):
                if resolver.external(text, chain[-1].end):
                    continue
                why = _resolve_chain(resolver, entry, chain)
                if why is not None:
                    written = text[chain[0].start : chain[-1].end]
                    out.add(
                        level,
                        "references.dangling",
                        f'"{_normal(written)}" does not resolve: {why}',
                        entry,
                        text=_normal(written),
                    )


# -- required provisions -----------------------------------------------------------------------


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(part) for part in phrase.split())
    left = r"(?<!\w)" if phrase[:1].isalnum() else ""
    right = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return re.compile(left + body + right, re.IGNORECASE)


def _categories(draft: Draft, schema: ClauseSchema, notes: list[str]) -> dict[str, tuple[str, ...]] | None:
    """eid → category ids from the risk taxonomy, or None when draftkit.risk is not available."""
    wanted = [r for r in schema.required if r.category is not None and r.severity != "off"]
    if not wanted:
        return None
    # Imported here, by name: draftkit.risk is optional for validation (and built separately);
    # without it, category requirements fall back to their headings and phrases.
    try:
        risk = importlib.import_module("draftkit.risk")
        load_taxonomy = risk.load_taxonomy
        classify = risk.classify
    except (ImportError, AttributeError):
        ids = ", ".join(sorted({r.id for r in wanted}))
        notes.append(
            f"the risk taxonomy (draftkit.risk) is not available: requirements by category ({ids}) "
            "were checked by heading and phrase only"
        )
        return None
    taxonomy = load_taxonomy(schema.taxonomy)
    known = {str(getattr(c, "id", "")) for c in getattr(taxonomy, "categories", ())}
    for requirement in wanted:
        if known and requirement.category not in known:
            raise SchemaError(
                f'[[required]] "{requirement.id}": category "{requirement.category}" is not in the risk '
                f"taxonomy (its categories: {', '.join(sorted(known))})",
                Where(schema.source),
            )
    classified = classify(draft, taxonomy)
    result: dict[str, tuple[str, ...]] = {}
    for eid, cats in classified.items():
        result[str(eid)] = tuple(str(c) for c in cats)
    return result


def _check_required(
    draft: Draft, schema: ClauseSchema, entries: list[_Entry], out: _Collector, notes: list[str]
) -> None:
    categories = _categories(draft, schema, notes)
    searched: list[tuple[Provision, str, str]] = []  # provision, heading, heading + text
    for entry in entries:
        heading = _normal(entry.provision.heading or "")
        text = _normal(entry.provision.text)
        searched.append((entry.provision, heading, f"{heading}\n{text}" if heading else text))
    for rank, requirement in enumerate(schema.required):
        if requirement.severity == "off":
            continue
        if _satisfied(requirement, searched, categories):
            continue
        out.add(
            requirement.severity,
            f"required.{requirement.id}",
            f"the draft has no provision on {requirement.description} "
            f"({_looked_for(requirement, categories)})",
            order=(2, rank, 0),
        )


def _satisfied(
    requirement: Requirement,
    searched: list[tuple[Provision, str, str]],
    categories: dict[str, tuple[str, ...]] | None,
) -> bool:
    headings = [_phrase_pattern(h) for h in requirement.headings]
    phrases = [_phrase_pattern(p) for p in requirement.phrases]
    if (
        requirement.category is not None
        and categories is None
        and not (headings or phrases or requirement.patterns)
    ):
        # Degraded: no classifier, and nothing else to look for — use the category's name.
        words = requirement.category.replace("_", " ")
        headings = phrases = [_phrase_pattern(words)]
    for provision, heading, both in searched:
        if requirement.kinds and provision.kind not in requirement.kinds:
            continue
        if heading and any(p.search(heading) for p in headings):
            return True
        if any(p.search(both) for p in phrases) or any(p.search(both) for p in requirement.patterns):
            return True
        if (
            categories is not None
            and requirement.category is not None
            and requirement.category in categories.get(provision.eid, ())
        ):
            return True
    return False


def _looked_for(requirement: Requirement, categories: dict[str, tuple[str, ...]] | None) -> str:
    parts: list[str] = []
    if requirement.headings:
        parts.append("a heading with " + _or(f'"{h}"' for h in requirement.headings))
    if requirement.phrases:
        parts.append("text with " + _or(f'"{p}"' for p in requirement.phrases))
    if requirement.patterns:
        count = len(requirement.patterns)
        parts.append("text matching " + ("its pattern" if count == 1 else f"one of its {count} patterns"))
    if requirement.category is not None:
        if categories is not None:
            parts.append(f'a provision in the risk category "{requirement.category}"')
        elif not parts:
            parts.append(f'a heading or text with "{requirement.category.replace("_", " ")}"')
    where = f" in {_or(_PLURAL[k] for k in requirement.kinds)}" if requirement.kinds else ""
    return "looked for " + "; ".join(parts) + where


# -- forbidden leftovers -----------------------------------------------------------------------


def _texts(
    draft: Draft, entries: list[_Entry]
) -> Iterator[tuple[str, _Entry | None, str | None, tuple[int, int, int]]]:
    """Every text a leftover can hide in: (text, provision entry, citation, order key)."""
    if draft.title:
        yield draft.title, None, "Title", (0, 0, 0)
    for number, recital in enumerate(draft.preamble, start=1):
        yield recital, None, f"Preamble, recital {number}", (0, number, 0)
    for entry in entries:
        if entry.provision.heading:
            yield entry.provision.heading, entry, None, (1, entry.index, 0)
        if entry.provision.text:
            yield entry.provision.text, entry, None, (1, entry.index, 1)


def _check_forbidden(draft: Draft, schema: ClauseSchema, entries: list[_Entry], out: _Collector) -> None:
    for rule in schema.forbidden:
        if rule.severity == "off":
            continue
        rule_id = f"forbidden.{rule.id}"
        patterns = (*rule.patterns, *rule.word_patterns)
        if patterns:
            for text, entry, citation, order in _texts(draft, entries):
                for pattern in patterns:
                    for m in pattern.finditer(text):
                        if not m.group(0):
                            continue
                        out.add(
                            rule.severity,
                            rule_id,
                            f"{rule.description}: {_quote(m.group(0))}",
                            entry,
                            text=m.group(0),
                            citation=citation,
                            order=order,
                        )
        if rule.empty:
            for entry in entries:
                provision = entry.provision
                if provision.text.strip() or provision.children:
                    continue
                name = _quote(provision.num) if provision.num else f"this {provision.kind}"
                has = "has a heading but no text" if provision.heading else "has no text"
                out.add(rule.severity, rule_id, f"{rule.description}: {name} {has}", entry)


# -- XPath assertions --------------------------------------------------------------------------


def _plain_xml(draft: Draft) -> etree._Element:
    """The draft's XML without its namespace, so assertions read `//article/heading`."""
    from draftkit.model.xmlio import to_xml_element

    root = to_xml_element(draft)
    for element in root.iter():
        if isinstance(element.tag, str):
            element.tag = etree.QName(element).localname
    etree.cleanup_namespaces(root)
    return root


def _true(value: object) -> bool:
    """XPath's boolean(): node-sets by emptiness, numbers by zero/NaN, strings by length."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float | int):
        return value != 0 and not math.isnan(value)
    if isinstance(value, str):
        return bool(value)
    if isinstance(value, list):
        return bool(value)
    return bool(value)


# What a schema author's XPath can raise while it runs (EXSLT re: functions raise re.error).
_XPATH_FAILURES = (etree.XPathError, re.error, ValueError, TypeError)


def _check_asserts(draft: Draft, schema: ClauseSchema, entries: list[_Entry], out: _Collector) -> None:
    active = [a for a in schema.asserts if a.severity != "off"]
    if not active:
        return
    root = _plain_xml(draft)
    by_eid = {entry.provision.eid: entry for entry in entries if entry.provision.eid}
    for rule in active:
        for node in _context_nodes(rule, root, schema):
            try:
                result = rule.test_xpath(node)
            except _XPATH_FAILURES as exc:
                raise SchemaError(
                    f'[[assert]] "{rule.id}" test {rule.test!r} fails on this draft: {exc}',
                    Where(schema.source),
                ) from None
            if _true(result):
                continue
            entry = _entry_of(node, by_eid)
            if entry is not None:
                out.add(rule.severity, f"assert.{rule.id}", rule.description, entry)
            else:
                out.add(rule.severity, f"assert.{rule.id}", rule.description, order=(2, 10_000, 0))


def _context_nodes(rule: Assertion, root: etree._Element, schema: ClauseSchema) -> list[etree._Element]:
    try:
        nodes = rule.context_xpath(root)
    except _XPATH_FAILURES as exc:
        raise SchemaError(
            f'[[assert]] "{rule.id}" context {rule.context!r} fails on this draft: {exc}',
            Where(schema.source),
        ) from None
    if not isinstance(nodes, list):
        raise SchemaError(
            f'[[assert]] "{rule.id}" context {rule.context!r} must select elements', Where(schema.source)
        )
    return [node for node in nodes if isinstance(node, etree._Element)]


# -- entry point -------------------------------------------------------------------------------


def validate(
    draft: Draft | str | os.PathLike[str],
    schema: ClauseSchema | str | os.PathLike[str] | None = None,
    *,
    view: View = "accept",
    limits: Limits | None = None,
) -> Report:
    """Check a draft (or a draft file) against a clause schema (default: framework texts)."""
    loaded = schema if isinstance(schema, ClauseSchema) else load_schema(schema)
    document = draft if isinstance(draft, Draft) else read(draft, view=view, limits=limits)
    entries = _entries(document)
    out = _Collector()
    notes: list[str] = []
    _check_relaxng(document, loaded, entries, out)
    _check_nesting(loaded, entries, out)
    _check_numbering(loaded, entries, out)
    _check_references(document, loaded, entries, out)
    _check_required(document, loaded, entries, out, notes)
    _check_forbidden(document, loaded, entries, out)
    _check_asserts(document, loaded, entries, out)
    return Report(
        findings=out.sorted(),
        schema=loaded.name,
        schema_source=loaded.source,
        source=document.source,
        notes=tuple(notes),
    )


__all__ = ["Finding", "Report", "Severity", "validate"]
