"""Resolving tracked changes already in a part: accept all, or reject all, in place.

Takes a part root (a DOCX that already holds tracked changes) and a view; hands on the
root in that view and, for each paragraph whose removed mark joined it to the next, the
paragraph that now holds its text. Guarantees that no revision markup (content, marks,
formatting, moves, range markers) is left, so a redline shows draftkit's revisions only.
"""

from __future__ import annotations

from typing import Literal

from lxml import etree

from draftkit.render.wml._core import (
    MARK_TAG_SET,
    W_DEL,
    W_DELTEXT,
    W_INS,
    W_MOVEFROM,
    W_MOVETO,
    W_P,
    W_PPR,
    W_PPRCHANGE,
    W_R,
    W_RPR,
    W_SECTPR,
    W_T,
    qn,
)

_FORMAT_CHANGES = frozenset(
    qn(f"w:{x}") for x in ("rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "trPrChange",
                           "tcPrChange", "tblGridChange", "tblPrExChange", "numberingChange")
)  # fmt: skip
_RANGE_MARKERS = frozenset(
    qn(f"w:{x}") for x in ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
                           "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart",
                           "customXmlDelRangeEnd", "customXmlMoveFromRangeStart", "customXmlMoveFromRangeEnd",
                           "customXmlMoveToRangeStart", "customXmlMoveToRangeEnd")
)  # fmt: skip
_REVISION_TAGS = MARK_TAG_SET | _FORMAT_CHANGES | _RANGE_MARKERS | {qn("w:cellIns"), qn("w:cellDel")}
# Where a recorded formatting change stands: the properties it replaces on rejection. One
# anywhere else (damaged markup: a pPrChange in the body) replaces nothing.
_PROPERTIES = frozenset(
    qn(f"w:{x}") for x in ("pPr", "rPr", "sectPr", "tblPr", "trPr", "tcPr", "tblGrid", "tblPrEx", "numPr")
)


def has_revisions(root: etree._Element) -> bool:
    """Whether a part holds any tracked change (content, marks, formatting, moves)."""
    return any(True for _ in root.iter(*_REVISION_TAGS))


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    assert parent is not None
    for child in list(element):
        element.addprevious(child)
    parent.remove(element)


_M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_MATH = frozenset({f"{{{_M_NS}}}oMath", f"{{{_M_NS}}}oMathPara"})
_M_T = f"{{{_M_NS}}}t"


def _outermost_math(element: etree._Element) -> etree._Element | None:
    found = None
    for ancestor in element.iterancestors():
        if ancestor.tag in _MATH:
            found = ancestor
    return found


def _tag_of(element: etree._Element | None) -> object:
    return None if element is None else element.tag


def _parent_of(element: etree._Element | None) -> etree._Element | None:
    return None if element is None else element.getparent()


def resolve_revisions(
    root: etree._Element, view: Literal["accept", "original"]
) -> dict[etree._Element, etree._Element]:
    """Accept (or reject) every tracked change in `root`, in place.

    Paragraphs whose removed mark joins them to the next paragraph are merged into it (the
    next paragraph keeps its properties, as a paragraph mark carries them). Returns, for
    each paragraph so merged away, the paragraph that now holds its text.
    """
    accept = view == "accept"
    shown = (W_INS, W_MOVETO) if accept else (W_DEL, W_MOVEFROM)
    removed = (W_DEL, W_MOVEFROM) if accept else (W_INS, W_MOVETO)
    joins: list[etree._Element] = []
    equations: list[etree._Element] = []  # equations a removed revision was inside
    for element in list(root.iter(*_REVISION_TAGS)):
        parent = element.getparent()
        if parent is None:
            continue
        tag = element.tag
        if tag in _RANGE_MARKERS:
            parent.remove(element)
        elif tag in _FORMAT_CHANGES:
            if not accept and parent.tag in _PROPERTIES:
                # The recorded properties replace the current ones (a paragraph keeps its
                # mark's run properties and its section break).
                keep = (W_RPR, W_SECTPR) if tag == W_PPRCHANGE else ()
                for child in list(parent):
                    if child is not element and child.tag not in keep:
                        parent.remove(child)
                old = element[0] if len(element) else None
                for i, child in enumerate(list(old) if old is not None else ()):
                    parent.insert(i, child)
            parent.remove(element)
        elif tag in (qn("w:cellIns"), qn("w:cellDel")):
            parent.remove(element)
        elif parent.tag == W_RPR and _tag_of(parent.getparent()) == W_PPR:
            # A paragraph mark.
            parent.remove(element)
            p = _parent_of(parent.getparent())
            if tag in removed and p is not None and p.tag == W_P:
                joins.append(p)
        elif parent.tag == qn("w:trPr"):
            parent.remove(element)
            row = parent.getparent()
            table = _parent_of(row)
            # Only a row of a table: a damaged w:tr outside one leaves the body where it is.
            if tag in removed and row is not None and table is not None and table.tag == qn("w:tbl"):
                table.remove(row)
                container = table.getparent()
                if container is not None and table.find(qn("w:tr")) is None:
                    container.remove(table)  # its every row removed: a table needs one
        elif tag in removed:
            math = _outermost_math(element)
            if math is not None:
                equations.append(math)
            parent.remove(element)
        elif tag in shown:
            if not accept:
                for text in element.iter(W_DELTEXT, qn("w:delInstrText")):
                    text.tag = W_T if text.tag == W_DELTEXT else qn("w:instrText")
            _unwrap(element)
    # An equation whose every run was removed (inserted whole, rejected) goes whole.
    for math in equations:
        container = math.getparent()
        if container is not None and not any(t.text for t in math.iter(_M_T)):
            container.remove(math)
    merged: dict[etree._Element, etree._Element] = {}
    for p in joins:
        if p.getparent() is None:
            continue
        following = p.getnext()
        while following is not None and not isinstance(following.tag, str):
            following = following.getnext()
        if following is None or following.tag != W_P:
            # Nothing to join (end of a cell, a table next): the mark stays. At the body's end
            # a paragraph left empty goes, as the reader drops it (nothing shown, no number
            # counted): kept, it showed its list's number (FA 002-DeletedNumberedParagraphs).
            container, previous = p.getparent(), p.getprevious()
            if (
                (following is None or following.tag == W_SECTPR)
                and container is not None
                and container.tag == qn("w:body")
                and previous is not None
                and previous.tag == W_P
                and all(c.tag == W_PPR or (c.tag == W_R and all(r.tag == W_RPR for r in c)) for c in p)
            ):
                container.remove(p)
            continue
        ppr = following.find(W_PPR)
        at = 1 if ppr is not None else 0
        for child in list(p):
            if child.tag != W_PPR:
                following.insert(at, child)
                at += 1
        container = p.getparent()
        assert container is not None
        container.remove(p)
        merged[p] = following
    # Chains: a paragraph merged into one that was merged further on.
    for key, target in list(merged.items()):
        while target in merged:
            target = merged[target]
        merged[key] = target
    return merged
