"""compare(old, new) → Comparison: alignment, word-level ops, renumbering-aware kinds."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from draftkit.align import Alignment, Flat, Pair, align
from draftkit.changes import Change, ChangeKind, Comparison
from draftkit.citations import cite
from draftkit.model import Draft
from draftkit.refs import Reference, label_value, rewrite
from draftkit.textdiff import diff_words

_TOP_KINDS = {"article", "annex", "section", "chapter", "part"}

Address = tuple[str, tuple[str, ...]]


def _address(flat: Flat, index: int) -> Address | None:
    """How a cross-reference would cite this provision: ('article', ('5', '2', 'b'))."""
    chain = flat.path(index)
    for k, provision in enumerate(chain):
        if provision.kind in _TOP_KINDS and provision.num:
            values = [label_value(p.num) for p in chain[k:]]
            if any(v is None for v in values):
                return None
            return provision.kind, tuple(v for v in values if v is not None)
    return None


def _top_address(flat: Flat, index: int) -> Address | None:
    """The address of the article (or annex…) a provision stands in."""
    address = _address(flat, index)
    return (address[0], address[1][:1]) if address else None


@dataclass(frozen=True, slots=True)
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
                target = self.moves.get((context[0], context[1] + ref.path))
                if target is None or target[1][:1] != new_context[1]:
                    return None
                return target[1][1:]
            if ref.top_kind is None:
                return None
            # The cited provision itself, else its nearest renumbered ancestor with the rest
            # of the path kept: "Article 8(1)" when only Article 8 became Article 9.
            for cut in range(len(ref.path), 0, -1):
                target = self.moves.get((ref.top_kind, ref.path[:cut]))
                if target is not None and target[0] == ref.top_kind:
                    return target[1] + ref.path[cut:]
            return None

        return map_ref


def _renumbering(alignment: Alignment) -> _Renumbering:
    moves: dict[Address, Address] = {}
    for pair in alignment.pairs:
        if not pair.old or not pair.new:
            continue
        # A split provision is cited by its first part; merged ones by the result.
        b = _address(alignment.new, pair.new[0])
        for i in pair.old:
            a = _address(alignment.old, i)
            if a is not None and b is not None and a != b and len(a[1]) == len(b[1]):
                moves[a] = b
    return _Renumbering(moves)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _order_key(alignment: Alignment, pair: Pair, old_anchor: dict[int, tuple[int, int]]) -> tuple[int, int]:
    if pair.new:
        return (pair.new[0], 0)
    return old_anchor[pair.old[0]]


def compare(old: Draft, new: Draft) -> Comparison:
    """Compare two drafts provision by provision."""
    alignment = align(old, new)
    renumbering = _renumbering(alignment)
    a, b = alignment.old, alignment.new
    changes: list[tuple[tuple[int, int], Change]] = []
    # Deleted provisions are placed after the change of their nearest surviving predecessor
    # in the old draft, so the report reads in new-document order with deletions in place.
    where_old: dict[int, int] = {}
    for pair in alignment.pairs:
        for i in pair.old:
            if pair.new:
                where_old[i] = pair.new[0]
    old_anchor: dict[int, tuple[int, int]] = {}
    last_new = -1
    for i in range(len(a.nodes)):
        if i in where_old:
            last_new = where_old[i]
        else:
            old_anchor[i] = (last_new, 1 + i)
    for pair in alignment.pairs:
        changes.append((_order_key(alignment, pair, old_anchor), _change(alignment, pair, renumbering)))
    changes.sort(key=lambda item: item[0])
    return Comparison(old, new, tuple(change for _, change in changes))


def _change(alignment: Alignment, pair: Pair, renumbering: _Renumbering) -> Change:
    a, b = alignment.old, alignment.new
    olds = tuple(a.nodes[i] for i in pair.old)
    news = tuple(b.nodes[j] for j in pair.new)
    old_text = "\n".join(p.text for p in olds)
    new_text = "\n".join(p.text for p in news)
    old_heading = olds[0].heading if olds else None
    new_heading = news[0].heading if news else None
    kind: ChangeKind
    references_updated = False
    renumbered = False
    match pair.kind:
        case "added":
            kind = "added"
        case "deleted":
            kind = "deleted"
        case "split":
            kind = "split"
        case "merge":
            kind = "merged"
        case "one":
            renumbered = _squash(olds[0].num or "") != _squash(news[0].num or "")
            same_heading = _squash(old_heading or "") == _squash(new_heading or "")
            if _squash(old_text) == _squash(new_text) and same_heading:
                kind = "unchanged"
            else:
                context = _top_address(a, pair.old[0])
                new_context = _top_address(b, pair.new[0])
                mapper = renumbering.mapper(context, new_context)
                rewritten = rewrite(old_text, mapper)
                if same_heading and _squash(rewritten) == _squash(new_text):
                    kind = "unchanged"
                    references_updated = True
                else:
                    kind = "modified"
    return Change(
        kind=kind,
        old=olds,
        new=news,
        old_cite=" + ".join(cite(a.path(i)) for i in pair.old),
        new_cite=" + ".join(cite(b.path(j)) for j in pair.new),
        moved=pair.moved,
        renumbered=renumbered,
        similarity=1.0 if kind == "unchanged" and not references_updated else pair.similarity,
        old_text=old_text,
        new_text=new_text,
        ops=tuple(diff_words(old_text, new_text)),
        old_heading=old_heading,
        new_heading=new_heading,
        references_updated=references_updated,
    )


