"""compare(old, new) → Comparison: alignment, word-level ops, renumbering-aware kinds."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from draftkit.compare.align import align
from draftkit.compare.changes import Change, ChangeKind, Comparison, Pin, TableMove
from draftkit.compare.citations import BULLETS
from draftkit.compare.flat import Address, Flat
from draftkit.compare.pairs import Alignment, Pair
from draftkit.compare.pins import Pins, Resolved, resolve
from draftkit.compare.refs import Reference, number_key, rewrite, same_number
from draftkit.compare.textdiff import Granularity, Op, diff_text, weighed_chars
from draftkit.limits import WEIGH_CHARS, Limits
from draftkit.model import Draft, Provision, ReadWarning
from draftkit.readers.frozen import maker
from draftkit.readers.language import languages_note
from draftkit.records import record


@record
class _Renumbering:
    """old address → new address for every provision whose citation changed."""

    moves: dict[Address, Address]

    def mapper(
        self, context: Address | None, new_context: Address | None
    ) -> Callable[[Reference], tuple[str, ...] | None]:
        """A reference mapper for text standing in `context` (old) / `new_context` (new)."""

        def map_ref(ref: Reference) -> tuple[str, ...] | None:
            if ref.relative:
                if context is None or new_context is None:
                    return None
                target = self.moves.get(keyed((context[0], context[1] + ref.path)))
                if target is None or target[1][:1] != new_context[1]:
                    return None
                return target[1][1:]
            if ref.top_kind is None:
                return None
            # The cited provision itself, else its nearest renumbered ancestor with the rest
            # of the path kept: "Article 8(1)" when only Article 8 became Article 9.
            for cut in range(len(ref.path), 0, -1):
                target = self.moves.get(keyed((ref.top_kind, ref.path[:cut])))
                if target is not None and target[0] == ref.top_kind:
                    return target[1] + ref.path[cut:]
            return None

        return map_ref


def _renumbering(
    alignment: Alignment, old_addr: tuple[Address | None, ...], new_addr: tuple[Address | None, ...]
) -> _Renumbering:
    moves: dict[Address, Address] = {}
    for pair in alignment.pairs:
        if not pair.old or not pair.new:
            continue
        # A split provision is cited by its first part; merged ones by the result.
        b = new_addr[pair.new[0]]
        if b is None:
            continue  # no move to record from any of its old provisions
        for i in pair.old:
            a = old_addr[i]
            if a is not None and b is not None and a != b and len(a[1]) == len(b[1]):
                moves[keyed(a)] = b
    return _Renumbering(moves)


def keyed(address: Address) -> Address:
    """`address` with its numbers as `refs.number_key` gives them: "Article First", "ARTICLE
    FIRST" and "Article 1" are one article to a citation."""
    kind, path = address
    return kind, tuple(map(number_key, path))  # (map: one call for 13,000 addresses' parts)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _placed(num: str | None) -> bool:
    """No label, or a bullet: a point that had no number, or has none now, is renumbered only
    where its place in the list changed (its citation, by position, differs): a numbered text
    against an unnumbered rendering of it ("1." and "paragraph 1") is not renumbered."""
    return num is None or num.strip() in BULLETS


def _place(cite: str) -> str:
    """A citation's last number: a bullet's place ("point 3") or a number's ("3", "2(3)" → "3")."""
    return re.split(r"[\s()]+", cite.strip(" ()"))[-1] if cite else ""


def front_units(draft: Draft) -> tuple[Provision, ...]:
    """The draft's title and preamble paragraphs as units (kinds `preface`, `recital`), so
    that a changed title or a deleted recital is aligned, diffed and flagged like a provision."""
    front: list[Provision] = []
    if draft.title:
        front.append(Provision("preface", None, None, None, draft.title, eid="preface"))
    for number, paragraph in enumerate(draft.preamble, start=1):
        front.append(Provision("recital", None, None, None, paragraph, eid=f"preamble__recital_{number}"))
    return tuple(front)


def framed(draft: Draft) -> Draft:
    """The draft with its front units leading its provisions: what a comparison covers."""
    return replace(draft, provisions=(*front_units(draft), *draft.provisions))


def compare(
    old: Draft,
    new: Draft,
    pins: Pins | None = None,
    *,
    new_flat: Flat | None = None,
    old_flat: Flat | None = None,
) -> Comparison:
    """Compare two drafts provision by provision, title and preamble included (aligned among
    themselves: a recital never pairs with a provision of the body); `pins` are pairs the
    user decided (compare.pins), a label naming no provision is refused (UsageError).
    `new_flat`, `old_flat`: `Flat.of(new)`, `Flat.of(old)` made beforehand (api.diff makes the
    first while the old draft is read, and the child reading it makes the second)."""
    front_old = replace(old, provisions=front_units(old))
    front_new = replace(new, provisions=front_units(new))
    tables = _records_tables(old) and _records_tables(new)
    body_new = new_flat if new_flat is not None else Flat.of(new)
    body_old = old_flat if old_flat is not None else Flat.of(old)
    # Two rounds in two languages (a translation among the rounds) are compared as asked,
    # but never in silence: every change and flag would be the translation's.
    notes: list[ReadWarning] = [n for n in (languages_note(old, new),) if n is not None]
    if not pins:
        found = _compare(front_old, front_new, notes=notes)
        found += _compare(body_old, body_new, tables=tables, notes=notes)
        return Comparison(old, _noted(new, notes), found)
    parts = [(Flat.of(front_old), Flat.of(front_new)), (body_old, body_new)]
    resolved = resolve(
        pins,
        [([p.eid for p in a.nodes], a.cites) for a, _ in parts],
        [([p.eid for p in b.nodes], b.cites) for _, b in parts],
    )
    changes: tuple[Change, ...] = ()
    pinned: list[Pin] = []
    for body, ((a, b), chosen) in enumerate(zip(parts, resolved, strict=True)):  # front, then body
        changes += _compare(a, b, chosen, tables=tables and body == 1, notes=notes)
        pinned += [Pin(a.nodes[i].eid, b.nodes[j].eid, a.cites[i], b.cites[j]) for i, j in chosen.pairs]
        pinned += [Pin(a.nodes[i].eid, None, a.cites[i], None) for i in sorted(chosen.apart_old)]
        pinned += [Pin(None, b.nodes[j].eid, None, b.cites[j]) for j in sorted(chosen.apart_new)]
    return Comparison(old, _noted(new, notes), changes, tuple(pinned))


def _noted(new: Draft, notes: list[ReadWarning]) -> Draft:
    """The new draft with the comparison's own notes after its reading warnings (where the
    reports list every warning), or itself when there are none."""
    return replace(new, warnings=(*new.warnings, *notes)) if notes else new


def say_notes(comparison: Comparison, read: Draft, limits: Limits | None) -> None:
    """Say the comparison's own notes (a provision too long to compare word by word: added to
    its new draft after the warnings `read` was read with) as reading warnings are said
    (readers.report: the sink of `reporting`, refused under `--strict`)."""
    notes = comparison.new.warnings[len(read.warnings) :]
    if notes and comparison.new.source is not None:
        from draftkit.readers import report

        report(replace(comparison.new, warnings=notes), limits or Limits(), comparison.new.source.path)


def _coarse_note(cite: str, provision: Provision, chars: int, level: Granularity) -> ReadWarning:
    """What a change compared more coarsely than word by word says, located at its new text."""
    how = (
        "the sentences that changed are shown deleted and inserted whole"
        if level == "sentences"
        else "its text is shown deleted and inserted whole"
    )
    return ReadWarning(
        "not-compared",
        f"{cite} is too long to compare word by word ({chars:,} characters, old and new): {how}",
        provision.location,
    )


def _unweighed_note(cite: str, provision: Provision, chars: int) -> ReadWarning:
    """What a change too long for the risk rules says, located at its new text."""
    return ReadWarning(
        "not-compared",
        f"{cite} is too long for the risk rules to weigh ({chars:,} characters, old and new): its"
        " changes are flagged as not weighed — read them in the redline",
        provision.location,
    )


def _records_tables(draft: Draft) -> bool:
    """Whether the draft's reader records which paragraphs stand in table cells (DOCX)."""
    return draft.source is not None and draft.source.format == "docx"


def _compare(
    old: Draft | Flat,
    new: Draft | Flat,
    pins: Resolved | None = None,
    *,
    tables: bool = False,
    notes: list[ReadWarning] | None = None,
) -> tuple[Change, ...]:
    """The changes of one part (front units or body), in new-document order; `tables`: both
    drafts record table cells, so a provision moved into or out of one is a move; `notes`
    gets a note for each change compared more coarsely than word by word."""
    alignment = align(old, new, pins)
    if tables:
        alignment = _same_sides(alignment)
    a, b = alignment.old, alignment.new
    old_addr, new_addr = a.addresses, b.addresses
    renumbering = _renumbering(alignment, old_addr, new_addr)
    context = _Context(renumbering, old_addr, new_addr, tables, [] if notes is None else notes)
    # Deleted provisions are placed after the change of their nearest surviving predecessor
    # in the old draft, so the report reads in new-document order with deletions in place.
    pairs = alignment.pairs
    where_old = {i: pair.new[0] for pair in pairs if pair.new for i in pair.old}
    # A change's place is (new index, 0) for a pair with a new side, (new index of the old
    # predecessor's pair or -1, 1 + old index) for a deletion: as one integer, new · stride +
    # second, with 0 <= second < stride, the same order (the keys are distinct: new indices
    # are each in one pair, old ones in one deletion).
    stride = len(a.nodes) + 1
    # Only deletions need their predecessor's place (a few among thousands): each looks back
    # from itself to the deletion before it, whose place it keeps when none is paired between.
    old_anchor: dict[int, int] = {}
    last_new, seen = -1, 0
    for i in sorted(pair.old[0] for pair in pairs if not pair.new):
        for k in range(i - 1, seen - 1, -1):
            found = where_old.get(k)
            if found is not None:
                last_new = found
                break
        seen = i
        old_anchor[i] = last_new * stride + 1 + i
    keys = [pair.new[0] * stride if pair.new else old_anchor[pair.old[0]] for pair in pairs]
    changes = [_change(alignment, pair, context) for pair in pairs]
    return tuple(changes[k] for k in sorted(range(len(keys)), key=keys.__getitem__))


@record
class _Context:
    renumbering: _Renumbering
    old_addr: tuple[Address | None, ...]
    new_addr: tuple[Address | None, ...]
    tables: bool = False
    notes: list[ReadWarning] | None = None  # the coarse changes' notes (_coarse_note)

    def top(self, addresses: tuple[Address | None, ...], index: int) -> Address | None:
        """The address of the article (or annex…) a provision stands in."""
        address = addresses[index]
        return (address[0], address[1][:1]) if address else None


# Change made by filling its slots (readers.frozen): 13,000 pairs of a long draft each make one.
_new_change = maker(Change)


def _change(alignment: Alignment, pair: Pair, context: _Context) -> Change:
    a, b = alignment.old, alignment.new
    if pair.kind == "one":
        # A provision whose label, heading and text are all equal (most of a long draft):
        # the Change the general path below makes for it, made directly.
        i, j = pair.old[0], pair.new[0]
        old_one, new_one = a.nodes[i], b.nodes[j]
        old_text = old_one.text
        if (
            old_text == new_one.text
            and old_one.heading == new_one.heading
            and old_one.num == new_one.num
            and (not context.tables or _table_move(old_one, new_one) is None)
        ):
            return _new_change(
                "unchanged",
                (old_one,),
                (new_one,),
                a.cites[i],
                b.cites[j],
                pair.moved,
                False,  # renumbered
                1.0,  # similarity
                old_text,
                new_one.text,
                (("equal", old_text),) if old_text else (),
                old_one.heading,
                new_one.heading,
                False,  # references_updated
                (),  # flags
                (),  # old_category
                (),  # new_category
                False,  # rewritten: only a modified pair is
                pair.confidence,
                pair.pinned,
                b.cites[pair.replaced_by] if pair.replaced_by is not None else None,
                None,  # table_move
            )
    old_ids, new_ids = pair.old, pair.new
    if len(old_ids) == 1 and len(new_ids) == 1:
        # One provision a side (nearly every pair of a long draft): no generator, no join.
        i, j = old_ids[0], new_ids[0]
        old_one, new_one = a.nodes[i], b.nodes[j]
        olds: tuple[Provision, ...] = (old_one,)
        news: tuple[Provision, ...] = (new_one,)
        old_text, new_text = old_one.text, new_one.text
        old_heading, new_heading = old_one.heading, new_one.heading
        old_cite, new_cite = a.cites[i], b.cites[j]
    else:
        olds = tuple(a.nodes[i] for i in old_ids)
        news = tuple(b.nodes[j] for j in new_ids)
        old_text = olds[0].text if len(olds) == 1 else "\n".join(p.text for p in olds)
        new_text = news[0].text if len(news) == 1 else "\n".join(p.text for p in news)
        old_heading = olds[0].heading if olds else None
        new_heading = news[0].heading if news else None
        old_cite = a.cites[old_ids[0]] if len(old_ids) == 1 else " + ".join(a.cites[i] for i in old_ids)
        new_cite = b.cites[new_ids[0]] if len(new_ids) == 1 else " + ".join(b.cites[j] for j in new_ids)
    kind: ChangeKind
    references_updated = False
    renumbered = False
    match pair.kind:  # "one" first: nearly every pair of a long draft
        case "one":
            old_num, new_num = olds[0].num, news[0].num
            renumbered = (
                old_num != new_num
                and not same_number(old_num, new_num)
                and not ((_placed(old_num) or _placed(new_num)) and _place(old_cite) == _place(new_cite))
            )
            same_heading = old_heading == new_heading or _squash(old_heading or "") == _squash(
                new_heading or ""
            )
            if same_heading and (old_text == new_text or _squash(old_text) == _squash(new_text)):
                kind = "unchanged"
            else:
                mapper = context.renumbering.mapper(
                    context.top(context.old_addr, pair.old[0]), context.top(context.new_addr, pair.new[0])
                )
                rewritten = rewrite(old_text, mapper)
                if same_heading and _squash(rewritten) == _squash(new_text):
                    kind = "unchanged"
                    references_updated = True
                else:
                    kind = "modified"
        case "added":
            kind = "added"
        case "deleted":
            kind = "deleted"
        case "split":
            kind = "split"
        case "merge":
            kind = "merged"
    table_move: TableMove | None = None
    if context.tables and olds and news:
        # _table_move, inlined (one call fewer per pair)
        was, now = olds[0].location, news[0].location
        was_in = was is not None and was.cell is not None
        if was_in != (now is not None and now.cell is not None):
            table_move = "out of" if was_in else "into"
    if old_text == new_text:  # an unchanged text (most of a long draft): its one op, as diff_words gives it
        ops: tuple[Op, ...] = (("equal", old_text),) if old_text else ()
    else:
        found, level = diff_text(old_text, new_text)
        ops = tuple(found)
        chars = len(old_text) + len(new_text)
        if level != "words" and context.notes is not None and news:
            context.notes.append(_coarse_note(new_cite, news[0], chars, level))
        # what the risk rules read of it: a long text with few edits is cut around them
        weighed = weighed_chars(old_text, new_text, ops)
        if weighed > WEIGH_CHARS and context.notes is not None and news:
            context.notes.append(_unweighed_note(new_cite, news[0], chars))
    return _new_change(
        kind,
        olds,
        news,
        old_cite,
        new_cite,
        pair.moved or table_move is not None,
        renumbered,
        1.0 if kind == "unchanged" and not references_updated else pair.similarity,
        old_text,
        new_text,
        ops,
        old_heading,
        new_heading,
        references_updated,
        (),  # flags
        (),  # old_category
        (),  # new_category
        pair.rewritten and kind == "modified",
        pair.confidence,
        pair.pinned,
        b.cites[pair.replaced_by] if pair.replaced_by is not None else None,
        table_move,
    )


def _same_sides(alignment: Alignment) -> Alignment:
    """A provision paired across a table edge while an equal one (same parent, label, heading
    and text, no children) stood unpaired on the same side of the edge, in the same place
    among the pairs kept in order, takes that one: the table move was the alignment's pick
    among repeats, not the drafts' (WmlComparer's WC-1450 deletes a table row holding the
    two paragraphs that also open the document; they were paired with the row's)."""
    if not _any_in_table(alignment.old.nodes) and not _any_in_table(alignment.new.nodes):
        return alignment  # no table on either side: nothing crosses an edge
    pairs = list(alignment.pairs)
    changed = _swap_repeats(pairs, alignment, "old") | _swap_repeats(pairs, alignment, "new")
    return replace(alignment, pairs=tuple(pairs)) if changed else alignment


def _swap_repeats(pairs: list[Pair], alignment: Alignment, side: str) -> bool:
    """`_same_sides` for one side: an unpaired provision of `side` ('old': deleted, 'new':
    added) takes the place of its twin in a pair that crosses a table edge."""
    a, b = alignment.old, alignment.new
    this, other = (a, b) if side == "old" else (b, a)

    def at(pair: Pair, which: str) -> int:
        return pair.old[0] if which == "old" else pair.new[0]

    def key(x: int) -> tuple[object, ...]:
        node = this.nodes[x]
        return (this.parent[x], node.kind, node.num, node.heading, node.text)

    kept = [k for k, pair in enumerate(pairs) if pair.kind == "one" and not pair.moved]
    crossing = [
        k
        for k in kept
        if not pairs[k].pinned and _table_move(a.nodes[pairs[k].old[0]], b.nodes[pairs[k].new[0]]) is not None
    ]
    if not crossing:
        return False
    lonely: dict[tuple[object, ...], list[int]] = {}
    for k, pair in enumerate(pairs):
        if pair.kind == ("deleted" if side == "old" else "added") and not pair.pinned:
            x = at(pair, side)
            if not this.children[x]:
                lonely.setdefault(key(x), []).append(k)
    if not lonely:
        return False
    that = "new" if side == "old" else "old"
    order = [k for _, k in sorted((at(pairs[k], that), k) for k in kept)]  # the other side's order
    position = {k: n for n, k in enumerate(order)}
    changed = False
    for k in sorted(crossing, key=position.__getitem__):  # the one before is settled first
        x, y = at(pairs[k], side), at(pairs[k], that)
        twins = lonely.get(key(x)) if not this.children[x] else None
        if not twins:
            continue
        # Between the pairs around it, so that the order kept stays kept (no move made up).
        n = position[k]
        low = at(pairs[order[n - 1]], side) if n > 0 else -1
        high = at(pairs[order[n + 1]], side) if n + 1 < len(order) else len(this.nodes)
        inside = _in_table(other.nodes[y])
        for c in twins:
            twin = at(pairs[c], side)
            if low < twin < high and _in_table(this.nodes[twin]) == inside:
                if side == "old":
                    pairs[k], pairs[c] = replace(pairs[k], old=(twin,)), replace(pairs[c], old=(x,))
                else:
                    pairs[k], pairs[c] = replace(pairs[k], new=(twin,)), replace(pairs[c], new=(x,))
                twins.remove(c)
                changed = True
                break
    return changed


def _any_in_table(provisions: tuple[Provision, ...]) -> bool:
    """`any(map(_in_table, provisions))` as a plain loop (no call per provision)."""
    for provision in provisions:
        location = provision.location
        if location is not None and location.cell is not None:
            return True
    return False


def _in_table(provision: Provision) -> bool:
    return provision.location is not None and provision.location.cell is not None


def _table_move(old: Provision, new: Provision) -> TableMove | None:
    """'into' when the new provision's first paragraph stands in a table cell and the old one's
    did not, 'out of' the reverse (from one table to another is not told apart)."""
    was, now = _in_table(old), _in_table(new)
    if was == now:
        return None
    return "into" if now else "out of"
