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

import re
from collections.abc import Sequence
from dataclasses import replace

from draftkit.errors import LimitError, Where
from draftkit.model import Kind, Location, Provision, ReadWarning
from draftkit.model.ids import next_eid
from draftkit.model.numbering import (
    LOOSE_SHAPE,
    Label,
    cased_like,
    format_number,
    parse_bullet,
    parse_exact,
    parse_label,
    parse_loose,
    romance_ordinal,
    romance_words,
)
from draftkit.model.placeholders import CLOSE, OPEN
from draftkit.readers.blocks import Block, is_all_caps
from draftkit.readers.frozen import new_provision
from draftkit.readers.limits import DEFAULT_MAX_DEPTH
from draftkit.records import record

# Rank of keyword kinds: lower ranks contain higher ones.
_RANK: dict[Kind, int] = {"part": 0, "chapter": 1, "section": 2, "article": 3, "point": 4}
_GROUP_KINDS = frozenset({"part", "chapter", "section", "article", "annex"})
_SEPARATORS = "—–-:.·|"
_TERMINAL = ".;:,。；：，؛،"  # with the Chinese/Japanese and Arabic stops and commas
_LOOKAHEAD = 60  # blocks searched for the next label of a shape ("(ii)" after "(i)")
_TABBED = re.compile(r"\S+\t")


def _fmt_family(label: Label) -> str:
    return label.fmt


class _Node:
    """A provision while the tree grows: what opened it, its texts and children so far.
    A plain slotted class: one is made per provision, and a dataclass's `__init__` (default
    factories, keywords) cost more than the rest of placing it."""

    __slots__ = (
        "children",
        "heading",
        "indent",
        "kind",
        "label",
        "level",
        "listed",
        "location",
        "rank",
        "signature",
        "texts",
    )

    def __init__(
        self,
        kind: Kind,
        label: Label | None,
        signature: tuple[str, str],
        rank: int | None,
        location: Location,
        heading: str | None = None,
    ) -> None:
        self.kind = kind
        self.label = label
        self.signature = signature
        self.rank = rank
        self.location = location
        self.heading = heading
        self.indent = 0  # leading spaces of the line that opened it (text input)
        self.level: int | None = None  # heading level (Word Heading 1-9, Markdown #) of an unnumbered group
        self.texts: list[str] = []
        self.children: list[_Node] | None = None  # made with the first child: most are leaves
        self.listed: tuple[int, int] | None = None  # (Word list, level) of an auto-numbered paragraph


@record
class Parsed:
    """What `build` returns: the parts of a Draft that come from the blocks."""

    title: str | None
    preamble: tuple[str, ...]
    provisions: tuple[Provision, ...]
    warnings: tuple[ReadWarning, ...] = ()


def _dotted(label: Label) -> bool:
    return label.kind is None and label.fmt == "decimal" and len(label.parts) > 1


class _Sequence:
    """The running numbering, per label shape, that decides whether a loosely printed or
    dotted number is a label ("3 Kastel …", "2.1") or text ("2027 will see …", "19.5 km",
    "16.09.2018")."""

    def __init__(self) -> None:
        self.last: dict[str, int] = {}
        self.children: dict[tuple[int, ...], int] = {}  # decimal number prefix → last part seen

    def continues(self, label: Label) -> bool:
        ordinal = label.ordinal or 0
        last = self.last.get(label.shape)
        return ordinal == 1 or (last is not None and ordinal == last + 1)

    def plausible(self, label: Label) -> bool:
        """A bare number far past its list ('2027.' after '1.') is a year or a quantity."""
        if label.kind is not None or label.fmt != "decimal" or label.ordinal is None:
            return True
        last = self.last.get(label.shape)
        return label.ordinal <= (last if last is not None else 0) + (10 if last is not None else 100)

    def dotted_plausible(self, label: Label) -> bool:
        """'2.1' after '2.', '2.2' after '2.1': a label; '19.5 km' or '16.09.2018' with no
        sequence around it: a number in the text."""
        parts = _number_parts(label)
        if parts is None:
            return False
        parent, last = parts[:-1], parts[-1]
        if parent in self.children:
            return last <= self.children[parent] + 3  # a gap is a warning, not text
        return last <= 1 and all(p <= 50 for p in parent)

    def see(self, label: Label) -> None:
        if label.ordinal is not None:
            self.last[label.shape] = label.ordinal
        if label.fmt == "decimal" and label.kind is None:
            parts = _number_parts(label)
            if parts is not None:
                parent, last = parts[:-1], parts[-1]
                before = self.children.get(parent)
                if before is None or before < last:
                    self.children[parent] = last


_READINGS: dict[Label, tuple[Label, Label]] = {}


def _readings(label: Label) -> tuple[Label, Label]:
    """The roman and the letter reading of an ambiguous label ("(i)"), each unambiguous;
    made once per label (a long list of points repeats a few dozen labels)."""
    found = _READINGS.get(label)
    if found is None:
        assert label.alt is not None
        found = (replace(label, alt=None), replace(label.alt, alt=None))
        if len(_READINGS) < 4096:  # bounded: labels come from the input
            _READINGS[label] = found
    return found


_PARTS: dict[tuple[str, ...], tuple[int, ...] | None] = {}


def _number_parts(label: Label) -> tuple[int, ...] | None:
    """('2', '1') -> (2, 1); None unless every part is digits. Read once per label text (a
    long list repeats a few hundred; bounded, since labels come from the input)."""
    parts = label.parts
    if parts in _PARTS:
        return _PARTS[parts]
    found = tuple(int(p) for p in parts) if all(p.isdigit() for p in parts) else None
    if len(_PARTS) < 4096:
        _PARTS[parts] = found
    return found


def _read_labels(blocks: Sequence[Block], warn: list[ReadWarning]) -> list[tuple[Label | None, str]]:
    """Every block's label and the rest of its text, read in document order so that the
    running sequence can decide what a bare number is."""
    sequence = _Sequence()
    out: list[tuple[Label | None, str]] = []
    for block in blocks:
        text = block.text.strip()
        if block.auto_label:
            found: tuple[Label, str] | None = (parse_exact(block.auto_label), text)
        else:
            found = parse_label(text)
            if found is not None and block.location.cell is not None and _table_word(found[0]):
                found = None  # "Phase 2 | Drava Corridor | …": a table's column, not a part
            elif found is not None and _dotted(found[0]) and not sequence.dotted_plausible(found[0]):
                found = None  # "19.5 km", "16.09.2018": a number, not a label
            elif (
                found is not None and not sequence.plausible(found[0]) and not _set_off(text, found[1], block)
            ):
                found = None  # "2027. It may be extended": a year, not point 2027
            if found is None:
                found = _loose(text, sequence, block, warn)
            if found is None:
                found = parse_bullet(text)
        if found is None:
            out.append((None, text))
            continue
        sequence.see(found[0])
        out.append(found)
    return out


# Keywords a table's first column holds as often as a draft's headings do ("Phase 2",
# "Step 3"): in a table cell they label no provision.
_TABLE_WORDS = frozenset({"phase", "stage", "step"})


def _table_word(label: Label) -> bool:
    return label.kind is not None and label.num.split(None, 1)[0].lower() in _TABLE_WORDS


def _set_off(text: str, rest: str, block: Block) -> bool:
    """A number set off as a label, however far from the running sequence: followed by a tab
    (layout: how Word sets a list number and a drafter types one; a year in a sentence is
    followed by a space), or alone in a word processor's paragraph ("28." whose tab the reader
    trimmed). The redline types the label of a deleted point so."""
    return _TABBED.match(text) is not None or (not rest and block.location.paragraph is not None)


def _loose(text: str, sequence: _Sequence, block: Block, warn: list[ReadWarning]) -> tuple[Label, str] | None:
    found = parse_loose(text)
    if found is None:
        return None
    label = found[0]
    if label.kind is not None or sequence.continues(label):
        return found
    last = sequence.last.get(LOOSE_SHAPE)
    if last is not None and last < (label.ordinal or 0) <= last + 5:
        warn.append(
            ReadWarning(
                "against-sequence",
                f"{label.num!r} at the start of a paragraph read as text: the numbering before it"
                f" is at {last}",
                block.location,
            )
        )
    return None


def _split_heading(rest: str, block: Block) -> tuple[str | None, str]:
    """Split what follows a keyword label into (heading, text)."""
    had_separator = rest[:1] in _SEPARATORS
    body = rest.lstrip(_SEPARATORS + " \t")
    if not body:
        return None, ""
    if body.startswith(OPEN) and body.endswith(CLOSE) and block.heading_level is None:
        return None, body  # a note or object the reader set in place ("⟦Footnote: …⟧"): text
    if block.heading_level is not None or is_all_caps(body):
        return body, ""
    if had_separator and rest[:1] not in ".:" and len(body) <= 150 and body[-1] not in ".;。；؛":
        return body, ""
    if not had_separator and len(body) <= 80 and body[-1] not in _TERMINAL:
        return body, ""
    return None, body


def _bare_kind(label: Label) -> Kind:
    if label.fmt == "decimal":
        return "subparagraph" if len(label.parts) > 1 else "paragraph"
    return "point"


# The closing formula and the signature blocks after it: final clauses, their own units.
_CLOSING = re.compile(
    r"^(?:done|signed|made|concluded) (?:at|in|on)\b|^in witness whereof\b|^fait (?:à|a|en)\b|^hecho en\b"
    r"|^совершено\b|^учинено\b|^вчинено\b|^підписано\b|^подписано\b|^в удостоверение\b|^на посвідчення\b",
    re.IGNORECASE,
)
_SIGNATORY = re.compile(
    r"^(?:for|on behalf of) (?:the )?[A-Z]|^pour (?:le|la|l['’])|^за [А-ЯІЇЄҐ]|^от имени\b|^від імені\b",
    re.IGNORECASE,
)


def _renumbered(label: Label, ordinal: int) -> str:
    """`label` with its last number replaced: '(b)' → '(c)', 'Article 4' → 'Article 5'."""
    value = label.value
    number = cased_like(format_number(ordinal, label.fmt), value)
    head, found, tail = label.num.rpartition(value)
    if found:
        return f"{head}{number}{tail}"
    # A number written otherwise than its value ("Article premier", "المادة الخامسة"): the
    # keyword, then the number.
    keyword, _, words = label.num.strip().partition(" ") if label.kind is not None else ("", "", "")
    if romance_ordinal(words) is not None:  # "ARTÍCULO TERCERO": in the label's own words
        number = romance_words(ordinal, words)
    return f"{keyword} {number}" if words else number


def _unnumbered(blocks: Sequence[Block], labels: Sequence[tuple[Label | None, str]]) -> bool:
    """Whether paragraphs are the provisions: a document (a memo, a plan published one line
    per point) where next to no paragraph carries a label. Where labels are the rule, an
    unlabelled paragraph is the text of the provision above it, or the preamble."""
    content = labelled = 0
    for block, (label, text) in zip(blocks, labels, strict=True):
        if label is not None and label.kind is not None:
            return False  # "Article 2": a structured draft, whatever its prose around
        if block.heading_level is not None or block.title or (not label and is_all_caps(text)):
            continue
        content += 1
        # A bullet marks a list, not a numbered draft: bullets hang under the paragraph
        # that introduces them.
        labelled += label is not None and not label.shape.startswith("bullet ")
    return labelled == 0 or labelled * 5 < content


_LEAD_IN_AT_MOST = 2  # paragraphs of a news page's opening before a lead-in and its bullets
_SWALLOWED = r"(?:^|[.;:!?\u201d\"]\s+|\n){n}(?:[.)º]|\s*[–—-])?\s*(?=[^\W\d_])"


class _Builder:
    def __init__(
        self, blocks: Sequence[Block], max_depth: int, max_provisions: int | None, source: str
    ) -> None:
        self.blocks = blocks
        self.max_depth = max_depth
        self.max_provisions = max_provisions
        self.source = source
        self.count = 0
        self.warnings: list[ReadWarning] = []
        self.labels = _read_labels(blocks, self.warnings)
        self.paragraph_mode = _unnumbered(blocks, self.labels)
        self.unnumbered: list[Location] = []  # paragraphs read as unnumbered provisions
        self.in_conclusions = False  # after "Done at …": signature blocks follow
        self.roots: list[_Node] = []
        self.stack: list[_Node] = []
        self.preamble: list[str] = []
        self.preamble_at: list[Location] = []  # where each preamble paragraph was read
        self.title: str | None = None
        self.list_signatures: dict[tuple[int, int], tuple[str, str]] = {}  # one per list level

    # -- ambiguity ---------------------------------------------------------------
    def _open_with(self, shape: str, fmt: str) -> _Node | None:
        wanted = (shape, fmt)
        for node in reversed(self.stack):
            if node.signature == wanted or (
                node.signature[0] == "list"
                and node.label is not None
                and node.label.shape == shape
                and node.label.fmt == fmt
            ):
                return node
        return None

    def _next_same_shape(self, index: int, shape: str) -> Label | None:
        labels = self.labels
        # By index, not a slice: the next label of a shape is most often a few blocks on.
        for i in range(index + 1, min(index + 1 + _LOOKAHEAD, len(labels))):
            label = labels[i][0]
            if label is not None and label.shape == shape and label.kind is None:
                return label
        return None

    def _resolve(self, index: int, label: Label) -> Label:
        """Choose roman or letter for '(i)', '(v)', '(x)': a letter when it continues an
        open letter list, unless the next label of its shape continues it as a roman."""
        if label.alt is None:
            return label
        roman, letter = _readings(label)
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
            top = self.stack[-1]
            if top.children is None:
                top.children = [node]
            else:
                top.children.append(node)
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

    def _list_open(self, own: int) -> bool:
        return any(n.listed is not None and n.listed[0] == own for n in self.stack)

    def _place_listed(self, node: _Node, own: int, level: int) -> None:
        """An auto-numbered paragraph: a sibling of the open paragraph of its list and level,
        closing deeper levels of its list; under the innermost open provision otherwise."""
        stack = self.stack
        for i in range(len(stack) - 1, -1, -1):
            listed = stack[i].listed
            if listed is not None and listed[0] == own:
                if listed[1] == level:
                    del stack[i:]
                    break
                if listed[1] < level:
                    del stack[i + 1 :]  # a shallower level of the same list stays open: nest under it
                    break
        else:
            # A list of its own (Word restarts a list with a new one): a sibling of an open
            # paragraph at the same level whose label looks the same, as a reader sees it.
            label = node.label
            for i in range(len(stack) - 1, -1, -1):
                other = stack[i]
                if (
                    other.listed is not None
                    and other.listed[1] == level
                    and other.label is not None
                    and label is not None
                    and (other.label.shape, other.label.fmt) == (label.shape, label.fmt)
                ):
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
        if not self.roots and self.preamble:
            # Only a lead-in ("DayLong:") or only a title and a line: the text is the provision,
            # never refused as empty.
            for text, location in zip(self.preamble, self.preamble_at, strict=True):
                node = _Node("paragraph", None, ("paragraph", ""), None, location)
                node.texts.append(text)
                self.roots.append(node)
                self.unnumbered.append(node.location)
            self.preamble.clear()
            self.preamble_at.clear()
        provisions = self._freeze(self.roots, "")
        if self.unnumbered:
            self.warnings.insert(
                0,
                ReadWarning(
                    "unnumbered",
                    f"no numbering: {len(self.unnumbered)} paragraph(s) read as unnumbered provisions",
                    self.unnumbered[0],
                ),
            )
        return Parsed(self.title, tuple(self.preamble), provisions, tuple(self.warnings))

    def _step(self, index: int) -> None:
        block = self.blocks[index]
        label, rest = self.labels[index]
        location = block.location
        if label is None:
            self._unlabelled(index, block, rest)
            return
        if label.alt is not None:
            label = self._resolve(index, label)
        self.in_conclusions = False
        own, level = block.auto_list, block.auto_level
        if label.kind is not None and own is None:
            heading, text = _split_heading(rest, block)
            node = _Node(label.kind, label, ("kw", label.kind), _RANK.get(label.kind), location, heading)
            if text:
                node.texts.append(text)
            self._place_keyword(node)
            return
        if own is not None and level is not None:
            # Word's list level says where an auto-numbered paragraph sits, whatever its label
            # looks like ("A|", "First.", "1.1" at level 0 are siblings).
            listed = (own, level)
            signature = self.list_signatures.get(listed)
            if signature is None:
                signature = self.list_signatures[listed] = ("list", f"{own}:{level}")
            # Fields past the location set after: a keyword call costs more than the node.
            node = _Node(label.kind or _bare_kind(label), label, signature, None, location)
            node.listed = listed
            heading, text = _split_heading(rest, block) if label.kind is not None else (None, rest)
            node.heading = heading
            if text:
                node.texts.append(text)
            if label.kind is not None and not self._list_open(own):
                # "ANNEX I" or "Article 1" opening its own list: the keyword's rank places it.
                node.rank = _RANK.get(label.kind)
                self._place_keyword(node)
                return
            self._place_listed(node, own, level)
            return
        kind = _bare_kind(label)
        signature = (label.shape, _fmt_family(label))
        if (
            label.fmt in ("upperRoman", "upperLetter")
            and is_all_caps(rest)
            and (not self.stack or any(n.signature == signature and n.kind == "section" for n in self.stack))
        ):
            # "II. SECURITY ARRANGEMENTS": a titled top-level group, not a point; so is the
            # next of its list, under which points stand open ("II." after "I." and its "2.").
            node = _Node("section", label, signature, _RANK["section"], location, rest)
            self._place_keyword(node)
            return
        node = _Node(kind, label, signature, None, location)
        node.indent = block.indent
        if rest:
            node.texts.append(rest)
        self._place_bare(node)

    def _unlabelled(self, index: int, block: Block, text: str) -> None:
        if not text:
            return
        if self._final_clause(block, text):
            return
        headingish = block.heading_level is not None or block.title or is_all_caps(text)
        if self._top_takes_heading() and (headingish or (len(text) <= 120 and text[-1] not in _TERMINAL)):
            self.stack[-1].heading = text.lstrip(_SEPARATORS + " ")
            return
        if headingish:
            if text.strip(" :.").lower() in {"preamble", "преамбула"} and not self.roots:
                return
            node = _Node("section", None, ("kw", "section"), _RANK["section"], block.location, text)
            if block.heading_level is not None and not block.title:
                # Heading 2 under Heading 1: heading levels nest as the document outline shows.
                node.level = block.heading_level
                while self.stack and not (
                    self.stack[-1].level is not None and self.stack[-1].level < node.level
                ):
                    self.stack.pop()
                self._attach(node)
                return
            self._place_keyword(node)
            return
        if self.paragraph_mode:
            if text.endswith(":") and (not self.roots or self._lead_in(index)):
                self._to_preamble(text, block)  # "The two sides agreed on the following steps:"
                return
            if self._short_heading(index, text):
                node = _Node("section", None, ("kw", "section"), _RANK["section"], block.location, text)
                self._place_keyword(node)
                return
            # Each paragraph is a provision: it closes any list above it and sits beside the
            # paragraphs of its heading.
            while self.stack and self.stack[-1].rank is None:
                self.stack.pop()
            node = _Node("paragraph", None, ("paragraph", ""), None, block.location)
            node.texts.append(text)
            self._attach(node)
            self.unnumbered.append(block.location)
            return
        if not self.stack:
            self._to_preamble(text, block)
            return
        if block.indent > 0 and self._indented(block, text):
            return
        self.stack[-1].texts.append(text)

    def _lead_in(self, index: int) -> bool:
        """At a paragraph ending in ':' that opens a list of bullets: whether the paragraphs
        above it are all plain paragraphs of the opening ("The two sides met in Sochi. …",
        "They agreed on the following:" then "• …"): the draft's preamble, moved there, and
        the bullets its points, not that paragraph's sub-points."""
        following = self.labels[index + 1][0] if index + 1 < len(self.labels) else None
        if following is None or not following.shape.startswith("bullet "):
            return False
        if len(self.roots) > _LEAD_IN_AT_MOST or not all(
            node.label is None and node.kind == "paragraph" and not node.children for node in self.roots
        ):
            return False  # more paragraphs than an opening: the draft's own, not its preamble
        for node in self.roots:
            self.unnumbered.remove(node.location)
            for text in node.texts:
                self._to_preamble_at(text, node.location)
        self.roots.clear()
        self.stack.clear()
        return True

    def _indented(self, block: Block, text: str) -> bool:
        """'  If Kastel attacks …' indented under '3. Varnia will receive …': an unnumbered
        sub-paragraph of point 3 (siblings when several are indented alike)."""
        top = self.stack[-1]
        if top.signature == ("indented", str(block.indent)):
            self.stack.pop()
        elif top.label is None or top.indent >= block.indent:
            return False
        node = _Node("paragraph", None, ("indented", str(block.indent)), None, block.location)
        node.indent = block.indent
        node.texts.append(text)
        self._attach(node)
        return True

    def _to_preamble(self, text: str, block: Block) -> None:
        self._to_preamble_at(text, block.location)

    def _to_preamble_at(self, text: str, location: Location) -> None:
        self.preamble.append(text)
        self.preamble_at.append(location)

    def _final_clause(self, block: Block, text: str) -> bool:
        """'Done at Halvern …' closes the provisions: it and each signature block after it
        ('For the Government of …', with its name and title lines) are final clauses."""
        opens = (self.roots or self.preamble) and _CLOSING.match(text) is not None
        signs = self.in_conclusions and _SIGNATORY.match(text) is not None
        if opens or signs:
            self.stack.clear()
            node = _Node("conclusion", None, ("conclusion", ""), None, block.location)
            node.texts.append(text)
            self._attach(node)
            self.in_conclusions = True
            return True
        if self.in_conclusions and self.stack and self.stack[-1].kind == "conclusion":
            self.stack[-1].texts.append(text)  # a signatory's name and title
            return True
        return False

    def _short_heading(self, index: int, text: str) -> bool:
        """In an unnumbered text, 'Ceasefire' or 'Disengagement of Forces' alone on a line
        before a paragraph: a heading that groups what follows, not a point."""
        if len(text) > 60 or text[-1] in _TERMINAL + '!?"”»)' or not text[:1].isupper():
            return False
        following = next((i for i in range(index + 1, len(self.blocks)) if self.labels[i][1]), None)
        if following is None:
            return False
        label, after = self.labels[following]
        return label is not None or len(after) > 60 or after[-1:] in _TERMINAL

    # -- what was guessed ------------------------------------------------------------
    def _freeze(self, nodes: list[_Node], parent_eid: str) -> tuple[Provision, ...]:
        """Sibling nodes as provisions, eids assigned, in document order; in the same pass,
        warn where siblings skip a number, and say when the point before the gap holds the
        missing number in its own text (a label glued into the point above)."""
        seen: dict[str, int] = {}
        previous: dict[tuple[str, str], _Node] = {}
        out: list[Provision] = []
        for node in nodes:
            label = node.label
            num = ordinal = None
            if label is not None:
                num, ordinal = label.num, label.ordinal
                if ordinal is not None and label.fmt != "other":
                    before = previous.get(node.signature)
                    if before is not None and before.label is not None and before.label.ordinal is not None:
                        expected = before.label.ordinal + 1
                        if ordinal > expected:
                            self._gap(before, node, expected)
                    previous[node.signature] = node
            eid = next_eid(parent_eid, node.kind, num, seen)
            out.append(
                new_provision(
                    node.kind,
                    num,
                    ordinal,
                    node.heading,
                    "\n".join(node.texts),
                    self._freeze(node.children, eid) if node.children else (),
                    eid,
                    None,
                    node.location,
                )
            )
        return tuple(out)

    def _gap(self, before: _Node, node: _Node, expected: int) -> None:
        assert before.label is not None and node.label is not None
        text = "\n".join(before.texts)
        missing = ", ".join(
            _renumbered(before.label, n)
            for n in range(expected, min(node.label.ordinal or expected, expected + 3))
        )
        if before.label.fmt == "decimal" and re.search(_SWALLOWED.format(n=expected), text):
            message = (
                f"{before.label.num!r} seems to hold {missing!r}: its text has {expected} inside,"
                f" and {node.label.num!r} follows it"
            )
            self.warnings.append(ReadWarning("swallowed-label", message, before.location))
            return
        message = f"numbering gap: {node.label.num!r} follows {before.label.num!r}: {missing} missing"
        self.warnings.append(ReadWarning("numbering-gap", message, node.location))


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
