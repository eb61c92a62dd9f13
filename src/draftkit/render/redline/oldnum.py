"""The old view's automatic numbers: each old provision's label as Word counts it once every
change is rejected, typed where the list cannot give it.

Takes the base once every action is written, the old provision each paragraph opens in
the old view (`opened`: a kept or revised provision's label paragraph, a deleted one's
first paragraph, an old part of a merge) and the revision; edits the document. Word
numbers a paragraph from its list's start value and the paragraphs of the list before
it, and the list is the new draft's: the reject-all view counts the old paragraphs from
the new start value (a list that starts at 12 now and started at 1), and counts the
paragraphs that only the old view has. The old view is counted here as the reader counts
it (`readers.wordnum`, the pre-change properties, a group of paragraphs whose removed
marks join them numbered from its last mark); an old provision whose paragraph would show
another number than its own gets its old label typed as a deleted run, with numbering
off (numId 0) in its old properties — as a deleted provision with no relative to count
along with is written — and is not counted, so the paragraphs after it are counted as
they will be. Guarantees that a document whose old numbers all come out right is left
as it was (the same bytes).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from lxml import etree

from draftkit.compare.changes import Comparison
from draftkit.model import FRONT_KINDS, Provision
from draftkit.readers.docx_text import choose_branch
from draftkit.readers.safezip import parse_xml
from draftkit.readers.wordnum import NumberingState, StyleSheet, decimal_number, parse_numbering, parse_styles
from draftkit.render.redline.base import Base
from draftkit.render.redline.layout import BODY
from draftkit.render.redline.locate import MC_ALTERNATE, W_TXBX, shown_branch
from draftkit.render.redline.rows import W_TBL, W_TC, W_TR, W_TRPR
from draftkit.render.wml import (
    NSMAP,
    W_INS,
    W_MOVETO,
    W_NUMPR,
    W_P,
    W_PPR,
    W_PSTYLE,
    W_R,
    W_RPR,
    W_VAL,
    Revision,
    RevisionIds,
    RunKind,
    copy_ppr,
    old_ppr_of,
    ppr_key,
    qn,
    range_rpr,
    revision_run,
    set_ppr_change,
)
from draftkit.render.wml._core import W_ILVL, W_NUMID, W_PPRCHANGE
from draftkit.render.wml._objects import rel_kind
from draftkit.render.wml._paragraph import ensure_ppr

W_MOVEFROM_START = qn("w:moveFromRangeStart")
_REMOVED = frozenset({W_INS, W_MOVETO})  # what the old view leaves out
_SHOWN = frozenset({qn("w:del"), qn("w:moveFrom")})
_TEXT = {qn("w:t"): None, qn("w:delText"): None, qn("w:tab"): "\t"}
_Numbering = tuple[int | None, int | None, str | None]  # numId, ilvl, pStyle


def label_paragraphs(
    comparison: Comparison, base: Base, moved: set[int], written: Mapping[etree._Element, Provision]
) -> dict[etree._Element, Provision]:
    """The paragraph each old provision opens in the old view, where known: a provision that
    stayed in place (kept, revised, split, the first of a merge) opens its new provision's
    first paragraph; `written` (the writer's: deleted provisions, later parts of a merge)
    adds the rest. `moved`: the changes shown at two places (`locate.moved_changes`)."""
    out: dict[etree._Element, Provision] = {}
    paragraphs, first = base.paragraphs, base.first
    for change in comparison.changes:
        if not change.old or not change.new or id(change) in moved:
            continue
        old, new = change.old[0], change.new[0]
        if old.kind in FRONT_KINDS or new.kind in FRONT_KINDS:
            continue
        start = first.get(id(new))
        if start is not None and 0 < start <= len(paragraphs):
            out[paragraphs[start - 1]] = old
    out.update(written)
    return out


def keep_old_numbers(
    base: Base, opened: Mapping[etree._Element, Provision], ids: RevisionIds, rev: Revision
) -> None:
    """Count the old view's automatic numbers; type the old label of each provision whose
    paragraph would show another (see the module's docstring)."""
    if not opened:
        return
    parts = dict(base.members)
    numbering = rel_kind(parts, base.main, "numbering")
    if numbering is None:
        return  # no list: no automatic number in either view
    styles_part = rel_kind(parts, base.main, "styles")
    styles = parse_styles(parse_xml(parts[styles_part], styles_part) if styles_part else None)
    state = NumberingState(parse_numbering(parse_xml(parts[numbering], numbering)), styles)
    counter = _Counter(state, styles, opened)
    body = base.document.find(BODY)
    if body is None:
        return
    view = _OldView(next(body.iter(W_TXBX), None) is not None)
    view.walk(body)
    view.flush()
    # A paragraph with no numbering or style of its own has the default style's numbering.
    plain: _Numbering | None = (None, None, None) if styles.resolve(None).num_id else None
    for group, props in view.groups:
        props = props or plain
        if props is not None:
            counter.count(group, props)
        if len(group) > 1:
            _join_keeps_the_mark(group, ids, rev)
    for group, provision in counter.wrong:
        _type_label(group, provision, ids, rev)


def _join_keeps_the_mark(group: list[etree._Element], ids: RevisionIds, rev: Revision) -> None:
    """A group whose removed marks join its paragraphs to a last one that shows no text in the
    old view (a heading Word numbers, with no words of its own): the removed paragraphs get
    that paragraph's old properties as theirs before this revision. Rejecting the group,
    Word keeps the properties of the mark that stays, the last's; LibreOffice, when that
    paragraph has no text, keeps the first's — its number ("2." where "Article 2" stood)
    and its list counted on. Recorded as theirs too, both show the last's."""
    last = group[-1]
    if _facts(last)[0] or _shows_text(last):
        return  # no mark stays (the group ends a cell or the body), or the last has text
    old = old_ppr_of(last)
    wanted = ppr_key(old)
    for p in group[:-1]:
        if ppr_key(old_ppr_of(p)) != wanted:
            set_ppr_change(p, old, ids, rev)


class _Counter:
    """Counts the old view's groups of paragraphs in order, noting the old provisions that
    would show a number other than their own (`wrong`)."""

    def __init__(self, state: NumberingState, styles: StyleSheet, opened: Mapping[etree._Element, Provision]):
        self.state = state
        self.styles = styles
        self.opened = opened
        self.wrong: list[tuple[list[etree._Element], Provision]] = []
        # Each paragraph properties' list and level (a function of the properties only; a
        # long draft has thousands of paragraphs and a handful of distinct properties).
        self._levels: dict[_Numbering, tuple[int, int] | None] = {}

    def count(self, group: list[etree._Element], numbering: _Numbering) -> None:
        """One paragraph of the old view (the paragraphs its removed marks join to its last,
        whose pre-change `numbering` it has)."""
        levels = self._levels
        if numbering not in levels:
            levels[numbering] = self._level(*numbering)
        numbered = levels[numbering]
        if numbered is None:
            return
        num_id, ilvl = numbered
        opened = self.opened
        if len(group) == 1:
            opens = [group[0]] if group[0] in opened else []
        else:
            # A paragraph whose words the old view leaves out (inserted) opens nothing there.
            first = _first_shown(group)
            opens = [p for p in group if p in opened and (p is first or _shows_text(p))]
        if len(opens) == 1 and opens[0] is _first_shown(group):
            provision = opened[opens[0]]
            if not self.state.count_showing(num_id, ilvl, provision.num):
                self.wrong.append((group, provision))  # typed, with numbering off: not counted
            return
        self.state.count(num_id, ilvl)

    def _level(self, num_id: int | None, ilvl: int | None, style: str | None) -> tuple[int, int] | None:
        """The list and level of a paragraph with these properties, if it is numbered."""
        resolved = self.styles.resolve(style)
        if num_id is None:
            num_id = resolved.num_id
        if not num_id:
            return None
        if ilvl is None:
            ilvl = resolved.ilvl
        if ilvl is None:
            ilvl = self.state.ilvl_for_style(num_id, resolved.chain) or 0
        return num_id, ilvl


class _OldView:
    """The old view's paragraphs in the reader's order (`readers.docx`: a text box's after
    its anchor, rows the old view has not and branches not shown left out), each as the
    group of paragraphs its removed marks join; a wholly removed group, empty in the old
    view, is left out."""

    def __init__(self, boxes: bool) -> None:
        self.boxes = boxes  # whether the document has text boxes (most have none)
        # Each group with the pre-change numbering properties of its last paragraph (the
        # mark that stays), None where it has none of its own.
        self.groups: list[tuple[list[etree._Element], _Numbering | None]] = []
        self.pending: list[etree._Element] = []

    def walk(self, container: etree._Element) -> None:
        for child in container:
            tag = child.tag
            if tag == W_P:
                removed, numbering = _facts(child)
                if removed:
                    self.pending.append(child)
                elif self.pending:
                    self.pending.append(child)
                    self.groups.append((self.pending, numbering))
                    self.pending = []
                else:
                    self.groups.append(([child], numbering))
                for box in _boxes(child) if self.boxes else ():
                    inner = _OldView(True)  # apart from any join still open in the body
                    inner.walk(box)
                    inner.flush()
                    self.groups.extend(inner.groups)
            elif tag == W_TBL:
                self.flush()  # no join across a table's edge
                self.walk(child)
                self.flush()
            elif tag == W_TR:
                trpr = child.find(W_TRPR)
                if trpr is None or trpr.find(W_INS) is None:
                    self.walk(child)
            elif tag == W_TC:
                self.walk(child)
                self.flush()
            elif tag == MC_ALTERNATE:
                chosen = choose_branch(child)
                if chosen is not None:
                    self.walk(chosen)
            elif isinstance(tag, str):
                self.walk(child)

    def flush(self) -> None:
        """Paragraphs whose removed mark found no paragraph to join: one, if they show text."""
        if self.pending and any(_shows_text(p) for p in self.pending):
            self.groups.append((self.pending, _facts(self.pending[-1])[1]))
        self.pending = []


def _boxes(p: etree._Element) -> list[etree._Element]:
    """The text boxes `p` anchors (not those inside them), in a branch that is shown."""
    out = []
    for box in p.iter(W_TXBX):
        inner = next(box.iterancestors(W_TXBX, W_P), None)
        if inner is p and shown_branch(box, p):
            out.append(box)
    return out


def _facts(p: etree._Element) -> tuple[bool, _Numbering | None]:
    """Whether the old view removes the mark of `p` (an inserted or moved-to mark), and its
    pre-change numbering properties (numId, ilvl, pStyle; None without any), as the reader
    reads them (`readers.docx`)."""
    ppr = p[0] if len(p) else None
    if ppr is None or ppr.tag != W_PPR:
        return False, None
    removed, change, numbering = _read(ppr)
    if change is None:
        return removed, numbering
    before = change.find(W_PPR)
    return removed, None if before is None else _read(before)[2]


def _read(ppr: etree._Element) -> tuple[bool, etree._Element | None, _Numbering | None]:
    """Paragraph properties read in one pass over their children (`find` costs more, for
    every paragraph of a long draft): whether they mark the paragraph's mark removed in the
    old view, their `w:pPrChange` (the last), their numbering (numId, ilvl, pStyle; None
    without any)."""
    removed = False
    change: etree._Element | None = None
    num_id = ilvl = None
    style: str | None = None
    for child in ppr:
        tag = child.tag
        if tag == W_NUMPR:
            for part in child:
                if part.tag == W_NUMID:
                    num_id = decimal_number(part.get(W_VAL))
                elif part.tag == W_ILVL:
                    ilvl = decimal_number(part.get(W_VAL))
        elif tag == W_PSTYLE:
            style = child.get(W_VAL)
        elif tag == W_RPR:
            removed = any(mark.tag in _REMOVED for mark in child)
        elif tag == W_PPRCHANGE:
            change = child
    return removed, change, None if num_id is None and style is None else (num_id, ilvl, style)


def _old_text(p: etree._Element) -> str:
    """The text `p` shows in the old view (its own, not its text boxes')."""
    out: list[str] = []
    for run in p.iter(W_R):
        if any(a.tag in _REMOVED for a in _up_to(run, p)) or next(run.iterancestors(W_TXBX, W_P)) is not p:
            continue
        for child in run:
            if child.tag in _TEXT:
                out.append(_TEXT[child.tag] or child.text or "")
    return "".join(out)


def _up_to(element: etree._Element, p: etree._Element) -> Iterator[etree._Element]:
    for ancestor in element.iterancestors():
        if ancestor is p:
            return
        yield ancestor


def _shows_text(p: etree._Element) -> bool:
    return bool(_old_text(p).strip())


def _first_shown(group: list[etree._Element]) -> etree._Element:
    """The paragraph of a group whose text comes first in the old view (else its last)."""
    if len(group) == 1:
        return group[0]
    return next((p for p in group if _shows_text(p)), group[-1])


def _old_only(p: etree._Element) -> bool:
    """Whether `p` is an old paragraph only: its mark deleted and every run of it too."""
    rpr = p.find(f"{W_PPR}/{W_RPR}")
    if rpr is None or not any(child.tag in _SHOWN for child in rpr):
        return False
    return all(any(a.tag in _SHOWN for a in _up_to(run, p)) for run in p.iter(W_R))


def _type_label(group: list[etree._Element], provision: Provision, ids: RevisionIds, rev: Revision) -> None:
    """The old label typed at the start of the group's text, and numbering off in the old
    properties of the group's paragraphs that count (a join keeps either's properties)."""
    first = _first_shown(group)
    num = provision.num
    shown = _old_text(first).lstrip()
    if num and not (shown.startswith(num) and shown[len(num) : len(num) + 1].isspace()):
        # Set off by a tab, as a deleted provision's typed label: read back as a label. In
        # a paragraph moved away, moved away with it, inside the move range (LibreOffice,
        # accepting a deletion before the range, keeps the paragraph's own properties for
        # the paragraph it joins).
        move = first.find(W_MOVEFROM_START)
        at = first.index(move) + 1 if move is not None else 1 if first.find(W_PPR) is not None else 0
        kind: RunKind = "moveFrom" if move is not None else "delete"
        first.insert(at, revision_run(kind, f"{num}\t", ids, rev, range_rpr(first, 0, 0)))
    for p in group:
        if p is not first and p is not group[-1] and not _shows_text(p):
            continue  # gone from the old view: its properties are no one's there
        ppr = ensure_ppr(p)
        change = ppr.find(W_PPRCHANGE)
        before = change.find(W_PPR) if change is not None else None
        if before is not None:
            _numbering_off(before)  # its old properties are recorded: changed there
        elif _old_only(p):
            _numbering_off(ppr)  # shown only in the old view: its own are the old ones
        else:
            set_ppr_change(p, without_numbering(ppr), ids, rev)


def _numbering_off(ppr: etree._Element) -> None:
    """Numbering switched off in `ppr` itself (`w:numId` 0 beats a style's)."""
    for numpr in ppr.findall(W_NUMPR):
        ppr.remove(numpr)
    numpr = etree.SubElement(ppr, W_NUMPR)
    etree.SubElement(numpr, qn("w:numId")).set(W_VAL, "0")
    style = ppr.find(W_PSTYLE)
    ppr.insert(ppr.index(style) + 1 if style is not None else 0, numpr)


def without_numbering(ppr: etree._Element | None) -> etree._Element:
    """Paragraph properties with numbering switched off (`w:numId` 0 beats a style's)."""
    out = copy_ppr(ppr) if ppr is not None else etree.Element(W_PPR, nsmap=NSMAP)
    assert out is not None
    _numbering_off(out)
    return out
