"""The redline writer: executes planned actions into the base document's WordprocessingML.

Takes `Action`s (from `plan.Planner`), the base and the revision; edits the base document
in place through the `wml` building blocks and hands on the comment ranges of flagged
changes and the id allocator (comments take their ids from it next). Knows nothing of
alignment: which paragraph gets which mark, which text is old or new and which
properties an old paragraph had all come from the plan. What it decides itself is XML
placement: where a new paragraph goes (after the material written last), and where two
paragraphs that a view joins have different properties, recording the other view's
(`w:pPrChange`). Guarantees that ids are allocated in execution order, above the largest
id the package already holds, and that no revised paragraph ends the body or a table cell.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Sequence
from itertools import chain

from lxml import etree

from draftkit.compare.changes import Flag
from draftkit.compare.textdiff import diff_words
from draftkit.model import Provision
from draftkit.model.placeholders import OPEN
from draftkit.readers.docx_text import (
    CAPS,
    Visibility,
    capitals,
    choose_branch,
    look_of,
    parse_visibility,
)
from draftkit.readers.safezip import parse_xml
from draftkit.render.redline.actions import (
    Action,
    Finish,
    FrontComment,
    FrontDelete,
    FrontInsert,
    FrontRevise,
    Insert,
    Keep,
    LinePlan,
    Mark,
    MoveTo,
    Relabel,
    Replace,
    Revise,
    Seg,
    ShowOld,
    Start,
    StreamPlan,
    Sub,
)
from draftkit.render.redline.base import Base
from draftkit.render.redline.carry import Carrier
from draftkit.render.redline.layout import BODY, TC, ZERO_WIDTH, Layout, own_label_field
from draftkit.render.redline.locate import shown_branch
from draftkit.render.redline.package import Comment
from draftkit.render.redline.placeholders import atomic_segs, note_body, split_placeholders, untracked_note
from draftkit.render.redline.rows import mark_inserted_rows, restore_rows
from draftkit.render.wml import (
    NSMAP,
    W_ID,
    W_INS,
    W_MOVETO,
    W_P,
    W_PPR,
    W_R,
    W_RPR,
    W_SECTPR,
    Revision,
    RevisionIds,
    copy_ppr,
    detach_range,
    join_mark,
    mark_paragraph_as,
    old_ppr_of,
    paragraph_mark,
    paragraph_text,
    ppr_key,
    qn,
    range_marker,
    range_rpr,
    replace_range,
    revision,
    revision_run,
    set_ppr_change,
    shows_without_mark,
    wrap_paragraph,
    wrap_range,
)
from draftkit.render.wml._core import W_RPRCHANGE
from draftkit.render.wml._ranges import Atom, text_atoms, wrap_runs, wrap_untracked

_Place = Callable[[etree._Element], None]
W_INSTRTEXT, W_DELINSTRTEXT = qn("w:instrText"), qn("w:delInstrText")
W_TXBX = qn("w:txbxContent")
_CAPS = (qn("w:caps"), qn("w:smallCaps"))
# The w:rPr children before w:caps in schema order (CT_RPr): caps and smallCaps go after them.
_BEFORE_CAPS = frozenset(qn(f"w:{x}") for x in ("rStyle", "rFonts", "b", "bCs", "i", "iCs"))
W_RPR_TAG, W_VAL_ATTR, W_RSTYLE_TAG = qn("w:rPr"), qn("w:val"), qn("w:rStyle")
W_PPR_TAG, W_PSTYLE_TAG = qn("w:pPr"), qn("w:pStyle")
_LOOKS = {qn("w:caps"): "caps", qn("w:smallCaps"): "smallCaps"}


class Writer:
    """Writes planned actions into the base document, one at a time."""

    def __init__(self, base: Base, rev: Revision) -> None:
        self.base = base
        self.rev = rev
        self.ids = RevisionIds(base.above)
        self.created: set[etree._Element] = set()
        self.cursor: etree._Element | None = None  # old material goes after it (None: before `top`)
        self.top: etree._Element | None = None  # the first provision's first paragraph
        # …or after this provision's paragraphs, when set (a kept one's looked up when needed)
        self.after: Layout | Keep | None = None
        self.comments: list[Comment] = []
        # Objects an op stream adds or removes that cannot be shown as revisions: each a
        # notice for the comment on its paragraph (None: the paragraph written next).
        self.untracked: list[tuple[etree._Element | None, str]] = []
        # Where old objects and notes are copied from (the old draft's DOCX), if anywhere.
        self.carrier: Carrier | None = None
        # The old provision each paragraph written here opens in the old view (`oldnum`).
        self.opened: dict[etree._Element, Provision] = {}
        self.styles: Visibility | None = None  # `_styles`

    def write(self, actions: Iterable[Action]) -> None:
        """Execute every action, in order."""
        for action in actions:
            self.execute(action)
            if self.untracked:
                self._notices(action)
        sync_fallbacks(self.base.document, self.ids, self.rev)

    def _notices(self, action: Action) -> None:
        """Comments naming what an action could not track (see `_runs`)."""
        fallback: etree._Element | None = None
        if isinstance(action, (Insert, Revise, Replace, MoveTo)):
            fallback = action.layouts[0].label
        elif self.cursor is not None:
            fallback = self.cursor
        notes, self.untracked = self.untracked, []
        by_paragraph: dict[etree._Element, list[str]] = {}
        for at, message in notes:
            where = at if at is not None else fallback
            if where is not None:
                by_paragraph.setdefault(where, []).append(message)
        for where, messages in by_paragraph.items():
            flags = tuple(Flag("redline-untracked", "redline", "low", m) for m in messages)
            self.comments.append((where, where, flags))

    def execute(self, action: Action) -> None:
        """Execute one action."""
        match action:
            case Keep():  # first: most actions are (the kinds are disjoint, order is speed only)
                self.after = action
            case Start():
                self.top = action.top
            case FrontDelete():
                self._front_delete(action)
            case FrontInsert():
                self._insert_paragraphs(action.paragraphs)
            case FrontRevise():
                self._stream(action.stream)
            case FrontComment():
                self.comments.append((action.first, action.last, action.flags))
            case Insert():
                self._insert_whole(action.layouts)
                self._finish_backbone(action.layouts, action.flags, action.layouts[0].label)
            case Revise():
                if action.stream is not None:
                    self._stream(action.stream)
                if action.relabel is not None:
                    self._relabel(action.relabel)
                self._finish_backbone(action.layouts, action.flags, action.layouts[0].label)
            case Replace():
                before = action.layouts[0].label
                ghost_first: list[etree._Element] = []

                def place(p: etree._Element) -> None:
                    before.addprevious(p)
                    ghost_first.append(p)

                self._show_old(action.old, place)
                self._insert_whole(action.layouts)
                first = ghost_first[0] if ghost_first else action.layouts[0].label
                self._finish_backbone(action.layouts, action.flags, first)
            case MoveTo():
                self._move_to(action)
                self._finish_backbone(action.layouts, action.flags, action.layouts[0].label)
            case ShowOld():
                self._show_old(action, self._place)
            case Finish():
                if self.carrier is not None:
                    # An old provision whose first paragraph the reader found outside any table
                    # (it records each one's cell) is no old row's, whatever its text.
                    outside = {
                        p: old.location.paragraph
                        for p, old in self.opened.items()
                        if old.location is not None
                        and old.location.paragraph is not None
                        and old.location.cell is None
                    }
                    # …and one the reader found in a cell is no other row's.
                    origins = {
                        p: old.location.paragraph
                        for p, old in self.opened.items()
                        if old.location is not None
                        and old.location.paragraph is not None
                        and old.location.cell is not None
                    }
                    restore_rows(
                        self.base.document,
                        self.created,
                        self.carrier,
                        self.ids,
                        self.rev,
                        self.comments,
                        outside,
                        origins,
                    )
                    self.carrier.order_notes(self.base.document)
                mark_inserted_rows(self.base.document, self.ids, self.rev)
                self._trailing_paragraphs()

    def _finish_backbone(
        self, layouts: Sequence[Layout], flags: tuple[Flag, ...], first: etree._Element
    ) -> None:
        self.after = layouts[-1]
        if flags:
            self.comments.append((first, self._end_of(layouts[-1]), flags))

    # ------------------------------------------------------------------ placing

    def _place(self, p: etree._Element) -> None:
        """Put a new paragraph at the cursor (ghosts, deleted provisions)."""
        if self.after is not None:
            after, self.after = self.after, None
            layout = after.layout() if isinstance(after, Keep) else after
            if layout is not None:
                self.cursor = self._end_of(layout)
        if self.cursor is not None:
            self.cursor.addnext(p)
        elif self.top is not None:
            # Where the first provision is a text box's, the reader reads the box right after
            # its anchor's text: old text goes into the box, before that provision, if the
            # anchor shows text in the old view (an old title: the old text follows it); else
            # before the anchor (in the box, a table holding the provision could take it in).
            anchor = next(reversed(list(self.top.iterancestors(W_P))), None)
            if anchor is None or shows_old_text(anchor):
                self.top.addprevious(p)
            else:
                anchor.addprevious(p)
        else:
            body = self.base.document.find(BODY)
            assert body is not None
            sect = body.find(W_SECTPR)
            if sect is not None:
                sect.addprevious(p)
            else:
                body.append(p)
        self.cursor = p

    def _end_of(self, layout: Layout) -> etree._Element:
        """The last paragraph of a provision's own material (paragraphs added after it too)."""
        last = layout.region[-1]
        # A text box's paragraphs are part of their anchor's provision, and can end its
        # region: what follows the provision goes after the anchor's paragraph, not into
        # the box (WC-1920: two deleted body paragraphs came back inside a text box).
        last = next(reversed(list(last.iterancestors(W_P))), last)
        nxt = last.getnext()
        while nxt is not None and nxt in self.created:
            last, nxt = nxt, nxt.getnext()
        return last

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

    def _runs(
        self,
        segs: Iterable[Seg],
        rpr: etree._Element | None,
        at: etree._Element | None = None,
        *,
        into: etree._Element | None = None,
    ) -> list[etree._Element]:
        """Runs of text for `segs`, to stand in paragraph `into` (else `at`), each shown in
        the case the reader read it (`_in_case`). A placeholder (an old footnote, image or object the base
        has no run for) is never written as text: a deleted one is the old draft's own
        element, copied (`carry`); one that cannot be is left out and named in a comment on
        paragraph `at` (or the next paragraph written)."""
        into = into if into is not None else at
        out: list[etree._Element] = []
        for kind, text in segs:
            if OPEN not in text:
                if text:
                    out.append(revision_run(kind, text, self.ids, self.rev, self._in_case(text, rpr, into)))
                continue
            for piece, placeholder in split_placeholders(text):
                if not placeholder:
                    if piece:
                        out.append(
                            revision_run(kind, piece, self.ids, self.rev, self._in_case(piece, rpr, into))
                        )
                    continue
                made = None
                if self.carrier is not None and kind in ("delete", "moveFrom"):
                    made = self.carrier.run(
                        piece, "del" if kind == "delete" else "moveFrom", self.ids, self.rev
                    )
                if made is None:
                    self.untracked.append((at, untracked_note(piece, kind)))
                else:
                    out.append(made)
        return out

    def _in_case(
        self, text: str, rpr: etree._Element | None, p: etree._Element | None
    ) -> etree._Element | None:
        """The run properties that show `text`, in paragraph `p`, in the case the reader read
        it: where it holds a lower-case letter (it was not shown in capitals) and the run would
        show capitals (w:caps, w:smallCaps, set in `rpr` or by the paragraph's or the run's
        style, resolved as the reader does), both turned off — the reader reads a run Word
        shows in capitals in capitals, so an old word written beside such runs, in their
        properties, would read back in capitals in the reject-all view."""
        if text == capitals(text):
            return rpr  # capitals already, or no letter: shown so whatever the properties
        looks = looks_on = 0
        style = None
        for child in rpr if rpr is not None else ():
            name = _LOOKS.get(child.tag)
            if name is not None:
                bit, on = look_of(child, name, W_VAL_ATTR)
                looks, looks_on = looks | bit, (looks_on & ~bit) | on
            elif child.tag == W_RSTYLE_TAG:
                style = child.get(W_VAL_ATTR)
        found = p.find(f"{W_PPR_TAG}/{W_PSTYLE_TAG}") if p is not None else None
        paragraph_style = found.get(W_VAL_ATTR) if found is not None else None
        if not self._styles().shown(paragraph_style, style, looks, looks_on) & CAPS:
            return rpr
        made = copy.deepcopy(rpr) if rpr is not None else etree.Element(W_RPR_TAG)
        for tag in _CAPS:
            for old in made.findall(tag):
                made.remove(old)
        at = max((k + 1 for k, child in enumerate(made) if child.tag in _BEFORE_CAPS), default=0)
        for k, tag in enumerate(_CAPS):
            off = etree.Element(tag)
            off.set(W_VAL_ATTR, "0")
            made.insert(at + k, off)
        return made

    def _styles(self) -> Visibility:
        """The base document's styles as the reader resolves a run's look (read once)."""
        if self.styles is None:
            data = next((d for name, d in self.base.members if name.rsplit("/", 1)[-1] == "styles.xml"), None)
            self.styles = parse_visibility(parse_xml(data, "styles.xml") if data else None)
        return self.styles

    # ------------------------------------------------------------------ whole paragraphs

    def _insert_whole(self, layouts: Sequence[Layout]) -> None:
        self._insert_paragraphs([p for layout in layouts for p in layout.region])

    def _insert_paragraphs(self, paragraphs: Sequence[etree._Element]) -> None:
        """Paragraphs (document order) inserted whole: their runs and marks. A run anchoring a
        text box with text of other provisions (ones the comparison kept, or placed there) is
        left as it stands, and so is its paragraph's mark: that text is in both views, and
        the reject view must still read it at its anchor (WC046, WC065: a copied paragraph
        with its box, the old box's text aligned with the copy's). Joined with the next
        paragraph there, the box would read after that paragraph's text."""
        inserted = set(paragraphs)
        for p in paragraphs:
            if next(p.iterancestors(W_INS), None) is not None:
                continue  # a text box's paragraph goes with its anchor's inserted run
            kept = boxes_kept(p, inserted)
            own_label_field(p)  # a simple field numbering it, which no revision holds, as runs
            wrap_paragraph(p, "ins", self.ids, self.rev, kept)
            if kept is None:
                self._mark(p, "ins")

    def _show_old(self, action: ShowOld, place: _Place) -> None:
        written: list[etree._Element] = []
        for old in action.paragraphs:
            p = self._new_paragraph(copy_ppr(old.ppr))
            if old.label_runs:
                p.append(self._old_field(old.label_runs, old.mark))
            for item in self._runs(old.segs, old.rpr, into=p):
                p.append(item)
            place(p)
            self._mark(p, old.mark)
            written.append(p)
            if old.opens is not None:
                self.opened[p] = old.opens
        if not written:
            return
        if action.move:
            self._move_range(written[0], written[-1], "moveFrom", action.move)
        if action.flags:
            self.comments.append((written[0], written[-1], action.flags))

    def _old_field(self, runs: Sequence[etree._Element], mark: Mark) -> etree._Element:
        """Copies of a field's runs, deleted or moved away with the paragraph they number
        (its instruction as w:delInstrText, no property change of their own)."""
        copies = [copy.deepcopy(run) for run in runs]
        for run in copies:
            for element in list(run.iter(W_INSTRTEXT, W_RPRCHANGE)):
                holder = element.getparent()
                if element.tag == W_INSTRTEXT:
                    element.tag = W_DELINSTRTEXT
                elif holder is not None:
                    holder.remove(element)
        return revision("moveFrom" if mark == "moveFrom" else "del", copies, self.ids, self.rev)

    def _old_label(
        self,
        p: etree._Element,
        typed: str | None,
        field: Sequence[etree._Element],
        rpr: etree._Element | None,
    ) -> None:
        """An old label deleted first in `p`, before any deleted words: its field (LISTNUM), its text."""
        fields = [self._old_field(field, "del")] if field else []
        prepend(p, fields + (self._runs([("delete", typed)], rpr, into=p) if typed else []))

    def _front_delete(self, action: FrontDelete) -> None:
        body = self.base.document.find(BODY)
        assert body is not None
        previous: etree._Element | None = None
        for line in action.lines:
            p = self._new_paragraph(None)
            for item in self._runs([("delete", line)], None, into=p):
                p.append(item)
            if not action.at_start:
                self._place(p)
            elif previous is None:
                body.insert(0, p)
            else:
                previous.addnext(p)
            previous = p
            self._mark(p, "del")

    def _relabel(self, relabel: Relabel) -> None:
        rpr = range_rpr(relabel.p, relabel.start, relabel.end)
        segs: list[Seg] = [("delete", relabel.old_num), ("insert", relabel.num)]
        replace_range(relabel.p, relabel.start, relabel.end, self._runs(segs, rpr, into=relabel.p))

    # ------------------------------------------------------------------ the stream

    def _stream(self, plan: StreamPlan) -> None:
        """Write a planned op stream: each line into its paragraph, then what each break
        between lines needs."""
        ends: list[etree._Element] = []
        for line in plan.lines:
            ends.append(self._write_line(line, plan))
            for p in line.between:
                self._mark(p, "ins")
        for brk in plan.breaks:
            k = brk.line - 1
            y = plan.lines[brk.line].slot
            if brk.kind == "split":
                # Rejecting joins the two paragraphs: the joined one is the earlier one.
                before = old_ppr_of(ends[k])
                if ppr_key(before) != ppr_key(y.p.find(W_PPR)):
                    set_ppr_change(y.p, before, self.ids, self.rev)
                join_mark(y.p, ends[k], self.ids, self.rev)
                if brk.wrap_prefix:
                    wrap_range(y.p, 0, brk.wrap_prefix, "ins", self.ids, self.rev)
                elif y.start and not paragraph_text(y.p)[: y.start].strip():
                    # Space before the line that the reader does not count (a leading tab):
                    # the new paragraph's own, it would stand inside the joined one (RP038).
                    wrap_range(y.p, 0, y.start, "ins", self.ids, self.rev)
            elif brk.kind == "new":
                if ppr_key(plan.cont_ppr) != ppr_key(y.p.find(W_PPR)):
                    set_ppr_change(y.p, plan.cont_ppr, self.ids, self.rev)
                if brk.wrap_prefix:
                    wrap_range(y.p, 0, brk.wrap_prefix, "ins", self.ids, self.rev)
            else:
                if ppr_key(plan.label_ppr) != ppr_key(y.p.find(W_PPR)):
                    set_ppr_change(y.p, plan.label_ppr, self.ids, self.rev)
                self._old_label(y.p, brk.typed, brk.field, range_rpr(y.p, y.start, y.end))
                if brk.opens is not None:
                    self.opened[y.p] = brk.opens

    def _write_line(self, line: LinePlan, plan: StreamPlan) -> etree._Element:
        """One new line. Its paragraph keeps its runs (and their formatting): inserted words
        are wrapped in w:ins where they stand, deleted words added as w:del runs. Parts after
        an old-only break move into new paragraphs after it. Returns the paragraph that
        holds the end of the line."""
        slot, subs, keep = line.slot, line.subs, line.keep
        e = slot.p
        if line.new_label:
            wrap_runs(own_label_field(e), "ins", self.ids, self.rev)
        e_ppr = copy_ppr(e.find(W_PPR))
        rpr = range_rpr(e, slot.start, slot.end)

        def old_ppr(j: int) -> etree._Element | None:
            if plan.plain:
                return e_ppr
            return plan.label_ppr if line.opens_old[j] else plan.cont_ppr

        paragraphs = [e]
        for j in range(1, len(subs)):
            ppr = e_ppr if j < keep else old_ppr(j)
            n = self._new_paragraph(copy_ppr(ppr))
            after = paragraphs[-1]
            if j == keep and self._body_after_box(e, subs[j:]):
                after = next(reversed(list(e.iterancestors(W_P))))
            after.addnext(n)
            paragraphs.append(n)
            if j < keep:
                before = old_ppr(j)
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
            start, end = spans[j]
            if j == keep - 1 and not paragraph_text(e)[end:].strip():
                # Spaces after the line's end that the reader does not count go on with it:
                # left before the part moved on, accepting puts them inside the line (RP038).
                end = len(paragraph_text(e))
            for run in detach_range(e, start, end):
                paragraphs[j].append(run)
        for j, sub in enumerate(subs):
            p = paragraphs[j]
            self._apply(p, spans[0][0] if j == 0 else 0, sub, rpr)
            self._old_label(p, line.typed[j], line.fields[j], rpr)
            opens = line.opens_old[j]
            if opens is not None:
                self.opened[p] = opens
        if line.mark == "ins":
            # Spaces after the line that the reader does not count: rejecting joins this
            # paragraph to the next, and there they would stand inside an old line (RP038).
            last = paragraphs[keep - 1]
            end = spans[0][1] if keep == 1 else spans[keep - 1][1] - spans[keep - 1][0]
            wrap_untracked(last, end, len(paragraph_text(last)), "ins", self.ids, self.rev)
        for j in range(len(subs)):
            if j < keep - 1:
                self._mark(paragraphs[j], "del")
            elif j == keep - 1:
                if line.mark is not None:
                    self._mark(paragraphs[j], line.mark)
            else:
                self._mark(paragraphs[j], "del")
        return paragraphs[keep - 1]

    def _body_after_box(self, e: etree._Element, deleted: Sequence[Sub]) -> bool:
        """Whether old-only parts written after `e`, a text box's paragraph, were the body's
        paragraphs after the box's anchor (they go there, not into the box): the old draft's
        DOCX shows their text outside any box and not inside one."""
        if next(e.iterancestors(W_P), None) is None or self.carrier is None:
            return False
        self.carrier.load()
        texts = [" ".join("".join(t for k, t in sub.segs if k == "delete").split()) for sub in deleted]
        if not all(texts):
            return False
        seen = {False: False, True: False}  # in a box → some old paragraph shows the text
        for q in self.carrier.paragraphs:
            shown = " ".join(paragraph_text(q).split())
            if any(shown.endswith(text) for text in texts):
                seen[next(q.iterancestors(W_P), None) is not None] = True
        return seen[False] and not seen[True]

    def _apply(self, p: etree._Element, pos: int, sub: Sub, rpr: etree._Element | None) -> None:
        """Ops over text that `p` already shows from `pos` on: new words wrapped where they
        stand, old words added as deleted runs. A note or object is one unit: a note whose
        text changed stays in place and is revised inside its note part."""
        segs, edits = atomic_segs(sub.segs)
        for offset, old_note, new_note in edits:
            self._revise_note(p, pos + offset, old_note, new_note)
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
                replace_range(p, pos, pos, self._runs([(kind, text)], here, p))

    def _revise_note(self, p: etree._Element, at: int, old: str, new: str) -> None:
        """A footnote or endnote whose text changed, its reference at offset `at` of `p`:
        word-level revisions inside the note part."""
        ref = next((a.child for a in text_atoms(p) if a.placeholder and _spans(a, p, at)), None)
        kind = NOTE_KIND.get(ref.tag) if ref is not None else None
        found = self.base.notes.get(kind) if kind is not None else None
        note = None
        if ref is not None and found is not None:
            note_id = ref.get(W_ID)
            note = next((n for n in found[1] if n.get(W_ID) == note_id), None)
        paragraphs = [q for q in note.iter(W_P) if paragraph_text(q).strip()] if note is not None else []
        old_text, new_text = note_body(old), note_body(new)
        if note is not None and kind is not None and not new_text and not paragraphs:
            # The note emptied: its old text comes back as a deleted run in its (first) paragraph.
            q = next(note.iter(W_P), None)
            if q is None:
                q = etree.SubElement(note, W_P)
            q.extend(self._runs([("delete", old_text)], None, p))
            self.base.notes_edited.add(kind)
            return
        texts = [paragraph_text(q) for q in paragraphs]
        if kind is None or not paragraphs or " ".join(t.strip() for t in texts) != new_text:
            label = "footnote" if kind == "footnote" else "endnote"
            self.untracked.append(
                (p, f"the {label} changed here is shown in its new text; the change is not tracked")
            )
            return
        # The note's paragraphs are joined by one space in its text: cut the ops there.
        bounds: list[tuple[int, int]] = []
        at_new = 0
        for text in texts:
            bounds.append((at_new, at_new + len(text.strip())))
            at_new += len(text.strip()) + 1
        # The old note's paragraph breaks (the joining spaces of its text), where the old
        # note is found: a break that stays is no revision, one the new note lost cannot be
        # shown inside it — the note is then replaced whole.
        old_breaks = self._old_note_breaks(old, old_text)
        per: list[list[Seg]] = [[] for _ in paragraphs]
        # A paragraph break the new note added (its joining space inserted, or standing where
        # the old text had a space): the paragraph before it gets an inserted mark.
        added: list[tuple[int, bool]] = []
        kept: set[int] = set()
        npos = opos = 0
        for op, text in _kept_before_break(diff_words(old_text, new_text), [b for _, b in bounds[:-1]]):
            for i, (_, b) in enumerate(bounds[:-1]):
                if op == "delete" or not npos <= b < npos + len(text):
                    continue
                if op == "equal" and old_breaks is not None and opos + b - npos in old_breaks:
                    kept.add(opos + b - npos)
                else:
                    added.append((i, op == "equal"))
            if op == "delete":
                i = max(k for k, (a, _) in enumerate(bounds) if a <= npos or k == 0)
                per[i].append(("delete", text))
                opos += len(text)
                continue
            for i, (a, b) in enumerate(bounds):
                lo, hi = max(a, npos), min(b, npos + len(text))
                if lo < hi:
                    per[i].append((op, text[lo - npos : hi - npos]))
            npos += len(text)
            opos += len(text) if op == "equal" else 0
        if old_breaks is not None and kept != old_breaks:
            self._replace_note(p, at, old, new)
            return
        self.base.notes_edited.add(kind)
        for q, text, segs in zip(paragraphs, texts, per, strict=True):
            if all(k == "equal" for k, _ in segs):
                continue
            start = len(text) - len(text.lstrip())
            self._apply(q, start, Sub(0, segs), range_rpr(q, start, len(text)))
        for i, spaced in added:
            if spaced:  # rejected, the two paragraphs join: the old space between them too
                paragraphs[i].extend(self._runs([("delete", " ")], range_rpr(paragraphs[i], 0, 0)))
            self._mark(paragraphs[i], "ins")

    def _old_note_breaks(self, placeholder: str, old_text: str) -> set[int] | None:
        """Where the old note's paragraph breaks are in its text `old_text` (the joining
        spaces), from the old draft's own note; None where that note is not found."""
        if self.carrier is None:
            return None
        self.carrier.load()
        refs = self.carrier.found.get(placeholder.strip()) or self.carrier.found.get(placeholder)
        kind = NOTE_KIND.get(refs[0].tag) if refs else None
        part = self.carrier.notes.get(kind) if refs and kind is not None else None
        if not refs or part is None:
            return None
        note = next((n for n in part[1] if n.get(W_ID) == refs[0].get(W_ID)), None)
        if note is None:
            return None
        texts = [paragraph_text(q).strip() for q in note.iter(W_P) if paragraph_text(q).strip()]
        if " ".join(texts) != old_text:
            return None
        breaks, at = set(), 0
        for text in texts[:-1]:
            at += len(text)
            breaks.add(at)
            at += 1
        return breaks

    def _replace_note(self, p: etree._Element, at: int, old: str, new: str) -> None:
        """A note whose paragraphs the new draft joined or dropped (a break or a table row
        lost: no revision inside the note shows that): the old reference deleted, its note
        copied from the old draft (`carry`), the new one inserted — exact in both views."""
        replace_range(p, at, at, self._runs([("delete", old)], range_rpr(p, at, at), p))
        wrap_range(p, at, at + len(new), "ins", self.ids, self.rev)

    # ------------------------------------------------------------------ moves

    def _move_to(self, action: MoveTo) -> None:
        """The new place of a moved provision, as w:moveTo inside a named move range."""
        layout = action.layouts[0]
        if action.wrap_prefix:
            wrap_range(layout.label, 0, action.wrap_prefix, action.prefix_mark, self.ids, self.rev)
        if action.stream is not None:
            self._stream(action.stream)
        own = set(layout.region)
        for p in layout.region:
            own_label_field(p)  # as for an insertion
            kept = boxes_kept(p, own)
            if kept is not None:
                # As for an insertion (`_insert_paragraphs`): the box stays, and so does the mark
                # (a stream moved it with the text: rejected, the anchor joined the paragraph
                # after it, whose text then read before the box's; WC051, seed 4).
                if action.stream is None:
                    wrap_paragraph(p, "moveTo", self.ids, self.rev, kept)
                elif paragraph_mark(p) == "moveTo":
                    mark_paragraph_as(p, None, self.ids, self.rev)
                continue
            # Every run not marked yet: all of it without a stream; with one, what stands
            # outside the lines' text (a line break and a no-break space after them:
            # DB006-Source3), else rejecting would leave it there to join the next paragraph
            # (a paragraph with a text box in it or around it aside: left as it was).
            if action.stream is None or next(chain(p.iter(W_TXBX), p.iterancestors(W_TXBX)), None) is None:
                wrap_paragraph(p, "moveTo", self.ids, self.rev)
            # Only a paragraph of moved text alone has a moved mark; one that also holds
            # words added with the move, or nothing (a label alone), has an inserted mark:
            # LibreOffice drops a move mark there.
            runs = [e for e in p.iter(W_INS, W_MOVETO) if parent_tag(e) != W_RPR]
            mark: Mark = "moveTo" if runs and all(e.tag == W_MOVETO for e in runs) else "ins"
            if paragraph_mark(p) != mark:
                self._mark(p, mark)
        self._move_range(layout.label, layout.region[-1], "moveTo", action.name)

    def _move_range(self, first: etree._Element, last: etree._Element, side: str, name: str) -> None:
        start = range_marker(f"w:{side}RangeStart", self.ids, self.rev, name)
        end = etree.Element(qn(f"w:{side}RangeEnd"), nsmap=NSMAP)
        end.set(W_ID, start.get(W_ID) or "")
        ppr = first.find(W_PPR)
        first.insert(1 if ppr is not None else 0, start)
        last.append(end)

    # ------------------------------------------------------------------ finishing

    def _trailing_paragraphs(self) -> None:
        """No revised paragraph may end the body or a table cell: add an empty one after it.
        Where the view that takes the revised mark away still shows something of that
        paragraph (WC044: a text box's anchor taking moved text), it joins the empty one: the
        empty one has its properties in both views then, so the join keeps the same whichever
        paragraph's a word processor keeps (plain, the empty one showed a list number or the
        mark's formatting where the other showed none)."""
        body = self.base.document.find(BODY)
        if body is None:
            return
        for container in (body, *body.iter(TC)):
            # The last child that is a paragraph or another block (a table ends the
            # container), found from the end.
            last: etree._Element | None = None
            for child in container.iterchildren(reversed=True):
                if child.tag == W_P:
                    last = child
                    break
                if isinstance(child.tag, str) and child.tag not in ZERO_WIDTH and child.tag != W_SECTPR:
                    break
            mark = paragraph_mark(last) if last is not None else None
            if last is None or mark is None:
                continue
            empty = etree.Element(W_P, nsmap=NSMAP)
            last.addnext(empty)
            if shows_without_mark(last, mark):
                ppr = copy_ppr(last.find(W_PPR))
                if ppr is not None:
                    empty.insert(0, ppr)
                old = old_ppr_of(last)
                if old is not last.find(W_PPR):
                    set_ppr_change(empty, old, self.ids, self.rev)
                join_mark(empty, last, self.ids, self.rev)  # its mark's recorded ones too


# ----------------------------------------------------------------------- notes

NOTE_KIND = {qn("w:footnoteReference"): "footnote", qn("w:endnoteReference"): "endnote"}


def _kept_before_break(ops: Sequence[Seg], breaks: Sequence[int]) -> list[Seg]:
    """Note ops where an insertion holds a new paragraph break and the old text right after
    it also ends the insertion's part before the break (inserted ' with a change. This
    endnote …', then the old '.'): that old text is kept before the break and the new
    paragraph is inserted whole. The same texts in both views; read as the edit was made,
    and LibreOffice 7.4 rejects it right (rejecting the other form inside a note, it drops
    the joined paragraph's kept '.', which it keeps in the body; WmlComparer's WC-1710)."""
    out: list[Seg] = []
    npos = k = 0
    while k < len(ops):
        op, text = ops[k]
        after = ops[k + 1] if k + 1 < len(ops) else None
        if op == "insert" and after is not None and after[0] == "equal" and after[1]:
            kept = after[1]
            cut = next(
                (
                    b - npos
                    for b in breaks
                    if npos + len(kept) <= b < npos + len(text) and text[: b - npos].endswith(kept)
                ),
                None,
            )
            if cut is not None:
                if cut > len(kept):
                    out.append(("insert", text[: cut - len(kept)]))
                out += [("equal", kept), ("insert", text[cut:] + kept)]
                npos += len(text) + len(kept)
                k += 2
                continue
        out.append((op, text))
        npos += len(text) if op != "delete" else 0
        k += 1
    return out


def _spans(atom: Atom, p: etree._Element, at: int) -> bool:
    """Whether placeholder `atom` of `p` covers offset `at` (where a placeholder begins)."""
    pos = 0
    for other in text_atoms(p):
        if other.child is atom.child:
            return pos <= at < pos + len(other.text)
        pos += len(other.text)
    return False


_MC_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
_OLD_TEXT = (qn("w:t"), qn("w:delText"))
_REVISED = frozenset({W_INS, qn("w:del"), W_MOVETO, qn("w:moveFrom"), qn("w:pPrChange"), W_RPRCHANGE})
_MOVE_RANGES = tuple(qn(f"w:{side}Range{end}") for side in ("moveFrom", "moveTo") for end in ("Start", "End"))
_AS_PLAIN = {W_MOVETO: W_INS, qn("w:moveFrom"): qn("w:del")}


def sync_fallbacks(document: etree._Element, ids: RevisionIds, rev: Revision) -> None:
    """A text box revised in the branch word processors show (its `mc:Choice`) gets the same
    revisions in its other branches (the VML `mc:Fallback` older ones show), fresh ids."""
    del rev  # the copies keep the author and date of what they copy
    for alternate in list(document.iter(_MC_ALTERNATE)):
        chosen = choose_branch(alternate)
        if chosen is None:
            continue
        boxes = list(chosen.iter(W_TXBX))
        if not any(e.tag in _REVISED for box in boxes for e in box.iter()):
            continue
        for branch in alternate:
            if branch is chosen:
                continue
            others = list(branch.iter(W_TXBX))
            if len(others) != len(boxes):
                continue
            for box, other in zip(boxes, others, strict=True):
                for child in list(other):
                    other.remove(child)
                for child in box:
                    twin = copy.deepcopy(child)
                    # A move is one named pair of ranges: its copy here is a plain deletion
                    # or insertion (repeated, the name would pair three ranges).
                    for e in list(twin.iter(*_MOVE_RANGES)):
                        parent = e.getparent()
                        if parent is not None:
                            parent.remove(e)
                    for e in twin.iter():
                        if e.tag in _REVISED:
                            e.tag = _AS_PLAIN.get(e.tag, e.tag)
                            e.set(W_ID, str(ids.next()))
                    other.append(twin)


def boxes_kept(p: etree._Element, own: set[etree._Element]) -> Callable[[etree._Element], bool] | None:
    """For paragraph `p`, inserted or moved whole with the paragraphs `own`: which of its runs
    to leave as they stand, those anchoring a text box that shows text of other paragraphs
    (None when no run does, as in most documents)."""

    def other_text(run: etree._Element) -> bool:
        return any(q not in own and shown_branch(q, run) and paragraph_text(q).strip() for q in run.iter(W_P))

    runs = [run for run in p.iter(W_R) if next(run.iterancestors(W_P)) is p]
    return other_text if any(other_text(run) for run in runs) else None


def shows_old_text(p: etree._Element) -> bool:
    """Whether `p` shows text of its own (not its text boxes') in the old view."""
    for t in p.iter(*_OLD_TEXT):
        if not (t.text or "").strip() or next(t.iterancestors(W_TXBX, W_P)) is not p:
            continue
        for a in t.iterancestors():
            if a is p:
                return True  # reached without passing an insertion
            if a.tag in (W_INS, W_MOVETO):
                break
    return False


def parent_tag(element: etree._Element) -> object:
    """The tag of `element`'s parent (None at the root)."""
    parent = element.getparent()
    return None if parent is None else parent.tag


def prepend(p: etree._Element, items: list[etree._Element]) -> None:
    """Put `items` first in paragraph `p` (after its properties)."""
    at = 1 if p.find(W_PPR) is not None else 0
    for offset, item in enumerate(items):
        p.insert(at + offset, item)
