"""Low-level WordprocessingML building blocks with lxml: paragraphs, runs, revision markup.

Nothing here knows about drafts or provisions; `docx_draft` and the redline writer build on
it. Author, date and revision ids are always inputs (never `now()`, never random), so the
same inputs give the same XML.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP: dict[str | None, str] = {"w": W_NS, "r": R_NS}

OpKind = Literal["equal", "insert", "delete"]
RevisionKind = Literal["ins", "del"]

_PREFIXES = {"w": W_NS, "r": R_NS, "xml": XML_NS}


def qn(name: str) -> str:
    """Clark name of a prefixed name: 'w:p' → '{http://…/main}p'."""
    prefix, _, local = name.partition(":")
    return f"{{{_PREFIXES[prefix]}}}{local}"


# Pre-built names: the body writer makes tens of thousands of elements, and building the
# Clark name each time would be a measurable share of the write time.
W_P = qn("w:p")
W_PPR = qn("w:pPr")
W_PSTYLE = qn("w:pStyle")
W_NUMPR = qn("w:numPr")
W_ILVL = qn("w:ilvl")
W_NUMID = qn("w:numId")
W_IND = qn("w:ind")
W_RPR = qn("w:rPr")
W_R = qn("w:r")
W_T = qn("w:t")
W_TAB = qn("w:tab")
W_DELTEXT = qn("w:delText")
W_INS = qn("w:ins")
W_DEL = qn("w:del")
W_VAL = qn("w:val")
W_ID = qn("w:id")
W_AUTHOR = qn("w:author")
W_DATE = qn("w:date")
W_LEFT = qn("w:left")
W_HANGING = qn("w:hanging")
XML_SPACE = qn("xml:space")

# Characters XML 1.0 cannot hold at all (C0 controls other than tab/LF/CR, the two
# non-characters, lone surrogates); lxml refuses them, so they are dropped.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot represent."""
    if _XML_ILLEGAL.search(text) is None:
        return text
    return _XML_ILLEGAL.sub("", text)


@dataclass(frozen=True, slots=True)
class Revision:
    """Who made a tracked change and when (`2026-01-01T00:00:00Z`); both are inputs."""

    author: str
    date: str


class RevisionIds:
    """Sequential `w:id` values, starting above the largest id already in the package.

    Revisions, bookmarks and comments share one id space across all parts, so a writer
    that adds revisions to an existing file passes that file's largest id.
    """

    __slots__ = ("_last",)

    def __init__(self, above: int = 0) -> None:
        self._last = above

    def next(self) -> int:
        """The next unused id."""
        self._last += 1
        return self._last

    @property
    def last(self) -> int:
        """The largest id handed out so far (or the starting point)."""
        return self._last


def max_revision_id(*roots: etree._Element) -> int:
    """The largest numeric `w:id` in the given part roots (0 when there is none)."""
    largest = 0
    for root in roots:
        for value in root.xpath("//@w:id", namespaces={"w": W_NS}):
            text = str(value)
            if text.isdigit():
                largest = max(largest, int(text))
    return largest


def make_paragraph(
    *,
    style: str | None = None,
    num: tuple[int, int] | None = None,
    indent: tuple[int, int] | None = None,
) -> etree._Element:
    """A `w:p` with style, numbering (numId, ilvl) and indent (left, hanging) in schema order."""
    p = etree.Element(W_P, nsmap=NSMAP)
    if style is not None or num is not None or indent is not None:
        ppr = etree.SubElement(p, W_PPR)
        if style is not None:
            etree.SubElement(ppr, W_PSTYLE).set(W_VAL, style)
        if num is not None:
            numpr = etree.SubElement(ppr, W_NUMPR)
            etree.SubElement(numpr, W_ILVL).set(W_VAL, str(num[1]))
            etree.SubElement(numpr, W_NUMID).set(W_VAL, str(num[0]))
        if indent is not None:
            ind = etree.SubElement(ppr, W_IND)
            ind.set(W_LEFT, str(indent[0]))
            if indent[1]:
                ind.set(W_HANGING, str(indent[1]))
    return p


def _append_text(run: etree._Element, text: str, text_tag: str) -> None:
    # A tab is its own element in WordprocessingML; a literal "\t" inside w:t is shown as a
    # space by Word, so split on it.
    pieces = text.split("\t")
    for i, piece in enumerate(pieces):
        if i:
            etree.SubElement(run, W_TAB)
        if piece:
            t = etree.SubElement(run, text_tag)
            t.text = piece
            # Without xml:space="preserve", Word drops leading and trailing spaces.
            if piece[0].isspace() or piece[-1].isspace():
                t.set(XML_SPACE, "preserve")


def make_run(text: str, *, deleted: bool = False, rpr: etree._Element | None = None) -> etree._Element:
    """A `w:r` holding `text` (tabs as `w:tab`), as `w:delText` when `deleted`."""
    run = etree.Element(W_R, nsmap=NSMAP)
    if rpr is not None:
        run.append(_copy(rpr))
    _append_text(run, xml_safe(text), W_DELTEXT if deleted else W_T)
    return run


def _copy(element: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(element))


def _set_revision_attrs(element: etree._Element, ids: RevisionIds, rev: Revision) -> None:
    element.set(W_ID, str(ids.next()))
    element.set(W_AUTHOR, rev.author)
    element.set(W_DATE, rev.date)


def revision(kind: RevisionKind, runs: Iterable[etree._Element], ids: RevisionIds, rev: Revision) -> etree._Element:
    """A `w:ins` or `w:del` wrapping whole runs (runs inside `w:del` must use `w:delText`)."""
    wrapper = etree.Element(W_INS if kind == "ins" else W_DEL, nsmap=NSMAP)
    _set_revision_attrs(wrapper, ids, rev)
    for run in runs:
        wrapper.append(run)
    return wrapper


def inserted(text: str, ids: RevisionIds, rev: Revision, *, rpr: etree._Element | None = None) -> etree._Element:
    """`<w:ins><w:r><w:t>text</w:t></w:r></w:ins>`."""
    return revision("ins", [make_run(text, rpr=rpr)], ids, rev)


def deleted(text: str, ids: RevisionIds, rev: Revision, *, rpr: etree._Element | None = None) -> etree._Element:
    """`<w:del><w:r><w:delText>text</w:delText></w:r></w:del>`."""
    return revision("del", [make_run(text, deleted=True, rpr=rpr)], ids, rev)


# Children of w:pPr that the schema puts after w:rPr; the mark's w:rPr goes before them.
_AFTER_PPR_RPR = {qn("w:sectPr"), qn("w:pPrChange")}


def mark_paragraph(p: etree._Element, kind: RevisionKind, ids: RevisionIds, rev: Revision) -> None:
    """Mark the paragraph mark of `p` as inserted or deleted (`w:pPr/w:rPr/w:ins|w:del`).

    An inserted mark means rejecting joins `p` with the next paragraph (a split was made);
    a deleted mark means accepting joins them (a merge).
    """
    ppr = p.find(W_PPR)
    if ppr is None:
        ppr = etree.Element(W_PPR)
        p.insert(0, ppr)
    rpr = ppr.find(W_RPR)
    if rpr is None:
        rpr = etree.Element(W_RPR)
        position = len(ppr)
        for i, child in enumerate(ppr):
            if child.tag in _AFTER_PPR_RPR:
                position = i
                break
        ppr.insert(position, rpr)
    marker = etree.Element(W_INS if kind == "ins" else W_DEL)
    _set_revision_attrs(marker, ids, rev)
    # The schema wants w:ins/w:del first in a paragraph mark's w:rPr.
    rpr.insert(0, marker)


def fill_paragraphs(
    ops: Iterable[tuple[OpKind, str]],
    first: etree._Element,
    make_next: Callable[[], etree._Element],
    ids: RevisionIds,
    rev: Revision,
) -> list[etree._Element]:
    """Write word-level ops as runs into `first` and, at each "\\n", into a new paragraph.

    "equal" text becomes plain runs, "insert" `w:ins`, "delete" `w:del` with `w:delText`.
    A "\\n" ends the current paragraph; inside an insert or delete its paragraph mark gets
    that revision, so accept-all gives the ops' new text and reject-all the old, paragraph
    breaks included. Marks always sit on the paragraph before the break, which is also
    where LibreOffice needs the mark of a deleted last paragraph. Returns the paragraphs
    written, `first` included.
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
                        current.append(make_run(piece))
                    case "insert":
                        current.append(inserted(piece, ids, rev))
                    case "delete":
                        current.append(deleted(piece, ids, rev))
            if i < len(pieces) - 1:
                match kind:
                    case "insert":
                        mark_paragraph(current, "ins", ids, rev)
                    case "delete":
                        mark_paragraph(current, "del", ids, rev)
                    case "equal":
                        pass
                current = make_next()
                paragraphs.append(current)
    return paragraphs
