"""Where each new provision sits in the base document: its paragraphs, and each line of its
text found in them (a slot: characters start..end of a paragraph).

Takes a provision and the paragraphs between its first one and the next provision's;
hands on a `Layout` (label paragraph, region, slots, the label paragraph's prefix) and
the layout modes both drafts are compared in. Reads the document, never edits it, and
guarantees that a layout whose `match()` is True has one slot per `provision_lines()`
entry, each holding exactly that line's text.
"""

from __future__ import annotations

import copy
import itertools
from dataclasses import dataclass
from typing import Final, Literal

from lxml import etree

from draftkit.model import Draft, Provision
from draftkit.readers.docx_text import capitals
from draftkit.records import record
from draftkit.render.wml import (
    W_NUMPR,
    W_P,
    W_PPR,
    W_PSTYLE,
    W_R,
    W_RPR,
    W_SECTPR,
    W_T,
    copy_ppr,
    paragraph_text,
    qn,
)

BODY: Final = qn("w:body")
TC: Final = qn("w:tc")
# Body-level elements that take no room: they may sit between paragraphs being joined.
ZERO_WIDTH: Final = frozenset(
    qn(f"w:{x}") for x in ("bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
                           "permStart", "permEnd", "proofErr")
)  # fmt: skip
CONTAINER_KINDS: Final = frozenset({"part", "chapter", "section", "article", "annex"})
_OUTLINE: Final = qn("w:outlineLvl")
_FLDCHAR, _FLDTYPE, _INSTR, _FLDSIMPLE = (
    qn("w:fldChar"),
    qn("w:fldCharType"),
    qn("w:instrText"),
    qn("w:fldSimple"),
)


def provision_lines(p: Provision) -> list[str]:
    """What a provision shows, one entry per paragraph: heading (if any), then its text."""
    lines = [] if p.heading is None else [p.heading]
    if p.text:
        lines.extend(p.text.split("\n"))
    elif p.heading is None:
        lines.append("")  # the (empty) text sits in the label's paragraph
    return lines


Mode = Literal["HL", "TL", "L"]


def mode(layout: Layout) -> Mode:
    """How a new provision sits in its paragraphs: heading in the label's paragraph ("HL"),
    first line of text there ("TL"), or the label alone, all else after it ("L")."""
    slots = layout.slots or []
    in_label = bool(slots) and slots[0].p is layout.label
    provision = layout.provision
    if provision.heading is not None:
        return "HL" if in_label else "L"
    if not provision.text:  # nothing shows which: an article's text would come after it
        return "L" if provision.kind in CONTAINER_KINDS else "TL"
    return "TL" if in_label else "L"


def old_mode(old: Provision, new: Mode) -> Mode:
    """How an old provision is laid out in the old view: like the new one where it can be."""
    if old.heading is not None:
        return "HL" if new in ("HL", "TL") else "L"
    if new == "TL" or (new == "HL" and old.kind not in CONTAINER_KINDS):
        return "TL"
    return "L"


def side_lines(p: Provision, mode: Mode) -> list[str]:
    """A provision's paragraphs in a layout mode, one string each."""
    text = p.text.split("\n") if p.text else []
    if mode == "HL":
        return [p.heading or "", *text]
    if mode == "TL":
        return text or [""]
    return ["", *([p.heading] if p.heading is not None else []), *text]


def head(p: Provision, mode: Mode) -> int:
    """How many of `side_lines` come before the text."""
    if mode == "HL":
        return 1
    if mode == "TL":
        return 0
    return 2 if p.heading is not None else 1


@record
class Slot:
    """Where one line of a provision is: characters start..end of paragraph `p`."""

    p: etree._Element
    start: int
    end: int


@dataclass(slots=True)
class Layout:
    """Where one new provision sits in the document."""

    provision: Provision
    position: int  # in Draft.walk() order
    label: etree._Element  # its first paragraph
    region: list[etree._Element]  # its paragraphs up to the next provision's
    matched: bool = False  # whether `slots` and `prefix` were looked for
    slots: list[Slot] | None = None  # one per `provision_lines()` entry; None when the text was not found
    prefix: str = ""  # the label paragraph's text before the first line (a typed label …)

    def match(self) -> bool:
        """Find each line in the paragraphs (once, before they are edited); False if not found."""
        if not self.matched:
            self.matched = True
            found = _match(self.provision, self.region)
            if found is not None:
                self.slots, self.prefix = found
        return self.slots is not None

    @property
    def typed(self) -> bool:
        """Whether the label is typed text (then it starts the prefix)."""
        num = self.provision.num
        return bool(num) and self.match() and self.prefix.lstrip().startswith(num or "")

    def typed_label(self, num: str | None) -> str | None:
        """How another provision's label would be typed in this one's style ("4." + tab)."""
        if not num or not self.typed:
            return None
        sep = self.prefix.lstrip()[len(self.provision.num or "") :]
        return num + (sep or " ")


def _suffix(text: str, line: str) -> tuple[int, int] | None:
    found = _stored_suffix(text, line)
    if found is None and line:
        # The reader reads text Word shows in capitals (w:caps, w:smallCaps) in capitals, the
        # runs keep the case typed: found in capitals, one character for one (`capitals`).
        found = _stored_suffix(capitals(text), capitals(line))
    return found


def _stored_suffix(text: str, line: str) -> tuple[int, int] | None:
    if text.endswith(line):
        return len(text) - len(line), len(text)
    stripped = text.rstrip()
    if stripped.endswith(line):
        return len(stripped) - len(line), len(stripped)
    return None


def _match(provision: Provision, region: list[etree._Element]) -> tuple[list[Slot], str] | None:
    """Find each line of `provision` in its paragraphs (as the reader split them)."""
    label = region[0]
    expected = provision_lines(provision)
    slots: list[Slot] = []
    texts = [paragraph_text(p) for p in region]
    k = 0
    for p, text in zip(region, texts, strict=True):
        if k < len(expected):
            line = expected[k]
            if line == "":
                if p is label:
                    end = len(text.rstrip())
                    slots.append(Slot(p, end, end))
                    k += 1
                    continue
                if not text.strip():
                    slots.append(Slot(p, 0, len(text)))
                    k += 1
                    continue
            else:
                found = _suffix(text, line)
                if found is not None:
                    slots.append(Slot(p, *found))
                    k += 1
                    continue
        if not text.strip():
            continue
        if p is label and not slots:
            continue  # a typed label alone, its heading in the next paragraph
        return None
    if k != len(expected):
        return None
    label_text = texts[0]
    prefix = label_text[: slots[0].start] if slots[0].p is label else label_text.rstrip()
    return slots, prefix


def may_be_typed(layout: Layout) -> bool:
    """A quick look whether the label paragraph starts with the label as text."""
    num = layout.provision.num
    if not num:
        return False
    text = "".join(t.text or "" for t in itertools.islice(layout.label.iter(W_T), 4))
    return text.lstrip().startswith(num[:1]) and paragraph_text(layout.label).lstrip().startswith(num)


def label_field(p: etree._Element) -> tuple[etree._Element, ...]:
    """Copies of the runs of the LISTNUM field that numbers paragraph `p` before its text,
    when it has no result (Word counts it where it is shown); () otherwise. Such a number is
    in no paragraph property, so a paragraph laid out like `p` has it only with these runs."""
    nodes = _label_field_nodes(p)
    if len(nodes) == 1 and nodes[0].tag == _FLDSIMPLE:
        return tuple(_field_run(part) for part in ("begin", nodes[0].get(qn("w:instr")) or "", "end"))
    copies = [copy.deepcopy(node) for node in nodes]
    if copies:
        for child in _after_field(copies[-1]):
            copies[-1].remove(child)
    return tuple(copies)


def own_label_field(p: etree._Element) -> list[etree._Element]:
    """The runs of the LISTNUM field that numbers `p` (see `label_field`) as they stand in `p`,
    to be tracked where they are; a simple field (`w:fldSimple`, which no revision may hold)
    is first written as the runs of a complex one, which Word counts the same."""
    nodes = _label_field_nodes(p)
    if len(nodes) == 1 and nodes[0].tag == _FLDSIMPLE:
        simple = nodes[0]
        runs = [_field_run(part) for part in ("begin", simple.get(qn("w:instr")) or "", "end")]
        for run in runs:
            simple.addprevious(run)
        parent = simple.getparent()
        assert parent is not None
        parent.remove(simple)
        return runs
    after = _after_field(nodes[-1]) if nodes else []
    if after:
        # The text after the field's end in its last run is the paragraph's: a run of its own.
        rest = etree.Element(W_R)
        rpr = nodes[-1].find(W_RPR)
        if rpr is not None:
            rest.append(copy.deepcopy(rpr))
        rest.extend(after)
        nodes[-1].addnext(rest)
    return nodes


def _after_field(run: etree._Element) -> list[etree._Element]:
    """What follows the field's end mark in the field's last run (text, a tab), if anything."""
    children = list(run)
    end = max(k for k, child in enumerate(children) if child.tag == _FLDCHAR)
    return [child for child in children[end + 1 :] if child.tag != W_RPR]


def _label_field_nodes(p: etree._Element) -> list[etree._Element]:
    """The LISTNUM field numbering `p` before its text, with no result: its runs, or its
    `w:fldSimple`; [] when there is none."""
    runs: list[etree._Element] = []
    depth, instruction = 0, ""
    for node in p.iter(W_R, _FLDSIMPLE):
        if node.tag == _FLDSIMPLE:
            instr = node.get(qn("w:instr")) or ""
            if depth or len(node) or not instr.strip().upper().startswith("LISTNUM"):
                return []
            return [node]
        if depth == 0 and any(t.text for t in node.iter(W_T)):
            return []  # text comes first: any number there is typed
        touched = depth > 0
        for child in node:
            kind = child.get(_FLDTYPE) if child.tag == _FLDCHAR else None
            touched = touched or child.tag in (_FLDCHAR, _INSTR)
            if kind == "begin":
                depth += 1
            elif kind == "separate":
                return []  # a result: shown as it stands, typed text to the reader
            elif kind == "end":
                depth -= 1
            elif child.tag == _INSTR:
                instruction += child.text or ""
        if touched:
            runs.append(node)
        if depth == 0 and runs:
            if instruction.strip().upper().startswith("LISTNUM"):
                return runs
            runs, instruction = [], ""
    return []


def _field_run(value: str) -> etree._Element:
    """A run of a complex field: its begin or end mark, or (any other value) its instruction."""
    run = etree.Element(W_R)
    if value in ("begin", "end"):
        etree.SubElement(run, _FLDCHAR).set(_FLDTYPE, value)
    else:
        etree.SubElement(run, _INSTR).text = value
    return run


def whole_slot(p: etree._Element) -> Slot:
    return Slot(p, 0, len(paragraph_text(p)))


def _alike(text: str, line: str) -> bool:
    """Whether a paragraph's stored text shows as the reader's line: the same, or the same in
    capitals (text Word shows in capitals, read so: see `_suffix`)."""
    return text == line or capitals(text) == capitals(line)


def within(text: str, line: str) -> tuple[int, int] | None:
    stripped = line.strip()
    if text.strip() != stripped:
        if not _alike(text.strip(), stripped):
            return None
        text, stripped = capitals(text), capitals(stripped)
    start = text.find(stripped)
    return start, start + len(stripped)


def cont_ppr(layout: Layout) -> etree._Element | None:
    """Properties of a paragraph continuing a provision's text (not its label paragraph)."""
    heading = 1 if layout.provision.heading is not None else 0
    for slot in reversed((layout.slots or [])[heading:]):
        if slot.p is not layout.label:
            return copy_ppr(slot.p.find(W_PPR))
    ppr = copy_ppr(layout.label.find(W_PPR))
    if ppr is not None:
        # Text after the label is neither numbered nor a heading (a heading by its style or
        # by an outline level of its own: DB006-Source3).
        for child in list(ppr):
            if child.tag in (W_NUMPR, W_PSTYLE, _OUTLINE):
                ppr.remove(child)
    return ppr


def significant_next(p: etree._Element) -> etree._Element | None:
    node = p.getnext()
    while node is not None and (not isinstance(node.tag, str) or node.tag in ZERO_WIDTH):
        node = node.getnext()
    return node


def ends_cleanly(p: etree._Element) -> bool:
    """Whether `p` can carry an inserted mark of its own: what follows is a paragraph (or
    the end, where an empty paragraph will be added)."""
    node = significant_next(p)
    return node is None or node.tag in (W_P, W_SECTPR)


def between(x: etree._Element, y: etree._Element) -> list[etree._Element] | None:
    """The empty paragraphs between x and y when only such stand between them, else None.
    Across table cells (x ends a cell, y is in another, or only one is in a table) nothing
    stands between them: the break there is the cell's, its row is tracked whole (`rows`)."""
    cell_x, cell_y = next(x.iterancestors(TC), None), next(y.iterancestors(TC), None)
    if cell_x is not cell_y:
        return []
    out: list[etree._Element] = []
    node = significant_next(x)
    while node is not None and node is not y:
        if node.tag != W_P or paragraph_text(node).strip():
            return None
        ppr = node.find(W_PPR)
        if ppr is not None and ppr.find(W_SECTPR) is not None:
            return None
        out.append(node)
        node = significant_next(node)
    return out if node is y else None


def front_paragraphs(
    paragraphs: list[etree._Element],
    title_at: list[int] | None,
    preamble_at: list[int] | None,
    new: Draft,
    top: etree._Element | None,
) -> tuple[list[Slot] | None, list[Slot] | None]:
    """The slots of the new draft's title lines and preamble lines in the base document (its
    `paragraphs`; `title_at`, `preamble_at`: their numbers where the base was written from the
    draft), each None where they cannot be found: a title only in the document properties,
    front lines that do not stand before the first provision (`top`) as the draft has them."""
    title_lines = (new.title or "").split("\n") if new.title else []
    preamble_lines = [line for item in new.preamble for line in item.split("\n")]
    if title_at is not None and preamble_at is not None:
        return [whole_slot(paragraphs[i - 1]) for i in title_at], [
            whole_slot(paragraphs[i - 1]) for i in preamble_at
        ]
    # A user's DOCX: the paragraphs before the first provision, matched by their text.
    if top is None:
        return None, None
    before: list[tuple[etree._Element, str]] = []
    for p in paragraphs:
        if p is top:
            break
        if next(p.iterancestors(W_P), None) is None:
            text = paragraph_text(p)
            if text.strip() and (not before or before[-1][0] is not p):
                before.append((p, text))
    title_slots: list[Slot] | None = []
    if title_lines and before and _alike(before[0][1].strip(), title_lines[0].strip()):
        for line, (p, text) in zip(title_lines, before, strict=False):
            found = within(text, line)
            if found is None:
                title_slots = None
                break
            assert title_slots is not None
            title_slots.append(Slot(p, *found))
        before = before[len(title_lines) :]
    elif title_lines:
        title_slots = None  # the title is elsewhere (document properties)
    preamble_slots: list[Slot] | None = []
    if len(before) != len(preamble_lines):
        return title_slots, None
    for line, (p, text) in zip(preamble_lines, before, strict=True):
        found = within(text, line)
        if found is None and text.strip() and line.endswith(text.strip()) and label_field(p):
            # A line the reader read with a LISTNUM field's number first (RP026-NumberingChange):
            # the paragraph whole, to insert or delete whole (a revision stream finds its
            # text no match, and is said, not written).
            found = within(text, text)
        if found is None:
            return title_slots, None
        assert preamble_slots is not None
        preamble_slots.append(Slot(p, *found))
    return title_slots, preamble_slots
