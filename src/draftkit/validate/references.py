"""Cross-references: every citation in a heading or text must name a provision of the draft.

Takes in the draft, the schema and the entries from `common`; finds citations with
`compare.refs` ("Article 4(2)", "point (b)") and numbered points ("point 12"), joins "point
(b) of paragraph 2 of Article 4" into one chain, leaves out citations of another instrument
("Article 51 of the Charter"), and hands on one `references.dangling` finding per chain that
does not resolve, saying why ("there is no Article 9 (the articles run from Article 1 to
Article 8)"). Guarantees: an absolute citation resolves among the draft's articles, annexes,
sections, chapters and parts (the same annex first); a relative one within the enclosing
article or annex, or the draft's top level when there is none; each citation is a look-up
in tables built once per draft, not a walk through the draft.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence

from draftkit.compare.citations import cite
from draftkit.compare.refs import Reference, find_references, label_value, number_key
from draftkit.model import Draft, Provision
from draftkit.model.numbering import digits_value, roman_to_int
from draftkit.records import record
from draftkit.validate.clause_schema import ClauseSchema
from draftkit.validate.common import PLURAL, Collector, Entry, normal

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
# "NATO's Article 5", "the Alliance's Article 5": a citation owned by a name is that body's
# instrument. "guarantees mirroring Article 5", "modelled on Article 5", "Article 5-style":
# a draft likens its terms to another instrument's article, never to one of its own.
_OWNED = re.compile(
    r"(?:\b(?P<owner>[A-Z][\w-]*)['’]s?|\b(?:mirroring|mirrors?|mirrored|modell?ed\s+on|akin\s+to"
    r"|in\s+the\s+spirit\s+of|analogous\s+to|equivalent\s+of))\s+$"
)
_LIKENED = re.compile(r"[-\s](?:like|style|type)\b")
_SELF_NAME = re.compile(r"\b(?:this|present)\s+(?P<w>[A-Z][\w-]*)")
_SINGULAR: dict[str, str] = {
    "para.": "paragraph",
    "paragraphs": "paragraph",
    "points": "point",
    "items": "item",
}
_CHAIN_GAP = re.compile(r"^\s*,?\s*of\s+(?:the\s+)?$")


@record
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
    # refs.py's references do not overlap, so sorted by start their ends rise too: the only
    # one a "point 12" can overlap is the first that ends after it starts.
    taken = sorted((ref.start, ref.end) for ref in found)
    starts = [a for a, _ in taken]
    ends = [b for _, b in taken]
    for m in _POINT_NUMBER.finditer(text):
        after = bisect_right(ends, m.start())
        if after == len(taken) or m.end() <= starts[after]:
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


def _ordinal_of(value: str) -> int | None:
    if value.isascii() and value.isdigit():
        return digits_value(value)
    key = number_key(value)  # "premier", "1er", "First", "الحادية عشرة"
    return digits_value(key) if key.isdecimal() else roman_to_int(value)


class _Resolver:
    """Answers where a citation leads, or why it leads nowhere, for one draft.

    Every question is a look-up in a table built once (issue 13): the top-level provisions by
    kind and number; a provision's children by number (`_by_value`), on first use; the levels
    below a provision, each by number, on first use. A draft citing thousands of provisions
    that are not there costs one look-up per citation, not a walk through the draft.
    """

    def __init__(self, draft: Draft, entries: list[Entry]) -> None:
        self.by_id = {id(entry.provision): entry for entry in entries}
        self.tops: dict[str, list[Entry]] = {}
        # (kind, value) and (kind, ordinal) → entries: "Annex 1" finds "ANNEX I" too.
        self.by_value: dict[tuple[str, str], list[Entry]] = {}
        self.by_ordinal: dict[tuple[str, int], list[Entry]] = {}
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
        # Built on first use, keyed by id(): provisions are equal by value, and two equal
        # provisions in different places are different places. Key id(None): the top level.
        self._children: dict[int, dict[str, list[Provision]]] = {}
        self._levels: dict[int, list[dict[str, list[Provision]]]] = {}
        self._holdings: dict[int, tuple[str, str]] = {}

    def external(self, text: str, start: int, end: int) -> bool:
        """Whether the citation at [start, end) cites another instrument. "of the Agreement" is
        this draft when it calls itself "this Agreement"; "of the Minsk Agreement" is not;
        "NATO's Article 5" and "mirroring Article 5" are another body's article."""
        before = _OWNED.search(text, max(0, start - 40), start)
        if before is not None and before["owner"] not in self.self_names:
            return True
        if _LIKENED.match(text, end):
            return True
        m = _EXTERNAL.match(text, end)
        if m is None:
            return False
        return bool(m.group("qual").strip()) or m.group("w") not in self.self_names

    # resolution returns (target, None) or (None, why)
    def top(self, kind: str, value: str, here: Entry) -> tuple[Provision | None, str | None]:
        candidates = self.tops.get(kind, [])
        matches = self.by_value.get((kind, value.casefold()), [])
        if not matches:
            wanted = _ordinal_of(value)
            matches = self.by_ordinal.get((kind, wanted), []) if wanted is not None else []
        if matches:
            same_scope = [e for e in matches if e.annex == here.annex]
            return (same_scope or matches)[0].provision, None
        name = f"{kind.capitalize()} {value}"
        if not candidates:
            return None, f"there is no {name} (the draft has no {PLURAL[kind]})"
        first = normal(candidates[0].provision.num or "")
        if len(candidates) == 1:
            return None, f"there is no {name} (the only {kind} is {first})"
        last = normal(candidates[-1].provision.num or "")
        return None, f"there is no {name} (the {PLURAL[kind]} run from {first} to {last})"

    def descend(self, target: Provision, values: Sequence[str]) -> tuple[Provision | None, str | None]:
        for value in values:
            child = _first(self.children(target), value, None)
            if child is None:
                kind_word, holds = self.holdings(target)
                return None, f"{self.cite(target)} has no {kind_word} {_display_value(value)}{holds}"
            target = child
        return target, None

    def relative(self, here: Entry, word: str, value: str) -> tuple[Provision | None, str | None]:
        kinds = _RELATIVE_KINDS.get(word, frozenset({"point", "paragraph", "subparagraph"}))
        scopes: list[Provision | None] = []
        for provision in reversed(here.path):
            scopes.append(provision)
            if provision.kind in ("article", "annex"):
                break
        else:
            scopes.append(None)  # no enclosing article: the draft's top level
        for scope in scopes:
            found = _first(self.children(scope), value, kinds)
            if found is not None:
                return found, None
        outer = scopes[-1]
        where = self.cite(outer) if outer is not None else "the draft"
        return None, f"there is no {_SINGULAR.get(word, word)} {_display_value(value)} in {where}"

    def within(self, target: Provision, word: str, value: str) -> tuple[Provision | None, str | None]:
        kinds = _RELATIVE_KINDS.get(word, frozenset({"point", "paragraph", "subparagraph"}))
        for level in self.levels(target):
            found = _first(level, value, kinds)
            if found is not None:
                return found, None
        return None, f"{self.cite(target)} has no {_SINGULAR.get(word, word)} {_display_value(value)}"

    def cite(self, provision: Provision) -> str:
        """How a message names `provision`: "Article 4(2)"."""
        entry = self.by_id.get(id(provision))
        return entry.citation() if entry is not None else cite([provision])

    def children(self, scope: Provision | None) -> dict[str, list[Provision]]:
        """`_by_value` of the children of `scope` (None: the draft's top level)."""
        key = id(scope)
        if key not in self._children:
            self._children[key] = _by_value(scope.children if scope is not None else self.roots)
        return self._children[key]

    def levels(self, target: Provision) -> list[dict[str, list[Provision]]]:
        """`_by_value` of each level below `target`, nearest first: where "point (b) of
        Article 4" looks, breadth first."""
        key = id(target)
        if key not in self._levels:
            levels: list[dict[str, list[Provision]]] = []
            queue = list(target.children)
            while queue:
                levels.append(_by_value(queue))
                queue = [child for provision in queue for child in provision.children]
            self._levels[key] = levels
        return self._levels[key]

    def holdings(self, target: Provision) -> tuple[str, str]:
        """What a message says `target` holds: the kind of its numbered children, and which."""
        key = id(target)
        if key not in self._holdings:
            self._holdings[key] = (_kind_word(target), _holds(target))
        return self._holdings[key]


def _display_value(value: str) -> str:
    """How a message shows a cited number: 4, (b), (iv)."""
    return value if value.isascii() and value.isdigit() else f"({value})"


def _by_value(provisions: Sequence[Provision]) -> dict[str, list[Provision]]:
    """The numbered provisions among `provisions` and, through unnumbered ones, their
    children, by the number a citation uses (case-folded), each list in document order."""
    table: dict[str, list[Provision]] = {}

    def add(children: Sequence[Provision]) -> None:
        for child in children:
            if child.num is None or not child.num.strip():
                add(child.children)
            else:
                table.setdefault(_value(child.num).casefold(), []).append(child)

    add(provisions)
    return table


def _first(table: dict[str, list[Provision]], value: str, kinds: frozenset[str] | None) -> Provision | None:
    """The first provision labelled `value` (any case) in a `_by_value` table, of `kinds` if given."""
    for provision in table.get(value.casefold(), ()):
        if kinds is None or provision.kind in kinds:
            return provision
    return None


def _kind_word(target: Provision) -> str:
    kinds = Counter(child.kind for child in target.children if child.num)
    return kinds.most_common(1)[0][0] if kinds else "provision numbered"


def _holds(target: Provision) -> str:
    nums = [normal(child.num) for child in target.children if child.num]
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


def _resolve_chain(resolver: _Resolver, here: Entry, chain: list[_Ref]) -> str | None:
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


def check_references(draft: Draft, schema: ClauseSchema, entries: list[Entry], out: Collector) -> None:
    """Add a finding for each citation of this draft that names no provision of it."""
    level = schema.references.dangling
    if level == "off":
        return
    resolver = _Resolver(draft, entries)
    for entry in entries:
        for text in (entry.provision.heading or "", entry.provision.text):
            if not text:
                continue
            for chain in _chains(_references(text), text):
                if resolver.external(text, chain[0].start, chain[-1].end):
                    continue
                why = _resolve_chain(resolver, entry, chain)
                if why is not None:
                    written = text[chain[0].start : chain[-1].end]
                    out.add(
                        level,
                        "references.dangling",
                        f'"{normal(written)}" does not resolve: {why}',
                        entry,
                        text=normal(written),
                    )
