"""A Comparison as a Word redline: native tracked changes and comments in a DOCX.

What each change looks like in Word:

* modified — word-level `w:ins`/`w:del` inside the provision (its heading too);
* added / deleted — the whole provision inserted or deleted, paragraph marks included
  (`w:pPr/w:rPr/w:ins|w:del`); a deleted provision stands at its old place, its label
  written like its nearest new sibling's (Word's number, or typed text);
* split — an inserted paragraph mark where one provision became two; merged — a deleted
  one where two became one;
* moved — deleted at its old place and inserted at its new one; with `moves=True` real
  `w:moveFrom`/`w:moveTo` with paired, named move ranges (edits made with the move show
  as insertions inside the moved text, the old wording in the moved-from text);
* renumbered — nothing where Word numbers the provisions (it recomputes the numbers);
  a typed label ("3.2") shows its old and new number as a deletion and an insertion;
* flags — one Word comment per flagged change (severity, category, message) spanning the
  provision.

Two modes. When the new draft was read from a DOCX, that file is the base: its styles,
numbering and formatting are kept and only the paragraphs of changed provisions are
edited (found again by `Location.paragraph`, counted as the reader counts them; words
that stay keep their runs and formatting, new words are wrapped where they stand, old
words come back as deleted runs); any tracked changes it already holds are first resolved
to the view the draft was read in. Otherwise the new draft is written as a clean DOCX
with Word numbering (`docx_draft`) and edited the same way. Title and preamble changes
are shown too where their paragraphs can be found. `summary=True` puts a summary (counts,
flags) before the draft, under its own heading and not as a tracked change.

Where a provision's paragraphs cannot be lined up with its text (a split whose parts are
not neighbours, a provision that changed kind), the change is shown whole: the old
provision deleted, the new inserted — still exact in both views.

Paragraph marks are placed so that accept-all gives the new draft and reject-all the old
whichever paragraph's properties a word processor keeps when it joins two paragraphs:
a wholly inserted or deleted paragraph carries its own mark, and where two paragraphs
with text are joined they have the same properties in that view (recorded with
`w:pPrChange` where the other view needs others). A revised paragraph is never the last
of the body or of a table cell (an empty plain paragraph follows it): LibreOffice
ignores a deletion mark there. Deletions are never nested inside insertions. A moved-to
paragraph that also holds inserted words, or none, has an inserted mark, and a comment's
reference in a wholly inserted or moved paragraph is part of that revision: LibreOffice
loses the move mark otherwise.

Deterministic: author and date are inputs, ids are sequential above the largest id the
package already holds, zip timestamps come from `date`.
"""

from __future__ import annotations

import bisect
import copy
import hashlib
import itertools
import posixpath
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

from lxml import etree

from draftkit.compare.changes import CHANGE_KINDS, SEVERITIES, Change, Comparison, Flag
from draftkit.compare.textdiff import diff_words
from draftkit.errors import InputError
from draftkit.model import Draft, Provision
from draftkit.model.numbering import parse_exact
from draftkit.readers.safezip import open_package, parse_xml
from draftkit.render.docx_draft import draft_document, zip_package, zip_time
from draftkit.render.wml import (
    NSMAP,
    W_ID,
    W_INS,
    W_MOVETO,
    W_NUMPR,
    W_P,
    W_PPR,
    W_PSTYLE,
    W_R,
    W_RPR,
    W_SECTPR,
    W_T,
    W_VAL,
    Revision,
    RevisionIds,
    copy_ppr,
    detach_range,
    has_revisions,
    mark_paragraph_as,
    max_revision_id,
    old_ppr_of,
    paragraph_mark,
    paragraph_text,
    ppr_key,
    qn,
    range_marker,
    range_rpr,
    replace_range,
    resolve_revisions,
    revision,
    revision_run,
    set_ppr_change,
    wrap_paragraph,
    wrap_range,
    xml_safe,
)

__all__ = ["render_docx"]

SegKind = Literal["equal", "insert", "delete", "moveFrom", "moveTo"]
Seg = tuple[SegKind, str]
Mark = Literal["ins", "del", "moveFrom", "moveTo"]

_BODY: Final = qn("w:body")
_TC: Final = qn("w:tc")
_COMMENTS_TYPE: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_COMMENTS_CT: Final = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
_CT_NS: Final = "http://schemas.openxmlformats.org/package/2006/content-types"
_REL_NS: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
# Body-level elements that take no room: they may sit between paragraphs being joined.
_ZERO_WIDTH: Final = frozenset(
    qn(f"w:{x}") for x in ("bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
                           "permStart", "permEnd", "proofErr")
)  # fmt: skip
SUMMARY_HEADING: Final = "draftkit comparison summary"
_CONTAINER_KINDS: Final = frozenset({"part", "chapter", "section", "article", "annex"})


def render_docx(
    comparison: Comparison,
    *,
    author: str = "draftkit",
    date: str = "2026-01-01T00:00:00Z",
    moves: bool = False,
    summary: bool = False,
) -> bytes:
    """The comparison as a DOCX redline: tracked changes from old to new, flags as comments."""
    stamp = zip_time(date)  # checks the date first
    rev = Revision(author=author, date=date)
    base = _docx_base(comparison.new) if _is_docx(comparison.new) else None
    if base is None:
        base = _text_base(comparison.new, rev)
    redline = _Redline(comparison, base, rev, moves)
    redline.run()
    if summary:
        _insert_summary(base.document, comparison)
    # Comment ids come from the same counter: one id space per package.
    comment_ids = _anchor_comments(redline.comments, redline.ids, rev)
    return _package(base, redline.comments, comment_ids, rev, stamp)


# --------------------------------------------------------------------------- the base


@dataclass(slots=True)
class _Base:
    """The document the redline is written into, and where each new provision starts."""

    members: list[tuple[str, bytes]]  # every part, package order
    main: str  # the main document part
    document: etree._Element
    paragraphs: list[etree._Element]  # body.iter(w:p) as the reader counted, index i-1 → paragraph i
    first: dict[int, int]  # id(new provision) → its first paragraph (1-based)
    title: list[int] | None = None  # paragraphs of the title and preamble, when known
    preamble: list[int] | None = None
    above: int = 0  # the largest w:id in the package


def _is_docx(draft: Draft) -> bool:
    return draft.source is not None and draft.source.format == "docx"


def _docx_base(draft: Draft) -> _Base | None:
    """The new draft's own DOCX, its tracked changes resolved; None for a Strict file."""
    assert draft.source is not None
    path = Path(draft.source.path)
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise InputError(f"cannot read the new draft again: {exc.strerror or exc}", str(path)) from None
    if digest != draft.source.sha256:
        raise InputError("the file changed after it was read; compare again", str(path))
    with open_package(path) as package:
        main = package.main_document_part()
        members = [(name, package.read(name)) for name in package.names]
    data = dict(members)
    document = parse_xml(data[main], f"{path}: {main}")
    if document.tag != qn("w:document"):
        return None  # ISO Strict or stranger: written as a clean draft instead
    above = max_revision_id(document)
    for name, part in members:
        if name != main and name.startswith("word/") and name.endswith(".xml") and b":id=" in part:
            above = max(above, max_revision_id(parse_xml(part, f"{path}: {name}")))
    body = document.find(_BODY)
    if body is None:
        return None
    paragraphs = list(body.iter(W_P))
    first = {
        id(p): p.location.paragraph
        for p in draft.walk()
        if p.location is not None and p.location.paragraph is not None
    }
    if has_revisions(document):
        document, paragraphs = _resolved(document, draft, first)
    return _Base(members, main, document, paragraphs, first, above=above)


def _resolved(
    document: etree._Element, draft: Draft, first: dict[int, int]
) -> tuple[etree._Element, list[etree._Element]]:
    """The document with its own tracked changes accepted or rejected — whichever view the
    draft was read in (the one whose paragraphs hold the provisions' texts)."""
    best: tuple[int, etree._Element, list[etree._Element]] | None = None
    for view in ("accept", "original"):
        trial = copy.deepcopy(document)
        body = trial.find(_BODY)
        assert body is not None
        copies = list(body.iter(W_P))
        merged = resolve_revisions(trial, view)
        mapped = [merged.get(p, p) for p in copies]
        score = 0
        for provision in draft.walk():
            index = first.get(id(provision))
            if index is None or not 0 < index <= len(mapped):
                continue
            lines = _lines(provision)
            wanted = next((line for line in lines if line), "")
            if paragraph_text(mapped[index - 1]).rstrip().endswith(wanted):
                score += 1
        if best is None or score > best[0]:
            best = (score, trial, mapped)
    assert best is not None
    return best[1], best[2]


def _text_base(draft: Draft, rev: Revision) -> _Base:
    """The new draft written as a clean DOCX with Word numbering."""
    built = draft_document(draft, date=rev.date, author=rev.author)
    body = built.document.find(_BODY)
    assert body is not None
    first = {id(p): index for p, index in zip(draft.walk(), built.provisions, strict=True)}
    return _Base(
        list(built.members),
        "word/document.xml",
        built.document,
        list(body.iter(W_P)),
        first,
        list(built.title),
        list(built.preamble),
    )


# --------------------------------------------------------------------------- layouts


def _lines(p: Provision) -> list[str]:
    """What a provision shows, one entry per paragraph: heading (if any), then its text."""
    lines = [] if p.heading is None else [p.heading]
    if p.text:
        lines.extend(p.text.split("\n"))
    elif p.heading is None:
        lines.append("")  # the (empty) text sits in the label's paragraph
    return lines


Mode = Literal["HL", "TL", "L"]


def _mode(layout: _Layout) -> Mode:
    """How a new provision sits in its paragraphs: heading in the label's paragraph ("HL"),
    first line of text there ("TL"), or the label alone, all else after it ("L")."""
    slots = layout.slots or []
    in_label = bool(slots) and slots[0].p is layout.label
    provision = layout.provision
    if provision.heading is not None:
        return "HL" if in_label else "L"
    if not provision.text:  # nothing shows which: an article's text would come after it
        return "L" if provision.kind in _CONTAINER_KINDS else "TL"
    return "TL" if in_label else "L"


def _old_mode(old: Provision, new: Mode) -> Mode:
    """How an old provision is laid out in the old view: like the new one where it can be."""
    if old.heading is not None:
        return "HL" if new in ("HL", "TL") else "L"
    if new == "TL" or (new == "HL" and old.kind not in _CONTAINER_KINDS):
        return "TL"
    return "L"


def _side_lines(p: Provision, mode: Mode) -> list[str]:
    """A provision's paragraphs in a layout mode, one string each."""
    text = p.text.split("\n") if p.text else []
    if mode == "HL":
        return [p.heading or "", *text]
    if mode == "TL":
        return text or [""]
    return ["", *([p.heading] if p.heading is not None else []), *text]


def _head(p: Provision, mode: Mode) -> int:
    """How many of `_side_lines` come before the text."""
    if mode == "HL":
        return 1
    if mode == "TL":
        return 0
    return 2 if p.heading is not None else 1


@dataclass(frozen=True, slots=True)
class _Slot:
    """Where one line of a provision is: characters start..end of paragraph `p`."""

    p: etree._Element
    start: int
    end: int


@dataclass(slots=True)
class _Layout:
    """Where one new provision sits in the document."""

    provision: Provision
    position: int  # in Draft.walk() order
    label: etree._Element  # its first paragraph
    region: list[etree._Element]  # its paragraphs up to the next provision's
    matched: bool = False  # whether `slots` and `prefix` were looked for
    slots: list[_Slot] | None = None  # one per `_lines()` entry; None when the text was not found
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
    if text.endswith(line):
        return len(text) - len(line), len(text)
    stripped = text.rstrip()
    if stripped.endswith(line):
        return len(stripped) - len(line), len(stripped)
    return None


def _match(provision: Provision, region: list[etree._Element]) -> tuple[list[_Slot], str] | None:
    """Find each line of `provision` in its paragraphs (as the reader split them)."""
    label = region[0]
    expected = _lines(provision)
    slots: list[_Slot] = []
    texts = [paragraph_text(p) for p in region]
    k = 0
    for p, text in zip(region, texts, strict=True):
        if k < len(expected):
            line = expected[k]
            if line == "":
                if p is label:
                    end = len(text.rstrip())
                    slots.append(_Slot(p, end, end))
                    k += 1
                    continue
                if not text.strip():
                    slots.append(_Slot(p, 0, len(text)))
                    k += 1
                    continue
            else:
                found = _suffix(text, line)
                if found is not None:
                    slots.append(_Slot(p, *found))
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


# --------------------------------------------------------------------------- the plan


@dataclass(slots=True)
class _Ghost:
    """Old provisions shown at their old place: deleted, or moved away from there."""

    change: Change
    olds: list[Provision]
    move: str | None = None  # the move range's name when shown as w:moveFrom


@dataclass(slots=True)
class _Sub:
    """Part of one new line: what lies between two old-only paragraph breaks."""

    old_line: int
    segs: list[Seg] = field(default_factory=list)

    @property
    def deleted(self) -> bool:
        """Nothing in it survives (all deleted, or empty)."""
        return all(kind in ("delete", "moveFrom") for kind, _ in self.segs)

    @property
    def inserted(self) -> bool:
        """All of it is new (and there is some)."""
        return bool(self.segs) and all(kind == "insert" for kind, _ in self.segs)


def _parse_stream(ops: Sequence[Seg]) -> tuple[list[list[_Sub]], list[tuple[str, int]]]:
    """Cut ops at line breaks: per new line its parts (cut at old-only breaks), and per break
    between new lines whether the old text had it ("equal") or not ("insert"), with the old
    line that follows it."""
    lines: list[list[_Sub]] = []
    breaks: list[tuple[str, int]] = []
    old_line = 0
    current = [_Sub(0)]
    for kind, text in ops:
        pieces = text.split("\n")
        for i, piece in enumerate(pieces):
            if piece:
                current[-1].segs.append((kind, piece))
            if i == len(pieces) - 1:
                continue
            if kind in ("delete", "moveFrom"):
                old_line += 1
                current.append(_Sub(old_line))
                continue
            if kind in ("equal", "moveTo"):
                old_line += 1
                breaks.append(("equal", old_line))
            else:
                breaks.append(("insert", old_line))
            lines.append(current)
            current = [_Sub(old_line)]
    lines.append(current)
    return lines, breaks


def _sides(ops: Iterable[Seg]) -> tuple[str, str]:
    old = "".join(t for k, t in ops if k in ("equal", "delete", "moveFrom"))
    new = "".join(t for k, t in ops if k in ("equal", "insert", "moveTo"))
    return old, new


def _moved(comparison: Comparison) -> set[int]:
    """Changes shown as moves (old text at the old place, new at the new place): the moved
    ones; the provisions that went along inside them (the comparison calls those unmoved:
    they kept their parent); and splits and merges whose parts were not next to each other
    (a joined paragraph cannot hold what stood between them)."""
    changes = comparison.changes
    moved = {id(c) for c in changes if c.moved}
    new_inside: set[int] = set()
    old_inside: set[int] = set()
    for c in changes:
        if c.moved:
            new_inside.update(id(d) for p in c.new for d in p.walk() if d is not p)
            old_inside.update(id(d) for p in c.old for d in p.walk() if d is not p)
    for c in changes:
        if (
            c.new
            and c.old
            and all(id(p) in new_inside for p in c.new)
            and all(id(p) in old_inside for p in c.old)
        ):
            moved.add(id(c))
    parts = [c for c in changes if len(c.old) > 1 or len(c.new) > 1]
    if not parts:
        return moved
    old_at = {id(p): k for k, p in enumerate(comparison.old.walk())}
    new_at = {id(p): k for k, p in enumerate(comparison.new.walk())}
    for c in parts:
        for side, at in ((c.old, old_at), (c.new, new_at)):
            places = [at.get(id(p), -1) for p in side]
            if len(places) > 1 and places != list(range(places[0], places[0] + len(places))):
                moved.add(id(c))
    return moved


def _depths(draft: Draft) -> dict[int, int]:
    out: dict[int, int] = {}

    def visit(p: Provision, depth: int) -> None:
        out[id(p)] = depth
        for child in p.children:
            visit(child, depth + 1)

    for top in draft.provisions:
        visit(top, 0)
    return out


def _shape(num: str | None) -> str | None:
    return parse_exact(num).shape if num else None


# --------------------------------------------------------------------------- the editor


class _Redline:
    """Writes every change of a comparison into the base document."""

    def __init__(self, comparison: Comparison, base: _Base, rev: Revision, moves: bool) -> None:
        self.comparison = comparison
        self.base = base
        self.rev = rev
        self.moves = moves
        self.ids = RevisionIds(base.above)
        self.order = list(comparison.new.walk())
        self.position = {id(p): k for k, p in enumerate(self.order)}
        self.new_depth = _depths(comparison.new)
        self.old_depth = _depths(comparison.old)
        self.layouts: dict[int, _Layout | None] = {}
        self.created: set[etree._Element] = set()
        self.cursor: etree._Element | None = None  # ghosts go after it (None: before the first provision)
        self.top: etree._Element | None = None  # the first provision's first paragraph
        self.after: Provision | None = None  # …or after this provision's paragraphs, when set
        self.comments: list[tuple[etree._Element, etree._Element, tuple[Flag, ...]]] = []
        self.move_names: dict[int, str] = {}
        self.moved: set[int] = set()
        self.was: dict[int, Provision] = {}  # new provision → what it was (1:1 changes)
        self.by_kind: dict[tuple[str, int], list[int]] = {}
        for k, p in enumerate(self.order):
            self.by_kind.setdefault((p.kind, self.new_depth[id(p)]), []).append(k)
        # Each paragraph's own place (paragraphs joined to it count as it, and stand before).
        self.own_at: dict[etree._Element, int] = {p: index for index, p in enumerate(base.paragraphs)}
        # Where the next provision starts, for each provision: the end of its paragraphs.
        self.next_start = [len(base.paragraphs) + 1] * len(self.order)
        following = len(base.paragraphs) + 1
        for k in range(len(self.order) - 1, -1, -1):
            self.next_start[k] = following
            start = base.first.get(id(self.order[k]))
            if start is not None:
                following = start

    # ------------------------------------------------------------------ locating

    def layout(self, provision: Provision) -> _Layout | None:
        """Where a new provision is (computed once, before its paragraphs are edited)."""
        key = id(provision)
        if key in self.layouts:
            return self.layouts[key]
        found: _Layout | None = None
        position = self.position.get(key)
        start = self.base.first.get(key)
        paragraphs = self.base.paragraphs
        if position is not None and start is not None and 0 < start <= len(paragraphs):
            end = max(self.next_start[position], start + 1)
            region: list[etree._Element] = []
            for p in paragraphs[start - 1 : end - 1]:
                # A paragraph whose removed mark joined it to a later one is that one now:
                # it belongs here only if that one does. Text-box paragraphs never do.
                mine = start - 1 <= self.own_at[p] < end - 1
                if mine and (not region or region[-1] is not p) and next(p.iterancestors(W_P), None) is None:
                    region.append(p)
            if region:
                found = _Layout(provision, position, region[0], region)
        self.layouts[key] = found
        return found

    def neighbour(self, old: Provision, near: int) -> tuple[_Layout | None, bool, bool]:
        """The new provision whose layout an old one (deleted, moved away) should copy:
        same kind and depth, same label shape, nearest to where it is shown. Also whether
        it is a true relative (same kind and label shape), and whether sharing its list
        numbers the old provision as it was (`_counts_on`)."""
        depth = self.old_depth.get(id(old), 0)
        shape = _shape(old.num)

        def score(k: int) -> tuple[bool, bool, bool, bool, bool]:
            p = self.order[k]
            return (
                p.kind == old.kind,
                self.new_depth.get(id(p)) == depth,
                _shape(p.num) == shape,
                (p.heading is None) == (old.heading is None),
                _counts_on(p, k, self.was.get(id(p)), old, near),
            )

        lo, hi = max(0, near - 40), min(len(self.order), near + 41)
        candidates = set(range(lo, hi))
        same = self.by_kind.get((old.kind, depth), [])
        if same:  # the nearest of the same kind and depth anywhere, in case none is close
            at = bisect.bisect_left(same, near)
            candidates.update(same[max(0, at - 1) : at + 1])
        ranked = sorted(candidates, key=lambda k: (score(k), -abs(k - near), -k), reverse=True)
        for k in ranked:
            layout = self.layout(self.order[k])
            if layout is not None and layout.match():
                kind, _, same_shape, _, counts = score(k)
                return layout, kind and same_shape, kind and same_shape and counts
        return None, False, False

    # ------------------------------------------------------------------ the run

    def run(self) -> None:
        """Write every change, in new-document order with old material at its old place."""
        changes = self.comparison.changes
        self.moved = _moved(self.comparison)
        self.was = {id(c.new[0]): c.old[0] for c in changes if len(c.old) == len(c.new) == 1}
        backbone = [c for c in changes if c.new]
        at = {id(c): k for k, c in enumerate(backbone)}
        change_of_old = {id(o): c for c in changes for o in c.old}
        ghosts: dict[int, list[_Ghost]] = {}
        anchor = -1
        for old in self.comparison.old.walk():
            c = change_of_old.get(id(old))
            if c is None:
                continue
            if c.new and id(c) not in self.moved:
                anchor = at[id(c)]
                continue
            group = ghosts.setdefault(anchor, [])
            if group and group[-1].change is c:
                group[-1].olds.append(old)
                continue
            move = None
            target = self.layout(c.new[0]) if self.moves and len(c.old) == len(c.new) == 1 else None
            if target is not None and target.match():  # both ends can be written: a move
                move = f"move{len(self.move_names) + 1}"
                self.move_names[id(c)] = move
            group.append(_Ghost(c, [old], move))
        for provision in self.order:
            first = self.layout(provision)
            if first is not None:
                self.top = first.label
                break
        self._front_matter()
        for k in range(-1, len(backbone)):
            if k >= 0:
                self._backbone(backbone[k])
            for ghost in ghosts.get(k, []):
                self._ghost(ghost, self._place, near=self._near(backbone, k))
        self._trailing_paragraphs()

    def _near(self, backbone: list[Change], k: int) -> int:
        if k < 0 or not backbone[k].new:
            return 0
        return self.position.get(id(backbone[k].new[-1]), 0)

    def _place(self, p: etree._Element) -> None:
        """Put a new paragraph at the cursor (ghosts, deleted provisions)."""
        if self.after is not None:
            layout = self.layout(self.after)
            self.after = None
            if layout is not None:
                self.cursor = self._end_of(layout)
        if self.cursor is not None:
            self.cursor.addnext(p)
        elif self.top is not None:
            self.top.addprevious(p)
        else:
            body = self.base.document.find(_BODY)
            assert body is not None
            sect = body.find(W_SECTPR)
            if sect is not None:
                sect.addprevious(p)
            else:
                body.append(p)
        self.cursor = p

    def _new_paragraph(self, ppr: etree._Element | None) -> etree._Element:
        p = etree.Element(W_P, nsmap=NSMAP)
        if ppr is not None:
            p.append(ppr)
        self.created.add(p)
        return p

    def _mark(self, p: etree._Element, kind: Mark) -> None:
        ppr = p.find(W_PPR)
        if ppr is not None and ppr.find(W_SECTPR) is not None:
            return  # a section break stays: the paragraph holding it is not joined
        mark_paragraph_as(p, kind, self.ids, self.rev)

    def _runs(self, segs: Iterable[Seg], rpr: etree._Element | None) -> list[etree._Element]:
        return [revision_run(kind, text, self.ids, self.rev, rpr) for kind, text in segs if text]

    # ------------------------------------------------------------------ one change

    def _backbone(self, change: Change) -> None:
        if (
            not change.flags
            and change.kind != "added"
            and id(change) not in self.moved
            and len(change.old) == len(change.new) == 1
            and change.old_text == change.new_text
            and change.old_heading == change.new_heading
            and change.old[0].num == change.new[0].num
        ):
            self.after = change.new[0]  # nothing to show; old material may follow it
            return
        layouts = [self.layout(p) for p in change.new]
        located = [layout for layout in layouts if layout is not None]
        if not located:
            return  # nowhere to show it (a reader gave no location)
        first_p = located[0].label
        move = self.move_names.get(id(change))
        if move is not None:
            self._move_to(change, located[0], move)
        elif id(change) in self.moved or change.kind == "added":
            self._insert_whole(located)
        elif len(located) != len(layouts) or not self._in_place(change, located):
            before = located[0].label
            ghost_first: list[etree._Element] = []

            def place(p: etree._Element) -> None:
                before.addprevious(p)
                ghost_first.append(p)

            self._ghost(_Ghost(change, list(change.old)), place, near=located[0].position, comment=False)
            if ghost_first:
                first_p = ghost_first[0]
            self._insert_whole(located)
        self.after = located[-1].provision
        if change.flags:
            self.comments.append((first_p, self._end_of(located[-1]), change.flags))

    def _end_of(self, layout: _Layout) -> etree._Element:
        """The last paragraph of a provision's own material (paragraphs added after it too)."""
        last = layout.region[-1]
        nxt = last.getnext()
        while nxt is not None and nxt in self.created:
            last, nxt = nxt, nxt.getnext()
        return last

    def _insert_whole(self, layouts: Sequence[_Layout]) -> None:
        for layout in layouts:
            for p in layout.region:
                wrap_paragraph(p, "ins", self.ids, self.rev)
                self._mark(p, "ins")

    def _in_place(self, change: Change, layouts: list[_Layout]) -> bool:
        """Word-level revisions for a change whose provisions stayed in place; False (and
        nothing written) when its paragraphs cannot be lined up with its text."""
        olds, news = change.old, change.new
        quiet = (
            len(olds) == len(news) == 1
            and change.old_text == change.new_text
            and change.old_heading == change.new_heading
        )
        if quiet and (olds[0].num == news[0].num or not _may_be_typed(layouts[0])):
            return True  # nothing to show (Word renumbers automatic labels itself)
        if not all(layout.match() for layout in layouts):
            return False
        if olds[0].kind != news[0].kind or _shape(olds[0].num) != _shape(news[0].num):
            return False  # another kind of provision now: its paragraph is not the same one
        planned = self._plan_lines(change, layouts)
        if planned is None:
            return False
        ops, slots, new_starts, old_starts = planned
        old_full, new_full = _sides(ops)
        changed = old_full != new_full or set(new_starts) != set(old_starts)
        if changed and not self._stream(ops, slots, layouts[0], new_starts=new_starts, old_starts=old_starts):
            return False
        self._relabel(layouts[0], olds[0].num if olds else None)
        return True

    def _plan_lines(
        self, change: Change, layouts: list[_Layout]
    ) -> tuple[list[Seg], list[_Slot], dict[int, _Layout], dict[int, Provision]] | None:
        """The change as one op stream with a line per paragraph, the paragraph of each new
        line, and the lines where each new and old provision starts; None when the parts of
        a split or merge do not each fill one paragraph run."""
        olds, news = change.old, change.new
        modes = [_mode(layout) for layout in layouts]
        # Later parts of a merge as they stood: text in the label's paragraph, or (a part
        # like an article) after it.
        old_modes = [
            _old_mode(old, modes[0] if k == 0 else "L" if old.kind in _CONTAINER_KINDS else "TL")
            for k, old in enumerate(olds)
        ]
        if any(mode != "TL" for mode in (*modes[1:], *old_modes[1:])):
            return None
        slots: list[_Slot] = []
        new_lines: list[str] = []
        new_starts: dict[int, _Layout] = {}
        for layout, mode in zip(layouts, modes, strict=True):
            new_starts[len(new_lines)] = layout
            lines = _side_lines(layout.provision, mode)
            own = list(layout.slots or ())
            if mode == "L" and (not own or own[0].p is not layout.label):
                end = len(paragraph_text(layout.label).rstrip())
                own.insert(0, _Slot(layout.label, end, end))
            if len(own) != len(lines):
                return None
            slots.extend(own)
            new_lines.extend(lines)
        old_lines: list[str] = []
        old_starts: dict[int, Provision] = {}
        for old, mode in zip(olds, old_modes, strict=True):
            old_starts[len(old_lines)] = old
            old_lines.extend(_side_lines(old, mode))
        head_old = _side_lines(olds[0], old_modes[0])[: _head(olds[0], old_modes[0])] if olds else []
        head_new = _side_lines(news[0], modes[0])[: _head(news[0], modes[0])]
        ops: list[Seg] = []
        if head_old or head_new:
            ops.extend(diff_words("\n".join(head_old), "\n".join(head_new)))
        old_sep = bool(head_old) and change.old_text != ""
        new_sep = bool(head_new) and change.new_text != ""
        if old_sep and new_sep:
            ops.append(("equal", "\n"))
        elif old_sep:
            ops.append(("delete", "\n"))
        elif new_sep:
            ops.append(("insert", "\n"))
        ops.extend(change.ops)
        if _sides(ops) != ("\n".join(old_lines), "\n".join(new_lines)):
            return None  # ops that do not rebuild the texts: show the change whole instead
        return ops, slots, new_starts, old_starts

    def _relabel(self, layout: _Layout, old_num: str | None) -> None:
        """A typed label that changed: the old number deleted, the new one inserted."""
        num = layout.provision.num
        if not layout.typed or not num or not old_num or old_num == num:
            return
        start = len(layout.prefix) - len(layout.prefix.lstrip())
        rpr = range_rpr(layout.label, start, start + len(num))
        segs: list[Seg] = [("delete", old_num), ("insert", num)]
        replace_range(layout.label, start, start + len(num), self._runs(segs, rpr))

    # ------------------------------------------------------------------ the stream

    def _stream(
        self,
        ops: Sequence[Seg],
        slots: list[_Slot],
        layout: _Layout | None,
        *,
        new_starts: dict[int, _Layout] | None = None,
        old_starts: dict[int, Provision] | None = None,
        move: bool = False,
    ) -> bool:
        """Write an op stream into the paragraphs of its new lines (`slots`).

        Old-only breaks add paragraphs; new-only breaks mark paragraph marks inserted.
        `layout` (the first provision's) gives the properties an old paragraph had; None
        for plain paragraphs (preamble), which keep their own. With `move`, "equal" text
        is moved text and every mark a move mark. False (nothing written) when a
        paragraph that would be joined is not next to its partner.
        """
        new_starts = new_starts or {}
        old_starts = old_starts or {}
        lines, breaks = _parse_stream(ops)
        if len(lines) != len(slots):
            return False
        last = len(lines) - 1
        marks: list[Mark | None] = [
            "ins" if k < last and breaks[k][0] == "insert" else ("moveTo" if move else None)
            for k in range(len(lines))
        ]
        swapped: set[int] = set()
        if not move:
            # A wholly new paragraph carries its own inserted mark (rejecting removes it
            # outright) rather than the mark of the paragraph before it.
            for k in range(last, 0, -1):
                slot = slots[k]
                whole = (
                    len(lines[k]) == 1
                    and lines[k][0].inserted
                    and slot.start == 0
                    and slot.end == len(paragraph_text(slot.p))
                    and not (k in new_starts and new_starts[k].prefix)
                )
                if whole and marks[k - 1] == "ins" and marks[k] is None and _ends_cleanly(slot.p):
                    marks[k - 1], marks[k] = None, "ins"
                    swapped.add(k)
        # Everything is checked before anything is written: each line's paragraph holds
        # the line's new text, and paragraphs to be joined stand next to each other.
        for subs, slot in zip(lines, slots, strict=True):
            wanted = "".join(t for sub in subs for k, t in sub.segs if k in ("equal", "insert", "moveTo"))
            if paragraph_text(slot.p)[slot.start : slot.end] != wanted:
                return False
        between: dict[int, list[etree._Element]] = {}
        for k in range(last):
            if marks[k] == "ins":
                found = _between(slots[k].p, slots[k + 1].p)
                if found is None:
                    return False
                between[k] = found
        label_ppr = copy_ppr(layout.label.find(W_PPR)) if layout is not None else None
        cont_ppr = _cont_ppr(layout) if layout is not None else None
        ends: list[etree._Element] = []
        for k, subs in enumerate(lines):
            ends.append(self._write_line(subs, slots[k], marks[k], layout, label_ppr, cont_ppr, old_starts))
            for p in between.get(k, []):
                self._mark(p, "ins")
        for k in range(last):
            kind, old_line = breaks[k]
            y = slots[k + 1]
            starts_new = (k + 1) in new_starts
            starts_old = kind == "equal" and old_line in old_starts
            y_layout = new_starts.get(k + 1)
            if kind == "insert" and (k + 1) not in swapped:
                # Rejecting joins the two paragraphs: the joined one is the earlier one.
                before = old_ppr_of(ends[k])
                if ppr_key(before) != ppr_key(y.p.find(W_PPR)):
                    set_ppr_change(y.p, before, self.ids, self.rev)
                if starts_new and y_layout is not None and y_layout.prefix:
                    wrap_range(y.p, 0, len(y_layout.prefix), "ins", self.ids, self.rev)
            elif kind == "equal" and starts_new and not starts_old and layout is not None:
                if ppr_key(cont_ppr) != ppr_key(y.p.find(W_PPR)):
                    set_ppr_change(y.p, cont_ppr, self.ids, self.rev)
                if y_layout is not None and y_layout.prefix:
                    wrap_range(y.p, 0, len(y_layout.prefix), "ins", self.ids, self.rev)
            elif kind == "equal" and starts_old and not starts_new and layout is not None:
                if ppr_key(label_ppr) != ppr_key(y.p.find(W_PPR)):
                    set_ppr_change(y.p, label_ppr, self.ids, self.rev)
                typed = layout.typed_label(old_starts[old_line].num)
                if typed:
                    # The old label opens the paragraph, before any deleted words there.
                    _prepend(y.p, self._runs([("delete", typed)], range_rpr(y.p, y.start, y.end)))
        return True

    def _write_line(
        self,
        subs: list[_Sub],
        slot: _Slot,
        mark: Mark | None,
        layout: _Layout | None,
        label_ppr: etree._Element | None,
        cont_ppr: etree._Element | None,
        old_starts: dict[int, Provision],
    ) -> etree._Element:
        """One new line. Its paragraph keeps its runs (and their formatting): inserted words
        are wrapped in w:ins where they stand, deleted words added as w:del runs. Parts after
        an old-only break move into new paragraphs after it. Returns the paragraph that
        holds the end of the line."""
        e = slot.p
        e_ppr = copy_ppr(e.find(W_PPR))
        rpr = range_rpr(e, slot.start, slot.end)
        # Trailing parts with nothing left in the new text are old paragraphs only: they get
        # the old properties and their own deleted mark.
        keep = len(subs)
        if mark is None:
            while keep > 1 and subs[keep - 1].deleted:
                keep -= 1

        def old_ppr(sub: _Sub) -> etree._Element | None:
            if layout is None:
                return e_ppr
            return label_ppr if sub.old_line in old_starts else cont_ppr

        paragraphs = [e]
        for j, sub in enumerate(subs[1:], start=1):
            ppr = e_ppr if j < keep else old_ppr(sub)
            n = self._new_paragraph(copy_ppr(ppr))
            paragraphs[-1].addnext(n)
            paragraphs.append(n)
            if j < keep:
                before = old_ppr(sub)
                if ppr_key(before) != ppr_key(e_ppr):
                    set_ppr_change(n, before, self.ids, self.rev)
        # The new text of each part, as offsets into the line's paragraph.
        spans: list[tuple[int, int]] = []
        pos = slot.start
        for sub in subs:
            size = sum(len(t) for k, t in sub.segs if k in ("equal", "insert", "moveTo"))
            spans.append((pos, pos + size))
            pos += size
        for j in range(len(subs) - 1, 0, -1):
            for run in detach_range(e, *spans[j]):
                paragraphs[j].append(run)
        for j, sub in enumerate(subs):
            p = paragraphs[j]
            self._apply(p, spans[0][0] if j == 0 else 0, sub.segs, rpr)
            if layout is not None and j > 0 and sub.old_line in old_starts:
                typed = layout.typed_label(old_starts[sub.old_line].num)
                if typed:
                    _prepend(p, self._runs([("delete", typed)], rpr))
        for j in range(len(subs)):
            if j < keep - 1:
                self._mark(paragraphs[j], "del")
            elif j == keep - 1:
                if mark is not None:
                    self._mark(paragraphs[j], mark)
            else:
                self._mark(paragraphs[j], "del")
        return paragraphs[keep - 1]

    def _apply(self, p: etree._Element, pos: int, segs: Sequence[Seg], rpr: etree._Element | None) -> None:
        """Ops over text that `p` already shows from `pos` on: new words wrapped where they
        stand, old words added as deleted runs."""
        for kind, text in segs:
            if kind == "equal":
                pos += len(text)
            elif kind in ("insert", "moveTo"):
                wrap_range(
                    p, pos, pos + len(text), "ins" if kind == "insert" else "moveTo", self.ids, self.rev
                )
                pos += len(text)
            else:
                here = range_rpr(p, pos, pos) if paragraph_text(p) else rpr
                replace_range(p, pos, pos, self._runs([(kind, text)], here))

    # ------------------------------------------------------------------ moves

    def _move_to(self, change: Change, layout: _Layout, name: str) -> None:
        """The new place of a moved provision, as w:moveTo inside a named move range."""
        planned = self._plan_lines(change, [layout])
        same = planned is not None and all(kind == "equal" for kind, _ in planned[0])
        old_num = change.old[0].num if change.old else None
        relabelled = layout.typed and old_num != layout.provision.num
        written = False
        if planned is not None and not same:
            # The moved text as moved, words added with the move as insertions; words it
            # lost stay in the moved-from text only.
            ops, slots, _, _ = planned
            moved: list[Seg] = []
            for kind, text in ops:
                if kind == "equal":
                    moved.append(("moveTo", text))
                elif kind == "insert":
                    moved.append(("insert", text))
            if layout.prefix:
                wrap_range(
                    layout.label, 0, len(layout.prefix), "ins" if relabelled else "moveTo", self.ids, self.rev
                )
            written = self._stream(moved, slots, layout, move=True)
        elif relabelled:
            wrap_range(layout.label, 0, len(layout.prefix), "ins", self.ids, self.rev)
        for p in layout.region:
            if not written:
                wrap_paragraph(p, "moveTo", self.ids, self.rev)
            # Only a paragraph of moved text alone has a moved mark; one that also holds
            # words added with the move, or nothing (a label alone), has an inserted mark:
            # LibreOffice drops a move mark there.
            runs = [e for e in p.iter(W_INS, W_MOVETO) if _parent_tag(e) != W_RPR]
            mark: Mark = "moveTo" if runs and all(e.tag == W_MOVETO for e in runs) else "ins"
            if paragraph_mark(p) != mark:
                self._mark(p, mark)
        self._move_range(layout.label, layout.region[-1], "moveTo", name)

    def _move_range(self, first: etree._Element, last: etree._Element, side: str, name: str) -> None:
        start = range_marker(f"w:{side}RangeStart", self.ids, self.rev, name)
        end = etree.Element(qn(f"w:{side}RangeEnd"), nsmap=NSMAP)
        end.set(W_ID, start.get(W_ID) or "")
        ppr = first.find(W_PPR)
        first.insert(1 if ppr is not None else 0, start)
        last.append(end)

    # ------------------------------------------------------------------ ghosts

    def _ghost(
        self,
        ghost: _Ghost,
        place: Callable[[etree._Element], None],
        *,
        near: int,
        comment: bool = True,
    ) -> None:
        """Old provisions written as deleted (or moved-from) paragraphs, laid out like
        their nearest new relatives."""
        kind: SegKind = "moveFrom" if ghost.move else "delete"
        mark: Mark = "moveFrom" if ghost.move else "del"
        written: list[etree._Element] = []
        for old in ghost.olds:
            model, related, shared = self.neighbour(old, near)
            written.extend(self._ghost_paragraphs(old, model if related else None, shared, kind, mark, place))
        if not written:
            return
        if ghost.move:
            self._move_range(written[0], written[-1], "moveFrom", ghost.move)
        if comment and ghost.change.flags and not ghost.change.new:
            self.comments.append((written[0], written[-1], ghost.change.flags))

    def _ghost_paragraphs(
        self,
        old: Provision,
        model: _Layout | None,
        shared: bool,
        kind: SegKind,
        mark: Mark,
        place: Callable[[etree._Element], None],
    ) -> list[etree._Element]:
        """The paragraphs of one old provision. With a related new provision as `model`, laid
        out like it; with its numbering too when `shared` (Word then counts the old provision
        in the old view and shows its old number), else with the label typed. Without a
        relative, plain paragraphs with the label typed."""
        lines = [line.replace("\n", " ") for line in _lines(old)]
        paragraphs: list[tuple[etree._Element | None, etree._Element | None, list[Seg]]] = []
        if model is None or not model.slots:
            typed = f"{old.num} " if old.num else ""
            first = lines.pop(0) if old.heading is None else ""
            paragraphs.append((_without_numbering(None), None, [(kind, typed + first)]))
            paragraphs.extend((None, None, [(kind, line)]) for line in lines)
        else:
            slots, mp = model.slots, model.provision
            label_ppr = copy_ppr(model.label.find(W_PPR))
            label_rpr = range_rpr(model.label, 0, 0)
            typed = model.typed_label(old.num) or ""
            if not typed and not shared and old.num:
                # Counting along with the new list would show another number: typed instead,
                # with numbering off (numId 0), also where the paragraph style numbers.
                typed = f"{old.num}\t"
                label_ppr = _without_numbering(label_ppr)
            first_segs: list[Seg] = [(kind, typed)] if typed else []
            # Where the relative keeps its heading and its text: in the label's paragraph or
            # in paragraphs of their own.
            own = 1 if mp.heading is not None else 0
            heading_apart = mp.heading is not None and slots[0].p is not model.label
            text_paragraphs = [slot for slot in slots[own:] if slot.p is not model.label]
            if old.heading is not None:
                first_in_label = not heading_apart
            elif mp.heading is None and mp.text:
                first_in_label = slots[0].p is model.label
            else:
                first_in_label = mp.heading is None and mp.kind not in _CONTAINER_KINDS
            if first_in_label:
                paragraphs.append((label_ppr, label_rpr, [*first_segs, (kind, lines[0])]))
                rest = lines[1:]
            else:
                paragraphs.append((label_ppr, label_rpr, first_segs))
                rest = lines
            cont = _cont_ppr(model)
            text_index = 0
            for n, line in enumerate(rest):
                is_heading = old.heading is not None and n == 0 and not first_in_label
                if is_heading and heading_apart:
                    source: _Slot | None = slots[0]
                elif is_heading:
                    source = None
                else:
                    source = text_paragraphs[text_index] if text_index < len(text_paragraphs) else None
                    text_index += 1
                if source is not None:
                    ppr, rpr = copy_ppr(source.p.find(W_PPR)), range_rpr(source.p, source.start, source.end)
                else:
                    ppr, rpr = copy_ppr(cont), label_rpr
                paragraphs.append((ppr, rpr, [(kind, line)]))
        out: list[etree._Element] = []
        for ppr, rpr, segs in paragraphs:
            p = self._new_paragraph(copy_ppr(ppr))
            runs = self._runs(segs, rpr)
            for item in runs:
                p.append(item)
            place(p)
            # Nothing moved in it (a label alone): a deleted mark, as LibreOffice drops a
            # move mark there.
            self._mark(p, mark if runs or mark != "moveFrom" else "del")
            out.append(p)
        return out

    # ------------------------------------------------------------------ title, preamble

    def _front_matter(self) -> None:
        """Title and preamble: word-level revisions where they can be found."""
        old, new = self.comparison.old, self.comparison.new
        title_paras, preamble_paras = self._front_paragraphs()
        old_title = (old.title or "").split("\n") if old.title else []
        new_title = (new.title or "").split("\n") if new.title else []
        if title_paras is not None:
            self._front_stream(old_title, new_title, title_paras, first=True)
        old_pre = [line for item in old.preamble for line in item.split("\n")]
        new_pre = [line for item in new.preamble for line in item.split("\n")]
        if preamble_paras is not None:
            self._front_stream(old_pre, new_pre, preamble_paras)

    def _front_paragraphs(self) -> tuple[list[_Slot] | None, list[_Slot] | None]:
        base, new = self.base, self.comparison.new
        title_lines = (new.title or "").split("\n") if new.title else []
        preamble_lines = [line for item in new.preamble for line in item.split("\n")]
        if base.title is not None and base.preamble is not None:
            title = [_whole_slot(base.paragraphs[i - 1]) for i in base.title]
            preamble = [_whole_slot(base.paragraphs[i - 1]) for i in base.preamble]
            return title, preamble
        # A user's DOCX: the paragraphs before the first provision, matched by their text.
        if self.top is None:
            return None, None
        before: list[tuple[etree._Element, str]] = []
        for p in self.base.paragraphs:
            if p is self.top:
                break
            if next(p.iterancestors(W_P), None) is None:
                text = paragraph_text(p)
                if text.strip() and (not before or before[-1][0] is not p):
                    before.append((p, text))
        title_slots: list[_Slot] | None = []
        if title_lines and before and before[0][1].strip() == title_lines[0].strip():
            for line, (p, text) in zip(title_lines, before, strict=False):
                found = _within(text, line)
                if found is None:
                    title_slots = None
                    break
                assert title_slots is not None
                title_slots.append(_Slot(p, *found))
            before = before[len(title_lines) :]
        elif title_lines:
            title_slots = None  # the title is elsewhere (document properties)
        preamble_slots: list[_Slot] | None = []
        if len(before) != len(preamble_lines):
            return title_slots, None
        for line, (p, text) in zip(preamble_lines, before, strict=True):
            found = _within(text, line)
            if found is None:
                return title_slots, None
            assert preamble_slots is not None
            preamble_slots.append(_Slot(p, *found))
        return title_slots, preamble_slots

    def _front_stream(
        self, old_lines: list[str], new_lines: list[str], slots: list[_Slot], *, first: bool = False
    ) -> None:
        """Title or preamble lines, old to new; `first`: old lines with no new ones left go at
        the very start of the document (a title), else before the first provision."""
        if old_lines == new_lines or len(slots) != len(new_lines):
            return
        if not new_lines:
            body = self.base.document.find(_BODY)
            assert body is not None
            previous: etree._Element | None = None
            for line in old_lines:
                p = self._new_paragraph(None)
                for item in self._runs([("delete", line)], None):
                    p.append(item)
                if not first:
                    self._place(p)
                elif previous is None:
                    body.insert(0, p)
                else:
                    previous.addnext(p)
                previous = p
                self._mark(p, "del")
            return
        if not old_lines:
            for slot in slots:
                wrap_paragraph(slot.p, "ins", self.ids, self.rev)
                self._mark(slot.p, "ins")
            return
        ops: list[Seg] = list(diff_words("\n".join(old_lines), "\n".join(new_lines)))
        self._stream(ops, slots, None)

    # ------------------------------------------------------------------ finishing

    def _trailing_paragraphs(self) -> None:
        """No revised paragraph may end the body or a table cell: add an empty one after it."""
        body = self.base.document.find(_BODY)
        if body is None:
            return
        for container in (body, *body.iter(_TC)):
            last: etree._Element | None = None
            for child in container:
                if child.tag == W_P:
                    last = child
                elif isinstance(child.tag, str) and child.tag not in _ZERO_WIDTH and child.tag != W_SECTPR:
                    last = None  # a table or other block ends the container
            if last is not None and paragraph_mark(last) is not None:
                last.addnext(etree.Element(W_P, nsmap=NSMAP))


def _counts_on(model: Provision, position: int, was: Provision | None, old: Provision, near: int) -> bool:
    """Whether an old provision shown beside `model` (at `position`) and numbered in its list
    gets its old number in the old view: it comes right after the model, which kept its
    number (`was` is the model's old self), or the model comes right after it and took its
    number."""
    mine, theirs = old.ordinal, model.ordinal
    before = was.ordinal if was is not None else None
    if mine is None or theirs is None or before is None:
        return False
    if position <= near:
        return theirs + 1 == mine and before == theirs
    return theirs == mine and before == mine + 1


def _without_numbering(ppr: etree._Element | None) -> etree._Element:
    """Paragraph properties with numbering switched off (`w:numId` 0 beats a style's)."""
    out = copy_ppr(ppr) if ppr is not None else etree.Element(W_PPR, nsmap=NSMAP)
    assert out is not None
    for numpr in out.findall(W_NUMPR):
        out.remove(numpr)
    numpr = etree.SubElement(out, W_NUMPR)
    etree.SubElement(numpr, qn("w:numId")).set(W_VAL, "0")
    style = out.find(W_PSTYLE)
    out.insert(out.index(style) + 1 if style is not None else 0, numpr)
    return out


def _parent_tag(element: etree._Element) -> object:
    parent = element.getparent()
    return None if parent is None else parent.tag


def _prepend(p: etree._Element, items: list[etree._Element]) -> None:
    """Put `items` first in paragraph `p` (after its properties)."""
    at = 1 if p.find(W_PPR) is not None else 0
    for offset, item in enumerate(items):
        p.insert(at + offset, item)


def _may_be_typed(layout: _Layout) -> bool:
    """A quick look whether the label paragraph starts with the label as text."""
    num = layout.provision.num
    if not num:
        return False
    text = "".join(t.text or "" for t in itertools.islice(layout.label.iter(W_T), 4))
    return text.lstrip().startswith(num[:1]) and paragraph_text(layout.label).lstrip().startswith(num)


def _whole_slot(p: etree._Element) -> _Slot:
    return _Slot(p, 0, len(paragraph_text(p)))


def _within(text: str, line: str) -> tuple[int, int] | None:
    stripped = line.strip()
    if text.strip() != stripped:
        return None
    start = text.find(stripped)
    return start, start + len(stripped)


def _cont_ppr(layout: _Layout) -> etree._Element | None:
    """Properties of a paragraph continuing a provision's text (not its label paragraph)."""
    heading = 1 if layout.provision.heading is not None else 0
    for slot in reversed((layout.slots or [])[heading:]):
        if slot.p is not layout.label:
            return copy_ppr(slot.p.find(W_PPR))
    ppr = copy_ppr(layout.label.find(W_PPR))
    if ppr is not None:
        for child in list(ppr):
            if child.tag in (W_NUMPR, W_PSTYLE):
                ppr.remove(child)
    return ppr


def _significant_next(p: etree._Element) -> etree._Element | None:
    node = p.getnext()
    while node is not None and (not isinstance(node.tag, str) or node.tag in _ZERO_WIDTH):
        node = node.getnext()
    return node


def _ends_cleanly(p: etree._Element) -> bool:
    """Whether `p` can carry an inserted mark of its own: what follows is a paragraph (or
    the end, where an empty paragraph will be added)."""
    node = _significant_next(p)
    return node is None or node.tag in (W_P, W_SECTPR)


def _between(x: etree._Element, y: etree._Element) -> list[etree._Element] | None:
    """The empty paragraphs between x and y when only such stand between them, else None."""
    out: list[etree._Element] = []
    node = _significant_next(x)
    while node is not None and node is not y:
        if node.tag != W_P or paragraph_text(node).strip():
            return None
        ppr = node.find(W_PPR)
        if ppr is not None and ppr.find(W_SECTPR) is not None:
            return None
        out.append(node)
        node = _significant_next(node)
    return out if node is y else None


# --------------------------------------------------------------------------- summary


def _summary_paragraph(text: str, *, bold: bool = False, size: int | None = None) -> etree._Element:
    p = etree.Element(W_P, nsmap=NSMAP)
    ppr = etree.SubElement(p, W_PPR)
    # numId 0: no numbering, even if the document's Normal style carries some.
    numpr = etree.SubElement(ppr, W_NUMPR)
    etree.SubElement(numpr, qn("w:numId")).set(W_VAL, "0")
    if text:
        run = etree.SubElement(p, W_R)
        if bold or size:
            rpr = etree.SubElement(run, W_RPR)
            if bold:
                etree.SubElement(rpr, qn("w:b"))
            if size:
                etree.SubElement(rpr, qn("w:sz")).set(W_VAL, str(size))
        t = etree.SubElement(run, W_T)
        t.text = xml_safe(text)
    return p


def _summary_table(rows: Sequence[Sequence[str]], widths: Sequence[int]) -> etree._Element:
    table = etree.Element(qn("w:tbl"), nsmap=NSMAP)
    tblpr = etree.SubElement(table, qn("w:tblPr"))
    etree.SubElement(tblpr, qn("w:tblW")).attrib.update({qn("w:w"): str(sum(widths)), qn("w:type"): "dxa"})
    borders = etree.SubElement(tblpr, qn("w:tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        etree.SubElement(borders, qn(f"w:{side}")).attrib.update(
            {W_VAL: "single", qn("w:sz"): "4", qn("w:space"): "0", qn("w:color"): "808080"}
        )
    grid = etree.SubElement(table, qn("w:tblGrid"))
    for width in widths:
        etree.SubElement(grid, qn("w:gridCol")).set(qn("w:w"), str(width))
    for r, row in enumerate(rows):
        tr = etree.SubElement(table, qn("w:tr"))
        for width, text in zip(widths, row, strict=True):
            tc = etree.SubElement(tr, _TC)
            tcpr = etree.SubElement(tc, qn("w:tcPr"))
            etree.SubElement(tcpr, qn("w:tcW")).attrib.update({qn("w:w"): str(width), qn("w:type"): "dxa"})
            tc.append(_summary_paragraph(text, bold=r == 0))
    return table


def _insert_summary(document: etree._Element, comparison: Comparison) -> None:
    """A summary before the draft, plainly not part of it: no tracked change, no numbering."""
    body = document.find(_BODY)
    assert body is not None
    counts = comparison.summary()
    flags = [(flag, change) for change in comparison.changes for flag in change.flags]
    by_severity = comparison.flag_counts()
    elements: list[etree._Element] = [
        _summary_paragraph(SUMMARY_HEADING, bold=True, size=32),
        _summary_paragraph(
            "Generated by draftkit to help review this redline. It is not part of the draft: "
            "delete this page before the text is used or compared again."
        ),
        _summary_paragraph(f"Old: {_source_name(comparison.old)}    New: {_source_name(comparison.new)}"),
        _summary_paragraph("Changes", bold=True),
        _summary_table(
            [
                ("Change", "Count"),
                *((kind, str(counts[kind])) for kind in (*CHANGE_KINDS, "moved", "renumbered")),
            ],
            (4000, 1500),
        ),
        _summary_paragraph("Flags by severity", bold=True),
        _summary_table(
            [("Severity", "Count"), *((s, str(by_severity[s])) for s in SEVERITIES)], (4000, 1500)
        ),
        _summary_paragraph("Flags", bold=True),
    ]
    if flags:
        order = {s: k for k, s in enumerate(SEVERITIES)}
        ranked = sorted(flags, key=lambda fc: order[fc[0].severity])
        rows = [("Severity", "Category", "Provision", "Why it matters")]
        rows += [
            (f.severity, _category(f.category), c.new_cite if c.new else c.old_cite, f.message)
            for f, c in ranked
        ]
        elements.append(_summary_table(rows, (1250, 2000, 1650, 4100)))
    else:
        elements.append(_summary_paragraph("No flags."))
    brk = _summary_paragraph("")
    run = etree.SubElement(brk, W_R)
    etree.SubElement(run, qn("w:br")).set(qn("w:type"), "page")
    elements.append(brk)
    for offset, element in enumerate(elements):
        body.insert(offset, element)


def _category(category: str) -> str:
    """A category id as words: "security_guarantees" → "security guarantees"."""
    return category.replace("_", " ")


def _source_name(draft: Draft) -> str:
    return Path(draft.source.path).name if draft.source is not None else (draft.title or "draft")


# --------------------------------------------------------------------------- package


def _comment_part(
    existing: bytes | None,
    comments: list[tuple[etree._Element, etree._Element, tuple[Flag, ...]]],
    ids: list[int],
    rev: Revision,
) -> bytes:
    if existing is not None:
        root = parse_xml(existing, "word/comments.xml")
    else:
        root = etree.Element(qn("w:comments"), nsmap=NSMAP)
    initials = "".join(word[0] for word in rev.author.split() if word)[:8] or "dk"
    for cid, (_, _, flags) in zip(ids, comments, strict=True):
        comment = etree.SubElement(root, qn("w:comment"))
        comment.set(W_ID, str(cid))
        comment.set(qn("w:author"), rev.author)
        comment.set(qn("w:date"), rev.date)
        comment.set(qn("w:initials"), initials)
        for i, flag in enumerate(flags):
            p = etree.SubElement(comment, W_P)
            if i == 0:
                ref = etree.SubElement(p, W_R)
                etree.SubElement(ref, qn("w:annotationRef"))
            head = etree.SubElement(p, W_R)
            etree.SubElement(etree.SubElement(head, W_RPR), qn("w:b"))
            t = etree.SubElement(head, W_T)
            t.text = f"{flag.severity.upper()} · {_category(flag.category)}: "
            t.set(qn("xml:space"), "preserve")
            body = etree.SubElement(p, W_R)
            etree.SubElement(body, W_T).text = xml_safe(flag.message)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _anchor_comments(
    comments: list[tuple[etree._Element, etree._Element, tuple[Flag, ...]]], ids: RevisionIds, rev: Revision
) -> list[int]:
    """Comment ranges around each flagged provision, and the reference mark after it.

    In a wholly inserted or moved-to paragraph the reference is part of the insertion (or
    move), inside the move range: left outside, LibreOffice loses the paragraph's mark.
    """
    out: list[int] = []
    for first, last, _ in comments:
        cid = ids.next()
        out.append(cid)
        start = etree.Element(qn("w:commentRangeStart"), nsmap=NSMAP)
        start.set(W_ID, str(cid))
        ppr = first.find(W_PPR)
        first.insert(1 if ppr is not None else 0, start)
        end = etree.Element(qn("w:commentRangeEnd"), nsmap=NSMAP)
        end.set(W_ID, str(cid))
        run = etree.Element(W_R, nsmap=NSMAP)
        etree.SubElement(run, qn("w:commentReference")).set(W_ID, str(cid))
        mark = paragraph_mark(last)
        reference = run
        if mark == "ins" or mark == "moveTo":
            reference = revision(mark, [run], ids, rev)
        at = len(last)
        while at > 0 and last[at - 1].tag in (qn("w:moveToRangeEnd"), qn("w:moveFromRangeEnd")):
            at -= 1
        last.insert(at, end)
        last.insert(at + 1, reference)
    return out


def _rels_name(part: str) -> str:
    directory, name = posixpath.split(part)
    return posixpath.join(directory, "_rels", f"{name}.rels")


def _package(
    base: _Base,
    comments: list[tuple[etree._Element, etree._Element, tuple[Flag, ...]]],
    comment_ids: list[int],
    rev: Revision,
    stamp: tuple[int, int, int, int, int, int],
) -> bytes:
    members = dict(base.members)
    order = [name for name, _ in base.members]
    extra: list[tuple[str, bytes]] = []
    if comments:
        rels_name = _rels_name(base.main)
        rels = parse_xml(members[rels_name], rels_name) if rels_name in members else None
        target: str | None = None
        if rels is not None:
            for rel in rels:
                if rel.get("Type") == _COMMENTS_TYPE and rel.get("TargetMode") != "External":
                    folder = posixpath.dirname(base.main)
                    target = posixpath.normpath(posixpath.join(folder, rel.get("Target") or ""))
        if target is not None and target in members:
            members[target] = _comment_part(members[target], comments, comment_ids, rev)
        else:
            target = posixpath.join(posixpath.dirname(base.main), "comments.xml")
            extra.append((target, _comment_part(None, comments, comment_ids, rev)))
            if rels is None:
                rels = etree.fromstring(f'<Relationships xmlns="{_REL_NS}"/>'.encode())
                order.append(rels_name)
            taken = {rel.get("Id") for rel in rels}
            n = 1
            while f"rId{n}" in taken:
                n += 1
            rel = etree.SubElement(rels, f"{{{_REL_NS}}}Relationship")
            rel.set("Id", f"rId{n}")
            rel.set("Type", _COMMENTS_TYPE)
            rel.set("Target", posixpath.relpath(target, posixpath.dirname(base.main) or "."))
            members[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
            types = parse_xml(members["[Content_Types].xml"], "[Content_Types].xml")
            override = etree.SubElement(types, f"{{{_CT_NS}}}Override")
            override.set("PartName", "/" + target)
            override.set("ContentType", _COMMENTS_CT)
            members["[Content_Types].xml"] = etree.tostring(
                types, xml_declaration=True, encoding="UTF-8", standalone=True
            )
    members[base.main] = etree.tostring(
        base.document, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    ordered = [(name, members[name]) for name in order] + extra
    return zip_package(ordered, stamp)
