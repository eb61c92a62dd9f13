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
from itertools import pairwise

from lxml import etree

from draftkit.model import Draft, Provision
from draftkit.model.numbering import parse_exact
from draftkit.readers.docx_text import choose_branch
from draftkit.render.redline.base import Base
from draftkit.render.redline.layout import Layout
from draftkit.render.wml import W_P, qn

W_TXBX = qn("w:txbxContent")
MC_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"


class Locator:
    """Layouts of new provisions, and neighbours for old ones."""

    def __init__(self, new: Draft, old: Draft, base: Base) -> None:
        self.base = base
        self.order = list(new.walk())
        self.position = {id(p): k for k, p in enumerate(self.order)}
        self.new_depth = depths(new)
        self.old_depth = depths(old)
        self.old_siblings = siblings(old)
        self.layouts: dict[int, Layout | None] = {}
        self.traits: dict[int, tuple[str, int | None, str | None, bool]] = {}  # see `_traits`
        self.was: dict[int, Provision] = {}  # new provision → what it was (1:1 changes)
        self.by_kind: dict[tuple[str, int], list[int]] = {}
        for k, p in enumerate(self.order):
            self.by_kind.setdefault((p.kind, self.new_depth[id(p)]), []).append(k)
        # Each paragraph's own place (paragraphs joined to it count as it, and stand before).
        self.own_at: dict[etree._Element, int] = {p: index for index, p in enumerate(base.paragraphs)}
        # Most documents have no text box and no alternate content: then no paragraph's
        # ancestors need looking at (two walks up the tree per paragraph of a long draft).
        self.boxes = next(base.document.iter(W_TXBX), None) is not None
        self.alternates = next(base.document.iter(MC_ALTERNATE), None) is not None
        # Without either, a layout is made of the index above only (paragraphs, where each
        # provision starts, `own_at`, `next_start`), never edited: the same whenever it is
        # taken, so it may be taken late (or never). With them it follows the tree's ancestry.
        self.static = not self.boxes and not self.alternates
        # Where the next provision starts, for each provision: the end of its paragraphs.
        self.next_start = [len(base.paragraphs) + 1] * len(self.order)
        following = len(base.paragraphs) + 1
        for k in range(len(self.order) - 1, -1, -1):
            self.next_start[k] = following
            start = base.first.get(id(self.order[k]))
            if start is not None:
                following = start

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
            end = max(self.next_start[position], start + 1)
            region: list[etree._Element] = []
            # A provision's paragraphs share its first paragraph's container: the body (or a
            # cell), or the text box it was read from — an anchor's region skips its boxes.
            boxes, alternates = self.boxes, self.alternates
            home = _box_of(paragraphs[start - 1]) if boxes else None
            members: set[etree._Element] = set()
            for p in paragraphs[start - 1 : end - 1]:
                # A paragraph whose removed mark joined it to a later one is that one now:
                # it belongs here only if that one does.
                mine = start - 1 <= self.own_at[p] < end - 1
                if not mine or (region and region[-1] is p):
                    continue
                # The reader reads a text box's paragraphs right after its anchor: they are
                # the anchor's provision's, unless a provision of their own starts there.
                if alternates and not shown_branch(p):
                    continue  # the other branch of an mc:AlternateContent (the reader skips it)
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
        numbers the old provision as it was (`counts_on`)."""
        depth = self.old_depth.get(id(old), 0)
        kind, shape, bare = old.kind, label_shape(old.num), old.heading is None
        was, family = self.was, self.old_siblings
        lo, hi = max(0, near - 40), min(len(self.order), near + 41)
        candidates = set(range(lo, hi))
        same = self.by_kind.get((old.kind, depth), [])
        if same:  # the nearest of the same kind and depth anywhere, in case none is close
            at = bisect.bisect_left(same, near)
            candidates.update(same[max(0, at - 1) : at + 1])
        # Best first: same kind, depth, label shape, heading or none, counting on (each
        # candidate's own traits computed once, see `_traits`), then the nearest, the later.
        ranked = []
        for k in candidates:
            theirs = self.traits.get(k) or self._traits(k)
            score = (
                theirs[0] == kind,
                theirs[1] == depth,
                theirs[2] == shape,
                theirs[3] == bare,
                counts_on(was.get(id(self.order[k])), old, family),
            )
            ranked.append((score, -abs(k - near), -k))
        ranked.sort(reverse=True)
        for score, _, minus_k in ranked:
            layout = self.layout(self.order[-minus_k])
            if layout is not None and layout.match():
                related = score[0] and score[2]
                return layout, related, related and score[4]
        return None, False, False

    def _traits(self, k: int) -> tuple[str, int | None, str | None, bool]:
        """What `neighbour` compares of new provision k: kind, depth, label shape, whether it
        has no heading (computed once)."""
        p = self.order[k]
        found = self.traits[k] = (p.kind, self.new_depth.get(id(p)), label_shape(p.num), p.heading is None)
        return found


def _box_of(p: etree._Element) -> etree._Element | None:
    """The text box holding paragraph `p` (None in the body or a table cell)."""
    return next(p.iterancestors(W_TXBX), None)


def shown_branch(p: etree._Element) -> bool:
    """Whether `p` is in the branch of every mc:AlternateContent around it that is shown."""
    child = p
    for ancestor in p.iterancestors():
        if ancestor.tag == MC_ALTERNATE and choose_branch(ancestor) is not child:
            return False
        child = ancestor
    return True


def counts_on(
    was: Provision | None, old: Provision, old_siblings: dict[int, tuple[tuple[Provision, ...], int]]
) -> bool:
    """Whether an old provision shown deleted and numbered in a new provision's list gets its
    old number in the old view. In that view every old provision stands at its old place
    (kept, or shown deleted there), so the list counts the old siblings in old order: the
    count is right when the model's old self (`was`) is a sibling of `old` and the old
    numbers from one to the other run without a gap (each sibling in between counted too,
    by the same rule)."""
    if was is None or old.ordinal is None or was.ordinal is None:
        return False
    mine, theirs = old_siblings.get(id(old)), old_siblings.get(id(was))
    if mine is None or theirs is None or mine[0] is not theirs[0]:
        return False
    family = mine[0]
    lo, hi = sorted((mine[1], theirs[1]))
    ordinals = [p.ordinal for p in family[lo : hi + 1]]
    return all(a is not None and b is not None and b == a + 1 for a, b in pairwise(ordinals))


def siblings(draft: Draft) -> dict[int, tuple[tuple[Provision, ...], int]]:
    """Each provision's siblings (one tuple per parent, shared) and its place among them, by id."""
    out: dict[int, tuple[tuple[Provision, ...], int]] = {}

    def visit(family: tuple[Provision, ...]) -> None:
        for k, p in enumerate(family):
            out[id(p)] = (family, k)
            if p.children:  # (no call for a leaf: most provisions are)
                visit(tuple(p.children))

    visit(tuple(draft.provisions))
    return out


def depths(draft: Draft) -> dict[int, int]:
    """Each provision's depth (0 at the top), by id."""
    out: dict[int, int] = {}

    def visit(family: tuple[Provision, ...], depth: int) -> None:
        for p in family:
            out[id(p)] = depth
            if p.children:  # (no call for a leaf: most provisions are)
                visit(p.children, depth + 1)

    visit(draft.provisions, 0)
    return out


def label_shape(num: str | None) -> str | None:
    """The shape of a label ("Article 1" and "Article 7" share one); None without a label."""
    return parse_exact(num).shape if num else None
