"""Pending tracked changes in a Word file: counted, by kind and author, for one reading note.

The DOCX reader reads them in one defined view — accept-all by default, reject-all with
`--view original` — and that is no guess (`--strict` does not refuse a draft for the note:
readers.INFORMATIONAL). But whoever opens the file in Word sees the markup, deletions struck
through: where the accepted text of the new file is the old text, draftkit finds no change
and Word shows an edit. So the reader says, once per draft, located at the first paragraph
holding one (the walker's own index, `docx._Walker.paragraph`): `3 pending tracked changes
(2 insertions, 1 deletion) by 'Author A', read as accepted (…)`.

Found in one pass over the main document by tag (lxml's `iter`: no element but these is
looked at in Python), the notes it references counted at their reference. Counted as Word's
reviewing pane shows them, roughly: a paragraph mark inserted or deleted with text of its
paragraph is one change with it; a move is one (its name joins the text moved away and the
text moved in); a row or cell inserted or deleted is one; each property change (`w:rPrChange`,
`w:pPrChange`, a table's, row's, cell's or section's) is one formatting change. Changes in
the branch of an `mc:AlternateContent` a word processor does not show (a text box's VML copy)
are not counted: the reader reads one branch.
"""

from __future__ import annotations

from lxml import etree

from draftkit.readers.docx_parts import Parts
from draftkit.readers.docx_text import choose_branch, quote

_MC_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
_KINDS = {
    "ins": "insertion",
    "cellIns": "insertion",
    "del": "deletion",
    "cellDel": "deletion",
    **dict.fromkeys(("moveFrom", "moveTo", "moveFromRangeStart", "moveToRangeStart"), "move"),
    **dict.fromkeys(
        (
            "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblPrExChange", "trPrChange",
            "tcPrChange", "tblGridChange", "numberingChange", "cellMerge",
        ),
        "formatting change",
    ),
}  # fmt: skip
_ORDER = ("insertion", "deletion", "move", "formatting change")
_AUTHORS_SHOWN = 3


def tracked_changes(
    document: etree._Element, ns: str, accept: bool, parts: Parts | None = None
) -> tuple[etree._Element | None, str] | None:
    """(the paragraph at which to say it, the note) for a main document holding pending
    tracked changes, in the view (`accept`: accept-all); None where it holds none. The
    paragraph is the outermost `w:p` holding the first change (a table's or row's: its first
    paragraph; the body's section properties: its last), as the walker meets it."""
    body = document.find(f"{{{ns}}}body")
    if body is None:
        return None
    names = {f"{{{ns}}}{local}": kind for local, kind in _KINDS.items()}
    notes = {f"{{{ns}}}footnoteReference": "footnote", f"{{{ns}}}endnoteReference": "endnote"}
    tally = _Tally(ns, names)
    unshown: set[etree._Element] = set()  # found in a branch of mc:AlternateContent not shown
    read_notes: set[tuple[str, str]] = set()
    first: etree._Element | None = None
    for element in body.iter(*names, *notes, _MC_ALTERNATE):
        if unshown and element in unshown:
            continue
        tag = element.tag
        if tag == _MC_ALTERNATE:
            chosen = choose_branch(element)
            for branch in element:
                if branch is not chosen:
                    unshown.update(branch.iter(*names, *notes, _MC_ALTERNATE))
        elif tag in notes:
            key = (notes[tag], element.get(f"{{{ns}}}id") or "")
            found = parts.notes.get(key[0]) if parts is not None else None
            note = found[1].get(key[1]) if found is not None else None
            if note is None or key in read_notes:
                continue  # the reader reads a note once, at its first reference
            read_notes.add(key)
            before = tally.total
            for change in note.iter(*names):
                tally.add(change)
            if first is None and tally.total > before:
                first = element
        else:
            tally.add(element)
            if first is None:
                first = element
    if first is None or not tally.total:
        return None
    return _holder(first, body, ns), tally.note(accept)


class _Tally:
    """Changes counted by kind, their authors in the order first met."""

    def __init__(self, ns: str, names: dict[str, str]) -> None:
        self.names = names
        self.counts = dict.fromkeys(_ORDER, 0)
        self.authors: dict[str, None] = {}
        self.moves: set[str] = set()  # the names (or ids) of the moves' ranges
        self.loose_moves = [0, 0]  # w:moveFrom, w:moveTo met without a named range
        self.author = f"{{{ns}}}author"
        self.id = f"{{{ns}}}id"
        self.name = f"{{{ns}}}name"
        self.rpr, self.ppr = f"{{{ns}}}rPr", f"{{{ns}}}pPr"
        self.range_starts = {f"{{{ns}}}moveFromRangeStart", f"{{{ns}}}moveToRangeStart"}
        self.move_from = f"{{{ns}}}moveFrom"
        self._held: dict[tuple[etree._Element, str], bool] = {}

    def _holds(self, paragraph: etree._Element, tag: str) -> bool:
        """Whether `paragraph` holds a `tag` (w:ins, w:del) of its own, asked once per
        paragraph: its mark's properties may repeat the mark's change, and 20,000 of them over
        20,000 runs were each answered by reading the runs again (7 s)."""
        key = (paragraph, tag)
        if key not in self._held:
            self._held[key] = paragraph.find(tag) is not None
        return self._held[key]

    @property
    def total(self) -> int:
        moves = len(self.moves) or max(self.loose_moves)
        return sum(self.counts.values()) + moves

    def add(self, change: etree._Element) -> None:
        tag = change.tag
        kind = self.names[tag]
        author = change.get(self.author)
        if author and author not in self.authors:
            self.authors[author] = None
        if kind == "move":
            if tag in self.range_starts:
                self.moves.add(change.get(self.name) or change.get(self.id) or "")
            else:
                self.loose_moves[tag != self.move_from] += 1
            return
        parent = change.getparent()
        if parent is not None and parent.tag == self.rpr:
            holder = parent.getparent()
            paragraph = holder.getparent() if holder is not None and holder.tag == self.ppr else None
            if paragraph is not None and self._holds(paragraph, tag):
                return  # a paragraph mark inserted or deleted with its text: one change
        self.counts[kind] += 1

    def note(self, accept: bool) -> str:
        counts = {**self.counts, "move": len(self.moves) or max(self.loose_moves)}
        total = self.total
        kinds = ", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind in _ORDER if (n := counts[kind]))
        authors = list(self.authors)
        by = ", ".join(quote(a) for a in authors[:_AUTHORS_SHOWN])
        if len(authors) > _AUTHORS_SHOWN:
            more = len(authors) - _AUTHORS_SHOWN
            by += f" and {more} other{'s' if more != 1 else ''}"
        view = (
            "read as accepted (the accept-all view; --view original reads them rejected)"
            if accept
            else "read as rejected (the original view)"
        )
        return f"{total} pending tracked change{'s' if total != 1 else ''} ({kinds}){f' by {by}' if by else ''}, {view}"


def _holder(change: etree._Element, body: etree._Element, ns: str) -> etree._Element | None:
    """The paragraph the walker meets first that holds `change`: its outermost `w:p` (a text
    box's paragraphs are read after the paragraph anchoring it); for a table's, row's or
    cell's properties, the first paragraph inside; for the body's section properties, the
    last paragraph of the body."""
    p = f"{{{ns}}}p"
    outer = None
    container = None
    for ancestor in change.iterancestors():
        tag = ancestor.tag
        if tag == p:
            outer = ancestor
        elif container is None and outer is None and tag in (f"{{{ns}}}tc", f"{{{ns}}}tr", f"{{{ns}}}tbl"):
            container = ancestor
    if outer is not None:
        return outer
    if container is not None:
        return next(container.iter(p), None)
    paragraphs = body.findall(p)  # only for a file whose one change is to its section
    return paragraphs[-1] if paragraphs else None
