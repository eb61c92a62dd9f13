"""Low-level WordprocessingML building blocks with lxml: paragraphs, runs, revision markup.

Nothing here knows about drafts or provisions; `docx_draft` and the redline writer build on
it. Author, date and revision ids are always inputs (never `now()`, never random), so the
same inputs give the same XML.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP: dict[str, str] = {"w": W_NS, "r": R_NS}

OpKind = Literal["equal", "insert", "delete"]
RevisionKind = Literal["ins", "del"]
MarkKind = Literal["ins", "del", "moveFrom", "moveTo"]

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
    kind: MarkKind, runs: Iterable[etree._Element], ids: RevisionIds, rev: Revision
) -> etree._Element:
    """A free-standing `w:ins`, `w:del`, `w:moveFrom` or `w:moveTo` wrapping whole runs (a
    deletion needs `w:delText` runs)."""
    wrapper = etree.Element(MARK_TAGS[kind], nsmap=NSMAP)
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


# --------------------------------------------------------------------------- editing
#
# Editing paragraphs that already exist (a user's DOCX, or a clean draft written above):
# find text by character offsets in the accept-all view, cut runs at those offsets, and
# replace or wrap the runs between them, keeping every run property and every element
# that is not text (bookmarks, fields, drawings) where it was.

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
_MARK_TAG_SET = frozenset(MARK_TAGS.values())

# Inline elements whose content is not shown in the accept-all view, or never text.
_HIDDEN_INLINE = frozenset(
    {W_PPR, W_DEL, W_MOVEFROM, qn("w:sdtPr"), qn("w:sdtEndPr"), qn("w:customXmlPr"), qn("w:smartTagPr"),
     "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent",
     "{http://schemas.openxmlformats.org/officeDocument/2006/math}oMath",
     "{http://schemas.openxmlformats.org/officeDocument/2006/math}oMathPara"}
)  # fmt: skip
_ONE_CHAR: dict[str, str] = {W_TAB: "\t", W_PTAB: "\t", W_BR: " ", W_CR: " ", W_NOBREAKHYPHEN: "-"}


@dataclass(frozen=True, slots=True)
class Atom:
    """One piece of visible text: a `w:t` (its text) or a one-character element (tab, break)."""

    run: etree._Element
    child: etree._Element
    text: str


def _vanished(rpr: etree._Element) -> bool:
    for child in rpr:
        if child.tag == W_VANISH:
            return (child.get(W_VAL) or "true").lower() not in ("false", "0", "off")
    return False


def text_atoms(p: etree._Element) -> list[Atom]:
    """The visible text of paragraph `p` in the accept-all view, piece by piece.

    Shown as draftkit's DOCX reader shows it: `w:t`, tabs as "\\t", breaks as " ",
    non-breaking hyphens as "-"; not deleted or hidden text, not field instructions, not
    text boxes or drawings (their paragraphs are others).
    """
    atoms: list[Atom] = []
    fields: list[bool] = []  # per open complex field: has its result part begun?

    def run(r: etree._Element) -> None:
        vanish = False
        for child in r:
            tag = child.tag
            if tag == W_RPR:
                vanish = _vanished(child)
            elif tag == W_FLDCHAR:
                kind = child.get(W_FLDCHARTYPE)
                if kind == "begin":
                    fields.append(False)
                elif kind == "separate" and fields:
                    fields[-1] = True
                elif kind == "end" and fields:
                    fields.pop()
            elif vanish or not all(fields):
                continue
            elif tag == W_T:
                if child.text:
                    atoms.append(Atom(r, child, child.text))
            else:
                one = _ONE_CHAR.get(tag) if isinstance(tag, str) else None
                if one is not None:
                    atoms.append(Atom(r, child, one))

    def walk(element: etree._Element) -> None:
        for child in element:
            tag = child.tag
            if tag == W_R:
                run(child)
            elif isinstance(tag, str) and tag not in _HIDDEN_INLINE:
                walk(child)  # hyperlinks, insertions, moves, content controls, simple fields

    walk(p)
    return atoms


def paragraph_text(p: etree._Element) -> str:
    """The visible text of `p` in the accept-all view (see `text_atoms`)."""
    return "".join(atom.text for atom in text_atoms(p))


def _split_run(run: etree._Element, child: etree._Element, k: int) -> None:
    """Cut `run` into two runs with the same properties, before character k of `child`."""
    children = list(run)
    i = children.index(child)
    if child.tag == W_T and 0 < k < len(child.text or ""):
        text = child.text or ""
        tail = copy.deepcopy(child)
        child.text, tail.text = text[:k], text[k:]
        for t in (child, tail):
            value = t.text or ""
            if value and (value[0].isspace() or value[-1].isspace()):
                t.set(XML_SPACE, "preserve")
        right = [tail, *children[i + 1 :]]
        run.insert(i + 1, tail)
    elif k <= 0:
        right = children[i:]
    else:
        right = children[i + 1 :]
    left_content = [c for c in run if c.tag != W_RPR and c not in right]
    if not right or not left_content:
        return
    parent = run.getparent()
    assert parent is not None
    twin = etree.SubElement(parent, W_R)
    twin.attrib.update(run.attrib)
    rpr = run.find(W_RPR)
    if rpr is not None:
        twin.append(copy.deepcopy(rpr))
    for c in right:
        twin.append(c)
    run.addnext(twin)


def _cut(p: etree._Element, offset: int) -> None:
    """Make `offset` (in the visible text of `p`) fall between two runs."""
    pos = 0
    for atom in text_atoms(p):
        n = len(atom.text)
        if pos <= offset < pos + n:
            _split_run(atom.run, atom.child, offset - pos)
            return
        pos += n


def runs_in_range(p: etree._Element, start: int, end: int) -> list[etree._Element]:
    """The runs holding exactly the visible characters start..end of `p`, cut out as needed."""
    if start >= end:
        return []
    _cut(p, start)
    _cut(p, end)
    out: list[etree._Element] = []
    pos = 0
    for atom in text_atoms(p):
        n = len(atom.text)
        if start <= pos and pos + n <= end and (not out or out[-1] is not atom.run):
            out.append(atom.run)
        pos += n
    return out


def clean_rpr(rpr: etree._Element | None) -> etree._Element | None:
    """A copy of run properties without revision marks or recorded property changes."""
    if rpr is None:
        return None
    out = copy.deepcopy(rpr)
    for child in list(out):
        if child.tag in _MARK_TAG_SET or child.tag == W_RPRCHANGE:
            out.remove(child)
    return out


def range_rpr(p: etree._Element, start: int, end: int) -> etree._Element | None:
    """Run properties for new text at start..end of `p`: the first text run there, else the
    nearest one before, else the first run of the paragraph."""
    atoms = text_atoms(p)
    pos = 0
    before: etree._Element | None = None
    for atom in atoms:
        if pos >= start and (pos < end or start == end):
            return clean_rpr(atom.run.find(W_RPR))
        before = atom.run
        pos += len(atom.text)
    if before is not None:
        return clean_rpr(before.find(W_RPR))
    run = p.find(f".//{W_R}")
    return clean_rpr(run.find(W_RPR)) if run is not None else None


def _drop_empty_wrappers(element: etree._Element, p: etree._Element) -> None:
    while element is not p and len(element) == 0:
        parent = element.getparent()
        if parent is None:
            return
        parent.remove(element)
        element = parent


def _outside_revisions(element: etree._Element, p: etree._Element) -> etree._Element:
    """`element`, or the revision wrapper holding it (up to paragraph `p`)."""
    parent = element.getparent()
    while parent is not None and parent is not p and parent.tag in _MARK_TAG_SET:
        element, parent = parent, parent.getparent()
    return element


def detach_range(p: etree._Element, start: int, end: int) -> list[etree._Element]:
    """Take the runs of the visible characters start..end out of `p` (empty wrappers go too)."""
    runs = runs_in_range(p, start, end)
    for run in runs:
        parent = run.getparent()
        assert parent is not None
        parent.remove(run)
        _drop_empty_wrappers(parent, p)
    return runs


def replace_range(p: etree._Element, start: int, end: int, content: Iterable[etree._Element]) -> None:
    """Replace the visible characters start..end of `p` by `content` (runs, revisions).

    With start == end the content is inserted at that point.
    """
    items = list(content)
    runs = runs_in_range(p, start, end)
    if runs:
        anchor = runs[0]
        for item in items:
            anchor.addprevious(item)
        for run in runs:
            parent = run.getparent()
            assert parent is not None
            parent.remove(run)
            _drop_empty_wrappers(parent, p)
        return
    _cut(p, start)
    atoms = text_atoms(p)
    pos = 0
    previous: etree._Element | None = None
    following: etree._Element | None = None
    for atom in atoms:
        if pos + len(atom.text) <= start:
            previous = atom.run
        elif following is None:
            following = atom.run
        pos += len(atom.text)
    # Never inside a revision: a deletion nested in an insertion is flattened by
    # LibreOffice, and is not what was meant anyway.
    if previous is not None:
        ref = _outside_revisions(previous, p)
        for item in items:
            ref.addnext(item)
            ref = item
    elif following is not None:
        ref = _outside_revisions(following, p)
        for item in items:
            ref.addprevious(item)
    else:
        for item in items:
            p.append(item)


def _wrappable_runs(element: etree._Element) -> list[etree._Element]:
    out: list[etree._Element] = []
    for child in element:
        tag = child.tag
        if tag == W_R:
            out.append(child)
        elif isinstance(tag, str) and tag not in _HIDDEN_INLINE and tag not in _MARK_TAG_SET:
            out.extend(_wrappable_runs(child))
    return out


def wrap_runs(
    runs: Sequence[etree._Element], kind: MarkKind, ids: RevisionIds, rev: Revision
) -> list[etree._Element]:
    """Wrap `runs` (document order) in `w:ins`/`w:moveTo`/…, one wrapper per group of
    adjacent siblings. Returns the wrappers."""
    wrappers: list[etree._Element] = []
    current: etree._Element | None = None
    for run in runs:
        previous = run.getprevious()
        if current is None or previous is not current:
            parent = run.getparent()
            assert parent is not None
            current = etree.SubElement(parent, MARK_TAGS[kind])
            _set_revision_attrs(current, ids, rev)
            run.addprevious(current)
            wrappers.append(current)
        current.append(run)
    return wrappers


def wrap_range(
    p: etree._Element, start: int, end: int, kind: MarkKind, ids: RevisionIds, rev: Revision
) -> list[etree._Element]:
    """Wrap the runs of the visible characters start..end of `p` in a revision."""
    return wrap_runs(runs_in_range(p, start, end), kind, ids, rev)


def wrap_paragraph(p: etree._Element, kind: MarkKind, ids: RevisionIds, rev: Revision) -> None:
    """Wrap every run of `p` (text or not) in a revision of `kind`; the mark is separate."""
    wrap_runs(_wrappable_runs(p), kind, ids, rev)


def revision_run(
    kind: Literal["equal", "insert", "delete", "moveFrom", "moveTo"],
    text: str,
    ids: RevisionIds,
    rev: Revision,
    rpr: etree._Element | None,
) -> etree._Element:
    """`text` as a plain run, or a run wrapped in w:ins / w:del / w:moveFrom / w:moveTo."""
    deleted = kind in ("delete", "moveFrom")
    run = make_run(text, deleted=deleted, rpr=rpr)
    if kind == "equal":
        return run
    tag = {"insert": "ins", "delete": "del", "moveFrom": "moveFrom", "moveTo": "moveTo"}[kind]
    wrapper = etree.Element(MARK_TAGS[tag], nsmap=NSMAP)
    _set_revision_attrs(wrapper, ids, rev)
    wrapper.append(run)
    return wrapper


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


def mark_paragraph_as(p: etree._Element, kind: MarkKind, ids: RevisionIds, rev: Revision) -> None:
    """Like `mark_paragraph`, also for moves; a mark already there is replaced."""
    rpr = p.find(f"{W_PPR}/{W_RPR}")
    if rpr is not None:
        for child in list(rpr):
            if child.tag in _MARK_TAG_SET:
                rpr.remove(child)
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
                if mark.tag in _MARK_TAG_SET or mark.tag == W_RPRCHANGE:
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
    _set_revision_attrs(change, ids, rev)
    before = etree.SubElement(change, W_PPR)
    if old is not None:
        for child in old:
            if child.tag not in _PPR_NOT_PROPERTIES:
                before.append(copy.deepcopy(child))


def new_paragraph_after(
    anchor: etree._Element, ppr: etree._Element | None, *, before: bool = False
) -> etree._Element:
    """A new `w:p` with a copy of `ppr`, placed after (or before) `anchor`."""
    parent = anchor.getparent()
    assert parent is not None
    p = etree.SubElement(parent, W_P)
    if ppr is not None:
        p.append(copy.deepcopy(ppr))
    if before:
        anchor.addprevious(p)
    else:
        anchor.addnext(p)
    return p


def range_marker(tag: str, ids: RevisionIds, rev: Revision | None, name: str | None) -> etree._Element:
    """A `w:moveFromRangeStart`-like element with the next id (author/date/name when given)."""
    marker = etree.Element(qn(tag), nsmap=NSMAP)
    marker.set(W_ID, str(ids.next()))
    if rev is not None:
        marker.set(W_AUTHOR, rev.author)
        marker.set(W_DATE, rev.date)
    if name is not None:
        marker.set(W_NAME, name)
    return marker


# --------------------------------------------------------------------------- resolving
#
# A DOCX that already holds tracked changes is first brought to one view (all accepted,
# or all rejected), so the redline shows draftkit's revisions only.

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
_REVISION_TAGS = _MARK_TAG_SET | _FORMAT_CHANGES | _RANGE_MARKERS | {qn("w:cellIns"), qn("w:cellDel")}


def has_revisions(root: etree._Element) -> bool:
    """Whether a part holds any tracked change (content, marks, formatting, moves)."""
    return any(True for _ in root.iter(*_REVISION_TAGS))


def _unwrap(element: etree._Element) -> None:
    parent = element.getparent()
    assert parent is not None
    for child in list(element):
        element.addprevious(child)
    parent.remove(element)


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
    for element in list(root.iter(*_REVISION_TAGS)):
        parent = element.getparent()
        if parent is None:
            continue
        tag = element.tag
        if tag in _RANGE_MARKERS:
            parent.remove(element)
        elif tag in _FORMAT_CHANGES:
            if not accept:
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
            if tag in removed and row is not None and table is not None:
                table.remove(row)
        elif tag in removed:
            parent.remove(element)
        elif tag in shown:
            if not accept:
                for text in element.iter(W_DELTEXT, qn("w:delInstrText")):
                    text.tag = W_T if text.tag == W_DELTEXT else qn("w:instrText")
            _unwrap(element)
    merged: dict[etree._Element, etree._Element] = {}
    for p in joins:
        if p.getparent() is None:
            continue
        following = p.getnext()
        while following is not None and not isinstance(following.tag, str):
            following = following.getnext()
        if following is None or following.tag != W_P:
            continue  # nothing to join (end of a cell, a table next): the mark stays
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
