"""The flags of a long comparison made in the child that read the old draft, while this
process writes a DOCX redline (issue 18).

A child forked once the drafts are compared (risk.annotate's `halves`) shares every page of
this process's memory, and each page this process then writes first is copied for it: the
redline's tree, and every object whose reference count the writing touches. On a shared
two-core machine a copy costs ~3 µs; a 13,000-provision redline writes ~20,000 such pages
(~60 ms, a fifth of the writing). The child that read the old draft (readers.pair) was forked
before any of that was made, and already holds the risk rules and the work it made ahead of
the flags (risk.foresight). So, for a DOCX redline of a long pair read side by side:

1. `api._prepare` gives that child the new draft as plain values (`given_draft`, in place of
   its shape): the child makes the work ahead from it (`after_reading`);
2. once the drafts are compared, `give_comparison` gives it the comparison, as plain values
   (`plain_comparison`): the child stops the work ahead, flags the comparison as `api.diff`
   would (`risk.flag`, `risk.hygiene.check`, `risk.objects.check_objects`, with the default
   taxonomy) and sends back what the flags added (`plain_annotations`);
3. this process writes the redline meanwhile, then `flagged` waits for the flags and puts them
   on its own comparison, and learns the labels of their categories (the comments say them:
   compare.changes.learn_labels), never importing the risk rules.

The child rebuilds the comparison exactly (equal, field by field), flags it with the same
code and taxonomy, and sends only flags and categories: the flagged comparison is the one
`api.diff` makes without it. Anything else — a change the flags altered otherwise, a child
that failed or died — gives None, and `api.diff` flags the comparison itself, as without.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from draftkit.compare.changes import Change, Comparison, Flag, but_flags, category_label, learn_labels
from draftkit.model import Draft, Provision
from draftkit.readers.frozen import maker
from draftkit.readers.pair import from_plain, plain, plain_provision, provision_from_plain

if TYPE_CHECKING:
    from draftkit.forked import Given, Later
    from draftkit.readers import View
    from draftkit.risk.taxonomy import Taxonomy

SHAPE = "shape"  # the value first given for the work ahead only (risk.foresight's shape)
DRAFT = "draft"  # …for the flags too (`given_draft`)
COMPARISON = "comparison"  # the value given next (`plain_comparison`)


def given_draft(new: Draft, lens: str, view: View) -> tuple[Any, ...]:
    """The first value for the child: the new draft, and how the flags will read it."""
    return (DRAFT, plain(new), lens, view)


def after_reading(old: Draft, given: Given) -> Iterator[Any]:
    """In the child that read the old draft (readers.pair's `Later`): the work ahead of the
    flags (risk.foresight's `made_ahead`, with the shipped taxonomy) once this process has
    given the new draft's shape (`SHAPE`; None: no work), its pieces sent; or, given the new
    draft (`DRAFT`), that work kept here until the comparison is given, then its flags sent,
    in one piece (`plain_annotations`)."""
    from draftkit.risk.foresight import made_ahead, shape
    from draftkit.risk.taxonomy import default_taxonomy

    taxonomy = default_taxonomy()  # loaded while this process warms up, as it does too
    mine = shape(old)
    value = given()
    if value is None:
        return
    if value[0] == SHAPE:
        yield from made_ahead(mine, value[1], taxonomy)
    elif value[0] == DRAFT:
        _, drafted, lens, view = value
        new = from_plain(drafted)
        if new is not None:
            yield _flags(old, new, mine, lens, view, given, taxonomy)


def _flags(old: Draft, new: Draft, mine: Any, lens: str, view: View, given: Given, taxonomy: Taxonomy) -> Any:
    """The flags of the comparison given next, as plain values (None: none that fit)."""
    from draftkit.risk import flag
    from draftkit.risk.foresight import Known, made_ahead, shape
    from draftkit.risk.hygiene import check
    from draftkit.risk.objects import check_objects

    known = Known()
    if not given.ready():  # the work ahead until the comparison is given (it is then stopped)
        for piece in made_ahead(mine, shape(new), taxonomy):
            known.take([piece])
            if given.ready():
                break
    comparison = comparison_from_plain(given(), old, new)
    if comparison is None:
        return None
    flags = flag(
        comparison,
        taxonomy,
        lens=lens,
        known=known.scores,
        found=known.found,
        cosmetic=known.cosmetic,
        share=False,  # (two cores: this process and the one writing the redline)
    )
    return plain_annotations(comparison, check_objects(check(flags), taxonomy, view=view))


# ------------------------------------------------------------------ the comparison, plain

# A change's fields other than its provisions, texts, headings, ops and flags, as they are.
_AS_THEY_ARE = (
    "kind",
    "old_cite",
    "new_cite",
    "moved",
    "renumbered",
    "similarity",
    "references_updated",
    "old_category",
    "new_category",
    "rewritten",
    "confidence",
    "pinned",
    "possibly_replaced_by",
    "table_move",
)
_as_they_are = attrgetter(*_AS_THEY_ARE)
_OWN = 0  # in place of a text or op that is its first provision's own (the same object)


def plain_comparison(
    comparison: Comparison,
    old: Draft,
    new: Draft,
    old_nodes: Sequence[Provision] | None = None,
    new_nodes: Sequence[Provision] | None = None,
) -> Any | None:
    """The comparison of `old` and `new` (as read: the child holds them) as plain values
    (`old_nodes`, `new_nodes`: their provisions in walk order, when at hand); None when it is
    not of those drafts' provisions. A change is sent as its provisions' places in their
    drafts' walks (`_side`), and a text or op that is its first provision's own object (an
    unchanged provision's, most of a long draft's) as `_OWN`, not again. (One loop: a long
    comparison has 13,000 changes, sent while the redline waits.)"""
    if comparison.old.provisions is not old.provisions or comparison.new.provisions is not new.provisions:
        return None
    old_nodes = old_nodes if old_nodes is not None else list(old.walk())
    new_nodes = new_nodes if new_nodes is not None else list(new.walk())
    old_at = dict(zip(map(id, old_nodes), range(len(old_nodes)), strict=True))
    new_at = dict(zip(map(id, new_nodes), range(len(new_nodes)), strict=True))
    rows: list[Any] = []
    append = rows.append
    for c in comparison.changes:
        olds, news = c.old, c.new
        o = olds[0] if olds else None
        n = news[0] if news else None
        old_text, new_text, ops = c.old_text, c.new_text, c.ops
        append(
            (
                _as_they_are(c),
                old_at.get(id(o), _NOT) if len(olds) == 1 else _side(olds, old_at),
                new_at.get(id(n), _NOT) if len(news) == 1 else _side(news, new_at),
                _OWN if o is not None and old_text is o.text else old_text,
                _OWN if n is not None and new_text is n.text else new_text,
                _OWN if len(ops) == 1 and ops[0][1] is old_text and ops[0][0] == "equal" else ops,
                c.old_heading,
                c.new_heading,
                tuple(map(_plain_flag, c.flags)) if c.flags else (),
            )
        )
        if rows[-1][1] == _NOT or rows[-1][2] == _NOT:  # a title or recital the comparison made
            row = rows.pop()
            append((row[0], _side(olds, old_at), _side(news, new_at), *row[3:]))
    header = plain(replace(comparison.new, provisions=()))  # its warnings: the comparison's notes
    pins = tuple((p.old, p.new, p.old_cite, p.new_cite) for p in comparison.pins)
    return (COMPARISON, header, tuple(rows), pins, comparison.lens)


_NOT = -1  # (a provision not in its draft's walk)


def _side(provisions: tuple[Provision, ...], places: Mapping[int, int]) -> tuple[Any, ...]:
    """A change's side: each provision as its place in its draft's walk, or whole (a title or
    recital the comparison made: compare.front_units)."""
    return tuple(
        [place if (place := places.get(id(p), _NOT)) >= 0 else plain_provision(p) for p in provisions]
    )


_new_change = maker(Change)


def comparison_from_plain(value: Any, old: Draft, new: Draft) -> Comparison | None:
    """The comparison `plain_comparison` made `value` of, of the child's own drafts (None
    when `value` is not what it makes)."""
    from draftkit.compare.changes import Pin

    try:
        kind, header, rows, pins, lens = value
        noted = from_plain(header) if kind == COMPARISON else None
        if noted is None:
            return None
        olds, news = list(old.walk()), list(new.walk())
        changes = []
        # (`_OWN` is the only int among texts and ops: else strs and tuples)
        for (
            (kind_, old_cite, new_cite, moved, renumbered, similarity, references_updated, old_category,
             new_category, rewritten, confidence, pinned, possibly_replaced_by, table_move),
            old_side, new_side, old_text, new_text, op, old_heading, new_heading, flagged,
        ) in rows:  # fmt: skip
            o = (olds[old_side],) if type(old_side) is int else _provisions(old_side, olds)
            n = (news[new_side],) if type(new_side) is int else _provisions(new_side, news)
            if type(old_text) is int:
                old_text = o[0].text
            changes.append(
                _new_change(
                    kind_,
                    o,
                    n,
                    old_cite,
                    new_cite,
                    moved,
                    renumbered,
                    similarity,
                    old_text,
                    n[0].text if type(new_text) is int else new_text,
                    (("equal", old_text),) if type(op) is int else op,
                    old_heading,
                    new_heading,
                    references_updated,
                    tuple([Flag(*f) for f in flagged]),
                    old_category,
                    new_category,
                    rewritten,
                    confidence,
                    pinned,
                    possibly_replaced_by,
                    table_move,
                )
            )
        return Comparison(
            old,
            replace(new, warnings=noted.warnings),
            tuple(changes),
            tuple(Pin(*p) for p in pins),
            lens,
        )
    except (ValueError, TypeError, IndexError):
        return None


def _provisions(side: tuple[Any, ...], walked: Sequence[Provision]) -> tuple[Provision, ...]:
    """The provisions `_side` made plain, of the draft walked as `walked`."""
    return tuple([walked[p] if type(p) is int else provision_from_plain(p) for p in side])


def _plain_flag(flag: Flag) -> tuple[Any, ...]:
    if type(flag) is not Flag:
        raise TypeError(f"not a plain Flag: {type(flag).__name__}")  # (never: the flags make Flags)
    return (flag.rule, flag.category, flag.severity, flag.message, flag.old, flag.new)


# ------------------------------------------------------------------ the flags, plain


def plain_annotations(comparison: Comparison, flagged: Comparison) -> Any | None:
    """What the flags added to `comparison` (each change's flags and categories, where it has
    any) and the labels of their categories, as plain values; None when `flagged` differs from
    `comparison` otherwise (then this process flags the comparison itself)."""
    if (
        flagged.old is not comparison.old
        or flagged.new is not comparison.new
        or len(flagged.changes) != len(comparison.changes)
    ):
        return None
    out = []
    categories: set[str] = set()
    for k, (before, after) in enumerate(zip(comparison.changes, flagged.changes, strict=True)):
        if after is before:
            continue
        if but_flags(after) != but_flags(before):
            return None
        try:
            flags = tuple([_plain_flag(f) for f in after.flags])
        except TypeError:
            return None
        categories.update(f.category for f in after.flags)
        out.append((k, flags, after.old_category, after.new_category))
    return (tuple(out), {c: category_label(c) for c in sorted(categories)})


def give_comparison(
    later: Later,
    comparison: Comparison,
    old: Draft,
    new: Draft,
    old_nodes: Sequence[Provision] | None = None,
    new_nodes: Sequence[Provision] | None = None,
) -> bool:
    """The comparison given to the child that was given the new draft (`given_draft`); False
    when it cannot be (its flags are then this process's to make)."""
    value = plain_comparison(comparison, old, new, old_nodes, new_nodes)
    if value is None or not later.running:
        return False
    later.give(value)
    return True


def flagged(comparison: Comparison, came: Sequence[Any]) -> Comparison | None:
    """`comparison` with the flags the child sent (`came`: what `Later.wait` gave), the labels
    of their categories learnt; None when they did not come whole."""
    if len(came) != 1 or came[0] is None:
        return None
    try:
        annotations, labels = came[0]
        changes = list(comparison.changes)
        for k, flags, old_category, new_category in annotations:
            changes[k] = replace(
                changes[k],
                flags=tuple([Flag(*f) for f in flags]),
                old_category=tuple(old_category),
                new_category=tuple(new_category),
            )
    except (ValueError, TypeError, IndexError):
        return None
    learn_labels(labels)
    return replace(comparison, changes=tuple(changes))
