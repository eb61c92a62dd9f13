"""Low-level WordprocessingML building blocks with lxml: paragraphs, runs, revision markup.

Nothing here knows about drafts or provisions; `docx_draft` and the redline writer build on
it. Author, date and revision ids are always inputs (never `now()`, never random), so the
same inputs give the same XML.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP: dict[str, str] = {"w": W_NS, "r": R_NS}

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
        found = root.xpath("//@w:id", namespaces={"w": W_NS})
        for value in found if isinstance(found, list) else ():
            text = str(value)
            if text.isdigit():
                largest = max(largest, int(text))
    return largest


def make_paragraph(
    parent: etree._Element | None = None,
    *,
    style: str | None = None,
    num: tuple[int, int] | None = None,
    indent: tuple[int, int] | None = None,
) -> etree._Element:
    """A `w:p` with style, numbering (numId, ilvl) and indent (left, hanging) in schema order.

    With `parent` the paragraph is appended to it, which is several times faster than a
    free-standing element (that needs its own namespace map).
    """
    sub = etree.SubElement
    p = etree.Element(W_P, nsmap=NSMAP) if parent is None else sub(parent, W_P)
    if style is not None or num is not None or indent is not None:
        ppr = sub(p, W_PPR)
        if style is not None:
            sub(ppr, W_PSTYLE).set(W_VAL, style)
        if num is not None:
            numpr = sub(ppr, W_NUMPR)
            sub(numpr, W_ILVL).set(W_VAL, str(num[1]))
            sub(numpr, W_NUMID).set(W_VAL, str(num[0]))
        if indent is not None:
            ind = sub(ppr, W_IND)
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


def add_run(
    parent: etree._Element, text: str, *, deleted: bool = False, rpr: etree._Element | None = None
) -> etree._Element:
    """Append a `w:r` holding `text` (tabs as `w:tab`; `w:delText` when `deleted`) to `parent`."""
    run = etree.SubElement(parent, W_R)
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    _append_text(run, xml_safe(text), W_DELTEXT if deleted else W_T)
    return run


def make_run(text: str, *, deleted: bool = False, rpr: etree._Element | None = None) -> etree._Element:
    """A free-standing `w:r` holding `text`, as `w:delText` when `deleted`."""
    run = etree.Element(W_R, nsmap=NSMAP)
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    _append_text(run, xml_safe(text), W_DELTEXT if deleted else W_T)
    return run


def _set_revision_attrs(element: etree._Element, ids: RevisionIds, rev: Revision) -> None:
    element.set(W_ID, str(ids.next()))
    element.set(W_AUTHOR, rev.author)
    element.set(W_DATE, rev.date)


def add_revision(
    parent: etree._Element, kind: RevisionKind, ids: RevisionIds, rev: Revision
) -> etree._Element:
    """Append an empty `w:ins` or `w:del` (next id, author, date) to `parent`; runs go inside."""
    wrapper = etree.SubElement(parent, W_INS if kind == "ins" else W_DEL)
    _set_revision_attrs(wrapper, ids, rev)
    return wrapper


def revision(
    kind: RevisionKind, runs: Iterable[etree._Element], ids: RevisionIds, rev: Revision
) -> etree._Element:
    """A free-standing `w:ins` or `w:del` wrapping whole runs (a `w:del` needs `w:delText` runs)."""
    wrapper = etree.Element(W_INS if kind == "ins" else W_DEL, nsmap=NSMAP)
    _set_revision_attrs(wrapper, ids, rev)
    for run in runs:
        wrapper.append(run)
    return wrapper


def add_inserted(
    parent: etree._Element, text: str, ids: RevisionIds, rev: Revision, *, rpr: etree._Element | None = None
) -> etree._Element:
    """Append `<w:ins><w:r><w:t>text</w:t></w:r></w:ins>` to `parent`."""
    wrapper = add_revision(parent, "ins", ids, rev)
    add_run(wrapper, text, rpr=rpr)
    return wrapper


def add_deleted(
    parent: etree._Element, text: str, ids: RevisionIds, rev: Revision, *, rpr: etree._Element | None = None
) -> etree._Element:
    """Append `<w:del><w:r><w:delText>text</w:delText></w:r></w:del>` to `parent`."""
    wrapper = add_revision(parent, "del", ids, rev)
    add_run(wrapper, text, deleted=True, rpr=rpr)
    return wrapper


# --------------------------------------------------------------------------- fragments
#
# The same markup as text. Building an lxml element costs about 1.5 µs on the machines
# draftkit is measured on and a numbered paragraph has eight, so a 10,000-provision body
# is written as fragments and parsed once by `parse_body` (which also proves it is
# well-formed). Fragments and elements give identical XML for the same input.


def _escape_chars(text: str) -> str:
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")  # a literal CR would be read back as "\n"
    return text


def escape_text(text: str) -> str:
    """`text` made safe as XML character data (illegal characters dropped, "\\r" kept)."""
    return _escape_chars(xml_safe(text))


def escape_attr(value: str) -> str:
    """`value` made safe inside a double-quoted XML attribute."""
    text = escape_text(value).replace('"', "&quot;")
    return text.replace("\t", "&#9;").replace("\n", "&#10;")


def run_xml(text: str) -> str:
    """A `<w:r>` fragment for plain text (tabs as `w:tab`), as `add_run` writes it; "" for ""."""
    if not text:
        return ""
    out = ["<w:r>"]
    for i, piece in enumerate(xml_safe(text).split("\t")):
        if i:
            out.append("<w:tab/>")
        if piece:
            space = ' xml:space="preserve"' if piece[0].isspace() or piece[-1].isspace() else ""
            out.append(f"<w:t{space}>{_escape_chars(piece)}</w:t>")
    out.append("</w:r>")
    return "".join(out)


def paragraph_xml(
    runs: str = "",
    *,
    style: str | None = None,
    num: tuple[int, int] | None = None,
    indent: tuple[int, int] | None = None,
) -> str:
    """A `<w:p>` fragment, properties as `make_paragraph` writes them, then `runs`."""
    return f"<w:p>{ppr_xml(style=style, num=num, indent=indent)}{runs}</w:p>"


def ppr_xml(
    *, style: str | None = None, num: tuple[int, int] | None = None, indent: tuple[int, int] | None = None
) -> str:
    """The `<w:pPr>` fragment `make_paragraph` would write ("" when there is nothing to say)."""
    if style is None and num is None and indent is None:
        return ""
    out = ["<w:pPr>"]
    if style is not None:
        out.append(f'<w:pStyle w:val="{escape_attr(style)}"/>')
    if num is not None:
        out.append(f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>')
    if indent is not None:
        hanging = f' w:hanging="{indent[1]}"' if indent[1] else ""
        out.append(f'<w:ind w:left="{indent[0]}"{hanging}/>')
    out.append("</w:pPr>")
    return "".join(out)


def children_xml(parent: etree._Element) -> str:
    """The children of `parent` (built with the functions above) as one fragment.

    Serialising each child on its own would repeat the namespace declarations on every
    one; serialised under their parent, which declares them, they carry none.
    """
    if len(parent) == 0:
        return ""
    text = etree.tostring(parent, encoding="unicode")
    start = text.index(">") + 1  # end of the parent's start tag (it holds no '>' in values)
    return text[start : text.rindex("<")]


_BODY_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)


def parse_body(fragments: Iterable[str]) -> etree._Element:
    """A `w:document` whose `w:body` holds the fragments, parsed (which proves them well-formed).

    `huge_tree` because a long draft is one big text, but of our own making, not input.
    """
    head = f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
    return etree.fromstring((head + "".join(fragments) + "</w:body></w:document>").encode(), _BODY_PARSER)


# Children of w:pPr that the schema puts after w:rPr; the mark's w:rPr goes before them.
_AFTER_PPR_RPR = {qn("w:sectPr"), qn("w:pPrChange")}


def mark_paragraph(p: etree._Element, kind: RevisionKind, ids: RevisionIds, rev: Revision) -> None:
    """Mark the paragraph mark of `p` as inserted or deleted (`w:pPr/w:rPr/w:ins|w:del`).

    An inserted mark means rejecting joins `p` with the next paragraph (a split was made);
    a deleted mark means accepting joins them (a merge).
    """
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
    marker = etree.SubElement(rpr, W_INS if kind == "ins" else W_DEL)
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
                current = make_next()
                paragraphs.append(current)
    return paragraphs
