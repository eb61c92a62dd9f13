"""A draft flattened for alignment: provisions in document order with parent and children
indices, comparison keys and citations (compare.align, engine, languages)."""

from __future__ import annotations

from dataclasses import dataclass

from draftkit.compare.citations import UNNUMBERED, extend
from draftkit.model import Draft, Provision

ROOT = -1


@dataclass(frozen=True, slots=True)
class Flat:
    """A draft flattened in document order, with parent and children indices."""

    nodes: tuple[Provision, ...]
    parent: tuple[int, ...]
    children: dict[int, tuple[int, ...]]  # ROOT → top-level indices
    keys: tuple[str, ...]  # normalised heading + text, for similarity
    cites: tuple[str, ...]  # "Article 4(2)(b)"

    @staticmethod
    def of(draft: Draft) -> Flat:
        """Flatten a draft."""
        nodes: list[Provision] = []
        parent: list[int] = []
        children: dict[int, list[int]] = {ROOT: []}

        def visit(provision: Provision, up: int) -> None:
            index = len(nodes)
            nodes.append(provision)
            parent.append(up)
            children[up].append(index)
            children[index] = []
            for child in provision.children:
                visit(child, index)

        for provision in draft.provisions:
            visit(provision, ROOT)
        keys = tuple(normalise(p) for p in nodes)
        cites: list[str] = []
        for provision, up in zip(nodes, parent, strict=True):
            cites.append(extend(cites[up] if up != ROOT else "", provision))
        return Flat(
            tuple(nodes),
            tuple(parent),
            {k: tuple(v) for k, v in children.items()},
            keys,
            tuple(c or UNNUMBERED for c in cites),
        )

    def path(self, index: int) -> list[Provision]:
        """The chain root → index."""
        chain = []
        while index != ROOT:
            chain.append(self.nodes[index])
            index = self.parent[index]
        return chain[::-1]


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
