"""The redline plan: which paragraph gets which marks, as an explicit list of edit actions.

Takes the `Comparison`, the base document (read only, through `Locator` and `Layout`) and
whether moves are shown as moves; hands on `Action`s (records of `actions`) in the order
the writer executes them: title and preamble, then each change in new-document order with old material
(deleted, moved away) at its old place. Each action says what to write and where —
whole paragraphs inserted, old provisions as deleted or moved-from paragraphs laid out
like a new relative, word-level op streams cut into paragraphs with the mark and old
properties of each, typed labels to relabel, move ranges — and carries everything the
writer needs, so the writer knows nothing of alignment. Guarantees that a planned op
stream rebuilds both texts line for line and that its paragraphs hold its new text; a
change that cannot be lined up that way is planned whole (old deleted, new inserted).

`Planner.actions()` is lazy: each action is planned when the writer asks for it, after
the previous one was written, because a plan reads paragraph texts and properties that
earlier actions may have edited (a paragraph shared by two provisions). Planning never
edits the document and never allocates a revision id.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import not_

from lxml import etree

from draftkit.compare.changes import Change, Comparison, Flag
from draftkit.compare.textdiff import diff_words
from draftkit.model import FRONT_KINDS, Provision
from draftkit.readers.docx_text import capitals
from draftkit.render.redline.actions import (
    Action,
    Backbone,
    BreakPlan,
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
    OldParagraph,
    Relabel,
    Replace,
    Revise,
    Seg,
    SegKind,
    ShowOld,
    Start,
    StreamPlan,
    parse_stream,
    sides,
)
from draftkit.render.redline.base import Base
from draftkit.render.redline.carry import Carrier
from draftkit.render.redline.later import Later
from draftkit.render.redline.layout import (
    CONTAINER_KINDS,
    TC,
    Layout,
    Slot,
    between,
    cont_ppr,
    ends_cleanly,
    front_paragraphs,
    head,
    label_field,
    may_be_typed,
    mode,
    old_mode,
    provision_lines,
    side_lines,
)
from draftkit.render.redline.lines import TR, ends_cell, line_ops
from draftkit.render.redline.locate import Locator, label_shape, moved_changes
from draftkit.render.redline.oldnum import without_numbering
from draftkit.render.wml import (
    W_NUMPR,
    W_PPR,
    W_PSTYLE,
    copy_ppr,
    paragraph_text,
    range_rpr,
)

# --------------------------------------------------------------------------- the planner


@dataclass(slots=True)
class _Ghost:
    """Old provisions shown at their old place: deleted, or moved away from there."""

    change: Change
    olds: list[Provision]
    move: str | None = None  # the move range's name when shown as w:moveFrom


class Planner:
    """Plans every change of a comparison against the base document."""

    def __init__(
        self,
        comparison: Comparison,
        base: Base,
        moves: bool,
        *,
        later: bool = False,
        carrier: Carrier | None = None,
    ) -> None:
        self.comparison = comparison
        self.base = base
        self.moves = moves
        self.carrier = carrier  # the old draft's DOCX (its paragraphs' properties), if it was one
        self.locator = Locator(comparison.new, comparison.old, base)
        # `later`: the comparison is not flagged yet; each comment carries a `Later` (render.redline.later).
        self.later = {id(change): k for k, change in enumerate(comparison.changes)} if later else None
        self.move_names: dict[int, str] = {}
        self.moved: set[int] = set()
        self.top: etree._Element | None = None  # the first provision's first paragraph

    def layout(self, provision: Provision) -> Layout | None:
        """Where a new provision is (see `Locator.layout`)."""
        return self.locator.layout(provision)

    def actions(self) -> Iterator[Action]:
        """Every action, in the order they are to be written (planned lazily, see above)."""
        # Title and recitals are written by `_front_matter` from the drafts' own front lines;
        # the comparison's front units only bring their flags (as comments).
        front_flagged: list[Change] = []
        changes: list[Change] = []
        for change in self.comparison.changes:
            if not _front(change):
                changes.append(change)
            elif change.flags or self.later is not None:
                front_flagged.append(change)
        self.front_flagged = front_flagged
        locator = self.locator
        self.moved = moved_changes(changes, locator.position, locator.old_position)
        # What each new provision was (1:1 changes), the changes with new provisions (the
        # backbone) and the place of each there, the change of each old provision: one loop.
        was: dict[int, Provision] = {}
        backbone: list[Change] = []
        at: dict[int, int] = {}
        change_of_old: dict[int, Change] = {}
        for change in changes:
            olds, news = change.old, change.new
            for o in olds:
                change_of_old[id(o)] = change
            if news:
                if len(olds) == len(news) == 1:
                    was[id(news[0])] = olds[0]
                at[id(change)] = len(backbone)
                backbone.append(change)
        locator.was = was
        ghosts: dict[int, list[_Ghost]] = {}
        anchor = -1
        for old in locator.old_order:
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
            # Both ends can be written, and hold words to move (an empty provision moved has
            # none: a move range around nothing is a deletion and an insertion).
            words = all(p.text.strip() or (p.heading or "").strip() for p in (*c.old, *c.new))
            if target is not None and target.match() and words:
                move = f"move{len(self.move_names) + 1}"
                self.move_names[id(c)] = move
            group.append(_Ghost(c, [old], move))
        for provision in self.locator.order:
            first = self.layout(provision)
            if first is not None:
                self.top = first.label
                break
        yield Start(self.top)
        yield from self._front_matter()
        # A Keep only tells the writer where old material written next goes: it is handed
        # on only when old material follows it (before another backbone action, which would
        # take its place), not for each of the thousands of provisions a long draft keeps.
        quiet = self._unchanged(backbone)
        kept_after = -1  # the backbone changes kept after this one are kept still
        # Layouts are taken as the plan goes only where they could differ later (see
        # `Locator.static`): else only the changes with something to show, and those old
        # material follows, need a look — not the thousands a long draft keeps.
        static = self.locator.static
        steps: Iterable[int] = range(-1, len(backbone))
        if static:
            steps = sorted({-1, *ghosts, *compress(range(len(quiet)), map(not_, quiet))})
        for k in steps:
            if k >= 0:
                change = backbone[k]
                if quiet[k]:
                    if not static:
                        self.layout(change.new[0])
                else:
                    action = self._backbone(change)
                    if action is not None:
                        kept_after = k
                        yield action
            for ghost in ghosts.get(k, []):
                shown = self._ghost(ghost, near=self._near(backbone, k))
                if shown is not None:
                    kept = k  # the last change kept since the last action, if any
                    while kept > kept_after and not quiet[kept]:
                        kept -= 1
                    if kept > kept_after:
                        yield Keep(backbone[kept].new[0], self.locator)
                        kept_after = k
                    yield shown
        yield Finish()

    def _flags(self, change: Change) -> tuple[Flag, ...]:
        """What a change's comment will say: its flags, or (`later`) where to find them."""
        return (
            change.flags
            if self.later is None
            else (Later("later", "", "low", "", index=self.later[id(change)]),)
        )

    def _near(self, backbone: list[Change], k: int) -> int:
        if k < 0 or not backbone[k].new:
            return 0
        return self.locator.position.get(id(backbone[k].new[-1]), 0)

    # ------------------------------------------------------------------ one change

    def _unchanged(self, changes: Sequence[Change]) -> list[bool]:
        """Whether each change has nothing to show (a `Keep`; old material may follow it)."""
        moved = self.moved
        return [
            not change.flags
            and change.kind != "added"
            and id(change) not in moved
            and len(change.old) == len(change.new) == 1
            and change.old_text == change.new_text
            and change.old_heading == change.new_heading
            and change.old[0].num == change.new[0].num
            for change in changes
        ]

    def _backbone(self, change: Change) -> Backbone | None:
        """The action for a change that has something to show (see `_unchanged`)."""
        layouts = [self.layout(p) for p in change.new]
        located = tuple(layout for layout in layouts if layout is not None)
        if not located:
            return None  # nowhere to show it (a reader gave no location)
        move = self.move_names.get(id(change))
        if move is not None:
            return self._move_to(change, located, move)
        if id(change) in self.moved or change.kind == "added":
            return Insert(located, self._flags(change))
        revise = self._in_place(change, list(located)) if len(located) == len(layouts) else None
        if revise is not None:
            return revise
        old = self._ghost(_Ghost(change, list(change.old)), near=located[0].position, comment=False)
        return Replace(located, self._flags(change), old or ShowOld(()))

    def _in_place(self, change: Change, layouts: list[Layout]) -> Revise | None:
        """Word-level revisions for a change whose provisions stayed in place; None when its
        paragraphs cannot be lined up with its text."""
        olds, news = change.old, change.new
        quiet = (
            len(olds) == len(news) == 1
            and change.old_text == change.new_text
            and change.old_heading == change.new_heading
        )
        # Word renumbers a label only within its own list: "1." that became "Article 1" (another
        # kind, another layout: a heading line and the text after it) is shown.
        same_list = olds[0].kind == news[0].kind and label_shape(olds[0].num) == label_shape(news[0].num)
        if quiet and (
            olds[0].num == news[0].num or (news[0].num and same_list and not may_be_typed(layouts[0]))
        ):
            return Revise(tuple(layouts), self._flags(change), None, None)  # Word renumbers automatic labels
        if not all(layout.match() for layout in layouts):
            return None
        if any(p.kind != news[0].kind or label_shape(p.num) != label_shape(news[0].num) for p in olds):
            return None  # another kind now, or a merged part of another ("1." into "Article 1")
        planned = self._plan_lines(change, layouts)
        if planned is None:
            return None
        ops, slots, new_starts, old_starts = planned
        old_full, new_full = sides(ops)
        changed = old_full != new_full or set(new_starts) != set(old_starts)
        stream: StreamPlan | None = None
        if changed:
            stream = self._stream(ops, slots, layouts[0], new_starts=new_starts, old_starts=old_starts)
            if stream is None:
                return None
        return Revise(
            tuple(layouts),
            self._flags(change),
            stream,
            self._relabel(layouts[0], olds[0].num if olds else None),
        )

    def _plan_lines(
        self, change: Change, layouts: list[Layout]
    ) -> tuple[list[Seg], list[Slot], dict[int, Layout], dict[int, Provision]] | None:
        """The change as one op stream with a line per paragraph, the paragraph of each new
        line, and the lines where each new and old provision starts; None when the parts of
        a split or merge do not each fill one paragraph run."""
        olds, news = change.old, change.new
        modes = [mode(layout) for layout in layouts]
        # Later parts of a merge as they stood: text in the label's paragraph, or (a part
        # like an article) after it.
        old_modes = [
            old_mode(old, modes[0] if k == 0 else "L" if old.kind in CONTAINER_KINDS else "TL")
            for k, old in enumerate(olds)
        ]
        if any(m != "TL" for m in (*modes[1:], *old_modes[1:])):
            return None
        slots: list[Slot] = []
        new_lines: list[str] = []
        new_starts: dict[int, Layout] = {}
        for layout, m in zip(layouts, modes, strict=True):
            new_starts[len(new_lines)] = layout
            lines = side_lines(layout.provision, m)
            own = list(layout.slots or ())
            if m == "L" and (not own or own[0].p is not layout.label):
                end = len(paragraph_text(layout.label).rstrip())
                own.insert(0, Slot(layout.label, end, end))
            if len(own) != len(lines):
                return None
            slots.extend(own)
            new_lines.extend(lines)
        old_lines: list[str] = []
        old_starts: dict[int, Provision] = {}
        for old, m in zip(olds, old_modes, strict=True):
            old_starts[len(old_lines)] = old
            old_lines.extend(side_lines(old, m))
        head_old = side_lines(olds[0], old_modes[0])[: head(olds[0], old_modes[0])] if olds else []
        head_new = side_lines(news[0], modes[0])[: head(news[0], modes[0])]
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
        in_table = len(olds) == len(news) == 1 and any(
            next(s.p.iterancestors(TR), None) is not None for s in slots
        )
        body_old = side_lines(olds[0], old_modes[0])[len(head_old) :] if in_table else []
        body_new = side_lines(news[0], modes[0])[len(head_new) :] if in_table else []
        if in_table:
            # A table in the provision: lines (a row's cells are lines) matched whole first,
            # so that a row added or removed is lines added or removed whole; words diffed
            # within lines that changed.
            ops.extend(line_ops(body_old, body_new))
        else:
            ops.extend(change.ops)
        if sides(ops) != ("\n".join(old_lines), "\n".join(new_lines)):
            return None  # ops that do not rebuild the texts: show the change whole instead
        return ops, slots, new_starts, old_starts

    def _relabel(self, layout: Layout, old_num: str | None) -> Relabel | None:
        """A typed label that changed: the old number deleted, the new one inserted."""
        num = layout.provision.num
        if not layout.typed or not num or not old_num or old_num == num:
            return None
        start = len(layout.prefix) - len(layout.prefix.lstrip())
        return Relabel(layout.label, start, start + len(num), old_num, num)

    # ------------------------------------------------------------------ the stream

    def _stream(
        self,
        ops: Sequence[Seg],
        slots: list[Slot],
        layout: Layout | None,
        *,
        new_starts: dict[int, Layout] | None = None,
        old_starts: dict[int, Provision] | None = None,
        move: bool = False,
    ) -> StreamPlan | None:
        """An op stream cut into the paragraphs of its new lines (`slots`).

        Old-only breaks add paragraphs; new-only breaks mark paragraph marks inserted.
        `layout` (the first provision's) gives the properties an old paragraph had; None
        for plain paragraphs (preamble), which keep their own. With `move`, "equal" text
        is moved text and every mark a move mark. None when a line's paragraph does not
        hold its new text, or a paragraph that would be joined is not next to its partner.
        """
        new_starts = new_starts or {}
        old_starts = old_starts or {}
        lines, breaks = parse_stream(ops)
        if len(lines) != len(slots):
            return None
        last = len(lines) - 1
        marks: list[Mark | None] = [
            "ins" if k < last and breaks[k][0] == "insert" else ("moveTo" if move else None)
            for k in range(len(lines))
        ]
        swapped: set[int] = set()
        whole = [
            len(subs) == 1
            and subs[0].inserted
            and slot.start == 0
            and slot.end == len(paragraph_text(slot.p))
            and not (k in new_starts and new_starts[k].prefix)
            for k, (subs, slot) in enumerate(zip(lines, slots, strict=True))
        ]
        if not move:
            # A wholly new paragraph carries its own inserted mark (rejecting removes it
            # outright) rather than the mark of the paragraph before it.
            for k in range(last, 0, -1):
                if whole[k] and marks[k - 1] == "ins" and marks[k] is None and ends_cleanly(slots[k].p):
                    marks[k - 1], marks[k] = None, "ins"
                    swapped.add(k)
        # A wholly new paragraph of plain lines (title, preamble) with its own inserted mark
        # joins nothing when rejected (it goes whole): what stands after it stays as it is.
        # Not in a provision's stream, whose breaks also carry labels and old properties.
        alone = (
            set()
            if layout is not None
            else {k for k in range(last) if marks[k] == "ins" and whole[k] and ends_cleanly(slots[k].p)}
        )
        # Each line's paragraph holds the line's new text, and paragraphs to be joined stand
        # next to each other.
        for subs, slot in zip(lines, slots, strict=True):
            wanted = "".join(t for sub in subs for k, t in sub.segs if k in ("equal", "insert", "moveTo"))
            shown = paragraph_text(slot.p)[slot.start : slot.end]
            if shown != wanted and capitals(shown) != capitals(wanted):  # w:caps: see layout._suffix
                return None
        for k in range(last + 1):
            if marks[k] == "ins" and ends_cell(slots[k].p):
                marks[k] = None  # the end of a table cell is no paragraph mark to track
        empty: dict[int, list[etree._Element]] = {}
        for k in range(last):
            if marks[k] == "ins" and k not in alone:
                found = between(slots[k].p, slots[k + 1].p)
                if found is None:
                    return None
                empty[k] = found
        # A list numbered by LISTNUM fields (no paragraph property numbers it): an old provision
        # that started where the new text runs on gets the first provision's field back,
        # deleted, with what sets it off (as `_ghost_paragraphs` writes a deleted relative).
        field = label_field(layout.label) if layout is not None and not layout.typed else ()

        def old_label(opened: Provision) -> tuple[str | None, tuple[etree._Element, ...]]:
            assert layout is not None
            typed = layout.typed_label(opened.num)
            if typed is None and field and opened.num:
                return layout.prefix or None, field
            return typed, ()

        line_plans: list[LinePlan] = []
        for k, subs in enumerate(lines):
            # Trailing parts with nothing left in the new text are old paragraphs only: they
            # get the old properties and their own deleted mark.
            keep = len(subs)
            if marks[k] is None:
                while keep > 1 and subs[keep - 1].deleted:
                    keep -= 1
            opens = tuple(old_starts.get(sub.old_line) for sub in subs)
            labels = [
                old_label(old_starts[sub.old_line])
                if layout is not None and j > 0 and sub.old_line in old_starts
                else (None, ())
                for j, sub in enumerate(subs)
            ]
            # Where a new provision starts and no old one did (a split's break, or the old
            # text ran on), the old view has no number there.
            new_label = (
                layout is not None
                and k > 0
                and k in new_starts
                and not (breaks[k - 1][0] == "equal" and breaks[k - 1][1] in old_starts)
            )
            line_plans.append(
                LinePlan(
                    slots[k],
                    tuple(subs),
                    marks[k],
                    keep,
                    opens,
                    tuple(typed for typed, _ in labels),
                    tuple(empty.get(k, ())),
                    tuple(runs for _, runs in labels),
                    new_label,
                )
            )
        break_plans: list[BreakPlan] = []
        for k in range(last):
            kind, old_line = breaks[k]
            starts_new = (k + 1) in new_starts
            starts_old = kind == "equal" and old_line in old_starts
            y_layout = new_starts.get(k + 1)
            prefix = len(y_layout.prefix) if y_layout is not None and y_layout.prefix else 0
            if kind == "insert" and (k + 1) not in swapped and k not in alone:
                break_plans.append(BreakPlan(k + 1, "split", prefix if starts_new else 0))
            elif kind == "equal" and starts_new and not starts_old and layout is not None:
                break_plans.append(BreakPlan(k + 1, "new", prefix))
            elif kind == "equal" and starts_old and not starts_new and layout is not None:
                opened = old_starts[old_line]
                typed_label, old_field = old_label(opened)
                break_plans.append(BreakPlan(k + 1, "old", typed=typed_label, opens=opened, field=old_field))
        label_ppr = copy_ppr(layout.label.find(W_PPR)) if layout is not None else None
        cont = cont_ppr(layout) if layout is not None else None
        return StreamPlan(tuple(line_plans), tuple(break_plans), layout is None, label_ppr, cont)

    # ------------------------------------------------------------------ moves

    def _move_to(self, change: Change, located: tuple[Layout, ...], name: str) -> MoveTo:
        """The new place of a moved provision, as w:moveTo inside a named move range."""
        layout = located[0]
        planned = self._plan_lines(change, [layout])
        same = planned is not None and all(kind == "equal" for kind, _ in planned[0])
        old_num = change.old[0].num if change.old else None
        relabelled = layout.typed and old_num != layout.provision.num
        wrap_prefix = 0
        stream: StreamPlan | None = None
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
                wrap_prefix = len(layout.prefix)
            stream = self._stream(moved, slots, layout, move=True)
        elif relabelled:
            wrap_prefix = len(layout.prefix)
        return MoveTo(
            located, self._flags(change), name, wrap_prefix, "ins" if relabelled else "moveTo", stream
        )

    # ------------------------------------------------------------------ ghosts

    def _ghost(self, ghost: _Ghost, *, near: int, comment: bool = True) -> ShowOld | None:
        """Old provisions written as deleted (or moved-from) paragraphs, laid out like
        their nearest new relatives; None when there is nothing to write."""
        kind: SegKind = "moveFrom" if ghost.move else "delete"
        mark: Mark = "moveFrom" if ghost.move else "del"
        paragraphs: list[OldParagraph] = []
        for old in ghost.olds:
            model, related, shared = self.locator.neighbour(old, near)
            paragraphs.extend(self._ghost_paragraphs(old, model if related else None, shared, kind, mark))
        if not paragraphs:
            return None
        flags = self._flags(ghost.change) if comment and not ghost.change.new else ()
        return ShowOld(tuple(paragraphs), ghost.move, flags)

    def _old_heading_ppr(self, old: Provision) -> etree._Element | None:
        """The properties of an old heading's own paragraph in the old DOCX (a style, no
        numbering), when that paragraph is found there; None otherwise."""
        found = self.carrier.first_paragraph(old, old.heading or "") if self.carrier is not None else None
        ppr = copy_ppr(found.find(W_PPR)) if found is not None else None
        return (
            ppr if ppr is not None and ppr.find(W_PSTYLE) is not None and ppr.find(W_NUMPR) is None else None
        )

    def _ghost_paragraphs(
        self, old: Provision, model: Layout | None, shared: bool, kind: SegKind, mark: Mark
    ) -> list[OldParagraph]:
        """The paragraphs of one old provision. With a related new provision as `model`, laid
        out like it; with its numbering too when `shared` (Word then counts the old provision
        in the old view and shows its old number), else with the label typed. Without a
        relative, plain paragraphs with the label typed."""
        lines = [line.replace("\n", " ") for line in provision_lines(old)]
        label_runs: tuple[etree._Element, ...] = ()
        paragraphs: list[tuple[etree._Element | None, etree._Element | None, list[Seg]]] = []
        if model is None or not model.slots:
            typed = f"{old.num}\t" if old.num else ""  # set off by a tab: read back as a label
            # An unnumbered heading with no relative to copy: its own old paragraph's
            # properties (its heading style), else it would read back as a paragraph of text.
            heading_ppr = self._old_heading_ppr(old) if old.heading is not None and not typed else None
            if heading_ppr is not None:
                paragraphs.append((heading_ppr, None, [(kind, lines.pop(0))]))
            else:
                first = lines.pop(0) if old.heading is None else ""
                paragraphs.append((without_numbering(None), None, [(kind, typed + first)]))
            paragraphs.extend((None, None, [(kind, line)]) for line in lines)
        else:
            slots, mp = model.slots, model.provision
            label_ppr = copy_ppr(model.label.find(W_PPR))
            label_rpr = range_rpr(model.label, 0, 0)
            typed = model.typed_label(old.num) or ""
            # A relative numbered by a LISTNUM field in its text: the field (and what sets
            # the label off) goes with the old provision, counted where it stands.
            label_runs = label_field(model.label) if shared and not typed and old.num else ()
            if label_runs:
                typed = model.prefix
            elif not typed and not shared and old.num:
                # Counting along with the new list would show another number: typed instead,
                # with numbering off (numId 0), also where the paragraph style numbers.
                typed = f"{old.num}\t"
                label_ppr = without_numbering(label_ppr)
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
                first_in_label = mp.heading is None and mp.kind not in CONTAINER_KINDS
            # An unnumbered heading keeps its own old paragraph's properties (its heading
            # style) where they are found: no label to lay out like the relative's, whose
            # style may be another (Test-05: a 'Location' line's), read back as text.
            unnumbered = old.heading is not None and not old.num and not first_segs
            own_ppr = self._old_heading_ppr(old) if unnumbered else None
            if own_ppr is not None:
                paragraphs.append((own_ppr, None, [(kind, lines[0])]))
                rest, first_in_label = lines[1:], True
            elif first_in_label:
                paragraphs.append((label_ppr, label_rpr, [*first_segs, (kind, lines[0])]))
                rest = lines[1:]
            else:
                paragraphs.append((label_ppr, label_rpr, first_segs))
                rest = lines
            cont = cont_ppr(model)
            text_index = 0
            for n, line in enumerate(rest):
                is_heading = old.heading is not None and n == 0 and not first_in_label
                if is_heading and heading_apart:
                    source: Slot | None = slots[0]
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
        # Nothing moved in it (a label alone): a deleted mark, as LibreOffice drops a move
        # mark there.
        return [
            OldParagraph(
                ppr,
                rpr,
                tuple(segs),
                mark if any(t for _, t in segs) or mark != "moveFrom" else "del",
                old if n == 0 else None,
                label_runs if n == 0 else (),
            )
            for n, (ppr, rpr, segs) in enumerate(paragraphs)
        ]

    # ------------------------------------------------------------------ title, preamble

    def _front_matter(self) -> Iterator[Action]:
        """Title and preamble: word-level revisions where they can be found."""
        old, new = self.comparison.old, self.comparison.new
        base = self.base
        title_paras, preamble_paras = front_paragraphs(
            base.paragraphs, base.title, base.preamble, new, self.top
        )
        old_title = (old.title or "").split("\n") if old.title else []
        new_title = (new.title or "").split("\n") if new.title else []
        if title_paras is not None:
            action = self._front_stream(old_title, new_title, title_paras, first=True)
            if action is not None:
                yield action
            elif old_title != new_title:
                title_paras = None  # found, but not to be lined up with the old lines
        old_pre = [line for item in old.preamble for line in item.split("\n")]
        new_pre = [line for item in new.preamble for line in item.split("\n")]
        if preamble_paras is not None:
            action = self._front_stream(old_pre, new_pre, preamble_paras)
            if action is not None:
                yield action
            elif old_pre != new_pre:
                preamble_paras = None
        # A title only in the document properties (Word does not track them), or front lines
        # not found in the file or not to be lined up there: said in a comment, never
        # dropped in silence.
        front = (("title", old_title, new_title, title_paras), ("preamble", old_pre, new_pre, preamble_paras))
        for what, olds, news, found in front:
            if found is None and olds != news and self.top is not None:
                was, now = (" ".join(" / ".join(lines).split())[:120] or "none" for lines in (olds, news))
                note = (
                    f"The {what} changed where the redline cannot mark it: “{was}” → “{now}”; "
                    f"this file shows the new {what} in both views."
                )
                yield FrontComment(self.top, self.top, (Flag("redline-untracked", "redline", "low", note),))
        yield from self._front_comments(title_paras, preamble_paras)

    def _front_comments(
        self, title_paras: list[Slot] | None, preamble_paras: list[Slot] | None
    ) -> Iterator[FrontComment]:
        """A comment for each flagged title or recital change, over its own paragraphs where
        they are known, else over the first front paragraph (a deleted recital)."""
        titles = [slot.p for slot in title_paras or []]
        recitals = [slot.p for slot in preamble_paras or []]
        lines = [item.count("\n") + 1 for item in self.comparison.new.preamble]
        for change in self.front_flagged:
            paras: list[etree._Element] = []
            if change.new and change.new[0].kind == "preface":
                paras = titles
            elif change.new and len(recitals) == sum(lines):
                number = int(change.new[0].eid.rsplit("_", 1)[-1])
                start = sum(lines[: number - 1])
                paras = recitals[start : start + lines[number - 1]]
            paras = paras or recitals[:1] or titles[:1] or ([self.top] if self.top is not None else [])
            if paras:
                yield FrontComment(paras[0], paras[-1], self._flags(change))

    def _front_stream(
        self, old_lines: list[str], new_lines: list[str], slots: list[Slot], *, first: bool = False
    ) -> Action | None:
        """Title or preamble lines, old to new; `first`: old lines with no new ones left go at
        the very start of the document (a title), else before the first provision."""
        if old_lines == new_lines or len(slots) != len(new_lines):
            return None
        if not new_lines:
            return FrontDelete(tuple(old_lines), first)
        if not old_lines:
            return FrontInsert(tuple(slot.p for slot in slots))
        # Lines in table cells (a form's labels) are matched whole first, as a provision's
        # table is: words matched across lines joined cells' texts (Fax (content control)).
        in_cells = any(next(slot.p.iterancestors(TC), None) is not None for slot in slots)
        ops: list[Seg] = (
            line_ops(old_lines, new_lines)
            if in_cells
            else list(diff_words("\n".join(old_lines), "\n".join(new_lines)))
        )
        stream = self._stream(ops, slots, None)
        return FrontRevise(stream) if stream is not None else None


def _front(change: Change) -> bool:
    """Whether a change is of the title or preamble (a loop: asked of every change)."""
    for side in (change.old, change.new):
        for p in side:
            if p.kind in FRONT_KINDS:
                return True
    return False
