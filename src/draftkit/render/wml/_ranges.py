"""Editing paragraphs that already exist (a user's DOCX, or a clean draft written by
`docx_draft`) by character offsets in their accept-all text.

Takes a paragraph and offsets into the text `paragraph_text` shows; cuts runs at those
offsets and replaces or wraps the runs between them. Guarantees that every run property
and every element that is not text (bookmarks, fields, drawings) stays where it was, and
that new content is never nested inside an existing revision.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Sequence

from lxml import etree

from draftkit.readers.docx_text import symbol_text
from draftkit.records import record
from draftkit.render.wml._core import (
    MARK_TAG_SET,
    MARK_TAGS,
    W_BR,
    W_CR,
    W_DEL,
    W_FLDCHAR,
    W_FLDCHARTYPE,
    W_MOVEFROM,
    W_NOBREAKHYPHEN,
    W_PPR,
    W_PTAB,
    W_R,
    W_RPR,
    W_RPRCHANGE,
    W_T,
    W_TAB,
    W_VAL,
    W_VANISH,
    XML_SPACE,
    MarkKind,
    Revision,
    RevisionIds,
    qn,
    set_revision_attrs,
)
from draftkit.render.wml._objects import MATH_TAGS, SHOWN, mark_math

W_SYM, W_FONT, W_CHAR = qn("w:sym"), qn("w:font"), qn("w:char")

# Inline elements whose content is not shown in the accept-all view, or never text.
_HIDDEN_INLINE = frozenset(
    {W_PPR, W_DEL, W_MOVEFROM, qn("w:sdtPr"), qn("w:sdtEndPr"), qn("w:customXmlPr"), qn("w:smartTagPr"),
     "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent",
     "{http://schemas.openxmlformats.org/officeDocument/2006/math}oMath",
     "{http://schemas.openxmlformats.org/officeDocument/2006/math}oMathPara"}
)  # fmt: skip
_ONE_CHAR: dict[str, str] = {W_TAB: "\t", W_PTAB: "\t", W_BR: " ", W_CR: " ", W_NOBREAKHYPHEN: "-"}


@record
class Atom:
    """One piece of visible text: a `w:t` (its text), a one-character element (tab, break,
    symbol) or an object shown by its placeholder (a note reference, an image: `_objects`),
    which is never cut and is wrapped whole."""

    run: etree._Element
    child: etree._Element
    text: str
    placeholder: bool = False


def _padded(atoms: list[Atom]) -> list[Atom]:
    """The reader's spacing around placeholders: one space between a placeholder and a
    non-space neighbour (one only between two placeholders), never at a paragraph's ends."""
    if not any(atom.placeholder for atom in atoms):
        return atoms
    out: list[Atom] = []
    for k, atom in enumerate(atoms):
        if not atom.placeholder:
            out.append(atom)
            continue
        text = atom.text
        before = out[-1].text[-1:] if out else ""
        if before and not before.isspace():
            text = " " + text
        following = atoms[k + 1] if k + 1 < len(atoms) else None
        if following is not None and not following.placeholder and not following.text[:1].isspace():
            text = text + " "
        out.append(Atom(atom.run, atom.child, text, True))
    return out


def _vanished(rpr: etree._Element) -> bool:
    for child in rpr:
        if child.tag == W_VANISH:
            return (child.get(W_VAL) or "true").lower() not in ("false", "0", "off")
    return False


def text_atoms(p: etree._Element) -> list[Atom]:
    """The visible text of paragraph `p` in the accept-all view, piece by piece.

    Shown as draftkit's DOCX reader shows it: `w:t`, tabs as "\\t", breaks as " ",
    non-breaking hyphens as "-", `w:sym` as its character, note references, images and
    objects as the placeholders `_objects.show_objects` wrote on them; not deleted or hidden
    text, not field instructions, not text boxes (their paragraphs are others).
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
            elif tag == W_SYM:
                one = symbol_text(child.get(W_FONT), child.get(W_CHAR))
                if one:
                    atoms.append(Atom(r, child, one))
            elif isinstance(tag, str) and child.get(SHOWN):
                atoms.append(Atom(r, child, child.get(SHOWN) or "", True))
            else:
                single = _ONE_CHAR.get(tag) if isinstance(tag, str) else None
                if single is not None:
                    atoms.append(Atom(r, child, single))

    def walk(element: etree._Element) -> None:
        for child in element:
            tag = child.tag
            if tag == W_R:
                run(child)
            elif tag in MATH_TAGS:
                # An equation is one unit, like an object: its own "run", never cut.
                shown = child.get(SHOWN)
                if shown:
                    atoms.append(Atom(child, child, shown, True))
            elif isinstance(tag, str) and tag not in _HIDDEN_INLINE:
                walk(child)  # hyperlinks, insertions, moves, content controls, simple fields

    walk(p)
    return _padded(atoms)


def paragraph_text(p: etree._Element) -> str:
    """The visible text of `p` in the accept-all view (see `text_atoms`)."""
    return "".join(atom.text for atom in text_atoms(p))


def _split_run(run: etree._Element, child: etree._Element, k: int) -> None:
    """Cut `run` into two runs with the same properties, before character k of `child`."""
    if run is child:
        return  # an equation: a unit of its own
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
            k = offset - pos
            if atom.placeholder:  # never inside an object: before it, or after it
                k = 0 if k <= len(atom.text) - len(atom.text.lstrip(" ")) else n
            _split_run(atom.run, atom.child, k)
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
        inside = start <= pos and pos + n <= end
        # A placeholder is one object: any overlap with it takes it whole; its padding is the
        # reader's, not the document's, and a range that takes only a padding space (a word
        # inserted before a note reference: "600,000 " of ". 600,000 ⟦Endnote: …⟧") leaves it.
        overlaps = False
        if atom.placeholder and not inside:
            text = atom.text
            core = pos + len(text) - len(text.lstrip(" ")), pos + len(text.rstrip(" "))
            overlaps = core[0] < end and start < core[1]
        if (inside or overlaps) and (not out or out[-1] is not atom.run):
            out.append(atom.run)
        pos += n
    return out


def clean_rpr(rpr: etree._Element | None) -> etree._Element | None:
    """A copy of run properties without revision marks or recorded property changes."""
    if rpr is None:
        return None
    out = copy.deepcopy(rpr)
    for child in list(out):
        if child.tag in MARK_TAG_SET or child.tag == W_RPRCHANGE:
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
    while parent is not None and parent is not p and parent.tag in MARK_TAG_SET:
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
        if tag == W_R or tag in MATH_TAGS:
            out.append(child)
        elif isinstance(tag, str) and tag not in _HIDDEN_INLINE and tag not in MARK_TAG_SET:
            out.extend(_wrappable_runs(child))
    return out


def wrap_runs(
    runs: Sequence[etree._Element], kind: MarkKind, ids: RevisionIds, rev: Revision
) -> list[etree._Element]:
    """Wrap `runs` (document order) in `w:ins`/`w:moveTo`/…, one wrapper per group of
    adjacent siblings; an equation among them is tracked inside (`mark_math`). Returns the
    wrappers."""
    wrappers: list[etree._Element] = []
    current: etree._Element | None = None
    for run in runs:
        if run.tag in MATH_TAGS:
            mark_math(run, kind, ids, rev)
            current = None
            continue
        previous = run.getprevious()
        if current is None or previous is not current:
            parent = run.getparent()
            assert parent is not None
            current = etree.SubElement(parent, MARK_TAGS[kind])
            set_revision_attrs(current, ids, rev)
            run.addprevious(current)
            wrappers.append(current)
        current.append(run)
    return wrappers


def wrap_range(
    p: etree._Element, start: int, end: int, kind: MarkKind, ids: RevisionIds, rev: Revision
) -> list[etree._Element]:
    """Wrap the runs of the visible characters start..end of `p` in a revision."""
    return wrap_runs(runs_in_range(p, start, end), kind, ids, rev)


def wrap_untracked(
    p: etree._Element, start: int, end: int, kind: MarkKind, ids: RevisionIds, rev: Revision
) -> list[etree._Element]:
    """Wrap the runs of the visible characters start..end of `p` that no revision holds yet
    (those that one does are left as they are: never nested)."""
    runs = [run for run in runs_in_range(p, start, end) if _outside_revisions(run, p) is run]
    return wrap_runs(runs, kind, ids, rev)


def wrap_paragraph(
    p: etree._Element,
    kind: MarkKind,
    ids: RevisionIds,
    rev: Revision,
    keep: Callable[[etree._Element], bool] | None = None,
) -> None:
    """Wrap every run of `p` (text or not) in a revision of `kind`, but those `keep` holds
    back; the mark is separate."""
    runs = _wrappable_runs(p)
    wrap_runs(runs if keep is None else [r for r in runs if not keep(r)], kind, ids, rev)
