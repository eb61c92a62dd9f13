"""Blocks → provision tree. Every nesting decision draftkit makes lives in this module.

Guarantees: every block lands exactly once (title, preamble, a heading, or some
provision's own text); provisions keep document order; a label is kept as displayed.

How nesting is decided: each label has a *signature* — its keyword kind ("article") or,
for bare labels, its shape and format ("(#)" lower letters). A stack holds the open
provisions. A keyword label closes everything of the same or lower rank (a new Article
closes the previous Article and its points); a bare label whose signature is already open
becomes that provision's sibling; an unseen signature nests under the innermost open
provision. This is how a reader of the page infers the hierarchy, and it needs no
knowledge of the particular draft's numbering scheme.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from draftkit.errors import LimitError, Where
from draftkit.model import Kind, Location, Provision
from draftkit.model.ids import next_eid
from draftkit.model.numbering import Label, parse_exact, parse_label
from draftkit.readers.blocks import Block, is_all_caps
from draftkit.readers.limits import DEFAULT_MAX_DEPTH

# Rank of keyword kinds: lower ranks contain higher ones.
_RANK: dict[Kind, int] = {"part": 0, "chapter": 1, "section": 2, "article": 3, "point": 4}
_GROUP_KINDS = frozenset({"part", "chapter", "section", "article", "annex"})
_SEPARATORS = "—–-:.·|"
_TERMINAL = ".;:,"
_LOOKAHEAD = 60  # blocks searched for the next label of a shape ("(ii)" after "(i)")


def _fmt_family(label: Label) -> str:
    return label.fmt


@dataclass
class _Node:
    kind: Kind
    label: Label | None
    signature: tuple[str, str]
    rank: int | None
    location: Location
    heading: str | None = None
    texts: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)

    def freeze(self, parent_eid: str, seen: dict[str, int]) -> Provision:
        num = self.label.num if self.label else None
        eid = next_eid(parent_eid, self.kind, num, seen)
        below: dict[str, int] = {}
        return Provision(
            kind=self.kind,
            num=num,
            ordinal=self.label.ordinal if self.label else None,
            heading=self.heading,
            text="\n".join(self.texts),
            children=tuple(child.freeze(eid, below) for child in self.children),
            eid=eid,
            location=self.location,
        )


@dataclass(frozen=True, slots=True)
class Parsed:
    """What `build` returns: the parts of a Draft that come from the blocks."""

    title: str | None
    preamble: tuple[str, ...]
    provisions: tuple[Provision, ...]


def _label_of(block: Block) -> tuple[Label | None, str]:
    if block.auto_label:
        return parse_exact(block.auto_label), block.text.strip()
    found = parse_label(block.text)
    if found is None:
        return None, block.text.strip()
    return found


def _split_heading(rest: str, block: Block) -> tuple[str | None, str]:
    """Split what follows a keyword label into (heading, text)."""
    had_separator = rest[:1] in _SEPARATORS
    body = rest.lstrip(_SEPARATORS + " \t")
    if not body:
        return None, ""
    if block.heading_level is not None or is_all_caps(body):
        return body, ""
    if had_separator and rest[:1] not in ".:" and len(body) <= 150 and body[-1] not in ".;":
        return body, ""
    if not had_separator and len(body) <= 80 and body[-1] not in _TERMINAL:
        return body, ""
    return None, body


def _bare_kind(label: Label) -> Kind:
    if label.fmt == "decimal":
        return "subparagraph" if len(label.parts) > 1 else "paragraph"
    return "point"


class _Builder:
    def __init__(
        self, blocks: Sequence[Block], max_depth: int, max_provisions: int | None, source: str
    ) -> None:
        self.blocks = blocks
        self.max_depth = max_depth
        self.max_provisions = max_provisions
        self.source = source
        self.count = 0
        self.labels = [_label_of(b) for b in blocks]
        self.roots: list[_Node] = []
        self.stack: list[_Node] = []
        self.preamble: list[str] = []
        self.title: str | None = None

    # -- ambiguity ---------------------------------------------------------------
    def _open_with(self, shape: str, fmt: str) -> _Node | None:
        for node in reversed(self.stack):
            if node.signature == (shape, fmt):
                return node
        return None

    def _next_same_shape(self, index: int, shape: str) -> Label | None:
        for label, _ in self.labels[index + 1 : index + 1 + _LOOKAHEAD]:
            if label is not None and label.shape == shape and label.kind is None:
                return label
        return None

    def _resolve(self, index: int, label: Label) -> Label:
        """Choose roman or letter for '(i)', '(v)', '(x)': a letter when it continues an
        open letter list, unless the next label of its shape continues it as a roman."""
        alt = label.alt
        if alt is None:
            return label
        roman, letter = replace(label, alt=None), replace(alt, alt=None)
        open_roman = self._open_with(roman.shape, roman.fmt)
        if (
            open_roman is not None
            and open_roman.label
            and open_roman.label.ordinal == (roman.ordinal or 0) - 1
        ):
            return roman
        open_letter = self._open_with(letter.shape, letter.fmt)
        continues_letter = (
            open_letter is not None
            and open_letter.label is not None
            and open_letter.label.ordinal == (letter.ordinal or 0) - 1
        )
        if continues_letter:
            following = self._next_same_shape(index, label.shape)
            if (
                following is not None
                and following.fmt == roman.fmt
                and following.ordinal == (roman.ordinal or 0) + 1
                and (following.alt is None or following.alt.ordinal != (letter.ordinal or 0) + 1)
            ):
                return roman
            return letter
        if roman.ordinal == 1:
            return roman  # "(i)" opens a new roman list
        if open_letter is not None or roman.value.lower() in ("c", "d", "l", "m"):
            # A letter list that skips a letter ("(d)" after "(b)") is still a letter list:
            # a roman list does not start at 500.
            return letter
        return roman

    # -- placement ---------------------------------------------------------------
    def _where(self, location: Location) -> Where:
        return Where(self.source, location.paragraph, location.line if location.paragraph is None else None)

    def _attach(self, node: _Node) -> None:
        # Both limits are checked as the tree grows, before anything is frozen: a hostile
        # file fails fast instead of first building a huge tree.
        self.count += 1
        if self.max_provisions is not None and self.count > self.max_provisions:
            raise LimitError(
                f"more than {self.max_provisions:,} provisions, over the limit of {self.max_provisions:,}"
                " (raise with --max-provisions)",
                self._where(node.location),
            )
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.roots.append(node)
        self.stack.append(node)
        if len(self.stack) > self.max_depth:
            raise LimitError(
                f"provisions nest deeper than {self.max_depth} levels (raise with --max-depth)",
                self._where(node.location),
            )

    def _place_keyword(self, node: _Node) -> None:
        if node.kind == "annex":
            self.stack.clear()
        else:
            rank = node.rank if node.rank is not None else 0
            while self.stack and (
                self.stack[-1].rank is None
                or self.stack[-1].rank >= rank
                or (self.stack[-1].kind == "annex" and rank <= _RANK["section"])
            ):
                self.stack.pop()
        self._attach(node)

    def _place_bare(self, node: _Node) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].signature == node.signature:
                del self.stack[i:]
                break
        self._attach(node)

    def _top_takes_heading(self) -> bool:
        if not self.stack:
            return False
        top = self.stack[-1]
        return top.kind in _GROUP_KINDS and top.heading is None and not top.texts and not top.children

    # -- the walk ------------------------------------------------------------------
    def run(self) -> Parsed:
        start = 0
        if self.blocks and self.labels[0][0] is None and len(self.blocks) > 1:
            first = self.blocks[0]
            text = first.text.strip()
            if (
                first.title
                or first.heading_level == 1
                or is_all_caps(text)
                or (len(text) <= 200 and text[-1:] not in _TERMINAL)
            ):
                self.title = text
                start = 1
        for index in range(start, len(self.blocks)):
            self._step(index)
        seen: dict[str, int] = {}
        provisions = tuple(node.freeze("", seen) for node in self.roots)
        return Parsed(self.title, tuple(self.preamble), provisions)

    def _step(self, index: int) -> None:
        block = self.blocks[index]
        label, rest = self.labels[index]
        location = block.location
        if label is None:
            self._unlabelled(block, rest)
            return
        label = self._resolve(index, label)
        if label.kind is not None:
            heading, text = _split_heading(rest, block)
            node = _Node(label.kind, label, ("kw", label.kind), _RANK.get(label.kind), location, heading)
            if text:
                node.texts.append(text)
            self._place_keyword(node)
            return
        kind = _bare_kind(label)
        signature = (label.shape, _fmt_family(label))
        if label.fmt in ("upperRoman", "upperLetter") and not self.stack and is_all_caps(rest):
            # "II. SECURITY ARRANGEMENTS": a titled top-level group, not a point.
            node = _Node("section", label, signature, _RANK["section"], location, rest)
            self._place_keyword(node)
            return
        node = _Node(kind, label, signature, None, location)
        if rest:
            node.texts.append(rest)
        self._place_bare(node)

    def _unlabelled(self, block: Block, text: str) -> None:
        if not text:
            return
        headingish = block.heading_level is not None or block.title or is_all_caps(text)
        if self._top_takes_heading() and (headingish or (len(text) <= 120 and text[-1] not in _TERMINAL)):
            self.stack[-1].heading = text.lstrip(_SEPARATORS + " ")
            return
        if headingish:
            if text.strip(" :.").lower() in {"preamble", "преамбула"} and not self.roots:
                return
            node = _Node("section", None, ("kw", "section"), _RANK["section"], block.location, text)
            self._place_keyword(node)
            return
        if not self.stack:
            self.preamble.append(text)
            return
        self.stack[-1].texts.append(text)


def build(
    blocks: Sequence[Block],
    *,
    max_depth: int = DEFAULT_MAX_DEPTH,
    max_provisions: int | None = None,
    source: str = "<draft>",
) -> Parsed:
    """Turn a reader's blocks into title, preamble and the provision tree (eids assigned);
    a `LimitError` naming `source` when the tree nests deeper than `max_depth` or holds
    more than `max_provisions` provisions."""
    return _Builder(blocks, max_depth, max_provisions, source).run()
