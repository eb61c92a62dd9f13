"""Finding provisions in the base document: each new provision's layout, and for an old
provision (deleted, moved away) the new relative whose layout it should copy.

Takes the comparison's new draft, the base and, per new provision, what it was (1:1
changes); hands on `Layout`s, computed once per provision and cached. Reads the document,
never edits it: a region is the paragraphs from a provision's first one up to the next
provision's, with the paragraphs of the text
boxes they anchor (the reader reads them right after the anchor), paragraphs merged away
excluded; a provision read from a text box has the box's paragraphs.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from itertools import pairwise

from lxml import etree

from draftkit.compare.changes import Change
from draftkit.model import Draft, Provision
from draftkit.model.numbering import parse_exact
from draftkit.readers.docx_objects import continues_merge
from draftkit.readers.docx_tags import Tags
from draftkit.readers.docx_text import choose_branch
from draftkit.render.redline.base import Base
from draftkit.render.redline.layout import Layout
from draftkit.render.wml import W_P, qn
from draftkit.render.wml._core import W_NS

W_TXBX = qn("w:txbxContent")
_TAGS = Tags(W_NS)  # (the base's namespace: the redline writes transitional WordprocessingML)
MC_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"


_Traits = tuple[str, int | None, str | None, bool, tuple[tuple[Provision, ...], int] | None]


class Locator:
    """Layouts of new provisions, and neighbours for old ones."""

    def __init__(self, new: Draft, old: Draft, base: Base) -> None:
        self.base = base
        # Draft.walk() order, each provision's place in it and its depth: one walk.
        self.order: list[Provision] = []
        self.position: dict[int, int] = {}
        self.new_depth: dict[int, int] = {}
        _index(new, self.order, self.position, self.new_depth)
        # The same of the old draft, with each old provision's siblings (one tuple per parent,
        # shared) and its place among them.
        self.old_order: list[Provision] = []
        self.old_position: dict[int, int] = {}
        self.old_depth: dict[int, int] = {}
        self.old_siblings: dict[int, tuple[tuple[Provision, ...], int]] = {}
        _index(old, self.old_order, self.old_position, self.old_depth, self.old_siblings)
        # New provisions by kind and depth, made when `neighbour` first asks.
        self._by_kind: dict[tuple[str, int], list[int]] | None = None
        self.layouts: dict[int, Layout | None] = {}
        self.traits: dict[int, _Traits] = {}  # see `_traits`
        self.was: dict[int, Provision] = {}  # new provision → what it was (1:1 changes)
        self.breaks: dict[int, list[int]] = {}  # see `_breaks`
        self._was_ids: set[int] | None = None  # see `_surviving`
        self._survivors: dict[int, bool] = {}
        # Each paragraph's own place (paragraphs joined to it count as it, and stand before);
        # None when no paragraph was joined to another (each is then at its own index).
        paragraphs = base.paragraphs
        self.own_at: dict[etree._Element, int] | None = None
        if len(set(paragraphs)) != len(paragraphs):
            self.own_at = {p: index for index, p in enumerate(paragraphs)}
        # Most documents have no text box and no alternate content: then no paragraph's
        # ancestors need looking at (two walks up the tree per paragraph of a long draft).
        self.boxes = next(base.document.iter(W_TXBX), None) is not None
        self.alternates = next(base.document.iter(MC_ALTERNATE), None) is not None
        # Without either, a layout is made of the index above only (paragraphs, where each
        # provision starts, `own_at`, `next_start`), never edited: the same whenever it is
        # taken, so it may be taken late (or never). With them it follows the tree's ancestry.
        self.static = not self.boxes and not self.alternates
        # The paragraphs of table cells that continue a vertical merge: Word shows none of a
        # continuing cell's text, nor does the reader read it, so no region holds them (old
        # text written after a region's last paragraph would be written where no one sees it).
        self.merged_away = _merged_away(base.document)

    def next_start(self, position: int) -> int:
        """Where the next provision (after the one at `position`) with a known first paragraph
        starts: the end of that one's paragraphs."""
        first, order = self.base.first, self.order
        for k in range(position + 1, len(order)):
            start = first.get(id(order[k]))
            if start is not None:
                return start
        return len(self.base.paragraphs) + 1

    @property
    def by_kind(self) -> dict[tuple[str, int], list[int]]:
        """The places of the new provisions of each kind and depth, in order."""
        if self._by_kind is None:
            self._by_kind = {}
            depth = self.new_depth
            for k, p in enumerate(self.order):
                self._by_kind.setdefault((p.kind, depth[id(p)]), []).append(k)
        return self._by_kind

    def layout(self, provision: Provision) -> Layout | None:
        """Where a new provision is (computed once, before its paragraphs are edited)."""
        key = id(provision)
        if key in self.layouts:
            return self.layouts[key]
        found: Layout | None = None
        position = self.position.get(key)
        start = self.base.first.get(key)
        paragraphs = self.base.paragraphs
        if position is not None and start is not None and 0 < start <= len(paragraphs):
            end = max(self.next_start(position), start + 1)
            region: list[etree._Element] = []
            # A provision's paragraphs share its first paragraph's container: the body (or a
            # cell), or the text box it was read from — an anchor's region skips its boxes.
            boxes, alternates, merged_away = self.boxes, self.alternates, self.merged_away
            home = _box_of(paragraphs[start - 1]) if boxes else None
            members: set[etree._Element] = set()
            own_at = self.own_at
            for p in paragraphs[start - 1 : end - 1]:
                # A paragraph whose removed mark joined it to a later one is that one now:
                # it belongs here only if that one does.
                if own_at is not None and (
                    not start - 1 <= own_at[p] < end - 1 or (region and region[-1] is p)
                ):
                    continue
                # The reader reads a text box's paragraphs right after its anchor: they are
                # the anchor's provision's, unless a provision of their own starts there.
                if alternates and not shown_branch(p):
                    continue  # the other branch of an mc:AlternateContent (the reader skips it)
                if merged_away and p in merged_away:
                    continue
                if not boxes or _box_of(p) is home or next(p.iterancestors(W_P), None) in members:
                    region.append(p)
                    members.add(p)
            if region:
                found = Layout(provision, position, region[0], region)
        self.layouts[key] = found
        return found

    def neighbour(self, old: Provision, near: int) -> tuple[Layout | None, bool, bool]:
        """The new provision whose layout an old one (deleted, moved away) should copy:
        same kind and depth, same label shape, nearest to where it is shown. Also whether
        it is a true relative (same kind and label shape), and whether sharing its list
        numbers the old provision as it was."""
        depth = self.old_depth.get(id(old), 0)
        kind, shape, bare = old.kind, label_shape(old.num), old.heading is None
        lo, hi = max(0, near - _REACH), min(len(self.order), near + _REACH + 1)
        # Whether sharing candidate k's list numbers `old` as it was. In the old view every old
        # provision stands at its old place (kept, or shown deleted there), so the list counts
        # the old siblings in old order: the count is right when k's old self (`was`) is a
        # sibling of `old` and the old numbers from one to the other run without a gap.
        mine = self.old_siblings.get(id(old)) if _counted(old) else None
        breaks = self._breaks(mine[0]) if mine is not None else []
        traits = self.traits

        def bits(k: int) -> int:
            """What candidate k shares with `old`: kind, depth, label shape, heading or none,
            counting on, as five bits, most telling first (its traits computed once)."""
            theirs = traits.get(k) or self._traits(k)
            place = theirs[4]
            on = (
                mine is not None
                and place is not None
                and place[0] is mine[0]
                and breaks[place[1]] == breaks[mine[1]]
            )
            return (
                (theirs[0] == kind) << 4
                | (theirs[1] == depth) << 3
                | (theirs[2] == shape) << 2
                | (theirs[3] == bare) << 1
                | on
            )

        # Most often a candidate close by shares all the traits any can share (counting on
        # only where some new provision was a sibling of `old`): outward from `near`, the
        # earlier first at each distance, the first such whose layout can be copied is the one
        # the ranking below would choose (it ranks those first, then the nearest, the earlier).
        best = _ALL if mine is not None and self._surviving(mine[0]) else _ALL & ~1
        for distance in range(_REACH + 1):
            for k in (near - distance, near + distance) if distance else (near,):
                if lo <= k < hi and bits(k) == best:
                    layout = self.layout(self.order[k])
                    if layout is not None and layout.match():
                        return layout, True, best == _ALL
        candidates = set(range(lo, hi))
        same = self.by_kind.get((old.kind, depth), [])
        if same:  # the nearest of the same kind and depth anywhere, in case none is close
            at = bisect.bisect_left(same, near)
            candidates.update(same[max(0, at - 1) : at + 1])
        # Best first: the bits, then the nearest, the earlier: each candidate's rank as one
        # number (compared in C), its bits above its nearness and its earliness, each below
        # `span`.
        span = len(self.order) + 1
        ranked = [(bits(k) * span + span - 1 - abs(k - near)) * span + span - 1 - k for k in candidates]
        ranked.sort(reverse=True)
        for rank in ranked:
            layout = self.layout(self.order[span - 1 - rank % span])
            if layout is not None and layout.match():
                shared = rank // (span * span)
                related = bool(shared & 16) and bool(shared & 4)
                return layout, related, related and bool(shared & 1)
        return None, False, False

    def _surviving(self, family: tuple[Provision, ...]) -> bool:
        """Whether some new provision was a member of the old `family` (1:1 changes, `was`):
        only then can an old one of it count on with a new one (`was` is known by now)."""
        if self._was_ids is None:
            self._was_ids = set(map(id, self.was.values()))
        key = id(family)
        found = self._survivors.get(key)
        if found is None:
            found = self._survivors[key] = not self._was_ids.isdisjoint(map(id, family))
        return found

    def _breaks(self, family: tuple[Provision, ...]) -> list[int]:
        """Per sibling, how many breaks in the old numbers come before it (a break: a sibling
        or the next without an ordinal, or not numbered one more; labels of a list format the
        grammar does not know count on where they share a shape, see `_counted`): two
        siblings count on from one to the other when as many come before each (computed once
        per family)."""
        key = id(family)
        found = self.breaks.get(key)
        if found is None:
            found = self.breaks[key] = [0]
            count = 0
            for a, b in pairwise(family):
                if a.ordinal is None and b.ordinal is None:
                    count += not (_counted(a) and label_shape(a.num) == label_shape(b.num))
                elif a.ordinal is None or b.ordinal is None or b.ordinal != a.ordinal + 1:
                    count += 1
                found.append(count)
        return found

    def _traits(self, k: int) -> _Traits:
        """What `neighbour` compares of new provision k: kind, depth, label shape, whether it
        has no heading, and where what it was (1:1 changes) stood among its old siblings, if
        it had an ordinal (computed once, when `was` is known)."""
        p = self.order[k]
        before = self.was.get(id(p))
        place = self.old_siblings.get(id(before)) if before is not None and _counted(before) else None
        found = self.traits[k] = (
            p.kind,
            self.new_depth.get(id(p)),
            label_shape(p.num),
            p.heading is None,
            place,
        )
        return found


_REACH = 40  # provisions either side of where an old one is shown: its candidate models
_ALL = 0b11111  # `neighbour`'s five traits all shared


def _box_of(p: etree._Element) -> etree._Element | None:
    """The text box holding paragraph `p` (None in the body or a table cell)."""
    return next(p.iterancestors(W_TXBX), None)


def shown_branch(p: etree._Element, stop: etree._Element | None = None) -> bool:
    """Whether `p` is in the branch of every mc:AlternateContent around it that is shown
    (`stop`: of those inside that ancestor only)."""
    child = p
    for ancestor in p.iterancestors():
        if ancestor is stop:
            return True
        if ancestor.tag == MC_ALTERNATE and choose_branch(ancestor) is not child:
            return False
        child = ancestor
    return True


def _merged_away(document: etree._Element) -> frozenset[etree._Element]:
    """The paragraphs of the cells that continue a vertical merge (`w:vMerge` not `restart`)."""
    out: set[etree._Element] = set()
    for merge in document.iter(_TAGS.vMerge):
        props = merge.getparent()
        cell = props.getparent() if props is not None else None
        if cell is not None and cell.tag == _TAGS.tc and continues_merge(props, _TAGS):  # (the reader's rule)
            out.update(cell.iter(W_P))
    return frozenset(out)


def _index(
    draft: Draft,
    order: list[Provision],
    position: dict[int, int],
    depth: dict[int, int],
    family_of: dict[int, tuple[tuple[Provision, ...], int]] | None = None,
) -> None:
    """Fill `order` with the provisions in Draft.walk() order, `position` with each one's
    place in it, `depth` with its depth (0 at the top) and `family_of`, if given, with its
    siblings (one tuple per parent, shared) and its place among them, by id: one walk."""
    add = order.append

    def visit(family: tuple[Provision, ...], level: int) -> None:
        for k, p in enumerate(family):
            key = id(p)
            position[key] = len(order)
            depth[key] = level
            if family_of is not None:
                family_of[key] = (family, k)
            add(p)
            if p.children:  # (no call for a leaf: most provisions are)
                visit(p.children, level + 1)

    visit(draft.provisions, 0)


def label_shape(num: str | None) -> str | None:
    """The shape of a label ("Article 1" and "Article 7" share one); None without a label. A
    label the grammar does not know (a Word list's "MMDXLI|", "first|", "一、") is its own
    shape there: here its runs of letters and of digits stand for any, so that the items of
    one such list share a shape ("A|", "a|"), as "1." and "2." do."""
    if not num:
        return None
    label = parse_exact(num)
    return label.shape if label.fmt != "other" else _coarse(num)


def _counted(p: Provision) -> bool:
    """Whether `p`'s label is a number in a count: it has an ordinal ("3.", "(c)"), or it is a
    label the grammar does not read (a Word list's "MMDXLI|", "first|"), taken to count on
    from a sibling of the same shape before it — the old view's numbers are checked after
    the redline is written (oldnum), and typed where that was wrong."""
    return p.ordinal is not None or (p.num is not None and parse_exact(p.num).fmt == "other")


def _coarse(num: str) -> str:
    """`num` with each run of digits as "#", of letters (words joined by spaces or hyphens
    as one: a number written out) as "A" (upper case), "a" (lower or no case) or "Aa"
    (capitalised): "MMDXLI|" → "A|", "first|" → "a|", "One hundred seventy-third|" → "Aa|"."""
    return _RUNS.sub(_run_shape, num)


def _run_shape(found: re.Match[str]) -> str:
    run = found.group()
    if run.isdigit():
        return "#"
    if run.isupper():
        return "A"
    return "Aa" if run[0].isupper() else "a"


_RUNS = re.compile(r"\d+|[^\W\d_]+(?:[ \-\u2010][^\W\d_]+)*")  # words written out: one run


def moved_changes(
    changes: Sequence[Change], new_at: Mapping[int, int], old_at: Mapping[int, int]
) -> set[int]:
    """Changes shown as moves (old text at the old place, new at the new place): the moved
    ones; the provisions that went along inside them (the comparison calls those unmoved:
    they kept their parent); and splits and merges whose parts were not next to each other
    (a joined paragraph cannot hold what stood between them). `new_at` and `old_at`: each
    provision's place in its draft's walk order, by id."""
    moved: set[int] = set()
    new_inside: set[int] = set()
    old_inside: set[int] = set()
    parts: list[Change] = []  # splits and merges
    for c in changes:
        if c.moved:
            moved.add(id(c))
            new_inside.update(id(d) for p in c.new for d in p.walk() if d is not p)
            old_inside.update(id(d) for p in c.old for d in p.walk() if d is not p)
        if len(c.old) > 1 or len(c.new) > 1:
            parts.append(c)
    for c in changes if new_inside and old_inside else ():  # none can be inside otherwise
        if (
            c.new
            and c.old
            and id(c.new[0]) in new_inside  # (the first, quickly, before all)
            and all(id(p) in new_inside for p in c.new)
            and all(id(p) in old_inside for p in c.old)
        ):
            moved.add(id(c))
    for c in parts:
        for side, at in ((c.old, old_at), (c.new, new_at)):
            places = [at.get(id(p), -1) for p in side]
            if len(places) > 1 and places != list(range(places[0], places[0] + len(places))):
                moved.add(id(c))
    return moved
