"""WordprocessingML names and revision identity: namespaces, Clark names, the revision
(author, date) and the id allocator.

Takes nothing in; hands the other `wml` modules their vocabulary. Guarantees that ids are
sequential above a given start and that author and date are always inputs (never `now()`),
so the same inputs give the same XML.
"""

from __future__ import annotations

import re
from typing import Literal

from lxml import etree

from draftkit.records import record

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP: dict[str, str] = {"w": W_NS, "r": R_NS}

OpKind = Literal["equal", "insert", "delete"]
RevisionKind = Literal["ins", "del"]
MarkKind = Literal["ins", "del", "moveFrom", "moveTo"]
RunKind = Literal["equal", "insert", "delete", "moveFrom", "moveTo"]

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
W_BIDI = qn("w:bidi")
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

W_MOVEFROM = qn("w:moveFrom")
W_MOVETO = qn("w:moveTo")
W_PPRCHANGE = qn("w:pPrChange")
W_RPRCHANGE = qn("w:rPrChange")
W_SECTPR = qn("w:sectPr")
W_PTAB = qn("w:ptab")
W_BR = qn("w:br")
W_CR = qn("w:cr")
W_NOBREAKHYPHEN = qn("w:noBreakHyphen")
W_FLDCHAR = qn("w:fldChar")
W_FLDCHARTYPE = qn("w:fldCharType")
W_VANISH = qn("w:vanish")
W_NAME = qn("w:name")
MARK_TAGS: dict[str, str] = {"ins": W_INS, "del": W_DEL, "moveFrom": W_MOVEFROM, "moveTo": W_MOVETO}
MARK_TAG_SET = frozenset(MARK_TAGS.values())

# Characters XML 1.0 cannot hold at all (C0 controls other than tab/LF/CR, the two
# non-characters, lone surrogates); lxml refuses them, so they are dropped.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """`text` without the characters XML 1.0 cannot represent."""
    if _XML_ILLEGAL.search(text) is None:
        return text
    return _XML_ILLEGAL.sub("", text)


@record
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


# Plain strings (no link back to their element each), collected in C.
_IDS = etree.XPath("//@w:id", namespaces={"w": W_NS}, smart_strings=False)


def max_revision_id(*roots: etree._Element) -> int:
    """The largest numeric `w:id` in the given part roots (0 when there is none). An id is a
    32-bit number (ST_DecimalNumber): '²', '٣' or 5,000 digits are damaged markup, not ids."""
    largest = 0
    for root in roots:
        found = _IDS(root)
        if isinstance(found, list):
            ids = (
                int(t) for t in found if isinstance(t, str) and len(t) <= 10 and t.isascii() and t.isdigit()
            )
            largest = max(largest, max((n for n in ids if n < 2**31), default=0))
    return largest


def set_revision_attrs(element: etree._Element, ids: RevisionIds, rev: Revision) -> None:
    """Give a revision element the next id, the author and the date."""
    element.set(W_ID, str(ids.next()))
    element.set(W_AUTHOR, rev.author)
    element.set(W_DATE, rev.date)
