"""A draft flattened for alignment: provisions in document order with parent and children
indices, comparison keys and citations (compare.align, engine, languages)."""

from __future__ import annotations

from typing import Any

from draftkit.compare.citations import UNNUMBERED, extend
from draftkit.compare.measures import mask_digits
from draftkit.compare.refs import label_value
from draftkit.model import Draft, Provision
from draftkit.records import record

ROOT = -1
_TOP_KINDS = frozenset({"article", "annex", "section", "chapter", "part"})

# How a cross-reference would cite a provision: ('article', ('5', '2', 'b')).
Address = tuple[str, tuple[str, ...]]


@record
class Flat:
    """A draft flattened in document order, with parent and children indices."""

    nodes: tuple[Provision, ...]
    parent: tuple[int, ...]
    children: dict[int, tuple[int, ...]]  # ROOT → top-level indices
    keys: tuple[str, ...]  # normalised heading + text, for similarity
    cites: tuple[str, ...]  # "Article 4(2)(b)"
    # Made with the rest (the new draft's Flat is made while the old draft is still being
    # read: api.diff), so that a comparison finds them ready:
    masked: tuple[str, ...]  # keys with each run of digits as '#' (align's anchors)
    addresses: tuple[Address | None, ...]  # how a reference cites each provision (engine)

    @staticmethod
    def of(draft: Draft) -> Flat:
        """Flatten a draft."""
        # One walk in document order (a stack, not a call per provision) makes the indices,
        # keys (`normalise` inlined: a long draft has 13,000 provisions) and citations.
        nodes: list[Provision] = []
        parent: list[int] = []
        keys: list[str] = []
        cites: list[str] = []  # raw: "" where the provision has no citation of its own
        parents: dict[int, list[int]] = {ROOT: []}  # the provisions with children only
        stack = [(provision, ROOT) for provision in reversed(draft.provisions)]
        pop, push = stack.pop, stack.extend
        while stack:
            provision, up = pop()
            index = len(nodes)
            nodes.append(provision)
            parent.append(up)
            parents[up].append(index)
            heading, text = provision.heading, provision.text
            if heading:
                text = f"{heading}\n{text}"
            # As `normalise` (inlined but for its whitespace test: a long draft has 13,000 keys).
            if text.isascii() and _collapsed(text):
                keys.append(text.lower())
            else:
                keys.append(" ".join(text.split()).lower())
            cites.append(extend(cites[up] if up != ROOT else "", provision))
            if provision.children:
                parents[index] = []
                push([(child, index) for child in reversed(provision.children)])
        # Every index a key, in the order the walk met them (ROOT first), a leaf's children ().
        children: dict[int, tuple[int, ...]] = {ROOT: ()}
        children.update(dict.fromkeys(range(len(nodes)), ()))
        for index, kids in parents.items():
            children[index] = tuple(kids)
        return Flat(
            tuple(nodes),
            tuple(parent),
            children,
            tuple(keys),
            tuple([c or UNNUMBERED for c in cites]),
            tuple(map(mask_digits, keys)),
            _addresses(nodes, parent),
        )

    def fields(self) -> tuple[Any, ...]:
        """Everything but the nodes, as plain values (`marshal`-able): what a forked child that
        read a draft sends so that `Flat.made` need not flatten it again (readers.pair)."""
        return (self.parent, self.children, self.keys, self.cites, self.masked, self.addresses)

    @staticmethod
    def made(draft: Draft, fields: Any) -> Flat | None:
        """`Flat.of(draft)` from the `fields` of `Flat.of` of the same draft made elsewhere (the
        child that read it: readers.pair; trusted to be of that draft): only the nodes are
        walked again. None when the fields are not what `fields` makes or their sizes do not
        fit the draft."""
        nodes: list[Provision] = []
        stack = list(reversed(draft.provisions))
        pop, push, append = stack.pop, stack.extend, nodes.append
        while stack:
            provision = pop()
            append(provision)
            if provision.children:
                push(reversed(provision.children))
        size = len(nodes)
        try:
            parent, children, keys, cites, masked, addresses = fields
            if not (
                len(parent) == len(keys) == len(cites) == len(masked) == len(addresses) == size
                and len(children) == size + 1
            ):
                return None
        except (TypeError, ValueError):
            return None
        return Flat(tuple(nodes), parent, children, keys, cites, masked, addresses)

    def path(self, index: int) -> list[Provision]:
        """The chain root → index."""
        chain = []
        while index != ROOT:
            chain.append(self.nodes[index])
            index = self.parent[index]
        return chain[::-1]


def _addresses(nodes: list[Provision], parent: list[int]) -> tuple[Address | None, ...]:
    """How a cross-reference would cite each provision: ('article', ('5', '2', 'b')), or None
    for provisions outside any article/annex/section or with an unnumbered step. One pass."""
    out: list[Address | None] = []
    append = out.append
    for provision, up in zip(nodes, parent, strict=True):
        value = label_value(provision.num)
        if value is None:
            append(None)
            continue
        kind = provision.kind
        above = out[up] if up != ROOT else None
        if kind == "article" or kind == "annex" or (above is None and kind in _TOP_KINDS):
            # Articles are cited on their own ("Article 5"), even inside a Part or Chapter.
            append((kind, (value,)))
        elif above is not None:
            append((above[0], (*above[1], value)))
        else:
            append(None)
    return tuple(out)


def normalise(provision: Provision) -> str:
    """Comparison form: heading and text, lower case, whitespace collapsed."""
    text = f"{provision.heading}\n{provision.text}" if provision.heading else provision.text
    if text.isascii() and _collapsed(text):
        return text.lower()  # most texts of a long draft: nothing to collapse (twice as fast)
    return " ".join(text.split()).lower()


def _collapsed(text: str) -> bool:
    """Whether an ASCII text is already as `str.split` and a single-space join leave it: no
    whitespace but single spaces between words (ASCII whitespace: space, \\t \\n \\r \\v \\f
    and \\x1c–\\x1f)."""
    return (
        "  " not in text
        and text[:1] != " "
        and text[-1:] != " "
        and "\n" not in text
        and "\t" not in text
        and "\r" not in text
        and "\x0b" not in text
        and "\x0c" not in text
        and "\x1c" not in text
        and "\x1d" not in text
        and "\x1e" not in text
        and "\x1f" not in text
    )
