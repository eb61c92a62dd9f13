"""Paragraph marks and paragraph properties: mark a paragraph inserted, deleted or moved,
read its mark, compare and record its properties, and write word-level ops into paragraphs.

Takes paragraphs (`w:p`), revision kinds and an id allocator; hands on marked paragraphs.
Guarantees schema order (`w:ins`/`w:del` first in the mark's `w:rPr`, which comes before
`w:sectPr`/`w:pPrChange`), one mark per paragraph, and that `fill_paragraphs` gives the
new text on accept-all and the old on reject-all, paragraph breaks included.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable

from lxml import etree

from draftkit.render.wml._build import add_deleted, add_inserted, add_run
from draftkit.render.wml._core import (
    MARK_TAG_SET,
    MARK_TAGS,
    W_DEL,
    W_INS,
    W_MOVEFROM,
    W_MOVETO,
    W_P,
    W_PPR,
    W_PPRCHANGE,
    W_R,
    W_RPR,
    W_RPRCHANGE,
    W_SECTPR,
    MarkKind,
    OpKind,
    Revision,
    RevisionIds,
    RevisionKind,
    qn,
    set_revision_attrs,
)

# Children of w:pPr that the schema puts after w:rPr; the mark's w:rPr goes before them.
_AFTER_PPR_RPR = {qn("w:sectPr"), qn("w:pPrChange")}


def mark_paragraph(p: etree._Element, kind: RevisionKind, ids: RevisionIds, rev: Revision) -> None:
    """Mark the paragraph mark of `p` as inserted or deleted (`w:pPr/w:rPr/w:ins|w:del`).

    An inserted mark means rejecting joins `p` with the next paragraph (a split was made);
    a deleted mark means accepting joins them (a merge).
    """
    rpr = _mark_rpr(p)
    marker = etree.SubElement(rpr, W_INS if kind == "ins" else W_DEL)
    set_revision_attrs(marker, ids, rev)
    # The schema wants w:ins/w:del first in a paragraph mark's w:rPr.
    rpr.insert(0, marker)


def _mark_rpr(p: etree._Element) -> etree._Element:
    """The `w:rPr` of the paragraph mark of `p`, created in schema order when missing."""
    # SubElement, then move: created inside the tree, the element shares its namespace map.
    ppr = p.find(W_PPR)
    if ppr is None:
        ppr = etree.SubElement(p, W_PPR)
        p.insert(0, ppr)
    rpr = ppr.find(W_RPR)
    if rpr is None:
        rpr = etree.SubElement(ppr, W_RPR)
        for i, child in enumerate(ppr):
            if child.tag in _AFTER_PPR_RPR:
                ppr.insert(i, rpr)
                break
    return rpr


def _old_mark_properties(p: etree._Element) -> list[etree._Element]:
    """The run properties of the mark of `p` once its recorded change is rejected (its
    revision marks aside)."""
    rpr = p.find(f"{W_PPR}/{W_RPR}")
    if rpr is None:
        return []
    change = rpr.find(W_RPRCHANGE)
    if change is not None:
        old = change.find(W_RPR)
        return list(old) if old is not None else []
    return [child for child in rpr if child.tag not in MARK_TAG_SET]


def join_mark(p: etree._Element, first: etree._Element, ids: RevisionIds, rev: Revision) -> None:
    """Rejecting the inserted mark of `first` joins it to `p`, whose mark stays: where their
    marks' run properties then differ, `p` records `first`'s as its own before this revision
    (`w:rPrChange` in its mark's `w:rPr`), so the joined paragraph's mark is the same
    whichever paragraph's a word processor keeps (DocumentBuilder01 Source3: a preamble
    paragraph's mark in 9 pt Calibri, the moved paragraph after it in 5 pt Arial)."""
    before = _old_mark_properties(first)
    if [etree.tostring(c, method="c14n") for c in before] == [
        etree.tostring(c, method="c14n") for c in _old_mark_properties(p)
    ]:
        return
    rpr = _mark_rpr(p)
    for child in list(rpr):
        if child.tag == W_RPRCHANGE:
            rpr.remove(child)
    change = etree.SubElement(rpr, W_RPRCHANGE)  # last: the schema puts it after the properties
    set_revision_attrs(change, ids, rev)
    recorded = etree.SubElement(change, W_RPR)
    for child in before:
        recorded.append(copy.deepcopy(child))


# The revisions the view that takes a paragraph's mark away removes with it: rejecting an
# inserted (moved-to) mark removes insertions, accepting a deleted (moved-from) one deletions.
_UNDONE_WITH: dict[MarkKind, tuple[str, str]] = {
    "ins": (W_INS, W_MOVETO),
    "moveTo": (W_INS, W_MOVETO),
    "del": (W_DEL, W_MOVEFROM),
    "moveFrom": (W_DEL, W_MOVEFROM),
}


def shows_without_mark(p: etree._Element, mark: MarkKind) -> bool:
    """Whether paragraph `p`, its mark revised as `mark`, keeps content of its own (a run's
    text or object, not a text box's inner paragraphs) in the view that takes that mark away:
    there it joins the next paragraph."""
    removed = _UNDONE_WITH[mark]
    for run in p.iter(W_R):
        if next(run.iterancestors(W_P)) is not p or all(child.tag == W_RPR for child in run):
            continue
        if not any(a.tag in removed for a in _up_to(run, p)):
            return True
    return False


def _up_to(element: etree._Element, p: etree._Element) -> Iterable[etree._Element]:
    """The ancestors of `element` below paragraph `p`."""
    for ancestor in element.iterancestors():
        if ancestor is p:
            return
        yield ancestor


def fill_paragraphs(
    ops: Iterable[tuple[OpKind, str]],
    first: etree._Element,
    make_next: Callable[[], etree._Element],
    ids: RevisionIds,
    rev: Revision,
) -> list[etree._Element]:
    """Write word-level ops as runs into `first` and, at each "\n", into a new paragraph.

    "equal" text becomes plain runs, "insert" `w:ins`, "delete" `w:del` with `w:delText`.
    A "\n" ends the current paragraph; inside an insert or delete its paragraph mark gets
    that revision, so accept-all gives the ops' new text and reject-all the old, paragraph
    breaks included. Marks sit on the paragraph before the break, so the last paragraph
    written never carries one (LibreOffice ignores a deletion mark on a document's last
    paragraph). Where a marked break joins two paragraphs with different properties, the
    second records the properties it has in the other view (`w:pPrChange`), so the joined
    paragraph is the first one's whichever paragraph a word processor keeps. Returns the
    paragraphs written, `first` included.
    """
    paragraphs = [first]
    current = first
    for kind, text in ops:
        if not text:
            continue
        pieces = text.split("\n")
        for i, piece in enumerate(pieces):
            if piece:
                match kind:
                    case "equal":
                        add_run(current, piece)
                    case "insert":
                        add_inserted(current, piece, ids, rev)
                    case "delete":
                        add_deleted(current, piece, ids, rev)
            if i < len(pieces) - 1:
                match kind:
                    case "insert":
                        mark_paragraph(current, "ins", ids, rev)
                    case "delete":
                        mark_paragraph(current, "del", ids, rev)
                    case "equal":
                        pass
                nxt = make_next()
                if kind == "insert":
                    # Rejected, the break goes: the joined paragraph is `current`'s (as it
                    # was before this revision).
                    before = old_ppr_of(current)
                    if ppr_key(before) != ppr_key(nxt.find(W_PPR)):
                        set_ppr_change(nxt, before, ids, rev)
                    join_mark(nxt, current, ids, rev)
                elif kind == "delete" and ppr_key(current.find(W_PPR)) != ppr_key(nxt.find(W_PPR)):
                    # Accepted, the break goes: in the new text `nxt` continues `current`
                    # and has its properties; in the old it had its own.
                    own = copy_ppr(nxt.find(W_PPR))
                    for child in list(nxt):
                        if child.tag == W_PPR:
                            nxt.remove(child)
                    taken = copy_ppr(current.find(W_PPR))
                    if taken is not None:
                        nxt.insert(0, taken)
                    set_ppr_change(nxt, own, ids, rev)
                current = nxt
                paragraphs.append(current)
    return paragraphs


def ensure_ppr(p: etree._Element) -> etree._Element:
    """The `w:pPr` of `p`, created as its first child when missing."""
    ppr = p.find(W_PPR)
    if ppr is None:
        ppr = etree.SubElement(p, W_PPR)
        p.insert(0, ppr)
    return ppr


def paragraph_mark(p: etree._Element) -> MarkKind | None:
    """'ins', 'del', 'moveFrom' or 'moveTo' when the mark of `p` carries that revision."""
    rpr = p.find(f"{W_PPR}/{W_RPR}")
    if rpr is None:
        return None
    for child in rpr:
        if child.tag == W_INS:
            return "ins"
        if child.tag == W_DEL:
            return "del"
        if child.tag == W_MOVEFROM:
            return "moveFrom"
        if child.tag == W_MOVETO:
            return "moveTo"
    return None


def mark_paragraph_as(p: etree._Element, kind: MarkKind | None, ids: RevisionIds, rev: Revision) -> None:
    """Like `mark_paragraph`, also for moves; a mark already there is replaced (None: taken
    off, the mark's run properties kept)."""
    rpr = p.find(f"{W_PPR}/{W_RPR}")
    if rpr is not None:
        for child in list(rpr):
            if child.tag in MARK_TAG_SET:
                rpr.remove(child)
    if kind is None:
        return
    if kind == "ins" or kind == "del":
        mark_paragraph(p, kind, ids, rev)
        return
    mark_paragraph(p, "ins", ids, rev)
    marker = p.find(f"{W_PPR}/{W_RPR}/{W_INS}")
    assert marker is not None
    marker.tag = MARK_TAGS[kind]


_PPR_NOT_PROPERTIES = frozenset({W_RPR, W_SECTPR, W_PPRCHANGE})


def copy_ppr(ppr: etree._Element | None) -> etree._Element | None:
    """A copy of paragraph properties for a new paragraph: no mark revisions, no section
    break, no recorded change."""
    if ppr is None:
        return None
    out = copy.deepcopy(ppr)
    for child in list(out):
        if child.tag in (W_SECTPR, W_PPRCHANGE):
            out.remove(child)
        elif child.tag == W_RPR:
            for mark in list(child):
                if mark.tag in MARK_TAG_SET or mark.tag == W_RPRCHANGE:
                    child.remove(mark)
            if len(child) == 0:
                out.remove(child)
    return out


def old_ppr_of(p: etree._Element) -> etree._Element | None:
    """The paragraph properties of `p` once its recorded property change is rejected."""
    ppr = p.find(W_PPR)
    if ppr is None:
        return None
    change = ppr.find(W_PPRCHANGE)
    if change is not None:
        return change.find(W_PPR)
    return ppr


def ppr_key(ppr: etree._Element | None) -> bytes:
    """Paragraph properties (not the mark's run properties) in a comparable form."""
    if ppr is None:
        return b""
    parts = [etree.tostring(c, method="c14n") for c in ppr if c.tag not in _PPR_NOT_PROPERTIES]
    return b"".join(parts)


def set_ppr_change(p: etree._Element, old: etree._Element | None, ids: RevisionIds, rev: Revision) -> None:
    """Record that the paragraph properties of `p` were `old` before this revision."""
    ppr = ensure_ppr(p)
    for child in list(ppr):
        if child.tag == W_PPRCHANGE:
            ppr.remove(child)
    change = etree.SubElement(ppr, W_PPRCHANGE)
    set_revision_attrs(change, ids, rev)
    before = etree.SubElement(change, W_PPR)
    if old is not None:
        for child in old:
            if child.tag not in _PPR_NOT_PROPERTIES:
                before.append(copy.deepcopy(child))
